//! Building the corpus from documents and what the extractor found in each:
//! per-document speakers merged into corpus-wide ones (refined by the
//! manifest), in load order.

use std::collections::{HashMap, HashSet};

/// The indexer's maps, keyed by names from the documents: foldhash, seeded
/// afresh in every process like the extractor's name maps (so a document
/// cannot choose names that collide), and several times cheaper to hash
/// than the standard library's SipHash on thousands of speakers.
type Map<K, V> = HashMap<K, V, foldhash::fast::RandomState>;
/// A set keyed the same way.
type Set<K> = HashSet<K, foldhash::fast::RandomState>;

use super::{Corpus, Speaker, Statement};
use crate::documents::{Document, FileProblem, Manifest};
use crate::extract::normalize_name;
use crate::extract::{self, Entity, Extraction, SpeakerKind};
use crate::notes::Note;

/// Folds documents and their extractions into a corpus in load order, so
/// the background loader can show documents as they arrive and still end
/// with the same corpus however the documents were batched (speaker ids
/// depend on the order speakers are first seen).
#[derive(Debug)]
pub struct Indexer {
    merger: Merger,
}

impl Indexer {
    /// The indexer and an empty corpus with the manifest's helplines and
    /// content note, so a reader can draw before any document is read.
    pub fn start(manifest: Manifest, problems: Vec<FileProblem>) -> (Indexer, Corpus) {
        let corpus = Corpus { problems, ..Corpus::empty(&manifest) };
        (Indexer { merger: Merger::new(manifest) }, corpus)
    }

    /// Appends documents (in load order) with their extractions, one each.
    pub fn add(&mut self, corpus: &mut Corpus, documents: Vec<Document>, extractions: Vec<DocumentStatements>) {
        debug_assert_eq!(documents.len(), extractions.len());
        // The corpus's speakers are lent to the merger for the batch (only
        // it changes them), so they are held once, not copied per batch.
        let known = corpus.speakers.len();
        self.merger.speakers = std::mem::take(&mut corpus.speakers);
        let first = corpus.documents.len();
        for (offset, mut extraction) in extractions.into_iter().enumerate() {
            let doc_index = first + offset;
            corpus.notes.extend(extraction.notes.into_iter().map(|note| Note { document: doc_index, ..note }));
            let mut local_to_global: Map<usize, usize> = Map::default();
            let title = documents.get(offset).map_or("", |d| d.title.as_str());
            let next_id = corpus.statements.len() + 1;
            for (offset, statement) in extraction.statements.iter_mut().enumerate() {
                let merger = &mut self.merger;
                statement.speaker = statement.speaker.map(|local| {
                    *local_to_global.entry(local).or_insert_with(|| {
                        merger.speaker_for(&extraction.entities[local], &extraction.keys[local], title)
                    })
                });
                statement.id = next_id + offset;
                statement.document = doc_index;
            }
            corpus.append_statements(extraction.statements);
        }
        corpus.documents.extend(documents);
        corpus.documents_added();
        corpus.by_document.resize(corpus.documents.len(), 0..0);
        corpus.speakers = std::mem::take(&mut self.merger.speakers);
        let renamed: Vec<usize> = self.merger.changed.drain(..).filter(|&index| index < known).collect();
        corpus.speakers_changed(&renamed);
        corpus.by_speaker.resize(corpus.speakers.len(), Vec::new());
    }

    /// Adds the problems found reading a batch, in load order.
    pub fn add_problems(&mut self, corpus: &mut Corpus, problems: Vec<FileProblem>) {
        corpus.problems.extend(problems);
    }
}

/// What one document's extraction adds to the corpus: its entities, and
/// its statements with their words located in the document's paragraphs
/// (so the extractor's copies of them can go at once, on the thread that
/// extracted them). Made by [`extract_document`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentStatements {
    entities: Vec<Entity>,
    /// Each entity's name and aliases normalised, worked out here on the
    /// thread that extracted the document rather than on the one that
    /// folds every batch in (the reader's).
    keys: Vec<Vec<String>>,
    /// Each statement's `speaker` is still an index into `entities`; its
    /// id and document are set by [`Indexer::add`].
    statements: Vec<Statement>,
    /// Wrong helpline numbers it prints ([`crate::notes`]), `document` 0.
    notes: Vec<Note>,
}

impl DocumentStatements {
    /// An extraction of a document as the corpus keeps its statements;
    /// `notes` are the document's number notes.
    pub fn new(extraction: Extraction, notes: Vec<Note>) -> DocumentStatements {
        let Extraction { entities, statements } = extraction;
        let statements = statements.into_iter().map(|found| Statement::new(0, 0, found.speaker, found)).collect();
        let keys = entities.iter().map(entity_keys).collect();
        DocumentStatements { entities, keys, statements, notes }
    }
}

/// Extracts one document's statements and checks its helpline numbers
/// against `manifest` (see [`DocumentStatements`]): all the per-document work, so
/// it runs on whichever thread read the document.
pub fn extract_document(document: &Document, manifest: &Manifest) -> DocumentStatements {
    let paragraphs = &document.paragraphs;
    DocumentStatements::new(extract::extract(paragraphs), crate::notes::check_document(document, manifest))
}

#[derive(Debug)]
struct Merger {
    /// Shared so a lookup can hold a manifest entry while speakers change.
    manifest: std::sync::Arc<Manifest>,
    /// The corpus's speakers, lent for the batch being added.
    speakers: Vec<Speaker>,
    by_key: Map<String, usize>,
    /// Speakers by id, and the ids taken (the manifest's included), so a
    /// new speaker's id is found in constant time however many there are.
    by_id: Map<String, usize>,
    taken_ids: Set<String>,
    next_suffix: Map<String, usize>,
    /// The first manifest speaker each normalised id, name or alias names.
    manifest_keys: Map<String, usize>,
    /// The names of described speakers so far, lower-cased.
    described_names: Set<String>,
    /// Speakers that gained an alias in the batch being added, so the
    /// corpus measures their names again.
    changed: Vec<usize>,
    /// Each speaker's name normalised, by index (names never change).
    speaker_keys: Vec<String>,
}

impl Merger {
    fn new(manifest: Manifest) -> Self {
        let mut manifest_keys = Map::default();
        for (index, meta) in manifest.speakers.iter().enumerate() {
            for name in std::iter::once(&meta.id).chain(std::iter::once(&meta.name)).chain(&meta.aliases) {
                manifest_keys.entry(normalize_name(name)).or_insert(index);
            }
        }
        let taken_ids = manifest.speakers.iter().map(|m| m.id.clone()).collect();
        Merger {
            manifest: std::sync::Arc::new(manifest),
            speakers: Vec::new(),
            by_key: Map::default(),
            by_id: Map::default(),
            taken_ids,
            next_suffix: Map::default(),
            manifest_keys,
            described_names: Set::default(),
            changed: Vec::new(),
            speaker_keys: Vec::new(),
        }
    }

    /// The corpus speaker for an entity of the document titled `title`,
    /// creating it on first sight; `normalized` are its [`entity_keys`].
    fn speaker_for(&mut self, entity: &Entity, normalized: &[String], title: &str) -> usize {
        let names = || std::iter::once(entity.name.as_str()).chain(entity.aliases.iter().map(String::as_str));
        let keys: Vec<&str> = names()
            .zip(normalized)
            .filter(|(name, key)| entity.kind != SpeakerKind::Person || key.contains(' ') || *name == entity.name)
            .map(|(_, key)| key.as_str())
            .filter(|key| !key.is_empty())
            .collect();
        let manifest = std::sync::Arc::clone(&self.manifest);
        // The manifest speaker listed first among those the names match.
        let manifest_speaker =
            normalized.iter().filter_map(|key| self.manifest_keys.get(key)).min().map(|&i| &manifest.speakers[i]);
        // A description ("a mother") names someone new in each document.
        let keys = if entity.described && manifest_speaker.is_none() { Vec::new() } else { keys };
        let existing = match manifest_speaker {
            Some(meta) => self.by_id.get(&meta.id).copied(),
            None => keys.iter().find_map(|&key| self.by_key.get(key).copied()),
        };
        let index = existing.unwrap_or_else(|| {
            let speaker = match manifest_speaker {
                Some(meta) => Speaker {
                    id: meta.id.clone(),
                    name: meta.name.clone(),
                    short: meta.short.clone().unwrap_or_else(|| short_label(&meta.name, &meta.aliases, meta.kind)),
                    aliases: meta.aliases.clone(),
                    kind: meta.kind,
                },
                None => Speaker {
                    id: self.unique_id(&crate::documents::slug(&entity.name)),
                    name: self.display_name(entity, title),
                    short: short_label(&entity.name, &entity.aliases, entity.kind),
                    aliases: Vec::new(),
                    kind: entity.kind,
                },
            };
            self.taken_ids.insert(speaker.id.clone());
            self.by_id.insert(speaker.id.clone(), self.speakers.len());
            self.speakers.push(speaker);
            self.speakers.len() - 1
        });
        for speaker in &self.speakers[self.speaker_keys.len().min(self.speakers.len())..] {
            self.speaker_keys.push(normalize_name(&speaker.name));
        }
        let speaker_key = &self.speaker_keys[index];
        let speaker = &mut self.speakers[index];
        for (name, key) in names().zip(normalized) {
            let known = key == speaker_key || speaker.aliases.iter().any(|a| a.eq_ignore_ascii_case(name));
            if !known {
                speaker.aliases.push(name.to_string());
                self.changed.push(index);
            }
        }
        for key in keys {
            if !self.by_key.contains_key(key) {
                self.by_key.insert(key.to_string(), index);
            }
        }
        index
    }

    /// The name a new speaker is shown under: a description another
    /// document already used ("A mother") says which document it is from,
    /// so two people are not listed under one name.
    fn display_name(&mut self, entity: &Entity, title: &str) -> String {
        if !entity.described || title.is_empty() {
            return entity.name.clone();
        }
        let first_of_its_name = self.described_names.insert(entity.name.to_lowercase());
        if first_of_its_name { entity.name.clone() } else { format!("{} ({title})", entity.name) }
    }

    /// `base`, or `base-2`, `base-3` …: the first not taken. Each base
    /// remembers where its count got to, so many speakers of one name cost
    /// no more than many of different names.
    fn unique_id(&mut self, base: &str) -> String {
        let mut id = base.to_string();
        let n = self.next_suffix.entry(base.to_string()).or_insert(2);
        while self.taken_ids.contains(&id) {
            id = format!("{base}-{n}");
            *n += 1;
        }
        id
    }
}

/// An entity's name and each of its aliases, normalised as the merger
/// keys speakers by them.
fn entity_keys(entity: &Entity) -> Vec<String> {
    std::iter::once(&entity.name).chain(&entity.aliases).map(|name| normalize_name(name)).collect()
}

/// A gutter label: an acronym alias if there is one, a person's surname,
/// else the name itself (the view truncates it).
fn short_label(name: &str, aliases: &[String], kind: SpeakerKind) -> String {
    let is_acronym =
        |s: &str| (2..=6).contains(&s.len()) && s.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    if is_acronym(name) {
        return name.to_string();
    }
    if let Some(acronym) = aliases.iter().find(|a| is_acronym(a)) {
        return acronym.clone();
    }
    if kind == SpeakerKind::Person
        && let Some(surname) = name.split_whitespace().last()
    {
        return surname.to_string();
    }
    name.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Notes are found per document on the loading threads; each must
    /// point at its own document once the corpus numbers them.
    #[test]
    fn a_wrong_helpline_number_is_noted_in_the_document_that_prints_it() {
        let document = |id: &str, text: &str| Document::from_text(id.into(), id.into(), id, text);
        let documents = vec![
            document("first", "First\n\nNothing to check here."),
            document("second", "Second\n\nAdults can call the NSPCC helpline on 0808 500 1111."),
        ];
        let manifest = crate::documents::embedded_manifest();
        let extracted = documents.iter().map(|document| extract_document(document, &manifest)).collect();
        let (mut indexer, mut corpus) = Indexer::start(manifest, Vec::new());
        indexer.add(&mut corpus, documents, extracted);
        assert_eq!(corpus.notes.len(), 1, "{:?}", corpus.notes);
        assert_eq!((corpus.notes[0].document, corpus.notes[0].paragraph), (1, 0));
        assert_eq!(corpus.notes[0].published, "0808 800 5000");
    }

    /// The speakers' order is worked out once per change; a later batch
    /// must still move a speaker up, add a new one and follow a new name.
    #[test]
    fn the_listing_order_follows_each_batch() {
        let document = |id: &str, text: &str| Document::from_text(id.into(), id.into(), id, text);
        let manifest = Manifest::default();
        let (mut indexer, mut corpus) = Indexer::start(manifest.clone(), Vec::new());
        let mut add = |corpus: &mut Corpus, documents: Vec<Document>| {
            let extracted = documents.iter().map(|d| extract_document(d, &manifest)).collect();
            indexer.add(corpus, documents, extracted);
        };
        let names = |corpus: &Corpus| -> Vec<String> {
            corpus
                .groups(&crate::corpus::Filter::default())
                .iter()
                .map(|g| corpus.group_name(g.group).to_string())
                .collect()
        };
        add(&mut corpus, vec![document("a", "A\n\nThe Northshire Trust said the wards were full.")]);
        assert_eq!(names(&corpus), ["Northshire Trust"]);
        add(
            &mut corpus,
            vec![document(
                "b",
                "B\n\nThe Westshire Council said the roads were shut. The Westshire Council said schools were open.",
            )],
        );
        assert_eq!(names(&corpus), ["Westshire Council", "Northshire Trust"], "the new speaker, with more, first");
    }

    #[test]
    fn short_labels_prefer_acronyms_then_surnames() {
        assert_eq!(
            short_label("Buckinghamshire Safeguarding Children Board", &["BSCB".into()], SpeakerKind::Organisation),
            "BSCB"
        );
        assert_eq!(short_label("Sadiq Khan", &[], SpeakerKind::Person), "Khan");
        assert_eq!(short_label("Ofcom", &[], SpeakerKind::Organisation), "Ofcom");
    }

    impl Merger {
        fn speaker_for_test(&mut self, entity: &Entity) -> usize {
            self.speaker_for(entity, &entity_keys(entity), "")
        }
    }

    fn entity(name: &str, aliases: &[&str], kind: SpeakerKind) -> Entity {
        Entity { name: name.into(), aliases: aliases.iter().map(|a| a.to_string()).collect(), kind, described: false }
    }

    #[test]
    fn entities_merge_across_documents_by_name_or_acronym() {
        let manifest = Manifest::default();
        let mut merger = Merger::new(manifest);
        let a = merger.speaker_for_test(&entity("Thames Valley Police", &["TVP"], SpeakerKind::Organisation));
        let b = merger.speaker_for_test(&entity("TVP", &[], SpeakerKind::Organisation));
        let c = merger.speaker_for_test(&entity("Sadiq Khan", &["Mr Khan"], SpeakerKind::Person));
        let d = merger.speaker_for_test(&entity("Imran Khan", &["Mr Khan"], SpeakerKind::Person));
        assert_eq!(a, b);
        assert_ne!(c, d, "people who share a surname stay apart");
        assert_eq!(merger.speakers[a].id, "thames-valley-police");
    }

    #[test]
    fn a_description_in_two_documents_is_two_speakers() {
        let mut merger = Merger::new(Manifest::default());
        let mother = Entity { described: true, ..entity("A mother", &[], SpeakerKind::Person) };
        let first = merger.speaker_for(&mother, &entity_keys(&mother), "Fire in Leeds");
        let second = merger.speaker_for(&mother, &entity_keys(&mother), "School closes");
        assert_ne!(first, second, "two articles' \"a mother\" are two people");
        assert_eq!(merger.speakers[second].id, "a-mother-2");
        assert_eq!(merger.speakers[first].name, "A mother");
        assert_eq!(merger.speakers[second].name, "A mother (School closes)", "the sidebar tells them apart");
    }

    /// The corpus's speakers are the merger's across batches: a speaker
    /// gains an alias in a later batch, and new ones follow.
    #[test]
    fn speakers_follow_new_speakers_and_new_aliases_batch_by_batch() {
        use crate::extract::{Found, Span, StatementKind};
        let text = "Someone said something.";
        let document = |id: &str| Document::from_text(id.into(), id.into(), id, &format!("{id}\n\n{text}"));
        let said = |speaker: usize| Found {
            speaker: Some(speaker),
            kind: StatementKind::Reported,
            spans: Span { paragraph: 0, start: 0, end: text.len() }.into(),
            cue: None,
            confidence: 1.0,
        };
        let batch = |entities: Vec<Entity>| {
            let statements = (0..entities.len()).map(said).collect();
            DocumentStatements::new(Extraction { entities, statements }, Vec::new())
        };
        let (mut indexer, mut corpus) = Indexer::start(Manifest::default(), Vec::new());
        let first = vec![
            entity("Thames Valley Police", &[], SpeakerKind::Organisation),
            entity("Sadiq Khan", &[], SpeakerKind::Person),
        ];
        indexer.add(&mut corpus, vec![document("one")], vec![batch(first)]);
        assert_eq!(corpus.speakers.len(), 2);
        let second = vec![
            entity("Thames Valley Police", &["TVP"], SpeakerKind::Organisation),
            entity("NSPCC", &[], SpeakerKind::Organisation),
        ];
        indexer.add(&mut corpus, vec![document("two")], vec![batch(second)]);
        let names: Vec<&str> = corpus.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Thames Valley Police", "Sadiq Khan", "NSPCC"]);
        assert_eq!(corpus.speakers[0].aliases, ["TVP"], "an alias found in a later batch reaches the corpus");
        assert_eq!(corpus.statements_by(super::super::Group::Speaker(0)).len(), 2);
        corpus.assert_indexed();
    }

    #[test]
    fn the_manifest_names_a_speaker_found_under_an_alias() {
        let manifest = Manifest::parse(
            "[[speaker]]\nid = \"nspcc\"\nname = \"NSPCC\"\nshort = \"NSPCC\"\naliases = [\"National Society for the Prevention of Cruelty to Children\"]\nkind = \"organisation\"\n",
        )
        .unwrap();
        let mut merger = Merger::new(manifest);
        let found = merger.speaker_for_test(&entity(
            "National Society for the Prevention of Cruelty to Children",
            &[],
            SpeakerKind::Organisation,
        ));
        assert_eq!(merger.speakers[found].id, "nspcc");
        assert_eq!(merger.speakers[found].name, "NSPCC");
    }
}

//! The corpus-wide model every front end draws from: documents, speakers
//! merged across documents (and refined by the manifest), and statements.

use std::collections::HashMap;

use crate::corpus::{Document, Helpline, Loaded, Manifest, Warning};
use crate::extract::{self, Entity, Extraction, Span, SpeakerKind, StatementKind};

/// A speaker as the whole corpus knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Stable id: the manifest's, else a slug of the name.
    pub id: String,
    pub name: String,
    /// A few characters for the reader's gutter ("TVP", "Khan").
    pub short: String,
    /// Every other name the documents or the manifest use for it.
    pub aliases: Vec<String>,
    pub kind: SpeakerKind,
}

/// A statement with its place in the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// 1-based, in corpus order (documents in load order, then document order).
    pub id: usize,
    /// Index into [`Corpus::documents`].
    pub document: usize,
    /// Index into [`Corpus::speakers`]; `None` when unattributed.
    pub speaker: Option<usize>,
    pub kind: StatementKind,
    pub text: String,
    pub cue: String,
    /// Where it sits in its document's paragraphs; never empty.
    pub spans: Vec<Span>,
}

impl Statement {
    /// First and last paragraph, 1-based, as users and outputs count them.
    pub fn paragraph_range(&self) -> (usize, usize) {
        let first = self.spans.first().map_or(0, |s| s.paragraph);
        let last = self.spans.last().map_or(first, |s| s.paragraph);
        (first + 1, last + 1)
    }
}

/// A mismatch between a phone number printed in a document and the number
/// the organisation publishes for the same helpline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub document: usize,
    /// 0-based paragraph index.
    pub paragraph: usize,
    pub found: String,
    pub published: String,
    /// The helpline's name ("NSPCC helpline").
    pub helpline: String,
    /// The display name of the organisation that runs it ("NSPCC").
    pub organisation: String,
}

/// Everything loaded and extracted.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub speakers: Vec<Speaker>,
    pub statements: Vec<Statement>,
    pub helplines: Vec<Helpline>,
    pub notes: Vec<Note>,
    pub warnings: Vec<Warning>,
    /// Shown before any article text (TUI) or as the first line (plain).
    pub content_note: String,
}

/// The content note for a corpus whose manifest gives none.
pub const DEFAULT_CONTENT_NOTE: &str = "These documents may describe distressing events.";

impl Corpus {
    /// Extracts every document and merges its speakers into the corpus.
    pub fn build(loaded: Loaded) -> Corpus {
        let extractions: Vec<Extraction> = extract_all(&loaded.documents);
        let Loaded { documents, manifest, warnings } = loaded;
        let (mut indexer, mut corpus) = Indexer::start(manifest, warnings);
        indexer.add(&mut corpus, documents, extractions);
        corpus
    }

    /// How many statements each speaker has    /// How many statements each speaker has, indexed like [`Corpus::speakers`].
    pub fn statement_counts(&self) -> Vec<usize> {
        let mut counts = vec![0; self.speakers.len()];
        for statement in &self.statements {
            if let Some(speaker) = statement.speaker {
                counts[speaker] += 1;
            }
        }
        counts
    }

    /// Speakers in the order people scan them: most statements first, then by name.
    pub fn speakers_by_count(&self) -> Vec<usize> {
        let counts = self.statement_counts();
        let mut order: Vec<usize> = (0..self.speakers.len()).collect();
        order.sort_by(|&a, &b| {
            counts[b]
                .cmp(&counts[a])
                .then_with(|| self.speakers[a].name.to_lowercase().cmp(&self.speakers[b].name.to_lowercase()))
        });
        order
    }

    /// Statements that no speaker could be found for.
    pub fn unattributed(&self) -> impl Iterator<Item = &Statement> {
        self.statements.iter().filter(|s| s.speaker.is_none())
    }
}

/// Folds documents and their extractions into a corpus in load order, so
/// the background loader can show documents as they arrive and still end
/// with exactly the corpus [`Corpus::build`] gives (speaker ids depend on
/// the order speakers are first seen).
#[derive(Debug)]
pub struct Indexer {
    merger: Merger,
}

impl Indexer {
    /// The indexer and an empty corpus with the manifest's helplines and
    /// content note, so a reader can draw before any document is read.
    pub fn start(manifest: Manifest, warnings: Vec<Warning>) -> (Indexer, Corpus) {
        let corpus = Corpus {
            helplines: manifest.helplines.clone(),
            warnings,
            content_note: manifest.content_note.clone().unwrap_or_else(|| DEFAULT_CONTENT_NOTE.to_string()),
            ..Corpus::default()
        };
        (Indexer { merger: Merger::new(manifest) }, corpus)
    }

    /// Appends documents (in load order) with their extractions, one each.
    pub fn add(&mut self, corpus: &mut Corpus, documents: Vec<Document>, extractions: Vec<Extraction>) {
        debug_assert_eq!(documents.len(), extractions.len());
        let first = corpus.documents.len();
        for (offset, extraction) in extractions.into_iter().enumerate() {
            let doc_index = first + offset;
            let mut local_to_global: HashMap<usize, usize> = HashMap::new();
            for found in extraction.statements {
                let merger = &mut self.merger;
                let speaker = found.speaker.map(|local| {
                    *local_to_global.entry(local).or_insert_with(|| merger.speaker_for(&extraction.entities[local]))
                });
                corpus.statements.push(Statement {
                    id: corpus.statements.len() + 1,
                    document: doc_index,
                    speaker,
                    kind: found.kind,
                    text: found.text,
                    cue: found.cue,
                    spans: found.spans,
                });
            }
        }
        let notes = crate::notes::check_numbers(&documents, &self.merger.manifest);
        corpus.notes.extend(notes.into_iter().map(|note| Note { document: note.document + first, ..note }));
        corpus.documents.extend(documents);
        corpus.speakers.clone_from(&self.merger.speakers);
    }
}

/// Extracts documents on all available cores; documents are independent.
pub fn extract_all(documents: &[Document]) -> Vec<Extraction> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(documents.len().max(1));
    if threads <= 1 {
        return documents.iter().map(|doc| extract::extract(&doc.paragraphs)).collect();
    }
    let chunk = documents.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = documents
            .chunks(chunk)
            .map(|docs| {
                scope.spawn(move || docs.iter().map(|doc| extract::extract(&doc.paragraphs)).collect::<Vec<_>>())
            })
            .collect();
        handles.into_iter().flat_map(|handle| handle.join().expect("extraction does not panic")).collect()
    })
}

/// Words dropped from the front of a name before comparing it.
const NAME_PREFIXES: &[&str] =
    &["mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "lord", "lady", "dame", "rev", "the"];

/// Lower-case letters and digits, without a leading "the" or honorific: the
/// form two names are compared in.
pub fn normalize_name(name: &str) -> String {
    if name.is_ascii() {
        // The extractor keys every mention this way: one pass without
        // Unicode case tables or a word list.
        return normalize_ascii_name(name);
    }
    let cleaned: String = name
        .chars()
        .map(|c| if c == '’' || c == '\'' { '\0' } else { c })
        .filter(|&c| c != '\0')
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut words: Vec<&str> = cleaned.split_whitespace().collect();
    while words.len() > 1 && NAME_PREFIXES.contains(&words[0]) {
        words.remove(0);
    }
    words.join(" ")
}

/// [`normalize_name`] for an ASCII name, with the same result.
fn normalize_ascii_name(name: &str) -> String {
    let mut cleaned = String::with_capacity(name.len());
    for b in name.bytes().filter(|&b| b != b'\'') {
        cleaned.push(if b.is_ascii_alphanumeric() { char::from(b.to_ascii_lowercase()) } else { ' ' });
    }
    let mut normal = String::with_capacity(cleaned.len());
    let mut words = cleaned.split_ascii_whitespace().peekable();
    while let Some(word) = words.next() {
        // Prefixes go from the front, but never the last word.
        if normal.is_empty() && words.peek().is_some() && NAME_PREFIXES.contains(&word) {
            continue;
        }
        if !normal.is_empty() {
            normal.push(' ');
        }
        normal.push_str(word);
    }
    normal
}

#[derive(Debug)]
struct Merger {
    /// Shared so a lookup can hold a manifest entry while speakers change.
    manifest: std::sync::Arc<Manifest>,
    speakers: Vec<Speaker>,
    by_key: HashMap<String, usize>,
}

impl Merger {
    fn new(manifest: Manifest) -> Self {
        Merger { manifest: std::sync::Arc::new(manifest), speakers: Vec::new(), by_key: HashMap::new() }
    }

    /// The corpus speaker for an entity, creating it on first sight.
    fn speaker_for(&mut self, entity: &Entity) -> usize {
        let names: Vec<&str> =
            std::iter::once(entity.name.as_str()).chain(entity.aliases.iter().map(String::as_str)).collect();
        let keys: Vec<String> = names
            .iter()
            .filter(|name| {
                entity.kind != SpeakerKind::Person || normalize_name(name).contains(' ') || **name == entity.name
            })
            .map(|name| normalize_name(name))
            .filter(|key| !key.is_empty())
            .collect();
        let manifest = std::sync::Arc::clone(&self.manifest);
        let manifest_speaker = manifest.speakers.iter().find(|meta| {
            std::iter::once(&meta.id)
                .chain(std::iter::once(&meta.name))
                .chain(&meta.aliases)
                .any(|name| names.iter().any(|n| normalize_name(n) == normalize_name(name)))
        });
        let existing = match manifest_speaker {
            Some(meta) => self.speakers.iter().position(|s| s.id == meta.id),
            None => keys.iter().find_map(|key| self.by_key.get(key).copied()),
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
                    id: self.unique_id(&crate::corpus::slug(&entity.name)),
                    name: entity.name.clone(),
                    short: short_label(&entity.name, &entity.aliases, entity.kind),
                    aliases: Vec::new(),
                    kind: entity.kind,
                },
            };
            self.speakers.push(speaker);
            self.speakers.len() - 1
        });
        let speaker = &mut self.speakers[index];
        for name in names {
            let known = normalize_name(name) == normalize_name(&speaker.name)
                || speaker.aliases.iter().any(|a| a.eq_ignore_ascii_case(name));
            if !known {
                speaker.aliases.push(name.to_string());
            }
        }
        for key in keys {
            self.by_key.entry(key).or_insert(index);
        }
        index
    }

    fn unique_id(&self, base: &str) -> String {
        let mut id = base.to_string();
        let mut n = 2;
        while self.speakers.iter().any(|s| s.id == id) || self.manifest.speakers.iter().any(|m| m.id == id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }
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

    #[test]
    fn names_normalise_like_the_scorer() {
        assert_eq!(normalize_name("The Force"), "force");
        assert_eq!(normalize_name("Mr Glazer's"), "glazers");
        assert_eq!(normalize_name("Dr  Azzam Tamimi"), "azzam tamimi");
        assert_eq!(normalize_name("Shareholders United"), "shareholders united");
        assert_eq!(normalize_name("The Times’"), "times");
    }

    #[test]
    fn ascii_names_normalise_as_by_the_general_path() {
        let general = |name: &str| {
            let cleaned: String = name
                .chars()
                .filter(|&c| c != '\'')
                .flat_map(char::to_lowercase)
                .map(|c| if c.is_alphanumeric() { c } else { ' ' })
                .collect();
            let mut words: Vec<&str> = cleaned.split_whitespace().collect();
            while words.len() > 1 && NAME_PREFIXES.contains(&words[0]) {
                words.remove(0);
            }
            words.join(" ")
        };
        for name in [
            "",
            " ",
            "The",
            "the the",
            "Mr",
            "Mr Dr",
            "Mr Dr Who",
            "The Force",
            "  Mr  Glazer's  ",
            "O'Neil",
            "A&E Trust",
            "Lord-Smith",
            "MR. DR. X",
            "3M",
            "'",
            "Rev\tJones",
            "the\x0bBank",
            "Dr  Azzam Tamimi",
        ] {
            assert_eq!(normalize_ascii_name(name), general(name), "{name:?}");
        }
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

    fn entity(name: &str, aliases: &[&str], kind: SpeakerKind) -> Entity {
        Entity { name: name.into(), aliases: aliases.iter().map(|a| a.to_string()).collect(), kind }
    }

    #[test]
    fn entities_merge_across_documents_by_name_or_acronym() {
        let manifest = Manifest::default();
        let mut merger = Merger::new(manifest);
        let a = merger.speaker_for(&entity("Thames Valley Police", &["TVP"], SpeakerKind::Organisation));
        let b = merger.speaker_for(&entity("TVP", &[], SpeakerKind::Organisation));
        let c = merger.speaker_for(&entity("Sadiq Khan", &["Mr Khan"], SpeakerKind::Person));
        let d = merger.speaker_for(&entity("Imran Khan", &["Mr Khan"], SpeakerKind::Person));
        assert_eq!(a, b);
        assert_ne!(c, d, "people who share a surname stay apart");
        assert_eq!(merger.speakers[a].id, "thames-valley-police");
    }

    #[test]
    fn the_manifest_names_a_speaker_found_under_an_alias() {
        let manifest = Manifest::parse(
            "[[speaker]]\nid = \"nspcc\"\nname = \"NSPCC\"\nshort = \"NSPCC\"\naliases = [\"National Society for the Prevention of Cruelty to Children\"]\nkind = \"organisation\"\n",
        )
        .unwrap();
        let mut merger = Merger::new(manifest);
        let found = merger.speaker_for(&entity(
            "National Society for the Prevention of Cruelty to Children",
            &[],
            SpeakerKind::Organisation,
        ));
        assert_eq!(merger.speakers[found].id, "nspcc");
        assert_eq!(merger.speakers[found].name, "NSPCC");
    }
}

//! The corpus-wide model every front end draws from: documents, speakers
//! merged across documents (and refined by the manifest), and statements.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::corpus::{Document, Helpline, Loaded, Manifest, Warning};
use crate::extract::{self, Entity, Extraction, Found, Span, SpeakerKind, StatementKind};
pub use crate::extract::normalize_name;

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
///
/// Its words and its cue are not copies: they are read from the document's
/// paragraphs when asked for ([`Statement::text`], [`Corpus::text`]), so a
/// corpus holds each piece of text once however many statements quote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// 1-based, in corpus order (documents in load order, then document order).
    pub id: usize,
    /// Index into [`Corpus::documents`].
    pub document: usize,
    /// Index into [`Corpus::speakers`]; `None` when unattributed.
    pub speaker: Option<usize>,
    pub kind: StatementKind,
    /// Where it sits in its document's paragraphs; never empty.
    pub spans: Vec<Span>,
    /// Direct: the quoted words without marks, paragraphs joined by one
    /// space. Reported: the whole sentence, verbatim.
    text: Words,
    /// The words that attribute it; empty when there are none.
    cue: Words,
    /// How sure the attribution is, in hundredths (0 when unattributed).
    pub confidence: u8,
}

/// Where a statement's words, or its cue, are found in its document.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Words {
    /// The statement's spans, joined by one space: a reported sentence, or
    /// the pieces of a quote.
    Spans,
    /// One byte range of one paragraph.
    At { paragraph: u32, start: u32, end: u32 },
    /// Words that are not in the paragraphs as they are, kept whole so
    /// nothing shown ever changes (and the empty cue, which allocates nothing).
    Owned(Box<str>),
}

impl Words {
    /// The extractor's text for a statement, as [`Words::Spans`] when that is what it is.
    fn text(text: String, spans: &[Span], paragraphs: &[String]) -> Words {
        if is_spans_joined(&text, spans, paragraphs) { Words::Spans } else { Words::Owned(text.into_boxed_str()) }
    }

    /// The extractor's cue for a statement: the same words in the paragraph
    /// the statement starts in, ends in, or next to it (where the
    /// extractor finds cues), else kept whole.
    fn cue(cue: String, spans: &[Span], paragraphs: &[String]) -> Words {
        if cue.is_empty() {
            return Words::Owned(Box::default());
        }
        let first = spans.first().map_or(0, |s| s.paragraph);
        let last = spans.last().map_or(first, |s| s.paragraph);
        let near = [first, last, last + 1, first.wrapping_sub(1)].into_iter().chain(first + 1..last);
        for paragraph in near {
            let Some(text) = paragraphs.get(paragraph) else { continue };
            if let Some(start) = text.find(cue.as_str())
                && let (Ok(p), Ok(s), Ok(e)) =
                    (u32::try_from(paragraph), u32::try_from(start), u32::try_from(start + cue.len()))
            {
                return Words::At { paragraph: p, start: s, end: e };
            }
        }
        Words::Owned(cue.into_boxed_str())
    }

    fn get<'a>(&'a self, spans: &[Span], paragraphs: &'a [String]) -> Cow<'a, str> {
        match self {
            Words::Spans => match spans {
                [one] => Cow::Borrowed(&paragraphs[one.paragraph][one.start..one.end]),
                _ => Cow::Owned(
                    spans.iter().map(|s| &paragraphs[s.paragraph][s.start..s.end]).collect::<Vec<_>>().join(" "),
                ),
            },
            &Words::At { paragraph, start, end } => {
                Cow::Borrowed(&paragraphs[paragraph as usize][start as usize..end as usize])
            }
            Words::Owned(text) => Cow::Borrowed(text),
        }
    }
}

/// Whether `text` is exactly the spans' pieces joined by one space.
fn is_spans_joined(text: &str, spans: &[Span], paragraphs: &[String]) -> bool {
    let mut rest = text;
    for (i, span) in spans.iter().enumerate() {
        if i > 0 {
            let Some(after) = rest.strip_prefix(' ') else { return false };
            rest = after;
        }
        let Some(piece) = paragraphs.get(span.paragraph).and_then(|p| p.get(span.start..span.end)) else {
            return false;
        };
        let Some(after) = rest.strip_prefix(piece) else { return false };
        rest = after;
    }
    !spans.is_empty() && rest.is_empty()
}

impl Statement {
    /// A statement from what the extractor found in a document with these
    /// `paragraphs`; `speaker` is the corpus speaker (not the entity index
    /// in `found`).
    pub fn new(id: usize, document: usize, speaker: Option<usize>, found: Found, paragraphs: &[String]) -> Statement {
        let Found { kind, text, cue, spans, confidence, .. } = found;
        let text = Words::text(text, &spans, paragraphs);
        let cue = Words::cue(cue, &spans, paragraphs);
        let confidence = if speaker.is_some() { (confidence.clamp(0.0, 1.0) * 100.0).round() as u8 } else { 0 };
        Statement { id, document, speaker, kind, spans, text, cue, confidence }
    }

    /// Its words, read from its document's `paragraphs` (borrowed unless a
    /// quote spans paragraphs).
    pub fn text<'a>(&'a self, paragraphs: &'a [String]) -> Cow<'a, str> {
        self.text.get(&self.spans, paragraphs)
    }

    /// The words that attribute it, read from its document's `paragraphs`;
    /// empty when there are none.
    pub fn cue<'a>(&'a self, paragraphs: &'a [String]) -> Cow<'a, str> {
        self.cue.get(&self.spans, paragraphs)
    }

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
        let extractions: Vec<Extracted> = extract_all(&loaded.documents, &loaded.manifest);
        let Loaded { documents, manifest, warnings } = loaded;
        let (mut indexer, mut corpus) = Indexer::start(manifest, warnings);
        indexer.add(&mut corpus, documents, extractions);
        corpus
    }

    /// A statement's words (see [`Statement::text`]).
    pub fn text<'a>(&'a self, statement: &'a Statement) -> Cow<'a, str> {
        statement.text(&self.documents[statement.document].paragraphs)
    }

    /// A statement's cue (see [`Statement::cue`]).
    pub fn cue<'a>(&'a self, statement: &'a Statement) -> Cow<'a, str> {
        statement.cue(&self.documents[statement.document].paragraphs)
    }

    /// How many statements each speaker has, indexed like [`Corpus::speakers`].
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
    pub fn add(&mut self, corpus: &mut Corpus, documents: Vec<Document>, extractions: Vec<Extracted>) {
        debug_assert_eq!(documents.len(), extractions.len());
        let first = corpus.documents.len();
        corpus.statements.reserve(extractions.iter().map(|e| e.statements.len()).sum());
        for (offset, extraction) in extractions.into_iter().enumerate() {
            let doc_index = first + offset;
            corpus.notes.extend(extraction.notes.into_iter().map(|note| Note { document: doc_index, ..note }));
            let mut local_to_global: HashMap<usize, usize> = HashMap::new();
            for mut statement in extraction.statements {
                let merger = &mut self.merger;
                statement.speaker = statement.speaker.map(|local| {
                    *local_to_global.entry(local).or_insert_with(|| merger.speaker_for(&extraction.entities[local]))
                });
                statement.id = corpus.statements.len() + 1;
                statement.document = doc_index;
                corpus.statements.push(statement);
            }
        }
        corpus.documents.extend(documents);
        corpus.speakers.clone_from(&self.merger.speakers);
    }
}

/// What one document's extraction adds to the corpus: its entities, and
/// its statements with their words located in the document's paragraphs
/// (so the extractor's copies of them can go at once, on the thread that
/// extracted them). Made by [`extract_document`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    entities: Vec<Entity>,
    /// Each statement's `speaker` is still an index into `entities`; its
    /// id and document are set by [`Indexer::add`].
    statements: Vec<Statement>,
    /// Wrong helpline numbers it prints ([`crate::notes`]), `document` 0.
    notes: Vec<Note>,
}

impl Extracted {
    /// Locates the words of an extraction of a document with these
    /// `paragraphs`; `notes` are the document's number notes.
    pub fn new(extraction: Extraction, paragraphs: &[String], notes: Vec<Note>) -> Extracted {
        let Extraction { entities, statements } = extraction;
        let statements =
            statements.into_iter().map(|found| Statement::new(0, 0, found.speaker, found, paragraphs)).collect();
        Extracted { entities, statements, notes }
    }
}

/// Extracts one document's statements and checks its helpline numbers
/// against `manifest` (see [`Extracted`]): all the per-document work, so
/// it runs on whichever thread read the document.
pub fn extract_document(document: &Document, manifest: &Manifest) -> Extracted {
    let paragraphs = &document.paragraphs;
    Extracted::new(extract::extract(paragraphs), paragraphs, crate::notes::check_document(document, manifest))
}

/// Extracts documents on all available cores; documents are independent.
pub fn extract_all(documents: &[Document], manifest: &Manifest) -> Vec<Extracted> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(documents.len().max(1));
    if threads <= 1 {
        return documents.iter().map(|doc| extract_document(doc, manifest)).collect();
    }
    let chunk = documents.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = documents
            .chunks(chunk)
            .map(|docs| scope.spawn(move || docs.iter().map(|doc| extract_document(doc, manifest)).collect::<Vec<_>>()))
            .collect();
        handles.into_iter().flat_map(|handle| handle.join().expect("extraction does not panic")).collect()
    })
}

#[derive(Debug)]
struct Merger {
    /// Shared so a lookup can hold a manifest entry while speakers change.
    manifest: std::sync::Arc<Manifest>,
    speakers: Vec<Speaker>,
    by_key: HashMap<String, usize>,
    /// Each manifest speaker's id, name and aliases, normalised once.
    manifest_keys: Vec<Vec<String>>,
}

impl Merger {
    fn new(manifest: Manifest) -> Self {
        let manifest_keys = manifest
            .speakers
            .iter()
            .map(|meta| {
                std::iter::once(&meta.id)
                    .chain(std::iter::once(&meta.name))
                    .chain(&meta.aliases)
                    .map(|name| normalize_name(name))
                    .collect()
            })
            .collect();
        Merger { manifest: std::sync::Arc::new(manifest), speakers: Vec::new(), by_key: HashMap::new(), manifest_keys }
    }

    /// The corpus speaker for an entity, creating it on first sight.
    fn speaker_for(&mut self, entity: &Entity) -> usize {
        let names: Vec<&str> =
            std::iter::once(entity.name.as_str()).chain(entity.aliases.iter().map(String::as_str)).collect();
        let normalized: Vec<String> = names.iter().map(|name| normalize_name(name)).collect();
        let keys: Vec<String> = names
            .iter()
            .zip(&normalized)
            .filter(|(name, key)| entity.kind != SpeakerKind::Person || key.contains(' ') || **name == entity.name)
            .map(|(_, key)| key.clone())
            .filter(|key| !key.is_empty())
            .collect();
        let manifest = std::sync::Arc::clone(&self.manifest);
        let manifest_speaker = manifest
            .speakers
            .iter()
            .zip(&self.manifest_keys)
            .find(|(_, meta_keys)| meta_keys.iter().any(|key| normalized.contains(key)))
            .map(|(meta, _)| meta);
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
        let speaker_key = normalize_name(&speaker.name);
        for (name, key) in names.into_iter().zip(&normalized) {
            let known = *key == speaker_key || speaker.aliases.iter().any(|a| a.eq_ignore_ascii_case(name));
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

    /// Notes are found per document on the loading threads; each must
    /// point at its own document once the corpus numbers them.
    #[test]
    fn a_wrong_helpline_number_is_noted_in_the_document_that_prints_it() {
        let document = |id: &str, text: &str| Document::from_text(id.into(), id.into(), id, text);
        let loaded = Loaded {
            documents: vec![
                document("first", "First\n\nNothing to check here."),
                document("second", "Second\n\nAdults can call the NSPCC helpline on 0808 500 1111."),
            ],
            manifest: crate::corpus::load::embedded_manifest(),
            warnings: Vec::new(),
        };
        let corpus = Corpus::build(loaded);
        assert_eq!(corpus.notes.len(), 1, "{:?}", corpus.notes);
        assert_eq!((corpus.notes[0].document, corpus.notes[0].paragraph), (1, 0));
        assert_eq!(corpus.notes[0].published, "0808 800 5000");
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

//! Statement extraction: pure functions from one document's paragraphs to the
//! statements it reports and the speakers who made them.
//!
//! Nothing here knows about files, manifests or terminals, and nothing here
//! imports from the rest of the crate; the corpus index merges the
//! per-document speakers found here into corpus-wide ones.
//!
//! The stages, each in its own module, in the order a document meets them:
//! 1. `tokens`: words and punctuation, each looked up once in the `lexicon`
//!    (every word list lives there, with its source and licence);
//! 2. `mentions`: what a noun phrase names — a person, an organisation, a
//!    group, a document, a spokesperson, a pronoun — with titles and
//!    descriptors stripped;
//! 3. `cues`: reporting verbs, nouns and adjectives, and where each one's
//!    speaker stands (before, after, through an apposition, the passive's
//!    agent, the main clause's subject);
//! 4. `quotes` (and `sentences`): quotation marks and sentence bounds;
//! 5. `attribute`: each quote to the cue that frames it, or to the quote or
//!    sentence before it;
//! 6. `entities` and `salience`: one record per entity, and coreference —
//!    pronouns, surnames, "the minister", "a spokesman" — from the entities
//!    the last few sentences mentioned.
//!
//! `pipeline` runs them over one document. Every statement carries a
//! confidence; below a threshold (one half) its speaker is left unattributed.

use serde::Serialize;

mod attribute;
mod bytes;
mod cues;
mod entities;
mod lexicon;
mod mentions;
mod named;
mod pipeline;
mod quotes;
mod salience;
mod sentences;
#[cfg(test)]
mod tests;
mod tokens;

pub use lexicon::{normalize_name, normalize_name_into, warm_up};

/// Whether the document gives a speaker's own words or reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StatementKind {
    /// Words inside quotation marks.
    Direct,
    /// A sentence reporting what someone said, found or recommended.
    Reported,
}

impl StatementKind {
    /// The lower-case word used in every output.
    pub fn as_str(self) -> &'static str {
        match self {
            StatementKind::Direct => "direct",
            StatementKind::Reported => "reported",
        }
    }
}

/// What sort of entity a speaker is; it changes how pronouns resolve and how
/// the reader labels it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A body: a company, a council, a charity, a force, a newspaper.
    Organisation,
    /// Someone named ("Sadiq Khan") or described ("a survivor").
    Person,
    /// People spoken of together ("young victims", "campaigners").
    Group,
}

impl SpeakerKind {
    /// The lower-case word used in every output and in the manifest.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Organisation => "organisation",
            SpeakerKind::Person => "person",
            SpeakerKind::Group => "group",
        }
    }
}

/// A speaker as one document names it: every mention of the same entity
/// (long form, acronym, surname with title) is merged into one of these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// The fullest name the document uses ("Buckinghamshire Safeguarding Children Board").
    pub name: String,
    /// Other names the document uses for it ("BSCB", "Mr Khan"), without duplicates.
    pub aliases: Vec<String>,
    /// What it is, as the words around it tell.
    pub kind: SpeakerKind,
    /// Known only by a description ("a mother", "his lawyer"), never
    /// named: the same words in another document are someone else.
    pub described: bool,
}

/// Where part of a statement sits: a byte range inside one paragraph, so the
/// reader can highlight it without searching the text again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Span {
    /// Index into the document's paragraphs (0-based).
    pub paragraph: usize,
    /// Byte offset of the first byte in that paragraph.
    pub start: usize,
    /// Byte offset one past the last byte in that paragraph.
    pub end: usize,
}

impl Span {
    /// Its words in `paragraphs`; empty when it does not fit them (a span
    /// from another document), so a mistake shows nothing rather than panics.
    pub fn of(self, paragraphs: &[String]) -> &str {
        paragraphs.get(self.paragraph).and_then(|p| p.get(self.start..self.end)).unwrap_or("")
    }
}

/// The pieces of the paragraphs a statement covers, in order. Nearly every
/// statement is one piece, kept inline: a corpus holds one of these per
/// statement, and millions of one-piece vectors would cost a heap block each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spans(Pieces);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Pieces {
    One(Span),
    Many(Vec<Span>),
}

impl From<Vec<Span>> for Spans {
    fn from(spans: Vec<Span>) -> Spans {
        match spans.as_slice() {
            [one] => Spans(Pieces::One(*one)),
            _ => Spans(Pieces::Many(spans)),
        }
    }
}

/// A quote's pieces, copied only when there are several.
impl From<&[Span]> for Spans {
    fn from(spans: &[Span]) -> Spans {
        match spans {
            [one] => Spans(Pieces::One(*one)),
            _ => Spans(Pieces::Many(spans.to_vec())),
        }
    }
}

impl From<Span> for Spans {
    fn from(span: Span) -> Spans {
        Spans(Pieces::One(span))
    }
}

impl Spans {
    /// The words they cover in `paragraphs`, joined by one space (borrowed
    /// unless there are several pieces: a quote across paragraphs).
    pub fn text<'a>(&self, paragraphs: &'a [String]) -> std::borrow::Cow<'a, str> {
        match &**self {
            [one] => std::borrow::Cow::Borrowed(one.of(paragraphs)),
            spans => std::borrow::Cow::Owned(spans.iter().map(|s| s.of(paragraphs)).collect::<Vec<_>>().join(" ")),
        }
    }
}

impl<'a> IntoIterator for &'a Spans {
    type Item = &'a Span;
    type IntoIter = std::slice::Iter<'a, Span>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl std::ops::Deref for Spans {
    type Target = [Span];
    fn deref(&self) -> &[Span] {
        match &self.0 {
            Pieces::One(span) => std::slice::from_ref(span),
            Pieces::Many(spans) => spans,
        }
    }
}

/// One statement found in a document, before corpus-wide speaker merging.
///
/// It holds where its words are, not the words: a document of a million
/// statements would otherwise hold its text again in them.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Index into [`Extraction::entities`], or `None` when the text gives no
    /// way to tell who spoke (never a guess).
    pub speaker: Option<usize>,
    /// A quote in marks, or reported speech.
    pub kind: StatementKind,
    /// The pieces of the paragraphs the statement covers, in order; never
    /// empty. Direct: the quoted words without marks, a piece per paragraph.
    /// Reported: the whole sentence.
    pub spans: Spans,
    /// Where the words that attribute it stand ("An NSPCC spokesman also
    /// responded to the review and said"); `None` when there are none.
    pub cue: Option<Span>,
    /// How sure the attribution is, from 0 to 1: how directly the text
    /// names the speaker (a name beside the verb, a pronoun, a quote that
    /// goes on from the one before). 0 when unattributed.
    pub confidence: f32,
}

impl Found {
    /// An empty slot, to be filled: it allocates nothing.
    fn placeholder() -> Found {
        Found { speaker: None, kind: StatementKind::Reported, spans: Vec::new().into(), cue: None, confidence: 0.0 }
    }

    /// Its words in the document's `paragraphs`: the spans joined by one
    /// space (borrowed unless a quote runs across paragraphs).
    pub fn text<'a>(&self, paragraphs: &'a [String]) -> std::borrow::Cow<'a, str> {
        self.spans.text(paragraphs)
    }

    /// The words that attribute it; empty when there are none.
    pub fn cue<'a>(&self, paragraphs: &'a [String]) -> &'a str {
        self.cue.map_or("", |span| span.of(paragraphs))
    }
}

/// Everything found in one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    /// The speakers its statements name, each once.
    pub entities: Vec<Entity>,
    /// In document order.
    pub statements: Vec<Found>,
}

/// Finds the statements in a document's body paragraphs (headline excluded).
pub fn extract(paragraphs: &[String]) -> Extraction {
    pipeline::run(paragraphs)
}

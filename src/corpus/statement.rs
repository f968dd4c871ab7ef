//! A statement as the corpus keeps it: where it is, who made it, and its
//! words located in its document's paragraphs rather than copied.

use std::borrow::Cow;

use super::Group;
use crate::extract::{Found, Span, Spans, StatementKind};

/// A statement with its place in the corpus.
///
/// Its words and its cue are not copies: they are read from the document's
/// paragraphs when asked for ([`Statement::text`], [`Corpus::text`](super::Corpus::text)), so a
/// corpus holds each piece of text once however many statements quote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// 1-based, in corpus order (documents in load order, then document order).
    pub id: usize,
    /// Index into [`Corpus::documents`](super::Corpus::documents).
    pub document: usize,
    /// Index into [`Corpus::speakers`](super::Corpus::speakers); `None` when unattributed.
    pub speaker: Option<usize>,
    /// A quote in marks, or reported speech.
    pub kind: StatementKind,
    /// Where it sits in its document's paragraphs; never empty.
    pub spans: Spans,
    /// The words that attribute it; `None` when there are none. Its words
    /// are the spans' pieces joined by one space.
    cue: Option<CueAt>,
    /// How sure the attribution is, in hundredths (0 when unattributed):
    /// the extractor's confidence, kept as an integer so statements compare
    /// exactly.
    pub confidence: u8,
}

/// A cue's place in 12 bytes: a corpus keeps one per statement, and with
/// it a [`Statement`] is no larger than the [`Found`] it is made from, so a
/// document's statements become the corpus's in the same memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CueAt {
    paragraph: u32,
    start: u32,
    end: u32,
}

impl CueAt {
    /// `None` past 4 GiB, which no input reaches (each is capped far below).
    fn of(span: Span) -> Option<CueAt> {
        Some(CueAt {
            paragraph: u32::try_from(span.paragraph).ok()?,
            start: u32::try_from(span.start).ok()?,
            end: u32::try_from(span.end).ok()?,
        })
    }

    fn span(self) -> Span {
        Span { paragraph: self.paragraph as usize, start: self.start as usize, end: self.end as usize }
    }
}

const _: () = assert!(size_of::<Statement>() <= size_of::<Found>(), "made in place from what the extractor found");

impl Statement {
    /// A statement from what the extractor found in a document; `speaker`
    /// is the corpus speaker (not the entity index in `found`).
    pub fn new(id: usize, document: usize, speaker: Option<usize>, found: Found) -> Statement {
        let Found { kind, cue, spans, confidence, .. } = found;
        let cue = cue.and_then(CueAt::of);
        let confidence = if speaker.is_some() { (confidence.clamp(0.0, 1.0) * 100.0).round() as u8 } else { 0 };
        Statement { id, document, speaker, kind, spans, cue, confidence }
    }

    /// Its words, read from its document's `paragraphs` (borrowed unless a
    /// quote spans paragraphs).
    pub fn text<'a>(&self, paragraphs: &'a [String]) -> Cow<'a, str> {
        self.spans.text(paragraphs)
    }

    /// The words that attribute it, read from its document's `paragraphs`;
    /// empty when there are none.
    pub fn cue<'a>(&self, paragraphs: &'a [String]) -> &'a str {
        self.cue.map_or("", |cue| cue.span().of(paragraphs))
    }

    /// The group it is listed under: its speaker's, or the unattributed statements.
    pub fn group(&self) -> Group {
        Group::of(self.speaker)
    }

    /// First and last paragraph, 1-based, as users and outputs count them.
    pub fn paragraph_range(&self) -> (usize, usize) {
        let first = self.spans.first().map_or(0, |s| s.paragraph);
        let last = self.spans.last().map_or(first, |s| s.paragraph);
        (first + 1, last + 1)
    }
}

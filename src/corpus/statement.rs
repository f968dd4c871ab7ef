//! A statement as the corpus keeps it: where it is, who made it, and its
//! words located in its document's paragraphs rather than copied.

use std::borrow::Cow;

use super::Group;
use crate::extract::{Found, Span, StatementKind};

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
    pub spans: Vec<Span>,
    /// Direct: the quoted words without marks, paragraphs joined by one
    /// space. Reported: the whole sentence, verbatim.
    text: Words,
    /// The words that attribute it; empty when there are none.
    cue: Words,
    /// How sure the attribution is, in hundredths (0 when unattributed):
    /// the extractor's confidence, kept as an integer so statements compare
    /// exactly.
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

    /// The cue where the extractor says it is, when those are its words.
    fn at(span: Span, cue: &str, paragraphs: &[String]) -> Option<Words> {
        let words = paragraphs.get(span.paragraph)?.get(span.start..span.end)?;
        (words == cue).then_some(Words::At {
            paragraph: u32::try_from(span.paragraph).ok()?,
            start: u32::try_from(span.start).ok()?,
            end: u32::try_from(span.end).ok()?,
        })
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
        let Found { kind, text, cue, spans, confidence, cue_span, .. } = found;
        let text = Words::text(text, &spans, paragraphs);
        let cue = match cue_span.and_then(|at| Words::at(at, &cue, paragraphs)) {
            Some(words) => words,
            None => Words::cue(cue, &spans, paragraphs),
        };
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

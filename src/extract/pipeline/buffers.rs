//! The per-sentence buffers of a one-thread extraction (sentence bounds,
//! tokens, cue candidates) and the per-document ones quote attribution
//! reads (quotes, sentence records, resolved cues), kept per thread from one
//! document to the next, so a folder of small articles does not grow
//! them from empty for each of them.

use std::cell::RefCell;

use super::super::attribute::{ResolvedCue, SentenceRecord};
use super::super::cues::Cue;
use super::super::quotes::Quote;
use super::super::tokens::Token;

/// Sentence bounds, tokens and cue candidates, each cleared before use.
#[derive(Default)]
pub(super) struct Buffers {
    pub bounds: Vec<(usize, usize)>,
    pub tokens: Vec<Token>,
    pub cues: Vec<Cue>,
}

/// A buffer is given back only while it is this small (in elements), so
/// one huge sentence does not keep its memory for the thread's lifetime.
const KEPT: usize = 1 << 14;

thread_local! {
    static KEPT_BUFFERS: RefCell<Buffers> = RefCell::default();
    static KEPT_DOCUMENT: RefCell<DocumentBuffers> = RefCell::default();
}

/// The quotes, sentence records and resolved cues of one document, which
/// quote attribution reads at its end: kept per thread like [`Buffers`].
#[derive(Default)]
pub(super) struct DocumentBuffers {
    pub records: Vec<SentenceRecord>,
    pub cues: Vec<ResolvedCue>,
    pub quotes: Vec<Quote>,
}

impl DocumentBuffers {
    /// This thread's document buffers, empty.
    pub fn take() -> DocumentBuffers {
        KEPT_DOCUMENT.with(|kept| std::mem::take(&mut *kept.borrow_mut()))
    }

    /// Empties the buffers and keeps them for the thread's next document,
    /// unless huge.
    pub fn give_back(mut self) {
        let small = [self.records.capacity(), self.cues.capacity(), self.quotes.capacity()].iter().all(|&n| n <= KEPT);
        if small {
            self.records.clear();
            self.cues.clear();
            self.quotes.clear();
            KEPT_DOCUMENT.with(|kept| *kept.borrow_mut() = self);
        }
    }
}

impl Buffers {
    /// This thread's buffers (empty ones the first time, or when taken).
    pub fn take() -> Buffers {
        KEPT_BUFFERS.with(|kept| std::mem::take(&mut *kept.borrow_mut()))
    }

    /// Gives the buffers back for the thread's next document.
    pub fn give_back(self) {
        let small = self.bounds.capacity() <= KEPT && self.tokens.capacity() <= KEPT && self.cues.capacity() <= KEPT;
        if small {
            KEPT_BUFFERS.with(|kept| *kept.borrow_mut() = self);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buffers_are_kept_for_the_next_document_unless_huge() {
        let mut buffers = Buffers::take();
        buffers.tokens.reserve(100);
        let capacity = buffers.tokens.capacity();
        buffers.give_back();
        assert_eq!(Buffers::take().tokens.capacity(), capacity);
        let mut huge = Buffers::default();
        huge.bounds.reserve(KEPT + 1);
        huge.give_back();
        assert_eq!(Buffers::take().bounds.capacity(), 0);
    }

    #[test]
    fn document_buffers_come_back_empty_with_their_room() {
        let mut buffers = DocumentBuffers::take();
        let record = SentenceRecord { paragraph: 0, start: 0, end: 4, cues: 0..0, subject: None, person: None };
        buffers.records.extend(std::iter::repeat_n(record, 100));
        let capacity = buffers.records.capacity();
        buffers.give_back();
        let again = DocumentBuffers::take();
        assert!(again.records.is_empty() && again.cues.is_empty() && again.quotes.is_empty());
        assert_eq!(again.records.capacity(), capacity);
    }
}

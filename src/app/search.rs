//! The reader's search: what was searched, which documents have hits (a
//! look through every document, made in slices between keys so the
//! quick exit never waits for it), every hit in the open view and which
//! one was last moved to; and the prompt it is typed in.

use std::time::{Duration, Instant};

use super::Focus;
use super::page::{Page, View};
use crate::content::{Content, Finder, Match};
use crate::corpus::{Corpus, Filter};
use crate::strings;

/// The committed reader search.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// What was searched; kept when another view opens, like less.
    query: String,
    /// The matcher for `query`.
    finder: Option<Finder>,
    /// The documents with hits found so far, in corpus order, each with
    /// how many.
    documents: Vec<(usize, usize)>,
    /// The next document to look through.
    scanned: usize,
    /// Which documents the speaker filter shows (`None`: all), taken when
    /// the look began.
    shown: Option<Vec<bool>>,
    /// A move to the next (`true`) or previous hit waiting for the look
    /// through the documents to find one.
    waiting: Option<bool>,
    /// Every hit in the open view, in reading order.
    matches: Vec<Match>,
    /// The hit last moved to, for the highlight and the counter.
    current: Option<usize>,
}

impl Search {
    /// What was searched ("" for no search).
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Every hit in the open view, in reading order.
    pub fn matches(&self) -> &[Match] {
        &self.matches
    }

    /// The hit last moved to (index into [`Search::matches`]).
    pub fn current(&self) -> Option<usize> {
        self.current
    }

    /// The documents with hits found so far, each with how many, in
    /// corpus order.
    pub fn documents(&self) -> &[(usize, usize)] {
        &self.documents
    }

    /// Whether documents are still being looked through.
    pub fn is_scanning(&self, corpus: &Corpus) -> bool {
        self.finder.is_some() && self.scanned < corpus.documents().len()
    }

    /// The counter for the status bar ("match 3 of 41 · doc 2 of 7"), when
    /// a search is active; the totals end in "…" while documents are still
    /// being looked through.
    pub fn counter(&self, view: View, corpus: &Corpus) -> Option<String> {
        if self.query.is_empty() {
            return None;
        }
        let more = if self.is_scanning(corpus) { "…" } else { "" };
        let mut documents = self.documents.clone();
        // The open document counts at once, before the look reaches it.
        if let View::Document(d) = view
            && d >= self.scanned
            && !self.matches.is_empty()
        {
            documents.push((d, self.matches.len()));
        }
        let total: usize = documents.iter().map(|&(_, n)| n).sum();
        if total == 0 && more.is_empty() {
            // Nothing found: the status bar's note says so, with the term.
            return None;
        }
        let at = match view {
            View::Document(d) => documents.iter().position(|&(doc, _)| doc == d),
            _ => None,
        };
        Some(match (at, self.current) {
            (Some(at_index), Some(current)) => {
                let before: usize = documents[..at_index].iter().map(|&(_, n)| n).sum();
                let (at, total) = (before + current + 1, total);
                if corpus.documents().len() == 1 {
                    // One document: which of them says nothing.
                    strings::search_counter_one(at, total, more)
                } else {
                    strings::search_counter(at, total, at_index + 1, documents.len(), more)
                }
            }
            _ => strings::search_totals(total, documents.len(), more),
        })
    }

    /// Starts a search of every document for `query`, and finds its hits
    /// in the open `content` at once (one document: cheap); the other
    /// documents are looked through by [`Search::scan`].
    pub(super) fn run(&mut self, query: String, content: &Content, corpus: &Corpus, filter: &Filter) {
        *self = Search { finder: Finder::new(&query), query, ..Search::default() };
        self.rescan(corpus, filter);
        self.refind(content);
    }

    /// Looks through every document again (the speaker filter changed).
    pub(super) fn rescan(&mut self, corpus: &Corpus, filter: &Filter) {
        self.documents.clear();
        self.scanned = 0;
        self.shown = (!filter.is_everyone()).then(|| corpus.shown_documents(filter));
    }

    /// Finds the same search in newly opened `content`.
    pub(super) fn refind(&mut self, content: &Content) {
        self.matches = self.finder.as_ref().map_or_else(Vec::new, |finder| content.find_with(finder));
        self.current = None;
    }

    /// Looks through more documents, for about `budget` (`None`: all that
    /// are left). Returns whether any was looked at.
    pub(super) fn scan(&mut self, corpus: &Corpus, filter: &Filter, budget: Option<Duration>) -> bool {
        let Some(finder) = &self.finder else { return false };
        let started = Instant::now();
        let total = corpus.documents().len();
        if self.shown.as_ref().is_some_and(|shown| shown.len() < total) {
            // Documents arrived since: which of them are shown.
            self.shown = Some(corpus.shown_documents(filter));
        }
        let from = self.scanned;
        while self.scanned < total {
            let document = self.scanned;
            self.scanned += 1;
            if self.shown.as_ref().is_none_or(|shown| shown[document]) {
                let hits = Content::count_in_document(corpus, document, finder);
                if hits > 0 {
                    self.documents.push((document, hits));
                }
            }
            if budget.is_some_and(|budget| started.elapsed() >= budget) {
                break;
            }
        }
        self.scanned > from
    }

    /// Moves to hit `index` of the open view.
    pub(super) fn set_current(&mut self, index: usize) {
        self.current = Some(index);
    }

    /// Keeps a move waiting until a document with hits is found.
    pub(super) fn wait(&mut self, forward: bool) {
        self.waiting = Some(forward);
    }

    /// The move waiting, taken.
    pub(super) fn take_waiting(&mut self) -> Option<bool> {
        self.waiting.take()
    }

    /// The next hit in the open view after the current one (or, with none
    /// moved to yet, the first at or below the page's top line), or the
    /// previous one (before the current one, or the last above the page's
    /// bottom); `None` past the view's first or last hit.
    pub(super) fn next_in_view(&self, forward: bool, page: &Page) -> Option<usize> {
        let matches = &self.matches;
        match self.current {
            Some(c) if forward => (c + 1 < matches.len()).then_some(c + 1),
            Some(c) => c.checked_sub(1),
            None if forward => {
                let top = page.top_key();
                let at = matches.partition_point(|m| (m.block, m.start) < top);
                (at < matches.len()).then_some(at)
            }
            None => {
                let bottom = page.bottom_key();
                matches.partition_point(|m| (m.block, m.start) < bottom).checked_sub(1)
            }
        }
    }

    /// The next document with hits after `view` (or the previous one
    /// before it), among those found so far; a view that is not a document
    /// starts before the first.
    pub(super) fn next_document(&self, forward: bool, view: View) -> Option<usize> {
        let mut docs = self.documents.iter().map(|&(d, _)| d);
        match (view, forward) {
            (View::Document(open), true) => docs.clone().find(|&d| d > open),
            (View::Document(open), false) => docs.rev().find(|&d| d < open),
            (_, true) => docs.clone().next(),
            (_, false) => docs.next_back(),
        }
    }

    /// The first (or, not `forward`, the last) document with hits, when
    /// the move goes round the end.
    pub(super) fn wrap_document(&self, forward: bool) -> Option<usize> {
        if forward { self.documents.first() } else { self.documents.last() }.map(|&(d, _)| d)
    }
}

/// The search prompt while it is open: what is typed, and which pane it
/// searches (the list filters its rows; the reader finds text).
#[derive(Debug, Clone)]
pub struct Prompt {
    text: String,
    target: Focus,
}

impl Default for Prompt {
    fn default() -> Prompt {
        Prompt { text: String::new(), target: Focus::Reader }
    }
}

impl Prompt {
    /// What has been typed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The pane the search is for.
    pub fn target(&self) -> Focus {
        self.target
    }

    /// Opens the prompt, empty, for `target`.
    pub(super) fn open(&mut self, target: Focus) {
        self.target = target;
        self.text.clear();
    }

    /// Types a character.
    pub(super) fn push(&mut self, c: char) {
        self.text.push(c);
    }

    /// Deletes the last character.
    pub(super) fn pop(&mut self) {
        self.text.pop();
    }

    /// Empties the prompt, giving what was typed.
    pub(super) fn take(&mut self) -> String {
        std::mem::take(&mut self.text)
    }
}

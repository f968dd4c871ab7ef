//! The reader's search: what was searched, every hit in the open view and
//! which one was last moved to; and the prompt it is typed in.

use super::Focus;
use super::page::Page;
use crate::content::{Content, Match};
use crate::strings;

/// The committed reader search.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// What was searched; kept when another view opens, like less.
    query: String,
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

    /// The counter for the status bar ("3/12"), when a search is active.
    pub fn counter(&self) -> Option<String> {
        if self.query.is_empty() {
            return None;
        }
        Some(format!("{}/{}", self.current.map_or(0, |c| c + 1), self.matches.len()))
    }

    /// Searches `content` for `query` afresh, no hit moved to yet.
    pub(super) fn run(&mut self, query: String, content: &Content) {
        self.matches = content.find(&query);
        self.query = query;
        self.current = None;
    }

    /// Finds the same search in newly opened `content`.
    pub(super) fn refind(&mut self, content: &Content) {
        self.matches = content.find(&self.query);
        self.current = None;
    }

    /// Moves to hit `index`.
    pub(super) fn set_current(&mut self, index: usize) {
        self.current = Some(index);
    }

    /// The next hit (or previous, not `forward`), wrapping around, with the
    /// note to show when it wrapped; `None` with the reason when there is no
    /// hit to move to. With no hit moved to yet, it is the first one from
    /// the top of the page.
    pub(super) fn step(&self, forward: bool, page: &Page) -> Result<Step, String> {
        if self.query.is_empty() {
            return Err(strings::NO_SEARCH.to_string());
        }
        let total = self.matches.len();
        if total == 0 {
            return Err(strings::no_matches(&self.query));
        }
        Ok(match self.current {
            Some(c) if forward => {
                let wrapped = (c + 1 == total).then(|| strings::WRAPPED_TOP.to_string());
                Step { to: (c + 1) % total, wrapped }
            }
            Some(c) => {
                let wrapped = (c == 0).then(|| strings::WRAPPED_END.to_string());
                Step { to: (c + total - 1) % total, wrapped }
            }
            None => Step { to: self.first_from(forward, page), wrapped: None },
        })
    }

    /// The first hit at or below the page's top line (or the last one
    /// above its bottom, going backwards), wrapping around. Compares byte
    /// positions, not rows, so no block is wrapped for it.
    pub(super) fn first_from(&self, forward: bool, page: &Page) -> usize {
        let matches = &self.matches;
        if forward {
            let top = page.top_key();
            let at = matches.partition_point(|m| (m.block, m.start) < top);
            if at == matches.len() { 0 } else { at }
        } else {
            let bottom = page.bottom_key();
            matches.partition_point(|m| (m.block, m.start) < bottom).checked_sub(1).unwrap_or(matches.len() - 1)
        }
    }
}

/// A move to a search hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Step {
    /// Index into the matches.
    pub(super) to: usize,
    /// The status-bar note when the move went round the end.
    pub(super) wrapped: Option<String>,
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

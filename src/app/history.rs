//! Going back (Backspace, `'`): each time a statement, a speaker or a
//! document is opened, where the reader was is kept, as a browser keeps
//! pages; and every document remembers where it was left, so opening it
//! again returns there. Memory only: nothing is written anywhere, and it is
//! gone when voices closes.

use std::collections::HashMap;

use super::page::{Page, View};
use super::{App, RowKind};
use crate::strings;

/// The most places kept to go back to; older ones are dropped.
const MOST_PLACES: usize = 100;

/// A place in the reader: what was open, the text at the top of the
/// pane (block and byte, so it survives a re-wrap) and the statement
/// highlighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Place {
    view: View,
    anchor: Option<(usize, usize)>,
    current: Option<usize>,
}

impl Place {
    /// Where `page` is now.
    fn of(page: &Page) -> Place {
        Place { view: page.view(), anchor: page.anchor(page.top()), current: page.current() }
    }
}

/// The places to go back to, and where each document was left.
#[derive(Debug, Clone, Default)]
pub(super) struct History {
    back: Vec<Place>,
    /// Places gone back from, for forward; a new move forgets them.
    forward: Vec<Place>,
    documents: HashMap<usize, Place>,
}

impl History {
    /// Notes where `page` is, before something else opens there.
    pub(super) fn push(&mut self, page: &Page) {
        if page.view() == View::Nothing {
            return;
        }
        let place = Place::of(page);
        self.forward.clear();
        if self.back.last() != Some(&place) {
            self.back.push(place);
        }
        if self.back.len() > MOST_PLACES {
            self.back.remove(0);
        }
    }

    /// Notes where a document was left, when another view replaces it.
    pub(super) fn leave(&mut self, page: &Page) {
        if let View::Document(d) = page.view() {
            self.documents.insert(d, Place::of(page));
        }
    }

    /// Where `document` was left, if it was read before.
    fn left_at(&self, document: usize) -> Option<Place> {
        self.documents.get(&document).copied()
    }

    /// The place to go back to, taken off the list.
    /// Goes back from `page`: the place to go to, with `page` kept for forward.
    fn back_from(&mut self, page: &Page) -> Option<Place> {
        let place = self.back.pop()?;
        self.forward.push(Place::of(page));
        Some(place)
    }

    /// Goes forward from `page` again: the place to go to, with `page`
    /// kept for back.
    fn forward_from(&mut self, page: &Page) -> Option<Place> {
        let place = self.forward.pop()?;
        self.back.push(Place::of(page));
        Some(place)
    }
}

impl App {
    /// Opens a document where it was left (from its top the first time).
    pub(super) fn open_document_where_left(&mut self, document: usize) {
        self.open_view(View::Document(document));
        if let Some(place) = self.history.left_at(document) {
            self.page.restore(place.anchor, place.current);
        }
    }

    /// Backspace or `'`: back to where the reader was before the last
    /// statement, speaker or document opened.
    pub(super) fn go_back(&mut self) {
        match self.history.back_from(&self.page) {
            Some(place) => self.go_to_place(place),
            None => self.message = Some(strings::NOWHERE_BACK.to_string()),
        }
    }

    pub(super) fn go_forward(&mut self) {
        match self.history.forward_from(&self.page) {
            Some(place) => self.go_to_place(place),
            None => self.message = Some(strings::NOWHERE_FORWARD.to_string()),
        }
    }

    fn go_to_place(&mut self, place: Place) {
        if self.page.view() != place.view {
            self.open_view(place.view);
        }
        self.page.restore(place.anchor, place.current);
        let own_row = match place.view {
            View::Document(d) => Some(RowKind::Document(d)),
            View::Group(group) => Some(RowKind::Group(group)),
            View::Nothing => None,
        };
        let row = place
            .current
            .and_then(|s| self.sidebar.position(RowKind::Statement(s)))
            .or_else(|| own_row.and_then(|kind| self.sidebar.position(kind)));
        if let Some(row) = row {
            self.sidebar.select(row, self.sidebar_height());
        }
    }
}

//! Moving through what is read: statement by statement (`]` `[`), by the
//! same speaker (`}` `{`), search hit by hit (`n` `N`), and the search
//! prompt that starts a search of the text or of the list.

use super::{Action, App, Focus, Mode, RowKind, View};
use crate::corpus::Group;
use crate::strings;

/// The search's first look through the documents, made as it is submitted.
const FIRST_SLICE: std::time::Duration = std::time::Duration::from_millis(4);

impl App {
    pub(super) fn step_statement(&mut self, forward: bool) {
        let list = &self.page.content().statements;
        // From what is on screen: the highlighted statement if it is there,
        // else the first (last) one shown is the next (previous).
        let next = match self.page.current_on_screen().and_then(|c| list.iter().position(|&s| s == c)) {
            Some(at) if forward => list.get(at + 1).copied(),
            Some(at) => at.checked_sub(1).map(|i| list[i]),
            None => self.page.statement_on_screen(forward),
        };
        match next {
            Some(statement) => self.open_statement_and_follow(statement),
            None => self.message = Some(strings::NO_MORE_STATEMENTS.to_string()),
        }
    }

    /// Opens a statement reached from the reader (`]`, `}`) and moves the
    /// sidebar along, so the list never points at another place than the text.
    pub(super) fn open_statement_and_follow(&mut self, statement: usize) {
        if !self.page.content().statements.contains(&statement) {
            // Another document opens: Backspace comes back here.
            self.history.push(&self.page);
        }
        self.open_statement(statement);
        let own_row = match self.page.view() {
            View::Document(d) => Some(RowKind::Document(d)),
            View::Group(group) => Some(RowKind::Group(group)),
            View::Nothing => None,
        };
        let row = self
            .sidebar
            .position(RowKind::Statement(statement))
            .or_else(|| own_row.and_then(|kind| self.sidebar.position(kind)));
        if let Some(row) = row {
            self.sidebar.select(row, self.sidebar_height());
        }
    }

    pub(super) fn step_by_speaker(&mut self, forward: bool) {
        // The speaker of what is on screen: the highlighted statement when
        // it is shown, else the first (last) statement shown.
        let on_screen = self.page.current_on_screen();
        let Some(from) = on_screen.or_else(|| self.page.statement_on_screen(forward)) else {
            self.message = Some(strings::NO_STATEMENT_SELECTED.to_string());
            return;
        };
        if on_screen.is_none() {
            // Nothing chosen on screen: the statement shown first is the step,
            // and its speaker the one the next `}` follows.
            self.open_statement_and_follow(from);
            return;
        }
        let speaker = self.corpus.statements()[from].speaker;
        let same = |i: &usize| self.corpus.statements()[*i].speaker == speaker && self.filter.keeps(Group::of(speaker));
        let count = self.corpus.statements().len();
        let next = if forward { (from + 1..count).find(same) } else { (0..from).rev().find(same) };
        match next {
            Some(statement) => self.open_statement_and_follow(statement),
            None => self.message = Some(strings::NO_MORE_STATEMENTS.to_string()),
        }
    }

    /// `n` / `N`: the next (previous) hit in the open view, else the
    /// first (last) hit of the next (previous) document with hits, round
    /// the end when there is none; a move waits while documents are still
    /// being looked through.
    pub(super) fn step_match(&mut self, forward: bool) {
        if self.search.query().is_empty() {
            if self.sidebar.query().is_empty() {
                self.message = Some(strings::NO_SEARCH.to_string());
            } else {
                self.step_list_hit(forward);
            }
            return;
        }
        // A speaker view's hits are not stepped through: `n` goes on to the documents.
        let in_view = matches!(self.page.view(), View::Document(_));
        if let Some(index) = self.search.next_in_view(forward, &self.page).filter(|_| in_view) {
            self.show_match(index);
            return;
        }
        if let Some(document) = self.search.next_document(forward, self.page.view()) {
            self.show_document_match(document, forward);
        } else if self.search.is_scanning(&self.corpus) {
            self.search.wait(forward);
            self.message = Some(strings::STILL_SEARCHING.to_string());
        } else if let Some(document) = self.search.wrap_document(forward) {
            self.show_document_match(document, forward);
            self.message = Some(if forward { strings::WRAPPED_TOP } else { strings::WRAPPED_END }.to_string());
        } else {
            self.message = Some(strings::no_matches(self.search.query()));
        }
    }

    /// Opens `document` (if it is not open) at its first hit, or its last.
    fn show_document_match(&mut self, document: usize, first: bool) {
        if self.page.view() != View::Document(document) {
            self.history.push(&self.page);
            self.open_view(View::Document(document));
            if let Some(row) = self.sidebar.position(RowKind::Document(document)) {
                self.sidebar.select(row, self.sidebar_height());
            }
        }
        let count = self.search.matches().len();
        if count > 0 {
            self.show_match(if first { 0 } else { count - 1 });
        }
    }

    /// Looks through more documents for the search, for about `budget`
    /// (`None`: the rest), and makes a move that was waiting for them.
    /// Returns whether anything changed on screen.
    pub(super) fn scan_some(&mut self, budget: Option<std::time::Duration>) -> bool {
        let looked = self.search.scan(&self.corpus, &self.filter, budget);
        if looked && self.sidebar.found().is_some_and(|listed| listed.len() < self.search.documents().len()) {
            // The list of documents found grows as the search goes on.
            self.sidebar.set_found(Some(self.search.documents().to_vec()));
            self.rebuild_rows();
        }
        if let Some(forward) = self.search.take_waiting() {
            let found = self.search.next_document(forward, self.page.view());
            if found.is_some() || !self.search.is_scanning(&self.corpus) {
                self.step_match(forward);
            } else {
                self.search.wait(forward);
            }
        }
        looked
    }

    /// `&`: the list shows only the documents the text search found (more
    /// join as the search finds them), or every document again.
    pub(super) fn show_found(&mut self) {
        if self.sidebar.found().is_some() {
            self.sidebar.set_found(None);
            self.rebuild_rows();
            return;
        }
        if self.search.query().is_empty() {
            self.message = Some(strings::NO_SEARCH.to_string());
            return;
        }
        self.sidebar.set_found(Some(self.search.documents().to_vec()));
        self.rebuild_rows();
        self.focus = Focus::Sidebar;
        if let Some(row) = self.sidebar.rows().iter().position(|r| matches!(r.kind, RowKind::Document(_))) {
            self.sidebar.select(row, self.sidebar_height());
        }
    }

    pub(super) fn show_match(&mut self, index: usize) {
        self.search.set_current(index);
        let m = self.search.matches()[index];
        let line = self.page.pos_of(m.block, m.start);
        self.page.reveal(line, self.page.rows() / 3);
    }

    pub(super) fn search_prompt(&mut self, action: Action) {
        match action {
            Action::Input(c) => self.prompt.push(c),
            Action::Paste(text) => text.chars().for_each(|c| self.prompt.push(c)),
            Action::Backspace => self.prompt.pop(),
            Action::Cancel => {
                self.prompt.take();
                self.mode = Mode::Normal;
            }
            Action::Submit => {
                self.mode = Mode::Normal;
                let query = self.prompt.take();
                match self.prompt.target() {
                    Focus::Sidebar => self.filter_list(query),
                    Focus::Reader => self.find(query),
                }
            }
            _ => {}
        }
    }

    /// The list search: only rows that match, the first document or
    /// statement among them selected.
    pub(super) fn filter_list(&mut self, query: String) {
        self.sidebar.set_query(query);
        self.rebuild_rows();
        let rows = self.sidebar.rows();
        let first = rows
            .iter()
            .position(|r| matches!(r.kind, RowKind::Document(_) | RowKind::Statement(_)))
            .or_else(|| rows.iter().position(|r| r.depth > 0))
            .unwrap_or(0);
        self.sidebar.select(first, self.sidebar_height());
    }

    /// The reader search, of every document: the first hit at or below
    /// the top line shown, else in the next document with hits (found
    /// when the look through the documents reaches one).
    pub(super) fn find(&mut self, query: String) {
        self.search.run(query, self.page.content(), &self.corpus, &self.filter);
        if self.search.query().is_empty() {
            return;
        }
        // A first slice now, so a few documents are searched at once; the
        // event loop gives the rest theirs between keys.
        self.search.scan(&self.corpus, &self.filter, Some(FIRST_SLICE));
        self.step_match(true);
    }

    /// `n` / `N` after a list filter: the next (previous) row below a
    /// heading whose words match, wrapping round, in the list.
    fn step_list_hit(&mut self, forward: bool) {
        let query = self.sidebar.query().to_lowercase();
        let rows = self.sidebar.rows();
        let hits: Vec<usize> = (0..rows.len())
            .filter(|&i| {
                rows[i].depth > 0
                    && !matches!(rows[i].kind, RowKind::Note(_))
                    && rows[i].label(&self.corpus).to_lowercase().contains(&query)
            })
            .collect();
        let (Some(&first), Some(&last)) = (hits.first(), hits.last()) else {
            self.message = Some(strings::no_matches(self.sidebar.query()));
            return;
        };
        let at = self.sidebar.selected();
        let next =
            if forward { hits.iter().copied().find(|&i| i > at) } else { hits.iter().rev().copied().find(|&i| i < at) };
        if next.is_none() {
            self.message = Some(strings::LIST_WRAPPED.to_string());
        }
        let row = next.unwrap_or(if forward { first } else { last });
        self.focus = Focus::Sidebar;
        self.sidebar.select(row, self.sidebar_height());
    }
}

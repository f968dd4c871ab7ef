//! Moving through what is read: statement by statement (`]` `[`), by the
//! same speaker (`}` `{`), search hit by hit (`n` `N`), and the search
//! prompt that starts a search of the text or of the list.

use super::{Action, App, Focus, Mode, RowKind, View};
use crate::corpus::Group;
use crate::strings;

impl App {
    pub(super) fn step_statement(&mut self, forward: bool) {
        let content = self.page.content();
        let list = &content.statements;
        let next = match self.page.current().and_then(|c| list.iter().position(|&s| s == c)) {
            Some(at) if forward => list.get(at + 1).copied(),
            Some(at) => at.checked_sub(1).map(|i| list[i]),
            None if forward => self.page.reference_statement(),
            None => {
                let bottom = self.page.bottom_key();
                let starts = &content.starts;
                (0..list.len()).rev().find(|&at| starts[at].is_some_and(|start| start < bottom)).map(|at| list[at])
            }
        };
        match next {
            Some(statement) => self.open_statement_and_follow(statement),
            None => self.message = Some(strings::NO_MORE_STATEMENTS.to_string()),
        }
    }

    /// Opens a statement reached from the reader (`]`, `}`) and moves the
    /// sidebar along, so the list never points at another place than the text.
    pub(super) fn open_statement_and_follow(&mut self, statement: usize) {
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
        let Some(from) = self.page.reference_statement() else {
            self.message = Some(strings::NO_STATEMENT_SELECTED.to_string());
            return;
        };
        let speaker = self.corpus.statements()[from].speaker;
        let same = |i: &usize| self.corpus.statements()[*i].speaker == speaker && self.filter.keeps(Group::of(speaker));
        let count = self.corpus.statements().len();
        let next = if forward { (from + 1..count).find(same) } else { (0..from).rev().find(same) };
        match next {
            Some(statement) => self.open_statement_and_follow(statement),
            None if self.page.current().is_none() => self.open_statement_and_follow(from),
            None => self.message = Some(strings::NO_MORE_STATEMENTS.to_string()),
        }
    }

    pub(super) fn step_match(&mut self, forward: bool) {
        match self.search.step(forward, &self.page) {
            Ok(step) => {
                self.message = step.wrapped;
                self.show_match(step.to);
            }
            Err(why) => self.message = Some(why),
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

    /// The reader search: every hit in the open view, the first one at or
    /// below the top line shown.
    pub(super) fn find(&mut self, query: String) {
        self.search.run(query, self.page.content());
        if self.search.query().is_empty() {
            return;
        }
        if self.search.matches().is_empty() {
            self.message = Some(strings::no_matches(self.search.query()));
        } else {
            let first = self.search.first_from(true, &self.page);
            self.show_match(first);
        }
    }
}

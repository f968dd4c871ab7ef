//! Where the reader is, and moving between documents: the status bar's
//! "statement 3 of 10 · NSPCC", and `J`/`K` (or less's `:n`/`:p`) for the
//! next and previous document.

use super::{Action, App, Mode, RowKind, View};
use crate::strings;

impl App {
    /// "statement 3 of 10 · NSPCC" while a statement is highlighted: its
    /// place among the open view's statements and who made it.
    pub fn location(&self) -> Option<String> {
        self.located(false).map(|(at, of, speaker)| strings::location(at, of, speaker))
    }

    /// [`App::location`] with the speaker's short label ("BSCB"), for a
    /// status bar without room for the whole name.
    pub fn short_location(&self) -> Option<String> {
        self.located(true).map(|(at, of, speaker)| strings::location(at, of, speaker))
    }

    /// The shortest form, "2 of 10 · BSCB", for a narrow status bar.
    pub fn compact_location(&self) -> Option<String> {
        self.located(true).map(|(at, of, speaker)| strings::compact_location(at, of, speaker))
    }

    /// The highlighted statement's place (1-based), how many the view has,
    /// and its speaker's name or short label.
    fn located(&self, short: bool) -> Option<(usize, usize, &str)> {
        let current = self.page.current()?;
        let statements = &self.page.content().statements;
        let at = statements.iter().position(|&s| s == current)?;
        let speaker = match self.corpus.statements()[current].speaker {
            Some(s) if short => self.corpus.speakers()[s].short.as_str(),
            Some(s) => self.corpus.speakers()[s].name.as_str(),
            None => strings::UNATTRIBUTED,
        };
        Some((at + 1, statements.len(), speaker))
    }

    /// `J`/`K`, `:n`/`:p`: opens the next or previous document the filter
    /// shows, from the one open (or the one the open statement is in), and
    /// moves the list along.
    pub(super) fn step_document(&mut self, forward: bool) {
        let shown = self.corpus.shown_documents(&self.filter);
        let documents: Vec<usize> = (0..shown.len()).filter(|&d| shown[d]).collect();
        let from = match self.page.view() {
            View::Document(d) => Some(d),
            _ => self.page.reference_statement().map(|s| self.corpus.statements()[s].document),
        };
        let next = match from.and_then(|d| documents.iter().position(|&x| x == d)) {
            Some(at) if forward => documents.get(at + 1).copied(),
            Some(at) => at.checked_sub(1).map(|i| documents[i]),
            None if forward => documents.first().copied(),
            None => documents.last().copied(),
        };
        let Some(document) = next else {
            self.message = Some(strings::NO_MORE_DOCUMENTS.to_string());
            return;
        };
        self.open_view(View::Document(document));
        if let Some(row) = self.sidebar.position(RowKind::Document(document)) {
            self.sidebar.select(row, self.sidebar_height());
        }
    }

    /// `:` was typed: the status bar says what may follow.
    pub(super) fn start_command(&mut self) {
        self.mode = Mode::Command;
        let key = |action: Action| crate::keymap::key_for(Mode::Command, &action);
        self.message = Some(strings::command_prompt(&key(Action::NextDocument), &key(Action::PrevDocument)));
    }

    /// The key after `:`: `n` or `p` moves between documents; any other
    /// key (Esc, a letter) ends the command and does nothing else.
    pub(super) fn command(&mut self, action: Action) {
        self.mode = Mode::Normal;
        match action {
            Action::NextDocument => self.step_document(true),
            Action::PrevDocument => self.step_document(false),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Filter, Group};
    use crate::fixture;

    fn two() -> App {
        App::new(fixture::two_documents(), Filter::default(), fixture::viewport(100, 30))
    }

    #[test]
    fn capital_j_and_k_go_to_the_next_and_previous_document_and_the_list_follows() {
        let mut app = two();
        assert_eq!(app.page().view(), View::Document(0));
        app.update(Action::NextDocument);
        assert_eq!(app.page().view(), View::Document(1));
        assert_eq!(app.sidebar().selected_row().map(|r| r.kind), Some(RowKind::Document(1)), "the list follows");
        app.update(Action::NextDocument);
        assert_eq!(app.page().view(), View::Document(1), "no document after the last");
        assert_eq!(app.message(), Some(strings::NO_MORE_DOCUMENTS));
        app.update(Action::PrevDocument);
        assert_eq!(app.page().view(), View::Document(0));
        // From a speaker's view: the document of its statement, then on.
        app.open_view(View::Group(Group::Speaker(2)));
        app.update(Action::NextDocument);
        assert_eq!(app.page().view(), View::Document(1), "the NSPCC's first statement is in the first");
    }

    #[test]
    fn colon_n_and_colon_p_do_as_in_less_and_esc_cancels() {
        let mut app = two();
        app.update(Action::Colon);
        assert_eq!(app.mode(), Mode::Command);
        assert_eq!(app.message(), Some(": n next document, p previous"));
        app.update(Action::NextDocument);
        assert_eq!((app.mode(), app.page().view()), (Mode::Normal, View::Document(1)));
        app.update(Action::Colon);
        app.update(Action::PrevDocument);
        assert_eq!(app.page().view(), View::Document(0));
        app.update(Action::Colon);
        app.update(Action::Input('x'));
        assert_eq!((app.mode(), app.page().view()), (Mode::Normal, View::Document(0)), "another key ends it");
        app.update(Action::Colon);
        app.update(Action::Cancel);
        assert_eq!((app.mode(), app.page().view()), (Mode::Normal, View::Document(0)), "Esc ends it, nothing moves");
        // The keys: `:` in the panes, then `n` or `p`.
        use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(crate::keymap::action_for(Mode::Normal, key(':')), Some(Action::Colon));
        assert_eq!(crate::keymap::action_for(Mode::Command, key('n')), Some(Action::NextDocument));
        assert_eq!(crate::keymap::action_for(Mode::Command, key('p')), Some(Action::PrevDocument));
        assert_eq!(crate::keymap::action_for(Mode::Command, key('x')), Some(Action::Input('x')));
        assert_eq!(crate::keymap::action_for(Mode::Normal, key('J')), Some(Action::NextDocument));
        assert_eq!(crate::keymap::action_for(Mode::Normal, key('K')), Some(Action::PrevDocument));
    }

    #[test]
    fn the_location_names_the_statement_s_place_and_speaker() {
        let mut app = App::new(fixture::seed(), Filter::default(), fixture::viewport(100, 30));
        assert_eq!(app.location(), None, "nothing selected, nothing said");
        app.open_statement(2);
        assert_eq!(app.location().as_deref(), Some("statement 3 of 5 · Thames Valley Police"));
        assert_eq!(app.short_location().as_deref(), Some("statement 3 of 5 · TVP"));
        assert_eq!(app.compact_location().as_deref(), Some("3 of 5 · TVP"));
        app.open_statement(4);
        assert_eq!(app.location().as_deref(), Some("statement 5 of 5 · NSPCC"));
        app.open_statement(1);
        assert_eq!(app.location().as_deref(), Some("statement 2 of 5 · Unattributed"));
    }
}

//! The reader's model and every change to it, in the Elm architecture's
//! shape: state by screen region, each a type with private fields and its
//! own moves ([`Sidebar`], [`Page`], [`Search`] with its [`Prompt`],
//! [`Picker`]), and [`App::update`], which takes an [`Action`] and routes it
//! to them. Nothing here touches a terminal or knows the view: the view
//! reads an `&App`, and tells the model what it needs of the layout
//! ([`Viewport`], [`Hit`]) through actions.

mod action;
mod documents;
mod history;
mod loading;
mod page;
mod picker;
mod search;
mod sidebar;
mod steps;

pub use action::{Action, Control, Focus, Hit, Mode, Viewport};
pub use page::{Page, View};
pub use picker::Picker;
pub use search::{Prompt, Search};
pub use sidebar::{Row, RowKind, Section, Sidebar};

use crate::content::{Content, Pos};
use crate::corpus::{Corpus, Filter};
use crate::loading::LoadProgress;
use crate::strings;

/// Lines scrolled by one turn of the mouse wheel.
const WHEEL_LINES: usize = 3;

/// The whole reader.
#[derive(Debug, Clone)]
pub struct App {
    /// Everything loaded; the reader never changes it (the loader adds to it).
    corpus: Corpus,
    /// The speakers shown (`--speaker`, or the picker).
    filter: Filter,
    /// Which pane the movement keys act on.
    focus: Focus,
    /// Which keys are live: normal, help, search prompt, picker.
    mode: Mode,
    /// The room the panes have.
    viewport: Viewport,
    /// The left pane.
    sidebar: Sidebar,
    /// The right pane.
    page: Page,
    /// The committed reader search.
    search: Search,
    /// The search prompt while it is open.
    prompt: Prompt,
    /// The speaker picker while it is open.
    picker: Picker,
    /// The places to go back to, and where each document was left.
    history: history::History,
    /// First line of the help (or the support screen) shown.
    help_scroll: usize,
    /// First line of the list of files with problems shown.
    problems_scroll: usize,
    /// A short note in the status bar, cleared by the next key.
    message: Option<String>,
    /// Set while the background loader is still sending documents.
    loading: Option<LoadProgress>,
}

impl App {
    /// The reader at its starting point: the first document open, or with a
    /// filter, the first chosen speaker's statements.
    pub fn new(corpus: Corpus, filter: Filter, viewport: Viewport) -> App {
        let mut app = App {
            corpus,
            filter,
            focus: Focus::Sidebar,
            mode: Mode::Normal,
            viewport,
            sidebar: Sidebar::default(),
            page: Page::new(viewport.page_width, viewport.page_rows),
            search: Search::default(),
            prompt: Prompt::default(),
            picker: Picker::default(),
            history: history::History::default(),
            help_scroll: 0,
            problems_scroll: 0,
            message: None,
            loading: None,
        };
        app.start();
        app
    }

    /// Everything loaded.
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// The speakers shown.
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// Which pane has the keyboard.
    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// Which keys are live.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The left pane.
    pub fn sidebar(&self) -> &Sidebar {
        &self.sidebar
    }

    /// The right pane.
    pub fn page(&self) -> &Page {
        &self.page
    }

    /// The committed reader search.
    pub fn search(&self) -> &Search {
        &self.search
    }

    /// The search prompt (what is typed and which pane it searches).
    pub fn prompt(&self) -> &Prompt {
        &self.prompt
    }

    /// The speaker picker.
    pub fn picker(&self) -> &Picker {
        &self.picker
    }

    /// First line of the help shown.
    pub fn help_scroll(&self) -> usize {
        self.help_scroll
    }

    /// First line of the list of files with problems shown.
    pub fn problems_scroll(&self) -> usize {
        self.problems_scroll
    }

    /// The status bar's note, if any.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Rows the list shows at once (at least 1).
    fn sidebar_height(&self) -> usize {
        self.viewport.sidebar_rows.max(1)
    }

    /// Puts the content note in front of everything, so nobody meets
    /// article text before being told what it covers (`--no-content-note`
    /// skips this). Enter continues.
    pub fn show_content_note(&mut self) {
        self.mode = Mode::ContentNote;
    }

    /// Builds the sidebar for the current filter and opens the first thing.
    fn start(&mut self) {
        let expanded = if self.filter.is_everyone() {
            Vec::new()
        } else {
            self.corpus.groups(&self.filter).into_iter().map(|listed| listed.group).collect()
        };
        self.sidebar.open_only(expanded);
        self.rebuild_rows();
        let rows = self.sidebar.rows();
        let first = if self.filter.is_everyone() {
            rows.iter().position(|r| matches!(r.kind, RowKind::Document(_)))
        } else {
            rows.iter().position(|r| matches!(r.kind, RowKind::Group(_)))
        };
        let view = match first.map(|row| rows[row].kind) {
            Some(RowKind::Document(d)) => View::Document(d),
            Some(RowKind::Group(group)) => View::Group(group),
            _ => View::Nothing,
        };
        self.sidebar.start_at(first);
        self.open_view(view);
    }

    /// Opens or closes a group's statements in the list: in place where
    /// it can, else by a rebuild.
    fn open_group(&mut self, group: crate::corpus::Group, open: bool) {
        let height = self.sidebar_height();
        if !self.sidebar.toggle_in_place(&self.corpus, group, open, height) {
            self.sidebar.set_expanded(group, open);
            self.rebuild_rows();
        }
    }

    /// Rebuilds the sidebar rows, keeping the selection on the same thing.
    fn rebuild_rows(&mut self) {
        self.sidebar.rebuild(&self.corpus, &self.filter, self.viewport.sidebar_rows.max(1));
    }

    /// The room the panes have changed; the reading position is kept.
    fn resize(&mut self, viewport: Viewport) {
        if self.viewport != viewport {
            self.viewport = viewport;
            self.page.resize(viewport.page_width, viewport.page_rows);
            self.sidebar.keep_visible(self.sidebar_height());
        }
    }

    /// How far the open overlay can scroll, as the view found when it drew
    /// it (its lines less the rows shown): kept, so the next key scrolls
    /// from what is on screen.
    pub fn fit_overlay(&mut self, max_scroll: Option<usize>) {
        let Some(max) = max_scroll else { return };
        match self.mode {
            Mode::Help | Mode::Support => self.help_scroll = self.help_scroll.min(max),
            Mode::Problems => self.problems_scroll = self.problems_scroll.min(max),
            _ => {}
        }
    }

    /// Measures more of the open content's rows, for at most about
    /// `budget`: the event loop calls this between looks at the input.
    /// Returns whether it is finished.
    pub fn wrap_some(&mut self, budget: std::time::Duration) -> bool {
        self.page.measure(Some(budget))
    }

    /// Measures the rest of the open content at once (tests, benchmarks).
    pub fn finish_wrapping(&mut self) {
        self.page.measure(None);
    }

    /// Whether the search is still looking through documents: the event
    /// loop gives it slices between looks at the input.
    pub fn searching(&self) -> bool {
        self.search.is_scanning(&self.corpus)
    }

    /// Looks through more documents for the search, for at most about
    /// `budget`. Returns whether the screen may have changed.
    pub fn search_some(&mut self, budget: std::time::Duration) -> bool {
        self.scan_some(Some(budget))
    }

    /// Looks through every document left at once (tests, benchmarks).
    pub fn finish_searching(&mut self) {
        self.scan_some(None);
    }

    /// The search counter for the status bar ("match 3 of 41 · doc 2 of 7").
    pub fn search_counter(&self) -> Option<String> {
        self.search.counter(self.page.view(), &self.corpus)
    }

    /// Moves the reading position to `pos` (kept at or above the end), as a
    /// jump to a place found elsewhere would.
    pub fn jump_to(&mut self, pos: Pos) {
        self.page.go_to(pos);
    }

    /// Shows a view in the reader from its top.
    pub fn open_view(&mut self, view: View) {
        let content = match view {
            View::Nothing => Content::message(strings::NOTHING_OPEN),
            View::Document(d) => Content::document(&self.corpus, &self.filter, d),
            View::Group(group) => Content::group(&self.corpus, group),
        };
        let label_width = self.label_width(&content);
        self.history.leave(&self.page);
        self.page.open(view, content, label_width);
        self.search.refind(self.page.content());
    }

    /// The widest gutter label of the content's statements.
    fn label_width(&self, content: &Content) -> usize {
        content
            .statements
            .iter()
            .map(|&i| unicode_width::UnicodeWidthStr::width(self.speaker_short(i)))
            .max()
            .unwrap_or(0)
    }

    /// The gutter label of a statement's speaker.
    pub fn speaker_short(&self, statement: usize) -> &str {
        match self.corpus.statements()[statement].speaker {
            Some(s) => &self.corpus.speakers()[s].short,
            None => strings::UNATTRIBUTED_SHORT,
        }
    }

    /// Opens a statement: its document (or the speaker view it is already
    /// in), scrolled to it, highlighted.
    pub fn open_statement(&mut self, statement: usize) {
        let in_view = self.page.content().statements.contains(&statement);
        if !(in_view && matches!(self.page.view(), View::Group(_))) {
            let document = self.corpus.statements()[statement].document;
            if self.page.view() != View::Document(document) || !in_view {
                self.open_view(View::Document(document));
            }
        }
        self.page.highlight(statement);
    }

    /// Handles one action. Returns whether to go on.
    pub fn update(&mut self, action: Action) -> Control {
        if !matches!(action, Action::Resize(_)) {
            self.message = None;
        }
        match action {
            Action::Quit => return Control::Quit,
            Action::QuickExit => return Control::QuickExit,
            Action::Resize(viewport) => self.resize(viewport),
            Action::Wheel { .. } if self.mode == Mode::ContentNote => {}
            Action::Wheel { hit, down } => self.wheel(hit, down),
            Action::Click(hit) => self.click(hit),
            _ => match self.mode {
                Mode::Normal => self.normal(action),
                Mode::Help | Mode::Problems | Mode::Support => self.overlay(action),
                Mode::Search => self.search_prompt(action),
                Mode::Picker => self.picker_keys(action),
                Mode::Command => self.command(action),
                Mode::ContentNote => {
                    if action == Action::Submit {
                        self.mode = Mode::Normal;
                    }
                }
            },
        }
        Control::Continue
    }

    fn normal(&mut self, action: Action) {
        let sidebar = self.focus == Focus::Sidebar;
        match action {
            Action::FocusNext | Action::FocusPrev => {
                self.focus = if sidebar { Focus::Reader } else { Focus::Sidebar };
                self.sidebar.keep_visible(self.sidebar_height());
            }
            Action::Down => self.move_by(1, true),
            Action::Up => self.move_by(1, false),
            Action::LineDown => self.page.scroll(1, true),
            Action::LineUp => self.page.scroll(1, false),
            Action::PageDown => self.page.scroll(self.page_size(), true),
            Action::PageUp => self.page.scroll(self.page_size(), false),
            Action::HalfDown => self.page.scroll((self.page_size() / 2).max(1), true),
            Action::HalfUp => self.page.scroll((self.page_size() / 2).max(1), false),
            Action::Top => self.move_by(usize::MAX, false),
            Action::Bottom => self.move_by(usize::MAX, true),
            Action::Expand if sidebar => self.expand(),
            Action::Collapse if sidebar => self.collapse(),
            Action::Open if sidebar => self.open_selected(),
            Action::Open => match self.page.reference_statement() {
                Some(statement) if matches!(self.page.view(), View::Group(_)) => {
                    self.history.push(&self.page);
                    self.open_view(View::Document(self.corpus.statements()[statement].document));
                    self.open_statement(statement);
                }
                // In a document's text Enter is one line down, as in less.
                _ => self.page.scroll(1, true),
            },
            Action::Back => self.go_back(),
            Action::Forward => self.go_forward(),
            Action::NextStatement => self.step_statement(true),
            Action::PrevStatement => self.step_statement(false),
            Action::NextBySpeaker => self.step_by_speaker(true),
            Action::PrevBySpeaker => self.step_by_speaker(false),
            Action::Search => {
                self.prompt.open(self.focus);
                self.mode = Mode::Search;
            }
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::ShowFound => self.show_found(),
            Action::ClearSearch => {
                if !self.sidebar.query().is_empty() || self.sidebar.found().is_some() {
                    self.sidebar.set_query(String::new());
                    self.sidebar.set_found(None);
                    self.rebuild_rows();
                }
                self.search = Search::default();
            }
            Action::PickSpeaker => {
                self.picker = Picker::default();
                self.mode = Mode::Picker;
            }
            Action::ClearFilter if !self.filter.is_everyone() => {
                self.set_filter(Filter::default());
                self.message = Some(strings::FILTER_CLEARED.to_string());
            }
            Action::Help => {
                self.help_scroll = 0;
                self.mode = Mode::Help;
            }
            Action::Problems => {
                self.problems_scroll = 0;
                self.mode = Mode::Problems;
            }
            Action::Support => {
                self.help_scroll = 0;
                self.mode = Mode::Support;
            }
            Action::NextDocument => self.step_document(true),
            Action::PrevDocument => self.step_document(false),
            Action::Colon => self.start_command(),
            _ => {}
        }
    }

    /// Keys while the help or the list of files with problems is open: it
    /// scrolls, and closes with its own key or Esc.
    fn overlay(&mut self, action: Action) {
        let page = self.page.rows();
        let (scroll, closes) = match self.mode {
            Mode::Problems => (&mut self.problems_scroll, Action::Problems),
            Mode::Support => (&mut self.help_scroll, Action::Support),
            _ => (&mut self.help_scroll, Action::Help),
        };
        match action {
            Action::Cancel => self.mode = Mode::Normal,
            Action::Down => *scroll = scroll.saturating_add(1),
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::PageDown => *scroll = scroll.saturating_add(page),
            Action::PageUp => *scroll = scroll.saturating_sub(page),
            Action::Top => *scroll = 0,
            Action::Bottom => *scroll = usize::MAX / 2,
            other if other == closes => self.mode = Mode::Normal,
            _ => {}
        }
    }

    /// Rows a page move covers in the text (a line of overlap kept).
    fn page_size(&self) -> usize {
        self.page.rows().saturating_sub(1).max(1)
    }

    fn move_by(&mut self, amount: usize, down: bool) {
        match self.focus {
            Focus::Sidebar => self.sidebar.move_by(amount, down, self.sidebar_height()),
            Focus::Reader => self.page.scroll(amount, down),
        }
    }

    fn expand(&mut self) {
        let Some(row) = self.sidebar.selected_row().cloned() else { return };
        match (row.kind, row.expanded) {
            (RowKind::Section(section), Some(false)) => {
                self.sidebar.set_closed(section, false);
                self.rebuild_rows();
            }
            (RowKind::Group(group), Some(false)) => self.open_group(group, true),
            (_, Some(true)) => self.move_by(1, true),
            _ => {}
        }
    }

    fn collapse(&mut self) {
        let Some(row) = self.sidebar.selected_row().cloned() else { return };
        let searching = !self.sidebar.query().is_empty();
        match (row.kind, row.expanded) {
            (RowKind::Section(section), Some(true)) if !searching => {
                self.sidebar.set_closed(section, true);
                self.rebuild_rows();
            }
            (RowKind::Group(group), Some(true)) if !searching => self.open_group(group, false),
            _ => {
                // Step up to the parent row.
                if let Some(parent) = self.sidebar.parent() {
                    self.sidebar.select(parent, self.sidebar_height());
                }
            }
        }
    }

    /// Enter on a sidebar row: open it in the reader and move there (a
    /// heading opens or closes instead).
    pub fn open_selected(&mut self) {
        let Some(row) = self.sidebar.selected_row().cloned() else { return };
        match row.kind {
            RowKind::Section(section) => {
                let closed = self.sidebar.is_closed(section);
                self.sidebar.set_closed(section, !closed);
                self.rebuild_rows();
                return;
            }
            RowKind::Document(d) => {
                self.history.push(&self.page);
                self.open_document_where_left(d);
            }
            RowKind::Group(group) => {
                if !self.sidebar.is_expanded(group) {
                    self.open_group(group, true);
                }
                self.history.push(&self.page);
                self.open_view(View::Group(group));
            }
            RowKind::Statement(i) => {
                self.history.push(&self.page);
                self.open_view(View::Document(self.corpus.statements()[i].document));
                self.open_statement(i);
            }
            RowKind::Note(_) => return,
        }
        self.focus = Focus::Reader;
    }

    fn picker_keys(&mut self, action: Action) {
        match action {
            Action::Input(c) => self.picker.push(c),
            Action::Paste(text) => text.chars().for_each(|c| self.picker.push(c)),
            Action::Backspace => self.picker.pop(),
            Action::Down => self.picker.move_by(true, self.picker.candidates(&self.corpus).len()),
            Action::Up => self.picker.move_by(false, 0),
            Action::Cancel => self.mode = Mode::Normal,
            Action::Submit => {
                if let Some(filter) = self.picker.choose(&self.corpus) {
                    self.mode = Mode::Normal;
                    self.picker = Picker::default();
                    self.set_filter(filter);
                }
            }
            _ => {}
        }
    }

    /// Applies a speaker filter as `--speaker` would at start.
    pub fn set_filter(&mut self, filter: Filter) {
        self.filter = filter;
        self.sidebar.clear();
        self.start();
        self.search.rescan(&self.corpus, &self.filter);
    }

    fn wheel(&mut self, hit: Hit, down: bool) {
        if matches!(self.mode, Mode::Help | Mode::Support) {
            self.overlay(if down { Action::Down } else { Action::Up });
            return;
        }
        match hit {
            Hit::Reader => self.page.scroll(WHEEL_LINES, down),
            Hit::Sidebar(_) => self.sidebar.scroll(WHEEL_LINES, down, self.sidebar_height()),
            Hit::Elsewhere => {}
        }
    }

    fn click(&mut self, hit: Hit) {
        if self.mode != Mode::Normal {
            return;
        }
        match hit {
            Hit::Sidebar(row) => {
                self.focus = Focus::Sidebar;
                let index = row.map(|row| self.sidebar.offset() + row);
                if let Some(index) = index.filter(|&i| i < self.sidebar.rows().len()) {
                    if index == self.sidebar.selected() {
                        self.open_selected();
                    } else {
                        self.sidebar.point_at(index);
                    }
                }
            }
            Hit::Reader => self.focus = Focus::Reader,
            Hit::Elsewhere => {}
        }
    }
}

#[cfg(test)]
mod tests;

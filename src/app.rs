//! The reader's state and every change to it. [`App::update`] takes an
//! [`Action`] and changes the state; nothing here touches a terminal, so
//! each behaviour can be tested by feeding actions and looking at fields.

use crate::content::{Content, Match, Pos, Wrapped};
use crate::corpus::Filter;
use crate::corpus::{Corpus, Group};
use crate::keymap::{Action, Mode};
use crate::speakers::match_speakers;
use crate::strings;
use crate::ui::layout::{self, Focus};
use crate::ui::theme::Theme;

/// What the event loop should do after an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    Continue,
    /// Restore the terminal and exit normally.
    Quit,
    /// Restore the terminal, clear what was shown, and exit at once.
    QuickExit,
}

/// What a sidebar row stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A section heading; `true` for Speakers, `false` for Documents.
    Section(bool),
    Document(usize),
    /// A speaker's statements, or the unattributed ones.
    Group(Group),
    /// Index into [`Corpus::statements`].
    Statement(usize),
    /// A line of explanation that cannot be opened.
    Note,
}

/// One sidebar row, ready to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// What opening the row does.
    pub kind: RowKind,
    /// 0 for headings, 1 for documents and speakers, 2 for statements.
    pub depth: u8,
    /// The text drawn (cut to the sidebar's width when drawn).
    pub label: String,
    /// Statement count shown after a speaker.
    pub count: Option<usize>,
    /// `Some(open)` when the row can be expanded or collapsed.
    pub expanded: Option<bool>,
}

/// The sidebar tree and where the user is in it.
#[derive(Debug, Clone, Default)]
pub struct Sidebar {
    /// Rows as drawn, rebuilt when the filter, a group or the sidebar search changes.
    pub rows: Vec<Row>,
    /// Index into `rows`; kept on the same thing across rebuilds.
    pub selected: usize,
    /// First row shown.
    pub offset: usize,
    /// Groups that are open.
    pub expanded: Vec<Group>,
    /// Sections that are closed: [documents, speakers].
    pub collapsed: [bool; 2],
    /// The sidebar search; non-empty hides rows that do not match.
    pub query: String,
}

/// What the reader pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Nothing,
    Document(usize),
    Group(Group),
}

/// The reader pane: its content, wrapped for the current width, and where
/// the reading position is.
#[derive(Debug, Clone)]
pub struct Reader {
    /// What is open, to title the pane and to find statements.
    pub view: View,
    /// The blocks of the open view, built once per view.
    pub content: Content,
    /// The content wrapped to the current width, lazily; made anew when the
    /// width or the content changes.
    pub wrapped: Wrapped,
    /// The first row shown, as a block and a row in it: a position that
    /// needs no row count above it, so it is exact in a document not yet
    /// measured, and survives a re-wrap by its byte offset.
    pub top: Pos,
    /// The highlighted statement (index into [`Corpus::statements`]).
    pub current: Option<usize>,
    /// Widest speaker label in the content, for the gutter.
    pub label_width: usize,
}

/// The committed reader search.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// What was searched; kept when another view opens, like less.
    pub query: String,
    /// Every hit in the open view, in reading order.
    pub matches: Vec<Match>,
    /// The hit last moved to, for the highlight and the counter.
    pub current: Option<usize>,
}

/// The speaker picker's state while it is open.
#[derive(Debug, Clone, Default)]
pub struct Picker {
    /// Index into the picker's candidates.
    pub selected: usize,
    /// Why the last Enter chose nobody, in `--speaker`'s words.
    pub error: Option<String>,
}

/// The whole reader.
#[derive(Debug, Clone)]
pub struct App {
    /// Everything loaded; the reader never changes it.
    pub corpus: Corpus,
    /// The speakers shown (`--speaker`, or the picker).
    pub filter: Filter,
    /// Colour or monochrome, chosen once at start.
    pub theme: Theme,
    /// Which pane the movement keys act on.
    pub focus: Focus,
    /// Which keys are live: normal, help, search prompt, picker.
    pub mode: Mode,
    /// Terminal size in cells.
    pub size: (u16, u16),
    /// The left pane's state.
    pub sidebar: Sidebar,
    /// The right pane's state.
    pub reader: Reader,
    /// The committed reader search.
    pub search: Search,
    /// Which pane the open search prompt searches.
    pub search_target: Focus,
    /// Text being typed in the search prompt or the picker.
    pub prompt: String,
    /// The picker's state while it is open.
    pub picker: Picker,
    /// First line of the help shown (clamped when drawn).
    pub help_scroll: usize,
    /// First line of the problems list shown (clamped when drawn).
    pub problems_scroll: usize,
    /// A short note in the status bar, cleared by the next key.
    pub message: Option<String>,
    /// Set while the background loader is still sending documents.
    pub loading: Option<crate::loading::LoadProgress>,
}

/// Lines scrolled by one turn of the mouse wheel.
const WHEEL_LINES: usize = 3;
/// Widest gutter; longer speaker labels are cut with "…".
const GUTTER_MAX: usize = 9;
/// Most characters of a statement kept for its sidebar row.
const ROW_TEXT_CHARS: usize = 90;

impl App {
    /// The reader at its starting point: the first document open, or with a
    /// filter, the first chosen speaker's statements.
    pub fn new(corpus: Corpus, filter: Filter, theme: Theme, size: (u16, u16)) -> App {
        let mut app = App {
            corpus,
            filter,
            theme,
            focus: Focus::Sidebar,
            mode: Mode::Normal,
            size,
            sidebar: Sidebar::default(),
            reader: Reader {
                view: View::Nothing,
                content: Content::message(strings::NOTHING_OPEN),
                wrapped: Wrapped::default(),
                top: Pos::TOP,
                current: None,
                label_width: 0,
            },
            search: Search::default(),
            search_target: Focus::Reader,
            prompt: String::new(),
            picker: Picker::default(),
            help_scroll: 0,
            problems_scroll: 0,
            message: None,
            loading: None,
        };
        app.start();
        app
    }

    /// Puts the content note in front of everything, so nobody meets
    /// article text before being told what it covers (`--no-content-note`
    /// skips this). Enter continues.
    pub fn show_content_note(&mut self) {
        self.mode = Mode::ContentNote;
    }

    /// Builds the sidebar for the current filter and opens the first thing.
    fn start(&mut self) {
        self.sidebar.expanded = if self.filter.is_everyone() {
            Vec::new()
        } else {
            self.corpus.groups(&self.filter).into_iter().map(|listed| listed.group).collect()
        };
        self.rebuild_rows();
        let first = if self.filter.is_everyone() {
            self.sidebar.rows.iter().position(|r| matches!(r.kind, RowKind::Document(_)))
        } else {
            self.sidebar.rows.iter().position(|r| matches!(r.kind, RowKind::Group(_)))
        };
        if let Some(row) = first {
            self.sidebar.selected = row;
            match self.sidebar.rows[row].kind {
                RowKind::Document(d) => self.open_view(View::Document(d)),
                RowKind::Group(group) => self.open_view(View::Group(group)),
                _ => {}
            }
        } else {
            self.open_view(View::Nothing);
        }
        self.sidebar.offset = 0;
    }

    /// Documents the sidebar lists: all of them, or with a filter those that
    /// hold a chosen speaker's statements.
    pub fn shown_documents(&self) -> Vec<usize> {
        let shown = self.corpus.shown_documents(&self.filter);
        (0..shown.len()).filter(|&d| shown[d]).collect()
    }

    /// Rebuilds the sidebar rows, keeping the selection on the same thing.
    pub fn rebuild_rows(&mut self) {
        let previous = self.sidebar.rows.get(self.sidebar.selected).map(|r| r.kind);
        let searching = !self.sidebar.query.is_empty();
        let query = self.sidebar.query.to_lowercase();
        let hit = |label: &str| !searching || label.to_lowercase().contains(&query);
        let mut rows = Vec::new();

        let documents = self.shown_documents();
        let document_rows: Vec<Row> = documents
            .iter()
            .filter(|&&d| hit(&self.corpus.documents()[d].title))
            .map(|&d| Row {
                kind: RowKind::Document(d),
                depth: 1,
                label: self.corpus.documents()[d].title.clone(),
                count: None,
                expanded: None,
            })
            .collect();
        if !searching || !document_rows.is_empty() {
            let open = searching || !self.sidebar.collapsed[0];
            rows.push(Row {
                kind: RowKind::Section(false),
                depth: 0,
                label: strings::DOCUMENTS.to_string(),
                count: Some(documents.len()),
                expanded: Some(open),
            });
            if open {
                rows.extend(document_rows);
            }
        }

        let mut speaker_rows = Vec::new();
        for listed in self.corpus.groups(&self.filter) {
            let (group, count) = (listed.group, listed.statements.len());
            let name = self.corpus.group_name(group);
            // A closed group's rows are never shown: skip building them (a
            // large corpus has hundreds of thousands of statements).
            let may_open = searching || self.sidebar.expanded.contains(&group);
            let statements: Vec<Row> = listed
                .statements
                .iter()
                .filter(|_| may_open)
                .map(|&i| (i, &self.corpus.statements()[i]))
                .filter(|(_, s)| hit(&self.corpus.text(s)))
                .map(|(i, s)| Row {
                    kind: RowKind::Statement(i),
                    depth: 2,
                    label: statement_label(&self.corpus.text(s), s.kind),
                    count: None,
                    expanded: None,
                })
                .collect();
            let name_hits = hit(name);
            if searching && !name_hits && statements.is_empty() {
                continue;
            }
            let open = self.sidebar.expanded.contains(&group) || (searching && !statements.is_empty());
            speaker_rows.push(Row {
                kind: RowKind::Group(group),
                depth: 1,
                label: name.to_string(),
                count: Some(count),
                expanded: Some(open),
            });
            if open {
                speaker_rows.extend(statements);
            }
        }
        if !searching || !speaker_rows.is_empty() {
            let open = searching || !self.sidebar.collapsed[1];
            rows.push(Row {
                kind: RowKind::Section(true),
                depth: 0,
                label: strings::SPEAKERS.to_string(),
                count: None,
                expanded: Some(open),
            });
            if open {
                if speaker_rows.is_empty() {
                    rows.push(Row {
                        kind: RowKind::Note,
                        depth: 1,
                        label: strings::NO_STATEMENTS.to_string(),
                        count: None,
                        expanded: None,
                    });
                }
                rows.extend(speaker_rows);
            }
        }
        if rows.is_empty() {
            rows.push(Row {
                kind: RowKind::Note,
                depth: 0,
                label: strings::NO_ROWS.to_string(),
                count: None,
                expanded: None,
            });
        }
        self.sidebar.rows = rows;
        self.sidebar.selected = previous
            .and_then(|kind| self.sidebar.rows.iter().position(|r| r.kind == kind))
            .unwrap_or(self.sidebar.selected)
            .min(self.sidebar.rows.len() - 1);
        self.keep_selection_visible();
    }

    /// The regions of the current frame.
    pub fn areas(&self) -> layout::Areas {
        layout::areas(self.size.0, self.size.1, self.focus)
    }

    /// Rows the sidebar shows at once (at least 1).
    pub fn sidebar_height(&self) -> usize {
        let area = layout::areas(self.size.0, self.size.1, Focus::Sidebar).sidebar;
        area.map_or(1, |a| usize::from(layout::inner(a).height).max(1))
    }

    /// Lines the reader shows at once (at least 1).
    pub fn reader_height(&self) -> usize {
        let area = layout::areas(self.size.0, self.size.1, Focus::Reader).reader;
        area.map_or(1, |a| usize::from(layout::inner(a).height).max(1))
    }

    /// Columns of the reader's gutter and of its text, for the current size.
    pub fn reader_columns(&self) -> (usize, usize) {
        let area = layout::areas(self.size.0, self.size.1, Focus::Reader).reader;
        let inner = area.map_or(0, |a| usize::from(layout::inner(a).width));
        let gutter = if self.reader.label_width == 0 {
            0
        } else {
            self.reader.label_width.clamp(3, (inner / 5).clamp(3, GUTTER_MAX))
        };
        // One column of margin before the scrollbar.
        let text = inner.saturating_sub(if gutter == 0 { 1 } else { gutter + 2 }).max(1);
        (gutter, text)
    }

    /// Re-wraps the reader for the current width if needed, keeping the top
    /// line's paragraph and offset. Cheap at any length: the new wrap is
    /// lazy, and only the blocks around the top are wrapped now.
    pub fn ensure_wrapped(&mut self) {
        let (_, width) = self.reader_columns();
        let content = &self.reader.content;
        if self.reader.wrapped.width == width && self.reader.wrapped.is_for(content) {
            return;
        }
        let anchor = if self.reader.wrapped.is_for(content) {
            self.reader.wrapped.anchor(content, self.reader.top)
        } else {
            None
        };
        self.reader.wrapped = Wrapped::new(content, width);
        self.reader.top = anchor.map_or(Pos::TOP, |(block, offset)| self.reader.wrapped.pos_of(content, block, offset));
        self.clamp_scroll();
    }

    /// Whether row counts of the open content are still being measured
    /// (the scroll percentage is an estimate until they are).
    pub fn wrapping(&self) -> bool {
        !self.reader.wrapped.is_measured()
    }

    /// Measures more of the open content's rows, for at most about
    /// `budget`: the event loop calls this between looks at the input.
    /// Returns whether it is finished.
    pub fn wrap_some(&mut self, budget: std::time::Duration) -> bool {
        self.reader.wrapped.measure(&self.reader.content, Some(budget))
    }

    /// Measures the rest of the open content at once (tests, benchmarks).
    pub fn finish_wrapping(&mut self) {
        self.reader.wrapped.measure(&self.reader.content, None);
    }

    /// The row number of the top row, and whether it is exact (see
    /// [`Wrapped::row_number`]).
    pub fn scroll_row(&self) -> (usize, bool) {
        self.reader.wrapped.row_number(self.reader.top)
    }

    /// Whether the row at `pos` is on screen in the reader.
    pub fn is_visible(&self, pos: Pos) -> bool {
        let height = self.reader_height();
        self.reader.wrapped.distance(&self.reader.content, self.reader.top, pos, height - 1).is_some()
    }

    /// Changes the terminal size; the reading position is kept.
    pub fn resize(&mut self, width: u16, height: u16) {
        if self.size != (width, height) {
            self.size = (width, height);
            self.ensure_wrapped();
            self.keep_selection_visible();
        }
    }

    /// The furthest the reader scrolls: the top row that shows the last row
    /// at the bottom (walked back from the end, so exact at once).
    pub fn end_pos(&self) -> Pos {
        self.reader.wrapped.end(&self.reader.content, self.reader_height())
    }

    fn clamp_scroll(&mut self) {
        self.reader.top = self.reader.top.min(self.end_pos());
    }

    /// Where the top row starts in the text (see [`Wrapped::key`]).
    fn top_key(&self) -> (usize, usize) {
        self.reader.wrapped.key(&self.reader.content, self.reader.top)
    }

    /// Where the first row below the pane starts in the text; past
    /// everything when the pane shows the end.
    fn bottom_key(&self) -> (usize, usize) {
        let (content, wrapped) = (&self.reader.content, &self.reader.wrapped);
        let height = self.reader_height();
        let (below, moved) = wrapped.forward(content, self.reader.top, height, wrapped.last(content));
        if moved < height { (usize::MAX, usize::MAX) } else { wrapped.key(content, below) }
    }

    fn keep_selection_visible(&mut self) {
        let height = self.sidebar_height();
        let sidebar = &mut self.sidebar;
        if sidebar.selected < sidebar.offset {
            sidebar.offset = sidebar.selected;
        } else if sidebar.selected >= sidebar.offset + height {
            sidebar.offset = sidebar.selected + 1 - height;
        }
        sidebar.offset = sidebar.offset.min(sidebar.rows.len().saturating_sub(height));
    }

    /// Shows a view in the reader from its top.
    pub fn open_view(&mut self, view: View) {
        let content = match view {
            View::Nothing => Content::message(strings::NOTHING_OPEN),
            View::Document(d) => Content::document(&self.corpus, &self.filter, d),
            View::Group(group) => Content::group(&self.corpus, group),
        };
        self.reader.label_width = content
            .statements
            .iter()
            .map(|&i| unicode_width::UnicodeWidthStr::width(self.speaker_short(i)))
            .max()
            .unwrap_or(0);
        self.reader.view = view;
        self.reader.content = content;
        self.reader.wrapped = Wrapped::default();
        self.reader.top = Pos::TOP;
        self.reader.current = None;
        self.ensure_wrapped();
        self.search.matches = self.reader.content.find(&self.search.query);
        self.search.current = None;
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
        let in_view = self.reader.content.statements.contains(&statement);
        if !(in_view && matches!(self.reader.view, View::Group(_))) {
            let document = self.corpus.statements()[statement].document;
            if self.reader.view != View::Document(document) || !in_view {
                self.open_view(View::Document(document));
            }
        }
        self.reader.current = Some(statement);
        if let Some(line) = self.statement_line(statement) {
            let height = self.reader_height();
            let (content, wrapped) = (&self.reader.content, &self.reader.wrapped);
            let visible = wrapped.distance(content, self.reader.top, line, height).is_some_and(|d| d + 2 <= height);
            if !visible {
                self.reader.top = wrapped.back(content, line, height / 4);
                self.clamp_scroll();
            }
        }
    }

    /// The first wrapped row of a statement in the current content.
    pub fn statement_line(&self, statement: usize) -> Option<Pos> {
        let at = self.reader.content.statements.iter().position(|&s| s == statement)?;
        let (block, start) = self.reader.content.starts.get(at).copied().flatten()?;
        Some(self.reader.wrapped.pos_of(&self.reader.content, block, start))
    }

    /// The statement to start from: the highlighted one, else the first one
    /// at or below the top line.
    fn reference_statement(&self) -> Option<usize> {
        self.reader.current.or_else(|| {
            let top = self.top_key();
            let content = &self.reader.content;
            (0..content.statements.len())
                .find(|&at| content.starts[at].is_some_and(|start| start >= top))
                .map(|at| content.statements[at])
        })
    }

    /// Handles one action. Returns whether to go on.
    pub fn update(&mut self, action: Action) -> Control {
        if !matches!(action, Action::Resize { .. }) {
            self.message = None;
        }
        match action {
            Action::Quit => return Control::Quit,
            Action::QuickExit => return Control::QuickExit,
            Action::Resize { width, height } => self.resize(width, height),
            Action::Wheel { .. } if self.mode == Mode::ContentNote => {}
            Action::Wheel { column, row, down } => self.wheel(column, row, down),
            Action::Click { column, row } => self.click(column, row),
            _ => match self.mode {
                Mode::Normal => self.normal(action),
                Mode::Help => self.help(action),
                Mode::Search => self.search_prompt(action),
                Mode::Picker => self.picker(action),
                Mode::ContentNote => {
                    if action == Action::Submit {
                        self.mode = Mode::Normal;
                    }
                }
                Mode::Problems => self.problems_list(action),
            },
        }
        Control::Continue
    }

    fn normal(&mut self, action: Action) {
        let sidebar = self.focus == Focus::Sidebar;
        match action {
            Action::FocusNext | Action::FocusPrev => {
                self.focus = if sidebar { Focus::Reader } else { Focus::Sidebar };
                self.ensure_wrapped();
                self.keep_selection_visible();
            }
            Action::Down => self.move_by(1, true),
            Action::Up => self.move_by(1, false),
            Action::PageDown => self.move_by(self.page(), true),
            Action::PageUp => self.move_by(self.page(), false),
            Action::HalfDown => self.move_by((self.page() / 2).max(1), true),
            Action::HalfUp => self.move_by((self.page() / 2).max(1), false),
            Action::Top => self.move_by(usize::MAX, false),
            Action::Bottom => self.move_by(usize::MAX, true),
            Action::Expand if sidebar => self.expand(),
            Action::Collapse if sidebar => self.collapse(),
            Action::Open if sidebar => self.open_selected(),
            Action::Open => {
                if matches!(self.reader.view, View::Group(_))
                    && let Some(statement) = self.reference_statement()
                {
                    self.open_view(View::Document(self.corpus.statements()[statement].document));
                    self.open_statement(statement);
                }
            }
            Action::NextStatement => self.step_statement(true),
            Action::PrevStatement => self.step_statement(false),
            Action::NextBySpeaker => self.step_by_speaker(true),
            Action::PrevBySpeaker => self.step_by_speaker(false),
            Action::Search => {
                self.search_target = self.focus;
                self.prompt.clear();
                self.mode = Mode::Search;
            }
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::ClearSearch => {
                if !self.sidebar.query.is_empty() {
                    self.sidebar.query.clear();
                    self.rebuild_rows();
                }
                self.search = Search::default();
            }
            Action::PickSpeaker => {
                self.prompt.clear();
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
            _ => {}
        }
    }

    /// Keys while the problems list is open: it scrolls like the help.
    fn problems_list(&mut self, action: Action) {
        let page = self.reader_height();
        let scroll = &mut self.problems_scroll;
        match action {
            Action::Cancel | Action::Problems => self.mode = Mode::Normal,
            Action::Down => *scroll = scroll.saturating_add(1),
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::PageDown => *scroll = scroll.saturating_add(page),
            Action::PageUp => *scroll = scroll.saturating_sub(page),
            Action::Top => *scroll = 0,
            Action::Bottom => *scroll = usize::MAX / 2,
            _ => {}
        }
    }

    fn page(&self) -> usize {
        match self.focus {
            Focus::Sidebar => self.sidebar_height(),
            Focus::Reader => self.reader_height().saturating_sub(1).max(1),
        }
    }

    fn move_by(&mut self, amount: usize, down: bool) {
        match self.focus {
            Focus::Sidebar => {
                let last = self.sidebar.rows.len().saturating_sub(1);
                let s = &mut self.sidebar.selected;
                *s = if down { s.saturating_add(amount).min(last) } else { s.saturating_sub(amount) };
                self.keep_selection_visible();
            }
            Focus::Reader => self.scroll_reader(amount, down),
        }
    }

    /// Moves the reader by `amount` rows; `usize::MAX` is the top or the
    /// end, reached without walking what lies between.
    fn scroll_reader(&mut self, amount: usize, down: bool) {
        let (content, wrapped) = (&self.reader.content, &self.reader.wrapped);
        let end = self.end_pos();
        self.reader.top = match (down, amount) {
            (true, usize::MAX) => end,
            (false, usize::MAX) => Pos::TOP,
            (true, _) => wrapped.forward(content, self.reader.top, amount, end).0,
            (false, _) => wrapped.back(content, self.reader.top, amount),
        };
        self.clamp_scroll();
    }

    fn selected_row(&self) -> Option<&Row> {
        self.sidebar.rows.get(self.sidebar.selected)
    }

    fn expand(&mut self) {
        let Some(row) = self.selected_row().cloned() else { return };
        match (row.kind, row.expanded) {
            (RowKind::Section(speakers), Some(false)) => {
                self.sidebar.collapsed[usize::from(speakers)] = false;
                self.rebuild_rows();
            }
            (RowKind::Group(s), Some(false)) => {
                self.sidebar.expanded.push(s);
                self.rebuild_rows();
            }
            (_, Some(true)) => self.move_by(1, true),
            _ => {}
        }
    }

    fn collapse(&mut self) {
        let Some(row) = self.selected_row().cloned() else { return };
        match (row.kind, row.expanded) {
            (RowKind::Section(speakers), Some(true)) if self.sidebar.query.is_empty() => {
                self.sidebar.collapsed[usize::from(speakers)] = true;
                self.rebuild_rows();
            }
            (RowKind::Group(s), Some(true)) if self.sidebar.query.is_empty() => {
                self.sidebar.expanded.retain(|&e| e != s);
                self.rebuild_rows();
            }
            _ => {
                // Step up to the parent row.
                let depth = row.depth;
                if depth > 0
                    && let Some(parent) =
                        self.sidebar.rows[..self.sidebar.selected].iter().rposition(|r| r.depth < depth)
                {
                    self.sidebar.selected = parent;
                    self.keep_selection_visible();
                }
            }
        }
    }

    /// Enter on a sidebar row: open it in the reader and move there (a
    /// heading opens or closes instead).
    pub fn open_selected(&mut self) {
        let Some(row) = self.selected_row().cloned() else { return };
        match row.kind {
            RowKind::Section(speakers) => {
                let i = usize::from(speakers);
                self.sidebar.collapsed[i] = !self.sidebar.collapsed[i];
                self.rebuild_rows();
                return;
            }
            RowKind::Document(d) => self.open_view(View::Document(d)),
            RowKind::Group(s) => {
                if !self.sidebar.expanded.contains(&s) {
                    self.sidebar.expanded.push(s);
                    self.rebuild_rows();
                }
                self.open_view(View::Group(s));
            }
            RowKind::Statement(i) => {
                self.open_view(View::Document(self.corpus.statements()[i].document));
                self.open_statement(i);
            }
            RowKind::Note => return,
        }
        self.focus = Focus::Reader;
        self.ensure_wrapped();
    }

    fn step_statement(&mut self, forward: bool) {
        let list = &self.reader.content.statements;
        let next = match self.reader.current.and_then(|c| list.iter().position(|&s| s == c)) {
            Some(at) if forward => list.get(at + 1).copied(),
            Some(at) => at.checked_sub(1).map(|i| list[i]),
            None if forward => self.reference_statement(),
            None => {
                let bottom = self.bottom_key();
                let starts = &self.reader.content.starts;
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
    fn open_statement_and_follow(&mut self, statement: usize) {
        self.open_statement(statement);
        let view = self.reader.view;
        let row = self.sidebar.rows.iter().position(|r| r.kind == RowKind::Statement(statement)).or_else(|| {
            self.sidebar.rows.iter().position(|r| match (r.kind, view) {
                (RowKind::Document(d), View::Document(open)) => d == open,
                (RowKind::Group(s), View::Group(open)) => s == open,
                _ => false,
            })
        });
        if let Some(row) = row {
            self.sidebar.selected = row;
            self.keep_selection_visible();
        }
    }

    fn step_by_speaker(&mut self, forward: bool) {
        let Some(from) = self.reference_statement() else {
            self.message = Some(strings::NO_STATEMENT_SELECTED.to_string());
            return;
        };
        let speaker = self.corpus.statements()[from].speaker;
        let same = |i: &usize| self.corpus.statements()[*i].speaker == speaker && self.filter.keeps(Group::of(speaker));
        let next =
            if forward { (from + 1..self.corpus.statements().len()).find(same) } else { (0..from).rev().find(same) };
        match next {
            Some(statement) => self.open_statement_and_follow(statement),
            None if self.reader.current.is_none() => self.open_statement_and_follow(from),
            None => self.message = Some(strings::NO_MORE_STATEMENTS.to_string()),
        }
    }

    fn step_match(&mut self, forward: bool) {
        if self.search.query.is_empty() {
            self.message = Some(strings::NO_SEARCH.to_string());
            return;
        }
        let total = self.search.matches.len();
        if total == 0 {
            self.message = Some(strings::no_matches(&self.search.query));
            return;
        }
        let next = match self.search.current {
            Some(c) if forward => {
                if c + 1 == total {
                    self.message = Some(strings::WRAPPED_TOP.to_string());
                }
                (c + 1) % total
            }
            Some(c) => {
                if c == 0 {
                    self.message = Some(strings::WRAPPED_END.to_string());
                }
                (c + total - 1) % total
            }
            None => self.first_match_from_top(forward),
        };
        self.show_match(next);
    }

    /// The first match at or below the top line (or the last one above the
    /// bottom, going backwards), wrapping around.
    /// Compares byte positions, not rows, so no block is wrapped for it.
    fn first_match_from_top(&self, forward: bool) -> usize {
        let matches = &self.search.matches;
        if forward {
            let top = self.top_key();
            let at = matches.partition_point(|m| (m.block, m.start) < top);
            if at == matches.len() { 0 } else { at }
        } else {
            let bottom = self.bottom_key();
            matches.partition_point(|m| (m.block, m.start) < bottom).checked_sub(1).unwrap_or(matches.len() - 1)
        }
    }

    fn show_match(&mut self, index: usize) {
        self.search.current = Some(index);
        let m = self.search.matches[index];
        let line = self.reader.wrapped.pos_of(&self.reader.content, m.block, m.start);
        if !self.is_visible(line) {
            let height = self.reader_height();
            self.reader.top = self.reader.wrapped.back(&self.reader.content, line, height / 3);
            self.clamp_scroll();
        }
    }

    fn search_prompt(&mut self, action: Action) {
        match action {
            Action::Input(c) => self.prompt.push(c),
            Action::Backspace => {
                self.prompt.pop();
            }
            Action::Cancel => {
                self.prompt.clear();
                self.mode = Mode::Normal;
            }
            Action::Submit => {
                self.mode = Mode::Normal;
                let query = std::mem::take(&mut self.prompt);
                match self.search_target {
                    Focus::Sidebar => {
                        self.sidebar.query = query;
                        self.rebuild_rows();
                        self.sidebar.selected = self
                            .sidebar
                            .rows
                            .iter()
                            .position(|r| matches!(r.kind, RowKind::Document(_) | RowKind::Statement(_)))
                            .or_else(|| self.sidebar.rows.iter().position(|r| r.depth > 0))
                            .unwrap_or(0);
                        self.keep_selection_visible();
                    }
                    Focus::Reader => {
                        self.search.matches = self.reader.content.find(&query);
                        self.search.query = query;
                        self.search.current = None;
                        if self.search.query.is_empty() {
                            return;
                        }
                        if self.search.matches.is_empty() {
                            self.message = Some(strings::no_matches(&self.search.query));
                        } else {
                            let first = self.first_match_from_top(true);
                            self.show_match(first);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn help(&mut self, action: Action) {
        match action {
            Action::Cancel | Action::Help => self.mode = Mode::Normal,
            Action::Down => self.help_scroll = self.help_scroll.saturating_add(1),
            Action::Up => self.help_scroll = self.help_scroll.saturating_sub(1),
            Action::PageDown => self.help_scroll = self.help_scroll.saturating_add(self.reader_height()),
            Action::PageUp => self.help_scroll = self.help_scroll.saturating_sub(self.reader_height()),
            Action::Top => self.help_scroll = 0,
            Action::Bottom => self.help_scroll = usize::MAX / 2,
            _ => {}
        }
    }

    /// Speakers the picker offers for what has been typed: those with
    /// statements whose id, name or an alias contains it.
    pub fn picker_candidates(&self) -> Vec<(usize, usize)> {
        let wanted = crate::corpus::normalize_name(&self.prompt);
        self.corpus
            .groups(&Filter::default())
            .into_iter()
            .filter_map(|listed| match listed.group {
                Group::Speaker(i) => Some((i, listed.statements.len())),
                Group::Unattributed => None,
            })
            .filter(|&(i, _)| {
                let s = &self.corpus.speakers()[i];
                wanted.is_empty()
                    || std::iter::once(&s.id)
                        .chain(std::iter::once(&s.name))
                        .chain(&s.aliases)
                        .any(|n| crate::corpus::normalize_name(n).contains(&wanted))
            })
            .collect()
    }

    fn picker(&mut self, action: Action) {
        let candidates = self.picker_candidates();
        match action {
            Action::Input(c) => {
                self.prompt.push(c);
                self.picker.selected = 0;
                self.picker.error = None;
            }
            Action::Backspace => {
                self.prompt.pop();
                self.picker.selected = 0;
                self.picker.error = None;
            }
            Action::Down => {
                self.picker.selected = (self.picker.selected + 1).min(candidates.len().saturating_sub(1));
            }
            Action::Up => self.picker.selected = self.picker.selected.saturating_sub(1),
            Action::Cancel => {
                self.prompt.clear();
                self.mode = Mode::Normal;
            }
            Action::Submit => {
                let chosen = match candidates.get(self.picker.selected) {
                    Some(&(speaker, _)) => Ok(vec![speaker]),
                    None => match_speakers(self.corpus.speakers(), &self.prompt),
                };
                match chosen {
                    Ok(speakers) => {
                        let ids: Vec<String> = speakers.iter().map(|&i| self.corpus.speakers()[i].id.clone()).collect();
                        match Filter::resolve(self.corpus.speakers(), &ids) {
                            Ok(filter) => {
                                self.mode = Mode::Normal;
                                self.prompt.clear();
                                self.set_filter(filter);
                            }
                            Err(err) => self.picker.error = Some(first_line(&err.to_string())),
                        }
                    }
                    Err(err) => self.picker.error = Some(first_line(&err.to_string())),
                }
            }
            _ => {}
        }
    }

    /// Applies a speaker filter as `--speaker` would at start.
    pub fn set_filter(&mut self, filter: Filter) {
        self.filter = filter;
        self.sidebar.query.clear();
        self.sidebar.rows.clear();
        self.sidebar.selected = 0;
        self.start();
    }

    fn wheel(&mut self, column: u16, row: u16, down: bool) {
        if self.mode == Mode::Help {
            self.help(if down { Action::Down } else { Action::Up });
            return;
        }
        let areas = self.areas();
        let inside = |area: Option<ratatui::layout::Rect>| {
            area.is_some_and(|a| a.contains(ratatui::layout::Position::new(column, row)))
        };
        if inside(areas.reader) {
            self.scroll_reader(WHEEL_LINES, down);
        } else if inside(areas.sidebar) {
            let height = self.sidebar_height();
            let max = self.sidebar.rows.len().saturating_sub(height);
            let offset = &mut self.sidebar.offset;
            *offset = if down { (*offset + WHEEL_LINES).min(max) } else { offset.saturating_sub(WHEEL_LINES) };
        }
    }

    fn click(&mut self, column: u16, row: u16) {
        if self.mode != Mode::Normal {
            return;
        }
        let areas = self.areas();
        let position = ratatui::layout::Position::new(column, row);
        if let Some(sidebar) = areas.sidebar.filter(|a| a.contains(position)) {
            self.focus = Focus::Sidebar;
            let inner = layout::inner(sidebar);
            if inner.contains(position) {
                let index = self.sidebar.offset + usize::from(row - inner.y);
                if index < self.sidebar.rows.len() {
                    if index == self.sidebar.selected {
                        self.open_selected();
                    } else {
                        self.sidebar.selected = index;
                    }
                }
            }
        } else if areas.reader.is_some_and(|a| a.contains(position)) {
            self.focus = Focus::Reader;
        }
    }

    /// The search counter for the status bar ("3/12"), when a search is active.
    pub fn search_counter(&self) -> Option<String> {
        if self.search.query.is_empty() {
            return None;
        }
        let total = self.search.matches.len();
        Some(format!("{}/{}", self.search.current.map_or(0, |c| c + 1), total))
    }

    /// "42%", or Top/End/All: where the reader is; "~42%" while the rows
    /// above or below are still being counted.
    pub fn position_label(&self) -> String {
        let end = self.end_pos();
        if end == Pos::TOP {
            strings::ALL.to_string()
        } else if self.reader.top == Pos::TOP {
            strings::TOP.to_string()
        } else if self.reader.top >= end {
            strings::END.to_string()
        } else {
            let (row, exact) = self.scroll_row();
            let (total, all_exact) = self.reader.wrapped.total_rows();
            let percent = ((row + self.reader_height()) * 100 / total.max(1)).min(99);
            if exact && all_exact { format!("{percent}%") } else { strings::approximate_percent(percent) }
        }
    }
}

/// A sidebar label for a statement: its first words, quoted when direct.
fn statement_label(words: &str, kind: crate::extract::StatementKind) -> String {
    let mut text: String = words.chars().take(ROW_TEXT_CHARS).collect();
    if text.len() < words.len() {
        text.push('…');
    }
    strings::quoted(kind, &text)
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().to_string()
}

mod loading;

#[cfg(test)]
mod tests;

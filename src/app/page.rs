//! The reader pane's state: what is open, its blocks, the same blocks
//! wrapped to the pane's width, and where the reading position is. One
//! owner for the content and its wrap, so they never disagree: every move
//! goes through [`Page`], which hands the content to the wrap itself.

use crate::content::{Content, Line, Pos, Wrapped};
use crate::corpus::Group;
use crate::strings;

/// Widest gutter; longer speaker labels are cut with "…".
const GUTTER_MAX: usize = 14;

/// What the reader pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Nothing chosen yet (or nothing loaded).
    Nothing,
    /// A document, by index into the corpus' documents.
    Document(usize),
    /// A speaker's statements, or the unattributed ones.
    Group(Group),
}

/// The reader pane.
#[derive(Debug, Clone)]
pub struct Page {
    /// What is open, to title the pane and to find statements.
    view: View,
    /// The blocks of the open view, built once per view.
    content: Content,
    /// The content wrapped to the current width, lazily; made anew when the
    /// width or the content changes.
    wrapped: Wrapped,
    /// The first row shown, as a block and a row in it: a position that
    /// needs no row count above it, so it is exact in a document not yet
    /// measured, and survives a re-wrap by its byte offset.
    top: Pos,
    /// The highlighted statement (index into the corpus' statements).
    current: Option<usize>,
    /// Widest speaker label in the content, for the gutter.
    label_width: usize,
    /// Columns inside the pane's border.
    width: usize,
    /// Rows inside the pane's border (at least 1).
    rows: usize,
}

impl Page {
    /// An empty page for a pane of `width` × `rows` cells inside its border.
    pub(super) fn new(width: usize, rows: usize) -> Page {
        let mut page = Page {
            view: View::Nothing,
            content: Content::message(strings::NOTHING_OPEN),
            wrapped: Wrapped::default(),
            top: Pos::TOP,
            current: None,
            label_width: 0,
            width,
            rows: rows.max(1),
        };
        page.ensure_wrapped();
        page
    }

    /// What is open.
    pub fn view(&self) -> View {
        self.view
    }

    /// The blocks of what is open.
    pub fn content(&self) -> &Content {
        &self.content
    }

    /// The first row shown.
    pub fn top(&self) -> Pos {
        self.top
    }

    /// The highlighted statement, if any.
    pub fn current(&self) -> Option<usize> {
        self.current
    }

    /// Rows the pane shows at once (at least 1).
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// The text width the content is wrapped to.
    pub fn wrap_width(&self) -> usize {
        self.wrapped.width
    }

    /// Columns of the gutter and of the text: the gutter fits the widest
    /// speaker label (within limits) and is followed by a space, a
    /// separator and a space; one column of margin is left before the
    /// scrollbar.
    pub fn columns(&self) -> (usize, usize) {
        let inner = self.width;
        let gutter =
            if self.label_width == 0 { 0 } else { self.label_width.clamp(3, (inner / 5).clamp(3, GUTTER_MAX)) };
        let text = inner.saturating_sub(if gutter == 0 { 1 } else { gutter + 4 }).max(1);
        (gutter, text)
    }

    /// Up to `count` screen lines from `pos` on (wrapping only those).
    pub fn lines_from(&self, pos: Pos, count: usize) -> Vec<Line> {
        self.wrapped.lines_from(&self.content, pos, count)
    }

    /// The lines on screen.
    pub fn visible_lines(&self) -> Vec<Line> {
        self.lines_from(self.top, self.rows)
    }

    /// Every line of the content (tests and benchmarks: this wraps it all).
    pub fn all_lines(&self) -> Vec<Line> {
        self.wrapped.all_lines(&self.content)
    }

    /// The block and byte offset the row at `pos` starts at, to find it
    /// again after a re-wrap.
    pub fn anchor(&self, pos: Pos) -> Option<(usize, usize)> {
        self.wrapped.anchor(&self.content, pos)
    }

    /// The row holding byte `offset` of `block`.
    pub fn pos_of(&self, block: usize, offset: usize) -> Pos {
        self.wrapped.pos_of(&self.content, block, offset)
    }

    /// Whether row counts are still being measured (the scroll percentage
    /// is an estimate until they are).
    pub fn wrapping(&self) -> bool {
        !self.wrapped.is_measured()
    }

    /// The row number of the top row, and whether it is exact.
    pub fn scroll_row(&self) -> (usize, bool) {
        self.wrapped.row_number(self.top)
    }

    /// How many rows the content has, and whether that is exact.
    pub fn total_rows(&self) -> (usize, bool) {
        self.wrapped.total_rows()
    }

    /// The furthest the page scrolls: the top row that shows the last row
    /// at the bottom (walked back from the end, so exact at once).
    pub fn end_pos(&self) -> Pos {
        self.wrapped.end(&self.content, self.rows)
    }

    /// Whether the row at `pos` is on screen.
    pub fn is_visible(&self, pos: Pos) -> bool {
        self.wrapped.distance(&self.content, self.top, pos, self.rows - 1).is_some()
    }

    /// "42%", or Top/End/All: where the reader is; "~42%" while the rows
    /// above or below are still being counted.
    pub fn position_label(&self) -> String {
        let end = self.end_pos();
        if end == Pos::TOP {
            strings::ALL.to_string()
        } else if self.top == Pos::TOP {
            strings::TOP.to_string()
        } else if self.top >= end {
            strings::END.to_string()
        } else {
            let (row, exact) = self.scroll_row();
            let (total, all_exact) = self.wrapped.total_rows();
            let percent = ((row + self.rows) * 100 / total.max(1)).min(99);
            if exact && all_exact { format!("{percent}%") } else { strings::approximate_percent(percent) }
        }
    }

    /// The first wrapped row of a statement in the content.
    pub fn statement_line(&self, statement: usize) -> Option<Pos> {
        let at = self.content.statements.iter().position(|&s| s == statement)?;
        let (block, start) = self.content.starts.get(at).copied().flatten()?;
        Some(self.pos_of(block, start))
    }

    /// Shows `content` from its top, nothing highlighted. `label_width` is
    /// its widest speaker label, for the gutter.
    pub(super) fn open(&mut self, view: View, content: Content, label_width: usize) {
        self.label_width = label_width;
        self.view = view;
        self.content = content;
        self.wrapped = Wrapped::default();
        self.top = Pos::TOP;
        self.current = None;
        self.ensure_wrapped();
    }

    /// Shows `content` in place of what is open, kept on the same paragraph
    /// and byte at the top, and with the same statement highlighted (a view
    /// rebuilt when more documents have arrived).
    pub(super) fn reopen(&mut self, view: View, content: Content, label_width: usize) {
        let anchor = if self.wrapped.is_for(&self.content) { self.anchor(self.top) } else { None };
        let current = self.current;
        self.open(view, content, label_width);
        if let Some((block, offset)) = anchor {
            self.top = self.pos_of(block, offset);
        }
        self.current = current;
        self.clamp();
    }

    /// Goes back to a place read before: the text that was at the top
    /// (block and byte) and the statement highlighted, when they are still
    /// in what is open.
    pub(super) fn restore(&mut self, anchor: Option<(usize, usize)>, current: Option<usize>) {
        if let Some((block, offset)) = anchor.filter(|&(block, _)| block < self.content.blocks.len()) {
            self.top = self.pos_of(block, offset);
            self.clamp();
        }
        self.current = current.filter(|s| self.content.statements.contains(s));
    }

    /// Changes the pane's size; the reading position is kept.
    pub(super) fn resize(&mut self, width: usize, rows: usize) {
        self.width = width;
        self.rows = rows.max(1);
        self.ensure_wrapped();
    }

    /// Re-wraps for the current width if needed, keeping the top line's
    /// paragraph and offset. Cheap at any length: the new wrap is lazy, and
    /// only the blocks around the top are wrapped now.
    fn ensure_wrapped(&mut self) {
        let (_, width) = self.columns();
        let content = &self.content;
        if self.wrapped.width == width && self.wrapped.is_for(content) {
            return;
        }
        let anchor = if self.wrapped.is_for(content) { self.wrapped.anchor(content, self.top) } else { None };
        self.wrapped = Wrapped::new(content, width);
        self.top = anchor.map_or(Pos::TOP, |(block, offset)| self.wrapped.pos_of(content, block, offset));
        self.clamp();
    }

    /// Measures more rows, for at most about `budget` (`None`: all of
    /// them). Returns whether every row is counted.
    pub(super) fn measure(&mut self, budget: Option<std::time::Duration>) -> bool {
        self.wrapped.measure(&self.content, budget)
    }

    /// Keeps the top row at or above the end.
    fn clamp(&mut self) {
        self.top = self.top.min(self.end_pos());
    }

    /// Moves the top row to `pos` (kept at or above the end).
    pub(super) fn go_to(&mut self, pos: Pos) {
        self.top = pos;
        self.clamp();
    }

    /// Moves by `amount` rows; `usize::MAX` is the top or the end, reached
    /// without walking what lies between.
    pub(super) fn scroll(&mut self, amount: usize, down: bool) {
        let end = self.end_pos();
        self.top = match (down, amount) {
            (true, usize::MAX) => end,
            (false, usize::MAX) => Pos::TOP,
            (true, _) => self.wrapped.forward(&self.content, self.top, amount, end).0,
            (false, _) => self.wrapped.back(&self.content, self.top, amount),
        };
        self.clamp();
    }

    /// Brings the row at `pos` on screen if it is not, `above` rows below
    /// the top.
    pub(super) fn reveal(&mut self, pos: Pos, above: usize) {
        if !self.is_visible(pos) {
            self.go_to(self.wrapped.back(&self.content, pos, above));
        }
    }

    /// Highlights a statement of the content and brings its first row on
    /// screen (a quarter of the page down) unless it is already shown with
    /// a row of room below it.
    pub(super) fn highlight(&mut self, statement: usize) {
        self.current = Some(statement);
        if let Some(line) = self.statement_line(statement) {
            let rows = self.rows;
            let shown = self.wrapped.distance(&self.content, self.top, line, rows).is_some_and(|d| d + 2 <= rows);
            if !shown {
                self.go_to(self.wrapped.back(&self.content, line, rows / 4));
            }
        }
    }

    /// Where the top row starts in the text, as (block, byte).
    pub(super) fn top_key(&self) -> (usize, usize) {
        self.wrapped.key(&self.content, self.top)
    }

    /// Where the first row below the pane starts in the text; past
    /// everything when the pane shows the end.
    pub(super) fn bottom_key(&self) -> (usize, usize) {
        let (content, wrapped) = (&self.content, &self.wrapped);
        let (below, moved) = wrapped.forward(content, self.top, self.rows, wrapped.last(content));
        if moved < self.rows { (usize::MAX, usize::MAX) } else { wrapped.key(content, below) }
    }

    /// The statement to start from: the highlighted one, else the first one
    /// at or below the top line.
    pub(super) fn reference_statement(&self) -> Option<usize> {
        self.current.or_else(|| self.first_statement_from_top())
    }

    /// The first statement starting at or below the top line.
    pub(super) fn first_statement_from_top(&self) -> Option<usize> {
        let top = self.top_key();
        let content = &self.content;
        (0..content.statements.len())
            .find(|&at| content.starts[at].is_some_and(|start| start >= top))
            .map(|at| content.statements[at])
    }

    /// The last statement starting above the first row below the pane.
    pub(super) fn last_statement_above_bottom(&self) -> Option<usize> {
        let bottom = self.bottom_key();
        let content = &self.content;
        (0..content.statements.len())
            .rev()
            .find(|&at| content.starts[at].is_some_and(|start| start < bottom))
            .map(|at| content.statements[at])
    }

    /// The highlighted statement when it starts on screen: steps go from
    /// it then, and from what is on screen otherwise (after `G`, `]` does
    /// not go back to the statement last chosen).
    pub(super) fn current_on_screen(&self) -> Option<usize> {
        let current = self.current?;
        let at = self.content.statements.iter().position(|&s| s == current)?;
        let start = self.content.starts[at]?;
        (self.top_key() <= start && start < self.bottom_key()).then_some(current)
    }

    /// The statement steps start from: the highlighted one on screen, else
    /// the first one on screen (the last, going back).
    pub(super) fn statement_on_screen(&self, forward: bool) -> Option<usize> {
        self.current_on_screen()
            .or_else(|| if forward { self.first_statement_from_top() } else { self.last_statement_above_bottom() })
    }
}

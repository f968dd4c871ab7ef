//! The list pane's state: the rows of the documents and speakers tree,
//! which row is selected, which part is scrolled into view, which groups and
//! sections are open, and the list's own search. Its fields are private so
//! the selection is always on a row: every move goes through a method here.

use std::borrow::Cow;

use crate::corpus::{Corpus, Filter, Group};
use crate::strings;

/// Most characters of a statement kept for its row.
const ROW_TEXT_CHARS: usize = 90;

/// The two parts of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Every document (or, with a filter, those holding its statements).
    Documents,
    /// The speakers, most statements first, the unattributed last.
    Speakers,
}

/// What a row stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A section heading.
    Section(Section),
    /// A document, by index into the corpus' documents.
    Document(usize),
    /// A speaker's statements, or the unattributed ones.
    Group(Group),
    /// Index into the corpus' statements.
    Statement(usize),
    /// A line of explanation that cannot be opened: its words.
    Note(&'static str),
}

/// One row, ready to draw. Its words are the corpus's, read when it is
/// drawn ([`Row::label`]): a large corpus lists a hundred thousand
/// speakers, and a copy of every name on each rebuild would make opening a
/// group wait.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// What opening the row does.
    pub kind: RowKind,
    /// 0 for headings, 1 for documents and speakers, 2 for statements.
    pub depth: u8,
    /// Statement count shown after a speaker.
    pub count: Option<usize>,
    /// `Some(open)` when the row can be expanded or collapsed.
    pub expanded: Option<bool>,
}

impl Row {
    fn leaf(kind: RowKind, depth: u8) -> Row {
        Row { kind, depth, count: None, expanded: None }
    }

    /// Columns its label takes, measured once by the corpus for the many
    /// rows of a large one (documents and speakers).
    fn label_width(&self, corpus: &Corpus) -> usize {
        match self.kind {
            RowKind::Document(d) => corpus.title_width(d),
            RowKind::Group(group) => corpus.group_name_width(group),
            _ => unicode_width::UnicodeWidthStr::width(&*self.label(corpus)),
        }
    }

    /// The text drawn (cut to the sidebar's width when drawn): a heading,
    /// a document's title, a speaker's name, a statement's first words.
    pub fn label<'c>(&self, corpus: &'c Corpus) -> Cow<'c, str> {
        match self.kind {
            RowKind::Section(Section::Documents) => Cow::Borrowed(strings::DOCUMENTS),
            RowKind::Section(Section::Speakers) => Cow::Borrowed(strings::SPEAKERS),
            RowKind::Document(d) => Cow::Borrowed(corpus.documents().get(d).map_or("", |d| d.title.as_str())),
            RowKind::Group(group) => Cow::Borrowed(corpus.group_name(group)),
            RowKind::Statement(i) => Cow::Owned(
                corpus.statements().get(i).map_or_else(String::new, |s| statement_label(&corpus.text(s), s.kind)),
            ),
            RowKind::Note(words) => Cow::Borrowed(words),
        }
    }
}

/// The list pane.
#[derive(Debug, Clone, Default)]
pub struct Sidebar {
    /// Rows as drawn, rebuilt when the filter, a group or the list search changes.
    rows: Vec<Row>,
    /// Index into `rows`; kept on the same thing across rebuilds.
    selected: usize,
    /// First row shown.
    offset: usize,
    /// Groups that are open.
    expanded: Vec<Group>,
    /// Sections that are closed.
    closed: Vec<Section>,
    /// The list search; non-empty hides rows that do not match.
    query: String,
    /// Columns the widest heading, document or speaker row needs (marker,
    /// name and count), so a wide screen can give the list that room.
    widest: usize,
    /// With `&`: only the documents the text search found, each with its
    /// hits (in corpus order).
    found: Option<Vec<(usize, usize)>>,
}

impl Sidebar {
    /// Columns the widest heading, document or speaker row needs.
    pub fn widest(&self) -> usize {
        self.widest
    }

    /// The rows, in order.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The selected row's index.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The first row shown.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// The selected row (none only before the first rebuild).
    pub fn selected_row(&self) -> Option<&Row> {
        self.rows.get(self.selected)
    }

    /// The list search ("" when the list is not searched).
    pub fn query(&self) -> &str {
        &self.query
    }

    /// The documents the text search found, when the list shows only them.
    pub fn found(&self) -> Option<&[(usize, usize)]> {
        self.found.as_deref()
    }

    /// Shows only these documents, each with its hits (`None`: every
    /// document); rebuild after.
    pub(super) fn set_found(&mut self, found: Option<Vec<(usize, usize)>>) {
        self.found = found;
    }

    /// Where the row for `kind` is, if it is listed.
    pub fn position(&self, kind: RowKind) -> Option<usize> {
        self.rows.iter().position(|r| r.kind == kind)
    }

    /// Whether a group is open.
    pub(super) fn is_expanded(&self, group: Group) -> bool {
        self.expanded.contains(&group)
    }

    /// Starts afresh for a new filter: no search, no rows, the first row selected.
    pub(super) fn clear(&mut self) {
        self.query.clear();
        self.found = None;
        self.rows.clear();
        self.selected = 0;
    }

    /// Opens exactly these groups; rebuild after.
    pub(super) fn open_only(&mut self, groups: Vec<Group>) {
        self.expanded = groups;
    }

    /// Selects `row` and shows the list from its top.
    pub(super) fn start_at(&mut self, row: Option<usize>) {
        if let Some(row) = row {
            self.selected = row;
        }
        self.offset = 0;
    }

    /// Selects row `index` (kept on the list) and scrolls it into view.
    pub(super) fn select(&mut self, index: usize, height: usize) {
        self.selected = index.min(self.rows.len().saturating_sub(1));
        self.keep_visible(height);
    }

    /// Selects a row the user can see (a click): nothing scrolls.
    pub(super) fn point_at(&mut self, index: usize) {
        self.selected = index.min(self.rows.len().saturating_sub(1));
    }

    /// Moves the selection `amount` rows, stopping at either end.
    pub(super) fn move_by(&mut self, amount: usize, down: bool, height: usize) {
        let last = self.rows.len().saturating_sub(1);
        let s = self.selected;
        self.selected = if down { s.saturating_add(amount).min(last) } else { s.saturating_sub(amount) };
        self.keep_visible(height);
    }

    /// Scrolls the list `amount` rows without moving the selection (the wheel).
    pub(super) fn scroll(&mut self, amount: usize, down: bool, height: usize) {
        let max = self.rows.len().saturating_sub(height);
        let offset = self.offset;
        self.offset = if down { (offset + amount).min(max) } else { offset.saturating_sub(amount) };
    }

    /// Scrolls so the selected row is among the `height` rows shown.
    pub(super) fn keep_visible(&mut self, height: usize) {
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(self.rows.len().saturating_sub(height));
    }

    /// Opens or closes a group; returns whether anything changed.
    pub(super) fn set_expanded(&mut self, group: Group, open: bool) -> bool {
        let is_open = self.expanded.contains(&group);
        if open && !is_open {
            self.expanded.push(group);
        } else if !open && is_open {
            self.expanded.retain(|&g| g != group);
        }
        open != is_open
    }

    /// Opens or closes one group where its row is, with the rows a rebuild
    /// would give it, so a large corpus's hundred thousand speakers are not
    /// listed again for one group. False (nothing done) when only a
    /// rebuild can: a list search decides which rows show.
    pub(super) fn toggle_in_place(&mut self, corpus: &Corpus, group: Group, open: bool, height: usize) -> bool {
        let Some(at) = self.position(RowKind::Group(group)).filter(|_| self.query.is_empty()) else { return false };
        let previous = self.selected_row().map(|r| r.kind);
        self.set_expanded(group, open);
        let statements = corpus.statements_by(group);
        self.rows[at].expanded = Some(open);
        self.rows[at].count = Some(statements.len());
        let after = at + 1;
        let end = after + self.rows[after..].iter().take_while(|r| matches!(r.kind, RowKind::Statement(_))).count();
        let shown = statements.iter().filter(|_| open).map(|&i| Row::leaf(RowKind::Statement(i), 2));
        self.rows.splice(after..end, shown);
        self.selected = previous.and_then(|kind| self.position(kind)).unwrap_or(self.selected).min(self.rows.len() - 1);
        self.keep_visible(height);
        true
    }

    /// Opens or closes a section.
    pub(super) fn set_closed(&mut self, section: Section, closed: bool) {
        self.closed.retain(|&s| s != section);
        if closed {
            self.closed.push(section);
        }
    }

    /// Whether a section is closed.
    pub(super) fn is_closed(&self, section: Section) -> bool {
        self.closed.contains(&section)
    }

    /// Sets the list search ("" shows every row); rebuild after.
    pub(super) fn set_query(&mut self, query: String) {
        self.query = query;
    }

    /// The row above the selected one that holds it (its group or section).
    pub(super) fn parent(&self) -> Option<usize> {
        let depth = self.selected_row()?.depth;
        if depth == 0 {
            return None;
        }
        self.rows[..self.selected].iter().rposition(|r| r.depth < depth)
    }

    /// Rebuilds the rows for the corpus and filter, keeping the selection
    /// on the same thing, and scrolls it into the `height` rows shown.
    pub(super) fn rebuild(&mut self, corpus: &Corpus, filter: &Filter, height: usize) {
        let previous = self.selected_row().map(|r| r.kind);
        // The last rows' memory is written over: at a hundred thousand rows
        // a new list each time cost more in fresh pages than in rows.
        let mut rows = std::mem::take(&mut self.rows);
        rows.clear();
        self.push_document_rows(corpus, filter, &mut rows);
        self.push_speaker_rows(corpus, filter, &mut rows);
        if rows.is_empty() {
            rows.push(Row::leaf(RowKind::Note(strings::NO_ROWS), 0));
        }
        // Statement rows are snippets, cut at a word wherever the list ends.
        self.widest = rows
            .iter()
            .filter(|r| r.depth < 2)
            .map(|r| 2 + r.label_width(corpus) + r.count.map_or(0, counted_width))
            .max()
            .unwrap_or(0);
        self.rows = rows;
        self.selected = previous.and_then(|kind| self.position(kind)).unwrap_or(self.selected).min(self.rows.len() - 1);
        self.keep_visible(height);
    }

    /// Whether `label` is shown under the list search, lower-cased once as `query`.
    fn hit(query: &str, label: &str) -> bool {
        query.is_empty() || label.to_lowercase().contains(query)
    }

    /// The Documents section: its heading and, when open, its documents,
    /// pushed onto `rows`.
    fn push_document_rows(&self, corpus: &Corpus, filter: &Filter, rows: &mut Vec<Row>) {
        let (searching, query) = (!self.query.is_empty(), self.query.to_lowercase());
        let shown = corpus.shown_documents(filter);
        let hits = |d: usize| self.found.as_ref().map(|found| found.binary_search_by_key(&d, |&(doc, _)| doc));
        let documents: Vec<usize> =
            (0..shown.len()).filter(|&d| shown[d] && hits(d).is_none_or(|at| at.is_ok())).collect();
        let open = searching || !self.is_closed(Section::Documents);
        let heading = rows.len();
        rows.push(Row {
            kind: RowKind::Section(Section::Documents),
            depth: 0,
            count: Some(documents.len()),
            expanded: Some(open),
        });
        // A closed section's rows are never shown: skip building them.
        rows.extend(
            documents.iter().filter(|_| open).filter(|&&d| Sidebar::hit(&query, &corpus.documents()[d].title)).map(
                |&d| Row {
                    count: self.found.as_ref().zip(hits(d)).and_then(|(found, at)| at.ok().map(|at| found[at].1)),
                    ..Row::leaf(RowKind::Document(d), 1)
                },
            ),
        );
        if searching && rows.len() == heading + 1 {
            rows.truncate(heading);
        }
    }

    /// The Speakers section: its heading and, when open, each group with
    /// its statements when the group is open. Pushed onto `rows`, after the
    /// Documents section, so a large list is written once, not copied.
    fn push_speaker_rows(&self, corpus: &Corpus, filter: &Filter, rows: &mut Vec<Row>) {
        let (searching, query) = (!self.query.is_empty(), self.query.to_lowercase());
        let open = searching || !self.is_closed(Section::Speakers);
        let heading = rows.len();
        rows.push(Row { kind: RowKind::Section(Section::Speakers), depth: 0, count: None, expanded: Some(open) });
        if !open {
            // A closed section's rows are never shown (not even counted).
            return;
        }
        if filter.is_everyone() {
            rows.reserve(corpus.speakers().len() + 1);
        }
        for (group, count) in corpus.group_counts(filter) {
            // A closed group's rows are never shown: skip building them (a
            // large corpus has hundreds of thousands of statements). Nor is
            // its name read unless the list search needs it: each is a
            // cache miss, and most of a rebuild at a hundred thousand speakers.
            let may_open = searching || self.is_expanded(group);
            let statements: Vec<Row> = if may_open {
                corpus
                    .statements_by(group)
                    .iter()
                    .filter(|&&i| Sidebar::hit(&query, &corpus.text(&corpus.statements()[i])))
                    .map(|&i| Row::leaf(RowKind::Statement(i), 2))
                    .collect()
            } else {
                Vec::new()
            };
            if searching && statements.is_empty() && !Sidebar::hit(&query, corpus.group_name(group)) {
                continue;
            }
            let expanded = self.is_expanded(group) || (searching && !statements.is_empty());
            rows.push(Row { kind: RowKind::Group(group), depth: 1, count: Some(count), expanded: Some(expanded) });
            if expanded {
                rows.extend(statements);
            }
        }
        if rows.len() == heading + 1 {
            if searching {
                rows.truncate(heading);
            } else {
                rows.push(Row::leaf(RowKind::Note(strings::NO_STATEMENTS), 1));
            }
        }
    }
}

/// Columns " (count)" takes after a row.
fn counted_width(count: usize) -> usize {
    " ()".len() + count.checked_ilog10().map_or(1, |digits| digits as usize + 1)
}

/// A row's label for a statement: its first words, quoted when direct.
fn statement_label(words: &str, kind: crate::extract::StatementKind) -> String {
    let mut text: String = words.chars().take(ROW_TEXT_CHARS).collect();
    if text.len() < words.len() {
        text.push('…');
    }
    strings::quoted(kind, &text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_opened_or_closed_in_place_is_as_rebuilt() {
        let corpus = crate::fixture::two_documents();
        let filter = Filter::default();
        let mut sidebar = Sidebar::default();
        sidebar.rebuild(&corpus, &filter, 8);
        let groups: Vec<(usize, Group)> = (0..sidebar.rows.len())
            .filter_map(|i| if let RowKind::Group(g) = sidebar.rows[i].kind { Some((i, g)) } else { None })
            .collect();
        assert!(groups.len() >= 3, "{:?}", sidebar.rows);
        for (open, (row, group)) in [(true, groups[0]), (true, groups[2]), (false, groups[0])] {
            let row = sidebar.position(RowKind::Group(group)).unwrap_or(row);
            sidebar.select(row, 8);
            let mut rebuilt = sidebar.clone();
            assert!(sidebar.toggle_in_place(&corpus, group, open, 8));
            rebuilt.set_expanded(group, open);
            rebuilt.rebuild(&corpus, &filter, 8);
            assert_eq!(sidebar.rows, rebuilt.rows, "{group:?} open: {open}");
            assert_eq!((sidebar.selected, sidebar.offset), (rebuilt.selected, rebuilt.offset));
        }
        assert!(sidebar.rows.iter().any(|r| matches!(r.kind, RowKind::Statement(_))), "one group is still open");
    }
}

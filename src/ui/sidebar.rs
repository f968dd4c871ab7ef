//! The left pane: documents and speakers as a tree.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use super::layout::{Focus, inner};
use super::theme::Theme;
use super::{fit, fit_words, pane_border, put};
use crate::app::{Action, App, Mode, RowKind, View};
use crate::keymap;
use crate::strings;

/// Draws the sidebar into `area` (its border included). Returns the
/// selected row's first cell, where the terminal cursor goes so screen
/// readers and braille displays follow the selection.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) -> Option<Position> {
    let focused = app.focus() == Focus::Sidebar;
    let show_all = || keymap::key_for(Mode::Normal, &Action::ClearSearch);
    let title = if app.sidebar().found().is_some() {
        strings::found_title(app.search().query(), &show_all())
    } else if !app.sidebar().query().is_empty() {
        strings::list_filter_title(app.sidebar().query(), &show_all())
    } else if app.filter().is_everyone() {
        strings::SIDEBAR_TITLE.to_string()
    } else {
        // The speakers' names, not the ids or words typed for them.
        let names: Vec<String> =
            app.filter().chosen().into_iter().map(|g| app.corpus().group_name(g).to_string()).collect();
        strings::filter_title(&names, &keymap::key_for(Mode::Normal, &Action::ClearFilter))
    };
    pane_border(buf, area, &title, focused, theme);
    let inside = inner(area);
    if inside.width == 0 || inside.height == 0 {
        return None;
    }
    let mut cursor = None;
    let width = usize::from(inside.width);
    let sidebar = app.sidebar();
    if let [only] = sidebar.rows()
        && matches!(only.kind, RowKind::Note(_))
        && !sidebar.query().is_empty()
    {
        // The filter hid every row: name the term and the way back, wrapped.
        let note = strings::no_rows(sidebar.query(), &show_all());
        for (y, line) in (inside.y..inside.bottom()).zip(textwrap::wrap(&note, width.max(1))) {
            put(buf, inside.x, y, &line, inside.width, theme.meta);
        }
        return Some(Position::new(inside.x, inside.y));
    }
    let (view, current) = (app.page().view(), app.page().current());
    let rows = sidebar.rows().iter().enumerate().skip(sidebar.offset()).take(usize::from(inside.height));
    for (y, (index, row)) in (inside.y..).zip(rows) {
        let selected = index == sidebar.selected();
        let style = match (selected, focused) {
            (true, true) => theme.selected,
            (true, false) => theme.selected_unfocused,
            _ => match row.kind {
                RowKind::Section(_) => theme.title,
                RowKind::Statement(_) | RowKind::Note(_) => theme.meta,
                _ => theme.base,
            },
        };
        // What the reader shows is bold here too, so it can be found again.
        let open = match (row.kind, view) {
            (RowKind::Document(d), View::Document(v)) => d == v,
            (RowKind::Group(g), View::Group(v)) => g == v,
            (RowKind::Statement(i), _) => current == Some(i),
            _ => false,
        };
        let style = if open { style.patch(theme.title) } else { style };
        let marker = match row.expanded {
            Some(true) => "▾ ",
            Some(false) => "▸ ",
            None => "  ",
        };
        let indent = "  ".repeat(usize::from(row.depth.saturating_sub(1)));
        let prefix = if row.depth == 0 { marker.to_string() } else { format!("{indent}{marker}") };
        let count = row.count.map(|c| format!(" ({c})")).unwrap_or_default();
        let room = width.saturating_sub(unicode_width::UnicodeWidthStr::width(prefix.as_str()) + count.len());
        let words = row.label(app.corpus());
        let label = match row.kind {
            RowKind::Statement(_) => fit_words(&words, room),
            _ => fit(&words, room),
        };
        let text = format!("{prefix}{label}{count}");
        if selected {
            buf.set_style(Rect::new(inside.x, y, inside.width, 1), style);
            cursor = Some(Position::new(inside.x, y));
        }
        put(buf, inside.x, y, &text, inside.width, style);
    }
    cursor
}

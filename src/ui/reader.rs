//! The right pane: a document or a speaker's statements, wrapped, with a
//! gutter naming the speaker of each statement, search matches, a scrollbar
//! and the reading position. Only the visible lines are looked at.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::layout::{Focus, inner};
use super::theme::Theme;
use super::{fit, pane_border, put};
use crate::app::{App, View};
use crate::content::{Block, BlockKind, Line as TextLine};
use crate::strings;

/// Draws the reader into `area` (its border included). Returns the first
/// cell of the highlighted statement's first line when it is on screen,
/// for the terminal cursor (screen readers read from there).
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) -> Option<Position> {
    let focused = app.focus() == Focus::Reader;
    let page = app.page();
    let title = match page.view() {
        View::Nothing => strings::READER_TITLE.to_string(),
        View::Document(d) => app.corpus().documents()[d].title.clone(),
        View::Group(group) => app.corpus().group_name(group).to_string(),
    };
    pane_border(buf, area, &title, focused, theme);
    let inside = inner(area);
    if inside.width == 0 || inside.height == 0 {
        return None;
    }
    let (gutter, _) = page.columns();
    let content = page.content();
    // Where the highlighted statement starts, as (block, byte).
    let start = page
        .current()
        .and_then(|current| content.statements.iter().position(|&s| s == current))
        .and_then(|at| content.starts.get(at).copied().flatten());
    let mut cursor = None;
    // Only the rows shown are wrapped (or taken from the wrap's cache).
    let visible = page.lines_from(page.top(), usize::from(inside.height));
    for (y, line) in (inside.y..).zip(&visible) {
        let row = Rect::new(inside.x, y, inside.width, 1);
        draw_line(buf, row, gutter, line, app, theme);
        if cursor.is_none()
            && let Some((block, byte)) = start
            && line.block == block
            && line.end > byte
        {
            cursor = Some(Position::new(text_x(row, gutter).min(row.right().saturating_sub(1)), y));
        }
    }
    draw_scrollbar(buf, area, app, theme);
    let position = format!(" {} ", page.position_label());
    let width = position.chars().count() as u16;
    if area.width > width + 2 && area.height > 1 {
        put(buf, area.right() - width - 1, area.bottom() - 1, &position, width, theme.title);
    }
    cursor
}

/// Where the text starts on a row: after the gutter's label, a space, its
/// separator and a space.
fn text_x(row: Rect, gutter: usize) -> u16 {
    row.x + if gutter == 0 { 0 } else { gutter as u16 + 3 }
}

fn draw_line(buf: &mut Buffer, row: Rect, gutter: usize, line: &TextLine, app: &App, theme: &Theme) {
    if line.is_blank() {
        return;
    }
    let block = &app.page().content().blocks[line.block];
    let text_x = text_x(row, gutter);
    if gutter > 0 {
        draw_gutter(buf, row, gutter, block, line, app, theme);
    }
    let base = match block.kind {
        BlockKind::Title => theme.title,
        BlockKind::Meta => theme.meta,
        BlockKind::Heading => theme.heading,
        BlockKind::Text => theme.base,
    };
    let spans = styled_segments(block, line, base, app, theme);
    let width = row.right().saturating_sub(text_x);
    buf.set_line(text_x, row.y, &Line::from(spans), width);
}

/// The gutter: the speaker's short name, dim and right-aligned, on the
/// line where a statement starts, then a separator on every line of the
/// statement, so a label never reads as a word of the text.
fn draw_gutter(buf: &mut Buffer, row: Rect, gutter: usize, block: &Block, line: &TextLine, app: &App, theme: &Theme) {
    let on_line = |m: &&crate::content::Mark| m.start < line.end.max(line.start + 1) && m.end > line.start;
    let current = app.page().current();
    // The highlighted statement's mark wins over one around it.
    let Some(mark) = block
        .marks
        .iter()
        .filter(on_line)
        .find(|m| Some(m.statement) == current)
        .or_else(|| block.marks.iter().find(on_line))
    else {
        return;
    };
    let speaker = app.corpus().statements()[mark.statement].speaker;
    let mut separator = theme.speaker(speaker);
    if current == Some(mark.statement) {
        separator = separator.patch(theme.current_statement);
    }
    let starts_here =
        |m: &&crate::content::Mark| m.first && m.start >= line.start && m.start < line.end.max(line.start + 1);
    let label = block
        .marks
        .iter()
        .filter(starts_here)
        .find(|m| Some(m.statement) == current)
        .or_else(|| block.marks.iter().find(starts_here));
    if let Some(m) = label {
        let text = fit(app.speaker_short(m.statement), gutter);
        let pad = gutter.saturating_sub(unicode_width::UnicodeWidthStr::width(text.as_str()));
        let mut style = theme.speaker(app.corpus().statements()[m.statement].speaker).patch(theme.gutter);
        if current == Some(m.statement) {
            style = style.patch(theme.current_statement);
        }
        put(buf, row.x + pad as u16, row.y, &text, (gutter - pad) as u16, style);
    }
    put(buf, row.x + gutter as u16 + 1, row.y, "│", 1, separator);
}

/// The line's text cut where a statement or search match starts or ends,
/// each piece styled.
fn styled_segments<'a>(block: &'a Block, line: &TextLine, base: Style, app: &App, theme: &Theme) -> Vec<Span<'a>> {
    let (start, end) = (line.start, line.end);
    let (matches, current) = (app.search().matches(), app.search().current());
    let first_match = matches.partition_point(|m| (m.block, m.end) <= (line.block, start));
    let line_matches: Vec<(usize, usize, bool)> = matches[first_match..]
        .iter()
        .enumerate()
        .take_while(|(_, m)| m.block == line.block && m.start < end)
        .map(|(i, m)| (m.start, m.end, current == Some(first_match + i)))
        .collect();
    let marks: Vec<_> = block.marks.iter().filter(|m| m.start < end && m.end > start).collect();
    let mut cuts = vec![start, end];
    for m in &marks {
        cuts.extend([m.start.max(start), m.end.min(end)]);
    }
    for &(s, e, _) in &line_matches {
        cuts.extend([s.max(start), e.min(end)]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans = Vec::new();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a >= b || !block.text.is_char_boundary(a) || !block.text.is_char_boundary(b) {
            continue;
        }
        let mut style = base;
        // A statement inside another (a quote in a reported sentence) is
        // marked when it is the highlighted one, not hidden by the outer one.
        let covering = || marks.iter().filter(|m| m.start <= a && m.end >= b);
        if covering().any(|m| app.page().current() == Some(m.statement)) {
            style = style.patch(theme.current_statement);
        } else if covering().next().is_some() {
            style = style.patch(theme.statement);
        }
        if let Some(&(_, _, current)) = line_matches.iter().find(|(s, e, _)| *s <= a && *e >= b) {
            style = style.patch(if current { theme.current_match } else { theme.search_match });
        }
        spans.push(Span::styled(&block.text[a..b], style));
    }
    spans
}

/// A one-column scrollbar on the pane's right border, when the text is
/// longer than the pane.
fn draw_scrollbar(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let page = app.page();
    let track = usize::from(area.height.saturating_sub(2));
    // Estimates while the rows are still being counted (see `Wrapped`).
    let (total, _) = page.total_rows();
    let height = page.rows();
    if track < 2 || total <= height || page.end_pos() == crate::content::Pos::TOP {
        return;
    }
    let thumb = (track * height / total).clamp(1, track);
    let max_scroll = total - height;
    let scroll = if page.top() >= page.end_pos() { max_scroll } else { page.scroll_row().0.min(max_scroll) };
    let top = (track - thumb) * scroll / max_scroll.max(1);
    let x = area.right() - 1;
    for i in 0..track {
        let (symbol, style) =
            if i >= top && i < top + thumb { ("█", theme.scrollbar_thumb) } else { ("│", theme.scrollbar) };
        if let Some(cell) = buf.cell_mut((x, area.y + 1 + i as u16)) {
            cell.set_symbol(symbol).set_style(style);
        }
    }
}

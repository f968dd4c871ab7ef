//! The view: draws an [`App`] into a frame, one file per screen region.
//! Drawing never changes what the user sees next except through caches
//! (wrapping for a new width), so a frame can be drawn at any time.

/// The first screen: what the documents cover, and the helplines.
pub mod content_note;
/// The key list overlay, generated from the keymap.
pub mod help;
/// Where the regions go; shared with the model for page sizes and clicks.
pub mod layout;
/// The speaker picker overlay.
pub mod picker;
/// The list of files with problems.
pub mod problems;
/// The right pane.
pub mod reader;
/// The left pane.
pub mod sidebar;
/// The bottom line with the helplines, and the search prompt.
pub mod status;
/// Named styles, in colour and monochrome.
pub mod theme;
/// The screen for terminals too small for the panes.
pub mod too_small;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use unicode_width::UnicodeWidthChar;

use crate::app::App;
use crate::keymap::Mode;

/// Draws the whole screen for the app's state.
pub fn draw(frame: &mut Frame, app: &mut App) {
    let area = frame.area();
    app.resize(area.width, area.height);
    app.ensure_wrapped();
    let areas = app.areas();
    let buf = frame.buffer_mut();
    buf.set_style(area, app.theme.base);
    // Where the terminal cursor goes: screen readers and braille displays
    // follow it, so it sits on the selection or where the typing goes.
    let mut cursor = None;
    if areas.too_small {
        too_small::draw(buf, areas.main, app);
    } else if app.mode == Mode::ContentNote {
        // Before any article text: neither pane is drawn.
        content_note::draw(buf, areas.main, app);
    } else {
        if let Some(area) = areas.sidebar {
            cursor = sidebar::draw(buf, area, app);
        }
        if let Some(area) = areas.reader {
            reader::draw(buf, area, app);
            if areas.sidebar.is_none() {
                let inside = layout::inner(area);
                cursor = (inside.width > 0 && inside.height > 0).then(|| inside.as_position());
            }
        }
        match app.mode {
            Mode::Help => {
                help::draw(buf, areas.main, app);
                let inside = layout::inner(areas.main);
                cursor = (inside.width > 1 && inside.height > 0).then(|| Position::new(inside.x + 1, inside.y));
            }
            Mode::Picker => cursor = picker::draw(buf, areas.main, app),
            Mode::Search => cursor = status::draw_prompt(buf, areas.main, app),
            Mode::Problems => cursor = problems::draw(buf, areas.main, app),
            Mode::Normal | Mode::ContentNote => {}
        }
    }
    let help_shown = status::draw(buf, areas.status, app);
    // When the status bar has no room for the help hint, the first pane's
    // bottom border carries it, so `?` is always discoverable.
    if !help_shown
        && app.mode == Mode::Normal
        && let Some(hint) = crate::keymap::hint_for(&crate::keymap::Action::Help)
        && let Some(pane) = areas.sidebar.or(areas.reader)
        && pane.width > 12
        && pane.height > 2
    {
        let hint = format!(" {hint} ");
        put(buf, pane.x + 2, pane.bottom() - 1, &hint, pane.width - 4, app.theme.hint_key);
    }
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}

/// Writes `text` at (x, y), cut to `width` columns with an ellipsis when it
/// does not fit. Returns the columns used.
pub fn put(buf: &mut Buffer, x: u16, y: u16, text: &str, width: u16, style: Style) -> u16 {
    let fitted = fit(text, usize::from(width));
    let (end, _) = buf.set_stringn(x, y, &fitted, usize::from(width), style);
    end - x
}

/// `text` cut to `width` columns, ending in "…" when cut.
pub fn fit(text: &str, width: usize) -> String {
    if unicode_width::UnicodeWidthStr::width(text) <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// `text` cut at a word boundary to fit `width` columns, with "…".
pub fn fit_words(text: &str, width: usize) -> String {
    if unicode_width::UnicodeWidthStr::width(text) <= width {
        return text.to_string();
    }
    let cut = fit(text, width);
    let body = cut.trim_end_matches('…');
    match body.rfind(' ') {
        Some(space) if space > body.len() / 2 => format!("{}…", body[..space].trim_end_matches([',', ';', ':'])),
        _ => cut,
    }
}

/// A bordered pane frame with a title; the border is heavier when focused.
pub fn pane_border(buf: &mut Buffer, area: Rect, title: &str, focused: bool, app: &App) {
    use ratatui::widgets::{Block, BorderType, Widget};
    let style = if focused { app.theme.border_focused } else { app.theme.border };
    let kind = if focused { BorderType::Thick } else { BorderType::Plain };
    let title = fit(title, usize::from(area.width.saturating_sub(4)));
    Block::bordered()
        .border_type(kind)
        .border_style(style)
        .title(ratatui::text::Span::styled(format!(" {title} "), app.theme.title))
        .render(area, buf);
}

#[cfg(test)]
mod tests;

//! The view: draws an `&App` into a frame with a [`Theme`], one file per
//! screen region, and returns what the model needs to know of the frame
//! ([`Drawn`]). Drawing never changes the model (the lazy wrap's caches
//! aside), so a frame can be drawn at any time.

/// The first screen: what the documents cover, and the helplines.
pub mod content_note;
/// The key list overlay, generated from the keymap.
pub mod help;
/// Where the regions go, and what the model needs of them.
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
/// The support screen: every helpline, who it is for, its hours.
pub mod support;
/// Named styles, in colour and monochrome.
pub mod theme;
/// The screen for terminals too small for the panes.
pub mod too_small;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use unicode_width::UnicodeWidthChar;

use crate::app::{App, Mode};
use crate::strings;
use theme::Theme;

/// What a frame turned out to be, for the event loop and the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Drawn {
    /// Where the regions went, for the mouse.
    pub areas: layout::Areas,
    /// How far the open overlay (help, files with problems) scrolls at
    /// this size, for [`App::fit_overlay`].
    pub overlay_max_scroll: Option<usize>,
}

/// Draws the whole screen for the app's state (sized for the frame: the
/// event loop resizes the model first).
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) -> Drawn {
    let area = frame.area();
    let areas = layout::areas_for(area.width, area.height, app.focus(), app.sidebar().widest());
    let buf = frame.buffer_mut();
    buf.set_style(area, theme.base);
    let mut overlay_max_scroll = None;
    // Where the terminal cursor goes: screen readers and braille displays
    // follow it, so it sits on the selection or where the typing goes.
    let mut cursor = None;
    if areas.too_small {
        too_small::draw(buf, areas.main, theme);
    } else if app.mode() == Mode::ContentNote {
        // Before any article text: neither pane is drawn.
        cursor = content_note::draw(buf, areas.main, app, theme);
    } else {
        if let Some(area) = areas.sidebar {
            cursor = sidebar::draw(buf, area, app, theme);
        }
        if let Some(area) = areas.reader {
            let statement = reader::draw(buf, area, app, theme);
            // While reading, the cursor is in the text: on the highlighted
            // statement's first line, else the pane's first line.
            if areas.sidebar.is_none() || app.focus() == crate::app::Focus::Reader {
                let inside = layout::inner(area);
                cursor = statement.or_else(|| (inside.width > 0 && inside.height > 0).then(|| inside.as_position()));
            }
        }
        match app.mode() {
            Mode::Help | Mode::Support => {
                overlay_max_scroll = if app.mode() == Mode::Help {
                    help::draw(buf, areas.main, app, theme)
                } else {
                    support::draw(buf, areas.main, app, theme)
                };
                let inside = layout::inner(areas.main);
                cursor = (inside.width > 1 && inside.height > 0).then(|| Position::new(inside.x + 1, inside.y));
            }
            Mode::Picker => cursor = picker::draw(buf, areas.main, app, theme),
            Mode::Search => cursor = status::draw_prompt(buf, areas.main, app, theme),
            Mode::Problems => (cursor, overlay_max_scroll) = problems::draw(buf, areas.main, app, theme),
            Mode::Normal | Mode::ContentNote | Mode::Command => {}
        }
    }
    let help_shown = status::draw(buf, areas.status, app, theme);
    // When the status bar has no room for the help hint, the first pane's
    // bottom border carries it, so `?` is always discoverable.
    if !help_shown
        && app.mode() == Mode::Normal
        && let Some(hint) = crate::keymap::hint_for(&crate::keymap::Action::Help)
        && let Some(pane) = areas.sidebar.or(areas.reader)
        && pane.width > 12
        && pane.height > 2
    {
        let hint = format!(" {hint} ");
        put(buf, pane.x + 2, pane.bottom() - 1, &hint, pane.width - 4, theme.hint_key);
    }
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
    Drawn { areas, overlay_max_scroll }
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

/// A scrolling overlay (the help, the list of files with problems) over
/// `main`: cleared, framed with its `name` and the keys its `mode` scrolls
/// and closes with, and `lines(width)` drawn from `scroll` (kept within
/// them). Returns the inside of the frame and how far the lines scroll,
/// or `None` when there is no room for them.
fn scrolling_overlay(
    buf: &mut Buffer,
    main: Rect,
    name: &str,
    mode: Mode,
    scroll: usize,
    theme: &Theme,
    lines: impl FnOnce(usize) -> Vec<(String, Style)>,
) -> Option<(Rect, usize)> {
    use crate::app::Action;
    use ratatui::widgets::{Clear, Widget};
    Clear.render(main, buf);
    buf.set_style(main, theme.base);
    let key = |action: Action| crate::keymap::key_for(mode, &action);
    // The key that opened the overlay closes it too, and the title says so.
    let opened_by = match mode {
        Mode::Problems => Action::Problems,
        Mode::Support => Action::Support,
        _ => Action::Help,
    };
    let close = strings::either(&key(Action::Cancel), &crate::keymap::key_for(Mode::Normal, &opened_by));
    let title = strings::overlay_title(name, &key(Action::Down), &key(Action::Up), &close);
    pane_border(buf, main, &title, true, theme);
    let inside = layout::inner(main);
    if inside.width < 2 || inside.height == 0 {
        return None;
    }
    let text = lines(usize::from(inside.width - 1));
    let max = text.len().saturating_sub(usize::from(inside.height));
    for (y, (line, style)) in (inside.y..).zip(text.iter().skip(scroll.min(max)).take(usize::from(inside.height))) {
        put(buf, inside.x + 1, y, line, inside.width - 1, *style);
    }
    Some((inside, max))
}

/// A bordered pane frame with a title; the border is heavier when focused.
pub fn pane_border(buf: &mut Buffer, area: Rect, title: &str, focused: bool, theme: &Theme) {
    use ratatui::widgets::{Block, BorderType, Widget};
    let style = if focused { theme.border_focused } else { theme.border };
    let kind = if focused { BorderType::Thick } else { BorderType::Plain };
    let title = fit(title, usize::from(area.width.saturating_sub(4)));
    Block::bordered()
        .border_type(kind)
        .border_style(style)
        .title(ratatui::text::Span::styled(format!(" {title} "), theme.title))
        .render(area, buf);
}

#[cfg(test)]
mod tests;

//! The support screen (`H`): every helpline of the manifest with who it is
//! for and its hours, so a survivor or a worried adult finds a line meant
//! for them, not only the children's lines of the status bar.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::help::helpline_lines;
use super::scrolling_overlay;
use super::theme::Theme;
use crate::app::{App, Mode};
use crate::content::wrap;
use crate::strings;

/// The screen's text as (text, is_heading) lines for a width.
pub fn lines(app: &App, width: usize) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for (a, b) in wrap(strings::SUPPORT_INTRO, width) {
        out.push((strings::SUPPORT_INTRO[a..b].to_string(), true));
    }
    out.push((String::new(), false));
    for (i, (line, _)) in helpline_lines(app, width).into_iter().enumerate() {
        // Each helpline's name and number stand out, a blank line above.
        let name = !line.starts_with("    ");
        if i > 0 && name {
            out.push((String::new(), false));
        }
        out.push((line, name));
    }
    out.push((String::new(), false));
    for (a, b) in wrap(strings::SUPPORT_CHECKED, width) {
        out.push((strings::SUPPORT_CHECKED[a..b].to_string(), false));
    }
    out
}

/// Draws the screen over the whole area above the status bar. Returns how
/// far it scrolls at this size.
pub fn draw(buf: &mut Buffer, main: Rect, app: &App, theme: &Theme) -> Option<usize> {
    let styled = |width| {
        let lines = lines(app, width).into_iter();
        lines.map(|(line, heading)| (line, if heading { theme.heading } else { theme.base })).collect()
    };
    scrolling_overlay(buf, main, strings::SUPPORT_NAME, Mode::Support, app.help_scroll(), theme, styled)
        .map(|(_, max)| max)
}

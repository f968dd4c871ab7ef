//! The screen shown when the terminal is too small for the panes. It says
//! how big to make it; the status bar below it still shows a helpline.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::layout::{MIN_HEIGHT, MIN_WIDTH};
use super::put;
use super::theme::Theme;
use crate::content::wrap;
use crate::strings;

/// Draws the message into `area` (the whole screen; the status bar is drawn over its last line).
pub fn draw(buf: &mut Buffer, area: Rect, theme: &Theme) {
    // Leave the last line to the status bar.
    let height = usize::from(area.height.saturating_sub(1));
    if height == 0 || area.width == 0 {
        return;
    }
    let hint = strings::too_small_hint(MIN_WIDTH, MIN_HEIGHT);
    let mut lines: Vec<(&str, bool)> = Vec::new();
    for (text, title) in [(strings::TOO_SMALL, true), (hint.as_str(), false)] {
        for (start, end) in wrap(text, usize::from(area.width)) {
            lines.push((&text[start..end], title));
        }
    }
    let top = height.saturating_sub(lines.len()) / 2;
    for (i, (line, title)) in lines.into_iter().take(height).enumerate() {
        let w = unicode_width::UnicodeWidthStr::width(line) as u16;
        let x = area.x + area.width.saturating_sub(w) / 2;
        let style = if title { theme.title } else { theme.base };
        put(buf, x, area.y + (top + i) as u16, line, area.width, style);
    }
}

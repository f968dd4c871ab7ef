//! The help overlay: every key, generated from the keymap table (the same
//! one the status-bar hints come from), then the mouse and the helplines.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::scrolling_overlay;
use super::theme::Theme;
use crate::app::App;
use crate::app::{Action, Mode};
use crate::content::wrap;
use crate::keymap::{self, HelpSection};
use crate::strings;

/// The help text as (text, is_heading) lines for a width.
pub fn lines(app: &App, width: usize) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let paragraph = |out: &mut Vec<(String, bool)>, text: &str| {
        for (a, b) in wrap(text, width) {
            out.push((text[a..b].to_string(), false));
        }
    };
    paragraph(&mut out, strings::HELP_INTRO);
    let label_width = keymap::listed().map(|(b, _, _)| b.label().width()).max().unwrap_or(0);
    for section in HelpSection::ALL {
        out.push((String::new(), false));
        out.push((section.title().to_string(), true));
        for (binding, _, words) in keymap::listed().filter(|(_, s, _)| *s == section) {
            let label = binding.label();
            let pad = label_width - label.width();
            out.push((format!("  {label}{}  {words}", " ".repeat(pad)), false));
        }
    }
    out.push((String::new(), false));
    paragraph(&mut out, &strings::help_quick_exit(&keymap::keys_for(Mode::Normal, &Action::QuickExit)));
    out.push((String::new(), false));
    paragraph(&mut out, strings::HELP_MOUSE);
    out.push((String::new(), false));
    out.push((strings::HELP_SUPPORT.to_string(), true));
    for helpline in app.corpus().helplines() {
        for (i, line) in strings::helpline_details(helpline).into_iter().enumerate() {
            let indent = if i == 0 { "  " } else { "    " };
            for (a, b) in wrap(&line, width.saturating_sub(indent.len()).max(1)) {
                out.push((format!("{indent}{}", &line[a..b]), false));
            }
        }
    }
    out
}

/// Draws the overlay over the whole area above the status bar (no
/// half-covered words peek out beside it, and the status bar with its
/// helpline stays visible). Returns how far it scrolls at this size.
pub fn draw(buf: &mut Buffer, main: Rect, app: &App, theme: &Theme) -> Option<usize> {
    let styled = |width| {
        let lines = lines(app, width).into_iter();
        lines.map(|(line, heading)| (line, if heading { theme.heading } else { theme.base })).collect()
    };
    scrolling_overlay(buf, main, strings::HELP_NAME, Mode::Help, app.help_scroll(), theme, styled).map(|(_, max)| max)
}

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
            // The words wrap under themselves; on a narrow screen, where
            // the keys leave them too little room, under the keys.
            let hang = if width >= label_width + 4 + 16 { label_width + 4 } else { 4 };
            let first = format!("  {label}{}  ", " ".repeat(pad));
            let room = width.saturating_sub(hang).max(1);
            if hang < first.width() {
                out.push((first.trim_end().to_string(), false));
                for (a, b) in wrap(words, room) {
                    out.push((format!("{}{}", " ".repeat(hang), &words[a..b]), false));
                }
            } else {
                for (i, (a, b)) in wrap(words, room).into_iter().enumerate() {
                    let lead = if i == 0 { first.clone() } else { " ".repeat(hang) };
                    out.push((format!("{lead}{}", &words[a..b]), false));
                }
            }
        }
    }
    out.push((String::new(), false));
    paragraph(&mut out, &strings::help_quick_exit(&keymap::keys_for(Mode::Normal, &Action::QuickExit)));
    out.push((String::new(), false));
    paragraph(&mut out, strings::HELP_MOUSE);
    out.push((String::new(), false));
    for (a, b) in wrap(strings::HELP_SUPPORT, width) {
        out.push((strings::HELP_SUPPORT[a..b].to_string(), true));
    }
    out.extend(helpline_lines(app, width));
    out
}

/// Every helpline with its number, who it is for, its hours and where it
/// was checked, indented under its name, wrapped to `width`.
pub fn helpline_lines(app: &App, width: usize) -> Vec<(String, bool)> {
    let mut out = Vec::new();
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

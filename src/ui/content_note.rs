//! The content note: the first screen of the reader, before any article
//! text, so a reader knows what the documents cover and where support is
//! before choosing to read on.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use super::put;
use super::theme::Theme;
use crate::app::{Action, App, Mode};
use crate::content::wrap;
use crate::keymap;
use crate::strings;

/// The note's lines for a width, in full: the title, the corpus' note,
/// and every helpline with who it is for.
pub fn lines(app: &App, width: usize) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    paragraph(&mut out, strings::CONTENT_NOTE_TITLE, width, true);
    out.push((String::new(), false));
    paragraph(&mut out, app.corpus().content_note(), width, false);
    out.push((String::new(), false));
    paragraph(&mut out, strings::HELP_SUPPORT, width, true);
    for helpline in app.corpus().helplines() {
        let text = match &helpline.audience {
            Some(audience) => format!("{} {} — {audience}", helpline.name, helpline.number),
            None => format!("{} {}", helpline.name, helpline.number),
        };
        paragraph(&mut out, &text, width, false);
    }
    out
}

/// The note's lines shortened, step by step, to fit `rows`, so that every
/// helpline stays readable on a small screen: first without who each line
/// is for and the blank lines; then with the short names, several to a
/// line, and without the title. When even that does not fit, the lines
/// that fit end in a line saying where the rest are.
pub fn fitted(app: &App, width: usize, rows: usize) -> Vec<(String, bool)> {
    let full = lines(app, width);
    if full.len() <= rows {
        return full;
    }
    let helplines = app.corpus().helplines();
    let mut named = Vec::new();
    paragraph(&mut named, strings::CONTENT_NOTE_TITLE, width, true);
    paragraph(&mut named, app.corpus().content_note(), width, false);
    paragraph(&mut named, strings::HELP_SUPPORT, width, true);
    for helpline in helplines {
        paragraph(&mut named, &format!("{} {}", helpline.name, helpline.number), width, false);
    }
    if named.len() <= rows {
        return named;
    }
    let mut packed = Vec::new();
    paragraph(&mut packed, app.corpus().content_note(), width, false);
    paragraph(&mut packed, strings::SUPPORT_SHORT, width, true);
    let numbers: Vec<String> = helplines.iter().map(|h| format!("{} {}", h.short, h.number)).collect();
    for line in pack(&numbers, width) {
        paragraph(&mut packed, &line, width, false);
    }
    if packed.len() > rows {
        packed.truncate(rows.saturating_sub(1));
        if rows > 0 {
            packed.push((crate::ui::fit(strings::CONTENT_NOTE_MORE, width), true));
        }
    }
    packed
}

/// `items` joined with " · ", as many to a line as fit in `width`.
fn pack(items: &[String], width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let mut lines: Vec<String> = Vec::new();
    for item in items {
        match lines.last_mut() {
            Some(line) if line.width() + 3 + item.width() <= width => {
                line.push_str(" · ");
                line.push_str(item);
            }
            _ => lines.push(item.clone()),
        }
    }
    lines
}

/// `text` wrapped to `width`, each line marked as a heading or not.
fn paragraph(out: &mut Vec<(String, bool)>, text: &str, width: usize, heading: bool) {
    for (a, b) in wrap(text, width) {
        out.push((text[a..b].to_string(), heading));
    }
}

/// The keys line(s) for a width; always drawn, at the bottom if the note is cut.
fn keys(width: usize) -> Vec<String> {
    let note = |action: Action| keymap::key_for(Mode::ContentNote, &action);
    let keys = strings::content_note_keys(&note(Action::Submit), &note(Action::QuickExit), &note(Action::Quit));
    wrap(&keys, width).into_iter().map(|(a, b)| keys[a..b].to_string()).collect()
}

/// Draws the note over the whole area above the status bar (nothing of the
/// articles is drawn behind it). Returns the note's first line, where the
/// terminal cursor goes so screen readers start reading there.
pub fn draw(buf: &mut Buffer, main: Rect, app: &App, theme: &Theme) -> Option<Position> {
    let width = main.width.saturating_sub(4).min(72);
    if width < 4 || main.height == 0 {
        return None;
    }
    let keys = keys(usize::from(width));
    let keys_height = (keys.len() as u16).min(main.height);
    // The note is cut from the bottom when the screen is short; the keys
    // (how to read on or leave) stay on screen.
    let room = usize::from(main.height - keys_height).saturating_sub(1);
    let text = fitted(app, usize::from(width), room);
    let height = text.len() as u16 + 1 + keys_height;
    let height = height.min(main.height);
    let x = main.x + (main.width - width) / 2;
    let top = main.y + (main.height - height) / 2;
    for (y, (line, heading)) in (top..).zip(&text) {
        let style = if *heading { theme.heading } else { theme.base };
        put(buf, x, y, line, width, style);
    }
    let keys_top = top + height - keys_height;
    for (y, line) in (keys_top..).zip(keys.iter().take(usize::from(keys_height))) {
        put(buf, x, y, line, width, theme.title);
    }
    Some(Position::new(x, top))
}

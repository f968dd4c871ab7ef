//! The content note: the first screen of the reader, before any article
//! text, so a reader knows what the documents cover and where support is
//! before choosing to read on.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::put;
use super::theme::Theme;
use crate::app::{Action, App, Mode};
use crate::content::wrap;
use crate::keymap;
use crate::strings;

/// The note's lines for a width: the corpus' note and the helplines.
pub fn lines(app: &App, width: usize) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let paragraph = |out: &mut Vec<(String, bool)>, text: &str, heading: bool| {
        for (a, b) in wrap(text, width) {
            out.push((text[a..b].to_string(), heading));
        }
    };
    paragraph(&mut out, strings::CONTENT_NOTE_TITLE, true);
    out.push((String::new(), false));
    paragraph(&mut out, app.corpus().content_note(), false);
    out.push((String::new(), false));
    paragraph(&mut out, strings::HELP_SUPPORT, true);
    for helpline in app.corpus().helplines() {
        let text = match &helpline.audience {
            Some(audience) => format!("{} {} — {audience}", helpline.name, helpline.number),
            None => format!("{} {}", helpline.name, helpline.number),
        };
        paragraph(&mut out, &text, false);
    }
    out
}

/// The keys line(s) for a width; always drawn, at the bottom if the note is cut.
fn keys(width: usize) -> Vec<String> {
    let note = |action: Action| keymap::key_for(Mode::ContentNote, &action);
    let keys = strings::content_note_keys(&note(Action::Submit), &note(Action::QuickExit), &note(Action::Quit));
    wrap(&keys, width).into_iter().map(|(a, b)| keys[a..b].to_string()).collect()
}

/// Draws the note over the whole area above the status bar (nothing of the
/// articles is drawn behind it).
pub fn draw(buf: &mut Buffer, main: Rect, app: &App, theme: &Theme) {
    let width = main.width.saturating_sub(4).min(72);
    if width < 4 || main.height == 0 {
        return;
    }
    let keys = keys(usize::from(width));
    let keys_height = (keys.len() as u16).min(main.height);
    // The note is cut from the bottom when the screen is short; the keys
    // (how to read on or leave) stay on screen.
    let room = usize::from(main.height - keys_height).saturating_sub(1);
    let mut text = lines(app, usize::from(width));
    text.truncate(room);
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
}

//! The speaker picker (`s`): type part of a name, choose with the arrows,
//! Enter shows only that speaker, as `--speaker` does.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{Clear, Widget};

use super::theme::Theme;
use super::{pane_border, put};
use crate::app::{Action, App, Mode};
use crate::keymap;
use crate::strings;

/// Draws the picker over `main`. Returns where the typing goes, for the
/// terminal cursor that screen readers follow.
pub fn draw(buf: &mut Buffer, main: Rect, app: &App, theme: &Theme) -> Option<Position> {
    let picker = app.picker();
    let candidates = picker.candidates(app.corpus());
    let width = main.width.min(60);
    // One size while typing: room for every group offered with nothing
    // typed, and for the note that nothing matches.
    let wanted_height = 4 + picker.most(app.corpus()).max(1) as u16;
    let height = main.height.min(wanted_height.max(5));
    let area = Rect::new(main.x + (main.width - width) / 2, main.y + (main.height - height) / 2, width, height);
    Clear.render(area, buf);
    buf.set_style(area, theme.base);
    let title = strings::picker_title(
        &keymap::key_for(Mode::Picker, &Action::Submit),
        &keymap::key_for(Mode::Picker, &Action::Cancel),
    );
    pane_border(buf, area, &title, true, theme);
    let inside = super::layout::inner(area);
    if inside.width < 2 || inside.height == 0 {
        return None;
    }
    let x = inside.x + 1;
    let w = inside.width - 1;
    let mut y = inside.y;
    put(buf, x, y, &format!("{}{}▏", strings::PICKER_PROMPT, picker.typed()), w, theme.title);
    let typed = unicode_width::UnicodeWidthStr::width(format!("{}{}", strings::PICKER_PROMPT, picker.typed()).as_str());
    let cursor = Some(Position::new(x + (typed as u16).min(w - 1), y));
    y += 1;
    if let Some(error) = picker.error()
        && y < inside.bottom()
    {
        put(buf, x, y, error, w, theme.message);
        y += 1;
    }
    // One message when nothing matches: Enter's reason if it was pressed,
    // else the note.
    if candidates.is_empty() && picker.error().is_none() && y < inside.bottom() {
        let note = if app.corpus().speakers().is_empty() { strings::PICKER_NO_SPEAKERS } else { strings::PICKER_EMPTY };
        put(buf, x, y, note, w, theme.meta);
        return cursor;
    }
    let room = usize::from(inside.bottom().saturating_sub(y));
    let skip = picker.selected().saturating_sub(room.saturating_sub(1));
    for (i, &(group, count)) in candidates.iter().enumerate().skip(skip).take(room) {
        let style = if i == picker.selected() { theme.selected } else { theme.base };
        let text = format!("{} ({count})", app.corpus().group_name(group));
        if i == picker.selected() {
            buf.set_style(Rect::new(x, y, w, 1), style);
        }
        put(buf, x, y, &text, w, style);
        y += 1;
    }
    cursor
}

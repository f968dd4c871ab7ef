//! The list of files with problems (`w`): every file that was skipped or
//! read in a different way, named with the problem, so nothing a user gave
//! the reader goes missing without a word. Covers the area above the status
//! bar, like the help, so the helpline stays on screen.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{Clear, Widget};

use super::theme::Theme;
use super::{pane_border, put};
use crate::app::{Action, App, Mode};
use crate::content::wrap;
use crate::keymap;
use crate::strings;

/// The list's text for a width: the intro, then each problem ("file:
/// problem"), wrapped. Problems were made safe to show when they were made.
pub fn lines(app: &App, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut paragraph = |text: &str| {
        for (a, b) in wrap(text, width) {
            out.push(text[a..b].to_string());
        }
    };
    if app.corpus().problems().is_empty() {
        paragraph(strings::NO_PROBLEMS);
        return out;
    }
    paragraph(strings::PROBLEMS_INTRO);
    for problem in app.corpus().problems() {
        paragraph("");
        paragraph(&problem.to_string());
    }
    out
}

/// Draws the list over `main`. Returns its first line, where the terminal
/// cursor goes so a screen reader starts reading there, and how far the
/// list scrolls at this size.
pub fn draw(buf: &mut Buffer, main: Rect, app: &App, theme: &Theme) -> (Option<Position>, Option<usize>) {
    Clear.render(main, buf);
    buf.set_style(main, theme.base);
    let title = strings::overlay_title(
        strings::PROBLEMS_NAME,
        &keymap::key_for(Mode::Problems, &Action::Down),
        &keymap::key_for(Mode::Problems, &Action::Up),
        &keymap::key_for(Mode::Problems, &Action::Cancel),
    );
    pane_border(buf, main, &title, true, theme);
    let inside = super::layout::inner(main);
    if inside.width < 2 || inside.height == 0 {
        return (None, None);
    }
    let text = lines(app, usize::from(inside.width - 1));
    let max = text.len().saturating_sub(usize::from(inside.height));
    let scroll = app.problems_scroll().min(max);
    for (y, line) in (inside.y..).zip(text.iter().skip(scroll).take(usize::from(inside.height))) {
        put(buf, inside.x + 1, y, line, inside.width - 1, theme.base);
    }
    (Some(Position::new(inside.x + 1, inside.y)), Some(max))
}

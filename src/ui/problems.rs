//! The list of files with problems (`w`): every file that was skipped or
//! read in a different way, named with the problem, so nothing a user gave
//! the reader goes missing without a word. Covers the area above the status
//! bar, like the help, so the helpline stays on screen.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use super::scrolling_overlay;
use super::theme::Theme;
use crate::app::{App, Mode};
use crate::content::wrap;
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
    let plain = |width| lines(app, width).into_iter().map(|line| (line, theme.base)).collect();
    match scrolling_overlay(buf, main, strings::PROBLEMS_NAME, Mode::Problems, app.problems_scroll(), theme, plain) {
        Some((inside, max)) => (Some(Position::new(inside.x + 1, inside.y)), Some(max)),
        None => (None, None),
    }
}

//! The bottom line: helplines on the left, always; the search counter, a
//! message and the key hints on the right when they fit. Also the search
//! prompt, drawn on the line above it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use unicode_width::UnicodeWidthStr;

use super::layout::Focus;
use super::theme::Theme;
use super::{fit, put};
use crate::app::App;
use crate::app::{Action, Mode};
use crate::documents::Helpline;
use crate::keymap;
use crate::strings;

/// Columns between the helplines and the hints.
const GAP: usize = 2;
/// Between two helplines.
const SEPARATOR: &str = " · ";

/// The helpline text from fullest to shortest: full names, short names,
/// then fewer lines (the first one, usually the NSPCC's, stays longest).
pub fn helpline_variants(helplines: &[Helpline]) -> Vec<String> {
    let join = |lines: &[Helpline], short: bool| {
        lines
            .iter()
            .map(|h| format!("{} {}", if short { &h.short } else { &h.name }, h.number))
            .collect::<Vec<_>>()
            .join(SEPARATOR)
    };
    let mut variants = vec![join(helplines, false), join(helplines, true)];
    for keep in (1..helplines.len()).rev() {
        variants.push(join(&helplines[..keep], true));
    }
    variants.dedup();
    variants
}

/// The helpline text and the hints that fit in `width` columns. Hints give
/// way first; the helpline shortens only when it alone does not fit. Hints
/// are listed by priority, most useful first; `hints` are the ones that
/// work on the current screen.
pub fn fit_status(
    helplines: &[Helpline],
    counter: Option<&str>,
    extra: &[String],
    mut hints: Vec<(u8, String)>,
    width: usize,
) -> (String, Vec<String>) {
    // The search counter is kept: the helpline shortens for it (but the
    // shortest helpline still wins over it).
    let reserved = counter.map_or(0, |c| c.width() + 2 * GAP);
    let variants = helpline_variants(helplines);
    let helpline = variants
        .iter()
        .find(|v| v.width() + reserved <= width)
        .or_else(|| variants.last().filter(|v| v.width() <= width))
        .cloned()
        .unwrap_or_else(|| fit(variants.last().map_or("", String::as_str), width));
    let mut room = width.saturating_sub(helpline.width() + GAP);
    let mut right = Vec::new();
    for item in counter.map(str::to_string).iter().chain(extra) {
        if item.width() + GAP <= room {
            room -= item.width() + GAP;
            right.push(item.clone());
        }
    }
    hints.sort_by_key(|(priority, _)| *priority);
    let mut chosen: Vec<(u8, String)> = Vec::new();
    for (priority, hint) in hints {
        // A hint never shows when a more useful one did not fit (so
        // "/ search" is not shown without "Esc Esc quick exit").
        if hint.width() + GAP > room {
            break;
        }
        room -= hint.width() + GAP;
        chosen.push((priority, hint));
    }
    right.extend(chosen.into_iter().map(|(_, h)| h));
    (helpline, right)
}

/// Draws the status bar. Returns whether the help hint fitted, so the
/// panes can show it elsewhere when it did not.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) -> bool {
    if area.height == 0 || area.width == 0 {
        return false;
    }
    buf.set_style(area, theme.status);
    let counter = app.search_counter();
    let mut extra: Vec<String> = app.loading_status().into_iter().chain(app.message().map(str::to_string)).collect();
    // Files that were skipped or read with problems are never silently missing.
    if !app.corpus().problems().is_empty() {
        let key = keymap::key_for(Mode::Normal, &Action::Problems);
        extra.insert(0, strings::problem_count(app.corpus().problems().len(), &key));
    }
    // The content note offers only its own keys; every other screen the panes'.
    let hints = keymap::hints(if app.mode() == Mode::ContentNote { Mode::ContentNote } else { Mode::Normal });
    let (helpline, right) =
        fit_status(app.corpus().helplines(), counter.as_deref(), &extra, hints, usize::from(area.width));
    let normal = keymap::hints(Mode::Normal);
    let special = right.len() - right.iter().filter(|r| normal.iter().any(|(_, h)| h == *r)).count();
    let help_shown = keymap::hint_for(&Action::Help).is_some_and(|hint| right.contains(&hint));
    put(buf, area.x, area.y, &helpline, area.width, theme.helpline);
    let text = right.join("  ");
    let w = text.width() as u16;
    if w > 0 && w < area.width {
        let mut x = area.right() - w;
        for (i, item) in right.iter().enumerate() {
            let style = if i < special { theme.message } else { theme.base };
            let (key, rest) = item.split_once(' ').filter(|_| i >= special).unwrap_or(("", item));
            if !key.is_empty() {
                x += put(buf, x, area.y, key, area.right() - x, theme.hint_key);
                x += put(buf, x, area.y, " ", area.right() - x, style);
            }
            x += put(buf, x, area.y, rest, area.right() - x, style);
            if i + 1 < right.len() {
                x += put(buf, x, area.y, "  ", area.right() - x, style);
            }
        }
    }
    help_shown
}

/// The search prompt on the last line of `main` (just above the status bar).
/// Returns where the typing goes, for the terminal cursor (screen readers
/// and braille displays follow it).
pub fn draw_prompt(buf: &mut Buffer, main: Rect, app: &App, theme: &Theme) -> Option<Position> {
    if main.height == 0 {
        return None;
    }
    let y = main.bottom() - 1;
    let row = Rect::new(main.x, y, main.width, 1);
    buf.set_style(row, theme.selected_unfocused);
    for x in row.left()..row.right() {
        if let Some(cell) = buf.cell_mut((x, y)) {
            cell.set_symbol(" ");
        }
    }
    let label = match app.prompt().target() {
        Focus::Sidebar => strings::FILTER_PROMPT,
        Focus::Reader => strings::SEARCH_PROMPT,
    };
    let keys = match app.prompt().target() {
        Focus::Sidebar => strings::filter_prompt_keys,
        Focus::Reader => strings::prompt_keys,
    };
    let keys = &keys(&keymap::key_for(Mode::Search, &Action::Submit), &keymap::key_for(Mode::Search, &Action::Cancel));
    let text = format!("{label}{}▏", app.prompt().text());
    let used = put(buf, row.x, y, &text, row.width, theme.selected_unfocused);
    let keys_width = keys.width() as u16;
    if used + keys_width + 2 <= row.width {
        put(buf, row.right() - keys_width, y, keys, keys_width, theme.selected_unfocused);
    }
    let typed = format!("{label}{}", app.prompt().text()).width() as u16;
    Some(Position::new(row.x + typed.min(row.width.saturating_sub(1)), y))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn helplines() -> Vec<Helpline> {
        crate::documents::embedded_manifest().helplines
    }

    #[test]
    fn wide_screens_show_everything() {
        let (helpline, hints) = fit_status(&helplines(), None, &[], keymap::hints(Mode::Normal), 100);
        assert_eq!(helpline, "NSPCC helpline 0808 800 5000 · Childline 0800 1111 · Emergency 999");
        assert_eq!(hints, vec!["? help", "Esc Esc quick exit"]);
    }

    #[test]
    fn hints_go_first_then_the_helpline_shortens() {
        let (helpline, hints) = fit_status(&helplines(), None, &[], keymap::hints(Mode::Normal), 70);
        assert_eq!(helpline, "NSPCC helpline 0808 800 5000 · Childline 0800 1111 · Emergency 999");
        assert!(hints.is_empty());
        let (helpline, _) = fit_status(&helplines(), None, &[], keymap::hints(Mode::Normal), 60);
        assert_eq!(helpline, "NSPCC 0808 800 5000 · Childline 0800 1111 · Emergency 999");
        let (helpline, _) = fit_status(&helplines(), None, &[], keymap::hints(Mode::Normal), 45);
        assert_eq!(helpline, "NSPCC 0808 800 5000 · Childline 0800 1111");
        let (helpline, hints) = fit_status(&helplines(), None, &[], keymap::hints(Mode::Normal), 20);
        assert_eq!(helpline, "NSPCC 0808 800 5000");
        assert!(hints.is_empty());
    }

    #[test]
    fn the_search_counter_stays_and_the_helpline_shortens_for_it() {
        let (helpline, right) = fit_status(&helplines(), Some("3/12"), &[], keymap::hints(Mode::Normal), 60);
        assert_eq!(helpline, "NSPCC 0808 800 5000 · Childline 0800 1111");
        assert_eq!(right[0], "3/12");
        let (helpline, right) = fit_status(&helplines(), Some("3/12"), &[], keymap::hints(Mode::Normal), 20);
        assert_eq!(helpline, "NSPCC 0808 800 5000");
        assert!(right.is_empty());
    }

    #[test]
    fn a_number_is_shown_at_every_width_from_20() {
        for width in 20..200 {
            let (helpline, _) = fit_status(&helplines(), None, &[], keymap::hints(Mode::Normal), width);
            assert!(helpline.contains("0808 800 5000"), "{width}: {helpline}");
            assert!(helpline.width() <= width);
        }
    }
}

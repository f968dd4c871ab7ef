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

/// Fewest helplines a note that is only useful (a message, where the
/// reader is) may leave in the status bar: the adults' line and the
/// children's.
const LINES_KEPT_FOR_NOTES: usize = 2;

/// The helpline text and the hints that fit in `width` columns. The
/// helpline comes first and the `pinned` hint (the quick exit) next: the
/// helpline shortens for it, so it stays on screen at every width that has
/// room for the shortest helpline and it. The `notes` come next (the search
/// counter, the files with problems, a message): the helpline shortens for
/// as many of them as it can, down to its shortest form. Then the `extras`
/// (the loader's progress, where the reader is), for which it
/// shortens only while it keeps two lines (the adults' and the children's). The other
/// hints fill what is left, listed by priority, most useful first; `hints`
/// are the ones that work on the current screen. The pinned hint is the
/// last item, at the right edge.
pub fn fit_status(
    helplines: &[Helpline],
    pinned: Option<&str>,
    notes: &[String],
    extras: &[String],
    mut hints: Vec<(u8, String)>,
    width: usize,
) -> (String, Vec<String>) {
    let pinned_width = pinned.map_or(0, |p| p.width() + GAP);
    let taken = |items: &[String]| items.iter().map(|n| n.width() + GAP).sum::<usize>();
    let variants = helpline_variants(helplines);
    // The variants that keep enough lines for an extra to shorten them.
    let keeping = variants.len().saturating_sub(helplines.len().saturating_sub(LINES_KEPT_FOR_NOTES));
    let fits = |reserved: usize, among: usize| variants[..among].iter().find(|v| v.width() + reserved <= width);
    // A note or extra stands after the pinned hint's gap with one of its
    // own before the helpline: one gap more than their widths.
    let with_extras = (!extras.is_empty()).then(|| fits(pinned_width + taken(notes) + taken(extras) + GAP, keeping));
    let helpline = with_extras
        .flatten()
        .or_else(|| {
            (0..=notes.len()).rev().find_map(|kept| {
                let gap = if kept > 0 { GAP } else { 0 };
                fits(pinned_width + taken(&notes[..kept]) + gap, variants.len())
            })
        })
        .or_else(|| variants.last().filter(|v| v.width() <= width))
        .cloned()
        .unwrap_or_else(|| fit(variants.last().map_or("", String::as_str), width));
    let mut room = width.saturating_sub(helpline.width() + GAP);
    let pinned = pinned.filter(|p| p.width() <= room);
    if let Some(p) = pinned {
        room = room.saturating_sub(p.width() + GAP);
    }
    let mut right = Vec::new();
    for note in notes.iter().chain(extras) {
        if note.width() + GAP <= room {
            room -= note.width() + GAP;
            right.push(note.clone());
        }
    }
    hints.retain(|(_, hint)| Some(hint.as_str()) != pinned);
    hints.sort_by_key(|(priority, _)| *priority);
    let mut chosen: Vec<(u8, String)> = Vec::new();
    for (priority, hint) in hints {
        // A hint never shows when a more useful one did not fit (so
        // "/ search" is not shown without "? help").
        if hint.width() + GAP > room {
            break;
        }
        room -= hint.width() + GAP;
        chosen.push((priority, hint));
    }
    right.extend(chosen.into_iter().map(|(_, h)| h));
    right.extend(pinned.map(str::to_string));
    (helpline, right)
}

/// The helplines the status bar shows: all but those the manifest keeps
/// for the support screen and the content note (all of them if it keeps
/// every one there).
pub fn status_helplines(helplines: &[Helpline]) -> Vec<Helpline> {
    let shown: Vec<Helpline> = helplines.iter().filter(|h| !h.support_only).cloned().collect();
    if shown.is_empty() { helplines.to_vec() } else { shown }
}

/// Draws the status bar. Returns whether the help hint fitted, so the
/// panes can show it elsewhere when it did not.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) -> bool {
    if area.height == 0 || area.width == 0 {
        return false;
    }
    buf.set_style(area, theme.status);
    // The notes, most important first: the search counter, files that were
    // skipped or read with problems (never silently missing), a message;
    // then the loader's progress, and where the reader is.
    let mut notes: Vec<String> = app.search_counter().into_iter().collect();
    if !app.corpus().problems().is_empty() {
        let key = keymap::key_for(Mode::Normal, &Action::Problems);
        notes.push(strings::problem_count(app.corpus().problems().len(), &key));
    }
    // A message lasts one key: the helpline may shorten for it as for the
    // counter. The loader's progress and where the reader is last longer.
    notes.extend(app.message().map(str::to_string));
    let extras: Vec<String> = app.loading_status().into_iter().collect();
    // The content note offers only its own keys; every other screen the panes'.
    let hints = keymap::hints(if app.mode() == Mode::ContentNote { Mode::ContentNote } else { Mode::Normal });
    // The quick exit is named on every screen, whatever else gives way.
    let pinned = keymap::hint_for(&Action::QuickExit);
    let helplines = status_helplines(app.corpus().helplines());
    let width = usize::from(area.width);
    let fit = |location: Option<String>| {
        let extras: Vec<String> = extras.iter().cloned().chain(location.clone()).collect();
        let fitted = fit_status(&helplines, pinned.as_deref(), &notes, &extras, hints.clone(), width);
        let shown = location.is_none_or(|l| fitted.1.contains(&l));
        (fitted, shown)
    };
    // Where the reader is, with the speaker's name, else its short label,
    // else in short.
    let ((helpline, right), shown) = fit(app.location());
    let ((helpline, right), shown) = if shown { ((helpline, right), true) } else { fit(app.short_location()) };
    let (helpline, right) = if shown { (helpline, right) } else { fit(app.compact_location()).0 };
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
        status_helplines(&crate::documents::embedded_manifest().helplines)
    }

    fn quick_exit() -> String {
        keymap::hint_for(&Action::QuickExit).unwrap()
    }

    fn fit_normal(counter: Option<&str>, extra: &[String], width: usize) -> (String, Vec<String>) {
        let notes: Vec<String> = counter.map(str::to_string).into_iter().chain(extra.iter().cloned()).collect();
        fit_status(&helplines(), Some(&quick_exit()), &notes, &[], keymap::hints(Mode::Normal), width)
    }

    #[test]
    fn wide_screens_show_everything() {
        let (helpline, hints) = fit_normal(None, &[], 100);
        assert_eq!(helpline, "NSPCC helpline 0808 800 5000 · Childline 0800 1111 · Emergency 999");
        assert_eq!(hints, vec!["? help", "Esc Esc quick exit"]);
    }

    #[test]
    fn hints_go_first_then_the_helpline_shortens_for_the_quick_exit() {
        let (helpline, hints) = fit_normal(None, &[], 80);
        assert_eq!(helpline, "NSPCC 0808 800 5000 · Childline 0800 1111 · Emergency 999");
        assert_eq!(hints, ["Esc Esc quick exit"]);
        let (helpline, hints) = fit_normal(None, &[], 61);
        assert_eq!(helpline, "NSPCC 0808 800 5000 · Childline 0800 1111");
        assert_eq!(hints, ["Esc Esc quick exit"]);
        // What the helpline could not use goes to the other hints.
        let (helpline, hints) = fit_normal(None, &[], 60);
        assert_eq!(helpline, "NSPCC 0808 800 5000");
        assert_eq!(hints, ["? help", "H support", "Esc Esc quick exit"]);
        let (helpline, hints) = fit_normal(None, &[], 40);
        assert_eq!(helpline, "NSPCC 0808 800 5000");
        assert_eq!(hints, ["Esc Esc quick exit"]);
        let (helpline, hints) = fit_normal(None, &[], 20);
        assert_eq!(helpline, "NSPCC 0808 800 5000");
        assert!(hints.is_empty());
    }

    /// The search counter and the count of files with problems give way to
    /// the quick exit, never the other way round.
    #[test]
    fn the_quick_exit_stays_beside_the_counter_and_the_problem_count() {
        let problems = vec!["3 file problems · w".to_string()];
        for width in 40..200 {
            let (helpline, right) = fit_normal(Some("1/7"), &problems, width);
            assert_eq!(right.last().map(String::as_str), Some("Esc Esc quick exit"), "{width}: {right:?}");
            assert!(helpline.contains("0808 800 5000"), "{width}: {helpline}");
            let used = helpline.width() + right.iter().map(|r| r.width() + GAP).sum::<usize>();
            assert!(used <= width, "{width}: {helpline} {right:?}");
        }
        let (helpline, right) = fit_normal(Some("3/12"), &[], 80);
        assert_eq!(helpline, "NSPCC 0808 800 5000 · Childline 0800 1111");
        assert_eq!(right, ["3/12", "? help", "Esc Esc quick exit"]);
        let (helpline, right) = fit_normal(Some("3/12"), &[], 20);
        assert_eq!(helpline, "NSPCC 0808 800 5000");
        assert!(right.is_empty());
    }

    /// Where the reader is may cost the helpline its short names and
    /// Emergency, never Childline.
    #[test]
    fn the_location_never_costs_the_children_s_line() {
        let location = vec!["statement 3 of 10 · NSPCC".to_string()];
        let fit =
            |width| fit_status(&helplines(), Some(&quick_exit()), &[], &location, keymap::hints(Mode::Normal), width);
        let (helpline, right) = fit(120);
        assert_eq!(helpline, "NSPCC helpline 0808 800 5000 · Childline 0800 1111 · Emergency 999");
        assert_eq!(right[0], location[0]);
        let (helpline, right) = fit(100);
        assert_eq!(helpline, "NSPCC 0808 800 5000 · Childline 0800 1111");
        assert_eq!(right, [location[0].as_str(), "? help", "Esc Esc quick exit"]);
        for width in 40..100 {
            let (helpline, right) = fit(width);
            assert!(helpline.contains("Childline") || width < 61, "{width}: {helpline}");
            if !helpline.contains("Childline") {
                assert!(!right.contains(&location[0]), "{width}: the location took Childline's place");
            }
        }
    }

    #[test]
    fn a_number_is_shown_at_every_width_from_20() {
        for width in 20..200 {
            let (helpline, _) = fit_normal(None, &[], width);
            assert!(helpline.contains("0808 800 5000"), "{width}: {helpline}");
            assert!(helpline.width() <= width);
        }
    }
}

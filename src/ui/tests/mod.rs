//! Rendering tests over ratatui's TestBackend, with insta snapshots of the
//! seed at the sizes users have: each also checks a helpline is on screen.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

use super::layout;
use crate::app::{Action, App, Hit, RowKind, View};
use crate::corpus::{Filter, Group};
use crate::documents::{FileProblem, Problem};
use crate::fixture;
use crate::ui::theme::Theme;

const SIZES: [(u16, u16); 6] = [(120, 40), (100, 30), (80, 24), (60, 20), (40, 12), (20, 5)];

/// What every screen at least 40 columns wide shows, whatever else gives way.
const QUICK_EXIT: &str = "Esc Esc quick exit";

/// Checks the helpline and, at 40 columns or more, the quick exit's hint.
fn assert_safety(name: &str, text: &str, width: u16, height: u16) {
    assert!(text.contains("0808 800 5000"), "{name} at {width}x{height} has no helpline:\n{text}");
    if width >= 40 {
        assert!(text.contains(QUICK_EXIT), "{name} at {width}x{height} hides the quick exit:\n{text}");
    }
}

/// A frame as the event loop draws it: the model sized for the terminal,
/// the frame drawn from `&App`, the overlay's scroll limit handed back.
fn draw_into(terminal: &mut Terminal<TestBackend>, app: &mut App, theme: &Theme) -> super::Drawn {
    let size = terminal.size().unwrap();
    app.update(Action::Resize(layout::viewport_for(size.width, size.height, app.sidebar().widest())));
    let mut drawn = None;
    terminal.draw(|frame| drawn = Some(super::draw(frame, app, theme))).unwrap();
    let drawn = drawn.unwrap();
    app.fit_overlay(drawn.overlay_max_scroll);
    drawn
}

fn render(app: &mut App, width: u16, height: u16) -> (String, ratatui::buffer::Buffer) {
    render_with(app, &Theme::monochrome(), width, height)
}

fn render_with(app: &mut App, theme: &Theme, width: u16, height: u16) -> (String, ratatui::buffer::Buffer) {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    draw_into(&mut terminal, app, theme);
    let buffer = terminal.backend().buffer().clone();
    let mut text = String::new();
    for y in 0..height {
        for x in 0..width {
            text.push_str(buffer[(x, y)].symbol());
        }
        text.push('\n');
    }
    (text, buffer)
}

fn app() -> App {
    App::new(fixture::seed(), Filter::default(), fixture::viewport(100, 30))
}

/// Selects the row for `kind` as a user would, with ↓ and ↑ in the list.
fn select(app: &mut App, kind: RowKind) {
    let target = app.sidebar().position(kind).expect("the row is listed");
    while app.sidebar().selected() < target {
        app.update(Action::Down);
    }
    while app.sidebar().selected() > target {
        app.update(Action::Up);
    }
}

/// Draws the state `prepare` makes at every size, snapshots it, and checks
/// the helpline.
fn snapshot_all(name: &str, prepare: impl Fn(&mut App)) {
    for (width, height) in SIZES {
        let mut app = app();
        app.update(Action::Resize(layout::viewport(width, height)));
        prepare(&mut app);
        let (text, _) = render(&mut app, width, height);
        assert_safety(name, &text, width, height);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), text);
    }
}

fn open_nspcc_statement(app: &mut App) {
    select(app, RowKind::Group(Group::Speaker(2)));
    app.update(Action::Expand);
    app.update(Action::Down);
    app.update(Action::Open);
}

#[test]
fn sidebar_groups_at_start() {
    snapshot_all("start", |app| {
        app.update(Action::Bottom);
    });
}

#[test]
fn document_with_statement_gutters_and_a_highlighted_statement() {
    snapshot_all("statement", open_nspcc_statement);
}

#[test]
fn speaker_view() {
    snapshot_all("speaker", |app| {
        select(app, RowKind::Group(Group::Speaker(1)));
        app.update(Action::Open);
    });
}

#[test]
fn help_overlay() {
    snapshot_all("help", |app| {
        app.update(Action::Help);
    });
}

#[test]
fn search_highlights_and_counter() {
    snapshot_all("search", |app| {
        app.update(Action::FocusNext);
        app.update(Action::Search);
        for c in "cse".chars() {
            app.update(Action::Input(c));
        }
        app.update(Action::Submit);
        app.update(Action::NextMatch);
    });
}

#[test]
fn search_prompt_keeps_the_helpline() {
    snapshot_all("prompt", |app| {
        app.update(Action::FocusNext);
        app.update(Action::Search);
        for c in "victims".chars() {
            app.update(Action::Input(c));
        }
    });
}

#[test]
fn speaker_picker() {
    snapshot_all("picker", |app| {
        app.update(Action::PickSpeaker);
        app.update(Action::Input('n'));
    });
}

#[test]
fn too_small_screen() {
    for (width, height) in [(20, 5), (29, 30), (100, 7)] {
        let mut app = app();
        let (text, _) = render(&mut app, width, height);
        assert_safety("too small", &text, width, height);
        assert!(text.contains("too small"), "{text}");
        insta::assert_snapshot!(format!("too_small_{width}x{height}"), text);
    }
}

#[test]
fn a_command_line_filter_shows_only_that_speaker() {
    let corpus = fixture::seed();
    let filter = Filter::resolve(corpus.speakers(), &["nspcc".to_string()]).unwrap();
    let mut app = App::new(corpus, filter, fixture::viewport(100, 30));
    let (text, _) = render(&mut app, 100, 30);
    assert!(text.contains("Only: NSPCC"), "the speaker's name, not what was typed:\n{text}");
    assert!(!text.contains("Thames Valley Police ("), "{text}");
    assert!(text.contains("NSPCC (1)"), "{text}");
    insta::assert_snapshot!("filter_nspcc_100x30", text);
}

#[test]
fn every_size_down_to_one_cell_draws_without_panicking() {
    let states: [fn(&mut App); 5] = [
        |_| {},
        open_nspcc_statement,
        |app| {
            app.update(Action::Help);
        },
        |app| {
            app.update(Action::PickSpeaker);
        },
        |app| {
            app.update(Action::Search);
        },
    ];
    for prepare in states {
        let mut app = app();
        prepare(&mut app);
        for width in (1..=120).step_by(17).chain([1, 2, 19, 20, 29, 30, 59, 60]) {
            for height in (1..=40).step_by(6).chain([1, 2, 7, 8]) {
                let (text, _) = render(&mut app, width, height);
                if width >= 20 {
                    assert_safety("any state", &text, width, height);
                }
            }
        }
    }
}

#[test]
fn monochrome_draws_no_colour_and_marks_the_statement_by_reverse() {
    let mut app = app();
    open_nspcc_statement(&mut app);
    let (_, buffer) = render(&mut app, 100, 30);
    assert!(buffer.content().iter().all(|c| matches!(c.fg, Color::Reset) && matches!(c.bg, Color::Reset)));
    assert!(
        buffer.content().iter().any(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED)),
        "the highlighted statement is reversed"
    );
}

#[test]
fn the_colour_theme_keeps_the_terminal_background() {
    let mut app = App::new(fixture::seed(), Filter::default(), fixture::viewport(100, 30));
    let (_, buffer) = render_with(&mut app, &Theme::colour(), 100, 30);
    let plain = buffer.content().iter().filter(|c| c.symbol() != " " && c.bg == Color::Reset).count();
    assert!(plain > 500, "most text is on the terminal's own background");
}

#[test]
fn document_text_never_reaches_the_screen_as_escape_sequences() {
    let corpus = fixture::changed(fixture::seed(), |parts| {
        parts.documents[0].paragraphs[0] =
            crate::documents::sanitize::sanitize("Hello \u{1b}]0;title\u{7} world \u{1b}[31mred");
    });
    let mut app = App::new(corpus, Filter::default(), fixture::viewport(100, 30));
    let (_, buffer) = render(&mut app, 100, 30);
    assert!(buffer.content().iter().all(|c| !c.symbol().chars().any(|ch| ch.is_control())));
}

/// The seed as the extractor sees it (not the hand-built fixture): the three
/// organisations have their groups, and the NSPCC's quote opens highlighted.
#[test]
fn the_real_seed_lists_the_three_organisations_and_opens_the_nspcc_quote() {
    let corpus = crate::loading::build_corpus(&[crate::documents::Source::Embedded], &mut std::io::empty());
    let nspcc = corpus.speakers().iter().position(|s| s.id == "nspcc").expect("the NSPCC is found");
    let mut app = App::new(corpus, Filter::default(), fixture::viewport(100, 30));
    let (text, _) = render(&mut app, 100, 30);
    for group in ["Buckinghamshire Safeguar", "NSPCC (", "Thames Valley Police ("] {
        assert!(text.contains(group), "{group} missing:\n{text}");
    }
    assert!(text.contains("NSPCC helpline 0808 800 5000"));
    select(&mut app, RowKind::Group(Group::Speaker(nspcc)));
    app.update(Action::Expand);
    app.update(Action::Down);
    app.update(Action::Open);
    let (text, buffer) = render(&mut app, 100, 30);
    assert!(text.contains("NSPCC │ "), "the gutter names the NSPCC:\n{text}");
    let highlighted: String = buffer
        .content()
        .iter()
        .filter(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED))
        .map(|c| c.symbol())
        .collect();
    assert!(highlighted.contains("vulnerable"), "the quote is highlighted: {highlighted}");
    app.update(Action::Bottom);
    let (text, _) = render(&mut app, 100, 30);
    assert!(text.contains("Note: The NSPCC publishes its helpline as 0808 800"), "{text}");
}

#[test]
fn content_note_comes_before_any_article_text() {
    snapshot_all("content_note", |app| app.show_content_note());
    let mut app = app();
    app.show_content_note();
    let (text, _) = render(&mut app, 100, 30);
    assert!(text.contains("These documents discuss"), "{text}");
    assert!(text.contains("Esc Esc"), "the quick exit is named:\n{text}");
    for word in ["Documents", "Buckinghamshire", "vulnerable"] {
        assert!(!text.contains(word), "{word} is shown behind the note:\n{text}");
    }
    app.update(Action::Submit);
    let (text, _) = render(&mut app, 100, 30);
    assert!(text.contains("Documents"), "Enter reads on:\n{text}");
}

#[test]
fn help_lists_each_helpline_with_hours_audience_and_check_and_what_quick_exit_cannot_hide() {
    let app = app();
    let help: Vec<String> = super::help::lines(&app, 200).into_iter().map(|(line, _)| line).collect();
    let help = help.join("\n");
    assert!(help.contains("Esc Esc") && help.contains("quick exit"), "{help}");
    for words in ["command typed into the shell", "other software", "people nearby"] {
        assert!(help.contains(words), "{words}:\n{help}");
    }
    for helpline in app.corpus().helplines() {
        assert!(help.contains(&format!("{} {}", helpline.name, helpline.number)), "{help}");
        for detail in [helpline.hours.as_deref(), helpline.audience.as_deref()].into_iter().flatten() {
            assert!(help.contains(detail), "{detail}:\n{help}");
        }
        assert!(help.contains(&format!("Checked {} against {}", helpline.checked, helpline.source)), "{help}");
    }
}

fn app_with_warnings() -> App {
    let corpus = fixture::changed(fixture::seed(), |parts| {
        parts.problems = vec![
            FileProblem::new("articles/scan.pdf", Problem::pdf(crate::documents::formats::PdfError::NoTextLayer)),
            FileProblem::new("articles/old-page.txt", Problem::NotUtf8),
        ]
    });
    App::new(corpus, Filter::default(), fixture::viewport(100, 30))
}

#[test]
fn the_status_bar_counts_files_with_problems() {
    let mut app = app_with_warnings();
    let (text, _) = render(&mut app, 100, 30);
    assert!(text.contains("2 file problems · w"), "{text}");
    assert!(text.contains("0808 800 5000"), "{text}");
    // The count gives way to the quick exit, never the other way round.
    for (width, height) in SIZES.into_iter().filter(|&(w, _)| w >= 40) {
        let (text, _) = render(&mut app, width, height);
        assert_safety("problems", &text, width, height);
    }
    let mut quiet = self::app();
    let (text, _) = render(&mut quiet, 100, 30);
    assert!(!text.contains("file problem"), "no count without problems:\n{text}");
}

#[test]
fn the_warnings_list_names_each_file_and_keeps_the_helpline() {
    for (width, height) in [(100, 30), (60, 20), (40, 12)] {
        let mut app = app_with_warnings();
        app.update(Action::Resize(layout::viewport(width, height)));
        app.update(Action::Problems);
        let (text, _) = render(&mut app, width, height);
        assert_safety("warnings", &text, width, height);
        assert!(text.contains("Files with problems"), "{text}");
        if width >= 60 {
            assert!(text.contains("articles/scan.pdf: has no text layer"), "{text}");
            assert!(text.contains("articles/old-page.txt: is not valid UTF-8"), "{text}");
        }
        insta::assert_snapshot!(format!("warnings_{width}x{height}"), text);
        app.update(Action::Cancel);
        let (text, _) = render(&mut app, width, height);
        assert!(!text.contains("Files with problems"), "Esc closes it:\n{text}");
    }
}

#[test]
fn help_lists_the_warnings_key() {
    let mut app = app();
    let lines = super::help::lines(&app, 80);
    assert!(lines.iter().any(|(l, _)| l.contains("w ") && l.contains("skipped")), "{lines:?}");
    app.update(Action::Problems);
    let (text, _) = render(&mut app, 100, 30);
    assert!(text.contains("Every file was read without problems."), "{text}");
}

fn cursor_of(app: &mut App, width: u16, height: u16) -> (u16, u16) {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    draw_into(&mut terminal, app, &Theme::monochrome());
    let position = terminal.get_cursor_position().unwrap();
    (position.x, position.y)
}

/// Screen readers and braille displays follow the terminal cursor, so it sits
/// on the selected row, and moves with it.
#[test]
fn the_terminal_cursor_follows_the_sidebar_selection() {
    let mut app = app();
    let (mut terminal, mut seen) = (Terminal::new(TestBackend::new(100, 30)).unwrap(), Vec::new());
    for _ in 0..6 {
        draw_into(&mut terminal, &mut app, &Theme::monochrome());
        let cursor = terminal.get_cursor_position().unwrap();
        let row = app.sidebar().selected() - app.sidebar().offset();
        assert_eq!((cursor.x, cursor.y), (1, 1 + row as u16), "on the selected row");
        let buffer = terminal.backend().buffer();
        assert!(buffer[(cursor.x, cursor.y)].modifier.contains(ratatui::style::Modifier::REVERSED));
        seen.push(cursor.y);
        app.update(Action::Down);
    }
    seen.dedup();
    assert!(seen.len() > 3, "the cursor moved with the selection: {seen:?}");
}

#[test]
fn the_terminal_cursor_sits_in_the_search_prompt_and_the_picker() {
    let mut app = app();
    app.update(Action::Search);
    for c in "abc".chars() {
        app.update(Action::Input(c));
    }
    let prompt = crate::strings::FILTER_PROMPT.chars().count() as u16;
    assert_eq!(cursor_of(&mut app, 100, 30), (prompt + 3, 28), "after what was typed, above the status bar");
    app.update(Action::Cancel);
    app.update(Action::PickSpeaker);
    app.update(Action::Input('n'));
    let (x, y) = cursor_of(&mut app, 100, 30);
    let (text, _) = render(&mut app, 100, 30);
    let line: String = text.lines().nth(usize::from(y)).unwrap().chars().collect();
    assert!(line.contains("Name: n"), "the cursor is on the picker's input line: {line}");
    let before: String = line.chars().take(usize::from(x)).collect();
    assert!(before.ends_with("Name: n"), "just after what was typed: {before:?}");
}

/// Hundreds of random sizes, 1×1 included, applied to one app and terminal
/// in turn; the frame after the storm equals a fresh render at its size.
#[test]
fn a_storm_of_resizes_leaves_a_correct_final_frame() {
    let mut app = app();
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |below: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % below
    };
    let mut sizes = vec![(1, 1), (1, 200), (250, 1), (2, 2)];
    sizes.extend((0..400).map(|_| (1 + next(220) as u16, 1 + next(70) as u16)));
    for (width, height) in sizes {
        terminal.backend_mut().resize(width, height);
        draw_into(&mut terminal, &mut app, &Theme::monochrome());
    }
    let (final_width, final_height) = (97, 31);
    terminal.backend_mut().resize(final_width, final_height);
    draw_into(&mut terminal, &mut app, &Theme::monochrome());
    let after = terminal.backend().buffer().clone();
    let (fresh_text, fresh) = render(&mut self::app(), final_width, final_height);
    assert!(fresh_text.contains("NSPCC helpline 0808 800 5000"), "{fresh_text}");
    assert_eq!(after, fresh, "the frame after the storm differs from a fresh one");
}

/// The README's text screenshot is this render of the seed; the test keeps
/// it current (`UPDATE_README=1 cargo test readme` rewrites it).
#[test]
fn the_readme_screenshot_is_current() {
    const START: &str = "<!-- screenshot:start -->\n```text\n";
    const END: &str = "```\n<!-- screenshot:end -->";
    let corpus = crate::loading::build_corpus(&[crate::documents::Source::Embedded], &mut std::io::empty());
    let mut app = App::new(corpus, Filter::default(), fixture::viewport(100, 30));
    let (text, _) = render(&mut app, 100, 30);
    assert!(text.contains("NSPCC helpline 0808 800 5000"), "{text}");
    let shot: String = text.lines().map(|l| format!("{}\n", l.trim_end())).collect();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let (Some(start), Some(end)) = (readme.find(START), readme.find(END)) else {
        panic!("README.md lacks the {START:?} … {END:?} markers");
    };
    let current = &readme[start + START.len()..end];
    if current == shot {
        return;
    }
    if std::env::var_os("UPDATE_README").is_some() {
        let updated = format!("{}{shot}{}", &readme[..start + START.len()], &readme[end..]);
        std::fs::write(&path, updated).unwrap();
        return;
    }
    panic!("the README screenshot is out of date; run `UPDATE_README=1 cargo test readme` and review the diff");
}

fn first_row_with(text: &str, words: &str) -> u16 {
    text.lines().position(|l| l.contains(words)).map_or(u16::MAX, |y| y as u16)
}

/// A quote inside another statement is highlighted when it is the one
/// selected (the seed's “not heard” inside the BSCB's sentence).
#[test]
fn a_selected_statement_inside_another_is_highlighted() {
    let mut app = App::new(fixture::nested(), Filter::default(), fixture::viewport(100, 30));
    app.update(Action::FocusNext);
    app.open_statement(1);
    let (text, buffer) = render(&mut app, 100, 30);
    let reversed: String = buffer
        .content()
        .iter()
        .filter(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED))
        .map(|c| c.symbol())
        .collect();
    assert!(reversed.contains("not") && reversed.contains("heard"), "{reversed:?}\n{text}");
    assert!(!reversed.contains("past victims"), "only the quote, not the sentence around it: {reversed:?}");
    insta::assert_snapshot!("nested_100x30", text);
    app.open_statement(0);
    let (_, buffer) = render(&mut app, 100, 30);
    let reversed: String = buffer
        .content()
        .iter()
        .filter(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED))
        .map(|c| c.symbol())
        .collect();
    assert!(reversed.contains("victims"), "the outer sentence, quote and all: {reversed:?}");
}

/// Issue 13 item 14: the filtered list says so in its title with the way
/// back, an empty result names the term and the way back, and the prompt
/// says what Enter does in the list.
#[test]
fn the_list_filter_names_itself_and_the_way_back() {
    let mut app = app();
    app.update(Action::Search);
    for c in "police".chars() {
        app.update(Action::Input(c));
    }
    let (text, _) = render(&mut app, 120, 40);
    assert!(text.contains("Enter show only matching rows · Esc cancel"), "{text}");
    app.update(Action::Submit);
    let (text, _) = render(&mut app, 120, 40);
    assert!(text.contains("Filter: police — Esc shows all"), "{text}");
    app.update(Action::Search);
    for c in "zebra".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Submit);
    let (text, _) = render(&mut app, 120, 40);
    let sidebar: String = text.lines().map(|l| l.chars().take(40).collect::<String>()).collect::<Vec<_>>().join(" ");
    let words: Vec<&str> = sidebar.split([' ', '┃', '│']).filter(|w| !w.is_empty()).collect();
    let words = words.join(" ");
    assert!(words.contains("Nothing in the list matches “zebra”. Esc shows all."), "{text}");
    insta::assert_snapshot!("list_filter_empty_120x40", text);
}

mod screens;

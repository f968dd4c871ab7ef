//! Rendering tests over ratatui's TestBackend, with insta snapshots of the
//! seed at the sizes users have: each also checks a helpline is on screen.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

use crate::app::{App, RowKind};
use crate::fixture;
use crate::keymap::Action;
use crate::speakers::Filter;
use crate::ui::theme::Theme;

const SIZES: [(u16, u16); 5] = [(100, 30), (80, 24), (60, 20), (40, 12), (20, 5)];

fn render(app: &mut App, width: u16, height: u16) -> (String, ratatui::buffer::Buffer) {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| super::draw(frame, app)).unwrap();
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
    App::new(fixture::seed(), Filter::default(), Theme::monochrome(), (100, 30))
}

/// Draws the state `prepare` makes at every size, snapshots it, and checks
/// the helpline.
fn snapshot_all(name: &str, prepare: impl Fn(&mut App)) {
    for (width, height) in SIZES {
        let mut app = app();
        app.resize(width, height);
        prepare(&mut app);
        let (text, _) = render(&mut app, width, height);
        assert!(text.contains("0808 800 5000"), "{name} at {width}x{height} has no helpline:\n{text}");
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), text);
    }
}

fn open_nspcc_statement(app: &mut App) {
    let speaker = app.sidebar.rows.iter().position(|r| r.kind == RowKind::Speaker(Some(2))).unwrap();
    app.sidebar.selected = speaker;
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
        app.sidebar.selected = app.sidebar.rows.iter().position(|r| r.kind == RowKind::Speaker(Some(1))).unwrap();
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
        assert!(text.contains("0808 800 5000"), "{text}");
        assert!(text.contains("too small"), "{text}");
        insta::assert_snapshot!(format!("too_small_{width}x{height}"), text);
    }
}

#[test]
fn a_command_line_filter_shows_only_that_speaker() {
    let corpus = fixture::seed();
    let filter = Filter::resolve(&corpus.speakers, &["nspcc".to_string()]).unwrap();
    let mut app = App::new(corpus, filter, Theme::monochrome(), (100, 30));
    let (text, _) = render(&mut app, 100, 30);
    assert!(text.contains("Only: nspcc"), "{text}");
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
                    assert!(text.contains("0808 800 5000"), "{width}x{height}:\n{text}");
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
    let mut app = App::new(fixture::seed(), Filter::default(), Theme::colour(), (100, 30));
    let (_, buffer) = render(&mut app, 100, 30);
    let plain = buffer.content().iter().filter(|c| c.symbol() != " " && c.bg == Color::Reset).count();
    assert!(plain > 500, "most text is on the terminal's own background");
}

#[test]
fn document_text_never_reaches_the_screen_as_escape_sequences() {
    let mut corpus = fixture::seed();
    corpus.documents[0].paragraphs[0] =
        crate::corpus::sanitize::sanitize("Hello \u{1b}]0;title\u{7} world \u{1b}[31mred");
    let mut app = App::new(corpus, Filter::default(), Theme::monochrome(), (100, 30));
    let (_, buffer) = render(&mut app, 100, 30);
    assert!(buffer.content().iter().all(|c| !c.symbol().chars().any(|ch| ch.is_control())));
}

/// The seed as the extractor sees it (not the hand-built fixture): the three
/// organisations have their groups, and the NSPCC's quote opens highlighted.
#[test]
fn the_real_seed_lists_the_three_organisations_and_opens_the_nspcc_quote() {
    let loaded = crate::corpus::load(&[crate::corpus::Source::Embedded], &mut std::io::empty());
    let corpus = crate::index::Corpus::build(loaded);
    let nspcc = corpus.speakers.iter().position(|s| s.id == "nspcc").expect("the NSPCC is found");
    let mut app = App::new(corpus, Filter::default(), Theme::monochrome(), (100, 30));
    let (text, _) = render(&mut app, 100, 30);
    for group in ["Buckinghamshire Safeguar", "NSPCC (", "Thames Valley Police ("] {
        assert!(text.contains(group), "{group} missing:\n{text}");
    }
    assert!(text.contains("NSPCC helpline 0808 800 5000"));
    let row = app.sidebar.rows.iter().position(|r| r.kind == RowKind::Speaker(Some(nspcc))).unwrap();
    app.sidebar.selected = row;
    app.update(Action::Expand);
    app.update(Action::Down);
    app.update(Action::Open);
    let (text, buffer) = render(&mut app, 100, 30);
    assert!(text.contains("┃NSPCC "), "the gutter names the NSPCC:\n{text}");
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
    for helpline in &app.corpus.helplines {
        assert!(help.contains(&format!("{} {}", helpline.name, helpline.number)), "{help}");
        for detail in [helpline.hours.as_deref(), helpline.audience.as_deref()].into_iter().flatten() {
            assert!(help.contains(detail), "{detail}:\n{help}");
        }
        assert!(help.contains(&format!("Checked {} against {}", helpline.checked, helpline.source)), "{help}");
    }
}

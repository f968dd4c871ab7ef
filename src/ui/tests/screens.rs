//! More of the tests above, in a file of their own to keep each short.

use super::*;

/// The README's keys table is the key table's (`UPDATE_README=1 cargo
/// test readme` rewrites it), so it lists every key the help lists.
#[test]
fn the_readme_keys_table_is_current() {
    const START: &str = "<!-- keys:start -->\n";
    const END: &str = "<!-- keys:end -->";
    let table = crate::keymap::markdown_table();
    for key in ["`H`", "`J`", "`K`", "`:`", "`Esc` `Esc`"] {
        assert!(table.contains(key), "{key} in\n{table}");
    }
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let (Some(start), Some(end)) = (readme.find(START), readme.find(END)) else {
        panic!("README.md lacks the {START:?} … {END:?} markers");
    };
    if readme[start + START.len()..end] == table {
        return;
    }
    if std::env::var_os("UPDATE_README").is_some() {
        let updated = format!("{}{table}{}", &readme[..start + START.len()], &readme[end..]);
        std::fs::write(&path, updated).unwrap();
        return;
    }
    panic!("the README keys table is out of date; run `UPDATE_README=1 cargo test readme` and review the diff");
}

/// The mouse end to end, as the model's mouse test was before the view
/// owned the layout: the frame's layout says what a click or a turn of the
/// wheel lands on, and the model acts on that.
#[test]
fn mouse_coordinates_land_on_the_pane_under_the_pointer() {
    let mut app = app();
    let mut terminal = Terminal::new(TestBackend::new(100, 20)).unwrap();
    let areas = draw_into(&mut terminal, &mut app, &Theme::monochrome()).areas;
    assert_eq!(areas.hit(80, 5), Hit::Reader);
    assert_eq!(areas.hit(5, 4), Hit::Sidebar(Some(3)));
    assert_eq!(areas.hit(0, 4), Hit::Sidebar(None), "the list's border");
    assert_eq!(areas.hit(5, 19), Hit::Elsewhere, "the status bar");
    app.update(Action::Wheel { hit: areas.hit(80, 5), down: true });
    assert_eq!(app.page().scroll_row(), (3, true));
    app.update(Action::Click(areas.hit(5, 4)));
    assert_eq!(app.sidebar().selected(), 3);
    app.update(Action::Click(areas.hit(5, 4)));
    assert_eq!(app.page().view(), View::Group(Group::Speaker(1)), "a second click opens");
    // One pane at a time on a narrow screen: the reader has the whole width.
    let narrow = layout::areas(40, 12, crate::app::Focus::Reader);
    assert_eq!(narrow.hit(5, 4), Hit::Reader);
}

#[test]
fn support_screen_lists_every_helpline_with_who_it_is_for_and_its_hours() {
    snapshot_all("support", |app| {
        app.update(Action::Support);
    });
    let mut app = app();
    app.update(Action::Support);
    let lines: Vec<String> = crate::ui::support::lines(&app, 200).into_iter().map(|(line, _)| line).collect();
    let text = lines.join("\n");
    assert!(text.contains("These are UK services"), "{text}");
    for helpline in app.corpus().helplines() {
        assert!(text.contains(&format!("{} {}", helpline.name, helpline.number)), "{text}");
        for detail in [helpline.hours.as_deref(), helpline.audience.as_deref()].into_iter().flatten() {
            assert!(text.contains(detail), "{detail}:\n{text}");
        }
    }
    for line in ["Samaritans 116 123", "Stop It Now 0808 1000 900", "Monday to Friday 8am – 10pm"] {
        assert!(text.contains(line), "{line}:\n{text}");
    }
    let (screen, _) = render(&mut app, 100, 30);
    assert!(screen.contains("Support — ↓ ↑ scroll · Esc or H closes"), "{screen}");
    app.update(Action::Support);
    assert_eq!(app.mode(), crate::app::Mode::Normal, "H closes it again");
    // Its key is in the status bar where there is room, and in the help.
    let (screen, _) = render(&mut app, 120, 40);
    assert!(screen.contains("H support"), "{screen}");
    let help: Vec<String> = crate::ui::help::lines(&app, 100).into_iter().map(|(line, _)| line).collect();
    assert!(help.iter().any(|l| l.contains("H ") && l.contains("every helpline")), "{help:?}");
}

/// At 40×12 every helpline of the manifest is on the content note, whole.
#[test]
fn the_content_note_keeps_every_helpline_at_40_by_12() {
    for (width, height) in [(40, 12), (60, 20), (80, 24), (120, 40)] {
        let mut app = app();
        app.show_content_note();
        let (text, _) = render(&mut app, width, height);
        let above_status: String = text.lines().take(usize::from(height) - 1).collect::<Vec<_>>().join("\n");
        for helpline in app.corpus().helplines() {
            assert!(
                above_status.contains(&format!("{} {}", helpline.short, helpline.number))
                    || above_status.contains(&format!("{} {}", helpline.name, helpline.number)),
                "{} at {width}x{height}:\n{text}",
                helpline.name
            );
        }
        assert!(above_status.contains("These documents discuss"), "{text}");
        assert!(above_status.contains("Enter: read on"), "{text}");
        assert_eq!(
            cursor_of(&mut app, width, height).1,
            first_row_with(&text, "These documents discuss").min(first_row_with(&text, "Before you read")),
            "the cursor is on the note's first line"
        );
    }
}

/// A speaker's header counts a sentence and the quote inside it once.
#[test]
fn a_speaker_header_counts_a_quote_inside_a_sentence_once() {
    let corpus = fixture::nested();
    let content = crate::content::Content::group(&corpus, Group::Speaker(1));
    assert_eq!(content.statements.len(), 3, "both are listed");
    assert_eq!(content.blocks[1].text, "2 statements");
}

/// Gutter labels stand apart from the text: right-aligned before a
/// separator, only on a statement's first line; the status bar says where
/// the reader is; the terminal cursor is on the statement's first line.
#[test]
fn gutter_labels_stand_apart_and_the_status_bar_says_where_you_are() {
    let mut app = app();
    open_nspcc_statement(&mut app);
    let (text, _) = render(&mut app, 100, 30);
    assert!(text.contains("statement 5 of 5 · NSPCC"), "{text}");
    let labelled: Vec<&str> = text.lines().filter(|l| l.contains("NSPCC │")).collect();
    assert_eq!(labelled.len(), 1, "the label on the first line only:\n{text}");
    assert!(labelled[0].contains("  NSPCC │ said") || labelled[0].contains("NSPCC │ "), "{text}");
    // Labels end at one column, the separator's.
    let end_of = |line: &str, label: &str| line.find(label).map(|b| line[..b].chars().count() + label.chars().count());
    let bscb = text.lines().find(|l| l.contains("BSCB │")).expect("a BSCB label");
    assert_eq!(end_of(bscb, "BSCB │"), end_of(labelled[0], "NSPCC │"), "{bscb:?} {:?}", labelled[0]);
    let (x, y) = cursor_of(&mut app, 100, 30);
    let row: String = text.lines().nth(usize::from(y)).unwrap().to_string();
    assert!(row.contains("NSPCC │"), "the cursor is on the statement's first line: {row}");
    let before: String = row.chars().take(usize::from(x)).collect();
    assert!(before.ends_with("NSPCC │ "), "where its text starts: {before:?}");
}

/// At 120 columns the list is wide enough for the board's whole name.
#[test]
fn the_list_widens_on_a_wide_screen_so_names_are_whole() {
    let mut app = app();
    let (text, _) = render(&mut app, 120, 40);
    assert!(text.contains("Buckinghamshire Safeguarding Children Board (2)"), "{text}");
    let (text, _) = render(&mut app, 100, 30);
    assert!(!text.contains("Buckinghamshire Safeguarding Children Board (2)"), "a third at 100:\n{text}");
}

/// Help at 40 columns wraps its descriptions instead of cutting them.
#[test]
fn help_wraps_its_descriptions_on_a_narrow_screen() {
    let app = app();
    for width in [36, 60, 100] {
        let lines = crate::ui::help::lines(&app, width);
        assert!(lines.iter().all(|(l, _)| unicode_width::UnicodeWidthStr::width(l.as_str()) <= width), "{lines:?}");
        let text: String = lines.iter().map(|(l, _)| l.trim()).collect::<Vec<_>>().join(" ");
        assert!(text.contains("list files that were skipped or read with problems"), "{width}: {text}");
    }
}

/// The picker: one message when nothing matches (Enter's reason, or the
/// note before Enter, never both), and one box size while typing.
#[test]
fn the_picker_says_one_thing_when_nothing_matches_and_keeps_its_size() {
    let mut app = app();
    app.update(Action::PickSpeaker);
    let box_rows = |text: &str| text.lines().filter(|l| l.contains('┃')).count();
    let (empty, _) = render(&mut app, 100, 30);
    for c in "zzz".chars() {
        app.update(Action::Input(c));
    }
    let (typed, _) = render(&mut app, 100, 30);
    assert_eq!(box_rows(&typed), box_rows(&empty), "the box keeps its size:\n{empty}\n{typed}");
    assert!(typed.contains(crate::strings::PICKER_EMPTY), "{typed}");
    app.update(Action::Submit);
    let (after_enter, _) = render(&mut app, 100, 30);
    assert!(!after_enter.contains(crate::strings::PICKER_EMPTY), "one message, not two:\n{after_enter}");
    assert!(after_enter.contains("zzz"), "Enter's reason names what was typed:\n{after_enter}");
    assert_eq!(box_rows(&after_enter), box_rows(&empty), "{after_enter}");
}

/// `?` while the help is open closes it, and the help's title says so.
#[test]
fn question_mark_closes_the_help_and_its_title_says_so() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut app = app();
    app.update(Action::Help);
    let (text, _) = render(&mut app, 100, 30);
    assert!(text.contains("Esc or ? closes"), "{text}");
    let action = crate::keymap::action_for(app.mode(), KeyEvent::new(KeyCode::Char('?'), KeyModifiers::NONE));
    app.update(action.expect("? does something in the help"));
    assert_eq!(app.mode(), crate::app::Mode::Normal);
}

/// A long speaker name gives way to its short label in the status bar's
/// "statement 1 of 10 · BSCB", so where the reader is still shows.
#[test]
fn the_location_uses_the_short_label_when_the_name_is_long() {
    let corpus = crate::loading::build_corpus(&[crate::documents::Source::Embedded], &mut std::io::empty());
    let mut app = App::new(corpus, Filter::default(), fixture::viewport(120, 40));
    app.update(Action::FocusNext);
    app.update(Action::NextStatement);
    assert!(app.location().is_some_and(|l| l.contains("Buckinghamshire Safeguarding Children Board")));
    let (text, _) = render(&mut app, 120, 40);
    let status = text.lines().last().unwrap();
    assert!(status.contains("statement 1 of ") && status.contains(" · BSCB"), "{status}");
    assert_safety("location", &text, 120, 40);
}

/// After `:` the status bar says what may follow, beside the quick exit.
#[test]
fn colon_shows_what_may_follow_in_the_status_bar() {
    for (width, height) in [(120, 40), (100, 30), (80, 24)] {
        let mut app = app();
        app.update(Action::Colon);
        let (text, _) = render(&mut app, width, height);
        let status = text.lines().last().unwrap();
        assert!(status.contains(": n next document, p previous"), "{width}: {status}");
        assert_safety("colon", &text, width, height);
    }
}

/// The search counter is never squeezed out by the helpline and the quick
/// exit at 100 columns (it was one gap short, and the counter vanished).
#[test]
fn the_search_counter_shows_beside_the_helpline_and_the_quick_exit() {
    let corpus = crate::loading::build_corpus(&[crate::documents::Source::Embedded], &mut std::io::empty());
    for width in [100, 80, 60] {
        let mut app = App::new(corpus.clone(), Filter::default(), fixture::viewport(width, 30));
        app.update(Action::FocusNext);
        app.update(Action::Search);
        for c in "vigilant".chars() {
            app.update(Action::Input(c));
        }
        app.update(Action::Submit);
        app.finish_searching();
        let (text, _) = render(&mut app, width, 30);
        let status = text.lines().last().unwrap();
        assert!(status.contains("match 1 of 1") && status.contains("Esc Esc quick exit"), "{width}: {status}");
        assert!(status.contains("0808 800 5000"), "{width}: {status}");
    }
}

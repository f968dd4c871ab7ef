use super::*;
use crate::corpus::Group;
use crate::fixture;

fn app(corpus: Corpus) -> App {
    App::new(corpus, Filter::default(), fixture::viewport(100, 30))
}

fn select(app: &mut App, kind: RowKind) {
    app.sidebar.point_at(app.sidebar.rows().iter().position(|r| r.kind == kind).expect("row is listed"));
}

fn kinds(app: &App) -> Vec<RowKind> {
    app.sidebar.rows().iter().map(|r| r.kind).collect()
}

#[test]
fn starts_on_the_first_document_with_the_sidebar_focused() {
    let app = app(fixture::seed());
    assert_eq!(app.page.view(), View::Document(0));
    assert_eq!(app.focus, Focus::Sidebar);
    assert_eq!(app.sidebar.rows()[app.sidebar.selected()].kind, RowKind::Document(0));
}

#[test]
fn speakers_are_ordered_by_count_then_name_with_unattributed_last() {
    let app = app(fixture::seed());
    assert_eq!(
        kinds(&app),
        vec![
            RowKind::Section(Section::Documents),
            RowKind::Document(0),
            RowKind::Section(Section::Speakers),
            RowKind::Group(Group::Speaker(1)),
            RowKind::Group(Group::Speaker(2)),
            RowKind::Group(Group::Speaker(0)),
            RowKind::Group(Group::Unattributed),
        ]
    );
    assert_eq!(app.sidebar.rows()[3].count, Some(2));
}

#[test]
fn expanding_a_speaker_lists_its_statements_and_collapsing_hides_them() {
    let mut app = app(fixture::seed());
    select(&mut app, RowKind::Group(Group::Speaker(2)));
    app.update(Action::Expand);
    assert!(kinds(&app).contains(&RowKind::Statement(4)));
    let label = app.sidebar.rows().iter().find(|r| r.kind == RowKind::Statement(4)).unwrap().label(&app.corpus);
    assert!(label.starts_with("“It is clear that some vulnerable"), "{label}");
    app.update(Action::Expand);
    assert_eq!(app.sidebar.rows()[app.sidebar.selected()].kind, RowKind::Statement(4), "→ steps into the group");
    app.update(Action::Collapse);
    assert_eq!(app.sidebar.rows()[app.sidebar.selected()].kind, RowKind::Group(Group::Speaker(2)), "← steps up");
    app.update(Action::Collapse);
    assert!(!kinds(&app).contains(&RowKind::Statement(4)));
}

#[test]
fn opening_a_statement_shows_its_document_scrolled_to_it_and_highlighted() {
    let mut app = app(fixture::seed());
    app.update(Action::Resize(fixture::viewport(60, 12)));
    select(&mut app, RowKind::Group(Group::Speaker(2)));
    app.update(Action::Expand);
    select(&mut app, RowKind::Statement(4));
    app.update(Action::Open);
    assert_eq!(app.page.view(), View::Document(0));
    assert_eq!(app.page.current(), Some(4));
    assert_eq!(app.focus, Focus::Reader);
    let line = app.page.statement_line(4).unwrap();
    assert!(app.page.is_visible(line), "visible");
}

#[test]
fn tab_switches_focus_both_ways() {
    let mut app = app(fixture::seed());
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Reader);
    app.update(Action::FocusPrev);
    assert_eq!(app.focus, Focus::Sidebar);
}

#[test]
fn scrolling_stays_in_bounds_and_reports_the_position() {
    let mut app = app(fixture::seed());
    app.update(Action::Resize(fixture::viewport(60, 12)));
    app.update(Action::FocusNext);
    assert_eq!(app.page.position_label(), "Top");
    app.update(Action::Up);
    assert_eq!(app.page.top(), Pos::TOP);
    app.update(Action::PageDown);
    assert_eq!(app.page.scroll_row(), (app.page.rows() - 1, true));
    assert!(app.page.position_label().ends_with('%'), "{}", app.page.position_label());
    app.update(Action::Bottom);
    assert_eq!(app.page.position_label(), "End");
    let end = app.page.top();
    app.update(Action::Down);
    assert_eq!(app.page.top(), end);
    app.update(Action::HalfUp);
    assert!(app.page.top() < end);
    app.update(Action::Top);
    assert_eq!(app.page.top(), Pos::TOP);
}

#[test]
fn next_and_previous_statement_walk_the_document_in_order() {
    let mut app = app(fixture::seed());
    app.update(Action::NextStatement);
    assert_eq!(app.page.current(), Some(0));
    app.update(Action::NextStatement);
    app.update(Action::NextStatement);
    assert_eq!(app.page.current(), Some(2));
    app.update(Action::PrevStatement);
    assert_eq!(app.page.current(), Some(1));
    for _ in 0..10 {
        app.update(Action::NextStatement);
    }
    assert_eq!(app.page.current(), Some(4));
    assert_eq!(app.message.as_deref(), Some(strings::NO_MORE_STATEMENTS));
}

#[test]
fn same_speaker_steps_cross_documents() {
    let mut app = app(fixture::two_documents());
    app.open_statement(4);
    app.update(Action::NextBySpeaker);
    assert_eq!(app.page.view(), View::Document(1));
    assert_eq!(app.page.current(), Some(5));
    app.update(Action::PrevBySpeaker);
    assert_eq!(app.page.view(), View::Document(0));
    assert_eq!(app.page.current(), Some(4));
    app.open_statement(0);
    app.update(Action::NextBySpeaker);
    assert_eq!(app.page.current(), Some(3), "the other BSCB statement");
}

#[test]
fn the_sidebar_follows_statement_steps() {
    let mut app = app(fixture::two_documents());
    app.open_statement(4);
    app.update(Action::NextBySpeaker);
    assert_eq!(app.page.view(), View::Document(1));
    assert_eq!(
        app.sidebar.rows()[app.sidebar.selected()].kind,
        RowKind::Document(1),
        "the list shows the new document"
    );
    // With the speaker's group open, the list lands on the statement itself.
    let speaker = app.corpus.statements()[5].speaker;
    select(&mut app, RowKind::Group(Group::of(speaker)));
    app.update(Action::Expand);
    app.update(Action::PrevBySpeaker);
    assert_eq!(app.page.current(), Some(4));
    assert_eq!(app.sidebar.rows()[app.sidebar.selected()].kind, RowKind::Statement(4));
    app.update(Action::PrevStatement);
    assert_eq!(app.page.current(), Some(3));
    assert_ne!(app.corpus.statements()[3].speaker, speaker, "a statement outside the open group");
    assert_eq!(app.sidebar.rows()[app.sidebar.selected()].kind, RowKind::Document(0), "`[` leaves the group's row");
}

#[test]
fn search_finds_counts_and_wraps_around() {
    let mut app = app(fixture::seed());
    app.update(Action::FocusNext);
    app.update(Action::Search);
    assert_eq!(app.mode, Mode::Search);
    for c in "nspcc".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Submit);
    app.finish_searching();
    assert_eq!(app.mode, Mode::Normal);
    let total = app.search.matches().len();
    assert!(total >= 2, "{total}");
    let counter = |at: usize| Some(format!("match {at} of {total}"));
    assert_eq!(app.search_counter(), counter(1));
    for _ in 1..total {
        app.update(Action::NextMatch);
    }
    assert_eq!(app.search_counter(), counter(total));
    app.update(Action::NextMatch);
    assert_eq!(app.search_counter(), counter(1));
    assert_eq!(app.message.as_deref(), Some(strings::WRAPPED_TOP));
    app.update(Action::PrevMatch);
    assert_eq!(app.search_counter(), counter(total));
    app.update(Action::ClearSearch);
    assert_eq!(app.search_counter(), None);
}

/// Issue 13 item 13: `/` in the text searches every document, `n` and `N`
/// go from one to the next, the counter says where among them, and
/// quote marks of either shape match.
#[test]
fn search_goes_through_every_document() {
    let mut app = app(fixture::two_documents());
    app.update(Action::FocusNext);
    app.update(Action::Search);
    for c in "nspcc".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Submit);
    app.finish_searching();
    assert!(!app.searching());
    let first = app.search.matches().len();
    assert_eq!(app.search.documents(), [(0, first), (1, 1)], "both documents, with their hits");
    let total = first + 1;
    assert_eq!(app.search_counter(), Some(format!("match 1 of {total} · doc 1 of 2")));
    for _ in 1..first {
        app.update(Action::NextMatch);
    }
    assert_eq!(app.page.view(), View::Document(0));
    app.update(Action::NextMatch);
    assert_eq!(app.page.view(), View::Document(1), "n goes on to the next document");
    assert_eq!(app.search_counter(), Some(format!("match {total} of {total} · doc 2 of 2")));
    assert_eq!(app.sidebar.rows()[app.sidebar.selected()].kind, RowKind::Document(1), "the list follows");
    app.update(Action::NextMatch);
    assert_eq!(app.page.view(), View::Document(0), "and round to the first");
    assert_eq!(app.message.as_deref(), Some(strings::WRAPPED_TOP));
    app.update(Action::PrevMatch);
    assert_eq!(app.page.view(), View::Document(1), "N goes back round");
    app.update(Action::Back);
    assert_eq!(app.page.view(), View::Document(0), "a search's jump can be undone with Backspace");
    // A straight apostrophe finds a curly one.
    app.update(Action::Search);
    for c in "it's now".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Submit);
    app.finish_searching();
    let hit = app.search.matches()[app.search.current().expect("found")];
    let text = &app.page.content().blocks[hit.block].text[hit.start..hit.end];
    assert_eq!(text, "it’s now");
}

#[test]
fn escape_cancels_a_search_being_typed() {
    let mut app = app(fixture::seed());
    app.update(Action::Search);
    app.update(Action::Input('x'));
    app.update(Action::Cancel);
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.search.query().is_empty() && app.prompt.text().is_empty());
}

#[test]
fn a_search_with_no_hits_says_so() {
    let mut app = app(fixture::seed());
    app.focus = Focus::Reader;
    app.update(Action::Search);
    for c in "zebra".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Submit);
    app.finish_searching();
    assert_eq!(app.search_counter(), None, "the note says it, with the term");
    assert_eq!(app.message, Some(strings::no_matches("zebra")));
}

#[test]
fn searching_the_sidebar_filters_its_rows() {
    let mut app = app(fixture::seed());
    app.update(Action::Search);
    assert_eq!(app.prompt.target(), Focus::Sidebar);
    for c in "vulnerable".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Submit);
    assert_eq!(
        kinds(&app),
        vec![RowKind::Section(Section::Speakers), RowKind::Group(Group::Speaker(2)), RowKind::Statement(4)]
    );
    assert_eq!(app.sidebar.rows()[app.sidebar.selected()].kind, RowKind::Statement(4));
    app.update(Action::ClearSearch);
    assert!(kinds(&app).contains(&RowKind::Document(0)));
}

#[test]
fn the_picker_filters_like_the_command_line_and_s_clears() {
    let mut app = app(fixture::seed());
    app.update(Action::PickSpeaker);
    assert_eq!(app.mode, Mode::Picker);
    for c in "nsp".chars() {
        app.update(Action::Input(c));
    }
    assert_eq!(app.picker.candidates(&app.corpus), vec![(Group::Speaker(2), 1)]);
    app.update(Action::Submit);
    assert_eq!(app.mode, Mode::Normal);
    assert!(!app.filter.is_everyone());
    assert_eq!(app.page.view(), View::Group(Group::Speaker(2)));
    assert!(!kinds(&app).contains(&RowKind::Group(Group::Speaker(0))));
    app.update(Action::ClearFilter);
    assert!(app.filter.is_everyone());
    assert!(kinds(&app).contains(&RowKind::Group(Group::Speaker(0))));
}

#[test]
fn the_picker_explains_a_name_it_does_not_know() {
    let mut app = app(fixture::seed());
    app.update(Action::PickSpeaker);
    for c in "zzz".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Submit);
    assert_eq!(app.mode, Mode::Picker);
    assert!(app.picker.error().unwrap().starts_with("no speaker matches"));
}

#[test]
fn a_command_line_filter_lists_only_its_speakers_and_their_documents() {
    let corpus = fixture::two_documents();
    let filter = Filter::resolve(corpus.speakers(), &["bscb".to_string()]).unwrap();
    let app = App::new(corpus, filter, fixture::viewport(100, 30));
    let kinds = kinds(&app);
    assert!(kinds.contains(&RowKind::Document(0)) && !kinds.contains(&RowKind::Document(1)));
    assert!(kinds.contains(&RowKind::Group(Group::Speaker(1))));
    assert!(
        !kinds.contains(&RowKind::Group(Group::Speaker(2))) && !kinds.contains(&RowKind::Group(Group::Unattributed))
    );
    assert_eq!(app.page.view(), View::Group(Group::Speaker(1)));
}

#[test]
fn enter_in_a_speaker_view_opens_the_statement_in_its_article() {
    let mut app = app(fixture::seed());
    select(&mut app, RowKind::Group(Group::Speaker(2)));
    app.update(Action::Open);
    assert_eq!(app.page.view(), View::Group(Group::Speaker(2)));
    assert_eq!(app.focus, Focus::Reader);
    app.update(Action::Open);
    assert_eq!(app.page.view(), View::Document(0));
    assert_eq!(app.page.current(), Some(4));
}

#[test]
fn a_resize_keeps_the_reading_position() {
    let mut app = app(fixture::seed());
    app.focus = Focus::Reader;
    app.update(Action::Resize(fixture::viewport(100, 30)));
    app.update(Action::Bottom);
    let (block, _) = app.page.anchor(app.page.top()).unwrap();
    app.update(Action::Resize(fixture::viewport(70, 30)));
    let (after, _) = app.page.anchor(app.page.top()).unwrap();
    assert_eq!(block, after, "the same paragraph stays at the top");
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut app = app(fixture::seed());
    app.update(Action::Help);
    assert_eq!(app.mode, Mode::Help);
    app.update(Action::Down);
    assert_eq!(app.help_scroll, 1);
    app.update(Action::Cancel);
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_the_pointer_and_clicks_select() {
    let mut app = app(fixture::seed());
    app.update(Action::Resize(fixture::viewport(100, 20)));
    app.update(Action::Wheel { hit: Hit::Reader, down: true });
    assert_eq!(app.page.scroll_row(), (3, true));
    assert_eq!(app.focus, Focus::Sidebar, "the wheel does not move focus");
    app.update(Action::Wheel { hit: Hit::Sidebar(Some(0)), down: true });
    assert_eq!(app.sidebar.offset(), 0, "a list that fits does not scroll");
    app.update(Action::Click(Hit::Sidebar(Some(3))));
    assert_eq!(app.sidebar.selected(), 3);
    app.update(Action::Click(Hit::Sidebar(Some(3))));
    assert_eq!(app.page.view(), View::Group(Group::Speaker(1)), "a second click opens");
    app.update(Action::Click(Hit::Sidebar(None)));
    assert_eq!(app.focus, Focus::Sidebar, "a click on the list's border focuses it");
    assert_eq!(app.page.view(), View::Group(Group::Speaker(1)), "and opens nothing");
}

#[test]
fn quit_and_quick_exit_end_the_loop() {
    let mut app = app(fixture::seed());
    assert_eq!(app.update(Action::Quit), Control::Quit);
    assert_eq!(app.update(Action::QuickExit), Control::QuickExit);
}

#[test]
fn an_empty_corpus_is_calm() {
    let corpus = fixture::changed(fixture::seed(), |parts| parts.statements.clear());
    let mut app = app(corpus);
    assert!(app.sidebar.rows().iter().any(|r| r.kind == RowKind::Note(strings::NO_STATEMENTS)));
    app.update(Action::NextStatement);
    app.update(Action::NextBySpeaker);
    app.update(Action::PickSpeaker);
    app.update(Action::Submit);
    assert!(app.picker.error().is_some());
}

#[test]
fn a_long_document_scrolls_past_65535_lines() {
    let corpus = fixture::changed(fixture::seed(), |parts| {
        let paragraphs = parts.documents[0].paragraphs.clone();
        parts.documents[0].paragraphs = paragraphs.iter().cycle().take(40_000).cloned().collect();
    });
    let mut app = app(corpus);
    app.focus = Focus::Reader;
    app.update(Action::Bottom);
    app.finish_wrapping();
    let (row, exact) = app.page.scroll_row();
    assert!(exact && row > 65_535, "{row}");
}

#[test]
fn a_wrong_helpline_number_in_an_article_is_noted_under_its_paragraph() {
    let corpus = fixture::changed(fixture::seed(), |parts| {
        parts.notes = crate::notes::check_numbers(&parts.documents, &crate::documents::embedded_manifest());
    });
    assert_eq!(corpus.notes().len(), 1);
    let mut app = app(corpus);
    let note = app.page.content().blocks.iter().position(|b| b.text.starts_with("Note: The NSPCC publishes"));
    let paragraph = app.page.content().blocks.iter().position(|b| b.paragraph == Some(15));
    assert_eq!(note, paragraph.map(|p| p + 1), "the note follows its paragraph");
    // Marks still sit on the right paragraphs.
    app.open_statement(4);
    let line = app.page.statement_line(4).unwrap();
    let block = line.block;
    assert_eq!(app.page.content().blocks[block].paragraph, Some(12));
    app.open_view(View::Group(Group::Speaker(2)));
    assert!(app.page.content().blocks.iter().any(|b| b.text.starts_with("Note: ")));
}

#[test]
fn the_content_note_comes_first_and_enter_reads_on() {
    let mut app = app(fixture::seed());
    app.show_content_note();
    assert_eq!(app.mode, Mode::ContentNote);
    // Movement and the wheel do nothing behind the note.
    let top = app.page.top();
    app.update(Action::Wheel { hit: Hit::Reader, down: true });
    assert_eq!(app.page.top(), top);
    app.update(Action::Submit);
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn quick_exit_and_quit_end_the_loop_from_every_mode() {
    for mode in [Mode::Normal, Mode::Help, Mode::Search, Mode::Picker, Mode::ContentNote] {
        let mut app = app(fixture::seed());
        app.mode = mode;
        assert_eq!(app.update(Action::QuickExit), Control::QuickExit, "{mode:?}");
    }
}

/// The seed document repeated to well over the size measured at once, so
/// its rows are counted lazily.
fn long_document() -> Corpus {
    fixture::changed(fixture::seed(), |parts| {
        let paragraphs = parts.documents[0].paragraphs.clone();
        parts.documents[0].paragraphs = paragraphs.iter().cycle().take(3_000).cloned().collect();
    })
}

#[test]
fn a_resize_of_a_long_document_keeps_the_anchor_without_wrapping_it_all() {
    let mut app = app(long_document());
    app.focus = Focus::Reader;
    app.finish_wrapping();
    for _ in 0..400 {
        app.update(Action::PageDown);
    }
    app.update(Action::Down);
    let (block, offset) = app.page.anchor(app.page.top()).unwrap();
    for (width, height) in [(70, 30), (200, 60), (41, 12), (100, 30)] {
        app.update(Action::Resize(fixture::viewport(width, height)));
        assert!(app.page.wrapping(), "the new width is measured in the background");
        let line = app.page.lines_from(app.page.top(), 1)[0];
        assert_eq!(line.block, block, "{width}×{height}: the same paragraph stays at the top");
        assert!(line.start <= offset, "{width}×{height}");
        assert!(app.page.position_label().starts_with('~'), "{}", app.page.position_label());
        // Keys work before the rows are counted, and agree with them after.
        let mut measured = app.clone();
        measured.finish_wrapping();
        assert_eq!(measured.page.top(), app.page.top());
        let full = crate::content::wrap_all(app.page.content(), app.page.wrap_width());
        let (row, exact) = measured.page.scroll_row();
        assert!(exact);
        assert_eq!(full[row], line);
        assert!(measured.page.position_label().ends_with('%') && !measured.page.position_label().starts_with('~'));
    }
}

mod moves;

//! More of the tests above, in a file of their own to keep each short.

use super::*;

#[test]
fn moves_in_a_lazily_wrapped_document_match_the_full_wrap() {
    let mut lazy = app(long_document());
    lazy.focus = Focus::Reader;
    assert!(lazy.page.wrapping());
    let full = crate::content::wrap_all(lazy.page.content(), lazy.page.wrap_width());
    let height = lazy.page.rows();
    let check = |app: &App, expected: usize, what: &str| {
        let mut measured = app.clone();
        measured.finish_wrapping();
        assert_eq!(measured.page.scroll_row(), (expected, true), "{what}");
        let shown = app.page.lines_from(app.page.top(), height);
        assert_eq!(shown, full[expected..expected + height], "{what}");
    };
    lazy.update(Action::Bottom);
    check(&lazy, full.len() - height, "G");
    assert_eq!(lazy.page.position_label(), "End");
    lazy.update(Action::PageUp);
    check(&lazy, full.len() - height - (height - 1), "PgUp");
    lazy.update(Action::Top);
    check(&lazy, 0, "g");
    lazy.update(Action::PageDown);
    lazy.update(Action::HalfDown);
    check(&lazy, height - 1 + (height - 1) / 2, "PgDn then d");
    // Search from here jumps to the first hit at or below the top line.
    lazy.update(Action::Search);
    for c in "nspcc".chars() {
        lazy.update(Action::Input(c));
    }
    lazy.update(Action::Submit);
    let current = lazy.search.matches()[lazy.search.current().unwrap()];
    let at = full.iter().position(|l| l.block == current.block && l.start <= current.start && current.start < l.end);
    let at = at.unwrap();
    assert!(at >= height - 1 + (height - 1) / 2, "the first hit below the top");
    assert!(lazy.page.is_visible(lazy.page.pos_of(current.block, current.start)));
    // The last statement, far down, is opened and shown.
    let last = *lazy.page.content().statements.last().unwrap();
    lazy.open_statement(last);
    assert!(lazy.page.is_visible(lazy.page.statement_line(last).unwrap()));
    assert!(lazy.page.wrapping(), "none of this counted every row");
}

/// Issue 13 item 6: after the content note the list has the focus, and
/// Space, PgDn, d, Ctrl-F… still page the text, as in less; j and k move
/// the list; e/y (Ctrl-E/Y) and, in a document, Enter move the text a line.
#[test]
fn paging_keys_page_the_text_whatever_has_focus() {
    let mut app = app(fixture::seed());
    app.update(Action::Resize(fixture::viewport(60, 12)));
    assert_eq!(app.focus, Focus::Sidebar);
    let selected = app.sidebar.selected();
    app.update(Action::PageDown);
    assert_eq!(app.page.scroll_row().0, app.page.rows() - 1, "a page of text, less one line");
    assert_eq!(app.sidebar.selected(), selected, "the list did not move");
    app.update(Action::PageUp);
    assert_eq!(app.page.top(), Pos::TOP);
    app.update(Action::HalfDown);
    assert_eq!(app.page.scroll_row().0, (app.page.rows() - 1) / 2);
    app.update(Action::HalfUp);
    app.update(Action::LineDown);
    app.update(Action::LineDown);
    assert_eq!(app.page.scroll_row().0, 2);
    app.update(Action::LineUp);
    assert_eq!(app.page.scroll_row().0, 1);
    app.update(Action::Down);
    assert_eq!(app.sidebar.selected(), selected + 1, "j moves the list in focus");
    assert_eq!(app.page.scroll_row().0, 1, "and leaves the text");
    app.update(Action::FocusNext);
    app.update(Action::Open);
    assert_eq!(app.page.scroll_row().0, 2, "Enter in a document's text is one line down");
    app.update(Action::Down);
    assert_eq!(app.page.scroll_row().0, 3, "j moves the text in focus");
}

/// Issue 13 item 7: `]` and `[` step from what is on screen, not from the
/// statement chosen before a jump; `}` and `{` likewise.
#[test]
fn statement_steps_go_from_what_is_on_screen() {
    let mut app = app(fixture::seed());
    app.update(Action::Resize(fixture::viewport(60, 12)));
    app.update(Action::FocusNext);
    app.update(Action::NextStatement);
    assert_eq!(app.page.current(), Some(0));
    app.update(Action::Bottom);
    assert!(app.page.current_on_screen().is_none(), "statement 0 is off screen at the end");
    let last_shown = app.page.last_statement_above_bottom();
    assert_eq!(last_shown, Some(4), "the NSPCC's statement is the last one");
    app.update(Action::PrevStatement);
    assert_eq!(app.page.current(), Some(4), "[ at the end is the last statement shown, not the one before 0");
    app.update(Action::Top);
    app.update(Action::NextStatement);
    assert_eq!(app.page.current(), Some(0), "] at the top is the first statement shown");
    // `}` after `G`: from the statement shown (the NSPCC's), not from BSCB's.
    app.update(Action::Bottom);
    app.update(Action::PrevBySpeaker);
    assert_eq!(app.page.current(), Some(4), "the NSPCC has no earlier statement: its shown one is chosen");
    app.update(Action::Top);
    app.update(Action::NextBySpeaker);
    assert_eq!(app.page.current(), Some(0), "from the top, the first statement shown");
    app.update(Action::NextBySpeaker);
    assert_eq!(app.page.current(), Some(3), "then BSCB's next one");
}

/// Issue 13 item 14: after a list filter `n` and `N` walk the rows it
/// kept (never "Nothing searched yet").
#[test]
fn n_after_a_list_filter_walks_the_matching_rows() {
    let mut app = app(fixture::seed());
    app.update(Action::Search);
    for c in "police".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Submit);
    let matching: Vec<usize> = (0..app.sidebar.rows().len())
        .filter(|&i| {
            app.sidebar.rows()[i].depth > 0
                && app.sidebar.rows()[i].label(&app.corpus).to_lowercase().contains("police")
        })
        .collect();
    assert!(matching.len() >= 2, "police is in a speaker's name and a statement: {:?}", app.sidebar.rows());
    let before = app.sidebar.selected();
    app.update(Action::NextMatch);
    assert_ne!(app.message.as_deref(), Some(strings::NO_SEARCH));
    let now = app.sidebar.selected();
    assert!(matching.contains(&now) && now != before, "moved to a matching row");
    for _ in 0..matching.len() {
        app.update(Action::NextMatch);
    }
    assert!(matching.contains(&app.sidebar.selected()));
    app.update(Action::PrevMatch);
    assert!(matching.contains(&app.sidebar.selected()));
}

/// Issue 13 item 8: opening a statement, a speaker or a document keeps
/// where the reader was; Backspace goes back there; a document opened again
/// is where it was left.
#[test]
fn back_returns_to_where_the_reader_was_and_documents_remember_their_place() {
    let mut app = app(fixture::two_documents());
    app.update(Action::Resize(fixture::viewport(60, 12)));
    app.update(Action::PageDown);
    app.update(Action::PageDown);
    let read_to = app.page.top();
    assert_ne!(read_to, Pos::TOP);
    // A speaker, from the list.
    select(&mut app, RowKind::Group(Group::Speaker(2)));
    app.update(Action::Open);
    assert_eq!(app.page.view(), View::Group(Group::Speaker(2)));
    app.update(Action::Back);
    assert_eq!(app.page.view(), View::Document(0));
    assert_eq!(app.page.top(), read_to, "back where the page was");
    assert_eq!(app.sidebar.rows()[app.sidebar.selected()].kind, RowKind::Document(0), "the list follows");
    // Forward again to the speaker, and back once more.
    app.update(Action::Forward);
    assert_eq!(app.page.view(), View::Group(Group::Speaker(2)), "forward to where back left");
    app.update(Action::Back);
    assert_eq!((app.page.view(), app.page.top()), (View::Document(0), read_to));
    // `}` into the other document, then back.
    app.open_statement(4);
    app.update(Action::NextBySpeaker);
    assert_eq!(app.page.view(), View::Document(1));
    app.update(Action::Back);
    assert_eq!((app.page.view(), app.page.current()), (View::Document(0), Some(4)));
    // The second document, read a little, then the first, then the second again.
    let at = app.page.top();
    app.focus = Focus::Sidebar;
    select(&mut app, RowKind::Document(1));
    app.update(Action::Open);
    app.update(Action::PageDown);
    let second = app.page.top();
    app.focus = Focus::Sidebar;
    select(&mut app, RowKind::Document(0));
    app.update(Action::Open);
    assert_eq!(app.page.top(), at, "the first document is where it was left");
    app.focus = Focus::Sidebar;
    select(&mut app, RowKind::Document(1));
    app.update(Action::Open);
    assert_eq!(app.page.top(), second, "so is the second");
    // Going back as far as there is, then a calm note.
    for _ in 0..20 {
        app.update(Action::Back);
    }
    assert_eq!(app.message.as_deref(), Some(strings::NOWHERE_BACK));
    // A new move forgets the places gone back from.
    app.focus = Focus::Sidebar;
    select(&mut app, RowKind::Document(1));
    app.update(Action::Open);
    app.update(Action::Forward);
    assert_eq!(app.message.as_deref(), Some(strings::NOWHERE_FORWARD));
}

/// Issue 13 item 13: `&` lists only the documents the search found, each
/// with its hits; Esc lists every document again.
#[test]
fn the_list_can_show_only_the_documents_found() {
    let mut app = app(fixture::two_documents());
    app.update(Action::ShowFound);
    assert_eq!(app.message.as_deref(), Some(strings::NO_SEARCH));
    app.update(Action::FocusNext);
    app.update(Action::Search);
    for c in "call the helpline".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Submit);
    app.finish_searching();
    let found = app.search.documents().to_vec();
    assert_eq!(found.iter().map(|&(d, _)| d).collect::<Vec<_>>(), [1], "only the second article says it");
    app.update(Action::ShowFound);
    let documents: Vec<&Row> = app.sidebar.rows().iter().filter(|r| matches!(r.kind, RowKind::Document(_))).collect();
    assert_eq!(documents.len(), 1);
    assert_eq!((documents[0].kind, documents[0].count), (RowKind::Document(1), Some(found[0].1)));
    assert_eq!(app.sidebar.rows()[app.sidebar.selected()].kind, RowKind::Document(1));
    app.update(Action::ClearSearch);
    assert!(kinds(&app).contains(&RowKind::Document(0)), "Esc lists every document again");
}

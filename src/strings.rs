//! Every word voices shows, in one place, so the wording can be checked
//! against the terminology guidelines (and translated) without reading code.
//! It sits at the crate root and imports nothing above the extractor's
//! statement kinds, so the reader's model, its view and the printed outputs
//! all take their words from here and never from each other.

use crate::extract::StatementKind;

/// The group of statements no speaker could be found for, in the reader and
/// in every output.
pub const UNATTRIBUTED: &str = "Unattributed";
/// The gutter label of an unattributed statement.
pub const UNATTRIBUTED_SHORT: &str = "Unknown";
/// Sidebar section headings.
pub const DOCUMENTS: &str = "Documents";
/// The second sidebar section.
pub const SPEAKERS: &str = "Speakers";
/// Sidebar title without a filter.
pub const SIDEBAR_TITLE: &str = "Contents";
/// Sidebar title prefix with a filter ("Only: NSPCC").
pub const FILTER_PREFIX: &str = "Only";
/// Sidebar row when there are no statements.
pub const NO_STATEMENTS: &str = "No statements were found";
/// Sidebar row when a sidebar search hides every row.
pub const NO_ROWS: &str = "Nothing in the list matches";
/// Reader placeholder.
pub const NOTHING_OPEN: &str = "Choose a document or a speaker on the left and press Enter.";
/// Reader pane title when nothing is open.
pub const READER_TITLE: &str = "Reader";
/// Position labels.
pub const TOP: &str = "Top";
/// The reader is at its last page.
pub const END: &str = "End";
/// The whole text fits in the pane.
pub const ALL: &str = "All";

/// The reading position while the rows of a long document are still being
/// counted: an estimate, and shown as one.
pub fn approximate_percent(percent: usize) -> String {
    format!("~{percent}%")
}
/// Printed after a crash (an abort, a fault) has put the terminal back;
/// `signal` names the signal ("SIGABRT").
pub fn crashed(signal: &str) -> String {
    format!("voices stopped after an internal error ({signal}); the terminal has been put back as it was.")
}

/// Printed (to stderr) when `voices -` reads a terminal, so nobody waits
/// for a reader that is waiting for them.
pub const STDIN_FROM_TERMINAL: &str = "voices: reading the text to read from this terminal. Type or paste it, then press Ctrl-D on a new line to finish (Ctrl-C cancels).";
/// The search prompt, for the reader and for the list.
pub const SEARCH_PROMPT: &str = "Search: ";
/// The prompt when the search filters the list.
pub const FILTER_PROMPT: &str = "Filter the list: ";
/// Keys shown at the right of the prompt ("Enter search · Esc cancel"),
/// named by the key table.
pub fn prompt_keys(submit: &str, cancel: &str) -> String {
    format!("{submit} search · {cancel} cancel")
}
/// Keys shown at the right of the list's prompt: what Enter does there.
pub fn filter_prompt_keys(submit: &str, cancel: &str) -> String {
    format!("{submit} show only matching rows · {cancel} cancel")
}
/// The list's title while it is filtered ("Filter: police — Esc shows all"),
/// with the key that shows every row again from the key table.
pub fn list_filter_title(query: &str, show_all: &str) -> String {
    format!("Filter: {query} — {show_all} shows all")
}
/// The list's title while it shows only the documents the text search
/// found ("Found: police — Esc shows all").
pub fn found_title(query: &str, show_all: &str) -> String {
    format!("Found: {query} — {show_all} shows all")
}
/// The list's only row when its filter hides every row: the term, and the
/// way back.
pub fn no_rows(query: &str, show_all: &str) -> String {
    format!("Nothing in the list matches “{query}”. {show_all} shows all.")
}
/// `n` went past the last row the list's filter kept.
pub const LIST_WRAPPED: &str = "Back to the first matching row";

/// Two keys that do the same ("Esc or ?").
pub fn either(first: &str, second: &str) -> String {
    format!("{first} or {second}")
}

/// An overlay's title with its keys ("Help — ↓ ↑ scroll · Esc or ? closes"),
/// named by the key table.
pub fn overlay_title(name: &str, down: &str, up: &str, close: &str) -> String {
    format!("{name} — {down} {up} scroll · {close} closes")
}

/// The help overlay's name.
pub const HELP_NAME: &str = "Help";
/// The first lines of the help.
pub const HELP_INTRO: &str = "voices shows who said what in these articles. The list on the left has the documents and the speakers; the text is on the right.";
/// How the mouse works, and how to give it back to the terminal.
pub const HELP_MOUSE: &str = "Mouse: the wheel scrolls the pane under the pointer; a click selects a row in the list, a second click opens it. Start with --no-mouse to select text with the mouse instead.";
/// What quick exit does and what it cannot hide, said plainly in the help,
/// with its keys ("Esc Esc", "Ctrl-C") named by the key table.
pub fn help_quick_exit(keys: &[String]) -> String {
    format!(
        "Quick exit ({}) clears this screen and the terminal's scrollback and closes voices at once. It cannot hide the command typed into the shell (its history may keep it), other software on this computer, or people nearby. If nothing is typed, scrolled or clicked for a while (--idle-exit, 10 minutes unless changed), voices does the same.",
        keys.join(", or ")
    )
}
/// The support screen's name, for its title.
pub const SUPPORT_NAME: &str = "Support";
/// The support screen's first line.
pub const SUPPORT_INTRO: &str = "These are UK services. Each line says who it is for and when it answers.";
/// The support screen's last line: how far the numbers can be trusted.
pub const SUPPORT_CHECKED: &str =
    "Each number was checked on the organisation's own page in the month shown. If you are in danger now, call 999.";
/// The heading above the helplines in the help.
pub const HELP_SUPPORT: &str = "If reading this is hard, support is there:";
/// The heading above the helplines on a small content note.
pub const SUPPORT_SHORT: &str = "Support:";
/// The content note's last line when not every helpline fits.
pub const CONTENT_NOTE_MORE: &str = "More support: Enter, then H";
/// The heading of the content note screen.
pub const CONTENT_NOTE_TITLE: &str = "Before you read";
/// The keys of the content note screen, named by the key table.
pub fn content_note_keys(read_on: &str, quick_exit: &str, quit: &str) -> String {
    format!("{read_on}: read on · {quick_exit}: quick exit (clears the screen) · {quit}: quit")
}

/// The speaker picker's title with its keys, named by the key table.
pub fn picker_title(choose: &str, cancel: &str) -> String {
    format!("Show one speaker — {choose} choose · {cancel} cancel")
}
/// The picker's text field.
pub const PICKER_PROMPT: &str = "Name: ";
/// What was typed matches no speaker.
pub const PICKER_EMPTY: &str = "No speaker has that name.";
/// The corpus has no speakers at all.
pub const PICKER_NO_SPEAKERS: &str = "No speakers were found in these documents.";
/// The too-small screen.
pub const TOO_SMALL: &str = "Terminal too small";
/// Messages in the status bar.
pub const WRAPPED_TOP: &str = "Search went back to the first match";
/// `N` went past the first match.
pub const WRAPPED_END: &str = "Search went back to the last match";
/// `]` or `}` found nothing further.
pub const NO_MORE_STATEMENTS: &str = "No more statements this way";
/// `}` with no statement to start from.
pub const NO_STATEMENT_SELECTED: &str = "Move to a statement first ( ] )";
/// `n` before any search.
pub const NO_SEARCH: &str = "Nothing searched yet ( / )";
/// `J` or `K` found no document further.
pub const NO_MORE_DOCUMENTS: &str = "No more documents this way";
/// Where the reader is: "statement 3 of 10 · NSPCC".
pub fn location(at: usize, of: usize, speaker: &str) -> String {
    format!("statement {at} of {of} · {speaker}")
}
/// Where the reader is, on a narrow status bar: "3 of 10 · BSCB".
pub fn compact_location(at: usize, of: usize, speaker: &str) -> String {
    format!("{at} of {of} · {speaker}")
}
/// The status bar after `:`, with the keys that may follow (Esc, or any
/// other key, cancels); short, so it fits beside two helplines at 100
/// columns.
pub fn command_prompt(next: &str, previous: &str) -> String {
    format!(": {next} next document, {previous} previous")
}
/// Backspace with nothing read before.
pub const NOWHERE_BACK: &str = "Nothing to go back to yet";
/// The forward key with nothing gone back from.
pub const NOWHERE_FORWARD: &str = "Nothing to go forward to (go back first)";
/// After `S`.
pub const FILTER_CLEARED: &str = "Showing every speaker";

/// "make it at least 40×10".
pub fn too_small_hint(width: u16, height: u16) -> String {
    format!("Make it at least {width}×{height}")
}

/// "4 statements".
pub fn statement_count(count: usize) -> String {
    format!("{count} statement{}", if count == 1 { "" } else { "s" })
}

/// A statement's words as they are shown and written out: a direct quote in
/// curly marks, reported speech as it stands.
/// A quote that stops mid-sentence loses its trailing comma ("We will fight
/// on," is shown “We will fight on”).
pub fn quoted(kind: StatementKind, words: &str) -> String {
    match kind {
        StatementKind::Direct => format!("“{}”", words.trim_end().trim_end_matches(',')),
        StatementKind::Reported => words.to_string(),
    }
}

/// Where a statement is, from its first and last paragraph (1-based):
/// "paragraph 3" or "paragraphs 6–10".
pub fn paragraph_label((first, last): (usize, usize)) -> String {
    if first == last { format!("paragraph {first}") } else { format!("paragraphs {first}–{last}") }
}

/// The search counter on a hit: "match 3 of 41 · doc 2 of 7"; `more` is
/// "…" while documents are still being looked through.
pub fn search_counter(at: usize, total: usize, doc: usize, docs: usize, more: &str) -> String {
    format!("match {at} of {total}{more} · doc {doc} of {docs}{more}")
}
/// The search counter on a hit when there is one document: "match 3 of 41".
pub fn search_counter_one(at: usize, total: usize, more: &str) -> String {
    format!("match {at} of {total}{more}")
}
/// The search counter off a hit: "41 matches in 7 documents".
pub fn search_totals(total: usize, docs: usize, more: &str) -> String {
    let matches = if total == 1 { "match" } else { "matches" };
    let documents = if docs == 1 { "document" } else { "documents" };
    format!("{total}{more} {matches} in {docs}{more} {documents}")
}
/// `n` while the documents are still being looked through.
pub const STILL_SEARCHING: &str = "Searching the other documents…";

/// "No matches for “x”".
pub fn no_matches(query: &str) -> String {
    format!("No matches for “{query}”")
}

/// "Only: Thames Valley Police — S shows all": the chosen speakers' names,
/// with the key that shows all from the key table.
pub fn filter_title(names: &[String], show_all: &str) -> String {
    format!("{FILTER_PREFIX}: {} — {show_all} shows all", names.join(", "))
}

/// How a statement's kind is written in the reader.
pub fn kind_label(kind: StatementKind) -> &'static str {
    match kind {
        StatementKind::Direct => "Direct quote",
        StatementKind::Reported => "Reported speech",
    }
}

/// A helpline in the help: number, hours, who it is for, and where and when
/// it was checked, so a reader can trust it ("checked 2026-11").
pub fn helpline_details(helpline: &crate::documents::Helpline) -> Vec<String> {
    let mut lines = vec![format!("{} {}", helpline.name, helpline.number)];
    if let Some(audience) = &helpline.audience {
        lines.push(format!("For: {audience}"));
    }
    if let Some(hours) = &helpline.hours {
        lines.push(format!("Hours: {hours}"));
    }
    if let Some(email) = &helpline.email {
        lines.push(format!("Email: {email}"));
    }
    lines.push(format!("Checked {} against {}", helpline.checked, helpline.source));
    lines
}

/// A helpline note shown under the paragraph it is about ("Note: the article
/// gives … ; the published number is …"), so a wrong number is never left unremarked.
pub fn note(message: &str) -> String {
    format!("Note: {message}")
}

/// The name of the list of files with problems (`w`), for its title.
pub const PROBLEMS_NAME: &str = "Files with problems";
/// The first line of the problems list: what happened to the other files.
pub const PROBLEMS_INTRO: &str = "These files were skipped or read in a different way. Everything else was loaded.";
/// The problems list when every file was read.
pub const NO_PROBLEMS: &str = "Every file was read without problems.";

/// The status-bar note that some files had problems, with the key that
/// lists them: "2 file problems · w".
pub fn problem_count(count: usize, key: &str) -> String {
    format!("{count} file problem{} · {key}", if count == 1 { "" } else { "s" })
}

/// Status bar while the background loader is still reading files.
pub const READING_SOURCES: &str = "Reading documents…";
/// Status bar when loading found no document at all.
pub const NOTHING_LOADED: &str = "No documents to read";

/// Status bar while documents arrive: "Loading 1,234 of 4,945 files…", so
/// a large corpus visibly makes progress. It counts files, not documents:
/// the total is known before any file is opened, and a file that cannot be
/// used counts as read (it is listed under `w`), so the count always
/// reaches the total.
pub fn loading_progress(received: usize, total: usize) -> String {
    format!("Loading {} of {} files…", thousands(received), thousands(total))
}

/// A count with thousands separators, as people read large numbers.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod quote_tests {
    use super::*;

    #[test]
    fn a_quote_loses_a_trailing_comma_inside_its_marks() {
        assert_eq!(quoted(StatementKind::Direct, "We will fight on,"), "“We will fight on”");
        assert_eq!(quoted(StatementKind::Direct, "Yes, we will."), "“Yes, we will.”");
        assert_eq!(quoted(StatementKind::Reported, "that it would act,"), "that it would act,");
    }
}

#[cfg(test)]
mod loading_tests {
    #[test]
    fn progress_counts_have_thousands_separators() {
        assert_eq!(super::loading_progress(1234, 4945), "Loading 1,234 of 4,945 files…");
        assert_eq!(super::loading_progress(0, 1_000_000), "Loading 0 of 1,000,000 files…");
    }
}

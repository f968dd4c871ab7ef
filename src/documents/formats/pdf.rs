//! PDF reports to paragraphs.
//!
//! A PDF holds positioned glyphs, not paragraphs. pdf-extract turns each
//! page's glyphs into lines, with a blank line where the vertical gap is
//! larger than ordinary line spacing; this module then undoes what page
//! layout did to the prose: it removes running headers and footers (lines
//! repeated at the top or bottom of most pages, page numbers included),
//! joins a paragraph that a page break cut in two, and rejoins words that
//! were hyphenated at a line end, so that quotes reach the extractor whole.

use std::cell::Cell;
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

use super::Converted;

pub use super::pdf_error::PdfError;

/// Lines at each end of a page that are looked at for running headers and
/// footers (a title line and a page number line, with a rule or date).
const RUNNING_CANDIDATES: usize = 3;

/// Longest reader error message kept in a warning, in characters.
const MAX_ERROR_CHARS: usize = 160;

/// Extracts a PDF's text and rebuilds its paragraphs. The title is left to
/// the loader's headline rule (a PDF's own metadata title is often a file
/// name or empty), applied to the first paragraph as for plain text.
pub fn pdf_to_paragraphs(bytes: &[u8]) -> Result<Converted, PdfError> {
    let pages = extract_pages(bytes)?;
    let converted = pages_to_paragraphs(&pages);
    if !converted.paragraphs.is_empty() {
        Ok(converted)
    } else if pages.iter().any(|page| page.chars().any(|c| !c.is_whitespace())) {
        Err(PdfError::AllHeaders)
    } else {
        Err(PdfError::NoTextLayer)
    }
}

thread_local! {
    /// Set while pdf-extract runs on this thread, so its panics are caught
    /// silently (as a warning) instead of printing a backtrace notice.
    static QUIET_PANICS: Cell<bool> = const { Cell::new(false) };
}

static QUIET_HOOK: Once = Once::new();

/// Wraps the process's panic hook once so that panics inside the PDF reader
/// on this thread print nothing; every other panic is reported as before.
fn install_quiet_hook() {
    QUIET_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET_PANICS.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// Each page's text, as pdf-extract lays it out, with its panics caught.
fn extract_pages(bytes: &[u8]) -> Result<Vec<String>, PdfError> {
    match quietly(|| super::pdf_bounds::bounded_pages(bytes)) {
        Some(Ok(pages)) => Ok(pages),
        Some(Err(PdfError::Unreadable(message))) => Err(PdfError::Unreadable(short_message(&message))),
        Some(Err(err)) => Err(err),
        None => Err(PdfError::ReaderFailed),
    }
}

/// Runs `f`, turning a panic into `None` without printing the panic
/// message: a third-party parser failing on one untrusted file is an
/// expected event, reported by the caller as a warning.
fn quietly<T>(f: impl FnOnce() -> T) -> Option<T> {
    install_quiet_hook();
    QUIET_PANICS.with(|quiet| quiet.set(true));
    let result = catch_unwind(AssertUnwindSafe(f));
    QUIET_PANICS.with(|quiet| quiet.set(false));
    result.ok()
}

/// A reader error fit for one warning line: sanitised (it may quote bytes
/// from the file) and short.
fn short_message(message: &str) -> String {
    let clean = crate::documents::sanitize::sanitize(message).replace('\n', " ");
    let mut short: String = clean.chars().take(MAX_ERROR_CHARS).collect();
    if clean.chars().count() > MAX_ERROR_CHARS {
        short.push('…');
    }
    short
}

/// Rebuilds paragraphs from page texts: running headers and footers go,
/// blank lines separate paragraphs, a paragraph cut by a page break is
/// joined, and a word hyphenated at a line end is rejoined. Linear in the
/// size of the text.
pub fn pages_to_paragraphs(pages: &[String]) -> Converted {
    let pages: Vec<Vec<String>> = pages.iter().map(|page| page.lines().map(normalise_line).collect()).collect();
    let running = running_lines(&pages);
    let mut out = Converted::default();
    let mut current = String::new();
    for lines in &pages {
        let body = strip_running(lines, &running);
        if let Some(first) = body.first()
            && !current.is_empty()
            && ends_sentence(&current)
            && !starts_lowercase(first)
        {
            out.push(&std::mem::take(&mut current));
        }
        for line in body {
            if line.is_empty() {
                out.push(&std::mem::take(&mut current));
            } else {
                append_line(&mut current, line);
            }
        }
    }
    out.push(&current);
    out
}

/// Trims a line, collapses its spaces and unfolds typographic ligatures
/// (ﬁ, ﬂ…), which PDFs use and readers and searches do not expect.
fn normalise_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        match c {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            c => out.push(c),
        }
    }
    super::collapse_whitespace(&out)
}

/// What makes two header lines "the same" across pages: case and numbers
/// (page numbers, dates) ignored.
fn running_key(line: &str) -> String {
    let mut key = String::with_capacity(line.len());
    for c in line.chars() {
        if c.is_ascii_digit() {
            if !key.ends_with('#') {
                key.push('#');
            }
        } else {
            key.extend(c.to_lowercase());
        }
    }
    key
}

/// How many lines at each end of a page of `lines` non-blank lines are
/// its top and bottom bands, where running headers and footers sit: at
/// most [`RUNNING_CANDIDATES`], and never so many that no body is left.
fn band(lines: usize) -> usize {
    RUNNING_CANDIDATES.min(lines.saturating_sub(1) / 2)
}

/// Keys of lines that sit in the top or bottom band of most pages.
fn running_lines(pages: &[Vec<String>]) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for lines in pages {
        let text: Vec<&String> = lines.iter().filter(|line| !line.is_empty()).collect();
        let band = band(text.len());
        let mut keys: Vec<String> =
            text.iter().take(band).chain(text.iter().rev().take(band)).map(|line| running_key(line)).collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            *counts.entry(key).or_default() += 1;
        }
    }
    let pages = pages.len();
    counts.retain(|_, count| *count >= 2 && *count * 2 > pages);
    counts
}

/// The page's lines without leading and trailing blank lines and without
/// the running lines in its top and bottom bands; the body between the
/// bands always stays.
fn strip_running<'a>(lines: &'a [String], running: &HashMap<String, usize>) -> &'a [String] {
    let band = band(lines.iter().filter(|line| !line.is_empty()).count());
    let is_furniture = |line: &String| line.is_empty() || running.contains_key(&running_key(line));
    let mut start = 0;
    let mut seen = 0;
    while start < lines.len() && is_furniture(&lines[start]) && (lines[start].is_empty() || seen < band) {
        seen += usize::from(!lines[start].is_empty());
        start += 1;
    }
    let mut end = lines.len();
    let mut seen = 0;
    while end > start && is_furniture(&lines[end - 1]) && (lines[end - 1].is_empty() || seen < band) {
        seen += usize::from(!lines[end - 1].is_empty());
        end -= 1;
    }
    &lines[start..end]
}

/// Whether a paragraph's text so far could end there: a page break after it
/// is then taken as a paragraph break too.
fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', '!', '?', '"', '”', '’', ':'])
}

fn starts_lowercase(line: &str) -> bool {
    line.chars().next().is_some_and(char::is_lowercase)
}

/// Words that usually end before a real hyphen rather than a hyphenation
/// break: "self-" + "harming" stays "self-harming", not "selfharming".
const COMPOUND_PREFIXES: &[&str] = &["self", "well", "half", "quasi"];

/// Endings that make one word with those prefixes, where the break is
/// only hyphenation: "self-" + "less" is "selfless", "Well-" + "ington"
/// is "Wellington".
const JOINED_ENDINGS: &[&str] = &["ish", "less", "ington"];

/// Adds a line to a paragraph: "exploit-" + "ation" → "exploitation" when a
/// letter precedes the hyphen and a lower-case letter follows the break;
/// "self-" + "harm" keeps its hyphen ([`COMPOUND_PREFIXES`]); otherwise the
/// lines are joined by a space.
fn append_line(paragraph: &mut String, line: &str) {
    if paragraph.is_empty() {
        paragraph.push_str(line);
        return;
    }
    let mut tail = paragraph.chars().rev();
    let hyphenated = matches!(tail.next(), Some('-' | '\u{2010}')) && tail.next().is_some_and(char::is_alphabetic);
    if hyphenated && starts_lowercase(line) {
        let before = paragraph.trim_end_matches(['-', '\u{2010}']);
        let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        let compound = COMPOUND_PREFIXES.iter().any(|prefix| word.eq_ignore_ascii_case(prefix))
            && !JOINED_ENDINGS.iter().any(|ending| line.starts_with(ending));
        if !compound {
            paragraph.pop();
        }
    } else {
        paragraph.push(' ');
    }
    paragraph.push_str(line);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn hyphenated_line_ends_rejoin_and_others_keep_a_space() {
        let converted = pages_to_paragraphs(&pages(&["one exploit-\nation and Anglo-\nSaxon, a -\nb 2-\n3"]));
        assert_eq!(converted.paragraphs, vec!["one exploitation and Anglo- Saxon, a - b 2- 3"]);
        let converted = pages_to_paragraphs(&pages(&["signs of self-\nharming and Self-\nneglect, well-\nbeing"]));
        assert_eq!(converted.paragraphs, vec!["signs of self-harming and Self-neglect, well-being"]);
        let converted =
            pages_to_paragraphs(&pages(&["a self-\nless act in Well-\nington, anti-\nbodies, multi-\nple"]));
        assert_eq!(converted.paragraphs, vec!["a selfless act in Wellington, antibodies, multiple"]);
    }

    #[test]
    fn running_headers_footers_and_page_numbers_go() {
        let converted = pages_to_paragraphs(&pages(&[
            "\nCSE review · Bucks Free Press\n\nHeadline here\n\nFirst para-\ngraph goes on and\n\nPage 1 of 3\n",
            "\nCSE REVIEW · Bucks Free Press\n\non to its end.\n\nSecond paragraph.\n\nPage 2 of 3\n",
            "\nCSE review · Bucks Free Press\n\nThird paragraph.\n\nPage 3 of 3\n",
        ]));
        assert_eq!(
            converted.paragraphs,
            vec![
                "Headline here",
                "First paragraph goes on and on to its end.",
                "Second paragraph.",
                "Third paragraph."
            ]
        );
    }

    #[test]
    fn a_page_break_after_a_sentence_ends_the_paragraph() {
        let converted =
            pages_to_paragraphs(&pages(&["Header\nEnds here.\nfooter 1", "Header\nNew one\nfooter 2", "Header\nx\n3"]));
        assert_eq!(converted.paragraphs, vec!["Ends here.", "New one x 3"]);
    }

    #[test]
    fn a_line_on_one_page_only_is_not_running() {
        let converted = pages_to_paragraphs(&pages(&["Title\n\nBody.", "Other\n\nMore."]));
        assert_eq!(converted.paragraphs, vec!["Title", "Body.", "Other", "More."]);
    }

    /// Ten pages that differ only in their numbers: each line repeats on
    /// every page, but only the ends of a page are headers; the body stays.
    #[test]
    fn pages_that_differ_only_in_numbers_keep_their_body() {
        let texts: Vec<String> =
            (1..=10).map(|n| format!("Annual report\n\nThe council said it acted in case {n}.\n\nPage {n}")).collect();
        let converted = pages_to_paragraphs(&texts);
        let expected: Vec<String> = (1..=10).map(|n| format!("The council said it acted in case {n}.")).collect();
        assert_eq!(converted.paragraphs, expected, "headers and page numbers go, bodies stay");
        let one_line: Vec<String> = (1..=10).map(|n| format!("Only line {n}")).collect();
        assert_eq!(pages_to_paragraphs(&one_line).paragraphs.len(), 1, "a page of one line is all body");
    }

    #[test]
    fn ligatures_unfold() {
        assert_eq!(pages_to_paragraphs(&pages(&["ﬁnd the ﬂaw"])).paragraphs, vec!["find the flaw"]);
    }

    #[test]
    fn a_panic_in_the_reader_is_caught_and_the_hook_restored() {
        assert_eq!(quietly(|| 7), Some(7));
        assert_eq!(quietly(|| -> u8 { panic!("odd PDF") }), None);
        assert!(!QUIET_PANICS.with(Cell::get), "quiet mode ends after the call");
    }

    #[test]
    fn garbage_is_a_warning_not_a_panic() {
        for bytes in [
            &b""[..],
            b"%PDF-1.4\n",
            b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntrailer << /Root 1 0 R >>\n%%EOF",
            b"not a pdf",
        ] {
            let err = pdf_to_paragraphs(bytes).unwrap_err();
            assert!(matches!(err, PdfError::Unreadable(_) | PdfError::ReaderFailed | PdfError::NoTextLayer), "{err:?}");
        }
    }
}

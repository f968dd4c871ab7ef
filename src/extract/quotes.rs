//! Quotation marks: which marks open and close a quote, in straight, curly
//! and British single styles, across paragraphs, with the apostrophe and
//! unbalanced marks kept from swallowing the rest of the document.

use std::borrow::Cow;

use super::Span;
use super::bytes::Next3;
use super::lexicon::{class, tag};

/// The two kinds of outer quotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

/// What one mark does where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A straight mark with spaces (or letters) on both sides.
    Either,
}

/// A quote found in the text: the words between its marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Quote {
    /// The quoted words, one piece per paragraph (or per run-together part),
    /// trimmed, without marks.
    pub pieces: Vec<Span>,
    /// Paragraph and byte offset of the opening mark.
    pub open: (usize, usize),
    /// Paragraph and byte offset just after the closing mark (or the end of
    /// the piece when the quote was never closed).
    pub close: (usize, usize),
    /// Whether a closing mark was found.
    pub closed: bool,
}

impl Quote {
    /// The quoted words, pieces joined by one space; borrowed from its
    /// paragraph when the quote is one piece (most are).
    pub fn text<'p>(&self, paragraphs: &'p [String]) -> Cow<'p, str> {
        if let [one] = self.pieces.as_slice() {
            return Cow::Borrowed(&paragraphs[one.paragraph][one.start..one.end]);
        }
        let length = self.pieces.iter().map(|s| s.end - s.start + 1).sum::<usize>();
        let mut text = String::with_capacity(length.saturating_sub(1));
        for span in &self.pieces {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&paragraphs[span.paragraph][span.start..span.end]);
        }
        Cow::Owned(text)
    }
}

fn classify(c: char, prev: Option<char>, next: Option<char>) -> Option<(Family, Role)> {
    let space_before = prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | '/'));
    let space_after = next
        .is_none_or(|n| n.is_whitespace() || matches!(n, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '—' | '–'));
    let alnum = |o: Option<char>| o.is_some_and(super::tokens::is_alnum);
    match c {
        '„' => Some((Family::Double, Role::Open)),
        // A curly mark turned the wrong way (typed or converted in
        // error) reads by its spacing, as a straight one would: `said
        // ”We` opens when no quote is open, `win“ he` closes one.
        '“' if (alnum(prev) || matches!(prev, Some('.' | ',' | '!' | '?'))) && space_after => {
            Some((Family::Double, Role::Either))
        }
        '“' => Some((Family::Double, Role::Open)),
        '”' if space_before && alnum(next) => Some((Family::Double, Role::Either)),
        '”' => Some((Family::Double, Role::Close)),
        '"' => Some((
            Family::Double,
            match (space_before, space_after) {
                (true, false) => Role::Open,
                (false, true) => Role::Close,
                _ => Role::Either,
            },
        )),
        '‘' => Some((Family::Single, Role::Open)),
        '’' | '\'' => {
            if alnum(prev) && alnum(next) {
                None
            } else if space_before && alnum(next) {
                if c == '’' { None } else { Some((Family::Single, Role::Open)) }
            } else if !space_before && space_after {
                Some((Family::Single, Role::Close))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// An apostrophe that stands for a century's digits (`the '80s`, `in
/// '16,`): two digits then an `s`, a sentence's punctuation or the
/// paragraph's end. Two digits then a word open a quote
/// (`'50 jobs will go,' he said`). `at` is just after the mark.
fn elides_a_year(text: &str, at: usize) -> bool {
    let rest = text.as_bytes().get(at..).unwrap_or_default();
    match rest {
        [a, b, tail @ ..] if a.is_ascii_digit() && b.is_ascii_digit() => match tail {
            [] => true,
            [b's', after @ ..] => !after.first().is_some_and(u8::is_ascii_alphanumeric),
            [c, ..] => matches!(c, b',' | b'.' | b';' | b':' | b')' | b'!' | b'?'),
        },
        _ => false,
    }
}

/// Bytes that may start a quotation mark: the ASCII marks and 0xE2, which
/// leads the UTF-8 of the curly ones (U+2018 to U+201E) and is never a
/// continuation byte, so it always starts a char.
const MARKS: [u8; 3] = *b"\"'\xE2";

/// The sentence ends that may close an open quote.
const ENDS: [u8; 3] = *b".?!";

/// Whether `c` could be a quotation mark at all (a cheap pre-filter).
fn is_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‘' | '’' | '\'')
}

struct Open {
    family: Family,
    /// Opened by a straight double mark.
    straight: bool,
    open: (usize, usize),
    pieces: Vec<Span>,
    piece_start: usize,
}

fn push_piece(pieces: &mut Vec<Span>, paragraph: usize, text: &str, start: usize, end: usize) {
    if start >= end {
        return;
    }
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        pieces.push(Span { paragraph, start: start + lead, end: end - trail });
    }
}

/// The opening mark's family if a paragraph begins with one (a quote that
/// continues from the paragraph before), whether the mark is straight, and
/// where the words start.
fn opens_with(text: &str) -> Option<(Family, bool, usize)> {
    let trimmed = text.trim_start();
    let lead = text.len() - trimmed.len();
    if let Some(rest) = trimmed.strip_prefix("''") {
        return rest.chars().next().is_some_and(|c| !c.is_whitespace()).then_some((Family::Double, true, lead + 2));
    }
    let mut chars = trimmed.chars();
    let c = chars.next()?;
    let next = chars.next();
    match classify(c, None, next) {
        Some((family, Role::Open)) => Some((family, c == '"', lead + c.len_utf8())),
        _ => None,
    }
}

/// For a single closing mark after an `s` followed by a lower-case word
/// (`the Yukos’ lawyers`): whether another closing mark follows soon, which
/// makes this one a plural possessive.
fn looks_possessive(text: &str, at: usize, prev: Option<char>) -> bool {
    if !matches!(prev, Some('s' | 'S')) {
        return false;
    }
    let after = &text[at..];
    let mut rest = after.chars();
    rest.next();
    let follow: String = rest.clone().take(2).collect();
    let mut follow_chars = follow.chars();
    if follow_chars.next() != Some(' ') || !follow_chars.next().is_some_and(char::is_lowercase) {
        return false;
    }
    let window: Vec<char> = rest.take(200).collect();
    for (k, &c) in window.iter().enumerate() {
        if !matches!(c, '’' | '\'') {
            continue;
        }
        let prev_char = k.checked_sub(1).map(|j| window[j]);
        let next_char = window.get(k + 1).copied();
        let also_possessive = matches!(prev_char, Some('s' | 'S'))
            && next_char == Some(' ')
            && window.get(k + 2).is_some_and(|c| c.is_lowercase());
        if !also_possessive && matches!(classify(c, prev_char, next_char), Some((Family::Single, Role::Close))) {
            return true;
        }
    }
    false
}

/// Whether a new sentence starts with a pronoun attribution (`He said`),
/// which quoted words do not normally do.
fn attribution_follows(rest: &str) -> bool {
    let Some(rest) = rest.strip_prefix(' ') else { return false };
    let mut words = rest.splitn(3, ' ');
    let (Some(pronoun), Some(verb)) = (words.next(), words.next()) else { return false };
    let verb = super::lexicon::lookup(verb.trim_end_matches([',', '.', ':']));
    matches!(pronoun, "He" | "She") && verb.is(tag::V_PAST | tag::V_S) && verb.bare_class() & class::SPEECH != 0
}

/// Finds every quote in the document, in order of opening.
#[cfg(test)]
pub(crate) fn scan(paragraphs: &[String]) -> Vec<Quote> {
    let mut quotes = Vec::new();
    scan_into(paragraphs, &mut quotes);
    quotes
}

/// [`scan`] into `quotes` (cleared first), so a thread's next document
/// reuses the room its last one grew.
pub(crate) fn scan_into(paragraphs: &[String], quotes: &mut Vec<Quote>) {
    quotes.clear();
    let mut open: Option<Open> = None;
    let mut resume_at = 0;
    for (p, text) in paragraphs.iter().enumerate() {
        let start_at = std::mem::take(&mut resume_at);
        let bytes = text.as_bytes();
        let mut i = start_at;
        // Only marks matter, and sentence ends while a quote is open; skip
        // everything else without decoding characters.
        let (mut marks, mut ends) = (Next3::new(MARKS), Next3::new(ENDS));
        while let Some(here) = match (marks.find(bytes, i), open.is_some()) {
            (mark, true) => ends.find(bytes, i).map_or(mark, |end| Some(mark.map_or(end, |m| m.min(end)))),
            (mark, false) => mark,
        } {
            let mut c = text[here..].chars().next().expect("a char starts here");
            i = here + c.len_utf8();
            if c == '\'' && bytes.get(i) == Some(&b'\'') {
                // Doubled apostrophes ('') stand for a double quotation mark.
                c = '"';
                i += 1;
            }
            if !is_mark(c) {
                if matches!(c, '.' | '?' | '!') && open.is_some() && attribution_follows(&text[here + 1..]) {
                    // An unclosed quote followed by "He said …": the quote
                    // ended with its sentence.
                    let mut done = open.take().expect("open quote");
                    push_piece(&mut done.pieces, p, text, done.piece_start, here + 1);
                    if !done.pieces.is_empty() {
                        quotes.push(Quote {
                            pieces: done.pieces,
                            open: done.open,
                            close: (p, here + 1),
                            closed: false,
                        });
                    }
                }
                continue;
            }
            // The chars either side (none at the paragraph's edges).
            let prev = text[..here].chars().next_back();
            let after = i;
            let next = text[after..].chars().next();
            if matches!(c, '\'' | '’') && elides_a_year(text, after) {
                continue;
            }
            let role = classify(c, prev, next);
            let Some((family, role)) = role else { continue };
            match open.as_mut() {
                None => {
                    if matches!(role, Role::Open)
                        || (role == Role::Either
                            && family == Family::Double
                            && next.is_some_and(|n| !n.is_whitespace()))
                    {
                        let straight = c == '"';
                        open = Some(Open { family, straight, open: (p, here), pieces: Vec::new(), piece_start: after });
                    }
                }
                Some(current) if current.family == family => match role {
                    Role::Close | Role::Either => {
                        if family == Family::Single && looks_possessive(text, here, prev) {
                            continue;
                        }
                        let mut done = open.take().expect("open quote");
                        push_piece(&mut done.pieces, p, text, done.piece_start, here);
                        if !done.pieces.is_empty() {
                            quotes.push(Quote {
                                pieces: done.pieces,
                                open: done.open,
                                close: (p, after),
                                closed: true,
                            });
                        }
                    }
                    Role::Open if current.straight && c == '“' && !text[after..].contains('"') => {
                        // A straight mark no straight mark closes, before
                        // curly quotes: a stray mark (an excerpt's), not
                        // the quote; the curly one opens the quote.
                        open = Some(Open {
                            family,
                            straight: false,
                            open: (p, here),
                            pieces: Vec::new(),
                            piece_start: after,
                        });
                    }
                    Role::Open => {
                        // Run-together quote: the closing mark is missing
                        // before the next opening one; one statement.
                        push_piece(&mut current.pieces, p, text, current.piece_start, here);
                        current.piece_start = after;
                    }
                },
                Some(_) => {}
            }
        }
        if let Some(current) = open.take() {
            (open, resume_at) = paragraph_end(paragraphs, p, current, quotes);
        }
    }
}

/// A quote still open at the end of paragraph `p`: it goes on when the
/// next paragraph opens with a mark of its family (returned, with where to
/// read on); otherwise it ends here, kept only when it reads like speech.
fn paragraph_end(paragraphs: &[String], p: usize, mut current: Open, quotes: &mut Vec<Quote>) -> (Option<Open>, usize) {
    let text = &paragraphs[p];
    push_piece(&mut current.pieces, p, text, current.piece_start, text.len());
    // A quote goes on in the marks it opened with: a straight double mark
    // left open before a paragraph that opens with a curly one (or the
    // other way round) is an excerpt's mark, not this quote's.
    let continues = paragraphs.get(p + 1).and_then(|next| opens_with(next)).filter(|&(family, straight, _)| {
        family == current.family && (family == Family::Single || straight == current.straight)
    });
    if let Some((_, _, content_start)) = continues {
        current.piece_start = content_start;
        return (Some(current), content_start);
    }
    // Unbalanced: the quote ends with its paragraph, unless a stray mark.
    let words: usize =
        current.pieces.iter().map(|s| paragraphs[s.paragraph][s.start..s.end].split_whitespace().count()).sum();
    if words >= 4 && current.family == Family::Double {
        let end = current.pieces.last().map_or(current.open, |s| (s.paragraph, s.end));
        quotes.push(Quote { pieces: current.pieces, open: current.open, close: end, closed: false });
    }
    (None, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(paragraphs: &[&str]) -> Vec<String> {
        let owned: Vec<String> = paragraphs.iter().map(|s| s.to_string()).collect();
        scan(&owned).iter().map(|q| q.text(&owned).into_owned()).collect()
    }

    #[test]
    fn straight_and_curly_marks() {
        assert_eq!(texts(&["He said: \"Go now.\" Then “stay”."]), vec!["Go now.", "stay"]);
    }

    #[test]
    fn british_single_marks_and_apostrophes() {
        assert_eq!(
            texts(&["She said ‘it’s the Smiths’ garden, not mine’ and left. The boys’ team won."]),
            vec!["it’s the Smiths’ garden, not mine"]
        );
    }

    #[test]
    fn nested_quotes_stay_inside() {
        assert_eq!(
            texts(&["“He told me ‘never’, so I stopped,” she said."]),
            vec!["He told me ‘never’, so I stopped,"]
        );
    }

    #[test]
    fn quote_over_paragraphs_is_one() {
        assert_eq!(
            texts(&["A spokesman said: “First part.", "“Second part.", "“Last part.”"]),
            vec!["First part. Second part. Last part."]
        );
    }

    #[test]
    fn run_together_quotes_join() {
        assert_eq!(texts(&["He said: \"We lost. \"We go on.\" Then left."]), vec!["We lost. We go on."]);
    }

    #[test]
    fn unclosed_quote_ends_before_he_said() {
        assert_eq!(
            texts(&["\"It was wrong. He said that it went on. \"And on,\" he said."]),
            vec!["It was wrong.", "And on,"]
        );
    }

    #[test]
    fn doubled_apostrophes_are_double_marks() {
        assert_eq!(
            texts(&["He said there had been ''a failure'' at the force.", "''It has to change.", "''We will act.''"]),
            vec!["a failure", "It has to change. We will act."]
        );
    }

    #[test]
    fn straight_single_marks_as_the_outer_marks() {
        assert_eq!(
            texts(&["UK 'needs true data', she said. 'It's the families' turn,' he added."]),
            vec!["needs true data", "It's the families' turn,"]
        );
    }

    #[test]
    fn a_straight_mark_left_open_before_curly_quotes_is_stray() {
        assert_eq!(
            texts(&["\"The hall was full. She called it a “triumph,” and left.", "Later she said “fine”."]),
            vec!["triumph,", "fine"]
        );
        assert_eq!(texts(&["He said: \"We lost. \"We go on.\" Then left."]), vec!["We lost. We go on."]);
    }

    #[test]
    fn an_apostrophe_for_a_centurys_digits_opens_nothing() {
        assert_eq!(
            texts(&["In the early '80s, she said, the firm had 'no women at all' on staff. By '96, it had ten."]),
            vec!["no women at all"]
        );
        assert_eq!(texts(&["Back in ’08 he said ‘never again’."]), vec!["never again"]);
        assert_eq!(texts(&["'50 jobs will go,' he said."]), vec!["50 jobs will go,"]);
    }

    #[test]
    fn curly_marks_turned_the_wrong_way_read_by_their_spacing() {
        assert_eq!(texts(&["He said ”We will win“ and left. Then “fine”."]), vec!["We will win", "fine"]);
        assert_eq!(texts(&["He said:“ We will win.”"]), vec!["We will win."]);
    }

    #[test]
    fn a_quote_goes_on_only_in_the_marks_it_opened_with() {
        assert_eq!(
            texts(&["\"The crowd was quiet. Then it cheered.", "“We are back,” she said, and smiled.\""]),
            vec!["The crowd was quiet. Then it cheered.", "We are back,"]
        );
        assert_eq!(
            texts(&["“First part.", "“Second part.”", "\"Straight first.", "\"Straight second.\""]),
            vec!["First part. Second part.", "Straight first. Straight second."]
        );
    }

    #[test]
    fn quotes_that_start_lowercase_or_with_an_ellipsis_or_break_at_a_dash() {
        assert_eq!(
            texts(&["\"...and that is why,\" he said. \"this is only the start.\" Then: \"We will —\" he stopped."]),
            vec!["...and that is why,", "this is only the start.", "We will —"]
        );
        assert_eq!(texts(&["She said “…not now” and left."]), vec!["…not now"]);
    }

    #[test]
    fn a_quote_split_by_its_cue_is_two() {
        assert_eq!(texts(&["“We will,” she said, “win this.”"]), vec!["We will,", "win this."]);
    }

    #[test]
    fn closed_then_reopened_is_two() {
        assert_eq!(texts(&["\"We lost,\" he said. \"We go on.\""]), vec!["We lost,", "We go on."]);
    }

    #[test]
    fn unbalanced_mark_stops_at_its_paragraph() {
        assert_eq!(
            texts(&["He said: \"this never closes at all", "Later she said \"fine\"."]),
            vec!["this never closes at all", "fine"]
        );
        assert_eq!(texts(&["a ” stray", "“ok”"]), vec!["ok"]);
    }
}

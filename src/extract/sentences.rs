//! Sentence boundaries inside one paragraph, as byte ranges, so reported
//! statements can be cut out verbatim.

use super::lexicon::{class, lookup, tag};

/// Whether a word (in any ASCII case) ends with a full stop without
/// ending a sentence: an abbreviation or a title ("Mr.", "e.g.").
fn abbreviation(word: &str) -> bool {
    lookup(word).is(tag::ABBREVIATION)
}

/// Characters that may follow a sentence's final punctuation before the gap
/// (closing quotes and brackets).
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']')
}

/// Characters that may start a new sentence after a gap.
fn starts_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '£' | '$' | '€')
}

/// Splits a paragraph into sentences: byte ranges, trimmed of outer spaces,
/// covering every non-blank part of the paragraph. Linear in its length.
#[cfg(test)]
pub(crate) fn split(paragraph: &str) -> Vec<(usize, usize)> {
    let mut sentences = Vec::new();
    split_into(paragraph, &mut sentences);
    sentences
}

/// [`split`] into a reused buffer (cleared first), to spare an allocation
/// per paragraph.
pub(crate) fn split_into(paragraph: &str, sentences: &mut Vec<(usize, usize)>) {
    sentences.clear();
    let bytes = paragraph.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while let Some(at) = next_terminator(bytes, i) {
        i = at;
        let b = bytes[i];
        if b == b'.' && is_abbreviation(&paragraph[..i]) {
            i += 1;
            continue;
        }
        // Skip repeated terminators and closing marks.
        let mut end = i + 1;
        let rest = &paragraph[end..];
        let mut chars = rest.char_indices().peekable();
        let mut closers_end = 0;
        while let Some(&(offset, c)) = chars.peek() {
            if matches!(c, '.' | '!' | '?') || is_closer(c) {
                closers_end = offset + c.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        end += closers_end;
        let after = &paragraph[end..];
        let gap = after.len() - after.trim_start().len();
        if gap == 0 {
            i = end.max(i + 1);
            continue;
        }
        match after[gap..].chars().next() {
            Some(next)
                if starts_sentence(next)
                    && !(b != b'.' && quote_closed(&paragraph[..end]) && cue_follows(&after[gap..])) =>
            {
                push_trimmed(paragraph, start, end, sentences);
                start = end + gap;
                i = start;
            }
            Some(_) => i = end + gap,
            None => break,
        }
    }
    push_trimmed(paragraph, start, paragraph.len(), sentences);
}

/// Whether the text up to a sentence's end closes with a quotation mark.
fn quote_closed(before: &str) -> bool {
    before.ends_with(['"', '”', '’', '\''])
}

/// Whether a name and a speech verb begin the text (`Jo Lee said,`, `He
/// asked.`): after a question or exclamation closing a quote, that is the
/// quote's own attribution, not a new sentence (`“Why not?” Jo Lee said,
/// smiling.`), and splitting there would leave the quote without its cue.
fn cue_follows(rest: &str) -> bool {
    let mut words = rest.split_whitespace().take(5);
    if !words.next().and_then(|w| w.chars().next()).is_some_and(char::is_uppercase) {
        return false;
    }
    for word in words {
        let bare = word.trim_end_matches([',', '.', ';', ':']);
        let entry = lookup(bare);
        if entry.is(tag::V_PAST | tag::V_S) && entry.bare_class() & class::SPEECH != 0 {
            return true;
        }
        if bare.len() != word.len() && !abbreviation(word) {
            return false;
        }
    }
    false
}

/// The first `.`, `!` or `?` at or after `from`; most of a paragraph is
/// skipped here, many bytes at a time.
fn next_terminator(bytes: &[u8], from: usize) -> Option<usize> {
    memchr::memchr3(b'.', b'!', b'?', bytes.get(from..)?).map(|at| from + at)
}

/// The longest stretch read as one sentence, in bytes. Prose sentences are
/// far shorter; a longer run without a full stop (a pasted list, `yes |
/// voices -`) is read in pieces of this size, cut at a space, so the words
/// of one "sentence" held at once stay bounded whatever the input.
pub(crate) const MAX_SENTENCE_BYTES: usize = 8 * 1024;

fn push_trimmed(paragraph: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &paragraph[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail >= piece.len() {
        return;
    }
    let (mut from, end) = (start + lead, end - trail);
    while end - from > MAX_SENTENCE_BYTES {
        let mut cut = from + MAX_SENTENCE_BYTES;
        while !paragraph.is_char_boundary(cut) {
            cut -= 1;
        }
        // `from` starts a word (it is trimmed), so a space found is past it.
        let cut = paragraph[from..cut].rfind(' ').map_or(cut, |space| from + space);
        out.push((from, cut));
        from = cut + paragraph[cut..].len() - paragraph[cut..].trim_start().len();
    }
    if from < end {
        out.push((from, end));
    }
}

/// Whether the word just before a full stop is an abbreviation or an initial.
/// An ASCII fast path; other words take [`is_abbreviation_unicode`].
fn is_abbreviation(before: &str) -> bool {
    let bytes = before.as_bytes();
    let mut start = bytes.len();
    while start > 0 && bytes.len() - start < 8 && (bytes[start - 1].is_ascii_alphabetic() || bytes[start - 1] == b'.') {
        start -= 1;
    }
    if start > 0 && bytes.len() - start < 8 && !bytes[start - 1].is_ascii() {
        // A non-ASCII char may be a letter of the word.
        return is_abbreviation_unicode(before);
    }
    // ASCII letters and full stops from `start`, so a char starts there;
    // the look-up ignores ASCII case.
    let word = &before[start..];
    match word.as_bytes() {
        [] => false,
        [only] if only.is_ascii_uppercase() => true,
        _ => super::tokens::is_initials(word) || abbreviation(word),
    }
}

/// [`is_abbreviation`] for words that may hold non-ASCII letters.
fn is_abbreviation_unicode(before: &str) -> bool {
    let word_start = before
        .char_indices()
        .rev()
        .take(8)
        .take_while(|&(_, c)| c.is_alphabetic() || c == '.')
        .last()
        .map_or(before.len(), |(i, _)| i);
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    let first = chars.next().unwrap_or(' ');
    if first.is_uppercase() && chars.next().is_none() {
        return true;
    }
    let lower = word.to_lowercase();
    abbreviation(&lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn splits_on_terminators_before_capitals() {
        assert_eq!(pieces("One thing. Two things! Three?"), vec!["One thing.", "Two things!", "Three?"]);
    }

    #[test]
    fn keeps_titles_and_initials_together() {
        assert_eq!(pieces("Mr. Smith met J. Bloggs. They talked."), vec!["Mr. Smith met J. Bloggs.", "They talked."]);
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(pieces("She said “no.” Then she left."), vec!["She said “no.”", "Then she left."]);
    }

    #[test]
    fn a_question_closing_a_quote_keeps_its_attribution() {
        let text = "“Who saw that coming?” Ann Cole said, laughing. Then she left. “Why?” The clerk left.";
        assert_eq!(
            pieces(text),
            ["“Who saw that coming?” Ann Cole said, laughing.", "Then she left.", "“Why?”", "The clerk left."]
        );
    }

    #[test]
    fn lower_case_after_a_stop_does_not_split() {
        assert_eq!(pieces("It cost 3.5 million. and more"), vec!["It cost 3.5 million. and more"]);
    }

    #[test]
    fn ascii_fast_path_agrees_with_the_general_one() {
        for before in [
            "",
            "Mr",
            "mr",
            "MRS",
            "said Dr",
            "J",
            "j",
            "a",
            "U.K",
            "u.\u{212a}",
            "e.g",
            "etc",
            "Prof",
            "professor",
            "3",
            "Inc",
            "ltd",
            "Smith",
            "and St",
            "abcdefghij",
            "x.co",
            "é",
            "Jé",
            "éJ",
            "Ltd.",
            "..",
            "...",
        ] {
            assert_eq!(is_abbreviation(before), is_abbreviation_unicode(before), "{before:?}");
        }
    }

    #[test]
    fn a_run_without_full_stops_is_read_in_bounded_pieces() {
        let text = "y ".repeat(3 * MAX_SENTENCE_BYTES);
        let found = split(&text);
        assert!(found.len() >= 6, "{}", found.len());
        assert!(
            found.iter().all(|&(a, b)| b - a <= MAX_SENTENCE_BYTES && &text[a..a + 1] == "y" && &text[b - 1..b] == "y")
        );
        let words: usize = found.iter().map(|&(a, b)| text[a..b].split(' ').count()).sum();
        assert_eq!(words, 3 * MAX_SENTENCE_BYTES, "every word is in one piece");
        let unbroken = "é".repeat(MAX_SENTENCE_BYTES);
        assert!(split(&unbroken).iter().all(|&(a, b)| unbroken.is_char_boundary(a) && unbroken.is_char_boundary(b)));
    }

    #[test]
    fn blank_and_odd_input_is_safe() {
        assert!(split("").is_empty());
        assert!(split("   ").is_empty());
        assert_eq!(pieces("é. É"), vec!["é.", "É"]);
    }
}

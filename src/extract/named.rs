//! Quotes that name or mention words rather than give anyone's: titles of
//! books, shows and laws, nicknames set inside a name, and words quoted to
//! be talked about. Attribution skips them.

use super::quotes::Quote;

/// Words a quoted title is allowed besides capitalised ones.
fn is_title_connector(word: &str) -> bool {
    super::lexicon::lookup(word).is_function_word()
}

/// A quote that names something (a book, a programme, a campaign) rather
/// than giving someone's words. American style sets a sentence's comma or
/// full stop inside the marks (`"The Steve Harvey Morning Show,"`), so in
/// a fragment one trailing comma or full stop does not make a title a
/// sentence; a whole utterance with one (`said: "Saved as UTF-16."`) is.
///
/// The words are counted on the stack, no further than a seventh.
pub(crate) fn is_title(text: &str, fragment: bool) -> bool {
    if text.ends_with(['!', '?']) {
        return false;
    }
    let text = if fragment { text.strip_suffix([',', '.']).unwrap_or(text) } else { text };
    if text.ends_with(['.', ',']) || text.contains(". ") {
        return false;
    }
    let Some(words) = two_to_six_words(text) else { return false };
    let words = words.as_slice();
    words.iter().any(|w| w.chars().next().is_some_and(char::is_uppercase) && !is_title_connector(w))
        && words.iter().all(|w| !w.chars().next().is_some_and(char::is_lowercase) || is_title_connector(w))
}

/// The words of `text` when it has two to six of them (a title's length).
fn two_to_six_words(text: &str) -> Option<Words<'_>> {
    let mut words = Words { words: [""; 6], len: 0 };
    for word in text.split_whitespace() {
        if words.len == words.words.len() {
            return None;
        }
        words.words[words.len] = word;
        words.len += 1;
    }
    (words.len >= 2).then_some(words)
}

/// Up to six words, held without allocating.
struct Words<'t> {
    words: [&'t str; 6],
    len: usize,
}

impl<'t> Words<'t> {
    fn as_slice(&self) -> &[&'t str] {
        &self.words[..self.len]
    }
}

/// A fragment that carries no one's words: no letters at all (a post's
/// number, a figure) or function words alone (`a "she" is a "he"`), quoted
/// to be talked about rather than to report what was said.
pub(crate) fn says_nothing(text: &str) -> bool {
    if !text.chars().any(char::is_alphabetic) {
        return true;
    }
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .all(|w| w.is_empty() || super::lexicon::lookup(w).is_function_word())
}

/// A nickname set inside a name (`Marcia "Cia" Price`, `Dwayne “The
/// Rock” Johnson`): one to three capitalised words between a capitalised
/// word and another, with nothing but a space either side.
pub(crate) fn is_nickname(paragraphs: &[String], quote: &Quote) -> bool {
    let [piece] = quote.pieces.as_slice() else { return false };
    // Both marks in the paragraph of its words: a quote whose first
    // paragraph held nothing but its mark is one piece too.
    if quote.open.0 != piece.paragraph || quote.close.0 != piece.paragraph {
        return false;
    }
    let text = &paragraphs[piece.paragraph];
    // The marks' surroundings first: they rule out almost every quote
    // without reading its words (every quote of a document comes here).
    let Some(before) = text[..quote.open.1].strip_suffix(' ') else { return false };
    let Some(after) = text[quote.close.1..].strip_prefix(' ') else { return false };
    let word_before = before.rsplit(' ').next().unwrap_or_default();
    if !(starts_upper(word_before) && word_before.chars().all(is_name_char) && starts_upper(after)) {
        return false;
    }
    let mut words = text[piece.start..piece.end].split_whitespace();
    let first_three: Vec<&str> = words.by_ref().take(3).collect();
    !first_three.is_empty()
        && words.next().is_none()
        && first_three.iter().all(|w| starts_upper(w) && w.chars().all(is_name_char))
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_name_char(c: char) -> bool {
    c.is_alphabetic() || matches!(c, '-' | '.' | '\'' | '’')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_with_a_comma_inside_the_marks() {
        assert!(is_title("The Steve Harvey Morning Show,", true));
        assert!(is_title("A Question of Sport.", true));
        assert!(!is_title("Saved as UTF-16.", false));
        assert!(is_title("Fair Streets Act", false));
        assert!(!is_title("We Will Win!", true));
        assert!(!is_title("a disaster for working families,", true));
        assert!(!is_title("Go.", true));
        assert!(!is_title("I would,", true));
        assert!(!is_title("The Donald. Big Daddy.", true));
    }

    #[test]
    fn titles_have_two_to_six_words() {
        for (text, count) in [("", 0), ("One", 1), (" Two  Words ", 2), ("A B C D E F", 6), ("A B C D E F G", 7)] {
            let found = two_to_six_words(text).map(|w| w.as_slice().to_vec());
            let expected: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(found, (2..=6).contains(&count).then_some(expected), "{text:?}");
        }
        assert!(is_title("The Six Words Of A Title", false));
        assert!(!is_title("The Seven Words Of A Long Title", false));
    }

    #[test]
    fn words_quoted_to_be_talked_about() {
        assert!(says_nothing("783491630540001280"));
        assert!(says_nothing("he."));
        assert!(says_nothing("she"));
        assert!(!says_nothing("con artist"));
        assert!(!says_nothing("3,210 shooting victims"));
    }

    fn nickname(text: &str) -> bool {
        let paragraphs = vec![text.to_string()];
        let quotes = super::super::quotes::scan(&paragraphs);
        is_nickname(&paragraphs, &quotes[0])
    }

    #[test]
    fn nicknames_inside_names() {
        assert!(nickname("State Del. Marcia \"Cia\" Price spoke first."));
        assert!(nickname("Dwayne “The Rock” Johnson waved."));
        assert!(!nickname("He called Reed \"Lyin' Tom\" at the rally."));
        assert!(!nickname("Reed said \"No\" and left."));
    }

    #[test]
    fn a_quote_opened_at_the_end_of_a_longer_paragraph_is_no_nickname() {
        // Its first paragraph holds only the opening mark, so its one piece
        // and its closing mark are in the next, shorter paragraph.
        let long = "A long opening paragraph ".repeat(4);
        let paragraphs = vec![format!("{long} \u{201c}"), "\u{201c}Cia\u{201d} Price".into()];
        let quotes = super::super::quotes::scan(&paragraphs);
        assert!(quotes.iter().any(|q| q.open.0 == 0 && q.pieces.len() == 1 && q.pieces[0].paragraph == 1));
        for quote in quotes {
            assert!(!is_nickname(&paragraphs, &quote));
        }
    }
}

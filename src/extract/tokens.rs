//! Stage 1, tokens: a sentence's words and punctuation as byte ranges of
//! its paragraph, each with its shape (capitalised, an acronym, quoted,
//! possessive) and its lexicon entry, looked up once.

use super::lexicon::{self, Word, tag};

/// Shape bits of a [`Token`].
pub(crate) mod shape {
    /// Letters or digits (not punctuation).
    pub const WORD: u8 = 1;
    /// Begins with an upper-case letter.
    pub const CAPITAL: u8 = 2;
    /// Two or more letters, all upper case ("BSCB", "NSPCC").
    pub const ACRONYM: u8 = 4;
    /// Inside quotation marks (or a mark itself).
    pub const QUOTED: u8 = 8;
    /// Ends in `'s` or `’s` ("Barnardo's"): the lexicon saw the stem.
    pub const POSSESSIVE: u8 = 16;
    /// Begins with a digit.
    pub const DIGIT: u8 = 32;
    /// Ends like a verb form ("-ed", "-ing"): what an unknown word likely is.
    pub const VERB_ENDING: u8 = 64;
    /// An "and" between two people's names ("Tom Reed and Paul Hart"):
    /// it lists them, it does not join one name ("Marks and Spencer").
    pub const LISTS_PEOPLE: u8 = 128;
}

/// A word or punctuation mark of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub shape: u8,
    pub word: Word,
}

impl Token {
    #[inline]
    pub fn has(&self, bits: u8) -> bool {
        self.shape & bits != 0
    }

    #[inline]
    pub fn is_word(&self) -> bool {
        self.has(shape::WORD)
    }

    /// A word that starts with a capital or is an acronym.
    #[inline]
    pub fn is_capitalised(&self) -> bool {
        self.has(shape::CAPITAL)
    }

    #[inline]
    pub fn is(&self, tags: u64) -> bool {
        self.word.is(tags)
    }

    /// A form of a reporting or light verb.
    #[inline]
    pub fn is_verb_form(&self) -> bool {
        self.word.is_verb_form()
    }

    /// A word that may open a phrase without being part of a name in it:
    /// "The", "But", "However", "His" (a function word or an adverb).
    pub fn is_opener(&self) -> bool {
        let closed = tag::DET | tag::CCONJ | tag::SCONJ | tag::ADP | tag::PRON | tag::AUX | tag::PART;
        self.is(closed) && !self.is(tag::NOUN | tag::PROPN)
            || self.is(tag::ADV | tag::INTJ)
                && !self.is(tag::NOUN | tag::PROPN | tag::ADJ | tag::FIRST_NAME | tag::HONORIFIC)
    }

    /// A first name that is not also a function word ("An", "Will").
    pub fn is_first_name(&self) -> bool {
        self.is(tag::FIRST_NAME) && !self.is_opener()
    }

    /// A function word only (see [`Word::is_function_word`]).
    #[inline]
    pub fn is_function_word(&self) -> bool {
        self.word.is_function_word()
    }

    /// The token's text.
    #[inline]
    pub fn text<'t>(&self, paragraph: &'t str) -> &'t str {
        &paragraph[self.start..self.end]
    }

    /// The text without a possessive `'s` (or an abbreviation's full stop).
    pub fn stem<'t>(&self, paragraph: &'t str) -> &'t str {
        let text = self.text(paragraph);
        if self.has(shape::POSSESSIVE) { strip_possessive(text) } else { text.strip_suffix('.').unwrap_or(text) }
    }

    /// Whether the token is this punctuation mark or word (ASCII case
    /// ignored, an abbreviation's full stop too).
    #[inline]
    pub fn eq(&self, paragraph: &str, text: &str) -> bool {
        let own = self.text(paragraph);
        own.eq_ignore_ascii_case(text)
            || own.len() > 1 && own.strip_suffix('.').is_some_and(|o| o.eq_ignore_ascii_case(text))
    }
}

/// `text` without a final `'s`, `’s` or plural `s'`.
pub(crate) fn strip_possessive(text: &str) -> &str {
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(stem) = text.strip_suffix(suffix) {
            return stem;
        }
    }
    text
}

/// The char at byte `at` and its length, with a fast path for ASCII.
#[inline]
fn char_at(text: &str, at: usize) -> (char, usize) {
    let b = text.as_bytes()[at];
    if b < 128 {
        (b as char, 1)
    } else {
        let c = text[at..].chars().next().unwrap_or(' ');
        (c, c.len_utf8())
    }
}

/// Letter or digit, with fast paths for ASCII and for the General
/// Punctuation block (curly quotes, dashes), which holds neither.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{2000}'..='\u{206F}').contains(&c) {
        false
    } else {
        c.is_alphanumeric()
    }
}

/// ASCII letters and digits by byte value.
static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Splits `text[start..end]` into `tokens` (cleared first), marking those
/// inside the sorted, disjoint byte ranges of `quoted`. Linear in the
/// sentence's length.
pub(crate) fn tokenize(text: &str, start: usize, end: usize, quoted: &[(usize, usize)], tokens: &mut Vec<Token>) {
    tokens.clear();
    let bytes = text.as_bytes();
    let mut range = quoted.partition_point(|&(_, range_end)| range_end <= start);
    let mut i = start;
    while i < end {
        let b = bytes[i];
        if matches!(b, b' ' | b'\t'..=b'\r') {
            i += 1;
            continue;
        }
        let (first, len) = char_at(text, i);
        if first.is_whitespace() {
            i += len;
            continue;
        }
        let word = is_alnum(first);
        let mut j = i + len;
        if word {
            j = word_end(text, j, end);
        }
        while range < quoted.len() && quoted[range].1 <= i {
            range += 1;
        }
        let mut shape = 0;
        if range < quoted.len() && quoted[range].0 <= i {
            shape |= shape::QUOTED;
        }
        let mut entry = Word::default();
        if word {
            shape |= word_shape(&text[i..j], first);
            let stem = if shape & shape::POSSESSIVE != 0 { strip_possessive(&text[i..j]) } else { &text[i..j] };
            entry = lexicon::lookup(stem);
            // "Mr.", "Sen.", "Rep.", "G.K.": an abbreviation or initials
            // keep their full stop.
            if j < end && bytes[j] == b'.' && (entry.is(tag::ABBREVIATION) || is_initials(&text[i..j])) {
                j += 1;
            }
        }
        tokens.push(Token { start: i, end: j, shape, word: entry });
        i = j;
    }
    mark_people_lists(tokens);
    mark_surnames(tokens);
}

/// A capitalised auxiliary right after a first name or a title is a
/// surname ("Theresa May", "Mrs May"), not the verb "may".
fn mark_surnames(tokens: &mut [Token]) {
    for k in 1..tokens.len() {
        let before = &tokens[k - 1];
        let named = before.is_capitalised() && (before.is(tag::HONORIFIC) || before.is_first_name());
        let t = &tokens[k];
        if named && t.is_capitalised() && t.is_word() && t.is(tag::AUX) && !t.is(tag::NOUN | tag::PROPN) {
            tokens[k].word = Word::surname();
        }
    }
}

/// Marks each "and" that a person's full name follows ("… and Paul
/// Hart"): a first name and a surname after it start a second name.
fn mark_people_lists(tokens: &mut [Token]) {
    for k in 1..tokens.len().saturating_sub(2) {
        let (and, first, last) = (&tokens[k], &tokens[k + 1], &tokens[k + 2]);
        let lists = and.is(tag::NAME_JOINER)
            && and.is(tag::CCONJ)
            && !and.is_capitalised()
            && tokens[k - 1].is_capitalised()
            && first.is_first_name()
            && !first.is(tag::NAME_AMBIGUOUS)
            && last.is_capitalised()
            && last.is_word();
        if lists {
            tokens[k].shape |= shape::LISTS_PEOPLE;
        }
    }
}

/// Where a word that started before `from` ends: letters and digits, with
/// an apostrophe, hyphen, full stop or ampersand inside ("it's",
/// "self-harming", "U.S", "A&E").
fn word_end(text: &str, mut j: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    while j < end {
        j += bytes[j..end].iter().position(|&b| !ASCII_ALNUM[usize::from(b)]).unwrap_or(end - j);
        if j >= end || bytes[j] == b' ' {
            break;
        }
        let (d, dlen) = char_at(text, j);
        let joins = matches!(d, '\'' | '’' | '-' | '.' | '&') && j + dlen < end && is_alnum(char_at(text, j + dlen).0);
        if is_alnum(d) || joins {
            j += dlen;
        } else {
            break;
        }
    }
    j
}

/// Whether token `k` is its sentence's first word (a bullet or an opening
/// mark may come before it).
pub(crate) fn is_sentence_initial(tokens: &[Token], k: usize) -> bool {
    tokens[..k].iter().all(|t| !t.is_word())
}

/// An ordinary English word, capitalised only because it starts a
/// sentence ("Police", "Early", "Damning"): the lexicon knows it as one, or
/// it has the ending of one.
pub(crate) fn is_ordinary(token: &Token, paragraph: &str) -> bool {
    if token.is(tag::PROPN | tag::FIRST_NAME | tag::HONORIFIC) || token.has(shape::ACRONYM) {
        return false;
    }
    let text = token.text(paragraph);
    !token.word.is_unknown() || ["ing", "ed", "ly"].iter().any(|end| text.len() > end.len() + 2 && text.ends_with(end))
}

/// A word with its ASCII letters lower-cased, held on the stack when it is
/// short (as every word compared with a list is), for `matches!` against
/// lower-case words without allocating; [`Lower::as_str`] is exactly
/// `word.to_ascii_lowercase()`.
pub(crate) enum Lower {
    Short([u8; 16], usize),
    Long(String),
}

/// [`Lower`] of `word`.
pub(crate) fn lower(word: &str) -> Lower {
    let n = word.len();
    if n > 16 {
        return Lower::Long(word.to_ascii_lowercase());
    }
    let mut bytes = [0u8; 16];
    bytes[..n].copy_from_slice(word.as_bytes());
    bytes[..n].make_ascii_lowercase();
    Lower::Short(bytes, n)
}

impl Lower {
    /// The lower-cased word (ASCII lower-casing keeps UTF-8 valid).
    pub fn as_str(&self) -> &str {
        match self {
            Lower::Short(bytes, n) => std::str::from_utf8(&bytes[..*n]).unwrap_or_default(),
            Lower::Long(word) => word,
        }
    }
}

/// Capital letters alone or separated by full stops ("C", "G.K").
pub(crate) fn is_initials(word: &str) -> bool {
    let bytes = word.as_bytes();
    !bytes.is_empty()
        && bytes.iter().enumerate().all(|(k, &b)| if k % 2 == 0 { b.is_ascii_uppercase() } else { b == b'.' })
        && bytes.len() % 2 == 1
}

fn word_shape(word: &str, first: char) -> u8 {
    let mut shape = shape::WORD;
    let bytes = word.as_bytes();
    if first.is_uppercase() {
        shape |= shape::CAPITAL;
        let acronym = if word.is_ascii() {
            // The lower-case test first: it stops at the second letter of a name.
            !bytes.iter().any(u8::is_ascii_lowercase) && bytes.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2
        } else {
            word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
        };
        if acronym {
            shape |= shape::ACRONYM;
        }
    } else if first.is_ascii_digit() {
        shape |= shape::DIGIT;
    }
    let possessive = match bytes {
        [.., b'\'', b's' | b'S'] => bytes.len() > 2,
        [.., 0xE2, 0x80, 0x99, b's' | b'S'] => bytes.len() > 4,
        _ => false,
    };
    if possessive {
        shape |= shape::POSSESSIVE;
    }
    if bytes.len() > 4 && (bytes.ends_with(b"ed") || bytes.ends_with(b"ing")) {
        shape |= shape::VERB_ENDING;
    }
    shape
}

/// Whether a token is a function word that joins a name's parts
/// ("Bank of England", "Department for Education", "Marks and Spencer").
pub(crate) fn is_name_joiner(paragraph: &str, token: &Token) -> bool {
    if token.is_word() {
        token.is(tag::NAME_JOINER) && !token.is_capitalised() && !token.has(shape::LISTS_PEOPLE)
    } else {
        token.text(paragraph) == "&"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, u8)> {
        let mut tokens = Vec::new();
        tokenize(text, 0, text.len(), &[], &mut tokens);
        tokens.iter().map(|t| (t.text(text).to_string(), t.shape)).collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_hyphens_and_ampersands() {
        let found: Vec<String> = words("It's self-harming at A&E, Barnardo’s said.").into_iter().map(|w| w.0).collect();
        assert_eq!(found, ["It's", "self-harming", "at", "A&E", ",", "Barnardo’s", "said", "."]);
        let found: Vec<String> = words("said Rep. Jo Lee, Mr. Cole.").into_iter().map(|w| w.0).collect();
        assert_eq!(found, ["said", "Rep.", "Jo", "Lee", ",", "Mr.", "Cole", "."]);
        let found: Vec<String> = words("Rep. G.K. Butterfield and Robert C. Scott").into_iter().map(|w| w.0).collect();
        assert_eq!(found, ["Rep.", "G.K.", "Butterfield", "and", "Robert", "C.", "Scott"]);
    }

    #[test]
    fn shapes_mark_capitals_acronyms_and_possessives() {
        let found = words("NSPCC Barnardo's said 14");
        assert_ne!(found[0].1 & shape::ACRONYM, 0);
        assert_ne!(found[1].1 & shape::POSSESSIVE, 0);
        assert_eq!(found[2].1 & shape::CAPITAL, 0);
        assert_ne!(found[3].1 & shape::DIGIT, 0);
    }

    #[test]
    fn quoted_ranges_mark_their_tokens() {
        let text = "He said “not heard” today";
        let open = text.find('“').unwrap();
        let close = text.find('”').unwrap() + '”'.len_utf8();
        let mut tokens = Vec::new();
        tokenize(text, 0, text.len(), &[(open, close)], &mut tokens);
        let quoted: Vec<&str> = tokens.iter().filter(|t| t.has(shape::QUOTED)).map(|t| t.text(text)).collect();
        assert_eq!(quoted, ["“", "not", "heard", "”"]);
    }

    #[test]
    fn lower_is_ascii_lowercase_without_allocating_short_words() {
        for word in ["", "The", "MR", "Barnardo’s", "ÉCOLE Said", "Mrs.", "abcdefghijklmnoP", "ABCDEFGHIJKLMNOPQ"] {
            assert_eq!(lower(word).as_str(), word.to_ascii_lowercase(), "{word:?}");
        }
        assert!(matches!(lower("Sixteen Letters!"), Lower::Short(..)));
        assert!(matches!(lower("Seventeen letters"), Lower::Long(_)));
    }

    #[test]
    fn the_lexicon_sees_the_stem_of_a_possessive() {
        let text = "Council's";
        let mut tokens = Vec::new();
        tokenize(text, 0, text.len(), &[], &mut tokens);
        assert!(tokens[0].is(tag::GROUP_NOUN));
    }
}

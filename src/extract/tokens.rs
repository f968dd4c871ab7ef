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

/// Byte classes for the tokeniser's ASCII paths ([`CLASS`]).
mod class {
    /// `' '` and `\t` to `\r`: the ASCII whitespace.
    pub const SPACE: u8 = 1;
    /// An ASCII letter or digit.
    pub const ALNUM: u8 = 2;
    pub const UPPER: u8 = 4;
    pub const LOWER: u8 = 8;
    pub const DIGIT: u8 = 16;
    /// May end a run of letters without ending the word: a joining mark
    /// (`'`, `-`, `.`, `&`) or the first byte of a non-ASCII char.
    pub const GO_ON: u8 = 32;
}

/// Each byte's [`class`] bits.
static CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if matches!(byte, b' ' | b'\t'..=b'\r') {
            class::SPACE
        } else if byte.is_ascii_uppercase() {
            class::ALNUM | class::UPPER
        } else if byte.is_ascii_lowercase() {
            class::ALNUM | class::LOWER
        } else if byte.is_ascii_digit() {
            class::ALNUM | class::DIGIT
        } else if matches!(byte, b'\'' | b'-' | b'.' | b'&') || byte >= 0x80 {
            class::GO_ON
        } else {
            0
        };
        b += 1;
    }
    table
};

/// Which tokens fall inside the sorted, disjoint byte ranges of quotes,
/// answered for increasing offsets; the ranges are searched again only
/// where the answer may change.
struct Quoted<'q> {
    ranges: &'q [(usize, usize)],
    next: usize,
    inside: bool,
    until: usize,
}

impl<'q> Quoted<'q> {
    fn new(ranges: &'q [(usize, usize)], start: usize) -> Quoted<'q> {
        let next = ranges.partition_point(|&(_, range_end)| range_end <= start);
        Quoted { ranges, next, inside: false, until: 0 }
    }

    /// [`shape::QUOTED`] if byte `at` is inside a quote (`at` never decreases).
    #[inline]
    fn shape_at(&mut self, at: usize) -> u8 {
        if at >= self.until {
            self.seek(at);
        }
        if self.inside { shape::QUOTED } else { 0 }
    }

    fn seek(&mut self, at: usize) {
        while self.next < self.ranges.len() && self.ranges[self.next].1 <= at {
            self.next += 1;
        }
        match self.ranges.get(self.next) {
            Some(&(open, close)) if open <= at => (self.inside, self.until) = (true, close),
            Some(&(open, _)) => (self.inside, self.until) = (false, open),
            None => (self.inside, self.until) = (false, usize::MAX),
        }
    }
}

/// Splits `text[start..end]` into `tokens` (cleared first), marking those
/// inside the sorted, disjoint byte ranges of `quoted`. Linear in the
/// sentence's length. ASCII bytes are told apart by [`CLASS`]; a token that
/// starts with any other char takes [`other_token`].
pub(crate) fn tokenize(text: &str, start: usize, end: usize, quoted: &[(usize, usize)], tokens: &mut Vec<Token>) {
    tokens.clear();
    let bytes = text.as_bytes();
    let mut quotes = Quoted::new(quoted, start);
    let mut i = start;
    while i < end {
        let b = bytes[i];
        let byte_class = CLASS[usize::from(b)];
        if byte_class & class::SPACE != 0 {
            i += 1;
            continue;
        }
        let token = if byte_class & class::ALNUM != 0 {
            ascii_word(text, i, end)
        } else if b < 0x80 {
            Token { start: i, end: i + 1, shape: 0, word: Word::default() }
        } else {
            match other_token(text, i, end) {
                Ok(token) => token,
                Err(next) => {
                    i = next;
                    continue;
                }
            }
        };
        i = token.end;
        tokens.push(Token { shape: token.shape | quotes.shape_at(token.start), ..token });
    }
    mark_people_lists(tokens);
    mark_surnames(tokens);
}

/// The word starting with the ASCII letter or digit at `i`. A word of
/// ASCII letters and digits only (most words) is measured and shaped as
/// its bytes are read; one that goes on past them (`it's`, `A&E`, `café`)
/// takes [`word_end`] and [`word_shape`].
#[inline]
fn ascii_word(text: &str, i: usize, end: usize) -> Token {
    let bytes = text.as_bytes();
    let first = CLASS[usize::from(bytes[i])];
    let mut rest = 0;
    let mut run = 0;
    for &b in &bytes[i + 1..end] {
        let c = CLASS[usize::from(b)];
        if c & class::ALNUM == 0 {
            break;
        }
        rest |= c;
        run += 1;
    }
    let run_end = i + 1 + run;
    let mut j = run_end;
    if j < end && CLASS[usize::from(bytes[j])] & class::GO_ON != 0 {
        j = word_end(text, j, end);
    }
    if j == run_end {
        let word = lexicon::lookup_alnum(&bytes[i..j]);
        finish_word(text, i, j, end, alnum_shape(first, rest, &bytes[i..j]), word)
    } else {
        word_token(text, i, j, end, word_shape(&text[i..j], char::from(bytes[i])))
    }
}

/// [`word_shape`] of a word of ASCII letters and digits, from the class of
/// its first byte and the OR of its other bytes' classes.
#[inline]
fn alnum_shape(first: u8, rest: u8, word: &[u8]) -> u8 {
    let mut shape = shape::WORD;
    if first & class::UPPER != 0 {
        shape |= shape::CAPITAL;
        if rest & class::LOWER == 0 && rest & class::UPPER != 0 {
            shape |= shape::ACRONYM;
        }
    } else if first & class::DIGIT != 0 {
        shape |= shape::DIGIT;
    }
    if word.len() > 4 && (word.ends_with(b"ed") || word.ends_with(b"ing")) {
        shape |= shape::VERB_ENDING;
    }
    shape
}

/// The token of the word `text[i..j]` of shape `shape`, with its lexicon
/// entry; "Mr.", "Sen.", "Rep.", "G.K.": an abbreviation or initials keep
/// their full stop.
fn word_token(text: &str, i: usize, j: usize, end: usize, shape: u8) -> Token {
    let stem = if shape & shape::POSSESSIVE != 0 { strip_possessive(&text[i..j]) } else { &text[i..j] };
    finish_word(text, i, j, end, shape, lexicon::lookup(stem))
}

/// The token of the word `text[i..j]`, its shape and lexicon entry found,
/// with its full stop if it keeps one.
#[inline]
fn finish_word(text: &str, i: usize, mut j: usize, end: usize, shape: u8, entry: Word) -> Token {
    if j < end && text.as_bytes()[j] == b'.' && (entry.is(tag::ABBREVIATION) || is_initials(&text[i..j])) {
        j += 1;
    }
    Token { start: i, end: j, shape, word: entry }
}

/// The token starting with the non-ASCII char at `i`, or, when that char
/// is a space, where the next token may start.
#[inline(never)]
fn other_token(text: &str, i: usize, end: usize) -> Result<Token, usize> {
    let (first, len) = char_at(text, i);
    if first.is_whitespace() {
        return Err(i + len);
    }
    if !is_alnum(first) {
        return Ok(Token { start: i, end: i + len, shape: 0, word: Word::default() });
    }
    let j = word_end(text, i + len, end);
    Ok(word_token(text, i, j, end, word_shape(&text[i..j], first)))
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
        let and = &tokens[k];
        // Most tokens fail the first test: the others are read only then.
        if !and.is(tag::NAME_JOINER) {
            continue;
        }
        let (first, last) = (&tokens[k + 1], &tokens[k + 2]);
        let lists = and.is(tag::CCONJ)
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
        j += bytes[j..end].iter().position(|&b| CLASS[usize::from(b)] & class::ALNUM == 0).unwrap_or(end - j);
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
/// lower-case words without allocating; [`Lower::as_bytes`] is exactly
/// `word.to_ascii_lowercase()`'s bytes.
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
    /// The lower-cased word's bytes, compared with byte-string literals:
    /// a `&str` of them would be validated as UTF-8 at each comparison.
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Lower::Short(bytes, n) => &bytes[..*n],
            Lower::Long(word) => word.as_bytes(),
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
    fn letters_and_digits_are_shaped_as_any_word_is() {
        for word in
            ["NSPCC", "Said", "said", "14", "A", "AB", "A1", "1A", "Ab", "aB", "TESTED", "tested", "going", "GOING"]
        {
            let bytes = word.as_bytes();
            let rest = bytes[1..].iter().fold(0, |r, &b| r | CLASS[usize::from(b)]);
            let fast = alnum_shape(CLASS[usize::from(bytes[0])], rest, bytes);
            assert_eq!(fast, word_shape(word, char::from(bytes[0])), "{word}");
        }
    }

    #[test]
    fn quoted_answers_as_a_search_of_the_ranges_does() {
        let ranges = [(2, 5), (5, 6), (9, 20), (21, 22)];
        for start in 0..24 {
            let mut quoted = Quoted::new(&ranges, start);
            for at in start..24 {
                let inside = ranges.iter().any(|&(a, b)| a <= at && at < b);
                assert_eq!(quoted.shape_at(at) != 0, inside, "from {start} at {at}");
            }
        }
    }

    #[test]
    fn lower_is_ascii_lowercase_without_allocating_short_words() {
        for word in ["", "The", "MR", "Barnardo’s", "ÉCOLE Said", "Mrs.", "abcdefghijklmnoP", "ABCDEFGHIJKLMNOPQ"] {
            assert_eq!(lower(word).as_bytes(), word.to_ascii_lowercase().as_bytes(), "{word:?}");
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

//! Attribution cues: reporting verbs (`said`, `warned`, `according to`) and
//! the phrase naming who speaks, found on the words of one sentence.

use std::borrow::Cow;
use std::sync::LazyLock;

use super::entities::is_findings_noun;

/// A word or punctuation mark of a sentence, as a byte range of its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub word: bool,
    /// Inside quotation marks (or a mark itself).
    pub quoted: bool,
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
/// Punctuation block (curly quotes, dashes), which holds neither and would
/// otherwise take the slow Unicode table look-ups on every quotation mark.
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

/// Splits `text[start..end]` into tokens, marking those inside the sorted,
/// disjoint byte ranges of `quoted`. Linear in the sentence length.
#[cfg(test)]
pub(crate) fn tokenize(text: &str, start: usize, end: usize, quoted: &[(usize, usize)]) -> Vec<Token> {
    let mut tokens = Vec::new();
    tokenize_into(text, start, end, quoted, &mut tokens);
    tokens
}

/// ASCII letters and digits by byte value: one load per byte in the
/// tokeniser's inner loop instead of three range tests.
static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// [`tokenize`] into a reused buffer (cleared first), to spare an
/// allocation per sentence.
pub(crate) fn tokenize_into(text: &str, start: usize, end: usize, quoted: &[(usize, usize)], tokens: &mut Vec<Token>) {
    tokens.clear();
    let bytes = text.as_bytes();
    let mut range = quoted.partition_point(|&(_, range_end)| range_end <= start);
    let mut i = start;
    while i < end {
        let b = bytes[i];
        // ASCII spaces and letters are most of the text: test them on the
        // byte; anything else decodes its char.
        if matches!(b, b' ' | b'\t'..=b'\r') {
            i += 1;
            continue;
        }
        let (word, len) = if b.is_ascii_alphanumeric() {
            (true, 1)
        } else if b.is_ascii() {
            (false, 1)
        } else {
            let (c, len) = char_at(text, i);
            if c.is_whitespace() {
                i += len;
                continue;
            }
            (is_alnum(c), len)
        };
        let mut j = i + len;
        if word {
            while j < end {
                // Most of a word is ASCII letters and digits: take the run
                // without decoding, then look at what stops it.
                j += bytes[j..end].iter().position(|&b| !ASCII_ALNUM[usize::from(b)]).unwrap_or(end - j);
                if j >= end || bytes[j] == b' ' {
                    break;
                }
                let (d, dlen) = char_at(text, j);
                let joins_word =
                    matches!(d, '\'' | '’' | '-' | '.' | '&') && j + dlen < end && is_alnum(char_at(text, j + dlen).0);
                if is_alnum(d) || joins_word {
                    j += dlen;
                } else {
                    break;
                }
            }
        }
        // Whether the token starts inside a quoted range (`range` only moves on).
        while range < quoted.len() && quoted[range].1 <= i {
            range += 1;
        }
        let quoted = range < quoted.len() && quoted[range].0 <= i;
        tokens.push(Token { start: i, end: j, word, quoted });
        i = j;
    }
}

/// Verbs that report speech, findings or views, in the forms news text uses.
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "tell",
    "telling",
    "added",
    "adds",
    "suggested",
    "suggests",
    "suggest",
    "suggesting",
    "outlined",
    "outlines",
    "highlighted",
    "highlights",
    "warned",
    "warns",
    "warn",
    "warning",
    "urged",
    "urges",
    "urging",
    "found",
    "finds",
    "recommended",
    "recommends",
    "recommend",
    "claimed",
    "claims",
    "claiming",
    "denied",
    "denies",
    "denying",
    "believes",
    "believed",
    "believe",
    "predicted",
    "predicts",
    "argued",
    "argues",
    "argue",
    "arguing",
    "insisted",
    "insists",
    "stressed",
    "stresses",
    "explained",
    "explains",
    "revealed",
    "reveals",
    "confirmed",
    "confirms",
    "announced",
    "announces",
    "described",
    "describes",
    "describing",
    "called",
    "calls",
    "branded",
    "brands",
    "dubbed",
    "welcomed",
    "welcomes",
    "criticised",
    "criticises",
    "criticized",
    "admitted",
    "admits",
    "agreed",
    "agrees",
    "decided",
    "concluded",
    "concludes",
    "thinks",
    "think",
    "wants",
    "want",
    "hoped",
    "hopes",
    "noted",
    "notes",
    "stated",
    "states",
    "asked",
    "replied",
    "opposed",
    "opposes",
    "contends",
    "contended",
    "maintained",
    "maintains",
    "acknowledged",
    "acknowledges",
    "accused",
    "accuses",
    "accusing",
    "backed",
    "backs",
    "pointed",
    "listed",
    "spoke",
    "wrote",
    "writes",
    "estimated",
    "estimates",
    "feared",
    "fears",
    "questioned",
    "rejected",
    "condemned",
    "defended",
    "boasts",
    "boasted",
    "challenged",
    "challenges",
    "alleged",
    "alleges",
    "vowed",
    "vows",
    "promised",
    "promises",
    "pledged",
    "pledges",
    "demanded",
    "demands",
    "proposed",
    "proposes",
    "announced",
    "reported",
    "indicated",
    "indicates",
    "showed",
    "shows",
    "revealed",
    "disclosed",
    "forecast",
    "forecasts",
    "expects",
    "argued",
    "emphasised",
    "emphasized",
    "signalled",
    "conceded",
    "concedes",
    "complained",
    "complains",
    "queried",
    "cautioned",
    "declared",
    "declares",
    "recalled",
    "recalls",
    "reckons",
    "reckoned",
    "quipped",
    "observed",
    "remarked",
    "commented",
];

/// Verbs that put their subject after them (`…," said Mr Khan`).
const INVERTIBLE: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "asked",
    "explained",
    "insisted",
    "warned",
    "wrote",
    "continued",
    "argued",
    "claimed",
    "replied",
    "stressed",
    "noted",
    "admitted",
    "concluded",
];

/// Words between a subject and its verb that do not end the subject.
const SKIPPABLE: &[&str] = &[
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "did",
    "does",
    "do",
    "also",
    "previously",
    "recently",
    "meanwhile",
    "later",
    "earlier",
    "then",
    "now",
    "further",
    "repeatedly",
    "long",
    "once",
    "again",
    "already",
    "still",
    "publicly",
    "strongly",
    "just",
    "always",
    "today",
    "yesterday",
    "however",
    "too",
    "even",
    "reportedly",
    "subsequently",
    "initially",
    "originally",
    "separately",
    "privately",
    "similarly",
    "openly",
    "first",
    "last",
    "finally",
];

/// Words before a verb that make it passive (`was told`): the subject is
/// then the listener, not the speaker.
const PASSIVE: &[&str] = &["was", "were", "been", "be", "being", "is", "are", "am", "get", "got"];

/// Words that end a subject phrase when walking back from the verb.
const BOUNDARIES: &[&str] = &[
    "that", "which", "who", "whom", "whose", "and", "but", "or", "when", "if", "because", "as", "while", "after",
    "before", "since", "so", "than", "where", "what", "whether", "though", "although", "until", "unless",
];

/// Pronouns that refer to someone named before.
pub(crate) const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we"];

/// How a cue names its speaker, for resolution by the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SubjectSite {
    /// Words before the verb (`Mr Khan said`).
    Before,
    /// Words after the verb (`said Mr Khan`, `according to the FT`).
    After,
    /// The subject at the start of the sentence (`X gave … and said`).
    Initial,
    /// The phrase before a relative pronoun (`victims who said`).
    Relative,
    /// No subject (`Another issue highlighted was …`).
    None,
}

/// A reporting verb and the candidate phrases naming its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct VerbCue {
    /// Token index of the verb (the first word for `according to`).
    pub verb: usize,
    /// Candidate subject phrases (token ranges), best first.
    pub subjects: Subjects,
}

/// A verb's candidate subjects: at most four (two before a comma, one
/// after an inverted verb, the sentence's initial subject), kept inline so
/// a cue costs no allocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Subjects {
    items: [(usize, usize, SubjectSite); 4],
    len: usize,
}

impl Subjects {
    fn new() -> Self {
        Subjects { items: [(0, 0, SubjectSite::None); 4], len: 0 }
    }

    fn push(&mut self, subject: (usize, usize, SubjectSite)) {
        self.items[self.len] = subject;
        self.len += 1;
    }
}

impl std::ops::Deref for Subjects {
    type Target = [(usize, usize, SubjectSite)];

    fn deref(&self) -> &Self::Target {
        &self.items[..self.len]
    }
}

/// A token's text in lower case, borrowed when it already is, and copied
/// on the stack when it is short ASCII (capitalised names, mostly).
fn lower<'t>(text: &'t str, token: &Token) -> Lower<'t> {
    let word = &text[token.start..token.end];
    let bytes = word.as_bytes();
    if bytes.len() <= SMALL && bytes.is_ascii() {
        if !bytes.iter().any(u8::is_ascii_uppercase) {
            return Lower::Borrowed(word);
        }
        let mut buf = [0u8; SMALL];
        for (to, from) in buf.iter_mut().zip(bytes) {
            *to = from.to_ascii_lowercase();
        }
        return Lower::Small(buf, bytes.len() as u8);
    }
    match lower_word(word) {
        Cow::Borrowed(word) => Lower::Borrowed(word),
        Cow::Owned(word) => Lower::Owned(word),
    }
}

/// Longest word [`lower`] keeps on the stack.
const SMALL: usize = 23;

/// A word in lower case (see [`lower`]).
enum Lower<'t> {
    Borrowed(&'t str),
    Small([u8; SMALL], u8),
    Owned(String),
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;

    #[inline]
    fn deref(&self) -> &str {
        match self {
            Lower::Borrowed(word) => word,
            // ASCII only, so always UTF-8.
            Lower::Small(buf, len) => std::str::from_utf8(&buf[..usize::from(*len)]).unwrap_or_default(),
            Lower::Owned(word) => word,
        }
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

/// A word in lower case, borrowed when it already is (most words are).
pub(crate) fn lower_word(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) { Cow::Owned(word.to_lowercase()) } else { Cow::Borrowed(word) }
}

/// Exactly `word.to_lowercase()`, without allocating for ASCII words that
/// are already lower case (most are), so look-ups need not allocate.
pub(crate) fn lowercase(word: &str) -> Cow<'_, str> {
    if !word.is_ascii() {
        Cow::Owned(word.to_lowercase())
    } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// A word list as an open-addressed hash table built once. Most tokens are
/// not in the list, and at a low load factor they land on an empty slot
/// after one cheap hash, with no string comparison at all (bisection over
/// a sorted list cost several `memcmp` calls per token).
pub(crate) struct WordSet {
    /// A power-of-two table; `""` marks an empty slot (no list holds `""`).
    slots: Vec<&'static str>,
    /// The longest word, to reject longer ones without hashing.
    longest: usize,
}

/// FNV-1a over the bytes: fast on the short words the lists hold.
fn hash_word(word: impl Iterator<Item = u8>) -> usize {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in word {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    (hash ^ (hash >> 29)) as usize
}

impl WordSet {
    /// Whether `word` is in the set.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.contains_bytes(word.as_bytes())
    }

    /// Whether the word spelt by these bytes is in the set.
    #[inline]
    pub(crate) fn contains_bytes(&self, word: &[u8]) -> bool {
        self.probe(word.len(), hash_word(word.iter().copied()), |slot| slot == word)
    }

    /// Whether the word, lower-cased in ASCII, is in the set (of lower-case
    /// words): one pass, no copy.
    #[inline]
    pub(crate) fn contains_ignoring_ascii_case(&self, word: &[u8]) -> bool {
        let hash = hash_word(word.iter().map(u8::to_ascii_lowercase));
        self.probe(word.len(), hash, |slot| slot.eq_ignore_ascii_case(word))
    }

    /// Walks the slots from `hash` until `matches` accepts one or an empty
    /// slot ends the search.
    #[inline]
    fn probe(&self, len: usize, hash: usize, matches: impl Fn(&[u8]) -> bool) -> bool {
        if len > self.longest || len == 0 {
            return false;
        }
        let mask = self.slots.len() - 1;
        let mut at = hash & mask;
        loop {
            let slot = self.slots[at];
            if slot.is_empty() {
                return false;
            }
            if matches(slot.as_bytes()) {
                return true;
            }
            at = (at + 1) & mask;
        }
    }
}

/// A fast membership set for one of the word lists.
pub(crate) fn word_set(words: &'static [&'static str]) -> WordSet {
    let size = (words.len() * 4).next_power_of_two().max(8);
    let mut slots = vec![""; size];
    for &word in words {
        debug_assert!(!word.is_empty(), "the empty string marks a free slot");
        let mut at = hash_word(word.bytes()) & (size - 1);
        while !slots[at].is_empty() && slots[at] != word {
            at = (at + 1) & (size - 1);
        }
        slots[at] = word;
    }
    WordSet { slots, longest: words.iter().map(|w| w.len()).max().unwrap_or(0) }
}

static REPORTING_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(REPORTING_VERBS));
static SKIPPABLE_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(SKIPPABLE));
static BOUNDARY_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(BOUNDARIES));

/// A quick filter before [`REPORTING_SET`]: one bit per (length, first
/// letter, last letter) of the listed verbs, ignoring ASCII case. A clear
/// bit rules a word out without hashing it (most words); a set bit only
/// sends it on to the set.
static REPORTING_SHAPES: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; SHAPES / 64];
    for verb in REPORTING_VERBS {
        let at = shape(verb.as_bytes());
        bits[at / 64] |= 1 << (at % 64);
    }
    bits
});

/// How many shapes [`shape`] tells apart.
const SHAPES: usize = 16 * 32 * 32;

/// A word's (length, first letter, last letter), ignoring ASCII case, as
/// an index below [`SHAPES`]; the word is not empty.
#[inline]
fn shape(word: &[u8]) -> usize {
    let first = usize::from(word[0].to_ascii_lowercase() & 31);
    let last = usize::from(word[word.len() - 1].to_ascii_lowercase() & 31);
    ((word.len() & 15) << 10) | (first << 5) | last
}

/// Whether the word, ignoring ASCII case, may be a reporting verb.
#[inline]
fn may_be_reporting(word: &[u8]) -> bool {
    let at = shape(word);
    REPORTING_SHAPES[at / 64] & (1 << (at % 64)) != 0
}

fn is_reporting(word: &str) -> bool {
    REPORTING_SET.contains(word)
}

fn is_verb_at(text: &str, tokens: &[Token], i: usize) -> bool {
    let token = &tokens[i];
    if !token.word || token.quoted {
        return false;
    }
    // Compared ignoring ASCII case: every verb listed is lower-case ASCII.
    let word = &text.as_bytes()[token.start..token.end];
    if word.len() < 3 || word.len() > 16 {
        return false;
    }
    if word.eq_ignore_ascii_case(b"made") {
        return tokens[i + 1..].iter().take(5).any(|t| {
            t.word && {
                let w = lower(text, t);
                matches!(
                    &*w,
                    "recommendations"
                        | "recommendation"
                        | "findings"
                        | "claims"
                        | "allegations"
                        | "comments"
                        | "remarks"
                )
            }
        });
    }
    if word.eq_ignore_ascii_case(b"according") {
        return tokens.get(i + 1).is_some_and(|t| t.word && lower(text, t) == "to");
    }
    if !may_be_reporting(word) || !REPORTING_SET.contains_ignoring_ascii_case(word) {
        return false;
    }
    // "the so-called", "a found object": a verb follows a subject, never an article.
    if i > 0 {
        let prev = lower(text, &tokens[i - 1]);
        if matches!(&*prev, "the" | "a" | "an" | "its" | "their" | "his" | "her") {
            return false;
        }
    }
    true
}

/// Finds the reporting cues of a sentence and where their subjects may be.
/// Each verb looks back a bounded number of tokens, so this stays linear.
#[cfg(test)]
pub(crate) fn find(text: &str, tokens: &[Token]) -> Vec<VerbCue> {
    let mut cues = Vec::new();
    find_into(text, tokens, &mut cues);
    cues
}

/// [`find`] into a reused buffer (cleared first).
pub(crate) fn find_into(text: &str, tokens: &[Token], cues: &mut Vec<VerbCue>) {
    cues.clear();
    for i in 0..tokens.len() {
        if !is_verb_at(text, tokens, i) {
            continue;
        }
        let mut subjects = Subjects::new();
        let word = lower(text, &tokens[i]);
        if word == "according" {
            let from = i + 2;
            let to = phrase_end(text, tokens, from);
            if to > from {
                subjects.push((from, to, SubjectSite::After));
            }
            cues.push(VerbCue { verb: i, subjects });
            continue;
        }
        // Walk back over auxiliaries and adverbs (and a parenthetical
        // `, however,`).
        let mut j = i;
        while j > 0 {
            let t = &tokens[j - 1];
            let w = lower(text, t);
            if t.word && !t.quoted && (SKIPPABLE_SET.contains(&w) || (w.ends_with("ly") && w.len() > 4)) {
                j -= 1;
            } else if !t.word
                && w == ","
                && j >= 3
                && tokens[j - 2].word
                && SKIPPABLE_SET.contains(&lower(text, &tokens[j - 2]))
                && lower(text, &tokens[j - 3]) == ","
            {
                j -= 3;
            } else {
                break;
            }
        }
        let next_word = tokens.get(i + 1).filter(|t| t.word).map(|t| lower(text, t));
        if j > 0 && tokens[j - 1].word && PASSIVE.contains(&&*lower(text, &tokens[j - 1])) {
            if next_word.as_deref() == Some("by") {
                // `was welcomed by X`: X is the speaker.
                let to = phrase_end(text, tokens, i + 2);
                if to > i + 2 {
                    subjects.push((i + 2, to, SubjectSite::After));
                    cues.push(VerbCue { verb: i, subjects });
                }
            } else if matches!(next_word.as_deref(), Some("was" | "were")) {
                // "Another issue highlighted was": a subjectless use.
                subjects.push((i, i, SubjectSite::None));
                cues.push(VerbCue { verb: i, subjects });
            }
            continue;
        }
        if matches!(next_word.as_deref(), Some("was" | "were")) {
            subjects.push((i, i, SubjectSite::None));
            cues.push(VerbCue { verb: i, subjects });
            continue;
        }
        if word == "think" && matches!(next_word.as_deref(), Some("tank" | "tanks")) {
            continue;
        }
        let (from, stop) = walk_back(text, tokens, j);
        let mut after_then_initial = false;
        match stop {
            Stop::Comma(comma) => {
                if from < j {
                    // `…, Lord Falconer said`.
                    subjects.push((from, j, SubjectSite::Before));
                    let (before, _) = walk_back(text, tokens, comma);
                    if before < comma {
                        subjects.push((before, comma, SubjectSite::Before));
                    }
                } else {
                    // `Name, head of X, said` names Name; `The head of X,
                    // Name, said` names Name.
                    let (inner, inner_stop) = walk_back(text, tokens, comma);
                    let outer = match inner_stop {
                        Stop::Comma(second) => {
                            let (outer, _) = walk_back(text, tokens, second);
                            (outer < second).then_some((outer, second))
                        }
                        _ => None,
                    };
                    let inner_is_description = tokens.get(inner).is_some_and(|t| {
                        let w = &text[t.start..t.end];
                        w.chars().next().is_some_and(char::is_lowercase) && !PRONOUNS.contains(&w)
                    });
                    let outer_is_name = outer.is_some_and(|(_, end)| {
                        tokens[end - 1].word
                            && text[tokens[end - 1].start..tokens[end - 1].end]
                                .chars()
                                .next()
                                .is_some_and(char::is_uppercase)
                    });
                    if let (Some((a, b)), true, true) = (outer, inner_is_description, outer_is_name) {
                        subjects.push((a, b, SubjectSite::Before));
                    }
                    if inner < comma {
                        subjects.push((inner, comma, SubjectSite::Before));
                    }
                    after_then_initial = true;
                }
            }
            Stop::Relative(at) => {
                if from < j {
                    subjects.push((from, j, SubjectSite::Before));
                }
                let (before, _) = walk_back(text, tokens, at);
                // `a review into … which found`: the findings noun is the head.
                let head = (before..at).rev().find(|&k| tokens[k].word && is_findings_noun(&lower(text, &tokens[k])));
                match head {
                    Some(k) => subjects.push((before, k + 1, SubjectSite::Relative)),
                    None if before < at => subjects.push((before, at, SubjectSite::Relative)),
                    None => {}
                }
            }
            Stop::Conjunction => {
                if from < j {
                    subjects.push((from, j, SubjectSite::Before));
                }
                after_then_initial = true;
            }
            Stop::Other => {
                if from < j {
                    subjects.push((from, j, SubjectSite::Before));
                }
            }
        }
        let inverted =
            from == j && INVERTIBLE.contains(&&*word) && (j == 0 || !tokens[j - 1].word || tokens[j - 1].quoted);
        if inverted {
            let to = phrase_end(text, tokens, i + 1);
            if to > i + 1 {
                subjects.push((i + 1, to, SubjectSite::After));
            }
        }
        if after_then_initial {
            subjects.push((0, 0, SubjectSite::Initial));
        }
        cues.push(VerbCue { verb: i, subjects });
    }
}

enum Stop {
    Comma(usize),
    Conjunction,
    Relative(usize),
    Other,
}

/// Most tokens a subject phrase may have.
const MAX_PHRASE: usize = 14;

/// Walks back from `end` over a noun phrase; returns its first token and
/// what stopped the walk.
fn walk_back(text: &str, tokens: &[Token], end: usize) -> (usize, Stop) {
    let mut k = end;
    while k > 0 && end - k < MAX_PHRASE {
        let t = &tokens[k - 1];
        if t.quoted {
            return (k, Stop::Other);
        }
        if t.word {
            let w = lower(text, t);
            if BOUNDARY_SET.contains(&w) {
                let stop = match &*w {
                    "which" | "that" | "who" => Stop::Relative(k - 1),
                    "and" | "but" | "or" => Stop::Conjunction,
                    _ => Stop::Other,
                };
                return (k, stop);
            }
            if k < end && is_reporting(&w) {
                return (k, Stop::Other);
            }
            k -= 1;
        } else {
            let s = &text[t.start..t.end];
            match s {
                "," => return (k, Stop::Comma(k - 1)),
                "(" | ")" | "&" | "-" | "'" | "’" => k -= 1,
                _ => return (k, Stop::Other),
            }
        }
    }
    (k, Stop::Other)
}

/// The end of a noun phrase starting at `from` (up to a comma, a full stop or
/// a boundary word).
fn phrase_end(text: &str, tokens: &[Token], from: usize) -> usize {
    let mut k = from;
    while k < tokens.len() && k - from < MAX_PHRASE {
        let t = &tokens[k];
        if t.quoted {
            break;
        }
        if t.word {
            let w = lower(text, t);
            if BOUNDARY_SET.contains(&w) || is_reporting(&w) || w == "on" || w == "in" {
                break;
            }
        } else if !matches!(&text[t.start..t.end], "'" | "’" | "-" | "&") {
            break;
        }
        k += 1;
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, range: (usize, usize, SubjectSite), tokens: &[Token]) -> String {
        tokens[range.0..range.1].iter().map(|t| &text[t.start..t.end]).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn subject_before_the_verb() {
        let text = "Later the chief inspector Anna Fielding also said it was done.";
        let tokens = tokenize(text, 0, text.len(), &[]);
        let cues = find(text, &tokens);
        assert_eq!(cues.len(), 1);
        assert_eq!(words(text, cues[0].subjects[0], &tokens), "Later the chief inspector Anna Fielding");
    }

    #[test]
    fn appositive_gives_the_phrase_before_it() {
        let text = "Anna Fielding, head of the unit, said it was done.";
        let tokens = tokenize(text, 0, text.len(), &[]);
        let cues = find(text, &tokens);
        assert_eq!(words(text, cues[0].subjects[0], &tokens), "Anna Fielding");
    }

    #[test]
    fn passive_is_not_a_cue() {
        let text = "She was told to leave.";
        let tokens = tokenize(text, 0, text.len(), &[]);
        assert!(find(text, &tokens).is_empty());
    }

    #[test]
    fn word_sets_hold_exactly_their_words() {
        let set = word_set(REPORTING_VERBS);
        assert!(REPORTING_VERBS.iter().all(|w| set.contains(w)));
        assert!(set.contains_ignoring_ascii_case(b"SaId") && !set.contains_ignoring_ascii_case(b"Sa\xc3\xafd"));
        for absent in ["", "Said", "sai", "saidx", "the", "commentedcommented", "é"] {
            assert!(!set.contains(absent), "{absent}");
        }
    }

    #[test]
    fn the_shape_filter_lets_every_verb_through_in_any_case() {
        for verb in REPORTING_VERBS {
            assert!(may_be_reporting(verb.as_bytes()), "{verb}");
            assert!(may_be_reporting(verb.to_ascii_uppercase().as_bytes()), "{verb}");
        }
        assert!(!may_be_reporting(b"xyzzy"));
    }

    #[test]
    fn general_punctuation_is_not_alphanumeric() {
        for c in '\u{2000}'..='\u{206F}' {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn tokens_keep_apostrophes_inside_words() {
        let text = "it’s Smiths’ day";
        let tokens = tokenize(text, 0, text.len(), &[]);
        let pieces: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(pieces, vec!["it’s", "Smiths", "’", "day"]);
    }
}

//! The extractor's one lexicon: every word list it uses, looked up with one
//! hash probe per word. The lists are data files in `data/` (their sources
//! and licences are in `data/SOURCES.md`), embedded in the binary and read
//! once, on first use; inflected forms are generated here from lemmas.

mod closed;
mod inflect;
mod normalize;
mod pack;
mod sections;
mod table;

use std::collections::HashMap;
use std::sync::LazyLock;

pub(crate) use closed::{ADJUNCT, COORDINATOR, DEFINITE, PARTICLE};
pub use normalize::{normalize_name, normalize_name_into};
use pack::{PackHasher, pack};
use sections::{aux_class, noun_class, pos_tag, pronoun_class, verb_class, word_class};
use table::Table;

/// What the lexicon knows of one word form: a set of tags and, for a
/// reporting or light verb, which lemmas it is a form of. One integer: the
/// tags in the low bits, the verb's index plus one in the top 10 (zero for
/// none), so the unknown word is zero and a token stays small.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Word(u64);

/// Where a [`Word`]'s verb index starts; every tag is below it.
const VERB_SHIFT: u32 = 54;
const _: () = assert!(tag::OWNER < 1 << VERB_SHIFT, "tags stay below the verb index");

impl std::fmt::Debug for Word {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Word").field("tags", &self.tags()).field("verb", &self.verb()).finish()
    }
}

/// The tags a [`Word`] may carry.
pub(crate) mod tag {
    // Universal POS tags the word takes in UD English EWT (each at least a
    // fifth of its uses).
    pub const NOUN: u64 = 1 << 0;
    pub const PROPN: u64 = 1 << 1;
    pub const VERB: u64 = 1 << 2;
    pub const ADJ: u64 = 1 << 3;
    pub const ADV: u64 = 1 << 4;
    pub const DET: u64 = 1 << 5;
    pub const ADP: u64 = 1 << 6;
    pub const PRON: u64 = 1 << 7;
    pub const CCONJ: u64 = 1 << 8;
    pub const SCONJ: u64 = 1 << 9;
    pub const AUX: u64 = 1 << 10;
    pub const PART: u64 = 1 << 11;
    pub const INTJ: u64 = 1 << 12;
    pub const NUM: u64 = 1 << 13;
    // WordNet noun classes (most frequent sense), and plural forms.
    pub const PERSON_NOUN: u64 = 1 << 14;
    pub const GROUP_NOUN: u64 = 1 << 15;
    /// Some sense (not necessarily the first) is a group: "Board", "Trust".
    pub const GROUP_SENSE: u64 = 1 << 16;
    pub const PLURAL: u64 = 1 << 17;
    // First names (US Census 1990) and their gender.
    pub const FIRST_NAME: u64 = 1 << 18;
    /// Also an ordinary word ("Will", "May"): a name only before a surname.
    pub const NAME_AMBIGUOUS: u64 = 1 << 19;
    pub const MASCULINE: u64 = 1 << 20;
    pub const FEMININE: u64 = 1 << 21;
    // Hand-kept classes (curated.txt).
    /// Mr, Mrs, Dr, Sir: dropped when names are compared.
    pub const COURTESY: u64 = 1 << 22;
    /// Any title before a name, courtesy titles included.
    pub const HONORIFIC: u64 = 1 << 23;
    pub const ORG_SUFFIX: u64 = 1 << 24;
    pub const SPOKESPERSON: u64 = 1 << 25;
    pub const SOURCE_NOUN: u64 = 1 << 26;
    pub const REPORTING_NOUN: u64 = 1 << 27;
    pub const FINDINGS_NOUN: u64 = 1 << 28;
    pub const STANCE_ADJ: u64 = 1 << 29;
    pub const CALENDAR: u64 = 1 << 30;
    pub const PRONOUN_M: u64 = 1 << 31;
    pub const PRONOUN_F: u64 = 1 << 32;
    pub const PRONOUN_N: u64 = 1 << 33;
    pub const PRONOUN_PL: u64 = 1 << 34;
    pub const PRONOUN_FIRST: u64 = 1 << 35;
    // Forms of a reporting or light verb.
    pub const V_BASE: u64 = 1 << 36;
    pub const V_S: u64 = 1 << 37;
    pub const V_PAST: u64 = 1 << 38;
    pub const V_ING: u64 = 1 << 39;
    /// Ends with a full stop without ending a sentence ("etc.", "Ltd.").
    pub const ABBREVIATION: u64 = 1 << 40;
    /// my, his, her, its, their: a determiner though the treebank calls it a pronoun.
    pub const POSSESSIVE_DET: u64 = 1 << 41;
    /// Joins the parts of a name ("Bank of England", "van Gogh").
    pub const NAME_JOINER: u64 = 1 << 42;
    /// A person by their people or place ("Frenchman", "Scot", "Texan"):
    /// "the Scot said" describes someone, it does not name them.
    pub const DEMONYM: u64 = 1 << 43;
    /// A title that gives its holder's gender ("Mr", "Lady", "Earl"),
    /// without being a person noun itself.
    pub const TITLE_M: u64 = 1 << 44;
    pub const TITLE_F: u64 = 1 << 45;
    /// Counts people without naming them ("many", "several", "both").
    pub const COUNTING: u64 = 1 << 46;
    /// Opens a relative clause inside a noun phrase ("who", "where").
    pub const RELATIVE: u64 = 1 << 47;
    /// Attaches a phrase to the noun before it ("for" of "a spokesman for
    /// the council").
    pub const ATTACHING: u64 = 1 << 48;
    /// A form of an auxiliary of the passive ("was", "got", "'s").
    pub const PASSIVE_AUX: u64 = 1 << 49;
    /// A form of a linking verb ("remained", "seems").
    pub const LINKING: u64 = 1 << 50;
    /// A form of "have", the auxiliary of the perfect.
    pub const PERFECT: u64 = 1 << 51;
    /// Comes before the body a person or document belongs to ("for" of "a
    /// spokesman for the council", "by" of "a report by the board").
    pub const OWNER: u64 = 1 << 52;
    /// Any personal pronoun the resolver follows.
    pub const PRONOUN: u64 = PRONOUN_M | PRONOUN_F | PRONOUN_N | PRONOUN_PL | PRONOUN_FIRST;
}

/// What a reporting verb does, by the section of `curated.txt` it is in.
pub(crate) mod class {
    pub const SPEECH: u8 = 1;
    pub const STANCE: u8 = 2;
    pub const EVALUATIVE: u8 = 4;
    pub const FINDING: u8 = 8;
    pub const LIGHT: u8 = 16;
    pub const AUTHORING: u8 = 32;
    pub const RECIPIENT: u8 = 64;
    /// A verb and particle that report nothing ("rule out").
    pub const NOT: u8 = 128;
}

/// One reporting or light verb, with the particle it needs ("point out").
#[derive(Debug)]
pub(crate) struct Lemma {
    pub class: u8,
    pub particle: Option<Box<str>>,
}

impl Word {
    /// A word read as a surname where it stands, whatever the lexicon
    /// says it is elsewhere ("May" of "Theresa May").
    pub fn surname() -> Word {
        Word(tag::PROPN)
    }

    /// A word with these tags and no verb.
    pub(super) const fn with_tags(tags: u64) -> Word {
        Word(tags & ((1 << VERB_SHIFT) - 1))
    }

    fn tags(self) -> u64 {
        self.0 & ((1 << VERB_SHIFT) - 1)
    }

    /// Index of its verb head, if it is a form of one.
    fn verb(self) -> Option<usize> {
        ((self.0 >> VERB_SHIFT) as usize).checked_sub(1)
    }

    fn add_tags(&mut self, tags: u64) {
        self.0 |= Word::with_tags(tags).0;
    }

    fn set_verb(&mut self, index: usize) {
        let index =
            u64::try_from(index + 1).ok().filter(|&i| i < 1 << (64 - VERB_SHIFT)).expect("fewer than 1,023 verbs");
        self.0 = self.tags() | index << VERB_SHIFT;
    }

    /// Whether the word carries any of `tags`.
    #[inline]
    pub fn is(self, tags: u64) -> bool {
        self.0 & tags != 0
    }

    /// A word the lexicon does not know (a rare name, a coinage).
    #[inline]
    pub fn is_unknown(self) -> bool {
        self.0 == 0
    }

    /// Whether it is a form of a reporting or light verb.
    #[inline]
    pub fn is_verb_form(self) -> bool {
        self.0 >> VERB_SHIFT != 0
    }

    /// The lemmas it is a form of, those with a particle first.
    pub fn lemmas(self) -> &'static [Lemma] {
        self.verb().map_or(&[], |v| &LEXICON.heads[v])
    }

    /// The classes of all its lemmas that need no particle, OR-ed.
    pub fn bare_class(self) -> u8 {
        self.lemmas().iter().filter(|l| l.particle.is_none()).fold(0, |c, l| c | l.class)
    }

    /// Only closed-class tags (a function word), nothing of the open classes.
    pub fn is_function_word(self) -> bool {
        use tag::*;
        self.is(DET | ADP | PRON | CCONJ | SCONJ | AUX | PART) && !self.is(NOUN | PROPN | VERB | ADJ)
    }
}

/// The lexicon as it is read: short words in a [`Table`], the few others
/// by their text, and the verb heads.
struct Lexicon {
    table: Table,
    long: HashMap<Box<str>, Word, foldhash::fast::RandomState>,
    heads: Vec<Vec<Lemma>>,
}

/// The lexicon while it is built from its lists.
struct Builder {
    words: WordMap,
    heads: Vec<Vec<Lemma>>,
}

/// Words by their lower-case form, as the lists are read: short ASCII
/// words by their bytes packed into one integer, the rest by their text.
#[derive(Default)]
struct WordMap {
    short: HashMap<u128, Word, std::hash::BuildHasherDefault<PackHasher>>,
    long: HashMap<Box<str>, Word, foldhash::fast::RandomState>,
}

impl WordMap {
    fn entry(&mut self, word: &str) -> &mut Word {
        match pack(word.as_bytes()) {
            Some(key) => self.short.entry(key).or_default(),
            None => self.long.entry(word.into()).or_default(),
        }
    }

    fn get(&self, word: &str) -> Option<Word> {
        match pack(word.as_bytes()) {
            Some(key) => self.short.get(&key).copied(),
            None => self.long.get(word).copied(),
        }
    }
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Builder::build().finish());

const POS: &str = include_str!("data/pos.tsv");
const FIRST_NAMES: &str = include_str!("data/first_names.tsv");
const NOUNS: &str = include_str!("data/nouns.tsv");
const IRREGULAR: &str = include_str!("data/irregular.tsv");
const DEMONYMS: &str = include_str!("data/demonyms.tsv");
const CURATED: &str = include_str!("data/curated.txt");

/// The rows of a data file: comment lines (`#`) and blank lines skipped.
fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).map(|l| l.split('\t').collect())
}

/// `curated.txt` as (section, word) pairs.
fn curated() -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut section = "";
    CURATED.lines().flat_map(move |line| {
        let line = line.split('#').next().unwrap_or("").trim();
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            return Vec::new();
        }
        line.split_whitespace().map(|w| (section, w)).collect()
    })
}

/// A section whose words come in pairs with a gender after each: `mother
/// F father M`, `mr M mrs F`.
fn gendered_pairs(section: &str) -> Vec<(&'static str, &'static str)> {
    let words: Vec<&str> = curated().filter(|(s, _)| *s == section).map(|(_, w)| w).collect();
    words.chunks_exact(2).map(|pair| (pair[0], pair[1])).collect()
}

impl Builder {
    fn build() -> Builder {
        let mut lexicon = Builder { words: WordMap::default(), heads: Vec::new() };
        lexicon.add_pos();
        lexicon.add_first_names();
        lexicon.add_nouns();
        for row in rows(DEMONYMS) {
            lexicon.tag(row[0], tag::DEMONYM);
        }
        lexicon.add_curated();
        lexicon
    }

    fn finish(self) -> Lexicon {
        let Builder { words: WordMap { short, long }, heads } = self;
        Lexicon { table: Table::build(&short.into_iter().collect::<Vec<_>>()), long, heads }
    }

    fn tag(&mut self, word: &str, tags: u64) {
        self.words.entry(word).add_tags(tags);
    }

    fn add_pos(&mut self) {
        for row in rows(POS) {
            let tags = row[1].split(',').fold(0, |t, name| t | pos_tag(name));
            self.tag(row[0], tags);
        }
    }

    fn add_first_names(&mut self) {
        for row in rows(FIRST_NAMES) {
            let mut tags = tag::FIRST_NAME;
            tags |= match row[1] {
                "M" => tag::MASCULINE,
                "F" => tag::FEMININE,
                _ => 0,
            };
            if row[2] == "A" {
                tags |= tag::NAME_AMBIGUOUS;
            }
            self.tag(row[0], tags);
        }
    }

    fn add_nouns(&mut self) {
        for row in rows(NOUNS) {
            let class = |c: &str| match c {
                "P" => tag::PERSON_NOUN,
                "G" => tag::GROUP_NOUN | tag::GROUP_SENSE,
                _ => 0,
            };
            let mut tags = class(row[1]);
            if row[2].contains('G') {
                tags |= tag::GROUP_SENSE;
            }
            if tags == 0 {
                continue;
            }
            tags |= gender_by_ending(row[0]);
            self.tag(row[0], tags | tag::NOUN);
            for plural in plurals(row[0]) {
                self.tag(&plural, tags | tag::NOUN | tag::PLURAL);
            }
        }
    }

    fn add_curated(&mut self) {
        for (section, word) in curated() {
            match section.split_once('.') {
                Some(("verbs", kind)) => self.add_verb(word, verb_class(kind)),
                Some(("nouns", kind)) => {
                    let tags = noun_class(kind);
                    self.tag(word, tags | tag::NOUN);
                    for plural in plurals(word) {
                        self.tag(&plural, tags | tag::NOUN | tag::PLURAL);
                    }
                }
                Some(("adjectives", _)) => self.tag(word, tag::STANCE_ADJ | tag::ADJ),
                Some(("honorifics", kind)) => {
                    let courtesy = if kind == "courtesy" { tag::COURTESY } else { 0 };
                    self.tag(word, courtesy | tag::HONORIFIC);
                }
                Some(("pronouns", kind)) => self.tag(word, pronoun_class(kind)),
                Some(("auxiliaries", kind)) => {
                    for form in aux_forms(word) {
                        self.tag(&form, aux_class(kind));
                    }
                }
                Some(("words", kind)) if word_class(kind) != 0 => self.tag(word, word_class(kind)),
                _ => {}
            }
        }
        for (word, gender) in gendered_pairs("words.title_gender") {
            self.tag(word, if gender == "F" { tag::TITLE_F } else { tag::TITLE_M });
        }
        for (word, gender) in gendered_pairs("words.gendered") {
            let tags = if gender == "F" { tag::FEMININE } else { tag::MASCULINE };
            self.tag(word, tags | tag::PERSON_NOUN | tag::NOUN);
            for plural in plurals(word) {
                self.tag(&plural, tags | tag::PERSON_NOUN | tag::NOUN | tag::PLURAL);
            }
        }
    }

    fn add_verb(&mut self, entry: &str, class: u8) {
        let (head, particle) = match entry.split_once('+') {
            Some((head, particle)) => (head, Some(particle.into())),
            None => (entry, None),
        };
        let forms = verb_forms(head);
        let index = match self.words.get(head).and_then(Word::verb) {
            Some(index) => index,
            None => {
                self.heads.push(Vec::new());
                self.heads.len() - 1
            }
        };
        let lemmas = &mut self.heads[index];
        match lemmas.iter_mut().find(|l| l.particle == particle) {
            Some(lemma) => lemma.class |= class,
            None => {
                lemmas.push(Lemma { class, particle });
                lemmas.sort_by_key(|l| l.particle.is_none());
            }
        }
        for (form, tags) in forms {
            let word = self.words.entry(&form);
            word.add_tags(tags);
            word.set_verb(index);
        }
    }
}

/// WordNet's irregular forms by (lemma, part of speech), read once.
static IRREGULAR_FORMS: LazyLock<HashMap<&'static str, Vec<(&'static str, &'static str)>>> = LazyLock::new(|| {
    let mut forms: HashMap<&str, Vec<(&str, &str)>> = HashMap::new();
    for row in rows(IRREGULAR) {
        forms.entry(row[1]).or_default().push((row[0], row[2]));
    }
    forms
});

/// The irregular forms of `lemma` as part of speech `pos` (`v` or `n`).
fn irregular<'l>(lemma: &'l str, pos: &'l str) -> impl Iterator<Item = &'static str> + 'l {
    IRREGULAR_FORMS.get(lemma).into_iter().flatten().filter(move |(_, p)| *p == pos).map(|(form, _)| *form)
}

/// Every form of a verb lemma with the form tags it carries: the regular
/// ones by rule and the irregular ones from WordNet.
fn verb_forms(lemma: &str) -> Vec<(String, u64)> {
    let mut forms = vec![
        (lemma.to_string(), tag::V_BASE),
        (inflect::third_person(lemma), tag::V_S),
        (inflect::past(lemma), tag::V_PAST),
        (inflect::ing(lemma), tag::V_ING),
    ];
    let mut past_listed = false;
    let mut doubled_ing = false;
    for form in irregular(lemma, "v") {
        let tags = if form.ends_with("ing") { tag::V_ING } else { tag::V_PAST };
        past_listed |= tags == tag::V_PAST;
        doubled_ing |= tags == tag::V_ING && form.len() == lemma.len() + 4;
        forms.push((form.to_string(), tags));
    }
    // WordNet lists "hitting" and "setting" (a doubled consonant) but no
    // past, because the past is the lemma itself: "she hit out", "it set out".
    // Doubling verbs with a past of their own list it ("stopped").
    if doubled_ing && !past_listed {
        forms[0].1 |= tag::V_PAST;
    }
    forms
}

/// Every form of an auxiliary. Unlike a reporting verb's, its regular
/// past and `-s` form stand only where WordNet lists no irregular one in
/// their place: "be" has "was" and "is", not "bed" and "bes".
fn aux_forms(lemma: &str) -> Vec<String> {
    let listed: Vec<&str> = irregular(lemma, "v").collect();
    let mut forms = vec![lemma.to_string(), inflect::ing(lemma)];
    if !listed.iter().any(|f| f.ends_with('s')) {
        forms.push(inflect::third_person(lemma));
    }
    if !listed.iter().any(|f| !f.ends_with("ing") && !f.ends_with('s')) {
        forms.push(inflect::past(lemma));
    }
    forms.extend(listed.iter().map(|f| f.to_string()));
    forms
}

/// A noun's plurals: by rule, and from WordNet's exceptions.
fn plurals(noun: &str) -> Vec<String> {
    let mut forms = vec![inflect::s_form(noun)];
    forms.extend(irregular(noun, "n").map(str::to_string));
    forms
}

fn gender_by_ending(noun: &str) -> u64 {
    if noun.ends_with("woman") {
        tag::FEMININE
    } else if noun.ends_with("man") && noun.len() > 4 {
        tag::MASCULINE
    } else {
        0
    }
}

/// The lexicon's entry for a word in any case (curly apostrophes read as
/// straight ones); an unknown word has no tags. Short ASCII words, most of
/// them, take an inlined probe of the table; the rest [`lookup_other`].
#[inline]
pub(crate) fn lookup(word: &str) -> Word {
    match pack(word.as_bytes()) {
        Some(key) => LEXICON.table.get(key),
        None => lookup_other(word),
    }
}

/// [`lookup`] of a word of ASCII letters and digits only.
#[inline]
pub(crate) fn lookup_alnum(word: &[u8]) -> Word {
    match pack::pack_alnum(word) {
        Some(key) => LEXICON.table.get(key),
        None => lookup_other(std::str::from_utf8(word).unwrap_or_default()),
    }
}

/// [`lookup`] of a word longer than 16 bytes or not ASCII.
#[inline(never)]
fn lookup_other(word: &str) -> Word {
    let lexicon = &*LEXICON;
    if word.is_ascii() {
        return lexicon.long.get(word.to_ascii_lowercase().as_str()).copied().unwrap_or_default();
    }
    let lower = word.replace('’', "'").to_lowercase();
    match pack(lower.as_bytes()) {
        Some(key) => lexicon.table.get(key),
        None => lexicon.long.get(lower.as_str()).copied().unwrap_or_default(),
    }
}

/// Builds the lexicon now rather than on the first word looked up.
pub fn warm_up() {
    LazyLock::force(&LEXICON);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reporting_verbs_are_known_in_every_form() {
        for form in ["say", "says", "said", "saying", "told", "warned", "criticised", "criticized", "denies"] {
            assert!(lookup(form).is_verb_form(), "{form}");
        }
        assert!(lookup("Said").is(tag::V_PAST));
        assert!(lookup("saying").is(tag::V_ING));
        assert!(!lookup("table").is_verb_form());
    }

    #[test]
    fn a_verb_whose_past_is_its_lemma_is_a_past_form() {
        assert!(lookup("hit").is(tag::V_PAST | tag::V_BASE));
        assert!(lookup("hit").is(tag::V_PAST));
        assert!(!lookup("warn").is(tag::V_PAST), "a regular verb's lemma is not its past");
    }

    #[test]
    fn particle_verbs_list_their_particle_first() {
        let lemmas = lookup("pointed").lemmas();
        assert_eq!(lemmas[0].particle.as_deref(), Some("out"));
        let called = lookup("called").lemmas();
        assert!(called.iter().any(|l| l.particle.as_deref() == Some("for")));
        assert!(called.iter().any(|l| l.particle.is_none() && l.class & class::EVALUATIVE != 0));
    }

    #[test]
    fn nouns_carry_their_wordnet_class_and_plural() {
        assert!(lookup("minister").is(tag::PERSON_NOUN));
        assert!(lookup("campaigners").is(tag::PERSON_NOUN | tag::PLURAL));
        assert!(lookup("council").is(tag::GROUP_NOUN));
        assert!(lookup("spokesmen").is(tag::SPOKESPERSON));
        assert!(lookup("spokeswoman").is(tag::FEMININE));
    }

    #[test]
    fn first_names_carry_gender_and_ambiguity() {
        assert!(lookup("Robert").is(tag::FIRST_NAME | tag::MASCULINE));
        assert!(lookup("Barbara").is(tag::FEMININE));
        assert!(lookup("Will").is(tag::NAME_AMBIGUOUS));
    }

    #[test]
    fn function_words_come_from_the_treebank() {
        assert!(lookup("the").is_function_word());
        assert!(lookup("of").is(tag::ADP));
        assert!(lookup("However").is(tag::ADV));
        assert!(lookup("he").is(tag::PRONOUN_M));
        assert!(lookup("Mr").is(tag::COURTESY));
        assert!(lookup("Monday").is(tag::CALENDAR));
    }

    #[test]
    fn auxiliaries_are_known_in_every_form_from_their_lemmas() {
        for form in ["was", "were", "is", "been", "being", "got", "gets", "'s", "’s"] {
            assert!(lookup(form).is(tag::PASSIVE_AUX), "{form}");
        }
        for form in ["became", "becomes", "felt", "seemed", "remains"] {
            assert!(lookup(form).is(tag::LINKING), "{form}");
        }
        assert!(lookup("had").is(tag::PERFECT) && lookup("has").is(tag::PERFECT));
        for junk in ["bed", "bes", "haved", "haves", "getted", "becomed"] {
            assert!(!lookup(junk).is(tag::PASSIVE_AUX | tag::LINKING | tag::PERFECT), "{junk}");
        }
        assert!(lookup("whose").is(tag::RELATIVE) && lookup("by").is(tag::OWNER) && !lookup("by").is(tag::ATTACHING));
    }
}

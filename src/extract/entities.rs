//! Who can speak: names found in the text, classified as people,
//! organisations or groups, with every mention of one entity merged (long
//! form and acronym, full name and surname with title).

use std::collections::HashMap;
use std::sync::LazyLock;

use super::cues::{WordSet, word_set};
use super::{Entity, SpeakerKind};

/// Titles that mark a person and stay part of how the text names them.
pub(crate) const HONORIFICS: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Dr",
    "Lord",
    "Lady",
    "Sir",
    "Dame",
    "Baroness",
    "Baron",
    "Prof",
    "Professor",
    "Rev",
    "Reverend",
    "Judge",
    "Justice",
];

/// Job titles that may precede a person's name and are not part of it.
const JOB_TITLES: &[&str] = &[
    "Prime",
    "Minister",
    "Chancellor",
    "Secretary",
    "President",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Chief",
    "Executive",
    "Shadow",
    "Home",
    "Foreign",
    "Deputy",
    "Leader",
    "Coach",
    "Manager",
    "Director",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Captain",
    "Detective",
    "Inspector",
    "Superintendent",
    "Constable",
    "Sergeant",
    "Det",
    "Supt",
    "Insp",
    "Sgt",
    "PC",
    "MP",
    "MEP",
    "Councillor",
    "Cllr",
    "Commissioner",
    "Governor",
    "Senator",
    "Boss",
    "Head",
    "Officer",
    "General",
    "Attorney",
    "Health",
    "Education",
    "Culture",
    "Trade",
    "Industry",
    "Defence",
    "Environment",
    "Transport",
    "Treasury",
    "Children's",
    "Children’s",
    "Charity",
    "Labour",
    "Tory",
    "Conservative",
    "Liberal",
    "Democrat",
    "Lib",
    "Dem",
    "Former",
    "Then",
    "Acting",
    "Senior",
    "Junior",
];

/// Words that make a capitalised name an organisation.
const ORGANISATION_WORDS: &[&str] = &[
    "Police",
    "Constabulary",
    "Board",
    "Council",
    "Committee",
    "Society",
    "Association",
    "Federation",
    "Union",
    "Commission",
    "Office",
    "Department",
    "Ministry",
    "Government",
    "Party",
    "Trust",
    "Bank",
    "Group",
    "Times",
    "Institute",
    "Agency",
    "Authority",
    "Service",
    "Services",
    "Court",
    "Tribunal",
    "Foundation",
    "Fund",
    "Organisation",
    "Organization",
    "Corporation",
    "Company",
    "Co",
    "Ltd",
    "Inc",
    "plc",
    "PLC",
    "University",
    "College",
    "School",
    "Club",
    "United",
    "City",
    "FC",
    "League",
    "Network",
    "Centre",
    "Center",
    "Unit",
    "News",
    "Post",
    "Guardian",
    "Telegraph",
    "Journal",
    "Investments",
    "Capital",
    "Partners",
    "Holdings",
    "Airways",
    "Airlines",
    "Motors",
    "Systems",
    "Forces",
    "Army",
    "Navy",
    "Bureau",
    "Parliament",
    "Congress",
    "Senate",
    "Assembly",
    "Conservatives",
    "Labour",
    "Democrats",
    "Tories",
    "Greens",
    "Cabinet",
    "Exchange",
    "Industries",
    "Reserve",
    "Research",
    "Review",
    "Alliance",
    "Coalition",
    "Campaign",
    "Council's",
    "NHS",
    "Executive",
    "Children",
    "Charity",
    "Barnardo's",
    "Barnardo’s",
    "Commons",
    "Lords",
    "Olympic",
    "Athletics",
    "Football",
    "Rugby",
    "Cricket",
    "Media",
    "Press",
    "Broadcasting",
    "Corp",
    "Communications",
    "Technologies",
    "Energy",
    "Oil",
    "Gas",
    "Airport",
    "Hospital",
    "Trustees",
    "Justice",
    "Fathers",
];

/// Capitalised words that start sentences or phrases but never names.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "Or",
    "However",
    "Since",
    "Following",
    "Another",
    "Other",
    "Some",
    "In",
    "On",
    "At",
    "For",
    "Of",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Despite",
    "Meanwhile",
    "Also",
    "There",
    "Their",
    "His",
    "Her",
    "Its",
    "Our",
    "Your",
    "Many",
    "More",
    "Most",
    "Both",
    "Each",
    "Every",
    "Such",
    "What",
    "Which",
    "Who",
    "Why",
    "How",
    "Where",
    "Yet",
    "So",
    "Nor",
    "Not",
    "No",
    "Yes",
    "Under",
    "Over",
    "With",
    "Without",
    "From",
    "To",
    "By",
    "Between",
    "Among",
    "Today",
    "Yesterday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Earlier",
    "Later",
    "Now",
    "Then",
    "Asked",
    "Speaking",
    "According",
    "Although",
    "Though",
    "Because",
    "Until",
    "During",
    "Among",
    "Around",
    "About",
    "Last",
    "Next",
    "Only",
    "Even",
    "Just",
    "All",
    "Any",
    "One",
    "Two",
    "Three",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
];

/// Lower-case nouns that stand for an organisation (`the government`).
pub(crate) const ORGANISATION_NOUNS: &[&str] = &[
    "government",
    "tribunal",
    "court",
    "council",
    "panel",
    "committee",
    "board",
    "jury",
    "police",
    "ministry",
    "department",
    "commission",
    "firm",
    "company",
    "club",
    "charity",
    "bank",
    "force",
    "watchdog",
    "regulator",
    "union",
    "party",
    "team",
    "organisation",
    "group",
    "inquiry",
    "authority",
    "agency",
    "opposition",
];

/// Lower-case nouns a group of people goes by (`young victims`, `analysts`).
pub(crate) const GROUP_NOUNS: &[&str] = &[
    "victims",
    "youngsters",
    "people",
    "campaigners",
    "residents",
    "parents",
    "fans",
    "critics",
    "analysts",
    "experts",
    "officials",
    "ministers",
    "studies",
    "teachers",
    "doctors",
    "officers",
    "researchers",
    "scientists",
    "economists",
    "observers",
    "mps",
    "members",
    "workers",
    "staff",
    "students",
    "families",
    "supporters",
    "shareholders",
    "investors",
    "voters",
    "users",
    "providers",
    "survivors",
    "children",
    "protesters",
    "activists",
    "lawyers",
    "sources",
    "respondents",
    "survivors",
    "women",
    "men",
    "girls",
    "boys",
    "councillors",
    "police",
    "leaders",
    "unions",
    "groups",
    "parties",
    "agencies",
    "charities",
    "firms",
    "companies",
    "banks",
    "insiders",
    "executives",
    "bosses",
    "owners",
    "nurses",
    "patients",
    "carers",
    "pupils",
    "academics",
    "surveys",
    "polls",
];

/// Nouns for a document that reports findings (`the review found`).
pub(crate) const FINDINGS_NOUNS: &[&str] = &[
    "review",
    "report",
    "study",
    "survey",
    "inquiry",
    "research",
    "investigation",
    "poll",
    "audit",
    "paper",
    "analysis",
    "guide",
    "document",
    "assessment",
];

fn is_capitalised(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
}

// Membership tests for the longer word lists, as hashed sets built once:
// a linear `contains` compares the word with every entry.

pub(crate) fn is_honorific(word: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| word_set(HONORIFICS));
    SET.contains(word)
}

fn is_not_name(word: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| word_set(NOT_NAMES));
    SET.contains(word)
}

fn is_job_title(word: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| word_set(JOB_TITLES));
    SET.contains(word)
}

fn is_organisation_word(word: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| word_set(ORGANISATION_WORDS));
    SET.contains(word)
}

pub(crate) fn is_organisation_noun(word: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| word_set(ORGANISATION_NOUNS));
    SET.contains(word)
}

pub(crate) fn is_group_noun(word: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| word_set(GROUP_NOUNS));
    SET.contains(word)
}

pub(crate) fn is_findings_noun(word: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| word_set(FINDINGS_NOUNS));
    SET.contains(word)
}

fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=7).contains(&letters)
        && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '&')
        && word.chars().next().is_some_and(char::is_uppercase)
}

/// A name with its possessive ending removed (`Glazer's` → `Glazer`).
pub(crate) fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .or_else(|| word.strip_suffix('\''))
        .or_else(|| word.strip_suffix('’'))
        .unwrap_or(word)
}

/// A word that can be part of a proper name.
pub(crate) fn is_name_word(word: &str) -> bool {
    is_capitalised(word) && !is_not_name(word)
}

/// Joins name words into one name (`Thames Valley Police`).
pub(crate) fn join(words: &[&str]) -> String {
    words.join(" ")
}

/// A map keyed by short names, hashed with foldhash rather than SipHash:
/// as fast as the Fx hash on short keys, but seeded at random per process,
/// so a hostile document cannot choose names that all collide and make its
/// extraction quadratic. The maps live for one document and are only looked
/// up, never iterated, so the hash cannot change any output.
pub(crate) type NameMap<V> = HashMap<String, V, foldhash::fast::RandomState>;

/// The entities of one document and how its mentions map onto them.
#[derive(Debug, Default)]
pub(crate) struct Registry {
    pub entities: Vec<Entity>,
    keys: NameMap<usize>,
    surnames: NameMap<usize>,
    initials: NameMap<usize>,
    first_words: NameMap<usize>,
    /// Per entity: whether the key of its current name is known to be in
    /// `keys`, so mentions by that name need not be keyed again.
    name_keyed: Vec<bool>,
    /// The body that carried out "the review"/"the report", when the text says.
    pub findings_body: Option<usize>,
    /// A buffer for the key of a name being looked up.
    scratch: String,
}

fn key(name: &str) -> String {
    crate::index::normalize_name(name)
}

impl Registry {
    /// The entity a name refers to, if the document has already named it.
    pub fn lookup(&mut self, name: &str) -> Option<usize> {
        let mut k = std::mem::take(&mut self.scratch);
        crate::index::normalize_name_into(name, &mut k);
        let found = self.lookup_key(&k);
        self.scratch = k;
        found
    }

    fn lookup_key(&self, k: &str) -> Option<usize> {
        if k.is_empty() {
            return None;
        }
        if let Some(&i) = self.keys.get(k) {
            return Some(i);
        }
        if !k.contains(' ')
            && let Some(&i) = self.surnames.get(k)
        {
            return Some(i);
        }
        None
    }

    fn add_alias(&mut self, index: usize, alias: &str) {
        let alias = alias.trim();
        if alias.is_empty() {
            return;
        }
        let entity = &mut self.entities[index];
        let is_name = entity.name == alias;
        if is_name {
            if self.name_keyed[index] {
                return;
            }
        } else if entity.aliases.iter().any(|a| a == alias) {
            // Keyed when it was added.
            return;
        } else {
            entity.aliases.push(alias.to_string());
        }
        let k = key(alias);
        if !k.is_empty() {
            self.keys.entry(k).or_insert(index);
        }
        if is_name {
            self.name_keyed[index] = true;
        }
    }

    /// Registers (or finds) an entity by one of its names.
    pub fn entity(&mut self, name: &str, kind: SpeakerKind) -> usize {
        if let Some(i) = self.lookup(name) {
            if kind == SpeakerKind::Person && self.entities[i].kind == SpeakerKind::Person {
                let fuller = name.split_whitespace().count() > self.entities[i].name.split_whitespace().count()
                    && !HONORIFICS.contains(&name.split_whitespace().next().unwrap_or(""));
                if fuller {
                    let old = std::mem::replace(&mut self.entities[i].name, name.to_string());
                    self.name_keyed[i] = false;
                    self.add_alias(i, &old);
                }
            }
            self.add_alias(i, name);
            return i;
        }
        let index = self.entities.len();
        self.entities.push(Entity { name: name.to_string(), aliases: Vec::new(), kind });
        // Keyed just below (an empty key is never looked up).
        self.name_keyed.push(true);
        let k = key(name);
        if !k.is_empty() {
            self.keys.insert(k, index);
        }
        if kind != SpeakerKind::Person {
            let words: Vec<&str> = name.split_whitespace().collect();
            if words.len() > 1 {
                let initials: String =
                    words.iter().filter(|w| is_capitalised(w)).filter_map(|w| w.chars().next()).collect();
                if initials.chars().count() >= 2 {
                    self.initials.entry(initials).or_insert(index);
                }
                if words[0].len() >= 3 {
                    self.first_words.entry(words[0].to_string()).or_insert(index);
                }
            }
        }
        if kind == SpeakerKind::Person {
            let words: Vec<&str> = name.split_whitespace().collect();
            if let Some(surname) = words.last()
                && words.len() > 1
            {
                let surname = key(surname);
                self.surnames.entry(surname).or_insert(index);
                self.add_alias(index, words.last().unwrap_or(&""));
            }
        }
        index
    }

    /// Adds an alias to an entity (an acronym, a surname with title).
    pub fn alias(&mut self, index: usize, alias: &str) {
        self.add_alias(index, alias);
    }

    /// Resolves a capitalised name: known mention, acronym of a known
    /// organisation, or a new entity of the kind its words suggest.
    pub fn name(&mut self, words: &[&str]) -> Option<usize> {
        let words = trim_name(words);
        if words.is_empty() {
            return None;
        }
        let full = join(words);
        if let Some(i) = self.lookup(&full) {
            if words.len() > 1 || is_honorific(words[0]) {
                self.add_alias(i, &full);
            }
            return Some(i);
        }
        if words.len() == 1
            && is_acronym(words[0])
            && let Some(i) = self.by_initials(words[0])
        {
            self.add_alias(i, words[0]);
            return Some(i);
        }
        if words.len() == 1
            && let Some(i) = self.by_first_word(words[0])
        {
            self.add_alias(i, words[0]);
            return Some(i);
        }
        let kind = classify(words);
        // A person named by title and surname: the surname key matches a
        // fuller form named before.
        if kind == SpeakerKind::Person
            && is_honorific(words[0])
            && words.len() >= 2
            && let Some(i) = self.lookup(words[words.len() - 1])
            && self.entities[i].kind == SpeakerKind::Person
        {
            self.add_alias(i, &full);
            return Some(i);
        }
        let index = self.entity(&full, kind);
        if kind == SpeakerKind::Person && words.len() >= 2 && !is_honorific(words[0]) {
            // nothing more: the surname alias was added by `entity`
        }
        Some(index)
    }

    fn by_initials(&self, acronym: &str) -> Option<usize> {
        let target: String = acronym.chars().filter(|c| c.is_alphabetic()).collect();
        self.initials.get(&target).copied()
    }

    fn by_first_word(&self, word: &str) -> Option<usize> {
        self.first_words.get(word).copied()
    }

    /// Finds acronyms defined in parentheses (`Long Form (LF)`) and the body
    /// that carried out a review or report, before statements are resolved.
    pub fn prepare(&mut self, paragraphs: &[String]) {
        for text in paragraphs {
            for (open, _) in text.match_indices('(') {
                let Some((short, long)) = acronym_definition(text, open) else { continue };
                let words: Vec<&str> = long.split_whitespace().collect();
                let first_letter = short.chars().next();
                let Some(begin) = words.iter().position(|w| w.chars().next() == first_letter && is_name_word(w)) else {
                    continue;
                };
                let words = &words[begin..];
                if words.is_empty() || !words.last().is_some_and(|w| is_capitalised(w)) {
                    continue;
                }
                let kind = if words.len() == 1 { classify(words) } else { SpeakerKind::Organisation };
                let index = self.entity(&join(words), kind);
                self.add_alias(index, short);
            }
            if self.findings_body.is_none()
                && let Some(body) = findings_body(text)
            {
                let words: Vec<&str> = body.split_whitespace().collect();
                let words = trim_name(&words);
                if !words.is_empty() {
                    self.findings_body = self.name(words);
                }
            }
        }
    }
}

/// Words that may join the capitalised words of a name.
const NAME_CONNECTORS: &[&str] = &["of", "for", "the", "and", "to", "on", "in", "&"];

/// The largest char boundary at or below `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// At a `(`: the acronym inside (`(BSCB)`) and the text before it that may
/// hold its long form.
fn acronym_definition(text: &str, open: usize) -> Option<(&str, &str)> {
    let rest = &text[open + 1..];
    let close = rest.char_indices().take(11).find(|&(_, c)| c == ')').map(|(i, _)| i)?;
    let short = &rest[..close];
    let mut chars = short.chars();
    if !chars.next().is_some_and(|c| c.is_ascii_uppercase())
        || short.len() < 2
        || !chars.all(|c| c.is_ascii_alphabetic() || c == '&')
    {
        return None;
    }
    let start = floor_boundary(text, open.saturating_sub(160));
    let before = &text[start..open];
    // Words with their offsets (paragraphs separate words by spaces).
    let words: Vec<(usize, &str)> = before
        .split(' ')
        .scan(0, |pos, w| {
            let at = *pos;
            *pos += w.len() + 1;
            Some((at, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    // Keep the trailing run of capitalised words and connectors.
    let mut k = words.len();
    while k > 0 && words.len() - k < 12 {
        let w = words[k - 1].1;
        if is_capitalised(w) || NAME_CONNECTORS.contains(&w) {
            k -= 1;
        } else {
            break;
        }
    }
    let &(from, _) = words.get(k)?;
    Some((short, before[from..].trim_end()))
}

/// The participles that name who carried out a review (`carried out by`).
const CARRIED_OUT_BY: &[&str] = &[
    "carried out by ",
    "conducted by ",
    "commissioned by ",
    "written by ",
    "produced by ",
    "compiled by ",
    "published by ",
    "undertaken by ",
    "led by ",
];

/// The name after "carried out by" when a review or report precedes it in
/// the same sentence.
fn findings_body(text: &str) -> Option<&str> {
    // Every phrase ends in "by ": one pass over the few "by "s finds which
    // phrases occur, so the others are not searched for.
    let bytes = text.as_bytes();
    let mut present = 0u32;
    let mut from = 0;
    while let Some(b) = super::bytes::find_any(bytes, from, b"b") {
        if bytes.get(b + 1..b + 3) == Some(b"y ") {
            let through = &bytes[..b + 3];
            for (i, phrase) in CARRIED_OUT_BY.iter().enumerate() {
                if through.ends_with(phrase.as_bytes()) {
                    present |= 1 << i;
                }
            }
        }
        from = b + 1;
    }
    for (i, phrase) in CARRIED_OUT_BY.iter().enumerate() {
        if present & (1 << i) == 0 {
            continue;
        }
        for (at, _) in text.match_indices(phrase) {
            let start = floor_boundary(text, at.saturating_sub(100));
            let window = &text[start..at];
            let window = window.rsplit(['.', ';']).next().unwrap_or(window);
            let mentions_findings = window.split(|c: char| !c.is_alphabetic()).any(|w| {
                let w = w.to_ascii_lowercase();
                matches!(
                    w.as_str(),
                    "review" | "report" | "study" | "survey" | "inquiry" | "research" | "investigation" | "audit"
                )
            });
            if !mentions_findings {
                continue;
            }
            let after = &text[at + phrase.len()..];
            let after = after.strip_prefix("the ").unwrap_or(after);
            let mut end = 0;
            let mut capitalised = 0;
            for word in after.split(' ') {
                let bare = word.trim_end_matches([',', '.', ';', ':']);
                if is_capitalised(bare) && capitalised < 8 {
                    capitalised += 1;
                    end += bare.len();
                    if bare.len() != word.len() {
                        break;
                    }
                    end += 1;
                } else if NAME_CONNECTORS.contains(&bare) && capitalised > 0 && bare.len() == word.len() {
                    end += word.len() + 1;
                } else {
                    break;
                }
            }
            let body = after[..end.min(after.len())].trim_end();
            if !body.is_empty() {
                return Some(body);
            }
        }
    }
    None
}

/// Drops words that cannot begin or end a name (`The`, trailing `of`).
pub(crate) fn trim_name<'a, 'b>(mut words: &'b [&'a str]) -> &'b [&'a str] {
    while let Some((first, rest)) = words.split_first() {
        if (rest.is_empty() || !is_honorific(first)) && is_not_name(first) || !is_capitalised(first) {
            words = rest;
        } else {
            break;
        }
    }
    while let Some((last, rest)) = words.split_last() {
        if !is_capitalised(last) && !last.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            words = rest;
        } else {
            break;
        }
    }
    words
}

/// Drops leading job titles from a person's name (`Prime Minister Tony
/// Blair` → `Tony Blair`), keeping at least one word.
pub(crate) fn strip_job_titles<'a, 'b>(mut words: &'b [&'a str]) -> &'b [&'a str] {
    while words.len() > 1 && is_job_title(words[0]) {
        words = &words[1..];
    }
    words
}

/// What kind of entity a capitalised name is.
pub(crate) fn classify(words: &[&str]) -> SpeakerKind {
    if words.is_empty() {
        return SpeakerKind::Organisation;
    }
    if words.iter().any(|w| is_organisation_word(w)) || words.iter().any(|w| *w == "and" || *w == "&") {
        return SpeakerKind::Organisation;
    }
    if is_honorific(words[0]) && words.len() >= 2 {
        return SpeakerKind::Person;
    }
    if words.len() == 1 {
        return SpeakerKind::Organisation;
    }
    if words.iter().any(|w| is_acronym(w) || w.chars().any(|c| c.is_ascii_digit())) {
        return SpeakerKind::Organisation;
    }
    if words.len() <= 4 && words.iter().all(|w| is_capitalised(w)) {
        return SpeakerKind::Person;
    }
    SpeakerKind::Organisation
}

/// Whether a name is strong enough evidence of an organisation to be "the
/// organisation just named" for a later `A spokesman said`.
pub(crate) fn is_clear_organisation(words: &[&str]) -> bool {
    words.iter().any(|w| is_organisation_word(w)) || (words.len() == 1 && is_acronym(words[0]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronym_in_parentheses_is_the_long_form() {
        let mut registry = Registry::default();
        registry.prepare(&[
            "The review carried out by the Northshire Safeguarding Children Board (NSCB) was out.".to_string()
        ]);
        let long = registry.lookup("Northshire Safeguarding Children Board");
        assert!(long.is_some());
        assert_eq!(registry.lookup("NSCB"), long);
        assert_eq!(registry.findings_body, long);
    }

    #[test]
    fn surname_with_title_is_the_person() {
        let mut registry = Registry::default();
        let full = registry.name(&["Anna", "Fielding"]);
        let short = registry.name(&["Ms", "Fielding"]);
        assert_eq!(full, short);
        let entity = &registry.entities[full.unwrap()];
        assert_eq!(entity.kind, SpeakerKind::Person);
        assert!(entity.aliases.contains(&"Ms Fielding".to_string()));
    }

    #[test]
    fn acronym_matches_initials_of_a_named_body() {
        let mut registry = Registry::default();
        let long = registry.name(&["Western", "Rail", "Authority"]);
        assert_eq!(registry.name(&["WRA"]), long);
    }

    #[test]
    fn kinds_from_words() {
        assert_eq!(classify(&["Northshire", "Police"]), SpeakerKind::Organisation);
        assert_eq!(classify(&["Anna", "Fielding"]), SpeakerKind::Person);
        assert_eq!(classify(&["Lord", "Smith"]), SpeakerKind::Person);
        assert_eq!(classify(&["NSPCC"]), SpeakerKind::Organisation);
    }
}

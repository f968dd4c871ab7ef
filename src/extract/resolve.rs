//! Turning a subject phrase into a speaker: names, acronyms, spokespeople,
//! "the review", pronouns and groups, using what the document said before.

use super::SpeakerKind;
use super::cues::{PRONOUNS, Token, lowercase};
use super::entities::{
    Registry, classify, is_clear_organisation, is_findings_noun, is_group_noun, is_honorific, is_name_word,
    is_organisation_noun, strip_job_titles, strip_possessive, trim_name,
};

/// What the document has established so far, for references back.
#[derive(Debug, Default, Clone)]
pub(crate) struct Context {
    /// The last person who spoke or was the subject of a sentence.
    pub last_person: Option<usize>,
    /// The last organisation clearly named (for `A spokesman said`).
    pub last_organisation: Option<usize>,
    /// The last organisation that spoke (for `it said`).
    pub last_organisation_speaker: Option<usize>,
    /// The last group that spoke (for `they said`).
    pub last_group_speaker: Option<usize>,
    /// The last speaker of any kind.
    pub last_speaker: Option<usize>,
}

impl Context {
    /// Records that `speaker` spoke.
    pub fn spoke(&mut self, registry: &Registry, speaker: usize) {
        self.last_speaker = Some(speaker);
        match registry.entities[speaker].kind {
            SpeakerKind::Person => self.last_person = Some(speaker),
            SpeakerKind::Organisation => {
                self.last_organisation_speaker = Some(speaker);
                self.last_organisation = Some(speaker);
            }
            SpeakerKind::Group => self.last_group_speaker = Some(speaker),
        }
    }
}

/// Lower-case nouns of office that, after `the`, stand for a person.
const JOB_NOUNS: &[&str] = &[
    "secretary",
    "minister",
    "chief",
    "chairman",
    "chairwoman",
    "director",
    "executive",
    "leader",
    "head",
    "boss",
    "coach",
    "manager",
    "president",
    "chancellor",
    "commissioner",
    "constable",
    "officer",
    "inspector",
    "superintendent",
    "judge",
    "mayor",
    "governor",
    "ambassador",
    "founder",
    "author",
    "chair",
];
const SPOKESPEOPLE: &[&str] =
    &["spokesman", "spokeswoman", "spokesperson", "representative", "spokesmen", "spokeswomen"];
const DETERMINERS: &[&str] = &["a", "an", "the", "some", "many", "most", "several", "this", "these", "those"];
const GENERIC_ORGANISATION_NOUNS: &[&str] =
    &["firm", "company", "club", "charity", "bank", "force", "watchdog", "regulator", "group", "organisation", "team"];

/// Whether a phrase names a spokesperson (`a spokesman for X`).
pub(crate) fn names_spokesperson(text: &str, tokens: &[Token]) -> bool {
    tokens.iter().any(|t| {
        let word = &text[t.start..t.end];
        // Every listed word is lower-case ASCII: an ASCII word needs no copy.
        t.word
            && if word.is_ascii() {
                SPOKESPEOPLE.iter().any(|s| s.eq_ignore_ascii_case(word))
            } else {
                SPOKESPEOPLE.contains(&&*lowercase(word))
            }
    })
}

/// Resolves the words of a subject phrase to an entity.
pub(crate) fn subject(text: &str, tokens: &[Token], registry: &mut Registry, context: &Context) -> Option<usize> {
    let words: Vec<&str> = tokens.iter().filter(|t| t.word).map(|t| &text[t.start..t.end]).collect();
    let words = strip_leading_adverbials(&words);
    if words.is_empty() {
        return None;
    }
    if words.len() == 1 {
        let only = lowercase(words[0]);
        if PRONOUNS.contains(&&*only) {
            return match &*only {
                "he" | "she" => context.last_person,
                "it" => context.last_organisation_speaker,
                "they" => context.last_group_speaker,
                _ => None,
            };
        }
    }
    // Spokespeople: `A spokesman for X`, `An X spokesman`, `X spokesman Name`.
    if let Some(at) = words.iter().position(|w| SPOKESPEOPLE.iter().any(|s| w.eq_ignore_ascii_case(s))) {
        let after = &words[at + 1..];
        let name_after: Vec<&str> = after.iter().copied().take_while(|w| is_name_word(w) || is_honorific(w)).collect();
        if !name_after.is_empty() {
            let person = registry.name(strip_job_titles(&name_after))?;
            let before = trim_name(&words[..at]);
            if !before.is_empty() && is_clear_organisation(before) {
                let alias = before.join(" ");
                registry.alias(person, &alias);
            }
            return Some(person);
        }
        if let Some(first) = after.first()
            && matches!(&*lowercase(first), "for" | "from" | "of" | "at")
        {
            return subject_words(&after[1..], registry, context);
        }
        let before = trim_name(&words[..at]);
        if !before.is_empty() {
            let before: Vec<&str> = before.iter().map(|w| strip_possessive(w)).collect();
            return registry.name(&before);
        }
        return context.last_organisation;
    }
    subject_words(words, registry, context)
}

fn strip_leading_adverbials<'a, 'b>(mut words: &'b [&'a str]) -> &'b [&'a str] {
    while let Some((first, rest)) = words.split_first() {
        let w = lowercase(first);
        if matches!(&*w, "however" | "but" | "and" | "yet" | "meanwhile" | "earlier" | "later" | "now" | "so" | "also")
        {
            words = rest;
        } else {
            break;
        }
    }
    words
}

fn subject_words(words: &[&str], registry: &mut Registry, context: &Context) -> Option<usize> {
    if words.is_empty() {
        return None;
    }
    let last = words[words.len() - 1];
    let last_lower = lowercase(last);
    let first_lower = lowercase(words[0]);
    // A group: `other young victims`, `Analysts`, `her lawyers`.
    if is_group_noun(&last_lower) && words[1..].iter().all(|w| !is_name_word(w) || words.len() <= 2) {
        let mut start = 0;
        while start + 1 < words.len() && DETERMINERS.contains(&&*lowercase(words[start])) {
            start += 1;
        }
        let phrase = words[start..].join(" ");
        if words.len() > 6 {
            return None;
        }
        let index = registry.entity(&phrase.to_lowercase_first(), SpeakerKind::Group);
        if words.len() - start > 1 {
            registry.alias(index, &last_lower);
        }
        return Some(index);
    }
    // `the review`, `the report`: the body that carried it out.
    if is_findings_noun(&last_lower) {
        let names = trim_name(&words[..words.len() - 1]);
        if !names.is_empty() && names.iter().all(|w| is_name_word(w)) {
            let names: Vec<&str> = names.iter().map(|w| strip_possessive(w)).collect();
            return registry.name(&names);
        }
        return registry.findings_body;
    }
    // `the government`, `the tribunal`, `the firm`.
    if is_organisation_noun(&last_lower) && !is_name_word(last) {
        if GENERIC_ORGANISATION_NOUNS.contains(&&*last_lower) {
            return context.last_organisation;
        }
        if words.len() <= 3 && DETERMINERS.contains(&&*first_lower) || words.len() == 1 {
            let start = usize::from(DETERMINERS.contains(&&*first_lower));
            let phrase = words[start..].join(" ");
            return Some(registry.entity(&phrase, SpeakerKind::Organisation));
        }
        return None;
    }
    // A job title standing for a person: `the home secretary`.
    if JOB_NOUNS.contains(&&*last_lower) && last == last_lower && first_lower == "the" && words.len() <= 5 {
        let title = words[1..].join(" ");
        if let Some(person) = registry.lookup(&title) {
            return Some(person);
        }
        let described = words[1..].iter().any(|w| is_name_word(w));
        if !described && let Some(person) = context.last_person {
            return Some(person);
        }
        return Some(registry.entity(&title, SpeakerKind::Person));
    }
    // A trailing proper name: `chief inspector Anna Fielding`, `Thames Valley Police`.
    let mut start = words.len();
    while start > 0 {
        let w = words[start - 1];
        let connector = matches!(w, "of" | "for" | "the" | "and" | "&" | "to") && start < words.len();
        // A calendar word inside a name ("Theresa May") is part of it.
        let inner_name =
            start >= 2 && w.chars().next().is_some_and(char::is_uppercase) && is_name_word(words[start - 2]);
        if is_name_word(w)
            || inner_name
            || is_honorific(w)
            || connector
            || w.chars().all(|c| c.is_ascii_digit()) && start < words.len()
        {
            start -= 1;
        } else {
            break;
        }
    }
    if start == words.len() {
        return None;
    }
    let name = trim_name(&words[start..]);
    if name.is_empty() {
        return None;
    }
    // The last word may be possessive ("Glazer's lawyer") only when it is the
    // head, which it is not here: a name followed by nothing.
    if name.last().is_some_and(|w| strip_possessive(w) != *w) {
        return None;
    }
    if classify(name) == SpeakerKind::Person {
        let person_name = strip_job_titles(name);
        let person = registry.name(person_name)?;
        let title = &name[..name.len() - person_name.len()];
        if !title.is_empty() {
            // "Prime Minister Tony Blair": later "the prime minister" is him.
            registry.alias(person, &title.join(" "));
        }
        return Some(person);
    }
    registry.name(name)
}

trait LowerFirst {
    fn to_lowercase_first(&self) -> String;
}

impl LowerFirst for String {
    /// Lower-cases a sentence-initial capital (`Analysts` → `analysts`) but
    /// keeps names (`Tories and Lib Dems`).
    fn to_lowercase_first(&self) -> String {
        let mut words = self.split(' ');
        let Some(first) = words.next() else { return self.clone() };
        let rest: Vec<&str> = words.collect();
        let lower_first = if rest.iter().all(|w| !is_name_word(w)) { first.to_lowercase() } else { first.to_string() };
        std::iter::once(lower_first.as_str()).chain(rest).collect::<Vec<_>>().join(" ")
    }
}

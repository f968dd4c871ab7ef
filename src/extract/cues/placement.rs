//! Cue placement: where the speaker of a verb already read as reporting
//! stands — before it (over appositions, brackets and relative clauses),
//! after it ("…," said Mr Khan), or as a relative clause's antecedent.

use super::super::lexicon::{COORDINATOR, class, tag};
use super::super::mentions::Run;
use super::super::tokens::shape;
use super::phrases::{phrase_ending, phrase_starting};
use super::{Cue, Scan, Site};

impl Scan<'_> {
    /// The subject of an active verb at `v`; `at` is where the verb group
    /// starts ("is" of "is warning").
    pub(super) fn active(&self, v: usize, class: u8, all: u8, floor: usize, at: usize) -> Option<Cue> {
        let cue = |site| Some(Cue { verb: v, class, site });
        if all & class::RECIPIENT == 0
            && let Some(after) = self.inverted(v, floor)
        {
            return cue(Site::After(after));
        }
        let p = self.before_verb(at, floor)?;
        let prev = &self.tokens[p];
        match prev.text(self.paragraph) {
            "," | "-" | "–" | "—" => {
                let (subject, apposition) = self.through_appositions(p, floor)?;
                cue(Site::Before { subject, apposition: Some(apposition) })
            }
            ")" => {
                let open = (floor..p).rev().find(|&k| self.text(k) == "(")?;
                let q = self.before_verb(open, floor)?;
                phrase_ending(self.tokens, self.paragraph, floor, q)
                    .and_then(|subject| cue(Site::Before { subject, apposition: None }))
            }
            word if COORDINATOR.has(word) => match self.coordinated_subject(p, floor) {
                Some(subject) => cue(Site::Before { subject, apposition: None }),
                None => cue(Site::Main),
            },
            _ if prev.is_relative() => cue(Site::Relative(self.antecedent(p, floor)?)),
            _ => {
                let subject = phrase_ending(self.tokens, self.paragraph, floor, p)?;
                // "backed Tory demands that …": a phrase after a verb or
                // preposition is an object, and the word after it a noun.
                // A phrase after "by" is an agent ("Figures published by
                // the charity show …"), so the verb after it may be the main one.
                let object = subject.0 > floor && {
                    let before = &self.tokens[subject.0 - 1];
                    !before.is_capitalised()
                        && !before.eq(self.paragraph, "by")
                        && (before.is(tag::VERB | tag::ADP) && !before.is(tag::NOUN) || before.is_verb_form())
                };
                if object && self.tokens[v].is(tag::NOUN) {
                    return None;
                }
                cue(Site::Before { subject, apposition: None })
            }
        }
    }

    /// The subject a verb after "and" at `and` shares when it joins a
    /// clause opened by a conjunction ("X praised Y after she attacked
    /// them and blamed …"): that clause's subject, not the sentence's. Only
    /// with no comma between, which would leave the joint unclear.
    fn coordinated_subject(&self, and: usize, floor: usize) -> Option<Run> {
        let from = floor.max(and.saturating_sub(20));
        let k = (from..and).rev().find(|&k| {
            let t = &self.tokens[k];
            !t.is_word() || t.is(tag::SCONJ) && !t.is(tag::PRON) && !t.is_capitalised()
        })?;
        let opener = &self.tokens[k];
        let subject = self.tokens.get(k + 1)?;
        if !opener.is_word() || !(subject.is(tag::PRONOUN) || subject.is_capitalised()) {
            return None;
        }
        phrase_starting(self.tokens, self.paragraph, k + 1, and)
    }

    /// What a relative pronoun at `r` refers back to: the nearest phrase
    /// that can speak (a person, group, organisation or document noun, or
    /// a name that is clearly one), over prepositional phrases and
    /// brackets ("a review into … (CSE) in Buckinghamshire which said").
    fn antecedent(&self, r: usize, floor: usize) -> Option<Run> {
        let speaker_noun = tag::PERSON_NOUN | tag::GROUP_NOUN | tag::FINDINGS_NOUN;
        let mut k = r;
        let mut depth = 0;
        while k > floor && r - k < 16 {
            k -= 1;
            let t = &self.tokens[k];
            match t.text(self.paragraph) {
                ")" => depth += 1,
                "(" => depth -= 1,
                "," | ";" | ":" if depth == 0 && k + 1 < r => break,
                _ => {}
            }
            if depth > 0 || !t.is_word() {
                continue;
            }
            // Only a phrase's head: "child" of "child sexual exploitation"
            // only describes the head after it.
            let modifier = self
                .tokens
                .get(k + 1)
                .is_some_and(|n| n.is(tag::NOUN | tag::ADJ) && !n.is_capitalised() && n.is_word());
            let speaker = t.is(speaker_noun) && !t.is_capitalised()
                || t.has(shape::ACRONYM)
                || t.is_capitalised() && t.is(tag::GROUP_SENSE | tag::ORG_SUFFIX);
            if speaker && !modifier {
                return phrase_ending(self.tokens, self.paragraph, floor, k);
            }
            if t.is(tag::VERB | tag::AUX) && !t.is(tag::NOUN | tag::ADJ | tag::PROPN) && !t.is_capitalised() {
                break;
            }
        }
        let q = if r > floor && self.text(r - 1) == "," { r - 1 } else { r };
        phrase_ending(self.tokens, self.paragraph, floor, q.checked_sub(1)?)
    }

    /// "…," said Mr Khan. / said the spokesman, adding …: the verb follows
    /// a comma or a quote, and a phrase follows it that ends the clause.
    fn inverted(&self, v: usize, floor: usize) -> Option<Run> {
        let after_quote = |k: usize| self.tokens[k].has(shape::QUOTED);
        let after_comma = v >= 1 && matches!(self.text(v - 1), "," | "–" | "—");
        let opens_clause = v == 0 || after_quote(v - 1) || after_comma && v >= 2 && after_quote(v - 2) || v == floor;
        let first = self.tokens.get(v + 1)?;
        if first.eq(self.paragraph, "that") || first.eq(self.paragraph, "it") {
            return None;
        }
        let run = phrase_starting(self.tokens, self.paragraph, v + 1, self.tokens.len())?;
        let next = self.tokens.get(run.1);
        let closes = next.is_none_or(|n| !n.is_word() || n.has(shape::QUOTED));
        // "…, said Mr Pollmann." after a clause of the text's own: only when
        // a name ends the sentence.
        let ends_sentence = next.is_none_or(|n| matches!(n.text(self.paragraph), "." | "!" | "?"))
            || next.is_some_and(|n| n.text(self.paragraph) == ",");
        let named =
            self.tokens[run.0..run.1].iter().any(|t| t.is_capitalised() || t.is(tag::PRONOUN_M | tag::PRONOUN_F));
        (closes && opens_clause || after_comma && ends_sentence && named).then_some(run)
    }

    /// Back from a comma just before a verb, over appositions and
    /// relative clauses, to the phrase they describe ("Robert Jackson, 58,
    /// MP for Wantage, said"). Returns the subject and the appositions.
    fn through_appositions(&self, comma: usize, floor: usize) -> Option<(Run, Run)> {
        let separator = if self.text(comma) == "," { "," } else { self.text(comma) };
        let is_separator = |k: usize| self.text(k) == separator || separator != "," && self.text(k) == ",";
        let mut right = comma;
        for _ in 0..4 {
            let left = (floor..right).rev().find(|&k| is_separator(k)).map_or(floor, |k| k + 1);
            if left >= right {
                return None;
            }
            let segment = (left, right);
            if !self.apposition_like(segment) {
                return None;
            }
            if left == floor {
                return None;
            }
            let before = left - 1;
            let start = (floor..before).rev().find(|&k| is_separator(k)).map_or(floor, |k| k + 1);
            if before > start
                && let Some(subject) = phrase_ending(self.tokens, self.paragraph, start, before - 1)
                && self.names_something(subject)
                && !self.description_of_a_name(start, floor)
            {
                return Some((subject, (left, comma)));
            }
            right = before;
        }
        None
    }

    /// Whether the phrase from `start` is a description ("a developer and
    /// spokeswoman for Acme") set after a bare name and its comma ("Jo Lee,
    /// a developer …, which …, said"): the name is the subject, and the
    /// organisation ending the description only describes her.
    fn description_of_a_name(&self, start: usize, floor: usize) -> bool {
        let first = &self.tokens[start];
        if start < floor + 2 || !first.is(tag::DET) || first.is_capitalised() || self.text(start - 1) != "," {
            return false;
        }
        let name_end = start - 1;
        let name_start = (floor..name_end).rev().find(|&k| !self.tokens[k].is_word()).map_or(floor, |k| k + 1);
        let name = &self.tokens[name_start..name_end];
        (1..=4).contains(&name.len())
            && name.iter().all(|t| {
                t.is_capitalised() && !t.is(tag::DET | tag::ADP | tag::ADV | tag::SCONJ | tag::CCONJ | tag::PRON)
            })
    }

    /// A phrase that names a speaker, not an introductory phrase.
    fn names_something(&self, run: Run) -> bool {
        let words = &self.tokens[run.0..run.1];
        words.iter().any(|t| {
            t.is_capitalised() && !t.is(tag::ADV | tag::SCONJ | tag::ADP | tag::CCONJ)
                || t.is(tag::PERSON_NOUN | tag::GROUP_NOUN | tag::FINDINGS_NOUN | tag::PRONOUN)
        })
    }

    /// An apposition or relative clause: starts with a relative pronoun or
    /// a participle, or has no finite verb of its own.
    fn apposition_like(&self, (left, right): Run) -> bool {
        let first = &self.tokens[left];
        if first.is_relative() {
            return true;
        }
        // A participle: "carried out by", "written by", "drawn up by".
        let participle = ["ed", "en", "wn"].iter().any(|end| first.text(self.paragraph).ends_with(end));
        if first.is(tag::VERB) && !first.is(tag::NOUN) && (participle || first.is(tag::V_PAST)) {
            return true;
        }
        right - left <= 14
            && !self.tokens[left..right].iter().any(|t| {
                t.has(shape::QUOTED) || t.is(tag::AUX) && !t.is(tag::NOUN) || t.is_verb_form() && !t.is(tag::NOUN)
            })
            && !first.is(tag::SCONJ)
    }
}

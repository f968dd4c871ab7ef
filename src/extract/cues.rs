//! Stage 3, cues: the words that attribute a statement. Verb templates
//! ("X said", "said X", "X, who led the inquiry, said", ", saying"), the
//! passive with its agent ("was criticised by X"), "according to X", a
//! light verb with a reporting noun ("expressed concern", "made 14
//! recommendations") and a stance adjective ("is confident that"). Each cue
//! says where its speaker's phrase is; `mentions` reads that phrase.

use super::lexicon::{class, tag};
use super::mentions::Run;
use super::tokens::{Token, is_name_joiner, shape};

/// Where a cue's speaker is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Site {
    /// The phrase before the verb ("The minister said"); the run of an
    /// apposition between them, if any ("X, director of Y, said").
    Before { subject: Run, apposition: Option<Run> },
    /// After the verb ("…," said Mr Khan).
    After(Run),
    /// A relative clause's antecedent ("youngsters who asked").
    Relative(Run),
    /// The subject of the sentence's main clause (", saying", "and said").
    Main,
    /// A passive's agent or "according to X".
    Agent(Run),
    /// An agentless passive ("have been told"): the document in focus.
    Context,
}

/// One cue in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cue {
    /// The verb (or adjective, or "according").
    pub verb: usize,
    pub class: u8,
    pub site: Site,
}

/// The tokens a speaker's phrase may not run back over: before `floor`.
fn lower(paragraph: &str, t: &Token) -> String {
    t.text(paragraph).to_ascii_lowercase()
}

fn is_be(paragraph: &str, t: &Token) -> bool {
    matches!(
        lower(paragraph, t).as_str(),
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "am" | "'s" | "’s" | "get" | "got"
    )
}

fn is_copula(paragraph: &str, t: &Token) -> bool {
    is_be(paragraph, t)
        || matches!(
            lower(paragraph, t).as_str(),
            "remain"
                | "remains"
                | "remained"
                | "feel"
                | "feels"
                | "felt"
                | "seem"
                | "seems"
                | "seemed"
                | "appear"
                | "appears"
                | "appeared"
                | "became"
                | "become"
                | "becomes"
        )
}

fn is_perfect(paragraph: &str, t: &Token) -> bool {
    matches!(lower(paragraph, t).as_str(), "has" | "have" | "had" | "having")
}

/// Words between a subject and its verb: auxiliaries, adverbs, "not".
fn skippable(t: &Token) -> bool {
    t.is_word()
        && !t.is_capitalised()
        && (t.is(tag::AUX | tag::PART)
            || t.is(tag::ADV) && !t.is(tag::NOUN | tag::ADJ | tag::PROPN | tag::DET | tag::ADP | tag::SCONJ))
        && !t.is(tag::PRONOUN)
}

fn is_relative(paragraph: &str, t: &Token) -> bool {
    matches!(t.text(paragraph), "who" | "which" | "that" | "whom")
}

/// Whether `t` can be a word of a noun phrase.
fn in_phrase(t: &Token) -> bool {
    if !t.is_word() || t.is(tag::PRONOUN) && !t.is_capitalised() {
        return false;
    }
    // A capitalised word is a name's, whatever else it can be ("Theresa
    // May", "Will Self"), unless it opens the phrase ("But", "The").
    if t.is_capitalised() && !t.is_opener() && !t.is(tag::PRONOUN) {
        return true;
    }
    let nominal = t.is(tag::NOUN | tag::ADJ | tag::NUM | tag::DET | tag::PROPN);
    let only_verbal = t.is(tag::AUX) && !t.is(tag::NOUN)
        || t.is(tag::VERB) && !t.is(tag::NOUN | tag::ADJ | tag::PROPN) && !t.is_capitalised()
        || t.is(tag::ADV | tag::SCONJ) && !t.is(tag::NOUN | tag::ADJ | tag::PROPN | tag::DET);
    // An unknown lower-case word is taken for a noun, unless it ends like
    // a verb form ("jailed", "tweeting").
    let text_unknown = t.word.is_unknown() && !t.is_capitalised() && !t.has(shape::VERB_ENDING);
    (t.is_capitalised() || nominal || t.has(shape::DIGIT | shape::POSSESSIVE) || text_unknown) && !only_verbal
}

/// A preposition that attaches a phrase to the noun before it ("a
/// spokesman for the Home Office", "the head of policy").
fn is_attaching(paragraph: &str, t: &Token) -> bool {
    matches!(t.text(paragraph), "for" | "of" | "at" | "from" | "in" | "on" | "with")
}

/// The noun phrase that ends at token `last`, walking back no further than
/// `floor`: names, nouns, determiners, possessives, and prepositional
/// phrases after a noun ("a spokesman for the Home Office").
pub(crate) fn phrase_ending(tokens: &[Token], paragraph: &str, floor: usize, last: usize) -> Option<Run> {
    let t = &tokens[last];
    if t.is(tag::PRONOUN) && !t.is(tag::DET) && t.is_word() {
        return Some((last, last + 1));
    }
    if !in_phrase(t) {
        return None;
    }
    let mut start = last;
    let mut k = last;
    while k > floor && last - k < 14 {
        let prev = &tokens[k - 1];
        let joiner = (is_name_joiner(paragraph, prev) || matches!(prev.text(paragraph), "-" | "&" | "'" | "’"))
            && k - 1 > floor
            && tokens[k - 2].is_capitalised()
            && tokens[k].is_capitalised();
        let after_determiner = tokens[k].is(tag::DET) && !tokens[k].is_capitalised();
        if after_determiner {
            // A determiner starts a phrase: go on only over a preposition
            // that attaches it to a noun ("spokesman for the ...").
            let attaches = prev.is(tag::ADP)
                && !prev.is_capitalised()
                && is_attaching(paragraph, prev)
                && k - 1 > floor
                && in_phrase(&tokens[k - 2])
                && !tokens[k - 2].is(tag::DET);
            if attaches {
                k -= 2;
                start = k;
                continue;
            }
            break;
        }
        if joiner {
            k -= 1;
            continue;
        }
        let and_between = prev.eq(paragraph, "and")
            && k - 1 > floor
            && tokens[k - 2].is(tag::ADJ)
            && tokens[k].is(tag::ADJ | tag::PROPN);
        if and_between {
            k -= 1;
            continue;
        }
        if in_phrase(prev) {
            k -= 1;
            start = k;
            continue;
        }
        let attaches = prev.is(tag::ADP)
            && !prev.is_capitalised()
            && is_attaching(paragraph, prev)
            && k - 1 > floor
            && in_phrase(&tokens[k - 2])
            && !tokens[k - 2].is(tag::DET);
        if attaches {
            k -= 2;
            start = k;
            continue;
        }
        // "A letter sent to Mr Ross said": a participle and its phrase
        // after the head noun.
        let participle = prev.is(tag::ADP)
            && !prev.is_capitalised()
            && k >= floor + 3
            && tokens[k - 2].is(tag::VERB)
            && !tokens[k - 2].is_capitalised()
            && tokens[k - 3].is(tag::NOUN)
            && !tokens[k - 3].is_capitalised();
        if participle {
            k -= 3;
            start = k;
            continue;
        }
        break;
    }
    while start < last
        && (tokens[start].is_opener() && !tokens[start].is(tag::DET | tag::POSSESSIVE_DET) || !tokens[start].is_word())
    {
        start += 1;
    }
    Some((start, last + 1))
}

/// The noun phrase that starts at `first` and runs right up to a verb,
/// comma or the end: an inverted subject ("said Mr Khan, the chairman").
fn phrase_starting(tokens: &[Token], paragraph: &str, first: usize, end: usize) -> Option<Run> {
    let t = tokens.get(first).filter(|_| first < end)?;
    if t.is(tag::PRONOUN_M | tag::PRONOUN_F) && !t.is(tag::DET) {
        return Some((first, first + 1));
    }
    let mut k = first;
    while k < end {
        let t = &tokens[k];
        let joiner = (is_name_joiner(paragraph, t) || t.eq(paragraph, "the"))
            && k > first
            && tokens[k - 1].is_capitalised()
            && tokens.get(k + 1).is_some_and(|n| n.is_capitalised() && k + 1 < end);
        if in_phrase(t) || joiner {
            k += 1;
        } else {
            break;
        }
    }
    (k > first).then_some((first, k))
}

/// How a sentence's cues are found: the tokens, the paragraph they are
/// in, and where the current clause may start.
struct Scan<'a> {
    tokens: &'a [Token],
    paragraph: &'a str,
}

impl Scan<'_> {
    fn text(&self, k: usize) -> &str {
        self.tokens[k].text(self.paragraph)
    }

    /// Where a subject for the verb at `v` may start: after the last quote,
    /// semicolon or colon before it.
    fn floor(&self, v: usize) -> usize {
        (0..v)
            .rev()
            .find(|&k| {
                let t = &self.tokens[k];
                t.has(shape::QUOTED) || matches!(self.text(k), ";" | ":" | "–" | "—")
            })
            .map_or(0, |k| k + 1)
    }

    /// The previous token that is not an auxiliary or adverb.
    fn before_verb(&self, v: usize, floor: usize) -> Option<usize> {
        (floor..v).rev().find(|&k| !skippable(&self.tokens[k]))
    }

    /// The reporting-verb reading of the token at `v`, if it has one here.
    fn verb(&self, v: usize) -> Option<Cue> {
        let t = &self.tokens[v];
        let next = self.tokens.get(v + 1).map(|n| n.text(self.paragraph));
        let particle = t.word.lemmas().iter().find(|l| l.particle.as_deref().is_some_and(|p| Some(p) == next));
        let all = particle.map_or_else(|| t.word.bare_class(), |l| l.class);
        let class = all & !(class::AUTHORING | class::RECIPIENT | class::NOT);
        if class == 0 || all & class::NOT != 0 || class == class::LIGHT && !self.reporting_noun_follows(v) {
            return None;
        }
        // "snapped up", "called off": a particle the lemma does not list.
        if particle.is_none() && next.is_some_and(|n| matches!(n, "up" | "off" | "down" | "away" | "back" | "out")) {
            return None;
        }
        let floor = self.floor(v);
        let prev = self.before_verb(v, floor);
        if t.is(tag::V_ING) && !t.is(tag::V_BASE | tag::V_PAST | tag::V_S) {
            return self.participle(v, class, floor, prev);
        }
        if let Some(site) = self.passive(v, all, floor) {
            return site.map(|site| Cue { verb: v, class, site });
        }
        if !self.finite(v, floor, prev) {
            return None;
        }
        self.active(v, class, all, floor, v)
    }

    /// An `-ing` form: ", saying …" (the main clause's subject speaks) or
    /// "is warning" (a subject before the auxiliary).
    fn participle(&self, v: usize, class: u8, floor: usize, prev: Option<usize>) -> Option<Cue> {
        let p = prev?;
        let adjunct = matches!(self.text(p), "," | "as" | "after" | "before" | "while" | "when" | "by" | "without");
        if adjunct {
            return Some(Cue { verb: v, class, site: Site::Main });
        }
        if !is_be(self.paragraph, &self.tokens[v - 1]) {
            return None;
        }
        let be = (floor..v).rev().find(|&k| is_be(self.paragraph, &self.tokens[k]))?;
        self.active(v, class, 0, floor, be)
    }

    /// A passive reading of a past participle: `Some(Some(site))` for a
    /// passive with an agent (or one whose agent is the document in focus),
    /// `Some(None)` for one that reports nothing, `None` when active.
    fn passive(&self, v: usize, all: u8, floor: usize) -> Option<Option<Site>> {
        let t = &self.tokens[v];
        if !t.is(tag::V_PAST) || v == floor {
            return None;
        }
        let prev = &self.tokens[v - 1];
        let next = self.tokens.get(v + 1);
        // "the issue highlighted was …": a participle between a noun and "be".
        let common_noun = prev.is(tag::NOUN) && !prev.is_capitalised() && !prev.is(tag::PRONOUN);
        if common_noun
            && !prev.is(tag::PLURAL | tag::PERSON_NOUN | tag::GROUP_NOUN | tag::FINDINGS_NOUN)
            && next.is_some_and(|n| is_be(self.paragraph, n))
        {
            return Some(Some(Site::Context));
        }
        // "citizens suspected of …", "cases reported to police": a reduced
        // relative clause, not a verb of its own ("measures outlined by the
        // home secretary" still names its agent).
        if common_noun && next.is_some_and(|n| n.is(tag::ADP) && !n.is_capitalised()) {
            if let Some(agent) = self.agent(v).filter(|_| next.is_some_and(|n| n.eq(self.paragraph, "by"))) {
                return Some(Some(Site::Agent(agent)));
            }
            if all & class::SPEECH == 0 {
                return Some(None);
            }
        }
        if !(is_be(self.paragraph, prev) || self.passive_be(v, floor)) {
            return None;
        }
        if let Some(agent) = self.agent(v) {
            return Some(Some(Site::Agent(agent)));
        }
        // Agentless: only findings ("it was found that") and what someone
        // was told have a source the context gives; hedges ("is believed",
        // "is expected") have none.
        let sourced = all & (class::FINDING | class::RECIPIENT) != 0;
        Some(sourced.then_some(Site::Context))
    }

    /// Whether a base or `-s` form is a finite verb here, not a noun ("the
    /// report", "their claims") or an infinitive ("refused to say").
    fn finite(&self, v: usize, floor: usize, prev: Option<usize>) -> bool {
        let t = &self.tokens[v];
        let Some(p) = prev.map(|p| &self.tokens[p]) else { return true };
        let noun_too = t.is(tag::NOUN);
        if p.is(tag::DET | tag::POSSESSIVE_DET) && !p.is_capitalised() && !p.is(tag::PRONOUN_PL | tag::PRONOUN_FIRST)
            || p.is(tag::POSSESSIVE_DET)
            || p.eq(self.paragraph, "to")
            || p.is(tag::ADJ) && !p.is(tag::NOUN) && noun_too
            || p.has(shape::POSSESSIVE) && noun_too
        {
            return false;
        }
        let only_base = t.is(tag::V_BASE) && !t.is(tag::V_PAST | tag::V_S);
        if !only_base {
            return true;
        }
        let modal = (floor..v).rev().take_while(|&k| skippable(&self.tokens[k])).any(|k| self.tokens[k].is(tag::AUX));
        let plural = |t: &Token| {
            t.is(tag::PLURAL | tag::PRONOUN_PL | tag::PRONOUN_FIRST)
                || t.is(tag::NOUN) && t.text(self.paragraph).ends_with('s')
        };
        // The phrase's head, before any preposition ("critics of the plan say").
        let head = prev.and_then(|p| phrase_ending(self.tokens, self.paragraph, floor, p)).map(|(a, b)| {
            (a..b)
                .find(|&k| k > a && self.tokens[k].is(tag::ADP) && !self.tokens[k].is_capitalised())
                .map_or(b - 1, |k| k - 1)
        });
        modal || plural(p) || head.is_some_and(|h| plural(&self.tokens[h]))
    }

    /// "was also criticised": a form of "be" among the skipped words.
    fn passive_be(&self, v: usize, floor: usize) -> bool {
        self.tokens[v].is(tag::V_PAST)
            && (floor..v)
                .rev()
                .take_while(|&k| skippable(&self.tokens[k]))
                .any(|k| is_be(self.paragraph, &self.tokens[k]))
            && !(floor..v)
                .rev()
                .take_while(|&k| skippable(&self.tokens[k]))
                .any(|k| is_perfect(self.paragraph, &self.tokens[k]) && v - k == 1)
    }

    /// A passive's agent: the phrase after "by" within a few words.
    fn agent(&self, v: usize) -> Option<Run> {
        let by = (v + 1..self.tokens.len().min(v + 5)).find(|&k| self.text(k) == "by")?;
        phrase_starting(self.tokens, self.paragraph, by + 1, self.tokens.len())
    }

    /// Whether a reporting noun follows a light verb closely.
    fn reporting_noun_follows(&self, v: usize) -> bool {
        self.tokens[v + 1..]
            .iter()
            .take(5)
            .take_while(|t| t.is_word() && !t.has(shape::QUOTED))
            .find(|t| {
                !(t.is(tag::DET | tag::ADJ | tag::NUM | tag::ADV) || t.has(shape::DIGIT)) || t.is(tag::REPORTING_NOUN)
            })
            .is_some_and(|t| t.is(tag::REPORTING_NOUN))
    }

    /// The subject of an active verb at `v`; `at` is where the verb group
    /// starts ("is" of "is warning").
    fn active(&self, v: usize, class: u8, all: u8, floor: usize, at: usize) -> Option<Cue> {
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
            "and" | "but" | "or" | "then" => cue(Site::Main),
            _ if is_relative(self.paragraph, prev) => cue(Site::Relative(self.antecedent(p, floor)?)),
            _ => {
                let subject = phrase_ending(self.tokens, self.paragraph, floor, p)?;
                // "backed Tory demands that …": a phrase after a verb or
                // preposition is an object, and the word after it a noun.
                let object = subject.0 > floor && {
                    let before = &self.tokens[subject.0 - 1];
                    !before.is_capitalised()
                        && (before.is(tag::VERB | tag::ADP) && !before.is(tag::NOUN) || before.is_verb_form())
                };
                if object && self.tokens[v].is(tag::NOUN) {
                    return None;
                }
                cue(Site::Before { subject, apposition: None })
            }
        }
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
            {
                return Some((subject, (left, comma)));
            }
            right = before;
        }
        None
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
        if matches!(first.text(self.paragraph), "who" | "which" | "whose" | "where" | "whom") {
            return true;
        }
        if first.is(tag::VERB) && first.text(self.paragraph).ends_with("ed") {
            return true;
        }
        right - left <= 14
            && !self.tokens[left..right].iter().any(|t| {
                t.has(shape::QUOTED) || t.is(tag::AUX) && !t.is(tag::NOUN) || t.is_verb_form() && !t.is(tag::NOUN)
            })
            && !first.is(tag::SCONJ)
    }

    /// "according to X".
    fn according(&self, v: usize) -> Option<Cue> {
        if !self.tokens[v].eq(self.paragraph, "according") || self.tokens.get(v + 1)?.text(self.paragraph) != "to" {
            return None;
        }
        let run = phrase_starting(self.tokens, self.paragraph, v + 2, self.tokens.len())?;
        Some(Cue { verb: v, class: class::SPEECH, site: Site::Agent(run) })
    }

    /// "the charity's warning that …", "a claim by X that …", "a Home
    /// Office statement that …": a reporting noun with its owner, before
    /// the clause it reports.
    fn reporting_noun(&self, v: usize) -> Option<Cue> {
        let next = self.tokens.get(v + 1)?;
        let cue = |run| Some(Cue { verb: v, class: class::SPEECH, site: Site::Agent(run) });
        if next.eq(self.paragraph, "by") {
            let that = (v + 2..self.tokens.len().min(v + 8)).find(|&k| self.tokens[k].eq(self.paragraph, "that"))?;
            let run = phrase_starting(self.tokens, self.paragraph, v + 2, that)?;
            return cue(run);
        }
        if !next.eq(self.paragraph, "that") {
            return None;
        }
        let floor = self.floor(v);
        let mut k = v;
        while k > floor && self.tokens[k - 1].is(tag::ADJ) && !self.tokens[k - 1].is_capitalised() {
            k -= 1;
        }
        let owner = k.checked_sub(1).filter(|&o| o >= floor)?;
        let t = &self.tokens[owner];
        let run = phrase_ending(self.tokens, self.paragraph, floor, owner)?;
        // "the charity's warning", "a Home Office statement": a possessive,
        // or a name after a determiner ("Tory demands" is only a phrase).
        let determined = self.tokens[run.0].is(tag::DET | tag::POSSESSIVE_DET);
        if t.has(shape::POSSESSIVE) || t.is_capitalised() && !t.is_opener() && determined {
            return cue(run);
        }
        None
    }

    /// "X is concerned that", "parents are worried about".
    fn stance(&self, v: usize) -> Option<Cue> {
        if !self.tokens[v].is(tag::STANCE_ADJ) {
            return None;
        }
        let floor = self.floor(v);
        let copula =
            (floor..v).rev().take_while(|&k| skippable(&self.tokens[k]) || is_copula(self.paragraph, &self.tokens[k]));
        let copula = copula.filter(|&k| is_copula(self.paragraph, &self.tokens[k])).last()?;
        let p = self.before_verb(copula, floor)?;
        let subject = phrase_ending(self.tokens, self.paragraph, floor, p)?;
        Some(Cue { verb: v, class: class::STANCE, site: Site::Before { subject, apposition: None } })
    }
}

/// The cues of a sentence (its tokens), in order, into `cues` (cleared).
pub(crate) fn find(tokens: &[Token], paragraph: &str, cues: &mut Vec<Cue>) {
    cues.clear();
    let scan = Scan { tokens, paragraph };
    for (v, t) in tokens.iter().enumerate() {
        if !t.is_word() || t.has(shape::QUOTED) {
            continue;
        }
        let cue = if t.is(tag::STANCE_ADJ)
            && let Some(cue) = scan.stance(v)
        {
            Some(cue)
        } else if t.is_verb_form()
            && !t.is_capitalised()
            && let Some(cue) = scan.verb(v)
        {
            Some(cue)
        } else if t.end - t.start == 9 && t.eq(paragraph, "according") {
            scan.according(v)
        } else if t.is(tag::REPORTING_NOUN) && !t.is_capitalised() {
            scan.reporting_noun(v)
        } else {
            None
        };
        cues.extend(cue);
    }
}

/// The subject of the sentence's main clause: the first phrase after any
/// opening adverbial or participle clause ("Following their review, the
/// BSCB …", "After saying she was ill, she …").
pub(crate) fn main_subject(tokens: &[Token], paragraph: &str) -> Option<Run> {
    let mut start = 0;
    while start < tokens.len() && (tokens[start].has(shape::QUOTED) || !tokens[start].is_word()) {
        start += 1;
    }
    let opener = tokens.get(start)?;
    let introductory = opener.is(tag::ADP | tag::SCONJ | tag::ADV) && !opener.is(tag::NOUN | tag::PROPN | tag::DET)
        || opener.is(tag::VERB) && !opener.is(tag::NOUN | tag::PROPN)
        || opener.is_verb_form();
    if introductory
        && let Some(comma) = (start..tokens.len().min(start + 20))
            .find(|&k| tokens[k].text(paragraph) == "," && !tokens[k].has(shape::QUOTED))
    {
        start = comma + 1;
    }
    while start < tokens.len()
        && (tokens[start].is(tag::CCONJ)
            || tokens[start].is(tag::ADV) && !tokens[start].is(tag::NOUN | tag::PROPN | tag::DET))
    {
        start += 1;
    }
    phrase_starting(tokens, paragraph, start, tokens.len())
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn cues_of(text: &str) -> Vec<(String, Site, String)> {
        let paragraphs = [text.to_string()];
        let quoted: Vec<(usize, usize)> =
            super::super::quotes::scan(&paragraphs).iter().map(|q| (q.open.1, q.close.1)).collect();
        let mut tokens = Vec::new();
        tokenize(text, 0, text.len(), &quoted, &mut tokens);
        let mut cues = Vec::new();
        find(&tokens, text, &mut cues);
        let words = |(a, b): Run| text[tokens[a].start..tokens[b - 1].end].to_string();
        cues.iter()
            .map(|c| {
                let who = match c.site {
                    Site::Before { subject, .. }
                    | Site::After(subject)
                    | Site::Relative(subject)
                    | Site::Agent(subject) => words(subject),
                    Site::Main | Site::Context => String::new(),
                };
                (tokens[c.verb].text(text).to_string(), c.site, who)
            })
            .collect()
    }

    fn first(text: &str) -> (String, String) {
        let found = cues_of(text);
        let (verb, _, who) = found.into_iter().next().unwrap_or_else(|| panic!("no cue in {text}"));
        (verb, who)
    }

    #[test]
    fn a_subject_before_its_verb_over_auxiliaries() {
        assert_eq!(first("The minister has also said the plan will fail."), ("said".into(), "The minister".into()));
        assert_eq!(first("Critics say it is too late."), ("say".into(), "Critics".into()));
    }

    #[test]
    fn appositions_and_relative_clauses_are_skipped() {
        assert_eq!(first("Jane Roe, director of policy at Northfield University, said it was late.").1, "Jane Roe");
        assert_eq!(first("But Tom Hart, who led the inquiry, said it was late.").1, "Tom Hart");
        assert_eq!(first("Robert Jackson, 58, MP for Wantage in Oxfordshire, said he would go.").1, "Robert Jackson");
    }

    #[test]
    fn inverted_and_adjunct_cues() {
        assert_eq!(first("\"We will appeal,\" said Mr Lee.").1, "Mr Lee");
        let found = cues_of("A chief constable has welcomed the plan, saying police were ready.");
        assert_eq!(found[0].2, "A chief constable");
        assert_eq!(found[1].1, Site::Main);
    }

    #[test]
    fn a_spokesperson_keeps_the_organisation_after_it() {
        assert_eq!(first("A spokesman for the Home Office said it was wrong.").1, "A spokesman for the Home Office");
    }

    #[test]
    fn passives_agents_and_according_to() {
        assert_eq!(first("He was criticised by inspectors for the delay.").1, "inspectors");
        assert_eq!(first("According to the charity, numbers rose.").1, "the charity");
        assert_eq!(cues_of("The force has been told it must act.")[0].1, Site::Context);
    }

    #[test]
    fn light_verbs_need_a_reporting_noun() {
        assert_eq!(first("The board has made 14 recommendations.").0, "made");
        assert!(cues_of("The board has made 14 cakes.").is_empty());
        assert_eq!(first("Parents are worried that nothing will change.").1, "Parents");
    }

    #[test]
    fn reporting_nouns_with_an_owner() {
        assert_eq!(first("Ministers rejected the charity's warning that more would suffer.").1, "the charity's");
        assert_eq!(first("It followed a claim by Jo Cole that the ward was unsafe.").1, "Jo Cole");
        assert!(cues_of("The claim that it was unsafe was wrong.").is_empty());
    }

    #[test]
    fn nouns_and_infinitives_are_not_cues() {
        assert!(cues_of("The report was long.").is_empty());
        assert!(cues_of("He refused to say more.").is_empty());
        assert!(cues_of("Their claims were false.").is_empty());
    }
}

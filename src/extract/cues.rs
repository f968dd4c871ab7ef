//! Stage 3, cues: the words that attribute a statement. Verb templates
//! ("X said", "said X", "X, who led the inquiry, said", ", saying"), the
//! passive with its agent ("was criticised by X"), "according to X", a
//! light verb with a reporting noun ("expressed concern", "made 14
//! recommendations") and a stance adjective ("is confident that"). Each cue
//! says where its speaker's phrase is; `mentions` reads that phrase.

mod phrases;
mod placement;

use super::lexicon::{ADJUNCT, PARTICLE, class, tag};
use super::mentions::Run;
use super::tokens::{Token, shape};
use phrases::{is_be, is_copula, is_perfect, phrase_starting, skippable};

use phrases::phrase_ending;

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
                // A word is none of the marks: its text is not compared.
                t.has(shape::QUOTED) || !t.is_word() && matches!(self.text(k), ";" | ":" | "–" | "—")
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
        if particle.is_none() && next.is_some_and(|n| PARTICLE.has(n)) {
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
        let adjunct = self.text(p) == "," || ADJUNCT.has(self.text(p));
        if adjunct {
            return Some(Cue { verb: v, class, site: Site::Main });
        }
        if !is_be(&self.tokens[v - 1]) {
            return None;
        }
        let be = (floor..v).rev().find(|&k| is_be(&self.tokens[k]))?;
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
            && next.is_some_and(is_be)
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
        if !(is_be(prev) || self.passive_be(v, floor)) {
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
            && (floor..v).rev().take_while(|&k| skippable(&self.tokens[k])).any(|k| is_be(&self.tokens[k]))
            && !(floor..v)
                .rev()
                .take_while(|&k| skippable(&self.tokens[k]))
                .any(|k| is_perfect(&self.tokens[k]) && v - k == 1)
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
        let copula = (floor..v).rev().take_while(|&k| skippable(&self.tokens[k]) || is_copula(&self.tokens[k]));
        let copula = copula.filter(|&k| is_copula(&self.tokens[k])).last()?;
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
        if !may_cue(t) || !t.is_word() || t.has(shape::QUOTED) {
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

/// Whether a word passes the first test of a branch of [`find`]: a stance
/// adjective, a verb form, a reporting noun or a word of nine bytes (as
/// "according"). Most words are none, and are passed over on one test.
#[inline]
fn may_cue(t: &Token) -> bool {
    t.is(tag::STANCE_ADJ | tag::REPORTING_NOUN) || t.is_verb_form() || t.end - t.start == 9
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
        let described =
            "Ann Cole, a builder and spokeswoman for the Hill Trust, which runs ten farms, said it was late.";
        assert_eq!(first(described).1, "Ann Cole");
        assert_eq!(first("In March, the mayor, who was new, said it was late.").1, "the mayor");
    }

    #[test]
    fn inverted_and_adjunct_cues() {
        assert_eq!(first("\"We will appeal,\" said Mr Lee.").1, "Mr Lee");
        let found = cues_of("A chief constable has welcomed the plan, saying police were ready.");
        assert_eq!(found[0].2, "A chief constable");
        assert_eq!(found[1].1, Site::Main);
    }

    #[test]
    fn a_verb_joined_to_a_subordinate_clause_shares_its_subject() {
        let found = cues_of("Ann Cole praised the mayor after he visited the farm and warned of floods.");
        assert_eq!(found.last().map(|c| c.2.as_str()), Some("he"));
        let main = cues_of("Ann Cole praised the mayor and warned of floods.");
        assert_eq!(main.last().map(|c| c.1), Some(Site::Main));
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

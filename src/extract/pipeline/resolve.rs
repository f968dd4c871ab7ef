//! Resolving a sentence's cues to speakers: the phrase each cue points
//! at, read as a mention and matched to an entity (a name, a pronoun, a
//! spokesperson, a description to be named later), and the colon frame
//! (`X went on: "…"`).

use super::super::attribute::ResolvedCue;
use super::super::cues::{self, Cue, Site};
use super::super::entities::Sort;
use super::super::lexicon::{class as lexicon_class, tag};
use super::super::mentions::{self, Gender, Mention, NameKind, Reference, Run};
use super::super::salience::{Resolved, Role, pronoun_gender};
use super::super::tokens::{Token, shape};
use super::names::{head_words, phrase_text, whole_text};
use super::{Extractor, NAME_REACH, Pending, ROLE_REACH};

impl Extractor<'_> {
    /// A cue with its speaker resolved; `None` when the verb turns out to
    /// report nothing here ("police found a body").
    pub(super) fn resolve_cue(&mut self, p: usize, text: &str, tokens: &[Token], cue: Cue) -> Option<ResolvedCue> {
        let verb = &tokens[cue.verb];
        if cue.class & !lexicon_class::FINDING == 0 && !self.finding_fits(text, tokens, cue) {
            return None;
        }
        let (run, relative) = match cue.site {
            Site::Before { subject, .. } | Site::After(subject) | Site::Agent(subject) => (Some(subject), false),
            Site::Relative(subject) => (Some(subject), true),
            Site::Main => (cues::main_subject(tokens, text), false),
            Site::Context => (None, false),
        };
        // "The Police and Crime Commissioner, John Campion, said": the name
        // in the apposition is the speaker, the title before it a role.
        let named = match cue.site {
            Site::Before { subject, apposition: Some(apposition) } => apposition_name(text, tokens, apposition)
                .filter(|_| !run.is_some_and(|r| is_named(tokens, r) && !self.is_title_phrase(text, tokens, r)))
                .map(|name| (subject, name)),
            _ => None,
        };
        // What the subject refers to, read once for every use below.
        let mention = run.and_then(|r| mentions::analyse(tokens, text, r));
        // "The force has been told it must act": a passive with no agent
        // and no finding in it, said by nobody the text names.
        let agentless = cue.site == Site::Context && cue.class & lexicon_class::FINDING == 0;
        let mut resolved = match (cue.site, run) {
            _ if named.is_some() => named.and_then(|(subject, name)| {
                let (id, confidence) = self.resolve_phrase(text, tokens, name)?;
                self.record_role(id, text, tokens, subject);
                Some((id, confidence))
            }),
            // "Another issue highlighted was …": a finding, the document in
            // focus found it. "The force has been told it must act": by whom
            // the text does not say; the latest document is a guess
            // (measured on the dev sets, wrong more often than right).
            (Site::Context, _) if !agentless => {
                self.salience.document(&self.registry, self.sentence).map(|(id, c)| (id, c * 0.7))
            }
            (Site::Context, _) => None,
            (_, Some(_)) => mention.and_then(|m| self.resolve_mention(text, tokens, m)),
            _ => None,
        };
        if let (Site::Before { apposition: Some(apposition), .. }, Some((id, _))) = (cue.site, resolved) {
            self.read_apposition(text, tokens, apposition, id);
        }
        if let Some((id, confidence)) = resolved.as_mut() {
            *id = self.registry.root(*id);
            let sort = self.registry.get(*id).sort;
            let person = matches!(sort, Sort::Person | Sort::Described).then(|| self.registry.get(*id).gender);
            self.salience.spoke(*id, self.sentence, person);
            // "A spokesman for X said … He added": the spokesman, who
            // speaks for X, is a man "he" may be as well as a body "it" is.
            if let (None, Some(gender)) = (person, mention.and_then(spokesperson_gender)) {
                self.salience.spoke(*id, self.sentence, Some(gender));
            }
            self.adopt_pending(*id, run.is_some_and(|r| is_named(tokens, r)));
            *confidence = confidence.min(1.0);
        }
        let (start, end) = match (cue.site, run) {
            (Site::After(r), _) => (verb.start, tokens[r.1 - 1].end),
            (Site::Before { subject, .. }, _) | (Site::Relative(subject), _) => (tokens[subject.0].start, verb.end),
            (Site::Agent(r), _) if verb.eq(text, "according") => (verb.start, tokens[r.1 - 1].end),
            _ => (verb.start, verb.end),
        };
        if resolved.is_none() {
            self.note_unnamed(mention);
        }
        let according = matches!(cue.site, Site::Agent(_)) && verb.eq(text, "according");
        let unidentified = resolved.is_none()
            && (agentless
                || mention.is_some()
                || run.is_some_and(|r| cue.class & lexicon_class::SPEECH != 0 && is_unknown_description(tokens, r)));
        Some(ResolvedCue {
            paragraph: p,
            verb: verb.start,
            start,
            end,
            speaker: resolved.map(|r| r.0),
            confidence: resolved.map_or(0.0, |r| r.1),
            relative,
            governs: according || closes_sentence(text, tokens, start, end),
            unidentified,
        })
    }

    /// A cue's subject that names nobody ("a spokeswoman", "a source"):
    /// an antecedent for the pronouns after it all the same.
    fn note_unnamed(&mut self, mention: Option<Mention>) {
        let gender = match mention.map(|m| m.reference) {
            Some(Reference::Spokesperson { gender, .. }) => gender,
            Some(Reference::Source) => Gender::Unknown,
            _ => return,
        };
        self.salience.spoke_unnamed(self.sentence, gender);
    }

    /// Whether a phrase is a title or description, not a name ("The Police
    /// and Crime Commissioner", "Barnardo's chief executive").
    fn is_title_phrase(&self, text: &str, tokens: &[Token], run: Run) -> bool {
        matches!(
            mentions::analyse(tokens, text, run).map(|m| m.reference),
            Some(
                Reference::Role { .. }
                    | Reference::OwnedRole { .. }
                    | Reference::Spokesperson { .. }
                    | Reference::OrgDescription { .. }
            )
        )
    }

    /// A verb that only reports findings ("show", "find") reports when a
    /// document or data is its subject, or a clause follows it.
    fn finding_fits(&self, text: &str, tokens: &[Token], cue: Cue) -> bool {
        let clause = tokens.get(cue.verb + 1).is_some_and(|t| t.eq(text, "that"));
        let subject = match cue.site {
            Site::Before { subject, .. } | Site::After(subject) | Site::Relative(subject) | Site::Agent(subject) => {
                Some(subject)
            }
            _ => None,
        };
        let document = subject
            .and_then(|run| mentions::analyse(tokens, text, run))
            .is_some_and(|m| matches!(m.reference, Reference::Document { .. }));
        let authored = subject.is_some_and(|run| is_authored_by(text, tokens, run));
        clause || document || authored || cue.site == Site::Context
    }

    /// The entity a phrase refers to, with how sure the reading is.
    fn resolve_phrase(&mut self, text: &str, tokens: &[Token], run: Run) -> Option<Resolved> {
        let mention = mentions::analyse(tokens, text, run)?;
        self.resolve_mention(text, tokens, mention)
    }

    fn resolve_mention(&mut self, text: &str, tokens: &[Token], mention: Mention) -> Option<Resolved> {
        let sentence = self.sentence;
        match mention.reference {
            Reference::Name { run, kind, gender } => {
                // "Barnardo's said" keeps its name whole; "Jo Lee's warning"
                // names Jo Lee.
                let owner =
                    tokens.get(mention.run.1).is_some_and(|n| n.is(tag::NOUN | tag::ADJ) && !n.is_capitalised());
                let name = if run.1 == mention.run.1 && !owner {
                    whole_text(text, tokens, run)
                } else {
                    phrase_text(text, tokens, run)
                };
                let id = self.registry.name(name, kind, gender);
                self.record_role(id, text, tokens, (mention.run.0, run.0));
                Some((id, 0.95))
            }
            Reference::Pronoun(tags) => match pronoun_gender(tags) {
                Some(gender) => {
                    // At most a few names a sentence: gathered on the stack.
                    let mut after = [0; 8];
                    let mut n = 0;
                    for &(_, id) in self.named.iter().filter(|&&(k, _)| k >= mention.run.1).take(after.len()) {
                        after[n] = id;
                        n += 1;
                    }
                    self.salience.person_pronoun(&self.registry, gender, sentence, &after[..n])
                }
                None if tags & (tag::PRONOUN_N | tag::PRONOUN_PL) != 0 => {
                    self.salience.thing_pronoun(&self.registry, tags & tag::PRONOUN_PL != 0, sentence)
                }
                None => None,
            },
            Reference::Spokesperson { org: Some(run), .. } => {
                let name = phrase_text(text, tokens, run);
                Some((self.registry.name(name, NameKind::Organisation, Gender::Unknown), 0.9))
            }
            Reference::Spokesperson { org: None, .. } => {
                self.salience.responding_organisation(&self.registry, sentence)
            }
            Reference::Role { noun, definite, gender } => {
                let role = role_of(text, tokens, mention.run, noun);
                let found = definite.then(|| self.salience.described(&self.registry, &role, true, sentence)).flatten();
                found.or_else(|| Some(self.placeholder(text, tokens, mention.run, role, true, gender)))
            }
            Reference::OwnedRole { noun } => {
                // Someone's relative ("Sophie's mother"): a person of their own.
                let gender = mentions::word_gender(&tokens[noun]);
                let words = phrase_text(text, tokens, head_words(tokens, text, mention.run));
                Some((self.registry.described(words, Sort::Described, gender), 0.7))
            }
            Reference::OrgDescription { noun, definite } => {
                let role = role_of(text, tokens, mention.run, noun);
                let found = definite.then(|| self.salience.described(&self.registry, &role, false, sentence)).flatten();
                found.or_else(|| {
                    let made = self.placeholder(text, tokens, mention.run, role, false, Gender::Unknown);
                    // "A party spokesman" speaks for a body in view, never
                    // for the next one named ("… Sony said").
                    if tokens.get(noun + 1).is_some_and(|t| t.is(tag::SPOKESPERSON)) {
                        self.pending = None;
                    }
                    Some(made)
                })
            }
            Reference::Group { run } => {
                let words = phrase_text(text, tokens, run);
                Some((self.registry.described(words, Sort::Group, Gender::Unknown), 0.85))
            }
            Reference::Document { author: Some(run), .. } => {
                let name = phrase_text(text, tokens, run);
                Some((self.registry.name(name, NameKind::Organisation, Gender::Unknown), 0.85))
            }
            Reference::Document { author: None, definite, .. } => {
                let found = definite.then(|| self.salience.document(&self.registry, sentence)).flatten();
                found.or_else(|| {
                    let words = phrase_text(text, tokens, head_words(tokens, text, mention.run));
                    Some((self.registry.described(words, Sort::Document, Gender::Unknown), 0.7))
                })
            }
            Reference::Source => None,
        }
    }

    /// A described entity that the next sentences may name.
    fn placeholder(
        &mut self,
        text: &str,
        tokens: &[Token],
        run: Run,
        role: Role,
        person: bool,
        gender: Gender,
    ) -> Resolved {
        let words = phrase_text(text, tokens, head_words(tokens, text, run));
        let sort = if person { Sort::Described } else { Sort::Organisation };
        let definite = mentions::is_definite(tokens, text, run);
        let id = self.registry.placeholder(words, sort, gender, definite);
        let phrase = role.modifiers.iter().chain([&role.head]).cloned().collect::<Vec<_>>().join(" ");
        self.registry.add_role(id, &phrase);
        // A bare noun ("Police said") is generic, not someone to be named.
        let introduced = definite || tokens[run.0..run.1].iter().any(|t| t.is(tag::DET | tag::NUM));
        if introduced {
            let owned = tokens[run.0..run.1].iter().any(|t| t.has(shape::POSSESSIVE));
            let company_like = !person || owned || !definite && may_be_a_body(tokens, head_words(tokens, text, run));
            self.pending = Some(Pending { entity: id, sentence: self.sentence, person, role, company_like });
        }
        (id, 0.6)
    }

    /// A named speaker soon after a description is the one described,
    /// when the name is new: "A former minister has called for … Barbara
    /// Roche said …". A definite description looks back, not ahead, except
    /// at the very start of a document ("the country's biggest grocer has
    /// warned. Acme said …").
    fn adopt_pending(&mut self, id: usize, named: bool) {
        let Some(pending) = self.pending.clone() else { return };
        if !named
            || pending.sentence == self.sentence
            || pending.sentence + NAME_REACH < self.sentence
            || self.registry.root(pending.entity) == id
        {
            return;
        }
        // Named for the first time as it speaks: introduced here, not a
        // person the text has been telling of since.
        let new = self.registry.get(id).first_seen == self.sentence;
        let definite = self.registry.get(pending.entity).placeholder == Some(true);
        // "The judge ruled …" at the start is not the next person named
        // ("Ms Lee said"): only a body looks ahead so ("the grocer … Acme").
        if !new || definite && (pending.sentence > 1 || !pending.company_like) {
            return;
        }
        let sort = self.registry.get(id).sort;
        let fits = pending.company_like && matches!(sort, Sort::Organisation | Sort::Unknown)
            || pending.person && sort == Sort::Person;
        if fits {
            self.registry.merge(pending.entity, id);
            self.pending = None;
        }
    }

    pub(super) fn expire_pending(&mut self) {
        if self.pending.as_ref().is_some_and(|p| p.sentence + ROLE_REACH < self.sentence) {
            self.pending = None;
        }
    }

    /// What an apposition tells of the subject before it: a document's
    /// author ("The review, carried out by X, …"), a person's role.
    fn read_apposition(&mut self, text: &str, tokens: &[Token], (a, b): Run, id: usize) {
        let sort = self.registry.get(id).sort;
        if sort == Sort::Document
            && let Some(by) = (a..b).find(|&k| tokens[k].eq(text, "by"))
            && let Some(run) = mentions::name_after(tokens, text, by + 1)
        {
            let name = phrase_text(text, tokens, run);
            let author = self.registry.name(name, NameKind::Organisation, Gender::Unknown);
            self.registry.set_author(id, author);
        }
        for t in &tokens[a..b] {
            if t.is(tag::PERSON_NOUN | tag::GROUP_NOUN) && !t.is_capitalised() || t.is(tag::HONORIFIC) {
                self.registry.add_role(id, &t.text(text).to_ascii_lowercase());
            }
        }
    }

    /// `X said: "…"` with a verb the lexicon does not list ("She went
    /// on: …"): the clause's subject introduces the quote.
    pub(super) fn colon_cue(&mut self, p: usize, text: &str, tokens: &[Token], first: usize) -> Option<ResolvedCue> {
        // Most sentences have no colon: one search of their bytes tells so.
        let (first_token, last_token) = (tokens.first()?, tokens.last()?);
        memchr::memchr(b':', &text.as_bytes()[first_token.start..last_token.end])?;
        let colon = tokens.iter().position(|t| !t.has(shape::QUOTED) && super::names::is_mark(t, text, b':'))?;
        if !tokens.get(colon + 1).is_some_and(|t| t.has(shape::QUOTED)) {
            return None;
        }
        if self.cues[first..].iter().any(|c| c.verb < tokens[colon].start) {
            return None;
        }
        let run = cues::main_subject(tokens, text).filter(|r| r.1 <= colon)?;
        let (id, confidence) = self.resolve_phrase(text, tokens, run)?;
        let id = self.registry.root(id);
        Some(ResolvedCue {
            paragraph: p,
            verb: tokens[colon].start,
            start: tokens[run.0].start,
            end: tokens[colon - 1].end,
            speaker: Some(id),
            confidence: confidence * 0.85,
            relative: false,
            governs: false,
            unidentified: false,
        })
    }
}

/// Whether the cue phrase at bytes `start..end` closes its sentence after
/// a comma: ", a spokesman said." / ", said Mr Khan." / ", he added."
fn closes_sentence(text: &str, tokens: &[Token], start: usize, end: usize) -> bool {
    let Some(first) = tokens.iter().position(|t| t.start >= start) else { return false };
    let after_comma = first > 0 && (tokens[first - 1].text(text) == "," || tokens[first - 1].has(shape::QUOTED));
    // The words after the cue are counted last, and no further than three.
    let few_words_after = || tokens.iter().filter(|t| t.start >= end && t.is_word()).take(3).count() <= 2;
    after_comma && first > 3 && few_words_after()
}

/// The role a description names: its head noun and the capitalised words
/// before it ("the Metropolitan police chief").
fn role_of(text: &str, tokens: &[Token], (a, _): Run, noun: usize) -> Role {
    let modifiers: Vec<String> = tokens[a..noun]
        .iter()
        .filter(|t| t.is_capitalised() && t.is_word() && !t.is_opener())
        .map(|t| t.stem(text).to_lowercase())
        .collect();
    let people = tokens[noun].is(tag::DEMONYM);
    Role { head: tokens[noun].text(text).to_lowercase(), named: !modifiers.is_empty() && !people, modifiers, people }
}

/// Whether an indefinite description of a person may be of a body named
/// next ("a leading retailer has warned … Acme said"): a word stands
/// between its article and its noun, and the noun gives no gender. "A
/// mother told the BBC … Northshire Police said" is not the police.
fn may_be_a_body(tokens: &[Token], (a, b): Run) -> bool {
    let noun = &tokens[b - 1];
    let modified = tokens[a..b - 1].iter().any(|t| t.is_word() && !t.is(tag::DET | tag::NUM));
    modified && mentions::word_gender(noun) == Gender::Unknown
}

/// "A headteacher", "the caretaker": an article and lower-case words the
/// lexicon does not know as people. Someone spoke, though the text does
/// not say who in words the extractor can resolve.
fn is_unknown_description(tokens: &[Token], (a, b): Run) -> bool {
    b > a + 1
        && b - a <= 4
        && tokens[a].is(tag::DET)
        && tokens[a + 1..b].iter().all(|t| t.is_word() && !t.is_capitalised() && !t.is(tag::PRONOUN))
}

/// Whether the phrase at `run` is the author of a document or data named
/// just before it: "Figures published by the NSPCC show", "Research by
/// Northfield University found" (the guidelines credit the source).
fn is_authored_by(text: &str, tokens: &[Token], (a, _): Run) -> bool {
    if a == 0 || !tokens[a - 1].eq(text, "by") {
        return false;
    }
    // The noun, or the noun and a participle ("published", "carried out").
    tokens[a.saturating_sub(4)..a - 1].iter().rev().take_while(|t| t.is_word()).any(|t| t.is(tag::FINDINGS_NOUN))
}

/// The gender of the spokesperson a phrase names, if it names one
/// ("a spokeswoman for the council"; "a spokesperson" gives none).
fn spokesperson_gender(mention: Mention) -> Option<Gender> {
    match mention.reference {
        Reference::Spokesperson { gender, .. } if gender != Gender::Unknown => Some(gender),
        _ => None,
    }
}

/// Whether a phrase holds a proper name (not only a pronoun or a noun).
fn is_named(tokens: &[Token], (a, b): Run) -> bool {
    tokens[a..b].iter().any(|t| t.is_capitalised() && !t.is(tag::PRONOUN) && t.is_word())
}

/// The person an apposition names, when it is only a name ("…, John
/// Campion, said").
fn apposition_name(text: &str, tokens: &[Token], (a, b): Run) -> Option<Run> {
    let end = (a..b).find(|&k| tokens[k].text(text) == ",").unwrap_or(b);
    if end <= a {
        return None;
    }
    match mentions::analyse(tokens, text, (a, end))?.reference {
        Reference::Name { run, kind: NameKind::Person, .. } if run.0 <= a + 1 && run.1 == end => Some(run),
        _ => None,
    }
}

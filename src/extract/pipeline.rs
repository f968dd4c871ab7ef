//! The stages in order, over one document read once from start to end:
//! sentences are tokenised, their names registered, their cues found and
//! resolved (so references back and a little ahead work), reported
//! statements emitted; then every quote is attributed (`attribute`).

use super::attribute::{self, ResolvedCue, SentenceRecord};
use super::cues::{self, Cue, Site};
use super::entities::{Registry, Sort};
use super::lexicon::{class as lexicon_class, tag};
use super::mentions::{self, Gender, Mention, NameKind, Reference, Run};
use super::quotes;
use super::salience::{Resolved, Role, Salience, pronoun_gender};
use super::tokens::{self, Token, shape};
use super::{Extraction, Found, Span, StatementKind, sentences};

/// Below this confidence a speaker is left unattributed: a wrong name is
/// worse than none.
pub(crate) const THRESHOLD: f32 = 0.5;

/// Someone described before being named ("A former minister has called
/// for …"); the next sentence or two may name them.
#[derive(Debug, Clone)]
struct Pending {
    entity: usize,
    sentence: usize,
    person: bool,
    role: Role,
    /// An organisation may be the one described: the description is of an
    /// organisation, or of "the country's biggest grocer", "a leading
    /// retailer" (not "the home secretary").
    company_like: bool,
}

/// How many sentences on a description ("A former minister …") may be
/// named by the next new speaker, and by a name given the same role
/// ("… Judge Michael Slater").
const NAME_REACH: usize = 2;
const ROLE_REACH: usize = 12;

/// The document-wide state of one extraction.
struct Extractor<'a> {
    paragraphs: &'a [String],
    registry: Registry,
    salience: Salience,
    /// Index of the sentence being read, across paragraphs.
    sentence: usize,
    pending: Option<Pending>,
    /// The first name the sentence being read has as a subject.
    subject: Option<usize>,
    records: Vec<SentenceRecord>,
    cues: Vec<ResolvedCue>,
    found: Vec<(usize, usize, Found)>,
}

/// Byte ranges of quoted words per paragraph, sorted.
fn quoted_ranges(paragraphs: &[String], quotes: &[quotes::Quote]) -> Vec<Vec<(usize, usize)>> {
    let mut quoted: Vec<Vec<(usize, usize)>> = vec![Vec::new(); paragraphs.len()];
    for quote in quotes {
        let (p, open) = quote.open;
        let (cp, close) = quote.close;
        if p == cp {
            quoted[p].push((open, close));
        } else {
            quoted[p].push((open, paragraphs[p].len()));
            for (q, ranges) in quoted.iter_mut().enumerate().take(cp).skip(p + 1) {
                ranges.push((0, paragraphs[q].len()));
            }
            quoted[cp].push((0, close));
        }
    }
    for ranges in &mut quoted {
        ranges.sort_unstable();
    }
    quoted
}

/// Runs the extraction.
pub(crate) fn run(paragraphs: &[String]) -> Extraction {
    let quotes = quotes::scan(paragraphs);
    let quoted = quoted_ranges(paragraphs, &quotes);
    let mut x = Extractor {
        paragraphs,
        registry: Registry::default(),
        salience: Salience::default(),
        sentence: 0,
        pending: None,
        subject: None,
        records: Vec::new(),
        cues: Vec::new(),
        found: Vec::new(),
    };
    let mut bounds = Vec::new();
    let mut tokens = Vec::new();
    let mut cue_buffer = Vec::new();
    for (p, text) in paragraphs.iter().enumerate() {
        sentences::split_into(text, &mut bounds);
        for &(s, e) in &bounds {
            tokens::tokenize(text, s, e, &quoted[p], &mut tokens);
            // Whether the sentence starts inside a quote (the ranges are sorted).
            let at = quoted[p].partition_point(|&(a, _)| a < s);
            let inside = at > 0 && s < quoted[p][at - 1].1;
            x.registry.sentence = x.sentence;
            x.read_sentence(p, (s, e), &tokens, &mut cue_buffer, inside);
            x.sentence += 1;
        }
    }
    let Extractor { registry, records, cues, mut found, .. } = x;
    attribute::quotes(paragraphs, &quotes, &records, &cues, &mut found);
    finish(registry, found)
}

impl Extractor<'_> {
    fn read_sentence(
        &mut self,
        p: usize,
        (s, e): (usize, usize),
        tokens: &[Token],
        buffer: &mut Vec<Cue>,
        inside: bool,
    ) {
        let text = &self.paragraphs[p];
        self.define_acronyms(text, tokens);
        self.note_names(text, tokens);
        self.note_documents(text, tokens);
        cues::find(tokens, text, buffer);
        let first = self.cues.len();
        for &cue in buffer.iter() {
            if let Some(resolved) = self.resolve_cue(p, text, tokens, cue) {
                self.cues.push(resolved);
            }
        }
        if let Some(colon) = self.colon_cue(p, text, tokens, first) {
            self.cues.push(colon);
            self.cues[first..].sort_by_key(|c| c.verb);
        }
        self.expire_pending();
        let range = first..self.cues.len();
        if !inside {
            self.reported(p, (s, e), tokens, range.clone());
        }
        let subject = self.subject.take();
        self.records.push(SentenceRecord { paragraph: p, start: s, end: e, cues: range, subject });
    }

    /// "Long Name (LN)" and "LN (Long Name)": one entity.
    fn define_acronyms(&mut self, text: &str, tokens: &[Token]) {
        for k in 1..tokens.len().saturating_sub(2) {
            if tokens[k].text(text) != "(" || tokens[k + 2].text(text) != ")" {
                continue;
            }
            let inner = &tokens[k + 1];
            let before = &tokens[k - 1];
            if inner.has(shape::ACRONYM)
                && before.is_capitalised()
                && !inner.has(shape::QUOTED)
                && let Some(run) = name_run_before(tokens, text, k)
            {
                let long = phrase_text(text, tokens, run);
                let id = self.registry.name(&long, NameKind::Organisation, Gender::Unknown);
                self.registry.define(id, inner.text(text));
            }
        }
    }

    /// Registers every proper name outside quotes, so later references
    /// (surnames, "the company", pronouns) can find it.
    fn note_names(&mut self, text: &str, tokens: &[Token]) {
        let mut k = 0;
        while k < tokens.len() {
            let Some(end) = name_run_at(tokens, text, k) else {
                k += 1;
                continue;
            };
            let (run, kind, gender) = mentions::classify_name(tokens, text, (k, end));
            let title = mentions::is_title(tokens, text, run, k > 0 && tokens[k - 1].eq(text, "the"));
            let title_word_alone = run.1 - run.0 == 1 && tokens[run.0].is(tag::HONORIFIC | tag::PRONOUN);
            if !title && !title_word_alone {
                let name = phrase_text(text, tokens, run);
                let id = self.registry.name(&name, kind, gender);
                self.record_role(id, text, tokens, (k, run.0));
                let subject = tokens[end..].iter().find(|t| !t.is(tag::ADV) || t.is(tag::NOUN)).is_some_and(|n| {
                    n.is(tag::AUX) || n.is(tag::VERB) && !n.is(tag::NOUN | tag::PROPN) && !n.is_capitalised()
                });
                let person = (self.registry.get(id).sort == Sort::Person).then_some(gender);
                if subject && self.subject.is_none() {
                    self.subject = Some(self.registry.root(id));
                }
                self.salience.mention(id, self.sentence, subject, person);
            }
            k = end;
        }
    }

    /// Records the descriptor before a person's name ("Norfolk police
    /// chief" of "Norfolk police chief Andy Hayman") as a role of theirs.
    fn record_role(&mut self, id: usize, text: &str, tokens: &[Token], (a, b): Run) {
        let words: Vec<&Token> = tokens[a..b].iter().filter(|t| t.is_word() && !t.is_opener()).collect();
        let Some(last) = words.last() else { return };
        if !last.is(tag::PERSON_NOUN | tag::HONORIFIC) || last.is(tag::COURTESY) {
            return;
        }
        let phrase: Vec<String> = words.iter().map(|t| t.stem(text).to_lowercase()).collect();
        let phrase = phrase.join(" ");
        // The title and name together are a name the text uses too.
        if let Some(name_end) = (b..tokens.len()).take_while(|&k| tokens[k].is_capitalised()).last()
            && !last.has(shape::POSSESSIVE)
        {
            let first = words[0].start;
            self.registry.titled_alias(id, &text[first..tokens[name_end].end]);
        }
        if let Some(pending) = &self.pending
            && pending.person
            && pending.role.fits(&phrase)
            && pending.sentence != self.sentence
            && self.registry.get(id).first_seen > pending.sentence
        {
            // "West Mercia's Assistant Chief Constable … Assistant Chief
            // Constable Richard Cooper": the same role, now named.
            let entity = pending.entity;
            self.registry.merge(entity, id);
            self.pending = None;
        }
        self.registry.add_role(id, &phrase);
    }

    /// Registers the documents a sentence mentions ("a damning review",
    /// "the review, carried out by X"), with their authors where named, so
    /// that "the report found" can speak for them.
    fn note_documents(&mut self, text: &str, tokens: &[Token]) {
        for (k, t) in tokens.iter().enumerate() {
            if !t.is(tag::FINDINGS_NOUN) || t.is_capitalised() || t.has(shape::QUOTED) || t.is(tag::PLURAL) {
                continue;
            }
            let Some(det) = (k.saturating_sub(4)..k)
                .rev()
                .find(|&j| tokens[j].is(tag::DET | tag::POSSESSIVE_DET) || tokens[j].has(shape::POSSESSIVE))
            else {
                continue;
            };
            if (det + 1..k).any(|j| !tokens[j].is_word() || tokens[j].is_verb_form())
                || det > 0 && tokens[det - 1].is(tag::ADP) && !tokens[det - 1].is_capitalised()
            {
                continue;
            }
            let author = document_author(tokens, text, det, k);
            let definite = mentions::is_definite(tokens, text, (det, k + 1));
            let doc = match definite.then(|| self.salience.document(&self.registry, self.sentence)).flatten() {
                Some((doc, _)) => doc,
                None => {
                    let words = phrase_text(text, tokens, (det, k + 1));
                    self.registry.described(&words, Sort::Document, Gender::Unknown)
                }
            };
            if let Some(run) = author {
                let name = phrase_text(text, tokens, run);
                let id = self.registry.name(&name, NameKind::Organisation, Gender::Unknown);
                self.registry.set_author(doc, id);
            }
            let subject = tokens.get(k + 1).is_some_and(|n| n.is(tag::AUX | tag::VERB) || n.text(text) == ",");
            self.salience.mention(doc, self.sentence, subject, None);
        }
    }

    /// A cue with its speaker resolved; `None` when the verb turns out to
    /// report nothing here ("police found a body").
    fn resolve_cue(&mut self, p: usize, text: &str, tokens: &[Token], cue: Cue) -> Option<ResolvedCue> {
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
        let mut resolved = match (cue.site, run) {
            _ if named.is_some() => named.and_then(|(subject, name)| {
                let (id, confidence) = self.resolve_phrase(text, tokens, name)?;
                self.record_role(id, text, tokens, subject);
                Some((id, confidence))
            }),
            (Site::Context, _) => self.salience.document(&self.registry, self.sentence).map(|(id, c)| (id, c * 0.7)),
            (_, Some(run)) => self.resolve_phrase(text, tokens, run),
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
            self.adopt_pending(*id, run.is_some_and(|r| is_named(tokens, r)));
            *confidence = confidence.min(1.0);
        }
        let (start, end) = match (cue.site, run) {
            (Site::After(r), _) => (verb.start, tokens[r.1 - 1].end),
            (Site::Before { subject, .. }, _) | (Site::Relative(subject), _) => (tokens[subject.0].start, verb.end),
            (Site::Agent(r), _) if verb.eq(text, "according") => (verb.start, tokens[r.1 - 1].end),
            _ => (verb.start, verb.end),
        };
        let according = matches!(cue.site, Site::Agent(_)) && verb.eq(text, "according");
        let unidentified = resolved.is_none() && run.is_some_and(|r| mentions::analyse(tokens, text, r).is_some());
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
        clause || document || cue.site == Site::Context
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
                let id = self.registry.name(&name, kind, gender);
                self.record_role(id, text, tokens, (mention.run.0, run.0));
                Some((id, 0.95))
            }
            Reference::Pronoun(tags) => match pronoun_gender(tags) {
                Some(gender) => self.salience.person_pronoun(&self.registry, gender, sentence),
                None if tags & (tag::PRONOUN_N | tag::PRONOUN_PL) != 0 => {
                    self.salience.thing_pronoun(&self.registry, tags & tag::PRONOUN_PL != 0, sentence)
                }
                None => None,
            },
            Reference::Spokesperson { org: Some(run), .. } => {
                let name = phrase_text(text, tokens, run);
                Some((self.registry.name(&name, NameKind::Organisation, Gender::Unknown), 0.9))
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
                let words = phrase_text(text, tokens, head_words(tokens, mention.run));
                Some((self.registry.described(&words, Sort::Described, gender), 0.7))
            }
            Reference::OrgDescription { noun, definite } => {
                let role = role_of(text, tokens, mention.run, noun);
                let found = definite.then(|| self.salience.described(&self.registry, &role, false, sentence)).flatten();
                found.or_else(|| Some(self.placeholder(text, tokens, mention.run, role, false, Gender::Unknown)))
            }
            Reference::Group { run } => {
                let words = phrase_text(text, tokens, run);
                Some((self.registry.described(&words, Sort::Group, Gender::Unknown), 0.85))
            }
            Reference::Document { author: Some(run), .. } => {
                let name = phrase_text(text, tokens, run);
                Some((self.registry.name(&name, NameKind::Organisation, Gender::Unknown), 0.85))
            }
            Reference::Document { author: None, definite, .. } => {
                let found = definite.then(|| self.salience.document(&self.registry, sentence)).flatten();
                found.or_else(|| {
                    let words = phrase_text(text, tokens, head_words(tokens, mention.run));
                    Some((self.registry.described(&words, Sort::Document, Gender::Unknown), 0.7))
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
        let words = phrase_text(text, tokens, head_words(tokens, run));
        let sort = if person { Sort::Described } else { Sort::Organisation };
        let definite = mentions::is_definite(tokens, text, run);
        let id = self.registry.placeholder(&words, sort, gender, definite);
        let phrase = role.modifiers.iter().chain([&role.head]).cloned().collect::<Vec<_>>().join(" ");
        self.registry.add_role(id, &phrase);
        // A bare noun ("Police said") is generic, not someone to be named.
        let introduced = definite || tokens[run.0..run.1].iter().any(|t| t.is(tag::DET | tag::NUM));
        if introduced {
            let owned = tokens[run.0..run.1].iter().any(|t| t.has(shape::POSSESSIVE));
            let company_like = !person || owned || !definite;
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
        if !new || definite && pending.sentence > 1 {
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

    fn expire_pending(&mut self) {
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
            let author = self.registry.name(&name, NameKind::Organisation, Gender::Unknown);
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
    fn colon_cue(&mut self, p: usize, text: &str, tokens: &[Token], first: usize) -> Option<ResolvedCue> {
        let colon = tokens.iter().position(|t| t.text(text) == ":" && !t.has(shape::QUOTED))?;
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
    let words_after = tokens.iter().filter(|t| t.start >= end && t.is_word()).count();
    after_comma && words_after <= 2 && first > 3
}

/// Where a proper name starting at token `k` ends, if one starts there:
/// capitalised words and the joiners between them ("Bank of England"); a
/// month or day only inside a name ("Brian May"), an opener ("The") only
/// before another capitalised word.
fn name_run_at(tokens: &[Token], text: &str, k: usize) -> Option<usize> {
    let t = &tokens[k];
    let starts = t.is_capitalised() && t.is_word() && !t.has(shape::QUOTED) && !t.is(tag::CALENDAR);
    let opener = t.is_opener() || tokens::is_sentence_initial(tokens, k) && tokens::is_ordinary(t, text);
    if !starts || opener && !tokens.get(k + 1).is_some_and(Token::is_capitalised) {
        return None;
    }
    let mut end = k + 1;
    while end < tokens.len() && !tokens[end - 1].has(shape::POSSESSIVE) {
        let n = &tokens[end];
        let joins = tokens::is_name_joiner(text, n) && tokens.get(end + 1).is_some_and(Token::is_capitalised);
        if n.is_capitalised() && n.is_word() && !n.has(shape::QUOTED) || joins {
            end += if joins { 2 } else { 1 };
        } else {
            break;
        }
    }
    Some(end)
}

/// The role a description names: its head noun and the capitalised words
/// before it ("the Metropolitan police chief").
fn role_of(text: &str, tokens: &[Token], (a, _): Run, noun: usize) -> Role {
    let modifiers: Vec<String> = tokens[a..noun]
        .iter()
        .filter(|t| t.is_capitalised() && t.is_word() && !t.is_opener())
        .map(|t| t.stem(text).to_lowercase())
        .collect();
    Role { head: tokens[noun].text(text).to_lowercase(), named: !modifiers.is_empty(), modifiers }
}

/// The text of a run of tokens as written ("Barnardo's" as a name of its own).
fn whole_text(text: &str, tokens: &[Token], (a, b): Run) -> String {
    text[tokens[a].start..tokens[b - 1].end].to_string()
}

/// The text of a run of tokens, a final possessive `'s` dropped.
fn phrase_text(text: &str, tokens: &[Token], (a, b): Run) -> String {
    let last = &tokens[b - 1];
    let end = last.start + last.stem(text).len();
    text[tokens[a].start..end].to_string()
}

/// A description's words up to its head noun ("the review" of "the review
/// into …").
fn head_words(tokens: &[Token], (a, b): Run) -> Run {
    let stops = |t: &Token| {
        !t.is_word() || (t.is(tag::ADP) || t.is(tag::VERB) && !t.is(tag::NOUN | tag::ADJ)) && !t.is_capitalised()
    };
    let end = (a + 1..b).find(|&k| stops(&tokens[k])).unwrap_or(b);
    (a, end)
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

/// Who wrote the document whose head noun is at `noun` (its phrase starts
/// at `det`): a name before the noun ("the HMIC inspection report", "the
/// board's review"), or after "by", directly or after an authoring verb
/// ("a review carried out by X").
fn document_author(tokens: &[Token], text: &str, det: usize, noun: usize) -> Option<Run> {
    if let Some(k) = (det..noun).find(|&j| tokens[j].is_capitalised() && !tokens[j].is_opener()) {
        let mut end = k;
        while end < noun && (tokens[end].is_capitalised() || tokens::is_name_joiner(text, &tokens[end])) {
            end += 1;
            if tokens[end - 1].has(shape::POSSESSIVE) {
                break;
            }
        }
        return Some((k, end));
    }
    let mut k = noun + 1;
    while k < tokens.len() && k <= noun + 4 && tokens[k].text(text) != "by" {
        let t = &tokens[k];
        let authoring = t.word.lemmas().iter().any(|l| l.class & lexicon_class::AUTHORING != 0);
        if !(authoring || t.is(tag::ADV | tag::ADP) && !t.is_capitalised() || t.text(text) == ",") {
            return None;
        }
        k += 1;
    }
    if tokens.get(k)?.text(text) != "by" {
        return None;
    }
    mentions::name_after(tokens, text, k + 1)
}

/// The capitalised run ending just before token `k`.
fn name_run_before(tokens: &[Token], text: &str, k: usize) -> Option<Run> {
    let mut start = k;
    while start > 0 {
        let t = &tokens[start - 1];
        let joins = tokens::is_name_joiner(text, t) && start >= 2 && tokens[start - 2].is_capitalised();
        if t.is_capitalised() && t.is_word() || joins {
            start -= 1;
        } else {
            break;
        }
    }
    if start < k && start == 0 && tokens[0].is_function_word() {
        start += 1;
    }
    (start < k).then_some((start, k))
}

impl Extractor<'_> {
    /// The sentence as a reported statement, when a cue reports it and it
    /// is more than the frame of a quote.
    fn reported(&mut self, p: usize, (s, e): (usize, usize), tokens: &[Token], range: std::ops::Range<usize>) {
        let cues = &self.cues[range];
        let chosen = cues
            .iter()
            .find(|c| c.speaker.is_some() && c.governs)
            .or_else(|| cues.iter().find(|c| c.speaker.is_some() && !c.relative))
            .or_else(|| cues.iter().find(|c| c.speaker.is_some()))
            .or_else(|| cues.iter().find(|c| c.unidentified))
            .copied();
        let Some(cue) = chosen else { return };
        let text = &self.paragraphs[p];
        let beside_cue = tokens.iter().filter(|t| t.is_word() && (t.start < cue.start || t.start >= cue.end)).count();
        let other_cues = cues.iter().any(|c| c.speaker.is_some() && c.verb != cue.verb);
        if beside_cue <= 1 || attribute::frames_a_quote(text, tokens, &cue, other_cues) {
            return;
        }
        let speaker = (cue.confidence >= THRESHOLD).then_some(cue.speaker).flatten();
        self.found.push((
            p,
            s,
            Found {
                speaker,
                kind: StatementKind::Reported,
                text: text[s..e].to_string(),
                cue: text[cue.start..cue.end].to_string(),
                cue_span: Some(Span { paragraph: p, start: cue.start, end: cue.end }),
                spans: vec![Span { paragraph: p, start: s, end: e }],
                confidence: cue.confidence,
            },
        ));
    }
}

/// Speakers as the entities they stand for (documents by their authors),
/// numbered by first use.
fn finish(registry: Registry, mut found: Vec<(usize, usize, Found)>) -> Extraction {
    found.sort_by_key(|&(p, at, _)| (p, at));
    let speakers: Vec<Option<usize>> = found.iter().map(|(_, _, f)| f.speaker.map(|id| registry.speaker(id))).collect();
    for (_, _, f) in &mut found {
        if let Some(id) = f.speaker {
            f.confidence = registry.settled_confidence(id, f.confidence);
            if f.confidence < THRESHOLD {
                f.speaker = None;
                f.confidence = 0.0;
            }
        }
    }
    let (entities, roots) = registry.finish();
    let mut map: Vec<Option<usize>> = vec![None; entities.len()];
    let mut taken: Vec<Option<super::Entity>> = entities.into_iter().map(Some).collect();
    let mut kept = Vec::new();
    let mut statements = Vec::with_capacity(found.len());
    for ((_, _, mut f), speaker) in found.into_iter().zip(speakers) {
        f.speaker = speaker.filter(|_| f.speaker.is_some()).map(|id| {
            let root = roots[id];
            *map[root].get_or_insert_with(|| {
                kept.push(taken[root].take().expect("each entity is taken once"));
                kept.len() - 1
            })
        });
        statements.push(f);
    }
    Extraction { entities: kept, statements }
}

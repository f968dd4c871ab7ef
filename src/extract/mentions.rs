//! Stage 2, name spans: what a noun phrase refers to. A phrase is read
//! from its head (the first noun before a preposition, participle or
//! relative pronoun), with titles and descriptions stripped from a name and
//! possessives read as owners ("Arsenal's Patrick Vieira" is Vieira; "an
//! NSPCC spokesman" speaks for the NSPCC).

use super::lexicon::tag;
use super::tokens::{Token, is_initials, is_name_joiner, is_ordinary, is_sentence_initial, lower, shape};
pub(crate) use groups::is_counting_word;
use groups::{group_words, quantified};

/// What sort of entity a proper name looks like, from its own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameKind {
    Person,
    Organisation,
    /// One word with no evidence either way ("Lycos", "Hart").
    Unknown,
}

/// Grammatical gender, where the words give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Gender {
    Masculine,
    Feminine,
    #[default]
    Unknown,
}

/// A run of tokens (indices into the sentence's tokens), end exclusive.
pub(crate) type Run = (usize, usize);

/// What a noun phrase refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reference {
    /// A proper name: its tokens, without titles or descriptors.
    Name { run: Run, kind: NameKind, gender: Gender },
    /// he, she, it, they, we, I.
    Pronoun(u64),
    /// A spokesperson, and the organisation named with it, if any.
    Spokesperson { org: Option<Run>, gender: Gender },
    /// A person named by a role ("the minister"); `definite` for "the".
    Role { noun: usize, definite: bool, gender: Gender },
    /// A person's relative or colleague ("Sophie's mother"): never the
    /// owner, and never anyone else in view.
    OwnedRole { noun: usize },
    /// An organisation named by a common noun ("the company", "the council").
    OrgDescription { noun: usize, definite: bool },
    /// A group ("young victims", "campaigners"): the words that name it.
    Group { run: Run },
    /// A document or data ("the report", "research by X"), and its author.
    Document { noun: usize, author: Option<Run>, definite: bool },
    /// Unnamed people ("a source", "officials"): never resolved.
    Source,
}

/// A noun phrase with its reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mention {
    /// The tokens the phrase covers.
    pub run: Run,
    pub reference: Reference,
}

/// Words that may open a phrase without belonging to it.
fn is_opener(paragraph: &str, token: &Token) -> bool {
    !token.is_word()
        || token.is(tag::CCONJ)
        || (token.is(tag::ADV) && !token.is(tag::NOUN | tag::PROPN | tag::ADJ))
        || matches!(token.text(paragraph), "But" | "And" | "So" | "Yet" | "Now" | "Also")
}

/// Whether the phrase at `run` starts with "the" or a possessive (a
/// definite reference back to something already named).
pub(crate) fn is_definite(tokens: &[Token], paragraph: &str, run: Run) -> bool {
    tokens[run.0..run.1].iter().take_while(|t| !t.is(tag::NOUN) || t.is(tag::DET)).any(|t| {
        matches!(lower(t.text(paragraph)).as_bytes(), b"the" | b"this" | b"that" | b"these" | b"those")
            || t.is(tag::POSSESSIVE_DET)
            || t.has(shape::POSSESSIVE)
    })
}

/// Where the head part of a phrase ends: before the first preposition,
/// relative pronoun, comma or participle that is not inside a name.
fn head_end(tokens: &[Token], paragraph: &str, run: Run) -> usize {
    let (start, end) = run;
    for k in start..end {
        let t = &tokens[k];
        if !t.is_word() {
            if matches!(t.text(paragraph), "&" | "-" | "'" | "’" | "." | "(" | ")") {
                continue;
            }
            return k;
        }
        if k == start {
            continue;
        }
        let inside_name = is_name_joiner(paragraph, t)
            && tokens[k - 1].is_capitalised()
            && tokens.get(k + 1).is_some_and(|n| n.is_capitalised() || n.eq(paragraph, "the"));
        if inside_name {
            continue;
        }
        // "the leading agencies": a participle after a determiner or owner
        // modifies the noun after it.
        let modifier = tokens[k - 1].is(tag::DET | tag::POSSESSIVE_DET) || tokens[k - 1].has(shape::POSSESSIVE);
        let lower_verb =
            !t.is_capitalised() && t.is(tag::VERB) && !t.is(tag::NOUN | tag::ADJ | tag::PROPN) && !modifier;
        if t.is(tag::ADP) && !t.is(tag::NOUN | tag::PROPN) && !t.is_capitalised()
            || matches!(t.text(paragraph), "who" | "which" | "whose" | "whom" | "that")
            || lower_verb
        {
            return k;
        }
    }
    end
}

/// A run of name words ending at `end` (exclusive), walking back over
/// capitalised words and the joiners between them.
fn name_run_ending(tokens: &[Token], paragraph: &str, start: usize, end: usize) -> Option<Run> {
    let mut k = end;
    while k > start {
        let t = &tokens[k - 1];
        let joiner = is_name_joiner(paragraph, t) && k - 1 > start && tokens[k - 2].is_capitalised();
        let inside =
            !t.is(tag::CALENDAR) || k - 1 > start && tokens[k - 2].is_capitalised() && !tokens[k - 2].is(tag::CALENDAR);
        if t.is_capitalised() && t.is_word() && inside || joiner {
            k -= 1;
            if t.has(shape::POSSESSIVE) && k + 1 < end {
                k += 1;
                break;
            }
        } else {
            break;
        }
    }
    while k < end && (is_name_joiner(paragraph, &tokens[k]) || !tokens[k].is_word() || tokens[k].is_opener()) {
        k += 1;
    }
    // A sentence's first word is capitalised whatever it is ("Early results").
    // "Marks and Spencer": a joiner and a capitalised word keep it a name.
    let joined = |j: usize| {
        tokens.get(j).is_some_and(|n| is_name_joiner(paragraph, n))
            && tokens.get(j + 1).is_some_and(|n| j + 1 < end && n.is_capitalised())
    };
    if k < end
        && is_sentence_initial(tokens, k)
        && is_ordinary(&tokens[k], paragraph)
        && !unknown_subject(tokens, paragraph, k)
        && !tokens.get(k + 1).is_some_and(|n| k + 1 < end && n.is_capitalised())
        && !joined(k + 1)
    {
        k += 1;
    }
    (k < end).then_some((k, end))
}

/// An unknown word ending in "-ed" right before a reporting verb is its
/// subject, a name ("Brimsted said"), not a participle.
fn unknown_subject(tokens: &[Token], paragraph: &str, k: usize) -> bool {
    tokens[k].word.is_unknown()
        && tokens[k].text(paragraph).ends_with("ed")
        && tokens.get(k + 1).is_some_and(|n| !n.is_capitalised() && n.is_verb_form())
}

/// Where a person's own name starts inside a capitalised run, after any
/// titles or descriptors ("Labour MP Joe Bloggs", "Guitarist Brian May").
fn person_start(tokens: &[Token], paragraph: &str, run: Run) -> Option<usize> {
    let (start, end) = run;
    if let Some(k) = (start..end).find(|&k| initials_of_a_name(tokens, paragraph, k, end)) {
        return Some(k);
    }
    // A courtesy title or honorific starts the name ("Sir John Stevens",
    // "Judge Slater"); a first name does, when more words follow it.
    let found = (start..end).find(|&k| {
        let t = &tokens[k];
        let named_next = k + 1 < end && tokens[k + 1].is_capitalised() && !tokens[k + 1].has(shape::ACRONYM);
        (t.is(tag::HONORIFIC) && named_next)
            || (t.is_first_name() && named_next && (!t.is(tag::NAME_AMBIGUOUS) || k > start))
            || (t.is_first_name()
                && !t.is(tag::NAME_AMBIGUOUS)
                && k + 1 == end
                && k > start
                // "Marks and Spencer": a name's last part, not a person's.
                && !tokens[k - 1].is(tag::NAME_JOINER))
    })?;
    // A rank or office before a first name is a descriptor ("MP Joe
    // Bloggs"); a courtesy title stays ("Sir Andrew Green").
    let mut k = found;
    while k + 1 < end && tokens[k].is(tag::HONORIFIC) && !tokens[k].is(tag::COURTESY) {
        k += 1;
    }
    let first_name = k > found && tokens[k].is_first_name() && k + 1 < end;
    Some(if first_name { k } else { found })
}

/// Whether the token at `k` is a person's initials ("G.K." in "Rep. G.K.
/// Barton"): capitals each followed by a full stop, then only words that
/// mark no organisation (an acronym among them) up to the run's end.
/// Capitals alone are an acronym ("the BBC"), and so are dotted ones
/// before an ordinary word ("U.S. Army") or at the end ("the U.N.").
fn initials_of_a_name(tokens: &[Token], paragraph: &str, k: usize, end: usize) -> bool {
    let text = tokens[k].text(paragraph);
    let dotted = text.len() >= 4 && text.ends_with('.') && is_initials(&text[..text.len() - 1]);
    dotted
        && k + 1 < end
        && tokens[k + 1..end].iter().all(|t| t.is_word() && t.is_capitalised() && !marks_organisation(paragraph, t))
}

/// Where an affiliation starts after a person's name ("Jane Roe of
/// Oxfam", "Sam Hill for Morning Polls"): the person is the speaker, not
/// the whole run. Only after a first name: "Lord Smith of Finsbury" is one
/// name.
fn affiliation_start(tokens: &[Token], paragraph: &str, k: usize, end: usize) -> Option<usize> {
    if !tokens[k].is_first_name() || tokens[k].is(tag::HONORIFIC) {
        return None;
    }
    (k + 2..end)
        .find(|&j| is_name_joiner(paragraph, &tokens[j]) && matches!(tokens[j].text(paragraph), "of" | "for" | "at"))
}

/// Where the name starts after a title made of ordinary words and ending
/// in a person noun ("Italian Prime Minister Luca Verdi", "Children's
/// Commissioner Ada Moss"), when no first name in the lexicon marks it.
fn name_after_title(tokens: &[Token], paragraph: &str, (start, end): Run) -> Option<usize> {
    let head = (start..end).rev().find(|&h| {
        let t = &tokens[h];
        t.is(tag::PERSON_NOUN | tag::HONORIFIC)
            && t.is(tag::NOUN | tag::HONORIFIC)
            && !t.is(tag::COURTESY | tag::PLURAL)
    })?;
    let titled = tokens[start..head].iter().all(|t| !t.is_word() || t.is_opener() || is_title_word(paragraph, t));
    let is_name_word = |t: &Token| {
        t.is_capitalised()
            && t.is_word()
            && !t.has(shape::ACRONYM)
            && !is_title_word(paragraph, t)
            && !t.is(tag::PERSON_NOUN)
    };
    let name = &tokens[head + 1..end];
    (titled && !name.is_empty() && name.iter().all(is_name_word)).then_some(head + 1)
}

/// A word that can be part of a title ("Assistant Chief Constable", "Home
/// Secretary"): a rank, or a common noun (not a proper one: "Judge Slater"
/// is a name, though a slater is a trade).
fn is_title_word(paragraph: &str, token: &Token) -> bool {
    token.is(tag::HONORIFIC) && !token.is(tag::COURTESY)
        || token.is(tag::NOUN | tag::ADJ) && !token.is(tag::PROPN | tag::FIRST_NAME | tag::COURTESY)
        || is_name_joiner(paragraph, token)
}

/// Whether a capitalised run is a title with no name in it ("the Home
/// Secretary", "West Mercia's Assistant Chief Constable"): a role.
pub(crate) fn is_title(tokens: &[Token], paragraph: &str, (start, end): Run, definite: bool) -> bool {
    let last = &tokens[end - 1];
    let head = last.is(tag::HONORIFIC) && !last.is(tag::COURTESY) || last.is(tag::PERSON_NOUN) && last.is(tag::NOUN);
    head && !last.is(tag::PLURAL)
        && (end - start >= 2 || definite)
        && tokens[start..end].iter().all(|t| !t.is_word() || t.is_opener() || is_title_word(paragraph, t))
}

/// Whether a word in a name marks an organisation: an organisation noun
/// or suffix, an acronym, a joiner, or an ordinary English word (people's
/// names are made of proper nouns: "Migration Watch" is not a person).
fn marks_organisation(paragraph: &str, token: &Token) -> bool {
    token.is(tag::ORG_SUFFIX | tag::GROUP_SENSE)
        || token.has(shape::ACRONYM)
        || matches!(token.text(paragraph), "of" | "for" | "&" | "and")
        || (token.is(tag::NOUN | tag::VERB | tag::ADJ | tag::ADV)
            && !token.is(tag::FIRST_NAME | tag::PERSON_NOUN | tag::HONORIFIC))
}

/// An ordinary English word, capitalised only because it starts a sentence.
/// Classifies a capitalised run as a person, an organisation or unknown,
/// and strips the titles and descriptors in front of a person's name.
pub(crate) fn classify_name(tokens: &[Token], paragraph: &str, (mut start, end): Run) -> (Run, NameKind, Gender) {
    while start + 1 < end && tokens[start].is_opener() {
        start += 1;
    }
    let run = (start, end);
    if let Some(k) = person_start(tokens, paragraph, run) {
        let end = affiliation_start(tokens, paragraph, k, end).unwrap_or(end);
        let name_has_org_word = (k + 1..end).any(|j| tokens[j].is(tag::ORG_SUFFIX | tag::GROUP_NOUN));
        if !name_has_org_word {
            return ((k, end), NameKind::Person, gender_of(tokens, (k, end)));
        }
    }
    if let Some(k) = name_after_title(tokens, paragraph, run) {
        return ((k, end), NameKind::Person, gender_of(tokens, (k, end)));
    }
    let words = &tokens[start..end];
    if words.iter().any(|t| marks_organisation(paragraph, t)) {
        // "Sir", "Mr" before an organisation word still make a person
        // ("Mr Bank"), which a first letter alone never does.
        return (run, NameKind::Organisation, Gender::Unknown);
    }
    let last = &tokens[end - 1];
    if end - start >= 2 && (last.is(tag::PROPN) || last.word.is_unknown()) {
        return (run, NameKind::Person, gender_of(tokens, run));
    }
    // A first name alone ("Melanie said"), even opening a sentence, is a
    // person, unless it is also an ordinary word ("Will", "May"). Of
    // unknown gender: many are surnames too ("Scott", "Fallon").
    if end - start == 1 && last.is(tag::FIRST_NAME) && !last.is(tag::NAME_AMBIGUOUS) {
        return (run, NameKind::Person, Gender::Unknown);
    }
    (run, NameKind::Unknown, Gender::Unknown)
}

/// A person's gender from a first name or a title (the lexicon's
/// `words.title_gender`).
fn gender_of(tokens: &[Token], run: Run) -> Gender {
    for t in &tokens[run.0..run.1] {
        if t.is(tag::TITLE_M) {
            return Gender::Masculine;
        }
        if t.is(tag::TITLE_F) {
            return Gender::Feminine;
        }
        if t.is(tag::FIRST_NAME) {
            return word_gender(t);
        }
    }
    Gender::Unknown
}

/// The gender a word's lexicon entry gives.
pub(crate) fn word_gender(token: &Token) -> Gender {
    if token.is(tag::FEMININE) {
        Gender::Feminine
    } else if token.is(tag::MASCULINE) {
        Gender::Masculine
    } else {
        Gender::Unknown
    }
}

/// Reads the noun phrase at `run` (tokens of one sentence). `None` when it
/// names nothing that can speak ("the plan", "it all").
pub(crate) fn analyse(tokens: &[Token], paragraph: &str, run: Run) -> Option<Mention> {
    let (mut start, end) = run;
    while start < end && is_opener(paragraph, &tokens[start]) && !tokens[start].is_capitalised_name() {
        start += 1;
    }
    if start >= end {
        return None;
    }
    let head = head_end(tokens, paragraph, (start, end));
    if head <= start {
        return None;
    }
    // "one of the world's largest agencies": one member, not yet named
    // (and "One of the …" is no name, though "of" joins names).
    if tokens[start].eq(paragraph, "one") && tokens.get(start + 1).is_some_and(|t| t.eq(paragraph, "of")) {
        let member = match analyse(tokens, paragraph, (start + 2, end))?.reference {
            Reference::Group { run } if tokens[run.1 - 1].is(tag::PERSON_NOUN) => {
                Reference::Role { noun: run.1 - 1, definite: false, gender: Gender::Unknown }
            }
            Reference::Group { run } => Reference::OrgDescription { noun: run.1 - 1, definite: false },
            _ => return None,
        };
        return Some(Mention { run: (start, end), reference: member });
    }
    let reference = reference(tokens, paragraph, (start, head), end)?;
    Some(Mention { run: (start, end), reference })
}

/// The name in the phrase starting at `from` ("the Westshire Youth Board",
/// "Sunday Telegraph journalist Robert Peston" names Robert Peston): its
/// last capitalised run before the phrase ends.
pub(crate) fn name_after(tokens: &[Token], paragraph: &str, from: usize) -> Option<Run> {
    let mut end = from;
    while end < tokens.len() && tokens[end].is_word() && !tokens[end].has(shape::QUOTED) {
        let t = &tokens[end];
        let in_name = t.is_capitalised()
            || is_name_joiner(paragraph, t) && tokens.get(end + 1).is_some_and(Token::is_capitalised);
        if !(in_name || t.is(tag::DET | tag::NOUN | tag::ADJ) && !t.is_verb_form()) {
            break;
        }
        end += 1;
        if t.has(shape::POSSESSIVE) && !tokens.get(end).is_some_and(Token::is_capitalised) {
            break;
        }
    }
    let run = name_run_ending(tokens, paragraph, from, end)?;
    Some(classify_name(tokens, paragraph, run).0)
}

impl Token {
    /// A capitalised word that is not a common opener ("But", "However").
    fn is_capitalised_name(&self) -> bool {
        self.is_capitalised() && (self.is(tag::PROPN | tag::FIRST_NAME | tag::HONORIFIC) || self.word.is_unknown())
    }
}

/// The reference of a phrase whose head part is `head` (the rest of the
/// phrase, up to `end`, may name an owner: "a spokesman for X").
fn reference(tokens: &[Token], paragraph: &str, head: Run, end: usize) -> Option<Reference> {
    let (start, stop) = head;
    let last = &tokens[stop - 1];
    if stop - start == 1 && last.is(tag::PRONOUN) && !last.is(tag::DET) {
        return Some(Reference::Pronoun(last.word_tags()));
    }
    // An owner: "Arsenal's Patrick Vieira", "the council's spokesman".
    if let Some(p) = (start..stop - 1).rev().find(|&k| tokens[k].has(shape::POSSESSIVE)) {
        let owner = name_run_ending(tokens, paragraph, start, p + 1);
        let rest = reference(tokens, paragraph, (p + 1, stop), end)?;
        // A common-noun owner ("the council's spokesman") is that organisation.
        let owned_by_description = owner.is_none() && tokens[p].is(tag::GROUP_NOUN);
        return Some(match rest {
            Reference::Spokesperson { org: None, .. } | Reference::Document { author: None, .. }
                if owned_by_description =>
            {
                Reference::OrgDescription { noun: p, definite: true }
            }
            Reference::Spokesperson { org: None, gender } => Reference::Spokesperson { org: owner, gender },
            Reference::Document { noun, author: None, .. } => {
                Reference::Document { noun, author: owner, definite: true }
            }
            // Someone's relative or colleague ("Sophie's mother", "the
            // girl's father") is a person of their own; a role of a body
            // or place ("Acme's chief executive", "the country's biggest
            // grocer") may be named next.
            Reference::Role { noun, gender, .. } => {
                let kind = owner.map(|run| classify_name(tokens, paragraph, run).1);
                let person_owner =
                    kind == Some(NameKind::Person) || tokens[p].is(tag::PERSON_NOUN) && !tokens[p].is_capitalised();
                if person_owner {
                    Reference::OwnedRole { noun }
                } else {
                    Reference::Role { noun, definite: true, gender }
                }
            }
            other => other,
        });
    }
    if let Some(quantified) = quantified(tokens, paragraph, head) {
        return quantified;
    }
    // "the Frenchman", "a Scot": a description of a person, not a name.
    let article = |k: usize| tokens[k].is(tag::DET) && !tokens[k].is_capitalised_name();
    let demonym = (stop - start == 2 && article(start) || stop - start == 1 && start > 0 && article(start - 1))
        && last.is(tag::DEMONYM);
    if demonym {
        let definite = is_definite(tokens, paragraph, (stop - 2, stop));
        return Some(Reference::Role { noun: stop - 1, definite, gender: word_gender(last) });
    }
    let calendar = last.is(tag::CALENDAR) && !(stop - start >= 2 && tokens[stop - 2].is_capitalised());
    // A capitalised word that starts the sentence and is an ordinary word
    // ("Police said", "First shown") is read as one.
    let ordinary = stop - start == 1
        && is_sentence_initial(tokens, start)
        && is_ordinary(last, paragraph)
        && !unknown_subject(tokens, paragraph, start);
    if ordinary {
        return described(tokens, paragraph, head, end);
    }
    if last.is_capitalised() && last.is_word() && !calendar {
        let run = name_run_ending(tokens, paragraph, start, stop)?;
        if is_title(tokens, paragraph, run, is_definite(tokens, paragraph, (start, stop)) || run.0 > start) {
            return Some(Reference::Role { noun: stop - 1, definite: true, gender: word_gender(last) });
        }
        let (run, kind, gender) = classify_name(tokens, paragraph, run);
        return Some(Reference::Name { run, kind, gender });
    }
    described(tokens, paragraph, head, end)
}

impl Token {
    fn word_tags(&self) -> u64 {
        [tag::PRONOUN_M, tag::PRONOUN_F, tag::PRONOUN_N, tag::PRONOUN_PL, tag::PRONOUN_FIRST]
            .into_iter()
            .find(|&t| self.is(t))
            .unwrap_or(0)
    }
}

/// A phrase headed by a common noun.
fn described(tokens: &[Token], paragraph: &str, head: Run, end: usize) -> Option<Reference> {
    let (start, stop) = head;
    let noun = stop - 1;
    let t = &tokens[noun];
    let definite = is_definite(tokens, paragraph, head);
    // A name before the noun, or after "for"/"from"/"at"/"by" following it.
    let modifier = || name_run_ending(tokens, paragraph, start, noun).map(|r| trim_determiner(tokens, paragraph, r));
    let after = || owner_after(tokens, paragraph, stop, end);
    if t.is(tag::SPOKESPERSON) {
        let gender = word_gender(t);
        let org = modifier().or_else(after);
        // "a council spokesman", "a police spokeswoman": the body a common
        // noun names.
        if org.is_none() && noun > start && tokens[noun - 1].is(tag::GROUP_SENSE) && !tokens[noun - 1].is(tag::PLURAL) {
            return Some(Reference::OrgDescription { noun: noun - 1, definite: true });
        }
        return Some(Reference::Spokesperson { org, gender });
    }
    if t.is(tag::SOURCE_NOUN) {
        return Some(Reference::Source);
    }
    if t.is(tag::FINDINGS_NOUN) {
        return Some(Reference::Document { noun, author: modifier().or_else(after), definite });
    }
    if t.is(tag::PERSON_NOUN) {
        if t.is(tag::PLURAL) {
            return Some(Reference::Group { run: group_words(tokens, (start, stop)) });
        }
        // "His lawyer", "her mother": someone else, whoever "his" is.
        if tokens[start..noun].iter().any(|d| d.is(tag::POSSESSIVE_DET) && d.is(tag::PRONOUN_M | tag::PRONOUN_F)) {
            return Some(Reference::OwnedRole { noun });
        }
        return Some(Reference::Role { noun, definite, gender: word_gender(t) });
    }
    if t.is(tag::GROUP_NOUN) {
        if t.is(tag::PLURAL) {
            return Some(Reference::Group { run: group_words(tokens, (start, stop)) });
        }
        // "Northshire police", "the Labour party": a name and its kind.
        if let Some((a, _)) = modifier().filter(|&(_, b)| b == noun) {
            return Some(Reference::Name { run: (a, stop), kind: NameKind::Organisation, gender: Gender::Unknown });
        }
        return Some(Reference::OrgDescription { noun, definite });
    }
    None
}

/// A capitalised run inside the phrase that `stop..end` holds after
/// "for", "from", "at", "of" or "by" ("a spokesman for the council").
fn owner_after(tokens: &[Token], paragraph: &str, stop: usize, end: usize) -> Option<Run> {
    let t = tokens.get(stop).filter(|_| stop < end)?;
    if !matches!(t.text(paragraph), "for" | "from" | "at" | "of" | "by" | "with") {
        return None;
    }
    let mut k = stop + 1;
    while k < end && tokens[k].is(tag::DET) && !tokens[k].is_capitalised() {
        k += 1;
    }
    let first = k;
    while k < end
        && (tokens[k].is_capitalised() && tokens[k].is_word()
            || is_name_joiner(paragraph, &tokens[k]) && tokens.get(k + 1).is_some_and(|n| n.is_capitalised()))
    {
        k += 1;
        if tokens[k - 1].has(shape::POSSESSIVE) {
            break;
        }
    }
    (k > first).then_some((first, k))
}

/// A run without a leading "the".
fn trim_determiner(tokens: &[Token], paragraph: &str, (start, end): Run) -> Run {
    if start + 1 < end && tokens[start].eq(paragraph, "the") { (start + 1, end) } else { (start, end) }
}

mod groups;
#[cfg(test)]
mod tests;

#[cfg(test)]
mod debug {
    use super::super::tokens::tokenize;
    use super::*;

    #[test]
    #[ignore]
    fn show() {
        for text in ["Italian Prime Minister Luca Verdini"] {
            let mut tokens = Vec::new();
            tokenize(text, 0, text.len(), &[], &mut tokens);
            for t in &tokens {
                eprintln!("  {:?} shape {:b} {:?}", t.text(text), t.shape, t.word);
            }
            eprintln!("{text}: {:?}", analyse(&tokens, text, (0, tokens.len())));
        }
    }
}

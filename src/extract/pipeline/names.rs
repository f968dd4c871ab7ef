//! Registering what a sentence names before its cues are resolved:
//! acronyms defined in brackets, proper names (with the roles before
//! them), and the documents it mentions with their authors.

use super::super::entities::Sort;
use super::super::lexicon::{class as lexicon_class, tag};
use super::super::mentions::{self, Gender, NameKind, Run};
use super::super::tokens::{self, Token, shape};
use super::Extractor;

impl Extractor<'_> {
    /// "Long Name (LN)" and "LN (Long Name)": one entity.
    pub(super) fn define_acronyms(&mut self, text: &str, tokens: &[Token]) {
        // Most sentences have no bracket: one search of their bytes tells
        // so, instead of a test of every token.
        let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else { return };
        if memchr::memchr(b'(', &text.as_bytes()[first.start..last.end]).is_none() {
            return;
        }
        for k in 1..tokens.len().saturating_sub(2) {
            if !is_mark(&tokens[k], text, b'(') || !is_mark(&tokens[k + 2], text, b')') {
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
                let id = self.registry.name(long, NameKind::Organisation, Gender::Unknown);
                self.registry.define(id, inner.text(text));
            }
        }
    }

    /// Registers every proper name outside quotes, so later references
    /// (surnames, "the company", pronouns) can find it.
    pub(super) fn note_names(&mut self, text: &str, tokens: &[Token]) {
        let mut k = 0;
        while k < tokens.len() {
            // Most tokens start no name: that is told without a call.
            if !may_start_name(&tokens[k]) {
                k += 1;
                continue;
            }
            let Some(end) = name_run_at(tokens, text, k) else {
                k += 1;
                continue;
            };
            // "Many Democrats": people counted, no name of a person.
            let from = if end - k >= 2 && mentions::is_counting_word(&tokens[k]) { k + 1 } else { k };
            let (run, kind, gender) = mentions::classify_name(tokens, text, (from, end));
            let title = mentions::is_title(tokens, text, run, k > 0 && tokens[k - 1].eq(text, "the"));
            let title_word_alone = run.1 - run.0 == 1 && tokens[run.0].is(tag::HONORIFIC | tag::PRONOUN);
            if !title && !title_word_alone && !describes_the_next_name(tokens, run, kind) {
                // "Sainsbury's has", "Standard & Poor's said": a name whole
                // when an auxiliary or reporting verb follows it, not
                // something it owns ("Charles Clarke's planned orders").
                let whole = tokens[run.1 - 1].has(shape::POSSESSIVE)
                    && tokens.get(run.1).is_some_and(|n| {
                        (n.is(tag::AUX) || n.is_verb_form()) && !n.is(tag::NOUN | tag::ADJ) && !n.is_capitalised()
                    });
                let name = if whole { whole_text(text, tokens, run) } else { phrase_text(text, tokens, run) };
                let id = self.registry.name(name, kind, gender);
                self.record_role(id, text, tokens, (k, run.0));
                let subject = tokens[end..].iter().find(|t| !t.is(tag::ADV) || t.is(tag::NOUN)).is_some_and(|n| {
                    n.is(tag::AUX) || n.is(tag::VERB) && !n.is(tag::NOUN | tag::PROPN) && !n.is_capitalised()
                });
                let person = (self.registry.get(id).sort == Sort::Person).then_some(gender);
                if person.is_some() {
                    self.named.push((k, self.registry.root(id)));
                    self.person.get_or_insert(self.registry.root(id));
                }
                if subject && self.subject.is_none() {
                    self.subject = Some(self.registry.root(id));
                    self.name_description(id);
                }
                // "Tom Reed and Paul Hart were charged": both are the subject.
                if subject && k > 0 && tokens[k - 1].has(shape::LISTS_PEOPLE) {
                    self.salience.last_is_subject_too(self.sentence);
                }
                self.salience.mention(id, self.sentence, subject, person);
            }
            k = end;
        }
    }

    /// "One of the agencies says … Standard & Poor's has classed …": a body
    /// named for the first time as the subject of the very next sentence
    /// is the body an indefinite description just told of, though it
    /// says nothing there.
    fn name_description(&mut self, id: usize) {
        let Some(pending) = &self.pending else { return };
        let record = self.registry.get(id);
        let new = record.first_seen == self.sentence && matches!(record.sort, Sort::Organisation | Sort::Unknown);
        let indefinite = self.registry.get(pending.entity).placeholder == Some(false);
        if new && indefinite && pending.company_like && pending.sentence + 1 == self.sentence {
            let entity = pending.entity;
            self.registry.merge(entity, id);
            self.pending = None;
        }
    }

    /// Records the descriptor before a person's name ("Norfolk police
    /// chief" of "Norfolk police chief Andy Hayman") as a role of theirs.
    pub(super) fn record_role(&mut self, id: usize, text: &str, tokens: &[Token], (a, b): Run) {
        let role_word = |t: &&Token| t.is_word() && !t.is_opener();
        // Most names have no role before them: look at the last word before
        // gathering them all.
        let Some(last) = tokens[a..b].iter().rev().find(role_word) else { return };
        if !last.is(tag::PERSON_NOUN | tag::HONORIFIC) || last.is(tag::COURTESY) {
            return;
        }
        let phrase = role_phrase(text, tokens[a..b].iter().filter(role_word));
        // The title and name together are a name the text uses too.
        if let Some(name_end) = (b..tokens.len()).take_while(|&k| tokens[k].is_capitalised()).last()
            && !last.has(shape::POSSESSIVE)
            && let Some(first) = tokens[a..b].iter().find(role_word).map(|t| t.start)
        {
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
    pub(super) fn note_documents(&mut self, text: &str, tokens: &[Token]) {
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
                    self.registry.described(words, Sort::Document, Gender::Unknown)
                }
            };
            if let Some(run) = author {
                let name = phrase_text(text, tokens, run);
                let id = self.registry.name(name, NameKind::Organisation, Gender::Unknown);
                self.registry.set_author(doc, id);
            }
            let subject = tokens.get(k + 1).is_some_and(|n| n.is(tag::AUX | tag::VERB) || n.text(text) == ",");
            self.salience.mention(doc, self.sentence, subject, None);
        }
    }
}

/// "Tory leader Michael Howard": one word a first-name list holds, then
/// a lower-case role and a name, describes that person; it is no one.
fn describes_the_next_name(tokens: &[Token], (a, b): Run, kind: NameKind) -> bool {
    let role = tokens.get(b).is_some_and(|t| t.is(tag::PERSON_NOUN | tag::HONORIFIC) && !t.is_capitalised());
    kind == NameKind::Person && b == a + 1 && role && tokens.get(b + 1).is_some_and(Token::is_capitalised)
}

/// The stems of a role's words lower-cased, one space apart: each word's
/// `to_lowercase`, joined, built in one string rather than one a word.
fn role_phrase<'t>(text: &str, words: impl Iterator<Item = &'t Token> + Clone) -> String {
    // Room for the words as written and a space after each: all an ASCII
    // phrase needs, so it grows at most once.
    let mut phrase = String::with_capacity(words.clone().map(|t| t.end - t.start + 1).sum());
    for (n, t) in words.enumerate() {
        if n > 0 {
            phrase.push(' ');
        }
        let stem = t.stem(text);
        if stem.is_ascii() {
            let at = phrase.len();
            phrase.push_str(stem);
            phrase[at..].make_ascii_lowercase();
        } else {
            phrase.push_str(&stem.to_lowercase());
        }
    }
    phrase
}

/// Where a proper name starting at token `k` ends, if one starts there:
/// capitalised words and the joiners between them ("Bank of England"); a
/// month or day only inside a name ("Brian May"), an opener ("The") only
/// before another capitalised word.
fn name_run_at(tokens: &[Token], text: &str, k: usize) -> Option<usize> {
    let t = &tokens[k];
    if !may_start_name(t) {
        // Most tokens: no name starts here, and the opener test is not needed.
        return None;
    }
    let opener = t.is_opener() || tokens::is_sentence_initial(tokens, k) && tokens::is_ordinary(t, text);
    // "Standard & Poor's" opening a sentence is a name all the same (read
    // only for an opener before a word that is not capitalised).
    let ampersand = || {
        tokens.get(k + 1).is_some_and(|n| is_mark(n, text, b'&'))
            && tokens.get(k + 2).is_some_and(Token::is_capitalised)
    };
    if opener && !tokens.get(k + 1).is_some_and(Token::is_capitalised) && !ampersand() {
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

/// Whether a proper name may start at this token: a capitalised word
/// outside quotes, not a month or day.
#[inline]
fn may_start_name(t: &Token) -> bool {
    t.is_capitalised() && t.is_word() && !t.has(shape::QUOTED) && !t.is(tag::CALENDAR)
}

/// Whether the token is the one-byte punctuation mark `mark` (what
/// `t.text(text) == "("` tells, without slicing the text).
#[inline]
pub(super) fn is_mark(t: &Token, text: &str, mark: u8) -> bool {
    t.end == t.start + 1 && text.as_bytes()[t.start] == mark
}

/// The text of a run of tokens as written ("Barnardo's" as a name of its own).
pub(super) fn whole_text<'t>(text: &'t str, tokens: &[Token], (a, b): Run) -> &'t str {
    &text[tokens[a].start..tokens[b - 1].end]
}

/// The text of a run of tokens, a final possessive `'s` dropped.
pub(super) fn phrase_text<'t>(text: &'t str, tokens: &[Token], (a, b): Run) -> &'t str {
    let last = &tokens[b - 1];
    let end = last.start + last.stem(text).len();
    &text[tokens[a].start..end]
}

/// A description's words up to its head noun ("the review" of "the review
/// into …").
/// "One of the agencies" and "a leading retailer" are whole: a member of
/// a kind, a participle modifying the noun after it.
pub(super) fn head_words(tokens: &[Token], text: &str, (a, b): Run) -> Run {
    let member = tokens[a].eq(text, "one") && tokens.get(a + 1).is_some_and(|t| t.eq(text, "of"));
    let stops = |k: usize| {
        let t = &tokens[k];
        let modifier = t.has(shape::VERB_ENDING) && tokens[k - 1].is(tag::DET | tag::POSSESSIVE_DET);
        !t.is_word()
            || (t.is(tag::ADP) && !(member && k == a + 1)
                || t.is(tag::VERB) && !t.is(tag::NOUN | tag::ADJ) && !modifier)
                && !t.is_capitalised()
    };
    let end = (a + 1..b).find(|&k| stops(k)).unwrap_or(b);
    (a, end)
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

#[cfg(test)]
mod tests {
    use super::super::super::tokens::tokenize;
    use super::*;

    #[test]
    fn a_role_phrase_is_its_words_lower_cased_and_joined() {
        let text = "Norfolk Police Chief CONSTABLE Ärzte's Σ";
        let mut tokens = Vec::new();
        tokenize(text, 0, text.len(), &[], &mut tokens);
        let joined: Vec<String> = tokens.iter().map(|t| t.stem(text).to_lowercase()).collect();
        assert_eq!(role_phrase(text, tokens.iter()), joined.join(" "));
        assert_eq!(role_phrase(text, tokens[..0].iter()), "");
    }

    #[test]
    fn a_mark_is_told_as_its_text_tells_it() {
        let text = "Reed (NSPCC): \u{201c}No\u{201d} ((";
        let mut tokens = Vec::new();
        tokenize(text, 0, text.len(), &[], &mut tokens);
        for t in &tokens {
            for mark in [b'(', b')', b':'] {
                assert_eq!(is_mark(t, text, mark), t.text(text).as_bytes() == [mark], "{:?}", t.text(text));
            }
        }
        assert!(tokens.iter().any(|t| is_mark(t, text, b':')));
    }

    #[test]
    fn a_name_may_start_only_where_a_run_can() {
        let text = "In May Tom Reed of the Bank of England told \"Ann\" of it.";
        let mut tokens = Vec::new();
        tokenize(text, 0, text.len(), &[(text.find('"').unwrap() + 1, text.rfind('"').unwrap())], &mut tokens);
        for k in 0..tokens.len() {
            if !may_start_name(&tokens[k]) {
                assert_eq!(name_run_at(&tokens, text, k), None, "{:?}", tokens[k].text(text));
            }
        }
        let starts: Vec<&str> =
            (0..tokens.len()).filter(|&k| may_start_name(&tokens[k])).map(|k| tokens[k].text(text)).collect();
        assert!(starts.contains(&"Tom") && !starts.contains(&"May") && !starts.contains(&"Ann"), "{starts:?}");
    }
}

//! Noun-phrase bounds for cues: which words may stand in a speaker's
//! phrase, where a phrase ending at (or starting from) a token begins and
//! ends, and the small word tests (forms of "be", auxiliaries, relative
//! pronouns) the cue templates share.

use super::super::lexicon::tag;
use super::super::mentions::Run;
use super::super::tokens::{Token, is_name_joiner, shape};

/// A form of an auxiliary of the passive ("was", "got", "'s").
pub(super) fn is_be(t: &Token) -> bool {
    t.is(tag::PASSIVE_AUX)
}

/// "be" or a linking verb ("remained", "seems"), before an adjective.
pub(super) fn is_copula(t: &Token) -> bool {
    t.is(tag::PASSIVE_AUX | tag::LINKING)
}

/// A form of "have", the auxiliary of the perfect.
pub(super) fn is_perfect(t: &Token) -> bool {
    t.is(tag::PERFECT)
}

/// Words between a subject and its verb: auxiliaries, adverbs, "not".
pub(super) fn skippable(t: &Token) -> bool {
    t.is_word()
        && !t.is_capitalised()
        && (t.is(tag::AUX | tag::PART)
            || t.is(tag::ADV) && !t.is(tag::NOUN | tag::ADJ | tag::PROPN | tag::DET | tag::ADP | tag::SCONJ))
        && !t.is(tag::PRONOUN)
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

/// Whether the token before `k` is a preposition that attaches the phrase
/// at `k` to a noun before it ("a spokesman for the Home Office", "the
/// head of policy"), so the phrase walks on over both.
fn attaches_before(tokens: &[Token], floor: usize, k: usize) -> bool {
    let prev = &tokens[k - 1];
    prev.is(tag::ADP)
        && prev.is_attaching()
        && k - 1 > floor
        && in_phrase(&tokens[k - 2])
        && !tokens[k - 2].is(tag::DET)
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
            if attaches_before(tokens, floor, k) {
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
        // "the world's leading agencies", "its growing membership": a
        // participle between a determiner or owner and its noun.
        let modifier = prev.is_word()
            && !prev.is_capitalised()
            && prev.has(shape::VERB_ENDING)
            && k - 1 > floor
            && (tokens[k - 2].is(tag::DET | tag::POSSESSIVE_DET) || tokens[k - 2].has(shape::POSSESSIVE));
        if in_phrase(prev) || modifier {
            k -= 1;
            start = k;
            continue;
        }
        if attaches_before(tokens, floor, k) {
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
pub(super) fn phrase_starting(tokens: &[Token], paragraph: &str, first: usize, end: usize) -> Option<Run> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tests_know_every_form_in_any_case() {
        let text = "IS Was being ’s 's GOT remains Became has HAVING isn was’ seemingly";
        let found: Vec<(bool, bool, bool)> = text
            .split(' ')
            .map(|word| {
                let start = word.as_ptr() as usize - text.as_ptr() as usize;
                let entry = super::super::super::lexicon::lookup(word);
                let t = Token { start, end: start + word.len(), shape: shape::WORD, word: entry };
                (is_be(&t), is_copula(&t), is_perfect(&t))
            })
            .collect();
        let be = (true, true, false);
        let copula = (false, true, false);
        let perfect = (false, false, true);
        let none = (false, false, false);
        assert_eq!(found, [be, be, be, be, be, be, copula, copula, perfect, perfect, none, none, none]);
    }
}

//! Groups: the words that name one ("some young victims" names "young
//! victims"), and phrases a quantifier opens ("Many Republicans said").

use super::super::lexicon::tag;
use super::super::tokens::{Token, shape};
use super::{Reference, Run};

/// Determiners and quantifiers that do not belong to a group's name.
fn is_quantifier(token: &Token) -> bool {
    token.is(tag::DET | tag::NUM) || token.has(shape::DIGIT)
}

/// Words that count people without naming them ("many", "several").
pub(crate) fn is_counting_word(token: &Token) -> bool {
    token.is(tag::COUNTING)
}

/// The words that name a group: its phrase without determiners or quantifiers
/// ("some young victims" names "young victims").
pub(super) fn group_words(tokens: &[Token], (mut start, end): Run) -> Run {
    while start + 1 < end && (is_quantifier(&tokens[start]) || is_counting_word(&tokens[start])) {
        start += 1;
    }
    (start, end)
}

/// A phrase a counting word opens before capitalised words: "Many
/// Republicans" is a group, not a person of that name; "many Republican"
/// before "claims" names nobody (the plural noun after it was read as a
/// verb). `None` when the phrase is not of that shape.
pub(super) fn quantified(tokens: &[Token], paragraph: &str, (start, stop): Run) -> Option<Option<Reference>> {
    if stop - start < 2 || !is_counting_word(&tokens[start]) {
        return None;
    }
    let words = &tokens[start + 1..stop];
    if !words.iter().all(|t| t.is_word() && t.is_capitalised()) {
        return None;
    }
    let last = tokens[stop - 1].text(paragraph);
    let plural = last.ends_with('s') && !last.ends_with("'s") && !last.ends_with("’s");
    Some(plural.then_some(Reference::Group { run: (start + 1, stop) }))
}

//! What each section of `curated.txt` (and each column of the treebank's
//! file) means as tags: the one place a section's name becomes a tag.

use super::{class, tag};

pub(super) fn pos_tag(name: &str) -> u64 {
    use tag::*;
    match name {
        "NOUN" => NOUN,
        "PROPN" => PROPN,
        "VERB" => VERB,
        "ADJ" => ADJ,
        "ADV" => ADV,
        "DET" => DET,
        "ADP" => ADP,
        "PRON" => PRON,
        "CCONJ" => CCONJ,
        "SCONJ" => SCONJ,
        "AUX" => AUX,
        "PART" => PART,
        "INTJ" => INTJ,
        "NUM" => NUM,
        _ => 0,
    }
}

pub(super) fn verb_class(kind: &str) -> u8 {
    match kind {
        "speech" => class::SPEECH,
        "stance" => class::STANCE,
        "evaluative" => class::EVALUATIVE,
        "finding" => class::FINDING,
        "authoring" => class::AUTHORING,
        "recipient" => class::RECIPIENT,
        "not" => class::NOT,
        _ => class::LIGHT,
    }
}

pub(super) fn noun_class(kind: &str) -> u64 {
    match kind {
        "reporting" => tag::REPORTING_NOUN,
        "findings" => tag::FINDINGS_NOUN,
        "spokesperson" => tag::SPOKESPERSON | tag::PERSON_NOUN,
        _ => tag::SOURCE_NOUN | tag::PERSON_NOUN,
    }
}

pub(super) fn pronoun_class(kind: &str) -> u64 {
    match kind {
        "masculine" => tag::PRONOUN_M,
        "feminine" => tag::PRONOUN_F,
        "neuter" => tag::PRONOUN_N,
        "plural" => tag::PRONOUN_PL,
        _ => tag::PRONOUN_FIRST,
    }
}

/// The tag of every form of an auxiliary section's lemmas.
pub(super) fn aux_class(kind: &str) -> u64 {
    match kind {
        "passive" => tag::PASSIVE_AUX,
        "linking" => tag::LINKING,
        "perfect" => tag::PERFECT,
        _ => 0,
    }
}

/// The tag of a `[words.*]` section; the gendered sections, which pair each
/// word with a gender, are read apart.
pub(super) fn word_class(kind: &str) -> u64 {
    match kind {
        "calendar" => tag::CALENDAR,
        "organisation_suffix" => tag::ORG_SUFFIX,
        "abbreviation" => tag::ABBREVIATION,
        "possessive" => tag::POSSESSIVE_DET,
        "name_joiner" => tag::NAME_JOINER,
        "counting" => tag::COUNTING,
        "relative" => tag::RELATIVE,
        "attaching" => tag::ATTACHING,
        "owner" => tag::OWNER,
        "be_clitic" => tag::PASSIVE_AUX,
        _ => 0,
    }
}

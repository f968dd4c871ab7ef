//! Descriptions of speakers ("a mother", "one of the agencies"): the
//! description itself, the body the next sentence names, or nobody —
//! never the nearest organisation; and pronouns that could be either of
//! two people.

use super::{speaker_of, speakers};

#[test]
fn a_mother_is_not_the_body_named_next() {
    let found = speakers(&["A mother told the BBC her son had been failed.", "Northshire Police said it would act."]);
    assert_ne!(speaker_of(&found, "A mother told the BBC her son had been failed."), "Northshire Police");
    let found = speakers(&["One survivor said she had been ignored.", "Westshire Council said it was sorry."]);
    assert_ne!(speaker_of(&found, "One survivor said she had been ignored."), "Westshire Council");
}

#[test]
fn one_of_the_agencies_is_the_body_the_next_sentence_names() {
    let said = "Debt is no longer a risk, one of the world's leading rating agencies says.";
    let found = speakers(&[said, "Standard & Poor's has raised its rating."]);
    assert_eq!(speaker_of(&found, said), "Standard & Poor's");
    // Not named next: the description, never the group it is one of.
    let said = "One of the biggest charities said the plan was wrong.";
    assert_eq!(speaker_of(&speakers(&[said]), said), "One of the biggest charities");
}

#[test]
fn a_leading_retailer_is_the_company_named_next() {
    let said = "A leading retailer has warned of job cuts.";
    assert_eq!(speaker_of(&speakers(&[said, "Acme said sales had fallen."]), said), "Acme");
}

#[test]
fn people_counted_are_a_group_not_a_person() {
    let found = speakers(&["Many Republicans said the plan would fail. She said it was over."]);
    assert_eq!(speaker_of(&found, "Many Republicans said the plan would fail."), "Republicans");
    assert_eq!(speaker_of(&found, "She said it was over."), "-");
    // "many Republican claims": a noun, not a speaker and its verb.
    let found = speakers(&[
        "Director Aaron Sharockman responded that the site rates so many Republican claims as false.",
        "\"We check context,\" he told reporters.",
    ]);
    assert_eq!(speaker_of(&found, "We check context,"), "Aaron Sharockman");
}

#[test]
fn a_spokeswoman_speaks_for_the_body_that_last_spoke() {
    let found = speakers(&[
        "Northshire Police said it had made arrests.",
        "Tesco said sales rose. Analysts said the figures were strong. A spokeswoman said the firm was pleased.",
    ]);
    assert_eq!(speaker_of(&found, "A spokeswoman said the firm was pleased."), "Tesco");
    // "The council" is not a one-word name that spoke sentences before.
    let found = speakers(&["Tesco said sales rose.", "Jo Lee said she was angry. The council said it was sorry."]);
    assert_ne!(speaker_of(&found, "The council said it was sorry."), "Tesco");
}

#[test]
fn a_word_before_a_role_and_a_name_is_no_one() {
    // "Tory" is also a first name; here it describes Michael Howard.
    let found = speakers(&[
        "Home Secretary Charles Clarke said the law was needed. Tory leader Michael Howard said it was not.",
        "The minister said he would not back down.",
    ]);
    assert!(found.iter().all(|(n, _, _)| n != "Tory"), "{found:?}");
}

#[test]
fn a_party_spokesman_is_not_the_body_named_next() {
    let found = speakers(&[
        "The Conservatives said the plan was costed. A party spokesman said the figures were clear.",
        "Sony said profits had risen.",
    ]);
    assert_ne!(speaker_of(&found, "A party spokesman said the figures were clear."), "Sony");
}

#[test]
fn she_is_not_someone_of_no_known_gender_while_a_woman_spoke() {
    let found = speakers(&["Ms Smith said the report was flawed. Her lawyer said she would appeal."]);
    let found_after = speakers(&[
        "Ms Smith said the report was flawed. Her lawyer said she would appeal.",
        "She said the decision was unfair.",
    ]);
    assert!(!found.is_empty());
    assert_ne!(speaker_of(&found_after, "She said the decision was unfair."), "Her lawyer");
}

use super::super::tokens::tokenize;
use super::*;

fn read(text: &str) -> (Vec<Token>, Option<Mention>) {
    let mut tokens = Vec::new();
    tokenize(text, 0, text.len(), &[], &mut tokens);
    let mention = analyse(&tokens, text, (0, tokens.len()));
    (tokens, mention)
}

fn name_of(text: &str) -> (String, NameKind) {
    let (tokens, mention) = read(text);
    match mention.map(|m| m.reference) {
        Some(Reference::Name { run, kind, .. }) => (text[tokens[run.0].start..tokens[run.1 - 1].end].to_string(), kind),
        other => panic!("{text}: {other:?}"),
    }
}

#[test]
fn titles_and_descriptors_come_off_a_persons_name() {
    assert_eq!(name_of("Guitarist Brian May"), ("Brian May".into(), NameKind::Person));
    assert_eq!(name_of("Labour MP Joe Bloggs"), ("Joe Bloggs".into(), NameKind::Person));
    assert_eq!(name_of("Former Army Chief General Ann Lee"), ("Ann Lee".into(), NameKind::Person));
    assert_eq!(name_of("Conservative shadow home secretary David Davis").0, "David Davis");
    assert_eq!(name_of("Sir Andrew Green").1, NameKind::Person);
    assert_eq!(name_of("Italian Prime Minister Luca Verdini"), ("Luca Verdini".into(), NameKind::Person));
    assert_eq!(name_of("Deputy Commissioner Okonkwo"), ("Okonkwo".into(), NameKind::Person));
}

#[test]
fn a_first_name_alone_is_a_person() {
    assert_eq!(name_of("Melanie"), ("Melanie".into(), NameKind::Person));
    assert_eq!(name_of("Tesco").1, NameKind::Unknown);
}

#[test]
fn a_people_or_place_word_describes_a_person() {
    let (_, mention) = read("the Frenchman");
    assert!(matches!(mention.map(|m| m.reference), Some(Reference::Role { definite: true, .. })));
    assert_eq!(name_of("Jo Scot").0, "Jo Scot", "a surname stays a name");
}

#[test]
fn an_affiliation_after_a_persons_name_is_not_part_of_it() {
    assert_eq!(name_of("Jane Roe of Northfield University"), ("Jane Roe".into(), NameKind::Person));
    assert_eq!(name_of("Sam Hill for Morning Polls"), ("Sam Hill".into(), NameKind::Person));
    assert_eq!(name_of("the Department for Culture and Sport").1, NameKind::Organisation);
}

#[test]
fn organisation_words_make_an_organisation() {
    assert_eq!(name_of("Northshire Police").1, NameKind::Organisation);
    assert_eq!(name_of("the Department for Culture and Sport").0, "Department for Culture and Sport");
    assert_eq!(name_of("Migration Watch").1, NameKind::Organisation);
    assert_eq!(name_of("NSPCC").1, NameKind::Organisation);
}

#[test]
fn the_head_comes_before_a_preposition_or_participle() {
    let (_, m) = read("The court in Boston");
    assert!(matches!(m.unwrap().reference, Reference::OrgDescription { definite: true, .. }));
    let (_, m) = read("A letter sent to Mr Ross");
    assert!(matches!(m.unwrap().reference, Reference::Document { author: None, .. }));
}

#[test]
fn a_possessive_owner_is_read_as_such() {
    assert_eq!(name_of("Arsenal's Patrick Vieira").0, "Patrick Vieira");
    let (tokens, m) = read("Northshire Council's spokesman");
    let Some(Reference::Spokesperson { org: Some(run), .. }) = m.map(|m| m.reference) else { panic!() };
    assert_eq!(&"Northshire Council's spokesman"[tokens[run.0].start..tokens[run.1 - 1].end], "Northshire Council's");
    let (_, m) = read("the council's spokesman");
    assert!(matches!(m.map(|m| m.reference), Some(Reference::OrgDescription { definite: true, .. })));
}

#[test]
fn spokespeople_name_their_organisation() {
    let text = "A Department for Culture and Sport spokeswoman";
    let (tokens, m) = read(text);
    let Some(Reference::Spokesperson { org: Some(run), gender }) = m.map(|m| m.reference) else { panic!() };
    assert_eq!(&text[tokens[run.0].start..tokens[run.1 - 1].end], "Department for Culture and Sport");
    assert_eq!(gender, Gender::Feminine);
    let text = "a spokesman for the Home Office";
    let (tokens, m) = read(text);
    let Some(Reference::Spokesperson { org: Some(run), .. }) = m.map(|m| m.reference) else { panic!() };
    assert_eq!(&text[tokens[run.0].start..tokens[run.1 - 1].end], "Home Office");
}

#[test]
fn groups_sources_and_roles() {
    assert!(matches!(read("some young victims").1.unwrap().reference, Reference::Group { .. }));
    assert!(matches!(read("a source").1.unwrap().reference, Reference::Source));
    assert!(matches!(read("the minister").1.unwrap().reference, Reference::Role { definite: true, .. }));
    assert!(matches!(read("he").1.unwrap().reference, Reference::Pronoun(tag::PRONOUN_M)));
    assert!(read("the plan").1.is_none());
}

#[test]
fn a_title_gives_a_gender_and_its_plural_none() {
    let gender = |text: &str| {
        let mut tokens = Vec::new();
        tokenize(text, 0, text.len(), &[], &mut tokens);
        gender_of(&tokens, (0, tokens.len()))
    };
    assert_eq!(gender("BARONESS Lamb"), Gender::Feminine);
    assert_eq!(gender("Princess. Anne"), Gender::Feminine);
    assert_eq!(gender("Mr. Lamb"), Gender::Masculine);
    assert_eq!(gender("Baronesses Lamb"), Gender::Unknown);
}

#[test]
fn dotted_initials_start_a_persons_name_but_not_an_organisations() {
    assert_eq!(name_of("Rep. G.K. Barton"), ("G.K. Barton".into(), NameKind::Person));
    assert_eq!(name_of("J.R. Tolkien-Hart"), ("J.R. Tolkien-Hart".into(), NameKind::Person));
    assert_eq!(name_of("U.S. Army").1, NameKind::Organisation);
    assert_ne!(name_of("the U.N.").1, NameKind::Person);
}

use super::*;

#[test]
fn a_surname_with_a_title_is_the_person_named_before() {
    let mut r = Registry::default();
    let full = r.name("Sadiq Khan", NameKind::Person, Gender::Masculine);
    assert_eq!(r.name("Mr Khan", NameKind::Person, Gender::Masculine), full);
    assert_eq!(r.name("Khan", NameKind::Unknown, Gender::Unknown), full);
}

#[test]
fn two_first_names_are_two_people() {
    let mut r = Registry::default();
    let gordon = r.name("Gordon Brown", NameKind::Person, Gender::Masculine);
    let nick = r.name("Nick Brown", NameKind::Person, Gender::Masculine);
    assert_ne!(gordon, nick);
    assert_eq!(r.name("Mr Brown", NameKind::Person, Gender::Masculine), nick, "the latest Brown");
}

#[test]
fn a_title_first_then_the_full_name_is_one_person() {
    let mut r = Registry::default();
    let mr = r.name("Mr Blair", NameKind::Person, Gender::Masculine);
    assert_eq!(r.name("Tony Blair", NameKind::Person, Gender::Masculine), mr);
    assert_eq!(r.get(mr).name, "Tony Blair");
}

#[test]
fn acronyms_by_initials_and_by_definition() {
    let mut r = Registry::default();
    let board = r.name("Northshire Safeguarding Children Board", NameKind::Organisation, Gender::Unknown);
    assert_eq!(r.known("NSCB"), Some(board));
    let police = r.name("Northshire Police", NameKind::Organisation, Gender::Unknown);
    r.define(police, "NP");
    assert_eq!(r.known("NP"), Some(police));
}

#[test]
fn a_two_word_organisation_has_a_two_letter_acronym() {
    let mut r = Registry::default();
    let fa = r.name("Football Association", NameKind::Organisation, Gender::Unknown);
    assert_eq!(r.known("FA"), Some(fa));
    let person = r.name("Tom Hart", NameKind::Person, Gender::Unknown);
    assert_ne!(r.known("TH"), Some(person));
}

#[test]
fn a_registry_starts_empty_with_the_maps_of_the_document_before() {
    let mut r = Registry::for_document();
    r.name("Jane Smith", NameKind::Person, Gender::Feminine);
    let capacity = r.keys.capacity();
    assert!(capacity > 0);
    r.finish();
    let mut next = Registry::for_document();
    assert_eq!(next.keys.capacity(), capacity, "the table is kept");
    assert!(next.records.is_empty() && next.records.capacity() > 0 && next.parent.is_empty());
    assert_eq!(next.known("Jane Smith"), None, "and emptied");
    // A surname left from before would name an entity this one lacks.
    let id = next.name("Smith", NameKind::Unknown, Gender::Unknown);
    assert_eq!((id, next.get(id).name.as_str()), (0, "Smith"));
    assert_eq!(last_word("jane smith"), "smith");
    assert_eq!(last_word("smith"), "smith");
    let mut buffer = String::new();
    for name in ["", "Smith", "Mr Tom  Smith's", "The Bank of England", "Dr"] {
        assert_eq!(word_count(name, &mut buffer), normalize_name(name).split(' ').count(), "{name:?}");
    }
}

#[test]
fn ascii_initials_are_the_initials_any_text_gives() {
    let names = [
        "Her Majesty's Inspectorate of Constabulary",
        "Football Association",
        "Tom  Hart\tand\x0bSons",
        "the Bank of England",
        "Northshire Safeguarding Children Board",
        "A B",
        "1st Rate Homes Ltd",
        " Leading  Space ",
        "Tom Hart",
        "Hart",
        "",
        "a b c",
    ];
    for name in names {
        for fewest in [2, 3] {
            let mut letters = String::from("left over");
            letters.clear();
            let ascii = ascii_initials_into(name, fewest, &mut letters).then(|| letters.clone());
            assert_eq!(ascii, any_initials(name, fewest), "{name:?} {fewest}");
            letters.push_str("left over");
            let all = initials_into(name, fewest, &mut letters).then(|| letters.clone());
            assert_eq!(all, any_initials(name, fewest), "{name:?} {fewest}");
        }
    }
    let mut letters = String::new();
    assert!(initials_into("Football Association", 2, &mut letters) && letters == "fa");
    assert!(initials_into("Ärzte Ohne Grenzen", 3, &mut letters) && letters == "äog");
}

#[test]
fn a_document_speaks_for_its_author() {
    let mut r = Registry::default();
    let review = r.described("the review", Sort::Document, Gender::Unknown);
    let board = r.name("Northshire Safeguarding Children Board", NameKind::Organisation, Gender::Unknown);
    assert_eq!(r.speaker(review), review);
    r.set_author(review, board);
    assert_eq!(r.speaker(review), board);
}

//! Whole-extraction tests on small invented articles, one per behaviour a
//! reader would notice.

use super::{Extraction, SpeakerKind, StatementKind, extract};

mod cases {
    use super::*;

    fn run_on(paragraphs: &[&str]) -> (Vec<String>, Extraction) {
        let owned: Vec<String> = paragraphs.iter().map(|s| s.to_string()).collect();
        let extraction = extract(&owned);
        for statement in &extraction.statements {
            let pieces: Vec<&str> = statement.spans.iter().map(|s| &owned[s.paragraph][s.start..s.end]).collect();
            assert_eq!(pieces.join(" "), statement.text, "spans point at the text");
        }
        (owned, extraction)
    }

    /// (speaker name, kind, text) of every statement.
    fn summary(extraction: &Extraction) -> Vec<(String, StatementKind, String)> {
        extraction
            .statements
            .iter()
            .map(|s| {
                let name = s.speaker.map_or("-".to_string(), |i| extraction.entities[i].name.clone());
                (name, s.kind, s.text.clone())
            })
            .collect()
    }

    fn has(extraction: &Extraction, speaker: &str, kind: StatementKind, text: &str) -> bool {
        summary(extraction).iter().any(|(n, k, t)| n == speaker && *k == kind && t == text)
    }

    #[test]
    fn attribution_before_a_quote() {
        let (_, x) =
            run_on(&["The Northshire Rail Authority was asked about delays.", "A spokesman said: “Trains will run.”"]);
        assert!(has(&x, "Northshire Rail Authority", StatementKind::Direct, "Trains will run."), "{:?}", summary(&x));
        assert_eq!(x.statements.len(), 1, "the attribution sentence is not also reported");
        assert_eq!(x.statements[0].cue, "A spokesman said");
    }

    #[test]
    fn attribution_after_and_around_a_quote() {
        let (_, x) = run_on(&["\"We will appeal,\" Anna Fielding said. \"The ruling is wrong.\""]);
        assert!(has(&x, "Anna Fielding", StatementKind::Direct, "We will appeal,"));
        assert!(has(&x, "Anna Fielding", StatementKind::Direct, "The ruling is wrong."));
        assert_eq!(x.statements.len(), 2);
    }

    #[test]
    fn fragment_is_direct_and_its_sentence_reported() {
        let (_, x) = run_on(&["Councillor Tom Barker said the plan was “a disgrace” and should go."]);
        assert!(has(&x, "Tom Barker", StatementKind::Direct, "a disgrace"), "{:?}", summary(&x));
        assert!(has(
            &x,
            "Tom Barker",
            StatementKind::Reported,
            "Councillor Tom Barker said the plan was “a disgrace” and should go."
        ));
    }

    #[test]
    fn british_single_quotes_with_apostrophes() {
        let (_, x) = run_on(&["Jo Reed said: ‘It’s the families’ turn now, and they’re ready.’"]);
        assert!(
            has(&x, "Jo Reed", StatementKind::Direct, "It’s the families’ turn now, and they’re ready."),
            "{:?}",
            summary(&x)
        );
    }

    #[test]
    fn quote_over_several_paragraphs_is_one_statement() {
        let (_, x) = run_on(&["The charity Safe Steps Trust said:", "“First we listen.", "“Then we act.”"]);
        assert!(
            has(&x, "Safe Steps Trust", StatementKind::Direct, "First we listen. Then we act."),
            "{:?}",
            summary(&x)
        );
        assert_eq!(x.statements[0].spans.len(), 2);
    }

    #[test]
    fn run_together_quotes_are_one_statement() {
        let (_, x) = run_on(&["Ann Cole said: \"We lost the vote. \"We will keep going.\""]);
        assert!(
            has(&x, "Ann Cole", StatementKind::Direct, "We lost the vote. We will keep going."),
            "{:?}",
            summary(&x)
        );
    }

    #[test]
    fn acronym_is_the_long_form() {
        let (_, x) =
            run_on(&["The Westshire Youth Board (WYB) met on Monday.", "The WYB said more staff were needed."]);
        let (name, _, _) = &summary(&x)[0];
        assert_eq!(name, "Westshire Youth Board");
        assert!(x.entities[0].aliases.contains(&"WYB".to_string()));
    }

    #[test]
    fn the_review_is_the_body_that_carried_it_out() {
        let (_, x) = run_on(&[
            "The review, carried out by the Westshire Youth Board, was published.",
            "The report found that staff missed warning signs.",
        ]);
        assert!(
            has(
                &x,
                "Westshire Youth Board",
                StatementKind::Reported,
                "The report found that staff missed warning signs."
            ),
            "{:?}",
            summary(&x)
        );
    }

    #[test]
    fn spokesman_is_the_organisation_that_responded() {
        let (_, x) =
            run_on(&["Now Northshire Police have responded.", "A spokesman said: \"We take this seriously.\""]);
        assert!(has(&x, "Northshire Police", StatementKind::Direct, "We take this seriously."), "{:?}", summary(&x));
        let (_, y) = run_on(&["An NSPCC spokesman said: \"Call us.\""]);
        assert!(has(&y, "NSPCC", StatementKind::Direct, "Call us."));
    }

    #[test]
    fn pronouns_and_surnames_are_the_person_named_before() {
        let (_, x) = run_on(&[
            "Housing minister Sara Patel said the plan would work.",
            "She added that funds were ready. Ms Patel warned of delays.",
        ]);
        let s = summary(&x);
        assert_eq!(s.len(), 3, "{s:?}");
        assert!(s.iter().all(|(n, _, _)| n == "Sara Patel"), "{s:?}");
        assert_eq!(x.entities.len(), 1);
        assert_eq!(x.entities[0].kind, SpeakerKind::Person);
        assert!(x.entities[0].aliases.contains(&"Ms Patel".to_string()));
    }

    #[test]
    fn a_month_inside_a_name_stays_in_it() {
        let (_, x) = run_on(&["Jane April, head of the trust, said cuts were “reckless”. She said more was needed."]);
        let s = summary(&x);
        assert!(s.iter().all(|(n, _, _)| n == "Jane April"), "{s:?}");
    }

    #[test]
    fn groups_can_speak() {
        let (_, x) = run_on(&["Some parents called the new rules “unfair”."]);
        assert!(has(&x, "parents", StatementKind::Direct, "unfair"), "{:?}", summary(&x));
    }

    #[test]
    fn unattributable_words_have_no_speaker() {
        let (_, x) = run_on(&["A spokesman said: \"No comment at this stage.\""]);
        assert_eq!(x.statements.len(), 1);
        assert_eq!(x.statements[0].speaker, None);
        assert!(x.entities.is_empty());
    }

    #[test]
    fn unbalanced_marks_do_not_lose_the_rest() {
        let (_, x) = run_on(&[
            "He paused \" and went on",
            "It had a ” stray mark and a ‘ stray one.",
            "Ann Cole said: \"We will keep going.\"",
        ]);
        assert!(has(&x, "Ann Cole", StatementKind::Direct, "We will keep going."), "{:?}", summary(&x));
    }

    #[test]
    fn titles_in_quotes_are_not_statements() {
        let (_, x) = run_on(&["Ann Cole appeared on “Question Time” last week."]);
        assert!(x.statements.iter().all(|s| s.kind != StatementKind::Direct));
    }

    #[test]
    fn odd_input_never_panics() {
        let long = "é“‘’”\"' .?! ".repeat(5000);
        for input in ["", " ", "\"", "“", "’", "'", "\"\"", "“”", "a\"b\"c", "Mr.", "He said.", "é.É", &long]
        {
            let _ = run_on(&[input, input, ""]);
        }
        let _ = extract(&[]);
    }
}

mod properties {
    use proptest::prelude::*;

    use super::extract;

    /// Strings rich in the characters the scanners treat specially.
    fn tricky() -> impl Strategy<Value = String> {
        proptest::string::string_regex(
            "([A-Za-zé ]{0,6}|[\"“”‘’'.,:;?!()]|He said|Mr |A spokesman said: |\\(AB\\)){0,40}",
        )
        .expect("valid strategy")
    }

    proptest! {
        #[test]
        fn any_text_is_safe_and_spans_match(paragraphs in proptest::collection::vec(prop_oneof![tricky(), any::<String>()], 0..5)) {
            let extraction = extract(&paragraphs);
            for statement in &extraction.statements {
                prop_assert!(!statement.spans.is_empty());
                let pieces: Vec<&str> = statement
                    .spans
                    .iter()
                    .map(|s| paragraphs[s.paragraph].get(s.start..s.end).expect("span on char boundaries"))
                    .collect();
                prop_assert_eq!(pieces.join(" "), statement.text.clone());
                if let Some(speaker) = statement.speaker {
                    prop_assert!(speaker < extraction.entities.len());
                }
            }
        }
    }
}

#[test]
#[ignore]
fn show() {
    let paragraphs: Vec<String> = std::env::var("SHOW").unwrap_or_default().split(" || ").map(String::from).collect();
    let x = extract(&paragraphs);
    for e in &x.entities {
        eprintln!("entity {e:?}");
    }
    for s in &x.statements {
        eprintln!("{:?} {:?} conf {:.2} cue {:?} | {}", s.speaker, s.kind, s.confidence, s.cue, s.text);
    }
}

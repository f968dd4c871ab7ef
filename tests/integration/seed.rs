//! The seed article must yield exactly its known statements, with and
//! without the manifest that names its speakers.

use voices::corpus::Corpus;
use voices::documents::{self, Source};
use voices::extract::StatementKind;
use voices::extract::normalize_name;
use voices::loading::build_corpus;

const TVP_QUOTE: &str = "This report highlights areas of improvement for the Force, as well as areas in which victims of CSE and their families have been pleased with the service which has been provided. Tackling CSE is a priority for Thames Valley Police, and where we suspect there are instances of it taking place, we will conduct thorough investigations in order to disrupt it. These cases are investigated by experienced and highly trained detectives in our Major Crime team, and we are now in a stronger position to identify, prevent, disrupt and make prosecutions. The welfare of victims is a priority for the Force, and we have dedicated and specially trained police officers who are available to work with them. We are committed to working with our partner agencies in order to offer the best possible support to victims, while also ensuring that these crimes are investigated thoroughly and offenders are brought to justice.";

const NSPCC_QUOTE: &str = "It is clear that some vulnerable young victims of child sexual exploitation have been let down by inadequate services in the past and it’s now crucial that each of this review’s recommendations are swiftly adopted. Worrying gaps in the provision of services in Buckinghamshire have been improved over time and this review highlights the positive change that has been made. Child sexual exploitation is all too often a hidden crime and, increasingly, young people are being groomed by abusers on the internet, so parents and carers need to be vigilant. We all have a duty to look out for a child’s welfare and adults with concerns can call the NSPCC helpline on 0808 500 1111.";

/// (a name the speaker must answer to, kind, text), in document order.
fn expected() -> Vec<(&'static str, StatementKind, &'static str)> {
    use StatementKind::{Direct, Reported};
    vec![
        (
            "BSCB",
            Reported,
            "Thames Valley Police has responded to a damning review into child sexual exploitation (CSE) in Buckinghamshire which suggested more needs to be done to tackle local child abuse.",
        ),
        (
            "BSCB",
            Reported,
            "The review, carried out by Buckinghamshire Safeguarding Children Board (BSCB) and published last week, outlined past failings of local authorities, areas of strengths and areas of weaknesses.",
        ),
        (
            "BSCB",
            Reported,
            "The report suggested past victims thought signs of CSE, like going missing and self-harming, could go unnoticed and some youngsters who asked for help were simply “not heard”.",
        ),
        ("BSCB", Direct, "not heard"),
        (
            "BSCB",
            Reported,
            "Another issue highlighted was that some victims thought their first experience with Thames Valley Police was poor and others felt judged for their appearance or actions.",
        ),
        (
            "young victims",
            Reported,
            "However, other young victims gave positive feedback and called the police officers “stars”; now Thames Valley Police have responded to the report.",
        ),
        ("young victims", Direct, "stars"),
        ("Thames Valley Police", Direct, TVP_QUOTE),
        (
            "BSCB",
            Reported,
            "Following their review, the BSCB has made 14 recommendations for areas which can be strengthened, including developing a broader awareness of CSE, more effective information-sharing and the introduction of a national database of all licensed drivers.",
        ),
        ("NSPCC", Direct, NSPCC_QUOTE),
    ]
}

fn answers_to(corpus: &Corpus, speaker: Option<usize>, name: &str) -> bool {
    let Some(index) = speaker else { return false };
    let speaker = &corpus.speakers()[index];
    let wanted = normalize_name(name);
    std::iter::once(&speaker.name).chain(&speaker.aliases).any(|n| normalize_name(n).contains(&wanted))
}

fn check(corpus: &Corpus) {
    let expected = expected();
    let texts: Vec<_> = corpus.statements().iter().map(|s| corpus.text(s)).collect();
    let found: Vec<_> = corpus.statements().iter().zip(&texts).map(|(s, text)| (s.kind, text.as_ref())).collect();
    let wanted: Vec<_> = expected.iter().map(|&(_, kind, text)| (kind, text)).collect();
    assert_eq!(found, wanted);
    for (statement, (name, _, _)) in corpus.statements().iter().zip(&expected) {
        assert!(
            answers_to(corpus, statement.speaker, name),
            "{:?} should be by {name}, is by {:?}",
            corpus.text(statement),
            statement.speaker.map(|i| &corpus.speakers()[i].name)
        );
    }
    // The four speakers are four different entities.
    let bscb = corpus.statements()[0].speaker;
    let victims = corpus.statements()[5].speaker;
    let police = corpus.statements()[7].speaker;
    let nspcc = corpus.statements()[9].speaker;
    let mut distinct = vec![bscb, victims, police, nspcc];
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 4);
    // Every statement's text is in its document where its spans say.
    for statement in corpus.statements() {
        let paragraphs = &corpus.documents()[statement.document].paragraphs;
        let pieces: Vec<&str> = statement.spans.iter().map(|s| &paragraphs[s.paragraph][s.start..s.end]).collect();
        assert_eq!(pieces.join(" "), corpus.text(statement));
    }
}

#[test]
fn the_embedded_seed_with_its_manifest() {
    check(&build_corpus(&[Source::Embedded], &mut std::io::empty()));
}

#[test]
fn the_seed_file_without_a_manifest() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let name = "thames-valley-police-responds-to-cse-review.txt";
    let seed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds").join(name);
    std::fs::copy(&seed, dir.path().join(name)).expect("copy the seed");
    let sources = [Source::Path(dir.path().join(name))];
    // Only the organisations that run a helpline come from the embedded
    // manifest (main's loader adds them); nothing names TVP or the BSCB.
    let manifest = documents::plan(&sources, &mut std::io::empty()).manifest;
    assert!(manifest.speakers.iter().all(|s| s.id != "tvp" && s.id != "bscb"));
    check(&build_corpus(&sources, &mut std::io::empty()));
}

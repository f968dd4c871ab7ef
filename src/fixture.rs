//! Hand-built corpora for tests: the embedded seed article with its
//! statements marked by hand, so the reader's tests do not depend on the
//! extractor's output.

use crate::corpus::{Corpus, Parts, Speaker, Statement};
use crate::documents::{self, Document, Source};
use crate::extract::{Found, Span, SpeakerKind, StatementKind};
use crate::loading::build_corpus;

fn speaker(id: &str, name: &str, short: &str) -> Speaker {
    Speaker {
        id: id.into(),
        name: name.into(),
        short: short.into(),
        aliases: vec![short.into()],
        kind: SpeakerKind::Organisation,
    }
}

/// Spans of a quotation running over `paragraphs`: from after the opening
/// mark to before the closing one (or the paragraph's end).
fn quote_spans(document: &Document, paragraphs: std::ops::RangeInclusive<usize>) -> Vec<Span> {
    paragraphs
        .map(|p| {
            let text = &document.paragraphs[p];
            let start = text.find('“').map_or(0, |i| i + '“'.len_utf8());
            let end = text[start..].find('”').map_or(text.len(), |i| start + i);
            Span { paragraph: p, start, end }
        })
        .collect()
}

fn whole(document: &Document, paragraph: usize) -> Vec<Span> {
    vec![Span { paragraph, start: 0, end: document.paragraphs[paragraph].len() }]
}

/// The seed article with five statements: BSCB (2), Thames Valley Police,
/// the NSPCC, and one unattributed.
pub fn seed() -> Corpus {
    let loaded = build_corpus(&[Source::Embedded], &mut std::io::empty());
    let manifest = documents::plan(&[Source::Embedded], &mut std::io::empty()).manifest;
    let document = loaded.documents()[0].clone();
    assert!(document.paragraphs[12].starts_with("An NSPCC spokesman"), "the seed changed");
    let speakers = vec![
        speaker("tvp", "Thames Valley Police", "TVP"),
        speaker("bscb", "Buckinghamshire Safeguarding Children Board", "BSCB"),
        speaker("nspcc", "NSPCC", "NSPCC"),
    ];
    let found: Vec<(Option<usize>, StatementKind, Vec<Span>)> = vec![
        (Some(1), StatementKind::Reported, whole(&document, 2)),
        (None, StatementKind::Direct, quote_spans(&document, 4..=4)),
        (Some(0), StatementKind::Direct, quote_spans(&document, 5..=9)),
        (Some(1), StatementKind::Reported, whole(&document, 11)),
        (Some(2), StatementKind::Direct, quote_spans(&document, 12..=15)),
    ];
    let statements = found
        .into_iter()
        .enumerate()
        .map(|(i, (speaker, kind, spans))| {
            let found = Found { speaker, kind, spans: spans.into(), cue: None, confidence: 1.0 };
            Statement::new(i + 1, 0, speaker, found)
        })
        .collect();
    Corpus::from_parts(Parts {
        documents: vec![document],
        speakers,
        statements,
        helplines: loaded.helplines().to_vec(),
        notes: Vec::new(),
        problems: Vec::new(),
        content_note: manifest.content_note.unwrap_or_default(),
    })
}

/// `corpus` with its parts changed by `change`, indexed again.
pub fn changed(corpus: Corpus, change: impl FnOnce(&mut Parts)) -> Corpus {
    let mut parts = corpus.into_parts();
    change(&mut parts);
    Corpus::from_parts(parts)
}

/// The seed plus a short second article with one more NSPCC statement, for
/// moving between documents.
pub fn two_documents() -> Corpus {
    let document = Document {
        id: "second".into(),
        title: "A second article".into(),
        source: Some("Test".into()),
        date: None,
        origin: "test".into(),
        paragraphs: vec![
            "An opening paragraph without any statement in it.".into(),
            "The NSPCC said: “Adults with concerns can call the helpline.”".into(),
        ],
    };
    let spans = quote_spans(&document, 1..=1);
    let cue = Some(Span { paragraph: 1, start: 0, end: "The NSPCC said".len() });
    let found = Found { speaker: Some(2), kind: StatementKind::Direct, spans: spans.into(), cue, confidence: 1.0 };
    changed(seed(), |parts| {
        parts.statements.push(Statement::new(parts.statements.len() + 1, 1, Some(2), found));
        parts.documents.push(document);
    })
}

/// The seed with a quote inside another statement, as the extractor finds
/// them: the report's words “not heard” (BSCB's, direct) inside the BSCB's
/// reported sentence around them, right after it (statement 1).
pub fn nested() -> Corpus {
    changed(seed(), |parts| {
        let document = &parts.documents[0];
        let outer = &parts.statements[0];
        let paragraph = outer.spans[0].paragraph;
        let text = &document.paragraphs[paragraph];
        let start = text.find("“not heard”").expect("the seed quotes “not heard”") + '“'.len_utf8();
        let spans = vec![Span { paragraph, start, end: start + "not heard".len() }];
        let found =
            Found { speaker: Some(1), kind: StatementKind::Direct, spans: spans.into(), cue: None, confidence: 1.0 };
        let inner = Statement::new(2, 0, Some(1), found);
        parts.statements.insert(1, inner);
    })
}

/// The room the panes have in a `width`×`height` terminal, as the view lays
/// it out: the model's tests size it like a real terminal.
pub fn viewport(width: u16, height: u16) -> crate::app::Viewport {
    crate::ui::layout::viewport(width, height)
}

//! Fuzzes the path every untrusted byte takes: decode, sanitise, split into
//! paragraphs, extract statements, merge speakers, check helpline numbers, and
//! write JSON and plain output. Asserts the invariants the property tests check.
#![no_main]

use libfuzzer_sys::fuzz_target;
use voices::documents::sanitize::is_clean;
use voices::documents::Source;
use voices::loading::build_corpus;
use voices::corpus::Filter;

fuzz_target!(|data: &[u8]| {
    // The path `main` takes: read, sanitise, split, extract and index.
    let corpus = build_corpus(&[Source::Stdin], &mut &data[..]);
    for doc in corpus.documents() {
        assert!(doc.paragraphs.iter().all(|p| is_clean(p)));
    }
    for statement in corpus.statements() {
        let doc = &corpus.documents()[statement.document];
        for span in &statement.spans {
            let paragraph = &doc.paragraphs[span.paragraph];
            assert!(paragraph.get(span.start..span.end).is_some());
        }
    }
    let mut sink = Vec::new();
    voices::output::write_json(&mut sink, &corpus, &Filter::default()).unwrap();
    voices::output::write_plain(&mut sink, &corpus, &Filter::default()).unwrap();
    assert!(!sink.contains(&0x1b));
});

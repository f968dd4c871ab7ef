//! One reader search over the generated 100 MiB corpus (issue 13 item 15),
//! through `App::update` as a key press makes it: `/police` Enter, then
//! the look through every document to its end (`App::finish_searching`,
//! what the event loop does in 8 ms slices between keys); and the part the
//! event loop waits for, Enter alone (the open document and a first 4 ms
//! slice). The corpus is generated into a temporary folder and loaded as
//! every front end loads (`loading::build_corpus`), which takes a while;
//! VOICES_BENCH_QUICK=1 uses 10 MiB instead for a fast check.
//!
//!     cargo bench --bench search
//!
//! The baseline on the same corpus (written with the `gen-corpus` example):
//! `time (cat /tmp/bench/c100/* | grep -ci police)`.

#[path = "support/corpus_gen.rs"]
mod corpus_gen;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use voices::app::{Action, App};
use voices::corpus::Filter;
use voices::documents::Source;
use voices::ui::layout::viewport;

const MB: usize = 1024 * 1024;
/// A word on many lines of the corpus, as a reader might look for.
const QUERY: &str = "police";

/// Types `/QUERY` and Enter in the text.
fn submit(app: &mut App) {
    app.update(Action::Search);
    for c in QUERY.chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Submit);
}

fn search(c: &mut Criterion) {
    let size = if std::env::var_os("VOICES_BENCH_QUICK").is_some() { 10 } else { 100 };
    let dir = tempfile::tempdir().unwrap();
    corpus_gen::write_corpus(dir.path(), size * MB, 42).unwrap();
    let corpus = voices::loading::build_corpus(&[Source::Path(dir.path().to_path_buf())], &mut std::io::empty());
    let documents = corpus.documents().len();
    let mut app = App::new(corpus, Filter::default(), viewport(200, 60));
    app.update(Action::FocusNext);
    submit(&mut app);
    app.finish_searching();
    let found: usize = app.search().documents().iter().map(|&(_, n)| n).sum();
    eprintln!(
        "search: {size} MiB, {documents} documents; \"{QUERY}\": {found} matches in {} documents",
        app.search().documents().len()
    );
    let mut group = c.benchmark_group("search");
    group.sample_size(10);
    group.throughput(Throughput::Bytes((size * MB) as u64));
    group.bench_function(format!("{size}MB corpus, one search of every document"), |b| {
        b.iter(|| {
            submit(black_box(&mut app));
            app.finish_searching();
            app.search().documents().len()
        })
    });
    group.bench_function(format!("{size}MB corpus, Enter alone (what a key waits for)"), |b| {
        b.iter(|| {
            submit(black_box(&mut app));
            app.searching()
        })
    });
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);

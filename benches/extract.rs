//! Extraction and loading throughput (issue "Fast at any size").
//!
//!     cargo bench --bench extract
//!
//! The load + index benchmark reads a 100 MB corpus (generated into a
//! temporary folder first, which takes a while); VOICES_BENCH_QUICK=1 uses
//! 10 MB instead for a fast check. It is measured as every front end loads
//! (`loading::build_corpus`: reading and extraction on the worker threads).

#[path = "support/corpus_gen.rs"]
mod corpus_gen;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use voices::documents::Source;
use voices::extract::extract;

const MB: usize = 1024 * 1024;

fn extraction(c: &mut Criterion) {
    let files = corpus_gen::corpus(10 * MB, 42);
    let documents: Vec<Vec<String>> = files
        .iter()
        .map(|(_, text)| voices::documents::split_paragraphs(&voices::documents::sanitize::sanitize(text)))
        .collect();
    let bytes: usize = files.iter().map(|(_, text)| text.len()).sum();
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("10MB one core", |b| {
        b.iter(|| documents.iter().map(|paragraphs| extract(paragraphs).statements.len()).sum::<usize>())
    });
    group.finish();
}

fn load_and_index(c: &mut Criterion) {
    let size = if std::env::var_os("VOICES_BENCH_QUICK").is_some() { 10 } else { 100 };
    let dir = tempfile::tempdir().unwrap();
    corpus_gen::write_corpus(dir.path(), size * MB, 42).unwrap();
    let mut group = c.benchmark_group("load+index");
    group.sample_size(10);
    group.throughput(Throughput::Bytes((size * MB) as u64));
    let sources = [Source::Path(dir.path().to_path_buf())];
    // What every front end runs: files read, sanitised and extracted on every core.
    group.bench_function(format!("{size}MB corpus, all cores"), |b| {
        b.iter(|| voices::loading::build_corpus(&sources, &mut std::io::empty()).statements().len())
    });
    group.finish();
}

criterion_group!(benches, extraction, load_and_index);
criterion_main!(benches);

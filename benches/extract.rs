//! Extraction and loading throughput (issues "Fast at any size" and "Fast on
//! real articles").
//!
//!     cargo bench --bench extract
//!
//! The text is real when the eval articles are beside the project
//! (`../shared/eval/dev/` and `../shared/eval/domain-dev/`, or under
//! `$VOICES_BENCH_SHARED/eval/`): recombined and renamed to 10 MB and 100 MB,
//! as many small files and as one file. Without them it is the seed
//! recombination; the first line printed says which, and every benchmark's
//! name carries it ("real text" or "seed text").
//!
//! Extraction is timed on one core, 10 MB as ~2.6 KB articles and as one
//! document. The load + index benchmarks read 100 MB (written to a
//! temporary folder first, which takes a while) as every front end loads
//! (`loading::build_corpus`: reading and extraction on the worker threads);
//! VOICES_BENCH_QUICK=1 uses 10 MB instead for a fast check.

#[path = "support/corpus_gen.rs"]
mod corpus_gen;

use corpus_gen::Text;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use voices::documents::Source;
use voices::extract::extract;

const MB: usize = 1024 * 1024;

/// Each document's paragraphs, as the loader hands them to the extractor.
fn paragraphs(texts: &[&str]) -> Vec<Vec<String>> {
    texts.iter().map(|text| voices::documents::split_paragraphs(&voices::documents::sanitize::sanitize(text))).collect()
}

fn extraction(c: &mut Criterion, text: &Text) {
    let files = text.corpus(10 * MB, 42);
    let single = text.single_document(10 * MB, 7);
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    for (name, texts) in [
        (format!("10MB one core, {}, articles", text.label()), files.iter().map(|(_, t)| t.as_str()).collect()),
        // A document over 1 MB has its tokens worked out ahead on a second
        // core (src/extract/pipeline/prepare.rs), so this one uses two.
        (format!("10MB, {}, one document, tokens read ahead on a second core", text.label()), vec![single.as_str()]),
    ] {
        let documents = paragraphs(&texts);
        let bytes: usize = texts.iter().map(|t| t.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(name, |b| {
            b.iter(|| documents.iter().map(|paragraphs| extract(paragraphs).statements.len()).sum::<usize>())
        });
    }
    group.finish();
}

fn load_and_index(c: &mut Criterion, text: &Text) {
    let size = if std::env::var_os("VOICES_BENCH_QUICK").is_some() { 10 } else { 100 };
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("articles");
    text.write_corpus(&folder, size * MB, 42).unwrap();
    let single = dir.path().join("single.txt");
    std::fs::write(&single, text.single_document(size * MB, 7)).unwrap();
    let mut group = c.benchmark_group("load+index");
    group.sample_size(10);
    for (shape, path) in [("articles", folder), ("one document", single)] {
        let bytes = walk_bytes(&path);
        group.throughput(Throughput::Bytes(bytes));
        let sources = [Source::Path(path)];
        // What every front end runs: files read, sanitised and extracted on every core.
        group.bench_function(format!("{size}MB {}, {shape}, all cores", text.label()), |b| {
            b.iter(|| voices::loading::build_corpus(&sources, &mut std::io::empty()).statements().len())
        });
    }
    group.finish();
}

/// The bytes in a file, or in the files of a folder.
fn walk_bytes(path: &std::path::Path) -> u64 {
    match std::fs::read_dir(path) {
        Ok(entries) => entries.filter_map(|e| e.ok()?.metadata().ok()).map(|m| m.len()).sum(),
        Err(_) => std::fs::metadata(path).map_or(0, |m| m.len()),
    }
}

fn benches(c: &mut Criterion) {
    let text = Text::find();
    extraction(c, &text);
    load_and_index(c, &text);
}

criterion_group!(all, benches);
criterion_main!(all);

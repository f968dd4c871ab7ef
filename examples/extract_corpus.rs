//! Extracts the `extract` bench's articles corpus once, on one thread, for
//! instruction counts and profiles (`perf stat -e instructions:u`, callgrind):
//!
//!     cargo run --release --example extract_corpus -- [SIZE_MB] [--no-extract]
//!
//! The corpus is the bench's (`benches/support/corpus_gen.rs`: real text,
//! recombined and renamed, when the eval articles are beside the project,
//! else the seed recombination; the first line printed says which), each
//! file sanitised and split as the loader does. `--no-extract` stops
//! before extraction, so the cost of building the corpus can be
//! subtracted. Prints the extraction's CPU time (the lexicon built first).

#[path = "../benches/support/corpus_gen.rs"]
mod corpus_gen;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let size: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(10);
    let text = corpus_gen::Text::find();
    let files = text.corpus(size * 1024 * 1024, 42);
    let documents: Vec<Vec<String>> = files
        .iter()
        .map(|(_, t)| voices::documents::split_paragraphs(&voices::documents::sanitize::sanitize(t)))
        .collect();
    if args.iter().any(|a| a == "--no-extract") {
        println!("{} files, not extracted", documents.len());
        return;
    }
    voices::extract::warm_up();
    let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
    let start = cpu_now();
    let statements: usize = documents.iter().map(|p| voices::extract::extract(p).statements.len()).sum();
    let seconds = cpu_now() - start;
    println!(
        "{} files, {statements} statements; extraction {seconds:.3} s CPU = {:.1} MiB/s",
        documents.len(),
        bytes as f64 / 1024.0 / 1024.0 / seconds
    );
}

/// Process CPU time in seconds, so other jobs on the machine do not skew it.
#[allow(unsafe_code)] // clock_gettime has no safe wrapper in libc.
fn cpu_now() -> f64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes one timespec we own.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 / 1e9
}

//! Times `extract` on real articles, repeated to about 10 MB:
//!
//!     cargo run --release --example extract_real [-- DIR... [--mb N] [--rounds N]]
//!
//! Reads every `*.txt` in the given folders, by default the eval sets
//! `../shared/eval/dev` and `../shared/eval/domain-dev` beside the project;
//! when none of them is there it says so and falls back to the project's
//! `seeds/`. Each article is extracted as the loader would (its own
//! paragraphs, the headline dropped); CPU time is reported, best of the
//! rounds, so other jobs on the machine skew it less.

use std::path::{Path, PathBuf};

fn main() {
    let mut dirs: Vec<PathBuf> = Vec::new();
    let mut target_mb = 10.0;
    let mut rounds = 3;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--mb" => target_mb = args.next().and_then(|s| s.parse().ok()).unwrap_or(target_mb),
            "--rounds" => rounds = args.next().and_then(|s| s.parse().ok()).unwrap_or(rounds),
            _ => dirs.push(arg.into()),
        }
    }
    if dirs.is_empty() {
        let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
        dirs = vec![shared.join("dev"), shared.join("domain-dev")];
    }
    let mut articles = read_articles(&dirs);
    if articles.is_empty() {
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        println!("no articles in {dirs:?}: timing the seed articles in {} instead", seeds.display());
        articles = read_articles(&[seeds]);
    }
    let once: usize = articles.iter().flatten().map(String::len).sum();
    let copies = ((target_mb * 1e6) / once as f64).ceil().max(1.0) as usize;
    let bytes = once * copies;
    println!("{} articles, {:.2} MB, x{copies} = {:.1} MB", articles.len(), once as f64 / 1e6, bytes as f64 / 1e6);
    let mut best = f64::MAX;
    let mut statements = 0;
    for _ in 0..rounds {
        let start = cpu_now();
        statements = 0;
        for _ in 0..copies {
            for paragraphs in &articles {
                statements += voices::extract::extract(paragraphs).statements.len();
            }
        }
        best = best.min(cpu_now() - start);
    }
    println!("{:.1} MB/s ({best:.3} s CPU, best of {rounds}), {statements} statements", bytes as f64 / 1e6 / best);
}

/// Each article's body paragraphs (the first paragraph, the headline, dropped).
fn read_articles(dirs: &[PathBuf]) -> Vec<Vec<String>> {
    let mut paths: Vec<PathBuf> = dirs
        .iter()
        .filter_map(|dir| std::fs::read_dir(dir).ok())
        .flatten()
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .map(|text| voices::documents::split_paragraphs(&text).into_iter().skip(1).collect())
        .collect()
}

/// Process CPU time in seconds, so other jobs on the machine do not skew it.
#[allow(unsafe_code)] // clock_gettime has no safe wrapper in libc.
fn cpu_now() -> f64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes one timespec we own.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 / 1e9
}

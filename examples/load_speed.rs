//! Times loading a folder, wall and CPU time, phase by phase on one thread
//! and then as every front end loads (`loading::build_corpus`, files read
//! and extracted on the worker threads):
//!
//!     cargo run --release --example load_speed -- /tmp/bench/c100
//!
//! With `parallel` or `one-thread` after the folder, only that whole load
//! is timed; with `outputs`, the folder is loaded once and each output
//! (JSON, plain, Markdown, the speaker list) is written to a sink three
//! times in turn, to compare what each costs. CPU time is the whole process's, so other jobs on the machine skew it
//! less than wall time.
use std::time::Instant;

use voices::corpus::{self, Corpus, Indexer};
use voices::documents::{self, Document, Ids, Source};

fn main() {
    let path = std::env::args().nth(1).expect("usage: load_speed FOLDER [parallel|one-thread]");
    let sources = [Source::Path(path.into())];
    let mut clock = Clock::start();
    match std::env::args().nth(2).as_deref() {
        Some("parallel") => {
            let corpus = voices::loading::build_corpus(&sources, &mut std::io::empty());
            clock.lap(&format!("loading::build_corpus, every core ({} statements)", corpus.statements().len()));
            return;
        }
        Some("outputs") => {
            let corpus = voices::loading::build_corpus(&sources, &mut std::io::empty());
            clock.lap(&format!("loading::build_corpus, every core ({} statements)", corpus.statements().len()));
            outputs(&corpus, &mut clock);
            return;
        }
        Some("one-thread") => {
            let corpus = one_thread(&sources, &mut Clock::quiet());
            clock.lap(&format!("the same steps on one thread ({} statements)", corpus.statements().len()));
            return;
        }
        _ => {}
    }
    let corpus = one_thread(&sources, &mut clock);
    let mut out = std::io::sink();
    voices::output::write_json(&mut out, &corpus, &Default::default()).unwrap();
    clock.lap("JSON to a sink");
    drop(corpus);

    let corpus = voices::loading::build_corpus(&sources, &mut std::io::empty());
    clock.lap("loading::build_corpus, every core");
    drop(corpus);
}

/// Each output written to a sink, three rounds of all of them in turn, with
/// the bytes each wrote.
fn outputs(corpus: &Corpus, clock: &mut Clock) {
    type Writer = fn(&mut dyn std::io::Write, &Corpus, &voices::corpus::Filter) -> std::io::Result<()>;
    let writers: [(&str, Writer); 4] = [
        ("JSON", voices::output::write_json),
        ("plain", voices::output::write_plain),
        ("Markdown", voices::output::write_markdown),
        ("speaker list", voices::output::write_speaker_list),
    ];
    let filter = voices::corpus::Filter::default();
    for _ in 0..3 {
        for (name, write) in writers {
            let mut out = Counted(0);
            write(&mut out, corpus, &filter).unwrap();
            clock.lap(&format!("{name} to a sink ({:.1} MB)", out.0 as f64 / 1e6));
        }
    }
}

/// A sink that counts the bytes written to it.
struct Counted(usize);

impl std::io::Write for Counted {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The loader's steps one after the other on this thread, each timed: plan,
/// read, extract, index.
fn one_thread(sources: &[Source], clock: &mut Clock) -> Corpus {
    let plan = documents::plan(sources, &mut std::io::empty());
    let files = plan.files();
    clock.lap(&format!("plan ({files} files)"));
    let mut ids = Ids::default();
    let (mut documents, mut problems) = (Vec::new(), Vec::new());
    let plan_manifest = plan.manifest.clone();
    for input in plan.inputs {
        ids.settle(input.prepare(), &mut documents, &mut problems);
    }
    let bytes: usize = documents.iter().flat_map(|d: &Document| &d.paragraphs).map(String::len).sum();
    clock.lap(&format!("read + sanitise + split, one thread ({:.1} MB of paragraphs)", bytes as f64 / 1e6));
    let extracted: Vec<_> = documents.iter().map(|d| corpus::extract_document(d, &plan_manifest)).collect();
    clock.lap("extract, one thread");
    let (mut indexer, mut corpus) = Indexer::start(plan.manifest, problems);
    indexer.add(&mut corpus, documents, extracted);
    clock.lap(&format!("index ({} statements)", corpus.statements().len()));
    corpus
}

struct Clock {
    wall: Instant,
    cpu: f64,
    /// Laps are timed but not printed (the whole run is timed outside).
    quiet: bool,
}

impl Clock {
    fn start() -> Clock {
        Clock { wall: Instant::now(), cpu: cpu_now(), quiet: false }
    }

    fn quiet() -> Clock {
        Clock { quiet: true, ..Clock::start() }
    }

    fn lap(&mut self, what: &str) {
        let (wall, cpu) = (self.wall.elapsed().as_secs_f64(), cpu_now() - self.cpu);
        if !self.quiet {
            println!("{wall:7.3} s wall {cpu:7.3} s CPU  {what}");
        }
        *self = Clock { quiet: self.quiet, ..Clock::start() };
    }
}

/// Process CPU time (user + system, every thread) in seconds.
#[allow(unsafe_code)] // clock_gettime has no safe wrapper in libc.
fn cpu_now() -> f64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes one timespec we own.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 / 1e9
}

//! Loading and extraction on worker threads, so the reader draws its first
//! frame at once however large the corpus is. The loader only sends
//! [`LoadEvent`]s; the reader folds them into its model
//! (the reader's `App::receive`) and the view draws whatever has arrived.

use std::collections::{BTreeMap, VecDeque};
use std::io::Read;
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};

use crate::corpus::{self, Corpus, DocumentStatements, Indexer};
use crate::documents::{self, Document, FileProblem, Ids, Input, Manifest, Plan, Prepared, Source};

/// Inputs (files) per batch: small enough that the sidebar fills in
/// steadily and the cores share the work evenly, large enough that folding
/// messages costs little next to reading and extracting them.
const BATCH_INPUTS: usize = 64;

/// What the loader tells the reader, in this order: `Started` once,
/// `Documents` in load order, `Finished` once.
#[derive(Debug)]
pub enum LoadEvent {
    /// The sources have been walked (folders listed, manifests read) and
    /// reading starts. Carries what the status bar and the content note need
    /// before any document is read.
    Started {
        /// How many files will be read, for the progress count; each
        /// `Documents` event says how many of them it accounts for.
        total: usize,
        /// The manifests found, merged.
        manifest: Manifest,
    },
    /// The next inputs in load order: the documents they made, each with
    /// its extraction, and the problems found reading them.
    Documents {
        /// The documents, in load order, their ids settled.
        documents: Vec<Document>,
        /// Each document's statements, one per document.
        extractions: Vec<DocumentStatements>,
        /// The problems found reading these inputs.
        problems: Vec<FileProblem>,
        /// How many files these were, whether or not each made a document,
        /// so the progress count reaches `total` however many fail.
        files: usize,
    },
    /// Nothing more will arrive.
    Finished,
}

/// Batches read ahead of the reader's folding them in. Bounded, so a
/// reader busy drawing holds back the workers instead of a growing queue
/// of documents whose per-document speakers are not yet merged.
const EVENTS_AHEAD: usize = 4;

/// Starts loading `sources` on background threads and returns the channel
/// its events arrive on. Standard input is not a source here: it may be
/// the terminal's, so the caller loads it synchronously.
pub fn spawn(sources: Vec<Source>) -> Receiver<LoadEvent> {
    let (sender, receiver) = mpsc::sync_channel(EVENTS_AHEAD);
    std::thread::Builder::new()
        .name("voices-loader".into())
        .spawn(move || {
            let plan = documents::plan(&sources, &mut std::io::empty());
            run_behind(plan, Behind::Reader, |event| sender.send(event).is_ok());
        })
        .expect("a thread can be started");
    receiver
}

/// Reads, extracts and indexes `sources` on every core and returns the
/// whole corpus, exactly as the reader ends up with it: the one corpus
/// builder, used by `main`, the tests, the benchmarks and the fuzz target.
/// `stdin` is read for [`Source::Stdin`].
pub fn build_corpus(sources: &[Source], stdin: &mut dyn Read) -> Corpus {
    let plan = documents::plan(sources, stdin);
    let (mut progress, mut corpus) = (LoadProgress::default(), Corpus::default());
    run(plan, |event| {
        progress.fold(&mut corpus, event);
        true
    });
    corpus
}

/// Folds load events into a corpus: the one way both the reader and the
/// printed outputs build theirs, and how far the load has got.
#[derive(Debug, Default)]
pub struct LoadProgress {
    /// Merges each batch's speakers into the corpus, in load order; set by `Started`.
    indexer: Option<Indexer>,
    /// Files to read, from `Started`; `None` until the sources have been walked.
    pub total: Option<usize>,
    /// Files accounted for so far (whether or not each made a document).
    pub files: usize,
    /// Whether `Finished` has been folded.
    pub finished: bool,
}

impl Clone for LoadProgress {
    /// A copy shows the same progress but cannot take more documents; only
    /// tests clone an app.
    fn clone(&self) -> Self {
        LoadProgress { indexer: None, total: self.total, files: self.files, finished: self.finished }
    }
}

impl LoadProgress {
    /// Folds the next event (in the order [`run`] gives them) into `corpus`;
    /// `Started` replaces it with an empty corpus of the new manifest.
    pub fn fold(&mut self, corpus: &mut Corpus, event: LoadEvent) {
        match event {
            LoadEvent::Started { total, manifest } => {
                let (indexer, fresh) = Indexer::start(manifest, Vec::new());
                *corpus = fresh;
                *self = LoadProgress { indexer: Some(indexer), total: Some(total), files: 0, finished: false };
            }
            LoadEvent::Documents { documents, extractions, problems, files } => {
                let Some(indexer) = self.indexer.as_mut() else { return };
                self.files += files;
                indexer.add_problems(corpus, problems);
                indexer.add(corpus, documents, extractions);
            }
            LoadEvent::Finished => {
                self.finished = true;
                // The merger's maps hold every name met; letting them go
                // takes the reader's thread a tenth of a second at 100 MB,
                // so another thread does it.
                if let Some(indexer) = self.indexer.take() {
                    let dropped = std::thread::Builder::new().name("voices-drop".into()).spawn(move || drop(indexer));
                    // No thread: dropped here when the closure is.
                    drop(dropped);
                }
            }
        }
    }
}

/// One batch, read and extracted by a worker: each input's result, with
/// the extraction of the document it made.
type Done = (usize, Vec<(Prepared, Option<DocumentStatements>)>);

/// Reads, sanitises, splits and extracts the inputs of `plan` on every
/// core, and hands `sink` the events in load order. Workers take batches
/// of inputs from a queue; this thread puts their results back in order,
/// gives the documents their ids and passes them on. `sink` returning
/// false (the reader quit) stops the work early.
pub fn run(plan: Plan, sink: impl FnMut(LoadEvent) -> bool) {
    run_behind(plan, Behind::Nothing, sink);
}

/// What the loading threads make way for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Behind {
    /// Nothing: the load is all there is to do (the printed outputs).
    Nothing,
    /// A reader on screen: its keys come first, so the loading threads
    /// run at a lower priority (they still take every idle core).
    Reader,
}

impl Behind {
    /// Makes way, on the calling thread, for what the load runs behind.
    fn make_way(self) {
        if self == Behind::Reader {
            make_way();
        }
    }
}

/// Lowers the calling thread's scheduling priority (Linux: a thread's own
/// nice value), so a reader drawing and answering keys is not kept
/// waiting behind the extraction on a machine with few cores.
#[allow(unsafe_code)]
fn make_way() {
    #[cfg(target_os = "linux")]
    // SAFETY: getpriority and setpriority take no pointers; `who` 0 is the
    // calling thread on Linux, and a failure leaves the priority as it was.
    // A thread already nicer than 10 (voices run under `nice`) stays so.
    unsafe {
        let now = libc::getpriority(libc::PRIO_PROCESS, 0);
        libc::setpriority(libc::PRIO_PROCESS, 0, now.max(10));
    }
}

/// [`run`], making way for `behind`.
fn run_behind(plan: Plan, behind: Behind, mut sink: impl FnMut(LoadEvent) -> bool) {
    behind.make_way();
    let total = plan.files();
    let Plan { inputs, manifest } = plan;
    // The workers check helpline numbers against the same manifest.
    let checked_against = manifest.clone();
    let manifest_ref = &checked_against;
    if !sink(LoadEvent::Started { total, manifest }) {
        return;
    }
    let mut batches: VecDeque<(usize, Vec<Input>)> = VecDeque::new();
    let mut inputs = inputs.into_iter().peekable();
    while inputs.peek().is_some() {
        let batch: Vec<Input> = inputs.by_ref().take(BATCH_INPUTS).collect();
        batches.push_back((batches.len(), batch));
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(batches.len());
    let queue = Arc::new(Mutex::new(batches));
    // Bounded too: when the sink waits, the workers wait (after a batch
    // each), so what is in flight stays a few batches.
    let (done_sender, done) = mpsc::sync_channel::<Done>(threads * 2);
    let mut ids = Ids::default();
    let stopped = std::thread::scope(|scope| {
        // Dropped when this returns, before the workers are joined: a
        // worker waiting to send then sees the load stopped and ends.
        let done = done;
        for _ in 0..threads {
            let queue = Arc::clone(&queue);
            let done_sender = done_sender.clone();
            scope.spawn(move || {
                behind.make_way();
                loop {
                    let next = queue.lock().map(|mut q| q.pop_front()).unwrap_or(None);
                    let Some((index, batch)) = next else { break };
                    let results = batch
                        .into_iter()
                        .map(|input| {
                            let prepared = input.prepare();
                            let extraction =
                                prepared.document.as_ref().map(|doc| corpus::extract_document(doc, manifest_ref));
                            (prepared, extraction)
                        })
                        .collect();
                    if done_sender.send((index, results)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_sender);
        // Workers finish out of order; the sink gets batches in order.
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        for (index, results) in done.iter() {
            waiting.insert(index, results);
            while let Some(results) = waiting.remove(&next) {
                next += 1;
                if !sink(settle(&mut ids, results)) {
                    // The reader is gone: stop the workers.
                    if let Ok(mut q) = queue.lock() {
                        q.clear();
                    }
                    return true;
                }
            }
        }
        false
    });
    if !stopped {
        sink(LoadEvent::Finished);
    }
}

/// One batch's results as an event: ids given in load order.
fn settle(ids: &mut Ids, results: Vec<(Prepared, Option<DocumentStatements>)>) -> LoadEvent {
    let (mut documents, mut extractions, mut problems) = (Vec::new(), Vec::new(), Vec::new());
    let mut files = 0;
    for (prepared, extraction) in results {
        files += usize::from(prepared.from_file());
        let before = documents.len();
        ids.settle(prepared, &mut documents, &mut problems);
        if documents.len() > before {
            extractions.push(extraction.expect("a document is extracted"));
        }
    }
    LoadEvent::Documents { documents, extractions, problems, files }
}

#[cfg(test)]
mod tests {
    use super::*;
    /// The reference the parallel load is checked against: the same steps
    /// on this thread, every input read in turn, then each document
    /// extracted, then all of them indexed at once.
    fn one_thread(sources: &[Source], stdin: &mut dyn Read) -> Corpus {
        let Plan { inputs, manifest } = documents::plan(sources, stdin);
        let (mut documents, mut problems, mut ids) = (Vec::new(), Vec::new(), Ids::default());
        for input in inputs {
            ids.settle(input.prepare(), &mut documents, &mut problems);
        }
        let extracted = documents.iter().map(|document| corpus::extract_document(document, &manifest)).collect();
        let (mut indexer, mut corpus) = Indexer::start(manifest, problems);
        indexer.add(&mut corpus, documents, extracted);
        corpus
    }

    fn assert_same(got: &Corpus, expected: &Corpus) {
        assert_eq!(got.documents(), expected.documents());
        assert_eq!(got.speakers(), expected.speakers());
        assert_eq!(got.statements(), expected.statements());
        assert_eq!(got.notes(), expected.notes());
        assert_eq!(got.problems(), expected.problems());
        assert_eq!(got.helplines(), expected.helplines());
        assert_eq!(got.content_note(), expected.content_note());
    }

    /// A folder of many small articles spanning several batches, with files
    /// that fail in the middle and names that collide.
    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        for n in 0..BATCH_INPUTS * 3 + 5 {
            let text = format!(
                "Article number {n}\n\nThe NSPCC said: \"We will act on case {n}.\"\n\nThames Valley Police said the review into case {n} was fair.\n"
            );
            std::fs::write(dir.path().join(format!("a{n:03}.txt")), text).unwrap();
        }
        std::fs::write(dir.path().join("a050.md"), "# Marked title\n\nOfcom said: \"Fine.\"").unwrap();
        std::fs::write(dir.path().join("a070-empty.txt"), "").unwrap();
        std::fs::write(dir.path().join("a071-binary.txt"), b"abc\0def").unwrap();
        std::fs::write(dir.path().join("a072-latin1.txt"), b"caf\xe9 \x93quoted\x94 said the BBC.").unwrap();
        std::fs::write(dir.path().join("a073.txt"), "Only a title\n").unwrap();
        std::fs::write(dir.path().join("sub").join("a073.txt"), "Only a title\n").unwrap();
        std::fs::write(dir.path().join("sub").join("a001.txt"), "Again\n\nThe BBC said: \"Twice.\"").unwrap();
        std::fs::write(dir.path().join("page.html"), "<html><body><article><h1>T</h1><p>x</p></article></body></html>")
            .unwrap();
        dir
    }

    fn events(plan: Plan) -> Vec<LoadEvent> {
        let mut events = Vec::new();
        run(plan, |event| {
            events.push(event);
            true
        });
        events
    }

    #[test]
    fn the_parallel_load_gives_the_one_thread_corpus_in_order() {
        let dir = folder();
        let sources = vec![
            Source::Embedded,
            Source::Path(dir.path().to_path_buf()),
            Source::Path(dir.path().join("missing.txt")),
            Source::Path(dir.path().join("a002.txt")),
        ];
        let expected = one_thread(&sources, &mut std::io::empty());
        assert!(expected.documents().len() > BATCH_INPUTS * 3, "several batches");
        let messages: Vec<String> = expected.problems().iter().map(|w| w.to_string()).collect();
        assert!(messages[0].contains("a070-empty.txt: is empty"), "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("missing.txt: does not exist")), "{messages:?}");
        let ids: Vec<&str> = expected.documents().iter().map(|d| d.id.as_str()).collect();
        assert!(ids.contains(&"a001-2") && ids.contains(&"a002-2"), "{ids:?}");
        assert!(!ids.contains(&"a073") && !ids.contains(&"a073-2"), "a file with no text takes an id: {ids:?}");

        let got = build_corpus(&sources, &mut std::io::empty());
        assert_same(&got, &expected);
        got.assert_indexed();

        let plan = documents::plan(&sources, &mut std::io::empty());
        let files = plan.files();
        // The seed, the generated articles (a073.txt replaced), seven more, a002.txt again.
        assert_eq!(files, 1 + BATCH_INPUTS * 3 + 5 + 7 + 1, "the missing path is a problem, not a file");
        let events = events(plan);
        assert!(matches!(events.first(), Some(LoadEvent::Started { total, .. }) if *total == files));
        assert!(matches!(events.last(), Some(LoadEvent::Finished)));
        let counted: usize =
            events.iter().map(|e| if let LoadEvent::Documents { files, .. } = e { *files } else { 0 }).sum();
        assert_eq!(counted, files, "failed files count too, so progress reaches the total");
    }

    #[test]
    fn the_embedded_seeds_and_many_copies_make_the_same_corpus() {
        let got = build_corpus(&[Source::Embedded], &mut std::io::empty());
        assert_same(&got, &one_thread(&[Source::Embedded], &mut std::io::empty()));
        let (mut folded, mut corpus) = (LoadProgress::default(), Corpus::default());
        for event in events(documents::plan(&[Source::Embedded], &mut std::io::empty())) {
            folded.fold(&mut corpus, event);
        }
        assert!(folded.finished);
        assert_eq!(Some(folded.files), folded.total);
        assert_same(&corpus, &got);
    }

    #[test]
    fn standard_input_is_read_once_in_its_place() {
        let dir = folder();
        let sources = vec![Source::Path(dir.path().join("a000.txt")), Source::Stdin, Source::Embedded];
        let text = "Headline\n\nThe police said: \"We act.\"";
        let expected = one_thread(&sources, &mut text.as_bytes());
        let got = build_corpus(&sources, &mut text.as_bytes());
        assert_same(&got, &expected);
        assert_eq!(got.documents()[1].origin, "stdin");
    }

    #[test]
    fn nothing_to_read_still_starts_and_finishes() {
        let events = events(documents::plan(&[Source::Path("/nonexistent/voices".into())], &mut std::io::empty()));
        assert!(matches!(events[0], LoadEvent::Started { total: 0, .. }));
        assert!(
            matches!(&events[1], LoadEvent::Documents { documents, problems, files: 0, .. } if documents.is_empty() && problems.len() == 1)
        );
        assert!(matches!(events[2], LoadEvent::Finished));
        let missing = [Source::Path("/nonexistent/voices".into())];
        assert_eq!(
            build_corpus(&missing, &mut std::io::empty()).problems(),
            one_thread(&missing, &mut std::io::empty()).problems()
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    #[allow(unsafe_code)]
    fn a_loading_thread_makes_way_and_no_other_thread_does() {
        // SAFETY: getpriority takes no pointers; who 0 is the calling thread.
        let nice = || unsafe { libc::getpriority(libc::PRIO_PROCESS, 0) };
        let before = nice();
        let lowered = std::thread::spawn(move || {
            make_way();
            nice()
        })
        .join()
        .expect("the thread ends");
        assert!(lowered >= before.clamp(10, 19), "{before} -> {lowered}");
        assert_eq!(nice(), before, "the thread that draws keeps its priority");
    }

    #[test]
    fn a_sink_that_stops_stops_the_load() {
        let dir = folder();
        let plan = documents::plan(&[Source::Path(dir.path().to_path_buf())], &mut std::io::empty());
        let mut seen = Vec::new();
        run(plan, |event| {
            let started = matches!(event, LoadEvent::Started { .. });
            seen.push(event);
            started
        });
        assert_eq!(seen.len(), 2, "Started, one batch, then nothing: {seen:?}");
        assert!(matches!(seen[1], LoadEvent::Documents { .. }));
    }
}

//! Loading and extraction on worker threads, so the reader draws its first
//! frame at once however large the corpus is. The loader only sends
//! [`LoadEvent`]s; the reader folds them into its model
//! ([`crate::app::App::receive`]) and the view draws whatever has arrived.

use std::collections::{BTreeMap, VecDeque};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};

use crate::corpus::{self, Document, Loaded, Manifest, Source, Warning};
use crate::extract::{self, Extraction};

/// Documents per message: small enough that the sidebar fills in steadily,
/// large enough that folding messages costs little next to extracting them.
const BATCH_DOCUMENTS: usize = 64;

/// What the loader tells the reader, in this order: `Started` once,
/// `Documents` in load order, `Finished` once.
#[derive(Debug)]
pub enum LoadEvent {
    /// Every source has been read; extraction starts. Carries what the
    /// status bar and the content note need before any statement exists.
    Started {
        /// How many documents will arrive, for the progress count.
        total: usize,
        manifest: Manifest,
        warnings: Vec<Warning>,
    },
    /// The next documents in load order, each with its extraction.
    Documents { documents: Vec<Document>, extractions: Vec<Extraction> },
    /// Nothing more will arrive.
    Finished,
}

/// Starts reading `sources` on a background thread and returns the channel
/// its events arrive on. Standard input is not a source here: it may be
/// the terminal's, so the caller loads it synchronously.
pub fn spawn(sources: Vec<Source>) -> Receiver<LoadEvent> {
    let (sender, receiver) = mpsc::channel();
    std::thread::Builder::new()
        .name("voices-loader".into())
        .spawn(move || {
            let loaded = corpus::load(&sources, &mut std::io::empty());
            send_extracted(loaded, &sender);
        })
        .expect("a thread can be started");
    receiver
}

/// Extracts `loaded` on every core and sends the documents in load order.
/// A closed channel (the reader quit) stops the work early.
pub fn send_extracted(loaded: Loaded, sender: &Sender<LoadEvent>) {
    let Loaded { documents, manifest, warnings } = loaded;
    let total = documents.len();
    if sender.send(LoadEvent::Started { total, manifest, warnings }).is_err() {
        return;
    }
    let mut batches: VecDeque<(usize, Vec<Document>)> = VecDeque::new();
    let mut documents = documents.into_iter().peekable();
    while documents.peek().is_some() {
        let batch: Vec<Document> = documents.by_ref().take(BATCH_DOCUMENTS).collect();
        batches.push_back((batches.len(), batch));
    }
    let queue = Arc::new(Mutex::new(batches));
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let (done_sender, done) = mpsc::channel::<(usize, Vec<Document>, Vec<Extraction>)>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let queue = Arc::clone(&queue);
            let done_sender = done_sender.clone();
            scope.spawn(move || {
                loop {
                    let next = queue.lock().map(|mut q| q.pop_front()).unwrap_or(None);
                    let Some((index, batch)) = next else { break };
                    let extractions = batch.iter().map(|doc| extract::extract(&doc.paragraphs)).collect();
                    if done_sender.send((index, batch, extractions)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_sender);
        // Workers finish out of order; the reader gets batches in order.
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        for (index, batch, extractions) in done.iter() {
            waiting.insert(index, (batch, extractions));
            while let Some((documents, extractions)) = waiting.remove(&next) {
                next += 1;
                if sender.send(LoadEvent::Documents { documents, extractions }).is_err() {
                    // The reader is gone: stop the workers.
                    if let Ok(mut q) = queue.lock() {
                        q.clear();
                    }
                    return;
                }
            }
        }
    });
    let _ = sender.send(LoadEvent::Finished);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::{Corpus, Indexer};

    #[test]
    fn documents_arrive_in_order_and_make_the_same_corpus() {
        let loaded = corpus::load(&[Source::Embedded], &mut std::io::empty());
        let expected = Corpus::build(loaded.clone());
        // Many small copies, so the work spans several batches and threads.
        let mut many = loaded.clone();
        many.documents = loaded.documents.iter().cycle().take(BATCH_DOCUMENTS * 3 + 5).cloned().collect();
        let expected_many = Corpus::build(many.clone());
        for (input, expected) in [(loaded, expected), (many, expected_many)] {
            let (sender, receiver) = mpsc::channel();
            send_extracted(input, &sender);
            drop(sender);
            let mut state = None;
            let mut finished = false;
            for event in receiver {
                match event {
                    LoadEvent::Started { manifest, warnings, .. } => state = Some(Indexer::start(manifest, warnings)),
                    LoadEvent::Documents { documents, extractions } => {
                        let (indexer, corpus) = state.as_mut().unwrap();
                        indexer.add(corpus, documents, extractions)
                    }
                    LoadEvent::Finished => finished = true,
                }
            }
            assert!(finished);
            let corpus = state.unwrap().1;
            assert_eq!(corpus.documents, expected.documents);
            assert_eq!(corpus.speakers, expected.speakers);
            assert_eq!(corpus.statements, expected.statements);
            assert_eq!(corpus.notes, expected.notes);
        }
    }
}

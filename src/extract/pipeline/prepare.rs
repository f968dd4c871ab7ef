//! The context-free half of reading a document: sentence bounds, tokens and
//! cue candidates depend only on a paragraph and its quoted ranges, so for
//! a large document they are worked out a chunk of paragraphs at a time,
//! by another thread and by this one while it would otherwise wait, and
//! this one resolves names and cues in order (which needs everything read
//! before). Whoever works a chunk out, the results are the ones the
//! one-thread loop computes, in the same order.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

use super::super::cues::{self, Cue};
use super::super::sentences;
use super::super::tokens::{self, Token};
use super::buffers::Buffers;

/// Documents shorter than this are read on one thread: a thread's start
/// costs more than it saves on the articles a folder holds.
pub(super) const PARALLEL_FROM: usize = 1 << 20;

/// About how many bytes of text a chunk holds: small enough that the two
/// threads start together and little is held at once, large enough that
/// handing chunks over costs nothing measurable.
const CHUNK_BYTES: usize = 1 << 16;

/// How many chunks may be claimed beyond the one being resolved.
const AHEAD: usize = 3;

/// One sentence of a chunk: its paragraph, bounds, and its tokens and cue
/// candidates as ranges of the chunk's buffers.
pub(super) struct Sentence {
    pub paragraph: usize,
    pub bounds: (usize, usize),
    pub tokens: Range<usize>,
    pub cues: Range<usize>,
}

/// The sentences of consecutive paragraphs, tokenised, with their cues.
#[derive(Default)]
pub(super) struct Chunk {
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub cues: Vec<Cue>,
}

/// What one chunk covers: whole paragraphs, or some sentences of a
/// paragraph too long for one chunk.
#[derive(Debug, PartialEq)]
enum Work {
    Paragraphs(Range<usize>),
    Sentences { paragraph: usize, bounds: Vec<(usize, usize)> },
}

/// Where the next chunk starts.
#[derive(Default)]
struct Cursor {
    paragraph: usize,
    /// The sentence bounds of a long paragraph being cut, and the first
    /// sentence not yet in a chunk.
    cut: Option<(Vec<(usize, usize)>, usize)>,
}

impl Cursor {
    /// The next chunk's share of `paragraphs`; `None` at the end.
    fn next_work(&mut self, paragraphs: &[String]) -> Option<Work> {
        loop {
            if let Some((bounds, at)) = &mut self.cut {
                let (paragraph, first) = (self.paragraph, *at);
                let mut bytes = 0;
                while *at < bounds.len() && bytes < CHUNK_BYTES {
                    bytes += bounds[*at].1 - bounds[*at].0;
                    *at += 1;
                }
                let work = Work::Sentences { paragraph, bounds: bounds[first..*at].to_vec() };
                if *at == bounds.len() {
                    self.cut = None;
                    self.paragraph += 1;
                }
                return Some(work);
            }
            let text = paragraphs.get(self.paragraph)?;
            if text.len() < CHUNK_BYTES {
                return Some(Work::Paragraphs(self.whole_paragraphs(paragraphs)));
            }
            let mut bounds = Vec::new();
            sentences::split_into(text, &mut bounds);
            if bounds.is_empty() {
                self.paragraph += 1;
            } else {
                self.cut = Some((bounds, 0));
            }
        }
    }

    /// Paragraphs shorter than a chunk from the cursor on, up to about a
    /// chunk's bytes.
    fn whole_paragraphs(&mut self, paragraphs: &[String]) -> Range<usize> {
        let first = self.paragraph;
        let mut bytes = 0;
        while bytes < CHUNK_BYTES && paragraphs.get(self.paragraph).is_some_and(|p| p.len() < CHUNK_BYTES) {
            bytes += paragraphs[self.paragraph].len();
            self.paragraph += 1;
        }
        first..self.paragraph
    }
}

/// Works out the chunk `work` covers into `chunk` (emptied first).
fn work_out(
    work: &Work,
    paragraphs: &[String],
    quoted: &[Vec<(usize, usize)>],
    chunk: &mut Chunk,
    scratch: &mut Buffers,
) {
    chunk.sentences.clear();
    chunk.tokens.clear();
    chunk.cues.clear();
    match work {
        Work::Paragraphs(range) => {
            let mut all = std::mem::take(&mut scratch.bounds);
            for p in range.clone() {
                sentences::split_into(&paragraphs[p], &mut all);
                for &bounds in &all {
                    add_sentence(paragraphs, quoted, (p, bounds), chunk, scratch);
                }
            }
            scratch.bounds = all;
        }
        Work::Sentences { paragraph, bounds } => {
            for &b in bounds {
                add_sentence(paragraphs, quoted, (*paragraph, b), chunk, scratch);
            }
        }
    }
}

/// Tokenises one sentence and finds its cues, onto the chunk.
fn add_sentence(
    paragraphs: &[String],
    quoted: &[Vec<(usize, usize)>],
    (p, (s, e)): (usize, (usize, usize)),
    chunk: &mut Chunk,
    scratch: &mut Buffers,
) {
    let text = &paragraphs[p];
    tokens::tokenize(text, s, e, &quoted[p], &mut scratch.tokens);
    cues::find(&scratch.tokens, text, &mut scratch.cues);
    let token_start = chunk.tokens.len();
    let cue_start = chunk.cues.len();
    chunk.tokens.extend_from_slice(&scratch.tokens);
    chunk.cues.extend_from_slice(&scratch.cues);
    chunk.sentences.push(Sentence {
        paragraph: p,
        bounds: (s, e),
        tokens: token_start..chunk.tokens.len(),
        cues: cue_start..chunk.cues.len(),
    });
}

/// What the two threads share, behind one lock.
#[derive(Default)]
struct State {
    cursor: Cursor,
    /// The number of the next chunk to be claimed.
    claimed: usize,
    /// The chunk being resolved (all before it are done).
    resolving: usize,
    /// Chunks worked out and not yet resolved, by number.
    ready: BTreeMap<usize, Chunk>,
    /// Resolved chunks, kept to be filled again (their vectors grown).
    spare: Vec<Chunk>,
    /// Set when either thread stops early (a panic): the other stops too.
    stopped: bool,
}

impl State {
    /// The next chunk to work out, its number and a buffer for it, unless
    /// enough are claimed ahead of the one being resolved, or none is left.
    fn claim(&mut self, paragraphs: &[String]) -> Option<(usize, Work, Chunk)> {
        if self.claimed > self.resolving + AHEAD {
            return None;
        }
        let work = self.cursor.next_work(paragraphs)?;
        self.claimed += 1;
        Some((self.claimed - 1, work, self.spare.pop().unwrap_or_default()))
    }

    /// Whether every chunk is claimed.
    fn exhausted(&self, paragraphs: &[String]) -> bool {
        self.cursor.cut.is_none() && self.cursor.paragraph >= paragraphs.len()
    }
}

struct Shared<'a> {
    paragraphs: &'a [String],
    quoted: &'a [Vec<(usize, usize)>],
    state: Mutex<State>,
    changed: Condvar,
}

impl Shared<'_> {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn wait<'g>(&self, guard: MutexGuard<'g, State>) -> MutexGuard<'g, State> {
        self.changed.wait(guard).unwrap_or_else(PoisonError::into_inner)
    }

    /// Works a claimed chunk out (without the lock) and makes it ready.
    fn work<'g>(
        &'g self,
        guard: MutexGuard<'g, State>,
        (number, work, mut chunk): (usize, Work, Chunk),
        scratch: &mut Buffers,
    ) -> MutexGuard<'g, State> {
        drop(guard);
        work_out(&work, self.paragraphs, self.quoted, &mut chunk, scratch);
        let mut state = self.lock();
        state.ready.insert(number, chunk);
        self.changed.notify_all();
        state
    }

    /// The other thread: works chunks out while any is left to claim.
    fn help(&self) {
        let _stop = StopOnDrop(self);
        let mut scratch = Buffers::default();
        let mut state = self.lock();
        while !state.stopped && !state.exhausted(self.paragraphs) {
            state = match state.claim(self.paragraphs) {
                Some(claimed) => self.work(state, claimed, &mut scratch),
                None => self.wait(state),
            };
        }
    }

    /// This thread: each chunk in order to `consume`, working out chunks
    /// itself whenever the next is not ready.
    fn resolve(&self, mut consume: impl FnMut(&Chunk)) {
        let _stop = StopOnDrop(self);
        let mut scratch = Buffers::take();
        let mut state = self.lock();
        loop {
            let number = state.resolving;
            if let Some(chunk) = state.ready.remove(&number) {
                drop(state);
                consume(&chunk);
                state = self.lock();
                state.resolving += 1;
                state.spare.push(chunk);
                self.changed.notify_all();
            } else if let Some(claimed) = state.claim(self.paragraphs) {
                state = self.work(state, claimed, &mut scratch);
            } else if number == state.claimed && state.exhausted(self.paragraphs) {
                break;
            } else {
                assert!(!state.stopped, "the read-ahead thread stopped with a chunk claimed");
                state = self.wait(state);
            }
        }
        drop(state);
        scratch.give_back();
    }
}

/// Tells the other thread to stop when this one leaves (also by a panic),
/// so neither waits for the other for ever.
struct StopOnDrop<'s, 'a>(&'s Shared<'a>);

impl Drop for StopOnDrop<'_, '_> {
    fn drop(&mut self) {
        self.0.lock().stopped = true;
        self.0.changed.notify_all();
    }
}

/// Runs `consume` on every chunk of `paragraphs`, in order, the chunks
/// worked out by another thread and this one (this one alone when no
/// thread can be started).
pub(super) fn in_parallel(paragraphs: &[String], quoted: &[Vec<(usize, usize)>], consume: impl FnMut(&Chunk)) {
    let shared = Shared { paragraphs, quoted, state: Mutex::default(), changed: Condvar::new() };
    std::thread::scope(|scope| {
        // Without a second thread this one works every chunk out itself.
        let _ = std::thread::Builder::new().name("voices-extract-ahead".into()).spawn_scoped(scope, || shared.help());
        shared.resolve(consume);
    });
}

#[cfg(test)]
mod tests;

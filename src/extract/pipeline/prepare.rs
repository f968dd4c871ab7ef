//! The context-free half of reading a document: sentence bounds, tokens and
//! cue candidates depend only on a paragraph and its quoted ranges, so for
//! a large document another thread works them out ahead, a chunk of
//! paragraphs at a time, while this one resolves names and cues in order
//! (which needs everything read before). The results are the ones the
//! one-thread loop computes, in the same order.

use std::sync::mpsc;

use super::super::cues::{self, Cue};
use super::super::sentences;
use super::super::tokens::{self, Token};

/// Documents shorter than this are read on one thread: a thread's start
/// costs more than it saves on the articles a folder holds.
pub(super) const PARALLEL_FROM: usize = 1 << 20;

/// About how many bytes of text a chunk holds: small enough that the two
/// threads start together and little is held at once, large enough that
/// passing chunks costs nothing measurable.
const CHUNK_BYTES: usize = 1 << 16;

/// Chunks worked out ahead of the one being resolved.
const AHEAD: usize = 2;

/// One sentence of a chunk: its paragraph, bounds, and its tokens and cue
/// candidates as ranges of the chunk's buffers.
pub(super) struct Sentence {
    pub paragraph: usize,
    pub bounds: (usize, usize),
    pub tokens: std::ops::Range<usize>,
    pub cues: std::ops::Range<usize>,
}

/// The sentences of consecutive paragraphs, tokenised, with their cues.
#[derive(Default)]
pub(super) struct Chunk {
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub cues: Vec<Cue>,
}

/// Works out the chunks of `paragraphs` in order and sends each to `to`;
/// stops when the receiver is gone.
fn produce(paragraphs: &[String], quoted: &[Vec<(usize, usize)>], to: &mpsc::SyncSender<Chunk>) {
    let mut bounds = Vec::new();
    let mut sentence_tokens = Vec::new();
    let mut sentence_cues = Vec::new();
    let mut chunk = Chunk::default();
    let mut bytes = 0;
    for (p, text) in paragraphs.iter().enumerate() {
        sentences::split_into(text, &mut bounds);
        for &(s, e) in &bounds {
            tokens::tokenize(text, s, e, &quoted[p], &mut sentence_tokens);
            cues::find(&sentence_tokens, text, &mut sentence_cues);
            let token_start = chunk.tokens.len();
            let cue_start = chunk.cues.len();
            chunk.tokens.extend_from_slice(&sentence_tokens);
            chunk.cues.extend_from_slice(&sentence_cues);
            chunk.sentences.push(Sentence {
                paragraph: p,
                bounds: (s, e),
                tokens: token_start..chunk.tokens.len(),
                cues: cue_start..chunk.cues.len(),
            });
            // Counted per sentence, so one huge paragraph is held a chunk
            // at a time too (its sentences are bounded in length).
            bytes += e - s;
            if bytes >= CHUNK_BYTES {
                bytes = 0;
                if to.send(std::mem::take(&mut chunk)).is_err() {
                    return;
                }
            }
        }
    }
    if !chunk.sentences.is_empty() {
        // The receiver gone means nobody wants the rest.
        let _ = to.send(chunk);
    }
}

/// Runs `consume` on every chunk of `paragraphs`, in order, the chunks
/// worked out on another thread. False when that thread could not be
/// started (then nothing was consumed, and the caller reads on one thread).
pub(super) fn in_parallel(
    paragraphs: &[String],
    quoted: &[Vec<(usize, usize)>],
    mut consume: impl FnMut(&Chunk),
) -> bool {
    std::thread::scope(|scope| {
        let (to, from) = mpsc::sync_channel(AHEAD);
        let worker = std::thread::Builder::new()
            .name("voices-extract-ahead".into())
            .spawn_scoped(scope, move || produce(paragraphs, quoted, &to));
        if worker.is_err() {
            return false;
        }
        for chunk in from {
            consume(&chunk);
        }
        true
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One paragraph of 2 MB with no full stop (`yes | voices -`) is held
    /// a chunk at a time: the read-ahead thread never holds the tokens of
    /// the whole paragraph at once.
    #[test]
    fn one_huge_paragraph_is_sent_in_bounded_chunks() {
        let paragraphs = vec!["y ".repeat(1 << 20)];
        let quoted = vec![Vec::new()];
        let (to, from) = mpsc::sync_channel(1024);
        produce(&paragraphs, &quoted, &to);
        drop(to);
        let chunks: Vec<Chunk> = from.iter().collect();
        assert!(chunks.len() > 16, "{} chunks", chunks.len());
        for chunk in &chunks {
            let bytes: usize = chunk.sentences.iter().map(|s| s.bounds.1 - s.bounds.0).sum();
            assert!(bytes < CHUNK_BYTES + sentences::MAX_SENTENCE_BYTES, "{bytes}");
        }
    }
}

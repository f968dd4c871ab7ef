use super::*;

/// Each sentence as the chunks give it: paragraph, bounds, tokens, cues.
type Seen = Vec<(usize, (usize, usize), Vec<Token>, Vec<Cue>)>;

fn record(chunk: &Chunk, seen: &mut Seen) {
    for s in &chunk.sentences {
        seen.push((
            s.paragraph,
            s.bounds,
            chunk.tokens[s.tokens.clone()].to_vec(),
            chunk.cues[s.cues.clone()].to_vec(),
        ));
    }
}

/// What the one-thread loop reads, sentence by sentence.
fn one_thread(paragraphs: &[String], quoted: &[Vec<(usize, usize)>]) -> Seen {
    let mut scratch = Buffers::default();
    let mut seen = Seen::new();
    for (p, text) in paragraphs.iter().enumerate() {
        sentences::split_into(text, &mut scratch.bounds);
        for &(s, e) in &scratch.bounds {
            tokens::tokenize(text, s, e, &quoted[p], &mut scratch.tokens);
            cues::find(&scratch.tokens, text, &mut scratch.cues);
            seen.push((p, (s, e), scratch.tokens.clone(), scratch.cues.clone()));
        }
    }
    seen
}

/// Short paragraphs, an empty one, one longer than a chunk with
/// sentences, and one longer than a chunk with none.
fn mixed() -> (Vec<String>, Vec<Vec<(usize, usize)>>) {
    let mut paragraphs: Vec<String> =
        (0..3000).map(|n| format!("Tom Reed said the council was wrong ({n}). \"It is,\" she added.")).collect();
    paragraphs.insert(10, String::new());
    paragraphs.insert(500, "The minister told MPs the plan would work. ".repeat(4000));
    paragraphs.insert(900, " ".repeat(CHUNK_BYTES + 1));
    let quoted = paragraphs.iter().map(|p| p.find('"').map(|a| vec![(a + 1, a + 7)]).unwrap_or_default()).collect();
    (paragraphs, quoted)
}

#[test]
fn chunks_give_every_sentence_the_one_thread_loop_reads() {
    let (paragraphs, quoted) = mixed();
    let mut seen = Seen::new();
    in_parallel(&paragraphs, &quoted, |chunk| record(chunk, &mut seen));
    let expected = one_thread(&paragraphs, &quoted);
    assert!(expected.len() > 8_000, "{}", expected.len());
    assert!(seen == expected, "{} sentences, {} expected", seen.len(), expected.len());
}

#[test]
fn this_thread_alone_works_every_chunk_out() {
    // No helper thread: every chunk is claimed and worked out by the
    // resolving thread itself, and the result is the same.
    let (paragraphs, quoted) = mixed();
    let shared = Shared { paragraphs: &paragraphs, quoted: &quoted, state: Mutex::default(), changed: Condvar::new() };
    let mut seen = Seen::new();
    shared.resolve(|chunk| record(chunk, &mut seen));
    assert!(seen == one_thread(&paragraphs, &quoted));
    // Resolved chunks were given back to be filled again.
    assert!(!shared.lock().spare.is_empty());
}

/// One paragraph of 2 MB with no full stop (`yes | voices -`) is held a
/// chunk at a time: no chunk holds the tokens of the whole paragraph.
#[test]
fn one_huge_paragraph_is_cut_into_bounded_chunks() {
    let paragraphs = vec!["y ".repeat(1 << 20)];
    let quoted = vec![Vec::new()];
    let mut cursor = Cursor::default();
    let mut chunks = 0;
    let mut chunk = Chunk::default();
    while let Some(work) = cursor.next_work(&paragraphs) {
        work_out(&work, &paragraphs, &quoted, &mut chunk, &mut Buffers::default());
        let bytes: usize = chunk.sentences.iter().map(|s| s.bounds.1 - s.bounds.0).sum();
        assert!(bytes < CHUNK_BYTES + sentences::MAX_SENTENCE_BYTES, "{bytes}");
        chunks += 1;
    }
    assert!(chunks > 16, "{chunks} chunks");
}

#[test]
fn no_more_chunks_are_claimed_than_the_window_allows() {
    let (paragraphs, _) = mixed();
    let mut state = State::default();
    let claimed = std::iter::from_fn(|| state.claim(&paragraphs)).count();
    assert_eq!(claimed, AHEAD + 1);
    state.resolving += 1;
    assert!(state.claim(&paragraphs).is_some());
    assert!(state.claim(&paragraphs).is_none());
}

#[test]
fn a_panic_while_resolving_stops_the_other_thread_too() {
    // The helper must not wait for ever for room the resolving thread will
    // never make: the panic reaches the caller.
    let (paragraphs, quoted) = mixed();
    let result = std::panic::catch_unwind(|| in_parallel(&paragraphs, &quoted, |_| panic!("resolving failed")));
    assert!(result.is_err());
}

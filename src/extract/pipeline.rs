//! The stages in order, over one document read once from start to end:
//! sentences are tokenised, their names registered, their cues found and
//! resolved (so references back and a little ahead work), reported
//! statements emitted; then every quote is attributed (`attribute`).

mod buffers;
mod names;
mod prepare;
mod resolve;

use super::attribute::{self, ResolvedCue, SentenceRecord, THRESHOLD};
use super::cues::{self, Cue};
use super::entities::Registry;
use super::quotes;
use super::salience::{Role, Salience};
use super::tokens::{self, Token};
use super::{Extraction, Found, Span, StatementKind, sentences};

/// Someone described before being named ("A former minister has called
/// for …"); the next sentence or two may name them.
#[derive(Debug, Clone)]
struct Pending {
    entity: usize,
    sentence: usize,
    person: bool,
    role: Role,
    /// An organisation may be the one described: the description is of an
    /// organisation, or of "the country's biggest grocer", "a leading
    /// retailer" (not "the home secretary").
    company_like: bool,
}

/// How many sentences on a description ("A former minister …") may be
/// named by the next new speaker, and by a name given the same role
/// ("… Judge Michael Slater").
const NAME_REACH: usize = 2;
const ROLE_REACH: usize = 12;

/// The document-wide state of one extraction.
struct Extractor<'a> {
    paragraphs: &'a [String],
    registry: Registry,
    salience: Salience,
    /// Index of the sentence being read, across paragraphs.
    sentence: usize,
    pending: Option<Pending>,
    /// The first name the sentence being read has as a subject.
    subject: Option<usize>,
    /// The first person the sentence being read names.
    person: Option<usize>,
    /// The people the sentence being read names (outside quotes), each
    /// with the token its name starts at, in order: a pronoun is none of
    /// those named after it.
    named: Vec<(usize, usize)>,
    records: Vec<SentenceRecord>,
    cues: Vec<ResolvedCue>,
    /// Reported statements, in document order.
    reported: Vec<Found>,
}

/// Byte ranges of quoted words per paragraph, sorted.
fn quoted_ranges(paragraphs: &[String], quotes: &[quotes::Quote]) -> Vec<Vec<(usize, usize)>> {
    let mut quoted: Vec<Vec<(usize, usize)>> = vec![Vec::new(); paragraphs.len()];
    for quote in quotes {
        let (p, open) = quote.open;
        let (cp, close) = quote.close;
        if p == cp {
            quoted[p].push((open, close));
        } else {
            quoted[p].push((open, paragraphs[p].len()));
            for (q, ranges) in quoted.iter_mut().enumerate().take(cp).skip(p + 1) {
                ranges.push((0, paragraphs[q].len()));
            }
            quoted[cp].push((0, close));
        }
    }
    for ranges in &mut quoted {
        ranges.sort_unstable();
    }
    quoted
}

/// Runs the extraction; a large document has its tokens worked out ahead
/// on a second thread ([`prepare`]).
pub(crate) fn run(paragraphs: &[String]) -> Extraction {
    let large = paragraphs.iter().map(String::len).sum::<usize>() >= prepare::PARALLEL_FROM;
    run_with(paragraphs, large)
}

/// [`run`], reading ahead on a second thread or not.
fn run_with(paragraphs: &[String], read_ahead: bool) -> Extraction {
    let buffers::DocumentBuffers { records, cues, mut quotes } = buffers::DocumentBuffers::take();
    quotes::scan_into(paragraphs, &mut quotes);
    let quoted = quoted_ranges(paragraphs, &quotes);
    let mut x = Extractor {
        paragraphs,
        registry: Registry::for_document(),
        salience: Salience::new(),
        sentence: 0,
        pending: None,
        subject: None,
        person: None,
        named: Vec::new(),
        records,
        cues,
        reported: Vec::new(),
    };
    if read_ahead {
        prepare::in_parallel(paragraphs, &quoted, |chunk| {
            for sentence in &chunk.sentences {
                let tokens = &chunk.tokens[sentence.tokens.clone()];
                let cues = &chunk.cues[sentence.cues.clone()];
                x.next_sentence(sentence.paragraph, sentence.bounds, tokens, cues, &quoted);
            }
        });
    } else {
        let buffers::Buffers { mut bounds, mut tokens, cues: mut cue_buffer } = buffers::Buffers::take();
        for (p, text) in paragraphs.iter().enumerate() {
            sentences::split_into(text, &mut bounds);
            for &(s, e) in &bounds {
                tokens::tokenize(text, s, e, &quoted[p], &mut tokens);
                cues::find(&tokens, text, &mut cue_buffer);
                x.next_sentence(p, (s, e), &tokens, &cue_buffer, &quoted);
            }
        }
        buffers::Buffers { bounds, tokens, cues: cue_buffer }.give_back();
    }
    let Extractor { registry, records, cues, reported, .. } = x;
    drop(quoted);
    let direct = attribute::quotes(paragraphs, &quotes, &records, &cues);
    buffers::DocumentBuffers { records, cues, quotes }.give_back();
    finish(registry, reported, direct)
}

impl Extractor<'_> {
    /// Reads the next sentence of the document, given its tokens and cue
    /// candidates (which depend on nothing read before).
    fn next_sentence(
        &mut self,
        p: usize,
        (s, e): (usize, usize),
        tokens: &[Token],
        cues: &[Cue],
        quoted: &[Vec<(usize, usize)>],
    ) {
        // Whether the sentence starts inside a quote (the ranges are sorted).
        let at = quoted[p].partition_point(|&(a, _)| a < s);
        let inside = at > 0 && s < quoted[p][at - 1].1;
        self.registry.sentence = self.sentence;
        let keep = quotes_look_at(quoted, p);
        self.read_sentence(p, (s, e), tokens, cues, (inside, keep));
        self.sentence += 1;
    }

    /// Reads one sentence; `inside` when it starts inside a quote, `keep`
    /// when quote attribution may look at it afterwards.
    fn read_sentence(
        &mut self,
        p: usize,
        (s, e): (usize, usize),
        tokens: &[Token],
        found: &[Cue],
        (inside, keep): (bool, bool),
    ) {
        let text = &self.paragraphs[p];
        self.named.clear();
        self.define_acronyms(text, tokens);
        self.note_names(text, tokens);
        self.note_documents(text, tokens);
        let first = self.cues.len();
        for &cue in found {
            if let Some(resolved) = self.resolve_cue(p, text, tokens, cue) {
                self.cues.push(resolved);
            }
        }
        if let Some(colon) = self.colon_cue(p, text, tokens, first) {
            self.cues.push(colon);
            self.cues[first..].sort_by_key(|c| c.verb);
        }
        self.expire_pending();
        let range = first..self.cues.len();
        if !inside {
            self.reported(p, (s, e), tokens, range.clone());
        }
        let subject = self.subject.take();
        let person = self.person.take();
        if keep {
            self.records.push(SentenceRecord { paragraph: p, start: s, end: e, cues: range, subject, person });
        } else {
            self.cues.truncate(first);
        }
    }
}

/// Whether quote attribution may look at paragraph `p`'s sentences and
/// cues: it holds part of a quote, or the next paragraph does (a quote
/// looks back one paragraph at most, and through the paragraphs a quote
/// before it spans). The others are let go as soon as they are read, so a
/// long stretch of reported speech holds only its statements.
fn quotes_look_at(quoted: &[Vec<(usize, usize)>], p: usize) -> bool {
    quoted[p..].iter().take(2).any(|ranges| !ranges.is_empty())
}

impl Extractor<'_> {
    /// The sentence as a reported statement, when a cue reports it and it
    /// is more than the frame of a quote.
    fn reported(&mut self, p: usize, (s, e): (usize, usize), tokens: &[Token], range: std::ops::Range<usize>) {
        let cues = &self.cues[range];
        let chosen = cues
            .iter()
            .find(|c| c.speaker.is_some() && c.governs)
            .or_else(|| cues.iter().find(|c| c.speaker.is_some() && !c.relative))
            .or_else(|| cues.iter().find(|c| c.speaker.is_some()))
            .or_else(|| cues.iter().find(|c| c.unidentified))
            .copied();
        let Some(cue) = chosen else { return };
        let text = &self.paragraphs[p];
        // Whether more than one word stands beside the cue: two are enough to tell.
        let beside_cue =
            tokens.iter().filter(|t| t.is_word() && (t.start < cue.start || t.start >= cue.end)).take(2).count();
        let other_cues = cues.iter().any(|c| c.speaker.is_some() && c.verb != cue.verb);
        if beside_cue <= 1 || attribute::frames_a_quote(text, tokens, &cue, other_cues) {
            return;
        }
        let speaker = (cue.confidence >= THRESHOLD).then_some(cue.speaker).flatten();
        self.reported.push(Found {
            speaker,
            kind: StatementKind::Reported,
            cue: Some(Span { paragraph: p, start: cue.start, end: cue.end }),
            spans: Span { paragraph: p, start: s, end: e }.into(),
            confidence: cue.confidence,
        });
    }
}

/// Speakers as the entities they stand for (documents by their authors),
/// numbered by first use; statements in document order (a reported
/// sentence before a quote that opens where it starts).
fn finish(registry: Registry, mut reported: Vec<Found>, mut direct: Vec<(Position, Found)>) -> Extraction {
    // Both are in order as they are made; a sort (and its buffer, a copy of
    // half of them) is only for a shape that is not.
    if !reported.is_sorted_by_key(start_of) {
        reported.sort_by_key(start_of);
    }
    if !direct.is_sorted_by_key(|(at, _)| *at) {
        direct.sort_by_key(|(at, _)| *at);
    }
    for found in reported.iter_mut().chain(direct.iter_mut().map(|(_, f)| f)) {
        settle(&registry, found);
    }
    let mut statements = in_document_order(reported, direct);
    let (entities, roots) = registry.finish();
    let mut map: Vec<Option<usize>> = vec![None; entities.len()];
    let mut taken: Vec<Option<super::Entity>> = entities.into_iter().map(Some).collect();
    let mut kept = Vec::new();
    for f in &mut statements {
        f.speaker = f.speaker.map(|id| {
            let root = roots[id];
            *map[root].get_or_insert_with(|| {
                kept.push(taken[root].take().expect("each entity is taken once"));
                kept.len() - 1
            })
        });
    }
    Extraction { entities: kept, statements }
}

/// A statement's speaker as the entity it stands for, with the confidence
/// the whole document gives it; unattributed below the threshold.
fn settle(registry: &Registry, found: &mut Found) {
    let Some(id) = found.speaker else { return };
    found.confidence = registry.settled_confidence(id, found.confidence);
    if found.confidence < THRESHOLD {
        found.speaker = None;
        found.confidence = 0.0;
    } else {
        found.speaker = Some(registry.speaker(id));
    }
}

/// Where a quote opens: its paragraph and the byte after its mark.
pub(crate) type Position = (usize, usize);

/// Where a reported statement's sentence starts.
fn start_of(found: &Found) -> Position {
    found.spans.first().map_or((0, 0), |s| (s.paragraph, s.start))
}

/// Reported statements (each where its sentence starts) and quotes (each
/// where it opens), both already in order, merged into one order in the
/// reported statements' own vector (filled from its end, so nothing is
/// copied twice and no second vector is held); a reported sentence comes
/// first where both start.
fn in_document_order(mut reported: Vec<Found>, direct: Vec<(Position, Found)>) -> Vec<Found> {
    let mut r = reported.len();
    let mut direct = direct.into_iter().rev().peekable();
    reported.resize_with(r + direct.len(), Found::placeholder);
    for w in (0..reported.len()).rev() {
        let take_direct = direct.peek().is_some_and(|(at, _)| r == 0 || start_of(&reported[r - 1]) <= *at);
        if take_direct {
            reported[w] = direct.next().map(|(_, f)| f).expect("peeked");
        } else {
            r -= 1;
            reported.swap(w, r);
        }
    }
    reported.shrink_to_fit();
    reported
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(kind: StatementKind, paragraph: usize, start: usize) -> Found {
        Found { kind, spans: Span { paragraph, start, end: start + 1 }.into(), ..Found::placeholder() }
    }

    #[test]
    fn only_paragraphs_a_quote_may_look_back_at_are_kept() {
        // Quotes in paragraphs 2 and 5 (5 continuing into 6).
        let quoted = vec![vec![], vec![], vec![(3, 9)], vec![], vec![], vec![(0, 4)], vec![(0, 2)], vec![]];
        let kept: Vec<usize> = (0..quoted.len()).filter(|&p| quotes_look_at(&quoted, p)).collect();
        assert_eq!(kept, [1, 2, 4, 5, 6]);
    }

    #[test]
    fn a_quote_still_finds_the_speaker_of_the_paragraph_before() {
        // The first paragraph has no quote of its own, but the quote after
        // it goes to its speaker; paragraphs far from any quote are let go
        // without changing that.
        let paragraphs: Vec<String> = [
            "The council said the plan would cost more.",
            "Residents said they had not been asked.",
            "Tom Reed said the council was wrong.",
            "\"It is a scandal, and everyone here knows it.\"",
        ]
        .map(String::from)
        .to_vec();
        let x = run_with(&paragraphs, false);
        let quote = x.statements.iter().find(|s| s.kind == StatementKind::Direct).expect("the quote");
        assert_eq!(quote.speaker.map(|i| x.entities[i].name.as_str()), Some("Tom Reed"), "{x:?}");
        assert_eq!(x.statements.len(), 4, "three reported sentences and the quote: {x:?}");
    }

    #[test]
    fn he_is_the_spokesman_not_the_man_named_after_him() {
        let paragraphs: Vec<String> = [
            "Tom Reed said he would leave the party.",
            "A spokesman for the Westshire Party said Mr Reed had been wrong. He added that Mr Reed had chosen to go.",
        ]
        .map(String::from)
        .to_vec();
        let x = run_with(&paragraphs, false);
        let last = x.statements.last().expect("the last sentence");
        assert_eq!(last.speaker.map(|i| x.entities[i].name.as_str()), Some("Westshire Party"), "{x:?}");
    }

    #[test]
    fn statements_come_in_document_order_and_a_sentence_before_its_quote() {
        use StatementKind::{Direct, Reported};
        let reported = vec![at(Reported, 0, 0), at(Reported, 0, 40), at(Reported, 2, 5)];
        // The second quote opens where the second sentence starts; the
        // sentence is shown first, as the reader lists them.
        let direct = vec![((0, 10), at(Direct, 0, 10)), ((0, 40), at(Direct, 0, 41)), ((3, 0), at(Direct, 3, 0))];
        let order: Vec<(StatementKind, usize, usize)> = in_document_order(reported, direct)
            .iter()
            .map(|f| (f.kind, f.spans[0].paragraph, f.spans[0].start))
            .collect();
        assert_eq!(
            order,
            [(Reported, 0, 0), (Direct, 0, 10), (Reported, 0, 40), (Direct, 0, 41), (Reported, 2, 5), (Direct, 3, 0)]
        );
        assert_eq!(in_document_order(Vec::new(), vec![((1, 1), at(Direct, 1, 1))]).len(), 1);
        assert_eq!(in_document_order(vec![at(Reported, 1, 1)], Vec::new()).len(), 1);
    }

    #[test]
    fn reading_ahead_on_a_second_thread_finds_what_one_thread_finds() {
        // Quotes that run across paragraphs, names and pronouns that refer
        // back across the chunks the second thread cuts (about 64 KB each).
        let seed = [
            "Jane Smith, the charity's chief executive, said: \"We will not stop.",
            "\"Children deserve better,\" she added. The council said it was reviewing the case.",
            "A former minister has called for an inquiry. Judge Michael Slater said the review was damning.",
            "Smith told the BBC the report was \"a wake-up call\". He said nothing more.",
        ];
        let paragraphs: Vec<String> = (0..6000).map(|n| format!("{} ({n})", seed[n % seed.len()])).collect();
        assert!(paragraphs.iter().map(String::len).sum::<usize>() > 4 * 65536, "several chunks");
        let one = run_with(&paragraphs, false);
        assert!(!one.statements.is_empty());
        assert_eq!(run_with(&paragraphs, true), one);
    }
}

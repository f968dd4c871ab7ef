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
    records: Vec<SentenceRecord>,
    cues: Vec<ResolvedCue>,
    found: Vec<(usize, usize, Found)>,
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
    let quotes = quotes::scan(paragraphs);
    let quoted = quoted_ranges(paragraphs, &quotes);
    let mut x = Extractor {
        paragraphs,
        registry: Registry::default(),
        salience: Salience::default(),
        sentence: 0,
        pending: None,
        subject: None,
        records: Vec::new(),
        cues: Vec::new(),
        found: Vec::new(),
    };
    let ahead = read_ahead
        && prepare::in_parallel(paragraphs, &quoted, |chunk| {
            for sentence in &chunk.sentences {
                let tokens = &chunk.tokens[sentence.tokens.clone()];
                let cues = &chunk.cues[sentence.cues.clone()];
                x.next_sentence(sentence.paragraph, sentence.bounds, tokens, cues, &quoted);
            }
        });
    if !ahead {
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
    let Extractor { registry, records, cues, mut found, .. } = x;
    attribute::quotes(paragraphs, &quotes, &records, &cues, &mut found);
    finish(registry, found)
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
        self.read_sentence(p, (s, e), tokens, cues, inside);
        self.sentence += 1;
    }

    fn read_sentence(&mut self, p: usize, (s, e): (usize, usize), tokens: &[Token], found: &[Cue], inside: bool) {
        let text = &self.paragraphs[p];
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
        self.records.push(SentenceRecord { paragraph: p, start: s, end: e, cues: range, subject });
    }
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
        let beside_cue = tokens.iter().filter(|t| t.is_word() && (t.start < cue.start || t.start >= cue.end)).count();
        let other_cues = cues.iter().any(|c| c.speaker.is_some() && c.verb != cue.verb);
        if beside_cue <= 1 || attribute::frames_a_quote(text, tokens, &cue, other_cues) {
            return;
        }
        let speaker = (cue.confidence >= THRESHOLD).then_some(cue.speaker).flatten();
        self.found.push((
            p,
            s,
            Found {
                speaker,
                kind: StatementKind::Reported,
                text: text[s..e].to_string(),
                cue: text[cue.start..cue.end].to_string(),
                cue_span: Some(Span { paragraph: p, start: cue.start, end: cue.end }),
                spans: vec![Span { paragraph: p, start: s, end: e }],
                confidence: cue.confidence,
            },
        ));
    }
}

/// Speakers as the entities they stand for (documents by their authors),
/// numbered by first use.
fn finish(registry: Registry, mut found: Vec<(usize, usize, Found)>) -> Extraction {
    found.sort_by_key(|&(p, at, _)| (p, at));
    let speakers: Vec<Option<usize>> = found.iter().map(|(_, _, f)| f.speaker.map(|id| registry.speaker(id))).collect();
    for (_, _, f) in &mut found {
        if let Some(id) = f.speaker {
            f.confidence = registry.settled_confidence(id, f.confidence);
            if f.confidence < THRESHOLD {
                f.speaker = None;
                f.confidence = 0.0;
            }
        }
    }
    let (entities, roots) = registry.finish();
    let mut map: Vec<Option<usize>> = vec![None; entities.len()];
    let mut taken: Vec<Option<super::Entity>> = entities.into_iter().map(Some).collect();
    let mut kept = Vec::new();
    let mut statements = Vec::with_capacity(found.len());
    for ((_, _, mut f), speaker) in found.into_iter().zip(speakers) {
        f.speaker = speaker.filter(|_| f.speaker.is_some()).map(|id| {
            let root = roots[id];
            *map[root].get_or_insert_with(|| {
                kept.push(taken[root].take().expect("each entity is taken once"));
                kept.len() - 1
            })
        });
        statements.push(f);
    }
    Extraction { entities: kept, statements }
}

#[cfg(test)]
mod tests {
    use super::*;

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

//! The whole extraction of one document: sentences and quotes are found,
//! reporting cues resolved in reading order (so references back work), then
//! each quote is attributed and statements are emitted in document order.

use super::cues::{self, SubjectSite, Token, lowercase};
use super::entities::{
    NameMap, Registry, is_clear_organisation, is_findings_noun, is_group_noun, is_honorific, is_name_word,
    is_organisation_noun, trim_name,
};
use super::quotes::{self, Quote};
use super::resolve::{self, Context};
use super::{Entity, Extraction, Found, Span, StatementKind, sentences};

/// A reporting cue with its speaker resolved.
#[derive(Debug, Clone, Copy)]
struct ResolvedCue {
    paragraph: usize,
    /// Byte offset of the verb in the paragraph.
    verb: usize,
    /// Byte range of the cue phrase (subject to verb) in the paragraph.
    start: usize,
    end: usize,
    speaker: Option<usize>,
    /// The speaker came from a relative clause (`youngsters who asked`).
    relative: bool,
}

#[derive(Debug)]
struct Sentence {
    paragraph: usize,
    start: usize,
    end: usize,
    /// Its cues: a range of the document's list of cues, so that a
    /// sentence costs no allocation of its own.
    cues: std::ops::Range<usize>,
}

/// Byte ranges of quoted words in one paragraph, sorted.
struct Quoted<'a>(&'a [(usize, usize)]);

impl Quoted<'_> {
    fn contains(&self, offset: usize) -> bool {
        let index = self.0.partition_point(|&(start, _)| start <= offset);
        index > 0 && offset < self.0[index - 1].1
    }
}

/// How far (in bytes) a verb may stand before a quoted fragment and still
/// be the one that introduces it (`dubbed them “mere conduits”`).
const FRAGMENT_REACH: usize = 30;

/// Words a quoted title is allowed besides capitalised ones.
const TITLE_CONNECTORS: &[&str] = &["of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "with"];

/// A quote that names something (a book, a programme, a campaign) rather
/// than giving someone's words.
fn is_title(text: &str) -> bool {
    if text.ends_with(['.', ',', '!', '?']) {
        return false;
    }
    // Seven words are enough to rule a title out; long quotes are not split whole.
    let words: Vec<&str> = text.split_whitespace().take(7).collect();
    if words.is_empty() || words.len() > 6 {
        return false;
    }
    words.iter().any(|w| w.chars().next().is_some_and(char::is_uppercase))
        && words.iter().all(|w| {
            !w.chars().next().is_some_and(char::is_lowercase) || TITLE_CONNECTORS.contains(&w.to_lowercase().as_str())
        })
        && words.len() > 1
}

fn first_word_range(tokens: &[Token], text: &str) -> Option<(usize, usize)> {
    // Skip an introductory phrase ending in a comma within the first words
    // ("However, …", "Following their review, …").
    let mut from = 0;
    if let Some(comma) = tokens.iter().take(10).position(|t| !t.word && &text[t.start..t.end] == ",") {
        let opener = tokens.first().map(|t| lowercase(&text[t.start..t.end])).unwrap_or_default();
        let introductory = matches!(
            &*opener,
            "however"
                | "but"
                | "and"
                | "yet"
                | "meanwhile"
                | "following"
                | "after"
                | "in"
                | "on"
                | "at"
                | "earlier"
                | "later"
                | "among"
                | "despite"
                | "since"
                | "speaking"
                | "asked"
                | "last"
                | "now"
                | "for"
                | "with"
                | "also"
                | "instead"
                | "separately"
                | "previously"
                | "this"
                | "as"
                | "when"
                | "while"
                | "before"
        );
        if introductory {
            from = comma + 1;
        }
    }
    while tokens
        .get(from)
        .is_some_and(|t| matches!(&*lowercase(&text[t.start..t.end]), "however" | "but" | "and" | "yet" | "so"))
    {
        from += 1;
    }
    // The subject ends at its head: a group or findings noun, a spokesperson
    // (with what follows it), or the end of a capitalised name.
    let mut k = from;
    let mut seen_name = false;
    while k < tokens.len() && k - from < 10 {
        let t = &tokens[k];
        if t.quoted || !t.word {
            if seen_name && matches!(&text[t.start..t.end], "'" | "’" | "&" | "-") {
                k += 1;
                continue;
            }
            break;
        }
        let w = &text[t.start..t.end];
        let lower = lowercase(w);
        if matches!(&*lower, "spokesman" | "spokeswoman" | "spokesperson") {
            let mut end = k + 1;
            if tokens
                .get(end)
                .is_some_and(|t| matches!(&*lowercase(&text[t.start..t.end]), "for" | "from" | "of" | "at"))
            {
                end += 1;
                while tokens.get(end).is_some_and(|t| t.word && end - k < 8) {
                    let w = &text[tokens[end].start..tokens[end].end];
                    if !(is_name_word(w) || matches!(w, "the" | "her" | "his" | "its" | "their" | "of" | "for" | "and"))
                    {
                        break;
                    }
                    end += 1;
                }
            } else {
                while tokens.get(end).is_some_and(|t| t.word && is_name_word(&text[t.start..t.end])) {
                    end += 1;
                }
            }
            return Some((from, end));
        }
        if is_group_noun(&lower) || is_findings_noun(&lower) || is_organisation_noun(&lower) {
            return Some((from, k + 1));
        }
        if is_name_word(w) || is_honorific(w) {
            seen_name = true;
        } else if seen_name && !matches!(w, "of" | "for" | "the" | "and") {
            return Some((from, k));
        } else if !seen_name
            && !matches!(&*lower, "the" | "a" | "an" | "some" | "other" | "many" | "most" | "young" | "several")
            && !lower.ends_with("ly")
            && !cues::PRONOUNS.contains(&&*lower)
        {
            // A description word: keep going only while it can precede a noun.
            if lower.ends_with("ed") || lower.ends_with("s") && k > from {
                return None;
            }
        }
        if cues::PRONOUNS.contains(&&*lower) && k == from {
            return Some((from, k + 1));
        }
        k += 1;
    }
    if seen_name { Some((from, k)) } else { None }
}

/// Whether a quote opening at `open` in a sentence starting at `start`
/// carries a whole utterance (`X said: "It is…"`, `"It is…," X said`)
/// rather than a fragment inside the sentence's own words.
fn is_full_quote(paragraphs: &[String], quote: &Quote, sentence_start: usize) -> bool {
    let (p, open) = quote.open;
    let text = &paragraphs[p];
    let first_upper = quote
        .pieces
        .first()
        .and_then(|s| paragraphs[s.paragraph][s.start..s.end].chars().next())
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    if !first_upper {
        return false;
    }
    if open <= sentence_start {
        return true;
    }
    let before = text[..open].trim_end();
    before.ends_with([':', ',']) || before.is_empty()
}

/// Runs the extraction.
pub(crate) fn run(paragraphs: &[String]) -> Extraction {
    let mut registry = Registry::default();
    registry.prepare(paragraphs);
    let quotes = quotes::scan(paragraphs);
    let mut quoted: Vec<Vec<(usize, usize)>> = vec![Vec::new(); paragraphs.len()];
    for quote in &quotes {
        for piece in &quote.pieces {
            quoted[piece.paragraph].push((piece.start, piece.end));
        }
    }
    for ranges in &mut quoted {
        ranges.sort_unstable();
    }
    let mut quotes_by_paragraph: Vec<Vec<usize>> = vec![Vec::new(); paragraphs.len()];
    for (index, quote) in quotes.iter().enumerate() {
        quotes_by_paragraph[quote.open.0].push(index);
    }

    let mut context = Context::default();
    let mut sentences: Vec<Sentence> = Vec::new();
    let mut found: Vec<(usize, usize, Found)> = Vec::new();
    let mut previous_sentence_speaker: Option<usize> = None;
    // Names already looked at, by their exact text: the organisation they
    // name, if any.
    let mut mentions: NameMap<Option<usize>> = NameMap::default();
    let mut token_buffer: Vec<Token> = Vec::new();
    let mut sentence_buffer: Vec<(usize, usize)> = Vec::new();
    let mut cue_buffer: Vec<cues::VerbCue> = Vec::new();
    // Every sentence's resolved cues, in document order.
    let mut all_cues: Vec<ResolvedCue> = Vec::new();

    for (p, text) in paragraphs.iter().enumerate() {
        let inside = Quoted(&quoted[p]);
        let mut opens = quotes_by_paragraph[p].iter().peekable();
        sentences::split_into(text, &mut sentence_buffer);
        for &(s, e) in &sentence_buffer {
            cues::tokenize_into(text, s, e, &quoted[p], &mut token_buffer);
            let tokens = &token_buffer[..];
            let starts_inside = inside.contains(s);
            let first_cue = all_cues.len();
            cues::find_into(text, tokens, &mut cue_buffer);
            for verb_cue in &cue_buffer {
                let verb = &tokens[verb_cue.verb];
                let mut cue = ResolvedCue {
                    paragraph: p,
                    verb: verb.start,
                    start: verb.start,
                    end: verb.end,
                    speaker: None,
                    relative: false,
                };
                for &(a, b, site) in verb_cue.subjects.iter() {
                    let speaker = match site {
                        SubjectSite::Before | SubjectSite::After | SubjectSite::Relative => {
                            resolve::subject(text, &tokens[a..b], &mut registry, &context).map(|sp| (sp, a, b))
                        }
                        SubjectSite::Initial => first_word_range(&tokens[..verb_cue.verb], text).and_then(|(a, b)| {
                            resolve::subject(text, &tokens[a..b], &mut registry, &context).map(|sp| (sp, a, b))
                        }),
                        SubjectSite::None => previous_sentence_speaker.map(|sp| (sp, verb_cue.verb, verb_cue.verb)),
                    };
                    let spokesperson =
                        matches!(site, SubjectSite::Before) && resolve::names_spokesperson(text, &tokens[a..b]);
                    if speaker.is_none() && spokesperson {
                        // "a spokesman said" with no organisation in view:
                        // unattributed, not someone else in the sentence.
                        break;
                    }
                    if let Some((speaker, a, b)) = speaker {
                        cue.speaker = Some(speaker);
                        cue.relative = site == SubjectSite::Relative;
                        if site == SubjectSite::After {
                            cue.end = tokens[b.saturating_sub(1).max(verb_cue.verb)].end;
                        } else if a < verb_cue.verb {
                            cue.start = tokens[a].start;
                            let last = if verb_cue.verb + 1 < tokens.len()
                                && text[verb.start..verb.end].eq_ignore_ascii_case("according")
                            {
                                verb_cue.verb + 1
                            } else {
                                verb_cue.verb
                            };
                            cue.end = tokens[last].end;
                        }
                        break;
                    }
                }
                if let Some(speaker) = cue.speaker {
                    context.spoke(&registry, speaker);
                }
                all_cues.push(cue);
            }
            let resolved = first_cue..all_cues.len();
            let speaker_cue = all_cues[resolved.clone()].iter().find(|c| c.speaker.is_some()).copied();
            // Quotes opening in this sentence.
            let mut full_quote = false;
            while let Some(&&q) = opens.peek() {
                let (_, open) = quotes[q].open;
                if open >= e {
                    break;
                }
                opens.next();
                if open + 1 >= s && is_full_quote(paragraphs, &quotes[q], s) {
                    full_quote = true;
                }
            }
            let cue_only = speaker_cue.is_some_and(|cue| {
                let outside = tokens
                    .iter()
                    .filter(|t| t.word && !t.quoted && (t.start < cue.start || t.start >= cue.end))
                    .count();
                outside <= 1
            });
            if !starts_inside
                && !full_quote
                && !cue_only
                && let Some(cue) = speaker_cue
            {
                found.push((
                    p,
                    s,
                    Found {
                        speaker: cue.speaker,
                        kind: StatementKind::Reported,
                        text: text[s..e].to_string(),
                        cue: text[cue.start..cue.end].to_string(),
                        spans: vec![Span { paragraph: p, start: s, end: e }],
                    },
                ));
            }
            previous_sentence_speaker = speaker_cue.and_then(|c| c.speaker);
            // Names in the sentence that later references may point back to.
            if !starts_inside {
                note_mentions(text, tokens, &mut registry, &mut context, &mut mentions);
            }
            sentences.push(Sentence { paragraph: p, start: s, end: e, cues: resolved });
        }
    }

    // All resolved cues in document order, for "the last speaker" look-ups.
    let spoken: Vec<(usize, usize, usize)> = sentences
        .iter()
        .filter_map(|s| all_cues[s.cues.clone()].iter().find_map(|c| c.speaker.map(|sp| (s.paragraph, c.verb, sp))))
        .collect();

    for quote in &quotes {
        let text = quote.text(paragraphs);
        if text.is_empty() || is_title(&text) {
            continue;
        }
        let open_sentence = sentence_at(&sentences, quote.open);
        let close_sentence = sentence_at(&sentences, (quote.close.0, quote.close.1.saturating_sub(1)));
        let full = open_sentence.is_some_and(|i| is_full_quote(paragraphs, quote, sentences[i].start));
        let mut chosen: Option<ResolvedCue> = None;
        if !full {
            // A fragment belongs to the nearest speaker before it in its
            // sentence (not one inside a relative clause), else to whoever
            // the sentence reports.
            chosen = open_sentence.and_then(|i| {
                let cues = &all_cues[sentences[i].cues.clone()];
                cues.iter()
                    .rev()
                    .find(|c| c.speaker.is_some() && !c.relative && c.end <= quote.open.1)
                    .filter(|c| quote.open.1 - c.end <= FRAGMENT_REACH)
                    .or_else(|| cues.iter().find(|c| c.speaker.is_some()))
                    .copied()
            });
        } else {
            if let Some(i) = close_sentence {
                let sentence = &sentences[i];
                let paragraph = &paragraphs[sentence.paragraph];
                chosen = all_cues[sentence.cues.clone()]
                    .iter()
                    .filter(|c| c.speaker.is_some() && sentence.paragraph == quote.close.0 && c.start >= quote.close.1)
                    .find(|c| paragraph[quote.close.1..c.start].chars().all(|ch| ch.is_whitespace() || ch == ','))
                    .copied();
            }
            if chosen.is_none() {
                chosen = open_sentence.and_then(|i| {
                    all_cues[sentences[i].cues.clone()]
                        .iter()
                        .rev()
                        .find(|c| c.speaker.is_some() && c.end <= quote.open.1)
                        .copied()
                });
            }
            if chosen.is_none()
                && let Some(next) = close_sentence.and_then(|i| sentences.get(i + 1))
            {
                chosen = all_cues[next.cues.clone()]
                    .first()
                    .filter(|c| c.speaker.is_some() && c.start == next.start)
                    .copied();
            }
        }
        let mut speaker = chosen.and_then(|c| c.speaker);
        let cue = chosen.map(|c| paragraphs[c.paragraph][c.start..c.end].to_string()).unwrap_or_default();
        if speaker.is_none() && full {
            // A quote standing alone continues the last speaker nearby.
            let index = spoken.partition_point(|&(p, at, _)| (p, at) < quote.open);
            if index > 0 {
                let (p, _, sp) = spoken[index - 1];
                if quote.open.0 <= p + 1 {
                    speaker = Some(sp);
                }
            }
        }
        if speaker.is_none() && !full {
            continue;
        }
        let first = quote.pieces[0];
        found.push((
            first.paragraph,
            quote.open.1 + 1,
            Found { speaker, kind: StatementKind::Direct, text, cue, spans: quote.pieces.clone() },
        ));
    }

    found.sort_by_key(|&(p, at, _)| (p, at));
    compact(registry.entities, found.into_iter().map(|(_, _, f)| f).collect())
}

/// The sentence holding a paragraph offset.
fn sentence_at(sentences: &[Sentence], (paragraph, offset): (usize, usize)) -> Option<usize> {
    let index = sentences.partition_point(|s| (s.paragraph, s.start) <= (paragraph, offset));
    let candidate = index.checked_sub(1)?;
    let sentence = &sentences[candidate];
    if sentence.paragraph == paragraph && offset < sentence.end.max(sentence.start + 1) {
        return Some(candidate);
    }
    // Offsets in the gap before the next sentence (a mark after trimming).
    sentences.get(index).filter(|s| s.paragraph == paragraph).map(|_| index)
}

/// Notes clearly named organisations (not the ones spoken to) so that a later
/// `A spokesman said` can refer to them.
fn note_mentions(
    text: &str,
    tokens: &[Token],
    registry: &mut Registry,
    context: &mut Context,
    mentions: &mut NameMap<Option<usize>>,
) {
    let mut k = 0;
    while k < tokens.len() {
        let t = &tokens[k];
        if !t.word || t.quoted || !is_name_word(&text[t.start..t.end]) {
            k += 1;
            continue;
        }
        let start = k;
        while k < tokens.len() && tokens[k].word && !tokens[k].quoted && {
            let w = &text[tokens[k].start..tokens[k].end];
            is_name_word(w)
                || (matches!(w, "of" | "for" | "the" | "and")
                    && tokens.get(k + 1).is_some_and(|n| is_name_word(&text[n.start..n.end])))
        } {
            k += 1;
        }
        let raw = &text[tokens[start].start..tokens[k - 1].end];
        if let Some(&known) = mentions.get(raw) {
            if let Some(index) = known {
                context.last_organisation = Some(index);
            }
            k = k.max(start + 1);
            continue;
        }
        let spoken_to = start > 0 && {
            let w = lowercase(&text[tokens[start - 1].start..tokens[start - 1].end]);
            matches!(&*w, "told" | "telling" | "tell" | "tells" | "to" | "the") && start > 1 && {
                let w2 = lowercase(&text[tokens[start - 2].start..tokens[start - 2].end]);
                matches!(&*w2, "told" | "telling" | "tell" | "tells")
                    || matches!(&*w, "told" | "telling" | "tell" | "tells" | "to")
            }
        };
        if spoken_to {
            k = k.max(start + 1);
            continue;
        }
        let words: Vec<&str> =
            tokens[start..k].iter().map(|t| super::entities::strip_possessive(&text[t.start..t.end])).collect();
        let name = trim_name(&words);
        let found = if !name.is_empty() && is_clear_organisation(name) { registry.name(name) } else { None };
        if let Some(index) = found {
            context.last_organisation = Some(index);
        }
        mentions.insert(raw.to_string(), found);
        k = k.max(start + 1);
    }
}

/// Keeps only the entities statements use, renumbering speakers.
fn compact(entities: Vec<Entity>, mut statements: Vec<Found>) -> Extraction {
    let mut map: Vec<Option<usize>> = vec![None; entities.len()];
    let mut kept = Vec::new();
    let mut entities: Vec<Option<Entity>> = entities.into_iter().map(Some).collect();
    for statement in &mut statements {
        if let Some(old) = statement.speaker {
            let new = *map[old].get_or_insert_with(|| {
                kept.push(entities[old].take().expect("entity taken once"));
                kept.len() - 1
            });
            statement.speaker = Some(new);
        }
    }
    Extraction { entities: kept, statements }
}

#[cfg(test)]
mod tests {
    use super::super::{SpeakerKind, extract};
    use super::*;

    fn run_on(paragraphs: &[&str]) -> (Vec<String>, Extraction) {
        let owned: Vec<String> = paragraphs.iter().map(|s| s.to_string()).collect();
        let extraction = extract(&owned);
        for statement in &extraction.statements {
            let pieces: Vec<&str> = statement.spans.iter().map(|s| &owned[s.paragraph][s.start..s.end]).collect();
            assert_eq!(pieces.join(" "), statement.text, "spans point at the text");
        }
        (owned, extraction)
    }

    /// (speaker name, kind, text) of every statement.
    fn summary(extraction: &Extraction) -> Vec<(String, StatementKind, String)> {
        extraction
            .statements
            .iter()
            .map(|s| {
                let name = s.speaker.map_or("-".to_string(), |i| extraction.entities[i].name.clone());
                (name, s.kind, s.text.clone())
            })
            .collect()
    }

    fn has(extraction: &Extraction, speaker: &str, kind: StatementKind, text: &str) -> bool {
        summary(extraction).iter().any(|(n, k, t)| n == speaker && *k == kind && t == text)
    }

    #[test]
    fn attribution_before_a_quote() {
        let (_, x) =
            run_on(&["The Northshire Rail Authority was asked about delays.", "A spokesman said: “Trains will run.”"]);
        assert!(has(&x, "Northshire Rail Authority", StatementKind::Direct, "Trains will run."), "{:?}", summary(&x));
        assert_eq!(x.statements.len(), 1, "the attribution sentence is not also reported");
        assert_eq!(x.statements[0].cue, "A spokesman said");
    }

    #[test]
    fn attribution_after_and_around_a_quote() {
        let (_, x) = run_on(&["\"We will appeal,\" Anna Fielding said. \"The ruling is wrong.\""]);
        assert!(has(&x, "Anna Fielding", StatementKind::Direct, "We will appeal,"));
        assert!(has(&x, "Anna Fielding", StatementKind::Direct, "The ruling is wrong."));
        assert_eq!(x.statements.len(), 2);
    }

    #[test]
    fn fragment_is_direct_and_its_sentence_reported() {
        let (_, x) = run_on(&["Councillor Tom Barker said the plan was “a disgrace” and should go."]);
        assert!(has(&x, "Tom Barker", StatementKind::Direct, "a disgrace"), "{:?}", summary(&x));
        assert!(has(
            &x,
            "Tom Barker",
            StatementKind::Reported,
            "Councillor Tom Barker said the plan was “a disgrace” and should go."
        ));
    }

    #[test]
    fn british_single_quotes_with_apostrophes() {
        let (_, x) = run_on(&["Jo Reed said: ‘It’s the families’ turn now, and they’re ready.’"]);
        assert!(
            has(&x, "Jo Reed", StatementKind::Direct, "It’s the families’ turn now, and they’re ready."),
            "{:?}",
            summary(&x)
        );
    }

    #[test]
    fn quote_over_several_paragraphs_is_one_statement() {
        let (_, x) = run_on(&["The charity Safe Steps Trust said:", "“First we listen.", "“Then we act.”"]);
        assert!(
            has(&x, "Safe Steps Trust", StatementKind::Direct, "First we listen. Then we act."),
            "{:?}",
            summary(&x)
        );
        assert_eq!(x.statements[0].spans.len(), 2);
    }

    #[test]
    fn run_together_quotes_are_one_statement() {
        let (_, x) = run_on(&["Ann Cole said: \"We lost the vote. \"We will keep going.\""]);
        assert!(
            has(&x, "Ann Cole", StatementKind::Direct, "We lost the vote. We will keep going."),
            "{:?}",
            summary(&x)
        );
    }

    #[test]
    fn acronym_is_the_long_form() {
        let (_, x) =
            run_on(&["The Westshire Youth Board (WYB) met on Monday.", "The WYB said more staff were needed."]);
        let (name, _, _) = &summary(&x)[0];
        assert_eq!(name, "Westshire Youth Board");
        assert!(x.entities[0].aliases.contains(&"WYB".to_string()));
    }

    #[test]
    fn the_review_is_the_body_that_carried_it_out() {
        let (_, x) = run_on(&[
            "The review, carried out by the Westshire Youth Board, was published.",
            "The report found that staff missed warning signs.",
        ]);
        assert!(
            has(
                &x,
                "Westshire Youth Board",
                StatementKind::Reported,
                "The report found that staff missed warning signs."
            ),
            "{:?}",
            summary(&x)
        );
    }

    #[test]
    fn spokesman_is_the_organisation_that_responded() {
        let (_, x) =
            run_on(&["Now Northshire Police have responded.", "A spokesman said: \"We take this seriously.\""]);
        assert!(has(&x, "Northshire Police", StatementKind::Direct, "We take this seriously."), "{:?}", summary(&x));
        let (_, y) = run_on(&["An NSPCC spokesman said: \"Call us.\""]);
        assert!(has(&y, "NSPCC", StatementKind::Direct, "Call us."));
    }

    #[test]
    fn pronouns_and_surnames_are_the_person_named_before() {
        let (_, x) = run_on(&[
            "Housing minister Sara Patel said the plan would work.",
            "She added that funds were ready. Ms Patel warned of delays.",
        ]);
        let s = summary(&x);
        assert_eq!(s.len(), 3, "{s:?}");
        assert!(s.iter().all(|(n, _, _)| n == "Sara Patel"), "{s:?}");
        assert_eq!(x.entities.len(), 1);
        assert_eq!(x.entities[0].kind, SpeakerKind::Person);
        assert!(x.entities[0].aliases.contains(&"Ms Patel".to_string()));
    }

    #[test]
    fn a_month_inside_a_name_stays_in_it() {
        let (_, x) = run_on(&["Jane April, head of the trust, said cuts were “reckless”. She said more was needed."]);
        let s = summary(&x);
        assert!(s.iter().all(|(n, _, _)| n == "Jane April"), "{s:?}");
    }

    #[test]
    fn groups_can_speak() {
        let (_, x) = run_on(&["Some parents called the new rules “unfair”."]);
        assert!(has(&x, "parents", StatementKind::Direct, "unfair"), "{:?}", summary(&x));
    }

    #[test]
    fn unattributable_words_have_no_speaker() {
        let (_, x) = run_on(&["A spokesman said: \"No comment at this stage.\""]);
        assert_eq!(x.statements.len(), 1);
        assert_eq!(x.statements[0].speaker, None);
        assert!(x.entities.is_empty());
    }

    #[test]
    fn unbalanced_marks_do_not_lose_the_rest() {
        let (_, x) = run_on(&[
            "He paused \" and went on",
            "It had a ” stray mark and a ‘ stray one.",
            "Ann Cole said: \"We will keep going.\"",
        ]);
        assert!(has(&x, "Ann Cole", StatementKind::Direct, "We will keep going."), "{:?}", summary(&x));
    }

    #[test]
    fn titles_in_quotes_are_not_statements() {
        let (_, x) = run_on(&["Ann Cole appeared on “Question Time” last week."]);
        assert!(x.statements.iter().all(|s| s.kind != StatementKind::Direct));
    }

    #[test]
    fn odd_input_never_panics() {
        let long = "é“‘’”\"' .?! ".repeat(5000);
        for input in ["", " ", "\"", "“", "’", "'", "\"\"", "“”", "a\"b\"c", "Mr.", "He said.", "é.É", &long]
        {
            let _ = run_on(&[input, input, ""]);
        }
        let _ = extract(&[]);
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::super::extract;

    /// Strings rich in the characters the scanners treat specially.
    fn tricky() -> impl Strategy<Value = String> {
        proptest::string::string_regex(
            "([A-Za-zé ]{0,6}|[\"“”‘’'.,:;?!()]|He said|Mr |A spokesman said: |\\(AB\\)){0,40}",
        )
        .expect("valid strategy")
    }

    proptest! {
        #[test]
        fn any_text_is_safe_and_spans_match(paragraphs in proptest::collection::vec(prop_oneof![tricky(), any::<String>()], 0..5)) {
            let extraction = extract(&paragraphs);
            for statement in &extraction.statements {
                prop_assert!(!statement.spans.is_empty());
                let pieces: Vec<&str> = statement
                    .spans
                    .iter()
                    .map(|s| paragraphs[s.paragraph].get(s.start..s.end).expect("span on char boundaries"))
                    .collect();
                prop_assert_eq!(pieces.join(" "), statement.text.clone());
                if let Some(speaker) = statement.speaker {
                    prop_assert!(speaker < extraction.entities.len());
                }
            }
        }
    }
}

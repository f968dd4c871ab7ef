//! Matching what a user types (`--speaker nspcc`, the in-app picker) to
//! speakers, with a suggestion for a near miss, and the [`Filter`] it makes.

use std::fmt;

use crate::corpus::{Filter, Speaker};
use crate::extract::normalize_name;

/// Why a `--speaker` value matched nothing usable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MatchError {
    /// Nothing matched.
    NoMatch {
        /// What was typed.
        query: String,
        /// The closest display name, if it is close.
        suggestion: Option<String>,
        /// Every speaker's display name, to choose from.
        available: Vec<String>,
    },
    /// A part of a name that more than one speaker shares.
    Ambiguous {
        /// What was typed.
        query: String,
        /// The display names it matches.
        candidates: Vec<String>,
    },
}

impl fmt::Display for MatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MatchError::NoMatch { query, suggestion, available } => {
                write!(f, "no speaker matches {query:?}")?;
                if let Some(suggestion) = suggestion {
                    write!(f, "; did you mean {suggestion}?")?;
                }
                if available.is_empty() {
                    write!(f, "\nno speakers were found in these documents")
                } else {
                    write!(f, "\nspeakers: {}", available.join(", "))
                }
            }
            MatchError::Ambiguous { query, candidates } => {
                write!(f, "{query:?} matches more than one speaker: {}; be more specific", candidates.join(", "))
            }
        }
    }
}

impl std::error::Error for MatchError {}

fn names(speaker: &Speaker) -> impl Iterator<Item = &str> {
    std::iter::once(speaker.id.as_str())
        .chain(std::iter::once(speaker.name.as_str()))
        .chain(speaker.aliases.iter().map(String::as_str))
}

/// Speakers matching `query`: an id, name or alias equal to it (ignoring
/// case and punctuation), else the one speaker with a name containing it as
/// whole words (`thames valley`). A partial word (`nspc`) does not match; it
/// gets a suggestion instead, so a typo never silently picks someone.
pub fn match_speakers(speakers: &[Speaker], query: &str) -> Result<Vec<usize>, MatchError> {
    let wanted = normalize_name(query);
    let exact: Vec<usize> = (0..speakers.len())
        .filter(|&i| {
            !wanted.is_empty()
                && names(&speakers[i])
                    .any(|name| normalize_name(name) == wanted || name.eq_ignore_ascii_case(query.trim()))
        })
        .collect();
    if !exact.is_empty() {
        return Ok(exact);
    }
    let padded = format!(" {wanted} ");
    let partial: Vec<usize> = (0..speakers.len())
        .filter(|&i| {
            !wanted.is_empty()
                && names(&speakers[i]).any(|name| format!(" {} ", normalize_name(name)).contains(&padded))
        })
        .collect();
    match partial.len() {
        1 => Ok(partial),
        0 => Err(MatchError::NoMatch {
            query: query.to_string(),
            suggestion: suggest(speakers, &wanted),
            available: speakers.iter().map(|s| s.name.clone()).collect(),
        }),
        _ => Err(MatchError::Ambiguous {
            query: query.to_string(),
            candidates: partial.iter().map(|&i| speakers[i].name.clone()).collect(),
        }),
    }
}

/// Longest query given a suggestion, in characters: no speaker's name is
/// longer, and the edit distance costs the product of the two lengths.
const MAX_SUGGESTED_CHARS: usize = 200;

/// The display name of the speaker with a name or word closest to `wanted`,
/// when it is within a third of its length in edits (or starts with it).
fn suggest(speakers: &[Speaker], wanted: &str) -> Option<String> {
    let wanted_chars = wanted.chars().count();
    if wanted.is_empty() || wanted_chars > MAX_SUGGESTED_CHARS {
        return None;
    }
    let mut best: Option<(usize, &Speaker)> = None;
    for speaker in speakers {
        for name in names(speaker) {
            let normal = normalize_name(name);
            let candidates = std::iter::once(normal.as_str()).chain(normal.split(' '));
            for candidate in candidates {
                let candidate_chars = candidate.chars().count();
                let limit = (candidate_chars.max(wanted_chars) / 3).max(1);
                // The distance is at least the difference in length: a name
                // too long or too short to be within the limit is not weighed.
                if !candidate.starts_with(wanted) && candidate_chars.abs_diff(wanted_chars) > limit {
                    continue;
                }
                let distance = if candidate.starts_with(wanted) { 1 } else { edit_distance(wanted, candidate) };
                if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
                    best = Some((distance, speaker));
                }
            }
        }
    }
    best.map(|(_, speaker)| speaker.name.clone())
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != *cb)).min(row[j] + 1).min(current + 1);
            previous = current;
        }
    }
    row[b.len()]
}

impl Filter {
    /// The filter for `--speaker` queries: the union of every query's
    /// matches; no queries keep everyone.
    pub fn resolve(speakers: &[Speaker], queries: &[String]) -> Result<Filter, MatchError> {
        if queries.is_empty() {
            return Ok(Filter::default());
        }
        let mut chosen = Vec::new();
        let mut unattributed = false;
        for query in queries {
            // The group of statements nobody could be found for.
            if normalize_name(query) == normalize_name(crate::strings::UNATTRIBUTED) {
                unattributed = true;
                continue;
            }
            for index in match_speakers(speakers, query)? {
                if !chosen.contains(&index) {
                    chosen.push(index);
                }
            }
        }
        chosen.sort_unstable();
        let filter = Filter::only(chosen, queries.to_vec());
        Ok(if unattributed { filter.and_unattributed() } else { filter })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::SpeakerKind;

    fn speakers() -> Vec<Speaker> {
        let make = |id: &str, name: &str, aliases: &[&str]| Speaker {
            id: id.into(),
            name: name.into(),
            short: id.to_uppercase(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            kind: SpeakerKind::Organisation,
        };
        vec![
            make("tvp", "Thames Valley Police", &["TVP", "the Force"]),
            make("bscb", "Buckinghamshire Safeguarding Children Board", &["BSCB"]),
            make("nspcc", "NSPCC", &["National Society for the Prevention of Cruelty to Children"]),
            make("victims", "young victims", &["past victims"]),
        ]
    }

    #[test]
    fn matches_ids_names_and_aliases_without_case() {
        let s = speakers();
        assert_eq!(match_speakers(&s, "nspcc"), Ok(vec![2]));
        assert_eq!(match_speakers(&s, "NSPCC"), Ok(vec![2]));
        assert_eq!(match_speakers(&s, "bscb"), Ok(vec![1]));
        assert_eq!(match_speakers(&s, "tvp"), Ok(vec![0]));
        assert_eq!(match_speakers(&s, "the force"), Ok(vec![0]));
    }

    #[test]
    fn matches_a_unique_run_of_whole_words() {
        let s = speakers();
        assert_eq!(match_speakers(&s, "thames valley"), Ok(vec![0]));
        assert_eq!(match_speakers(&s, "Cruelty to Children"), Ok(vec![2]));
    }

    #[test]
    fn a_shared_word_is_ambiguous() {
        let err = match_speakers(&speakers(), "children").unwrap_err();
        assert!(matches!(err, MatchError::Ambiguous { .. }), "{err}");
    }

    #[test]
    fn a_near_miss_gets_a_suggestion() {
        let err = match_speakers(&speakers(), "nspc").unwrap_err();
        assert_eq!(err.to_string().lines().next().unwrap(), "no speaker matches \"nspc\"; did you mean NSPCC?");
        assert!(err.to_string().contains("Thames Valley Police"), "lists the speakers");
        let err = match_speakers(&speakers(), "thames valey police").unwrap_err();
        assert!(err.to_string().contains("did you mean Thames Valley Police?"), "{err}");
    }

    #[test]
    fn a_very_long_query_gets_no_suggestion_and_no_distance_work() {
        let long = "n".repeat(100_000);
        match match_speakers(&speakers(), &long) {
            Err(MatchError::NoMatch { suggestion, .. }) => assert_eq!(suggestion, None),
            other => panic!("{other:?}"),
        }
        let just_over = format!("nspcc{}", "x".repeat(MAX_SUGGESTED_CHARS));
        assert_eq!(suggest(&speakers(), &just_over), None);
    }

    #[test]
    fn nothing_close_gets_no_suggestion() {
        let err = match_speakers(&speakers(), "zzzzzz").unwrap_err();
        assert!(!err.to_string().contains("did you mean"), "{err}");
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("nspc", "nspcc"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}

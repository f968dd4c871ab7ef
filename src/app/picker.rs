//! The speaker picker (`s`) while it is open: what is typed, which
//! candidate is selected, and why the last Enter chose nobody.

use crate::corpus::{Corpus, Filter, Group};
use crate::extract::normalize_name;
use crate::speakers::match_speakers;

/// The picker's state.
#[derive(Debug, Clone, Default)]
pub struct Picker {
    /// What has been typed.
    typed: String,
    /// Index into the candidates.
    selected: usize,
    /// Why the last Enter chose nobody, in `--speaker`'s words.
    error: Option<String>,
}

impl Picker {
    /// What has been typed.
    pub fn typed(&self) -> &str {
        &self.typed
    }

    /// The selected candidate's index.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// Why the last Enter chose nobody.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Speakers offered for what has been typed: those with statements
    /// whose id, name or an alias contains it, most statements first, with
    /// their counts.
    pub fn candidates(&self, corpus: &Corpus) -> Vec<(usize, usize)> {
        let wanted = normalize_name(&self.typed);
        corpus
            .groups(&Filter::default())
            .into_iter()
            .filter_map(|listed| match listed.group {
                Group::Speaker(i) => Some((i, listed.statements.len())),
                Group::Unattributed => None,
            })
            .filter(|&(i, _)| {
                let s = &corpus.speakers()[i];
                wanted.is_empty()
                    || std::iter::once(&s.id)
                        .chain(std::iter::once(&s.name))
                        .chain(&s.aliases)
                        .any(|n| normalize_name(n).contains(&wanted))
            })
            .collect()
    }

    /// Types a character (the selection goes back to the first candidate).
    pub(super) fn push(&mut self, c: char) {
        self.typed.push(c);
        self.selected = 0;
        self.error = None;
    }

    /// Deletes the last character.
    pub(super) fn pop(&mut self) {
        self.typed.pop();
        self.selected = 0;
        self.error = None;
    }

    /// Moves the selection, within `count` candidates.
    pub(super) fn move_by(&mut self, down: bool, count: usize) {
        self.selected =
            if down { (self.selected + 1).min(count.saturating_sub(1)) } else { self.selected.saturating_sub(1) };
    }

    /// The filter Enter chooses: the selected candidate, else what was
    /// typed as `--speaker` would take it. On failure the reason is kept
    /// for the picker to show.
    pub(super) fn choose(&mut self, corpus: &Corpus) -> Option<Filter> {
        let chosen = match self.candidates(corpus).get(self.selected) {
            Some(&(speaker, _)) => Ok(vec![speaker]),
            None => match_speakers(corpus.speakers(), &self.typed),
        };
        let filter = chosen.and_then(|speakers| {
            let ids: Vec<String> = speakers.iter().map(|&i| corpus.speakers()[i].id.clone()).collect();
            Filter::resolve(corpus.speakers(), &ids)
        });
        match filter {
            Ok(filter) => Some(filter),
            Err(err) => {
                self.error = Some(first_line(&err.to_string()));
                None
            }
        }
    }
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().to_string()
}

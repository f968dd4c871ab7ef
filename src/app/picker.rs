//! The speaker picker (`s`) while it is open: what is typed, which
//! candidate is selected, and why the last Enter chose nobody.

use crate::corpus::{Corpus, Filter, Group};
use crate::extract::normalize_name;
use crate::speakers::match_speakers;
use crate::strings::UNATTRIBUTED;

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
    /// their counts; the unattributed statements last, by their group's name.
    pub fn candidates(&self, corpus: &Corpus) -> Vec<(Group, usize)> {
        let wanted = normalize_name(&self.typed);
        let matches = |name: &String| wanted.is_empty() || normalize_name(name).contains(&wanted);
        corpus
            .groups(&Filter::default())
            .into_iter()
            .filter(|listed| match listed.group {
                Group::Speaker(i) => {
                    let s = &corpus.speakers()[i];
                    std::iter::once(&s.id).chain(std::iter::once(&s.name)).chain(&s.aliases).any(matches)
                }
                Group::Unattributed => matches(&crate::strings::UNATTRIBUTED.to_string()),
            })
            .map(|listed| (listed.group, listed.statements.len()))
            .collect()
    }

    /// How many groups the picker offers with nothing typed: the most it
    /// lists, so its box can keep one size while typing.
    pub fn most(&self, corpus: &Corpus) -> usize {
        corpus.groups(&Filter::default()).len()
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
        let filter = match self.candidates(corpus).get(self.selected) {
            Some(&(Group::Unattributed, _)) => Filter::resolve(corpus.speakers(), &[UNATTRIBUTED.to_string()]),
            Some(&(Group::Speaker(speaker), _)) => {
                Filter::resolve(corpus.speakers(), &[corpus.speakers()[speaker].id.clone()])
            }
            None => match_speakers(corpus.speakers(), &self.typed).and_then(|speakers| {
                let ids: Vec<String> = speakers.iter().map(|&i| corpus.speakers()[i].id.clone()).collect();
                Filter::resolve(corpus.speakers(), &ids)
            }),
        };
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Action, App, Mode, View};
    use crate::fixture;

    fn app() -> App {
        App::new(fixture::seed(), Filter::default(), fixture::viewport(100, 30))
    }

    #[test]
    fn the_picker_offers_the_unattributed_statements_and_chooses_them() {
        let mut app = app();
        app.update(Action::PickSpeaker);
        for c in "unat".chars() {
            app.update(Action::Input(c));
        }
        assert_eq!(app.picker().candidates(app.corpus()), vec![(Group::Unattributed, 1)]);
        app.update(Action::Submit);
        assert_eq!(app.mode(), Mode::Normal);
        assert!(app.filter().keeps(Group::Unattributed));
        assert!(!app.filter().keeps(Group::Speaker(2)));
        assert_eq!(app.page().view(), View::Group(Group::Unattributed));
    }

    #[test]
    fn speaker_unattributed_on_the_command_line_keeps_that_group() {
        let corpus = fixture::seed();
        let filter = Filter::resolve(corpus.speakers(), &["unattributed".into(), "nspcc".into()]).unwrap();
        assert_eq!(filter.chosen(), vec![Group::Speaker(2), Group::Unattributed]);
        assert!(filter.keeps(Group::Unattributed) && filter.keeps(Group::Speaker(2)));
        assert!(!filter.keeps(Group::Speaker(0)));
        let only = Filter::resolve(corpus.speakers(), &["Unattributed".into()]).unwrap();
        assert_eq!(only.chosen(), vec![Group::Unattributed]);
    }

    /// The box is as tall with one letter typed as with none, and with a
    /// name nobody has.
    #[test]
    fn the_picker_keeps_its_size_while_typing() {
        let app = app();
        assert_eq!(app.picker().most(app.corpus()), 4, "three speakers and the unattributed");
    }
}

//! The corpus-wide model every front end draws from: documents, speakers
//! merged across documents (and refined by the manifest), statements, and
//! the indexes every view reads them by (a document's statements, a
//! speaker's, the groups in display order). It is built in one place,
//! `loading::build_corpus` (or, batch by batch, the background
//! loader), with [`Indexer`]; its fields are private so nothing else can
//! add a statement the indexes do not know about.

mod merge;
mod order;
mod statement;

use std::borrow::Cow;

use std::ops::Range;
use unicode_width::UnicodeWidthStr;

pub use merge::{DocumentStatements, Indexer, extract_document};
pub use statement::Statement;

use crate::documents::{Document, FileProblem, Helpline, Manifest};
use crate::extract::SpeakerKind;
use crate::notes::Note;
use crate::strings;

/// A speaker as the whole corpus knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Stable id: the manifest's, else a slug of the name.
    pub id: String,
    /// The name shown ("Thames Valley Police").
    pub name: String,
    /// A few characters for the reader's gutter ("TVP", "Khan").
    pub short: String,
    /// Every other name the documents or the manifest use for it.
    pub aliases: Vec<String>,
    /// Organisation, person or group.
    pub kind: SpeakerKind,
}

/// Who a group of statements is by: one speaker, or nobody the text names.
/// The sidebar, the reader's speaker view, `--speaker` and every output
/// group statements by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    /// Index into [`Corpus::speakers`].
    Speaker(usize),
    /// The statements no speaker could be found for.
    Unattributed,
}

impl Group {
    /// The group of a statement's speaker (`None` is unattributed).
    pub fn of(speaker: Option<usize>) -> Group {
        speaker.map_or(Group::Unattributed, Group::Speaker)
    }
}

/// A group and its statements (indices into [`Corpus::statements`], in
/// corpus order), as [`Corpus::groups`] lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GroupStatements<'c> {
    /// Whose statements they are.
    pub group: Group,
    /// Indices into [`Corpus::statements`], in corpus order.
    pub statements: &'c [usize],
}

/// Which groups a view shows: everyone, or the speakers `--speaker` (or the
/// picker) chose. Made by `Filter::resolve` (in `speakers`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// `None` shows every speaker and the unattributed statements.
    speakers: Option<Vec<usize>>,
    /// With chosen speakers: the unattributed statements are shown too
    /// (`--speaker unattributed`).
    unattributed: bool,
    /// What the user typed ("nspcc").
    queries: Vec<String>,
}

impl Filter {
    /// Only the `chosen` speakers (sorted, without repeats), found for `queries`.
    pub fn only(chosen: Vec<usize>, queries: Vec<String>) -> Filter {
        Filter { speakers: Some(chosen), unattributed: false, queries }
    }

    /// The same filter, showing the unattributed statements as well.
    pub fn and_unattributed(self) -> Filter {
        Filter { unattributed: true, ..self }
    }

    /// True when nothing is filtered out.
    pub fn is_everyone(&self) -> bool {
        self.speakers.is_none()
    }

    /// The queries this filter was built from.
    pub fn queries(&self) -> &[String] {
        &self.queries
    }

    /// The groups chosen, speakers first, in order (empty for everyone).
    pub fn chosen(&self) -> Vec<Group> {
        let speakers = self.speakers.iter().flatten().map(|&i| Group::Speaker(i));
        speakers.chain(self.unattributed.then_some(Group::Unattributed)).collect()
    }

    /// Whether a group is shown.
    pub fn keeps(&self, group: Group) -> bool {
        match (&self.speakers, group) {
            (None, _) => true,
            (Some(chosen), Group::Speaker(index)) => chosen.contains(&index),
            (Some(_), Group::Unattributed) => self.unattributed,
        }
    }
}

/// Everything loaded and extracted, with its indexes.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    documents: Vec<Document>,
    speakers: Vec<Speaker>,
    statements: Vec<Statement>,
    helplines: Vec<Helpline>,
    notes: Vec<Note>,
    problems: Vec<FileProblem>,
    /// Shown before any article text (TUI) or as the first line (plain).
    content_note: String,
    /// Each document's statements: a range, as they arrive in document order.
    by_document: Vec<Range<usize>>,
    /// Each speaker's statements, in corpus order.
    by_speaker: Vec<Vec<usize>>,
    /// The statements nobody could be found for, in corpus order.
    unattributed: Vec<usize>,
    /// Columns each document's title and each speaker's name take on
    /// screen, measured once: the sidebar sizes itself by the widest after
    /// every change to its rows.
    title_widths: Vec<usize>,
    name_widths: Vec<usize>,
    /// The speakers in the sidebar's order (most statements first, then by
    /// name), each with its count, kept across changes: a listing after
    /// every key, or every batch while loading, would otherwise sort a
    /// hundred thousand speakers each time.
    order: order::ListingOrder,
}

/// A corpus taken apart, to build one by hand (tests, fixtures) or change
/// one and build it again: [`Corpus::from_parts`] makes the indexes anew.
#[derive(Debug, Clone, Default)]
pub struct Parts {
    /// In load order.
    pub documents: Vec<Document>,
    /// Indexed by the statements' `speaker`.
    pub speakers: Vec<Speaker>,
    /// In document order, each with its `document` and `speaker` indices set.
    pub statements: Vec<Statement>,
    /// Shown in this order.
    pub helplines: Vec<Helpline>,
    /// Each about a document and paragraph of these documents.
    pub notes: Vec<Note>,
    /// In load order.
    pub problems: Vec<FileProblem>,
    /// Shown before any article text.
    pub content_note: String,
}

/// The content note for a corpus whose manifest gives none.
pub const DEFAULT_CONTENT_NOTE: &str = "These documents may describe distressing events.";

impl Corpus {
    /// A corpus with no documents yet, with the manifest's helplines and
    /// content note, so a reader can draw before any document is read.
    pub fn empty(manifest: &Manifest) -> Corpus {
        Corpus {
            helplines: manifest.helplines.clone(),
            content_note: manifest.content_note.clone().unwrap_or_else(|| DEFAULT_CONTENT_NOTE.to_string()),
            ..Corpus::default()
        }
    }

    /// A corpus from its parts, indexed.
    ///
    /// # Panics
    ///
    /// When the statements are not in document order or point past the
    /// documents or speakers: hand-built corpora are test data.
    pub fn from_parts(parts: Parts) -> Corpus {
        let Parts { documents, speakers, statements, helplines, notes, problems, content_note } = parts;
        let mut corpus = Corpus {
            by_document: vec![0..0; documents.len()],
            by_speaker: vec![Vec::new(); speakers.len()],
            documents,
            speakers,
            helplines,
            notes,
            problems,
            content_note,
            ..Corpus::default()
        };
        corpus.append_statements(statements);
        corpus.speakers_changed(&[]);
        corpus.documents_added();
        corpus
    }

    /// The parts, to change and build again with [`Corpus::from_parts`].
    pub fn into_parts(self) -> Parts {
        let Corpus { documents, speakers, statements, helplines, notes, problems, content_note, .. } = self;
        Parts { documents, speakers, statements, helplines, notes, problems, content_note }
    }

    /// Adds statements, each after every statement of an earlier document,
    /// to the statements and the indexes; the first ones a corpus gets
    /// become its own in the memory they arrive in.
    fn append_statements(&mut self, mut statements: Vec<Statement>) {
        let last = self.statements.last().map(|s| s.document);
        assert!(
            statements.iter().map(|s| s.document).is_sorted()
                && statements.first().is_none_or(|first| last.is_none_or(|last| last <= first.document)),
            "statements arrive in document order"
        );
        let first = self.statements.len();
        for (offset, statement) in statements.iter().enumerate() {
            self.index_statement(first + offset, statement);
            if let Some(speaker) = statement.speaker {
                self.order.moved(speaker);
            }
        }
        if self.statements.is_empty() {
            self.statements = statements;
        } else {
            self.statements.append(&mut statements);
        }
    }

    /// Keeps the listing order current after speakers were added or the
    /// ones at `renamed` changed name.
    fn speakers_changed(&mut self, renamed: &[usize]) {
        for &index in renamed {
            if let (Some(width), Some(speaker)) = (self.name_widths.get_mut(index), self.speakers.get(index)) {
                *width = speaker.name.width();
                self.order.named(index, &speaker.name);
            }
        }
        let known = self.order.len().min(self.name_widths.len()).min(self.speakers.len());
        self.order.truncate(known);
        self.name_widths.truncate(known);
        for (offset, speaker) in self.speakers[known..].iter().enumerate() {
            self.order.named(known + offset, &speaker.name);
            self.name_widths.push(speaker.name.width());
        }
    }

    /// Measures the titles of documents added since the last call.
    fn documents_added(&mut self) {
        let known = self.title_widths.len().min(self.documents.len());
        self.title_widths.truncate(known);
        self.title_widths.extend(self.documents[known..].iter().map(|d| d.title.width()));
    }

    /// Columns a document's title takes on screen.
    pub fn title_width(&self, document: usize) -> usize {
        self.title_widths.get(document).copied().unwrap_or(0)
    }

    /// Columns a group's name takes on screen.
    pub fn group_name_width(&self, group: Group) -> usize {
        match group {
            Group::Speaker(speaker) => self.name_widths.get(speaker).copied().unwrap_or(0),
            Group::Unattributed => strings::UNATTRIBUTED.width(),
        }
    }

    /// Lists the statement that is (or is about to be) at `index` under its
    /// document and its speaker.
    fn index_statement(&mut self, index: usize, statement: &Statement) {
        let document = statement.document;
        if self.by_document.len() <= document {
            self.by_document.resize(document + 1, 0..0);
        }
        let range = &mut self.by_document[document];
        if range.start == range.end {
            range.start = index;
        }
        range.end = index + 1;
        match statement.speaker {
            Some(speaker) => {
                if self.by_speaker.len() <= speaker {
                    self.by_speaker.resize(speaker + 1, Vec::new());
                }
                self.by_speaker[speaker].push(index);
            }
            None => self.unattributed.push(index),
        }
    }

    /// Every document, in load order.
    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    /// Every speaker with a statement, in the order first seen.
    pub fn speakers(&self) -> &[Speaker] {
        &self.speakers
    }

    /// Every statement, in corpus order (documents in load order, then document order).
    pub fn statements(&self) -> &[Statement] {
        &self.statements
    }

    /// The helplines shown, in order.
    pub fn helplines(&self) -> &[Helpline] {
        &self.helplines
    }

    /// Phone numbers printed differently from the published helpline.
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    /// Files skipped or read with problems, in load order.
    pub fn problems(&self) -> &[FileProblem] {
        &self.problems
    }

    /// Shown before any article text (the reader) or as the first line (plain).
    pub fn content_note(&self) -> &str {
        &self.content_note
    }

    /// A statement's words (see [`Statement::text`]).
    pub fn text<'a>(&'a self, statement: &'a Statement) -> Cow<'a, str> {
        statement.text(&self.documents[statement.document].paragraphs)
    }

    /// A statement's cue (see [`Statement::cue`]).
    pub fn cue<'a>(&'a self, statement: &Statement) -> &'a str {
        statement.cue(&self.documents[statement.document].paragraphs)
    }

    /// A document's statements, as indices into [`Corpus::statements`].
    pub fn statements_in(&self, document: usize) -> Range<usize> {
        self.by_document.get(document).cloned().unwrap_or(0..0)
    }

    /// A group's statements, as indices into [`Corpus::statements`], in corpus order.
    pub fn statements_by(&self, group: Group) -> &[usize] {
        match group {
            Group::Speaker(speaker) => self.by_speaker.get(speaker).map_or(&[], Vec::as_slice),
            Group::Unattributed => &self.unattributed,
        }
    }

    /// What a group is called: the speaker's name, or "Unattributed".
    pub fn group_name(&self, group: Group) -> &str {
        match group {
            Group::Speaker(speaker) => &self.speakers[speaker].name,
            Group::Unattributed => strings::UNATTRIBUTED,
        }
    }

    /// The groups the filter keeps that have statements, in the order people
    /// scan them: most statements first, then by name, the unattributed
    /// statements last. The sidebar, the picker and every output list these.
    pub fn groups(&self, filter: &Filter) -> Vec<GroupStatements<'_>> {
        self.group_counts(filter)
            .map(|(group, _)| GroupStatements { group, statements: self.statements_by(group) })
            .collect()
    }

    /// The groups [`Corpus::groups`] lists, each with its statement count:
    /// all a closed group's row needs. Read from the cached order alone, so
    /// listing a hundred thousand speakers touches no speaker and no
    /// statement list.
    pub fn group_counts<'c>(&'c self, filter: &'c Filter) -> impl Iterator<Item = (Group, usize)> + 'c {
        self.order
            .get(|speaker| self.statements_by(Group::Speaker(speaker)).len())
            .iter()
            .map(|&(speaker, count)| (Group::Speaker(speaker), count))
            .chain(std::iter::once((Group::Unattributed, self.unattributed.len())))
            .filter(move |&(group, count)| count > 0 && filter.keeps(group))
    }

    /// Which documents hold a statement the filter keeps (all of them when
    /// it keeps everyone), indexed like [`Corpus::documents`].
    pub fn shown_documents(&self, filter: &Filter) -> Vec<bool> {
        let mut shown = vec![filter.is_everyone(); self.documents.len()];
        if !filter.is_everyone() {
            for listed in self.groups(filter) {
                for &statement in listed.statements {
                    shown[self.statements[statement].document] = true;
                }
            }
        }
        shown
    }
}

/// A name's first sixteen bytes as a number: two names whose numbers
/// differ sort as the numbers do (a shorter name is padded with zero bytes,
/// which sort first); equal numbers need the names compared.
#[cfg(test)]
impl Corpus {
    /// Checks the indexes against a scan of the statements.
    pub(crate) fn assert_indexed(&self) {
        for document in 0..self.documents.len() {
            let scanned: Vec<usize> =
                (0..self.statements.len()).filter(|&i| self.statements[i].document == document).collect();
            assert_eq!(self.statements_in(document).collect::<Vec<_>>(), scanned, "document {document}");
        }
        let groups = (0..self.speakers.len()).map(Group::Speaker).chain([Group::Unattributed]);
        for group in groups {
            let scanned: Vec<usize> =
                (0..self.statements.len()).filter(|&i| self.statements[i].group() == group).collect();
            assert_eq!(self.statements_by(group), scanned, "{group:?}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names alike in their first sixteen bytes, in case only, or one a
    /// prefix of another still list as a plain sort by count then lower-cased
    /// name would list them.
    #[test]
    fn the_listing_order_is_count_then_name_for_names_alike_at_the_start() {
        use crate::extract::{Found, Span, StatementKind};
        let names = [
            "Alexandra Hesselton-Smithers B",
            "alexandra hesselton-smithers a",
            "Alexandra Hesselton",
            "Alexandra Hesselton-Smithers",
            "Ab",
            "ab",
            "Äb",
            "Zed",
            "Alexandra Hesselton-Smithers B",
        ];
        let counts = [1, 1, 1, 1, 2, 2, 1, 3, 1];
        let speakers: Vec<Speaker> = names
            .iter()
            .enumerate()
            .map(|(i, name)| Speaker {
                id: format!("s{i}"),
                name: name.to_string(),
                short: String::new(),
                aliases: Vec::new(),
                kind: SpeakerKind::Person,
            })
            .collect();
        let text = "Someone said something.".to_string();
        let span = Span { paragraph: 0, start: 0, end: text.len() };
        let mut statements = Vec::new();
        for (speaker, &count) in counts.iter().enumerate() {
            for _ in 0..count {
                let found = Found {
                    speaker: Some(speaker),
                    kind: StatementKind::Reported,
                    spans: span.into(),
                    cue: None,
                    confidence: 1.0,
                };
                statements.push(Statement::new(statements.len() + 1, 0, Some(speaker), found));
            }
        }
        let document = Document::from_text("d".into(), "d".into(), "d", &format!("Title\n\n{text}"));
        let corpus = Corpus::from_parts(Parts { documents: vec![document], speakers, statements, ..Parts::default() });
        let mut expected: Vec<usize> = (0..names.len()).collect();
        expected.sort_by(|&a, &b| {
            counts[b].cmp(&counts[a]).then_with(|| names[a].to_lowercase().cmp(&names[b].to_lowercase()))
        });
        let listed: Vec<Group> = corpus.groups(&Filter::default()).iter().map(|g| g.group).collect();
        assert_eq!(listed, expected.into_iter().map(Group::Speaker).collect::<Vec<_>>());
    }

    #[test]
    fn groups_list_speakers_by_count_then_name_with_the_unattributed_last() {
        let corpus = crate::fixture::two_documents();
        corpus.assert_indexed();
        let listed: Vec<(Group, usize)> =
            corpus.groups(&Filter::default()).iter().map(|g| (g.group, g.statements.len())).collect();
        // BSCB and the NSPCC (2 each, by name), Thames Valley Police (1), then the unattributed one.
        let expected =
            [(Group::Speaker(1), 2), (Group::Speaker(2), 2), (Group::Speaker(0), 1), (Group::Unattributed, 1)];
        assert_eq!(listed, expected);
        assert_eq!(corpus.statements_in(1), 5..6);
        let nspcc = Filter::only(vec![2], vec!["nspcc".into()]);
        let listed: Vec<Group> = corpus.groups(&nspcc).iter().map(|g| g.group).collect();
        assert_eq!(listed, [Group::Speaker(2)]);
        assert_eq!(corpus.shown_documents(&nspcc), [true, true]);
        let tvp = Filter::only(vec![0], vec!["tvp".into()]);
        assert_eq!(corpus.shown_documents(&tvp), [true, false]);
    }

    #[test]
    #[should_panic(expected = "document order")]
    fn statements_out_of_document_order_are_refused() {
        let corpus = crate::fixture::two_documents();
        crate::fixture::changed(corpus, |parts| parts.statements.reverse());
    }
}

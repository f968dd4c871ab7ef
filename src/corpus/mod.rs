//! The corpus-wide model every front end draws from: documents, speakers
//! merged across documents (and refined by the manifest), and statements.
//! It is built in one place, [`crate::loading::build_corpus`] (or, document
//! batch by batch, the background loader), with [`Indexer`].

mod merge;
mod names;
mod statement;

use std::borrow::Cow;

pub use merge::{DocumentStatements, Indexer, extract_document};
pub use names::{normalize_name, normalize_name_into};
pub use statement::Statement;

use crate::documents::{Document, Helpline, Warning};
use crate::extract::SpeakerKind;
use crate::notes::Note;

/// A speaker as the whole corpus knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Stable id: the manifest's, else a slug of the name.
    pub id: String,
    pub name: String,
    /// A few characters for the reader's gutter ("TVP", "Khan").
    pub short: String,
    /// Every other name the documents or the manifest use for it.
    pub aliases: Vec<String>,
    pub kind: SpeakerKind,
}

/// Everything loaded and extracted.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub speakers: Vec<Speaker>,
    pub statements: Vec<Statement>,
    pub helplines: Vec<Helpline>,
    pub notes: Vec<Note>,
    pub warnings: Vec<Warning>,
    /// Shown before any article text (TUI) or as the first line (plain).
    pub content_note: String,
}

/// The content note for a corpus whose manifest gives none.
pub const DEFAULT_CONTENT_NOTE: &str = "These documents may describe distressing events.";

impl Corpus {
    /// A statement's words (see [`Statement::text`]).
    pub fn text<'a>(&'a self, statement: &'a Statement) -> Cow<'a, str> {
        statement.text(&self.documents[statement.document].paragraphs)
    }

    /// A statement's cue (see [`Statement::cue`]).
    pub fn cue<'a>(&'a self, statement: &'a Statement) -> Cow<'a, str> {
        statement.cue(&self.documents[statement.document].paragraphs)
    }

    /// How many statements each speaker has, indexed like [`Corpus::speakers`].
    pub fn statement_counts(&self) -> Vec<usize> {
        let mut counts = vec![0; self.speakers.len()];
        for statement in &self.statements {
            if let Some(speaker) = statement.speaker {
                counts[speaker] += 1;
            }
        }
        counts
    }

    /// Speakers in the order people scan them: most statements first, then by name.
    pub fn speakers_by_count(&self) -> Vec<usize> {
        let counts = self.statement_counts();
        let mut order: Vec<usize> = (0..self.speakers.len()).collect();
        order.sort_by(|&a, &b| {
            counts[b]
                .cmp(&counts[a])
                .then_with(|| self.speakers[a].name.to_lowercase().cmp(&self.speakers[b].name.to_lowercase()))
        });
        order
    }

    /// Statements that no speaker could be found for.
    pub fn unattributed(&self) -> impl Iterator<Item = &Statement> {
        self.statements.iter().filter(|s| s.speaker.is_none())
    }
}

//! Non-interactive outputs: plain text (for reading aloud, piping,
//! printing), Markdown (to share) and JSON (for scripts). None ever writes
//! an escape sequence: every string in them was sanitised at load. Plain
//! and Markdown walk the same summary (`walk`); all of them list the
//! groups [`Corpus::groups`] gives.

mod json;
mod markdown;
mod plain;

use std::io::{self, Write};

pub use json::write_json;
pub use markdown::{escape_markdown, write_markdown};
pub use plain::write_plain;

use crate::corpus::{Corpus, Filter, Group, Statement};
use crate::notes::Note;
use crate::strings::{self, UNATTRIBUTED};

/// One piece of a summary, in the order plain and Markdown output write
/// them, so both lay out the same statements and notes the same way.
enum Piece<'c> {
    /// Nothing matched: said once, before anything else.
    NoStatements,
    /// A speaker's heading: its name and how many statements follow.
    Speaker(&'c str, usize),
    /// A statement under the last heading, with the helpline notes about
    /// the paragraphs it covers (a wrong number never travels without its
    /// correction).
    Statement(&'c Statement, Vec<&'c Note>),
    /// A helpline note about a paragraph no shown statement covers.
    NoteAlone(&'c Note),
}

/// Walks the (filtered) summary: each speaker with its statements and
/// their notes, then the notes no shown statement carried.
fn walk<'c>(corpus: &'c Corpus, filter: &Filter, mut write: impl FnMut(Piece<'c>) -> io::Result<()>) -> io::Result<()> {
    let groups = corpus.groups(filter);
    if groups.is_empty() {
        write(Piece::NoStatements)?;
    }
    let mut noted = vec![false; corpus.notes().len()];
    for listed in groups {
        write(Piece::Speaker(corpus.group_name(listed.group), listed.statements.len()))?;
        for statement in listed.statements.iter().map(|&i| &corpus.statements()[i]) {
            let mut notes = Vec::new();
            for (index, note) in notes_for(corpus, statement) {
                notes.push(note);
                noted[index] = true;
            }
            write(Piece::Statement(statement, notes))?;
        }
    }
    let shown_documents = corpus.shown_documents(filter);
    for (index, note) in corpus.notes().iter().enumerate() {
        if !noted[index] && shown_documents[note.document] {
            write(Piece::NoteAlone(note))?;
        }
    }
    Ok(())
}

/// A statement's words as they are written out: a direct quote in marks.
fn quoted(corpus: &Corpus, statement: &Statement) -> String {
    strings::quoted(statement.kind, &corpus.text(statement))
}

/// One line per speaker with its statement count, in display order.
pub fn write_speaker_list(out: &mut dyn Write, corpus: &Corpus, filter: &Filter) -> io::Result<()> {
    for listed in corpus.groups(filter) {
        let count = listed.statements.len();
        match listed.group {
            Group::Speaker(index) => {
                let speaker = &corpus.speakers()[index];
                writeln!(out, "{count:>4}  {} [{}] ({})", speaker.name, speaker.id, speaker.kind.as_str())?
            }
            Group::Unattributed => writeln!(out, "{count:>4}  {UNATTRIBUTED}")?,
        }
    }
    Ok(())
}

/// The helplines on one line, as the status bar shows them.
pub fn helpline_line(corpus: &Corpus) -> String {
    corpus.helplines().iter().map(|h| format!("{} {}", h.name, h.number)).collect::<Vec<_>>().join(" · ")
}

/// Helpline notes about paragraphs a statement covers, with their indices.
pub fn notes_for<'c>(corpus: &'c Corpus, statement: &Statement) -> impl Iterator<Item = (usize, &'c Note)> + use<'c> {
    let (first, last) = statement.paragraph_range();
    let document = statement.document;
    corpus
        .notes()
        .iter()
        .enumerate()
        .filter(move |(_, note)| note.document == document && (first - 1..last).contains(&note.paragraph))
}

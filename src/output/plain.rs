//! Plain text: statements grouped under each speaker's name, written to be
//! read aloud, then the helplines.

use std::io::{self, Write};

use super::{Piece, helpline_line, quoted, walk};
use crate::corpus::{Corpus, Filter};
use crate::strings::{self, UNATTRIBUTED, paragraph_label, statement_count};

/// Statements grouped under each speaker's name, then the helplines: one
/// statement per paragraph, prefixed with its speaker, so it reads well aloud.
pub fn write_plain(out: &mut dyn Write, corpus: &Corpus, filter: &Filter) -> io::Result<()> {
    writeln!(out, "Content note: {} Support: {}", corpus.content_note(), helpline_line(corpus))?;
    writeln!(out)?;
    let mut speaker = UNATTRIBUTED;
    walk(corpus, filter, |piece| {
        match piece {
            Piece::NoStatements => writeln!(out, "No statements were found.")?,
            Piece::Speaker(name, count) => {
                speaker = name;
                writeln!(out, "{name} ({})", statement_count(count))?;
            }
            Piece::Statement(statement, notes) => {
                // Read aloud, the speaker comes first and the words straight
                // after; the kind goes with the source in the brackets, read last.
                writeln!(
                    out,
                    "{speaker}: {} ({}, {}, {})",
                    quoted(corpus, statement),
                    corpus.documents()[statement.document].title,
                    paragraph_label(statement.paragraph_range()),
                    strings::kind_label(statement.kind).to_lowercase()
                )?;
                for note in notes {
                    writeln!(out, "Note: {}", note.message())?;
                }
            }
            Piece::NoteAlone(note) => {
                let doc = &corpus.documents()[note.document];
                writeln!(out, "Note: {} ({}, paragraph {})", note.message(), doc.title, note.paragraph + 1)?;
            }
        }
        writeln!(out)
    })?;
    write_helplines(out, corpus)
}

fn write_helplines(out: &mut dyn Write, corpus: &Corpus) -> io::Result<()> {
    writeln!(out, "Helplines")?;
    for helpline in corpus.helplines() {
        match &helpline.audience {
            Some(audience) => writeln!(out, "{}: {} ({audience})", helpline.name, helpline.number)?,
            None => writeln!(out, "{}: {}", helpline.name, helpline.number)?,
        }
    }
    Ok(())
}

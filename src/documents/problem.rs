//! File problems: why an input was skipped, or read in a different way than
//! it asked to be. They are values, not sentences, so the reader, `main` and
//! the tests ask what happened (`Problem::Empty`) instead of searching the
//! words; the words are written once, here, to follow the file's name
//! ("report.pdf: has no text layer (a scanned PDF?); skipped").
//!
//! No problem changes the exit code. Each one is named on standard error
//! (and under `w` in the reader) while everything else loads, and what could
//! be read is the answer the user asked for: a folder with one empty file in
//! it still prints its statements and exits 0, so `voices folder/ | less`
//! and scripts keep working. Exit code 1 stays for "nothing could be read at
//! all" (no documents) and for output that could not be written; 2 for
//! usage errors. (ripgrep makes the other choice, exit 2 after any error,
//! because a search that skipped a file may have missed a match; here the
//! skipped file is listed, with what happened to it, every time.)

use std::fmt;
use std::io;

use super::bounds as limits;
use super::formats::{HtmlError, PdfError};
use super::manifest::Refused;
use super::sanitize;

/// What went wrong with one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file has no bytes at all; skipped.
    Empty,
    /// A NUL byte near the start: not text; skipped.
    Binary,
    /// Not UTF-8: read as Windows-1252 (Latin-1) instead, so it still loads.
    NotUtf8,
    /// Reading a file or folder failed. The words follow `kind` (missing,
    /// not permitted); other kinds keep the system's own description.
    Io {
        /// What sort of failure it was.
        kind: io::ErrorKind,
        /// The system's description, made safe to show.
        detail: String,
    },
    /// Standard input could not be read; the system's description, made safe to show.
    Stdin(String),
    /// A folder's `corpus.toml` did not parse (the parser's message, with the
    /// line and column, made safe to show); it was ignored and the folder's
    /// documents still load.
    BadManifest(String),
    /// A manifest entry that was refused (a helpline number that is not a
    /// number); the rest of the manifest applies.
    Refused(Refused),
    /// Not a regular file (a FIFO, a socket, a device): skipped without
    /// being opened inside a folder, refused when named. Names the kind.
    NotAFile(&'static str),
    /// A pipe or device named on the command line sent nothing for
    /// [`super::bounds::STALL`]; skipped.
    Stalled(&'static str),
    /// Longer than [`super::bounds::MAX_INPUT_BYTES`]: only the start was read.
    Truncated,
    /// A manifest longer than [`super::bounds::MAX_MANIFEST_BYTES`]; ignored.
    ManifestTooLarge,
    /// A symbolic link inside a folder whose target is outside it; skipped,
    /// so a folder never pulls in files from elsewhere.
    OutsideFolder,
    /// A folder nested deeper than [`super::bounds::MAX_DEPTH`]; skipped.
    TooDeep,
    /// A folder reached again while walking (a symbolic link loop); skipped.
    Loop,
    /// Nothing but whitespace once decoded and converted; skipped.
    NoText,
    /// A PDF that gave no text.
    Pdf(PdfError),
    /// A web page that could not be read safely.
    Html(HtmlError),
}

impl Problem {
    /// A failed read of a file or folder, as [`Problem::Io`].
    pub fn io(err: &io::Error) -> Problem {
        let detail = sanitize::one_line_after("cannot be read (", &err.to_string());
        Problem::Io { kind: err.kind(), detail }
    }

    /// A failed read of standard input, as [`Problem::Stdin`].
    pub fn stdin(err: &io::Error) -> Problem {
        Problem::Stdin(sanitize::one_line_after("could not be read: ", &err.to_string()))
    }

    /// A manifest that did not parse, as [`Problem::BadManifest`].
    pub fn bad_manifest(err: &impl fmt::Display) -> Problem {
        Problem::BadManifest(sanitize::one_line_after(BAD_MANIFEST, &err.to_string()))
    }

    /// A PDF problem; the PDF reader's own words are made safe to show.
    pub fn pdf(err: PdfError) -> Problem {
        Problem::Pdf(match err {
            PdfError::Unreadable(detail) => PdfError::Unreadable(sanitize::one_line_after(PDF_UNREADABLE, &detail)),
            other => other,
        })
    }
}

/// The words before a manifest's parse error.
const BAD_MANIFEST: &str = "is not a valid manifest and was ignored: ";
/// The words before the PDF reader's message (see [`PdfError::Unreadable`]).
const PDF_UNREADABLE: &str = "could not be read as a PDF (";

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Empty => f.write_str("is empty; skipped"),
            Problem::Binary => f.write_str("looks like a binary file (it holds NUL bytes); skipped"),
            Problem::NotUtf8 => f.write_str("is not valid UTF-8; read as Windows-1252 (Latin-1)"),
            Problem::Io { kind: io::ErrorKind::NotFound, .. } => f.write_str("does not exist"),
            Problem::Io { kind: io::ErrorKind::PermissionDenied, .. } => {
                f.write_str("cannot be read (permission denied)")
            }
            Problem::Io { detail, .. } => write!(f, "cannot be read ({detail})"),
            Problem::Stdin(detail) => write!(f, "could not be read: {detail}"),
            Problem::BadManifest(detail) => write!(f, "{BAD_MANIFEST}{detail}"),
            Problem::Refused(refused) => refused.fmt(f),
            Problem::NotAFile(kind) => write!(f, "is {kind}, not a file; skipped"),
            Problem::Stalled(kind) => {
                write!(f, "is {kind} that sent nothing for {} seconds; skipped", limits::STALL.as_secs())
            }
            Problem::Truncated => {
                write!(
                    f,
                    "is larger than {MIB} MiB; only its first {MIB} MiB were read",
                    MIB = limits::MAX_INPUT_BYTES >> 20
                )
            }
            Problem::ManifestTooLarge => {
                write!(f, "is larger than {} MiB, too large for a manifest; ignored", limits::MAX_MANIFEST_BYTES >> 20)
            }
            Problem::OutsideFolder => f.write_str("is a link to a place outside the folder; skipped"),
            Problem::TooDeep => write!(f, "is nested more than {} folders deep; skipped", limits::MAX_DEPTH),
            Problem::Loop => f.write_str("was already read (a symbolic link loop?); skipped"),
            Problem::NoText => f.write_str("has no text; skipped"),
            Problem::Pdf(err) => err.fmt(f),
            Problem::Html(err) => err.fmt(f),
        }
    }
}

/// A problem with one input, and which input: what `main` prints after
/// "voices: " and the reader lists under `w`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    /// The file (or "stdin", or the manifest) the problem is about, made
    /// safe to show: a file name is as untrusted as the text.
    pub origin: String,
    /// What happened to it.
    pub problem: Problem,
}

impl FileProblem {
    /// The problem with `origin`, its name made safe to show on one line.
    pub fn new(origin: &str, problem: Problem) -> FileProblem {
        FileProblem { origin: sanitize::one_line(origin), problem }
    }
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.problem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words users see, pinned: scripts and people read these.
    #[test]
    fn every_problem_reads_as_it_always_has_after_the_file_name() {
        let missing = io::Error::from(io::ErrorKind::NotFound);
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        let other = io::Error::other("disk on fire");
        let cases = [
            (Problem::Empty, "is empty; skipped"),
            (Problem::Binary, "looks like a binary file (it holds NUL bytes); skipped"),
            (Problem::NotUtf8, "is not valid UTF-8; read as Windows-1252 (Latin-1)"),
            (Problem::io(&missing), "does not exist"),
            (Problem::io(&denied), "cannot be read (permission denied)"),
            (Problem::io(&other), "cannot be read (disk on fire)"),
            (Problem::stdin(&other), "could not be read: disk on fire"),
            (Problem::bad_manifest(&"line 1"), "is not a valid manifest and was ignored: line 1"),
            (Problem::Loop, "was already read (a symbolic link loop?); skipped"),
            (Problem::NoText, "has no text; skipped"),
            (Problem::pdf(PdfError::NoTextLayer), "has no text layer (a scanned PDF?); skipped"),
            (Problem::pdf(PdfError::Unreadable("bad xref".into())), "could not be read as a PDF (bad xref); skipped"),
        ];
        for (problem, words) in cases {
            assert_eq!(FileProblem::new("a.txt", problem).to_string(), format!("a.txt: {words}"));
        }
    }

    /// A file name or a parser's message may hold escapes and newlines; what
    /// is shown has neither, exactly as when the whole line was sanitised.
    #[test]
    fn names_and_messages_are_made_safe_on_one_line() {
        let hostile = "x\u{1b}]0;title\u{7}\n\ty\r";
        let problem = FileProblem::new(hostile, Problem::bad_manifest(&hostile));
        let shown = problem.to_string();
        assert!(sanitize::is_clean(&shown) && !shown.contains('\n'), "{shown:?}");
        let whole = sanitize::one_line(&format!("{BAD_MANIFEST}{hostile}"));
        assert_eq!(problem.problem.to_string(), whole);
        let unreadable = Problem::pdf(PdfError::Unreadable(hostile.into()));
        let whole = sanitize::one_line(&format!("{PDF_UNREADABLE}{hostile}); skipped"));
        assert_eq!(unreadable.to_string(), whole);
    }
}

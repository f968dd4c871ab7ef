//! Converters from the document formats people actually keep (Markdown
//! notes, saved news pages, PDF reports) to the plain paragraphs the rest of
//! voices reads.
//!
//! Each converter is a pure function from bytes or text to a [`Converted`]:
//! a title when the format marks one, and body paragraphs of one line each.
//! They do not sanitise: the loader sanitises each paragraph once, by the
//! same rules as a `.txt` file ([`super::Document::from_converted`]), so
//! every format reaches the extractor through the same door. None of them
//! panics on any input, and each works in one pass over its input (the PDF
//! parser's own cost aside).

pub mod html;
pub mod markdown;
pub mod pdf;
pub mod pdf_bounds;
pub mod pdf_error;
pub mod pdf_xobjects;

use std::path::Path;

pub use html::{HtmlError, html_to_paragraphs};
pub use markdown::markdown_to_paragraphs;
pub use pdf::{PdfError, pdf_to_paragraphs};

/// A document after conversion, before sanitising.
///
/// Kept as (title, paragraphs) rather than re-serialised text so that a title
/// the format marks explicitly (`# Title`, `<h1>`) is never second-guessed by
/// the plain-text headline heuristic, and a paragraph never merges with its
/// neighbour because of how it happened to be wrapped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Converted {
    /// The title the format marks, if any. `None` lets the loader apply the
    /// same headline rule it uses for plain text to the first paragraph.
    pub title: Option<String>,
    /// Body paragraphs in reading order, each a single line of text.
    pub paragraphs: Vec<String>,
}

impl Converted {
    /// Adds `text` as a paragraph if it holds anything but whitespace, so
    /// converters can flush buffers without checking them first.
    fn push(&mut self, text: &str) {
        let text = text.trim_matches(|c: char| c.is_whitespace());
        if !text.is_empty() {
            self.paragraphs.push(text.to_string());
        }
    }
}

/// How a file's bytes should be read, decided by its extension because
/// that is what the person saving the file chose and what a folder walk can
/// filter on without opening anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Plain text (also the answer for unknown extensions and stdin, so an
    /// explicitly named file is always given a chance).
    Text,
    /// CommonMark (`.md`, `.markdown`).
    Markdown,
    /// A saved web page (`.html`, `.htm`).
    Html,
    /// A PDF with a text layer (`.pdf`).
    Pdf,
}

impl Kind {
    /// The kind for a file name or path, by extension (any case).
    pub fn from_name(name: &str) -> Kind {
        let extension = Path::new(name).extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        match extension.as_str() {
            "md" | "markdown" => Kind::Markdown,
            "html" | "htm" => Kind::Html,
            "pdf" => Kind::Pdf,
            _ => Kind::Text,
        }
    }
}

/// Collapses runs of ASCII whitespace to one space and trims, as a browser
/// does for ordinary text; no-break spaces are kept because writers put them
/// there on purpose.
fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_ascii_whitespace() {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_follow_the_extension() {
        assert_eq!(Kind::from_name("a/b.MD"), Kind::Markdown);
        assert_eq!(Kind::from_name("x.markdown"), Kind::Markdown);
        assert_eq!(Kind::from_name("page.htm"), Kind::Html);
        assert_eq!(Kind::from_name("report.Pdf"), Kind::Pdf);
        assert_eq!(Kind::from_name("notes.txt"), Kind::Text);
        assert_eq!(Kind::from_name("Standard input"), Kind::Text);
    }

    #[test]
    fn whitespace_collapses_but_no_break_spaces_stay() {
        assert_eq!(collapse_whitespace("  a \n\t b\u{A0}c  "), "a b\u{A0}c");
    }
}

//! What the reader pane shows, before it is drawn: blocks of text with the
//! statements and search matches marked as byte ranges, and the same blocks
//! wrapped to a width. Wrapping is lazy (see [`Wrapped`]): a frame or a key
//! wraps only the blocks it looks at, however long the document is, and the
//! rows of the rest are counted in slices between keys.

mod find;
mod wrap;
mod wrapped;

pub use find::Finder;
pub use wrap::wrap;
pub use wrapped::{Line, Pos, Wrapped, wrap_all};

use crate::corpus::Filter;
use crate::corpus::{Corpus, Group};
use crate::strings;

/// How a block is styled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A document's title.
    Title,
    /// Source and date, or a count line.
    Meta,
    /// The line above each statement in a speaker view.
    Heading,
    /// Body text.
    Text,
}

/// A statement's piece inside one block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// Byte offset of the piece in the block's text.
    pub start: usize,
    /// Byte offset one past the piece.
    pub end: usize,
    /// Index into [`Corpus::statements`].
    pub statement: usize,
    /// True on the statement's first piece, where the gutter names the speaker.
    pub first: bool,
}

/// One paragraph-like unit: wrapped on its own, separated by a blank line
/// from the next unless `tight`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// How it is styled.
    pub kind: BlockKind,
    /// Its text, sanitised, on one line.
    pub text: String,
    /// Sorted by start.
    pub marks: Vec<Mark>,
    /// The 0-based paragraph of the document this block shows, if any.
    pub paragraph: Option<usize>,
    /// No blank line after this block.
    pub tight: bool,
}

/// Everything the reader shows for one view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Content {
    /// In reading order.
    pub blocks: Vec<Block>,
    /// Statement indexes in reading order (first appearance).
    pub statements: Vec<usize>,
    /// Where each of `statements` starts (block, byte), so finding a
    /// statement does not scan a long document.
    pub starts: Vec<Option<(usize, usize)>>,
}

impl Content {
    /// A document: title, source and date, then every paragraph, with the
    /// statements the filter keeps marked.
    pub fn document(corpus: &Corpus, filter: &Filter, document: usize) -> Content {
        let doc = &corpus.documents()[document];
        let mut blocks = vec![Block::plain(BlockKind::Title, doc.title.clone(), true)];
        blocks.push(Block::plain(BlockKind::Meta, meta_line(doc), false));
        // Paragraph index → block index; a helpline note follows its paragraph.
        let mut paragraph_block = Vec::with_capacity(doc.paragraphs.len());
        // This document's notes, in paragraph order, taken once: a long
        // document has thousands of paragraphs and a corpus many notes.
        let mut notes: Vec<_> = corpus.notes().iter().filter(|n| n.document == document).collect();
        notes.sort_by_key(|n| n.paragraph);
        let mut notes = notes.into_iter().peekable();
        for (index, paragraph) in doc.paragraphs.iter().enumerate() {
            paragraph_block.push(blocks.len());
            blocks.push(Block {
                kind: BlockKind::Text,
                text: paragraph.clone(),
                marks: Vec::new(),
                paragraph: Some(index),
                tight: false,
            });
            while let Some(note) = notes.next_if(|n| n.paragraph == index) {
                blocks.push(Block::plain(BlockKind::Heading, strings::note(&note.message()), false));
            }
        }
        let mut statements = Vec::new();
        let mut starts = Vec::new();
        for index in corpus.statements_in(document) {
            let statement = &corpus.statements()[index];
            if !filter.keeps(statement.group()) {
                continue;
            }
            statements.push(index);
            let mut first = None;
            for (n, span) in statement.spans.iter().enumerate() {
                let Some(&at) = paragraph_block.get(span.paragraph) else { continue };
                let block = &mut blocks[at];
                let end = span.end.min(block.text.len());
                let start = span.start.min(end);
                if block.text.is_char_boundary(start) && block.text.is_char_boundary(end) {
                    block.marks.push(Mark { start, end, statement: index, first: n == 0 });
                    if n == 0 {
                        first = Some((at, start));
                    }
                }
            }
            starts.push(first);
        }
        for block in &mut blocks {
            block.marks.sort_by_key(|m| (m.start, m.end));
        }
        Content { blocks, statements, starts }
    }

    /// A speaker (or the unattributed group): a count line, then every
    /// statement as a heading (kind, document, paragraph) and its text.
    pub fn group(corpus: &Corpus, group: Group) -> Content {
        let name = corpus.group_name(group);
        let chosen: Vec<usize> = corpus.statements_by(group).to_vec();
        let mut blocks = vec![
            Block::plain(BlockKind::Title, name.to_string(), true),
            Block::plain(BlockKind::Meta, strings::statement_count(outermost(corpus, &chosen)), false),
        ];
        let mut starts = Vec::new();
        for &index in &chosen {
            let statement = &corpus.statements()[index];
            let doc = &corpus.documents()[statement.document];
            let heading = format!(
                "{} · {} · {}",
                strings::kind_label(statement.kind),
                doc.title,
                strings::paragraph_label(statement.paragraph_range())
            );
            blocks.push(Block::plain(BlockKind::Heading, heading, true));
            let text = strings::quoted(statement.kind, &corpus.text(statement));
            let end = text.len();
            starts.push(Some((blocks.len(), 0)));
            blocks.push(Block {
                kind: BlockKind::Text,
                text,
                marks: vec![Mark { start: 0, end, statement: index, first: true }],
                paragraph: None,
                tight: false,
            });
            let (first, last) = (statement.spans.first(), statement.spans.last());
            if let (Some(first), Some(last)) = (first, last) {
                for note in corpus.notes().iter().filter(|n| {
                    n.document == statement.document && (first.paragraph..=last.paragraph).contains(&n.paragraph)
                }) {
                    blocks.push(Block::plain(BlockKind::Heading, strings::note(&note.message()), false));
                }
            }
        }
        Content { blocks, statements: chosen, starts }
    }

    /// A calm placeholder when there is nothing to show.
    pub fn message(text: &str) -> Content {
        Content {
            blocks: vec![Block::plain(BlockKind::Meta, text.to_string(), false)],
            statements: Vec::new(),
            starts: Vec::new(),
        }
    }

    /// Every case-insensitive occurrence of `query`, in reading order.
    pub fn find(&self, query: &str) -> Vec<Match> {
        Finder::new(query).map_or_else(Vec::new, |finder| self.find_with(&finder))
    }

    /// Every match of `finder`, in reading order.
    pub fn find_with(&self, finder: &Finder) -> Vec<Match> {
        let mut found = Vec::new();
        for (index, block) in self.blocks.iter().enumerate() {
            for (start, end) in finder.find_iter(&block.text) {
                found.push(Match { block: index, start, end });
            }
        }
        found
    }

    /// How many matches of `finder` a document's view has, counted over
    /// the same texts [`Content::document`] shows (title, source line,
    /// paragraphs, notes) without building it: the search of every
    /// document counts with this, so its counts agree with the open view's.
    pub fn count_in_document(corpus: &Corpus, document: usize, finder: &Finder) -> usize {
        let doc = &corpus.documents()[document];
        let notes = corpus.notes().iter().filter(|n| n.document == document);
        finder.count(&doc.title)
            + finder.count(&meta_line(doc))
            + doc.paragraphs.iter().map(|p| finder.count(p)).sum::<usize>()
            + notes.map(|note| finder.count(&strings::note(&note.message()))).sum::<usize>()
    }
}

/// A document's line under its title: source and date, else its file name.
/// Never the full path: on a shared computer it names folders and users
/// (the list of files with problems, `w`, keeps it).
fn meta_line(doc: &crate::documents::Document) -> String {
    let meta: Vec<&str> = [doc.source.as_deref(), doc.date.as_deref()].into_iter().flatten().collect();
    if meta.is_empty() { file_name(&doc.origin).to_string() } else { meta.join(" · ") }
}

/// How many of `chosen` are not inside another of them: a sentence and the
/// quote inside it are one statement to a reader.
fn outermost(corpus: &Corpus, chosen: &[usize]) -> usize {
    let statements = corpus.statements();
    let inside = |inner: usize, outer: usize| {
        let (a, b) = (&statements[inner], &statements[outer]);
        a.spans
            .iter()
            .all(|s| b.spans.iter().any(|o| o.paragraph == s.paragraph && o.start <= s.start && s.end <= o.end))
    };
    // Statements are in corpus order, so a document's are side by side:
    // each is compared with its own document's only.
    chosen
        .chunk_by(|&a, &b| statements[a].document == statements[b].document)
        .map(|same| {
            // Of two with the same spans, the first counts.
            let nested = |i: usize| same.iter().any(|&j| j != i && inside(i, j) && (!inside(j, i) || j < i));
            same.iter().filter(|&&i| !nested(i)).count()
        })
        .sum()
}

/// The last part of a document's origin: its file name ("x.txt" of
/// "/home/…/articles/x.txt"), or the origin itself ("stdin").
pub fn file_name(origin: &str) -> &str {
    origin.rsplit(['/', '\\']).find(|part| !part.is_empty()).unwrap_or(origin)
}

impl Block {
    fn plain(kind: BlockKind, text: String, tight: bool) -> Block {
        Block { kind, text, marks: Vec::new(), paragraph: None, tight }
    }
}

/// A search hit: a byte range inside one block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Match {
    /// Index into [`Content::blocks`].
    pub block: usize,
    /// Byte offset of the hit in the block's text.
    pub start: usize,
    /// Byte offset one past the hit.
    pub end: usize,
}

/// Byte ranges of every non-overlapping case-insensitive occurrence (see
/// [`Finder`]: quote marks of either shape match).
pub fn find_all(haystack: &str, needle: &str) -> Vec<(usize, usize)> {
    Finder::new(needle).map(|finder| finder.find_iter(haystack).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_without_a_source_is_named_by_its_file_name_not_its_path() {
        assert_eq!(file_name("/home/sam/articles/x.txt"), "x.txt");
        assert_eq!(file_name("C:\\Users\\sam\\x.txt"), "x.txt");
        assert_eq!(file_name("stdin"), "stdin");
        assert_eq!(file_name("articles/"), "articles");
        let corpus = crate::fixture::changed(crate::fixture::seed(), |parts| {
            let doc = &mut parts.documents[0];
            (doc.source, doc.date, doc.origin) = (None, None, "/home/sam/private/articles/x.txt".into());
        });
        let content = Content::document(&corpus, &Filter::default(), 0);
        assert_eq!(content.blocks[1].text, "x.txt");
        assert!(content.blocks.iter().all(|b| !b.text.contains("/home/sam")));
    }

    #[test]
    fn search_ignores_case_and_finds_every_hit() {
        assert_eq!(find_all("NSPCC said the nspcc", "nspcc"), vec![(0, 5), (15, 20)]);
        assert_eq!(find_all("Café café", "CAFÉ"), vec![(0, 5), (6, 11)]);
        assert_eq!(find_all("aaa", "aa"), vec![(0, 2)]);
        assert!(find_all("abc", "abcd").is_empty());
    }
}

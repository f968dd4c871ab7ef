//! What the reader pane shows, before it is drawn: blocks of text with the
//! statements and search matches marked as byte ranges, and the same blocks
//! wrapped to a width. Wrapping is done once per width and kept, so a frame
//! only looks at the lines it draws, however long the document is.

use unicode_width::UnicodeWidthStr;

use crate::index::Corpus;
use crate::speakers::Filter;
use crate::ui::strings;

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
    pub start: usize,
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
    pub kind: BlockKind,
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
        let doc = &corpus.documents[document];
        let mut blocks = vec![Block::plain(BlockKind::Title, doc.title.clone(), true)];
        let meta: Vec<&str> = [doc.source.as_deref(), doc.date.as_deref()].into_iter().flatten().collect();
        let meta = if meta.is_empty() { doc.origin.clone() } else { meta.join(" · ") };
        blocks.push(Block::plain(BlockKind::Meta, meta, false));
        // Paragraph index → block index; a helpline note follows its paragraph.
        let mut paragraph_block = Vec::with_capacity(doc.paragraphs.len());
        for (index, paragraph) in doc.paragraphs.iter().enumerate() {
            paragraph_block.push(blocks.len());
            blocks.push(Block {
                kind: BlockKind::Text,
                text: paragraph.clone(),
                marks: Vec::new(),
                paragraph: Some(index),
                tight: false,
            });
            for note in corpus.notes.iter().filter(|n| n.document == document && n.paragraph == index) {
                blocks.push(Block::plain(BlockKind::Heading, strings::note(&note.message()), false));
            }
        }
        let mut statements = Vec::new();
        let mut starts = Vec::new();
        for (index, statement) in corpus.statements.iter().enumerate() {
            if statement.document != document || !filter.keeps(statement.speaker) {
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
    pub fn speaker(corpus: &Corpus, speaker: Option<usize>) -> Content {
        let name = speaker.map_or(strings::UNATTRIBUTED, |i| corpus.speakers[i].name.as_str());
        let chosen: Vec<usize> =
            (0..corpus.statements.len()).filter(|&i| corpus.statements[i].speaker == speaker).collect();
        let mut blocks = vec![
            Block::plain(BlockKind::Title, name.to_string(), true),
            Block::plain(BlockKind::Meta, strings::statement_count(chosen.len()), false),
        ];
        let mut starts = Vec::new();
        for &index in &chosen {
            let statement = &corpus.statements[index];
            let doc = &corpus.documents[statement.document];
            let heading = format!(
                "{} · {} · {}",
                strings::kind_label(statement.kind),
                doc.title,
                crate::output::paragraph_label(statement)
            );
            blocks.push(Block::plain(BlockKind::Heading, heading, true));
            let text = match statement.kind {
                crate::extract::StatementKind::Direct => format!("“{}”", corpus.text(statement)),
                crate::extract::StatementKind::Reported => corpus.text(statement).into_owned(),
            };
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
                for note in corpus.notes.iter().filter(|n| {
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
        let mut found = Vec::new();
        if query.is_empty() {
            return found;
        }
        for (index, block) in self.blocks.iter().enumerate() {
            for (start, end) in find_all(&block.text, query) {
                found.push(Match { block: index, start, end });
            }
        }
        found
    }
}

impl Block {
    fn plain(kind: BlockKind, text: String, tight: bool) -> Block {
        Block { kind, text, marks: Vec::new(), paragraph: None, tight }
    }
}

/// A search hit: a byte range inside one block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Match {
    pub block: usize,
    pub start: usize,
    pub end: usize,
}

/// Byte ranges of every non-overlapping case-insensitive occurrence.
pub fn find_all(haystack: &str, needle: &str) -> Vec<(usize, usize)> {
    let needle: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
    let mut found = Vec::new();
    if needle.is_empty() {
        return found;
    }
    let mut from = 0;
    'outer: while from < haystack.len() {
        let mut wanted = needle.iter();
        let mut end = from;
        let mut pending = wanted.clone().count();
        for (offset, c) in haystack[from..].char_indices() {
            for lower in c.to_lowercase() {
                if wanted.next() != Some(&lower) {
                    from += haystack[from..].chars().next().map_or(1, char::len_utf8);
                    continue 'outer;
                }
                pending -= 1;
            }
            end = from + offset + c.len_utf8();
            if pending == 0 {
                found.push((from, end));
                from = end;
                continue 'outer;
            }
        }
        let _ = end;
        break;
    }
    found
}

/// One screen line: a byte range of a block, or the blank line between blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// `usize::MAX` for a blank separator line.
    pub block: usize,
    pub start: usize,
    pub end: usize,
}

impl Line {
    /// Whether this is a blank line between blocks.
    pub fn is_blank(&self) -> bool {
        self.block == usize::MAX
    }
}

/// Content wrapped to one width; rebuilt only when the width or content changes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wrapped {
    /// The text width the lines were wrapped to.
    pub width: usize,
    /// Every screen line of the content, in order.
    pub lines: Vec<Line>,
}

impl Wrapped {
    /// Wraps every block to `width` columns (at least 1).
    pub fn new(content: &Content, width: usize) -> Wrapped {
        let width = width.max(1);
        let mut lines = Vec::new();
        for (index, block) in content.blocks.iter().enumerate() {
            for (start, end) in wrap(&block.text, width) {
                lines.push(Line { block: index, start, end });
            }
            if !block.tight && index + 1 < content.blocks.len() {
                lines.push(Line { block: usize::MAX, start: 0, end: 0 });
            }
        }
        Wrapped { width, lines }
    }

    /// The line holding byte `offset` of `block` (or the nearest before it):
    /// how a reading position survives a re-wrap.
    pub fn line_of(&self, block: usize, offset: usize) -> usize {
        // A blank line sorts just after the block before it, so the keys are monotone.
        let keys = |line: &Line, previous: usize| {
            if line.is_blank() { (previous, usize::MAX) } else { (line.block, line.start) }
        };
        let position = {
            let (mut low, mut high) = (0, self.lines.len());
            while low < high {
                let mid = (low + high) / 2;
                let previous = if mid > 0 { self.lines[mid - 1].block } else { 0 };
                if keys(&self.lines[mid], previous) <= (block, offset) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            low
        };
        let mut found = position.saturating_sub(1);
        while found > 0 && self.lines[found].is_blank() {
            found -= 1;
        }
        found
    }

    /// The block and byte offset at the top of line `index`, to re-find it
    /// after a re-wrap.
    pub fn anchor(&self, index: usize) -> Option<(usize, usize)> {
        let mut index = index.min(self.lines.len().checked_sub(1)?);
        while index > 0 && self.lines[index].is_blank() {
            index -= 1;
        }
        let line = self.lines[index];
        (!line.is_blank()).then_some((line.block, line.start))
    }
}

/// Greedy word wrap: byte ranges of `text`, each at most `width` columns
/// wide, breaking at spaces, and inside a word only when a word is longer
/// than a line. Spaces at a break are dropped. Empty text is one empty line.
///
/// Widths are counted per grapheme cluster, as ratatui draws them: a
/// character with a variation selector (`❤️`) or a combining mark is
/// measured, and never split, as one unit.
pub fn wrap(text: &str, width: usize) -> Vec<(usize, usize)> {
    use unicode_segmentation::UnicodeSegmentation;
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    let mut used = 0;
    let mut last_space: Option<usize> = None;
    for (i, g) in text.grapheme_indices(true) {
        if g == " " {
            if i == start {
                start = i + 1;
                continue;
            }
            last_space = Some(i);
            used += 1;
            continue;
        }
        let w = g.width();
        if used + w > width {
            match last_space {
                Some(space) if space > start => {
                    lines.push((start, trim_end(text, start, space)));
                    start = space + 1;
                    while text[start..].starts_with(' ') && start < i {
                        start += 1;
                    }
                }
                _ => {
                    if i > start {
                        lines.push((start, i));
                    }
                    start = i;
                }
            }
            last_space = None;
            used = text[start..i].graphemes(true).map(UnicodeWidthStr::width).sum();
        }
        used += w;
    }
    if start < text.len() || lines.is_empty() {
        lines.push((start.min(text.len()), trim_end(text, start.min(text.len()), text.len())));
    }
    lines
}

fn trim_end(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end_matches(' ').len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|(a, b)| &text[a..b]).collect()
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(lines("the quick brown fox", 10), vec!["the quick", "brown fox"]);
        assert_eq!(lines("the quick brown fox", 9), vec!["the quick", "brown fox"]);
        assert_eq!(lines("the quick brown fox", 100), vec!["the quick brown fox"]);
    }

    #[test]
    fn breaks_words_longer_than_a_line() {
        assert_eq!(lines("abcdefghij kl", 4), vec!["abcd", "efgh", "ij", "kl"]);
    }

    #[test]
    fn empty_text_is_one_line_and_width_zero_is_safe() {
        assert_eq!(wrap("", 10), vec![(0, 0)]);
        assert_eq!(lines("ab", 0), vec!["a", "b"]);
    }

    #[test]
    fn an_emoji_with_a_variation_selector_counts_as_drawn() {
        // "❤️" is two columns on screen, though its first character alone is one.
        assert_eq!(lines("❤\u{fe0f}s", 2), vec!["❤\u{fe0f}", "s"]);
        assert_eq!(lines("e\u{301}e\u{301}", 1), vec!["e\u{301}", "e\u{301}"]);
    }

    #[test]
    fn wide_characters_count_double() {
        assert_eq!(lines("日本語の文", 4), vec!["日本", "語の", "文"]);
    }

    #[test]
    fn every_line_fits_and_no_word_is_lost() {
        let text = "It is clear that some vulnerable young victims of child sexual exploitation have been let down";
        for width in 1..40 {
            let parts = lines(text, width);
            assert!(parts.iter().all(|l| l.width() <= width), "{width}: {parts:?}");
            assert_eq!(parts.concat().replace(' ', ""), text.replace(' ', ""));
        }
    }

    #[test]
    fn search_ignores_case_and_finds_every_hit() {
        assert_eq!(find_all("NSPCC said the nspcc", "nspcc"), vec![(0, 5), (15, 20)]);
        assert_eq!(find_all("Café café", "CAFÉ"), vec![(0, 5), (6, 11)]);
        assert_eq!(find_all("aaa", "aa"), vec![(0, 2)]);
        assert!(find_all("abc", "abcd").is_empty());
    }

    #[test]
    fn a_position_survives_a_rewrap() {
        let content = Content {
            blocks: (0..20)
                .map(|i| Block::plain(BlockKind::Text, format!("paragraph {i} with a few more words in it"), false))
                .collect(),
            statements: Vec::new(),
            starts: Vec::new(),
        };
        let wide = Wrapped::new(&content, 40);
        let narrow = Wrapped::new(&content, 12);
        let (block, offset) = wide.anchor(20).unwrap();
        let line = narrow.line_of(block, offset);
        assert_eq!(narrow.lines[line].block, block);
        assert!(narrow.lines[line].start <= offset);
    }
}

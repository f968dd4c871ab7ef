//! Content wrapped to a width, lazily: the reading position as a block and
//! a row, and row counts measured in slices between keys; and the whole
//! content wrapped at once, the reference the lazy wrap is checked against.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::Content;
use super::wrap::wrap;

/// One screen line: a byte range of a block, or the blank line between blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// `usize::MAX` for a blank separator line.
    pub block: usize,
    /// Byte offset of the line in its block's text.
    pub start: usize,
    /// Byte offset one past the line.
    pub end: usize,
}

impl Line {
    /// The blank line between two blocks.
    pub const BLANK: Line = Line { block: usize::MAX, start: 0, end: 0 };

    /// Whether this is a blank line between blocks.
    pub fn is_blank(&self) -> bool {
        self.block == usize::MAX
    }
}

/// A place in wrapped content: a block and a row inside it. A block's rows
/// are its wrapped lines, then one blank row unless the block is tight or
/// the last. Positions order as the rows do.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// Index into the content's blocks.
    pub block: usize,
    /// Row within the block: its wrapped lines, then its blank row.
    pub row: usize,
}

impl Pos {
    /// The first row.
    pub const TOP: Pos = Pos { block: 0, row: 0 };
}

/// One block's wrapped lines, as byte ranges of its text.
type BlockLines = Rc<[(usize, usize)]>;

/// Blocks whose wrapped lines are kept at once; one more and the cache
/// starts over (a frame needs a few dozen).
const CACHED_BLOCKS: usize = 512;
/// Content with at most this much text is measured as soon as it is
/// wrapped (well under a millisecond), so short documents are always exact.
const MEASURE_AT_ONCE: usize = 64 * 1024;
/// How much text is measured between two looks at the clock.
const MEASURE_CHECK_BYTES: usize = 16 * 1024;

/// Content wrapped to one width, lazily.
///
/// Wrapping a 10 MB document takes a quarter of a second, and the reader
/// must keep answering keys while a resize re-wraps it, so nothing here
/// wraps the whole content at once:
///
/// - A block is wrapped when a frame or a move needs it, and its lines are
///   kept while it is near the viewport (a small cache); its row count is
///   kept for good. A frame wraps only the blocks it shows.
/// - The reading position is a [`Pos`] (block, row in block), never a row
///   number, so moving a page, jumping to a match or a statement and `G`
///   (walked back from the last block) are exact without knowing how many
///   rows come before; a resize re-finds the same byte of the same block.
/// - Row numbers (the scroll percentage, the scrollbar) need every block
///   above: [`Wrapped::measure`] counts rows block by block in bounded
///   slices that the event loop runs between looks at the input, keeping a
///   prefix sum. Until it is done, positions past the measured part are
///   estimated from their byte offset and said to be estimates.
///
/// Content short enough (`MEASURE_AT_ONCE`, 64 KiB) is measured when wrapped.
/// The caches use interior mutability so that drawing (which has `&App`)
/// can wrap what it shows.
#[derive(Debug, Clone)]
pub struct Wrapped {
    /// The text width the lines are wrapped to; 0 before the first wrap.
    pub width: usize,
    /// How many blocks the content has.
    blocks: usize,
    /// Rows of each block once known; 0 until then (a block has at least one).
    rows: RefCell<Vec<usize>>,
    /// The first row of each of the blocks `0..=measured`: the measured
    /// prefix, one longer than the number of blocks measured.
    starts: Vec<usize>,
    /// Bytes of text before each block (and in all, at the end), for estimates.
    bytes: Vec<usize>,
    /// Wrapped lines (byte ranges) of blocks shown lately.
    cache: RefCell<HashMap<usize, BlockLines>>,
}

impl Default for Wrapped {
    /// Nothing wrapped yet: no blocks, all of them (none) measured, so
    /// nothing asks to be counted and no estimate divides by the width.
    fn default() -> Wrapped {
        Wrapped {
            width: 0,
            blocks: 0,
            rows: RefCell::default(),
            starts: vec![0],
            bytes: vec![0],
            cache: RefCell::default(),
        }
    }
}

impl Wrapped {
    /// Content to be wrapped to `width` columns (at least 1). Nothing is
    /// wrapped yet unless the content is short.
    pub fn new(content: &Content, width: usize) -> Wrapped {
        Wrapped::measuring_up_to(content, width, MEASURE_AT_ONCE)
    }

    /// [`Wrapped::new`], measuring at once only content of at most
    /// `at_once` bytes (tests use 0 to keep short content lazy).
    fn measuring_up_to(content: &Content, width: usize, at_once: usize) -> Wrapped {
        let mut bytes = Vec::with_capacity(content.blocks.len() + 1);
        let mut total = 0;
        bytes.push(0);
        for block in &content.blocks {
            total += block.text.len();
            bytes.push(total);
        }
        let mut wrapped = Wrapped {
            width: width.max(1),
            blocks: content.blocks.len(),
            rows: RefCell::new(vec![0; content.blocks.len()]),
            starts: vec![0],
            bytes,
            cache: RefCell::default(),
        };
        if total <= at_once {
            wrapped.measure(content, None);
        }
        wrapped
    }

    /// Content wrapped and measured to the end at once.
    pub fn full(content: &Content, width: usize) -> Wrapped {
        let mut wrapped = Wrapped::new(content, width);
        wrapped.measure(content, None);
        wrapped
    }

    /// Whether this was made for `content` (at some width).
    pub fn is_for(&self, content: &Content) -> bool {
        self.width > 0 && self.blocks == content.blocks.len()
    }

    /// Whether every block's rows are counted, so row numbers are exact.
    pub fn is_measured(&self) -> bool {
        self.starts.len() > self.blocks
    }

    /// Counts the rows of the blocks after the measured part, in order,
    /// until all are counted or `budget` has passed (checked every
    /// `MEASURE_CHECK_BYTES` of text). Returns whether all are counted.
    pub fn measure(&mut self, content: &Content, budget: Option<std::time::Duration>) -> bool {
        let began = std::time::Instant::now();
        let mut since_check = 0;
        while self.starts.len() <= self.blocks {
            let block = self.starts.len() - 1;
            let rows = self.rows_of(content, block);
            let first = self.starts.last().copied().unwrap_or(0);
            self.starts.push(first + rows);
            since_check += content.blocks[block].text.len() + 64;
            if since_check >= MEASURE_CHECK_BYTES {
                since_check = 0;
                if budget.is_some_and(|budget| began.elapsed() >= budget) {
                    break;
                }
            }
        }
        self.is_measured()
    }

    fn has_blank(&self, content: &Content, block: usize) -> bool {
        !content.blocks[block].tight && block + 1 < content.blocks.len()
    }

    /// Rows of `block`: its lines and its blank row. Wraps it if not yet known.
    pub fn rows_of(&self, content: &Content, block: usize) -> usize {
        let known = self.rows.borrow().get(block).copied().unwrap_or(1);
        if known > 0 {
            return known;
        }
        let lines = match self.cache.borrow().get(&block) {
            Some(lines) => lines.len(),
            None => wrap(&content.blocks[block].text, self.width).len(),
        };
        let rows = lines + usize::from(self.has_blank(content, block));
        self.rows.borrow_mut()[block] = rows;
        rows
    }

    /// The wrapped lines (byte ranges) of `block`, kept for the next frame.
    pub fn block_lines(&self, content: &Content, block: usize) -> BlockLines {
        if let Some(lines) = self.cache.borrow().get(&block) {
            return Rc::clone(lines);
        }
        let lines: BlockLines = wrap(&content.blocks[block].text, self.width).into();
        if let Some(rows) = self.rows.borrow_mut().get_mut(block) {
            *rows = lines.len() + usize::from(self.has_blank(content, block));
        }
        let mut cache = self.cache.borrow_mut();
        if cache.len() >= CACHED_BLOCKS {
            cache.clear();
        }
        cache.insert(block, Rc::clone(&lines));
        lines
    }

    /// Up to `count` screen lines from `pos` on.
    pub fn lines_from(&self, content: &Content, pos: Pos, count: usize) -> Vec<Line> {
        let mut out = Vec::with_capacity(count.min(1024));
        let mut pos = pos;
        while out.len() < count && pos.block < self.blocks {
            let lines = self.block_lines(content, pos.block);
            for &(start, end) in lines.iter().skip(pos.row).take(count - out.len()) {
                out.push(Line { block: pos.block, start, end });
            }
            if out.len() < count && pos.row <= lines.len() && self.has_blank(content, pos.block) {
                out.push(Line::BLANK);
            }
            pos = Pos { block: pos.block + 1, row: 0 };
        }
        out
    }

    /// Every line of the content, in order (for tests and benchmarks: this
    /// wraps everything).
    pub fn all_lines(&self, content: &Content) -> Vec<Line> {
        self.lines_from(content, Pos::TOP, usize::MAX)
    }

    /// The last row of the content.
    pub fn last(&self, content: &Content) -> Pos {
        match self.blocks.checked_sub(1) {
            Some(block) => Pos { block, row: self.rows_of(content, block).saturating_sub(1) },
            None => Pos::TOP,
        }
    }

    /// `count` rows below `pos`, stopping at `limit`; and how many rows
    /// that moved. Wraps only the blocks walked over.
    pub fn forward(&self, content: &Content, pos: Pos, count: usize, limit: Pos) -> (Pos, usize) {
        let mut pos = pos;
        let mut moved = 0;
        while moved < count && pos < limit {
            let wanted = count - moved;
            if pos.block == limit.block {
                let step = (limit.row - pos.row).min(wanted);
                pos.row += step;
                moved += step;
                break;
            }
            let left = self.rows_of(content, pos.block).saturating_sub(pos.row).max(1);
            if wanted < left {
                pos.row += wanted;
                moved = count;
                break;
            }
            moved += left;
            pos = Pos { block: pos.block + 1, row: 0 };
        }
        (pos, moved)
    }

    /// `count` rows above `pos`, stopping at the top. Wraps only the blocks
    /// walked over.
    pub fn back(&self, content: &Content, pos: Pos, count: usize) -> Pos {
        let mut pos = pos;
        let mut left = count;
        loop {
            if left <= pos.row {
                pos.row -= left;
                return pos;
            }
            if pos.block == 0 {
                return Pos::TOP;
            }
            left -= pos.row + 1;
            let block = pos.block - 1;
            pos = Pos { block, row: self.rows_of(content, block) - 1 };
        }
    }

    /// The top row that shows the last row at the bottom of `height` rows:
    /// the furthest the reader scrolls.
    pub fn end(&self, content: &Content, height: usize) -> Pos {
        self.back(content, self.last(content), height.saturating_sub(1))
    }

    /// How many rows `to` is below `from`, if it is not above it and at most
    /// `limit` rows away (only the blocks in between are looked at).
    pub fn distance(&self, content: &Content, from: Pos, to: Pos, limit: usize) -> Option<usize> {
        if to < from {
            return None;
        }
        let mut rows = 0;
        let mut pos = from;
        while pos.block < to.block {
            rows += self.rows_of(content, pos.block).saturating_sub(pos.row);
            if rows > limit {
                return None;
            }
            pos = Pos { block: pos.block + 1, row: 0 };
        }
        rows += to.row - pos.row;
        (rows <= limit).then_some(rows)
    }

    /// The row holding byte `offset` of `block` (its first row for an
    /// offset before its text starts): how a reading position, a search
    /// match or a statement is found after a re-wrap.
    pub fn pos_of(&self, content: &Content, block: usize, offset: usize) -> Pos {
        if block >= self.blocks {
            return self.last(content);
        }
        let lines = self.block_lines(content, block);
        let row = lines.partition_point(|&(start, _)| start <= offset).saturating_sub(1);
        Pos { block, row }
    }

    /// The block and byte offset at the start of the row at `pos` (for a
    /// blank row, of the line above it), to re-find it after a re-wrap.
    pub fn anchor(&self, content: &Content, pos: Pos) -> Option<(usize, usize)> {
        if pos.block >= self.blocks {
            return None;
        }
        let lines = self.block_lines(content, pos.block);
        let row = pos.row.min(lines.len().checked_sub(1)?);
        Some((pos.block, lines[row].0))
    }

    /// Where the row at `pos` starts in the text, as (block, byte): 0 for a
    /// block's first row, `usize::MAX` for its blank row. Anything whose
    /// (block, byte) is at least this is on that row or below it, so
    /// matches and statements can be compared with the viewport without
    /// wrapping their blocks.
    pub fn key(&self, content: &Content, pos: Pos) -> (usize, usize) {
        if pos.row == 0 || pos.block >= self.blocks {
            return (pos.block, 0);
        }
        match self.block_lines(content, pos.block).get(pos.row) {
            Some(&(start, _)) => (pos.block, start),
            None => (pos.block, usize::MAX),
        }
    }

    /// The row number of `pos` from the top, and whether it is exact: it is
    /// in the measured part; past it, the rows are estimated from the
    /// bytes, at the rate of the measured part.
    pub fn row_number(&self, pos: Pos) -> (usize, bool) {
        let measured = self.starts.len().saturating_sub(1);
        if let Some(&start) = self.starts.get(pos.block) {
            return (start + pos.row, true);
        }
        let first = self.starts.last().copied().unwrap_or(0);
        let byte = |block: usize| self.bytes.get(block.min(self.blocks)).copied().unwrap_or(0);
        let (done, ahead) = (byte(measured), byte(pos.block) - byte(measured));
        // Nothing measured yet: a full line per `width` bytes and a blank
        // row per block; else the measured part's rows per byte.
        let estimate =
            (ahead * first).checked_div(done).unwrap_or_else(|| ahead / self.width.max(1) + 2 * (pos.block - measured));
        (first + estimate + pos.row, false)
    }

    /// How many rows the content has, and whether that is exact.
    pub fn total_rows(&self) -> (usize, bool) {
        self.row_number(Pos { block: self.blocks, row: 0 })
    }
}

/// The whole content wrapped at once, as the reader did before wrapping
/// became lazy: the reference [`Wrapped`](super::Wrapped) is checked against.
pub fn wrap_all(content: &Content, width: usize) -> Vec<Line> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for (index, block) in content.blocks.iter().enumerate() {
        for (start, end) in wrap(&block.text, width) {
            lines.push(Line { block: index, start, end });
        }
        if !block.tight && index + 1 < content.blocks.len() {
            lines.push(Line::BLANK);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Block, BlockKind};

    /// a line, wide characters, an emoji with a variation selector,
    /// combining marks and flags.
    const PIECES: &[&str] = &[
        "word",
        " ",
        " ",
        "  ",
        "the",
        "statement",
        "exploitation",
        "漢字",
        "語",
        "❤\u{fe0f}",
        "e\u{301}",
        "🇬🇧",
        "abcdefghijklmnopqrstuvwxyz",
        "“quoted”",
    ];

    fn block_strategy() -> impl proptest::strategy::Strategy<Value = Block> {
        use proptest::prelude::*;
        (prop::collection::vec(prop::sample::select(PIECES), 0..40), any::<bool>(), 0..4u8).prop_map(
            |(pieces, tight, kind)| {
                let kind = [BlockKind::Title, BlockKind::Meta, BlockKind::Heading, BlockKind::Text][usize::from(kind)];
                Block::plain(kind, pieces.concat(), tight)
            },
        )
    }

    fn content_of(blocks: Vec<Block>) -> Content {
        Content { blocks, statements: Vec::new(), starts: Vec::new() }
    }

    /// A reference row number → position, from the full wrap.
    fn pos_at(full: &[Line], content: &Content, row: usize) -> Pos {
        let mut block = 0;
        let mut first = 0;
        for (index, line) in full.iter().enumerate().take(row + 1) {
            if !line.is_blank() && line.block != block {
                block = line.block;
                first = index;
            }
        }
        // Blocks whose only row is text, before the first with text (none
        // here: every block has a line), so `first` is the block's first row.
        let _ = content;
        Pos { block, row: row - first }
    }

    /// A reader that has wrapped nothing yet (its default) has nothing to
    /// count and answers where it is without dividing by a zero width.
    #[test]
    fn nothing_wrapped_yet_is_measured_and_at_the_top() {
        let mut wrapped = Wrapped::default();
        assert!(wrapped.is_measured());
        assert!(wrapped.measure(&Content::default(), None));
        assert_eq!(wrapped.total_rows(), (0, true));
        assert_eq!(wrapped.row_number(Pos::TOP), (0, true));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 300, failure_persistence: None, ..Default::default() })]

        /// The lazy wrap, measured or not, shows exactly the lines of the
        /// full wrap at every width, and its moves agree with row numbers.
        #[test]
        fn lazy_wrapping_gives_the_full_wrap(
            blocks in proptest::collection::vec(block_strategy(), 1..30),
            width in 1usize..50,
            picks in proptest::collection::vec((0usize..10_000, 0usize..40, 1usize..30), 1..8),
        ) {
            use proptest::prelude::*;
            let content = content_of(blocks);
            let full = wrap_all(&content, width);
            for measured in [false, true] {
                let mut wrapped = Wrapped::measuring_up_to(&content, width, 0);
                // Content with no text at all (0 bytes, within any limit) is
                // measured at once; anything else waits to be measured.
                let empty = content.blocks.iter().all(|b| b.text.is_empty());
                prop_assert_eq!(wrapped.is_measured(), empty);
                if measured {
                    prop_assert!(wrapped.measure(&content, None));
                }
                let last = wrapped.last(&content);
                for &(row, step, height) in &picks {
                    let row = row % full.len();
                    let (pos, moved) = wrapped.forward(&content, Pos::TOP, row, last);
                    prop_assert_eq!(moved, row);
                    prop_assert_eq!(pos, pos_at(&full, &content, row));
                    let shown = wrapped.lines_from(&content, pos, height);
                    prop_assert_eq!(&shown[..], &full[row..(row + height).min(full.len())]);
                    let (number, exact) = wrapped.row_number(pos);
                    if exact || measured {
                        prop_assert!(exact);
                        prop_assert_eq!(number, row);
                    }
                    let up = wrapped.back(&content, pos, step);
                    prop_assert_eq!(up, pos_at(&full, &content, row.saturating_sub(step)));
                    prop_assert_eq!(wrapped.distance(&content, up, pos, step), Some(row - row.saturating_sub(step)));
                    prop_assert_eq!(wrapped.end(&content, height), pos_at(&full, &content, full.len().saturating_sub(height)));
                    // A byte of a text row is found on that row.
                    let line = full[row];
                    if !line.is_blank() {
                        prop_assert_eq!(wrapped.pos_of(&content, line.block, line.start), pos);
                        prop_assert_eq!(wrapped.key(&content, pos).0, line.block);
                    }
                }
                prop_assert_eq!(wrapped.all_lines(&content), full.clone());
                prop_assert!(wrapped.measure(&content, None));
                prop_assert_eq!(wrapped.total_rows(), (full.len(), true));
            }
        }
    }

    #[test]
    fn measuring_in_slices_counts_every_row_and_estimates_meanwhile() {
        let text = "It is clear that some vulnerable young victims of child sexual exploitation have been let down.";
        let content =
            content_of((0..5_000).map(|i| Block::plain(BlockKind::Text, format!("{i} {text}"), false)).collect());
        let full = wrap_all(&content, 30);
        let mut wrapped = Wrapped::new(&content, 30);
        assert!(!wrapped.is_measured(), "long content is measured lazily");
        let (estimate, exact) = wrapped.total_rows();
        assert!(!exact && estimate > 0);
        let mut slices = 0;
        while !wrapped.measure(&content, Some(std::time::Duration::ZERO)) {
            slices += 1;
            let (estimate, exact) = wrapped.total_rows();
            assert!(!exact);
            // The estimate is near (every block here wraps alike).
            assert!(estimate.abs_diff(full.len()) < full.len() / 10, "{estimate} vs {}", full.len());
        }
        assert!(slices > 5, "{slices}");
        assert_eq!(wrapped.total_rows(), (full.len(), true));
        assert_eq!(wrapped.row_number(wrapped.last(&content)), (full.len() - 1, true));
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
        let (block, offset) =
            wide.anchor(&content, wide.forward(&content, Pos::TOP, 20, wide.last(&content)).0).unwrap();
        let pos = narrow.pos_of(&content, block, offset);
        let line = narrow.lines_from(&content, pos, 1)[0];
        assert_eq!(line.block, block);
        assert!(line.start <= offset && offset <= line.end);
    }
}

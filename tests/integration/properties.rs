//! Property tests over arbitrary input: whatever bytes a document holds,
//! loading and extraction never panic, nothing that a terminal would act on
//! survives sanitising, no printable character is lost, and every statement
//! points at text that is really in its document.

use proptest::prelude::*;
use voices::corpus::Corpus;
use voices::documents::Source;
use voices::documents::sanitize::{is_clean, is_disguising, sanitize};
use voices::extract::{StatementKind, extract};
use voices::loading::build_corpus;

/// Pieces of news prose and of hostile input, so generated documents hit
/// quotes, cues and resolution paths, not just noise.
const PIECES: &[&str] = &[
    "The report",
    " said",
    " told the BBC",
    " suggested",
    " warned",
    " A spokesman said: ",
    "An NSPCC spokesman",
    " Thames Valley Police",
    " Buckinghamshire Safeguarding Children Board (BSCB)",
    " the BSCB",
    " Mr Khan",
    " he",
    " she said.",
    " young victims",
    " called them ",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    ".",
    ",",
    ":",
    ";",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u{1b}[31m",
    "\u{1b}]0;title\u{7}",
    "\u{202e}",
    "\u{200b}",
    "\u{9b}",
    "漢字",
    "🙂",
    "e\u{301}",
    " it’s",
    " the review",
    " According to the FT,",
    " 0808 500 1111",
    "(",
    ")",
    "?",
    "!",
];

fn prose() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|pieces| pieces.concat())
}

fn config() -> ProptestConfig {
    ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() }
}

/// Characters sanitising must keep: everything printable.
fn kept(c: char) -> bool {
    !(c.is_control() || is_disguising(c) || c == '\u{2028}' || c == '\u{2029}')
}

fn check_statements(corpus: &Corpus) -> Result<(), TestCaseError> {
    for statement in corpus.statements() {
        let doc = &corpus.documents()[statement.document];
        prop_assert!(!statement.spans.is_empty(), "statement without a place: {statement:?}");
        let mut pieces = Vec::new();
        for span in &statement.spans {
            let paragraph = doc.paragraphs.get(span.paragraph).expect("span paragraph exists");
            prop_assert!(span.start <= span.end && span.end <= paragraph.len(), "span out of range");
            prop_assert!(paragraph.is_char_boundary(span.start) && paragraph.is_char_boundary(span.end));
            pieces.push(&paragraph[span.start..span.end]);
        }
        let squash = |s: &str| s.split_whitespace().collect::<String>();
        let joined = squash(&pieces.concat());
        let text = squash(&corpus.text(statement));
        match statement.kind {
            StatementKind::Reported => prop_assert_eq!(&joined, &text, "reported text is its span"),
            StatementKind::Direct => prop_assert!(
                joined.contains(&text) || text.contains(&joined) || joined == text,
                "direct text {text:?} is not where its spans point ({joined:?})"
            ),
        }
        prop_assert!(is_clean(&corpus.text(statement)));
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_load_and_extract_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        let corpus = build_corpus(&[Source::Stdin], &mut bytes.as_slice());
        for doc in corpus.documents() {
            prop_assert!(is_clean(&doc.title));
            for paragraph in &doc.paragraphs {
                prop_assert!(is_clean(paragraph), "control character survived: {paragraph:?}");
            }
        }
        check_statements(&corpus)?;
    }

    #[test]
    fn generated_prose_extracts_statements_found_in_the_text(text in prose()) {
        let corpus = build_corpus(&[Source::Stdin], &mut text.as_bytes());
        check_statements(&corpus)?;
    }

    #[test]
    fn extraction_never_panics_on_raw_paragraphs(paragraphs in prop::collection::vec(prose(), 0..6)) {
        let _ = extract(&paragraphs);
    }

    #[test]
    fn sanitising_removes_controls_and_keeps_every_printable_character(text in any::<String>()) {
        let clean = sanitize(&text);
        prop_assert!(is_clean(&clean));
        // Every printable input character is in the output, in order.
        let mut output = clean.chars();
        for c in text.chars().filter(|&c| kept(c)) {
            prop_assert!(output.any(|o| o == c), "lost {c:?} from {text:?}");
        }
    }

    #[test]
    fn sanitising_is_idempotent(text in prose()) {
        let once = sanitize(&text);
        prop_assert_eq!(sanitize(&once), once);
    }
}

/// Text for wrapping: words, spaces and the characters whose width is not
/// one column (CJK, emoji, combining marks, variation selectors), and words
/// longer than any line.
const WIDE_PIECES: &[&str] = &[
    "word",
    " ",
    " ",
    "  ",
    "漢字",
    "語",
    "ｆｕｌｌ",
    "🙂",
    "👍🏽",
    "❤\u{fe0f}",
    "e\u{301}",
    "a\u{308}\u{331}",
    "\u{a0}",
    "“quote”",
    "supercalifragilisticexpialidocious",
    "x",
    "\n",
    "한국어",
    "…",
    "—",
];

/// Grapheme clusters that take columns (as ratatui draws them).
fn drawn_units(line: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    line.graphemes(true).filter(|g| unicode_width::UnicodeWidthStr::width(*g) > 0).count()
}

/// Wrapped lines fit: every line is at most `width` columns as the terminal
/// counts them, except a line of one grapheme cluster wider than the line
/// (a wide character in 1 column, or a wide character with a spacing mark,
/// 3 columns, in 2), which cannot be split and so cannot be made to fit.
fn check_wrap(text: &str, width: usize) -> Result<(), TestCaseError> {
    use unicode_width::UnicodeWidthStr;
    let lines = voices::content::wrap(text, width);
    prop_assert!(!lines.is_empty());
    for &(start, end) in &lines {
        prop_assert!(start <= end && end <= text.len());
        let line = &text[start..end];
        let lone_wide = drawn_units(line) == 1;
        prop_assert!(line.width() <= width || lone_wide, "{line:?} is {} columns, wider than {width}", line.width());
    }
    // Nothing but spaces is dropped at the breaks.
    let kept: String = lines.iter().map(|&(a, b)| &text[a..b]).collect::<String>().replace(' ', "");
    prop_assert_eq!(kept, text.replace(' ', ""));
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_wrapped_line_fits_the_width(
        pieces in prop::collection::vec(prop::sample::select(WIDE_PIECES), 0..80),
        width in 1usize..200,
    ) {
        let text = pieces.concat().replace('\n', " ");
        check_wrap(&text, width)?;
    }

    #[test]
    fn every_wrapped_line_of_sanitised_arbitrary_text_fits(text in any::<String>(), width in 1usize..200) {
        for paragraph in sanitize(&text).split('\n') {
            check_wrap(paragraph, width)?;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..config() })]

    /// The reader's own wrapping: at any terminal size the gutter, the text
    /// and the scrollbar margin fit inside the pane, and every line of the
    /// open document fits the text column.
    #[test]
    fn the_reader_wraps_inside_its_pane_beside_the_gutter(
        pieces in prop::collection::vec(prop::sample::select(WIDE_PIECES), 1..60),
        width in 1u16..250,
        height in 1u16..60,
    ) {
        use unicode_width::UnicodeWidthStr;
        let text = format!("Title\n\nThe NSPCC said: “{}.” {}", pieces.concat(), pieces.concat());
        let corpus = build_corpus(&[Source::Stdin], &mut text.as_bytes());
        let mut app = voices::app::App::new(corpus, Default::default(), voices::ui::layout::viewport(100, 30));
        app.update(voices::app::Action::Resize(voices::ui::layout::viewport(width, height)));
        let (gutter, columns) = app.page().columns();
        if let Some(pane) = voices::ui::layout::areas(width, height, voices::ui::layout::Focus::Reader).reader {
            let inner = usize::from(voices::ui::layout::inner(pane).width);
            if inner > 0 {
                prop_assert!(gutter + columns + if gutter == 0 { 1 } else { 2 } <= inner.max(columns + 1),
                    "gutter {gutter} + text {columns} overflow {inner}");
            }
        }
        for line in app.page().all_lines().iter().filter(|l| !l.is_blank()) {
            let block = &app.page().content().blocks[line.block];
            let shown = &block.text[line.start..line.end];
            let lone_wide = drawn_units(shown) == 1;
            prop_assert!(shown.width() <= columns || lone_wide, "{shown:?} wider than {columns}");
        }
    }
}

/// Inputs proptest found: a wide character followed by a spacing mark is one
/// grapheme of 3 columns. In 2 columns it gets a line to itself, and the
/// characters around it still wrap to fit.
#[test]
fn a_grapheme_wider_than_the_line_gets_a_line_of_its_own() {
    for wide in ["𚿰ে", "﹔𑶓"] {
        let text = format!("ab {wide} cd");
        let lines: Vec<&str> = voices::content::wrap(&text, 2).iter().map(|&(a, b)| &text[a..b]).collect();
        assert!(lines.contains(&wide), "{lines:?}");
        check_wrap(&text, 2).unwrap();
    }
}

//! Every document format gives the reader the same article: the seed article
//! saved as Markdown, as a news web page and as a multi-page PDF must yield
//! the same paragraphs as the plain-text original, and therefore the same
//! statements.

use std::path::{Path, PathBuf};

use voices::documents::{Document, Source};
use voices::extract::extract;
use voices::loading::build_corpus;

const STEM: &str = "thames-valley-police-responds-to-cse-review";
const TITLE: &str = "Thames Valley Police responds to CSE review";

fn fixture(extension: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats").join(format!("{STEM}.{extension}"))
}

fn load_one(path: &Path) -> Document {
    let loaded = build_corpus(&[Source::Path(path.to_path_buf())], &mut std::io::empty());
    assert!(loaded.problems().is_empty(), "{}: {:?}", path.display(), loaded.problems());
    assert_eq!(loaded.documents().len(), 1, "{}", path.display());
    loaded.documents()[0].clone()
}

fn plain_text() -> Document {
    load_one(&Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds").join(format!("{STEM}.txt")))
}

/// Paragraph-by-paragraph comparison, so a failure names the paragraph.
fn assert_same_article(extension: &str) {
    let expected = plain_text();
    let converted = load_one(&fixture(extension));
    assert_eq!(converted.title, TITLE, ".{extension} title");
    for (i, (got, want)) in converted.paragraphs.iter().zip(&expected.paragraphs).enumerate() {
        assert_eq!(got, want, ".{extension} paragraph {}", i + 1);
    }
    assert_eq!(converted.paragraphs.len(), expected.paragraphs.len(), ".{extension} paragraph count");
    let (want, got) = (extract(&expected.paragraphs), extract(&converted.paragraphs));
    assert!(!want.statements.is_empty(), "the extractor finds the seed article's statements");
    assert_eq!(got.statements, want.statements, ".{extension} statements");
    assert_eq!(got.entities, want.entities, ".{extension} speakers");
}

#[test]
fn markdown_gives_the_same_article_as_plain_text() {
    assert_same_article("md");
}

#[test]
fn a_saved_news_page_gives_the_same_article_as_plain_text() {
    assert_same_article("html");
}

#[test]
fn a_multi_page_pdf_gives_the_same_article_as_plain_text() {
    assert_same_article("pdf");
}

#[test]
fn the_pdf_fixture_really_has_running_lines_and_hyphenated_quotes() {
    // Guards the fixture itself: if it were regenerated without these, the
    // test above would stop testing the PDF clean-up.
    let bytes = std::fs::read(fixture("pdf")).unwrap();
    let pages = pdf_extract::extract_text_from_mem_by_pages(&bytes).unwrap();
    assert!(pages.len() >= 3, "{} pages", pages.len());
    assert!(pages.iter().all(|page| page.contains("Bucks Free Press ·")), "running header on every page");
    assert!(pages.iter().enumerate().all(|(i, page)| page.contains(&format!("Page {} of", i + 1))));
    let hyphen_breaks = pages
        .iter()
        .flat_map(|page| page.lines())
        .filter(|line| line.trim_end().ends_with('-') && !line.trim_end().ends_with(" -"))
        .count();
    assert!(hyphen_breaks >= 2, "{hyphen_breaks} hyphenated line ends");
}

#[test]
fn a_folder_of_every_format_loads_each_file() {
    let dir = tempfile::tempdir().unwrap();
    for extension in ["md", "html", "pdf"] {
        std::fs::copy(fixture(extension), dir.path().join(format!("a.{extension}"))).unwrap();
    }
    std::fs::copy(fixture("html"), dir.path().join("b.htm")).unwrap();
    std::fs::copy(fixture("md"), dir.path().join("c.markdown")).unwrap();
    std::fs::write(dir.path().join("d.txt"), "Headline\n\nBody.").unwrap();
    let loaded = build_corpus(&[Source::Path(dir.path().to_path_buf())], &mut std::io::empty());
    assert!(loaded.problems().is_empty(), "{:?}", loaded.problems());
    let titles: Vec<&str> = loaded.documents().iter().map(|d| d.title.as_str()).collect();
    assert_eq!(titles, vec![TITLE, TITLE, TITLE, TITLE, TITLE, "Headline"]);
}

#[test]
fn a_bad_pdf_is_a_warning_and_other_files_still_load() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("broken.pdf"), b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF").unwrap();
    std::fs::write(dir.path().join("scan.pdf"), pdf_without_text()).unwrap();
    std::fs::write(dir.path().join("good.md"), "# Headline\n\nBody.").unwrap();
    let loaded = build_corpus(&[Source::Path(dir.path().to_path_buf())], &mut std::io::empty());
    assert_eq!(loaded.documents().len(), 1);
    assert_eq!(loaded.documents()[0].title, "Headline");
    let messages: Vec<String> = loaded.problems().iter().map(|w| w.to_string()).collect();
    assert!(messages.iter().any(|m| m.contains("broken.pdf") && m.contains("skipped")), "{messages:?}");
    assert!(
        messages.iter().any(|m| m.contains("scan.pdf") && m.contains("has no text layer (a scanned PDF?); skipped")),
        "{messages:?}"
    );
}

#[test]
fn a_pdf_on_standard_input_is_recognised() {
    let bytes = std::fs::read(fixture("pdf")).unwrap();
    let loaded = build_corpus(&[Source::Stdin], &mut bytes.as_slice());
    assert!(loaded.problems().is_empty(), "{:?}", loaded.problems());
    assert_eq!(loaded.documents()[0].paragraphs, plain_text().paragraphs);
}

/// A valid one-page PDF whose page draws only a grey rectangle, like a
/// scan: no text layer.
fn pdf_without_text() -> Vec<u8> {
    let content = "0.5 g 72 72 451 698 re f\n";
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}endstream", content.len()),
    ];
    crate::common::pdf_from_objects(&objects.map(String::into_bytes))
}

mod never_panics {
    use proptest::prelude::*;
    use voices::documents::formats::{html_to_paragraphs, markdown_to_paragraphs, pdf_to_paragraphs};

    /// Markup fragments, so generated input reaches the interesting paths
    /// rather than being plain text.
    const MARKUP: &[&str] = &[
        "<article>",
        "</article>",
        "<p>",
        "</p>",
        "<script>",
        "</script>",
        "<nav>",
        "<h1>",
        "</h1>",
        "<li>",
        "<blockquote>",
        "&ldquo;",
        "&#x0;",
        "<!--",
        "-->",
        "# ",
        "> ",
        "- ",
        "1. ",
        "*",
        "_",
        "`",
        "```",
        "\n",
        "\n\n",
        "[a](b)",
        "![x](y)",
        "| a |",
        "---\n",
        "“",
        "said",
        " ",
        "\u{202E}",
        "\u{1b}[31m",
    ];

    fn markup() -> impl Strategy<Value = String> {
        prop::collection::vec(prop_oneof![prop::sample::select(MARKUP).prop_map(str::to_string), ".{0,8}"], 0..60)
            .prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn markdown_and_html_converters_take_anything(text in markup()) {
            for paragraph in markdown_to_paragraphs(&text).paragraphs {
                prop_assert!(!paragraph.contains('\n') && !paragraph.trim().is_empty());
            }
            if let Ok(converted) = html_to_paragraphs(&text) {
                prop_assert!(converted.paragraphs.iter().all(|p| !p.trim().is_empty()));
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        #[test]
        fn damaged_pdfs_are_errors_not_panics(cut in 0usize..40_000, flips in prop::collection::vec((0usize..40_000, any::<u8>()), 0..8)) {
            let mut bytes = std::fs::read(super::fixture("pdf")).unwrap();
            bytes.truncate(cut.max(8));
            for (at, byte) in flips {
                if let Some(b) = bytes.get_mut(at) {
                    *b = byte;
                }
            }
            let _ = pdf_to_paragraphs(&bytes);
        }
    }
}

//! Documents: where they come from (embedded seeds, files, folders, stdin),
//! how untrusted bytes become sanitised paragraphs, and the optional manifest.

pub mod bounds;
pub mod formats;
pub mod limits;
pub mod manifest;
pub mod problem;
pub mod read;
pub mod sanitize;

pub use manifest::{Helpline, Manifest};

use formats::Converted;
pub use problem::{FileProblem, Problem};
pub use read::{Ids, Input, Plan, Prepared, Source, embedded_manifest, plan};

/// One article or report, ready to extract from and to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// A stable slug from the file name ("thames-valley-police-responds-to-cse-review").
    pub id: String,
    /// The headline, or a title made from the file name.
    pub title: String,
    /// Where it was published, from the manifest.
    pub source: Option<String>,
    /// When it was published, from the manifest.
    pub date: Option<String>,
    /// Where it was read from, for messages ("seeds/x.txt", "stdin", a path).
    pub origin: String,
    /// Body paragraphs, sanitised, without the headline. Each is one line of
    /// text; statement spans index into these.
    pub paragraphs: Vec<String>,
}

/// Most words a first line may have to be taken as a headline.
const HEADLINE_MAX_WORDS: usize = 20;

impl Document {
    /// Builds a document from sanitised text. The first line is the title
    /// when a blank line follows it and it reads like a headline (at most
    /// 20 words, not ending in a comma, semicolon or colon); otherwise
    /// `fallback_title` is used and the
    /// first line stays part of the body.
    pub fn from_text(id: String, origin: String, fallback_title: &str, text: &str) -> Document {
        debug_assert!(sanitize::is_clean(text));
        let mut paragraphs = split_paragraphs(text);
        let title = match headline(text) {
            Some(line) => {
                paragraphs.remove(0);
                line.to_string()
            }
            None => fallback_title.to_string(),
        };
        Document { id, title, source: None, date: None, origin, paragraphs }
    }

    /// Builds a document from what a converter found: each paragraph is
    /// sanitised once, and split again only where sanitising made a line
    /// break (a U+2028, a form feed). A title the format marks is the title;
    /// without one, the first paragraph is, when it reads like a headline
    /// (the plain-text rule, as if the paragraphs were a text file);
    /// otherwise `fallback_title`.
    pub fn from_converted(id: String, origin: String, fallback_title: &str, converted: &Converted) -> Document {
        let marked = converted.title.as_deref().map(|t| split_paragraphs(&sanitize::sanitize(t)).join(" "));
        let pieces: Vec<String> = converted.paragraphs.iter().map(|p| sanitize::sanitize(p)).collect();
        let mut paragraphs: Vec<String> = pieces.iter().flat_map(|piece| split_paragraphs(piece)).collect();
        paragraphs.shrink_to_fit();
        let title = match marked.filter(|t| !t.is_empty()) {
            Some(title) => title,
            None => match headline_of_pieces(&pieces) {
                Some(line) => {
                    paragraphs.remove(0);
                    line
                }
                None => fallback_title.to_string(),
            },
        };
        Document { id, title, source: None, date: None, origin, paragraphs }
    }
}

/// [`headline`] of the pieces as a text file would hold them (one blank
/// line between each): only the first piece with any text, and whether
/// another follows, decide it.
fn headline_of_pieces(pieces: &[String]) -> Option<String> {
    let first = pieces.iter().position(|p| !p.chars().all(|c| c == '\n' || c == ' '))?;
    let body = pieces[first + 1..].iter().find(|p| p.split('\n').any(|line| !line.trim().is_empty()));
    let text = match body {
        Some(body) => format!("{}\n\n{body}", pieces[first]),
        None if first + 1 < pieces.len() => format!("{}\n\n", pieces[first]),
        None => pieces[first].clone(),
    };
    headline(&text).map(str::to_string)
}

/// The first line of `text` if it is a headline.
fn headline(text: &str) -> Option<&str> {
    let text = text.trim_start_matches(['\n', ' ']);
    let (first, rest) = text.split_once('\n')?;
    let first = first.trim();
    let mut lines = rest.split('\n');
    let blank_follows = lines.next().is_some_and(|line| line.trim().is_empty());
    let body_follows = lines.any(|line| !line.trim().is_empty());
    let words = first.split_whitespace().count();
    // A comma, semicolon or colon leaves the line open, as body text does;
    // a full stop may end a headline ("Police act on review.") when a body
    // follows it (a text of one sentence is body).
    let sentence_like = first.ends_with([',', ';', ':']) || first.ends_with(['.', '"', '”']) && !body_follows;
    (blank_follows && words > 0 && words <= HEADLINE_MAX_WORDS && !sentence_like).then_some(first)
}

/// Splits text into paragraphs: blank lines separate them, the lines of one
/// paragraph are joined by a space (hard-wrapped text reads as prose), and a
/// line starting with a list marker starts a paragraph of its own.
///
/// Each paragraph is allocated at its exact length (the corpus keeps them
/// all, and a string grown line by line holds up to twice its length).
pub fn split_paragraphs(text: &str) -> Vec<String> {
    let mut paragraphs = Vec::with_capacity(text.len() / AVERAGE_PARAGRAPH_BYTES + 1);
    let mut current = Gathered::default();
    for line in text.split('\n') {
        let line = line.trim_matches(|c: char| c == ' ' || c == '\u{A0}');
        if line.is_empty() || starts_list_item(line) {
            current.finish_into(&mut paragraphs);
            if line.is_empty() {
                continue;
            }
        }
        current.push(line);
    }
    current.finish_into(&mut paragraphs);
    paragraphs.shrink_to_fit();
    paragraphs
}

/// About how long a paragraph of an article is, to make room for a text's
/// paragraphs at once rather than a doubling at a time.
const AVERAGE_PARAGRAPH_BYTES: usize = 256;

/// The lines of the paragraph being read. Most paragraphs are one line, so
/// the first is only borrowed and copied once, when the paragraph ends.
#[derive(Default)]
struct Gathered<'a> {
    first: Option<&'a str>,
    /// The lines joined by spaces, once a second line has come.
    joined: String,
}

impl<'a> Gathered<'a> {
    fn push(&mut self, line: &'a str) {
        match self.first {
            None => self.first = Some(line),
            Some(first) => {
                if self.joined.is_empty() {
                    self.joined.push_str(first);
                }
                self.joined.push(' ');
                self.joined.push_str(line);
            }
        }
    }

    /// Adds the paragraph, if there is one, and starts the next.
    fn finish_into(&mut self, paragraphs: &mut Vec<String>) {
        let Some(first) = self.first.take() else { return };
        if self.joined.is_empty() {
            paragraphs.push(first.to_owned());
        } else {
            paragraphs.push(self.joined.as_str().to_owned());
            self.joined.clear();
        }
    }
}

fn starts_list_item(line: &str) -> bool {
    if let Some(rest) = line.strip_prefix(['-', '*', '•', '–']) {
        return rest.starts_with(' ');
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && digits < 4 && line[digits..].starts_with([')', '.']) && line[digits + 1..].starts_with(' ')
}

/// A lower-case, hyphenated id from a file name or title.
///
/// It runs once per speaker of every document, so ASCII is handled a byte
/// at a time without the Unicode tables, and a dash is written only when a
/// letter follows it (no trailing dashes to take off).
pub fn slug(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut dash_owed = false;
    for c in text.chars() {
        let alphanumeric = if c.is_ascii() { c.is_ascii_alphanumeric() } else { c.is_alphanumeric() };
        if !alphanumeric {
            dash_owed = !slug.is_empty();
            continue;
        }
        if dash_owed {
            slug.push('-');
            dash_owed = false;
        }
        if c.is_ascii() {
            slug.push(c.to_ascii_lowercase());
        } else {
            slug.extend(c.to_lowercase());
        }
    }
    if slug.is_empty() { "document".to_string() } else { slug }
}

/// A readable title from a file stem: "cse-review_2017" → "Cse review 2017".
pub fn title_from_stem(stem: &str) -> String {
    let spaced: String = stem.chars().map(|c| if c == '-' || c == '_' { ' ' } else { c }).collect();
    let spaced = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => stem.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_first_line_before_a_blank_line_is_the_title() {
        let doc = Document::from_text("a".into(), "a.txt".into(), "A", "Shares rise on new offer\n\nShares rose.\n");
        assert_eq!(doc.title, "Shares rise on new offer");
        assert_eq!(doc.paragraphs, vec!["Shares rose."]);
    }

    #[test]
    fn a_headline_may_end_in_a_full_stop() {
        let text = "Police respond to review.\n\nA spokesman said: \"Yes.\"";
        let doc = Document::from_text("a".into(), "a.txt".into(), "Fallback", text);
        assert_eq!(doc.title, "Police respond to review.");
        assert_eq!(doc.paragraphs.len(), 1);
    }

    #[test]
    fn a_long_first_sentence_or_an_open_line_is_not_a_title() {
        let long = "Northshire Police has responded to a damning review into child sexual exploitation in the county which suggested more needs to be done.\n\nMore.";
        let doc = Document::from_text("a".into(), "a.txt".into(), "Fallback", long);
        assert_eq!(doc.title, "Fallback");
        assert_eq!(doc.paragraphs.len(), 2);
        let open = Document::from_text("a".into(), "a.txt".into(), "Fallback", "A spokesman said:\n\n\"Yes.\"");
        assert_eq!(open.title, "Fallback");
    }

    #[test]
    fn no_blank_line_means_no_title() {
        let doc = Document::from_text("a".into(), "a.txt".into(), "Fallback", "Headline\nbody text\n");
        assert_eq!(doc.title, "Fallback");
        assert_eq!(doc.paragraphs, vec!["Headline body text"]);
    }

    #[test]
    fn wrapped_lines_join_and_list_items_split() {
        let text = "one\ntwo\n\n - first item\n - second item\n\n3. third\nafter";
        assert_eq!(split_paragraphs(text), vec!["one two", "- first item", "- second item", "3. third after"]);
    }

    /// Pieces for converted paragraphs: words, a headline's worth, and every
    /// character sanitising turns into a line break, removes or widens.
    const PIECES: &[&str] = &[
        "Police respond",
        "The NSPCC said: \u{201c}We act.\u{201d}",
        " ",
        "\u{a0}",
        "\t",
        "\r",
        "\r\n",
        "\n",
        "\u{2028}",
        "\u{2029}",
        "\u{c}",
        "\u{200b}",
        "\u{202e}",
        "\u{1b}[31m",
        "- ",
        "3. ",
        "said.",
        "漢字",
    ];

    fn paragraph() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop::collection::vec(prop::sample::select(PIECES), 0..6).prop_map(|pieces| pieces.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, failure_persistence: None, ..Default::default() })]

        /// Paragraphs handed straight to the document give what joining them
        /// into a text file, sanitising it and splitting it again gave.
        #[test]
        fn converted_paragraphs_make_the_document_their_text_file_made(
            paragraphs in proptest::collection::vec(paragraph(), 0..5),
            title in proptest::option::of(paragraph()),
        ) {
            let converted = Converted { title: title.clone(), paragraphs: paragraphs.clone() };
            let got = Document::from_converted("d".into(), "o".into(), "Fallback", &converted);
            let body = sanitize::sanitize(&paragraphs.join("\n\n"));
            let marked = title.map(|t| split_paragraphs(&sanitize::sanitize(&t)).join(" ")).filter(|t| !t.is_empty());
            let expected = match marked {
                None => Document::from_text("d".into(), "o".into(), "Fallback", &body),
                Some(title) => Document { title, paragraphs: split_paragraphs(&body), ..Document::from_text("d".into(), "o".into(), "Fallback", "") },
            };
            proptest::prop_assert_eq!(got, expected);
        }
    }

    /// The slug as first written, a character at a time: the fast one must
    /// give the same ids, or links and `--speaker` ids would change.
    fn slug_reference(text: &str) -> String {
        let mut slug = String::new();
        for c in text.chars() {
            if c.is_alphanumeric() {
                slug.extend(c.to_lowercase());
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        while slug.ends_with('-') {
            slug.pop();
        }
        if slug.is_empty() { "document".to_string() } else { slug }
    }

    proptest::proptest! {
        #[test]
        fn slug_matches_the_character_by_character_rule(text in "[ -~\u{a0}-\u{17f}\u{391}-\u{3c9}\u{130}İ-]{0,40}") {
            proptest::prop_assert_eq!(slug(&text), slug_reference(&text));
        }
    }

    #[test]
    fn slugs_and_titles_from_file_names() {
        assert_eq!(slug("  Ærø -- Ünïted (İstanbul) "), "ærø-ünïted-i̇stanbul");
        assert_eq!(slug("Thames Valley Police (TVP)"), "thames-valley-police-tvp");
        assert_eq!(slug("!!!"), "document");
        assert_eq!(title_from_stem("cse-review_2017"), "Cse review 2017");
    }
}

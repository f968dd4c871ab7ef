//! Saved news pages to paragraphs: the article, without the page around it.

use scraper::{ElementRef, Html, Node, Selector};

use super::{Converted, collapse_whitespace};
use crate::documents::formats::markdown::BULLET;

/// Elements whose content is page furniture, code or controls rather than
/// the article: never read, wherever they appear.
const SKIPPED: &[&str] = &[
    "nav",
    "header",
    "footer",
    "aside",
    "script",
    "style",
    "noscript",
    "form",
    "figcaption",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "button",
    "select",
    "textarea",
    "input",
    "head",
    "dialog",
    "canvas",
    "audio",
    "video",
    "menu",
];

/// Elements that start and end a paragraph of their own.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// How many `<article>` elements are weighed when a page has several
/// (teasers for other stories are usually articles too); bounded so a
/// hostile page cannot make the choice quadratic.
const MAX_ARTICLE_CANDIDATES: usize = 16;

/// Deepest element nesting read. The HTML tree builder checks scopes by
/// walking its stack of open elements, so its cost grows with depth times
/// tags; real news pages nest a few dozen levels, so a page nested far
/// deeper is refused rather than allowed to take minutes.
pub const MAX_NESTING: usize = 1000;

/// Why a page gave no document; completes "`<file>` …" in a file problem.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HtmlError {
    /// See [`MAX_NESTING`].
    #[error("nests its markup more than {MAX_NESTING} levels deep, too deep to read safely; skipped")]
    TooDeep,
}

/// Converts a saved web page to its article's title and paragraphs.
///
/// The article is the `<article>` with the most text, else `<main>`, else the
/// body. Navigation, headers, footers, asides, scripts, styles, forms and
/// figure captions are dropped wherever they are. The title is the first
/// `<h1>` (inside the article if it has one), else the page's `<title>`
/// without a trailing " | Site name". Parsing is html5ever's (the WHATWG
/// algorithm, so broken markup reads as a browser would read it); the walk
/// is iterative, so deeply nested markup cannot overflow the stack.
pub fn html_to_paragraphs(text: &str) -> Result<Converted, HtmlError> {
    if nesting_estimate(text) > MAX_NESTING {
        return Err(HtmlError::TooDeep);
    }
    let document = Html::parse_document(text);
    let root = article_root(&document);
    let title_element = headline(root).or_else(|| headline(document.root_element()));
    let title = match title_element {
        Some(h1) => Some(collapse_whitespace(&h1.text().collect::<String>())),
        None => first(document.root_element(), "title").map(|t| page_title(&t.text().collect::<String>())),
    }
    .filter(|title| !title.is_empty());
    let mut out = Converted { title, paragraphs: Vec::new() };
    walk(root, title_element, &mut out);
    Ok(out)
}

/// Elements that never hold children or are closed by their next sibling,
/// so they do not deepen the tree.
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p",
    "li", "dt", "dd", "option", "tr", "td", "th",
];

/// An upper estimate of how deeply the page nests elements, from one pass
/// over the bytes: every start tag of an element that can hold others
/// counts one level down, every end tag one level up. It over-counts
/// (unclosed elements), which only makes the depth guard stricter.
fn nesting_estimate(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    // The next `>` at or after a tag's name, found once and reused by every
    // tag before it, so a page of tags that never close stays one pass.
    let mut next_close: Option<usize> = None;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        i += offset + 1;
        match bytes.get(i) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(b) if b.is_ascii_alphabetic() => {
                let end = bytes[i..].iter().position(|b| !b.is_ascii_alphanumeric()).map_or(bytes.len(), |n| i + n);
                let name = text[i..end].to_ascii_lowercase();
                if next_close.is_none_or(|close| close < end) {
                    next_close = Some(bytes[end..].iter().position(|&b| b == b'>').map_or(bytes.len(), |n| end + n));
                }
                let close = next_close.unwrap_or(bytes.len());
                let self_closing = close < bytes.len() && close > end && bytes[close - 1] == b'/';
                if !FLAT.contains(&name.as_str()) && !self_closing {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
            }
            _ => {}
        }
    }
    deepest
}

fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
}

fn first<'a>(scope: ElementRef<'a>, css: &str) -> Option<ElementRef<'a>> {
    scope.select(&selector(css)?).next()
}

fn article_root(document: &Html) -> ElementRef<'_> {
    let root = document.root_element();
    if let Some(articles) = selector("article") {
        let best = document
            .select(&articles)
            .take(MAX_ARTICLE_CANDIDATES)
            .max_by_key(|article| article.text().map(str::len).sum::<usize>());
        if let Some(article) = best {
            return article;
        }
    }
    first(root, "main").or_else(|| first(root, "body")).unwrap_or(root)
}

/// How many `<h1>` elements are considered for the title.
const MAX_HEADLINE_CANDIDATES: usize = 16;

/// The first `<h1>` under `scope` that belongs to the story rather than the
/// site: not in navigation, an aside or a footer, and not in a page header
/// (a site's logo is often an `<h1>`) unless that header is the article's.
fn headline(scope: ElementRef<'_>) -> Option<ElementRef<'_>> {
    let h1 = selector("h1")?;
    scope.select(&h1).take(MAX_HEADLINE_CANDIDATES).find(|candidate| {
        let names: Vec<&str> = candidate.ancestors().filter_map(ElementRef::wrap).map(|e| e.value().name()).collect();
        let furniture = names.iter().any(|n| matches!(*n, "nav" | "aside" | "footer"));
        let site_header = names
            .iter()
            .position(|n| *n == "header")
            .is_some_and(|header| !names[header..].iter().any(|n| matches!(*n, "article" | "main")));
        !furniture && !site_header
    })
}

/// "Headline | Bucks Free Press" → "Headline".
fn page_title(raw: &str) -> String {
    let title = collapse_whitespace(raw);
    match title.split_once(" | ") {
        Some((head, _)) if !head.trim().is_empty() => head.trim().to_string(),
        _ => title,
    }
}

/// Reads text under `root` in document order, starting a paragraph at every
/// block boundary, skipping furniture and the element used as the title.
fn walk(root: ElementRef<'_>, title: Option<ElementRef<'_>>, out: &mut Converted) {
    let mut buffer = String::new();
    let flush = |buffer: &mut String, out: &mut Converted| {
        out.push(&collapse_whitespace(buffer));
        buffer.clear();
    };
    // (node, entering): a node is pushed once to enter and, if it is a
    // block, once more to close it after its children.
    let mut stack = vec![(*root, true)];
    while let Some((node, entering)) = stack.pop() {
        match node.value() {
            Node::Text(text) if entering => buffer.push_str(text),
            Node::Element(element) => {
                let name = element.name();
                let is_block = BLOCKS.contains(&name);
                if !entering {
                    if matches!(name, "td" | "th") {
                        buffer.push(' ');
                    } else {
                        flush(&mut buffer, out);
                    }
                    continue;
                }
                if SKIPPED.contains(&name)
                    || title.is_some_and(|t| t.id() == node.id())
                    || element.attr("hidden").is_some()
                {
                    continue;
                }
                match name {
                    "br" => buffer.push(' '),
                    "td" | "th" => {}
                    _ if is_block => flush(&mut buffer, out),
                    _ => {}
                }
                if name == "li" {
                    buffer.push_str(BULLET);
                }
                if is_block {
                    stack.push((node, false));
                }
                let children: Vec<_> = node.children().collect();
                stack.extend(children.into_iter().rev().map(|child| (child, true)));
            }
            _ => {}
        }
    }
    flush(&mut buffer, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html>
<html><head><title>Police respond | Bucks Free Press</title>
<style>p { color: red }</style><script>var said = "not a quote";</script></head>
<body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<div class="promo"><p>Subscribe today</p></div>
<main>
<article>
  <header><h1>Police  respond
     to review</h1><p class="byline">By a reporter</p></header>
  <p>A spokesman said: &ldquo;We <em>act</em>.&rdquo;</p>
  <figure><img src="x.jpg"><figcaption>A caption</figcaption></figure>
  <blockquote><p>“It is clear,” said the NSPCC.</p></blockquote>
  <ul><li>first</li><li>second<br>line</li></ul>
  <aside>Related: other story</aside>
  <noscript>Enable JavaScript</noscript>
  <form><input value="search"><button>Go</button></form>
</article>
</main>
<footer>© Newsquest</footer>
</body></html>"#;

    #[test]
    fn the_article_is_read_and_the_page_around_it_is_not() {
        let converted = html_to_paragraphs(PAGE).unwrap();
        assert_eq!(converted.title.as_deref(), Some("Police respond to review"));
        assert_eq!(
            converted.paragraphs,
            vec!["A spokesman said: “We act.”", "“It is clear,” said the NSPCC.", "• first", "• second line"]
        );
    }

    #[test]
    fn without_an_article_the_body_is_read_and_the_title_element_titles_it() {
        let page = "<html><head><title>Report | Site</title></head><body><nav>Menu</nav><p>One.</p><div>Two <span>three</span><p>Four.</p></div><script>x()</script></body></html>";
        let converted = html_to_paragraphs(page).unwrap();
        assert_eq!(converted.title.as_deref(), Some("Report"));
        assert_eq!(converted.paragraphs, vec!["One.", "Two three", "Four."]);
    }

    #[test]
    fn a_site_logo_heading_is_not_the_title() {
        let page = "<title>Story | Paper</title><header><h1>Paper</h1></header><p>Text.</p><aside><h1>Ad</h1></aside>";
        assert_eq!(html_to_paragraphs(page).unwrap().title.as_deref(), Some("Story"));
        let page = "<header><h1>Paper</h1></header><main><header><h1>Story</h1></header><p>Text.</p></main>";
        let converted = html_to_paragraphs(page).unwrap();
        assert_eq!(converted.title.as_deref(), Some("Story"));
        assert_eq!(converted.paragraphs, vec!["Text."]);
    }

    #[test]
    fn the_longest_article_wins() {
        let page = "<article><p>Teaser.</p></article><article><h1>Main</h1><p>The real story is longer.</p></article>";
        let converted = html_to_paragraphs(page).unwrap();
        assert_eq!(converted.title.as_deref(), Some("Main"));
        assert_eq!(converted.paragraphs, vec!["The real story is longer."]);
    }

    #[test]
    fn hostile_markup_does_not_panic() {
        let deep = "<div>".repeat(100_000) + "deep text" + &"</div>".repeat(10);
        assert_eq!(html_to_paragraphs(&deep), Err(HtmlError::TooDeep));
        let nested = "<div><span>".repeat(MAX_NESTING / 2) + "deep text";
        assert_eq!(html_to_paragraphs(&nested).unwrap().paragraphs, vec!["deep text"]);
        let flat = "<p>para<br><img src=x><hr/>".repeat(20_000);
        assert_eq!(html_to_paragraphs(&flat).unwrap().paragraphs.len(), 20_000);
        assert!(html_to_paragraphs("<<<>>>&&&;<p<p</").unwrap().paragraphs.len() <= 1);
        assert_eq!(html_to_paragraphs("").unwrap().paragraphs, Vec::<String>::new());
    }
}

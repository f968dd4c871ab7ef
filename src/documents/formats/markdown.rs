//! Markdown to paragraphs: what a reader of the rendered page would read,
//! so statements are found in the text and never in the markup.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::Converted;

/// The bullet a list item's paragraph starts with, so items stay
/// recognisable as a list once the markup is gone.
pub const BULLET: &str = "• ";

/// Converts CommonMark (with tables, strikethrough and front matter, which
/// real notes use) to a title and paragraphs.
///
/// A `# Title` that is the first block becomes the title; later headings
/// are paragraphs of their own. Emphasis, links and inline code keep their
/// text and lose their markers; images, raw HTML and front matter are
/// dropped; each list item is a paragraph starting with a bullet (or its
/// number); block quotes and code blocks keep their text as paragraphs.
/// pulldown-cmark parses in linear time, and this walk is one pass over its
/// events.
pub fn markdown_to_paragraphs(text: &str) -> Converted {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut walk = Walk::default();
    for event in Parser::new_ext(text, options) {
        walk.event(event);
    }
    walk.flush();
    walk.out
}

#[derive(Default)]
struct Walk {
    out: Converted,
    /// Text of the paragraph being read; may hold newlines from soft breaks.
    buffer: String,
    /// A bullet or number waiting for the first text of a list item.
    prefix: Option<String>,
    /// Next number of each open list (`None` for bullet lists).
    lists: Vec<Option<u64>>,
    /// Inside something whose text is not read (images, front matter).
    hidden: usize,
    /// Inside the first block's level-1 heading, which becomes the title.
    in_title: bool,
    /// Whether any block has been seen, so only a first heading is a title.
    seen_block: bool,
}

impl Walk {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) | Event::Code(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.text(&text)
            }
            Event::SoftBreak | Event::HardBreak => self.text("\n"),
            Event::Rule => self.flush(),
            Event::Html(_) | Event::InlineHtml(_) | Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush();
                self.in_title = level == HeadingLevel::H1 && !self.seen_block;
                self.seen_block = true;
            }
            Tag::Paragraph | Tag::CodeBlock(_) | Tag::BlockQuote(_) | Tag::TableRow | Tag::TableHead => {
                self.flush();
                self.seen_block = true;
            }
            Tag::List(start) => {
                self.flush();
                self.seen_block = true;
                self.lists.push(start);
            }
            Tag::Item => {
                self.flush();
                let marker = match self.lists.last_mut() {
                    Some(Some(number)) => {
                        let marker = format!("{number}. ");
                        *number = number.saturating_add(1);
                        marker
                    }
                    _ => BULLET.to_string(),
                };
                self.prefix = Some(marker);
            }
            Tag::Image { .. } | Tag::MetadataBlock(_) => self.hidden += 1,
            Tag::HtmlBlock
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::Table(_) => {
                self.flush();
                self.seen_block = true;
            }
            Tag::TableCell
            | Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. } => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                if std::mem::take(&mut self.in_title) {
                    let title = super::collapse_whitespace(&std::mem::take(&mut self.buffer));
                    if !title.is_empty() {
                        self.out.title = Some(title);
                    }
                }
                self.flush();
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Image | TagEnd::MetadataBlock(_) => self.hidden = self.hidden.saturating_sub(1),
            TagEnd::TableCell => self.text(" | "),
            TagEnd::Paragraph
            | TagEnd::CodeBlock
            | TagEnd::BlockQuote(_)
            | TagEnd::Item
            | TagEnd::TableRow
            | TagEnd::TableHead
            | TagEnd::Table
            | TagEnd::HtmlBlock
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition => self.flush(),
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.hidden > 0 {
            return;
        }
        if self.buffer.trim().is_empty()
            && !text.trim().is_empty()
            && let Some(prefix) = self.prefix.take()
        {
            self.buffer.clear();
            self.buffer.push_str(&prefix);
        }
        self.buffer.push_str(text);
    }

    /// Ends the paragraph being read. Its lines are joined and blank lines
    /// split it, exactly as for a `.txt` file, so a code block or a hard
    /// break reads the same as the plain-text version would.
    fn flush(&mut self) {
        let buffer = std::mem::take(&mut self.buffer);
        let buffer = buffer.trim_end_matches([' ', '|']);
        for paragraph in crate::documents::split_paragraphs(buffer) {
            self.out.push(&paragraph);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_heading_is_the_title_and_markup_goes() {
        let md = "# Police *respond* to review\n\nA **spokesman** said: “We [act](http://x).”\n\n## Reaction\n\n> “It is clear,” said the NSPCC.\n";
        let converted = markdown_to_paragraphs(md);
        assert_eq!(converted.title.as_deref(), Some("Police respond to review"));
        assert_eq!(
            converted.paragraphs,
            vec!["A spokesman said: “We act.”", "Reaction", "“It is clear,” said the NSPCC."]
        );
    }

    #[test]
    fn a_heading_after_text_is_not_the_title() {
        let converted = markdown_to_paragraphs("Intro line.\n\n# Later\n");
        assert_eq!(converted.title, None);
        assert_eq!(converted.paragraphs, vec!["Intro line.", "Later"]);
    }

    #[test]
    fn list_items_are_paragraphs_with_bullets_or_numbers() {
        let md = "Recommendations:\n\n- broader awareness\n- information-sharing\n  across agencies\n\n3. third\n4. fourth\n";
        let converted = markdown_to_paragraphs(md);
        assert_eq!(
            converted.paragraphs,
            vec![
                "Recommendations:",
                "• broader awareness",
                "• information-sharing across agencies",
                "3. third",
                "4. fourth"
            ]
        );
        let loose = markdown_to_paragraphs("* one\n\n  more\n\n* two\n");
        assert_eq!(loose.paragraphs, vec!["• one", "more", "• two"]);
    }

    #[test]
    fn wrapped_lines_join_and_code_and_html_are_handled() {
        let md = "one\ntwo  \nthree\n\n```\nlet x = 1;\n```\n\n<div>raw <b>html</b></div>\n\n![alt text](img.png) after `code`\n";
        let converted = markdown_to_paragraphs(md);
        assert_eq!(converted.paragraphs, vec!["one two three", "let x = 1;", "after code"]);
    }

    #[test]
    fn front_matter_and_tables() {
        let md = "---\ntitle: x\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        let converted = markdown_to_paragraphs(md);
        assert_eq!(converted.paragraphs, vec!["a | b", "1 | 2"]);
    }

    #[test]
    fn pathological_nesting_does_not_panic() {
        let deep = ">".repeat(50_000) + " x\n" + &"*".repeat(50_000) + &"[".repeat(50_000);
        let converted = markdown_to_paragraphs(&deep);
        assert!(converted.paragraphs.iter().any(|p| p.contains('x')));
    }
}

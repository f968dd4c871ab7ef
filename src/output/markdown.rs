//! Markdown: a summary to share, with every piece of document text escaped.

use std::io::{self, Write};

use super::{Piece, helpline_line, quoted, walk};
use crate::corpus::{Corpus, Filter};
use crate::strings::{paragraph_label, statement_count};

/// A shareable summary (for an email, a wiki page, a report's appendix):
/// a heading per speaker, each statement as a block quote followed by where
/// it was found, then the helplines. Every piece of document text is
/// escaped, so a document can never turn into a link, an image, raw HTML
/// or a heading in someone else's Markdown renderer.
pub fn write_markdown(out: &mut dyn Write, corpus: &Corpus, filter: &Filter) -> io::Result<()> {
    writeln!(out, "# Who said what")?;
    writeln!(out)?;
    writeln!(
        out,
        "*Content note: {} Support: {}*",
        escape_markdown(corpus.content_note()),
        escape_markdown(&helpline_line(corpus))
    )?;
    writeln!(out)?;
    walk(corpus, filter, |piece| {
        match piece {
            Piece::NoStatements => writeln!(out, "No statements were found.")?,
            Piece::Speaker(name, count) => writeln!(out, "## {} ({})", escape_markdown(name), statement_count(count))?,
            Piece::Statement(statement, notes) => {
                let doc = &corpus.documents()[statement.document];
                writeln!(out, "> {}", escape_markdown(&quoted(corpus, statement)))?;
                writeln!(out, ">")?;
                writeln!(
                    out,
                    "> — {}, *{}*, {}",
                    statement.kind.as_str(),
                    escape_markdown(&doc.title),
                    paragraph_label(statement.paragraph_range())
                )?;
                for note in notes {
                    writeln!(out)?;
                    writeln!(out, "**Note:** {}", escape_markdown(&note.message()))?;
                }
            }
            Piece::NoteAlone(note) => writeln!(
                out,
                "**Note:** {} (*{}*, paragraph {})",
                escape_markdown(&note.message()),
                escape_markdown(&corpus.documents()[note.document].title),
                note.paragraph + 1
            )?,
        }
        writeln!(out)
    })?;
    writeln!(out, "## Helplines")?;
    writeln!(out)?;
    for helpline in corpus.helplines() {
        let audience = helpline.audience.as_deref().map(|a| format!(" ({})", escape_markdown(a))).unwrap_or_default();
        writeln!(out, "- **{}**: {}{audience}", escape_markdown(&helpline.name), escape_markdown(&helpline.number))?;
    }
    Ok(())
}

/// Backslash-escapes what Markdown (CommonMark and GitHub's dialect) would
/// read as markup in one line of text: emphasis, code, links and images,
/// raw HTML and entities, tables, and block markers at the line start
/// (headings, quotes, list items). Other punctuation is left alone so the
/// raw file stays readable.
pub fn escape_markdown(text: &str) -> String {
    let text = break_links(text);
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '!' | '&' | '|' | '~' | '#' | '{' | '}') {
            out.push('\\');
        }
        out.push(c);
    }
    // A line that starts like a list item or a setext underline.
    if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    }
    let digits = out.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && out[digits..].starts_with(['.', ')']) {
        out.insert(digits, '\\');
    }
    out
}

/// Breaks what GitHub-style renderers would turn into a link on their own
/// (the GFM autolink extension: `www.`, `http://`, `https://`, `ftp://` and
/// e-mail addresses, wherever they stand): in any word holding `://`,
/// `www.` or an `@`, each `.` becomes `[.]`, each `@` `[@]` and `://`
/// `[:]//`, as security advisories write them. The reader still sees the
/// address; no renderer makes it a link.
fn break_links(text: &str) -> std::borrow::Cow<'_, str> {
    let links_maybe = |word: &str| {
        word.contains("://")
            || word.contains('@')
            || word.as_bytes().windows(4).any(|w| w.eq_ignore_ascii_case(b"www."))
    };
    if !links_maybe(text) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for piece in text.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end_matches(char::is_whitespace);
        if links_maybe(word) {
            out.push_str(&word.replace("://", "[:]//").replace('.', "[.]").replace('@', "[@]"));
            out.push_str(&piece[word.len()..]);
        } else {
            out.push_str(piece);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Parts, Speaker, Statement};
    use crate::documents::{Document, Helpline};
    use crate::extract::{Found, Span, SpeakerKind, StatementKind};

    fn corpus(text: &str, title: &str, name: &str) -> Corpus {
        Corpus::from_parts(Parts {
            documents: vec![Document {
                id: "a".into(),
                title: title.into(),
                source: None,
                date: None,
                origin: "a.txt".into(),
                paragraphs: vec![text.into()],
            }],
            speakers: vec![Speaker {
                id: "x".into(),
                name: name.into(),
                short: "X".into(),
                aliases: vec![],
                kind: SpeakerKind::Organisation,
            }],
            statements: vec![Statement::new(
                1,
                0,
                Some(0),
                Found {
                    speaker: Some(0),
                    kind: StatementKind::Direct,
                    spans: Span { paragraph: 0, start: 0, end: text.len() }.into(),
                    cue: None,
                    confidence: 1.0,
                },
            )],
            helplines: vec![Helpline {
                name: "NSPCC helpline".into(),
                short: "NSPCC".into(),
                number: "0808 800 5000".into(),
                organisation: None,
                email: None,
                hours: None,
                audience: Some("adults worried about a child".into()),
                source: "nspcc.org.uk".into(),
                checked: "2026-11".into(),
                support_only: false,
            }],
            content_note: "These articles discuss child sexual exploitation.".into(),
            ..Parts::default()
        })
    }

    fn markdown(corpus: &Corpus) -> String {
        let filter = Filter::resolve(corpus.speakers(), &[]).unwrap();
        let mut out = Vec::new();
        write_markdown(&mut out, corpus, &filter).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn speakers_are_headings_statements_quotes_helplines_last() {
        let md = markdown(&corpus("We act.", "Police respond", "Thames Valley Police"));
        assert_eq!(
            md,
            "# Who said what\n\n*Content note: These articles discuss child sexual exploitation. Support: NSPCC helpline 0808 800 5000*\n\n## Thames Valley Police (1 statement)\n\n> “We act.”\n>\n> — direct, *Police respond*, paragraph 1\n\n## Helplines\n\n- **NSPCC helpline**: 0808 800 5000 (adults worried about a child)\n"
        );
    }

    #[test]
    fn document_text_cannot_become_markup() {
        let hostile =
            "[click](http://evil.example) ![img](x.png) <script>x</script> <http://a.b> &amp; *bold* `code` | a |";
        let md = markdown(&corpus(hostile, "# [t](http://evil.example)", "<b>Name</b> [x](y)"));
        use pulldown_cmark::{Event, Tag};
        let events: Vec<Event> = pulldown_cmark::Parser::new_ext(&md, pulldown_cmark::Options::all()).collect();
        for event in &events {
            assert!(
                !matches!(
                    event,
                    Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::Table(_))
                        | Event::Html(_)
                        | Event::InlineHtml(_)
                        | Event::Code(_)
                ),
                "{event:?} in\n{md}"
            );
        }
        let strong = events.iter().filter(|e| matches!(e, Event::Start(Tag::Strong))).count();
        assert_eq!(strong, 1, "only the helpline name is bold:\n{md}");
        assert!(md.contains("\\[click\\](http\\[:\\]//evil\\[.\\]example)"), "{md}");
    }

    #[test]
    fn addresses_are_broken_so_no_renderer_links_them() {
        assert_eq!(escape_markdown("see www.example.org now"), "see www\\[.\\]example\\[.\\]org now");
        assert_eq!(escape_markdown("name@example.org"), "name\\[@\\]example\\[.\\]org");
        assert_eq!(escape_markdown("U.S. police said."), "U.S. police said.", "other words keep their dots");
    }

    /// Bare addresses through GitHub's own renderer, with its autolink
    /// extension on: no link comes out. pulldown-cmark has no such option
    /// (pulldown-cmark issue 518), so the test uses `cmark-gfm` (Debian's
    /// package, installed by `.ci/run`) and says so when it is missing.
    #[test]
    fn a_gfm_renderer_makes_no_link_of_document_text() {
        let hostile = "Visit www.example.org, http://example.org/x, https://localhost:8080, ftp://files.example.org, \
                       mailto:name@example.org, xmpp:chat@example.org or name@example.org (WWW.EXAMPLE.ORG).";
        let md = markdown(&corpus(hostile, "Write to press@example.org", "www.example.org"));
        let rendered = match std::process::Command::new("cmark-gfm")
            .args(["-e", "autolink"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
        {
            Ok(mut child) => {
                use std::io::Write;
                child.stdin.take().unwrap().write_all(md.as_bytes()).unwrap();
                String::from_utf8(child.wait_with_output().unwrap().stdout).unwrap()
            }
            Err(err) => {
                eprintln!("skipped: cmark-gfm is not installed ({err}); .ci/run installs it");
                return;
            }
        };
        assert!(rendered.contains("<blockquote>"), "cmark-gfm rendered it:\n{rendered}");
        assert!(!rendered.contains("<a "), "a link was made:\n{rendered}");
        assert!(rendered.contains("www[.]example[.]org"), "{rendered}");
    }

    #[test]
    fn line_start_markers_are_escaped() {
        assert_eq!(escape_markdown("- item"), "\\- item");
        assert_eq!(escape_markdown("1998. Since"), "1998\\. Since");
        assert_eq!(escape_markdown("# not a heading"), "\\# not a heading");
        assert_eq!(escape_markdown("plain “quoted” text, (CSE)."), "plain “quoted” text, (CSE).");
    }
}

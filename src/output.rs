//! Non-interactive outputs: plain text (for reading aloud, piping, printing)
//! and JSON (for scripts). Neither ever writes an escape sequence: every
//! string in them was sanitised at load.

use std::io::{self, Write};

use serde::Serialize;

use crate::corpus::Filter;
use crate::corpus::{Corpus, Group, Statement};
use crate::documents::Document;
use crate::notes::Note;
use crate::strings::{self, UNATTRIBUTED, paragraph_label, statement_count};

/// One piece of a summary, in the order plain and Markdown output write
/// them, so both lay out the same statements and notes the same way.
enum Piece<'c> {
    /// Nothing matched: said once, before anything else.
    NoStatements,
    /// A speaker's heading: its name and how many statements follow.
    Speaker(&'c str, usize),
    /// A statement under the last heading, with the helpline notes about
    /// the paragraphs it covers (a wrong number never travels without its
    /// correction).
    Statement(&'c Statement, Vec<&'c Note>),
    /// A helpline note about a paragraph no shown statement covers.
    NoteAlone(&'c Note),
}

/// Walks the (filtered) summary: each speaker with its statements and
/// their notes, then the notes no shown statement carried.
fn walk<'c>(corpus: &'c Corpus, filter: &Filter, mut write: impl FnMut(Piece<'c>) -> io::Result<()>) -> io::Result<()> {
    let groups = corpus.groups(filter);
    if groups.is_empty() {
        write(Piece::NoStatements)?;
    }
    let mut noted = vec![false; corpus.notes().len()];
    for listed in groups {
        write(Piece::Speaker(corpus.group_name(listed.group), listed.statements.len()))?;
        for statement in listed.statements.iter().map(|&i| &corpus.statements()[i]) {
            let mut notes = Vec::new();
            for (index, note) in notes_for(corpus, statement) {
                notes.push(note);
                noted[index] = true;
            }
            write(Piece::Statement(statement, notes))?;
        }
    }
    let shown_documents = corpus.shown_documents(filter);
    for (index, note) in corpus.notes().iter().enumerate() {
        if !noted[index] && shown_documents[note.document] {
            write(Piece::NoteAlone(note))?;
        }
    }
    Ok(())
}

/// A statement's words as they are written out: a direct quote in marks.
fn quoted(corpus: &Corpus, statement: &Statement) -> String {
    strings::quoted(statement.kind, &corpus.text(statement))
}

/// Statements grouped under each speaker's name, then the helplines: one
/// statement per paragraph, prefixed with its speaker, so it reads well aloud.
pub fn write_plain(out: &mut dyn Write, corpus: &Corpus, filter: &Filter) -> io::Result<()> {
    writeln!(out, "Content note: {} Support: {}", corpus.content_note(), helpline_line(corpus))?;
    writeln!(out)?;
    let mut speaker = UNATTRIBUTED;
    walk(corpus, filter, |piece| {
        match piece {
            Piece::NoStatements => writeln!(out, "No statements were found.")?,
            Piece::Speaker(name, count) => {
                speaker = name;
                writeln!(out, "{name} ({})", statement_count(count))?;
            }
            Piece::Statement(statement, notes) => {
                // Read aloud, the speaker comes first and the words straight
                // after; the kind goes with the source in the brackets, read last.
                writeln!(
                    out,
                    "{speaker}: {} ({}, {}, {})",
                    quoted(corpus, statement),
                    corpus.documents()[statement.document].title,
                    paragraph_label(statement.paragraph_range()),
                    strings::kind_label(statement.kind).to_lowercase()
                )?;
                for note in notes {
                    writeln!(out, "Note: {}", note.message())?;
                }
            }
            Piece::NoteAlone(note) => {
                let doc = &corpus.documents()[note.document];
                writeln!(out, "Note: {} ({}, paragraph {})", note.message(), doc.title, note.paragraph + 1)?;
            }
        }
        writeln!(out)
    })?;
    write_helplines(out, corpus)
}

/// The helplines on one line, as the status bar shows them.
pub fn helpline_line(corpus: &Corpus) -> String {
    corpus.helplines().iter().map(|h| format!("{} {}", h.name, h.number)).collect::<Vec<_>>().join(" · ")
}

/// Helpline notes about paragraphs a statement covers, with their indices.
pub fn notes_for<'c>(corpus: &'c Corpus, statement: &Statement) -> impl Iterator<Item = (usize, &'c Note)> + use<'c> {
    let (first, last) = statement.paragraph_range();
    let document = statement.document;
    corpus
        .notes()
        .iter()
        .enumerate()
        .filter(move |(_, note)| note.document == document && (first - 1..last).contains(&note.paragraph))
}

fn write_helplines(out: &mut dyn Write, corpus: &Corpus) -> io::Result<()> {
    writeln!(out, "Helplines")?;
    for helpline in corpus.helplines() {
        match &helpline.audience {
            Some(audience) => writeln!(out, "{}: {} ({audience})", helpline.name, helpline.number)?,
            None => writeln!(out, "{}: {}", helpline.name, helpline.number)?,
        }
    }
    Ok(())
}

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

/// One line per speaker with its statement count, in display order.
pub fn write_speaker_list(out: &mut dyn Write, corpus: &Corpus, filter: &Filter) -> io::Result<()> {
    for listed in corpus.groups(filter) {
        let count = listed.statements.len();
        match listed.group {
            Group::Speaker(index) => {
                let speaker = &corpus.speakers()[index];
                writeln!(out, "{count:>4}  {} [{}] ({})", speaker.name, speaker.id, speaker.kind.as_str())?
            }
            Group::Unattributed => writeln!(out, "{count:>4}  {UNATTRIBUTED}")?,
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonDocument<'c> {
    id: &'c str,
    title: &'c str,
    source: Option<&'c str>,
    date: Option<&'c str>,
    origin: &'c str,
    paragraphs: &'c [String],
}

#[derive(Serialize)]
struct JsonSpeaker<'c> {
    id: &'c str,
    name: &'c str,
    short: &'c str,
    aliases: &'c [String],
    kind: &'static str,
    statements: usize,
}

#[derive(Serialize)]
struct JsonStatement<'c> {
    id: usize,
    document: &'c str,
    speaker: Option<&'c str>,
    kind: &'static str,
    text: std::borrow::Cow<'c, str>,
    cue: std::borrow::Cow<'c, str>,
    paragraphs: [usize; 2],
}

#[derive(Serialize)]
struct JsonNote<'c> {
    document: &'c str,
    paragraph: usize,
    found: &'c str,
    published: &'c str,
    helpline: &'c str,
    message: String,
}

/// The whole (filtered) corpus as one JSON document; the schema is in the
/// README.
///
/// The layout is serde_json's pretty printing of [`JsonCorpus`], byte for
/// byte, but the two long arrays (documents, statements) are rendered a
/// chunk at a time on every core and written in order, so a large corpus
/// is neither written on one core nor copied whole into a second form.
pub fn write_json(out: &mut dyn Write, corpus: &Corpus, filter: &Filter) -> io::Result<()> {
    write_json_in(out, corpus, filter, (64, 1024))
}

/// [`write_json`] with the documents and statements rendered `chunks` at a time.
fn write_json_in(out: &mut dyn Write, corpus: &Corpus, filter: &Filter, chunks: (usize, usize)) -> io::Result<()> {
    let statements: Vec<&Statement> = corpus.statements().iter().filter(|s| filter.keeps(s.group())).collect();
    let kept = corpus.shown_documents(filter);
    let documents: Vec<&Document> = corpus.documents().iter().zip(&kept).filter(|(_, k)| **k).map(|(d, _)| d).collect();
    let speakers = json_speakers(corpus, filter);
    let notes: Vec<JsonNote> = corpus
        .notes()
        .iter()
        .filter(|note| kept[note.document])
        .map(|note| JsonNote {
            document: &corpus.documents()[note.document].id,
            paragraph: note.paragraph + 1,
            found: &note.found,
            published: &note.published,
            helpline: &note.helpline,
            message: note.message(),
        })
        .collect();
    out.write_all(b"{\n  \"documents\": ")?;
    write_array(out, &documents, chunks.0, |doc| json_document(doc))?;
    out.write_all(b",\n  \"speakers\": ")?;
    write_value(out, &speakers)?;
    out.write_all(b",\n  \"statements\": ")?;
    write_array(out, &statements, chunks.1, |s| json_statement(corpus, s))?;
    out.write_all(b",\n  \"helplines\": ")?;
    write_value(out, &corpus.helplines())?;
    out.write_all(b",\n  \"notes\": ")?;
    write_value(out, &notes)?;
    out.write_all(b"\n}\n")
}

/// The speakers the filter keeps, in display order, with their statement counts.
fn json_speakers<'c>(corpus: &'c Corpus, filter: &Filter) -> Vec<JsonSpeaker<'c>> {
    corpus
        .groups(filter)
        .into_iter()
        .filter_map(|listed| match listed.group {
            Group::Speaker(i) => Some((i, listed.statements.len())),
            Group::Unattributed => None,
        })
        .map(|(i, statements)| {
            let speaker = &corpus.speakers()[i];
            JsonSpeaker {
                id: &speaker.id,
                name: &speaker.name,
                short: &speaker.short,
                aliases: &speaker.aliases,
                kind: speaker.kind.as_str(),
                statements,
            }
        })
        .collect()
}

fn json_document(doc: &Document) -> JsonDocument<'_> {
    JsonDocument {
        id: &doc.id,
        title: &doc.title,
        source: doc.source.as_deref(),
        date: doc.date.as_deref(),
        origin: &doc.origin,
        paragraphs: &doc.paragraphs,
    }
}

fn json_statement<'c>(corpus: &'c Corpus, s: &'c Statement) -> JsonStatement<'c> {
    let (first, last) = s.paragraph_range();
    JsonStatement {
        id: s.id,
        document: &corpus.documents()[s.document].id,
        speaker: s.speaker.map(|i| corpus.speakers()[i].id.as_str()),
        kind: s.kind.as_str(),
        text: corpus.text(s),
        cue: corpus.cue(s),
        paragraphs: [first, last],
    }
}

/// Writes `value` pretty-printed as the value of a top-level key (one
/// level in), as serde_json would inside the whole document.
fn write_value(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    let mut buf = Vec::new();
    render_at(&mut buf, value, 1)?;
    out.write_all(&buf)
}

/// Renders `value` as serde_json's pretty printer does `level` levels in.
fn render_at(buf: &mut Vec<u8>, value: &impl Serialize, level: usize) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(buf, PrettyAt { level, has_value: false });
    value.serialize(&mut serializer).map_err(io::Error::from)
}

/// serde_json's `PrettyFormatter` (two-space indent) starting `level`
/// levels in, so a piece of the document rendered on its own is byte for
/// byte what it is inside the whole. Mirrors serde_json's implementation.
struct PrettyAt {
    level: usize,
    has_value: bool,
}

impl PrettyAt {
    fn indent<W: ?Sized + Write>(&self, writer: &mut W) -> io::Result<()> {
        for _ in 0..self.level {
            writer.write_all(b"  ")?;
        }
        Ok(())
    }
}

impl serde_json::ser::Formatter for PrettyAt {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        writer.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            writer.write_all(b"\n")?;
            self.indent(writer)?;
        }
        writer.write_all(b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        writer.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(writer)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        writer.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            writer.write_all(b"\n")?;
            self.indent(writer)?;
        }
        writer.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        writer.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(writer)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Chunks rendered ahead per core before they are written (see [`write_array`]).
const RENDER_AHEAD: usize = 4;

/// Writes `items` as a JSON array that is the value of a top-level key,
/// laid out as serde_json's pretty printer lays it out there. Chunks of
/// `chunk` items are rendered on every core and written in order.
fn write_array<T: Sync, J: Serialize>(
    out: &mut dyn Write,
    items: &[T],
    chunk: usize,
    json: impl Fn(&T) -> J + Sync,
) -> io::Result<()> {
    if items.is_empty() {
        return out.write_all(b"[]");
    }
    // One chunk: its items, each on a new line two levels in, comma-separated.
    let render = |(index, items): (usize, &[T])| -> io::Result<Vec<u8>> {
        let mut buf = Vec::new();
        for (i, value) in items.iter().enumerate() {
            buf.extend_from_slice(if index == 0 && i == 0 { b"\n    " } else { b",\n    " });
            render_at(&mut buf, &json(value), 2)?;
        }
        Ok(buf)
    };
    out.write_all(b"[")?;
    let chunks: Vec<(usize, &[T])> = items.chunks(chunk).enumerate().collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(chunks.len());
    if threads <= 1 {
        for piece in chunks {
            out.write_all(&render(piece)?)?;
        }
    } else {
        // A few chunks per core at a time, rendered together and written in
        // order before the next ones start: what waits in memory stays a
        // few megabytes however slow the reader of the output is, and a
        // write error (a closed pipe) stops the rendering at once.
        for window in chunks.chunks(threads * RENDER_AHEAD) {
            let next = std::sync::atomic::AtomicUsize::new(0);
            let slots: Vec<std::sync::Mutex<Option<io::Result<Vec<u8>>>>> =
                window.iter().map(|_| std::sync::Mutex::new(None)).collect();
            std::thread::scope(|scope| {
                for _ in 0..threads.min(window.len()) {
                    scope.spawn(|| {
                        loop {
                            let index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let Some(&piece) = window.get(index) else { break };
                            let rendered = render(piece);
                            *slots[index].lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(rendered);
                        }
                    });
                }
            });
            for slot in slots {
                let rendered = slot.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
                out.write_all(&rendered.expect("every chunk of the window is rendered")?)?;
            }
        }
    }
    out.write_all(b"\n  ]")
}

#[cfg(test)]
mod markdown_tests {
    use super::*;
    use crate::corpus::{Parts, Speaker};
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
                    text: text.into(),
                    cue: "said".into(),
                    spans: vec![Span { paragraph: 0, start: 0, end: text.len() }],
                },
                &[text.to_string()],
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
        assert!(md.contains("\\[click\\](http://evil.example)"), "{md}");
    }

    #[test]
    fn line_start_markers_are_escaped() {
        assert_eq!(escape_markdown("- item"), "\\- item");
        assert_eq!(escape_markdown("1998. Since"), "1998\\. Since");
        assert_eq!(escape_markdown("# not a heading"), "\\# not a heading");
        assert_eq!(escape_markdown("plain “quoted” text, (CSE)."), "plain “quoted” text, (CSE).");
    }
}

#[cfg(test)]
mod json_tests {
    use super::*;
    use crate::corpus::Parts;

    /// The whole document as serde_json pretty-prints it in one go: what
    /// [`write_json`] must give byte for byte, however it is chunked.
    #[derive(Serialize)]
    struct Reference<'c> {
        documents: Vec<JsonDocument<'c>>,
        speakers: Vec<JsonSpeaker<'c>>,
        statements: Vec<JsonStatement<'c>>,
        helplines: &'c [crate::documents::Helpline],
        notes: Vec<JsonNote<'c>>,
    }

    fn reference(corpus: &Corpus, filter: &Filter) -> String {
        let statements: Vec<&Statement> = corpus.statements().iter().filter(|s| filter.keeps(s.group())).collect();
        let keep = |i: usize| filter.is_everyone() || statements.iter().any(|s| s.document == i);
        let json = Reference {
            documents: (0..corpus.documents().len())
                .filter(|&i| keep(i))
                .map(|i| json_document(&corpus.documents()[i]))
                .collect(),
            speakers: json_speakers(corpus, filter),
            statements: statements.iter().map(|s| json_statement(corpus, s)).collect(),
            helplines: corpus.helplines(),
            notes: corpus
                .notes()
                .iter()
                .filter(|n| keep(n.document))
                .map(|n| JsonNote {
                    document: &corpus.documents()[n.document].id,
                    paragraph: n.paragraph + 1,
                    found: &n.found,
                    published: &n.published,
                    helpline: &n.helpline,
                    message: n.message(),
                })
                .collect(),
        };
        let mut out = serde_json::to_string_pretty(&json).unwrap();
        out.push('\n');
        out
    }

    #[test]
    fn chunked_json_is_serde_json_pretty_printing_byte_for_byte() {
        let corpus = crate::fixture::changed(crate::fixture::two_documents(), |parts| {
            parts.notes = crate::notes::check_numbers(&parts.documents, &crate::documents::embedded_manifest());
        });
        let empty = Corpus::from_parts(Parts { helplines: corpus.helplines().to_vec(), ..Parts::default() });
        let nspcc = Filter::resolve(corpus.speakers(), &["nspcc".to_string()]).unwrap();
        for (corpus, filter) in [(&corpus, Filter::default()), (&corpus, nspcc), (&empty, Filter::default())] {
            let expected = reference(corpus, &filter);
            for chunks in [(1, 1), (1, 2), (2, 3), (64, 1024)] {
                let mut out = Vec::new();
                write_json_in(&mut out, corpus, &filter, chunks).unwrap();
                assert_eq!(String::from_utf8(out).unwrap(), expected, "chunks {chunks:?}");
            }
        }
    }
}

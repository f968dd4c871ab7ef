//! JSON: the whole (filtered) corpus as one document, for scripts; the
//! schema is in the README and fields are only ever added.

use std::io::{self, Write};

use serde::Serialize;

mod pieces;

use crate::corpus::{Corpus, Filter, Group, Statement};
use crate::documents::Document;

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
    cue: &'c str,
    paragraphs: [usize; 2],
    /// How sure the attribution is (0 to 1); only when there is a speaker.
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<f64>,
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
/// The layout is serde_json's pretty printing of the whole document, byte for
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
    write_array(out, &documents, chunks.0, |buf, doc| json_document(doc).write_to(buf))?;
    out.write_all(b",\n  \"speakers\": ")?;
    write_value(out, &speakers)?;
    out.write_all(b",\n  \"statements\": ")?;
    write_array(out, &statements, chunks.1, |buf, s| json_statement(corpus, s).write_to(buf))?;
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
        confidence: s.speaker.map(|_| f64::from(s.confidence) / 100.0),
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
fn write_array<T: Sync>(
    out: &mut dyn Write,
    items: &[T],
    chunk: usize,
    write_item: impl Fn(&mut Vec<u8>, &T) + Sync,
) -> io::Result<()> {
    if items.is_empty() {
        return out.write_all(b"[]");
    }
    // The largest chunk rendered so far: a chunk's buffer starts that large,
    // so it is not grown (and copied) a doubling at a time.
    let largest = std::sync::atomic::AtomicUsize::new(0);
    // One chunk: its items, each on a new line two levels in, comma-separated.
    let render = |(index, items): (usize, &[T])| -> Vec<u8> {
        let mut buf = Vec::with_capacity(largest.load(std::sync::atomic::Ordering::Relaxed));
        for (i, value) in items.iter().enumerate() {
            buf.extend_from_slice(if index == 0 && i == 0 { b"\n    " } else { b",\n    " });
            write_item(&mut buf, value);
        }
        largest.fetch_max(buf.len(), std::sync::atomic::Ordering::Relaxed);
        buf
    };
    out.write_all(b"[")?;
    let chunks: Vec<(usize, &[T])> = items.chunks(chunk).enumerate().collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(chunks.len());
    if threads <= 1 {
        for piece in chunks {
            out.write_all(&render(piece))?;
        }
    } else {
        // A few chunks per core at a time, rendered together and written in
        // order before the next ones start: what waits in memory stays a
        // few megabytes however slow the reader of the output is, and a
        // write error (a closed pipe) stops the rendering at once.
        for window in chunks.chunks(threads * RENDER_AHEAD) {
            let next = std::sync::atomic::AtomicUsize::new(0);
            let slots: Vec<std::sync::Mutex<Option<Vec<u8>>>> =
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
                out.write_all(&rendered.expect("every chunk of the window is rendered"))?;
            }
        }
    }
    out.write_all(b"\n  ]")
}

#[cfg(test)]
mod tests {
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

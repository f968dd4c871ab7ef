//! The documents and statements, the two long arrays of the JSON output,
//! written by hand: byte for byte what serde_json's pretty printer writes
//! two levels in (the tests compare them), at a fraction of its cost.
//! Their strings are the whole text of every document, and serde_json
//! tests each byte of a string on its own before copying it.

use super::{JsonDocument, JsonStatement};
use crate::ascii_run;

/// Each field of an item starts a line three levels in.
const FIELD: &[u8] = b",\n      ";

impl JsonDocument<'_> {
    /// This document, as the pretty printer writes it two levels in.
    pub(super) fn write_to(&self, buf: &mut Vec<u8>) {
        buf.extend_from_slice(b"{\n      \"id\": ");
        string(buf, self.id);
        string_field(buf, "title", self.title);
        optional_field(buf, "source", self.source);
        optional_field(buf, "date", self.date);
        string_field(buf, "origin", self.origin);
        field(buf, "paragraphs");
        if self.paragraphs.is_empty() {
            buf.extend_from_slice(b"[]");
        } else {
            buf.push(b'[');
            for (i, paragraph) in self.paragraphs.iter().enumerate() {
                buf.extend_from_slice(if i == 0 { &b"\n        "[..] } else { b",\n        " });
                string(buf, paragraph);
            }
            buf.extend_from_slice(b"\n      ]");
        }
        buf.extend_from_slice(b"\n    }");
    }
}

impl JsonStatement<'_> {
    /// This statement, as the pretty printer writes it two levels in.
    pub(super) fn write_to(&self, buf: &mut Vec<u8>) {
        let [first, last] = self.paragraphs;
        buf.extend_from_slice(b"{\n      \"id\": ");
        number(buf, self.id);
        string_field(buf, "document", self.document);
        optional_field(buf, "speaker", self.speaker);
        string_field(buf, "kind", self.kind);
        string_field(buf, "text", &self.text);
        string_field(buf, "cue", self.cue);
        buf.extend_from_slice(b",\n      \"paragraphs\": [\n        ");
        number(buf, first);
        buf.extend_from_slice(b",\n        ");
        number(buf, last);
        buf.extend_from_slice(b"\n      ]");
        if let Some(confidence) = self.confidence {
            field(buf, "confidence");
            // serde_json's own float format (shortest round trip).
            let _ = serde_json::to_writer(&mut *buf, &confidence);
        }
        buf.extend_from_slice(b"\n    }");
    }
}

/// A whole number as serde_json writes it; `core::fmt` would cost several
/// times as much, twice for every statement.
fn number(buf: &mut Vec<u8>, n: usize) {
    buf.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// The start of a field after the first: its key and the colon.
fn field(buf: &mut Vec<u8>, key: &str) {
    buf.extend_from_slice(FIELD);
    string(buf, key);
    buf.extend_from_slice(b": ");
}

/// A field after the first whose value is a string.
fn string_field(buf: &mut Vec<u8>, key: &str, text: &str) {
    field(buf, key);
    string(buf, text);
}

/// A field after the first whose value is a string or `null`.
fn optional_field(buf: &mut Vec<u8>, key: &str, text: Option<&str>) {
    match text {
        Some(text) => string_field(buf, key, text),
        None => {
            field(buf, key);
            buf.extend_from_slice(b"null");
        }
    }
}

/// `text` as a JSON string, escaped as serde_json escapes it: `"` and `\`
/// behind a backslash, the controls below space as `\n`, `\t` and the
/// like or `\u00XX`; everything else as it is.
pub(super) fn string(buf: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    buf.reserve(bytes.len() + 2);
    buf.push(b'"');
    let mut copied = 0;
    loop {
        let at = copied + ascii_run::plain_run(&bytes[copied..], to_escape, |b| !needs_escape(b));
        buf.extend_from_slice(&bytes[copied..at]);
        let Some(&byte) = bytes.get(at) else { break };
        escape(buf, byte);
        copied = at + 1;
    }
    buf.push(b'"');
}

fn needs_escape(byte: u8) -> bool {
    byte < 0x20 || byte == b'"' || byte == b'\\'
}

/// The bytes of `word` that need escaping, as high bits.
fn to_escape(word: u64) -> u64 {
    ascii_run::bytes_below(word, 0x20) | ascii_run::bytes_equal(word, b'"') | ascii_run::bytes_equal(word, b'\\')
}

fn escape(buf: &mut Vec<u8>, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short: &[u8] = match byte {
        b'"' => b"\\\"",
        b'\\' => b"\\\\",
        0x08 => b"\\b",
        0x0C => b"\\f",
        b'\n' => b"\\n",
        b'\r' => b"\\r",
        b'\t' => b"\\t",
        _ => &[b'\\', b'u', b'0', b'0', HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 0xF)]],
    };
    buf.extend_from_slice(short);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ours(text: &str) -> String {
        let mut buf = Vec::new();
        string(&mut buf, text);
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn every_character_below_0x80_is_escaped_as_serde_json_escapes_it() {
        for byte in 0u8..0x80 {
            let text = format!("a longer run {} of text after", char::from(byte));
            assert_eq!(ours(&text), serde_json::to_string(&text).unwrap(), "{byte:#x}");
        }
    }

    /// What serde_json's pretty printer writes for `value` two levels in.
    fn serde(value: &impl serde::Serialize) -> String {
        let mut buf = Vec::new();
        super::super::render_at(&mut buf, value, 2).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn documents_and_statements_are_laid_out_as_serde_json_lays_them_out() {
        let paragraphs = ["First \"one\".".to_string(), "Second\tline\n".to_string()];
        for (source, date, paragraphs) in [
            (Some("The Paper"), Some("2017-03-01"), &paragraphs[..]),
            (None, None, &paragraphs[..1]),
            (None, None, &[][..]),
        ] {
            let document =
                JsonDocument { id: "a-b", title: "A \\ title", source, date, origin: "dir/a b.txt", paragraphs };
            let mut buf = Vec::new();
            document.write_to(&mut buf);
            assert_eq!(String::from_utf8(buf).unwrap(), serde(&document));
        }
        for (speaker, confidence) in [(Some("nspcc"), Some(0.85)), (Some("x"), Some(1.0)), (None, None)] {
            let statement = JsonStatement {
                id: 12,
                document: "a-b",
                speaker,
                kind: "direct",
                text: "“Quoted,” she said \"here\".".into(),
                cue: "said",
                paragraphs: [3, 4],
                confidence,
            };
            let mut buf = Vec::new();
            statement.write_to(&mut buf);
            assert_eq!(String::from_utf8(buf).unwrap(), serde(&statement));
        }
    }

    proptest::proptest! {
        #[test]
        fn any_string_is_written_as_serde_json_writes_it(text in "[a-z \"\\\\\\u{0}-\\u{1f}\\u{7f}é“漢🙂]{0,40}") {
            proptest::prop_assert_eq!(ours(&text), serde_json::to_string(&text).unwrap());
        }
    }
}

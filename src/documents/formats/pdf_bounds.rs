//! The PDF reader, bounded. A PDF is untrusted: a few kilobytes of Flate
//! data can inflate to gigabytes (and end the process when the allocation
//! fails), a page tree can point back into itself, and a file can ask for
//! any number of pages. So before pdf-extract sees a file its compressed
//! streams are measured without keeping what they inflate to, its page tree
//! is checked, and its pages are read once each against a time budget.

use std::cell::RefCell;
use std::collections::HashSet;
use std::io::Read;
use std::rc::Rc;
use std::time::{Duration, Instant};

use pdf_extract::{ConvertToFmt, Document, MediaBox, ObjectId, OutputDev, OutputError, PlainTextOutput};

use super::pdf_error::PdfError;

/// Most bytes a PDF's streams may inflate to, whatever its size: 512 MiB.
pub const MAX_INFLATED_BYTES: u64 = 512 * 1024 * 1024;
/// Most bytes a PDF's streams may inflate to per byte of the file (text and
/// fonts compress three to ten times; a bomb, a thousand times).
pub const MAX_INFLATION_RATIO: u64 = 100;
/// The inflation allowed to any PDF however small (a short report with
/// embedded fonts).
pub const MIN_INFLATED_BYTES: u64 = 32 * 1024 * 1024;
/// Most pages read from one PDF.
pub const MAX_PAGES: usize = 50_000;
/// Longest time spent reading one PDF's pages.
pub const MAX_PDF_TIME: Duration = Duration::from_secs(60);
/// Most levels between a page and the root of its page tree.
const MAX_TREE_DEPTH: usize = 256;
/// Most Flate filters applied one over another to a stream.
const MAX_LAYERS: usize = 4;

/// What the streams of a PDF of `file_len` bytes may inflate to in all.
pub fn inflation_budget(file_len: usize) -> u64 {
    (file_len as u64).saturating_mul(MAX_INFLATION_RATIO).clamp(MIN_INFLATED_BYTES, MAX_INFLATED_BYTES)
}

/// Each page's text, read with every bound checked.
pub fn bounded_pages(bytes: &[u8]) -> Result<Vec<String>, PdfError> {
    let budget = inflation_budget(bytes.len());
    if inflated_size(bytes, budget).is_none() {
        return Err(PdfError::TooLarge(budget >> 20));
    }
    let mut doc = Document::load_mem(bytes).map_err(|err| PdfError::Unreadable(err.to_string()))?;
    if doc.is_encrypted() {
        // As pdf-extract does: an empty user password opens many "protected" PDFs.
        doc.decrypt("").map_err(|err| PdfError::Unreadable(err.to_string()))?;
    }
    let pages = doc.get_pages();
    if pages.len() > MAX_PAGES {
        return Err(PdfError::TooManyPages(MAX_PAGES));
    }
    check_page_tree(&doc, pages.values())?;
    super::pdf_xobjects::check_xobjects(&doc, pages.values())?;
    let mut output = Pages::new(Instant::now() + MAX_PDF_TIME);
    match pdf_extract::output_doc(&doc, &mut output) {
        Ok(()) => Ok(output.pages),
        Err(_) if output.late => Err(PdfError::TooSlow(MAX_PDF_TIME.as_secs())),
        Err(err) => Err(PdfError::Unreadable(err.to_string())),
    }
}

/// Every page's way up to the root ends there: no `Parent` leads back to
/// a node already passed (pdf-extract would follow it for ever).
fn check_page_tree<'a>(doc: &Document, pages: impl Iterator<Item = &'a ObjectId>) -> Result<(), PdfError> {
    let mut known_good: HashSet<ObjectId> = HashSet::new();
    for &page in pages {
        let mut path = Vec::new();
        let mut node = page;
        loop {
            if known_good.contains(&node) {
                break;
            }
            if path.contains(&node) {
                return Err(PdfError::PageTreeLoop);
            }
            if path.len() >= MAX_TREE_DEPTH {
                return Err(PdfError::PageTreeLoop);
            }
            path.push(node);
            let parent = doc.get_dictionary(node).ok().and_then(|dict| dict.get(b"Parent").ok());
            match parent.and_then(|p| p.as_reference().ok()) {
                Some(next) => node = next,
                None => break,
            }
        }
        known_good.extend(path);
    }
    Ok(())
}

/// Collects each page's text as pdf-extract's plain-text output lays it
/// out, and stops the reading when the time is up.
struct Pages {
    text: Rc<RefCell<String>>,
    inner: PlainTextOutput<SharedText>,
    pages: Vec<String>,
    deadline: Instant,
    late: bool,
}

/// The text of the page being read, shared between [`Pages`] and the
/// plain-text output that writes it.
#[derive(Clone)]
struct SharedText(Rc<RefCell<String>>);

impl std::fmt::Write for SharedText {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.borrow_mut().push_str(s);
        Ok(())
    }
}

impl ConvertToFmt for SharedText {
    type Writer = SharedText;
    fn convert(self) -> SharedText {
        self
    }
}

impl Pages {
    fn new(deadline: Instant) -> Pages {
        let text = Rc::new(RefCell::new(String::new()));
        let inner = PlainTextOutput::new(SharedText(Rc::clone(&text)));
        Pages { text, inner, pages: Vec::new(), deadline, late: false }
    }
}

impl OutputDev for Pages {
    fn begin_page(
        &mut self,
        page: u32,
        media_box: &MediaBox,
        art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        if Instant::now() > self.deadline {
            self.late = true;
            return Err(OutputError::IoError(std::io::Error::other("time is up")));
        }
        // Each page starts as pdf-extract's page-by-page reading starts it.
        self.inner = PlainTextOutput::new(SharedText(Rc::clone(&self.text)));
        self.inner.begin_page(page, media_box, art_box)
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        self.inner.end_page()?;
        self.pages.push(std::mem::take(&mut *self.text.borrow_mut()));
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &pdf_extract::Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        self.inner.output_character(trm, width, spacing, font_size, char)
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.inner.begin_word()
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        self.inner.end_word()
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        self.inner.end_line()
    }
}

/// What the Flate streams of a PDF inflate to in all, counted without
/// keeping it, or `None` past `budget`. Every stream whose dictionary names
/// `FlateDecode` is measured (as many layers as it names), the zlib header
/// and the raw-deflate retry handled as the PDF reader handles them. One
/// pass over the file.
pub fn inflated_size(bytes: &[u8], budget: u64) -> Option<u64> {
    let mut total = 0u64;
    let mut dict_from = 0;
    let mut at = 0;
    while let Some(found) = find(&bytes[at..], b"stream") {
        let keyword = at + found;
        at = keyword + b"stream".len();
        if keyword >= 3 && &bytes[keyword - 3..keyword] == b"end" {
            dict_from = at;
            continue;
        }
        // Everything since the last stream holds this one's dictionary
        // (cutting at its `obj` would let a key named `/Xobj` hide a filter).
        let dict = &bytes[dict_from..keyword];
        let layers = count(dict, b"FlateDecode");
        let lzw = count(dict, b"LZWDecode");
        dict_from = at;
        if layers == 0 && lzw == 0 {
            continue;
        }
        // LZW over or under Flate is not counted layer by layer: refused.
        if layers > MAX_LAYERS || lzw > 1 || (lzw == 1 && layers > 0) {
            return None;
        }
        let mut data = &bytes[at..];
        if data.starts_with(b"\r") {
            data = &data[1..];
        }
        if data.starts_with(b"\n") {
            data = &data[1..];
        }
        total += if lzw == 1 {
            lzw_size(data, !contains(dict, b"/EarlyChange 0"), budget - total)?
        } else {
            layered_size(data, layers, budget - total)?
        };
    }
    Some(total)
}

/// Bytes `data` inflates to through `layers` Flate filters, every layer's
/// output counted, or `None` past `budget`.
fn layered_size(data: &[u8], layers: usize, budget: u64) -> Option<u64> {
    let mut total = 0;
    for depth in 1..=layers {
        let size = match count_inflated(data, depth, false, budget - total)? {
            0 if data.len() > 2 => count_inflated(&data[2..], depth, true, budget - total)?,
            size => size,
        };
        total += size;
        if size == 0 {
            break;
        }
    }
    Some(total)
}

/// The size of `data` through `depth` inflaters (the first raw deflate when
/// `raw`), or `None` past `budget`. A stream that stops being valid ends
/// there, as the PDF reader keeps what it got.
fn count_inflated(data: &[u8], depth: usize, raw: bool, budget: u64) -> Option<u64> {
    let mut reader: Box<dyn Read + '_> = if raw {
        Box::new(flate2::read::DeflateDecoder::new(data))
    } else {
        Box::new(flate2::read::ZlibDecoder::new(data))
    };
    for _ in 1..depth {
        reader = Box::new(flate2::read::ZlibDecoder::new(reader));
    }
    let mut buffer = vec![0u8; 64 * 1024];
    let mut total = 0u64;
    loop {
        match reader.read(&mut buffer) {
            Ok(0) | Err(_) => return Some(total),
            Ok(n) => total += n as u64,
        }
        if total > budget {
            return None;
        }
    }
}

/// Bytes an LZW stream decodes to (as the PDF reader decodes it: 8-bit
/// codes, the early change unless the dictionary turns it off), or `None`
/// past `budget`. An LZW stream can grow a few thousand times.
fn lzw_size(data: &[u8], early_change: bool, budget: u64) -> Option<u64> {
    let mut decoder = if early_change {
        weezl::decode::Decoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8)
    } else {
        weezl::decode::Decoder::new(weezl::BitOrder::Msb, 8)
    };
    let mut counter = Counter { total: 0, budget };
    // The decoder stops with an error where the counter refuses more (or
    // where the stream stops being valid, which the reader keeps up to).
    let _ = decoder.into_stream(&mut counter).decode_all(data);
    (counter.total <= budget).then_some(counter.total)
}

/// A sink that counts what is written to it and refuses more past its budget.
struct Counter {
    total: u64,
    budget: u64,
}

impl std::io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.total += buf.len() as u64;
        if self.total > self.budget {
            return Err(std::io::Error::other("past the budget"));
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    find(haystack, needle).is_some()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack.windows(needle.len()).filter(|window| *window == needle).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(data).unwrap();
        encoder.finish().unwrap()
    }

    fn stream_object(filter: &str, data: &[u8]) -> Vec<u8> {
        let mut object = format!("4 0 obj\n<< /Length {} /Filter {filter} >>\nstream\n", data.len()).into_bytes();
        object.extend_from_slice(data);
        object.extend_from_slice(b"\nendstream\nendobj\n");
        object
    }

    fn lzw(data: &[u8]) -> Vec<u8> {
        weezl::encode::Encoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8).encode(data).unwrap()
    }

    #[test]
    fn lzw_streams_are_measured_and_an_lzw_bomb_is_stopped_at_the_budget() {
        let page = lzw(&b"BT (Hello) Tj ET\n".repeat(100));
        assert_eq!(inflated_size(&stream_object("/LZWDecode", &page), 1 << 20), Some(1700));
        let bomb = lzw(&vec![0u8; 64 << 20]);
        assert!(bomb.len() < 200_000, "{}", bomb.len());
        assert_eq!(inflated_size(&stream_object("/LZWDecode", &bomb), 32 << 20), None);
        assert_eq!(inflated_size(&stream_object("[/LZWDecode /FlateDecode]", &page), 32 << 20), None);
    }

    #[test]
    fn flate_streams_are_measured_and_a_bomb_is_stopped_at_the_budget() {
        let page = zlib(&b"BT (Hello) Tj ET\n".repeat(100));
        let small = stream_object("/FlateDecode", &page);
        assert_eq!(inflated_size(&small, 1 << 20), Some(1700));
        let bomb = zlib(&vec![0u8; 64 << 20]);
        assert!(bomb.len() < 100 << 10, "{} bytes", bomb.len());
        assert_eq!(inflated_size(&stream_object("/FlateDecode", &bomb), 32 << 20), None);
        let twice = zlib(&bomb);
        assert_eq!(inflated_size(&stream_object("[/FlateDecode /FlateDecode]", &twice), 32 << 20), None);
        assert_eq!(
            inflated_size(&stream_object("/DCTDecode", &bomb), 32 << 20),
            Some(0),
            "only Flate and LZW are inflated"
        );
    }

    #[test]
    fn the_budget_grows_with_the_file_between_bounds() {
        assert_eq!(inflation_budget(1000), MIN_INFLATED_BYTES);
        assert_eq!(inflation_budget(1 << 20), 100 << 20);
        assert_eq!(inflation_budget(1 << 30), MAX_INFLATED_BYTES);
    }
}

//! Form XObjects that draw themselves. A page draws a Form XObject with
//! `/Name Do`, and the PDF reader (pdf-extract) reads the form's content
//! where it is drawn, following every `Do` inside it without limit: a form
//! that draws itself, directly or through another, would recurse until the
//! stack ran out and end the whole process. So the drawings are walked
//! first, as the reader would walk them, and such a PDF is refused.

use std::collections::HashMap;

use pdf_extract::content::Content;
use pdf_extract::{Dictionary, Document, Object, ObjectId};

use super::pdf_error::PdfError;

/// Most forms drawn one inside another: real PDFs nest a handful.
pub const MAX_XOBJECT_DEPTH: usize = 32;
/// Most form drawings followed in one PDF (one form drawn on every page
/// counts once per page), so a fan-out of forms drawing each other twice
/// over cannot multiply the reader's work.
pub const MAX_XOBJECT_DRAWS: usize = 100_000;

/// Refuses a PDF whose Form XObjects draw themselves, nest deeper than
/// [`MAX_XOBJECT_DEPTH`] or are drawn more than [`MAX_XOBJECT_DRAWS`] times.
pub fn check_xobjects<'a>(doc: &Document, pages: impl Iterator<Item = &'a ObjectId>) -> Result<(), PdfError> {
    let empty = Dictionary::new();
    let mut walk = Walk { doc, names: HashMap::new(), stack: Vec::new(), draws: 0 };
    for &page_id in pages {
        let Ok(page) = doc.get_dictionary(page_id) else { continue };
        let resources = inherited_resources(doc, page).unwrap_or(&empty);
        let Ok(content) = doc.get_page_content(page_id) else { continue };
        walk.draws_in(&drawn_names(&content), resources)?;
    }
    Ok(())
}

struct Walk<'a> {
    doc: &'a Document,
    /// The names each form's content draws, decoded once per form.
    names: HashMap<ObjectId, Vec<Vec<u8>>>,
    /// The forms being drawn, outermost first.
    stack: Vec<ObjectId>,
    draws: usize,
}

impl<'a> Walk<'a> {
    /// Follows each of `names`, drawn with `resources`, as the reader does.
    fn draws_in(&mut self, names: &[Vec<u8>], resources: &'a Dictionary) -> Result<(), PdfError> {
        let Some(xobjects) = dictionary(self.doc, resources, b"XObject") else { return Ok(()) };
        for name in names {
            let Ok(id) = xobjects.get(name).and_then(Object::as_reference) else { continue };
            if self.stack.contains(&id) {
                return Err(PdfError::XObjectLoop);
            }
            self.draws += 1;
            if self.draws > MAX_XOBJECT_DRAWS || self.stack.len() >= MAX_XOBJECT_DEPTH {
                return Err(PdfError::TooManyXObjects);
            }
            let Ok(stream) = self.doc.get_object(id).and_then(Object::as_stream) else { continue };
            // A form without resources of its own uses its caller's, as in the reader.
            let inner = dictionary(self.doc, &stream.dict, b"Resources").unwrap_or(resources);
            let inner_names = match self.names.get(&id) {
                Some(found) => found.clone(),
                None => {
                    let data = stream.decompressed_content().unwrap_or_else(|_| stream.content.clone());
                    let found = drawn_names(&data);
                    self.names.insert(id, found.clone());
                    found
                }
            };
            self.stack.push(id);
            self.draws_in(&inner_names, inner)?;
            self.stack.pop();
        }
        Ok(())
    }
}

/// The names a content stream draws with `Do`, in order.
fn drawn_names(content: &[u8]) -> Vec<Vec<u8>> {
    let Ok(content) = Content::decode(content) else { return Vec::new() };
    content
        .operations
        .iter()
        .filter(|op| op.operator == "Do")
        .filter_map(|op| op.operands.first().and_then(|o| o.as_name().ok()).map(<[u8]>::to_vec))
        .collect()
}

/// `key` of `dict` as a dictionary, followed through one reference.
fn dictionary<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    let object = dict.get(key).ok()?;
    doc.dereference(object).ok()?.1.as_dict().ok()
}

/// A page's resources, from the page or the nearest node above it that has
/// them (at most as many levels as the page-tree check allows).
fn inherited_resources<'a>(doc: &'a Document, mut node: &'a Dictionary) -> Option<&'a Dictionary> {
    for _ in 0..256 {
        if let Some(resources) = dictionary(doc, node, b"Resources") {
            return Some(resources);
        }
        node = doc.get_dictionary(node.get(b"Parent").ok()?.as_reference().ok()?).ok()?;
    }
    None
}

//! A minimal PDF writer: numbered objects, the cross-reference table and the
//! trailer, object 1 the catalog. Shared by the `scaling` bench and the
//! integration tests (each includes it with `#[path]`), which generate their
//! PDF fixtures rather than commit them.

#![allow(dead_code)]

/// A PDF of `objects` (each the text between `N 0 obj` and `endobj`).
pub fn pdf_from_objects(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend_from_slice(object);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
    );
    pdf
}

/// A PDF of `pages` pages, each one line of Helvetica text naming its page.
pub fn pdf_of_pages(pages: usize) -> Vec<u8> {
    let first_page = 4;
    let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", first_page + 2 * i)).collect();
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!("<< /Type /Pages /Kids [{}] /Count {pages} >>", kids.join(" ")).into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
    ];
    for i in 0..pages {
        let page = first_page + 2 * i;
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
                page + 1
            )
            .into_bytes(),
        );
        let ops = format!("BT /F1 12 Tf 72 800 Td (Page {i}: the charity said it was worried.) Tj ET\n");
        let mut stream = format!("<< /Length {} >>\nstream\n", ops.len()).into_bytes();
        stream.extend_from_slice(ops.as_bytes());
        stream.extend_from_slice(b"\nendstream");
        objects.push(stream);
    }
    pdf_from_objects(&objects)
}

//! Why a PDF gave no document, apart from the reading itself, so the
//! bounds and the reader can both name it.

/// Why a PDF gave no document. The messages complete "`<file>` …" in the
/// loader's file problems, so they are written to follow a file name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    /// The file parsed, but no page had any text: usually a scan, which
    /// would need OCR, and we say so rather than show an empty document.
    #[error("has no text layer (a scanned PDF?); skipped")]
    NoTextLayer,
    /// The PDF reader rejected the file (damaged, encrypted, not a PDF).
    #[error("could not be read as a PDF ({0}); skipped")]
    Unreadable(String),
    /// The PDF reader panicked on the file; caught so one odd file never
    /// stops the others from loading.
    #[error("made the PDF reader fail (a damaged or unusual PDF?); skipped")]
    ReaderFailed,
    /// Its compressed streams inflate past the budget for its size (see
    /// `pdf_bounds::inflation_budget`), in MiB.
    #[error("would inflate to more than {0} MiB (a decompression bomb?); skipped")]
    TooLarge(u64),
    /// A page's `Parent` leads back to a node already passed.
    #[error("has a page tree that loops back on itself (a damaged PDF?); skipped")]
    PageTreeLoop,
    /// A Form XObject draws itself, directly or through another.
    #[error("has a drawing (a form XObject) that draws itself (a damaged or hostile PDF?); skipped")]
    XObjectLoop,
    /// Forms nested or drawn past `pdf_xobjects::MAX_XOBJECT_DEPTH` or `MAX_XOBJECT_DRAWS`.
    #[error("draws too many forms within forms (a damaged or hostile PDF?); skipped")]
    TooManyXObjects,
    /// More pages than `pdf_bounds::MAX_PAGES`.
    #[error("has more than {0} pages; skipped")]
    TooManyPages(usize),
    /// Reading its pages took longer than the bound, in seconds.
    #[error("took longer than {0} seconds to read; skipped")]
    TooSlow(u64),
    /// Every line was taken for a running header or footer.
    #[error("had all its text taken for running headers and footers; skipped")]
    AllHeaders,
}

//! Reading documents from the embedded seeds, files, folders and stdin.
//!
//! Every input is untrusted: a file that cannot be read, is binary or is not
//! UTF-8 becomes a [`FileProblem`] naming the file and the [`Problem`], and
//! never stops the other files from loading.

use std::borrow::Cow;
use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::formats::{self, Converted, Kind};
use super::limits;
use super::manifest::{DocumentMeta, MANIFEST_FILE, Manifest};
use super::problem::{FileProblem, Problem};
use super::{Document, sanitize, slug, title_from_stem};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/seeds.rs"));
}

/// Where documents come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The seed corpus compiled into the binary.
    Embedded,
    /// A file, or a folder read recursively.
    Path(PathBuf),
    /// Standard input (`-` on the command line).
    Stdin,
}

/// File extensions read when a folder is walked: plain text and every
/// format [`super::formats`] converts.
pub const FOLDER_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "pdf"];

/// How many leading bytes are checked for NUL to tell a binary file.
const BINARY_SNIFF_BYTES: usize = 8192;

/// The embedded manifest, parsed; the seeds are ours, so a parse error is a
/// build mistake caught by the tests.
pub fn embedded_manifest() -> Manifest {
    embedded::SEED_FILES
        .iter()
        .find(|(name, _)| *name == MANIFEST_FILE)
        .map(|(_, bytes)| Manifest::parse(&String::from_utf8_lossy(bytes)).expect("seeds/corpus.toml is valid"))
        .unwrap_or_default()
}

/// What [`plan`] found: every input to read, in load order, and the
/// manifests merged. Cheap to make: folders are walked and manifests read,
/// but no document is opened (standard input aside, which is read here).
#[derive(Debug, Default)]
pub struct Plan {
    /// In load order.
    pub inputs: Vec<Input>,
    /// The manifests found, merged; helplines fall back to the embedded
    /// manifest's so a helpline is always shown.
    pub manifest: Manifest,
}

impl Plan {
    /// How many inputs are documents to read (the rest are problems found
    /// while walking), for the progress count.
    pub fn files(&self) -> usize {
        self.inputs.iter().filter(|input| input.is_file()).count()
    }
}

/// One step of loading, in load order: a document to read, or a problem
/// found while walking the sources (a missing path, a broken manifest).
#[derive(Debug)]
pub struct Input {
    /// Where it is read from, for messages (a path, "seeds/x.txt", "stdin").
    origin: String,
    /// Its file name: for the manifest, the id and the fallback title.
    name: String,
    /// What the manifest beside it says about it.
    meta: Option<DocumentMeta>,
    what: What,
}

#[derive(Debug)]
enum What {
    File(PathBuf),
    Embedded(&'static [u8]),
    Bytes(Vec<u8>),
    Problem(FileProblem),
}

impl Input {
    /// Whether this input is a document to read (not a problem found while walking).
    pub fn is_file(&self) -> bool {
        !matches!(self.what, What::Problem(_))
    }

    /// Reads, decodes, sanitises and splits this input. Independent of
    /// every other input, so any thread can do it; only the document id
    /// waits for [`Ids::settle`], which must see the inputs in load order.
    pub fn prepare(self) -> Prepared {
        let mut prepared = Prepared { file: self.is_file(), ..Prepared::default() };
        let Input { origin, name, meta, what } = self;
        match what {
            What::Problem(problem) => prepared.problems.push(problem),
            What::Embedded(bytes) => prepared.document(&origin, &name, Cow::Borrowed(bytes), meta.as_ref()),
            What::Bytes(bytes) => prepared.document(&origin, &name, Cow::Owned(bytes), meta.as_ref()),
            What::File(path) => match limits::read_path(&path, limits::MAX_INPUT_BYTES) {
                Ok(read) => {
                    if read.truncated {
                        prepared.problem(&origin, Problem::Truncated);
                    }
                    prepared.document(&origin, &name, Cow::Owned(read.bytes), meta.as_ref());
                }
                Err(problem) => prepared.problem(&origin, problem),
            },
        }
        prepared
    }
}

/// One input read: its problems and its document, if it made one. The
/// document's id is still the bare slug of its file name.
#[derive(Debug, Default)]
pub struct Prepared {
    /// What went wrong reading it, if anything (it may still have made a document).
    pub problems: Vec<FileProblem>,
    /// The document it made, if any.
    pub document: Option<Document>,
    /// The slug an id was made from, when the input took one (a file with
    /// no text takes an id without making a document, as it always has).
    id_base: Option<String>,
    /// Whether the input was a document to read (not a problem found while
    /// walking), for the progress count.
    file: bool,
}

impl Prepared {
    /// Whether this came from a document to read, as [`Input::is_file`].
    pub fn from_file(&self) -> bool {
        self.file
    }
}

/// Document ids, unique across the corpus: the file name's slug, then
/// `-2`, `-3`… in load order.
#[derive(Debug, Default)]
pub struct Ids {
    used: HashSet<String>,
}

impl Ids {
    /// Gives a prepared input's document its unique id and appends it and
    /// the input's problems. Call it for every input in load order.
    pub fn settle(&mut self, prepared: Prepared, documents: &mut Vec<Document>, problems: &mut Vec<FileProblem>) {
        let Prepared { problems: found, document, id_base, .. } = prepared;
        problems.extend(found);
        let Some(base) = id_base else { return };
        let id = self.unique(base);
        if let Some(mut document) = document {
            document.id = id;
            documents.push(document);
        }
    }

    fn unique(&mut self, base: String) -> String {
        let mut id = base.clone();
        let mut n = 2;
        while !self.used.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }
}

/// Walks the sources in order: lists the files to read (without opening
/// them), reads the manifests and standard input, and notes the problems
/// found on the way.
pub fn plan(sources: &[Source], stdin: &mut dyn Read) -> Plan {
    let mut planner = Planner::default();
    for source in sources {
        match source {
            Source::Embedded => planner.embedded(),
            Source::Path(path) => planner.path(path),
            Source::Stdin => planner.stdin(stdin),
        }
    }
    let mut plan = planner.plan;
    if plan.manifest.helplines.is_empty() {
        // A helpline is always shown; the embedded ones are checked.
        let embedded = embedded_manifest();
        plan.manifest.helplines = embedded.helplines;
    }
    plan
}

#[derive(Default)]
struct Planner {
    plan: Plan,
    /// Folders already walked, by identity, so a link loop is walked once.
    visited_dirs: HashSet<DirId>,
}

/// What identifies a folder however it is reached: device and inode.
#[cfg(unix)]
type DirId = (u64, u64);
#[cfg(not(unix))]
type DirId = PathBuf;

#[cfg(unix)]
fn dir_id(dir: &Path) -> Option<DirId> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(dir).ok().map(|meta| (meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn dir_id(dir: &Path) -> Option<DirId> {
    std::fs::canonicalize(dir).ok()
}

/// A folder being walked: where it started (as named, and as the
/// canonical path links must stay inside) and its manifest.
struct Walk<'a> {
    root: &'a Path,
    canonical_root: PathBuf,
    manifest: Option<&'a Manifest>,
}

impl Planner {
    fn problem(&mut self, origin: &Path, problem: Problem) {
        let problem = What::Problem(FileProblem::new(&origin.display().to_string(), problem));
        self.plan.inputs.push(Input { origin: String::new(), name: String::new(), meta: None, what: problem });
    }

    fn input(&mut self, origin: String, name: &str, meta: Option<&Manifest>, what: What) {
        let meta = meta.and_then(|m| m.document(name)).cloned();
        self.plan.inputs.push(Input { origin, name: name.to_string(), meta, what });
    }

    fn embedded(&mut self) {
        let manifest = embedded_manifest();
        for (name, bytes) in embedded::SEED_FILES {
            if *name == MANIFEST_FILE || !has_extension(Path::new(name), FOLDER_EXTENSIONS) {
                continue;
            }
            self.input(format!("seeds/{name}"), name, Some(&manifest), What::Embedded(bytes));
        }
        self.merge_manifest(manifest);
    }

    /// Standard input, read here (at most [`limits::MAX_INPUT_BYTES`]).
    fn stdin(&mut self, stdin: &mut dyn Read) {
        match limits::read_capped(stdin, limits::MAX_INPUT_BYTES) {
            Ok(read) => {
                if read.truncated {
                    self.problem(Path::new("stdin"), Problem::Truncated);
                }
                self.input("stdin".to_string(), "Standard input", None, What::Bytes(read.bytes));
            }
            Err(err) => self.problem(Path::new("stdin"), Problem::stdin(&err)),
        }
    }

    /// A path named on the command line: read as given, links followed.
    fn path(&mut self, path: &Path) {
        match std::fs::metadata(path) {
            Err(err) => self.problem(path, Problem::io(&err)),
            Ok(meta) if meta.is_dir() => self.folder(path),
            Ok(_) => {
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                self.input(path.display().to_string(), &name, None, What::File(path.to_path_buf()));
            }
        }
    }

    fn folder(&mut self, dir: &Path) {
        let canonical_root = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        let manifest = self.manifest(dir, &canonical_root);
        let walk = Walk { root: dir, canonical_root, manifest: manifest.as_ref() };
        self.walk(&walk, dir, 0);
        if let Some(manifest) = manifest {
            self.merge_manifest(manifest);
        }
    }

    /// The folder's `corpus.toml`, when it is a file inside the folder
    /// that parses; each refused entry is noted.
    fn manifest(&mut self, dir: &Path, canonical_root: &Path) -> Option<Manifest> {
        let path = dir.join(MANIFEST_FILE);
        let target = std::fs::canonicalize(&path).ok()?;
        if !target.starts_with(canonical_root) {
            self.problem(&path, Problem::OutsideFolder);
            return None;
        }
        let meta = std::fs::metadata(&target).ok()?;
        if let Some(kind) = limits::special_kind(&meta.file_type()) {
            self.problem(&path, Problem::NotAFile(kind));
            return None;
        }
        let read = match limits::read_path(&target, limits::MAX_MANIFEST_BYTES) {
            Ok(read) if read.truncated => {
                self.problem(&path, Problem::ManifestTooLarge);
                return None;
            }
            Ok(read) => read,
            Err(_) => return None,
        };
        let text = String::from_utf8_lossy(&read.bytes);
        match Manifest::parse(&text) {
            Ok(mut manifest) => {
                for refused in std::mem::take(&mut manifest.refused) {
                    self.problem(&path, Problem::Refused(refused));
                }
                Some(manifest)
            }
            Err(err) => {
                self.problem(&path, Problem::bad_manifest(&err));
                None
            }
        }
    }

    /// Lists a folder's files, in name order, and walks its folders: regular
    /// files only (a FIFO, socket or device is named and skipped unopened),
    /// links only when their target stays inside the folder walked, at most
    /// [`limits::MAX_DEPTH`] folders deep.
    fn walk(&mut self, walk: &Walk, dir: &Path, depth: usize) {
        if depth > limits::MAX_DEPTH {
            return self.problem(dir, Problem::TooDeep);
        }
        if let Some(id) = dir_id(dir)
            && !self.visited_dirs.insert(id)
        {
            return self.problem(dir, Problem::Loop);
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(err) => return self.problem(dir, Problem::io(&err)),
        };
        let mut entries: Vec<(PathBuf, Option<std::fs::FileType>)> =
            entries.filter_map(Result::ok).map(|entry| (entry.path(), entry.file_type().ok())).collect();
        // Every entry is `dir` joined with one name, so byte order is the
        // order of the names as `Path` compares them, at a fraction of the
        // cost of comparing component by component (8,000 files: 74 M
        // instructions to sort on the main thread before any read began).
        entries.sort_by(|a, b| a.0.as_os_str().as_encoded_bytes().cmp(b.0.as_os_str().as_encoded_bytes()));
        for (path, file_type) in entries {
            let hidden = path.file_name().is_some_and(|name| name.to_string_lossy().starts_with('.'));
            if hidden {
                continue;
            }
            match file_type {
                Some(file_type) if file_type.is_symlink() => self.link(walk, path, depth),
                Some(file_type) => self.entry(walk, path, &file_type, depth),
                None => {}
            }
        }
    }

    /// A link inside a folder: followed only when its target is inside it.
    fn link(&mut self, walk: &Walk, path: PathBuf, depth: usize) {
        let target = match std::fs::canonicalize(&path) {
            Ok(target) => target,
            // A broken link to a document is named, as a missing file is.
            Err(err) if has_extension(&path, FOLDER_EXTENSIONS) => return self.problem(&path, Problem::io(&err)),
            Err(_) => return,
        };
        if !target.starts_with(&walk.canonical_root) {
            return self.problem(&path, Problem::OutsideFolder);
        }
        if let Ok(meta) = std::fs::metadata(&target) {
            self.entry(walk, path, &meta.file_type(), depth);
        }
    }

    fn entry(&mut self, walk: &Walk, path: PathBuf, file_type: &std::fs::FileType, depth: usize) {
        if file_type.is_dir() {
            self.walk(walk, &path, depth + 1);
        } else if let Some(kind) = limits::special_kind(file_type) {
            self.problem(&path, Problem::NotAFile(kind));
        } else if has_extension(&path, FOLDER_EXTENSIONS) {
            let relative = path.strip_prefix(walk.root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            self.input(path.display().to_string(), &relative, walk.manifest, What::File(path));
        }
    }

    fn merge_manifest(&mut self, manifest: Manifest) {
        let target = &mut self.plan.manifest;
        if target.content_note.is_none() {
            target.content_note = manifest.content_note;
        }
        target.documents.extend(manifest.documents);
        target.speakers.extend(manifest.speakers);
        for helpline in manifest.helplines {
            if !target.helplines.iter().any(|h| h.number == helpline.number) {
                target.helplines.push(helpline);
            }
        }
    }
}

impl Prepared {
    fn problem(&mut self, origin: &str, problem: Problem) {
        self.problems.push(FileProblem::new(origin, problem));
    }

    /// Decodes, sanitises and splits one input; `name` is its file name (for
    /// the manifest, the id and the fallback title). Owned bytes become the
    /// text in place when they are UTF-8, so a large file is not held twice.
    fn document(&mut self, origin: &str, name: &str, bytes: Cow<'_, [u8]>, meta: Option<&DocumentMeta>) {
        if bytes.is_empty() {
            return self.problem(origin, Problem::Empty);
        }
        // A PDF announces itself; trusting that over the name lets a PDF
        // piped to stdin or saved without an extension still be read.
        let kind = if bytes.starts_with(b"%PDF-") { Kind::Pdf } else { Kind::from_name(name) };
        if kind == Kind::Pdf {
            return match formats::pdf_to_paragraphs(&bytes) {
                Ok(converted) => self.converted(origin, name, &converted, meta),
                Err(err) => self.problem(origin, Problem::pdf(err)),
            };
        }
        let text: Cow<'_, str> = if let Some(utf16) = utf16_with_bom(&bytes) {
            // UTF-16 holds NUL bytes in every ASCII character: read before the binary check.
            Cow::Owned(utf16.into_owned())
        } else if bytes[..bytes.len().min(BINARY_SNIFF_BYTES)].contains(&0) {
            return self.problem(origin, Problem::Binary);
        } else {
            match utf8(bytes) {
                Ok(text) => text,
                Err(bytes) => {
                    self.problem(origin, Problem::NotUtf8);
                    Cow::Owned(encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes).0.into_owned())
                }
            }
        };
        let converted = match kind {
            Kind::Markdown => formats::markdown_to_paragraphs(&text),
            Kind::Html => match formats::html_to_paragraphs(&text) {
                Ok(converted) => converted,
                Err(err) => return self.problem(origin, Problem::Html(err)),
            },
            Kind::Text | Kind::Pdf => return self.text(origin, name, text, meta),
        };
        self.converted(origin, name, &converted, meta);
    }

    /// A converted document: its paragraphs, each sanitised once, and its
    /// title (see [`Document::from_converted`]).
    fn converted(&mut self, origin: &str, name: &str, converted: &Converted, meta: Option<&DocumentMeta>) {
        let (id, fallback_title) = self.take_id(name);
        let doc = Document::from_converted(id, sanitize::one_line(origin), &fallback_title, converted);
        self.finish_document(origin, doc, meta);
    }

    /// Plain text: sanitised, then split, the first line taken as the
    /// title if it reads like one. The text is let go once sanitised.
    fn text(&mut self, origin: &str, name: &str, text: Cow<'_, str>, meta: Option<&DocumentMeta>) {
        let clean = sanitize::sanitize(&text);
        drop(text);
        let (id, fallback_title) = self.take_id(name);
        let doc = Document::from_text(id, sanitize::one_line(origin), &fallback_title, &clean);
        self.finish_document(origin, doc, meta);
    }

    /// The id base (settled later) and the fallback title the file name
    /// gives; the input takes an id whether or not it makes a document.
    /// The file name is made safe like the text: it may become the title.
    fn take_id(&mut self, name: &str) -> (String, String) {
        let stem =
            Path::new(name).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| name.to_string());
        let base = slug(&stem);
        self.id_base = Some(base.clone());
        (base, sanitize::one_line(&title_from_stem(&stem)))
    }

    /// Checks a built document and applies the manifest's metadata to it.
    fn finish_document(&mut self, origin: &str, mut doc: Document, meta: Option<&DocumentMeta>) {
        if doc.paragraphs.is_empty() {
            return self.problem(origin, Problem::NoText);
        }
        if let Some(meta) = meta {
            if let Some(title) = &meta.title {
                doc.title = sanitize::sanitize(title);
            }
            doc.source = meta.source.as_deref().map(sanitize::sanitize);
            doc.date = meta.date.as_deref().map(sanitize::sanitize);
        }
        self.document = Some(doc);
    }
}

/// A UTF-16 text that starts with its byte-order mark (as Windows Notepad
/// saves "Unicode"), decoded; malformed pairs become U+FFFD.
fn utf16_with_bom(bytes: &[u8]) -> Option<std::borrow::Cow<'_, str>> {
    let (encoding, bom) = encoding_rs::Encoding::for_bom(bytes)?;
    (encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE)
        .then(|| std::borrow::Cow::Owned(encoding.decode_without_bom_handling(&bytes[bom..]).0.into_owned()))
}

/// The bytes as text when they are UTF-8 (owned bytes kept in place), else
/// the bytes back.
fn utf8(bytes: Cow<'_, [u8]>) -> Result<Cow<'_, str>, Cow<'_, [u8]>> {
    match bytes {
        Cow::Borrowed(bytes) => std::str::from_utf8(bytes).map(Cow::Borrowed).map_err(|_| Cow::Borrowed(bytes)),
        Cow::Owned(bytes) => String::from_utf8(bytes).map(Cow::Owned).map_err(|err| Cow::Owned(err.into_bytes())),
    }
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| extensions.iter().any(|known| known.eq_ignore_ascii_case(ext)))
}

#[cfg(test)]
mod tests;

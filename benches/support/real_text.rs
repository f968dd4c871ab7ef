//! The real-text corpus: the eval articles (`eval/dev/` and
//! `eval/domain-dev/` in the shared folder beside the project), read where
//! they lie, recombined and renamed to any size. Without them, the seed
//! recombination of the parent module stands in, and the choice is printed.
//!
//! Renaming: each generated file (or each article of the single document)
//! gives the people its gold file names (surnames after a title, and the
//! first names before them) a suffix of its own, the same all through the
//! article, so attribution still has to work and a folder of 8,000 files
//! has thousands of distinct speakers, as real coverage does, not the same
//! few hundred again and again.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::Rng;

/// The variable naming the shared folder (the one holding `eval/`), in
/// place of `../shared` beside the project.
pub const SHARED_VAR: &str = "VOICES_BENCH_SHARED";

/// The eval folders the real text comes from, under the shared folder.
const FOLDERS: &[&str] = &["eval/dev", "eval/domain-dev"];

/// Where the benchmark text comes from.
pub enum Text {
    /// The eval articles, from `from`.
    Real { articles: Vec<Article>, from: PathBuf },
    /// The seed recombination, because the articles are not here.
    Seed { reason: String },
}

/// One real article: its text and the name words renamed in each copy.
pub struct Article {
    text: String,
    names: HashSet<String>,
}

impl Text {
    /// The real articles when the shared folder has them, else the seed;
    /// prints which (on stderr, so it shows above criterion's lines).
    pub fn find() -> Text {
        let text = Self::load();
        eprintln!("{}", text.describe());
        text
    }

    fn load() -> Text {
        let shared = match std::env::var_os(SHARED_VAR) {
            Some(dir) => PathBuf::from(dir),
            None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
        };
        let mut articles = Vec::new();
        for folder in FOLDERS {
            let dir = shared.join(folder);
            let Ok(entries) = std::fs::read_dir(&dir) else { continue };
            let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
            paths.sort();
            for path in paths {
                let Ok(text) = std::fs::read_to_string(&path) else { continue };
                articles.push(Article { names: gold_names(&path.with_extension("gold.json")), text });
            }
        }
        if articles.is_empty() {
            let reason = format!("no articles in {} ({})", shared.display(), FOLDERS.join(", "));
            return Text::Seed { reason };
        }
        Text::Real { articles, from: shared }
    }

    /// One line saying which text the benchmarks use.
    pub fn describe(&self) -> String {
        match self {
            Text::Real { articles, from } => {
                let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
                format!(
                    "bench corpus: REAL TEXT, {} articles ({} KB) from {}/{{{}}}, recombined and renamed",
                    articles.len(),
                    bytes / 1000,
                    from.display(),
                    FOLDERS.join(",")
                )
            }
            Text::Seed { reason } => format!(
                "bench corpus: falling back to the SEED RECOMBINATION: {reason}; set {SHARED_VAR} to the folder holding eval/"
            ),
        }
    }

    /// A short name for benchmark ids: "real text" or "seed text".
    pub fn label(&self) -> &'static str {
        match self {
            Text::Real { .. } => "real text",
            Text::Seed { .. } => "seed text",
        }
    }

    /// A folder of about `total` bytes as (file name, text): each file one
    /// renamed article, a quarter of them followed by a few paragraphs of
    /// another (real articles are 1–6 KB, so 20 MB is about 8,000 files).
    pub fn corpus(&self, total: usize, seed_value: u64) -> Vec<(String, String)> {
        let Text::Real { articles, .. } = self else { return super::corpus(total, seed_value) };
        let mut rng = Rng::new(seed_value);
        let mut files = Vec::new();
        let mut size = 0;
        while size < total {
            let text = recombined(articles, &mut rng, files.len() + 1);
            size += text.len();
            files.push((format!("real-{:06}.txt", files.len()), text));
        }
        files
    }

    /// One long document of about `total` bytes: renamed articles one after
    /// another (a pasted archive), each title a paragraph of its own.
    pub fn single_document(&self, total: usize, seed_value: u64) -> String {
        let Text::Real { articles, .. } = self else { return super::single_document(total, seed_value) };
        let mut rng = Rng::new(seed_value);
        let mut out = String::with_capacity(total + 8192);
        let mut copy = 0;
        while out.len() < total {
            copy += 1;
            out.push_str(&recombined(articles, &mut rng, copy));
            out.push_str("\n\n");
        }
        out
    }

    /// Writes [`Text::corpus`] into `dir`, returning the number of files.
    pub fn write_corpus(&self, dir: &Path, total: usize, seed_value: u64) -> std::io::Result<usize> {
        std::fs::create_dir_all(dir)?;
        let files = self.corpus(total, seed_value);
        for (name, text) in &files {
            std::fs::write(dir.join(name), text)?;
        }
        Ok(files.len())
    }
}

/// One article renamed for copy `copy`, a quarter of the time followed by
/// one to three body paragraphs of another article (renamed the same way).
fn recombined(articles: &[Article], rng: &mut Rng, copy: usize) -> String {
    let suffix = suffix(copy);
    let first = &articles[rng.below(articles.len())];
    let mut text = rename(&first.text, &first.names, &suffix);
    if rng.below(4) == 0 {
        let other = &articles[rng.below(articles.len())];
        let body: Vec<&str> = other.text.split("\n\n").skip(1).filter(|p| !p.trim().is_empty()).collect();
        if !body.is_empty() {
            let start = rng.below(body.len());
            let run = 1 + rng.below(3);
            for paragraph in body.iter().skip(start).take(run) {
                text.truncate(text.trim_end().len());
                text.push_str("\n\n");
                text.push_str(&rename(paragraph, &other.names, &suffix));
            }
            text.push('\n');
        }
    }
    text
}

/// A name ending for copy `n` (none for the first): syllables, so the
/// renamed names still read as names ("Hessel" → "Hesselton").
fn suffix(n: usize) -> String {
    const SYLLABLES: [&str; 16] =
        ["", "a", "o", "an", "el", "in", "or", "us", "by", "ton", "ley", "ma", "ri", "su", "de", "ka"];
    let mut out = String::new();
    let mut n = n;
    while n > 0 {
        out.push_str(SYLLABLES[n % 16]);
        n /= 16;
    }
    out
}

/// `text` with every whole word in `names` given `suffix`.
fn rename(text: &str, names: &HashSet<String>, suffix: &str) -> String {
    if names.is_empty() || suffix.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 64);
    let mut word_start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        if c.is_alphabetic() {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(start) = word_start.take() {
            out.push_str(&text[start..i]);
            if names.contains(&text[start..i]) {
                out.push_str(suffix);
            }
        }
        if i < text.len() {
            out.push(c);
        }
    }
    out
}

/// People's names in a gold file's accepted speaker names: the surname after
/// a title ("Ms Hessel"), and the first name of "Helena Hessel" once the
/// surname is known.
fn gold_names(path: &Path) -> HashSet<String> {
    const TITLES: &[&str] =
        &["Mr", "Ms", "Mrs", "Miss", "Dr", "Sir", "Lord", "Lady", "Baroness", "Dame", "Prof", "Professor"];
    let mut names = HashSet::new();
    let Ok(text) = std::fs::read_to_string(path) else { return names };
    let Ok(gold) = serde_json::from_str::<serde_json::Value>(&text) else { return names };
    let accepts: Vec<Vec<&str>> = gold["speakers"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|speaker| speaker["accept"].as_array().into_iter().flatten())
        .filter_map(|accept| accept.as_str())
        .map(|accept| accept.split_whitespace().collect())
        .collect();
    let is_name = |w: &str| {
        w.len() >= 3 && w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic)
    };
    for words in &accepts {
        if let [title, surname] = words.as_slice()
            && TITLES.contains(title)
            && is_name(surname)
        {
            names.insert(surname.to_string());
        }
    }
    for words in &accepts {
        if let [first, last] = words.as_slice()
            && names.contains(*last)
            && is_name(first)
            && !TITLES.contains(first)
        {
            names.insert(first.to_string());
        }
    }
    names
}

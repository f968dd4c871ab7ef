//! A deterministic generator of realistic test corpora for the benchmarks:
//! it recombines the embedded seed's paragraphs and statements with varied
//! organisation and person names, quote styles and lengths, so sizes from
//! 1 MB to 100 MB exercise the same paths real coverage does.
//!
//! Shared by the benches (`#[path]` include) and the `gen-corpus` example,
//! which writes a corpus to disk. Never part of the shipped binary.
//!
//! Real text: when the eval articles are on this machine
//! (`../shared/eval/dev/` and `../shared/eval/domain-dev/` beside the
//! project, or under `$VOICES_BENCH_SHARED/eval/`), [`Text::find`] reads
//! them, and [`Text::corpus`] / [`Text::single_document`] recombine and
//! rename them to any size; otherwise they fall back to the seed
//! recombination. Either way the choice is printed. The articles are read
//! where they lie and never copied into the project.

#![allow(dead_code)]

#[path = "real_text.rs"]
mod real_text;

#[allow(unused_imports)] // the integration tests include this file and use only the seed side
pub use real_text::Text;

use voices::documents::Source;

/// A small, fast, deterministic generator (xorshift64*): the same seed gives
/// the same corpus on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

const POLICE: &[&str] = &[
    "Kent Police",
    "West Midlands Police",
    "Avon and Somerset Police",
    "Greater Manchester Police",
    "South Yorkshire Police",
    "Devon and Cornwall Police",
    "Essex Police",
    "Lancashire Constabulary",
];
const BOARDS: &[(&str, &str)] = &[
    ("Oxfordshire Safeguarding Children Board", "OSCB"),
    ("Rotherham Safeguarding Children Board", "RSCB"),
    ("Kent Safeguarding Children Partnership", "KSCP"),
    ("Leeds Safeguarding Children Partnership", "LSCP"),
    ("Bristol Safeguarding Children Board", "BrSCB"),
    ("Norfolk Safeguarding Children Board", "NSCB"),
];
const CHARITIES: &[&str] = &["Barnardo's", "The Children's Society", "Action for Children", "NSPCC", "Victim Support"];
const PEOPLE: &[(&str, &str)] = &[
    ("Sarah Ahmed", "Ms Ahmed"),
    ("David Holt", "Mr Holt"),
    ("Priya Natarajan", "Dr Natarajan"),
    ("James O'Neill", "Mr O'Neill"),
    ("Helen Carter", "Mrs Carter"),
    ("Tomasz Nowak", "Mr Nowak"),
];
const ROLES: &[&str] = &["the board's chair", "a senior officer", "the charity's director", "the council leader"];
const REPORT_VERBS: &[&str] = &["said", "warned", "suggested", "told the BBC", "urged councils to act and said"];
const FINDINGS: &[&str] = &[
    "the review had found serious gaps in how agencies shared information",
    "more needed to be done to listen to children who asked for help",
    "victims had too often been let down by the services meant to protect them",
    "the recommendations should be adopted without delay",
    "training for taxi licensing staff would be strengthened",
];

/// Seed paragraphs, from the embedded corpus (the same text the binary reads).
pub fn seed_paragraphs() -> Vec<String> {
    let loaded = voices::loading::build_corpus(&[Source::Embedded], &mut std::io::empty());
    loaded.into_parts().documents.into_iter().flat_map(|doc| doc.paragraphs).collect()
}

/// Rewrites names and quote marks so each article differs from the seed.
fn vary(paragraph: &str, rng: &mut Rng, article: &Article) -> String {
    let mut text = paragraph
        .replace("Buckinghamshire Safeguarding Children Board", article.board.0)
        .replace("BSCB", article.board.1)
        .replace("Thames Valley Police", article.police)
        .replace("NSPCC", article.charity)
        .replace("Buckinghamshire", article.county);
    match article.quote_style {
        1 => text = text.replace(['“', '”'], "\""),
        2 => text = text.replace('“', "‘").replace('”', "’"),
        _ => {}
    }
    if rng.below(4) == 0 {
        text.push_str(" It comes after months of pressure.");
    }
    text
}

struct Article {
    police: &'static str,
    board: (&'static str, &'static str),
    charity: &'static str,
    county: &'static str,
    quote_style: usize,
}

/// One article of roughly `target` bytes: runs of seed paragraphs (so
/// multi-paragraph quotes stay whole) and generated reported speech.
pub fn article(rng: &mut Rng, seed: &[String], target: usize) -> String {
    let article = Article {
        police: rng.pick(POLICE),
        board: rng.pick(BOARDS),
        charity: rng.pick(CHARITIES),
        county: rng.pick(&["Kent", "Leeds", "Norfolk", "Bristol", "Oxfordshire"]),
        quote_style: rng.below(3),
    };
    let mut out = format!("{} responds to {} review\n\n", article.police, article.board.1);
    while out.len() < target {
        if rng.below(3) == 0 {
            let (name, short) = rng.pick(PEOPLE);
            let role = rng.pick(ROLES);
            let verb = rng.pick(REPORT_VERBS);
            out.push_str(&format!("{name}, {role}, {verb} {}.\n\n", rng.pick(FINDINGS)));
            out.push_str(&format!("{short} added: \"We will keep listening to young people.\"\n\n"));
        } else {
            let start = rng.below(seed.len());
            let run = 1 + rng.below(5);
            for paragraph in seed.iter().skip(start).take(run) {
                out.push_str(&vary(paragraph, rng, &article));
                out.push_str("\n\n");
            }
        }
    }
    out
}

/// A corpus of about `total` bytes as (file name, text), articles of 2–40 KB.
pub fn corpus(total: usize, seed_value: u64) -> Vec<(String, String)> {
    let seed = seed_paragraphs();
    let mut rng = Rng::new(seed_value);
    let mut files = Vec::new();
    let mut size = 0;
    while size < total {
        let length = 2_000 + rng.below(38_000);
        let text = article(&mut rng, &seed, length);
        size += text.len();
        files.push((format!("article-{:06}.txt", files.len()), text));
    }
    files
}

/// One long document of about `total` bytes (a long review report).
pub fn single_document(total: usize, seed_value: u64) -> String {
    let seed = seed_paragraphs();
    let mut rng = Rng::new(seed_value);
    article(&mut rng, &seed, total)
}

/// Writes a corpus into `dir`, returning the number of files.
pub fn write_corpus(dir: &std::path::Path, total: usize, seed_value: u64) -> std::io::Result<usize> {
    std::fs::create_dir_all(dir)?;
    let files = corpus(total, seed_value);
    for (name, text) in &files {
        std::fs::write(dir.join(name), text)?;
    }
    Ok(files.len())
}

//! Writes a deterministic benchmark corpus to disk:
//!
//!     cargo run --release --example gen-corpus -- DIR SIZE_MB [single] [seed]
//!
//! `single` writes one document of SIZE_MB instead of a folder of articles.
//! The text is the real eval articles, recombined and renamed, when the
//! shared folder has them (`../shared` beside the project, or
//! `$VOICES_BENCH_SHARED`), else the seed recombination; `seed` asks for the
//! seed recombination either way. The first line printed says which.

#[path = "support/corpus_gen.rs"]
mod corpus_gen;

use corpus_gen::Text;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(size)) = (args.first(), args.get(1).and_then(|s| s.parse::<usize>().ok())) else {
        eprintln!("usage: gen-corpus DIR SIZE_MB [single] [seed]");
        std::process::exit(2);
    };
    let flag = |name: &str| args.iter().skip(2).any(|a| a == name);
    let text = if flag("seed") {
        let text = Text::Seed { reason: "asked for with `seed`".to_string() };
        eprintln!("{}", text.describe());
        text
    } else {
        Text::find()
    };
    let dir = std::path::Path::new(dir);
    let bytes = size * 1024 * 1024;
    if flag("single") {
        std::fs::create_dir_all(dir).expect("create the folder");
        std::fs::write(dir.join("single.txt"), text.single_document(bytes, 7)).expect("write the document");
        println!("wrote {}", dir.join("single.txt").display());
    } else {
        let count = text.write_corpus(dir, bytes, 42).expect("write the corpus");
        println!("wrote {count} articles to {}", dir.display());
    }
}

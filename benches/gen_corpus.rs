//! Writes a deterministic benchmark corpus to disk:
//!
//!     cargo run --release --example gen-corpus -- DIR SIZE_MB [single]
//!
//! `single` writes one document of SIZE_MB instead of a folder of articles.

#[path = "support/corpus_gen.rs"]
mod corpus_gen;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(size)) = (args.first(), args.get(1).and_then(|s| s.parse::<usize>().ok())) else {
        eprintln!("usage: gen-corpus DIR SIZE_MB [single]");
        std::process::exit(2);
    };
    let dir = std::path::Path::new(dir);
    let bytes = size * 1024 * 1024;
    if args.get(2).map(String::as_str) == Some("single") {
        std::fs::create_dir_all(dir).expect("create the folder");
        std::fs::write(dir.join("single.txt"), corpus_gen::single_document(bytes, 7)).expect("write the document");
        println!("wrote {}", dir.join("single.txt").display());
    } else {
        let count = corpus_gen::write_corpus(dir, bytes, 42).expect("write the corpus");
        println!("wrote {count} articles to {}", dir.display());
    }
}

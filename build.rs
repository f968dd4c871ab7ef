//! Embeds every file under `seeds/` so `voices` with no path argument reads the
//! seed corpus from any working directory, with no files beside the binary.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    println!("cargo:rerun-if-changed={}", seeds.display());
    let mut names: Vec<_> = std::fs::read_dir(&seeds)
        .expect("seeds/ must exist")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.path())
        .filter(|path| path.is_file())
        .collect();
    names.sort();
    let mut code = String::from(
        "/// (file name, contents) of every seed file, sorted by name.\npub static SEED_FILES: &[(&str, &[u8])] = &[\n",
    );
    for path in names {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        writeln!(code, "    ({name:?}, include_bytes!({:?})),", path.display().to_string()).unwrap();
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("seeds.rs");
    std::fs::write(out, code).unwrap();
}

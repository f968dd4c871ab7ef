//! Fuzzes the manifest (`corpus.toml`), which arrives with a folder and is as
//! untrusted as its articles, through the load path `main` takes: the folder
//! is walked, the manifest parsed and sanitised, its helplines checked, and
//! the corpus built. Every printed output (plain, Markdown, JSON, the speaker
//! list, the helpline line, the warnings) must hold nothing a terminal acts
//! on, and every helpline shown must have a number that is only a number.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use voices::corpus::Filter;
use voices::documents::Source;
use voices::documents::manifest::is_phone_number;
use voices::documents::sanitize::is_clean;
use voices::loading::build_corpus;

/// A folder of one small article, made once per fuzzing process; each run
/// rewrites only its manifest.
fn folder() -> &'static PathBuf {
    static FOLDER: OnceLock<PathBuf> = OnceLock::new();
    FOLDER.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("voices-fuzz-manifest-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("a.txt"),
            "Review finds failings\n\nJane Roe, who chairs the board, said: \"We listened.\"\n\n\
             Northshire Police said it had changed how it works.\n",
        )
        .unwrap();
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    let dir = folder();
    std::fs::write(dir.join("corpus.toml"), data).unwrap();
    let corpus = build_corpus(&[Source::Path(dir.clone())], &mut std::io::empty());

    for helpline in corpus.helplines() {
        assert!(is_phone_number(&helpline.number), "helpline number shown: {:?}", helpline.number);
    }
    let mut printed = Vec::new();
    let filter = Filter::default();
    voices::output::write_plain(&mut printed, &corpus, &filter).unwrap();
    voices::output::write_markdown(&mut printed, &corpus, &filter).unwrap();
    voices::output::write_speaker_list(&mut printed, &corpus, &filter).unwrap();
    let mut text = String::from_utf8(printed).expect("outputs are UTF-8");
    text.push_str(&voices::output::helpline_line(&corpus));
    text.push_str(corpus.content_note());
    for problem in corpus.problems() {
        text.push_str(&problem.to_string());
    }
    // Tabs are the only control besides the line break a printed output may hold.
    assert!(is_clean(&text.replace('\t', " ")), "a control character reached the output");

    let mut json = Vec::new();
    voices::output::write_json(&mut json, &corpus, &filter).unwrap();
    let json = String::from_utf8(json).expect("JSON is UTF-8");
    assert!(free_of_raw_controls(&json));
});

/// JSON escapes controls, so a raw one in the bytes means one got through.
fn free_of_raw_controls(json: &str) -> bool {
    !json.chars().any(|c| c != '\n' && c.is_control())
}

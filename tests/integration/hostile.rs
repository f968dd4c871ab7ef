//! Hostile and broken input through the real binary: nothing reaches the
//! output as a control sequence, bad files are skipped with a message naming
//! them, and the rest still loads. (The terminal side — raw bytes written to a
//! pseudo-terminal — is in `tests/pty.rs`.)

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile")
}

fn run(args: &[&str]) -> (String, String) {
    let output = Command::cargo_bin("voices").unwrap().args(args).output().unwrap();
    assert!(output.status.success(), "voices {args:?} failed: {}", String::from_utf8_lossy(&output.stderr));
    (String::from_utf8(output.stdout).expect("output is UTF-8"), String::from_utf8(output.stderr).unwrap())
}

/// Characters no output of ours may contain: C0 controls but newline, DEL,
/// C1 controls, bidirectional controls and zero-width characters.
fn forbidden(c: char) -> bool {
    (c.is_control() && c != '\n') || voices::documents::sanitize::is_disguising(c)
}

#[test]
fn plain_and_json_output_of_hostile_documents_hold_no_control_sequences() {
    let dir = fixtures();
    for format in ["plain", "json"] {
        let (stdout, stderr) = run(&[dir.to_str().unwrap(), "--format", format]);
        assert!(!stdout.contains('\u{1b}'), "{format}: an ESC byte got through");
        if let Some(bad) = stdout.chars().find(|&c| forbidden(c)) {
            panic!("{format}: {bad:?} got through");
        }
        assert!(!stderr.contains('\u{1b}'), "warnings hold no ESC either");
    }
}

#[test]
fn bad_files_are_named_and_the_rest_load() {
    let (stdout, stderr) = run(&[fixtures().to_str().unwrap(), "--format", "json"]);
    for expected in [
        "binary.txt: looks like a binary file",
        "empty.txt: is empty",
        "latin1.txt: is not valid UTF-8",
        "invalid-utf8.txt: is not valid UTF-8",
    ] {
        assert!(stderr.contains(expected), "stderr lacks {expected:?}:\n{stderr}");
    }
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let titles: Vec<&str> =
        json["documents"].as_array().unwrap().iter().map(|d| d["title"].as_str().unwrap()).collect();
    assert!(titles.contains(&"Trojan Source") && titles.contains(&"Latin-1 article"), "{titles:?}");
    assert_eq!(titles.len(), 19, "every file but the binary and the empty one loads: {titles:?}");
}

#[test]
fn latin1_quotes_survive_and_escapes_become_visible() {
    let (stdout, _) = run(&[fixtures().to_str().unwrap(), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let paragraph = |title: &str| {
        let doc = json["documents"].as_array().unwrap().iter().find(|d| d["title"] == title).unwrap();
        doc["paragraphs"][0].as_str().unwrap().to_string()
    };
    assert_eq!(paragraph("Latin-1 article"), "The café owner said: “It is fine.”");
    assert!(paragraph("Colours and cursor moves").contains("␛[31mRed␛[0m"));
    assert!(paragraph("Window titles").contains("␛]0;pwned title␇"));
    assert_eq!(paragraph("Trojan Source"), "The review said access is granted // denied for admins only.");
    assert_eq!(paragraph("Zero width"), "The NSPCC said nothing.");
    assert_eq!(paragraph("Tabs"), "Indented    with    tabs said the clerk.");
}

#[test]
fn line_endings_and_form_feeds_split_paragraphs() {
    let (stdout, _) = run(&[fixtures().to_str().unwrap(), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    for title in ["Windows line endings", "Old Mac line endings", "Form feeds"] {
        let doc = json["documents"].as_array().unwrap().iter().find(|d| d["title"] == title).unwrap();
        assert_eq!(doc["paragraphs"].as_array().unwrap().len(), 2, "{title}: {doc}");
    }
}

#[test]
fn a_ten_megabyte_line_and_ten_thousand_files_load() {
    let dir = tempfile::tempdir().unwrap();
    let line = "The council said it would act. ".repeat(10 * 1024 * 1024 / 31);
    std::fs::write(dir.path().join("one-line.txt"), &line).unwrap();
    let many = dir.path().join("many");
    std::fs::create_dir(&many).unwrap();
    for i in 0..10_000 {
        std::fs::write(many.join(format!("{i:05}.txt")), format!("Note {i}\n\nMs Lee said: \"Item {i}.\"\n")).unwrap();
    }
    let output = Command::cargo_bin("voices").unwrap().arg(dir.path()).arg("--list-speakers").output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let listing = String::from_utf8(output.stdout).unwrap();
    assert!(listing.contains("Lee"), "statements from the small files are found:\n{listing}");
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_named_and_skipped() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked.txt");
    std::fs::write(&locked, "Secret.\n").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::write(dir.path().join("open.txt"), "Open text.\n").unwrap();
    if std::fs::read(&locked).is_ok() {
        eprintln!("skipped: running as a user who can read any file (root), so permissions cannot be tested");
        return;
    }
    let (_, stderr) = run(&[dir.path().to_str().unwrap(), "--format", "plain"]);
    assert!(stderr.contains("locked.txt: cannot be read (permission denied)"), "{stderr}");
}

/// A folder whose manifest holds escape sequences in every string it may
/// show, and a helpline number hiding text.
fn hostile_manifest_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Review published\n\nThe NSPCC said: \"We will act now.\"\n").unwrap();
    let esc = "\\u001b";
    let manifest = format!(
        "content_note = \"Note {esc}]52;c;aGVsbG8={esc}\\\\ {esc}]0;title\\u0007\"\n\
         [[document]]\nfile = \"a.txt\"\ntitle = \"Title {esc}[31mred\\u202e\"\nsource = \"{esc}[2J\"\n\
         [[speaker]]\nid = \"nspcc\"\nname = \"NSPCC {esc}[8mhidden{esc}[0m\"\naliases = [\"NSPCC\"]\nkind = \"organisation\"\n\
         [[helpline]]\nname = \"Line {esc}[31m\"\nshort = \"L\"\nnumber = \"0800 {esc}[8mHIDDEN{esc}[0m 000\"\nsource = \"x\"\nchecked = \"2026-11\"\n"
    );
    std::fs::write(dir.path().join("corpus.toml"), manifest).unwrap();
    dir
}

#[test]
fn a_manifest_with_escapes_yields_clean_plain_markdown_and_speaker_lists() {
    let dir = hostile_manifest_folder();
    let path = dir.path().to_str().unwrap();
    for args in [&[path, "--format", "plain"][..], &[path, "--format", "markdown"], &[path, "--list-speakers"]] {
        let (stdout, stderr) = run(args);
        if let Some(bad) = stdout.chars().chain(stderr.chars()).find(|&c| forbidden(c)) {
            panic!("{args:?}: {bad:?} got through:\n{stdout}\n{stderr}");
        }
        assert!(!stdout.contains("HIDDEN"), "{args:?}: the hidden helpline number is shown:\n{stdout}");
    }
}

#[test]
fn a_helpline_number_with_letters_is_refused_and_the_built_in_helplines_shown() {
    let dir = hostile_manifest_folder();
    let (stdout, stderr) = run(&[dir.path().to_str().unwrap(), "--format", "plain"]);
    assert!(stderr.contains("corpus.toml: helpline 1, key `number`: holds something other than digits"), "{stderr}");
    assert!(stdout.contains("0808 800 5000"), "the built-in NSPCC helpline is shown:\n{stdout}");
}

#[test]
fn a_helpline_with_empty_fields_leaves_the_built_in_ones() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Review\n\nThe NSPCC said: \"We act.\"\n").unwrap();
    let empty = "[[helpline]]\nname = \"\"\nshort = \"\"\nnumber = \"\"\nsource = \"\"\nchecked = \"\"\n";
    std::fs::write(dir.path().join("corpus.toml"), empty).unwrap();
    let (stdout, stderr) = run(&[dir.path().to_str().unwrap(), "--format", "plain"]);
    assert!(stderr.contains("helpline 1, key `number`: is empty; that helpline was refused"), "{stderr}");
    assert!(stdout.contains("0808 800 5000"), "{stdout}");
}

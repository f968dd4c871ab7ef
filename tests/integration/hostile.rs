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

/// `voices` on `args`, killed if it runs past `seconds`: a hang is a failure,
/// not a stuck test run.
#[cfg(unix)]
fn run_within(seconds: u64, args: &[&std::ffi::OsStr]) -> std::process::Output {
    let output = Command::cargo_bin("voices")
        .unwrap()
        .args(args)
        .timeout(std::time::Duration::from_secs(seconds))
        .output()
        .unwrap();
    assert!(output.status.code().is_some(), "voices {args:?} did not finish within {seconds} s");
    output
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn a_fifo_in_a_folder_is_named_and_the_load_finishes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), "Review\n\nThe NSPCC said: \"We act.\"\n").unwrap();
    mkfifo(&dir.path().join("pipe.txt"));
    let output = run_within(60, &[dir.path().as_os_str(), "--format".as_ref(), "plain".as_ref()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("pipe.txt: is a FIFO (named pipe), not a file; skipped"), "{stderr}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("We act."));
}

#[cfg(unix)]
#[test]
fn a_fifo_named_on_the_command_line_is_read_while_a_writer_writes() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("piped.txt");
    mkfifo(&fifo);
    let writer_path = fifo.clone();
    let writer = std::thread::spawn(move || {
        std::fs::write(writer_path, "Piped\n\nThe council said: \"Through a pipe.\"\n").unwrap();
    });
    let output = run_within(60, &[fifo.as_os_str(), "--format".as_ref(), "plain".as_ref()]);
    writer.join().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8_lossy(&output.stdout).contains("Through a pipe."));
}

#[cfg(unix)]
#[test]
fn a_socket_is_called_a_socket_not_an_os_error() {
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("s.txt");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    std::fs::write(dir.path().join("good.txt"), "Review\n\nThe NSPCC said: \"We act.\"\n").unwrap();
    let output = run_within(60, &[socket.as_os_str(), dir.path().join("good.txt").as_os_str()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("s.txt: is a socket, not a file; skipped"), "{stderr}");
    assert!(!stderr.contains("os error"), "{stderr}");
    let in_folder = run_within(60, &[dir.path().as_os_str()]);
    assert!(String::from_utf8_lossy(&in_folder.stderr).contains("s.txt: is a socket, not a file; skipped"));
}

/// Nothing from outside the folder: links out (to a folder, to a file, to
/// `/`, to `/dev/zero`) are named and skipped; links inside are followed;
/// a link named on the command line is read as given.
#[cfg(unix)]
#[test]
fn links_out_of_the_folder_are_named_and_not_followed() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    std::fs::create_dir(outside.path().join("private")).unwrap();
    std::fs::write(outside.path().join("private/secret.txt"), "Secret\n\nMy diary said: \"PRIVATE-WORDS.\"\n").unwrap();
    std::fs::write(outside.path().join("diary.txt"), "Diary\n\nMy diary said: \"DIARY-WORDS.\"\n").unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Review\n\nThe NSPCC said: \"INSIDE-WORDS.\"\n").unwrap();
    symlink(outside.path().join("private"), dir.path().join("notes")).unwrap();
    symlink(outside.path().join("diary.txt"), dir.path().join("linked.txt")).unwrap();
    symlink("/", dir.path().join("root")).unwrap();
    symlink("/dev/zero", dir.path().join("zero.txt")).unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    symlink(dir.path().join("a.txt"), dir.path().join("sub/inside.txt")).unwrap();
    let output = run_within(60, &[dir.path().as_os_str(), "--format".as_ref(), "markdown".as_ref()]);
    let (stdout, stderr) = (String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "{stderr}");
    for word in ["PRIVATE-WORDS", "DIARY-WORDS"] {
        assert!(!stdout.contains(word), "{word} came from outside the folder:\n{stdout}");
    }
    for link in ["notes", "linked.txt", "root", "zero.txt"] {
        let warning = format!("{link}: is a link to a place outside the folder; skipped");
        assert!(stderr.contains(&warning), "no {warning:?} in:\n{stderr}");
    }
    assert_eq!(stdout.matches("INSIDE-WORDS").count(), 2, "the link inside is followed:\n{stdout}");
    let named = run_within(60, &[dir.path().join("linked.txt").as_os_str(), "--format".as_ref(), "plain".as_ref()]);
    assert!(String::from_utf8_lossy(&named.stdout).contains("DIARY-WORDS"), "a named link is read as given");
}

#[test]
fn folders_nested_past_the_depth_bound_are_named_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let mut deep = dir.path().to_path_buf();
    for level in 0..70 {
        deep.push("d");
        std::fs::create_dir(&deep).unwrap();
        std::fs::write(deep.join("n.txt"), format!("Level {level}\n\nMs Lee said: \"At level {level}.\"\n")).unwrap();
    }
    let (stdout, stderr) = run(&[dir.path().to_str().unwrap(), "--format", "plain"]);
    assert!(stderr.contains("is nested more than 64 folders deep; skipped"), "{stderr}");
    assert!(stdout.contains("At level 63.") && !stdout.contains("At level 64."), "{stderr}");
}

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

/// A small PDF: each page's lines in Helvetica, top to bottom; `content`
/// may replace a page's content stream (raw bytes and extra dictionary
/// keys), and `page_extra` adds keys to every page dictionary.
fn make_pdf(pages: &[Vec<String>], content: Option<(&[u8], &str)>, page_extra: &str) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = Vec::new();
    let first_page = 4;
    let kids: Vec<String> = (0..pages.len()).map(|i| format!("{} 0 R", first_page + 2 * i)).collect();
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    objects.push(format!("<< /Type /Pages /Kids [{}] /Count {} >>", kids.join(" "), pages.len()).into_bytes());
    objects.push(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec());
    for (i, lines) in pages.iter().enumerate() {
        let page_id = first_page + 2 * i;
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R {page_extra} >>",
                page_id + 1
            )
            .into_bytes(),
        );
        let (data, keys) = match content {
            Some((data, keys)) => (data.to_vec(), keys.to_string()),
            None => {
                let mut ops = String::from("BT /F1 12 Tf 72 800 Td 16 TL\n");
                for line in lines {
                    ops.push_str(&format!("({}) Tj T*\n", line.replace('(', "\\(").replace(')', "\\)")));
                }
                ops.push_str("ET\n");
                (ops.into_bytes(), String::new())
            }
        };
        let mut stream = format!("<< /Length {} {keys} >>\nstream\n", data.len()).into_bytes();
        stream.extend_from_slice(&data);
        stream.extend_from_slice(b"\nendstream");
        objects.push(stream);
    }
    crate::common::pdf_from_objects(&objects)
}

fn pdf_page(lines: &[&str]) -> Vec<String> {
    lines.iter().map(|line| line.to_string()).collect()
}

#[test]
fn a_generated_pdf_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = make_pdf(&[pdf_page(&["Report", "", "The NSPCC said: \"We read PDFs.\""])], None, "");
    std::fs::write(dir.path().join("r.pdf"), pdf).unwrap();
    let (stdout, stderr) = run(&[dir.path().join("r.pdf").to_str().unwrap(), "--format", "plain"]);
    assert!(stdout.contains("We read PDFs."), "{stdout}\n{stderr}");
}

#[test]
fn a_pdf_bomb_of_a_few_kilobytes_is_skipped_with_a_warning_and_the_rest_loads() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..48 {
        encoder.write_all(&zeros).unwrap();
    }
    let bomb = encoder.finish().unwrap();
    let pdf = make_pdf(&[pdf_page(&["x"])], Some((&bomb, "/Filter /FlateDecode")), "");
    assert!(pdf.len() < 100 * 1024, "{} bytes", pdf.len());
    std::fs::write(dir.path().join("bomb.pdf"), pdf).unwrap();
    std::fs::write(dir.path().join("good.txt"), "Review\n\nThe NSPCC said: \"We act.\"\n").unwrap();
    let (stdout, stderr) = run(&[dir.path().to_str().unwrap(), "--format", "plain"]);
    assert!(
        stderr.contains("bomb.pdf: would inflate to more than 32 MiB (a decompression bomb?); skipped"),
        "{stderr}"
    );
    assert!(stdout.contains("We act."), "{stdout}");
}

#[test]
fn an_lzw_bomb_of_a_few_kilobytes_is_skipped_with_a_warning_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let zeros = vec![b' '; 48 << 20];
    let bomb = weezl::encode::Encoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8).encode(&zeros).unwrap();
    let pdf = make_pdf(&[pdf_page(&["x"])], Some((&bomb, "/Filter /LZWDecode")), "");
    assert!(pdf.len() < 100 * 1024, "{} bytes", pdf.len());
    std::fs::write(dir.path().join("lzw.pdf"), pdf).unwrap();
    std::fs::write(dir.path().join("good.txt"), "Review\n\nThe NSPCC said: \"We act.\"\n").unwrap();
    let (stdout, stderr) = run(&[dir.path().to_str().unwrap(), "--format", "plain"]);
    assert!(stderr.contains("lzw.pdf: would inflate to more than 32 MiB (a decompression bomb?); skipped"), "{stderr}");
    assert!(stdout.contains("We act."), "{stdout}");
}

/// A one-page PDF whose page draws form 5; form 5 draws `/X2` from its own
/// resources, which name itself (`through` false) or form 6, which draws form 5 back.
fn drawing_loop_pdf(through: bool) -> Vec<u8> {
    let stream = |dict: &str, data: &str| format!("<< {dict} /Length {} >>\nstream\n{data}\nendstream", data.len());
    let form = "/Type /XObject /Subtype /Form /BBox [0 0 10 10]";
    let target = if through { 6 } else { 5 };
    crate::common::pdf_from_objects(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X1 5 0 R >> >> /Contents 4 0 R >>"
            .to_vec(),
        stream("", "/X1 Do").into_bytes(),
        stream(&format!("{form} /Resources << /XObject << /X2 {target} 0 R >> >>"), "/X2 Do").into_bytes(),
        stream(&format!("{form} /Resources << /XObject << /X3 5 0 R >> >>"), "/X3 Do").into_bytes(),
    ])
}

#[test]
fn a_pdf_whose_drawing_draws_itself_is_skipped_with_a_warning_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("self.pdf"), drawing_loop_pdf(false)).unwrap();
    std::fs::write(dir.path().join("through.pdf"), drawing_loop_pdf(true)).unwrap();
    std::fs::write(dir.path().join("good.txt"), "Review\n\nThe NSPCC said: \"We act.\"\n").unwrap();
    let output =
        run_within(60, &[dir.path().as_os_str(), std::ffi::OsStr::new("--format"), std::ffi::OsStr::new("plain")]);
    let (stdout, stderr) = (String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    for name in ["self.pdf", "through.pdf"] {
        let warning = format!("{name}: has a drawing (a form XObject) that draws itself");
        assert!(stderr.contains(&warning), "{stderr}");
    }
    assert!(stdout.contains("We act."), "{stdout}");
}

#[test]
fn a_pdf_whose_page_is_its_own_parent_is_reported_as_a_loop() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = make_pdf(&[pdf_page(&["Looping"])], None, "").to_vec();
    // The page (object 4) names itself as its parent and has no MediaBox,
    // so finding one would climb for ever.
    let original = "/Parent 2 0 R /MediaBox [0 0 595 842]";
    // The same length, so the cross-reference table still holds.
    let text = String::from_utf8(pdf).unwrap().replace(original, &format!("{:<1$}", "/Parent 4 0 R", original.len()));
    std::fs::write(dir.path().join("loop.pdf"), text).unwrap();
    let output = run_within(60, &[dir.path().join("loop.pdf").as_os_str()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("loop.pdf: has a page tree that loops back on itself"), "{stderr}");
    assert!(!stderr.contains("no text layer"), "{stderr}");
}

#[test]
fn ten_pages_that_differ_only_in_their_numbers_keep_their_text() {
    let dir = tempfile::tempdir().unwrap();
    let pages: Vec<Vec<String>> = (1..=10)
        .map(|n| {
            pdf_page(&["Annual report", "", &format!("The council said it acted in case {n}."), "", &n.to_string()])
        })
        .collect();
    std::fs::write(dir.path().join("numbers.pdf"), make_pdf(&pages, None, "")).unwrap();
    let (stdout, stderr) = run(&[dir.path().join("numbers.pdf").to_str().unwrap(), "--format", "json"]);
    assert!(!stderr.contains("no text layer"), "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let paragraphs = json["documents"][0]["paragraphs"].as_array().unwrap();
    let mut text: Vec<&str> = paragraphs.iter().map(|p| p.as_str().unwrap()).collect();
    // The first page's line reads like a headline, so it is the title.
    text.push(json["documents"][0]["title"].as_str().unwrap());
    for n in 1..=10 {
        assert!(text.iter().any(|p| p.contains(&format!("case {n}."))), "case {n} lost: {text:?}");
    }
}

#[cfg(unix)]
#[test]
fn a_closed_standard_output_exits_1_with_a_message_as_a_full_disk_does() {
    let voices = assert_cmd::cargo::cargo_bin("voices");
    let closed =
        std::process::Command::new("sh").arg("-c").arg("exec \"$0\" --format plain >&-").arg(&voices).output().unwrap();
    assert_eq!(closed.status.code(), Some(1), "{closed:?}");
    assert!(String::from_utf8_lossy(&closed.stderr).contains("standard output is closed"), "{closed:?}");
    let null = std::process::Command::new("sh")
        .arg("-c")
        .arg("exec \"$0\" --format plain >/dev/null")
        .arg(&voices)
        .output()
        .unwrap();
    assert_eq!(null.status.code(), Some(0), "output thrown away on purpose is not an error: {null:?}");
    if Path::new("/dev/full").exists() {
        let full = std::process::Command::new(&voices)
            .args(["--format", "plain"])
            .stdout(std::fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        assert_eq!(full.status.code(), Some(1), "{full:?}");
        assert!(String::from_utf8_lossy(&full.stderr).contains("writing output"), "{full:?}");
    }
}

#[test]
fn a_utf16_file_with_a_byte_order_mark_is_read_not_called_binary() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Unicode note\n\nThe NSPCC said: \"Saved as UTF-16.\"\n";
    let bytes: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    std::fs::write(dir.path().join("notepad.txt"), bytes).unwrap();
    let (stdout, stderr) = run(&[dir.path().to_str().unwrap(), "--format", "plain"]);
    assert!(!stderr.contains("binary"), "{stderr}");
    assert!(stdout.contains("Saved as UTF-16."), "{stdout}");
}

#[test]
fn tag_characters_and_hangul_fillers_reach_no_output() {
    let dir = tempfile::tempdir().unwrap();
    let hidden = "\u{E0001}\u{E0069}\u{E0067}\u{E007F}\u{180E}\u{FFF9}\u{FFFB}\u{115F}\u{1160}\u{3164}\u{FFA0}";
    std::fs::write(dir.path().join("a.txt"), format!("Hidden{hidden} words\n\nThe NSPCC said: \"We{hidden} act.\"\n"))
        .unwrap();
    std::fs::write(
        dir.path().join("b.html"),
        "<html><body><article><h1>Page</h1><p>Ofcom said: \"Tags&#xe0041;&#xE0042; gone.\"</p></article></body></html>",
    )
    .unwrap();
    for format in ["plain", "json", "markdown"] {
        let (stdout, _) = run(&[dir.path().to_str().unwrap(), "--format", format]);
        assert!(stdout.contains("Tags gone.") && stdout.contains("We act."), "{format}:\n{stdout}");
        if let Some(bad) = stdout.chars().find(|c| hidden.contains(*c) || ('\u{E0000}'..='\u{E007F}').contains(c)) {
            panic!("{format}: {bad:?} got through");
        }
    }
}

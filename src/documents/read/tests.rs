use super::*;

/// What the sources gave, read in order on this thread.
struct Loaded {
    documents: Vec<Document>,
    manifest: Manifest,
    problems: Vec<FileProblem>,
}

/// The loader's steps on one thread: [`plan`], then each input
/// prepared and settled in turn.
fn load(sources: &[Source], stdin: &mut dyn Read) -> Loaded {
    let Plan { inputs, manifest } = plan(sources, stdin);
    let (mut documents, mut problems, mut ids) = (Vec::new(), Vec::new(), Ids::default());
    for input in inputs {
        ids.settle(input.prepare(), &mut documents, &mut problems);
    }
    Loaded { documents, manifest, problems }
}

fn load_paths(paths: &[&Path]) -> Loaded {
    let sources: Vec<Source> = paths.iter().map(|p| Source::Path(p.to_path_buf())).collect();
    load(&sources, &mut std::io::empty())
}

#[test]
fn embedded_seeds_load_with_manifest_metadata() {
    let loaded = load(&[Source::Embedded], &mut std::io::empty());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert!(!loaded.documents.is_empty());
    let doc = &loaded.documents[0];
    assert_eq!(doc.source.as_deref(), Some("Bucks Free Press"));
    assert!(loaded.manifest.helplines.iter().any(|h| h.number == "0808 800 5000"));
}

#[test]
fn bad_files_warn_and_good_files_still_load() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), "Title here\n\nBody text.").unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(dir.path().join("binary.txt"), b"abc\0def").unwrap();
    std::fs::write(dir.path().join("latin1.txt"), b"caf\xe9 \x93quoted\x94").unwrap();
    std::fs::write(dir.path().join("ignored.csv"), "a,b").unwrap();
    let missing = dir.path().join("missing.txt");
    let loaded = load_paths(&[dir.path(), &missing]);
    let titles: Vec<_> = loaded.documents.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(titles, vec!["Title here", "Latin1"]);
    assert_eq!(loaded.documents[1].paragraphs[0], "café “quoted”");
    let found: Vec<(&str, &Problem)> =
        loaded.problems.iter().map(|p| (p.origin.rsplit('/').next().unwrap_or_default(), &p.problem)).collect();
    let missing = Problem::Io { kind: std::io::ErrorKind::NotFound, detail: String::new() };
    assert!(matches!(found[3], ("missing.txt", Problem::Io { kind: std::io::ErrorKind::NotFound, .. })));
    assert_eq!(
        found[..3],
        [("binary.txt", &Problem::Binary), ("empty.txt", &Problem::Empty), ("latin1.txt", &Problem::NotUtf8)]
    );
    assert_eq!(found.len(), 4, "{found:?}");
    assert_eq!(missing.to_string(), "does not exist");
}

#[test]
fn a_folder_manifest_refines_titles_and_a_broken_one_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Some text.").unwrap();
    std::fs::write(
        dir.path().join(MANIFEST_FILE),
        "[[document]]\nfile = \"a.txt\"\ntitle = \"Named\"\nsource = \"Paper\"\n",
    )
    .unwrap();
    let loaded = load_paths(&[dir.path()]);
    assert_eq!(loaded.documents[0].title, "Named");
    assert_eq!(loaded.documents[0].source.as_deref(), Some("Paper"));
    assert!(!loaded.manifest.helplines.is_empty(), "helplines fall back to the embedded ones");

    std::fs::write(dir.path().join(MANIFEST_FILE), "[[document]\n").unwrap();
    let loaded = load_paths(&[dir.path()]);
    assert_eq!(loaded.documents.len(), 1);
    assert!(loaded.problems[0].origin.ends_with(MANIFEST_FILE));
    assert!(matches!(&loaded.problems[0].problem, Problem::BadManifest(why) if why.contains("line 1")));
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Some text.").unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    let loaded = load_paths(&[dir.path()]);
    assert_eq!(loaded.documents.len(), 1);
    assert!(loaded.problems.iter().any(|p| p.problem == Problem::Loop), "{:?}", loaded.problems);
}

#[test]
fn utf16_with_a_byte_order_mark_is_read() {
    let text = "Héadline\n\nThe NSPCC said: “We act.”";
    let little: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let big: Vec<u8> = [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
    for bytes in [little, big] {
        let loaded = load(&[Source::Stdin], &mut bytes.as_slice());
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert_eq!(loaded.documents[0].title, "Héadline");
        assert_eq!(loaded.documents[0].paragraphs, vec!["The NSPCC said: “We act.”"]);
    }
}

#[test]
fn stdin_is_a_document() {
    let loaded = load(&[Source::Stdin], &mut "Headline\n\nBody.".as_bytes());
    assert_eq!(loaded.documents[0].title, "Headline");
    assert_eq!(loaded.documents[0].origin, "stdin");
}

#[test]
fn a_folder_is_read_in_name_order_with_its_folders_in_place() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["b.txt", "a.txt", "a-b.txt", "A.txt", "a/z.txt", "a/c.txt", "ab.txt"] {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, format!("Title {name}\n\nBody text.")).unwrap();
    }
    let loaded = load_paths(&[dir.path()]);
    let root = dir.path().to_string_lossy().into_owned();
    let order: Vec<&str> = loaded.documents.iter().map(|d| d.origin.strip_prefix(root.as_str()).unwrap()).collect();
    // The order `Path` gives: a folder's files come where its name sorts,
    // before the names it is a prefix of ("a" < "a-b.txt").
    assert_eq!(order, ["/A.txt", "/a/c.txt", "/a/z.txt", "/a-b.txt", "/a.txt", "/ab.txt", "/b.txt"]);
}

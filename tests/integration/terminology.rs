//! Our own words follow the Luxembourg terminology guidelines: no term that
//! blames children or calls abuse anything else. This scans everything we
//! write — source (UI strings, help), README, manifests, the `--help` text —
//! but not the articles, which are quoted verbatim.

use std::path::{Path, PathBuf};

/// Phrases we never use. "consensual" is checked separately, near "child".
const BANNED: &[&str] = &["child prostitut", "child pornography", "sexually active", "putting themselves at risk"];

/// How many characters around "consensual" count as "near".
const NEAR: usize = 80;

fn problems_in(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut problems: Vec<String> =
        BANNED.iter().filter(|phrase| lower.contains(*phrase)).map(|p| p.to_string()).collect();
    for (at, _) in lower.match_indices("consensual") {
        let start = lower.floor_char_boundary(at.saturating_sub(NEAR));
        let end = lower.ceil_char_boundary((at + NEAR).min(lower.len()));
        if lower[start..end].contains("child") {
            problems.push(format!("“consensual” near “child”: …{}…", &text[start..end]));
        }
    }
    problems
}

fn our_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("README.md"), root.join("Cargo.toml")];
    let mut folders = vec![root.join("src"), root.join("benches"), root.join("tests")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                // Hostile fixtures are test input, not our words.
                if !path.ends_with("fixtures") {
                    folders.push(path);
                }
            } else if path.file_name().is_some_and(|n| n != "terminology.rs") {
                files.push(path);
            }
        }
    }
    files.extend(
        std::fs::read_dir(root.join("seeds"))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml")),
    );
    files
}

#[test]
fn our_words_follow_the_terminology_guidelines() {
    let mut found = Vec::new();
    for file in our_files() {
        let Ok(text) = std::fs::read_to_string(&file) else { continue };
        for problem in problems_in(&text) {
            found.push(format!("{}: {problem}", file.display()));
        }
    }
    let help = assert_cmd::Command::cargo_bin("voices").unwrap().arg("--help").output().unwrap();
    for problem in problems_in(&String::from_utf8_lossy(&help.stdout)) {
        found.push(format!("voices --help: {problem}"));
    }
    assert!(found.is_empty(), "terms to replace:\n{}", found.join("\n"));
}

#[test]
fn the_check_catches_what_it_should() {
    assert_eq!(problems_in("A CHILD PROSTITUTE").len(), 1);
    assert_eq!(problems_in("the child was said to be consensual").len(), 1);
    assert!(problems_in("child sexual exploitation and abuse").is_empty());
    assert!(problems_in("consensual sharing between adults").is_empty());
}

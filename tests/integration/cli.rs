//! The `voices` command line as a user or a script meets it: outputs, the
//! speaker filter, exit codes and messages. Runs the real binary.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn voices() -> Command {
    let mut cmd = Command::cargo_bin("voices").unwrap();
    // Run away from the repository so the embedded seeds, not files on disk, are read.
    cmd.current_dir(std::env::temp_dir());
    cmd
}

fn stdout_of(cmd: &mut Command) -> String {
    let output = cmd.output().unwrap();
    assert!(output.status.success(), "failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

fn json_of(args: &[&str]) -> Value {
    serde_json::from_str(&stdout_of(voices().args(args).args(["--format", "json"]))).unwrap()
}

#[test]
fn plain_output_groups_the_seed_by_its_four_speakers() {
    let out = stdout_of(voices().args(["--format", "plain"]));
    for heading in
        ["Thames Valley Police (1 statement)", "NSPCC (1 statement)", "Buckinghamshire Safeguarding Children Board ("]
    {
        assert!(out.contains(heading), "missing {heading:?} in:\n{out}");
    }
    assert!(out.contains("“stars”"), "the young victims' words are listed:\n{out}");
    assert!(out.contains("“not heard”"), "{out}");
    assert!(!out.contains("Unattributed"), "every seed statement has a speaker:\n{out}");
    assert!(!out.contains('\u{1b}'), "plain output has no escape sequences");
}

#[test]
fn plain_output_starts_with_the_content_note_and_ends_with_the_helplines() {
    let out = stdout_of(voices().args(["--format", "plain"]));
    assert!(out.starts_with("Content note: These documents discuss the sexual exploitation and abuse of children."));
    let lines: Vec<&str> = out.lines().collect();
    let heading = lines.iter().rposition(|l| *l == "Helplines").expect("a Helplines heading");
    let tail = &lines[heading + 1..];
    assert!(tail[0].starts_with("NSPCC helpline: 0808 800 5000"));
    assert!(tail[1].starts_with("Childline: 0800 1111"));
    assert!(tail[2].starts_with("Emergency: 999"));
    // The lines for adults: survivors and anyone worried about behaviour.
    assert!(tail.iter().any(|l| l.starts_with("Samaritans: 116 123")), "{tail:?}");
    assert!(tail.iter().any(|l| l.starts_with("Stop It Now: 0808 1000 900")), "{tail:?}");
}

/// Plain output is read aloud by screen readers: one statement per
/// paragraph, the speaker first, then the words, then where they are; no
/// box drawing or other decoration.
#[test]
fn plain_output_reads_well_aloud() {
    let out = stdout_of(voices().args(["--speaker", "nspcc", "--format", "plain"]));
    let statement = out.lines().find(|l| l.starts_with("NSPCC: ")).expect("a line starting with the speaker");
    assert!(statement.starts_with("NSPCC: “It is clear that some vulnerable young victims"), "{statement}");
    assert!(
        statement.ends_with("(Thames Valley Police responds to CSE review, paragraphs 13–16, direct quote)")
            || statement.contains(", direct quote)"),
        "{statement}"
    );
    let paragraphs: Vec<&str> = out.split("\n\n").collect();
    assert!(paragraphs.iter().any(|p| p.starts_with("NSPCC: ") && !p.contains("\nNSPCC: ")), "one per paragraph");
    assert!(!out.chars().any(|c| ('\u{2500}'..='\u{259F}').contains(&c)), "no box drawing:\n{out}");
}

#[test]
fn piped_output_defaults_to_plain() {
    let out = stdout_of(&mut voices());
    assert!(out.starts_with("Content note:"), "{out}");
}

#[test]
fn speaker_filter_shows_only_the_nspcc_quote_then_the_helplines() {
    let out = stdout_of(voices().args(["--speaker", "nspcc", "--format", "plain"]));
    assert!(out.contains("NSPCC (1 statement)"), "{out}");
    assert!(out.contains("It is clear that some vulnerable young victims"), "{out}");
    assert!(!out.contains("Thames Valley Police ("), "{out}");
    assert!(!out.contains("Buckinghamshire Safeguarding Children Board ("), "{out}");
    assert!(
        out.contains("Note: The NSPCC publishes its helpline as 0808 800 5000; this article prints 0808 500 1111."),
        "the wrong number in the quote gets a note after it:\n{out}"
    );
    assert!(out.contains("\nEmergency: 999 (anyone in immediate danger)\n"), "{out}");
    let after_helplines = out.rsplit("\nHelplines\n").next().unwrap();
    assert!(!after_helplines.contains("“"), "the helplines come last:\n{out}");
}

#[test]
fn speaker_filter_accepts_names_aliases_and_parts_in_any_case() {
    for query in ["NSPCC", "bscb", "thames valley", "tvp", "Thames Valley Police"] {
        let json = json_of(&["--speaker", query]);
        assert_eq!(json["speakers"].as_array().unwrap().len(), 1, "{query} picks one speaker");
    }
    let json = json_of(&["--speaker", "nspcc", "--speaker", "tvp"]);
    assert_eq!(json["speakers"].as_array().unwrap().len(), 2, "repeating --speaker is a union");
}

#[test]
fn a_near_miss_exits_2_with_a_suggestion() {
    voices()
        .args(["--speaker", "nspc"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("no speaker matches \"nspc\"; did you mean NSPCC?"))
        .stderr(predicate::str::contains("Thames Valley Police"));
}

#[test]
fn usage_errors_exit_2() {
    voices().args(["--format", "sideways"]).assert().code(2).stderr(predicate::str::contains("sideways"));
    voices().arg("--no-such-flag").assert().code(2);
}

#[test]
fn help_shows_examples() {
    voices()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"))
        .stdout(predicate::str::contains("voices --speaker nspcc"));
}

/// `--help` offers only what `--generate` takes: no list of single words
/// that would suggest `--generate bash` (refused).
#[test]
fn help_offers_no_generate_value_that_is_refused() {
    let out = stdout_of(voices().arg("--help"));
    assert!(!out.contains("possible values: man, completions, bash"), "{out}");
    assert!(out.contains("--generate completions bash|zsh|fish"), "{out}");
    voices().args(["--generate", "bash"]).assert().code(2);
}

#[test]
fn json_follows_the_documented_schema() {
    let json = json_of(&[]);
    let document = &json["documents"][0];
    assert_eq!(document["id"], "thames-valley-police-responds-to-cse-review");
    assert_eq!(document["source"], "Bucks Free Press");
    assert_eq!(document["date"], "April 2017");
    assert!(document["title"].is_string());
    assert_eq!(document["paragraphs"].as_array().unwrap().len(), 16);

    for speaker in json["speakers"].as_array().unwrap() {
        for key in ["id", "name", "short", "kind"] {
            assert!(speaker[key].is_string(), "speaker.{key}: {speaker}");
        }
        assert!(speaker["aliases"].is_array());
        assert!(speaker["statements"].as_u64().unwrap() > 0);
        assert!(["organisation", "person", "group"].contains(&speaker["kind"].as_str().unwrap()));
    }
    let statements = json["statements"].as_array().unwrap();
    assert!(!statements.is_empty());
    for statement in statements {
        assert!(statement["id"].is_u64());
        assert_eq!(statement["document"], document["id"]);
        assert!(statement["speaker"].is_string() || statement["speaker"].is_null());
        assert!(["direct", "reported"].contains(&statement["kind"].as_str().unwrap()));
        assert!(statement["text"].is_string() && statement["cue"].is_string());
        let range = statement["paragraphs"].as_array().unwrap();
        assert_eq!(range.len(), 2);
        assert!(range[0].as_u64().unwrap() >= 1 && range[0].as_u64() <= range[1].as_u64());
    }
    let tvp = statements.iter().find(|s| s["speaker"] == "tvp").unwrap();
    assert_eq!(tvp["paragraphs"], serde_json::json!([6, 10]), "the five-paragraph quote");

    let helplines = json["helplines"].as_array().unwrap();
    assert_eq!(helplines[0]["number"], "0808 800 5000");
    for helpline in helplines {
        for key in ["name", "number", "source", "checked"] {
            assert!(helpline[key].is_string(), "helpline.{key}");
        }
    }
    let note = &json["notes"][0];
    assert_eq!(note["document"], document["id"]);
    assert_eq!(note["paragraph"], 16);
    assert_eq!(note["found"], "0808 500 1111");
    assert_eq!(note["published"], "0808 800 5000");
    assert_eq!(note["helpline"], "NSPCC helpline");
}

#[test]
fn list_speakers_prints_counts() {
    let out = stdout_of(voices().arg("--list-speakers"));
    assert!(out.lines().any(|l| l.trim_start().starts_with("1  NSPCC [nspcc]")), "{out}");
    assert!(out.lines().count() >= 4, "{out}");
}

#[test]
fn paths_replace_the_embedded_corpus() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("council.txt"),
        "Council responds\n\nA spokeswoman for Anytown Council said: \"We will act on every finding.\"\n",
    )
    .unwrap();
    let json = json_of(&[dir.path().to_str().unwrap()]);
    assert_eq!(json["documents"].as_array().unwrap().len(), 1);
    assert_eq!(json["documents"][0]["title"], "Council responds");
    assert_eq!(json["statements"][0]["text"], "We will act on every finding.");
    assert_eq!(json["helplines"][0]["number"], "0808 800 5000", "the checked helplines stay");
}

#[test]
fn stdin_is_read_for_a_dash() {
    let json: Value = serde_json::from_str(&stdout_of(
        voices().args(["-", "--format", "json"]).write_stdin("Headline here\n\nMr Khan said: \"It is done.\"\n"),
    ))
    .unwrap();
    assert_eq!(json["documents"][0]["origin"], "stdin");
    assert_eq!(json["statements"][0]["text"], "It is done.");
}

#[test]
fn a_missing_file_is_named_and_the_others_still_load() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "Some text.\n").unwrap();
    let missing = dir.path().join("missing.txt");
    voices()
        .args([good.to_str().unwrap(), missing.to_str().unwrap(), "--format", "plain"])
        .assert()
        .success()
        .stderr(predicate::str::contains("missing.txt: does not exist"));
}

#[test]
fn nothing_to_read_exits_1_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    voices()
        .arg(dir.path().join("nothing.txt"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("nothing.txt: does not exist"))
        .stderr(predicate::str::contains("no documents to read"));
}

//! The reader's command-line edges, without a terminal.

use assert_cmd::Command;
use predicates::prelude::*;

#[test]
fn the_reader_refuses_a_pipe_instead_of_writing_escape_sequences_into_it() {
    Command::cargo_bin("voices")
        .unwrap()
        .args(["--format", "tui"])
        .write_stdin("")
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("the reader needs a terminal"));
}

#[test]
fn colour_and_mouse_options_are_accepted() {
    Command::cargo_bin("voices")
        .unwrap()
        .args(["--color", "never", "--no-mouse", "--format", "plain"])
        .assert()
        .success()
        .stdout(predicate::str::contains("0808 800 5000"));
    Command::cargo_bin("voices").unwrap().args(["--color", "sometimes"]).assert().code(2);
}

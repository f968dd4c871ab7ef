//! voices writes no file and opens no socket. Proven on Linux by running it
//! under strace with a fresh HOME and reading every open, create, rename,
//! unlink, socket and connect call it makes. (The TUI session is covered in
//! the `pty` module, `a_reader_session_writes_nothing_and_opens_no_socket`,
//! which reuses [`check_trace`] from `common`.)

use std::process::Command;

use crate::common::strace::{check_trace, strace_available, traced_command};

#[test]
fn plain_and_json_output_write_nothing_and_open_no_socket() {
    if let Err(reason) = strace_available() {
        eprintln!("skipped: {reason}");
        return;
    }
    for format in ["plain", "json"] {
        let home = tempfile::tempdir().unwrap();
        let log = tempfile::NamedTempFile::new().unwrap();
        let voices = assert_cmd::cargo::cargo_bin("voices");
        let mut cmd: Command = traced_command(log.path(), &voices, home.path());
        cmd.args(["--format", format]);
        let output = cmd.output().unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        assert!(!output.stdout.is_empty());
        let trace = std::fs::read_to_string(log.path()).unwrap();
        assert!(trace.contains("openat("), "strace recorded the run:\n{trace}");
        check_trace(&trace, &[]).unwrap_or_else(|problems| panic!("{format}: {problems}"));
        assert_eq!(std::fs::read_dir(home.path()).unwrap().count(), 0, "HOME is unchanged");
    }
}

#[test]
fn the_trace_check_catches_writes_and_sockets() {
    let trace = "\
12 openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC) = 3
12 openat(AT_FDCWD, \"/home/x/.voices_history\", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 4
12 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 5
12 openat(AT_FDCWD, \"/dev/pts/3\", O_RDWR|O_CLOEXEC) = 6
";
    let problems = check_trace(trace, &["/dev/pts/"]).unwrap_err();
    assert!(problems.contains(".voices_history"), "{problems}");
    assert!(problems.contains("socket"), "{problems}");
    assert!(!problems.contains("/dev/pts/3"), "the terminal may be opened for writing: {problems}");
}

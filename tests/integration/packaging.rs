//! What a Debian package installs must work where it is installed: the man
//! page must render with `man`, and the bash completion script must load.
//! Each test skips, saying why, when the tool it needs is missing.

use std::process::Command;

const VOICES: &str = env!("CARGO_BIN_EXE_voices");

fn available(tool: &str) -> bool {
    Command::new(tool).arg("--version").output().is_ok_and(|out| out.status.success())
}

fn generated(args: &[&str]) -> Vec<u8> {
    let out = Command::new(VOICES).args(args).output().expect("voices runs");
    assert!(out.status.success(), "voices {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    assert!(!out.stdout.is_empty(), "voices {args:?} printed nothing");
    out.stdout
}

#[test]
fn the_man_page_renders_with_man() {
    if !available("man") {
        println!("skipped: `man` is not installed, so the man page cannot be rendered here");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("voices.1");
    std::fs::write(&page, generated(&["--generate", "man"])).unwrap();
    let out = Command::new("man")
        .args(["--warnings", "-l"])
        .arg(&page)
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .env("MANWIDTH", "80")
        .env("LANG", "C.UTF-8")
        .output()
        .expect("man runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let warnings = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "man -l failed: {warnings}");
    assert!(warnings.trim().is_empty(), "man warned: {warnings}");
    for expected in ["NAME", "voices", "SYNOPSIS", "--speaker", "--format", "--generate"] {
        assert!(text.contains(expected), "{expected:?} missing from the rendered page:\n{text}");
    }
}

#[test]
fn the_bash_completion_script_loads() {
    if !available("bash") {
        println!("skipped: `bash` is not installed, so the completion script cannot be loaded here");
        return;
    }
    let out = Command::new("bash")
        .args([
            "--norc",
            "--noprofile",
            "-c",
            "source <(\"$VOICES\" --generate completions bash) && complete -p voices",
        ])
        .env("VOICES", VOICES)
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "bash: {}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("complete") && stdout.trim_end().ends_with(" voices"), "{stdout}");
}

#[test]
fn zsh_and_fish_scripts_are_generated() {
    for shell in ["zsh", "fish"] {
        let script = String::from_utf8(generated(&["--generate", "completions", shell])).unwrap();
        assert!(script.contains("voices") && script.contains("speaker"), "{shell}");
    }
}

#[test]
fn a_bad_generate_request_is_a_usage_error() {
    let out = Command::new(VOICES).args(["--generate", "completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = Command::new(VOICES).args(["--generate", "completions"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("completions bash|zsh|fish"));
}

#[test]
fn markdown_output_is_available_from_the_command_line() {
    let out = Command::new(VOICES).args(["--format", "markdown"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("# Who said what\n"), "{text}");
    assert!(text.contains("## Helplines\n\n- **NSPCC helpline**: 0808 800 5000"), "{text}");
    // The seed article prints a wrong helpline number; the summary corrects it.
    assert!(text.contains("**Note:** The NSPCC publishes"), "{text}");
}

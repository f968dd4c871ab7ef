//! The promises under stress (issue 16, items 1–5), end to end in a pty:
//! an abort, a crash or any signal that would end voices leaves the
//! terminal as it was (its settings read back through the pty, and the
//! modes voices turned on off again), and the quick exit is honoured at
//! once while the reader is busy: during a long search, behind thousands
//! of queued keys, and after a 10 KB paste. The latencies are printed:
//!
//!     cargo test --test integration faults:: -- --nocapture

use std::sync::Arc;
use std::time::{Duration, Instant};

use portable_pty::CommandBuilder;

use crate::corpus_gen;
use crate::pty::{HELPLINE, Session, WAIT};

/// How soon a quick exit must end voices, whatever it is doing (issue 16).
const QUICK: Duration = Duration::from_millis(500);
/// The long document searched: large enough that one search takes seconds
/// in the test build (about 2 s on the CI machine).
const LONG_DOCUMENT: usize = 4 << 20;
/// Loading the long document in the test build, on a loaded machine.
const LOAD_WAIT: Duration = Duration::from_secs(120);

fn start_with(env: &[(&str, &str)], args: &[&str]) -> Session {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_voices"));
    cmd.args(args);
    for (key, value) in env {
        cmd.env(key, value);
    }
    Session::spawn(cmd, 100, 30)
}

/// Sends `keys` and measures how long voices takes to exit after them.
fn exit_latency(s: &mut Session, keys: &str) -> Duration {
    s.send(keys);
    let sent = Instant::now();
    while s.child.try_wait().unwrap().is_none() {
        assert!(sent.elapsed() < WAIT, "voices did not exit after {keys:?}; the screen shows:\n{}", s.screen());
        std::thread::sleep(Duration::from_millis(2));
    }
    sent.elapsed()
}

/// Waits for voices to die of a crash and checks what it left: the
/// terminal's settings as they were, the main screen, the cursor shown,
/// mouse reporting and bracketed paste off, and then a note naming `name`
/// (and `then`, what Rust itself printed, if anything).
fn assert_crash_restored(mut s: Session, name: &str, then: Option<&str>) {
    let status = s.wait_exit();
    assert!(status.signal().is_some(), "{name}: voices ends by the signal, as a crash does: {status:?}");
    s.assert_settings_restored(name);
    let raw = Arc::clone(&s.raw);
    let wanted = then.unwrap_or(name);
    let start = Instant::now();
    while !String::from_utf8_lossy(&raw.lock().unwrap()).contains(wanted) && start.elapsed() < WAIT {
        std::thread::sleep(Duration::from_millis(20));
    }
    let text = String::from_utf8_lossy(&raw.lock().unwrap()).into_owned();
    let left = text.rfind("\x1b[?1049l").unwrap_or_else(|| panic!("{name}: the main screen came back"));
    let note = text.rfind("the terminal has been put back").unwrap_or_else(|| panic!("{name}: no note in {text:?}"));
    assert!(
        left < note && text[left..].contains(name),
        "{name}: the note comes after the restore: {:?}",
        &text[left..]
    );
    if let Some(then) = then {
        assert!(text[note..].contains(then), "{name}: {then:?} is printed after the note: {:?}", &text[left..]);
    }
    let parser = s.parser.lock().unwrap();
    let screen = parser.screen();
    assert!(!screen.alternate_screen() && !screen.hide_cursor(), "{name}: the screen and cursor are back");
    assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None, "{name}: the mouse is still reported");
    assert!(!screen.bracketed_paste(), "{name}: bracketed paste is still on");
}

/// 16.1: memory running out (an allocation of 4 EiB, refused by the
/// allocator) aborts the process; the abort handler puts the terminal back.
#[test]
fn an_allocation_failure_aborts_with_the_terminal_restored() {
    let mut s = start_with(&[("VOICES_TEST_PANIC", "abort")], &["--no-content-note"]);
    s.wait_for(&["Documents", HELPLINE]);
    s.send("j");
    assert_crash_restored(s, "SIGABRT", None);
}

/// 16.1: a stack overflow is a SIGSEGV that Rust turns into an abort; the
/// terminal is back before Rust's own message, so that message can be read.
#[test]
fn a_stack_overflow_aborts_with_the_terminal_restored() {
    let mut s = start_with(&[("VOICES_TEST_PANIC", "overflow")], &["--no-content-note"]);
    s.wait_for(&["Documents", HELPLINE]);
    s.send("j");
    assert_crash_restored(s, "SIGSEGV", Some("has overflowed its stack"));
}

/// 16.2: each crash signal, sent from outside, restores the terminal too.
#[test]
fn every_crash_signal_restores_the_terminal_and_ends_voices() {
    for (signal, name) in voices::tui::CRASH_SIGNALS {
        let s = start_with(&[], &["--no-content-note"]);
        s.wait_for(&["Documents", HELPLINE]);
        s.signal(signal);
        assert_crash_restored(s, name, None);
    }
}

/// 16.2: every other signal whose default would end voices is a quick exit
/// (the real-time signals share one path: the first and last are sent).
#[test]
fn every_signal_that_would_end_voices_is_a_quick_exit() {
    let signals = voices::tui::quick_exit_signals();
    let real_time = |s: &libc::c_int| (libc::SIGRTMIN() + 1..libc::SIGRTMAX()).contains(s);
    for signal in signals.iter().copied().filter(|s| !real_time(s)) {
        let s = start_with(&[], &["--no-content-note"]);
        s.wait_for(&["Documents", HELPLINE]);
        s.signal(signal);
        s.finish_quick_exit(&format!("signal {signal}"));
    }
}

/// 16.2: SIGPIPE is ignored (as the Rust runtime sets it), so it ends
/// nothing and leaves the reader as it was.
#[test]
fn sigpipe_leaves_the_reader_running() {
    let mut s = start_with(&[], &["--no-content-note"]);
    s.wait_for(&["Documents", HELPLINE]);
    s.signal(libc::SIGPIPE);
    std::thread::sleep(Duration::from_millis(300));
    assert!(s.child.try_wait().unwrap().is_none(), "voices is still running");
    s.send("?");
    s.wait_for(&["Esc or ? closes", HELPLINE]);
    s.send("q");
    s.wait_for(&["? help", HELPLINE]);
    s.send("q");
    assert!(s.finish_and_check());
}

/// Two Escs in one read (tmux sends Esc Esc pressed quickly that way, and
/// so does a program) are Esc Esc, from the list and from a prompt.
#[test]
fn two_escs_in_one_read_are_a_quick_exit() {
    for (keys, shown) in [("", "Documents"), ("/vigil", "Filter the list: vigil")] {
        let mut s = start_with(&[], &["--no-content-note"]);
        s.wait_for(&["Documents", HELPLINE]);
        s.send(keys);
        s.wait_for(&[shown, HELPLINE]);
        s.send("\x1b\x1b");
        s.finish_quick_exit(&format!("Esc Esc in one read after {keys:?}"));
    }
}

/// Opens a generated document of [`LONG_DOCUMENT`] bytes, waits until it
/// has loaded, and puts the keyboard in its text.
fn open_long_document() -> (Session, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("long.txt"), corpus_gen::single_document(LONG_DOCUMENT, 7)).unwrap();
    let mut s = start_with(&[], &[dir.path().to_str().unwrap(), "--no-content-note"]);
    s.wait_for_within(&["Documents (1)", HELPLINE], LOAD_WAIT);
    let start = Instant::now();
    while s.screen().contains("Loading") {
        assert!(start.elapsed() < LOAD_WAIT, "the document did not load:\n{}", s.screen());
        std::thread::sleep(Duration::from_millis(100));
    }
    s.send("\t");
    s.wait_for(&[HELPLINE]);
    (s, dir)
}

/// 16.3 (the terminal's half): Esc Esc pressed while a search of a long
/// document runs ends voices within [`QUICK`]. The input thread sees the
/// two Escs as they arrive; while the search runs on the event loop (as it
/// did when this test was written) that thread does the quick exit itself
/// after a short grace. Depends on the search taking longer than the quick
/// exit (printed below); once the search runs off the loop, the loop
/// leaves by itself and this still holds.
#[test]
fn esc_esc_is_honoured_at_once_while_a_long_search_runs() {
    let (mut s, _dir) = open_long_document();
    // How long one search takes here, for the record.
    s.send("/zqxj");
    s.wait_for(&["zqxj", HELPLINE]);
    s.send("\r");
    let started = Instant::now();
    s.wait_for_within(&["No matches"], LOAD_WAIT);
    let search = started.elapsed();
    // A second search, and Esc Esc pressed while it runs.
    s.send("/zqxk");
    s.wait_for(&["zqxk", HELPLINE]);
    let drawn = s.raw.lock().unwrap().len();
    s.send("\r");
    std::thread::sleep(Duration::from_millis(100));
    s.send("\x1b");
    std::thread::sleep(Duration::from_millis(100));
    let latency = exit_latency(&mut s, "\x1b");
    let finished = String::from_utf8_lossy(&s.raw.lock().unwrap()[drawn..]).contains("matches");
    println!(
        "a search of {} MB takes {search:.2?}; Esc Esc pressed during one ended voices {latency:.3?} after the \
         second Esc (the search {})",
        LONG_DOCUMENT >> 20,
        if finished { "had finished" } else { "was still running" }
    );
    assert!(latency <= QUICK, "Esc Esc took {latency:?} during a search of {search:?}");
    s.finish_quick_exit("Esc Esc during a long search");
}

/// 16.5 (the terminal's half): Esc Esc typed behind 2,400 queued keys
/// (400 searches of the long document, each taking seconds) ends voices
/// within [`QUICK`]: pending input is looked at as it is read, before the
/// queued keys are handled.
#[test]
fn esc_esc_is_honoured_at_once_behind_thousands_of_queued_keys() {
    let (mut s, _dir) = open_long_document();
    let keys = "/zqxj\r".repeat(400);
    s.send(&keys);
    std::thread::sleep(Duration::from_millis(200));
    let latency = exit_latency(&mut s, "\x1b\x1b");
    println!("Esc Esc behind {} queued keys ended voices {latency:.3?} after it was sent", keys.len());
    assert!(latency <= QUICK, "Esc Esc took {latency:?} behind {} keys", keys.len());
    s.finish_quick_exit("Esc Esc behind queued keys");
}

/// CPU time voices has used so far, in clock ticks (Linux's /proc), if known.
fn cpu_ticks(s: &Session) -> Option<u64> {
    let pid = s.child.process_id()?;
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

/// 16.4: a 10 KB paste into the search prompt, bracketed (one event) or
/// not (typed keys, from a terminal without bracketed paste), is taken at
/// once; voices then sits idle instead of spinning, the next key works, and
/// Esc Esc ends it within [`QUICK`].
#[test]
fn a_10_kb_paste_into_the_search_prompt_is_taken_at_once_and_esc_esc_still_quits() {
    let text: String = "safeguarding ".repeat(800);
    assert!(text.len() >= 10_000);
    for (how, paste) in [("bracketed", format!("\x1b[200~{text}END\x1b[201~")), ("as keys", format!("{text}END"))] {
        let mut s = start_with(&[], &["--no-content-note"]);
        s.wait_for(&["Documents", HELPLINE]);
        s.send("/");
        s.wait_for(&["Filter the list:", HELPLINE]);
        s.send(&paste);
        let sent = Instant::now();
        s.wait_for(&["Filter the list: safeguarding safeguarding", HELPLINE]);
        let shown = sent.elapsed();
        let idle = cpu_ticks(&s).map(|before| {
            std::thread::sleep(Duration::from_secs(1));
            cpu_ticks(&s).unwrap_or(before) - before
        });
        // The next key is handled at once: Enter filters the list by it all.
        s.send("\r");
        s.wait_for(&["Nothing in the list matches", HELPLINE]);
        s.send("\x1b");
        s.wait_for(&["Documents", HELPLINE]);
        let latency = exit_latency(&mut s, "\x1b");
        println!(
            "a {} byte paste ({how}) was shown after {shown:.3?} (a stable frame: {:?} of that is the wait); \
             CPU in the idle second after: {idle:?} ticks; Esc Esc then took {latency:.3?}",
            text.len() + 3,
            crate::pty::STABLE,
        );
        if let Some(ticks) = idle {
            assert!(ticks <= 10, "{how}: voices kept the CPU busy after the paste ({ticks} ticks in 1 s)");
        }
        assert!(latency <= QUICK, "{how}: Esc Esc took {latency:?} after the paste");
        s.finish_quick_exit(&format!("Esc Esc after a paste ({how})"));
    }
}

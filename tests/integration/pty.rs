//! End-to-end: the real binary in a pseudo-terminal, read back through a
//! terminal emulator (vt100). Nothing here reads the test runner's stdin.
//!
//! Races avoided: the reader thread feeds every byte into the emulator as it
//! arrives, and each check waits for the screen to *contain* what it expects
//! and then to stay unchanged for a moment (a "stable frame"), so a check
//! never looks at a half-drawn frame. Keys are sent only after the frame
//! they act on is stable, because the app redraws after each key.
//!
//! The quick-exit tests also keep every raw byte voices wrote, to check the
//! clearing sequences themselves (a terminal emulator's final screen cannot
//! show what a real terminal's scrollback would have kept), and read the
//! terminal's settings back (termios, through the pty's master) to check
//! raw mode is off again. Two Escs are mostly sent as two writes with the
//! first one's effect awaited in between, as a person presses them;
//! `faults.rs` sends them in one write too.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Longest wait for any one screen; generous for a loaded CI machine.
pub const WAIT: Duration = Duration::from_secs(10);
/// How long the screen must stay the same to count as drawn.
pub const STABLE: Duration = Duration::from_millis(150);

pub struct Session {
    pub parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte voices wrote to the terminal, in order.
    pub raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    master: Box<dyn portable_pty::MasterPty + Send>,
    /// The terminal's settings before voices started, as a shell leaves them.
    settings_before: Settings,
}

/// The parts of a terminal's settings (termios) raw mode changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    iflag: libc::tcflag_t,
    oflag: libc::tcflag_t,
    cflag: libc::tcflag_t,
    lflag: libc::tcflag_t,
    cc: [libc::cc_t; libc::NCCS],
}

impl Settings {
    /// The settings of the terminal `master` is the master side of (on
    /// Linux, termios calls on a pty's master act on its terminal side).
    #[allow(unsafe_code)] // tcgetattr(3), to read the terminal's mode back.
    fn read(master: &dyn portable_pty::MasterPty) -> Settings {
        let fd = master.as_raw_fd().expect("a pty descriptor");
        // SAFETY: termios is plain data; zeroes are overwritten by tcgetattr.
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        // SAFETY: `t` is a valid, writable termios.
        assert_eq!(unsafe { libc::tcgetattr(fd, &mut t) }, 0, "tcgetattr: {}", std::io::Error::last_os_error());
        Settings { iflag: t.c_iflag, oflag: t.c_oflag, cflag: t.c_cflag, lflag: t.c_lflag, cc: t.c_cc }
    }

    /// Whether the shell's line editing is on: typed keys echo and come a
    /// line at a time (what raw mode turns off).
    fn line_editing(&self) -> bool {
        self.lflag & libc::ICANON != 0 && self.lflag & libc::ECHO != 0 && self.lflag & libc::ISIG != 0
    }
}

impl Session {
    pub fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_voices"));
        cmd.args(args);
        Session::spawn(cmd, cols, rows)
    }

    /// Runs `cmd` (voices, or voices under strace) in a fresh pty.
    pub fn spawn(mut cmd: CommandBuilder, cols: u16, rows: u16) -> Session {
        let pty = native_pty_system();
        let pair = pty.openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("a pty");
        let settings_before = Settings::read(&*pair.master);
        assert!(settings_before.line_editing(), "a fresh pty edits lines: {settings_before:?}");
        cmd.env("TERM", "xterm-256color");
        cmd.env("NO_COLOR", "1");
        cmd.cwd(std::env::temp_dir());
        let child = pair.slave.spawn_command(cmd).expect("voices starts");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let (feed, record) = (Arc::clone(&parser), Arc::clone(&raw));
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                record.lock().unwrap().extend_from_slice(&buf[..n]);
                feed.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Session { parser, raw, writer, child, master: pair.master, settings_before }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until the screen contains every one of `wanted` and is stable.
    pub fn wait_for(&self, wanted: &[&str]) -> String {
        self.wait_for_within(wanted, WAIT)
    }

    /// [`Session::wait_for`], for up to `wait`.
    pub fn wait_for_within(&self, wanted: &[&str], wait: Duration) -> String {
        let start = Instant::now();
        let mut last = String::new();
        let mut since = Instant::now();
        loop {
            let now = self.screen();
            if now != last {
                last = now;
                since = Instant::now();
            } else if wanted.iter().all(|w| Session::shows(&last, w)) && since.elapsed() >= STABLE {
                return last;
            }
            assert!(start.elapsed() < wait, "waited for {wanted:?}; the screen shows:\n{last}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Whether `screen` shows `wanted`: the helpline on its last line (the
    /// status bar), anything else anywhere.
    fn shows(screen: &str, wanted: &str) -> bool {
        if wanted == HELPLINE {
            screen.trim_end().lines().last().is_some_and(|status| status.contains(HELPLINE))
        } else {
            screen.contains(wanted)
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Whether the cell where `text` first starts at or right of column
    /// `from` is drawn in reverse video.
    fn is_reversed(&self, text: &str, from: u16) -> bool {
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        for row in 0..rows.get() {
            let line: String =
                (0..cols.get()).filter_map(|c| screen.cell(row, c).map(|c| c.contents().to_string())).collect();
            for (byte, _) in line.match_indices(text) {
                let col = line[..byte].chars().count() as u16;
                if col >= from {
                    return screen.cell(row, col).is_some_and(|c| c.inverse());
                }
            }
        }
        panic!("{text:?} is not on screen");
    }

    /// The terminal's settings now.
    pub fn settings(&self) -> Settings {
        Settings::read(&*self.master)
    }

    /// Checks the terminal's settings are the ones it had before voices
    /// started: raw mode is off, keys echo and come by lines again.
    pub fn assert_settings_restored(&self, how: &str) {
        let now = self.settings();
        assert!(now.line_editing(), "{how}: the terminal is left in raw mode: {now:?}");
        assert_eq!(now, self.settings_before, "{how}: the terminal's settings are not as they were");
    }

    /// Waits for the process to end and says how; kills it if it does not.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            if start.elapsed() > WAIT {
                let _ = self.child.kill();
                panic!("voices did not exit; the screen shows:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a size")
}

/// The NSPCC's number, as the status bar shows it at every width (with
/// the helpline's full name or its short one): [`Session::wait_for`] looks
/// for it on the last line, the status bar, not in an article's text.
pub const HELPLINE: &str = "0808 800 5000";

#[test]
fn navigate_to_the_nspcc_open_its_statement_search_and_quit() {
    let mut s = Session::start(&[], 100, 30);
    // The content note comes first, with no article text behind it.
    let screen = s.wait_for(&["These documents discuss", "Enter: read on", HELPLINE]);
    assert!(!screen.contains("Buckinghamshire") && !screen.contains("Documents"), "{screen}");
    s.send("\r");
    let screen = s.wait_for(&["Documents", "Speakers", "NSPCC (", HELPLINE]);
    assert!(screen.contains("Thames Valley Police ("), "{screen}");
    assert!(screen.contains("Buckinghamshire"), "{screen}");
    assert!(s.parser.lock().unwrap().screen().alternate_screen());

    // Filter the sidebar to the NSPCC; the selection lands on its statement.
    s.send("/NSPCC");
    s.wait_for(&["Filter the list: NSPCC", HELPLINE]);
    s.send("\r");
    s.wait_for(&["“It is clear that", HELPLINE]);
    s.send("\r");
    let screen = s.wait_for(&["An NSPCC spokesman also", HELPLINE]);
    assert!(screen.contains("NSPCC │ "), "the gutter names the speaker:\n{screen}");
    let status = screen.trim_end().lines().last().unwrap_or_default();
    assert!(status.contains("statement ") && status.contains(" · NSPCC"), "the status bar says where:\n{screen}");
    assert!(s.is_reversed("vulnerable", 34), "the statement is highlighted:\n{screen}");

    // Search the article.
    s.send("/vigilant\r");
    let screen = s.wait_for(&["match 1 of 1", HELPLINE]);
    assert!(screen.contains("vigilant"), "{screen}");

    // Help, then quit.
    s.send("?");
    s.wait_for(&["Esc or ? closes", HELPLINE]);
    s.send("\x1b");
    s.wait_for(&["? help", HELPLINE]);
    s.send("q");
    assert!(s.finish_and_check(), "voices exits successfully");
}

impl Session {
    /// Waits for exit and checks the terminal left the alternate screen
    /// and raw mode.
    pub fn finish_and_check(mut self) -> bool {
        let parser = Arc::clone(&self.parser);
        let ok = self.wait_exit().success();
        self.assert_settings_restored("leaving");
        // Give the reader thread a moment to take the last bytes.
        let start = Instant::now();
        while parser.lock().unwrap().screen().alternate_screen() && start.elapsed() < WAIT {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(!parser.lock().unwrap().screen().alternate_screen(), "still in the alternate screen");
        ok
    }
}

#[test]
fn a_speaker_filter_opens_with_only_that_speaker_and_survives_a_resize() {
    let mut s = Session::start(&["--speaker", "nspcc", "--no-content-note"], 100, 30);
    let screen = s.wait_for(&["Only: NSPCC", "NSPCC (1)", HELPLINE]);
    assert!(!screen.contains("Thames Valley Police ("), "{screen}");
    s.master.resize(PtySize { rows: 20, cols: 60, pixel_width: 0, pixel_height: 0 }).unwrap();
    s.parser.lock().unwrap().set_size(nz(20), nz(60));
    // At 60 columns the quick exit stays, and the helpline shortens for it.
    s.wait_for(&["NSPCC 0808 800 5000", "Esc Esc quick exit"]);
    s.master.resize(PtySize { rows: 5, cols: 20, pixel_width: 0, pixel_height: 0 }).unwrap();
    s.parser.lock().unwrap().set_size(nz(5), nz(20));
    s.wait_for(&["too small", "NSPCC 0808 800 5000"]);
    s.send("q");
    assert!(s.finish_and_check());
}

/// Words of the seed articles: none may be on the screen after a quick exit.
const ARTICLE_WORDS: &[&str] = &["Buckinghamshire", "NSPCC", "vulnerable", "Thames Valley", "exploitation"];

impl Session {
    /// Resizes the terminal (voices gets SIGWINCH and a resize event).
    pub fn resize(&self, cols: u16, rows: u16) {
        self.master.resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("the pty resizes");
        self.parser.lock().unwrap().screen_mut().set_size(nz(rows), nz(cols));
    }

    /// Sends a signal to voices.
    #[allow(unsafe_code)] // kill(2), to signal the child this test started.
    pub fn signal(&self, signal: libc::c_int) {
        let pid = self.child.process_id().expect("a process id") as libc::pid_t;
        // SAFETY: sending a signal to the child we started.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
    }

    /// Waits for a quick exit and checks what it left: exit code 0; after
    /// the alternate screen was left, the main screen and the scrollback
    /// were cleared (`CSI 2 J`, `CSI 3 J`) and the cursor shown; nothing of
    /// the articles on the final screen; no title, hyperlink or bell ever;
    /// the terminal's settings, mouse reporting and bracketed paste as they were.
    pub fn finish_quick_exit(mut self, how: &str) {
        let raw = Arc::clone(&self.raw);
        let parser = Arc::clone(&self.parser);
        assert!(self.wait_exit().success(), "{how}: a quick exit exits 0");
        self.assert_settings_restored(how);
        // The reader thread may still be taking the last bytes.
        let start = Instant::now();
        let done = |raw: &[u8]| find_last(raw, b"\x1b[3J").is_some_and(|at| at > left_alternate(raw).unwrap_or(0));
        while !done(&raw.lock().unwrap()) && start.elapsed() < WAIT {
            std::thread::sleep(Duration::from_millis(20));
        }
        let raw = raw.lock().unwrap();
        let left = left_alternate(&raw).unwrap_or_else(|| panic!("{how}: the alternate screen was never left"));
        let after = &raw[left..];
        for sequence in ["\x1b[2J", "\x1b[3J", "\x1b[H", "\x1b[?25h"] {
            assert!(find_last(after, sequence.as_bytes()).is_some(), "{how}: {sequence:?} after leaving: {after:?}");
        }
        assert!(find_last(&raw, b"\x1b]").is_none(), "{how}: no window title or hyperlink (OSC)");
        assert!(!raw.contains(&0x07), "{how}: no bell");
        let parser = parser.lock().unwrap();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "{how}: still in the alternate screen");
        assert!(!screen.hide_cursor(), "{how}: the cursor is hidden");
        assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None, "{how}: the mouse is still reported");
        assert!(!screen.bracketed_paste(), "{how}: bracketed paste is still on");
        let text = screen.contents();
        for word in ARTICLE_WORDS {
            assert!(!text.contains(word), "{how}: {word:?} is still on screen:\n{text}");
        }
    }
}

/// Where the last occurrence of `needle` starts.
fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// Where the alternate screen was last left (`CSI ? 1049 l`).
fn left_alternate(raw: &[u8]) -> Option<usize> {
    find_last(raw, b"\x1b[?1049l")
}

#[test]
fn esc_esc_quick_exits_from_the_search_prompt_the_help_and_the_picker() {
    // (keys that open the state, what the state shows, what one Esc shows)
    let states: [(&str, &str, &str); 3] = [
        ("/vigil", "Filter the list: vigil", "? help"),
        ("?", "Esc or ? closes", "? help"),
        ("s", "Show one speaker", "? help"),
    ];
    for (keys, shown, after_one_esc) in states {
        let mut s = Session::start(&["--no-content-note"], 100, 30);
        s.wait_for(&["Documents", HELPLINE]);
        s.send(keys);
        s.wait_for(&[shown, HELPLINE]);
        // One Esc closes the state, as it always did (less-like)...
        s.send("\x1b");
        let screen = s.wait_for(&[after_one_esc, "Buckinghamshire", HELPLINE]);
        assert!(!screen.contains(shown), "{keys}: one Esc closes it:\n{screen}");
        // ...and the second, within a second, is the quick exit.
        s.send("\x1b");
        s.finish_quick_exit(keys);
    }
}

#[test]
fn esc_esc_quick_exits_from_the_content_note() {
    let mut s = Session::start(&[], 100, 30);
    s.wait_for(&["These documents discuss", HELPLINE]);
    s.send("\x1b");
    // Nothing to wait for on screen (one Esc changes nothing here); a pause
    // keeps the two Escs in two reads.
    std::thread::sleep(Duration::from_millis(200));
    s.send("\x1b");
    s.finish_quick_exit("content note");
}

#[test]
fn ctrl_c_is_a_quick_exit() {
    let mut s = Session::start(&["--no-content-note"], 100, 30);
    s.wait_for(&["Documents", HELPLINE]);
    s.send("\x03");
    s.finish_quick_exit("Ctrl-C");
}

#[test]
fn sigterm_and_sighup_restore_the_terminal_and_clear_it() {
    for (signal, name) in [(libc::SIGTERM, "SIGTERM"), (libc::SIGHUP, "SIGHUP"), (libc::SIGINT, "SIGINT")] {
        let s = Session::start(&["--no-content-note"], 80, 24);
        s.wait_for(&["Documents", HELPLINE]);
        s.signal(signal);
        s.finish_quick_exit(name);
    }
}

#[test]
fn idle_exit_is_a_quick_exit() {
    // The hidden test-only unit: seconds instead of minutes.
    let s = Session::start(&["--idle-exit-seconds", "1"], 100, 30);
    s.wait_for(&["These documents discuss", HELPLINE]);
    s.finish_quick_exit("idle exit");
}

/// Reading with the wheel, clicking, resizing and pasting are all someone
/// at the screen: for longer than the idle exit, only those arrive, and
/// voices stays; once they stop, it leaves.
#[test]
fn the_wheel_keeps_the_idle_exit_away() {
    let mut s = Session::start(&["--no-content-note", "--idle-exit-seconds", "2"], 100, 30);
    s.wait_for(&["Documents", HELPLINE]);
    let start = Instant::now();
    // SGR mouse reports: wheel down over the text, then a click on the list;
    // a bracketed paste; between them a resize.
    let inputs = ["\x1b[<65;60;10M", "\x1b[<64;60;10M", "\x1b[<0;5;5M\x1b[<0;5;5m", "\x1b[200~x\x1b[201~"];
    let mut i = 0;
    while start.elapsed() < Duration::from_millis(4500) {
        if i % 4 == 3 {
            let size = if i % 8 == 3 { (101, 30) } else { (100, 30) };
            s.resize(size.0, size.1);
        } else {
            s.send(inputs[i % inputs.len()]);
        }
        i += 1;
        std::thread::sleep(Duration::from_millis(400));
        assert!(s.child.try_wait().unwrap().is_none(), "left after {:?} of wheel and clicks", start.elapsed());
    }
    s.finish_quick_exit("idle exit after the wheel stopped");
}

/// `voices -` typed at a terminal waits for text: it says so, and how to
/// finish (Ctrl-D); the text typed is then read.
#[test]
fn reading_standard_input_from_a_terminal_says_how_to_finish() {
    let mut s = Session::start(&["-", "--format", "plain"], 100, 30);
    s.wait_for(&["Ctrl-D"]);
    s.send("The NSPCC said: \"We will act.\"\n\x04");
    let screen = s.wait_for(&["We will act"]);
    assert!(screen.contains("Helplines"), "{screen}");
    assert!(s.wait_exit().success());
}

#[test]
fn q_quits_normally_without_clearing_the_main_screen() {
    let mut s = Session::start(&["--no-content-note"], 100, 30);
    s.wait_for(&["Documents", HELPLINE]);
    s.send("q");
    let raw = Arc::clone(&s.raw);
    assert!(s.finish_and_check());
    assert!(find_last(&raw.lock().unwrap(), b"\x1b[3J").is_none(), "q keeps the scrollback");
}

#[test]
fn a_panic_restores_the_terminal_before_its_message() {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_voices"));
    cmd.arg("--no-content-note");
    cmd.env("VOICES_TEST_PANIC", "1");
    cmd.env("RUST_BACKTRACE", "0");
    let mut s = Session::spawn(cmd, 100, 30);
    s.wait_for(&["Documents", HELPLINE]);
    s.send("j");
    let (raw, parser) = (Arc::clone(&s.raw), Arc::clone(&s.parser));
    assert!(!s.wait_exit().success(), "a panic exits with an error");
    s.assert_settings_restored("a panic");
    let start = Instant::now();
    while find_last(&raw.lock().unwrap(), b"test-only panic").is_none() && start.elapsed() < WAIT {
        std::thread::sleep(Duration::from_millis(20));
    }
    let raw = raw.lock().unwrap();
    let left = left_alternate(&raw).expect("the alternate screen was left");
    let message = find_last(&raw, b"test-only panic").expect("the panic message is printed");
    assert!(left < message, "the terminal is restored before the message");
    let parser = parser.lock().unwrap();
    assert!(!parser.screen().alternate_screen() && !parser.screen().hide_cursor());
    assert!(parser.screen().contents().contains("test-only panic"), "{}", parser.screen().contents());
}

#[test]
fn a_closed_terminal_ends_the_reader() {
    // Its own pty: every copy of the master end must be closed for the
    // terminal to count as closed, so the reading thread here stops (and
    // drops its copy) once the first frame is in.
    let pair = native_pty_system().openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 }).unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_voices"));
    cmd.arg("--no-content-note");
    cmd.env("TERM", "xterm-256color");
    cmd.cwd(std::env::temp_dir());
    let mut child = pair.slave.spawn_command(cmd).expect("voices starts");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let (drawn, wait_drawn) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            seen.extend_from_slice(&buf[..n]);
            if n == 0 || find_last(&seen, b"0808 800 5000").is_some() {
                break;
            }
        }
        let _ = drawn.send(());
    });
    wait_drawn.recv_timeout(WAIT).expect("the reader drew its first frame");
    // The kernel now sends SIGHUP and reads of the terminal fail (EIO):
    // either way voices must end instead of spinning.
    drop(pair.master);
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > WAIT {
            let _ = child.kill();
            panic!("voices kept running after its terminal closed");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_reader_session_writes_nothing_and_opens_no_socket() {
    if let Err(reason) = crate::common::strace::strace_available() {
        eprintln!("skipped: {reason}");
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let log = tempfile::NamedTempFile::new().unwrap();
    let traced = crate::common::strace::traced_command(log.path(), env!("CARGO_BIN_EXE_voices").as_ref(), home.path());
    let mut cmd = CommandBuilder::new(traced.get_program());
    cmd.args(traced.get_args());
    for (key, value) in traced.get_envs() {
        match value {
            Some(value) => cmd.env(key, value),
            None => cmd.env_remove(key),
        }
    }
    let mut s = Session::spawn(cmd, 100, 30);
    s.wait_for(&["These documents discuss", HELPLINE]);
    s.send("\r");
    s.wait_for(&["Documents", HELPLINE]);
    // Tab to the text, then search it.
    s.send("\t/vigilant\r");
    s.wait_for(&["match 1 of 1", HELPLINE]);
    s.send("q");
    assert!(s.finish_and_check());
    let trace = std::fs::read_to_string(log.path()).unwrap();
    assert!(trace.contains("openat("), "strace recorded the run:\n{trace}");
    crate::common::strace::check_trace(&trace, &["/dev/pts/", "/dev/tty"])
        .unwrap_or_else(|problems| panic!("the reader: {problems}"));
    assert_eq!(std::fs::read_dir(home.path()).unwrap().count(), 0, "HOME is unchanged");
}

/// What a terminal would act on beyond drawing text: OSC (titles, hyperlinks,
/// clipboard), DCS, APC, PM, SOS, raw C1 controls, BEL, and bidirectional
/// overrides and isolates. Returns the first found, with some context.
fn first_forbidden(raw: &[u8]) -> Option<String> {
    let context =
        |at: usize| String::from_utf8_lossy(&raw[at.saturating_sub(40)..(at + 40).min(raw.len())]).into_owned();
    for (at, pair) in raw.windows(2).enumerate() {
        if pair[0] == 0x1b && matches!(pair[1], b']' | b'P' | b'_' | b'^' | b'X') {
            return Some(format!("ESC {:?} at {at}: {:?}", pair[1] as char, context(at)));
        }
    }
    let mut at = 0;
    for chunk in raw.utf8_chunks() {
        for c in chunk.valid().chars() {
            let bad = c == '\u{7}'
                || ('\u{80}'..='\u{9f}').contains(&c)
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c);
            if bad {
                return Some(format!("{c:?} near {at}: {:?}", context(at)));
            }
            at += c.len_utf8();
        }
        if let Some(&byte) = chunk.invalid().iter().find(|&&b| (0x80..=0x9f).contains(&b)) {
            return Some(format!("raw C1 byte {byte:#x} near {at}: {:?}", context(at)));
        }
        at += chunk.invalid().len();
    }
    None
}

/// Every hostile document (and a file whose *name* holds an escape sequence
/// and a bidi override) opened in the reader, scrolled to its end, and the
/// warnings list and help shown: nothing the program writes to the terminal
/// is a title, hyperlink, clipboard or device-control sequence, a raw C1
/// control, a bell, or a bidi override.
#[test]
fn hostile_documents_write_no_control_sequences_to_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let mut documents = 0;
    for entry in std::fs::read_dir(&fixtures).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
            documents += 1;
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"zz \x1b]0;named title\x07 \xe2\x80\xae evil.txt");
        std::fs::write(dir.path().join(name), "A file name with an escape\n\nThe clerk said nothing.\n").unwrap();
        documents += 1;
    }
    let mut s = Session::start(&[dir.path().to_str().unwrap(), "--no-content-note"], 120, 40);
    s.wait_for(&["Documents", HELPLINE, "file problems · w"]);
    // Open each row in turn (documents first, then the speaker groups),
    // scroll the text to its end, and come back to the list. Keys that
    // arrive together are handled together and drawn once, so each step
    // waits for its frame: every document must reach the screen.
    for _ in 0..documents + 2 {
        for key in ["\r", "G", "\t", "j"] {
            s.send(key);
            s.wait_for(&[HELPLINE]);
        }
    }
    s.send("w");
    s.wait_for(&["Files with problems", "binary.txt: looks like a binary file", HELPLINE]);
    // A lone Esc, not the start of a key sequence: nothing follows it at once.
    s.send("\x1b");
    std::thread::sleep(Duration::from_millis(300));
    s.send("?");
    s.wait_for(&["Esc or ? closes", HELPLINE]);
    s.send("\x1b");
    std::thread::sleep(Duration::from_millis(300));
    s.send("q");
    let written = Arc::clone(&s.raw);
    assert!(s.finish_and_check());
    // The reader thread may still hold the last bytes for a moment.
    std::thread::sleep(STABLE);
    let raw = written.lock().unwrap().clone();
    assert!(raw.len() > 10_000, "the documents were drawn ({} bytes)", raw.len());
    let text = String::from_utf8_lossy(&raw);
    assert!(text.contains("␛[31mRed"), "escape sequences are drawn as visible text");
    // Only changed cells are written, so look for the start of the name.
    assert!(text.contains("␛]0;named"), "the file with an escape in its name is shown, made visible");
    if let Some(found) = first_forbidden(&raw) {
        panic!("the terminal received {found}");
    }
}

//! End-to-end: the real binary in a pseudo-terminal, read back through a
//! terminal emulator (vt100). Nothing here reads the test runner's stdin.
//!
//! Races avoided: the reader thread feeds every byte into the emulator as it
//! arrives, and each check waits for the screen to *contain* what it expects
//! and then to stay unchanged for a moment (a "stable frame"), so a check
//! never looks at a half-drawn frame. Keys are sent only after the frame
//! they act on is stable, because the app redraws after each key.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Longest wait for any one screen; generous for a loaded CI machine.
const WAIT: Duration = Duration::from_secs(10);
/// How long the screen must stay the same to count as drawn.
const STABLE: Duration = Duration::from_millis(150);

struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote to the terminal, for checks the
    /// emulator's screen cannot show (a title or clipboard sequence).
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        let pty = native_pty_system();
        let pair = pty.openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_voices"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("NO_COLOR", "1");
        cmd.cwd(std::env::temp_dir());
        let child = pair.slave.spawn_command(cmd).expect("voices starts");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let feed = Arc::clone(&parser);
        let raw = Arc::new(Mutex::new(Vec::new()));
        let keep = Arc::clone(&raw);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                keep.lock().unwrap().extend_from_slice(&buf[..n]);
                feed.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Session { parser, raw, writer, child, master: pair.master }
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until the screen contains every one of `wanted` and is stable.
    fn wait_for(&self, wanted: &[&str]) -> String {
        let start = Instant::now();
        let mut last = String::new();
        let mut since = Instant::now();
        loop {
            let now = self.screen();
            if now != last {
                last = now;
                since = Instant::now();
            } else if wanted.iter().all(|w| last.contains(w)) && since.elapsed() >= STABLE {
                return last;
            }
            assert!(start.elapsed() < WAIT, "waited for {wanted:?}; the screen shows:\n{last}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, keys: &str) {
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

    /// Waits for the process to end; kills it if it does not.
    fn finish(mut self) -> bool {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.success();
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

const HELPLINE: &str = "NSPCC helpline 0808 800 5000";

#[test]
fn navigate_to_the_nspcc_open_its_statement_search_and_quit() {
    let mut s = Session::start(&[], 100, 30);
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
    assert!(screen.contains("┃NSPCC "), "the gutter names the speaker:\n{screen}");
    assert!(s.is_reversed("vulnerable", 34), "the statement is highlighted:\n{screen}");

    // Search the article.
    s.send("/vigilant\r");
    let screen = s.wait_for(&["1/1", HELPLINE]);
    assert!(screen.contains("vigilant"), "{screen}");

    // Help, then quit.
    s.send("?");
    s.wait_for(&["Esc closes", HELPLINE]);
    s.send("\x1b");
    s.wait_for(&["? help", HELPLINE]);
    s.send("q");
    assert!(s.finish_and_check(), "voices exits successfully");
}

impl Session {
    /// Waits for exit and checks the terminal left the alternate screen.
    fn finish_and_check(self) -> bool {
        let parser = Arc::clone(&self.parser);
        let ok = self.finish();
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
    let mut s = Session::start(&["--speaker", "nspcc"], 100, 30);
    let screen = s.wait_for(&["Only: nspcc", "NSPCC (1)", HELPLINE]);
    assert!(!screen.contains("Thames Valley Police ("), "{screen}");
    s.master.resize(PtySize { rows: 20, cols: 60, pixel_width: 0, pixel_height: 0 }).unwrap();
    s.parser.lock().unwrap().set_size(nz(20), nz(60));
    s.wait_for(&["NSPCC 0808 800 5000 · Childline 0800 1111"]);
    s.master.resize(PtySize { rows: 5, cols: 20, pixel_width: 0, pixel_height: 0 }).unwrap();
    s.parser.lock().unwrap().set_size(nz(5), nz(20));
    s.wait_for(&["too small", "NSPCC 0808 800 5000"]);
    s.send("q");
    assert!(s.finish_and_check());
}

#[test]
fn a_termination_signal_restores_the_terminal() {
    let s = Session::start(&[], 80, 24);
    s.wait_for(&[HELPLINE]);
    let pid = s.child.process_id().expect("a process id") as libc::pid_t;
    // SAFETY: sending a signal to the child we started.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    s.finish_and_check();
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
    let mut s = Session::start(&[dir.path().to_str().unwrap()], 120, 40);
    s.wait_for(&["Documents", HELPLINE, "file problems · w"]);
    // Open each row in turn (documents first, then the speaker groups),
    // scroll the text to its end, and come back to the list.
    for _ in 0..documents + 2 {
        s.send("\r");
        s.send("G");
        s.send("\t");
        s.send("j");
    }
    s.send("w");
    s.wait_for(&["Files with problems", "binary.txt: looks like a binary file", HELPLINE]);
    // A lone Esc, not the start of a key sequence: nothing follows it at once.
    s.send("\x1b");
    std::thread::sleep(Duration::from_millis(300));
    s.send("?");
    s.wait_for(&["Esc closes", HELPLINE]);
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

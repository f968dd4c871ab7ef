//! The terminal's state, and every way of putting it back: [`restore`] on
//! the ordinary ways out, [`quick_exit_screen`] for a quick exit,
//! [`quick_exit_soon`] when the event loop is too busy to leave by itself,
//! and [`restore_in_signal_handler`] when the process is dying (an abort)
//! and only async-signal-safe calls may run.

use std::io::{self, IsTerminal, Stdout, Write};
use std::os::fd::{AsRawFd, RawFd};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture};
use crossterm::terminal::{self, Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::Options;

/// Whether the terminal is currently set up by us (raw, alternate screen).
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Whether mouse capture was turned on, so restore turns it off.
static MOUSE: AtomicBool = AtomicBool::new(false);
/// Set from just before the terminal is set up until [`restore`] has
/// finished, so a crash in the middle of either still restores it
/// ([`ACTIVE`] is cleared when a restore starts).
static UNRESTORED: AtomicBool = AtomicBool::new(false);
/// The terminal's settings before raw mode and the descriptor they belong
/// to, for the crash handler: crossterm keeps its own copy behind a lock,
/// which a signal handler must not take.
static SAVED: OnceLock<(RawFd, libc::termios)> = OnceLock::new();
/// A quick exit was asked for (Esc Esc or Ctrl-C seen by the input thread,
/// or a signal): the event loop leaves before handling anything else.
static EXIT_REQUESTED: AtomicBool = AtomicBool::new(false);
/// `/dev/tty`, kept open, when standard input is not the terminal.
static TTY: OnceLock<std::fs::File> = OnceLock::new();

/// How long the event loop has to leave by itself after a quick exit was
/// asked for, before the thread that asked does the quick exit itself (the
/// loop may be in the middle of a long search). Short enough to feel
/// immediate; long enough that an idle loop, which wakes at once, is the
/// one that leaves, so nothing is drawn after the screen was cleared.
pub const GRACE: Duration = Duration::from_millis(150);

/// What a dying process writes to put the terminal back: cancel any
/// sequence a frame left half-written (CAN), blank the reader's screen,
/// mouse reporting and bracketed paste off, back to the main screen,
/// colours reset, cursor shown.
const RESTORE_BYTES: &[u8] =
    b"\x18\x1b[2J\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[?2004l\x1b[?1049l\x1b[0m\x1b[?25h";

/// Whether a quick exit has been asked for.
pub fn exit_requested() -> bool {
    EXIT_REQUESTED.load(Ordering::SeqCst)
}

/// Asks for a quick exit, and does it after [`GRACE`] if the event loop
/// has not: the screen is cleared and the process exits with code 0, under
/// the lock on standard output, so the loop cannot draw after it.
pub fn quick_exit_soon() {
    EXIT_REQUESTED.store(true, Ordering::SeqCst);
    std::thread::sleep(GRACE);
    if ACTIVE.load(Ordering::SeqCst) {
        let _drawing_stops = io::stdout().lock();
        quick_exit_screen();
        std::process::exit(0);
    }
}

/// The quick exit's clearing: blank the alternate screen, restore the
/// terminal (which leaves it), then clear the main screen and its
/// scrollback (`CSI 2 J`, `CSI 3 J`), home the cursor, reset colours and
/// show the cursor, so what was read cannot be scrolled back to. Errors are
/// ignored: the terminal may already be gone.
pub fn quick_exit_screen() {
    let mut out = io::stdout();
    if ACTIVE.load(Ordering::SeqCst) {
        // CAN first: a frame cut short may have left a sequence unfinished.
        let _ = out.write_all(b"\x18");
        let _ = execute!(out, Clear(ClearType::All));
    }
    let _ = restore();
    let _ = out.write_all(b"\x1b[2J\x1b[3J\x1b[H\x1b[0m\x1b[?25h");
    let _ = out.flush();
}

/// Puts the terminal back as it was: mouse capture and bracketed paste
/// off, main screen, cursor shown, raw mode off. Does nothing if the
/// terminal is not set up, so every exit path can call it.
pub fn restore() -> io::Result<()> {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return Ok(());
    }
    let mut out = io::stdout();
    if MOUSE.swap(false, Ordering::SeqCst) {
        let _ = execute!(out, DisableMouseCapture);
    }
    let left = execute!(out, DisableBracketedPaste, LeaveAlternateScreen, cursor::Show);
    let raw = terminal::disable_raw_mode();
    UNRESTORED.store(false, Ordering::SeqCst);
    left.and(raw)
}

/// Restores the terminal from a signal handler, with nothing but
/// async-signal-safe calls (`write`, `tcsetattr`): fixed bytes to standard
/// output and the settings saved before raw mode. Returns whether there was
/// anything to restore.
#[allow(unsafe_code)] // write(2) and tcsetattr(3) from a signal handler; each block says why it is sound.
pub fn restore_in_signal_handler() -> bool {
    if !UNRESTORED.swap(false, Ordering::SeqCst) {
        return false;
    }
    write_all_raw(libc::STDOUT_FILENO, RESTORE_BYTES);
    if let Some((fd, settings)) = SAVED.get() {
        // SAFETY: `settings` is a termios filled by tcgetattr and never
        // changed since; tcsetattr only reads it.
        unsafe { libc::tcsetattr(*fd, libc::TCSANOW, settings) };
    }
    ACTIVE.store(false, Ordering::SeqCst);
    true
}

/// Writes `bytes` to `fd` with write(2), retrying short writes and
/// interruptions and giving up on any other error: async-signal-safe.
#[allow(unsafe_code)] // write(2); the block says why it is sound.
pub fn write_all_raw(fd: RawFd, mut bytes: &[u8]) {
    while !bytes.is_empty() {
        // SAFETY: the pointer and length describe the live slice `bytes`.
        let n = unsafe { libc::write(fd, bytes.as_ptr().cast(), bytes.len()) };
        match usize::try_from(n) {
            Ok(0) => return,
            Ok(written) => bytes = &bytes[written.min(bytes.len())..],
            Err(_) if io::Error::last_os_error().kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return,
        }
    }
}

/// The terminal keys are read from, as crossterm sets raw mode on it:
/// standard input when it is a terminal, else `/dev/tty` (opened once and
/// kept).
pub fn input_fd() -> io::Result<RawFd> {
    if io::stdin().is_terminal() {
        return Ok(io::stdin().as_raw_fd());
    }
    if let Some(tty) = TTY.get() {
        return Ok(tty.as_raw_fd());
    }
    let tty = std::fs::File::open("/dev/tty")?;
    Ok(TTY.get_or_init(|| tty).as_raw_fd())
}

/// Keeps the terminal's settings before raw mode, for the crash handler.
#[allow(unsafe_code)] // tcgetattr(3); the block says why it is sound.
fn save_settings(fd: RawFd) -> io::Result<()> {
    if SAVED.get().is_some() {
        return Ok(());
    }
    // SAFETY: termios is plain old data; all zeroes is a valid value,
    // which tcgetattr overwrites.
    let mut settings: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: `settings` is a valid, writable termios.
    if unsafe { libc::tcgetattr(fd, &mut settings) } != 0 {
        return Err(io::Error::last_os_error());
    }
    let _ = SAVED.set((fd, settings));
    Ok(())
}

/// Raw mode, the alternate screen, no cursor, bracketed paste (so a paste
/// arrives as one event, never as keys) and, if asked, the mouse.
pub fn setup(options: Options) -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    save_settings(input_fd()?)?;
    UNRESTORED.store(true, Ordering::SeqCst);
    terminal::enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, cursor::Hide, EnableBracketedPaste)?;
    if options.mouse {
        execute!(out, EnableMouseCapture)?;
        MOUSE.store(true, Ordering::SeqCst);
    }
    Terminal::new(CrosstermBackend::new(out))
}

/// Restores the terminal when dropped: the normal exit and early returns.
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = restore();
    }
}

/// Makes a panic restore the terminal before its message is printed, so the
/// message is readable and the shell usable.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = restore();
        previous(info);
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restoring_a_terminal_that_was_never_set_up_does_nothing() {
        assert!(restore().is_ok());
        assert!(restore().is_ok());
        assert!(!restore_in_signal_handler());
    }

    /// The bytes a dying process writes undo every mode setup turns on.
    #[test]
    fn the_crash_restore_undoes_every_mode_setup_turns_on() {
        fn ansi(command: impl crossterm::Command) -> String {
            let mut text = String::new();
            command.write_ansi(&mut text).expect("a command writes");
            text
        }
        let setup =
            [ansi(EnterAlternateScreen), ansi(cursor::Hide), ansi(EnableBracketedPaste), ansi(EnableMouseCapture)];
        let restore = String::from_utf8_lossy(RESTORE_BYTES);
        for on in setup.concat().split('\x1b').filter(|s| !s.is_empty()) {
            // Each private mode set (`h`) is reset (`l`); the cursor, hidden (`?25l`), is shown.
            let off = if on == "[?25l" { "[?25h".to_string() } else { on.replace('h', "l") };
            assert!(restore.contains(&format!("\x1b{off}")), "{on:?} is undone in {restore:?}");
        }
    }
}

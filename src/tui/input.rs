//! The input thread: it reads the terminal as bytes arrive, turns them into
//! events ([`super::parse`]) and hands them to the event loop, and it
//! watches for the quick exit itself. Esc Esc and Ctrl-C are spotted as
//! they are read, not when the loop gets to them, so neither keys queued
//! before them nor long work on the loop can hold a quick exit back: the
//! loop is asked to leave at once and, if it has not after
//! [`terminal::GRACE`], this thread does the quick exit itself.

use std::io::{self, Read, Write};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd, RawFd};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyEvent, KeyEventKind};

use super::parse::{Parser, Waiting};
use super::terminal;
use crate::app::{Action, Mode};
use crate::keymap::{self, EscEsc};

/// How long the start of an escape sequence waits for its end before it
/// is taken as the keys it is (a lone ESC is the Esc key). Terminals send
/// a sequence in one write; this covers one cut across two reads (ssh).
const SEQUENCE_WAIT: Duration = Duration::from_millis(25);
/// How long a bracketed paste waits for its end marker before what came is
/// pasted as it is, so a lost marker cannot swallow the keys after it.
const PASTE_WAIT: Duration = Duration::from_millis(500);
/// One read's buffer: a whole burst of input in a read or two.
const READ_SIZE: usize = 64 * 1024;
/// The most read before the events are looked at and sent: all there is,
/// unless input keeps streaming in (a paste of megabytes).
const READ_LIMIT: usize = 1 << 20;

/// What the input thread tells the event loop.
#[derive(Debug)]
pub enum Wake {
    /// Events, in the order they were read.
    Events(Vec<Event>),
    /// Esc Esc or Ctrl-C: leave at once, ignoring anything still queued.
    QuickExit,
    /// The terminal closed (hang-up or error): nothing is left to show.
    Closed,
}

/// The running input thread, and how the event loop hears from it.
pub struct Keyboard {
    wakes: Receiver<Wake>,
    /// Set, then `wake` written to, to stop the thread.
    stop: Arc<AtomicBool>,
    wake: io::PipeWriter,
    resize: signal_hook::SigId,
}

impl Keyboard {
    /// Starts reading the terminal on a thread of its own.
    pub fn start() -> io::Result<Keyboard> {
        let tty = dup(terminal::input_fd()?)?;
        let (wake_read, wake) = io::pipe()?;
        // A resize (SIGWINCH) writes to the same pipe.
        let resize = signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, wake.try_clone()?)?;
        let (sender, wakes) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        std::thread::Builder::new()
            .name("input".into())
            .spawn(move || read_terminal(&mut std::fs::File::from(tty), &wake_read, &stopped, &sender))?;
        Ok(Keyboard { wakes, stop, wake, resize })
    }

    /// Waits up to `timeout` for input, then takes everything that has
    /// arrived, in order, into `queue`. Err when the loop must leave at
    /// once: a quick exit, or the terminal (or this thread) is gone.
    pub fn receive(&self, timeout: Duration, queue: &mut Vec<Event>) -> Result<(), Leave> {
        let first = match self.wakes.recv_timeout(timeout) {
            Ok(wake) => wake,
            Err(RecvTimeoutError::Timeout) => return Ok(()),
            Err(RecvTimeoutError::Disconnected) => return Err(Leave),
        };
        // Everything waiting is looked at before any of it is handled.
        for wake in std::iter::once(first).chain(self.wakes.try_iter()) {
            match wake {
                Wake::Events(events) => queue.extend(events),
                Wake::QuickExit | Wake::Closed => return Err(Leave),
            }
        }
        Ok(())
    }
}

impl Drop for Keyboard {
    fn drop(&mut self) {
        signal_hook::low_level::unregister(self.resize);
        self.stop.store(true, Ordering::SeqCst);
        let _ = self.wake.write_all(&[0]);
    }
}

/// The event loop must leave now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Leave;

/// A descriptor of our own for the terminal, so reads never go through
/// standard input's buffer.
fn dup(fd: RawFd) -> io::Result<OwnedFd> {
    borrow(fd).try_clone_to_owned()
}

#[allow(unsafe_code)] // BorrowedFd::borrow_raw; the block says why it is sound.
fn borrow(fd: RawFd) -> BorrowedFd<'static> {
    // SAFETY: `fd` is standard input or the `/dev/tty` that `terminal`
    // keeps open for the rest of the process.
    unsafe { BorrowedFd::borrow_raw(fd) }
}

/// The thread's loop: wait for bytes (or a resize, or the stop), read all
/// there is, parse, look for a quick exit, send the events on.
fn read_terminal(tty: &mut std::fs::File, wake: &io::PipeReader, stop: &AtomicBool, sender: &Sender<Wake>) {
    let mut parser = Parser::default();
    let mut esc = EscEsc::default();
    let mut buffer = vec![0u8; READ_SIZE];
    loop {
        let timeout = match parser.waiting() {
            Waiting::Nothing => None,
            Waiting::Sequence => Some(SEQUENCE_WAIT),
            Waiting::Paste => Some(PASTE_WAIT),
        };
        let ready = match wait(tty.as_fd(), wake.as_fd(), timeout) {
            Ok(ready) => ready,
            Err(_) => Ready { closed: true, ..Ready::default() },
        };
        if stop.load(Ordering::SeqCst) {
            return;
        }
        let mut events = Vec::new();
        if ready.wake {
            drain_pipe(wake);
            if let Ok((columns, rows)) = crossterm::terminal::size() {
                events.push(Event::Resize(columns, rows));
            }
        }
        let closed = ready.closed || (ready.input && read_all(tty, &mut buffer, &mut parser, &mut events).is_err());
        if !ready.wake && !ready.input && !closed {
            // The wait ran out: what was pending is taken as it stands.
            parser.flush(&mut events);
        }
        let now = Instant::now();
        if events.iter().any(|event| ends_at_once(event, &mut esc, now)) {
            let _ = sender.send(Wake::QuickExit);
            terminal::quick_exit_soon();
            return;
        }
        if !events.is_empty() && sender.send(Wake::Events(events)).is_err() {
            return;
        }
        if closed {
            let _ = sender.send(Wake::Closed);
            return;
        }
    }
}

/// Reads everything the terminal has for us now (up to [`READ_LIMIT`])
/// into the parser. Err when
/// the terminal has closed (end of file or an error other than EINTR).
fn read_all(
    tty: &mut std::fs::File,
    buffer: &mut [u8],
    parser: &mut Parser,
    events: &mut Vec<Event>,
) -> io::Result<()> {
    let mut read = 0;
    while read < READ_LIMIT {
        match tty.read(buffer) {
            Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => {
                parser.feed(&buffer[..n], events);
                read += n;
            }
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        }
        if !wait_input(tty.as_fd())? {
            break;
        }
    }
    Ok(())
}

/// Whether a key press ends the reader at once: Ctrl-C (a quick exit in
/// every mode of the key table), or the second Esc of Esc Esc.
fn ends_at_once(event: &Event, esc: &mut EscEsc, now: Instant) -> bool {
    let Event::Key(key) = event else { return false };
    key.kind == KeyEventKind::Press && (quick_exit_everywhere(*key) || esc.press(*key, now))
}

fn quick_exit_everywhere(key: KeyEvent) -> bool {
    Mode::ALL.iter().all(|&mode| keymap::action_for(mode, key) == Some(Action::QuickExit))
}

fn drain_pipe(mut pipe: &io::PipeReader) {
    let mut bytes = [0u8; 64];
    while wait_input(pipe.as_fd()).unwrap_or(false) {
        if !matches!(pipe.read(&mut bytes), Ok(n) if n > 0) {
            return;
        }
    }
}

/// What a wait found.
#[derive(Debug, Default, Clone, Copy)]
struct Ready {
    /// Bytes from the terminal.
    input: bool,
    /// A resize, or the stop.
    wake: bool,
    /// The terminal hung up or failed.
    closed: bool,
}

/// Whether the terminal has bytes waiting right now.
fn wait_input(fd: BorrowedFd) -> io::Result<bool> {
    let mut fds = [pollfd(fd)];
    poll(&mut fds, Some(Duration::ZERO))?;
    Ok(fds[0].revents & libc::POLLIN != 0)
}

/// Waits for the terminal or the wake pipe, up to `timeout` (`None`: for ever).
fn wait(tty: BorrowedFd, wake: BorrowedFd, timeout: Option<Duration>) -> io::Result<Ready> {
    let mut fds = [pollfd(tty), pollfd(wake)];
    loop {
        match poll(&mut fds, timeout) {
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            other => other?,
        }
        let closed = fds[0].revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0;
        return Ok(Ready {
            input: fds[0].revents & libc::POLLIN != 0 && !closed,
            wake: fds[1].revents & libc::POLLIN != 0,
            closed,
        });
    }
}

fn pollfd(fd: BorrowedFd) -> libc::pollfd {
    libc::pollfd { fd: fd.as_raw_fd(), events: libc::POLLIN, revents: 0 }
}

#[allow(unsafe_code)] // poll(2) has no safe wrapper in libc; the block says why it is sound.
fn poll(fds: &mut [libc::pollfd], timeout: Option<Duration>) -> io::Result<()> {
    let ms = timeout.map_or(-1, |t| libc::c_int::try_from(t.as_millis()).unwrap_or(libc::c_int::MAX));
    let count = libc::nfds_t::try_from(fds.len()).expect("a few descriptors");
    // SAFETY: `fds` is a valid, writable array of `count` pollfds.
    if unsafe { libc::poll(fds.as_mut_ptr(), count, ms) } < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyModifiers};

    #[test]
    fn ctrl_c_and_the_second_of_two_escs_end_the_reader_at_once() {
        let now = Instant::now();
        let key = |code, modifiers| Event::Key(KeyEvent::new(code, modifiers));
        let mut esc = EscEsc::default();
        assert!(ends_at_once(&key(KeyCode::Char('c'), KeyModifiers::CONTROL), &mut esc, now));
        assert!(!ends_at_once(&key(KeyCode::Char('c'), KeyModifiers::NONE), &mut esc, now));
        assert!(!ends_at_once(&key(KeyCode::Esc, KeyModifiers::NONE), &mut esc, now));
        assert!(ends_at_once(&key(KeyCode::Esc, KeyModifiers::NONE), &mut esc, now));
        // A paste or the mouse between two Escs is not a key.
        assert!(!ends_at_once(&Event::Paste("\x1b\x1b".into()), &mut esc, now));
    }
}

//! The terminal: raw mode, the alternate screen, mouse capture, and the
//! event loop. Every way out (quit, error, panic, signals, a closed terminal
//! and the quick exit) goes through [`restore`], which is safe to call more
//! than once; the quick exit also clears the screen and its scrollback.

use std::io::{self, IsTerminal, Stdout, Write};
use std::os::fd::{AsRawFd, RawFd};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEvent, MouseEventKind,
};
use crossterm::terminal::{
    self, BeginSynchronizedUpdate, Clear, ClearType, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::app::{Action, App, Control};
use crate::keymap::{self, EscEsc};
use crate::loading::LoadEvent;
use crate::ui::layout::{self, Areas};
use crate::ui::theme::Theme;

/// Why the reader could not run.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error("the terminal could not be used: {0}")]
    /// Raw mode, the alternate screen or a read failed.
    Terminal(#[from] io::Error),
}

/// Choices that change how the terminal is set up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Capture the mouse (wheel and clicks). Off leaves text selection to the terminal.
    pub mouse: bool,
    /// Quick exit after this long without a key press (`--idle-exit`), for
    /// a reader who walks away from a shared screen; `None` never.
    pub idle_exit: Option<Duration>,
}

/// Whether the terminal is currently set up by us (raw, alternate screen).
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Whether mouse capture was turned on, so restore turns it off.
static MOUSE: AtomicBool = AtomicBool::new(false);
/// Set by SIGTERM, SIGHUP or SIGINT: the loop then leaves through the same
/// restore as a quick exit, instead of dying with the terminal in raw mode.
static SIGNALLED: AtomicBool = AtomicBool::new(false);
/// How long the loop waits for an event before checking the signal flag
/// and the idle timer.
const TICK: Duration = Duration::from_millis(100);
/// How long after a signal the loop has to leave by itself before the
/// signal thread does the quick exit itself (the loop could be stuck in a
/// read, e.g. inside crossterm on a terminal that has just closed).
const SIGNAL_GRACE: Duration = Duration::from_secs(1);
/// Test-only switch, documented in the README's testing notes: when set to
/// `1`, the reader panics on the first key press, so a pty test can check
/// that a panic restores the terminal and prints its message.
const TEST_PANIC_VAR: &str = "VOICES_TEST_PANIC";
/// The wait while documents are still arriving: short, so the sidebar and
/// the progress count move steadily.
const LOADING_TICK: Duration = Duration::from_millis(40);

/// How often the sidebar is rebuilt while documents arrive (see [`drain`]).
const SIDEBAR_REFRESH: Duration = Duration::from_millis(250);
/// The longest slice of row counting (see [`crate::content::Wrapped`])
/// between two looks at the input while a long document is being measured
/// after it opened or the width changed: a key waits at most this long.
const WRAP_SLICE: Duration = Duration::from_millis(4);

/// Routes the termination signals to [`SIGNALLED`] on a thread of their
/// own; once per process. If the loop has not left [`SIGNAL_GRACE`] after a
/// signal, that thread clears the screen, restores the terminal and exits.
fn watch_signals() -> io::Result<()> {
    static DONE: std::sync::OnceLock<()> = std::sync::OnceLock::new();
    if DONE.get().is_some() {
        return Ok(());
    }
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::Builder::new().name("signals".into()).spawn(move || {
        if signals.forever().next().is_some() {
            SIGNALLED.store(true, Ordering::SeqCst);
            std::thread::sleep(SIGNAL_GRACE);
            if ACTIVE.load(Ordering::SeqCst) {
                quick_exit_screen();
                std::process::exit(0);
            }
        }
    })?;
    let _ = DONE.set(());
    Ok(())
}

/// The quick exit's clearing: blank the alternate screen, restore the
/// terminal (which leaves it), then clear the main screen and its
/// scrollback (`CSI 2 J`, `CSI 3 J`), home the cursor, reset colours and
/// show the cursor, so what was read cannot be scrolled back to. Errors are
/// ignored: the terminal may already be gone.
pub fn quick_exit_screen() {
    let mut out = io::stdout();
    if ACTIVE.load(Ordering::SeqCst) {
        let _ = execute!(out, Clear(ClearType::All));
    }
    let _ = restore();
    let _ = out.write_all(b"\x1b[2J\x1b[3J\x1b[H\x1b[0m\x1b[?25h");
    let _ = out.flush();
}

/// Puts the terminal back as it was: mouse capture off, main screen, cursor
/// shown, raw mode off. Does nothing if the terminal is not set up, so every
/// exit path can call it.
pub fn restore() -> io::Result<()> {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return Ok(());
    }
    let mut out = io::stdout();
    if MOUSE.swap(false, Ordering::SeqCst) {
        let _ = execute!(out, DisableMouseCapture);
    }
    let left = execute!(out, LeaveAlternateScreen, cursor::Show);
    let raw = terminal::disable_raw_mode();
    left.and(raw)
}

/// Restores the terminal when dropped: the normal exit and early returns.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = restore();
    }
}

/// Makes a panic restore the terminal before its message is printed, so the
/// message is readable and the shell usable.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = restore();
        previous(info);
    }));
}

fn setup(options: Options) -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    terminal::enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, cursor::Hide)?;
    if options.mouse {
        execute!(out, EnableMouseCapture)?;
        MOUSE.store(true, Ordering::SeqCst);
    }
    Terminal::new(CrosstermBackend::new(out))
}

/// Runs the reader until the user quits. The terminal is restored on every
/// way out of this function, including a panic.
pub fn run(app: App, theme: &Theme, options: Options) -> Result<(), TuiError> {
    run_loading(app, theme, options, None)
}

/// Runs the reader while `loader` (if any) still sends documents: the
/// first frame is drawn at once and keys work while the sidebar fills in.
pub fn run_loading(
    mut app: App,
    theme: &Theme,
    options: Options,
    loader: Option<Receiver<LoadEvent>>,
) -> Result<(), TuiError> {
    install_panic_hook();
    watch_signals()?;
    let _guard = Guard;
    let mut terminal = setup(options)?;
    let control = event_loop(&mut terminal, &mut app, theme, options, loader)?;
    drop(terminal);
    if control == Control::QuickExit {
        quick_exit_screen();
        return Ok(());
    }
    restore()?;
    Ok(())
}

/// Draws a frame at the terminal's size: the model is told the size first,
/// and afterwards what it needs of the frame (the open overlay's scroll
/// limit). Returns where the regions went, for the mouse.
fn draw(terminal: &mut Terminal<CrosstermBackend<Stdout>>, app: &mut App, theme: &Theme) -> io::Result<Areas> {
    let size = terminal.size()?;
    app.update(Action::Resize(layout::viewport(size.width, size.height)));
    // One synchronized update per frame: terminals that support it show
    // the frame at once, so a resize does not flash.
    execute!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    let mut drawn = None;
    terminal.draw(|frame| drawn = Some(crate::ui::draw(frame, app, theme)))?;
    execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    terminal.backend_mut().flush()?;
    let drawn = drawn.expect("the frame was drawn");
    app.fit_overlay(drawn.overlay_max_scroll);
    Ok(drawn.areas)
}

/// The file descriptor crossterm reads keys from (standard input when it is
/// a terminal, else `/dev/tty`, opened read-only), so the loop can see the
/// terminal close before crossterm reads it.
struct Input {
    /// Keeps `/dev/tty` open when standard input is not the terminal.
    _tty: Option<std::fs::File>,
    fd: RawFd,
}

impl Input {
    fn open() -> io::Result<Input> {
        if io::stdin().is_terminal() {
            return Ok(Input { _tty: None, fd: io::stdin().as_raw_fd() });
        }
        let tty = std::fs::File::open("/dev/tty")?;
        let fd = tty.as_raw_fd();
        Ok(Input { _tty: Some(tty), fd })
    }

    /// Waits up to `timeout` for input. Err when the terminal has closed
    /// (hang-up or error): crossterm 0.29 retries a failing read forever, so
    /// it must never be asked to read a closed terminal.
    #[allow(unsafe_code)] // poll(2) has no safe wrapper in libc; the block says why it is sound.
    fn wait(&self, timeout: Duration) -> io::Result<()> {
        let mut fds = libc::pollfd { fd: self.fd, events: libc::POLLIN, revents: 0 };
        let ms = libc::c_int::try_from(timeout.as_millis()).unwrap_or(libc::c_int::MAX);
        // SAFETY: one valid pollfd, and its count is 1.
        let n = unsafe { libc::poll(&mut fds, 1, ms) };
        if n < 0 {
            let err = io::Error::last_os_error();
            return if err.kind() == io::ErrorKind::Interrupted { Ok(()) } else { Err(err) };
        }
        if fds.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            return Err(io::Error::new(io::ErrorKind::BrokenPipe, "the terminal closed"));
        }
        Ok(())
    }

    /// The next event within `timeout`, if any; Err when the terminal closed.
    fn next(&self, timeout: Duration) -> io::Result<Option<Event>> {
        self.wait(Duration::ZERO)?;
        // Events crossterm already parsed, or input waiting now.
        if event::poll(Duration::ZERO)? {
            return event::read().map(Some);
        }
        self.wait(timeout)?;
        Ok(None)
    }
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    theme: &Theme,
    options: Options,
    mut loader: Option<Receiver<LoadEvent>>,
) -> io::Result<Control> {
    let input = Input::open()?;
    let test_panic = std::env::var_os(TEST_PANIC_VAR).is_some_and(|v| v == "1");
    let mut esc = EscEsc::default();
    let mut last_key = Instant::now();
    let mut dirty = true;
    let mut refresh = SidebarRefresh::default();
    let size = terminal.size()?;
    let mut areas = layout::areas(size.width, size.height, app.focus());
    loop {
        if let Some(receiver) = &loader {
            let (received, open) = drain(receiver, app, &mut refresh);
            dirty |= received;
            if !open {
                loader = None;
            }
        }
        if dirty {
            areas = draw(terminal, app, theme)?;
            dirty = false;
        }
        if SIGNALLED.load(Ordering::SeqCst) {
            return Ok(Control::QuickExit);
        }
        let mut timeout = if loader.is_some() { LOADING_TICK } else { TICK };
        if app.page().wrapping() {
            // Count rows for a slice, then look at the input without
            // waiting; redraw when done (the position becomes exact).
            dirty |= app.wrap_some(WRAP_SLICE);
            timeout = Duration::ZERO;
        }
        if let Some(idle) = options.idle_exit {
            let left = idle.saturating_sub(last_key.elapsed());
            if left.is_zero() {
                return Ok(Control::QuickExit);
            }
            timeout = timeout.min(left);
        }
        let event = match input.next(timeout) {
            Ok(Some(event)) => event,
            Ok(None) => continue,
            // A closed terminal (EIO, hang-up): nothing is left to show, so
            // leave as after a hang-up instead of spinning.
            Err(_) => return Ok(Control::QuickExit),
        };
        if let Event::Key(key) = &event
            && key.kind == KeyEventKind::Press
        {
            last_key = Instant::now();
            if test_panic {
                panic!("{TEST_PANIC_VAR}=1: the test-only panic on the first key");
            }
            if esc.press(*key, last_key) {
                return Ok(Control::QuickExit);
            }
        }
        let Some(action) = to_action(event, app, options, &areas) else { continue };
        match app.update(action) {
            Control::Continue => dirty = true,
            other => return Ok(other),
        }
    }
}

/// Folds every loader event waiting into the app, then rebuilds the
/// sidebar when one is due. Returns whether anything arrived and whether
/// the loader may send more.
fn drain(receiver: &Receiver<LoadEvent>, app: &mut App, refresh: &mut SidebarRefresh) -> (bool, bool) {
    let mut received = false;
    let open = loop {
        match receiver.try_recv() {
            Ok(event) => {
                app.receive(event);
                received = true;
            }
            Err(TryRecvError::Empty) => break true,
            Err(TryRecvError::Disconnected) => break false,
        }
    };
    refresh.pending |= received;
    // The sidebar is rebuilt over every statement so far, so while loading
    // it is rebuilt a few times a second, not per batch: the first batch and
    // the end show at once, and the cores stay with the extraction meanwhile.
    let due = refresh.last.is_none_or(|at| at.elapsed() >= SIDEBAR_REFRESH);
    if refresh.pending && (due || !app.is_loading() || !open) {
        app.loaded_some();
        // Only a rebuild that listed documents counts: the one for
        // `Started` alone must not hold back the first batch.
        let listed = !app.corpus().documents().is_empty();
        *refresh = SidebarRefresh { last: listed.then(Instant::now).or(refresh.last), pending: false };
        received = true;
    }
    (received, open)
}

/// When the sidebar was last rebuilt while loading, and whether documents
/// have arrived since.
#[derive(Debug, Default)]
struct SidebarRefresh {
    last: Option<Instant>,
    pending: bool,
}

/// The action for a terminal event: key presses only (not repeats or
/// releases), the mouse only when captured, and where it points by the
/// last frame's `areas`.
pub fn to_action(event: Event, app: &App, options: Options, areas: &Areas) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => keymap::action_for(app.mode(), key),
        Event::Mouse(MouseEvent { kind, column, row, .. }) if options.mouse => {
            let hit = areas.hit(column, row);
            match kind {
                MouseEventKind::ScrollDown => Some(Action::Wheel { hit, down: true }),
                MouseEventKind::ScrollUp => Some(Action::Wheel { hit, down: false }),
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(hit)),
                _ => None,
            }
        }
        Event::Resize(width, height) => Some(Action::Resize(layout::viewport(width, height))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyEventState, KeyModifiers};

    fn app() -> App {
        App::new(crate::fixture::seed(), Default::default(), crate::fixture::viewport(100, 30))
    }

    /// The regions of a 100×30 frame with the list focused.
    fn areas() -> Areas {
        layout::areas(100, 30, crate::app::Focus::Sidebar)
    }

    fn key(kind: KeyEventKind) -> Event {
        Event::Key(KeyEvent {
            code: KeyCode::Char('j'),
            modifiers: KeyModifiers::NONE,
            kind,
            state: KeyEventState::NONE,
        })
    }

    #[test]
    fn only_key_presses_become_actions() {
        let app = app();
        let options = Options { mouse: true, idle_exit: None };
        assert_eq!(to_action(key(KeyEventKind::Press), &app, options, &areas()), Some(Action::Down));
        assert_eq!(to_action(key(KeyEventKind::Repeat), &app, options, &areas()), None);
        assert_eq!(to_action(key(KeyEventKind::Release), &app, options, &areas()), None);
    }

    #[test]
    fn the_mouse_is_ignored_without_capture() {
        let app = app();
        let wheel = Event::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollDown,
            column: 50,
            row: 5,
            modifiers: KeyModifiers::NONE,
        });
        assert_eq!(
            to_action(wheel.clone(), &app, Options { mouse: true, idle_exit: None }, &areas()),
            Some(Action::Wheel { hit: crate::app::Hit::Reader, down: true })
        );
        assert_eq!(to_action(wheel, &app, Options { mouse: false, idle_exit: None }, &areas()), None);
        assert_eq!(
            to_action(Event::Resize(60, 20), &app, Options { mouse: false, idle_exit: None }, &areas()),
            Some(Action::Resize(layout::viewport(60, 20)))
        );
    }

    /// Batches that arrive faster than [`SIDEBAR_REFRESH`] wait to be
    /// listed, but the end of the load always lists everything, so a fast
    /// load never leaves the sidebar short.
    #[test]
    fn the_sidebar_is_rebuilt_sparingly_while_loading_and_fully_at_the_end() {
        use crate::documents::{self, Source};
        let mut events = Vec::new();
        crate::loading::run(documents::plan(&[Source::Embedded], &mut std::io::empty()), |event| {
            events.push(event);
            true
        });
        let seed = crate::loading::build_corpus(&[Source::Embedded], &mut std::io::empty());
        let manifest = documents::plan(&[Source::Embedded], &mut std::io::empty()).manifest;
        let mut app = App::loading(Default::default(), crate::fixture::viewport(100, 30));
        let (sender, receiver) = std::sync::mpsc::channel();
        // Started on its own (sent before any file is read), then the first
        // documents, which are listed at once all the same.
        let mut events = events.into_iter();
        let mut refresh = SidebarRefresh::default();
        sender.send(events.next().unwrap()).unwrap();
        assert_eq!(drain(&receiver, &mut app, &mut refresh), (true, true));
        sender.send(events.next().unwrap()).unwrap();
        assert_eq!(drain(&receiver, &mut app, &mut refresh), (true, true));
        assert!(
            app.sidebar().rows().iter().any(|r| matches!(r.kind, crate::app::RowKind::Document(_))),
            "the first documents are listed at once"
        );
        // A rebuild was just made: the next arrival waits for the refresh...
        let rows = app.sidebar().rows().to_vec();
        let mut copy = seed.documents()[0].clone();
        copy.id = "copy".into();
        let extractions = vec![crate::corpus::extract_document(&copy, &manifest)];
        sender
            .send(LoadEvent::Documents { documents: vec![copy], extractions, problems: Vec::new(), files: 1 })
            .unwrap();
        // As if that rebuild had just been made, however slow this machine.
        refresh = SidebarRefresh { last: Some(Instant::now()), pending: false };
        assert_eq!(drain(&receiver, &mut app, &mut refresh), (true, true));
        assert_eq!(app.corpus().documents().len(), 2, "the copy arrived");
        assert_eq!(app.sidebar().rows(), rows, "no rebuild before {SIDEBAR_REFRESH:?}");
        // ...but the end of the load rebuilds whatever the time.
        for event in events {
            sender.send(event).unwrap();
        }
        drop(sender);
        assert_eq!(drain(&receiver, &mut app, &mut refresh), (true, false));
        assert!(!app.is_loading());
        assert_ne!(app.sidebar().rows(), rows, "the copy is listed");
        let fresh = App::new(app.corpus().clone(), Default::default(), crate::fixture::viewport(100, 30));
        assert_eq!(app.sidebar().rows(), fresh.sidebar().rows());
    }

    #[test]
    fn restoring_a_terminal_that_was_never_set_up_does_nothing() {
        assert!(restore().is_ok());
        assert!(restore().is_ok());
    }
}

//! The terminal: raw mode, the alternate screen, mouse capture, and the
//! event loop. Every way out (quit, error, panic, and later signals and the
//! quick exit) goes through [`restore`], which is safe to call more than once.

use std::io::{self, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEvent, MouseEventKind,
};
use crossterm::terminal::{
    self, BeginSynchronizedUpdate, Clear, ClearType, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::app::{App, Control};
use crate::keymap::{self, Action};
use crate::loading::LoadEvent;

/// Why the reader could not run.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error("the terminal could not be used: {0}")]
    Terminal(#[from] io::Error),
}

/// Choices that change how the terminal is set up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Capture the mouse (wheel and clicks). Off leaves text selection to the terminal.
    pub mouse: bool,
}

/// Whether the terminal is currently set up by us (raw, alternate screen).
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Whether mouse capture was turned on, so restore turns it off.
static MOUSE: AtomicBool = AtomicBool::new(false);
/// Set by SIGTERM, SIGHUP or SIGINT: the loop then leaves through the same
/// restore as `q`, instead of dying with the terminal still in raw mode.
static SIGNALLED: AtomicBool = AtomicBool::new(false);
/// How long the loop waits for an event before checking the signal flag
/// (and, later, the idle timer).
const TICK: Duration = Duration::from_millis(100);
/// The wait while documents are still arriving: short, so the sidebar and
/// the progress count move steadily.
const LOADING_TICK: Duration = Duration::from_millis(40);

/// Routes the termination signals to [`SIGNALLED`]; once per process.
fn watch_signals() -> io::Result<()> {
    static DONE: std::sync::OnceLock<()> = std::sync::OnceLock::new();
    if DONE.get().is_some() {
        return Ok(());
    }
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP, signal_hook::consts::SIGINT] {
        signal_hook::flag::register(signal, &SIGNALLED)?;
    }
    let _ = DONE.set(());
    Ok(())
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
pub fn run(app: App, options: Options) -> Result<(), TuiError> {
    run_loading(app, options, None)
}

/// Runs the reader while `loader` (if any) still sends documents: the
/// first frame is drawn at once and keys work while the sidebar fills in.
pub fn run_loading(mut app: App, options: Options, loader: Option<Receiver<LoadEvent>>) -> Result<(), TuiError> {
    install_panic_hook();
    watch_signals()?;
    let _guard = Guard;
    let mut terminal = setup(options)?;
    let size = terminal.size()?;
    app.resize(size.width, size.height);
    let control = event_loop(&mut terminal, &mut app, options, loader)?;
    if control == Control::QuickExit {
        let _ = execute!(terminal.backend_mut(), Clear(ClearType::All), Clear(ClearType::Purge));
    }
    drop(terminal);
    restore()?;
    Ok(())
}

fn draw(terminal: &mut Terminal<CrosstermBackend<Stdout>>, app: &mut App) -> io::Result<()> {
    // One synchronized update per frame: terminals that support it show
    // the frame at once, so a resize does not flash.
    execute!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|frame| crate::ui::draw(frame, app))?;
    execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    terminal.backend_mut().flush()
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    options: Options,
    mut loader: Option<Receiver<LoadEvent>>,
) -> io::Result<Control> {
    let mut dirty = true;
    loop {
        if let Some(receiver) = &loader {
            let (received, open) = drain(receiver, app);
            dirty |= received;
            if !open {
                loader = None;
            }
        }
        if dirty {
            draw(terminal, app)?;
            dirty = false;
        }
        if SIGNALLED.load(Ordering::SeqCst) {
            return Ok(Control::Quit);
        }
        let tick = if loader.is_some() { LOADING_TICK } else { TICK };
        if !event::poll(tick)? {
            continue;
        }
        let Some(action) = to_action(event::read()?, app, options) else { continue };
        match app.update(action) {
            Control::Continue => dirty = true,
            other => return Ok(other),
        }
    }
}

/// Folds every loader event waiting into the app, then rebuilds the
/// sidebar once. Returns whether anything arrived and whether the loader
/// may send more.
fn drain(receiver: &Receiver<LoadEvent>, app: &mut App) -> (bool, bool) {
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
    if received {
        app.loaded_some();
    }
    (received, open)
}

/// The action for a terminal event: key presses only (not repeats or
/// releases), the mouse only when captured.
pub fn to_action(event: Event, app: &App, options: Options) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => keymap::action_for(app.mode, key),
        Event::Mouse(MouseEvent { kind, column, row, .. }) if options.mouse => match kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel { column, row, down: true }),
            MouseEventKind::ScrollUp => Some(Action::Wheel { column, row, down: false }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyEventState, KeyModifiers};

    fn app() -> App {
        App::new(crate::fixture::seed(), Default::default(), crate::ui::theme::Theme::monochrome(), (100, 30))
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
        let options = Options { mouse: true };
        assert_eq!(to_action(key(KeyEventKind::Press), &app, options), Some(Action::Down));
        assert_eq!(to_action(key(KeyEventKind::Repeat), &app, options), None);
        assert_eq!(to_action(key(KeyEventKind::Release), &app, options), None);
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
            to_action(wheel.clone(), &app, Options { mouse: true }),
            Some(Action::Wheel { column: 50, row: 5, down: true })
        );
        assert_eq!(to_action(wheel, &app, Options { mouse: false }), None);
        assert_eq!(
            to_action(Event::Resize(60, 20), &app, Options { mouse: false }),
            Some(Action::Resize { width: 60, height: 20 })
        );
    }

    #[test]
    fn restoring_a_terminal_that_was_never_set_up_does_nothing() {
        assert!(restore().is_ok());
        assert!(restore().is_ok());
    }
}

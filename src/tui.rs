//! The terminal and the event loop. Every way out (quit, error, panic,
//! signals, an abort, a closed terminal and the quick exit) puts the
//! terminal back (`tui/terminal.rs`); the quick exit also clears the screen and
//! its scrollback. Keys are read on a thread of their own (`tui/input.rs`), so a
//! quick exit is seen the moment it is typed, whatever the loop is doing.

mod input;
mod parse;
mod signals;
mod terminal;

use std::io::{self, Stdout, Write};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};
use crossterm::execute;
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::app::{Action, App, Control, Mode};
use crate::documents::sanitize;
use crate::keymap;
use crate::loading::LoadEvent;
use crate::ui::layout::{self, Areas};
use crate::ui::theme::Theme;

pub use signals::{CRASH_SIGNALS, quick_exit_signals};
pub use terminal::{quick_exit_screen, restore};

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
    /// Quick exit after this long without any input (`--idle-exit`: a key,
    /// the wheel, a click, a resize, a paste), for a reader who walks away
    /// from a shared screen; `None` never.
    pub idle_exit: Option<Duration>,
}

/// How long the loop waits for an event before checking the signal flag
/// and the idle timer.
const TICK: Duration = Duration::from_millis(100);
/// Test-only switch, documented in the README's testing notes: `1` makes
/// the reader panic on the first key press, `abort` makes an allocation
/// fail there (the process aborts, as when memory runs out), `overflow`
/// overflows the stack there; so a pty test can check that each restores
/// the terminal and prints its message.
const TEST_FAULT_VAR: &str = "VOICES_TEST_PANIC";
/// The wait while documents are still arriving: short, so the sidebar and
/// the progress count move steadily.
const LOADING_TICK: Duration = Duration::from_millis(40);
/// The longest the loop handles queued events before it draws a frame and
/// looks at the loader again (many keys at once, each slow).
const EVENT_SLICE: Duration = Duration::from_millis(50);

/// How often the sidebar is rebuilt while documents arrive (see [`drain`]).
const SIDEBAR_REFRESH: Duration = Duration::from_millis(250);

/// How long folding loader events may hold up the input at a time: a
/// key pressed meanwhile waits about this long at most (a batch takes a
/// millisecond or two to fold at 100 MB).
const DRAIN_SLICE: Duration = Duration::from_millis(4);
/// The longest slice of the search's look through the documents between
/// two looks at the input (a document at a time, so one very long
/// document may take longer).
const SEARCH_SLICE: Duration = Duration::from_millis(8);
/// The longest slice of row counting (see [`crate::content::Wrapped`])
/// between two looks at the input while a long document is being measured
/// after it opened or the width changed: a key waits at most this long.
const WRAP_SLICE: Duration = Duration::from_millis(4);

/// Runs the reader until the user quits. The terminal is restored on every
/// way out of this function, including a panic.
pub fn run(app: App, theme: &Theme, options: Options) -> Result<App, TuiError> {
    run_loading(app, theme, options, None)
}

/// Runs the reader while `loader` (if any) still sends documents: the
/// first frame is drawn at once and keys work while the sidebar fills in.
/// The app comes back once the terminal is restored, so a caller about to
/// end the process need not free it (see `main`'s `leave`).
pub fn run_loading(
    mut app: App,
    theme: &Theme,
    options: Options,
    loader: Option<Receiver<LoadEvent>>,
) -> Result<App, TuiError> {
    terminal::install_panic_hook();
    signals::watch_quick_exit_signals()?;
    signals::guard_crashes()?;
    let _guard = terminal::Guard;
    let mut terminal = terminal::setup(options)?;
    let keyboard = input::Keyboard::start()?;
    let control = event_loop(&mut terminal, &mut app, theme, options, loader, &keyboard)?;
    drop(keyboard);
    drop(terminal);
    if control == Control::QuickExit {
        quick_exit_screen();
        return Ok(app);
    }
    restore()?;
    Ok(app)
}

/// Draws a frame at the terminal's size: the model is told the size first,
/// and afterwards what it needs of the frame (the open overlay's scroll
/// limit). Returns where the regions went, for the mouse.
fn draw(terminal: &mut Terminal<CrosstermBackend<Stdout>>, app: &mut App, theme: &Theme) -> io::Result<Areas> {
    let size = terminal.size()?;
    app.update(Action::Resize(layout::viewport_for(size.width, size.height, app.sidebar().widest())));
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

/// The test-only faults of [`TEST_FAULT_VAR`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TestFault {
    Panic,
    Abort,
    Overflow,
}

impl TestFault {
    fn from_env() -> Option<TestFault> {
        match std::env::var(TEST_FAULT_VAR).ok()?.as_str() {
            "1" => Some(TestFault::Panic),
            "abort" => Some(TestFault::Abort),
            "overflow" => Some(TestFault::Overflow),
            _ => None,
        }
    }

    fn happen(self) {
        match self {
            TestFault::Panic => panic!("{TEST_FAULT_VAR}=1: the test-only panic on the first key"),
            // 4 EiB: more than any address space, so the allocator fails
            // and Rust aborts, as when memory runs out.
            TestFault::Abort => {
                drop(std::hint::black_box(Vec::<u8>::with_capacity(std::hint::black_box(usize::MAX / 4))))
            }
            TestFault::Overflow => drop(std::hint::black_box(exhaust_stack(0))),
        }
    }
}

/// Recurses until the stack runs out (the test-only stack overflow).
fn exhaust_stack(depth: u64) -> u64 {
    let frame = std::hint::black_box([depth; 64]);
    if depth == u64::MAX {
        return 0;
    }
    exhaust_stack(depth + 1).wrapping_add(frame[0])
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    theme: &Theme,
    options: Options,
    mut loader: Option<Receiver<LoadEvent>>,
    keyboard: &input::Keyboard,
) -> io::Result<Control> {
    let test_fault = TestFault::from_env();
    let mut last_input = Instant::now();
    let mut dirty = true;
    let mut refresh = SidebarRefresh::default();
    let size = terminal.size()?;
    let mut areas = layout::areas_for(size.width, size.height, app.focus(), app.sidebar().widest());
    let mut queue: Vec<Event> = Vec::new();
    loop {
        // A key's frame first, then more of the load: the key never waits
        // for batches that arrived after it.
        if dirty {
            areas = draw(terminal, app, theme)?;
            dirty = false;
        }
        let mut more = false;
        if let Some(receiver) = &loader {
            let drained = drain(receiver, app, &mut refresh, DRAIN_SLICE);
            more = drained.more;
            if !drained.open {
                loader = None;
            }
            if drained.received {
                areas = draw(terminal, app, theme)?;
            }
        }
        if terminal::exit_requested() {
            return Ok(Control::QuickExit);
        }
        let mut timeout = if loader.is_some() { LOADING_TICK } else { TICK };
        if app.searching() {
            // Look through more documents for the search, then look at
            // the input without waiting: a key never waits behind it.
            dirty |= app.search_some(SEARCH_SLICE);
            timeout = Duration::ZERO;
        }
        if app.page().wrapping() {
            // Count rows for a slice, then look at the input without
            // waiting; redraw when done (the position becomes exact).
            dirty |= app.wrap_some(WRAP_SLICE);
            timeout = Duration::ZERO;
        }
        if let Some(idle) = options.idle_exit {
            let left = idle.saturating_sub(last_input.elapsed());
            if left.is_zero() {
                return Ok(Control::QuickExit);
            }
            timeout = timeout.min(left);
        }
        if !queue.is_empty() || more {
            timeout = Duration::ZERO;
        }
        // A quick exit, or a terminal that closed: leave without handling
        // anything still queued.
        if keyboard.receive(timeout, &mut queue).is_err() {
            return Ok(Control::QuickExit);
        }
        let started = Instant::now();
        let mut handled = 0;
        for event in &queue {
            handled += 1;
            if terminal::exit_requested() {
                return Ok(Control::QuickExit);
            }
            // Any input means someone is reading: a key, the wheel (reading
            // with it is reading), a click, a resize, a paste.
            last_input = Instant::now();
            if let Event::Key(key) = event
                && key.kind == KeyEventKind::Press
                && let Some(fault) = test_fault
            {
                fault.happen();
            }
            if let Some(action) = to_action(event.clone(), app, options, &areas) {
                match app.update(action) {
                    Control::Continue => dirty = true,
                    other => return Ok(other),
                }
            }
            if started.elapsed() >= EVENT_SLICE {
                break;
            }
        }
        queue.drain(..handled);
    }
}

/// Folds the loader events waiting into the app, for about `budget` (at
/// least one), then rebuilds the sidebar when a rebuild is due.
fn drain(receiver: &Receiver<LoadEvent>, app: &mut App, refresh: &mut SidebarRefresh, budget: Duration) -> Drained {
    let started = Instant::now();
    let mut drained = Drained { received: false, open: true, more: false };
    loop {
        if drained.received && started.elapsed() >= budget {
            drained.more = true;
            break;
        }
        match receiver.try_recv() {
            Ok(event) => {
                app.receive(event);
                drained.received = true;
            }
            Err(TryRecvError::Empty) => break,
            Err(TryRecvError::Disconnected) => {
                drained.open = false;
                break;
            }
        }
    }
    refresh.pending |= drained.received;
    // The sidebar is rebuilt over every statement so far, so while loading
    // it is rebuilt a few times a second, not per batch: the first batch and
    // the end show at once, and the cores stay with the extraction meanwhile.
    let due = refresh.last.is_none_or(|at| at.elapsed() >= SIDEBAR_REFRESH);
    if refresh.pending && (due || !app.is_loading() || !drained.open) {
        app.loaded_some();
        // Only a rebuild that listed documents counts: the one for
        // `Started` alone must not hold back the first batch.
        let listed = !app.corpus().documents().is_empty();
        *refresh = SidebarRefresh { last: listed.then(Instant::now).or(refresh.last), pending: false };
        drained.received = true;
    }
    drained
}

/// What [`drain`] did: whether anything arrived (or the sidebar changed),
/// whether the loader may send more, and whether events were left waiting
/// for the next turn (the input is looked at first).
#[derive(Debug, PartialEq, Eq)]
struct Drained {
    received: bool,
    open: bool,
    more: bool,
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
        Event::Resize(width, height) => {
            Some(Action::Resize(layout::viewport_for(width, height, app.sidebar().widest())))
        }
        // A paste is text for a prompt, never keys: elsewhere it does nothing.
        Event::Paste(text) if matches!(app.mode(), Mode::Search | Mode::Picker) => {
            Some(Action::Paste(pasted_text(&text)))
        }
        _ => None,
    }
}

/// Pasted text as a one-line prompt takes it: sanitised as document text
/// is (controls made visible, bidi and zero-width marks removed), with its
/// line breaks as spaces.
fn pasted_text(text: &str) -> String {
    sanitize::sanitize(text).split('\n').filter(|line| !line.is_empty()).collect::<Vec<_>>().join(" ")
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
        assert_eq!(
            drain(&receiver, &mut app, &mut refresh, Duration::MAX),
            Drained { received: true, open: true, more: false }
        );
        sender.send(events.next().unwrap()).unwrap();
        assert_eq!(
            drain(&receiver, &mut app, &mut refresh, Duration::MAX),
            Drained { received: true, open: true, more: false }
        );
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
        assert_eq!(
            drain(&receiver, &mut app, &mut refresh, Duration::MAX),
            Drained { received: true, open: true, more: false }
        );
        assert_eq!(app.corpus().documents().len(), 2, "the copy arrived");
        assert_eq!(app.sidebar().rows(), rows, "no rebuild before {SIDEBAR_REFRESH:?}");
        // ...but the end of the load rebuilds whatever the time.
        for event in events {
            sender.send(event).unwrap();
        }
        drop(sender);
        assert_eq!(
            drain(&receiver, &mut app, &mut refresh, Duration::MAX),
            Drained { received: true, open: false, more: false }
        );
        assert!(!app.is_loading());
        assert_ne!(app.sidebar().rows(), rows, "the copy is listed");
        let fresh = App::new(app.corpus().clone(), Default::default(), crate::fixture::viewport(100, 30));
        assert_eq!(app.sidebar().rows(), fresh.sidebar().rows());
    }

    /// Folding stops when its time is up and says more is waiting, so the
    /// input is looked at before the rest; nothing is lost.
    #[test]
    fn draining_stops_at_its_budget_with_the_rest_left_waiting() {
        use crate::documents::{self, Source};
        let mut app = App::loading(Default::default(), crate::fixture::viewport(100, 30));
        let (sender, receiver) = std::sync::mpsc::channel();
        crate::loading::run(documents::plan(&[Source::Embedded], &mut std::io::empty()), |event| {
            sender.send(event).is_ok()
        });
        drop(sender);
        let mut refresh = SidebarRefresh::default();
        let first = drain(&receiver, &mut app, &mut refresh, Duration::ZERO);
        assert_eq!(first, Drained { received: true, open: true, more: true });
        assert!(app.is_loading() && app.corpus().documents().is_empty(), "only Started was folded");
        let mut turns = 1;
        while drain(&receiver, &mut app, &mut refresh, Duration::ZERO).open {
            turns += 1;
        }
        assert!(turns >= 3, "Started, the documents and Finished one at a time: {turns} turns");
        assert!(!app.is_loading());
        let expected = crate::loading::build_corpus(&[Source::Embedded], &mut std::io::empty());
        assert_eq!(app.corpus().statements(), expected.statements());
    }

    #[test]
    fn a_paste_is_typed_into_a_prompt_as_one_line_and_ignored_elsewhere() {
        let mut app = app();
        let options = Options { mouse: true, idle_exit: None };
        let paste = Event::Paste("child sexual\r\nexploitation\x1b[31m \u{202e}review\n".into());
        assert_eq!(to_action(paste.clone(), &app, options, &areas()), None, "not keys in the panes");
        app.update(Action::Search);
        let action = to_action(paste, &app, options, &areas()).expect("a paste into the prompt");
        assert_eq!(action, Action::Paste("child sexual exploitation\u{241b}[31m review".into()));
        app.update(Action::Input('«'));
        app.update(action);
        assert_eq!(app.prompt().text(), "«child sexual exploitation\u{241b}[31m review", "typed after what was there");
        assert_eq!(app.mode(), Mode::Search, "a line break in a paste does not submit the search");
    }
}

//! The one table of keys. The event loop turns key presses into [`Action`]s
//! with it, and the help overlay and the status-bar hints are generated from
//! it, so what the screen says a key does is what the key does.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use crate::app::{Action, Mode};

/// Where a binding is listed in the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpSection {
    Move,
    Read,
    Find,
    General,
}

impl HelpSection {
    /// The heading of the section in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            HelpSection::Move => "Moving around",
            HelpSection::Read => "Reading statements",
            HelpSection::Find => "Searching and choosing speakers",
            HelpSection::General => "General",
        }
    }

    /// Every section, in the order the help lists them.
    pub const ALL: [HelpSection; 4] = [HelpSection::Move, HelpSection::Read, HelpSection::Find, HelpSection::General];
}

/// One row of the keymap: the keys, how the help writes them, what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// Every key that does this (letters without Shift held or with it, as typed).
    pub keys: &'static [KeyCode],
    /// Control must be held (only Ctrl-C, which raw mode would otherwise swallow).
    pub ctrl: bool,
    /// The keys as the help writes them ("j ↓").
    pub label: &'static str,
    /// What the keys do, in plain words.
    pub help: &'static str,
    /// What the keys do, for `update`.
    pub action: Action,
    /// Where the help lists it.
    pub section: HelpSection,
    /// A short status-bar hint and its priority (lower stays longer), if this
    /// binding is worth a hint.
    pub hint: Option<(u8, &'static str)>,
}

const fn ch(c: char) -> KeyCode {
    KeyCode::Char(c)
}

macro_rules! bind {
    ($section:ident, [$($key:expr),+], $label:expr, $help:expr, $action:expr) => {
        Binding { keys: const { &[$($key),+] }, ctrl: false, label: $label, help: $help, action: $action, section: HelpSection::$section, hint: None }
    };
    ($section:ident, [$($key:expr),+], $label:expr, $help:expr, $action:expr, hint $prio:expr, $hint:expr) => {
        Binding { keys: const { &[$($key),+] }, ctrl: false, label: $label, help: $help, action: $action, section: HelpSection::$section, hint: Some(($prio, $hint)) }
    };
}

/// The keymap of the normal mode, in the order the help lists it.
pub fn bindings() -> &'static [Binding] {
    use Action::*;
    use KeyCode as K;
    static TABLE: std::sync::OnceLock<Vec<Binding>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        vec![
            bind!(Move, [K::Tab], "Tab", "switch between the list and the text", FocusNext),
            bind!(Move, [K::BackTab], "Shift-Tab", "switch back", FocusPrev),
            bind!(Move, [ch('j'), K::Down], "j ↓", "down one line or row", Down),
            bind!(Move, [ch('k'), K::Up], "k ↑", "up one line or row", Up),
            bind!(Move, [ch(' '), ch('f'), K::PageDown], "Space f PgDn", "down one page", PageDown),
            bind!(Move, [ch('b'), K::PageUp], "b PgUp", "up one page", PageUp),
            bind!(Move, [ch('d')], "d", "down half a page", HalfDown),
            bind!(Move, [ch('u')], "u", "up half a page", HalfUp),
            bind!(Move, [ch('g'), K::Home], "g Home", "go to the top", Top),
            bind!(Move, [ch('G'), K::End], "G End", "go to the end", Bottom),
            bind!(Move, [ch('l'), K::Right], "l →", "expand a group in the list", Expand),
            bind!(Move, [ch('h'), K::Left], "h ←", "collapse a group in the list", Collapse),
            bind!(Move, [K::Enter], "Enter", "open the selected row", Open, hint 5, "Enter open"),
            bind!(Read, [ch(']')], "]", "next statement", NextStatement),
            bind!(Read, [ch('[')], "[", "previous statement", PrevStatement),
            bind!(Read, [ch('}')], "}", "next statement by the same speaker", NextBySpeaker),
            bind!(Read, [ch('{')], "{", "previous statement by the same speaker", PrevBySpeaker),
            bind!(Find, [ch('/')], "/", "search (in the list: filter its rows)", Search, hint 2, "/ search"),
            bind!(Find, [ch('n')], "n", "next match", NextMatch),
            bind!(Find, [ch('N')], "N", "previous match", PrevMatch),
            bind!(Find, [K::Esc], "Esc", "clear the search", ClearSearch),
            bind!(Find, [ch('s')], "s", "choose a speaker to show", PickSpeaker, hint 4, "s speaker"),
            bind!(Find, [ch('S')], "S", "show every speaker again", ClearFilter),
            bind!(General, [ch('?'), K::F(1)], "? F1", "show or hide this help", Help, hint 0, "? help"),
            bind!(General, [ch('q')], "q", "quit (what was on the terminal before comes back)", Quit, hint 3, "q quit"),
            // Detected by [`EscEsc`] in the event loop, not by this table:
            // `keys` is empty so a single Esc keeps its meaning above.
            Binding {
                keys: &[],
                ctrl: false,
                label: "Esc Esc",
                help: "quick exit: clear the screen and close at once, in any view",
                action: QuickExit,
                section: HelpSection::General,
                hint: Some((1, "Esc Esc quick exit")),
            },
            bind!(General, [ch('w')], "w", "list files that were skipped or read with problems", Problems),
            Binding {
                keys: const { &[ch('c')] },
                ctrl: true,
                label: "Ctrl-C",
                help: "quick exit too",
                action: QuickExit,
                section: HelpSection::General,
                hint: None,
            },
        ]
    })
}

/// The status-bar hints in display order, each with its priority.
pub fn hints() -> Vec<(u8, &'static str)> {
    bindings().iter().filter_map(|b| b.hint).collect()
}

/// What still works while the content note is shown: the app handles these
/// before it looks at the mode. Its status bar offers only these, so no
/// hint there promises a key that does nothing.
pub const CONTENT_NOTE_ACTIONS: &[Action] = &[Action::QuickExit, Action::Quit];

/// The status-bar hints of the content note, each with its priority.
pub fn content_note_hints() -> Vec<(u8, &'static str)> {
    bindings().iter().filter(|b| CONTENT_NOTE_ACTIONS.contains(&b.action)).filter_map(|b| b.hint).collect()
}

/// The status-bar hint of the binding for `action` ("? help"), if it has one.
pub fn hint_for(action: &Action) -> Option<&'static str> {
    bindings().iter().find(|b| &b.action == action).and_then(|b| b.hint).map(|(_, hint)| hint)
}

/// How close together two Esc presses must be to mean "quick exit".
pub const QUICK_EXIT_WINDOW: std::time::Duration = std::time::Duration::from_secs(1);

/// Spots Esc pressed twice within [`QUICK_EXIT_WINDOW`]. It sits before the
/// table so the first Esc still does what it always did (close the help,
/// cancel the prompt, clear the search) and the second one leaves from any
/// state. Only key presses are fed in: any other key in between starts over.
///
/// crossterm reads Alt-x as Esc followed by x in one read, and reports it as
/// one key with Alt held, not as an Esc, so an escape-prefixed key never
/// counts. Two Escs that arrive in the *same* read (pasted, or sent by a
/// program) are the Alt-Esc encoding and reach us as one Esc; a person
/// pressing Esc twice sends two reads.
#[derive(Debug, Clone, Copy, Default)]
pub struct EscEsc {
    /// When the last unpaired Esc was pressed.
    first: Option<std::time::Instant>,
}

impl EscEsc {
    /// Records a key press made at `now`; true when it completes Esc Esc.
    pub fn press(&mut self, key: KeyEvent, now: std::time::Instant) -> bool {
        let plain_esc =
            key.code == KeyCode::Esc && !key.modifiers.intersects(KeyModifiers::ALT | KeyModifiers::CONTROL);
        if !plain_esc {
            self.first = None;
            return false;
        }
        match self.first.take() {
            Some(first) if now.saturating_duration_since(first) <= QUICK_EXIT_WINDOW => true,
            _ => {
                self.first = Some(now);
                false
            }
        }
    }
}

/// The action for a key press in a mode, if the key does anything there.
/// Callers pass only presses (not repeats or releases).
pub fn action_for(mode: Mode, key: KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == ch('c') {
        return Some(Action::QuickExit);
    }
    if ctrl || key.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    match mode {
        Mode::Normal => bindings().iter().find(|b| !b.ctrl && b.keys.contains(&key.code)).map(|b| b.action.clone()),
        Mode::Help | Mode::Problems => match key.code {
            KeyCode::Esc | KeyCode::Char('?') | KeyCode::F(1) | KeyCode::Char('q') => Some(Action::Cancel),
            KeyCode::Char('w') if mode == Mode::Problems => Some(Action::Cancel),
            KeyCode::Char('j') | KeyCode::Down => Some(Action::Down),
            KeyCode::Char('k') | KeyCode::Up => Some(Action::Up),
            KeyCode::Char(' ' | 'f') | KeyCode::PageDown => Some(Action::PageDown),
            KeyCode::Char('b') | KeyCode::PageUp => Some(Action::PageUp),
            KeyCode::Char('g') | KeyCode::Home => Some(Action::Top),
            KeyCode::Char('G') | KeyCode::End => Some(Action::Bottom),
            _ => None,
        },
        // Enter reads on; `q` quits normally; Esc Esc is caught before this.
        Mode::ContentNote => match key.code {
            KeyCode::Enter => Some(Action::Submit),
            KeyCode::Char('q') => Some(Action::Quit),
            _ => None,
        },
        Mode::Search | Mode::Picker => match key.code {
            KeyCode::Esc => Some(Action::Cancel),
            KeyCode::Enter => Some(Action::Submit),
            KeyCode::Backspace => Some(Action::Backspace),
            KeyCode::Down if mode == Mode::Picker => Some(Action::Down),
            KeyCode::Up if mode == Mode::Picker => Some(Action::Up),
            KeyCode::Char(c) => Some(Action::Input(c)),
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventKind;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn less_keys_and_arrows_do_the_same() {
        for (a, b) in [
            (ch('j'), KeyCode::Down),
            (ch('k'), KeyCode::Up),
            (ch(' '), KeyCode::PageDown),
            (ch('b'), KeyCode::PageUp),
            (ch('g'), KeyCode::Home),
            (ch('G'), KeyCode::End),
        ] {
            assert_eq!(action_for(Mode::Normal, key(a)), action_for(Mode::Normal, key(b)), "{a:?} vs {b:?}");
        }
        assert_eq!(action_for(Mode::Normal, key(ch('f'))), Some(Action::PageDown));
    }

    #[test]
    fn shifted_letters_keep_their_meaning() {
        let g = KeyEvent::new(ch('G'), KeyModifiers::SHIFT);
        assert_eq!(action_for(Mode::Normal, g), Some(Action::Bottom));
        let back = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(action_for(Mode::Normal, back), Some(Action::FocusPrev));
    }

    #[test]
    fn control_c_always_quick_exits_and_other_control_keys_do_nothing() {
        let ctrl_c = KeyEvent::new(ch('c'), KeyModifiers::CONTROL);
        for mode in [Mode::Normal, Mode::Help, Mode::Search, Mode::Picker, Mode::ContentNote] {
            assert_eq!(action_for(mode, ctrl_c), Some(Action::QuickExit));
        }
        assert_eq!(action_for(Mode::Normal, KeyEvent::new(ch('j'), KeyModifiers::CONTROL)), None);
    }

    #[test]
    fn prompts_take_letters_as_text() {
        assert_eq!(action_for(Mode::Search, key(ch('q'))), Some(Action::Input('q')));
        assert_eq!(action_for(Mode::Picker, key(ch('j'))), Some(Action::Input('j')));
        assert_eq!(action_for(Mode::Search, key(KeyCode::Esc)), Some(Action::Cancel));
        assert_eq!(action_for(Mode::Picker, key(KeyCode::Down)), Some(Action::Down));
    }

    #[test]
    fn help_closes_with_esc_question_mark_or_f1() {
        for code in [KeyCode::Esc, ch('?'), KeyCode::F(1)] {
            assert_eq!(action_for(Mode::Help, key(code)), Some(Action::Cancel));
        }
    }

    #[test]
    fn esc_twice_within_a_second_is_a_quick_exit() {
        use std::time::{Duration, Instant};
        let esc = key(KeyCode::Esc);
        let t = Instant::now();
        let mut tracker = EscEsc::default();
        assert!(!tracker.press(esc, t));
        assert!(tracker.press(esc, t + Duration::from_millis(900)));
        // Too slow: the second Esc starts a new pair.
        let mut tracker = EscEsc::default();
        assert!(!tracker.press(esc, t));
        assert!(!tracker.press(esc, t + Duration::from_millis(1500)));
        assert!(tracker.press(esc, t + Duration::from_millis(1600)));
        // Another key in between, or an Alt-prefixed key, breaks the pair.
        let mut tracker = EscEsc::default();
        assert!(!tracker.press(esc, t));
        assert!(!tracker.press(key(ch('j')), t + Duration::from_millis(100)));
        assert!(!tracker.press(esc, t + Duration::from_millis(200)));
        assert!(!tracker.press(KeyEvent::new(KeyCode::Esc, KeyModifiers::ALT), t + Duration::from_millis(300)));
        // A third Esc after a completed pair starts afresh.
        let mut tracker = EscEsc::default();
        assert!(!tracker.press(esc, t));
        assert!(tracker.press(esc, t + Duration::from_millis(10)));
        assert!(!tracker.press(esc, t + Duration::from_millis(20)));
    }

    #[test]
    fn a_single_esc_keeps_its_meaning_in_every_state() {
        assert_eq!(action_for(Mode::Normal, key(KeyCode::Esc)), Some(Action::ClearSearch));
        for mode in [Mode::Help, Mode::Search, Mode::Picker] {
            assert_eq!(action_for(mode, key(KeyCode::Esc)), Some(Action::Cancel), "{mode:?}");
        }
        assert_eq!(action_for(Mode::ContentNote, key(KeyCode::Esc)), None);
        assert_eq!(action_for(Mode::ContentNote, key(KeyCode::Enter)), Some(Action::Submit));
    }

    #[test]
    fn the_warnings_list_opens_with_w_and_closes_with_esc_or_w() {
        assert_eq!(action_for(Mode::Normal, key(ch('w'))), Some(Action::Problems));
        for code in [KeyCode::Esc, ch('w'), ch('q')] {
            assert_eq!(action_for(Mode::Problems, key(code)), Some(Action::Cancel));
        }
        assert_eq!(action_for(Mode::Problems, key(ch('j'))), Some(Action::Down));
    }

    #[test]
    fn no_key_is_bound_twice() {
        let mut seen = Vec::new();
        for binding in bindings() {
            for key in binding.keys {
                assert!(!seen.contains(&(key, binding.ctrl)), "{key:?} bound twice");
                seen.push((key, binding.ctrl));
            }
        }
    }

    #[test]
    fn the_hints_come_from_the_table() {
        let hints: Vec<&str> = hints().into_iter().map(|(_, h)| h).collect();
        assert!(hints.contains(&"? help") && hints.contains(&"/ search") && hints.contains(&"q quit"));
        assert!(hints.contains(&"Esc Esc quick exit"));
        // The event constructor used by crossterm for presses.
        assert_eq!(key(ch('q')).kind, KeyEventKind::Press);
    }
}

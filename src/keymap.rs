//! The one table of keys, for every mode. The event loop turns key presses
//! into [`Action`]s with it; the help overlay, the status-bar hints, the
//! overlays' titles and the prompts' key notes are generated from it, and
//! every label is made from the keys themselves (as gitui's key config
//! names its keys), so what the screen says a key does is what it does.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use crate::app::{Action, Mode};

/// Where a binding is listed in the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpSection {
    /// Moving around the list and the text.
    Move,
    /// Going from statement to statement.
    Read,
    /// Searching, and choosing speakers.
    Find,
    /// Help, quitting, the quick exit.
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

/// A key as the table holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A key pressed on its own (letters as typed, with or without Shift).
    Code(KeyCode),
    /// A letter with Control held (Ctrl-C, which raw mode would swallow,
    /// and less's Ctrl-F/B/D/U/E/Y).
    Ctrl(char),
    /// A key pressed twice within [`QUICK_EXIT_WINDOW`] (Esc Esc), spotted
    /// by [`EscEsc`] before the table is asked.
    Twice(KeyCode),
}

impl Key {
    /// The key as the help and the hints write it ("j", "↓", "PgDn",
    /// "Shift-Tab", "Ctrl-C", "Esc Esc").
    pub fn name(self) -> String {
        match self {
            Key::Code(code) => code_name(code),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Twice(code) => format!("{0} {0}", code_name(code)),
        }
    }
}

/// A key code's name as written on screen.
fn code_name(code: KeyCode) -> String {
    let name = match code {
        KeyCode::Char(' ') => "Space",
        KeyCode::Char(c) => return c.to_string(),
        KeyCode::F(n) => return format!("F{n}"),
        KeyCode::Down => "↓",
        KeyCode::Up => "↑",
        KeyCode::Left => "←",
        KeyCode::Right => "→",
        KeyCode::PageDown => "PgDn",
        KeyCode::PageUp => "PgUp",
        KeyCode::Home => "Home",
        KeyCode::End => "End",
        KeyCode::Enter => "Enter",
        KeyCode::Esc => "Esc",
        KeyCode::Tab => "Tab",
        KeyCode::BackTab => "Shift-Tab",
        KeyCode::Backspace => "Backspace",
        other => return format!("{other:?}"),
    };
    name.to_string()
}

/// One row of the table: the keys, the modes they work in, what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// Every key that does this; the first is the one hints and titles name.
    pub keys: &'static [Key],
    /// The modes the keys do it in.
    pub modes: &'static [Mode],
    /// What the keys do, for `update`.
    pub action: Action,
    /// Where the help lists it and what it says, for the bindings it lists.
    pub help: Option<(HelpSection, &'static str)>,
    /// A short status-bar hint after the first key's name, and its priority
    /// (lower stays longer), if this binding is worth a hint.
    pub hint: Option<(u8, &'static str)>,
}

impl Binding {
    /// Every key's name, as the help writes them ("j ↓").
    pub fn label(&self) -> String {
        self.keys.iter().map(|key| key.name()).collect::<Vec<_>>().join(" ")
    }

    /// The first key's name, for hints and titles ("?").
    pub fn key(&self) -> String {
        self.keys.first().map_or_else(String::new, |key| key.name())
    }

    /// Whether the keys work in `mode`.
    pub fn applies_in(&self, mode: Mode) -> bool {
        self.modes.contains(&mode)
    }

    /// The status-bar hint ("? help") and its priority, if it has one.
    pub fn hint(&self) -> Option<(u8, String)> {
        self.hint.map(|(priority, words)| (priority, format!("{} {words}", self.key())))
    }
}

const fn ch(c: char) -> Key {
    Key::Code(KeyCode::Char(c))
}

const fn code(code: KeyCode) -> Key {
    Key::Code(code)
}

/// Reading: the panes take the keys.
const NORMAL: &[Mode] = &[Mode::Normal];
/// Every mode, the content note included.
const EVERY: &[Mode] = &Mode::ALL;
/// `q` quits from the panes and from the content note.
const QUITS: &[Mode] = &[Mode::Normal, Mode::ContentNote];
/// The help and the list of files with problems scroll alike.
const OVERLAYS: &[Mode] = &[Mode::Help, Mode::Problems, Mode::Support];
/// The search prompt and the picker take text.
const PROMPTS: &[Mode] = &[Mode::Search, Mode::Picker];

macro_rules! bind {
    ($modes:expr, [$($key:expr),+], $action:expr) => {
        Binding { keys: const { &[$($key),+] }, modes: $modes, action: $action, help: None, hint: None }
    };
    ($modes:expr, [$($key:expr),+], $action:expr, $section:ident, $help:expr) => {
        Binding { keys: const { &[$($key),+] }, modes: $modes, action: $action, help: Some((HelpSection::$section, $help)), hint: None }
    };
    ($modes:expr, [$($key:expr),+], $action:expr, $section:ident, $help:expr, hint $prio:expr, $hint:expr) => {
        Binding { keys: const { &[$($key),+] }, modes: $modes, action: $action, help: Some((HelpSection::$section, $help)), hint: Some(($prio, $hint)) }
    };
}

/// The keymap of every mode. The help lists the bindings that have help
/// words, in this order.
pub fn bindings() -> &'static [Binding] {
    use Action::*;
    use KeyCode as K;
    static TABLE: std::sync::OnceLock<Vec<Binding>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        vec![
            bind!(NORMAL, [code(K::Tab)], FocusNext, Move, "switch between the list and the text"),
            bind!(NORMAL, [code(K::BackTab)], FocusPrev, Move, "switch back"),
            bind!(NORMAL, [ch('j'), code(K::Down)], Down, Move, "down one line or row, in the pane in focus"),
            bind!(NORMAL, [ch('k'), code(K::Up)], Up, Move, "up one line or row"),
            // Paging and line keys move the text wherever the focus is, as in less.
            bind!(NORMAL, [ch('e'), Key::Ctrl('e')], LineDown, Move, "the text down one line"),
            bind!(NORMAL, [ch('y'), Key::Ctrl('y')], LineUp, Move, "the text up one line"),
            bind!(NORMAL, [ch(' '), ch('f'), code(K::PageDown), Key::Ctrl('f')], PageDown, Move, "the text down one page"),
            bind!(NORMAL, [ch('b'), code(K::PageUp), Key::Ctrl('b')], PageUp, Move, "the text up one page"),
            bind!(NORMAL, [ch('d'), Key::Ctrl('d')], HalfDown, Move, "the text down half a page"),
            bind!(NORMAL, [ch('u'), Key::Ctrl('u')], HalfUp, Move, "the text up half a page"),
            bind!(NORMAL, [ch('g'), code(K::Home)], Top, Move, "go to the top"),
            bind!(NORMAL, [ch('G'), code(K::End)], Bottom, Move, "go to the end"),
            bind!(NORMAL, [ch('l'), code(K::Right)], Expand, Move, "expand a group in the list"),
            bind!(NORMAL, [ch('h'), code(K::Left)], Collapse, Move, "collapse a group in the list"),
            bind!(NORMAL, [code(K::Enter)], Open, Move, "open the selected row (in a document's text: down one line)", hint 5, "open"),
            bind!(NORMAL, [code(K::Backspace), ch('\''), Key::Ctrl('h')], Back, Read, "back to where you were before the last statement, speaker or document opened"),
            bind!(NORMAL, [ch('`')], Forward, Read, "forward again to where you went back from"),
            bind!(NORMAL, [ch(']')], NextStatement, Read, "next statement"),
            bind!(NORMAL, [ch('[')], PrevStatement, Read, "previous statement"),
            bind!(NORMAL, [ch('}')], NextBySpeaker, Read, "next statement by the same speaker"),
            bind!(NORMAL, [ch('{')], PrevBySpeaker, Read, "previous statement by the same speaker"),
            bind!(NORMAL, [ch('J')], NextDocument, Read, "next document"),
            bind!(NORMAL, [ch('K')], PrevDocument, Read, "previous document"),
            bind!(NORMAL, [ch(':')], Colon, Read, "then n or p (:n :p): next or previous document, as in less"),
            bind!(NORMAL, [ch('/')], Search, Find, "search every document (in the list: filter its rows)", hint 2, "search"),
            bind!(NORMAL, [ch('n')], NextMatch, Find, "next match"),
            bind!(NORMAL, [ch('N')], PrevMatch, Find, "previous match"),
            bind!(NORMAL, [ch('&')], ShowFound, Find, "list only the documents the search found (again: all)"),
            bind!(NORMAL, [code(K::Esc)], ClearSearch, Find, "clear the search"),
            bind!(NORMAL, [ch('s')], PickSpeaker, Find, "choose a speaker to show", hint 4, "speaker"),
            bind!(NORMAL, [ch('S')], ClearFilter, Find, "show every speaker again"),
            bind!(NORMAL, [ch('?'), code(K::F(1))], Help, General, "show or hide this help", hint 0, "help"),
            bind!(NORMAL, [ch('H')], Support, General, "support: every helpline, who it is for and its hours", hint 1, "support"),
            bind!(QUITS, [ch('q')], Quit, General, "quit (what was on the terminal before comes back)", hint 3, "quit"),
            // Spotted by [`EscEsc`] in the event loop, not by
            // [`action_for`]: a single Esc keeps its meaning in each mode.
            bind!(EVERY, [Key::Twice(K::Esc)], QuickExit, General, "quick exit: clear the screen and close at once, in any view", hint 1, "quick exit"),
            bind!(NORMAL, [ch('w')], Problems, General, "list files that were skipped or read with problems"),
            bind!(EVERY, [Key::Ctrl('c')], QuickExit, General, "quick exit too"),
            // The help and the list of files with problems.
            bind!(OVERLAYS, [code(K::Esc), ch('?'), code(K::F(1)), ch('q')], Cancel),
            bind!(&[Mode::Problems], [ch('w')], Cancel),
            bind!(&[Mode::Support], [ch('H')], Cancel),
            // After `:`.
            bind!(&[Mode::Command], [ch('n')], NextDocument),
            bind!(&[Mode::Command], [ch('p')], PrevDocument),
            bind!(&[Mode::Command], [code(K::Esc)], Cancel),
            bind!(OVERLAYS, [code(K::Down), ch('j')], Down),
            bind!(OVERLAYS, [code(K::Up), ch('k')], Up),
            bind!(OVERLAYS, [ch(' '), ch('f'), code(K::PageDown)], PageDown),
            bind!(OVERLAYS, [ch('b'), code(K::PageUp)], PageUp),
            bind!(OVERLAYS, [ch('g'), code(K::Home)], Top),
            bind!(OVERLAYS, [ch('G'), code(K::End)], Bottom),
            // The content note: Enter reads on.
            bind!(&[Mode::ContentNote], [code(K::Enter)], Submit),
            // The search prompt and the picker; other characters are typed.
            bind!(PROMPTS, [code(K::Esc)], Cancel),
            bind!(PROMPTS, [code(K::Enter)], Submit),
            bind!(PROMPTS, [code(K::Backspace)], Backspace),
            bind!(&[Mode::Picker], [code(K::Down)], Down),
            bind!(&[Mode::Picker], [code(K::Up)], Up),
        ]
    })
}

/// The bindings the help lists, in order, with their section and words.
pub fn listed() -> impl Iterator<Item = (&'static Binding, HelpSection, &'static str)> {
    bindings().iter().filter_map(|b| b.help.map(|(section, words)| (b, section, words)))
}

/// The keys table of the README, in Markdown, made from the bindings the
/// help lists, in its order (a test keeps the README's copy current).
pub fn markdown_table() -> String {
    let mut out = String::from("| keys | what they do |\n|---|---|\n");
    for (binding, _, words) in listed() {
        let keys: Vec<String> = binding
            .keys
            .iter()
            .map(|key| match key {
                Key::Twice(code) => format!("`{0}` `{0}`", code_name(*code)),
                // A backtick key needs a longer fence: `` ` ``.
                other if other.name().contains('`') => format!("`` {} ``", other.name()),
                other => format!("`{}`", other.name()),
            })
            .collect();
        out.push_str(&format!("| {} | {} |\n", keys.join(" "), words.replace('|', "\\|")));
    }
    out
}

/// The status-bar hints for the keys that work in `mode`, in table order,
/// each with its priority.
pub fn hints(mode: Mode) -> Vec<(u8, String)> {
    bindings().iter().filter(|b| b.applies_in(mode)).filter_map(Binding::hint).collect()
}

/// The status-bar hint of the binding for `action` in the panes ("? help"),
/// if it has one.
pub fn hint_for(action: &Action) -> Option<String> {
    bindings()
        .iter()
        .find(|b| &b.action == action && b.applies_in(Mode::Normal))
        .and_then(Binding::hint)
        .map(|(_, hint)| hint)
}

/// The name of the key that does `action` in `mode`, for a title or a note
/// ("Esc closes"): the first key of the first binding for it.
///
/// # Panics
///
/// When no key does it there: a title may only name keys the table has.
pub fn key_for(mode: Mode, action: &Action) -> String {
    keys_for(mode, action).into_iter().next().unwrap_or_else(|| panic!("no key for {action:?} in {mode:?}"))
}

/// The first key of every binding for `action` in `mode` ("Esc Esc", "Ctrl-C").
pub fn keys_for(mode: Mode, action: &Action) -> Vec<String> {
    bindings().iter().filter(|b| &b.action == action && b.applies_in(mode)).map(Binding::key).collect()
}

/// The key pressed twice for the quick exit (Esc).
fn twice() -> KeyCode {
    bindings()
        .iter()
        .flat_map(|b| b.keys)
        .find_map(|key| if let Key::Twice(code) = key { Some(*code) } else { None })
        .expect("the table has the quick exit's double key")
}

/// How close together two Esc presses must be to mean "quick exit".
pub const QUICK_EXIT_WINDOW: std::time::Duration = std::time::Duration::from_secs(1);

/// Spots Esc pressed twice within [`QUICK_EXIT_WINDOW`]. It sits before the
/// table so the first Esc still does what it always did (close the help,
/// cancel the prompt, clear the search) and the second one leaves from any
/// state. Only key presses are fed in: any other key in between starts over.
///
/// Alt-x arrives as Esc followed by x in one read and is reported as one
/// key with Alt held, not as an Esc, so an escape-prefixed key never
/// counts. Two Escs that arrive in the *same* read (sent by tmux or a
/// program, or Alt-Esc) are two Escs (`tui`'s input parser), so they count.
#[derive(Debug, Clone, Copy, Default)]
pub struct EscEsc {
    /// When the last unpaired Esc was pressed.
    first: Option<std::time::Instant>,
}

impl EscEsc {
    /// Records a key press made at `now`; true when it completes Esc Esc.
    pub fn press(&mut self, key: KeyEvent, now: std::time::Instant) -> bool {
        let plain_esc = key.code == twice() && !key.modifiers.intersects(KeyModifiers::ALT | KeyModifiers::CONTROL);
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
    let in_mode = bindings().iter().filter(|b| b.applies_in(mode));
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        let KeyCode::Char(c) = key.code else { return None };
        return in_mode.into_iter().find(|b| b.keys.contains(&Key::Ctrl(c))).map(|b| b.action.clone());
    }
    if key.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    if let Some(binding) = in_mode.into_iter().find(|b| b.keys.contains(&Key::Code(key.code))) {
        return Some(binding.action.clone());
    }
    // The prompts take every other character as text.
    match key.code {
        KeyCode::Char(c) if PROMPTS.contains(&mode) => Some(Action::Input(c)),
        // After `:`, a letter that is not a command ends it.
        KeyCode::Char(c) if mode == Mode::Command => Some(Action::Input(c)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventKind;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn ch(c: char) -> KeyCode {
        KeyCode::Char(c)
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
        // less's Control keys page and move the text.
        for (c, action) in [
            ('f', Action::PageDown),
            ('b', Action::PageUp),
            ('d', Action::HalfDown),
            ('u', Action::HalfUp),
            ('e', Action::LineDown),
            ('y', Action::LineUp),
        ] {
            assert_eq!(action_for(Mode::Normal, KeyEvent::new(ch(c), KeyModifiers::CONTROL)), Some(action), "Ctrl-{c}");
        }
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
    fn no_key_is_bound_twice_in_any_mode() {
        for mode in Mode::ALL {
            let mut seen = Vec::new();
            for binding in bindings().iter().filter(|b| b.applies_in(mode)) {
                for key in binding.keys {
                    assert!(!seen.contains(key), "{key:?} bound twice in {mode:?}");
                    seen.push(*key);
                }
            }
        }
    }

    /// Labels are made from the keys, as the help has always written them.
    #[test]
    fn labels_are_the_keys_names() {
        let labels: Vec<String> = listed().map(|(binding, _, _)| binding.label()).collect();
        for label in [
            "Tab",
            "Shift-Tab",
            "j ↓",
            "Space f PgDn Ctrl-F",
            "e Ctrl-E",
            "g Home",
            "G End",
            "l →",
            "h ←",
            "? F1",
            "Esc Esc",
            "Ctrl-C",
        ] {
            assert!(labels.iter().any(|l| l == label), "{label} in {labels:?}");
        }
        assert_eq!(Key::Code(KeyCode::Backspace).name(), "Backspace");
    }

    /// Every mode's keys are in the table: each key the modes answer to has
    /// a binding there, and the table's keys are what the modes answer to.
    #[test]
    fn every_mode_answers_exactly_to_its_bindings() {
        for mode in Mode::ALL {
            for binding in bindings().iter().filter(|b| b.applies_in(mode)) {
                for key in binding.keys {
                    let event = match *key {
                        Key::Code(code) => KeyEvent::new(code, KeyModifiers::NONE),
                        Key::Ctrl(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
                        Key::Twice(_) => continue,
                    };
                    assert_eq!(action_for(mode, event), Some(binding.action.clone()), "{key:?} in {mode:?}");
                }
            }
        }
        assert_eq!(action_for(Mode::Help, key(ch('w'))), None, "w closes only the list of files");
        assert_eq!(action_for(Mode::Search, key(KeyCode::Down)), None, "only the picker has a list to move in");
        assert_eq!(action_for(Mode::Help, key(ch('d'))), None);
    }

    /// The overlays' titles and the prompts' notes name the keys the table has.
    #[test]
    fn titles_name_the_keys_of_their_mode() {
        assert_eq!(key_for(Mode::Help, &Action::Down), "↓");
        assert_eq!(key_for(Mode::Problems, &Action::Cancel), "Esc");
        assert_eq!(key_for(Mode::Picker, &Action::Submit), "Enter");
        assert_eq!(key_for(Mode::ContentNote, &Action::QuickExit), "Esc Esc");
        assert_eq!(keys_for(Mode::Normal, &Action::QuickExit), ["Esc Esc", "Ctrl-C"]);
        assert_eq!(key_for(Mode::Normal, &Action::ClearFilter), "S");
    }

    #[test]
    fn the_hints_come_from_the_table() {
        let hints: Vec<String> = hints(Mode::Normal).into_iter().map(|(_, h)| h).collect();
        let hints: Vec<&str> = hints.iter().map(String::as_str).collect();
        assert!(hints.contains(&"? help") && hints.contains(&"/ search") && hints.contains(&"q quit"));
        assert!(hints.contains(&"Esc Esc quick exit"));
        let note: Vec<String> = super::hints(Mode::ContentNote).into_iter().map(|(_, h)| h).collect();
        assert_eq!(note, ["q quit", "Esc Esc quick exit"], "the content note offers only what works there");
        // The event constructor used by crossterm for presses.
        assert_eq!(key(ch('q')).kind, KeyEventKind::Press);
    }
}

//! The bytes a terminal sends, turned into events: keys, the mouse and
//! bracketed pastes.
//!
//! voices reads the terminal itself instead of through crossterm's reader,
//! for what the quick exit needs: every byte waiting is read at each
//! wake-up (crossterm reads 1 KiB at a time and can leave the rest unread
//! until another key arrives), the keys are seen as they arrive rather than
//! when the reader gets to them, and two Escs that arrive together are two
//! Escs (crossterm takes them as one, the Alt-Esc encoding), so Esc Esc
//! pressed inside tmux or sent by a program still counts. The events are
//! crossterm's own types, mapped as crossterm maps them (`\r` Enter, DEL
//! Backspace, `^A`–`^Z` Ctrl-letters, ESC before a key Alt), so the key
//! table reads them unchanged.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

const ESC: u8 = 0x1b;
/// What a terminal sends before and after pasted text (bracketed paste).
const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";
/// The longest escape sequence waited for; anything longer is noise and
/// is dropped, so a stray ESC can never swallow the keys after it.
const LONGEST_SEQUENCE: usize = 64;
/// The most of one paste kept, in bytes; the rest is dropped. Far more
/// than any search, and the memory stays bounded whatever is pasted.
pub const PASTE_LIMIT: usize = 1 << 20;

/// What the parser holds that is not an event yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waiting {
    /// Nothing: every byte so far is an event.
    Nothing,
    /// The start of an escape sequence or of a character: the rest is
    /// normally a moment away; after a short wait it is taken as it is.
    Sequence,
    /// A bracketed paste that has not ended yet.
    Paste,
}

/// Turns the terminal's bytes into events, across reads.
#[derive(Debug, Default)]
pub struct Parser {
    /// Bytes not parsed yet: the start of a sequence or of a character.
    pending: Vec<u8>,
    /// Inside a bracketed paste: the text pasted so far.
    paste: Option<Vec<u8>>,
}

/// One step of parsing the start of the pending bytes.
#[derive(Debug, PartialEq)]
enum Step {
    /// An event, made of this many bytes.
    Event(Event, usize),
    /// The start of a bracketed paste, this many bytes.
    PasteStart(usize),
    /// Bytes that mean nothing voices uses: dropped.
    Skip(usize),
    /// More bytes are needed.
    Incomplete,
}

impl Parser {
    /// Parses `bytes`, just read, after what was pending, into `out`. An
    /// unfinished sequence at the end waits for the next read.
    pub fn feed(&mut self, bytes: &[u8], out: &mut Vec<Event>) {
        self.pending.extend_from_slice(bytes);
        self.parse(true, out);
    }

    /// Nothing more came: what is pending is taken as it stands (a lone
    /// ESC is the Esc key; a paste without its end is pasted as it is).
    pub fn flush(&mut self, out: &mut Vec<Event>) {
        if let Some(mut paste) = self.paste.take() {
            keep(&mut paste, &self.pending);
            self.pending.clear();
            out.push(Event::Paste(String::from_utf8_lossy(&paste).into_owned()));
        }
        self.parse(false, out);
    }

    /// What the parser is waiting for.
    pub fn waiting(&self) -> Waiting {
        if self.paste.is_some() {
            Waiting::Paste
        } else if self.pending.is_empty() {
            Waiting::Nothing
        } else {
            Waiting::Sequence
        }
    }

    fn parse(&mut self, more: bool, out: &mut Vec<Event>) {
        let mut at = 0;
        loop {
            if let Some(paste) = &mut self.paste {
                let rest = &self.pending[at..];
                if let Some(end) = find(rest, PASTE_END) {
                    keep(paste, &rest[..end]);
                    out.push(Event::Paste(String::from_utf8_lossy(paste).into_owned()));
                    self.paste = None;
                    at += end + PASTE_END.len();
                    continue;
                }
                // Keep back what may be the start of the end marker.
                let kept = rest.len() - partial_suffix(rest, PASTE_END);
                keep(paste, &rest[..kept]);
                at += kept;
                break;
            }
            if at == self.pending.len() {
                break;
            }
            match next(&self.pending[at..], more) {
                Step::Event(event, used) => {
                    out.push(event);
                    at += used;
                }
                Step::PasteStart(used) => {
                    self.paste = Some(Vec::new());
                    at += used;
                }
                Step::Skip(used) => at += used,
                Step::Incomplete => break,
            }
        }
        self.pending.drain(..at);
    }
}

/// Adds `bytes` to a paste, up to [`PASTE_LIMIT`].
fn keep(paste: &mut Vec<u8>, bytes: &[u8]) {
    let room = PASTE_LIMIT.saturating_sub(paste.len());
    paste.extend_from_slice(&bytes[..bytes.len().min(room)]);
}

/// Where `needle` first starts in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// How many bytes at the end of `bytes` are a start of `marker`.
fn partial_suffix(bytes: &[u8], marker: &[u8]) -> usize {
    (1..marker.len()).rev().find(|&n| bytes.ends_with(&marker[..n])).unwrap_or(0)
}

fn key(code: KeyCode, modifiers: KeyModifiers, used: usize) -> Step {
    Step::Event(Event::Key(KeyEvent::new(code, modifiers)), used)
}

/// The first event in `bytes` (never empty). `more`: more bytes may come,
/// so an unfinished sequence waits for them.
fn next(bytes: &[u8], more: bool) -> Step {
    let none = KeyModifiers::NONE;
    match bytes[0] {
        ESC => escape(bytes, more),
        b'\r' => key(KeyCode::Enter, none, 1),
        b'\t' => key(KeyCode::Tab, none, 1),
        0x7f => key(KeyCode::Backspace, none, 1),
        0 => key(KeyCode::Char(' '), KeyModifiers::CONTROL, 1),
        c @ 0x01..=0x1a => key(KeyCode::Char(char::from(c - 1 + b'a')), KeyModifiers::CONTROL, 1),
        c @ 0x1c..=0x1f => key(KeyCode::Char(char::from(c - 0x1c + b'4')), KeyModifiers::CONTROL, 1),
        _ => character(bytes, more),
    }
}

/// A UTF-8 character typed (Shift reported for capitals, as crossterm does).
fn character(bytes: &[u8], more: bool) -> Step {
    let len = match bytes[0] {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Step::Skip(1),
    };
    if bytes.len() < len {
        return if more && bytes[1..].iter().all(|b| b & 0xc0 == 0x80) { Step::Incomplete } else { Step::Skip(1) };
    }
    match std::str::from_utf8(&bytes[..len]).ok().and_then(|s| s.chars().next()) {
        Some(c) => {
            let shift = if c.is_uppercase() { KeyModifiers::SHIFT } else { KeyModifiers::NONE };
            key(KeyCode::Char(c), shift, len)
        }
        None => Step::Skip(1),
    }
}

/// What starts with ESC: a sequence, Alt and a key, or the Esc key.
fn escape(bytes: &[u8], more: bool) -> Step {
    let esc = || key(KeyCode::Esc, KeyModifiers::NONE, 1);
    let Some(&second) = bytes.get(1) else {
        return if more { Step::Incomplete } else { esc() };
    };
    let step = match second {
        // Two Escs together (Esc Esc sent at once, or Alt-Esc): the first
        // is an Esc of its own, the second starts again.
        ESC => esc(),
        b'[' => csi(bytes),
        b'O' => ss3(bytes),
        _ => match next(&bytes[1..], more) {
            Step::Event(Event::Key(mut pressed), used) => {
                pressed.modifiers |= KeyModifiers::ALT;
                Step::Event(Event::Key(pressed), used + 1)
            }
            Step::Incomplete => Step::Incomplete,
            _ => esc(),
        },
    };
    // With nothing more to come, an unfinished sequence was an Esc key
    // followed by ordinary keys.
    if step == Step::Incomplete && !more { esc() } else { step }
}

/// The key a sequence's final letter names, in `ESC O x` and `ESC [ … x`:
/// arrows, Home, End, F1–F4.
fn lettered_key(last: u8) -> Option<KeyCode> {
    let code = match last {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(1 + last - b'P'),
        _ => return None,
    };
    Some(code)
}

/// `ESC O x`: arrows, Home, End and F1–F4 in the terminal's application mode.
fn ss3(bytes: &[u8]) -> Step {
    let Some(&last) = bytes.get(2) else { return Step::Incomplete };
    match lettered_key(last) {
        Some(code) => key(code, KeyModifiers::NONE, 3),
        None => Step::Skip(3),
    }
}

/// `ESC [ …`: a control sequence (keys, the mouse, the start of a paste).
fn csi(bytes: &[u8]) -> Step {
    if bytes.starts_with(PASTE_START) {
        return Step::PasteStart(PASTE_START.len());
    }
    match bytes.get(2) {
        None => return Step::Incomplete,
        Some(b'M') => return x10_mouse(bytes),
        // The Linux console's F1–F5: ESC [ [ A … E.
        Some(b'[') => {
            return match bytes.get(3) {
                None => Step::Incomplete,
                Some(&c @ b'A'..=b'E') => key(KeyCode::F(1 + c - b'A'), KeyModifiers::NONE, 4),
                Some(_) => Step::Skip(4),
            };
        }
        Some(_) => {}
    }
    for (at, &byte) in bytes.iter().enumerate().skip(2) {
        match byte {
            // Parameters and intermediates.
            0x20..=0x3f if at < LONGEST_SEQUENCE => {}
            0x40..=0x7e => return control(&bytes[2..at], byte, at + 1),
            // Too long, or broken by something that cannot be in a
            // sequence (a control, another ESC): drop what came so far.
            _ => return Step::Skip(at),
        }
    }
    Step::Incomplete
}

/// A complete control sequence: its parameter bytes and final byte, `used`
/// bytes in all.
fn control(params: &[u8], last: u8, used: usize) -> Step {
    if let Some(sgr) = params.strip_prefix(b"<") {
        return match (numbers(sgr).as_deref(), last) {
            (Some(&[cb, x, y]), b'M' | b'm') => mouse(cb, x, y, last == b'm', used),
            _ => Step::Skip(used),
        };
    }
    let Some(numbers) = numbers(params) else { return Step::Skip(used) };
    let modifiers = numbers.get(1).map_or(KeyModifiers::NONE, |&mask| modifiers(mask));
    if let Some(code) = lettered_key(last) {
        return key(code, modifiers, used);
    }
    let code = match last {
        b'Z' => return key(KeyCode::BackTab, KeyModifiers::SHIFT, used),
        b'~' => match numbers.first().and_then(|&n| special_key(n)) {
            Some(code) => code,
            None => return Step::Skip(used),
        },
        // The rxvt mouse encoding: ESC [ Cb ; Cx ; Cy M, Cb offset by 32.
        b'M' => {
            return match numbers[..] {
                [cb, x, y] if cb >= 32 => mouse(cb - 32, x, y, false, used),
                _ => Step::Skip(used),
            };
        }
        b'I' if params.is_empty() => return Step::Event(Event::FocusGained, used),
        b'O' if params.is_empty() => return Step::Event(Event::FocusLost, used),
        _ => return Step::Skip(used),
    };
    key(code, modifiers, used)
}

/// The keys numbered in `ESC [ n ~`.
fn special_key(number: u16) -> Option<KeyCode> {
    let code = match number {
        1 | 7 => KeyCode::Home,
        2 => KeyCode::Insert,
        3 => KeyCode::Delete,
        4 | 8 => KeyCode::End,
        5 => KeyCode::PageUp,
        6 => KeyCode::PageDown,
        11..=15 => KeyCode::F((number - 10) as u8),
        17..=21 => KeyCode::F((number - 11) as u8),
        23..=26 => KeyCode::F((number - 12) as u8),
        _ => return None,
    };
    Some(code)
}

/// A sequence's parameters as numbers (`1;5` → `[1, 5]`; an empty one is
/// 0, a sub-parameter after `:` is ignored); `None` when one is not a number.
fn numbers(params: &[u8]) -> Option<Vec<u16>> {
    if params.is_empty() {
        return Some(Vec::new());
    }
    params
        .split(|&b| b == b';')
        .map(|field| {
            let main = field.split(|&b| b == b':').next().unwrap_or_default();
            if main.is_empty() {
                return Some(0);
            }
            std::str::from_utf8(main).ok()?.parse().ok()
        })
        .collect()
}

/// The modifiers of a key sequence's second parameter (1 + a bit mask).
fn modifiers(mask: u16) -> KeyModifiers {
    let bits = mask.saturating_sub(1);
    let mut modifiers = KeyModifiers::NONE;
    for (bit, modifier) in [
        (1, KeyModifiers::SHIFT),
        (2, KeyModifiers::ALT),
        (4, KeyModifiers::CONTROL),
        (8, KeyModifiers::SUPER),
        (16, KeyModifiers::HYPER),
        (32, KeyModifiers::META),
    ] {
        if bits & bit != 0 {
            modifiers |= modifier;
        }
    }
    modifiers
}

/// `ESC [ M Cb Cx Cy`: the original mouse encoding, each value a byte
/// offset by 32.
fn x10_mouse(bytes: &[u8]) -> Step {
    let &[_, _, _, cb, x, y, ..] = bytes else { return Step::Incomplete };
    if cb < 32 {
        return Step::Skip(3);
    }
    mouse(u16::from(cb - 32), u16::from(x.saturating_sub(32)), u16::from(y.saturating_sub(32)), false, 6)
}

/// A mouse report: `cb` holds the button, the modifiers and whether it
/// moved; `x` and `y` count from 1; `released` is SGR's final `m`.
fn mouse(cb: u16, x: u16, y: u16, released: bool, used: usize) -> Step {
    let button = (cb & 0b11) | ((cb & 0b1100_0000) >> 4);
    let moving = cb & 0b10_0000 != 0;
    let which = |n| match n {
        0 => MouseButton::Left,
        1 => MouseButton::Middle,
        _ => MouseButton::Right,
    };
    let kind = match (button, moving) {
        (0..=2, false) if released => MouseEventKind::Up(which(button)),
        (0..=2, false) => MouseEventKind::Down(which(button)),
        (0..=2, true) => MouseEventKind::Drag(which(button)),
        (3, false) => MouseEventKind::Up(MouseButton::Left),
        (3..=5, true) => MouseEventKind::Moved,
        (4, false) => MouseEventKind::ScrollUp,
        (5, false) => MouseEventKind::ScrollDown,
        (6, false) => MouseEventKind::ScrollLeft,
        (7, false) => MouseEventKind::ScrollRight,
        _ => return Step::Skip(used),
    };
    let mut modifiers = KeyModifiers::NONE;
    for (bit, modifier) in [(4, KeyModifiers::SHIFT), (8, KeyModifiers::ALT), (16, KeyModifiers::CONTROL)] {
        if cb & bit != 0 {
            modifiers |= modifier;
        }
    }
    let event = MouseEvent { kind, column: x.saturating_sub(1), row: y.saturating_sub(1), modifiers };
    Step::Event(Event::Mouse(event), used)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every event in `bytes` fed at once, then flushed.
    fn parse(bytes: &[u8]) -> Vec<Event> {
        let mut parser = Parser::default();
        let mut out = Vec::new();
        parser.feed(bytes, &mut out);
        parser.flush(&mut out);
        out
    }

    fn press(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    fn with(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, modifiers))
    }

    #[test]
    fn keys_are_read_as_crossterm_reads_them() {
        let c = KeyCode::Char;
        let cases: &[(&[u8], Vec<Event>)] = &[
            (b"jq", vec![press(c('j')), press(c('q'))]),
            (b"G", vec![with(c('G'), KeyModifiers::SHIFT)]),
            (b"\r\t\x7f", vec![press(KeyCode::Enter), press(KeyCode::Tab), press(KeyCode::Backspace)]),
            (b"\x03", vec![with(c('c'), KeyModifiers::CONTROL)]),
            (
                b"\x1b[A\x1b[B\x1bOC\x1b[D",
                vec![press(KeyCode::Up), press(KeyCode::Down), press(KeyCode::Right), press(KeyCode::Left)],
            ),
            (
                b"\x1b[5~\x1b[6~\x1b[H\x1b[4~",
                vec![press(KeyCode::PageUp), press(KeyCode::PageDown), press(KeyCode::Home), press(KeyCode::End)],
            ),
            (b"\x1bOP\x1b[11~\x1b[[A", vec![press(KeyCode::F(1)); 3]),
            (b"\x1b[Z", vec![with(KeyCode::BackTab, KeyModifiers::SHIFT)]),
            (b"\x1b[1;5A", vec![with(KeyCode::Up, KeyModifiers::CONTROL)]),
            (b"\x1bj", vec![with(c('j'), KeyModifiers::ALT)]),
            ("é→".as_bytes(), vec![press(c('é')), press(c('→'))]),
        ];
        for (bytes, events) in cases {
            assert_eq!(&parse(bytes), events, "{bytes:?}");
        }
    }

    /// Two Escs in one read are two Esc keys, so Esc Esc sent at once (by
    /// tmux, a program, or pressed while voices was busy) is a quick exit.
    #[test]
    fn two_escs_together_are_two_escs() {
        assert_eq!(parse(b"\x1b\x1b"), vec![press(KeyCode::Esc); 2]);
        assert_eq!(parse(b"\x1b"), vec![press(KeyCode::Esc)]);
        // An Esc before an arrow key is an Esc, then the arrow.
        assert_eq!(parse(b"\x1b\x1b[A"), vec![press(KeyCode::Esc), press(KeyCode::Up)]);
    }

    #[test]
    fn a_lone_esc_waits_for_what_may_follow_then_is_an_esc() {
        let mut parser = Parser::default();
        let mut out = Vec::new();
        parser.feed(b"\x1b", &mut out);
        assert!(out.is_empty());
        assert_eq!(parser.waiting(), Waiting::Sequence);
        parser.feed(b"[B", &mut out);
        assert_eq!(out, [press(KeyCode::Down)]);
        assert_eq!(parser.waiting(), Waiting::Nothing);
        out.clear();
        parser.feed(b"\x1b[", &mut out);
        parser.flush(&mut out);
        assert_eq!(out, [press(KeyCode::Esc), press(KeyCode::Char('['))]);
    }

    #[test]
    fn a_bracketed_paste_is_one_event_whatever_it_holds() {
        let text = "line one\r\n\x1b\x1bq\x03 \u{e9}";
        let mut bytes = PASTE_START.to_vec();
        bytes.extend_from_slice(text.as_bytes());
        bytes.extend_from_slice(PASTE_END);
        bytes.push(b'j');
        assert_eq!(parse(&bytes), [Event::Paste(text.into()), press(KeyCode::Char('j'))]);
        // Split anywhere across reads, even inside the markers.
        for split in 0..bytes.len() {
            let mut parser = Parser::default();
            let mut out = Vec::new();
            parser.feed(&bytes[..split], &mut out);
            parser.feed(&bytes[split..], &mut out);
            assert_eq!(out, [Event::Paste(text.into()), press(KeyCode::Char('j'))], "split at {split}");
        }
    }

    #[test]
    fn a_paste_that_never_ends_is_pasted_when_input_stops_and_kept_bounded() {
        let mut parser = Parser::default();
        let mut out = Vec::new();
        parser.feed(PASTE_START, &mut out);
        parser.feed(&vec![b'a'; PASTE_LIMIT + 10], &mut out);
        assert!(out.is_empty());
        assert_eq!(parser.waiting(), Waiting::Paste);
        parser.flush(&mut out);
        assert_eq!(out, [Event::Paste("a".repeat(PASTE_LIMIT))]);
        out.clear();
        parser.feed(b"\x03", &mut out);
        assert_eq!(out, [with(KeyCode::Char('c'), KeyModifiers::CONTROL)], "keys work again");
    }

    #[test]
    fn the_mouse_is_read_in_each_encoding() {
        let at = |kind, column, row| Event::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE });
        assert_eq!(parse(b"\x1b[<65;10;5M"), [at(MouseEventKind::ScrollDown, 9, 4)]);
        assert_eq!(parse(b"\x1b[<64;1;1M"), [at(MouseEventKind::ScrollUp, 0, 0)]);
        assert_eq!(
            parse(b"\x1b[<0;3;4M\x1b[<0;3;4m"),
            [at(MouseEventKind::Down(MouseButton::Left), 2, 3), at(MouseEventKind::Up(MouseButton::Left), 2, 3),]
        );
        assert_eq!(parse(b"\x1b[M !\""), [at(MouseEventKind::Down(MouseButton::Left), 0, 1)]);
        assert_eq!(parse(b"\x1b[96;20;7M"), [at(MouseEventKind::ScrollUp, 19, 6)]);
    }

    #[test]
    fn noise_is_dropped_and_the_keys_after_it_are_read() {
        assert_eq!(parse(b"\x1b[99;99;99xq"), [press(KeyCode::Char('q'))]);
        assert_eq!(parse(b"\xff\xfeq"), [press(KeyCode::Char('q'))]);
        let mut long = b"\x1b[".to_vec();
        long.extend(std::iter::repeat_n(b'1', 200));
        long.push(b'\x03');
        assert_eq!(parse(&long).last(), Some(&with(KeyCode::Char('c'), KeyModifiers::CONTROL)));
        // A sequence broken by a control: the control is still read.
        assert_eq!(parse(b"\x1b[12\x03"), [with(KeyCode::Char('c'), KeyModifiers::CONTROL)]);
    }

    proptest! {
        /// However the bytes are split into reads, the events are the same,
        /// and nothing panics.
        #[test]
        fn reads_may_split_anywhere(bytes in proptest::collection::vec(any::<u8>(), 0..200), split in 0usize..200) {
            let split = split.min(bytes.len());
            let mut parser = Parser::default();
            let mut out = Vec::new();
            parser.feed(&bytes[..split], &mut out);
            parser.feed(&bytes[split..], &mut out);
            parser.flush(&mut out);
            prop_assert_eq!(out, parse(&bytes));
        }

        /// After any bytes and a pause, Ctrl-C is read as Ctrl-C.
        #[test]
        fn ctrl_c_is_read_after_any_noise(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let mut parser = Parser::default();
            let mut out = Vec::new();
            parser.feed(&bytes, &mut out);
            parser.flush(&mut out);
            out.clear();
            parser.feed(b"\x03", &mut out);
            prop_assert_eq!(out, vec![with(KeyCode::Char('c'), KeyModifiers::CONTROL)]);
        }
    }
}

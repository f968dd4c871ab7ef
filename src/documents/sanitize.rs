//! Makes untrusted text safe to draw: applied once, where text enters.
//!
//! A document may come from a saved web page, a PDF conversion or an email.
//! Anything that a terminal would interpret (escape sequences, C0/C1
//! controls) is turned into a visible placeholder, and anything that could
//! disguise the order or content of the text (bidirectional overrides,
//! zero-width characters) is removed, so the reader never shows text in an
//! order the file does not have.

use crate::ascii_run;

/// Columns a tab expands to (to the next multiple of this width).
pub const TAB_WIDTH: usize = 4;

/// Returns `raw` with line endings normalised to `\n`, tabs expanded, and
/// every control or disguising character neutralised.
///
/// Kept: every printable character, `\n`. Shown as a Control Picture
/// (U+2400 block, e.g. `␛` for ESC, so `ESC [31m` reads `␛[31m`): C0 controls
/// other than tab, newline, carriage return and form feed, and DEL. Shown as
/// U+FFFD: C1 controls (U+0080–U+009F). Removed: bidirectional embedding,
/// override and isolate marks, zero-width spaces and joiners, the byte-order
/// mark and soft hyphens. Form feed and U+2029 become a paragraph break,
/// U+2028 a line break.
pub fn sanitize(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let bytes = raw.as_bytes();
    // Characters since the last line break, for tab stops.
    let mut column = 0usize;
    let mut at = 0;
    while at < raw.len() {
        // Most text is printable ASCII and line feeds, kept as it is: copied
        // a run at a time rather than character by character.
        let run = printable_ascii_run(&bytes[at..]);
        if run > 0 {
            out.push_str(&raw[at..at + run]);
            column += run;
            at += run;
            continue;
        }
        if bytes[at] == b'\n' {
            out.push('\n');
            column = 0;
            at += 1;
            continue;
        }
        let Some(c) = raw[at..].chars().next() else { break };
        at += c.len_utf8();
        match c {
            '\u{2028}' => {
                out.push('\n');
                column = 0;
            }
            '\r' => {
                if bytes.get(at) == Some(&b'\n') {
                    at += 1;
                }
                out.push('\n');
                column = 0;
            }
            '\u{0C}' | '\u{2029}' => {
                out.push_str("\n\n");
                column = 0;
            }
            '\t' => {
                let spaces = TAB_WIDTH - column % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            c if is_disguising(c) => {}
            c if (c as u32) < 0x20 => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'));
                column += 1;
            }
            '\u{7F}' => {
                out.push('\u{2421}');
                column += 1;
            }
            c if ('\u{80}'..='\u{9F}').contains(&c) => {
                out.push('\u{FFFD}');
                column += 1;
            }
            c => {
                out.push(c);
                column += 1;
            }
        }
    }
    out
}

/// How many bytes `bytes` starts with that are printable ASCII (space to
/// `~`), kept as they are.
fn printable_ascii_run(bytes: &[u8]) -> usize {
    ascii_run::plain_run(bytes, not_printable_ascii, |b| (0x20..0x7F).contains(&b))
}

/// The bytes of `word` outside 0x20..=0x7E, as high bits.
fn not_printable_ascii(word: u64) -> u64 {
    ascii_run::bytes_non_ascii(word) | ascii_run::bytes_below(word, 0x20) | ascii_run::bytes_equal(word, 0x7F)
}

/// [`sanitize`] for text shown on one line (a file name in a title or a
/// warning): a file name may hold escapes, bidi marks or newlines too, and a
/// newline there would break the line it is shown on, so it becomes `␤`.
pub fn one_line(raw: &str) -> String {
    sanitize(raw).replace('\n', "\u{2424}")
}

/// [`one_line`] for `text` shown after `lead` on the same line: exactly the
/// end of `one_line(lead + text)` (tab stops count from the line's start),
/// so a message can keep its untrusted part apart from its fixed words.
/// `lead` is our own words, which sanitising leaves as they are.
pub fn one_line_after(lead: &str, text: &str) -> String {
    debug_assert_eq!(one_line(lead), lead, "the lead is plain text");
    let mut whole = one_line(&format!("{lead}{text}"));
    whole.drain(..lead.len());
    whole
}

/// Characters that change how text is ordered or hide where it differs
/// (the "Trojan Source" trick), and invisible ones with no place in prose.
pub fn is_disguising(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}'   // zero-width space/non-joiner/joiner, LRM, RLM
        | '\u{202A}'..='\u{202E}' // embeddings and overrides
        | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}' // isolates
        | '\u{061C}'              // Arabic letter mark
        | '\u{FEFF}'              // byte-order mark / zero-width no-break space
        | '\u{00AD}'              // soft hyphen
        | '\u{E0000}'..='\u{E007F}' // tag characters: invisible text a program may read
        | '\u{180E}'              // Mongolian vowel separator (once a zero-width space)
        | '\u{FFF9}'..='\u{FFFB}' // interlinear annotation marks
        | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' // Hangul fillers, drawn as blanks
    )
}

/// True when `text` holds nothing a terminal would act on: the invariant
/// [`sanitize`] establishes, checked by tests and debug assertions.
pub fn is_clean(text: &str) -> bool {
    text.chars().all(|c| c == '\n' || !(c.is_control() || is_disguising(c) || c == '\u{2028}' || c == '\u{2029}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible_text() {
        let out = sanitize("red \u{1b}[31mtext\u{1b}[0m and \u{1b}]0;title\u{7}");
        assert_eq!(out, "red \u{241B}[31mtext\u{241B}[0m and \u{241B}]0;title\u{2407}");
        assert!(is_clean(&out));
    }

    #[test]
    fn line_endings_are_normalised() {
        assert_eq!(sanitize("a\r\nb\rc\nd"), "a\nb\nc\nd");
        assert_eq!(sanitize("page\u{0C}next"), "page\n\nnext");
    }

    #[test]
    fn tabs_expand_to_the_next_stop() {
        assert_eq!(sanitize("a\tb"), "a   b");
        assert_eq!(sanitize("\tx"), "    x");
    }

    #[test]
    fn bidi_overrides_and_zero_width_characters_are_removed() {
        let out = sanitize("access\u{202E}level\u{2066}x\u{2069}\u{200B}y\u{FEFF}");
        assert_eq!(out, "accesslevelxy");
    }

    /// Characters that draw as nothing (or as a blank) but carry text a
    /// program may read: tag characters, the old Mongolian vowel separator,
    /// interlinear annotations, the Hangul fillers.
    #[test]
    fn invisible_characters_are_removed() {
        let hidden: String = "\u{E0001}\u{E0041}\u{E0062}\u{E007F}".into();
        let raw =
            format!("The{hidden} NSPCC\u{180E} said\u{FFF9}x\u{FFFA}y\u{FFFB} \u{115F}\u{1160}\u{3164}\u{FFA0}no.");
        let out = sanitize(&raw);
        assert_eq!(out, "The NSPCC saidxy no.");
        assert!(is_clean(&out));
        assert!(!is_clean(&raw));
    }

    #[test]
    fn c1_controls_are_replaced() {
        assert_eq!(sanitize("a\u{9B}31mb"), "a\u{FFFD}31mb");
    }

    #[test]
    fn file_names_are_made_safe_on_one_line() {
        let out = one_line("a\u{1b}]0;t\u{7}\nb\u{202E}c.txt");
        assert_eq!(out, "a\u{241B}]0;t\u{2407}\u{2424}bc.txt");
        assert!(is_clean(&out) && !out.contains('\n'));
    }

    /// The character-by-character definition [`sanitize`] must agree with.
    fn reference(raw: &str) -> String {
        let mut out = String::new();
        let mut column = 0usize;
        let mut chars = raw.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\n' | '\u{2028}' => {
                    out.push('\n');
                    column = 0;
                }
                '\r' => {
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    out.push('\n');
                    column = 0;
                }
                '\u{0C}' | '\u{2029}' => {
                    out.push_str("\n\n");
                    column = 0;
                }
                '\t' => {
                    let spaces = TAB_WIDTH - column % TAB_WIDTH;
                    out.extend(std::iter::repeat_n(' ', spaces));
                    column += spaces;
                }
                c if is_disguising(c) => {}
                c if (c as u32) < 0x20 => {
                    out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'));
                    column += 1;
                }
                '\u{7F}' => {
                    out.push('\u{2421}');
                    column += 1;
                }
                c if ('\u{80}'..='\u{9F}').contains(&c) => {
                    out.push('\u{FFFD}');
                    column += 1;
                }
                c => {
                    out.push(c);
                    column += 1;
                }
            }
        }
        out
    }

    #[test]
    fn runs_of_plain_text_agree_with_the_character_rules() {
        let pieces = [
            "a",
            "bc",
            "\t",
            "\n",
            "\r",
            "\r\n",
            "é",
            "“",
            "\u{1b}",
            "\u{7f}",
            "\u{9b}",
            "\u{200B}",
            "\u{2028}",
            "\u{2029}",
            "\u{0C}",
            " ",
            "漢",
            "\u{AD}",
            "xyz ",
            "a run of words longer than eight",
        ];
        // Every pair and triple, so a tab follows every kind of run.
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b}\t{c}{a}\t{b}");
                    assert_eq!(sanitize(&text), reference(&text), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn every_byte_in_every_place_of_an_eight_byte_word_is_judged_alone() {
        for byte in 0u8..0x80 {
            for place in 0..8 {
                let mut word = *b"abcdefgh";
                word[place] = byte;
                let printable = (0x20..0x7F).contains(&byte);
                assert_eq!(not_printable_ascii(u64::from_le_bytes(word)) == 0, printable, "{byte:#x} at {place}");
            }
        }
        assert_ne!(not_printable_ascii(u64::from_le_bytes(*b"abc\xC3\xA9fgh")), 0);
    }

    proptest::proptest! {
        #[test]
        fn any_text_agrees_with_the_character_rules(text in "[a-z \t\n\r\u{0}-\u{1f}\u{7f}-\u{a0}é“\u{200B}\u{2028}\u{2029}]{0,80}") {
            proptest::prop_assert_eq!(sanitize(&text), reference(&text));
        }
    }

    #[test]
    fn ordinary_text_is_untouched() {
        let text = "“Curly” quotes, ‘single’, café, 漢字, emoji 🙂, non\u{A0}breaking.";
        assert_eq!(sanitize(text), text);
    }
}

//! Makes untrusted text safe to draw: applied once, where text enters.
//!
//! A document may come from a saved web page, a PDF conversion or an email.
//! Anything that a terminal would interpret (escape sequences, C0/C1
//! controls) is turned into a visible placeholder, and anything that could
//! disguise the order or content of the text (bidirectional overrides,
//! zero-width characters) is removed, so the reader never shows text in an
//! order the file does not have.

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

/// [`sanitize`] for text shown on one line (a file name in a title or a
/// warning): a file name may hold escapes, bidi marks or newlines too, and a
/// newline there would break the line it is shown on, so it becomes `␤`.
pub fn one_line(raw: &str) -> String {
    sanitize(raw).replace('\n', "\u{2424}")
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

    #[test]
    fn ordinary_text_is_untouched() {
        let text = "“Curly” quotes, ‘single’, café, 漢字, emoji 🙂, non\u{A0}breaking.";
        assert_eq!(sanitize(text), text);
    }
}

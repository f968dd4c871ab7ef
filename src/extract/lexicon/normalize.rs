//! The form two names are compared in, by the extractor (mentions of one
//! entity), the corpus (speakers across documents) and `--speaker`.

/// Whether a lower-case word is dropped from the front of a name before
/// comparing it: "the" and the courtesy titles.
fn is_prefix(word: &str) -> bool {
    word == "the" || super::lookup(word).is(super::tag::COURTESY)
}

/// Lower-case letters and digits, without a leading "the" or honorific: the
/// form two names are compared in.
pub fn normalize_name(name: &str) -> String {
    let mut normal = String::with_capacity(name.len());
    normalize_name_into(name, &mut normal);
    normal
}

/// [`normalize_name`] for any text, with Unicode case tables and the
/// prefix list; the ASCII path must give the same result.
fn normalize_any_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| if c == '’' || c == '\'' { '\0' } else { c })
        .filter(|&c| c != '\0')
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut words: Vec<&str> = cleaned.split_whitespace().collect();
    while words.len() > 1 && is_prefix(words[0]) {
        words.remove(0);
    }
    words.join(" ")
}

/// [`normalize_name`] into a reused buffer (cleared first), so a look-up
/// by name need not allocate. An ASCII name (the extractor keys every
/// mention this way) takes one pass without Unicode case tables or a word
/// list, which also finds whether the name is ASCII; another starts again
/// on the general path.
pub fn normalize_name_into(name: &str, normal: &mut String) {
    normal.clear();
    if !normalize_ascii_name_into(name, normal) {
        normal.clear();
        normal.push_str(&normalize_any_name(name));
    }
}

/// How [`normalize_ascii_name_into`] reads each byte: 0 outside a word,
/// [`APOSTROPHE`] for `'` (inside a word, dropped), else the byte
/// lower-cased (a letter or digit).
static WORD_BYTES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        if byte.is_ascii_alphanumeric() {
            table[b] = byte.to_ascii_lowercase();
        } else if byte == b'\'' {
            table[b] = APOSTROPHE;
        }
        b += 1;
    }
    table
};

/// [`WORD_BYTES`]' mark for an apostrophe.
const APOSTROPHE: u8 = 1;

/// Appends [`normalize_name`] of an ASCII name to an empty `normal`, in one
/// pass: a word is a run of letters, digits and apostrophes (which are
/// dropped) holding at least one letter or digit. False, `normal` left
/// half written, at the first byte that is not ASCII (every byte comes to
/// the test outside a word: a word ends at one).
fn normalize_ascii_name_into(name: &str, normal: &mut String) -> bool {
    let bytes = name.as_bytes();
    normal.reserve(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if WORD_BYTES[usize::from(bytes[i])] == 0 {
            if bytes[i] >= 0x80 {
                return false;
            }
            i += 1;
            continue;
        }
        let mark = normal.len();
        if mark > 0 {
            normal.push(' ');
        }
        let begin = normal.len();
        while i < bytes.len() {
            match WORD_BYTES[usize::from(bytes[i])] {
                0 => break,
                APOSTROPHE => {}
                lower => normal.push(char::from(lower)),
            }
            i += 1;
        }
        if normal.len() == begin {
            // Apostrophes only: no word.
            normal.truncate(mark);
            continue;
        }
        // Prefixes go from the front, but never the last word.
        if mark == 0 && bytes[i..].iter().any(u8::is_ascii_alphanumeric) && is_prefix(&normal[begin..]) {
            normal.truncate(mark);
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`normalize_name`] of an ASCII name by the ASCII path alone.
    fn normalize_ascii_name(name: &str) -> String {
        let mut normal = String::new();
        assert!(normalize_ascii_name_into(name, &mut normal), "{name:?} is ASCII");
        normal
    }

    #[test]
    fn names_normalise_like_the_scorer() {
        assert_eq!(normalize_name("The Force"), "force");
        assert_eq!(normalize_name("Mr Glazer's"), "glazers");
        assert_eq!(normalize_name("Dr  Azzam Tamimi"), "azzam tamimi");
        assert_eq!(normalize_name("Shareholders United"), "shareholders united");
        assert_eq!(normalize_name("The Times’"), "times");
    }

    #[test]
    fn other_names_take_the_general_path_wherever_their_first_other_char_is() {
        for name in ["é", "Émile Zola", "Mr Émile", "The Times’", "O’Neil", "Dr  José’s X", "Mr Glazer’s", "ab’", "x é"]
        {
            assert!(!normalize_ascii_name_into(name, &mut String::new()), "{name:?}");
            let mut reused = String::from("left over");
            normalize_name_into(name, &mut reused);
            assert_eq!(reused, normalize_any_name(name), "{name:?}");
            assert_eq!(normalize_name(name), normalize_any_name(name), "{name:?}");
        }
    }

    #[test]
    fn ascii_names_normalise_as_by_the_general_path() {
        for name in [
            "",
            " ",
            "The",
            "the the",
            "Mr",
            "Mr Dr",
            "Mr Dr Who",
            "The Force",
            "  Mr  Glazer's  ",
            "O'Neil",
            "A&E Trust",
            "Lord-Smith",
            "MR. DR. X",
            "3M",
            "'",
            "Rev\tJones",
            "the\x0bBank",
            "Dr  Azzam Tamimi",
            "'' the",
            "the '' Bank",
            "Mr ''",
            "Mr 'n' Smith",
            "'' '' Dr",
            "the'",
        ] {
            assert_eq!(normalize_ascii_name(name), normalize_any_name(name), "{name:?}");
            let mut reused = String::from("left over");
            normalize_name_into(name, &mut reused);
            assert_eq!(reused, normalize_any_name(name), "{name:?}");
        }
    }
}

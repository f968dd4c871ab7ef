//! The form two names are compared in. The corpus merges speakers by it,
//! `--speaker` and the picker match typed names by it, and the extractor
//! keys its mentions by it (through the crate's `index` re-export, until
//! its rebuild takes this into the extractor itself). It imports nothing,
//! so every one of them imports it downward.

/// Words dropped from the front of a name before comparing it.
const NAME_PREFIXES: &[&str] =
    &["mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "lord", "lady", "dame", "rev", "the"];

/// Lower-case letters and digits, without a leading "the" or honorific: the
/// form two names are compared in.
pub fn normalize_name(name: &str) -> String {
    if name.is_ascii() {
        // The extractor keys every mention this way: one pass without
        // Unicode case tables or a word list.
        return normalize_ascii_name(name);
    }
    normalize_any_name(name)
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
    while words.len() > 1 && NAME_PREFIXES.contains(&words[0]) {
        words.remove(0);
    }
    words.join(" ")
}

/// [`normalize_name`] for an ASCII name, with the same result.
fn normalize_ascii_name(name: &str) -> String {
    let mut normal = String::with_capacity(name.len());
    normalize_ascii_name_into(name, &mut normal);
    normal
}

/// [`normalize_name`] into a reused buffer (cleared first), so a look-up
/// by name need not allocate.
pub fn normalize_name_into(name: &str, normal: &mut String) {
    normal.clear();
    if name.is_ascii() {
        normalize_ascii_name_into(name, normal);
    } else {
        normal.push_str(&normalize_any_name(name));
    }
}

/// Appends [`normalize_name`] of an ASCII name to an empty `normal`, in one
/// pass: a word is a run of letters, digits and apostrophes (which are
/// dropped) holding at least one letter or digit.
fn normalize_ascii_name_into(name: &str, normal: &mut String) {
    let bytes = name.as_bytes();
    let word_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'\'';
    let mut i = 0;
    while i < bytes.len() {
        if !word_byte(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && word_byte(bytes[i]) {
            i += 1;
        }
        let mark = normal.len();
        if mark > 0 {
            normal.push(' ');
        }
        let begin = normal.len();
        for &b in &bytes[start..i] {
            if b != b'\'' {
                normal.push(char::from(b.to_ascii_lowercase()));
            }
        }
        if normal.len() == begin {
            // Apostrophes only: no word.
            normal.truncate(mark);
            continue;
        }
        // Prefixes go from the front, but never the last word.
        if mark == 0 && bytes[i..].iter().any(u8::is_ascii_alphanumeric) && NAME_PREFIXES.contains(&&normal[begin..]) {
            normal.truncate(mark);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_normalise_like_the_scorer() {
        assert_eq!(normalize_name("The Force"), "force");
        assert_eq!(normalize_name("Mr Glazer's"), "glazers");
        assert_eq!(normalize_name("Dr  Azzam Tamimi"), "azzam tamimi");
        assert_eq!(normalize_name("Shareholders United"), "shareholders united");
        assert_eq!(normalize_name("The Times’"), "times");
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

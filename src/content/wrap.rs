//! Greedy word wrapping by display width: one text's lines as byte ranges.

use unicode_width::UnicodeWidthStr;

/// Greedy word wrap: byte ranges of `text`, each at most `width` columns
/// wide, breaking at spaces, and inside a word only when a word is longer
/// than a line. Spaces at a break are dropped. Empty text is one empty line.
///
/// Widths are counted per grapheme cluster, as ratatui draws them: a
/// character with a variation selector (`❤️`) or a combining mark is
/// measured, and never split, as one unit.
pub fn wrap(text: &str, width: usize) -> Vec<(usize, usize)> {
    use unicode_segmentation::UnicodeSegmentation;
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    let mut used = 0;
    let mut last_space: Option<usize> = None;
    for (i, g) in text.grapheme_indices(true) {
        if g == " " {
            if i == start {
                start = i + 1;
                continue;
            }
            last_space = Some(i);
            used += 1;
            continue;
        }
        let w = g.width();
        if used + w > width {
            match last_space {
                Some(space) if space > start => {
                    lines.push((start, trim_end(text, start, space)));
                    start = space + 1;
                    while text[start..].starts_with(' ') && start < i {
                        start += 1;
                    }
                }
                _ => {
                    if i > start {
                        lines.push((start, i));
                    }
                    start = i;
                }
            }
            last_space = None;
            used = text[start..i].graphemes(true).map(UnicodeWidthStr::width).sum();
        }
        used += w;
    }
    if start < text.len() || lines.is_empty() {
        lines.push((start.min(text.len()), trim_end(text, start.min(text.len()), text.len())));
    }
    lines
}

fn trim_end(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end_matches(' ').len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|(a, b)| &text[a..b]).collect()
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(lines("the quick brown fox", 10), vec!["the quick", "brown fox"]);
        assert_eq!(lines("the quick brown fox", 9), vec!["the quick", "brown fox"]);
        assert_eq!(lines("the quick brown fox", 100), vec!["the quick brown fox"]);
    }

    #[test]
    fn breaks_words_longer_than_a_line() {
        assert_eq!(lines("abcdefghij kl", 4), vec!["abcd", "efgh", "ij", "kl"]);
    }

    #[test]
    fn empty_text_is_one_line_and_width_zero_is_safe() {
        assert_eq!(wrap("", 10), vec![(0, 0)]);
        assert_eq!(lines("ab", 0), vec!["a", "b"]);
    }

    #[test]
    fn an_emoji_with_a_variation_selector_counts_as_drawn() {
        // "❤️" is two columns on screen, though its first character alone is one.
        assert_eq!(lines("❤\u{fe0f}s", 2), vec!["❤\u{fe0f}", "s"]);
        assert_eq!(lines("e\u{301}e\u{301}", 1), vec!["e\u{301}", "e\u{301}"]);
    }

    #[test]
    fn wide_characters_count_double() {
        assert_eq!(lines("日本語の文", 4), vec!["日本", "語の", "文"]);
    }

    #[test]
    fn every_line_fits_and_no_word_is_lost() {
        let text = "It is clear that some vulnerable young victims of child sexual exploitation have been let down";
        for width in 1..40 {
            let parts = lines(text, width);
            assert!(parts.iter().all(|l| l.width() <= width), "{width}: {parts:?}");
            assert_eq!(parts.concat().replace(' ', ""), text.replace(' ', ""));
        }
    }
}

//! How a search matches text: ignoring case, and reading straight and
//! curly apostrophes and quotation marks as the same mark, so `/it's`
//! finds "it’s" and `/"not heard"` finds “not heard”. One matcher for the
//! open view and for the search of every document, so their counts agree.

use regex::Regex;

/// Marks read as an apostrophe (straight, curly, modifier letter, prime).
const APOSTROPHES: &[char] = &['\'', '‘', '’', 'ʼ', '′', '‛'];
/// Marks read as a double quotation mark.
const QUOTES: &[char] = &['"', '“', '”', '„', '″', '‟'];

/// A compiled search.
#[derive(Debug, Clone)]
pub struct Finder {
    regex: Regex,
}

impl Finder {
    /// The matcher for `query`; `None` when it is empty.
    pub fn new(query: &str) -> Option<Finder> {
        if query.is_empty() {
            return None;
        }
        let mut pattern = String::from("(?i)");
        for c in query.chars() {
            if APOSTROPHES.contains(&c) {
                pattern.push_str(&class(APOSTROPHES));
            } else if QUOTES.contains(&c) {
                pattern.push_str(&class(QUOTES));
            } else {
                pattern.push_str(&regex::escape(c.encode_utf8(&mut [0; 4])));
            }
        }
        // Escaped literals and classes always compile; a query too long for
        // the regex size limit finds nothing rather than failing.
        Regex::new(&pattern).ok().map(|regex| Finder { regex })
    }

    /// Byte ranges of every non-overlapping match in `text`, in order.
    pub fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (usize, usize)> + 't {
        self.regex.find_iter(text).map(|m| (m.start(), m.end()))
    }

    /// How many matches `text` has.
    pub fn count(&self, text: &str) -> usize {
        self.regex.find_iter(text).count()
    }
}

/// A regex character class of `marks`.
fn class(marks: &[char]) -> String {
    let mut class = String::from("[");
    for &mark in marks {
        class.push_str(&regex::escape(mark.encode_utf8(&mut [0; 4])));
    }
    class.push(']');
    class
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, query: &str) -> Vec<(usize, usize)> {
        Finder::new(query).map(|f| f.find_iter(text).collect()).unwrap_or_default()
    }

    #[test]
    fn case_and_the_shape_of_quote_marks_do_not_matter() {
        assert_eq!(found("It’s clear it's", "it's"), vec![(0, 6), (13, 17)]);
        assert_eq!(found("it's", "IT’S"), vec![(0, 4)]);
        assert_eq!(found("simply “not heard”", "\"not heard\""), vec![(7, 22)]);
        assert_eq!(found("a.b axb", "a.b"), vec![(0, 3)], "the query is text, not a pattern");
        assert!(found("anything", "").is_empty());
    }
}

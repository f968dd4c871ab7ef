//! The helpline number check: an article may print a support number wrongly
//! (the seed prints the NSPCC helpline as 0808 500 1111). The text stays
//! verbatim; a note beside it gives the number the organisation publishes, so
//! a distressed reader never dials a number taken unchecked from an article.

use std::sync::LazyLock;

use regex::Regex;

use crate::corpus::{Document, Helpline, Manifest};
use crate::index::Note;

/// UK phone numbers as articles print them: `0808 800 5000`, `0800 1111`,
/// `+44 (0)808 800 5000`, `020-7946-0000`. Short codes such as 999 have no
/// organisation to compare against, so they are not looked for.
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\+44[\s-]?(?:\(0\)[\s-]?)?|\b0)\d{2,4}(?:[\s-]?\d{2,4}){1,3}\b").expect("phone pattern is valid")
});

/// How far before a number (in bytes) an organisation's name may stand to
/// count as "named beside it".
const CONTEXT_BEFORE: usize = 120;

/// Digits of a number in national form: `+44 (0)808 800 5000` → `08088005000`.
pub fn national_digits(number: &str) -> String {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let without_zero = number.contains("(0)");
    match digits.strip_prefix("44") {
        Some(rest) if number.trim_start().starts_with('+') => {
            let rest = if without_zero { rest.strip_prefix('0').unwrap_or(rest) } else { rest };
            format!("0{rest}")
        }
        _ => digits,
    }
}

/// Phone numbers in a paragraph with their byte ranges.
pub fn find_numbers(paragraph: &str) -> Vec<(std::ops::Range<usize>, &str)> {
    PHONE
        .find_iter(paragraph)
        .filter(|m| (7..=11).contains(&national_digits(m.as_str()).len()))
        .map(|m| (m.range(), m.as_str()))
        .collect()
}

/// Names by which an organisation may be named in an article: its manifest
/// id, name and aliases, and the short labels of its helplines.
fn organisation_names<'m>(manifest: &'m Manifest, organisation: &'m str) -> Vec<&'m str> {
    let mut names = vec![organisation];
    if let Some(speaker) = manifest.speakers.iter().find(|s| s.id == organisation) {
        names.push(&speaker.name);
        names.extend(speaker.aliases.iter().map(String::as_str));
    }
    names.extend(
        manifest.helplines.iter().filter(|h| h.organisation.as_deref() == Some(organisation)).map(|h| h.short.as_str()),
    );
    names
}

/// The organisation's display name for a note ("NSPCC").
fn organisation_name<'m>(manifest: &'m Manifest, organisation: &'m str) -> &'m str {
    manifest.speakers.iter().find(|s| s.id == organisation).map_or(organisation, |s| s.name.as_str())
}

fn contains_word(haystack: &str, needle: &str) -> bool {
    let haystack = haystack.to_lowercase();
    let needle = needle.to_lowercase();
    haystack.match_indices(&needle).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Notes for every number printed beside an organisation that runs a
/// helpline, where the number is not one the organisation publishes.
pub fn check_numbers(documents: &[Document], manifest: &Manifest) -> Vec<Note> {
    let organisations: Vec<&str> = {
        let mut ids: Vec<&str> = manifest.helplines.iter().filter_map(|h| h.organisation.as_deref()).collect();
        ids.dedup();
        ids
    };
    let mut notes = Vec::new();
    for (doc_index, doc) in documents.iter().enumerate() {
        for (para_index, paragraph) in doc.paragraphs.iter().enumerate() {
            for (range, found) in find_numbers(paragraph) {
                let mut context_start = range.start.saturating_sub(CONTEXT_BEFORE);
                while !paragraph.is_char_boundary(context_start) {
                    context_start -= 1;
                }
                let context = &paragraph[context_start..range.start];
                let Some(organisation) = organisations
                    .iter()
                    .copied()
                    .find(|org| organisation_names(manifest, org).iter().any(|name| contains_word(context, name)))
                else {
                    continue;
                };
                let published: Vec<&Helpline> =
                    manifest.helplines.iter().filter(|h| h.organisation.as_deref() == Some(organisation)).collect();
                let digits = national_digits(found);
                if published.iter().any(|h| national_digits(&h.number) == digits) {
                    continue;
                }
                // The helpline the article means: the one it names, else the organisation's first.
                let meant = published
                    .iter()
                    .find(|h| contains_word(context, &h.name))
                    .or_else(|| published.iter().find(|h| h.short != h.name && contains_word(context, &h.short)))
                    .unwrap_or(&published[0]);
                notes.push(Note {
                    document: doc_index,
                    paragraph: para_index,
                    found: found.to_string(),
                    published: meant.number.clone(),
                    helpline: meant.name.clone(),
                    organisation: organisation_name(manifest, organisation).to_string(),
                });
            }
        }
    }
    notes
}

impl Note {
    /// The sentence shown beneath the paragraph, in plain output and in JSON.
    pub fn message(&self) -> String {
        let helpline = if self.helpline.to_lowercase().starts_with(&self.organisation.to_lowercase()) {
            "its helpline".to_string()
        } else {
            self.helpline.clone()
        };
        format!(
            "The {} publishes {helpline} as {}; this article prints {}.",
            self.organisation, self.published, self.found
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest() -> Manifest {
        crate::corpus::load::embedded_manifest()
    }

    fn doc(paragraphs: &[&str]) -> Document {
        Document {
            id: "d".into(),
            title: "T".into(),
            source: None,
            date: None,
            origin: "d.txt".into(),
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        }
    }

    #[test]
    fn finds_uk_numbers_in_their_usual_forms() {
        let found: Vec<&str> =
            find_numbers("Call 0808 800 5000, 0800 1111, +44 (0)20 7946 0000 or 01234-567890 today; not 1998.")
                .into_iter()
                .map(|(_, n)| n)
                .collect();
        assert_eq!(found, vec!["0808 800 5000", "0800 1111", "+44 (0)20 7946 0000", "01234-567890"]);
        assert_eq!(national_digits("+44 (0)808 800 5000"), "08088005000");
        assert_eq!(national_digits("+44 808 800 5000"), "08088005000");
    }

    #[test]
    fn a_wrong_number_beside_the_organisation_gets_a_note() {
        let notes =
            check_numbers(&[doc(&["Intro.", "Adults can call the NSPCC helpline on 0808 500 1111."])], &manifest());
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].paragraph, 1);
        assert_eq!(
            notes[0].message(),
            "The NSPCC publishes its helpline as 0808 800 5000; this article prints 0808 500 1111."
        );
    }

    #[test]
    fn published_numbers_and_unrelated_numbers_get_no_note() {
        let notes = check_numbers(
            &[doc(&[
                "Call the NSPCC on 0808 800 5000 or Childline on 0800 1111.",
                "The council's office is on 01234 567890.",
            ])],
            &manifest(),
        );
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn the_named_helpline_is_the_one_compared() {
        let notes = check_numbers(&[doc(&["Young people can call Childline on 0800 1112."])], &manifest());
        assert_eq!(notes[0].published, "0800 1111");
        assert_eq!(notes[0].message(), "The NSPCC publishes Childline as 0800 1111; this article prints 0800 1112.");
    }
}

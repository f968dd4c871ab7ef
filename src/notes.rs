//! The helpline number check: an article may print a support number wrongly
//! (the seed prints the NSPCC helpline as 0808 500 1111). The text stays
//! verbatim; a note beside it gives the number the organisation publishes, so
//! a distressed reader never dials a number taken unchecked from an article.

use std::sync::LazyLock;

use regex::Regex;

use crate::documents::manifest::SpeakerMeta;
use crate::documents::{Document, Helpline, Manifest};

/// UK phone numbers as articles print them: `0808 800 5000`, `0800 1111`,
/// `+44 (0)808 800 5000`, `020-7946-0000`, and the emergency number `999`.
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\+44[\s-]?(?:\(0\)[\s-]?)?|\b0)\d{2,4}(?:[\s-]?\d{2,4}){1,3}\b|\b999\b")
        .expect("phone pattern is valid")
});

/// A mismatch between a phone number printed in a document and the number
/// the organisation publishes for the same helpline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Index into the corpus' documents.
    pub document: usize,
    /// 0-based paragraph index.
    pub paragraph: usize,
    /// The number as the article prints it.
    pub found: String,
    /// The number the organisation publishes.
    pub published: String,
    /// The helpline's name ("NSPCC helpline").
    pub helpline: String,
    /// The display name of the organisation that runs it ("NSPCC").
    pub organisation: String,
}

/// Short numbers that are phone numbers on their own (not part of `1,999`).
const SHORT_CODES: &[&str] = &["999"];

/// Most digits a short code has.
const SHORT_CODE_DIGITS: usize = 3;

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
        .filter(|m| {
            if SHORT_CODES.contains(&m.as_str()) {
                // "£999" or "1,999" is an amount, not a call.
                let before = paragraph[..m.start()].chars().next_back();
                let after = paragraph[m.end()..].chars().next();
                let amount = before.is_some_and(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '£' | '$' | '€'))
                    || after.is_some_and(|c| {
                        matches!(c, ',' | '.') && paragraph[m.end() + 1..].starts_with(|d: char| d.is_ascii_digit())
                    });
                !amount
            } else {
                (7..=11).contains(&national_digits(m.as_str()).len())
            }
        })
        .map(|m| (m.range(), m.as_str()))
        .collect()
}

/// The manifest entry for a helpline's organisation: the corpus' own, else
/// the embedded manifest's (whose helplines a corpus without any uses).
fn organisation_meta<'m>(
    manifest: &'m Manifest,
    embedded: &'m Manifest,
    organisation: &str,
) -> Option<&'m SpeakerMeta> {
    manifest.speakers.iter().chain(&embedded.speakers).find(|s| s.id == organisation)
}

/// Names by which an organisation may be named in an article: its manifest
/// id, name and aliases, and the short labels of its helplines.
fn organisation_names<'m>(manifest: &'m Manifest, embedded: &'m Manifest, organisation: &'m str) -> Vec<&'m str> {
    let mut names = vec![organisation];
    if let Some(speaker) = organisation_meta(manifest, embedded, organisation) {
        names.push(&speaker.name);
        names.extend(speaker.aliases.iter().map(String::as_str));
    }
    names.extend(
        manifest.helplines.iter().filter(|h| h.organisation.as_deref() == Some(organisation)).map(|h| h.short.as_str()),
    );
    names
}

/// The organisation's display name for a note ("NSPCC").
fn organisation_name<'m>(manifest: &'m Manifest, embedded: &'m Manifest, organisation: &'m str) -> &'m str {
    organisation_meta(manifest, embedded, organisation).map_or(organisation, |s| s.name.as_str())
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
    let mut notes = Vec::new();
    for (doc_index, doc) in documents.iter().enumerate() {
        notes.extend(check_document(doc, manifest).into_iter().map(|note| Note { document: doc_index, ..note }));
    }
    notes
}

/// The embedded manifest, parsed once: its organisations name the
/// publishers of the embedded helplines a corpus falls back on.
static EMBEDDED: LazyLock<Manifest> = LazyLock::new(crate::documents::embedded_manifest);

/// [`check_numbers`] for one document, its notes' `document` 0. Cheap to
/// call per document, so the loader runs it on the thread that read it.
pub fn check_document(doc: &Document, manifest: &Manifest) -> Vec<Note> {
    let publishers = publishers(manifest, &EMBEDDED);
    let mut notes = Vec::new();
    for (para_index, paragraph) in doc.paragraphs.iter().enumerate() {
        for (range, found) in find_numbers(paragraph) {
            let context_start = paragraph.floor_char_boundary(range.start.saturating_sub(CONTEXT_BEFORE));
            let context = &paragraph[context_start..range.start];
            let digits = national_digits(found);
            let Some(publisher) = publishers.iter().find(|p| {
                // A helpline with no organisation (Emergency 999) only judges short codes:
                // "in an emergency, call the council on 01234 …" is not a wrong 999.
                let comparable = p.organisation.is_some() || digits.len() <= SHORT_CODE_DIGITS;
                comparable && p.names.iter().any(|name| contains_word(context, name))
            }) else {
                continue;
            };
            if publisher.helplines.iter().any(|h| national_digits(&h.number) == digits) {
                continue;
            }
            // The helpline the article means: the one it names, else the publisher's first.
            let meant = publisher
                .helplines
                .iter()
                .find(|h| contains_word(context, &h.name))
                .or_else(|| publisher.helplines.iter().find(|h| h.short != h.name && contains_word(context, &h.short)))
                .unwrap_or(&publisher.helplines[0]);
            notes.push(Note {
                document: 0,
                paragraph: para_index,
                found: found.to_string(),
                published: meant.number.clone(),
                helpline: meant.name.clone(),
                organisation: publisher.display.to_string(),
            });
        }
    }
    notes
}

/// Who publishes a set of helplines, and the names that identify it in text.
struct Publisher<'m> {
    /// The organisation's id; `None` for a helpline that stands alone.
    organisation: Option<&'m str>,
    names: Vec<&'m str>,
    display: &'m str,
    helplines: Vec<&'m Helpline>,
}

/// One publisher per organisation that runs helplines (NSPCC: its helpline
/// and Childline), and one per helpline with no organisation (Emergency),
/// named by the helpline's own name.
fn publishers<'m>(manifest: &'m Manifest, embedded: &'m Manifest) -> Vec<Publisher<'m>> {
    let mut publishers: Vec<Publisher<'m>> = Vec::new();
    for helpline in &manifest.helplines {
        match helpline.organisation.as_deref() {
            Some(organisation) => {
                let display = organisation_name(manifest, embedded, organisation);
                match publishers.iter_mut().find(|p| p.display == display) {
                    Some(publisher) => publisher.helplines.push(helpline),
                    None => publishers.push(Publisher {
                        organisation: Some(organisation),
                        names: organisation_names(manifest, embedded, organisation),
                        display,
                        helplines: vec![helpline],
                    }),
                }
            }
            None => publishers.push(Publisher {
                organisation: None,
                names: vec![&helpline.name, &helpline.short],
                display: &helpline.name,
                helplines: vec![helpline],
            }),
        }
    }
    publishers
}

impl Note {
    /// The sentence shown beneath the paragraph, in plain output and in JSON.
    pub fn message(&self) -> String {
        if self.helpline == self.organisation {
            return format!(
                "The published number for {} is {}; this article prints {}.",
                self.helpline, self.published, self.found
            );
        }
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
        crate::documents::embedded_manifest()
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
    fn a_corpus_without_speakers_still_names_the_organisation() {
        let manifest = Manifest { helplines: manifest().helplines, ..Manifest::default() };
        let notes = check_numbers(&[doc(&["Call the NSPCC helpline on 0808 500 1111."])], &manifest);
        assert_eq!(
            notes[0].message(),
            "The NSPCC publishes its helpline as 0808 800 5000; this article prints 0808 500 1111."
        );
    }

    #[test]
    fn the_emergency_number_is_found_and_amounts_are_not() {
        let found: Vec<&str> = find_numbers("In an emergency call 999. It cost £999 or 1,999 votes.")
            .into_iter()
            .map(|(_, n)| n)
            .collect();
        assert_eq!(found, vec!["999"]);
        let notes = check_numbers(
            &[doc(&["In an emergency call 999.", "In an emergency out of hours, call the council on 0800 999 7677."])],
            &manifest(),
        );
        assert!(notes.is_empty(), "999 is right, and a long number is not a wrong 999: {notes:?}");
        let wrong = Note {
            document: 0,
            paragraph: 0,
            found: "998".into(),
            published: "999".into(),
            helpline: "Emergency".into(),
            organisation: "Emergency".into(),
        };
        assert_eq!(wrong.message(), "The published number for Emergency is 999; this article prints 998.");
    }

    #[test]
    fn the_named_helpline_is_the_one_compared() {
        let notes = check_numbers(&[doc(&["Young people can call Childline on 0800 1112."])], &manifest());
        assert_eq!(notes[0].published, "0800 1111");
        assert_eq!(notes[0].message(), "The NSPCC publishes Childline as 0800 1111; this article prints 0800 1112.");
    }
}

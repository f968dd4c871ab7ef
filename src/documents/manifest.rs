//! The optional `corpus.toml` beside a corpus: it refines what the extractor
//! finds (titles, sources, display names, aliases) and declares the checked
//! helplines. Nothing in it is needed for statements to be found.

use serde::{Deserialize, Serialize};

use super::sanitize;
use crate::extract::SpeakerKind;

/// File name of the manifest inside a corpus folder.
pub const MANIFEST_FILE: &str = "corpus.toml";

/// The parsed manifest. Unknown keys are rejected so a typo is reported
/// instead of silently ignored.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// A short, neutral sentence saying what the documents cover, shown
    /// before any article text.
    pub content_note: Option<String>,
    #[serde(default, rename = "document")]
    /// What the manifest says about each document (`[[document]]`).
    pub documents: Vec<DocumentMeta>,
    #[serde(default, rename = "speaker")]
    /// Names and ids for speakers (`[[speaker]]`).
    pub speakers: Vec<SpeakerMeta>,
    #[serde(default, rename = "helpline")]
    /// The helplines to show (`[[helpline]]`), in order.
    pub helplines: Vec<Helpline>,
    /// Entries refused while reading (a helpline whose number is not a
    /// number), for the loader to name beside the file.
    #[serde(skip)]
    pub refused: Vec<Refused>,
}

/// A manifest entry refused as it was read: which key, and why. What
/// follows the manifest's name in a warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// Where in the manifest: "helpline 2, key `number`".
    pub key: String,
    /// Why, in plain words, ending with what was done.
    pub why: String,
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.key, self.why)
    }
}

/// Longest stretch of a manifest line quoted in a syntax error, in characters.
pub const MAX_QUOTED_CHARS: usize = 120;

/// What the manifest says about one document, matched by file name.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentMeta {
    /// File name relative to the manifest's folder.
    pub file: String,
    /// The title to show instead of the one found in the text.
    pub title: Option<String>,
    /// Where it was published ("Bucks Free Press").
    pub source: Option<String>,
    /// When it was published ("April 2017").
    pub date: Option<String>,
}

/// A manifest that is not valid TOML (or names an unknown key): toml's
/// message, where, and a short quote of the place.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct SyntaxError(String);

impl SyntaxError {
    fn new(text: &str, err: &toml::de::Error) -> SyntaxError {
        let message = err.message().trim();
        let Some(span) = err.span() else { return SyntaxError(message.to_string()) };
        let at = floor_char_boundary(text, span.start.min(text.len()));
        let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
        let line_end = text[at..].find('\n').map_or(text.len(), |n| at + n);
        let line = text[..at].matches('\n').count() + 1;
        let column = text[line_start..at].chars().count() + 1;
        let before: Vec<char> = text[line_start..at].chars().collect();
        let keep_before = before.len().min(MAX_QUOTED_CHARS / 2);
        let after: String = text[at..line_end].chars().take(MAX_QUOTED_CHARS - keep_before).collect();
        let cut_before = if keep_before < before.len() { "…" } else { "" };
        let cut_after = if at + after.len() < line_end { "…" } else { "" };
        let quoted: String = before[before.len() - keep_before..].iter().collect();
        let quote = one_line(&format!("{cut_before}{quoted}{after}{cut_after}"));
        SyntaxError(format!("line {line}, column {column}: {message} (at “{}”)", quote.trim_end_matches('\r')))
    }
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A string shown on one line, sanitised as document text is; a line break
/// in it becomes a space.
fn one_line(raw: &str) -> String {
    sanitize::sanitize(raw).split('\n').filter(|part| !part.trim().is_empty()).collect::<Vec<_>>().join(" ")
}

/// What a helpline number may hold: digits, spaces, `+`, `(`, `)`, `-`.
/// Anything else could hide or change what a reader dials.
pub fn is_phone_number(number: &str) -> bool {
    number.chars().any(|c| c.is_ascii_digit())
        && number.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '(' | ')' | '-'))
}

impl Helpline {
    fn make_safe(&mut self) {
        for field in [&mut self.name, &mut self.short, &mut self.source, &mut self.checked] {
            *field = one_line(field);
        }
        for field in
            [&mut self.organisation, &mut self.email, &mut self.hours, &mut self.audience].into_iter().flatten()
        {
            *field = one_line(field);
        }
        if self.short.is_empty() {
            self.short = self.name.clone();
        }
    }

    /// The key and reason a helpline cannot be shown, if one.
    fn refusal(&self) -> Option<(&'static str, &'static str)> {
        if self.number.trim().is_empty() {
            Some(("number", "is empty"))
        } else if !is_phone_number(&self.number) {
            Some(("number", "holds something other than digits, spaces, + ( ) and -"))
        } else if self.name.is_empty() {
            Some(("name", "is empty"))
        } else {
            None
        }
    }
}

/// A speaker's preferred id, display name and aliases. It applies to any
/// speaker the extractor finds under one of these names.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeakerMeta {
    /// The id `--speaker` and the JSON use ("tvp").
    pub id: String,
    /// The name shown ("Thames Valley Police").
    pub name: String,
    /// A label of a few characters for the reader's gutter ("TVP").
    pub short: Option<String>,
    #[serde(default)]
    /// Other names the documents may use for it.
    pub aliases: Vec<String>,
    /// Organisation, person or group.
    pub kind: SpeakerKind,
}

/// A support line shown in the status bar. Only numbers checked against the
/// organisation's own published page belong here, never one read from an article.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Helpline {
    /// "NSPCC helpline".
    pub name: String,
    /// The shortest useful label ("NSPCC"), used when the screen is narrow.
    pub short: String,
    /// As the organisation publishes it ("0808 800 5000").
    pub number: String,
    /// Id of the speaker (organisation) that runs it, for the number check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// An address for those who would rather write.
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// When it answers, in the organisation's words.
    pub hours: Option<String>,
    /// Who the line is for.
    #[serde(default, rename = "for", skip_serializing_if = "Option::is_none")]
    pub audience: Option<String>,
    /// Where the number was checked.
    pub source: String,
    /// The month it was checked (YYYY-MM).
    pub checked: String,
    /// Listed on the support screen and the content note only, not in the
    /// status bar (which keeps to the few lines that fit beside the keys).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub support_only: bool,
}

impl Manifest {
    /// Parses manifest text. A manifest arrives with its folder and is as
    /// untrusted as the articles, so every string shown is sanitised here,
    /// as document text is, and a helpline whose number is not a number is
    /// refused (listed in [`Manifest::refused`]). The error names line and
    /// column and quotes at most [`MAX_QUOTED_CHARS`] around the column.
    pub fn parse(text: &str) -> Result<Manifest, SyntaxError> {
        let mut manifest: Manifest = toml::from_str(text).map_err(|err| SyntaxError::new(text, &err))?;
        manifest.make_safe();
        Ok(manifest)
    }

    /// Sanitises every string that is shown and refuses helplines that
    /// would show a wrong or empty number.
    fn make_safe(&mut self) {
        self.content_note = self.content_note.as_deref().map(sanitize::sanitize);
        for doc in &mut self.documents {
            // `file` is only matched against file names, never shown.
            for field in [&mut doc.title, &mut doc.source, &mut doc.date].into_iter().flatten() {
                *field = one_line(field);
            }
        }
        for speaker in &mut self.speakers {
            speaker.id = one_line(&speaker.id);
            speaker.name = one_line(&speaker.name);
            speaker.short = speaker.short.as_deref().map(one_line);
            speaker.aliases.iter_mut().for_each(|alias| *alias = one_line(alias));
        }
        let helplines = std::mem::take(&mut self.helplines);
        for (index, mut helpline) in helplines.into_iter().enumerate() {
            helpline.make_safe();
            match helpline.refusal() {
                None => self.helplines.push(helpline),
                Some((key, why)) => self.refused.push(Refused {
                    key: format!("helpline {}, key `{key}`", index + 1),
                    why: format!("{why}; that helpline was refused"),
                }),
            }
        }
    }

    /// The manifest entry for a document file name, if any.
    pub fn document(&self, file: &str) -> Option<&DocumentMeta> {
        self.documents.iter().find(|meta| meta.file == file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_all_sections() {
        let manifest = Manifest::parse(
            r#"
            [[document]]
            file = "a.txt"
            title = "A"
            [[speaker]]
            id = "nspcc"
            name = "NSPCC"
            aliases = ["National Society for the Prevention of Cruelty to Children"]
            kind = "organisation"
            [[helpline]]
            name = "NSPCC helpline"
            short = "NSPCC"
            number = "0808 800 5000"
            for = "adults worried about a child"
            source = "NSPCC"
            checked = "2026-11"
            "#,
        )
        .unwrap();
        assert_eq!(manifest.document("a.txt").unwrap().title.as_deref(), Some("A"));
        assert_eq!(manifest.speakers[0].kind, SpeakerKind::Organisation);
        assert_eq!(manifest.helplines[0].audience.as_deref(), Some("adults worried about a child"));
    }

    #[test]
    fn a_typo_is_an_error_not_ignored() {
        let err =
            Manifest::parse("[[speaker]]\nid = \"x\"\nname = \"X\"\nkind = \"person\"\nalias = []\n").unwrap_err();
        assert!(err.to_string().contains("alias"), "{err}");
    }

    const HELPLINE: &str = "[[helpline]]\nname = \"N\"\nshort = \"N\"\nsource = \"s\"\nchecked = \"2026-11\"\n";

    #[test]
    fn every_shown_string_is_sanitised_where_it_is_read() {
        let manifest = Manifest::parse(
            "content_note = \"note \\u001b]52;c;aGk=\\u0007\"\n\
             [[document]]\nfile = \"a.txt\"\ntitle = \"T\\u001b]0;x\\u0007\\u202e\"\n\
             [[speaker]]\nid = \"x\"\nname = \"Evil\\u001b[8m hidden\\nname\"\nkind = \"person\"\naliases = [\"a\\u009b\"]\n",
        )
        .unwrap();
        let shown = [
            manifest.content_note.clone().unwrap(),
            manifest.documents[0].title.clone().unwrap(),
            manifest.speakers[0].name.clone(),
            manifest.speakers[0].aliases[0].clone(),
        ];
        for text in &shown {
            assert!(sanitize::is_clean(text) && !text.contains('\n'), "{text:?}");
        }
        assert_eq!(manifest.speakers[0].name, "Evil\u{241B}[8m hidden name");
    }

    #[test]
    fn a_helpline_number_that_is_not_a_number_is_refused() {
        for (number, why) in [
            ("0800 \\u001b[8mHIDDEN\\u001b[0m 000", "holds something other than digits"),
            ("0800 CALL NOW", "holds something other than digits"),
            ("", "is empty"),
            ("  ", "is empty"),
            ("+-()", "holds something other than digits"),
        ] {
            let text = format!("{HELPLINE}number = \"{number}\"\n");
            let manifest = Manifest::parse(&text).unwrap();
            assert!(manifest.helplines.is_empty(), "{number:?} was kept");
            assert_eq!(manifest.refused[0].key, "helpline 1, key `number`");
            assert!(manifest.refused[0].why.contains(why), "{:?}", manifest.refused);
        }
        let manifest = Manifest::parse(&format!("{HELPLINE}number = \"+44 (0)808 800-5000\"\n")).unwrap();
        assert_eq!(manifest.helplines.len(), 1);
        assert!(manifest.refused.is_empty());
        let unnamed = HELPLINE.replace("name = \"N\"", "name = \"\"");
        let manifest = Manifest::parse(&format!("{unnamed}number = \"0808 800 5000\"\n")).unwrap();
        assert!(manifest.helplines.is_empty() && manifest.refused[0].key.ends_with("`name`"));
    }

    #[test]
    fn a_syntax_error_quotes_at_most_120_characters_around_the_column() {
        let line = format!("title = \"{}\" {} = 1", "a".repeat(5000), "b".repeat(5000));
        let err = Manifest::parse(&format!("[[document]]\n{line}\n")).unwrap_err().to_string();
        assert!(err.starts_with("line 2, column "), "{err}");
        let quoted = err.split_once('“').unwrap().1.trim_end_matches("”)").trim_matches('…');
        assert!(quoted.chars().count() <= MAX_QUOTED_CHARS, "{} chars quoted", quoted.chars().count());
        assert!(err.chars().count() < 300, "{err}");
        let short = Manifest::parse("[[document]\n").unwrap_err().to_string();
        assert!(short.starts_with("line 1, column"), "{short}");
    }
}

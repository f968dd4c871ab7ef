//! The optional `corpus.toml` beside a corpus: it refines what the extractor
//! finds (titles, sources, display names, aliases) and declares the checked
//! helplines. Nothing in it is needed for statements to be found.

use serde::{Deserialize, Serialize};

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
}

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
    /// Parses manifest text; the error is toml's, which names line and column.
    pub fn parse(text: &str) -> Result<Manifest, toml::de::Error> {
        toml::from_str(text)
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
}

//! The command line, as clap sees it. Kept apart from `main` so tests and
//! the man-page generator can build the same parser.

use std::path::PathBuf;

use clap::{Parser, ValueEnum};

/// How results are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The interactive reader (the default when output is a terminal).
    Tui,
    /// Statements grouped by speaker, as plain text (the default when piped).
    Plain,
    /// One JSON document, for scripts (schema in the README).
    Json,
    /// A shareable Markdown summary: speakers as headings, statements as
    /// quotes with their source, helplines at the end.
    Markdown,
}

const EXAMPLES: &str = "\
Examples:
  voices                              read the built-in articles
  voices --speaker nspcc              only what the NSPCC said
  voices --speaker bscb --speaker tvp two speakers at once
  voices articles/ --format plain     every .txt/.md file under articles/
  voices report.txt --format json     statements as JSON, for scripts
  cat article.txt | voices -          read an article from standard input
  voices --list-speakers              who speaks, with counts

Support: NSPCC helpline 0808 800 5000 · Childline 0800 1111 · Emergency 999";

/// Read news coverage and reports by who said what.
///
/// voices finds the statements in plain-text articles (direct quotes and
/// reported speech), works out who made each one, and lets you read them by
/// speaker. It works offline and writes nothing to disk.
#[derive(Debug, Clone, Parser)]
#[command(name = "voices", version, about, long_about, after_help = EXAMPLES)]
pub struct Cli {
    /// Files or folders to read (folders are searched for .txt and .md files);
    /// `-` reads standard input. Without paths, the built-in articles are read.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Show only this speaker: an id, name or alias, or a unique part of one
    /// (any case). Repeat it to show several.
    #[arg(short, long = "speaker", value_name = "NAME")]
    pub speakers: Vec<String>,

    /// How to show the results [default: tui on a terminal, plain otherwise].
    #[arg(short, long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,

    /// Print the speakers with their statement counts, then exit.
    #[arg(long)]
    pub list_speakers: bool,
}

impl Cli {
    /// The format to use given whether standard output is a terminal.
    pub fn effective_format(&self, stdout_is_terminal: bool) -> Format {
        self.format.unwrap_or(if stdout_is_terminal { Format::Tui } else { Format::Plain })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_parser_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn format_defaults_follow_the_terminal() {
        let cli = Cli::parse_from(["voices"]);
        assert_eq!(cli.effective_format(true), Format::Tui);
        assert_eq!(cli.effective_format(false), Format::Plain);
        let cli = Cli::parse_from(["voices", "--format", "json", "--speaker", "a", "-s", "b", "x.txt"]);
        assert_eq!(cli.effective_format(true), Format::Json);
        assert_eq!(cli.speakers, vec!["a", "b"]);
    }
}

//! The command line, as clap sees it. Kept apart from `main` so tests and
//! the man-page generator can build the same parser.

use std::path::PathBuf;

use clap::{Parser, ValueEnum};

pub use crate::ui::theme::ColorChoice;

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
  voices articles/ --format plain     every .txt/.md/.html/.pdf file under articles/
  voices report.txt --format json     statements as JSON, for scripts
  cat article.txt | voices -          read an article from standard input
  voices --list-speakers              who speaks, with counts
  voices --idle-exit 2                quick exit after 2 minutes with no input
  voices report.pdf -f markdown       a Markdown summary to share
  voices --generate completions bash  a completion script (also: man, zsh, fish)

Support: NSPCC helpline 0808 800 5000 · Childline 0800 1111 · Emergency 999";

/// Read news coverage and reports by who said what.
///
/// voices finds the statements in articles and reports (plain text,
/// Markdown, saved web pages, PDF): direct quotes and reported speech. It
/// works out who made each one and lets you read them by speaker. It works
/// offline and writes nothing to disk.
#[derive(Debug, Clone, Parser)]
#[command(name = "voices", version, about, long_about, after_help = EXAMPLES)]
pub struct Cli {
    /// Files or folders to read: plain text, Markdown (.md), saved web pages
    /// (.html, .htm) and PDFs with a text layer (folders are searched for all
    /// of these); `-` reads standard input. Without paths, the built-in articles are read.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Show only this speaker: an id, name or alias, or a unique part of one
    /// (any case). Repeat it to show several.
    #[arg(short, long = "speaker", value_name = "NAME")]
    pub speakers: Vec<String>,

    /// How to show the results [default: tui on a terminal, plain otherwise].
    #[arg(short, long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,

    /// Colour in the reader: auto (colour unless NO_COLOR is set), always, or never.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Leave the mouse to the terminal (for selecting text) instead of
    /// scrolling and clicking in the reader.
    #[arg(long)]
    pub no_mouse: bool,

    /// After this many minutes without any input (key, wheel, click, resize,
    /// paste), the reader does a quick exit (clears the screen and closes),
    /// for a reader who walks away from a shared screen. 0 never does.
    #[arg(long, value_name = "MINUTES", default_value_t = 10)]
    pub idle_exit: u64,

    /// Test-only: the idle exit in seconds instead of minutes, so a test
    /// need not wait minutes. Hidden from --help and the man page.
    #[arg(long, value_name = "SECONDS", hide = true)]
    pub idle_exit_seconds: Option<u64>,

    /// Open the reader without the content note (what the documents cover,
    /// and the helplines) that it shows first.
    #[arg(long)]
    pub no_content_note: bool,

    /// Print the speakers with their statement counts, then exit.
    #[arg(long)]
    pub list_speakers: bool,

    /// Print the manual page (`--generate man`) or a shell completion script
    /// (`--generate completions bash|zsh|fish`) to standard output, then
    /// exit. Used to package voices; see packaging/build-deb.sh.
    #[arg(
        long,
        num_args = 1..=2,
        value_names = ["WHAT", "SHELL"],
        value_parser = ["man", "completions", "bash", "zsh", "fish"],
        // The list would offer `--generate bash`, which is refused: the
        // words above say what to write.
        hide_possible_values = true,
    )]
    pub generate: Option<Vec<String>>,
}

/// What `--generate` asked for, checked; kept as a type so `main` cannot
/// act on a half-valid request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generate {
    /// The roff manual page, for `man 1 voices`.
    Man,
    /// A completion script for one shell.
    Completions(clap_complete::Shell),
}

impl Cli {
    /// The checked `--generate` request, or a clap error (exit code 2) that
    /// says what to write instead.
    pub fn generate_request(&self) -> Result<Option<Generate>, clap::Error> {
        use clap::CommandFactory;
        use clap::error::ErrorKind;
        let Some(values) = &self.generate else { return Ok(None) };
        let words: Vec<&str> = values.iter().map(String::as_str).collect();
        let shell = |name: &str| match name {
            "bash" => Some(clap_complete::Shell::Bash),
            "zsh" => Some(clap_complete::Shell::Zsh),
            "fish" => Some(clap_complete::Shell::Fish),
            _ => None,
        };
        match words.as_slice() {
            ["man"] => Ok(Some(Generate::Man)),
            ["completions", name] if shell(name).is_some() => Ok(shell(name).map(Generate::Completions)),
            _ => Err(Cli::command().error(
                ErrorKind::InvalidValue,
                format!("--generate takes `man` or `completions bash|zsh|fish`, not `{}`", words.join(" ")),
            )),
        }
    }

    /// How long the reader waits without any input before its quick exit;
    /// `None` when it never does (`--idle-exit 0`).
    pub fn idle_exit(&self) -> Option<std::time::Duration> {
        let seconds = self.idle_exit_seconds.unwrap_or(self.idle_exit.saturating_mul(60));
        (seconds > 0).then(|| std::time::Duration::from_secs(seconds))
    }

    /// The format to use given whether standard output is a terminal.
    pub fn effective_format(&self, stdout_is_terminal: bool) -> Format {
        self.format.unwrap_or(if stdout_is_terminal { Format::Tui } else { Format::Plain })
    }
}

/// Whether standard output was closed when voices started (`voices
/// --format plain >&-`). Rust's runtime then opens `/dev/null` read-write
/// in its place, so the output would vanish with exit code 0; `main` says
/// so and exits 1 instead, as it does when the output cannot be written
/// (`>/dev/full`). A shell's `>/dev/null` opens it write-only, and is kept.
#[allow(unsafe_code)]
pub fn stdout_is_closed() -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{FileTypeExt, MetadataExt};
        // SAFETY: `fcntl(F_GETFL)` only reads the descriptor's status
        // flags; it takes no pointer, and a closed descriptor gives -1.
        let flags = unsafe { libc::fcntl(libc::STDOUT_FILENO, libc::F_GETFL) };
        if flags == -1 {
            return true;
        }
        let read_write = flags & libc::O_ACCMODE == libc::O_RDWR;
        let is_null = match (std::fs::metadata("/dev/stdout"), std::fs::metadata("/dev/null")) {
            (Ok(stdout), Ok(null)) => stdout.file_type().is_char_device() && stdout.rdev() == null.rdev(),
            _ => false,
        };
        read_write && is_null
    }
    #[cfg(not(unix))]
    {
        false
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
    fn generate_requests_are_checked() {
        let request = |args: &[&str]| Cli::try_parse_from(args).map(|cli| cli.generate_request());
        assert_eq!(request(&["voices", "--generate", "man"]).unwrap().unwrap(), Some(Generate::Man));
        assert_eq!(
            request(&["voices", "--generate", "completions", "zsh"]).unwrap().unwrap(),
            Some(Generate::Completions(clap_complete::Shell::Zsh))
        );
        assert_eq!(request(&["voices"]).unwrap().unwrap(), None);
        assert!(request(&["voices", "--generate", "completions"]).unwrap().is_err());
        assert!(request(&["voices", "--generate", "man", "bash"]).unwrap().is_err());
        assert!(request(&["voices", "--generate", "bash"]).unwrap().is_err());
        assert!(request(&["voices", "--generate", "pdf"]).is_err());
    }

    #[test]
    fn idle_exit_is_ten_minutes_unless_changed() {
        use std::time::Duration;
        let idle = |args: &[&str]| Cli::parse_from(args).idle_exit();
        assert_eq!(idle(&["voices"]), Some(Duration::from_secs(600)));
        assert_eq!(idle(&["voices", "--idle-exit", "0"]), None);
        assert_eq!(idle(&["voices", "--idle-exit", "2"]), Some(Duration::from_secs(120)));
        assert_eq!(idle(&["voices", "--idle-exit-seconds", "1"]), Some(Duration::from_secs(1)));
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

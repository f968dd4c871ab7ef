//! The `voices` binary: parse, load, extract, show, exit. Everything else
//! lives in the library so it can be tested without a process.

use std::io::{IsTerminal, Write};

use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;
use voices::app::App;
use voices::cli::{Cli, Format};
use voices::corpus::Corpus;
use voices::corpus::Filter;
use voices::documents::Source;
use voices::output;
use voices::tui;
use voices::ui::layout::viewport;
use voices::ui::theme::Theme;

/// Exit code for a usage error, as clap uses.
const USAGE_ERROR: u8 = 2;

fn main() -> ExitCode {
    // Before the first large allocation, so the settings hold for all of it.
    voices::allocator::configure();
    // Before anything is read: a crash must not write the documents to disk.
    let core_dumps_off = voices::privacy::disable_core_dumps();
    let cli = Cli::parse();
    if let Err(err) = core_dumps_off {
        eprintln!("voices: could not turn off core dumps: {err}");
    }
    match cli.generate_request() {
        Ok(None) => {}
        Ok(Some(request)) => return generate(request),
        Err(err) => err.exit(),
    }
    match run(&cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("voices: {err:#}");
            ExitCode::from(1)
        }
    }
}

/// `--generate`: the man page or completions on stdout, nothing loaded.
fn generate(request: voices::cli::Generate) -> ExitCode {
    match voices::generate::write(request, &mut std::io::stdout().lock()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("voices: writing the generated file: {err}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    if voices::cli::stdout_is_closed() {
        anyhow::bail!("cannot write the output: standard output is closed");
    }
    let sources: Vec<Source> = if cli.paths.is_empty() {
        vec![Source::Embedded]
    } else {
        cli.paths
            .iter()
            .map(|path| if path.as_os_str() == "-" { Source::Stdin } else { Source::Path(path.clone()) })
            .collect()
    };
    if reads_in_background(cli, &sources) {
        let app = with_content_note(cli, App::loading(Filter::default(), viewport(80, 24)));
        leave(tui::run_loading(app, &theme(cli), reader_options(cli), Some(voices::loading::spawn(sources)))?);
        return Ok(ExitCode::SUCCESS);
    }
    if sources.contains(&Source::Stdin) && std::io::stdin().is_terminal() {
        eprintln!("{}", voices::strings::STDIN_FROM_TERMINAL);
    }
    let corpus = voices::loading::build_corpus(&sources, &mut std::io::stdin().lock());
    for problem in corpus.problems() {
        eprintln!("voices: {problem}");
    }
    if corpus.documents().is_empty() {
        anyhow::bail!("no documents to read");
    }
    let filter = match Filter::resolve(corpus.speakers(), &cli.speakers) {
        Ok(filter) => filter,
        Err(err) => {
            eprintln!("voices: {err}");
            return Ok(ExitCode::from(USAGE_ERROR));
        }
    };
    let format = cli.effective_format(std::io::stdout().is_terminal());
    if format == Format::Tui && !cli.list_speakers {
        return run_reader(cli, corpus, filter);
    }
    let written = write_output(cli, format, &corpus, &filter);
    leave(corpus);
    match written {
        // A reader that stops early (`voices | head`) is not an error.
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other.context("writing output")?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether the reader can open before the documents are read: only the
/// interactive reader without a `--speaker` filter (which needs every
/// speaker to resolve), and not from stdin (which may be the terminal).
fn reads_in_background(cli: &Cli, sources: &[Source]) -> bool {
    let terminal = std::io::stdout().is_terminal();
    cli.effective_format(terminal) == Format::Tui
        && terminal
        && !cli.list_speakers
        && cli.speakers.is_empty()
        && !sources.contains(&Source::Stdin)
}

/// Writes the non-interactive output to stdout.
fn write_output(cli: &Cli, format: Format, corpus: &Corpus, filter: &Filter) -> std::io::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if cli.list_speakers {
        output::write_speaker_list(&mut out, corpus, filter)?;
    } else {
        match format {
            Format::Json => output::write_json(&mut out, corpus, filter)?,
            Format::Markdown => output::write_markdown(&mut out, corpus, filter)?,
            Format::Plain | Format::Tui => output::write_plain(&mut out, corpus, filter)?,
        }
    }
    out.flush()
}

/// Opens the interactive reader; the terminal is restored before returning.
fn run_reader(cli: &Cli, corpus: Corpus, filter: Filter) -> anyhow::Result<ExitCode> {
    // Never write the reader's escape sequences into a file or a pipe.
    if !std::io::stdout().is_terminal() {
        eprintln!("voices: the reader needs a terminal; use --format plain or --format json for a file or a pipe");
        return Ok(ExitCode::from(USAGE_ERROR));
    }
    let app = with_content_note(cli, App::new(corpus, filter, viewport(80, 24)));
    leave(tui::run(app, &theme(cli), reader_options(cli))?);
    Ok(ExitCode::SUCCESS)
}

/// Keeps what was read until the process ends, which is next: the system
/// takes the memory back at once, where freeing a 100 MB corpus piece by
/// piece held the shell prompt back about a third of a second after the
/// reader had restored the screen (and held back a printed output's end).
fn leave<T>(read: T) {
    std::mem::forget(read);
}

/// The reader's colours: monochrome with `NO_COLOR` or `--color never`.
fn theme(cli: &Cli) -> Theme {
    Theme::choose(cli.color, std::env::var_os("NO_COLOR").as_deref())
}

/// The content note comes first unless `--no-content-note`.
fn with_content_note(cli: &Cli, mut app: App) -> App {
    if !cli.no_content_note {
        app.show_content_note();
    }
    app
}

/// Mouse and idle-exit settings from the command line.
fn reader_options(cli: &Cli) -> tui::Options {
    tui::Options { mouse: !cli.no_mouse, idle_exit: cli.idle_exit() }
}

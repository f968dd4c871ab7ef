//! The manual page and shell completions, generated from the same clap
//! definition the binary parses with, so packaged documentation can never
//! drift from the real options.

use std::io::{self, Write};

use clap::CommandFactory;

use crate::cli::{Cli, Generate};

/// Writes what `request` asks for. Output is rendered into memory first:
/// clap_complete panics on a failed write, and a closed pipe
/// (`voices --generate man | head`) must be an ordinary error instead.
pub fn write(request: Generate, out: &mut dyn Write) -> io::Result<()> {
    let mut buffer = Vec::new();
    match request {
        Generate::Man => clap_mangen::Man::new(Cli::command()).render(&mut buffer)?,
        Generate::Completions(shell) => clap_complete::generate(shell, &mut Cli::command(), "voices", &mut buffer),
    }
    out.write_all(&buffer)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_man_page_and_completions_name_the_options() {
        let mut man = Vec::new();
        write(Generate::Man, &mut man).unwrap();
        let man = String::from_utf8(man).unwrap();
        assert!(man.starts_with(".ie"), "{}", &man[..40.min(man.len())]);
        assert!(man.contains("speaker") && man.contains("generate"));
        for shell in [clap_complete::Shell::Bash, clap_complete::Shell::Zsh, clap_complete::Shell::Fish] {
            let mut script = Vec::new();
            write(Generate::Completions(shell), &mut script).unwrap();
            assert!(String::from_utf8(script).unwrap().contains("list-speakers"), "{shell:?}");
        }
    }
}

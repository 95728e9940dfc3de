//! `khairukum completions` and `khairukum man`: the shell completions and
//! the manual page, generated from the command-line definition itself.

use super::args::Cli;
use super::error::{Result, SUCCESS};
use anyhow::Context as _;
use std::io::{self, Write as _};
use std::path::Path;

/// Writes the completion script for `shell` on standard output.
#[allow(
    clippy::unnecessary_wraps,
    reason = "every command returns an exit status or an error, for one dispatch"
)]
pub(crate) fn completions(shell: clap_complete::Shell) -> Result<u8> {
    let mut command = <Cli as clap::CommandFactory>::command();
    clap_complete::generate(shell, &mut command, "khairukum", &mut io::stdout().lock());
    Ok(SUCCESS)
}

/// Writes the manual page (roff) on standard output, or, given a folder,
/// the page of the command and of each of its sub-commands into it
/// (`khairukum.1`, `khairukum-plan-validate.1`...), each written whole.
pub(crate) fn man(output: Option<&Path>) -> Result<u8> {
    let mut command = <Cli as clap::CommandFactory>::command().disable_help_subcommand(true);
    let Some(folder) = output else {
        clap_mangen::Man::new(command).render(&mut io::stdout().lock())?;
        return Ok(SUCCESS);
    };
    // Built, so that each sub-command is named with its parents (`khairukum-plan-validate`).
    command.build();
    std::fs::create_dir_all(folder)
        .with_context(|| format!("cannot create `{}`", folder.display()))?;
    // The command, then its sub-commands level by level, in the order of `--help`.
    let mut pages = vec![command];
    let mut next = 0;
    let mut out = io::stdout().lock();
    while let Some(command) = pages.get(next).cloned() {
        next += 1;
        pages.extend(
            command
                .get_subcommands()
                .filter(|c| !c.is_hide_set())
                .cloned(),
        );
        let page = clap_mangen::Man::new(command);
        let path = folder.join(page.get_filename());
        khairukum::output::write_atomic(&path, |w| page.render(w))
            .with_context(|| format!("cannot write `{}`", path.display()))?;
        writeln!(out, "wrote {}", path.display())?;
    }
    Ok(SUCCESS)
}

//! `khairukum completions` and `khairukum man`: the shell completions and
//! the manual page, generated from the command-line definition itself.

use super::args::Cli;
use super::error::{Result, SUCCESS};
use std::io;

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

/// Writes the manual page (roff) on standard output.
pub(crate) fn man() -> Result<u8> {
    let command = <Cli as clap::CommandFactory>::command();
    clap_mangen::Man::new(command).render(&mut io::stdout().lock())?;
    Ok(SUCCESS)
}

//! `khairukum completions` and `khairukum man`: the shell completions and
//! the manual page, generated from the command-line definition itself.

use super::args::Cli;
use super::error::{Result, SUCCESS};
use anyhow::Context as _;
use khairukum::plan::complete::Kind;
use khairukum::text::i18n::Lang;
use std::ffi::{OsStr, OsString};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

/// Writes the completion script for `shell` on standard output. The
/// script asks `khairukum` itself at each Tab (`COMPLETE=<shell>
/// khairukum`), so that people, months, items, platforms, steps and open
/// tasks come from the plan as it is now, not as it was when the script was
/// written.
pub(crate) fn completions(shell: clap_complete::Shell) -> Result<u8> {
    use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};
    let completer: &dyn EnvCompleter = match shell {
        clap_complete::Shell::Bash => &Bash,
        clap_complete::Shell::Zsh => &Zsh,
        clap_complete::Shell::Fish => &Fish,
        clap_complete::Shell::Elvish => &Elvish,
        _ => &Powershell,
    };
    completer.write_registration(
        COMPLETE_VAR,
        "khairukum",
        "khairukum",
        "khairukum",
        &mut io::stdout().lock(),
    )?;
    Ok(SUCCESS)
}

/// The variable that asks the binary for completions instead of a command.
const COMPLETE_VAR: &str = "COMPLETE";

/// Answers the shell and exits, when the shell is asking for completions;
/// returns otherwise. Called before anything is parsed or printed.
pub(crate) fn answer_the_shell() {
    clap_complete::CompleteEnv::with_factory(command)
        .var(COMPLETE_VAR)
        .complete();
}

/// The command-line definition, with the plan's values offered for the
/// arguments that take them.
fn command() -> clap::Command {
    with_candidates(<Cli as clap::CommandFactory>::command())
}

fn with_candidates(command: clap::Command) -> clap::Command {
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    let mut command = command;
    for id in ids {
        if let Some(kind) = kind_of(&id) {
            command = command.mut_arg(&id, |arg| {
                arg.add(clap_complete::ArgValueCompleter::new(
                    move |current: &OsStr| offer(kind, current),
                ))
            });
        }
    }
    command.mut_subcommands(with_candidates)
}

/// What an argument takes, by its name.
fn kind_of(id: &str) -> Option<Kind> {
    Some(match id {
        "owner" | "by" => Kind::People,
        "month" => Kind::Months,
        "item" => Kind::Items,
        "platform" => Kind::Platforms,
        "step" => Kind::Steps,
        "task" => Kind::Tasks,
        _ => return None,
    })
}

/// The plan's values of `kind` that begin with what is typed.
fn offer(kind: Kind, current: &OsStr) -> Vec<clap_complete::CompletionCandidate> {
    let typed = current.to_string_lossy();
    let words: Vec<OsString> = std::env::args_os().collect();
    let folder = plan_folder(&words);
    let today = chrono::Local::now().date_naive();
    khairukum::plan::complete::candidates(&folder, kind, Lang::from_env(), today)
        .into_iter()
        .filter(|c| c.value.starts_with(typed.as_ref()))
        .map(|c| clap_complete::CompletionCandidate::new(c.value).help(Some(c.help.into())))
        .collect()
}

/// The plan folder of the command line being completed: its `--plan`, else
/// `KHAIRUKUM_PLAN`, else the default.
fn plan_folder(words: &[OsString]) -> PathBuf {
    let given = words.iter().enumerate().find_map(|(i, word)| {
        let word = word.to_str()?;
        if word == "--plan" {
            words.get(i + 1).map(PathBuf::from)
        } else {
            word.strip_prefix("--plan=").map(PathBuf::from)
        }
    });
    given
        .or_else(|| std::env::var_os("KHAIRUKUM_PLAN").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from(khairukum::plan::DEFAULT_FOLDER))
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

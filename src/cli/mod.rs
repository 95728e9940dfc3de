//! The command line: arguments parsed once (`args`), resolved into each
//! command's settings, then the command run. The only place that prints
//! errors of its own and chooses exit codes (`error`).

mod approve;
mod args;
mod book;
mod calendar;
mod completions;
mod diff;
mod done;
mod error;
mod exports;
mod grid;
mod init;
mod insights;
mod memory;
mod occasions;
mod period;
mod plan_problems;
mod publish;
mod record;
mod report;
mod schema;
mod tasks;
mod validate;

use args::{
    CalendarArgs, CalendarCommand, Cli, Command, ExportsArgs, ExportsCommand, LangArg, PlanCommand,
};
use clap::Parser;
use error::Error;
use khairukum::text::i18n::Lang;
use std::path::PathBuf;
use std::process::ExitCode;

/// The terminal's width in columns, when standard output is one (tables
/// are then wrapped to it rather than running off it).
pub(crate) fn terminal_width() -> Option<u16> {
    use std::io::IsTerminal as _;
    std::io::stdout()
        .is_terminal()
        .then(|| comfy_table::Table::new().width())
        .flatten()
}

/// Writes a command's output to `--output` (whole, or not at all) or to
/// standard output.
pub(crate) fn write_output(
    output: Option<&std::path::Path>,
    lang: Lang,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    use anyhow::Context as _;
    use std::io::Write as _;
    if let Some(path) = output {
        khairukum::output::write_atomic(path, write)
            .with_context(|| khairukum::t!("cannot-write", path = path.display()).text(lang))?;
    } else {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        write(&mut out)?;
        out.flush()?;
    }
    Ok(())
}

/// A workbook is bytes for a spreadsheet, not for a terminal: without
/// `--output`, it may only go to a pipe or a file.
pub(crate) fn binary_to_file(
    output: Option<&std::path::Path>,
    lang: Lang,
) -> std::result::Result<(), error::Error> {
    use std::io::IsTerminal as _;
    if output.is_none() && std::io::stdout().is_terminal() {
        return Err(error::Error::Usage(
            khairukum::t!("usage.xlsx-to-terminal").text(lang),
        ));
    }
    Ok(())
}

/// Runs the command the arguments name and returns the process's exit status.
pub(crate) fn main() -> ExitCode {
    completions::answer_the_shell();
    let cli = Cli::parse();
    let lang = cli.lang.map_or_else(Lang::from_env, LangArg::lang);
    let plan = cli
        .plan
        .clone()
        .unwrap_or_else(|| PathBuf::from(khairukum::plan::DEFAULT_FOLDER));
    let result = match &cli.command {
        Command::Plan(PlanCommand::Validate(args)) => {
            validate::run(&validate::ValidateSettings::resolve(plan, lang, args))
        }
        Command::Plan(PlanCommand::Diff(args)) => diff::run(&plan, args, lang),
        Command::Plan(PlanCommand::Book(args)) => book::run(&book::BookSettings::resolve(
            plan,
            cli.lang.map(LangArg::lang),
            args,
        )),
        Command::Tasks(args) => tasks::TasksSettings::resolve(plan, lang, args)
            .and_then(|settings| tasks::run(&settings)),
        Command::Insights(args) => {
            insights::InsightsSettings::resolve(plan, cli.lang.map(LangArg::lang), args)
                .and_then(|settings| insights::run(&settings))
        }
        Command::Occasions(args) => occasions::OccasionsSettings::resolve(plan, lang, args)
            .and_then(|settings| occasions::run(&settings)),
        Command::Report(args) => {
            report::ReportSettings::resolve(plan, cli.lang.map(LangArg::lang), args)
                .and_then(|settings| report::run(&settings))
        }
        Command::Exports(ExportsArgs {
            command: Some(ExportsCommand::Check(args)),
            ..
        }) => exports::check(&exports::ExportsCheckSettings::resolve(plan, lang, args)),
        Command::Exports(args) => exports::ExportsListSettings::resolve(plan, lang, args)
            .and_then(|settings| exports::list(&settings)),
        Command::Init(args) => init::run(args, lang),
        Command::Approve(args) => approve::ApproveSettings::resolve(plan, lang, args)
            .and_then(|settings| approve::run(&settings)),
        Command::Done(args) => {
            done::DoneSettings::resolve(plan, lang, args).and_then(|settings| done::run(&settings))
        }
        Command::Publish(args) => publish::PublishSettings::resolve(plan, lang, args)
            .and_then(|settings| publish::run(&settings)),
        Command::Calendar(CalendarArgs {
            command: Some(CalendarCommand::Export(args)),
            ..
        }) => calendar::ExportSettings::resolve(plan, lang, args)
            .and_then(|settings| calendar::run(&settings)),
        Command::Calendar(args) => {
            grid::GridSettings::resolve(plan, cli.lang.map(LangArg::lang), args)
                .and_then(|settings| grid::run(&settings))
        }
        Command::Schema { output } => schema::run(output),
        Command::Completions { shell } => completions::completions(*shell),
        Command::Man { output } => completions::man(output.as_deref()),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) if err.is_broken_pipe() => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            if matches!(err, Error::Usage(_)) {
                eprintln!("\nFor more information, try '--help'.");
            }
            ExitCode::from(err.exit_code())
        }
    }
}

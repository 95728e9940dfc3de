//! Resolves the parsed arguments once into settings, then runs the command.
//! The only place that prints errors of its own and chooses exit codes.

use crate::cli::{
    Cli, ColorChoice, Command, DenyLevel, LangArg, OutputFormat, PlanCommand, ValidateArgs,
};
use anyhow::Context as _;
use clap::Parser;
use khairukum::i18n::Lang;
use khairukum::render::{self, Format};
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit status when the plan has problems.
const PROBLEMS: u8 = 1;
/// Exit status when the command could not run.
const COULD_NOT_RUN: u8 = 2;

/// Settings for `plan validate`, resolved from arguments and environment.
struct ValidateSettings {
    plan: PathBuf,
    format: Format,
    lang: Lang,
    deny_warnings: bool,
}

impl ValidateSettings {
    fn resolve(plan: Option<PathBuf>, lang: Lang, args: &ValidateArgs) -> Self {
        let in_actions = std::env::var("GITHUB_ACTIONS").is_ok_and(|v| v == "true");
        let format = match args.format {
            Some(OutputFormat::Json) => Format::Json,
            Some(OutputFormat::Github) => Format::Github,
            Some(OutputFormat::Sarif) => Format::Sarif,
            Some(OutputFormat::Human) => Format::Human {
                color: color(args.color),
            },
            None if in_actions => Format::Github,
            None => Format::Human {
                color: color(args.color),
            },
        };
        ValidateSettings {
            plan: plan.unwrap_or_else(|| PathBuf::from("plans")),
            format,
            lang,
            deny_warnings: args.deny == Some(DenyLevel::Warnings),
        }
    }
}

fn color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang.map_or_else(Lang::from_env, LangArg::lang);
    let result = match &cli.command {
        Command::Plan(PlanCommand::Validate(args)) => {
            validate(ValidateSettings::resolve(cli.plan.clone(), lang, args))
        }
        Command::Tasks(args) => {
            crate::app_tasks::TasksSettings::resolve(cli.plan.clone(), lang, args)
                .and_then(crate::app_tasks::run)
        }
        Command::Report(args) => crate::app_report::ReportSettings::resolve(
            cli.plan.clone(),
            cli.lang.map(LangArg::lang),
            args,
        )
        .and_then(crate::app_report::run),
        Command::Init(args) => init(args, lang),
        Command::Schema { output } => schema(output),
        Command::Plan(PlanCommand::Diff(args)) => plan_diff(cli.plan.clone(), args),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            let mut out = io::stdout().lock();
            clap_complete::generate(*shell, &mut command, "khairukum", &mut out);
            Ok(0)
        }
        Command::Man => {
            let command = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(command)
                .render(&mut io::stdout().lock())
                .map(|_| 0)
                .map_err(anyhow::Error::from)
        }
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            if err.downcast_ref::<crate::app_tasks::UsageError>().is_some() {
                eprintln!("\nFor more information, try '--help'.");
            }
            ExitCode::from(COULD_NOT_RUN)
        }
    }
}

/// Prints the plan's problems that matter to a command, one line each, on
/// standard error, and says what they may cost.
pub fn print_plan_problems<'a>(
    diagnostics: impl IntoIterator<Item = &'a khairukum::diagnostic::Diagnostic>,
    sources: &khairukum::source::Sources,
    consequence: khairukum::i18n::Msg,
    lang: Lang,
) -> io::Result<()> {
    let lines: Vec<String> = diagnostics
        .into_iter()
        .map(|d| render::short(d, sources, lang))
        .collect();
    if lines.is_empty() {
        return Ok(());
    }
    let mut err = io::stderr().lock();
    for line in &lines {
        writeln!(err, "{line}")?;
    }
    let problems = khairukum::t!("count.problem", n = lines.len());
    let warning = khairukum::t!(
        "plan-problems",
        problems = problems,
        consequence = consequence
    );
    writeln!(err, "warning: {}", warning.text(lang))
}

/// `plan diff`: both sides read through git (or the working tree), then compared.
fn plan_diff(plan: Option<PathBuf>, args: &crate::cli::DiffArgs) -> anyhow::Result<u8> {
    use khairukum::git;
    let plan = plan.unwrap_or_else(|| PathBuf::from("plans"));
    let cwd = std::env::current_dir()?;
    let repo = git::toplevel(&cwd)?;
    let absolute = cwd.join(&plan);
    let absolute = absolute.canonicalize().unwrap_or(absolute);
    let folder = absolute
        .strip_prefix(repo.canonicalize().unwrap_or(repo.clone()))
        .map(std::path::Path::to_path_buf)
        .map_err(|_| {
            anyhow::anyhow!(
                "the plan folder `{}` is not inside the repository",
                plan.display()
            )
        })?;
    let base = match &args.base {
        Some(base) => {
            git::verify(&repo, base)?;
            base.clone()
        }
        None => git::merge_base_with_default(&repo)?,
    };
    let read =
        |revision: &str| -> anyhow::Result<(tempfile::TempDir, khairukum::load::LoadedPlan)> {
            let dir = tempfile::tempdir()?;
            git::verify(&repo, revision)?;
            git::export_folder(&repo, revision, &folder, dir.path())?;
            let loaded = khairukum::load::load(dir.path())?;
            Ok((dir, loaded))
        };
    let (_old_dir, old) = read(&base)?;
    let (_new_dir, new, head_label) = match &args.head {
        Some(head) => {
            let (dir, loaded) = read(head)?;
            (Some(dir), loaded, head.clone())
        }
        None => (
            None,
            khairukum::load::load(&absolute)?,
            "working tree".to_string(),
        ),
    };
    let changes = khairukum::diff::diff(&old.plan, &new.plan);
    let base_label = if args.base.is_some() {
        base.clone()
    } else {
        format!("{} (merge base)", &base[..base.len().min(12)])
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    match args.format {
        crate::cli::DiffFormat::Markdown => {
            out.write_all(khairukum::diff::markdown(&changes, &base_label, &head_label).as_bytes())?
        }
        crate::cli::DiffFormat::Json => {
            serde_json::to_writer_pretty(
                &mut out,
                &serde_json::json!({"base": base_label, "head": head_label, "changes": changes}),
            )?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(0)
}

fn schema(output: &std::path::Path) -> anyhow::Result<u8> {
    std::fs::create_dir_all(output)
        .with_context(|| format!("cannot create `{}`", output.display()))?;
    let mut out = io::stdout().lock();
    for (name, schema) in khairukum::schema::all() {
        let path = output.join(format!("{name}.schema.json"));
        let text = khairukum::schema::text(&schema);
        khairukum::output::write_atomic(&path, |w| w.write_all(text.as_bytes()))
            .with_context(|| format!("cannot write `{}`", path.display()))?;
        writeln!(out, "wrote {}", path.display())?;
    }
    Ok(0)
}

fn init(args: &crate::cli::InitArgs, lang: Lang) -> anyhow::Result<u8> {
    let month = match args.month.as_deref() {
        Some(m) if !m.is_empty() => {
            khairukum::dates::Month::parse(m).map_err(|e| anyhow::anyhow!(e.text(lang)))?
        }
        _ => khairukum::dates::Month::of(chrono::Local::now().date_naive()),
    };
    let written = khairukum::init::scaffold(&args.dir, month, args.force)?;
    let mut out = io::stdout().lock();
    writeln!(out, "Created a plan repository in {}:", args.dir.display())?;
    for path in &written {
        let shown = path.strip_prefix(&args.dir).unwrap_or(path);
        writeln!(out, "  {}", shown.display())?;
    }
    writeln!(
        out,
        "Next: edit plans/*.yaml, then run `khairukum plan validate --plan {}`",
        args.dir.join("plans").display()
    )?;
    Ok(0)
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn validate(settings: ValidateSettings) -> anyhow::Result<u8> {
    let validation = khairukum::validate::validate(&settings.plan)?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    render::renderer(settings.format, settings.lang).render(&validation, &mut out)?;
    out.flush()?;
    let tally = validation.tally();
    let code = if validation.could_not_read() {
        COULD_NOT_RUN
    } else if tally.errors > 0 || settings.deny_warnings && tally.warnings > 0 {
        PROBLEMS
    } else {
        0
    };
    // The process ends next: freeing a large plan piece by piece would only cost time.
    std::mem::forget(validation);
    Ok(code)
}

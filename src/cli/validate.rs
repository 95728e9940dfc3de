//! `khairukum plan validate`: settings resolved from the arguments and the
//! environment, then every finding rendered in the chosen format.

use super::args::{ColorChoice, DenyLevel, OutputFormat, PlanValidateArgs, ValidateArgs};
use super::error::{COULD_NOT_RUN, PROBLEMS, Result, SUCCESS};
use khairukum::plan::render::{self, Format};
use khairukum::plan::validate::Validation;
use khairukum::text::i18n::Lang;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

/// Settings for `plan validate`, resolved from arguments and environment.
pub(crate) struct ValidateSettings {
    plan: PathBuf,
    today: Option<chrono::NaiveDate>,
    findings: FindingsSettings,
}

impl ValidateSettings {
    pub(crate) fn resolve(plan: PathBuf, lang: Lang, args: &PlanValidateArgs) -> Self {
        ValidateSettings {
            plan,
            today: args.today,
            findings: FindingsSettings::resolve(lang, &args.findings),
        }
    }
}

/// How findings are shown and when they fail the run (`plan validate`,
/// `exports check`).
pub(crate) struct FindingsSettings {
    format: Format,
    lang: Lang,
    deny_warnings: bool,
}

impl FindingsSettings {
    pub(crate) fn resolve(lang: Lang, args: &ValidateArgs) -> Self {
        let in_actions = std::env::var("GITHUB_ACTIONS").is_ok_and(|v| v == "true");
        let format = match args.format {
            Some(OutputFormat::Json) => Format::Json,
            Some(OutputFormat::Github) => Format::Github,
            Some(OutputFormat::Sarif) => Format::Sarif,
            Some(OutputFormat::Markdown) => Format::Markdown,
            None if in_actions => Format::Github,
            Some(OutputFormat::Human) | None => Format::Human {
                color: color(args.color),
                most_per_rule: (!args.all).then_some(render::MOST_SHOWN_PER_RULE),
            },
        };
        FindingsSettings {
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

pub(crate) fn run(settings: &ValidateSettings) -> Result<u8> {
    let validation = khairukum::plan::validate::validate(&settings.plan, settings.today)?;
    let code = show(&validation, &settings.findings)?;
    // The process ends next: freeing a large plan piece by piece would only cost time.
    std::mem::forget(validation);
    Ok(code)
}

/// Renders findings on standard output; their exit status.
pub(crate) fn show(validation: &Validation, settings: &FindingsSettings) -> Result<u8> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    render::renderer(settings.format, settings.lang).render(validation, &mut out)?;
    out.flush()?;
    let tally = validation.tally();
    let code = if validation.could_not_read() {
        COULD_NOT_RUN
    } else if tally.errors > 0 || settings.deny_warnings && tally.warnings > 0 {
        PROBLEMS
    } else {
        SUCCESS
    };
    Ok(code)
}

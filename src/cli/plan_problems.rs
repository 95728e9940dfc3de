//! The plan's problems that `tasks` and `report` show before their output,
//! so that staff know what the figures or the listing may be missing.

use khairukum::plan::diagnostic::Diagnostic;
use khairukum::plan::render;
use khairukum::plan::source::Sources;
use khairukum::text::i18n::{Lang, Msg};
use std::io::{self, Write};

/// Prints the plan's problems that matter to a command, one line each, on
/// standard error, and says what they may cost.
pub(crate) fn print<'a>(
    diagnostics: impl IntoIterator<Item = &'a Diagnostic>,
    sources: &Sources,
    consequence: Msg,
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

/// The errors met reading the plan, said before a command's output.
pub(crate) fn print_load_errors(
    loaded: &khairukum::plan::load::LoadedPlan,
    consequence: Msg,
    lang: Lang,
) -> io::Result<()> {
    print(
        loaded
            .diagnostics
            .iter()
            .filter(|d| d.severity == khairukum::plan::diagnostic::Severity::Error),
        &loaded.sources,
        consequence,
        lang,
    )
}

//! `khairukum plan book`: the plan read whole, then written as one document
//! for the people who approve it (HTML or Markdown), to a file or standard
//! output. The plan's errors are said on standard error first: the book
//! shows what the files hold.

use super::args::{BookArgs, BookFormat};
use super::error::{Result, SUCCESS};
use khairukum::book::Format;
use khairukum::text::i18n::Lang;
use std::path::PathBuf;

/// Settings for `plan book`.
pub(crate) struct BookSettings {
    plan: PathBuf,
    lang: Lang,
    format: Format,
    output: Option<PathBuf>,
}

impl BookSettings {
    /// `lang` is the language asked for with `--lang`, if any: the HTML
    /// book is management's, in Arabic unless asked otherwise; Markdown
    /// follows the locale.
    pub(crate) fn resolve(plan: PathBuf, lang: Option<Lang>, args: &BookArgs) -> Self {
        let format = match args.format {
            BookFormat::Html => Format::Html,
            BookFormat::Markdown => Format::Markdown,
        };
        BookSettings {
            plan,
            lang: lang.unwrap_or_else(|| match format {
                Format::Html => Lang::Ar,
                Format::Markdown => Lang::from_env(),
            }),
            format,
            output: args.output.clone(),
        }
    }
}

pub(crate) fn run(settings: &BookSettings) -> Result<u8> {
    let loaded = khairukum::plan::load::load(&settings.plan)?;
    // What the approvers should know is wrong: reading and rule errors.
    let checked = khairukum::plan::rules::check(&loaded.plan);
    let errors = loaded
        .diagnostics
        .iter()
        .chain(&checked)
        .filter(|d| d.severity == khairukum::plan::diagnostic::Severity::Error);
    super::plan_problems::print(
        errors,
        &loaded.sources,
        khairukum::t!("plan-problems.book"),
        settings.lang,
    )?;
    let book = khairukum::book::book(&loaded.plan, settings.lang);
    super::write_output(settings.output.as_deref(), settings.lang, |out| {
        khairukum::book::write(&book, settings.format, out)
    })?;
    Ok(SUCCESS)
}

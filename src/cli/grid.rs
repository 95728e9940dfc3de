//! `khairukum calendar --month`: a month of the content calendar as a
//! grid, with both calendars' days and the occasions.

use super::args::{CalendarArgs, GridFormatArg};
use super::error::{Error, Result, SUCCESS};
use khairukum::document::Format;
use khairukum::text::dates::Month;
use khairukum::text::i18n::Lang;
use std::path::PathBuf;

pub(crate) struct GridSettings {
    plan: PathBuf,
    month: Month,
    format: Format,
    output: Option<PathBuf>,
    lang: Lang,
}

impl GridSettings {
    /// `lang` is the language asked for with `--lang`, if any: the HTML
    /// page is management's, in Arabic unless asked otherwise.
    pub(crate) fn resolve(plan: PathBuf, lang: Option<Lang>, args: &CalendarArgs) -> Result<Self> {
        let lang = lang.unwrap_or_else(|| match args.format {
            GridFormatArg::Html => Lang::Ar,
            _ => Lang::from_env(),
        });
        let month = match args.month.as_deref() {
            Some(text) => Month::parse(text).map_err(|e| Error::Usage(e.text(lang)))?,
            None => Month::of(chrono::Local::now().date_naive()),
        };
        let width = super::terminal_width().filter(|_| args.output.is_none());
        Ok(GridSettings {
            plan,
            month,
            format: match args.format {
                GridFormatArg::Table => Format::Terminal { width },
                GridFormatArg::Markdown => Format::Markdown,
                GridFormatArg::Html => Format::Html,
            },
            output: args.output.clone(),
            lang,
        })
    }
}

pub(crate) fn run(settings: &GridSettings) -> Result<u8> {
    let loaded = khairukum::plan::load::load(&settings.plan)?;
    super::plan_problems::print_load_errors(
        &loaded,
        khairukum::t!("plan-problems.book"),
        settings.lang,
    )?;
    let document = khairukum::almanac::grid::document(&loaded.plan, settings.month, settings.lang);
    super::write_output(settings.output.as_deref(), settings.lang, |out| {
        khairukum::document::render(&document, settings.format, out)
    })?;
    Ok(SUCCESS)
}

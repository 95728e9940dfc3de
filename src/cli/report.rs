//! `khairukum report`: settings resolved from the arguments, then the report.

use super::args::{CompareArg, ReportArgs, ReportFormatArg};
use super::error::{Error, Result, SUCCESS};
use super::period::{Asked, asked_month, asked_year};
use anyhow::Context as _;
use chrono::NaiveDate;
use khairukum::report::Request;
use khairukum::report::data::{Compare, Period};
use khairukum::report::format::ReportFormat;
use khairukum::text::dates::Month;
use khairukum::text::i18n::Lang;
use std::path::{Path, PathBuf};

pub(crate) struct ReportSettings {
    plan: PathBuf,
    exports: Option<PathBuf>,
    asked: Asked,
    compare: Compare,
    format: ReportFormat,
    output: Option<PathBuf>,
    today: NaiveDate,
    lang: Lang,
}

impl ReportSettings {
    /// `lang` is the language asked for with `--lang`, if any.
    pub(crate) fn resolve(plan: PathBuf, lang: Option<Lang>, args: &ReportArgs) -> Result<Self> {
        // The HTML report is management's, in Arabic unless asked otherwise;
        // the other formats follow the locale.
        let lang = lang.unwrap_or_else(|| match args.format {
            ReportFormatArg::Html => Lang::Ar,
            _ => Lang::from_env(),
        });
        let chosen = [
            args.month.is_some(),
            args.year.is_some(),
            args.quarter.is_some(),
            args.from.is_some(),
        ];
        if chosen.iter().filter(|c| **c).count() > 1 {
            return Err(Error::Usage(
                khairukum::t!("usage.report-one-period").text(lang),
            ));
        }
        let asked = match (
            &args.month,
            &args.year,
            args.quarter,
            args.from.zip(args.to),
        ) {
            (_, _, Some((y, q)), _) => Asked::Quarter(y, q),
            (_, _, _, Some((from, to))) => {
                if to < from {
                    return Err(Error::Usage(
                        khairukum::t!("usage.to-before-from", to = to, from = from).text(lang),
                    ));
                }
                Asked::Range(from, to)
            }
            (_, Some(year), _, _) => asked_year(year, lang)?,
            (Some(month), _, _, _) => asked_month(month, lang)?,
            _ => Asked::Month(None),
        };
        Ok(ReportSettings {
            lang,
            plan,
            exports: args.exports.clone(),
            asked,
            compare: match args.compare {
                CompareArg::Previous => Compare::Previous,
                CompareArg::LastYear => Compare::LastYear,
            },
            format: match args.format {
                ReportFormatArg::Table => ReportFormat::Table,
                ReportFormatArg::Markdown => ReportFormat::Markdown,
                ReportFormatArg::Json => ReportFormat::Json,
                ReportFormatArg::Csv => ReportFormat::Csv,
                ReportFormatArg::Xlsx => {
                    super::binary_to_file(args.output.as_deref(), lang)?;
                    ReportFormat::Xlsx
                }
                ReportFormatArg::Html => ReportFormat::Html,
            },
            output: args.output.clone(),
            today: args
                .today
                .unwrap_or_else(|| chrono::Local::now().date_naive()),
        })
    }
}

pub(crate) fn run(settings: &ReportSettings) -> Result<u8> {
    super::memory::purge_freed_memory_at_once();
    let request = Request {
        period: period(settings)?,
        compare: settings.compare,
        today: settings.today,
    };
    let loaded = load_plan(settings, &request)?;
    let plan = &loaded.plan;
    let exports = exports_dir(
        &settings.plan,
        settings.exports.as_deref(),
        plan,
        settings.lang,
    )?;
    let report = khairukum::report::gather::report(&settings.plan, &exports, &loaded, &request)
        .with_context(|| {
            khairukum::t!("usage.cannot-read-exports", path = exports.display()).text(settings.lang)
        })?;
    let width = super::terminal_width().filter(|_| settings.output.is_none());
    let writer = khairukum::report::format::writer(settings.format, settings.lang, width);
    super::write_output(settings.output.as_deref(), settings.lang, |out| {
        writer.write(&report, out)
    })?;
    Ok(SUCCESS)
}

/// The period asked for (by default last month).
fn period(settings: &ReportSettings) -> Result<Period> {
    settings.asked.period(settings.today, settings.lang)
}

/// The plan with only the calendar months the report, its trend and its
/// team section look at; its errors printed first.
fn load_plan(
    settings: &ReportSettings,
    request: &Request,
) -> Result<khairukum::plan::load::LoadedPlan> {
    let (period, compared) = (&request.period, request.compared());
    let earliest = Month::of(compared.from.min(
        period.from - chrono::TimeDelta::days(31 * i64::from(khairukum::report::TREND_MONTHS)),
    ));
    // The months the figures and the trend measure, and those whose tasks
    // fall due in the period (an item of the next month is prepared in this
    // one).
    let loaded = khairukum::plan::load::load_selected(&settings.plan, |plan, month| {
        let (first, last) = khairukum::plan::tasks::anchor_window(plan, period.from, period.to);
        month >= earliest.min(Month::of(first)) && month.first_day() <= period.to.max(last)
    })?;
    super::plan_problems::print_load_errors(
        &loaded,
        khairukum::t!("plan-problems.report"),
        settings.lang,
    )?;
    Ok(loaded)
}

/// `--exports`, else the plan's `exports:` (relative to the plan folder), else `<plan>/exports`.
pub(crate) fn exports_dir(
    plan_dir: &Path,
    asked: Option<&Path>,
    plan: &khairukum::plan::model::Plan,
    lang: Lang,
) -> anyhow::Result<PathBuf> {
    let dir = asked.map_or_else(|| plan.exports_folder(plan_dir), Path::to_path_buf);
    if !dir.is_dir() {
        anyhow::bail!(khairukum::t!("usage.no-exports-folder", path = dir.display()).text(lang));
    }
    Ok(dir)
}

//! `khairukum report`: settings resolved from the arguments, then the report.

use super::args::{CompareArg, ReportArgs, ReportFormatArg};
use super::error::{Error, Result, SUCCESS};
use anyhow::Context as _;
use chrono::NaiveDate;
use khairukum::report::Request;
use khairukum::report::data::{Compare, Period};
use khairukum::report::format::ReportFormat;
use khairukum::text::dates::{HijriMonth, Month};
use khairukum::text::i18n::Lang;
use std::path::{Path, PathBuf};

/// Which period was asked for.
enum Asked {
    Month(Option<Month>),
    HijriMonth(HijriMonth),
    Year(i32),
    HijriYear(i32),
    Quarter(i32, u32),
    Range(NaiveDate, NaiveDate),
}

/// The words after `--month` or `--year` as one text (`1448-05 AH` may be
/// written as one word or two).
fn joined(words: &[String]) -> String {
    words.join(" ").trim().to_string()
}

/// `--month`: a Gregorian month, or a Hijri one (`1448-05 AH`).
fn asked_month(words: &[String], lang: Lang) -> Result<Asked> {
    let text = joined(words);
    if text.is_empty() {
        return Ok(Asked::Month(None));
    }
    let usage = |m: khairukum::text::i18n::Msg| Error::Usage(m.text(lang));
    match HijriMonth::parse(&text) {
        Some(month) => Ok(Asked::HijriMonth(month.map_err(usage)?)),
        None => Ok(Asked::Month(Some(Month::parse(&text).map_err(usage)?))),
    }
}

/// `--year`: a Gregorian year (`2026`), or a Hijri one (`1448 AH`).
fn asked_year(words: &[String], lang: Lang) -> Result<Asked> {
    let text = joined(words);
    let (digits, hijri) = ["AH", "ah", "هـ", "ه"]
        .iter()
        .find_map(|suffix| text.strip_suffix(suffix))
        .map_or((text.as_str(), false), |rest| (rest.trim_end(), true));
    let year = (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse::<i32>().ok())
        .flatten()
        .ok_or_else(|| {
            Error::Usage(khairukum::t!("usage.year-expected", text = &text).text(lang))
        })?;
    Ok(if hijri {
        Asked::HijriYear(year)
    } else {
        Asked::Year(year)
    })
}

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
    let imported = import(settings, &request, &loaded, &exports)?;
    let tz = plan.time_zone();
    let period = &request.period;
    let mut extra = Vec::new();
    let followers = match khairukum::report::read_followers(&exports.join("followers.yaml")) {
        Ok(f) => f,
        Err(problem) => {
            extra.push(*problem);
            khairukum::report::data::FollowerTotals::default()
        }
    };
    let own = khairukum::exports::measures::read(&exports, plan, tz, plan.date_order());
    // When tasks were done, from the plan folder's history, if it has one.
    let history = khairukum::report::team::history(
        &settings.plan,
        period.from,
        period.to.min(settings.today),
        tz,
    );
    extra.extend(history.problem().cloned());
    let ads = khairukum::exports::ads::read(&exports);
    let peers = khairukum::exports::peers::read(&exports, plan, tz);
    let records = khairukum::report::Records {
        followers: &followers,
        own: &own,
        history: &history,
        ads: Some(&ads),
        peers: Some(&peers),
    };
    let report = khairukum::report::build(plan, &imported, &records, &request, &extra);
    let width = super::terminal_width().filter(|_| settings.output.is_none());
    let writer = khairukum::report::format::writer(settings.format, settings.lang, width);
    super::write_output(settings.output.as_deref(), settings.lang, |out| {
        writer.write(&report, out)
    })?;
    Ok(SUCCESS)
}

/// The period asked for (by default last month).
fn period(settings: &ReportSettings) -> Result<Period> {
    Ok(match settings.asked {
        Asked::Month(Some(m)) => Period::month(m),
        Asked::Month(None) => {
            let this = Month::of(settings.today);
            Period::month(Month::of(this.first_day() - chrono::TimeDelta::days(1)))
        }
        Asked::HijriMonth(month) => {
            Period::hijri_month(month).map_err(|e| Error::Usage(e.text(settings.lang)))?
        }
        Asked::Year(year) => Period::year(year),
        Asked::HijriYear(year) => {
            Period::hijri_year(year).map_err(|e| Error::Usage(e.text(settings.lang)))?
        }
        Asked::Quarter(y, q) => Period::quarter(y, q),
        Asked::Range(from, to) => Period::range(from, to),
    })
}

/// The plan with only the calendar months the report and its trend look
/// at; its errors printed first.
fn load_plan(
    settings: &ReportSettings,
    request: &Request,
) -> Result<khairukum::plan::load::LoadedPlan> {
    let (period, compared) = (&request.period, request.compared());
    let earliest = Month::of(compared.from.min(
        period.from - chrono::TimeDelta::days(31 * i64::from(khairukum::report::TREND_MONTHS)),
    ));
    let loaded = khairukum::plan::load::load_selected(&settings.plan, |_, month| {
        month >= earliest && month.first_day() <= period.to
    })?;
    let errors = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == khairukum::plan::diagnostic::Severity::Error);
    super::plan_problems::print(
        errors,
        &loaded.sources,
        khairukum::t!("plan-problems.report"),
        settings.lang,
    )?;
    Ok(loaded)
}

/// The posts and account days of the exports folder, from the earliest
/// day the trend or the comparison needs; each post kept whole only for
/// the period itself.
fn import(
    settings: &ReportSettings,
    request: &Request,
    loaded: &khairukum::plan::load::LoadedPlan,
    exports: &Path,
) -> Result<khairukum::exports::Imported> {
    let plan = &loaded.plan;
    let period = &request.period;
    let earliest = khairukum::report::trend_periods(plan, period)
        .iter()
        .map(|p| p.from)
        .chain([request.compared().from])
        .min()
        .unwrap_or(period.from);
    let options = khairukum::exports::Options {
        window: Some((earliest, period.to)),
        detail: Some((period.from, period.to)),
        time_zone: plan.time_zone(),
        year_anchor: settings.today,
        date_order: plan.date_order(),
        accounts: khairukum::exports::accounts::accounts_of(plan),
        set_aside: khairukum::exports::set_aside(plan),
        by_hand: khairukum::exports::by_hand::from_plan(plan, |file| {
            loaded.sources.get(file).path.clone()
        }),
    };
    Ok(
        khairukum::exports::import_dir(exports, &options).with_context(|| {
            khairukum::t!("usage.cannot-read-exports", path = exports.display()).text(settings.lang)
        })?,
    )
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

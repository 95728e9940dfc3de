//! `khairukum occasions`: the occasions of a period, with the plan's
//! marks and items for them.

use super::args::{OccasionsArgs, OccasionsFormatArg};
use super::error::{Result, SUCCESS};
use super::period::{Asked, asked_month, asked_year};
use chrono::{Datelike as _, NaiveDate};
use khairukum::almanac::list::{Format, Request};
use khairukum::plan::model::Plan;
use khairukum::text::i18n::Lang;
use std::path::{Path, PathBuf};

pub(crate) struct OccasionsSettings {
    plan: PathBuf,
    asked: Option<Asked>,
    all_sets: bool,
    format: Format,
    output: Option<PathBuf>,
    today: NaiveDate,
    lang: Lang,
}

impl OccasionsSettings {
    pub(crate) fn resolve(plan: PathBuf, lang: Lang, args: &OccasionsArgs) -> Result<Self> {
        let asked = match (&args.year, &args.month) {
            (Some(year), _) => Some(asked_year(year, lang)?),
            (None, Some(month)) => Some(asked_month(month, lang)?),
            (None, None) => None,
        };
        let document = |format| Format::Document(format);
        let width = super::terminal_width().filter(|_| args.output.is_none());
        Ok(OccasionsSettings {
            plan,
            asked,
            all_sets: args.all_sets,
            format: match args.format {
                OccasionsFormatArg::Table => {
                    document(khairukum::document::Format::Terminal { width })
                }
                OccasionsFormatArg::Markdown => document(khairukum::document::Format::Markdown),
                OccasionsFormatArg::Html => document(khairukum::document::Format::Html),
                OccasionsFormatArg::Json => Format::Json,
                OccasionsFormatArg::Csv => Format::Csv,
                OccasionsFormatArg::Ics => Format::Ics,
            },
            output: args.output.clone(),
            today: args
                .today
                .unwrap_or_else(|| chrono::Local::now().date_naive()),
            lang,
        })
    }
}

pub(crate) fn run(settings: &OccasionsSettings) -> Result<u8> {
    let plan = plan(&settings.plan)?;
    let request = request(settings, &plan)?;
    super::write_output(settings.output.as_deref(), settings.lang, |out| {
        khairukum::almanac::list::write(&plan, &request, settings.format, settings.lang, out)
    })?;
    Ok(SUCCESS)
}

/// The plan, or none where there is no plan folder: the built-in
/// occasions need none.
fn plan(dir: &Path) -> Result<Plan> {
    if !dir.exists() {
        return Ok(Plan::default());
    }
    Ok(khairukum::plan::load::load(dir)?.plan)
}

/// The plan's period and its name.
fn plan_period(plan: &Plan) -> Option<(NaiveDate, NaiveDate, String)> {
    let (from, to) = plan.settings.as_ref()?.data.period()?;
    Some((from, to, format!("{from} – {to}")))
}

/// The period asked for, else the plan's, else this year.
fn request(settings: &OccasionsSettings, plan: &Plan) -> Result<Request> {
    let (from, to, label) = match &settings.asked {
        Some(asked) => {
            let period = asked.period(settings.today, settings.lang)?;
            (period.from, period.to, period.label)
        }
        None => plan_period(plan).unwrap_or_else(|| {
            let year = settings.today.year();
            let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(settings.today);
            let last = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(settings.today);
            (first, last, year.to_string())
        }),
    };
    Ok(Request {
        from,
        to,
        label,
        all_sets: settings.all_sets,
        today: settings.today,
    })
}

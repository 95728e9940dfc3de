//! `khairukum insights`: the evidence of the charity's own posts over
//! whole months, for the next plan.

use super::args::{InsightsArgs, InsightsFormatArg};
use super::error::{Error, Result, SUCCESS};
use super::period::{Asked, asked_month, asked_year};
use anyhow::Context as _;
use chrono::NaiveDate;
use khairukum::report::data::Period;
use khairukum::report::insights::view::Format;
use khairukum::text::i18n::Lang;
use std::path::PathBuf;

pub(crate) struct InsightsSettings {
    plan: PathBuf,
    exports: Option<PathBuf>,
    /// The last month read.
    asked: Asked,
    months: u32,
    format: Format,
    output: Option<PathBuf>,
    today: NaiveDate,
    lang: Lang,
}

impl InsightsSettings {
    /// `lang` is the language asked for with `--lang`, if any: the HTML
    /// page is management's, in Arabic unless asked otherwise.
    pub(crate) fn resolve(plan: PathBuf, lang: Option<Lang>, args: &InsightsArgs) -> Result<Self> {
        let lang = lang.unwrap_or_else(|| match args.format {
            InsightsFormatArg::Html => Lang::Ar,
            _ => Lang::from_env(),
        });
        let asked = match (
            &args.month,
            &args.year,
            args.quarter,
            args.from.zip(args.to),
        ) {
            (_, _, _, Some((from, to))) => Asked::Range(from.min(to), to.max(from)),
            (_, _, Some((year, quarter)), _) => Asked::Quarter(year, quarter),
            (_, Some(words), ..) => asked_year(words, lang)?,
            (Some(words), ..) => asked_month(words, lang)?,
            _ => Asked::Month(None),
        };
        let width = super::terminal_width().filter(|_| args.output.is_none());
        let document = |format| Format::Document(format);
        Ok(InsightsSettings {
            plan,
            exports: args.exports.clone(),
            asked,
            months: args.months,
            format: match args.format {
                InsightsFormatArg::Table => {
                    document(khairukum::document::Format::Terminal { width })
                }
                InsightsFormatArg::Markdown => document(khairukum::document::Format::Markdown),
                InsightsFormatArg::Html => document(khairukum::document::Format::Html),
                InsightsFormatArg::Json => Format::Json,
                InsightsFormatArg::Csv => Format::Csv,
            },
            output: args.output.clone(),
            today: args
                .today
                .unwrap_or_else(|| chrono::Local::now().date_naive()),
            lang,
        })
    }
}

pub(crate) fn run(settings: &InsightsSettings) -> Result<u8> {
    let period = period(settings)?;
    let loaded = khairukum::plan::load::load(&settings.plan)?;
    super::plan_problems::print_load_errors(
        &loaded,
        khairukum::t!("plan-problems.report"),
        settings.lang,
    )?;
    let exports = super::report::exports_dir(
        &settings.plan,
        settings.exports.as_deref(),
        &loaded.plan,
        settings.lang,
    )?;
    let folder = khairukum::report::gather::folder_between(
        &exports,
        &loaded,
        period.from,
        period.to,
        settings.today,
    )
    .with_context(|| {
        khairukum::t!("usage.cannot-read-exports", path = exports.display()).text(settings.lang)
    })?;
    let insights = khairukum::report::insights::insights(
        &loaded.plan,
        &folder.imported,
        &folder.followers,
        &period,
    );
    super::write_output(settings.output.as_deref(), settings.lang, |out| {
        khairukum::report::insights::view::write(&insights, settings.format, settings.lang, out)
    })?;
    Ok(SUCCESS)
}

/// The months ending with the one asked for (a Hijri month counts Hijri
/// months back); a year, quarter or range as it is.
fn period(settings: &InsightsSettings) -> Result<Period> {
    let last = settings.asked.period(settings.today, settings.lang)?;
    if !matches!(settings.asked, Asked::Month(_) | Asked::HijriMonth(_)) {
        return Ok(last);
    }
    let mut first = last.clone();
    for _ in 1..settings.months {
        let day_before = first.from - chrono::TimeDelta::days(1);
        first = match &settings.asked {
            Asked::HijriMonth(_) => {
                let usage = |m: khairukum::text::i18n::Msg| Error::Usage(m.text(settings.lang));
                let month = khairukum::text::dates::HijriMonth::of(day_before)
                    .ok_or_else(|| usage(khairukum::t!("hijri.out-of-range", date = day_before)))?;
                Period::hijri_month(month).map_err(usage)?
            }
            _ => Period::month(khairukum::text::dates::Month::of(day_before)),
        };
    }
    let mut period = Period::range(first.from, last.to);
    period.label = format!("{} – {}", first.label, last.label);
    Ok(period)
}

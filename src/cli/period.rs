//! A period as staff write it after `--month`, `--year`, `--quarter` or
//! `--from`/`--to`, in either calendar, resolved once for the commands
//! that take one.

use super::error::{Error, Result};
use chrono::NaiveDate;
use khairukum::report::data::Period;
use khairukum::text::dates::{HijriMonth, Month};
use khairukum::text::i18n::Lang;

/// Which period was asked for.
pub(crate) enum Asked {
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
pub(crate) fn asked_month(words: &[String], lang: Lang) -> Result<Asked> {
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
pub(crate) fn asked_year(words: &[String], lang: Lang) -> Result<Asked> {
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

impl Asked {
    /// The period asked for; with no month, the one before `today`'s.
    pub(crate) fn period(&self, today: NaiveDate, lang: Lang) -> Result<Period> {
        let usage = |e: khairukum::text::i18n::Msg| Error::Usage(e.text(lang));
        Ok(match *self {
            Asked::Month(Some(m)) => Period::month(m),
            Asked::Month(None) => {
                let this = Month::of(today);
                Period::month(Month::of(this.first_day() - chrono::TimeDelta::days(1)))
            }
            Asked::HijriMonth(month) => Period::hijri_month(month).map_err(usage)?,
            Asked::Year(year) => Period::year(year),
            Asked::HijriYear(year) => Period::hijri_year(year).map_err(usage)?,
            Asked::Quarter(y, q) => Period::quarter(y, q),
            Asked::Range(from, to) => Period::range(from, to),
        })
    }
}

//! Reading the cells of platform exports: numbers as the platforms (and
//! Excel) write them, placeholders that mean "no value", and the many date
//! formats. A placeholder is `None`, never zero.

use crate::t;
use crate::text::arabic::western_digit;
use crate::text::i18n::Msg;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// Cells that mean "no value": reported as missing, never counted as zero.
pub(crate) fn is_placeholder(cell: &str) -> bool {
    matches!(
        cell.trim().to_ascii_lowercase().as_str(),
        "" | "-" | "--" | "—" | "undefined" | "nan" | "n/a" | "null" | "none"
    )
}

/// A number: `3423`, `3423.0`, `1,234`, `٣٤٥`, `-2`, `12.5%`. `Ok(None)` for a placeholder.
pub fn number(cell: &str) -> Result<Option<f64>, Msg> {
    let cell = cell.trim();
    if is_placeholder(cell) {
        return Ok(None);
    }
    let mut text = String::with_capacity(cell.len());
    for c in cell.chars() {
        match c {
            '0'..='9' | '.' | '-' | '+' | 'e' | 'E' => text.push(c),
            '٠'..='٩' | '۰'..='۹' => text.extend(western_digit(c)),
            '٫' => text.push('.'),
            ',' | '٬' | '\u{a0}' | ' ' | '%' => {}
            _ => return Err(t!("export.not-a-number", cell = cell)),
        }
    }
    text.parse::<f64>()
        .map(Some)
        .map_err(|_| t!("export.not-a-number", cell = cell))
}

/// A count: a number that must be whole (`3423.0` is 3423).
pub fn count(cell: &str) -> Result<Option<i64>, Msg> {
    match number(cell)? {
        None => Ok(None),
        #[allow(
            clippy::cast_possible_truncation,
            reason = "a whole number below 9e15 is exact in an i64"
        )]
        Some(v) if v.fract() == 0.0 && v.abs() < 9e15 => Ok(Some(v as i64)),
        Some(_) => Err(t!("export.not-whole", cell = cell.trim())),
    }
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month_number(name: &str) -> Option<u32> {
    let name = name.trim().to_ascii_lowercase();
    if name.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .zip(1..)
        .find(|(m, _)| name.starts_with(*m))
        .map(|(_, number)| number)
}

/// A date or date-time in any of the export formats, with what the cell says
/// about its time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// A moment in UTC (X classic: `2021-12-28 16:45 +0000`).
    Utc(NaiveDateTime),
    /// A wall-clock time without a zone (Meta: the account's time zone).
    Local(NaiveDateTime),
    /// A day only.
    Day(NaiveDate),
    /// A day without a year (TikTok Studio: `March 19`); the year is inferred later.
    NoYear { month: u32, day: u32 },
}

impl When {
    pub fn date_in(self, tz: chrono_tz::Tz) -> Option<NaiveDate> {
        use chrono::TimeZone;
        match self {
            When::Utc(t) => Some(tz.from_utc_datetime(&t).date_naive()),
            When::Local(t) => Some(t.date()),
            When::Day(d) => Some(d),
            When::NoYear { .. } => None,
        }
    }

    /// The local time in `tz`, when the cell has a time.
    pub fn local_time(self, tz: chrono_tz::Tz) -> Option<NaiveDateTime> {
        use chrono::TimeZone;
        match self {
            When::Utc(t) => Some(tz.from_utc_datetime(&t).naive_local()),
            When::Local(t) => Some(t),
            _ => None,
        }
    }
}

/// Parses the date formats seen in real exports.
pub fn when(cell: &str) -> Result<Option<When>, Msg> {
    let cell = cell.trim();
    if is_placeholder(cell) || cell.eq_ignore_ascii_case("lifetime") {
        return Ok(None);
    }
    let bad = || t!("export.not-a-date", cell = cell);
    if let Some(when) = fast_iso(cell.as_bytes()) {
        return Ok(Some(when));
    }
    // 2021-12-28 16:45 +0000
    if let Some(rest) = cell
        .strip_suffix("+0000")
        .or_else(|| cell.strip_suffix("+00:00"))
    {
        return NaiveDateTime::parse_from_str(rest.trim(), "%Y-%m-%d %H:%M")
            .or_else(|_| NaiveDateTime::parse_from_str(rest.trim(), "%Y-%m-%d %H:%M:%S"))
            .map(|t| Some(When::Utc(t)))
            .map_err(|_| bad());
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y/%m/%d %H:%M:%S",
        "%m/%d/%Y %H:%M",
        "%m/%d/%Y %I:%M:%S %p",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(cell, format) {
            // Meta's daily files carry a drifting T00/T01 hour: only the day is meant.
            if format == "%Y-%m-%dT%H:%M:%S" {
                return Ok(Some(When::Day(t.date())));
            }
            return Ok(Some(When::Local(t)));
        }
    }
    for format in ["%Y-%m-%d", "%Y/%m/%d", "%m/%d/%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(cell, format) {
            return Ok(Some(When::Day(d)));
        }
    }
    // "Tue, Feb 18, 2025", "Sat, Aug 22, 2026", "Mon Feb 17 2025", "Aug 28, 2025"
    let words: Vec<&str> = cell.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let parsed = match words.as_slice() {
        [_, month, day, year] | [month, day, year] => month_number(month)
            .and_then(|m| NaiveDate::from_ymd_opt(year.parse().ok()?, m, day.parse().ok()?)),
        [month, day] => {
            let (m, d) = (
                month_number(month).ok_or_else(bad)?,
                day.parse::<u32>().map_err(|_| bad())?,
            );
            if !(1..=31).contains(&d) {
                return Err(bad());
            }
            return Ok(Some(When::NoYear { month: m, day: d }));
        }
        _ => None,
    };
    parsed.map(|d| Some(When::Day(d))).ok_or_else(bad)
}

/// The two ISO forms most rows carry (`2021-12-28 16:45 +0000`, `2021-08-01`),
/// read without the general parser.
fn fast_iso(b: &[u8]) -> Option<When> {
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        b.get(range)?.iter().try_fold(0u32, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(digits(0..4)?.cast_signed(), digits(5..7)?, digits(8..10)?)?;
    match b.len() {
        10 => Some(When::Day(date)),
        22 if b[10] == b' ' && b[13] == b':' && &b[16..] == b" +0000" => {
            let time = NaiveTime::from_hms_opt(digits(11..13)?, digits(14..16)?, 0)?;
            Some(When::Utc(date.and_time(time)))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> When {
        When::Day(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn numbers_as_platforms_and_excel_write_them() {
        assert_eq!(number("3423.0"), Ok(Some(3423.0)));
        assert_eq!(number("1,234"), Ok(Some(1234.0)));
        assert_eq!(number("٣٤٥"), Ok(Some(345.0)));
        assert_eq!(number("-2"), Ok(Some(-2.0)));
        assert_eq!(
            number("0.0052585451358457495"),
            Ok(Some(0.005_258_545_135_845_749_5))
        );
        for missing in ["", "-", "--", "undefined", "NAN", "N/A"] {
            assert_eq!(number(missing), Ok(None), "{missing}");
        }
        assert!(number("twelve").is_err());
        assert_eq!(count("18.0"), Ok(Some(18)));
        assert!(count("1.5").is_err());
    }

    #[test]
    fn every_date_format_seen_in_real_exports() {
        let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        assert_eq!(
            when("2021-12-28 16:45 +0000"),
            Ok(Some(When::Utc(t("2021-12-28 16:45"))))
        );
        assert_eq!(when("2021-08-01"), Ok(Some(day(2021, 8, 1))));
        assert_eq!(when("Tue, Feb 18, 2025"), Ok(Some(day(2025, 2, 18))));
        assert_eq!(when("Mon Feb 17 2025"), Ok(Some(day(2025, 2, 17))));
        assert_eq!(when("Wed Mar 05 2025"), Ok(Some(day(2025, 3, 5))));
        assert_eq!(when("Aug 28, 2025"), Ok(Some(day(2025, 8, 28))));
        assert_eq!(
            when("02/16/2025 05:14"),
            Ok(Some(When::Local(t("2025-02-16 05:14"))))
        );
        assert_eq!(
            when("01/19/2017 09:03:47 AM"),
            Ok(Some(When::Local(
                t("2017-01-19 09:03") + chrono::TimeDelta::seconds(47)
            )))
        );
        assert_eq!(when("2025-01-01T01:00:00"), Ok(Some(day(2025, 1, 1))));
        assert_eq!(when("2025/10/31"), Ok(Some(day(2025, 10, 31))));
        assert_eq!(
            when("March 19"),
            Ok(Some(When::NoYear { month: 3, day: 19 }))
        );
        assert_eq!(when("Lifetime"), Ok(None));
        assert!(when("19th of March").is_err());
        assert!(when("Feb 30, 2025").is_err());
    }

    #[test]
    fn utc_times_land_on_the_riyadh_day() {
        let late = when("2021-12-31 22:30 +0000").unwrap().unwrap();
        assert_eq!(
            late.date_in(chrono_tz::Asia::Riyadh),
            NaiveDate::from_ymd_opt(2022, 1, 1)
        );
    }
}

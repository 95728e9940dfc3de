//! Reading the cells of platform exports: numbers as the platforms (and
//! Excel) write them, placeholders that mean "no value", and the many date
//! formats. A placeholder is `None`, never zero.

pub use crate::plan::model::settings::DateOrder;
use crate::t;
use crate::text::arabic::western_digit;
use crate::text::i18n::Msg;
use chrono::Datelike as _;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// Cells that mean "no value": reported as missing, never counted as zero.
pub(crate) fn is_placeholder(cell: &str) -> bool {
    matches!(
        cell.trim().to_ascii_lowercase().as_str(),
        "" | "-" | "--" | "—" | "undefined" | "nan" | "n/a" | "null" | "none"
    )
}

/// The largest count a cell may hold: no post is seen a trillion times, and
/// sums of a million such cells stay far from `i64`'s limit.
pub const MAX_COUNT: i64 = 1_000_000_000_000;

/// A count as platforms and Excel write it: `3423`, `3423.0` (X writes a
/// zero fraction), `1,234,567` or `1٬234` (thousands in groups of three),
/// `٣٤٥` or `۳۴۵`. A minus sign only where the column may be negative
/// (`signed`: net follows). Anything else — `-4712` in a count, `50%`,
/// `3e3`, `1,2,3`, `1 2 3`, `1.5` — is a problem, never a guess.
/// `Ok(None)` for a placeholder.
pub fn count(cell: &str, signed: bool) -> Result<Option<i64>, Msg> {
    let cell = cell.trim();
    if is_placeholder(cell) {
        return Ok(None);
    }
    let not_a_count = || t!("export.not-a-number", cell = cell);
    let (negative, unsigned) = sign_and_rest(cell);
    let unsigned = unsigned.as_str();
    if negative && !signed {
        return Err(t!("export.negative", cell = cell));
    }
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    if !fraction.chars().all(|c| c.is_ascii_digit()) || unsigned.ends_with('.') {
        return Err(not_a_count());
    }
    if fraction.chars().any(|c| c != '0') {
        return Err(t!("export.not-whole", cell = cell));
    }
    let digits = thousands(whole).ok_or_else(not_a_count)?;
    let value: i64 = digits
        .parse()
        .ok()
        .filter(|v| *v <= MAX_COUNT)
        .ok_or_else(|| t!("export.too-large", cell = cell))?;
    Ok(Some(if negative { -value } else { value }))
}

/// An amount of money or any quantity with a fraction, as a charity's own
/// systems write it: `150`, `1,250.50`, `١٬٢٥٠٫٥٠`, `-75.00` (a refund).
/// Thousands in groups of three as [`count`] reads them; anything else
/// (`50%`, `1.2.3`, `SAR 150`, `1e3`) is a problem, never a guess.
/// `Ok(None)` for a placeholder.
pub fn amount(cell: &str) -> Result<Option<f64>, Msg> {
    let cell = cell.trim();
    if is_placeholder(cell) {
        return Ok(None);
    }
    let not_an_amount = || t!("export.not-a-number", cell = cell);
    let (negative, unsigned) = sign_and_rest(cell);
    let unsigned = unsigned.as_str();
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    if !fraction.chars().all(|c| c.is_ascii_digit()) || unsigned.ends_with('.') {
        return Err(not_an_amount());
    }
    let digits = thousands(whole).ok_or_else(not_an_amount)?;
    let value: f64 = format!("{digits}.{fraction}0")
        .parse()
        .map_err(|_| not_an_amount())?;
    if value > MAX_COUNT as f64 {
        return Err(t!("export.too-large", cell = cell));
    }
    Ok(Some(if negative { -value } else { value }))
}

/// A number cell's sign and the rest of it, with Arabic and Persian digits
/// and separators (`٫` decimal, `٬` thousands) read as Western ones.
fn sign_and_rest(cell: &str) -> (bool, String) {
    let text: String = cell
        .chars()
        .map(|c| match c {
            '٫' => '.',
            '٬' => ',',
            c => western_digit(c).unwrap_or(c),
        })
        .collect();
    match text.strip_prefix('-') {
        Some(rest) => (true, rest.to_string()),
        None => (false, text.strip_prefix('+').unwrap_or(&text).to_string()),
    }
}

/// The digits of a whole number written plainly or with one kind of
/// thousands separator (`,`, a space or a no-break space) between groups of
/// three; `None` for anything else.
fn thousands(whole: &str) -> Option<String> {
    if whole.is_empty() {
        return None;
    }
    if whole.chars().all(|c| c.is_ascii_digit()) {
        return (whole.len() <= 18).then(|| whole.to_string());
    }
    let separator = whole.chars().find(|c| !c.is_ascii_digit())?;
    if !matches!(separator, ',' | ' ' | '\u{a0}' | '\u{202f}') {
        return None;
    }
    let groups: Vec<&str> = whole.split(separator).collect();
    let first_ok = (1..=3).contains(&groups[0].len());
    let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
    let digits_ok = groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()));
    (first_ok && rest_ok && digits_ok && whole.len() <= 24).then(|| groups.concat())
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

/// Parses the date formats seen in real exports, slashed dates month-first
/// (as the platforms write them).
pub fn when(cell: &str) -> Result<Option<When>, Msg> {
    when_in(cell, DateOrder::MonthFirst)
}

/// The day and month of a slashed date (`02/11/2026`, `2/11/2026 19:20`)
/// as written, first part first; `None` for any other cell.
pub fn slashed(cell: &str) -> Option<(u32, u32)> {
    let cell = cell.trim();
    let mut parts = cell.splitn(3, '/');
    let (first, second, rest) = (parts.next()?, parts.next()?, parts.next()?);
    let number = |part: &str| {
        (!part.is_empty() && part.len() <= 2 && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let year_ok = rest.len() >= 4 && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit);
    Some((number(first)?, number(second)?)).filter(|_| year_ok)
}

/// The only order in which a slashed date reads, when its parts show it
/// (one is above 12); `None` when both orders read it, or it is not one.
pub fn order_shown(cell: &str) -> Option<DateOrder> {
    match slashed(cell)? {
        (first, second) if first > 12 && (1..=12).contains(&second) => Some(DateOrder::DayFirst),
        (first, second) if second > 12 && (1..=12).contains(&first) => Some(DateOrder::MonthFirst),
        _ => None,
    }
}

/// [`when`], slashed dates read in `order`. A slashed date that reads only
/// in the other order is a date of a file that mixes orders: an error; so
/// is a year written with two digits (`01/11/26` is not the year 26).
pub fn when_in(cell: &str, order: DateOrder) -> Result<Option<When>, Msg> {
    let when = any_when(cell, order)?;
    let year = match when {
        Some(When::Utc(t) | When::Local(t)) => Some(t.date().year()),
        Some(When::Day(d)) => Some(d.year()),
        Some(When::NoYear { .. }) | None => None,
    };
    if year.is_some_and(|y| !(1900..=2200).contains(&y)) {
        return Err(t!("export.short-year", cell = cell.trim()));
    }
    Ok(when)
}

/// [`when_in`] without the check of the year.
fn any_when(cell: &str, order: DateOrder) -> Result<Option<When>, Msg> {
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
    // 2026-11-05T17:29:00Z, 2026-11-05T20:29:00+03:00: a moment, as UTC.
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(cell) {
        return Ok(Some(When::Utc(t.naive_utc())));
    }
    if order_shown(cell).is_some_and(|shown| shown != order) {
        return Err(t!(
            "export.mixed-date-order",
            cell = cell,
            order = order.as_str()
        ));
    }
    let day_first = order == DateOrder::DayFirst;
    let slashed_times: [&str; 3] = if day_first {
        [
            "%d/%m/%Y %H:%M",
            "%d/%m/%Y %I:%M:%S %p",
            "%d/%m/%Y %H:%M:%S",
        ]
    } else {
        [
            "%m/%d/%Y %H:%M",
            "%m/%d/%Y %I:%M:%S %p",
            "%m/%d/%Y %H:%M:%S",
        ]
    };
    // With seconds or without, a `T` or a space, as exports and Excel's
    // re-saves write a local time.
    let iso_times = [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%Y/%m/%d %H:%M:%S",
        "%Y/%m/%d %H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
    ];
    for format in iso_times.into_iter().chain(slashed_times) {
        if let Ok(t) = NaiveDateTime::parse_from_str(cell, format) {
            // Meta's daily files carry a drifting T00/T01 hour: only the day is meant.
            if format == "%Y-%m-%dT%H:%M:%S" {
                return Ok(Some(When::Day(t.date())));
            }
            return Ok(Some(When::Local(t)));
        }
    }
    for format in [
        "%Y-%m-%d",
        "%Y/%m/%d",
        if day_first { "%d/%m/%Y" } else { "%m/%d/%Y" },
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(cell, format) {
            return Ok(Some(When::Day(d)));
        }
    }
    worded(cell)
}

/// A date written in words: "Tue, Feb 18, 2025", "Sat, Aug 22, 2026",
/// "Mon Feb 17 2025", "Aug 28, 2025", or TikTok's "July 16" (no year).
fn worded(cell: &str) -> Result<Option<When>, Msg> {
    let bad = || t!("export.not-a-date", cell = cell);
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
    fn timestamps_as_exports_and_excel_re_saves_write_them() {
        let local = |h: u32, m: u32, sec: u32| {
            When::Local(
                NaiveDate::from_ymd_opt(2026, 11, 5)
                    .unwrap()
                    .and_hms_opt(h, m, sec)
                    .unwrap(),
            )
        };
        let utc = |h: u32, m: u32| {
            When::Utc(
                NaiveDate::from_ymd_opt(2026, 11, 5)
                    .unwrap()
                    .and_hms_opt(h, m, 0)
                    .unwrap(),
            )
        };
        for (cell, want) in [
            ("2026-11-05 20:29:00", local(20, 29, 0)),
            ("2026-11-05 20:29", local(20, 29, 0)),
            ("2026-11-05T20:29", local(20, 29, 0)),
            ("2026/11/05 20:29", local(20, 29, 0)),
            ("2026/11/05 20:29:07", local(20, 29, 7)),
            ("2026-11-05 20:29:07.000", local(20, 29, 7)),
            ("11/5/2026 20:29", local(20, 29, 0)),
            ("11/5/2026 8:29:00 PM", local(20, 29, 0)),
            ("2026-11-05T17:29:00Z", utc(17, 29)),
            ("2026-11-05T20:29:00+03:00", utc(17, 29)),
            ("2026-11-05 17:29 +0000", utc(17, 29)),
        ] {
            assert_eq!(when(cell), Ok(Some(want)), "{cell}");
        }
    }

    #[test]
    fn amounts_with_fractions_signs_and_arabic_digits() {
        for (cell, value) in [
            ("150", 150.0),
            ("150.5", 150.5),
            ("1,250.50", 1250.5),
            ("١٬٢٥٠٫٥٠", 1250.5),
            ("۷۵", 75.0),
            ("-75.00", -75.0),
            ("+20", 20.0),
            (" 0.25 ", 0.25),
            ("1 000", 1000.0),
        ] {
            assert_eq!(amount(cell), Ok(Some(value)), "{cell}");
        }
        // The largest amount is the largest count; a cent more is too large.
        assert_eq!(amount("1,000,000,000,000"), Ok(Some(1e12)));
        assert!(amount("1000000000000.01").is_err());
        assert_eq!(amount(""), Ok(None));
        assert_eq!(amount("--"), Ok(None));
        for bad in [
            "50%",
            "1.2.3",
            "SAR 150",
            "1e3",
            "1,25",
            "12.",
            ".5",
            "--5",
            "2000000000000",
        ] {
            assert!(amount(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn counts_as_platforms_and_excel_write_them() {
        for (cell, value) in [
            ("3423", 3423),
            ("3423.0", 3423),
            (" 18.00 ", 18),
            ("1,234", 1234),
            ("1,234,567", 1_234_567),
            ("1٬234", 1234),
            ("1 234", 1234),
            ("1\u{a0}234", 1234),
            ("٣٤٥", 345),
            ("۳۴۵", 345),
            ("٣٤٥٫٠", 345),
            ("0", 0),
            ("+7", 7),
        ] {
            assert_eq!(count(cell, false), Ok(Some(value)), "{cell:?}");
        }
        for missing in ["", "-", "--", "undefined", "NAN", "N/A"] {
            assert_eq!(count(missing, false), Ok(None), "{missing}");
        }
        assert_eq!(count("-2", true), Ok(Some(-2)));
        assert_eq!(count("-1,200", true), Ok(Some(-1200)));
    }

    #[test]
    fn what_is_not_a_plain_count_is_a_problem() {
        for cell in [
            "-4712",
            "50%",
            "3e3",
            "1,2,3",
            "1 2 3",
            "1.5",
            "12.",
            "twelve",
            "1,23",
            "1234,567",
            "1,234 567",
            "0x10",
            "١.٥",
            "--3",
            "9223372036854775807",
            "1000000000001",
        ] {
            assert!(count(cell, false).is_err(), "{cell:?} was taken as a count");
        }
        assert_eq!(count(&MAX_COUNT.to_string(), false), Ok(Some(MAX_COUNT)));
        assert!(count("-4712", true).is_ok());
        assert!(
            count("-4712", false)
                .unwrap_err()
                .text(crate::text::i18n::Lang::En)
                .contains("negative")
        );
    }

    #[test]
    fn slashed_dates_in_either_order() {
        let nov = |d| {
            Ok(Some(When::Day(
                NaiveDate::from_ymd_opt(2026, 11, d).unwrap(),
            )))
        };
        assert_eq!(when_in("02/11/2026", DateOrder::DayFirst), nov(2));
        assert_eq!(when_in("11/02/2026", DateOrder::MonthFirst), nov(2));
        assert_eq!(when_in("25/11/2026", DateOrder::DayFirst), nov(25));
        let t = NaiveDateTime::parse_from_str("2026-11-02 19:20", "%Y-%m-%d %H:%M").unwrap();
        assert_eq!(
            when_in("02/11/2026 19:20", DateOrder::DayFirst),
            Ok(Some(When::Local(t)))
        );
        assert_eq!(order_shown("25/11/2026"), Some(DateOrder::DayFirst));
        assert_eq!(order_shown("11/25/2026 19:20"), Some(DateOrder::MonthFirst));
        assert_eq!(order_shown("02/11/2026"), None);
        assert_eq!(order_shown("2026-11-02"), None);
        assert_eq!(order_shown("31/31/2026"), None);
        // A date that reads only the other way is an error, never a guess.
        assert!(when_in("25/11/2026", DateOrder::MonthFirst).is_err());
        // A year of two digits is no year 26, nor a guess of 2026.
        for cell in [
            "01/11/26",
            "11/01/26",
            "01/11/26 19:20",
            "26-11-01",
            "Nov 1, 26",
        ] {
            assert!(when_in(cell, DateOrder::DayFirst).is_err(), "{cell}");
            assert!(when_in(cell, DateOrder::MonthFirst).is_err(), "{cell}");
        }
        assert!(when_in("11/25/2026", DateOrder::DayFirst).is_err());
        assert_eq!(slashed("2/3/2026"), Some((2, 3)));
        assert_eq!(slashed("2/3/26"), None);
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
    fn slashed_parts_are_one_or_two_digits_and_a_year() {
        assert_eq!(slashed("123/11/2026"), None);
        assert_eq!(slashed("1a/11/2026"), None);
        assert_eq!(slashed("/11/2026"), None);
        assert_eq!(slashed("02/11/2026 19:20"), Some((2, 11)));
        // Twelve is a month either way round: the order is not shown.
        assert_eq!(order_shown("01/12/2026"), None);
        assert_eq!(order_shown("12/01/2026"), None);
        assert_eq!(order_shown("13/12/2026"), Some(DateOrder::DayFirst));
        assert_eq!(order_shown("12/13/2026"), Some(DateOrder::MonthFirst));
    }

    /// The fast path reads its two forms itself, as the general parser
    /// would, and leaves everything else to it.
    #[test]
    fn the_fast_iso_path_agrees_with_the_general_one() {
        let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        assert_eq!(
            fast_iso(b"2021-12-28 16:45 +0000"),
            Some(When::Utc(t("2021-12-28 16:45")))
        );
        assert_eq!(
            fast_iso(b"1999-07-09 03:07 +0000"),
            Some(When::Utc(t("1999-07-09 03:07")))
        );
        assert_eq!(fast_iso(b"2021-08-01"), Some(day(2021, 8, 1)));
        assert_eq!(fast_iso(b"0987-06-05"), Some(day(987, 6, 5)));
        for other in [
            "2021-12-28 16:45 +0300",
            "2021-12-28 16:45 +00:00",
            "2021-12-28T16:45 +0000",
            "2021-12-28 16.45 +0000",
            "2021/12/28",
            "2021-12/28",
            "2021/12-28",
            "2021-13-01",
            "2021-02-30",
            "2021-12-28 25:00 +0000",
            "2021-1a-01",
            "2021-12-28 ",
            "2021",
            "",
            "02/11/2026",
        ] {
            assert_eq!(fast_iso(other.as_bytes()), None, "{other}");
        }
        // Where the fast path reads a cell, the general one reads it the same.
        for cell in ["2021-12-28 16:45 +0000", "2021-08-01", "2024-02-29"] {
            let fast = fast_iso(cell.as_bytes());
            let general = if cell.len() == 10 {
                NaiveDate::parse_from_str(cell, "%Y-%m-%d")
                    .map(When::Day)
                    .ok()
            } else {
                NaiveDateTime::parse_from_str(&cell[..16], "%Y-%m-%d %H:%M")
                    .map(When::Utc)
                    .ok()
            };
            assert_eq!(fast, general, "{cell}");
        }
        // A zone other than UTC is no UTC time.
        assert!(when("2021-12-28 16:45 +0300").is_err());
    }

    #[test]
    fn local_times_in_the_plan_zone() {
        let riyadh = chrono_tz::Asia::Riyadh;
        let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        assert_eq!(
            When::Utc(t("2021-12-28 16:45")).local_time(riyadh),
            Some(t("2021-12-28 19:45"))
        );
        assert_eq!(
            When::Local(t("2021-12-28 16:45")).local_time(riyadh),
            Some(t("2021-12-28 16:45"))
        );
        assert_eq!(day(2021, 12, 28).local_time(riyadh), None);
        assert_eq!(When::NoYear { month: 3, day: 19 }.date_in(riyadh), None);
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

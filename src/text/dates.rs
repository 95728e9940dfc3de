//! Dates, times, months and durations as staff write them: Gregorian ISO
//! (`2026-11-12`) or Hijri Umm al-Qura (`1448-05-21 AH`), `19:00`, `2026-11`,
//! `-3d`. Hijri arithmetic comes from `icu_calendar`.

use crate::t;
use crate::text::i18n::Msg;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use icu_calendar::{Date, Iso, cal::Hijri};
use std::fmt;

/// Parses a Gregorian or Hijri date.
pub fn parse_date(text: &str) -> Result<NaiveDate, Msg> {
    let text = text.trim();
    if let Some(hijri) = strip_hijri_suffix(text) {
        let (y, m, d) = split_ymd(hijri).ok_or_else(|| t!("date.expected"))?;
        return hijri_to_gregorian(y, m, d);
    }
    let (y, m, d) = split_ymd(text).ok_or_else(|| t!("date.expected"))?;
    gregorian(y, m, d)
}

/// Parses `DATE[T| ]HH:MM[:SS]`, where DATE is Gregorian or Hijri.
pub fn parse_date_time(text: &str) -> Result<NaiveDateTime, Msg> {
    let text = text.trim();
    let Some((date_part, time_part)) = text
        .rfind(['T', ' '])
        .map(|i| (text[..i].trim_end(), &text[i + 1..]))
        .filter(|(_, time)| time.contains(':'))
    else {
        return Err(t!("date-time.expected"));
    };
    let date = parse_date(date_part).map_err(|e| {
        if e.id == "date.expected" {
            t!("date-time.expected")
        } else {
            e
        }
    })?;
    let time = parse_time(time_part)?;
    Ok(date.and_time(time))
}

/// Parses `HH:MM` or `HH:MM:SS` on a 24-hour clock.
pub(crate) fn parse_time(text: &str) -> Result<NaiveTime, Msg> {
    let text = text.trim();
    let parts: Vec<&str> = text.split(':').collect();
    let numbers: Option<Vec<u32>> = parts
        .iter()
        .map(|p| {
            (!p.is_empty() && p.len() <= 2)
                .then(|| p.parse().ok())
                .flatten()
        })
        .collect();
    match numbers.as_deref() {
        Some([h, m] | [h, m, 0]) if *h < 24 && *m < 60 => {
            Ok(NaiveTime::from_hms_opt(*h, *m, 0).expect("checked range"))
        }
        Some([h, m, s]) if *h < 24 && *m < 60 && *s < 60 => {
            Ok(NaiveTime::from_hms_opt(*h, *m, *s).expect("checked range"))
        }
        Some([h, m, ..]) if *h >= 24 || *m >= 60 => Err(t!("time.out-of-range", text = text)),
        _ => Err(t!("time.expected")),
    }
}

/// A calendar month, `2026-11`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    pub fn parse(text: &str) -> Result<Month, Msg> {
        let text = text.trim();
        let expected = || t!("month.expected");
        let (y, m) = text.split_once('-').ok_or_else(expected)?;
        if y.len() != 4 || m.len() != 2 {
            return Err(expected());
        }
        let year = y.parse().map_err(|_| expected())?;
        let month: u32 = m.parse().map_err(|_| expected())?;
        if !(1..=12).contains(&month) {
            return Err(t!("month.out-of-range", text = text));
        }
        Ok(Month { year, month })
    }

    pub fn of(date: NaiveDate) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("valid month")
    }

    #[must_use]
    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    #[must_use]
    pub fn previous(self) -> Month {
        Month::of(self.first_day() - chrono::TimeDelta::days(1))
    }

    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().expect("valid date")
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A month of the Hijri calendar (Umm al-Qura), as management counts:
/// `1448-05 AH` (or `1448-05 هـ`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HijriMonth {
    pub year: i32,
    /// 1 (Muharram) to 12 (Dhu al-Hijjah).
    pub month: u32,
}

impl HijriMonth {
    /// `1448-05 AH`, `1448-05AH`, `1448-05 هـ`; `None` when the text has no
    /// Hijri suffix (it is then no Hijri month at all).
    pub fn parse(text: &str) -> Option<Result<HijriMonth, Msg>> {
        let month = strip_hijri_suffix(text.trim())?;
        Some(Month::parse(month).map(|m| HijriMonth {
            year: m.year,
            month: m.month,
        }))
    }

    /// The month of the Hijri calendar that `date` falls in.
    pub fn of(date: NaiveDate) -> Option<HijriMonth> {
        to_hijri(date).map(|h| HijriMonth {
            year: h.year,
            month: u32::from(h.month),
        })
    }

    /// Its first day, in the Gregorian calendar.
    pub fn first_day(self) -> Result<NaiveDate, Msg> {
        hijri_to_gregorian(self.year, self.month, 1)
    }

    /// Its last day (29th or 30th), in the Gregorian calendar.
    pub fn last_day(self) -> Result<NaiveDate, Msg> {
        let next = self.next().first_day()?;
        next.pred_opt()
            .ok_or_else(|| t!("hijri.out-of-range", date = self))
    }

    #[must_use]
    pub fn next(self) -> HijriMonth {
        if self.month == 12 {
            HijriMonth {
                year: self.year + 1,
                month: 1,
            }
        } else {
            HijriMonth {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    #[must_use]
    pub fn previous(self) -> HijriMonth {
        if self.month == 1 {
            HijriMonth {
                year: self.year - 1,
                month: 12,
            }
        } else {
            HijriMonth {
                year: self.year,
                month: self.month - 1,
            }
        }
    }
}

impl fmt::Display for HijriMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02} AH", self.year, self.month)
    }
}

/// A signed span of time written `-3d`, `+2h`, `1w`, `30m`, `-1d12h` or `0`,
/// at most [`Duration::MAX_DAYS`] either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Duration {
    pub minutes: i64,
}

impl Duration {
    /// The longest span a plan may write: ten years. A task due years
    /// before its item, or an effort of years, is a typing mistake, and a
    /// date moved by such a span could leave the calendar.
    pub const MAX_DAYS: i64 = 3660;

    pub fn parse(text: &str) -> Result<Duration, Msg> {
        let text = text.trim();
        let expected = || t!("duration.expected", text = text);
        let (sign, body) = match text.as_bytes().first() {
            Some(b'-') => (-1, &text[1..]),
            Some(b'+') => (1, &text[1..]),
            _ => (1, text),
        };
        if body == "0" {
            return Ok(Duration { minutes: 0 });
        }
        let mut minutes: i64 = 0;
        let mut number = String::new();
        for c in body.chars() {
            if c.is_ascii_digit() {
                number.push(c);
                continue;
            }
            let unit = match c {
                'w' => 7 * 24 * 60,
                'd' => 24 * 60,
                'h' => 60,
                'm' => 1,
                _ => return Err(expected()),
            };
            let n: i64 = number.parse().map_err(|_| expected())?;
            minutes = n
                .checked_mul(unit)
                .and_then(|v| minutes.checked_add(v))
                .ok_or_else(expected)?;
            number.clear();
        }
        if !number.is_empty() || body.is_empty() {
            return Err(expected());
        }
        if minutes > Self::MAX_DAYS * 24 * 60 {
            return Err(t!(
                "duration.too-long",
                text = text,
                max = format!("{}d", Self::MAX_DAYS)
            ));
        }
        Ok(Duration {
            minutes: sign * minutes,
        })
    }

    pub fn to_chrono(self) -> chrono::TimeDelta {
        chrono::TimeDelta::minutes(self.minutes)
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = match self.minutes.signum() {
            0 => return f.write_str("0"),
            -1 => "-",
            _ => "+",
        };
        let mut rest = self.minutes.unsigned_abs();
        f.write_str(sign)?;
        for (unit, size) in [("d", 24 * 60), ("h", 60), ("m", 1)] {
            if rest >= size {
                write!(f, "{}{unit}", rest / size)?;
                rest %= size;
            }
        }
        Ok(())
    }
}

/// A Gregorian date written as a Hijri (Umm al-Qura) date: `1448-05-21 AH`.
pub(crate) fn to_hijri(date: NaiveDate) -> Option<HijriDate> {
    let iso = Date::try_new_iso(
        date.year(),
        u8::try_from(date.month()).ok()?,
        u8::try_from(date.day()).ok()?,
    )
    .ok()?;
    let hijri = iso.to_calendar(Hijri::new_umm_al_qura());
    Some(HijriDate {
        year: hijri.era_year().year,
        month: hijri.month().ordinal,
        day: hijri.day_of_month().0,
    })
}

/// A date in the Hijri calendar (Umm al-Qura).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HijriDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl fmt::Display for HijriDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02} AH", self.year, self.month, self.day)
    }
}

/// The name of a month of the Hijri calendar (1 = Muharram).
pub fn hijri_month_name(month: u32) -> Msg {
    match month {
        1 => t!("hijri-month.1"),
        2 => t!("hijri-month.2"),
        3 => t!("hijri-month.3"),
        4 => t!("hijri-month.4"),
        5 => t!("hijri-month.5"),
        6 => t!("hijri-month.6"),
        7 => t!("hijri-month.7"),
        8 => t!("hijri-month.8"),
        9 => t!("hijri-month.9"),
        10 => t!("hijri-month.10"),
        11 => t!("hijri-month.11"),
        _ => t!("hijri-month.12"),
    }
}

/// The short name of a day of the week (`Sun`, `الأحد`).
pub fn weekday_name(day: chrono::Weekday) -> Msg {
    match day {
        chrono::Weekday::Sun => t!("weekday.sun"),
        chrono::Weekday::Mon => t!("weekday.mon"),
        chrono::Weekday::Tue => t!("weekday.tue"),
        chrono::Weekday::Wed => t!("weekday.wed"),
        chrono::Weekday::Thu => t!("weekday.thu"),
        chrono::Weekday::Fri => t!("weekday.fri"),
        chrono::Weekday::Sat => t!("weekday.sat"),
    }
}

/// A label as `lang` writes the Hijri era: `AH` in English, `هـ` in Arabic
/// (`1448-05 AH` → `1448-05 هـ`); Gregorian labels are left as they are.
pub fn in_era_of(text: &str, lang: crate::text::i18n::Lang) -> std::borrow::Cow<'_, str> {
    match lang {
        crate::text::i18n::Lang::Ar => text.replace(" AH", " هـ").into(),
        crate::text::i18n::Lang::En => text.into(),
    }
}

pub(crate) fn strip_hijri_suffix(text: &str) -> Option<&str> {
    for suffix in ["AH", "ah", "هـ", "ه"] {
        if let Some(rest) = text.strip_suffix(suffix) {
            return Some(rest.trim_end());
        }
    }
    None
}

fn split_ymd(text: &str) -> Option<(i32, u32, u32)> {
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(y) && all_digits(m) && all_digits(d)) {
        return None;
    }
    Some((y.parse().ok()?, m.parse().ok()?, d.parse().ok()?))
}

fn gregorian(y: i32, m: u32, d: u32) -> Result<NaiveDate, Msg> {
    let written = format!("{y:04}-{m:02}-{d:02}");
    if !(1..=12).contains(&m) {
        return Err(t!("date.bad-month", date = written));
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
        let days = Month { year: y, month: m }.last_day().day();
        t!(
            "date.no-such-day",
            date = written,
            month = MONTH_NAMES[m as usize - 1],
            year = y,
            days = days
        )
    })
}

fn hijri_to_gregorian(y: i32, m: u32, d: u32) -> Result<NaiveDate, Msg> {
    let written = format!("{y:04}-{m:02}-{d:02} AH");
    if !(1..=12).contains(&m) {
        return Err(t!("hijri.bad-month", date = written));
    }
    if d == 0 || d > 30 {
        return Err(t!("hijri.bad-day", date = written));
    }
    #[allow(
        clippy::cast_possible_truncation,
        reason = "month and day were checked to be 1..=12 and 1..=30 above"
    )]
    let hijri = Date::try_new_hijri_with_calendar(y, m as u8, d as u8, Hijri::new_umm_al_qura())
        .map_err(|e| match e {
            icu_calendar::RangeError {
                field: "day", max, ..
            } => t!(
                "hijri.no-such-day",
                date = &written,
                month = m,
                year = y,
                days = max
            ),
            _ => t!("hijri.out-of-range", date = &written),
        })?;
    let iso: Date<Iso> = hijri.to_calendar(Iso);
    NaiveDate::from_ymd_opt(
        iso.era_year().year,
        u32::from(iso.month().ordinal),
        u32::from(iso.day_of_month().0),
    )
    .ok_or_else(|| t!("hijri.out-of-range", date = &written))
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Umm al-Qura month boundaries, from Python's `hijridate` 2.6 (an
    /// implementation of the same tables written apart from ICU's).
    #[test]
    fn hijri_months_begin_and_end_as_umm_al_qura_says() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        for (year, month, first, last) in [
            (1448, 1, day(2026, 6, 16), day(2026, 7, 14)),
            (1448, 5, day(2026, 10, 12), day(2026, 11, 10)),
            (1448, 6, day(2026, 11, 11), day(2026, 12, 9)),
            (1448, 12, day(2027, 5, 7), day(2027, 6, 5)),
            (1449, 1, day(2027, 6, 6), day(2027, 7, 4)),
            (1447, 12, day(2026, 5, 18), day(2026, 6, 15)),
        ] {
            let m = HijriMonth { year, month };
            assert_eq!(m.first_day(), Ok(first), "{m}");
            assert_eq!(m.last_day(), Ok(last), "{m}");
            assert_eq!(HijriMonth::of(first), Some(m));
            assert_eq!(HijriMonth::of(last), Some(m));
        }
        assert_eq!(
            HijriMonth::of(day(2026, 11, 30)),
            Some(HijriMonth {
                year: 1448,
                month: 6
            })
        );
        let m = HijriMonth {
            year: 1448,
            month: 12,
        };
        assert_eq!(
            m.next(),
            HijriMonth {
                year: 1449,
                month: 1
            }
        );
        assert_eq!(m.next().previous(), m);
        assert_eq!(m.to_string(), "1448-12 AH");
    }

    #[test]
    fn a_hijri_month_is_written_with_its_suffix() {
        let m = HijriMonth {
            year: 1448,
            month: 5,
        };
        for text in ["1448-05 AH", "1448-05AH", " 1448-05 هـ ", "1448-05 ah"] {
            assert_eq!(HijriMonth::parse(text), Some(Ok(m)), "{text}");
        }
        assert_eq!(HijriMonth::parse("1448-05"), None);
        assert!(matches!(HijriMonth::parse("1448-13 AH"), Some(Err(_))));
        assert!(matches!(HijriMonth::parse("1448-5 AH"), Some(Err(_))));
    }
    use crate::text::i18n::Lang;

    fn en<T: std::fmt::Debug>(r: Result<T, Msg>) -> Result<T, String> {
        r.map_err(|m| m.text(Lang::En))
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn gregorian_dates_and_impossible_ones() {
        assert_eq!(en(parse_date("2026-11-12")), Ok(ymd(2026, 11, 12)));
        assert_eq!(
            en(parse_date("2026-02-30")).unwrap_err(),
            "2026-02-30 does not exist: February 2026 has 28 days"
        );
        assert!(
            en(parse_date("2026-13-01"))
                .unwrap_err()
                .contains("months run 01–12")
        );
        assert!(
            en(parse_date("12/11/2026"))
                .unwrap_err()
                .starts_with("expected")
        );
    }

    #[test]
    fn hijri_dates_convert_with_umm_al_qura() {
        // 1 Ramadan 1447 AH is 18 February 2026 (Umm al-Qura).
        assert_eq!(en(parse_date("1447-09-01 AH")), Ok(ymd(2026, 2, 18)));
        assert_eq!(en(parse_date("1448-05-30 AH")), Ok(ymd(2026, 11, 10)));
        assert_eq!(en(parse_date("1448-05-30 هـ")), Ok(ymd(2026, 11, 10)));
        // Jumada al-Akhirah 1448 has 29 days.
        let err = en(parse_date("1448-06-30 AH")).unwrap_err();
        assert_eq!(
            err,
            "1448-06-30 AH does not exist: month 6 of 1448 AH has 29 days (Umm al-Qura)"
        );
    }

    #[test]
    fn round_trips_to_hijri() {
        let h = to_hijri(ymd(2026, 11, 10)).unwrap();
        assert_eq!(h.to_string(), "1448-05-30 AH");
        assert_eq!(
            in_era_of("1448-01-01 AH – 1448-12-30 AH", Lang::Ar),
            "1448-01-01 هـ – 1448-12-30 هـ"
        );
        assert_eq!(in_era_of("1448 AH", Lang::En), "1448 AH");
        assert_eq!(in_era_of("2026-11", Lang::Ar), "2026-11");
        assert_eq!(en(parse_date(&h.to_string())), Ok(ymd(2026, 11, 10)));
    }

    #[test]
    fn date_times() {
        let dt = en(parse_date_time("2026-11-12T19:00")).unwrap();
        assert_eq!(dt.to_string(), "2026-11-12 19:00:00");
        assert_eq!(
            en(parse_date_time("1448-05-30 AH 08:30"))
                .unwrap()
                .to_string(),
            "2026-11-10 08:30:00"
        );
        assert_eq!(
            en(parse_date_time("2026-11-12T25:00")).unwrap_err(),
            "`25:00` is not a time of day: hours run 00–23 and minutes 00–59"
        );
        assert!(
            en(parse_date_time("2026-11-12"))
                .unwrap_err()
                .starts_with("expected a date and time")
        );
    }

    #[test]
    fn months() {
        let m = Month::parse("2026-12").unwrap();
        assert_eq!(m.last_day(), ymd(2026, 12, 31));
        assert_eq!(m.next().to_string(), "2027-01");
        assert_eq!(
            Month::parse("2027-01").unwrap().previous().to_string(),
            "2026-12"
        );
        assert_eq!(
            Month::parse("2026-02").unwrap().last_day(),
            ymd(2026, 2, 28)
        );
        assert!(Month::parse("2026-13").is_err());
        assert!(Month::parse("2026-1").is_err());
    }

    #[test]
    fn durations() {
        assert_eq!(Duration::parse("-3d").unwrap().minutes, -3 * 24 * 60);
        assert_eq!(Duration::parse("+2h").unwrap().minutes, 120);
        assert_eq!(Duration::parse("1d12h").unwrap().minutes, 36 * 60);
        assert_eq!(Duration::parse("1w").unwrap().minutes, 7 * 24 * 60);
        assert_eq!(Duration::parse("0").unwrap().minutes, 0);
        assert_eq!(Duration::parse("-1d12h").unwrap().to_string(), "-1d12h");
        for bad in ["", "3", "d", "-3x", "3d4", "99999999999999999999d"] {
            assert!(en(Duration::parse(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn durations_end_at_ten_years_either_way() {
        assert_eq!(Duration::parse("3660d").unwrap().minutes, 3660 * 24 * 60);
        assert_eq!(Duration::parse("-3660d").unwrap().minutes, -3660 * 24 * 60);
        for long in [
            "3661d",
            "-3660d1m",
            "99999999d",
            "2562047788015215h",
            "523w",
        ] {
            let message = en(Duration::parse(long)).unwrap_err();
            assert!(message.contains("at most 3660d"), "{long}: {message}");
        }
    }

    /// Each parser at the edges of what it accepts.
    #[test]
    fn edges_of_the_time_parser() {
        let time = |t: &str| en(parse_time(t)).map(|t| t.to_string());
        assert_eq!(time("23:59"), Ok("23:59:00".into()));
        assert_eq!(time("0:00"), Ok("00:00:00".into()));
        assert_eq!(time("07:05:00"), Ok("07:05:00".into()));
        assert_eq!(time("07:05:59"), Ok("07:05:59".into()));
        for out_of_range in ["24:00", "23:60", "24:00:00", "12:60:00"] {
            assert!(
                time(out_of_range).unwrap_err().contains("hours run 00–23"),
                "{out_of_range}"
            );
        }
        for not_a_time in [
            "12:00:60",
            "7",
            "007:00",
            "12:",
            ":30",
            "12:30:00:00",
            "ab:cd",
        ] {
            assert!(
                time(not_a_time).unwrap_err().starts_with("expected"),
                "{not_a_time}"
            );
        }
    }

    #[test]
    fn edges_of_the_date_parser() {
        for not_a_date in [
            "26-11-12",
            "2026-1-12",
            "2026-11-1",
            "2026-11-12-01",
            "2026-1a-12",
            "202a-11-12",
            "2026-11-1b",
            "+026-11-12",
            "2026-+1-12",
            "2026-11-+2",
            "2026-11",
        ] {
            assert!(
                en(parse_date(not_a_date))
                    .unwrap_err()
                    .starts_with("expected"),
                "{not_a_date}"
            );
        }
        assert!(
            en(parse_date("2026-00-10"))
                .unwrap_err()
                .contains("months run")
        );
        assert_eq!(
            en(parse_date("2024-02-30")).unwrap_err(),
            "2024-02-30 does not exist: February 2024 has 29 days"
        );
        assert_eq!(en(parse_date(" 2024-02-29 ")), Ok(ymd(2024, 2, 29)));
    }

    #[test]
    fn edges_of_hijri_dates() {
        assert_eq!(en(parse_date("1448-05-30ah")), Ok(ymd(2026, 11, 10)));
        assert_eq!(en(parse_date("1448-05-30 ه")), Ok(ymd(2026, 11, 10)));
        // As the Umm al-Qura tables of the `hijridate` Python package give them.
        assert_eq!(en(parse_date("1448-01-01 AH")), Ok(ymd(2026, 6, 16)));
        assert_eq!(en(parse_date("1448-12-29 AH")), Ok(ymd(2027, 6, 4)));
        for (bad, id) in [
            ("1448-13-01 AH", "hijri.bad-month"),
            ("1448-00-01 AH", "hijri.bad-month"),
            ("1448-05-00 AH", "hijri.bad-day"),
            ("1448-05-31 AH", "hijri.bad-day"),
            ("1448-06-30 AH", "hijri.no-such-day"),
        ] {
            assert_eq!(parse_date(bad).map_err(|m| m.id), Err(id), "{bad}");
        }
        assert_eq!(
            to_hijri(ymd(2026, 6, 16)).map(|h| h.to_string()).as_deref(),
            Some("1448-01-01 AH")
        );
    }

    #[test]
    fn edges_of_the_date_and_time_parser() {
        let at = |t: &str| en(parse_date_time(t)).map(|t| t.to_string());
        assert_eq!(at("2026-11-12 19:00"), Ok("2026-11-12 19:00:00".into()));
        assert_eq!(at("2026-11-12  19:00:30"), Ok("2026-11-12 19:00:30".into()));
        // A date that does not exist says so, not "expected a date and time".
        assert!(
            at("2026-02-30 10:00")
                .unwrap_err()
                .contains("does not exist")
        );
        assert!(
            at("2026-11-12 AH")
                .unwrap_err()
                .starts_with("expected a date and time")
        );
        assert!(
            at("T10:00")
                .unwrap_err()
                .starts_with("expected a date and time")
        );
        assert!(
            at("11/12/2026 10:00")
                .unwrap_err()
                .starts_with("expected a date and time")
        );
    }

    #[test]
    fn edges_of_months_and_durations() {
        assert!(Month::parse("26-11").is_err());
        assert!(Month::parse("2026-011").is_err());
        assert!(Month::parse("2026-00").is_err());
        assert!(Month::parse("2026/11").is_err());
        assert_eq!(
            Month::parse(" 2026-01 ").unwrap().previous().to_string(),
            "2025-12"
        );
        assert_eq!(
            Month::parse("2024-02").unwrap().last_day(),
            ymd(2024, 2, 29)
        );
        assert_eq!(Month::of(ymd(2026, 11, 30)).first_day(), ymd(2026, 11, 1));
        assert_eq!(Month::parse("0999-03").unwrap().to_string(), "0999-03");

        assert_eq!(Duration::parse("30m").unwrap().minutes, 30);
        assert_eq!(Duration::parse(" -0 ").unwrap().minutes, 0);
        assert_eq!(Duration::parse("2w1d1h1m").unwrap().minutes, 15 * 1440 + 61);
        assert_eq!(Duration::parse("90m").unwrap().to_string(), "+1h30m");
        assert_eq!(Duration::parse("-1d1m").unwrap().to_string(), "-1d1m");
        assert_eq!(Duration::parse("0").unwrap().to_string(), "0");
        assert_eq!(
            Duration::parse("+1d").unwrap().to_chrono(),
            chrono::TimeDelta::days(1)
        );
        assert!(Duration::parse("+").is_err());
        assert!(Duration::parse("-").is_err());
    }
}

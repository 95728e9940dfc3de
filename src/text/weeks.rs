//! Weeks as the plan counts them: a week starts on the plan's first day and
//! is named by the ISO week it overlaps most (`2026-W46`).

use chrono::{Datelike, NaiveDate};

/// The start of the week containing `date`.
pub fn week_of(date: NaiveDate, week_start: chrono::Weekday) -> NaiveDate {
    let back = (7 + date.weekday().num_days_from_monday() - week_start.num_days_from_monday()) % 7;
    date - chrono::TimeDelta::days(i64::from(back))
}

/// `2026-W46`: the ISO week containing the week's fourth day, so weeks that
/// start on Sunday keep the number of the ISO week they overlap most.
pub(crate) fn iso_week_key(week_start: NaiveDate) -> String {
    let week = (week_start + chrono::TimeDelta::days(3)).iso_week();
    format!("{}-W{:02}", week.year(), week.week())
}

/// The first day of the week named `YYYY-Www` (the inverse of [`iso_week_key`]).
pub fn parse_week(
    text: &str,
    week_start: chrono::Weekday,
) -> Result<NaiveDate, crate::text::i18n::Msg> {
    let expected = || crate::t!("week.expected", text = text);
    let (year, week) = text.trim().split_once("-W").ok_or_else(expected)?;
    let (year, week): (i32, u32) = (
        year.parse().map_err(|_| expected())?,
        week.parse().map_err(|_| expected())?,
    );
    let thursday =
        NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Thu).ok_or_else(|| {
            crate::t!(
                "week.no-such-week",
                year = year,
                week = format!("{week:02}")
            )
        })?;
    // The plan's week that contains the ISO week's Thursday-equivalent (4th day).
    let start = week_of(thursday, week_start);
    Ok(if iso_week_key(start) == format!("{year}-W{week:02}") {
        start
    } else {
        start + chrono::TimeDelta::days(7)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn weeks_start_on_the_plans_first_day() {
        let thu = ymd(2026, 11, 12);
        assert_eq!(week_of(thu, chrono::Weekday::Sun), ymd(2026, 11, 8));
        assert_eq!(week_of(thu, chrono::Weekday::Mon), ymd(2026, 11, 9));
        assert_eq!(
            week_of(ymd(2026, 11, 8), chrono::Weekday::Sun),
            ymd(2026, 11, 8)
        );
        assert_eq!(iso_week_key(ymd(2026, 11, 8)), "2026-W46");
    }

    #[test]
    fn week_names_round_trip() {
        for start in [
            chrono::Weekday::Sun,
            chrono::Weekday::Mon,
            chrono::Weekday::Sat,
        ] {
            let mut day = ymd(2026, 1, 1);
            while day < ymd(2027, 12, 31) {
                let week = week_of(day, start);
                assert_eq!(
                    parse_week(&iso_week_key(week), start),
                    Ok(week),
                    "{week} {start:?}"
                );
                day += chrono::TimeDelta::days(5);
            }
        }
        assert!(parse_week("2026-46", chrono::Weekday::Sun).is_err());
        assert!(parse_week("2026-W60", chrono::Weekday::Sun).is_err());
    }
}

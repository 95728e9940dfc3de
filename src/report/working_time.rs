//! Minutes between two moments that fall inside the plan's working days
//! and hours: the clock a response-time promise is measured on.

use chrono::{Datelike, NaiveDateTime, NaiveTime};

/// The working week: which days, and which hours of them.
#[derive(Debug, Clone)]
pub struct WorkingWeek {
    pub days: Vec<chrono::Weekday>,
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl WorkingWeek {
    /// Working minutes from `from` to `to` (0 when `to` is not after `from`,
    /// or the working hours end before they start: no day then opens).
    pub fn minutes_between(&self, from: NaiveDateTime, to: NaiveDateTime) -> i64 {
        let mut total = 0;
        let mut day = from.date();
        while day <= to.date() {
            if self.days.contains(&day.weekday()) {
                let open = day.and_time(self.start).max(from);
                let close = day.and_time(self.end).min(to);
                total += (close - open).num_minutes().max(0);
            }
            day = day.succ_opt().expect("date in range");
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn riyadh_week() -> WorkingWeek {
        WorkingWeek {
            days: vec![Sun, Mon, Tue, Wed, Thu],
            start: NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
            end: NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
        }
    }

    #[test]
    fn counts_only_working_hours_and_days() {
        let week = riyadh_week();
        // Sunday 2026-11-08 09:00 → 10:30: 90 minutes.
        assert_eq!(
            week.minutes_between(at("2026-11-08 09:00"), at("2026-11-08 10:30")),
            90
        );
        // Asked at 20:00 on Sunday, answered 09:00 Monday: 60 working minutes.
        assert_eq!(
            week.minutes_between(at("2026-11-08 20:00"), at("2026-11-09 09:00")),
            60
        );
        // Asked Thursday 15:00, answered Sunday 08:30: 60 + 30 (Friday and Saturday are off).
        assert_eq!(
            week.minutes_between(at("2026-11-12 15:00"), at("2026-11-15 08:30")),
            90
        );
        assert_eq!(
            week.minutes_between(at("2026-11-13 10:00"), at("2026-11-14 10:00")),
            0
        );
        assert_eq!(
            week.minutes_between(at("2026-11-09 10:00"), at("2026-11-09 09:00")),
            0
        );
        assert_eq!(
            week.minutes_between(at("2026-11-10 10:00"), at("2026-11-08 09:00")),
            0
        );
        // Hours that end before they start open no day.
        let upside_down = WorkingWeek {
            start: week.end,
            end: week.start,
            ..week.clone()
        };
        assert_eq!(
            upside_down.minutes_between(at("2026-11-08 00:00"), at("2026-11-12 23:00")),
            0
        );
        // A working week of Sunday to Thursday, whole: 5 × 8 hours.
        assert_eq!(
            week.minutes_between(at("2026-11-07 00:00"), at("2026-11-13 23:59")),
            5 * 8 * 60
        );
    }
}

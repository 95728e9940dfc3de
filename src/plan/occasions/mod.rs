//! The occasions a plan keeps (`occasions.yaml` over the built-in
//! catalog) and their days in any period: each occurrence with its first
//! and last day in the Gregorian calendar, Hijri ones by Umm al-Qura.

pub mod catalog;

use crate::plan::model::Plan;
use crate::plan::model::occasions::Yearly;
use crate::text::dates::{HijriMonth, to_hijri};
use crate::text::i18n::Lang;
use chrono::{Datelike as _, NaiveDate, TimeDelta};

/// How long an occasion lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    Days(u32),
    /// To the end of its Hijri month (Ramadan: 29 or 30 days).
    ToMonthEnd,
}

/// When an occasion comes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Yearly(Yearly),
    Once(NaiveDate),
}

/// An occasion as defined: built in or the plan's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Definition<'a> {
    pub id: &'a str,
    /// Its built-in set; `None` for the plan's own.
    pub set: Option<&'static str>,
    pub ar: &'a str,
    pub en: &'a str,
    pub when: When,
    pub length: Length,
}

impl<'a> Definition<'a> {
    /// Its name in `lang`.
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ar => self.ar,
            Lang::En => self.en,
        }
    }

    /// Whether it is kept by the Hijri calendar.
    pub fn is_hijri(&self) -> bool {
        matches!(self.when, When::Yearly(Yearly::Hijri { .. }))
    }

    /// Its occurrence in `year` (a Hijri year for a Hijri occasion), if
    /// it has one then.
    pub fn in_year(&self, year: i32) -> Option<Occurrence<'a>> {
        let (start, end) = match self.when {
            When::Once(day) => (day, self.last_day(day, None)?),
            When::Yearly(Yearly::Gregorian { month, day }) => {
                let start = NaiveDate::from_ymd_opt(year, month, day)?;
                (start, self.last_day(start, None)?)
            }
            When::Yearly(Yearly::Hijri { month, day }) => {
                let hijri_month = HijriMonth { year, month };
                let start = hijri_month.first_day().ok()? + TimeDelta::days(i64::from(day) - 1);
                // Day 30 of a month of 29 days does not exist that year.
                if HijriMonth::of(start) != Some(hijri_month) {
                    return None;
                }
                (start, self.last_day(start, Some(hijri_month))?)
            }
        };
        Some(Occurrence {
            definition: *self,
            year: match self.when {
                When::Once(day) => day.year(),
                When::Yearly(_) => year,
            },
            start,
            end,
        })
    }

    fn last_day(&self, start: NaiveDate, month: Option<HijriMonth>) -> Option<NaiveDate> {
        match self.length {
            // However many days a plan writes, never past the calendar's end.
            Length::Days(days) => {
                start.checked_add_signed(TimeDelta::days(i64::from(days.max(1)) - 1))
            }
            Length::ToMonthEnd => month?.last_day().ok(),
        }
    }
}

/// One occurrence of an occasion: Ramadan 1448, from its first day to its last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence<'a> {
    pub definition: Definition<'a>,
    /// The year it belongs to, in its own calendar (1448 for Ramadan 1448).
    pub year: i32,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Occurrence<'_> {
    /// `ramadan-1448`, `saudi-national-day-2026`: the occurrence's own id.
    pub fn key(&self) -> String {
        format!("{}-{}", self.definition.id, self.year)
    }

    /// Days from `day` to its nearest day (0 within it).
    pub fn distance(&self, day: NaiveDate) -> i64 {
        if day < self.start {
            (self.start - day).num_days()
        } else if day > self.end {
            (day - self.end).num_days()
        } else {
            0
        }
    }

    /// Whether `day` is one of its days.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }
}

/// The occurrences of `definitions` that overlap `from`..=`to`, by first day.
pub fn between<'a>(
    definitions: &[Definition<'a>],
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<Occurrence<'a>> {
    let hijri_years = |day: NaiveDate| to_hijri(day).map(|h| h.year);
    let mut out = Vec::new();
    for definition in definitions {
        let years = if definition.is_hijri() {
            match (hijri_years(from), hijri_years(to)) {
                (Some(first), Some(last)) => (first - 1)..=last,
                _ => continue,
            }
        } else if let When::Once(day) = definition.when {
            day.year()..=day.year()
        } else {
            (from.year() - 1)..=to.year()
        };
        for year in years {
            if let Some(occurrence) = definition.in_year(year)
                && occurrence.end >= from
                && occurrence.start <= to
            {
                out.push(occurrence);
            }
        }
    }
    out.sort_by(|a, b| (a.start, a.definition.id).cmp(&(b.start, b.definition.id)));
    out
}

/// The occasions a plan keeps: the built-in sets it names (by default
/// the Islamic occasions and the UN days), then its own.
pub fn kept(plan: &Plan) -> Vec<Definition<'_>> {
    let file = plan.occasions.as_ref().map(|o| &o.data);
    let named: Vec<&str> = file
        .map(|f| f.sets.iter().map(|s| s.value.as_str()).collect())
        .unwrap_or_default();
    let sets: &[&str] = if named.is_empty() {
        catalog::DEFAULT_SETS
    } else {
        &named
    };
    let mut out: Vec<Definition> = catalog::all()
        .filter(|d| d.set.is_some_and(|s| sets.contains(&s)))
        .collect();
    out.extend(own(plan));
    out
}

/// The plan's own occasions whose day can be read.
pub fn own(plan: &Plan) -> impl Iterator<Item = Definition<'_>> {
    let own = plan.occasions.iter().flat_map(|o| &o.data.own);
    own.filter_map(|o| {
        let when = match (
            o.yearly.as_ref().and_then(|y| y.get()),
            o.date.as_ref().and_then(|d| d.get()),
        ) {
            (Some(yearly), None) => When::Yearly(*yearly),
            (None, Some(day)) => When::Once(*day),
            _ => return None,
        };
        Some(Definition {
            id: &o.id.value,
            set: None,
            ar: o.name.primary(),
            en: o.name.english(),
            when,
            length: Length::Days(o.days.as_ref().map_or(1, |d| d.value)),
        })
    })
}

/// The occasion `id` names: the plan's own, else a built-in one of any set.
pub fn find<'p>(plan: &'p Plan, id: &str) -> Option<Definition<'p>> {
    own(plan)
        .find(|d| d.id == id)
        .or_else(|| catalog::all().find(|d| d.id == id))
}

/// The occasions the plan marks, each with its lead and run-up.
pub fn marked(plan: &Plan) -> Vec<Marked<'_>> {
    let marks = plan.occasions.iter().flat_map(|o| &o.data.mark);
    marks
        .filter_map(|mark| {
            let definition = find(plan, &mark.occasion.value)?;
            let days = |d: &Option<crate::plan::model::Parsed<crate::text::dates::Duration>>| {
                d.as_ref()
                    .and_then(|d| d.get())
                    .map_or(TimeDelta::zero(), |d| d.to_chrono())
            };
            Some(Marked {
                definition,
                lead: days(&mark.lead),
                run_up: days(&mark.run_up),
                mark,
            })
        })
        .collect()
}

/// An occasion the plan means to mark.
#[derive(Debug, Clone, Copy)]
pub struct Marked<'p> {
    pub definition: Definition<'p>,
    /// How long before it something should be planned for it.
    pub lead: TimeDelta,
    /// How long before it its items may go out.
    pub run_up: TimeDelta,
    pub mark: &'p crate::plan::model::occasions::Mark,
}

/// The occurrence of `definition` nearest to `day`: the one it falls in,
/// else the closest before or after (within a year either way).
pub fn nearest<'a>(definition: &Definition<'a>, day: NaiveDate) -> Option<Occurrence<'a>> {
    let year = TimeDelta::days(400);
    let (from, to) = (day.checked_sub_signed(year)?, day.checked_add_signed(year)?);
    between(std::slice::from_ref(definition), from, to)
        .into_iter()
        .min_by_key(|o| o.distance(day))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn ramadan_runs_to_its_month_s_end_and_a_missing_day_30_is_no_occurrence() {
        let ramadan = catalog::all().find(|d| d.id == "ramadan").unwrap();
        let o = ramadan.in_year(1448).unwrap();
        assert_eq!((o.start, o.end), (day("2027-02-08"), day("2027-03-08")));
        assert_eq!(o.key(), "ramadan-1448");
        // 30 Ramadan 1448 does not exist (the month has 29 days).
        let thirtieth = Definition {
            when: When::Yearly(Yearly::Hijri { month: 9, day: 30 }),
            length: Length::Days(1),
            ..ramadan
        };
        assert_eq!(thirtieth.in_year(1448), None);
    }

    #[test]
    fn lengths_past_the_calendar_s_end_give_no_occurrence_rather_than_a_panic() {
        let once = Definition {
            id: "forever",
            set: None,
            ar: "",
            en: "",
            when: When::Once(day("2027-01-01")),
            length: Length::Days(u32::MAX),
        };
        assert_eq!(once.in_year(2027), None);
        assert!(between(&[once], day("2026-01-01"), day("2028-01-01")).is_empty());
        assert!(nearest(&once, NaiveDate::MAX).is_none());
    }

    #[test]
    fn the_nearest_occurrence_of_a_day_is_the_one_it_falls_in_or_the_closest() {
        let eid = catalog::all().find(|d| d.id == "eid-al-adha").unwrap();
        // A week before Eid al-Adha 1447 (27–30 May 2026): that Eid, 7 days away.
        let o = nearest(&eid, day("2026-05-20")).unwrap();
        assert_eq!(
            (o.key(), o.distance(day("2026-05-20"))),
            ("eid-al-adha-1447".to_string(), 7)
        );
        assert_eq!(o.distance(day("2026-05-28")), 0);
    }
}

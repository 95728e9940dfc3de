//! Each person's tasks per week against the hours they have: the same
//! figures feed `tasks --summary` and the validator's over-capacity warning.

use crate::plan::model::team::Team;
use crate::plan::tasks::Task;
use crate::text::weeks::week_of;
use chrono::NaiveDate;
use std::collections::HashMap;

/// One person's load in one week.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekLoad<'a> {
    pub person: &'a str,
    /// The week's first day.
    pub week: NaiveDate,
    pub tasks: usize,
    pub minutes: i64,
    /// The person's weekly hours, when the team file gives them.
    pub capacity_hours: Option<f64>,
}

impl WeekLoad<'_> {
    pub fn hours(&self) -> f64 {
        self.minutes as f64 / 60.0
    }

    /// More hours of tasks than the person has.
    pub fn over(&self) -> bool {
        self.capacity_hours.is_some_and(|c| self.hours() > c)
    }
}

/// Load per person and week, ordered by person (team order) then week.
/// Every task counts, done or not: this is the planned load.
pub fn weekly<'a>(
    tasks: &[Task<'a>],
    team: &'a Team,
    week_start: chrono::Weekday,
) -> Vec<WeekLoad<'a>> {
    let index: HashMap<&str, usize> = team
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.value.as_str(), i))
        .collect();
    let Some(first) = tasks.iter().map(|t| t.due.date()).min() else {
        return Vec::new();
    };
    let first = week_of(first, week_start);
    let week_number =
        // `first` is the earliest week, so the difference is never negative.
        |date: NaiveDate| usize::try_from((week_of(date, week_start) - first).num_weeks()).unwrap_or(0);
    let weeks = tasks
        .iter()
        .map(|t| week_number(t.due.date()))
        .max()
        .unwrap_or(0)
        + 1;
    // (tasks, minutes) per person × week, in a dense table.
    let mut load = vec![(0usize, 0i64); team.people.len() * weeks];
    for task in tasks {
        let Some(&person) = task.assignee.and_then(|a| index.get(a)) else {
            continue;
        };
        let cell = &mut load[person * weeks + week_number(task.due.date())];
        cell.0 += 1;
        cell.1 += task.effort.minutes;
    }
    let mut out = Vec::new();
    for (person_index, person) in team.people.iter().enumerate() {
        for week in 0..weeks {
            let (count, minutes) = load[person_index * weeks + week];
            if count > 0 {
                out.push(WeekLoad {
                    person: person.id.value.as_str(),
                    week: first + chrono::TimeDelta::weeks(i64::try_from(week).unwrap_or(i64::MAX)),
                    tasks: count,
                    minutes,
                    capacity_hours: person.hours_per_week,
                });
            }
        }
    }
    out
}

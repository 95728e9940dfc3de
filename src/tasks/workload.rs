//! Each person's tasks per week against the hours they have: the same
//! figures feed `tasks --summary` and the validator's over-capacity warning.

use super::{Task, week_of};
use crate::model::team::Team;
use chrono::NaiveDate;
use std::collections::BTreeMap;

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
    let order: BTreeMap<&str, usize> = team
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.value.as_str(), i))
        .collect();
    let mut load: BTreeMap<(usize, NaiveDate), (usize, i64)> = BTreeMap::new();
    for task in tasks {
        let Some(index) = task.assignee.and_then(|a| order.get(a)) else {
            continue;
        };
        let entry = load
            .entry((*index, week_of(task.due.date(), week_start)))
            .or_default();
        entry.0 += 1;
        entry.1 += task.effort.minutes;
    }
    load.into_iter()
        .map(|((index, week), (tasks, minutes))| {
            let person = &team.people[index];
            WeekLoad {
                person: person.id.value.as_str(),
                week,
                tasks,
                minutes,
                capacity_hours: person.hours_per_week,
            }
        })
        .collect()
}

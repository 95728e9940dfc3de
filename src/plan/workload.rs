//! Each person's tasks per week against the hours they have: the same
//! figures feed `tasks --summary` and the validator's over-capacity warning.

use crate::plan::model::team::Team;
use crate::plan::tasks::Task;
use crate::text::weeks::week_of;
use chrono::NaiveDate;
use foldhash::HashMap;

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
    tasks: &[Task<'_>],
    team: &'a Team,
    week_start: chrono::Weekday,
) -> Vec<WeekLoad<'a>> {
    let mut tally = Tally::default();
    let people = People::of(team);
    for task in tasks {
        tally.add(&people, task, week_start);
    }
    tally.loads(team)
}

/// Each team member's place in `team.yaml`, by id.
pub(crate) struct People<'a>(HashMap<&'a str, usize>);

impl<'a> People<'a> {
    pub(crate) fn of(team: &'a Team) -> Self {
        People(
            team.people
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.value.as_str(), i))
                .collect(),
        )
    }
}

/// Tasks and minutes per person and week, added up task by task; tallies
/// of different months add up to the calendar's.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    /// (person's place in the team, week's first day) → (tasks, minutes).
    cells: HashMap<(usize, NaiveDate), (usize, i64)>,
}

impl Tally {
    /// Counts `task` for its assignee, when they are on the team.
    pub(crate) fn add(&mut self, people: &People, task: &Task, week_start: chrono::Weekday) {
        let Some(&person) = task.assignee.and_then(|a| people.0.get(a)) else {
            return;
        };
        let cell = self
            .cells
            .entry((person, week_of(task.due.date(), week_start)))
            .or_default();
        cell.0 += 1;
        cell.1 += task.effort.minutes;
    }

    pub(crate) fn merge(&mut self, other: &Tally) {
        for (&key, &(tasks, minutes)) in &other.cells {
            let cell = self.cells.entry(key).or_default();
            cell.0 += tasks;
            cell.1 += minutes;
        }
    }

    /// The loads, ordered by person (team order) then week.
    pub(crate) fn loads(self, team: &Team) -> Vec<WeekLoad<'_>> {
        let mut cells: Vec<_> = self.cells.into_iter().collect();
        cells.sort_unstable_by_key(|(key, _)| *key);
        cells
            .into_iter()
            .map(|((person, week), (tasks, minutes))| {
                let person = &team.people[person];
                WeekLoad {
                    person: person.id.value.as_str(),
                    week,
                    tasks,
                    minutes,
                    capacity_hours: person.hours(),
                }
            })
            .collect()
    }
}

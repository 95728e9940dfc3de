//! Tasks derived from the plan: every process step × every calendar item (or
//! month, week, or the plan itself) gives one dated task with an owner.
//! Tasks are never typed by hand, so the calendar's history is their audit trail.

use crate::dates::{Duration, Month};
use crate::model::Plan;
use crate::model::calendar::{Item, Status};
use crate::model::process::{Owner, Per, Step};
use crate::model::team::Team;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use std::collections::HashMap;
use std::fmt;

/// Effort of one task when the step does not say.
pub const DEFAULT_EFFORT: Duration = Duration { minutes: 60 };

/// What one task is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Subject<'a> {
    Item(&'a str),
    Month(Month),
    /// A week, by its first day.
    Week(NaiveDate),
    Plan,
}

impl fmt::Display for Subject<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::Item(id) => f.write_str(id),
            Subject::Month(m) => write!(f, "{m}"),
            Subject::Week(start) => f.write_str(&iso_week_key(*start)),
            Subject::Plan => f.write_str("plan"),
        }
    }
}

/// One unit of work for one person, borrowing its names from the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Task<'a> {
    pub step: &'a str,
    pub subject: Subject<'a>,
    /// The person who does it, when the owner resolves to someone.
    pub assignee: Option<&'a str>,
    pub due: NaiveDateTime,
    pub effort: Duration,
    pub done: bool,
}

impl Task<'_> {
    /// Stable across runs: `<step>/<item id | YYYY-MM | YYYY-Www | plan>`.
    pub fn id(&self) -> String {
        format!("{}/{}", self.step, self.subject)
    }
}

/// Resolves step owners to people: a person owner does the work; for a
/// role, the item's owner does it if they hold the role, otherwise the
/// first person listed with that role in `team.yaml`.
struct Assigner<'a> {
    team: Option<&'a Team>,
    /// Role id → people holding it, in file order.
    members: HashMap<&'a str, Vec<&'a str>>,
}

impl<'a> Assigner<'a> {
    fn new(team: Option<&'a Team>) -> Self {
        let mut members: HashMap<&str, Vec<&str>> = HashMap::new();
        for person in team.map_or(&[][..], |t| t.people.as_slice()) {
            for role in &person.roles {
                members
                    .entry(role.value.as_str())
                    .or_default()
                    .push(person.id.value.as_str());
            }
        }
        Assigner { team, members }
    }

    fn assignee(&self, step: &'a Step, item_owner: Option<&'a str>) -> Option<&'a str> {
        let team = self.team?;
        match Owner::parse(&step.owner.value) {
            Owner::Person(id) => team.person(id).map(|p| p.id.value.as_str()),
            Owner::Role(role) => {
                let people = self.members.get(role)?;
                Some(
                    item_owner
                        .filter(|o| people.contains(o))
                        .unwrap_or(people[0]),
                )
            }
        }
    }
}

/// Derives every task of the plan, sorted by due time. Steps whose due
/// offset or cadence cannot be read are skipped (the validator reports them).
pub fn derive(plan: &Plan) -> Vec<Task<'_>> {
    let Some(process) = &plan.process else {
        return Vec::new();
    };
    let settings = plan.settings.as_ref().map(|s| &s.data);
    let period = settings.and_then(|s| s.period());
    let week_start = settings.map_or(chrono::Weekday::Sun, |s| s.week_start());
    let assigner = Assigner::new(plan.team.as_ref().map(|t| &t.data));
    let mut tasks = Vec::new();
    for step in process.data.steps() {
        let (Some(per), Some(due)) = (step.per.get(), step.due.get()) else {
            continue;
        };
        let effort = step
            .effort
            .as_ref()
            .and_then(|e| e.get().copied())
            .unwrap_or(DEFAULT_EFFORT);
        let done_when = step.done_when.as_ref().and_then(|d| d.get()).copied();
        let task = |subject, anchor: NaiveDateTime, assignee, done| Task {
            step: step.id.value.as_str(),
            subject,
            assignee,
            due: anchor + due.to_chrono(),
            effort,
            done,
        };
        match per {
            Per::Content => {
                for (_, item) in plan.items() {
                    let (Some(publish), Some(status)) = (item.publish.get(), item.status.get())
                    else {
                        continue;
                    };
                    if *status == Status::Cancelled || !applies_to(step, item) {
                        continue;
                    }
                    let done = done_when.is_some_and(|d| status.reached(d));
                    let assignee = assigner.assignee(step, Some(item.owner.value.as_str()));
                    tasks.push(task(
                        Subject::Item(&item.id.value),
                        *publish,
                        assignee,
                        done,
                    ));
                }
            }
            Per::Month => {
                for month in &plan.months {
                    let Some(m) = month.data.month.as_ref().and_then(|m| m.get()) else {
                        continue;
                    };
                    let status = month.data.status.as_ref().and_then(|s| s.get());
                    let done = matches!((done_when, status), (Some(want), Some(have)) if have.reached(want));
                    tasks.push(task(
                        Subject::Month(*m),
                        midnight(m.first_day()),
                        assigner.assignee(step, None),
                        done,
                    ));
                }
            }
            Per::Week => {
                for start in weeks(plan, week_start) {
                    tasks.push(task(
                        Subject::Week(start),
                        midnight(start),
                        assigner.assignee(step, None),
                        false,
                    ));
                }
            }
            Per::Plan => {
                if let Some((start, _)) = period {
                    tasks.push(task(
                        Subject::Plan,
                        midnight(start),
                        assigner.assignee(step, None),
                        false,
                    ));
                }
            }
        }
    }
    tasks.sort_by(|a, b| (a.due, a.step, a.subject).cmp(&(b.due, b.step, b.subject)));
    tasks
}

fn applies_to(step: &Step, item: &Item) -> bool {
    step.platforms.is_empty()
        || step
            .platforms
            .iter()
            .any(|p| item.platforms.iter().any(|q| q.value == p.value))
}

fn midnight(date: NaiveDate) -> NaiveDateTime {
    date.and_time(NaiveTime::MIN)
}

/// The start of the week containing `date`.
pub fn week_of(date: NaiveDate, week_start: chrono::Weekday) -> NaiveDate {
    let back = (7 + date.weekday().num_days_from_monday() - week_start.num_days_from_monday()) % 7;
    date - chrono::TimeDelta::days(i64::from(back))
}

/// `2026-W46`: the ISO week containing the week's fourth day, so weeks that
/// start on Sunday keep the number of the ISO week they overlap most.
pub fn iso_week_key(week_start: NaiveDate) -> String {
    let week = (week_start + chrono::TimeDelta::days(3)).iso_week();
    format!("{}-W{:02}", week.year(), week.week())
}

/// Every week that overlaps the calendar's months.
fn weeks(plan: &Plan, week_start: chrono::Weekday) -> Vec<NaiveDate> {
    let months = plan
        .months
        .iter()
        .filter_map(|m| m.data.month.as_ref().and_then(|m| m.get().copied()));
    let (first, last) = months.fold((None::<Month>, None::<Month>), |(lo, hi), m| {
        (
            Some(lo.map_or(m, |l| l.min(m))),
            Some(hi.map_or(m, |h| h.max(m))),
        )
    });
    let (Some(first), Some(last)) = (first, last) else {
        return Vec::new();
    };
    let mut week = week_of(first.first_day(), week_start);
    let mut out = Vec::new();
    while week <= last.last_day() {
        out.push(week);
        week += chrono::TimeDelta::days(7);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_start_on_the_plans_first_day() {
        let thu = NaiveDate::from_ymd_opt(2026, 11, 12).unwrap();
        assert_eq!(
            week_of(thu, chrono::Weekday::Sun),
            NaiveDate::from_ymd_opt(2026, 11, 8).unwrap()
        );
        assert_eq!(
            week_of(thu, chrono::Weekday::Mon),
            NaiveDate::from_ymd_opt(2026, 11, 9).unwrap()
        );
        let sun = NaiveDate::from_ymd_opt(2026, 11, 8).unwrap();
        assert_eq!(week_of(sun, chrono::Weekday::Sun), sun);
        assert_eq!(iso_week_key(sun), "2026-W46");
    }

    #[test]
    fn task_ids_are_stable_and_readable() {
        let task = Task {
            step: "write",
            subject: Subject::Week(NaiveDate::from_ymd_opt(2026, 11, 8).unwrap()),
            assignee: Some("sara"),
            due: midnight(NaiveDate::from_ymd_opt(2026, 11, 8).unwrap()),
            effort: DEFAULT_EFFORT,
            done: false,
        };
        assert_eq!(task.id(), "write/2026-W46");
        assert_eq!(
            Task {
                subject: Subject::Item("graduation"),
                ..task.clone()
            }
            .id(),
            "write/graduation"
        );
        assert_eq!(
            Task {
                subject: Subject::Month(Month {
                    year: 2026,
                    month: 11
                }),
                ..task.clone()
            }
            .id(),
            "write/2026-11"
        );
    }
}

//! Tasks derived from the plan: every process step × every calendar item (or
//! month, week, or the plan itself) gives one dated task with an owner.
//! Tasks are never typed by hand, so the calendar's history is their audit trail.

use crate::dates::{Duration, Month};
use crate::model::process::{Owner, Per, Step};
use crate::model::{Plan, calendar::Status};
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};

/// Effort of one task when the step does not say.
pub const DEFAULT_EFFORT: Duration = Duration { minutes: 60 };

/// One unit of work for one person.
#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    /// Stable across runs: `<step>/<item id | month | week | plan>`.
    pub id: String,
    pub step: String,
    /// The person who does it, when the owner resolves to someone.
    pub assignee: Option<String>,
    pub due: NaiveDateTime,
    pub effort: Duration,
    /// The calendar item the task is for, for content steps.
    pub item: Option<String>,
    pub done: bool,
}

/// Derives every task of the plan. Steps whose due offset or cadence cannot
/// be read are skipped (the validator reports them).
pub fn derive(plan: &Plan) -> Vec<Task> {
    let Some(process) = &plan.process else {
        return Vec::new();
    };
    let settings = plan.settings.as_ref().map(|s| &s.data);
    let period = settings.and_then(|s| s.period());
    let week_start = settings.map_or(chrono::Weekday::Sun, |s| s.week_start());
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
        let mut push = |key: String,
                        anchor: NaiveDateTime,
                        item: Option<&crate::model::calendar::Item>,
                        done: bool| {
            tasks.push(Task {
                id: format!("{}/{key}", step.id.value),
                step: step.id.value.clone(),
                assignee: assignee(plan, step, item.map(|i| i.owner.value.as_str())),
                due: anchor + due.to_chrono(),
                effort,
                item: item.map(|i| i.id.value.clone()),
                done,
            });
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
                    let done = step
                        .done_when
                        .as_ref()
                        .and_then(|d| d.get())
                        .is_some_and(|d| status.reached(*d));
                    push(item.id.value.clone(), *publish, Some(item), done);
                }
            }
            Per::Month => {
                for month in &plan.months {
                    let Some(m) = month.data.month.as_ref().and_then(|m| m.get()) else {
                        continue;
                    };
                    let status = month.data.status.as_ref().and_then(|s| s.get());
                    let done = match (step.done_when.as_ref().and_then(|d| d.get()), status) {
                        (Some(want), Some(have)) => have.reached(*want),
                        _ => false,
                    };
                    push(m.to_string(), midnight(m.first_day()), None, done);
                }
            }
            Per::Week => {
                for start in weeks(plan, week_start) {
                    push(iso_week_key(start), midnight(start), None, false);
                }
            }
            Per::Plan => {
                if let Some((start, _)) = period {
                    push("plan".into(), midnight(start), None, false);
                }
            }
        }
    }
    tasks.sort_by(|a, b| a.due.cmp(&b.due).then_with(|| a.id.cmp(&b.id)));
    tasks
}

fn applies_to(step: &Step, item: &crate::model::calendar::Item) -> bool {
    step.platforms.is_empty()
        || step
            .platforms
            .iter()
            .any(|p| item.platforms.iter().any(|q| q.value == p.value))
}

/// Who does a step's task. A person owner does it; for a role, the item's
/// owner does it if they hold the role, otherwise the first person listed
/// with that role in `team.yaml`.
pub fn assignee(plan: &Plan, step: &Step, item_owner: Option<&str>) -> Option<String> {
    let team = &plan.team.as_ref()?.data;
    match Owner::parse(&step.owner.value) {
        Owner::Person(id) => team.person(id).map(|p| p.id.value.clone()),
        Owner::Role(role) => {
            let mut members = team.members(role);
            let first = members.next()?;
            let item_owner_holds = item_owner
                .and_then(|o| team.person(o))
                .filter(|p| p.roles.iter().any(|r| r.value == role));
            Some(item_owner_holds.unwrap_or(first).id.value.clone())
        }
    }
}

fn midnight(date: NaiveDate) -> NaiveDateTime {
    date.and_time(NaiveTime::MIN)
}

/// The start of the week containing `date`.
pub fn week_of(date: NaiveDate, week_start: chrono::Weekday) -> NaiveDate {
    let back = (7 + date.weekday().num_days_from_monday() - week_start.num_days_from_monday()) % 7;
    date - chrono::TimeDelta::days(i64::from(back))
}

/// `2026-W46`: the ISO week of a week's start day's Thursday-equivalent,
/// so weeks that start on Sunday keep the number of the ISO week they overlap most.
pub fn iso_week_key(week_start: NaiveDate) -> String {
    let mid = week_start + chrono::TimeDelta::days(3);
    let week = mid.iso_week();
    format!("{}-W{:02}", week.year(), week.week())
}

/// Every week that overlaps the calendar's months (or the plan period when there is no calendar).
fn weeks(plan: &Plan, week_start: chrono::Weekday) -> Vec<NaiveDate> {
    let months: Vec<Month> = plan
        .months
        .iter()
        .filter_map(|m| m.data.month.as_ref().and_then(|m| m.get().copied()))
        .collect();
    let (Some(first), Some(last)) = (months.iter().min(), months.iter().max()) else {
        return Vec::new();
    };
    let mut week = week_of(first.first_day(), week_start);
    let end = last.last_day();
    let mut out = Vec::new();
    while week <= end {
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
}

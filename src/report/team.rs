//! The team's period, for the review of tasks and responsibilities: per
//! person, the tasks due in the period and how they stand — done on time,
//! done late, done on a day not known, overdue, not yet due — and per
//! process step, how long after its due time its tasks were done. Done times
//! come from the plan's git history ([`crate::plan::history`]).

use super::data::Period;
use super::figures::median;
use crate::exports::{Decision, Problem};
use crate::plan::history::DoneTimes;
use crate::plan::model::{Plan, Text};
use crate::plan::tasks::{self, Subject, Task};
use chrono::NaiveDateTime;
use serde::Serialize;

const MINUTES_A_DAY: f64 = 24.0 * 60.0;

/// What the plan's git history gives the team section.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum History {
    /// When each task was done.
    Read(DoneTimes),
    /// The plan folder is in no git repository.
    #[default]
    Absent,
    /// Git cannot read the history it has (a repository git refuses, a
    /// revision with a path that leaves the plan folder): said as `KH115`.
    Unreadable(Box<Problem>),
}

impl History {
    /// When each task was done, when the history was read.
    pub fn done(&self) -> Option<&DoneTimes> {
        match self {
            History::Read(done) => Some(done),
            History::Absent | History::Unreadable(_) => None,
        }
    }

    /// The problem that kept the history unread, if any.
    pub fn problem(&self) -> Option<&Problem> {
        match self {
            History::Unreadable(problem) => Some(problem),
            History::Read(_) | History::Absent => None,
        }
    }
}

/// When each task was done between `from` and `to`, from the history of
/// the plan folder `plan_dir`.
pub fn history(
    plan_dir: &std::path::Path,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    tz: chrono_tz::Tz,
) -> History {
    let read = crate::plan::git::find(plan_dir).and_then(|found| {
        found
            .map(|(repo, folder)| crate::plan::history::done_times(&repo, &folder, from, to, tz))
            .transpose()
    });
    match read {
        Ok(Some(done)) => History::Read(done),
        Ok(None) => History::Absent,
        Err(error) => History::Unreadable(Box::new(Problem {
            rule: &crate::plan::rules::catalog::PLAN_HISTORY,
            path: plan_dir.to_string_lossy().replace('\\', "/"),
            line: None,
            column: None,
            field: None,
            message: crate::t!("report.history-unreadable", error = error.0),
            decision: Decision::FileSkipped,
        })),
    }
}

/// One person's tasks due in the period.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PersonTasks {
    /// The person's id; empty for tasks whose owner resolves to nobody.
    pub person: String,
    pub name: Text,
    /// Tasks due in the period.
    pub due: usize,
    /// Of those, done by their due time, after it, and done at a time the
    /// history does not give.
    pub on_time: usize,
    pub late: usize,
    pub undated: usize,
    /// Not done, and due before the period's end (or today, while it runs).
    pub overdue: usize,
    /// Not done, not yet due.
    pub not_yet_due: usize,
}

/// One process step's tasks done in the period, against their due times.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepTimes {
    pub step: String,
    pub name: Text,
    /// Tasks of the step due in the period and done at a known time.
    pub done: usize,
    pub on_time: usize,
    /// The median time from due to done, in days (below zero: early).
    pub median_days: Option<f64>,
}

/// The team's tasks in a period.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TeamReview {
    pub people: Vec<PersonTasks>,
    pub steps: Vec<StepTimes>,
    /// The commits read for done times; `None` when the plan folder has no
    /// git history to read them from.
    pub commits: Option<usize>,
    /// The history is there but could not be read (its problem is among
    /// the report's).
    #[serde(skip)]
    pub history_unreadable: bool,
    /// Tasks done whose time was recorded (`done_at:`, by `khairukum
    /// done`), and those whose time came from the history.
    pub times_recorded: usize,
    pub times_from_history: usize,
}

/// When `task` was done: as recorded in the calendar (`done_at:`, its
/// item's `published_at:` for a publication, or its month's approval on
/// record), else as the history says; and whether it was recorded.
fn done_time(
    plan: &Plan,
    task: &Task,
    recorded: &std::collections::HashMap<&str, NaiveDateTime>,
    history: Option<&DoneTimes>,
) -> (Option<NaiveDateTime>, bool) {
    let id = task.id();
    match recorded
        .get(id.as_str())
        .copied()
        .or_else(|| published_at(task))
        .or_else(|| approved_on(plan, task))
    {
        Some(at) => (Some(at), true),
        None => (history.and_then(|d| d.times.get(&id)).copied(), false),
    }
}

/// A row for each person of the team, in file order, nothing counted yet.
fn people_of(plan: &Plan) -> Vec<PersonTasks> {
    plan.team
        .iter()
        .flat_map(|t| &t.data.people)
        .map(|p| PersonTasks {
            person: p.id.value.clone(),
            name: p.name.clone(),
            ..PersonTasks::default()
        })
        .collect()
}

/// Counts a task done at `at` in its step's times.
fn step_time(steps: &mut Vec<(StepTimes, Vec<i64>)>, task: &Task, at: NaiveDateTime) {
    let step = task.step_id();
    let i = steps
        .iter()
        .position(|(s, _)| s.step == step)
        .unwrap_or_else(|| {
            steps.push((
                StepTimes {
                    step: step.to_string(),
                    name: task.step.name.clone(),
                    done: 0,
                    on_time: 0,
                    median_days: None,
                },
                Vec::new(),
            ));
            steps.len() - 1
        });
    let (times, minutes) = &mut steps[i];
    times.done += 1;
    times.on_time += usize::from(at <= task.due);
    minutes.push((at - task.due).num_minutes());
}

/// When a task that publishing completes was done: its item's last post,
/// as `published_at:` records it.
fn published_at(task: &Task) -> Option<NaiveDateTime> {
    let status = task.step.done_when.as_ref().and_then(|s| s.get());
    if status != Some(&crate::plan::model::calendar::Status::Published) {
        return None;
    }
    task.item?
        .published_at
        .iter()
        .filter_map(|(_, at)| at.get().copied())
        .max()
}

/// When a month's step that its approval completes was done: by the end of
/// the day its approval on record gives.
fn approved_on(plan: &Plan, task: &Task) -> Option<NaiveDateTime> {
    let status = task.step.done_when.as_ref().and_then(|s| s.get());
    let (Some(crate::plan::model::calendar::Status::Approved), Subject::Month(month)) =
        (status, &task.subject)
    else {
        return None;
    };
    let day = plan
        .months
        .iter()
        .find(|m| m.data.planned_month().as_ref() == Some(month))?
        .data
        .approved
        .as_ref()?
        .on
        .get()
        .copied()?;
    day.and_hms_opt(23, 59, 0)
}

/// The tasks due in `period`, as they stand at `now`, with the done times
/// of `done` (none when there is no history).
pub fn review(plan: &Plan, period: &Period, now: NaiveDateTime, history: &History) -> TeamReview {
    let done = history.done();
    // Times recorded in the calendar count first; the history's after.
    let recorded: std::collections::HashMap<&str, NaiveDateTime> = plan
        .months
        .iter()
        .flat_map(|m| &m.data.done_at)
        .filter_map(|(task, at)| Some((task.value.as_str(), *at.get()?)))
        .collect();
    let (mut times_recorded, mut times_from_history) = (0, 0);
    let all = tasks::derive(plan);
    let due: Vec<&Task> = all
        .iter()
        .filter(|t| period.contains(t.due.date()))
        .collect();
    let mut people = people_of(plan);
    // Each step's times, and its minutes from due to done.
    let mut steps: Vec<(StepTimes, Vec<i64>)> = Vec::new();
    for task in &due {
        let person = task.assignee.unwrap_or("");
        let i = people
            .iter()
            .position(|p| p.person == person)
            .unwrap_or_else(|| {
                people.push(PersonTasks {
                    person: person.to_string(),
                    ..PersonTasks::default()
                });
                people.len() - 1
            });
        let row = &mut people[i];
        row.due += 1;
        let (done_at, own) = done_time(plan, task, &recorded, done);
        if task.done && done_at.is_some() {
            if own {
                times_recorded += 1;
            } else {
                times_from_history += 1;
            }
        }
        let done_at = done_at.as_ref();
        match (task.done, done_at) {
            (true, Some(at)) if *at <= task.due => row.on_time += 1,
            (true, Some(_)) => row.late += 1,
            (true, None) => row.undated += 1,
            (false, _) if task.due < now => row.overdue += 1,
            (false, _) => row.not_yet_due += 1,
        }
        if let (true, Some(at)) = (task.done, done_at) {
            step_time(&mut steps, task, *at);
        }
    }
    people.retain(|p| p.due > 0);
    // Steps in process order.
    let order: Vec<&str> = plan
        .process
        .iter()
        .flat_map(|p| p.data.steps())
        .map(|s| s.id.value.as_str())
        .collect();
    steps.sort_by_key(|(s, _)| order.iter().position(|id| *id == s.step));
    TeamReview {
        people,
        steps: steps
            .into_iter()
            .map(|(mut s, mut minutes)| {
                minutes.sort_unstable();
                s.median_days = median(&minutes).map(|m| m / MINUTES_A_DAY);
                s
            })
            .collect(),
        commits: done.map(|d| d.commits),
        history_unreadable: matches!(history, History::Unreadable(_)),
        times_recorded,
        times_from_history,
    }
}

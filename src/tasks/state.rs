//! Where each task stands at a given moment: done, blocked by an earlier
//! step, overdue, or open.

use crate::plan::model::process::Per;
use crate::plan::tasks::{Subject, Task};
use crate::text::dates::Month;
use crate::text::weeks::week_of;
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::HashMap;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum State {
    /// Due before now and not done (and nothing earlier holds it up).
    Overdue,
    /// An earlier step (`after:`) for the same item, month or week is not done.
    Blocked,
    /// Not done, not yet due.
    Open,
    Done,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Overdue => "overdue",
            State::Blocked => "blocked",
            State::Open => "open",
            State::Done => "done",
        }
    }

    /// The state in the reader's language.
    pub fn text(self, lang: crate::text::i18n::Lang) -> String {
        match self {
            State::Overdue => crate::t!("state.overdue"),
            State::Blocked => crate::t!("state.blocked"),
            State::Open => crate::t!("state.open"),
            State::Done => crate::t!("state.done"),
        }
        .text(lang)
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The state of every task (same order as `tasks`) at `now`.
pub fn states(tasks: &[Task], now: NaiveDateTime, week_start: chrono::Weekday) -> Vec<State> {
    // Whether all tasks of a step are done, for a subject, a month, a week, or overall.
    let mut by_subject: HashMap<(&str, Subject), bool> = HashMap::new();
    let mut by_month: HashMap<(&str, Month), bool> = HashMap::new();
    let mut by_week: HashMap<(&str, NaiveDate), bool> = HashMap::new();
    let mut by_step: HashMap<&str, bool> = HashMap::new();
    for task in tasks {
        let step = task.step_id();
        let date = task.anchor.date();
        *by_subject.entry((step, task.subject)).or_insert(true) &= task.done;
        *by_month.entry((step, Month::of(date))).or_insert(true) &= task.done;
        *by_week
            .entry((step, week_of(date, week_start)))
            .or_insert(true) &= task.done;
        *by_step.entry(step).or_insert(true) &= task.done;
    }
    let pers: HashMap<&str, Per> = tasks
        .iter()
        .filter_map(|t| Some((t.step_id(), *t.step.per.get()?)))
        .collect();
    let predecessor_done = |task: &Task, before: &str| -> bool {
        let date = task.anchor.date();
        let own = task.step.per.get().copied();
        match (pers.get(before), own) {
            (None, _) => true,
            (Some(p), Some(o)) if *p == o => by_subject
                .get(&(before, task.subject))
                .copied()
                .unwrap_or(true),
            (Some(Per::Month), _) => by_subject
                .get(&(before, Subject::Month(Month::of(date))))
                .copied()
                .unwrap_or(true),
            (Some(Per::Week), _) => by_subject
                .get(&(before, Subject::Week(week_of(date, week_start))))
                .copied()
                .unwrap_or(true),
            (Some(Per::Quarter), _) => by_subject
                .get(&(
                    before,
                    Subject::Quarter(crate::plan::tasks::quarter_of(Month::of(date))),
                ))
                .copied()
                .unwrap_or(true),
            (Some(Per::Plan), _) => by_subject
                .get(&(before, Subject::Plan))
                .copied()
                .unwrap_or(true),
            (Some(Per::Content), Some(Per::Month)) => by_month
                .get(&(before, Month::of(date)))
                .copied()
                .unwrap_or(true),
            (Some(Per::Content), Some(Per::Week)) => {
                by_week.get(&(before, date)).copied().unwrap_or(true)
            }
            // A step done per campaign, or per item, before one of another
            // cadence: all its tasks.
            (Some(Per::Content | Per::Campaign | Per::Occasion), _) => {
                by_step.get(before).copied().unwrap_or(true)
            }
        }
    };
    tasks
        .iter()
        .map(|task| {
            if task.done {
                State::Done
            } else if task
                .step
                .after
                .iter()
                .any(|b| !predecessor_done(task, &b.value))
            {
                State::Blocked
            } else if task.due < now {
                State::Overdue
            } else {
                State::Open
            }
        })
        .collect()
}

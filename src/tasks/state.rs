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
    let done = DoneSoFar::of(tasks, week_start);
    tasks
        .iter()
        .map(|task| {
            if task.done {
                State::Done
            } else if task.step.after.iter().any(|b| !done.before(task, &b.value)) {
                State::Blocked
            } else if task.due < now {
                State::Overdue
            } else {
                State::Open
            }
        })
        .collect()
}

/// Whether all tasks of a step are done, for a subject, a month, a week,
/// or overall; and each step's cadence.
struct DoneSoFar<'a> {
    by_subject: HashMap<(&'a str, Subject<'a>), bool>,
    by_month: HashMap<(&'a str, Month), bool>,
    by_week: HashMap<(&'a str, NaiveDate), bool>,
    by_step: HashMap<&'a str, bool>,
    pers: HashMap<&'a str, Per>,
    week_start: chrono::Weekday,
}

impl<'a> DoneSoFar<'a> {
    fn of(tasks: &'a [Task<'a>], week_start: chrono::Weekday) -> Self {
        let mut done = DoneSoFar {
            by_subject: HashMap::new(),
            by_month: HashMap::new(),
            by_week: HashMap::new(),
            by_step: HashMap::new(),
            pers: HashMap::new(),
            week_start,
        };
        for task in tasks {
            let step = task.step_id();
            let date = task.anchor.date();
            *done.by_subject.entry((step, task.subject)).or_insert(true) &= task.done;
            *done.by_month.entry((step, Month::of(date))).or_insert(true) &= task.done;
            *done
                .by_week
                .entry((step, week_of(date, week_start)))
                .or_insert(true) &= task.done;
            *done.by_step.entry(step).or_insert(true) &= task.done;
            if let Some(per) = task.step.per.get() {
                done.pers.insert(step, *per);
            }
        }
        done
    }

    /// Whether the tasks of step `before` that `task` waits for are done:
    /// the same subject for a step of the same cadence, else its month,
    /// week, quarter or the plan's, else all of them.
    fn before(&self, task: &Task, before: &str) -> bool {
        let date = task.anchor.date();
        let subject = |s: Subject| self.by_subject.get(&(before, s)).copied().unwrap_or(true);
        match (self.pers.get(before), task.step.per.get().copied()) {
            (None, _) => true,
            (Some(p), Some(o)) if *p == o => subject(task.subject),
            (Some(Per::Month), _) => subject(Subject::Month(Month::of(date))),
            (Some(Per::Week), _) => subject(Subject::Week(week_of(date, self.week_start))),
            (Some(Per::Quarter), _) => subject(Subject::Quarter(crate::plan::tasks::quarter_of(
                Month::of(date),
            ))),
            (Some(Per::Plan), _) => subject(Subject::Plan),
            (Some(Per::Content), Some(Per::Month)) => self
                .by_month
                .get(&(before, Month::of(date)))
                .copied()
                .unwrap_or(true),
            (Some(Per::Content), Some(Per::Week)) => {
                self.by_week.get(&(before, date)).copied().unwrap_or(true)
            }
            // A step done per campaign, occasion or item, before one of
            // another cadence: all its tasks.
            (Some(Per::Content | Per::Campaign | Per::Occasion), _) => {
                self.by_step.get(before).copied().unwrap_or(true)
            }
        }
    }
}

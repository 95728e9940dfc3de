//! What the whole-calendar rules keep of a month once its own rules have
//! run: its items' ids and where they are, its `done:` entries, and its
//! tasks' load. `plan validate` lets each month's text and model go after
//! this, so memory grows with the ids kept, not with the text read.

use super::Context;
use crate::plan::diagnostic::Span;
use crate::plan::model::Id;
use crate::plan::model::calendar::CalendarMonth;
use crate::plan::source::FileId;
use crate::plan::tasks::Task;
use crate::plan::workload::Tally;
use crate::text::dates::Month;
use chrono::NaiveDateTime;

/// One checked calendar month, as the whole-calendar rules need it.
#[derive(Debug)]
pub(crate) struct MonthFacts {
    pub(crate) file: FileId,
    /// The month its `month:` declares, when valid.
    pub(crate) month: Option<Month>,
    pub(crate) items: Vec<ItemFacts>,
    pub(crate) done: Vec<Id>,
    /// Its tasks' hours per person and week.
    pub(crate) load: Tally,
    /// Its tasks that fall due before the plan starts.
    pub(crate) early: Vec<EarlyTask>,
    /// The occasion each of its items serves and the day it goes out
    /// (cancelled items left out).
    pub(crate) occasions: Vec<(Box<str>, chrono::NaiveDate)>,
}

/// A calendar item: its id, where it is defined, and the content steps
/// that give it a task (their places in [`crate::plan::tasks::Deriver`]).
#[derive(Debug)]
pub(crate) struct ItemFacts {
    pub(crate) id: Box<str>,
    pub(crate) at: Span,
    pub(crate) steps: Box<[usize]>,
}

/// A task due before the plan starts.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct EarlyTask {
    pub(crate) due: NaiveDateTime,
    /// The step's place in the deriver.
    pub(crate) step: usize,
    pub(crate) subject: String,
}

/// Adds tasks up as the whole-calendar rules need them: hours per person
/// and week, and those due before the plan starts.
pub(super) struct TaskCount<'c> {
    cx: &'c Context<'c>,
    start: Option<chrono::NaiveDate>,
    pub(super) load: Tally,
    pub(super) early: Vec<EarlyTask>,
}

impl<'c> TaskCount<'c> {
    pub(super) fn new(cx: &'c Context<'c>) -> Self {
        TaskCount {
            cx,
            start: cx
                .plan
                .settings
                .as_ref()
                .and_then(|s| s.data.first_task_day()),
            load: Tally::default(),
            early: Vec::new(),
        }
    }

    /// Counts `task`, of the step at `step` in the deriver.
    pub(super) fn add(&mut self, step: usize, task: &Task) {
        if let Some(people) = &self.cx.people {
            self.load.add(people, task, self.cx.plan.week_start());
        }
        if self.start.is_some_and(|start| task.due.date() < start) {
            self.early.push(EarlyTask {
                due: task.due,
                step,
                subject: task.subject.to_string(),
            });
        }
    }
}

/// Keeps what the whole-calendar rules need of `month`.
pub(super) fn of_month(cx: &Context, file: FileId, month: &CalendarMonth) -> MonthFacts {
    let mut count = TaskCount::new(cx);
    let mut items = Vec::with_capacity(month.items.len());
    for item in &month.items {
        let mut steps = Vec::new();
        cx.tasks.item_tasks(item, |step, task| {
            count.add(step, &task);
            steps.push(step);
        });
        items.push(ItemFacts {
            id: item.id.value.as_str().into(),
            at: super::span(file, &item.id),
            steps: steps.into_boxed_slice(),
        });
    }
    cx.tasks
        .month_own_tasks(month, |step, task| count.add(step, &task));
    MonthFacts {
        file,
        month: month.month.as_ref().and_then(|m| m.get().copied()),
        items,
        done: month.done.clone(),
        load: count.load,
        early: count.early,
        occasions: month
            .items
            .iter()
            .filter(|i| i.status.get() != Some(&crate::plan::model::calendar::Status::Cancelled))
            .filter_map(|i| {
                Some((
                    i.occasion.as_ref()?.value.as_str().into(),
                    i.publish.get()?.date(),
                ))
            })
            .collect(),
    }
}

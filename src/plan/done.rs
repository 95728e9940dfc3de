//! `done`: the time a task was done, recorded in its month's calendar
//! (`done_at:`, and what was said with it under `done_notes:`), where the
//! team section takes it before the plan's history; a task that no status
//! completes is listed under `done:` too.

use super::edit::{self, Edited, Refused};
use crate::t;
use crate::text::dates::Month;
use chrono::NaiveDateTime;
use std::path::{Path, PathBuf};

/// Which task: its id, or an item's step.
#[derive(Debug, Clone)]
pub enum TaskRef {
    /// As `tasks` prints it (`monthly-scorecard/2026-10`).
    Id(String),
    /// A content step of an item, each named by its id or in either
    /// language (`--item "قصة متبرع" --step review-content`).
    ItemStep { item: String, step: String },
}

/// A task done, and when (in the plan's time zone; now when `None`).
#[derive(Debug, Clone)]
pub struct Done {
    pub task: TaskRef,
    pub at: Option<NaiveDateTime>,
    /// What was said with it.
    pub note: Option<String>,
}

/// The edit that records `done` in the plan folder `dir` at the moment
/// `now`. Nothing is written.
pub fn plan_edit(
    dir: &Path,
    done: &Done,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(PathBuf, Edited), Refused> {
    let loaded = super::load::load(dir).map_err(Refused::Load)?;
    let plan = &loaded.plan;
    let now = now.with_timezone(&plan.time_zone()).naive_local();
    let at = done.at.unwrap_or(now);
    let id = task_id(plan, &done.task)?;
    let tasks = super::tasks::derive(plan);
    let task = tasks
        .iter()
        .find(|t| t.id() == id)
        .ok_or_else(|| Refused::Said(t!("done.unknown-task", task = &id)))?;
    if at > now {
        return Err(Refused::Said(t!(
            "done.in-future",
            at = at.format("%Y-%m-%d %H:%M")
        )));
    }
    // A task its item's status completes is done when the status says so.
    if let (false, Some(status)) = (
        task.done,
        task.step.done_when.as_ref().and_then(|s| s.get()),
    ) {
        return Err(Refused::Said(t!(
            "done.by-status",
            task = &id,
            status = status.as_str()
        )));
    }
    let month = Month::of(task.due.date());
    let file = plan
        .months
        .iter()
        .find(|m| m.data.file_month == Some(month))
        .map(|m| m.file)
        .ok_or_else(|| Refused::Said(t!("approve.no-month", month = month)))?;
    let (path, mut edited) = Edited::read(&loaded.sources, file)?;
    let at = at.format("%Y-%m-%dT%H:%M").to_string();
    let entry = ("done_at", id.as_str());
    edited.after = edit::set_top_level_map_entry(&edited.before, entry, &at, &["items"]);
    if !task.done {
        edited.after =
            edit::add_to_top_level_list(&edited.after, "done", &id, &["done_at", "items"]);
    }
    if let Some(note) = done
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        let entry = ("done_notes", id.as_str());
        let note = edit::scalar(note);
        edited.after = edit::set_top_level_map_entry(&edited.after, entry, &note, &["items"]);
    }
    Ok((path, edited))
}

/// The id of the task `task` names.
fn task_id(plan: &super::model::Plan, task: &TaskRef) -> Result<String, Refused> {
    match task {
        TaskRef::Id(id) => Ok(id.trim().to_string()),
        TaskRef::ItemStep { item, step } => {
            let item = super::lookup::item(plan, item)?;
            let step = super::lookup::step(plan, step)?;
            Ok(format!("{}/{}", step.id.value, item.id.value))
        }
    }
}

//! JSON: one object per task, field names documented in `docs/tasks.md`.

use super::{Listing, TaskWriter, person_name};
use crate::text::dates::to_hijri;
use serde_json::{Value, json};
use std::io::{self, Write};

pub(super) struct Json;

/// One task as JSON (shared with the CSV writer's columns).
pub(super) fn task_value(listing: &Listing, task: &super::Task, state: super::State) -> Value {
    let item = task.item;
    json!({
        "id": task.id(),
        "state": state.as_str(),
        "due": task.due.format("%Y-%m-%dT%H:%M").to_string(),
        "due_hijri": to_hijri(task.due.date()).map(|h| format!("{:04}-{:02}-{:02}", h.year, h.month, h.day)),
        "step": task.step_id(),
        "step_name": {"ar": task.step.name.ar, "en": task.step.name.en},
        "stage": task.stage,
        "subject": {"kind": task.subject.kind(), "id": task.subject.to_string()},
        "title": item.map(|i| json!({"ar": i.title.ar, "en": i.title.en})),
        "owner": task.assignee,
        "owner_name": task.assignee.map(|_| person_name(listing.plan, task.assignee)),
        "owner_ref": task.step.owner.value,
        "effort_minutes": task.effort.minutes,
        "platforms": item.map_or(Vec::new(), |i| i.platforms.iter().map(|p| p.value.as_str()).collect()),
        "goal": item.and_then(|i| i.goal.as_ref().map(|g| g.value.as_str())),
    })
}

impl TaskWriter for Json {
    fn write(&self, listing: &Listing, out: &mut dyn Write) -> io::Result<()> {
        let tasks: Vec<Value> = listing
            .rows
            .iter()
            .map(|(t, s)| task_value(listing, t, *s))
            .collect();
        let doc = json!({
            "now": listing.now.format("%Y-%m-%dT%H:%M").to_string(),
            "time_zone": listing.time_zone.name(),
            "count": tasks.len(),
            "tasks": tasks,
        });
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)
    }
}

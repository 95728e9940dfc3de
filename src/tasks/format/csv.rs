//! CSV with a header row, for spreadsheets.

use super::{Listing, TaskWriter, person_name};
use crate::text::dates::to_hijri;
use std::io::{self, Write};

pub(super) struct Csv;

impl TaskWriter for Csv {
    fn write(&self, listing: &Listing, out: &mut dyn Write) -> io::Result<()> {
        let mut w = crate::output::CsvWriter::new(out);
        w.write_record([
            "id",
            "state",
            "due",
            "due_hijri",
            "step",
            "step_name",
            "stage",
            "subject_kind",
            "subject",
            "title",
            "owner",
            "owner_name",
            "effort_minutes",
            "platforms",
            "goal",
        ])?;
        for (task, state) in &listing.rows {
            let item = task.item;
            w.write_record([
                task.id(),
                state.as_str().to_string(),
                task.due.format("%Y-%m-%dT%H:%M").to_string(),
                to_hijri(task.due.date()).map_or_else(String::new, |h| {
                    format!("{:04}-{:02}-{:02}", h.year, h.month, h.day)
                }),
                task.step_id().to_string(),
                task.step.name.primary().to_string(),
                task.stage.to_string(),
                task.subject.kind().to_string(),
                task.subject.to_string(),
                item.map_or_else(String::new, |i| i.title.primary().to_string()),
                task.assignee.unwrap_or("").to_string(),
                person_name(listing.plan, task.assignee).to_string(),
                task.effort.minutes.to_string(),
                item.map_or_else(String::new, |i| {
                    i.platforms
                        .iter()
                        .map(|p| p.value.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                }),
                item.and_then(|i| i.goal.as_ref())
                    .map_or_else(String::new, |g| g.value.clone()),
            ])?;
        }
        w.flush()
    }
}

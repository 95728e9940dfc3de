//! The tasks as a spreadsheet: CSV with a header row, or an XLSX workbook
//! whose due times are dates; the same columns, defined once.

use super::{Listing, TaskWriter, person_name};
use crate::output::sheet::{Cell, Sheet};
use crate::text::dates::to_hijri;
use crate::text::i18n::Lang;
use std::io::{self, Write};

/// The columns, in order (their names are stable, for scripts).
const COLUMNS: [&str; 15] = [
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
];

/// One row a task. The Hijri date is text ending in ` AH`, so no
/// spreadsheet takes it for a Gregorian date of the year 1448.
fn sheet(listing: &Listing, lang: Lang) -> Sheet {
    let rows = listing.rows.iter().map(|(task, state)| {
        let item = task.item;
        let platforms = item.map_or_else(String::new, |i| {
            let ids: Vec<&str> = i.platforms.iter().map(|p| p.value.as_str()).collect();
            ids.join(" ")
        });
        let hijri = to_hijri(task.due.date()).map_or(Cell::Empty, |h| {
            Cell::Text(format!("{:04}-{:02}-{:02} AH", h.year, h.month, h.day))
        });
        vec![
            Cell::Text(task.id()),
            state.as_str().into(),
            Cell::Moment(task.due),
            hijri,
            task.step_id().into(),
            task.step.name.primary().into(),
            task.stage.into(),
            task.subject.kind().into(),
            Cell::Text(task.subject.to_string()),
            item.map_or(Cell::Empty, |i| i.title.primary().into()),
            task.assignee.unwrap_or("").into(),
            person_name(listing.plan, task.assignee).into(),
            Cell::Number(task.effort.minutes as f64),
            Cell::Text(platforms),
            item.and_then(|i| i.goal.as_ref())
                .map_or(Cell::Empty, |g| g.value.as_str().into()),
        ]
    });
    Sheet {
        name: "tasks".into(),
        header: COLUMNS.map(str::to_string).to_vec(),
        rows: rows.collect(),
        right_to_left: lang == Lang::Ar,
    }
}

pub(super) struct Csv;

impl TaskWriter for Csv {
    fn write(&self, listing: &Listing, out: &mut dyn Write) -> io::Result<()> {
        sheet(listing, Lang::En).write_csv(out)
    }
}

pub(super) struct Xlsx {
    /// Arabic lays the sheet out right to left.
    pub lang: Lang,
}

impl TaskWriter for Xlsx {
    fn write(&self, listing: &Listing, out: &mut dyn Write) -> io::Result<()> {
        sheet(listing, self.lang).write_xlsx(out)
    }
}

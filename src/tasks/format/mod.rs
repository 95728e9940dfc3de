//! Output formats for task lists: one writer per format behind one trait.

mod csv;
mod ics;
mod json;
mod markdown;
mod summary;
mod table;

pub use ics::IcsKind;
pub use summary::write_summary;

use super::State;
use crate::plan::model::Plan;
use crate::plan::tasks::{Subject, Task};
use crate::text::dates::to_hijri;
use crate::text::i18n::Lang;
use chrono::NaiveDateTime;
use std::io::{self, Write};

/// How dates are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CalendarChoice {
    #[default]
    Gregorian,
    Hijri,
    Both,
}

/// The formats `tasks --format` offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskFormat {
    /// `width`: the terminal's width, when writing to one.
    Table {
        width: Option<u16>,
    },
    Json,
    Csv,
    Xlsx,
    Markdown,
    Ics(ics::IcsKind),
}

/// What a writer gets: the tasks to show, in order, with their states.
pub struct Listing<'a> {
    pub plan: &'a Plan,
    pub rows: Vec<(&'a Task<'a>, State)>,
    pub now: NaiveDateTime,
    pub time_zone: chrono_tz::Tz,
    pub calendar: CalendarChoice,
    /// The days the listing covers, if bounded.
    pub window: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    /// The calendar file this listing replaces, if any: its tasks that are
    /// no longer listed are written back cancelled.
    pub previous: Option<String>,
}

/// Writes a listing in one format.
pub trait TaskWriter {
    fn write(&self, listing: &Listing, out: &mut dyn Write) -> io::Result<()>;
}

/// The writer for a format; `lang` is the language of headings and states
/// (JSON, CSV and iCalendar keep their stable fields).
pub fn writer(format: TaskFormat, lang: Lang) -> Box<dyn TaskWriter> {
    match format {
        TaskFormat::Table { width } => Box::new(table::Table { width, lang }),
        TaskFormat::Json => Box::new(json::Json),
        TaskFormat::Csv => Box::new(csv::Csv),
        TaskFormat::Xlsx => Box::new(csv::Xlsx { lang }),
        TaskFormat::Markdown => Box::new(markdown::Markdown { lang }),
        TaskFormat::Ics(kind) => Box::new(ics::Ics { lang, kind }),
    }
}

/// The column names of a task table.
fn columns(lang: Lang) -> [String; 5] {
    [
        crate::t!("tasks.col.due"),
        crate::t!("tasks.col.state"),
        crate::t!("tasks.col.task"),
        crate::t!("tasks.col.for"),
        crate::t!("tasks.col.owner"),
    ]
    .map(|m| m.text(lang))
}

/// A date-time as the listing's calendar choice shows it; Hijri dates end
/// in `AH`, or `هـ` for an Arabic reader.
pub(crate) fn show_date_time(at: NaiveDateTime, calendar: CalendarChoice, lang: Lang) -> String {
    let time = at.format("%H:%M");
    let gregorian = at.date().format("%Y-%m-%d");
    let hijri = to_hijri(at.date()).map_or_else(String::new, |h| {
        crate::text::dates::in_era_of(&h.to_string(), lang).into_owned()
    });
    match calendar {
        CalendarChoice::Gregorian => format!("{gregorian} {time}"),
        CalendarChoice::Hijri => format!("{hijri} {time}"),
        CalendarChoice::Both => format!("{gregorian} {time} ({hijri})"),
    }
}

/// The person's name as the team file gives it (Arabic first), or their id.
pub(crate) fn person_name<'a>(plan: &'a Plan, id: Option<&'a str>) -> &'a str {
    let Some(id) = id else { return "" };
    plan.team
        .as_ref()
        .and_then(|t| t.data.person(id))
        .map_or(id, |p| p.name.primary())
}

/// What the task is for, in words in `lang`: the item's title, or the
/// month, week, plan or campaign.
pub(crate) fn subject_title(task: &Task, calendar: CalendarChoice, lang: Lang) -> String {
    match (task.subject, task.item) {
        (Subject::Item(id), Some(item)) => {
            let title = item.title.primary();
            if title.is_empty() {
                id.to_string()
            } else {
                title.to_string()
            }
        }
        (Subject::Item(id), None) => id.to_string(),
        (Subject::Month(m), _) => {
            let hijri = match calendar {
                CalendarChoice::Gregorian => String::new(),
                _ => to_hijri(m.first_day()).map_or_else(String::new, |h| {
                    format!(" ({})", crate::text::dates::in_era_of(&h.to_string(), lang))
                }),
            };
            crate::t!("tasks.subject.month", month = m, hijri = hijri).text(lang)
        }
        (Subject::Week(_), _) => crate::t!("tasks.subject.week", week = task.subject).text(lang),
        // A recommendation of the strategy is done once, like the plan's own steps.
        (Subject::Plan, _) if task.stage == "strategy" => {
            crate::t!("tasks.subject.recommendation").text(lang)
        }
        (Subject::Plan, _) => crate::t!("tasks.subject.plan").text(lang),
        (Subject::Quarter(_), _) => {
            crate::t!("tasks.subject.quarter", quarter = task.subject).text(lang)
        }
        (Subject::Campaign(id), _) => crate::t!("tasks.subject.campaign", campaign = id).text(lang),
        (Subject::Occasion(..), _) => {
            crate::t!("tasks.subject.occasion", occasion = task.subject).text(lang)
        }
    }
}

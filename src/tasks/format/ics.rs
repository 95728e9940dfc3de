//! iCalendar (RFC 5545) of the tasks: by default one event (VEVENT) per
//! task, the time its effort takes ending when it is due, with a reminder,
//! since Google Calendar and the iOS Calendar import no to-dos; or one
//! VTODO per task for applications with task lists. Each has a UID stable
//! across exports and unique to the organisation (`task@its-domain`) and a
//! SEQUENCE that rises, so re-importing the file updates instead of
//! duplicating; and the tasks of the file it replaces that are no longer
//! in the listing are written back cancelled, so they leave the calendar.

use super::{Listing, State, TaskWriter, person_name, subject_title};
use crate::plan::tasks::Task;
use crate::text::ics::{Component, components, escape, fold, parse_utc};
use chrono::{NaiveDateTime, TimeDelta, TimeZone};
use std::collections::HashSet;
use std::io::{self, Write};

/// What each task becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IcsKind {
    /// An event with a reminder this many minutes before it (0: none).
    Events { remind_minutes: u32 },
    /// A to-do.
    Todos,
}

/// The shortest event a task becomes: a task with no effort still shows.
const SHORTEST_EVENT_MINUTES: i64 = 15;

pub(super) struct Ics {
    /// The language of the titles.
    pub lang: crate::text::i18n::Lang,
    pub kind: IcsKind,
}

/// What every component of one file shares.
struct Context<'a> {
    listing: &'a Listing<'a>,
    domain: String,
    stamp: String,
    sequence: i64,
}

impl Context<'_> {
    /// A local time of the plan as UTC, as iCalendar writes it.
    fn utc(&self, at: NaiveDateTime) -> String {
        self.listing
            .time_zone
            .from_local_datetime(&at)
            .earliest()
            .map_or(at, |t| t.naive_utc())
            .format("%Y%m%dT%H%M%SZ")
            .to_string()
    }
}

impl TaskWriter for Ics {
    fn write(&self, listing: &Listing, out: &mut dyn Write) -> io::Result<()> {
        // Later exports carry a higher SEQUENCE, so re-importing updates each task.
        let base = chrono::NaiveDate::from_ymd_opt(2020, 1, 1)
            .expect("valid")
            .and_time(chrono::NaiveTime::MIN);
        let mut cx = Context {
            listing,
            domain: listing.plan.calendar_domain(),
            stamp: String::new(),
            sequence: (listing.now - base).num_minutes().max(0),
        };
        cx.stamp = cx.utc(listing.now);
        let mut text = self.head(listing);
        for (task, state) in &listing.rows {
            let lines = match self.kind {
                IcsKind::Events { remind_minutes } => self.event(&cx, task, *state, remind_minutes),
                IcsKind::Todos => self.todo(&cx, task, *state),
            };
            for line in &lines {
                text.push_str(&fold(line));
            }
        }
        for gone in vanished(&cx, self.kind) {
            for line in &cancelled(&cx, &gone) {
                text.push_str(&fold(line));
            }
        }
        text.push_str(&fold("END:VCALENDAR"));
        out.write_all(text.as_bytes())
    }
}

impl Ics {
    fn head(&self, listing: &Listing) -> String {
        let organisation = listing
            .plan
            .settings
            .as_ref()
            .map_or("khairukum", |s| s.data.organisation.name.primary());
        let name = crate::t!("tasks.calendar-name", organisation = organisation).text(self.lang);
        [
            "BEGIN:VCALENDAR".to_string(),
            "VERSION:2.0".to_string(),
            format!("PRODID:{PRODID}"),
            "CALSCALE:GREGORIAN".to_string(),
            "METHOD:PUBLISH".to_string(),
            format!("X-WR-CALNAME:{}", escape(&name)),
        ]
        .iter()
        .map(|line| fold(line))
        .collect()
    }

    /// The title, marked ✓ once done when `mark` (an event has no state
    /// of its own), and the description: the task's id, the step in
    /// English, the person.
    fn words(&self, listing: &Listing, task: &Task, state: State, mark: bool) -> (String, String) {
        let done = if mark && state == State::Done {
            "✓ "
        } else {
            ""
        };
        let summary = format!(
            "{done}{} — {}",
            task.step.name.in_lang(self.lang),
            subject_title(task, listing.calendar, self.lang)
        );
        let mut description = format!("{}\n{}", task.id(), task.step.name.english());
        if task.assignee.is_some() {
            description.push('\n');
            description.push_str(person_name(listing.plan, task.assignee));
        }
        (summary, description)
    }

    /// A task as an event: its effort's time, ending when it is due.
    fn event(&self, cx: &Context, task: &Task, state: State, remind: u32) -> Vec<String> {
        let (summary, description) = self.words(cx.listing, task, state, true);
        let minutes = task.effort.minutes.max(SHORTEST_EVENT_MINUTES);
        let start = task.due - TimeDelta::minutes(minutes);
        let mut lines = vec![
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}@{}", escape(&task.id()), cx.domain),
            format!("DTSTAMP:{}", cx.stamp),
            format!("SEQUENCE:{}", cx.sequence),
            format!("DTSTART:{}", cx.utc(start)),
            format!("DTEND:{}", cx.utc(task.due)),
            format!("SUMMARY:{}", escape(&summary)),
            format!("DESCRIPTION:{}", escape(&description)),
            "STATUS:CONFIRMED".to_string(),
            format!("CATEGORIES:{}", escape(task.stage)),
        ];
        // A reminder for work still to do, not for what is done or past.
        if remind > 0 && state != State::Done && start > cx.listing.now {
            lines.extend([
                "BEGIN:VALARM".to_string(),
                "ACTION:DISPLAY".to_string(),
                format!("TRIGGER:-PT{remind}M"),
                format!("DESCRIPTION:{}", escape(&summary)),
                "END:VALARM".to_string(),
            ]);
        }
        lines.push("END:VEVENT".to_string());
        lines
    }

    /// A task as a to-do, due when it is due.
    fn todo(&self, cx: &Context, task: &Task, state: State) -> Vec<String> {
        let (summary, description) = self.words(cx.listing, task, state, false);
        let status = if state == State::Done {
            "COMPLETED"
        } else {
            "NEEDS-ACTION"
        };
        let mut lines = vec![
            "BEGIN:VTODO".to_string(),
            format!("UID:{}@{}", escape(&task.id()), cx.domain),
            format!("DTSTAMP:{}", cx.stamp),
            format!("SEQUENCE:{}", cx.sequence),
            format!("SUMMARY:{}", escape(&summary)),
            format!("DESCRIPTION:{}", escape(&description)),
            format!("DUE:{}", cx.utc(task.due)),
            format!("STATUS:{status}"),
            format!("CATEGORIES:{}", escape(task.stage)),
        ];
        if state == State::Done {
            lines.push("PERCENT-COMPLETE:100".to_string());
        }
        lines.push("END:VTODO".to_string());
        lines
    }
}

/// The PRODID of a tasks calendar: what marks a file as one this command
/// wrote, whose tasks it may cancel.
const PRODID: &str = "-//khairukum//tasks//AR";

/// The components of the file being replaced that are no longer in the
/// listing: the file was written by this command, the component is of the
/// same kind, not already cancelled, and falls in the listing's window (a
/// task of another month is not gone because this export covers one).
fn vanished(cx: &Context, kind: IcsKind) -> Vec<Component> {
    let Some(previous) = cx.listing.previous.as_deref() else {
        return Vec::new();
    };
    if !previous.contains(&format!("PRODID:{PRODID}")) {
        return Vec::new();
    }
    let tag = match kind {
        IcsKind::Events { .. } => "VEVENT",
        IcsKind::Todos => "VTODO",
    };
    let listed: HashSet<String> = cx
        .listing
        .rows
        .iter()
        .map(|(task, _)| format!("{}@{}", escape(&task.id()), cx.domain))
        .collect();
    let in_window = |c: &Component| {
        let Some((from, to)) = cx.listing.window else {
            return true;
        };
        let at = c.when.as_deref().and_then(parse_utc);
        at.is_some_and(|at| {
            at.date() >= from - TimeDelta::days(1) && at.date() <= to + TimeDelta::days(1)
        })
    };
    components(previous)
        .into_iter()
        .filter(|c| c.kind == tag && !listed.contains(&c.uid))
        .filter(|c| c.status.as_deref() != Some("CANCELLED"))
        .filter(in_window)
        .collect()
}

/// A component written back cancelled, with the same UID and a higher
/// SEQUENCE: the calendar application removes or strikes it.
fn cancelled(cx: &Context, gone: &Component) -> Vec<String> {
    let when = gone.when.as_deref().unwrap_or(&cx.stamp);
    let time = if gone.kind == "VTODO" {
        "DUE"
    } else {
        "DTSTART"
    };
    vec![
        format!("BEGIN:{}", gone.kind),
        format!("UID:{}", gone.uid),
        format!("DTSTAMP:{}", cx.stamp),
        format!("SEQUENCE:{}", cx.sequence),
        format!("{time}:{when}"),
        format!("SUMMARY:{}", gone.summary),
        "STATUS:CANCELLED".to_string(),
        format!("END:{}", gone.kind),
    ]
}

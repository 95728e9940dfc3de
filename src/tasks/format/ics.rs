//! iCalendar (RFC 5545): one VTODO per task with a stable UID, so that a
//! calendar application re-importing the file updates tasks instead of
//! duplicating them.

use super::{Listing, State, TaskWriter, person_name, subject_title};
use crate::text::ics::{escape, fold};
use chrono::TimeZone;
use std::io::{self, Write};

pub(super) struct Ics {
    /// The language of the events' titles.
    pub lang: crate::text::i18n::Lang,
}

impl TaskWriter for Ics {
    fn write(&self, listing: &Listing, out: &mut dyn Write) -> io::Result<()> {
        let tz = listing.time_zone;
        let utc = |at: chrono::NaiveDateTime| {
            tz.from_local_datetime(&at)
                .earliest()
                .map_or(at, |t| t.naive_utc())
                .format("%Y%m%dT%H%M%SZ")
                .to_string()
        };
        let stamp = utc(listing.now);
        // Later exports carry a higher SEQUENCE, so re-importing updates each task.
        let base = chrono::NaiveDate::from_ymd_opt(2020, 1, 1)
            .expect("valid")
            .and_time(chrono::NaiveTime::MIN);
        let sequence = (listing.now - base).num_minutes().max(0);
        let organisation = listing
            .plan
            .settings
            .as_ref()
            .map_or("khairukum", |s| s.data.organisation.name.primary());
        let mut text = String::new();
        for line in [
            "BEGIN:VCALENDAR".to_string(),
            "VERSION:2.0".to_string(),
            "PRODID:-//khairukum//tasks//AR".to_string(),
            "CALSCALE:GREGORIAN".to_string(),
            format!(
                "X-WR-CALNAME:{}",
                escape(
                    &crate::t!("tasks.calendar-name", organisation = organisation).text(self.lang)
                )
            ),
        ] {
            text.push_str(&fold(&line));
        }
        for (task, state) in &listing.rows {
            let summary = format!(
                "{} — {}",
                task.step.name.in_lang(self.lang),
                subject_title(task, listing.calendar, self.lang)
            );
            let mut description = format!("{}\n{}", task.id(), task.step.name.english());
            if let Some(name) = task
                .assignee
                .map(|_| person_name(listing.plan, task.assignee))
            {
                description.push('\n');
                description.push_str(name);
            }
            let status = if *state == State::Done {
                "COMPLETED"
            } else {
                "NEEDS-ACTION"
            };
            let mut lines = vec![
                "BEGIN:VTODO".to_string(),
                format!("UID:{}@khairukum", escape(&task.id())),
                format!("DTSTAMP:{stamp}"),
                format!("SEQUENCE:{sequence}"),
                format!("SUMMARY:{}", escape(&summary)),
                format!("DESCRIPTION:{}", escape(&description)),
                format!("DUE:{}", utc(task.due)),
                format!("STATUS:{status}"),
                format!("CATEGORIES:{}", escape(task.stage)),
            ];
            if *state == State::Done {
                lines.push("PERCENT-COMPLETE:100".to_string());
            }
            lines.push("END:VTODO".to_string());
            for line in lines {
                text.push_str(&fold(&line));
            }
        }
        text.push_str(&fold("END:VCALENDAR"));
        out.write_all(text.as_bytes())
    }
}

//! iCalendar (RFC 5545): one VTODO per task with a stable UID, so that a
//! calendar application re-importing the file updates tasks instead of
//! duplicating them.

use super::{Listing, State, TaskWriter, person_name, subject_title};
use chrono::TimeZone;
use std::io::{self, Write};

pub(super) struct Ics {
    /// The language of the events' titles.
    pub lang: crate::text::i18n::Lang,
}

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslashes, semicolons and
/// commas escaped, a line break written `\n`, so that no text from the plan
/// can end its line and start a property of its own. Other control
/// characters, which TEXT may not hold, are dropped (a tab is kept), and so
/// are the Unicode line and paragraph separators, which some readers take
/// for line ends.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets without splitting a UTF-8 character
/// (RFC 5545 §3.1), ending each physical line with CRLF.
pub(super) fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let line = format!("SUMMARY:{}", "خيركم ".repeat(30));
        let folded = fold(&line);
        for physical in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
        assert_eq!(fold("SHORT"), "SHORT\r\n");
    }

    #[test]
    fn escapes_text_values() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(
            escape("x\r\nATTENDEE:mailto:a@b\u{b}\u{85}\u{2028}\ty"),
            "x\\nATTENDEE:mailto:a@b\ty"
        );
    }
}

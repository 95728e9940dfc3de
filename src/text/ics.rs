//! iCalendar text (RFC 5545): values escaped and lines folded, for every
//! calendar file the tool writes (tasks, the publishing schedule).

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslashes, semicolons and
/// commas escaped, a line break written `\n`, so that no text from the plan
/// can end its line and start a property of its own. Other control
/// characters, which TEXT may not hold, are dropped (a tab is kept), and so
/// are the Unicode line and paragraph separators, which some readers take
/// for line ends.
pub fn escape(text: &str) -> String {
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
pub fn fold(line: &str) -> String {
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

/// Joins folded lines back (RFC 5545 §3.1): a line break followed by a
/// space or a tab continues the line before.
pub fn unfold(text: &str) -> String {
    text.replace("\r\n ", "")
        .replace("\r\n\t", "")
        .replace("\n ", "")
        .replace("\n\t", "")
}

/// An event or to-do of a calendar file, as read back: what cancelling it
/// needs. Values are kept as written (still escaped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Component {
    /// `VEVENT` or `VTODO`.
    pub kind: String,
    pub uid: String,
    /// `DTSTART` of an event, `DUE` of a to-do.
    pub when: Option<String>,
    pub summary: String,
    pub status: Option<String>,
}

/// The events and to-dos of a calendar file, in order; lines that are not
/// properties are skipped.
pub fn components(text: &str) -> Vec<Component> {
    let mut out = Vec::new();
    let mut open: Option<Component> = None;
    let mut depth = 0;
    for line in unfold(text).lines() {
        let (name, value) = match line.split_once(':') {
            Some((name, value)) => (name.split(';').next().unwrap_or(name), value),
            None => continue,
        };
        match (name, value) {
            ("BEGIN", "VEVENT" | "VTODO") if open.is_none() => {
                open = Some(Component {
                    kind: value.to_string(),
                    uid: String::new(),
                    when: None,
                    summary: String::new(),
                    status: None,
                });
            }
            ("BEGIN", _) if open.is_some() => depth += 1,
            ("END", _) if depth > 0 => depth -= 1,
            ("END", "VEVENT" | "VTODO") => out.extend(open.take()),
            _ => {}
        }
        let Some(c) = open.as_mut().filter(|_| depth == 0) else {
            continue;
        };
        match name {
            "UID" => c.uid = value.to_string(),
            "DTSTART" | "DUE" => c.when = Some(value.to_string()),
            "SUMMARY" => c.summary = value.to_string(),
            "STATUS" => c.status = Some(value.to_string()),
            _ => {}
        }
    }
    out
}

/// A UTC time as the tool writes it (`20261124T170000Z`).
pub fn parse_utc(value: &str) -> Option<chrono::NaiveDateTime> {
    chrono::NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%SZ").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_are_read_back_unfolded_alarms_aside() {
        let text = [
            "BEGIN:VCALENDAR",
            "BEGIN:VEVENT",
            "UID:write/a@example.org",
            "DTSTART:20261124T160000Z",
            "SUMMARY:كتابة النص — شكراً\\, مع",
            "  الأرقام",
            "BEGIN:VALARM",
            "DESCRIPTION:not the summary",
            "END:VALARM",
            "STATUS:CONFIRMED",
            "END:VEVENT",
            "BEGIN:VTODO",
            "UID:b@example.org",
            "DUE;VALUE=DATE-TIME:20261125T170000Z",
            "END:VTODO",
            "END:VCALENDAR",
        ]
        .join("\r\n");
        let found = components(&text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].uid, "write/a@example.org");
        assert_eq!(found[0].when.as_deref(), Some("20261124T160000Z"));
        assert_eq!(found[0].summary, "كتابة النص — شكراً\\, مع الأرقام");
        assert_eq!(found[0].status.as_deref(), Some("CONFIRMED"));
        assert_eq!(found[1].kind, "VTODO");
        assert_eq!(found[1].when.as_deref(), Some("20261125T170000Z"));
        assert_eq!(
            parse_utc("20261125T170000Z").unwrap().to_string(),
            "2026-11-25 17:00:00"
        );
    }

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

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

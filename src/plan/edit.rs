//! Edits of plan files that change only the lines they must: a top-level
//! key's lines are replaced (or a line is added after a key that is
//! there), and every other byte — comments, key order, quoting, blank
//! lines, Arabic text — stays as it was. The diff a reviewer sees is the
//! lines that changed.

use std::fmt::Write as _;

/// A file's text before and after an edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edited {
    /// The file, as shown (`plans/calendar/2026-12.yaml`).
    pub shown: String,
    pub before: String,
    pub after: String,
}

/// The lines of the top-level `key` in `lines`: its own line and those
/// indented under it (blank lines between them included, trailing ones
/// not), as a range.
fn key_lines(lines: &[&str], key: &str) -> Option<std::ops::Range<usize>> {
    let start = lines.iter().position(|line| {
        line.strip_prefix(key)
            .is_some_and(|rest| rest.starts_with(':'))
    })?;
    let mut end = start + 1;
    let mut last = start + 1;
    while end < lines.len() {
        let line = lines[end];
        if line.trim().is_empty() {
            end += 1;
            continue;
        }
        if !line.starts_with([' ', '\t', '-']) || line.starts_with("---") {
            break;
        }
        end += 1;
        last = end;
    }
    Some(start..last)
}

/// `text` with the top-level `key` set to `line` (a whole `key: value`
/// line): its lines replaced where it is, else the line added after the
/// first of `after` that is there, else after the leading comments.
pub fn set_top_level(text: &str, key: &str, line: &str, after: &[&str]) -> String {
    let ending = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<&str> = Vec::with_capacity(lines.len() + 1);
    if let Some(range) = key_lines(&lines, key) {
        out.extend(&lines[..range.start]);
        out.push(line);
        out.extend(&lines[range.end..]);
    } else {
        let at = after.iter().find_map(|k| key_lines(&lines, k)).map_or_else(
            || lines.iter().take_while(|l| l.starts_with('#')).count(),
            |range| range.end,
        );
        out.extend(&lines[..at]);
        out.push(line);
        out.extend(&lines[at..]);
    }
    let mut joined = out.join(ending);
    if text.ends_with('\n') {
        joined.push_str(ending);
    }
    joined
}

/// A value as YAML writes it in a flow map: plain where that reads back
/// as the same text, else double-quoted.
pub fn scalar(text: &str) -> String {
    let plain = !text.is_empty()
        && !text.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c) || c.is_whitespace())
        && !text.ends_with(char::is_whitespace)
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.contains([',', '[', ']', '{', '}', '\n', '"'])
        && !matches!(
            text.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "null" | "on" | "off" | "~"
        )
        && text.parse::<f64>().is_err();
    if plain {
        return text.to_string();
    }
    let mut quoted = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// The lines that differ between `before` and `after`, as a unified diff
/// of one hunk with up to two lines of context around it.
pub fn diff(shown: &str, before: &str, after: &str) -> String {
    let old: Vec<&str> = before.lines().collect();
    let new: Vec<&str> = after.lines().collect();
    let same_start = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let same_end = old[same_start..]
        .iter()
        .rev()
        .zip(new[same_start..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = format!("--- a/{shown}\n+++ b/{shown}\n");
    if same_start == old.len() && old.len() == new.len() {
        return out;
    }
    let from = same_start.saturating_sub(2);
    let old_end = (old.len() - same_end + 2).min(old.len());
    let new_end = (new.len() - same_end + 2).min(new.len());
    let _ = writeln!(
        out,
        "@@ -{},{} +{},{} @@",
        from + 1,
        old_end - from,
        from + 1,
        new_end - from
    );
    let mut lines = |mark: char, lines: &[&str]| {
        for line in lines {
            let _ = writeln!(out, "{mark}{line}");
        }
    };
    lines(' ', &old[from..same_start]);
    lines('-', &old[same_start..old.len() - same_end]);
    lines('+', &new[same_start..new.len() - same_end]);
    lines(' ', &old[old.len() - same_end..old_end]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const MONTH: &str = "# تقويم\nmonth: 2026-12\nstatus: drafted\n\n# Items\nitems:\n  - id: a # كلمة\n    title: {ar: \"نص\"}\n";

    #[test]
    fn a_key_is_added_after_the_one_named_and_nothing_else_moves() {
        let after = set_top_level(
            MONTH,
            "approved",
            "approved: {by: khalid, on: 2026-11-28}",
            &["status", "month"],
        );
        assert_eq!(
            after,
            "# تقويم\nmonth: 2026-12\nstatus: drafted\napproved: {by: khalid, on: 2026-11-28}\n\n# Items\nitems:\n  - id: a # كلمة\n    title: {ar: \"نص\"}\n"
        );
        let again = set_top_level(&after, "status", "status: approved", &[]);
        assert_eq!(again, after.replace("status: drafted", "status: approved"));
    }

    #[test]
    fn a_key_over_several_lines_is_replaced_whole() {
        let text = "month: 2026-12\napproved:\n  by: sara\n  on: 2026-11-01\n\nitems: []\n";
        assert_eq!(
            set_top_level(
                text,
                "approved",
                "approved: {by: khalid, on: 2026-11-28}",
                &[]
            ),
            "month: 2026-12\napproved: {by: khalid, on: 2026-11-28}\n\nitems: []\n"
        );
        // A key that only begins like another is not it.
        assert_eq!(key_lines(&["approvedby: x"], "approved"), None);
    }

    #[test]
    fn crlf_files_keep_their_line_ends() {
        let text = "month: 2026-12\r\nitems: []\r\n";
        assert_eq!(
            set_top_level(text, "status", "status: approved", &["month"]),
            "month: 2026-12\r\nstatus: approved\r\nitems: []\r\n"
        );
    }

    #[test]
    fn scalars_are_plain_only_where_they_read_back_the_same() {
        assert_eq!(scalar("khalid"), "khalid");
        assert_eq!(scalar("اعتُمدت في الاجتماع"), "اعتُمدت في الاجتماع");
        assert_eq!(scalar("yes"), "\"yes\"");
        assert_eq!(scalar("2026"), "\"2026\"");
        assert_eq!(scalar("a, b"), "\"a, b\"");
        assert_eq!(scalar("say \"hi\": now"), "\"say \\\"hi\\\": now\"");
        assert_eq!(scalar("#tag"), "\"#tag\"");
    }

    #[test]
    fn the_diff_is_the_lines_that_changed_with_their_context() {
        let before = "a\nb\nc\nd\ne\n";
        let after = "a\nb\nc\nX\nd\ne\n";
        assert_eq!(
            diff("f.yaml", before, after),
            "--- a/f.yaml\n+++ b/f.yaml\n@@ -2,4 +2,5 @@\n b\n c\n+X\n d\n e\n"
        );
        assert_eq!(
            diff("f.yaml", before, before),
            "--- a/f.yaml\n+++ b/f.yaml\n"
        );
    }
}

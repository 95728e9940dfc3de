//! Edits of plan files that change only the lines they must: a top-level
//! key's lines are replaced (or a line is added after a key that is
//! there), and every other byte — comments, key order, quoting, blank
//! lines, Arabic text — stays as it was. The diff a reviewer sees is the
//! lines that changed.

use crate::t;
use crate::text::i18n::Msg;
use chrono::NaiveDate;
use std::fmt::Write as _;
use std::path::Path;

/// A file's text before and after an edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edited {
    /// The file, as shown (`plans/calendar/2026-12.yaml`).
    pub shown: String,
    pub before: String,
    pub after: String,
}

impl Edited {
    /// The plan file `file` of `sources` as it is on disk now, its path,
    /// and no change yet (`after` equals `before`).
    pub fn read(
        sources: &super::source::Sources,
        file: super::source::FileId,
    ) -> Result<(std::path::PathBuf, Edited), Refused> {
        let shown = sources.get(file).path.clone();
        let path = std::path::PathBuf::from(&shown);
        let before = std::fs::read_to_string(&path)
            .map_err(|e| Refused::Said(t!("cannot-read-file", error = e)))?;
        let after = before.clone();
        Ok((
            path,
            Edited {
                shown,
                before,
                after,
            },
        ))
    }
}

/// Why an edit was not made.
#[derive(Debug)]
pub enum Refused {
    Load(super::load::LoadError),
    /// A message for the person who asked.
    Said(Msg),
    /// The edit would leave these new problems (rendered by the caller).
    NewProblems(super::validate::Validation),
}

/// Checks `edited` against the rules in a copy of the plan folder `dir`:
/// the problems it would add, if any. The folder itself is not touched.
pub fn new_problems(
    dir: &Path,
    path: &Path,
    edited: &Edited,
    today: Option<NaiveDate>,
) -> Result<(), Refused> {
    let copy = tempfile::tempdir().map_err(|e| Refused::Said(t!("cannot-read-file", error = e)))?;
    copy_plan(dir, copy.path()).map_err(|e| Refused::Said(t!("cannot-read-file", error = e)))?;
    let relative = path.strip_prefix(dir).unwrap_or(path);
    std::fs::write(copy.path().join(relative), &edited.after)
        .map_err(|e| Refused::Said(t!("cannot-read-file", error = e)))?;
    let before = super::validate::validate(dir, today).map_err(Refused::Load)?;
    let mut after = super::validate::validate(copy.path(), today).map_err(Refused::Load)?;
    let key = |sources: &super::source::Sources, d: &super::diagnostic::Diagnostic, root: &Path| {
        let file = d
            .span
            .map(|s| sources.get(s.file).path.clone())
            .unwrap_or_default();
        let file = Path::new(&file)
            .strip_prefix(root)
            .map_or(file.clone(), |p| p.to_string_lossy().into_owned());
        (d.rule.code, file, d.message.clone())
    };
    let known: Vec<_> = before
        .diagnostics
        .iter()
        .map(|d| key(&before.sources, d, dir))
        .collect();
    after
        .diagnostics
        .retain(|d| !known.contains(&key(&after.sources, d, copy.path())));
    if after.diagnostics.is_empty() {
        return Ok(());
    }
    // Shown where they will be: in the plan folder, not the copy.
    let shown = |p: &Path| p.to_string_lossy().replace('\\', "/");
    after.sources.reroot(&shown(copy.path()), &shown(dir));
    Err(Refused::NewProblems(after))
}

/// The plan's files, copied into `to` (its exports and hidden folders are
/// not plan files).
fn copy_plan(from: &Path, to: &Path) -> std::io::Result<()> {
    for entry in walkdir::WalkDir::new(from)
        .min_depth(1)
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            !(name.starts_with('.') || e.depth() == 1 && name == "exports")
        })
    {
        let entry = entry.map_err(std::io::Error::other)?;
        let target = to.join(entry.path().strip_prefix(from).unwrap_or(entry.path()));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target)?;
        } else if entry.file_type().is_file() {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
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

/// A calendar item's entry under `items:`: its lines, and the column its
/// keys are written at.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    lines: std::ops::Range<usize>,
    column: usize,
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The text after a key's colon, without a comment or quotes.
fn value_of(rest: &str) -> &str {
    let rest = rest.split(" #").next().unwrap_or(rest).trim();
    rest.trim_matches(|c| c == '"' || c == '\'')
}

/// The entry of the item `id` in a calendar file's lines.
fn item_entry(lines: &[String], id: &str) -> Option<Entry> {
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let items = key_lines(&refs, "items")?;
    let dash = items.clone().skip(1).find_map(|i| {
        let line = lines[i].as_str();
        line.trim_start().starts_with("- ").then(|| indent(line))
    })?;
    let starts: Vec<usize> = (items.start + 1..items.end)
        .filter(|&i| indent(&lines[i]) == dash && lines[i].trim_start().starts_with("- "))
        .collect();
    starts.iter().enumerate().find_map(|(n, &start)| {
        let end = starts.get(n + 1).copied().unwrap_or(items.end);
        let entry = Entry {
            lines: start..end,
            column: dash + 2,
        };
        key_in(lines, &entry, "id")
            .is_some_and(|at| {
                value_of(&key_text(&lines[at.start], entry.column)["id:".len()..]) == id
            })
            .then_some(entry)
    })
}

/// A line of an entry from its keys' column (the dash line after `- `).
fn key_text(line: &str, column: usize) -> &str {
    line.get(column..).unwrap_or("")
}

/// The lines of `key` in an entry: its line and those deeper under it.
fn key_in(lines: &[String], entry: &Entry, key: &str) -> Option<std::ops::Range<usize>> {
    let start = entry.lines.clone().find(|&i| {
        let line = &lines[i];
        let at_column = indent(line) == entry.column || i == entry.lines.start;
        at_column
            && key_text(line, entry.column)
                .strip_prefix(key)
                .is_some_and(|rest| rest.starts_with(':'))
    })?;
    let mut end = start + 1;
    while end < entry.lines.end
        && (lines[end].trim().is_empty() || indent(&lines[end]) > entry.column)
    {
        end += 1;
    }
    while end > start + 1 && lines[end - 1].trim().is_empty() {
        end -= 1;
    }
    Some(start..end)
}

/// The entry's last line that is not blank, plus one: where a key is added.
fn entry_end(lines: &[String], entry: &Entry) -> usize {
    let mut end = entry.lines.end;
    while end > entry.lines.start + 1 && lines[end - 1].trim().is_empty() {
        end -= 1;
    }
    end
}

/// `text` with the item `id`'s `key` set to `value` (its line replaced,
/// or added at the end of the item); `None` when the item is not there.
pub fn set_item_key(text: &str, id: &str, key: &str, value: &str) -> Option<String> {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let entry = item_entry(&lines, id)?;
    let line = |prefix: &str| format!("{prefix}{key}: {value}");
    if let Some(range) = key_in(&lines, &entry, key) {
        let prefix = lines[range.start][..entry.column].to_string();
        lines.splice(range, [line(&prefix)]);
    } else {
        let at = entry_end(&lines, &entry);
        lines.insert(at, line(&" ".repeat(entry.column)));
    }
    Some(rejoin(text, &lines))
}

/// `text` with `entry: value` set in the item `id`'s map `key` (a block map
/// or a flow map on one line, added when the item has none); `None` when
/// the item is not there.
pub fn set_item_map_entry(
    text: &str,
    id: &str,
    (key, entry_key): (&str, &str),
    value: &str,
) -> Option<String> {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let entry = item_entry(&lines, id)?;
    let pair = format!("{entry_key}: {value}");
    let Some(range) = key_in(&lines, &entry, key) else {
        let at = entry_end(&lines, &entry);
        let column = " ".repeat(entry.column);
        lines.splice(
            at..at,
            [format!("{column}{key}:"), format!("{column}  {pair}")],
        );
        return Some(rejoin(text, &lines));
    };
    let head = lines[range.start].clone();
    let after_colon = key_text(&head, entry.column)[key.len() + 1..].trim();
    if let Some(inner) = after_colon
        .strip_prefix('{')
        .and_then(|r| r.strip_suffix('}'))
    {
        // A flow map: its other entries kept as written.
        let mut pairs: Vec<String> = inner
            .split(", ")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .filter(|p| !p.starts_with(&format!("{entry_key}:")))
            .map(str::to_string)
            .collect();
        pairs.push(pair);
        let prefix = &head[..head.len() - key_text(&head, entry.column).len()];
        lines[range.start] = format!("{prefix}{key}: {{{}}}", pairs.join(", "));
        return Some(rejoin(text, &lines));
    }
    let children = range.start + 1..range.end;
    let child_column = children
        .clone()
        .find(|&i| !lines[i].trim().is_empty())
        .map_or(entry.column + 2, |i| indent(&lines[i]));
    let own = children.clone().find(|&i| {
        indent(&lines[i]) == child_column
            && lines[i]
                .trim_start()
                .strip_prefix(entry_key)
                .is_some_and(|rest| rest.starts_with(':'))
    });
    let line = format!("{}{pair}", " ".repeat(child_column));
    match own {
        Some(i) => lines[i] = line,
        None => lines.insert(range.end, line),
    }
    Some(rejoin(text, &lines))
}

/// Lines joined with the line end `text` uses, ending as it ended.
fn rejoin(text: &str, lines: &[String]) -> String {
    let ending = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut joined = lines.join(ending);
    if text.ends_with('\n') {
        joined.push_str(ending);
    }
    joined
}

/// Where a top-level block goes in `lines`: its lines, or where to add it
/// (before the first of `before` that is there, else at the end, after a
/// blank line).
enum Place {
    At(std::ops::Range<usize>),
    New(usize),
}

fn place_of(lines: &[String], key: &str, before: &[&str]) -> Place {
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    if let Some(range) = key_lines(&refs, key) {
        return Place::At(range);
    }
    let at = before
        .iter()
        .find_map(|k| key_lines(&refs, k))
        .map_or(lines.len(), |range| {
            // Above the comment lines that introduce that key.
            let mut at = range.start;
            while at > 0 && lines[at - 1].starts_with('#') {
                at -= 1;
            }
            at
        });
    Place::New(at)
}

/// The column a block's children are written at (two spaces without any).
fn child_column(lines: &[String], range: &std::ops::Range<usize>) -> usize {
    (range.start + 1..range.end)
        .find(|&i| !lines[i].trim().is_empty())
        .map_or(2, |i| indent(&lines[i]))
}

/// `text` with `entry: value` set in the top-level block map `key` (added
/// before the first of `before` when the file has none).
pub fn set_top_level_map_entry(
    text: &str,
    (key, entry): (&str, &str),
    value: &str,
    before: &[&str],
) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let pair = format!("{}: {value}", scalar(entry));
    match place_of(&lines, key, before) {
        Place::At(range) => {
            let column = child_column(&lines, &range);
            let own = (range.start + 1..range.end).find(|&i| {
                let rest = lines[i].trim_start();
                rest.strip_prefix(entry).is_some_and(|r| r.starts_with(':'))
                    || rest
                        .strip_prefix(&scalar(entry))
                        .is_some_and(|r| r.starts_with(':'))
            });
            let line = format!("{}{pair}", " ".repeat(column));
            match own {
                Some(i) => lines[i] = line,
                None => lines.insert(range.end, line),
            }
        }
        Place::New(at) => {
            lines.splice(
                at..at,
                [format!("{key}:"), format!("  {pair}"), String::new()],
            );
        }
    }
    rejoin(text, &lines)
}

/// `text` with `item` in the top-level block list `key`: added at its end
/// unless it is there (the list added before the first of `before` when
/// the file has none).
pub fn add_to_top_level_list(text: &str, key: &str, item: &str, before: &[&str]) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    match place_of(&lines, key, before) {
        Place::At(range) => {
            let there = (range.start + 1..range.end).any(|i| {
                lines[i]
                    .trim_start()
                    .strip_prefix("- ")
                    .is_some_and(|v| value_of(v) == item)
            });
            if !there {
                let column = child_column(&lines, &range);
                lines.insert(
                    range.end,
                    format!("{}- {}", " ".repeat(column), scalar(item)),
                );
            }
        }
        Place::New(at) => {
            lines.splice(
                at..at,
                [
                    format!("{key}:"),
                    format!("  - {}", scalar(item)),
                    String::new(),
                ],
            );
        }
    }
    rejoin(text, &lines)
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
    // `a/` and `b/` stand for the folder the path is in: an absolute path
    // reads `a/tmp/plan/…`, as git writes it.
    let shown = shown.trim_start_matches('/');
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
    for (mark, line) in changed(
        &old[same_start..old.len() - same_end],
        &new[same_start..new.len() - same_end],
    ) {
        lines(mark, &[line]);
    }
    lines(' ', &old[old.len() - same_end..old_end]);
    out
}

/// The lines between the first and last change, each marked kept (` `),
/// removed (`-`) or added (`+`): the longest run of lines both keep, kept.
fn changed<'a>(old: &[&'a str], new: &[&'a str]) -> Vec<(char, &'a str)> {
    // kept[i][j]: lines kept in common from old[i..] and new[j..].
    let mut kept = vec![vec![0usize; new.len() + 1]; old.len() + 1];
    for i in (0..old.len()).rev() {
        for j in (0..new.len()).rev() {
            kept[i][j] = if old[i] == new[j] {
                kept[i + 1][j + 1] + 1
            } else {
                kept[i + 1][j].max(kept[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < old.len() || j < new.len() {
        if i < old.len() && j < new.len() && old[i] == new[j] {
            out.push((' ', old[i]));
            (i, j) = (i + 1, j + 1);
        } else if i < old.len() && (j == new.len() || kept[i + 1][j] >= kept[i][j + 1]) {
            out.push(('-', old[i]));
            i += 1;
        } else {
            out.push(('+', new[j]));
            j += 1;
        }
    }
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

    const ITEMS: &str = "month: 2026-12\nitems:\n  - id: a # أول\n    status: approved\n    platforms: [x, instagram]\n\n  - id: b\n    status: scheduled\n    published: {x: https://x.com/k/status/1}\n  - id: c\n    status: published\n    published:\n      x: https://x.com/k/status/2 # كما نُشر\n\n# the end\n";

    #[test]
    fn an_item_key_is_replaced_or_added_in_that_item_alone() {
        let after = set_item_key(ITEMS, "a", "status", "published").unwrap();
        assert_eq!(
            after,
            ITEMS.replacen("    status: approved", "    status: published", 1)
        );
        let added = set_item_key(ITEMS, "a", "notes", "x").unwrap();
        assert_eq!(
            added,
            ITEMS.replacen(
                "    platforms: [x, instagram]\n",
                "    platforms: [x, instagram]\n    notes: x\n",
                1
            )
        );
        assert_eq!(set_item_key(ITEMS, "z", "status", "published"), None);
    }

    #[test]
    fn a_link_goes_in_the_item_s_map_whatever_its_style() {
        let block =
            set_item_map_entry(ITEMS, "a", ("published", "x"), "https://x.com/k/status/9").unwrap();
        assert_eq!(
            block,
            ITEMS.replacen(
                "    platforms: [x, instagram]\n",
                "    platforms: [x, instagram]\n    published:\n      x: https://x.com/k/status/9\n",
                1
            )
        );
        let flow = set_item_map_entry(
            ITEMS,
            "b",
            ("published", "instagram"),
            "https://www.instagram.com/p/Q/",
        )
        .unwrap();
        assert_eq!(
            flow,
            ITEMS.replacen(
                "{x: https://x.com/k/status/1}",
                "{x: https://x.com/k/status/1, instagram: https://www.instagram.com/p/Q/}",
                1
            )
        );
        let replaced =
            set_item_map_entry(ITEMS, "c", ("published", "x"), "https://x.com/k/status/3").unwrap();
        assert_eq!(
            replaced,
            ITEMS.replacen(
                "      x: https://x.com/k/status/2 # كما نُشر",
                "      x: https://x.com/k/status/3",
                1
            )
        );
        let added =
            set_item_map_entry(ITEMS, "c", ("published", "instagram"), "https://i/p/1/").unwrap();
        assert_eq!(
            added,
            ITEMS.replacen(
                "      x: https://x.com/k/status/2 # كما نُشر\n",
                "      x: https://x.com/k/status/2 # كما نُشر\n      instagram: https://i/p/1/\n",
                1
            )
        );
    }

    #[test]
    fn a_time_and_a_task_go_in_their_top_level_blocks() {
        let text = "month: 2026-11\n\n# Finished tasks\ndone:\n  - a/2026-W45 # كذا\n\nitems: []\n";
        let timed = set_top_level_map_entry(
            text,
            ("done_at", "b/2026-10"),
            "2026-11-03T10:00",
            &["items"],
        );
        assert_eq!(
            timed,
            "month: 2026-11\n\n# Finished tasks\ndone:\n  - a/2026-W45 # كذا\n\ndone_at:\n  b/2026-10: 2026-11-03T10:00\n\nitems: []\n"
        );
        let again =
            set_top_level_map_entry(&timed, ("done_at", "b/2026-10"), "2026-11-04T09:00", &[]);
        assert_eq!(again, timed.replace("2026-11-03T10:00", "2026-11-04T09:00"));
        let listed = add_to_top_level_list(text, "done", "b/2026-10", &["items"]);
        assert_eq!(listed, text.replace("# كذا\n", "# كذا\n  - b/2026-10\n"));
        assert_eq!(add_to_top_level_list(text, "done", "a/2026-W45", &[]), text);
        let new = add_to_top_level_list(
            "month: 2026-12\nitems: []\n",
            "done",
            "b/2026-11",
            &["items"],
        );
        assert_eq!(new, "month: 2026-12\ndone:\n  - b/2026-11\n\nitems: []\n");
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
        // Two changes apart: the lines between them are kept, not re-added.
        assert_eq!(
            diff("f.yaml", "a\nb\nc\nd\n", "a\nB\nc\nd\nE\n"),
            "--- a/f.yaml\n+++ b/f.yaml\n@@ -1,4 +1,5 @@\n a\n-b\n+B\n c\n d\n+E\n"
        );
        assert!(diff("/tmp/p/f.yaml", "a\n", "b\n").starts_with("--- a/tmp/p/f.yaml\n"));
    }
}

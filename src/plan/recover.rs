//! Going on past a shape problem, so that every problem of a file is
//! reported in one run. What the decoder reports is blanked out of a
//! working copy of the text — with spaces, so that every place keeps its
//! line and column — and the copy is decoded again:
//!
//! - an unknown field: read as the field it is a typo of, when that name
//!   fits in its place (`stauts`), else its key and value are blanked; the
//!   file is still used;
//! - a value of the wrong type or a bad value: its field, as if it were
//!   not there; the file is still used if the field may be left out;
//! - a missing field, or a required field blanked above: the whole list
//!   item. The rest of the file is still searched for problems, but the
//!   file is not used, so no rule and no reference sees half an item; its
//!   whole items are still given (`partial`) to the rules of one item.
//!
//! A syntax error, or a problem in or right above what was blanked, ends
//! the search of its file; the other files are read as ever.

use crate::plan::diagnostic::{Diagnostic, closest};
use crate::plan::source::line_start;
use std::borrow::Cow;
use std::ops::Range;

/// At most this many problems are looked for in one file.
const MOST_PER_FILE: usize = 100;

/// What a decoding error says of the text, for going on past it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Shape {
    /// A key the type does not have, and the field it is likely a typo of.
    UnknownField { meant: Option<String> },
    /// A value the field cannot take.
    BadValue,
    /// A required field that is not there.
    MissingField(String),
    /// Anything else (a syntax error, a safety limit): no going on.
    Other,
}

/// A file decoded as far as it goes.
pub(super) struct Decoded<T> {
    /// The value, when the file may be used; when `partial`, the value of
    /// its whole items alone (those missing a field are left out): fit for
    /// the rules of one item, not for the file's use.
    pub(super) value: Option<T>,
    /// The value lacks the items that miss a required field.
    pub(super) partial: bool,
    /// Every problem found, in the order found.
    pub(super) problems: Vec<Diagnostic>,
}

impl<T> Decoded<T> {
    /// No value: only the problems found.
    fn none(problems: Vec<Diagnostic>) -> Self {
        Decoded {
            value: None,
            partial: false,
            problems,
        }
    }

    pub(super) fn map<U>(self, f: impl FnOnce(T) -> U) -> Decoded<U> {
        Decoded {
            value: self.value.map(f),
            partial: self.partial,
            problems: self.problems,
        }
    }
}

/// Decodes `text` with `decode`, going on past each shape problem: the
/// value, if the file may be used, and every problem found.
pub(super) fn decode_all<T, E>(
    text: &str,
    decode: impl Fn(&str) -> Result<T, E>,
    describe: impl Fn(&E, &str) -> (Diagnostic, Shape),
) -> Decoded<T> {
    // The file's own text until a problem is found: a clean file is not copied.
    let mut work: Cow<'_, str> = Cow::Borrowed(text);
    let mut found: Vec<Diagnostic> = Vec::new();
    let mut blanked: Vec<Range<usize>> = Vec::new();
    let mut blanked_fields: Vec<String> = Vec::new();
    // Unknown keys taken out, with the item that held them: a field missing
    // from that item under a name close to one of them is the same typo.
    let mut misspelt: Vec<(String, Range<usize>)> = Vec::new();
    let mut usable = true;
    loop {
        let error = match decode(&work) {
            Ok(value) => {
                return Decoded {
                    value: Some(value),
                    partial: !usable,
                    problems: found,
                };
            }
            Err(error) => error,
        };
        let (mut diagnostic, shape) = describe(&error, &work);
        // Where the problem is in the working copy, and in the file: a key
        // renamed above may have moved bytes, so the file's place is taken
        // from the line and column.
        let at = diagnostic.span.map(|s| s.byte_start);
        if let Some(span) = diagnostic.span.as_mut() {
            span.byte_start =
                crate::plan::source::byte_offset(text, span.line, span.column).min(text.len());
        }
        if found.len() >= MOST_PER_FILE
            || found
                .iter()
                .any(|d| d.span == diagnostic.span && d.rule.code == diagnostic.rule.code)
        {
            return Decoded::none(found);
        }
        // A problem the blanking itself made is not the writer's.
        let made_here = at.is_some_and(|at| near_blanked(&work, at, &blanked))
            || matches!(&shape, Shape::MissingField(field) if blanked_fields.contains(field)
            || at.is_some_and(|at| misspelt.iter().any(|(key, item)| {
                item.contains(&at) && closest(key, [field.as_str()]).is_some()
            })));
        if made_here && !matches!(shape, Shape::MissingField(_)) {
            return Decoded::none(found);
        }
        if !made_here {
            found.push(diagnostic);
        }
        let Some(at) = at else {
            return Decoded::none(found);
        };
        let range = match &shape {
            Shape::UnknownField { meant } => {
                let key = key_name(&work, at);
                let item = item_block(&work, at);
                // A typo of a field the item lacks is read as that field, so
                // the item (and the file) can still be used — when the name
                // fits in the typo's place (`stauts`, `platfroms`): every
                // place in the model must stay where it is in the file.
                if let Some(meant) = meant
                    && meant.len() <= key.len()
                    && key_block(&work, at).is_some()
                    && !item
                        .as_ref()
                        .is_some_and(|item| has_key(&work[item.clone()], meant))
                {
                    let padded = format!("{meant:<width$}", width = key.len());
                    work.to_mut().replace_range(at..at + key.len(), &padded);
                    continue;
                }
                if let Some(item) = item {
                    misspelt.push((key.clone(), item));
                }
                key_block(&work, at)
            }
            Shape::BadValue => field_of_value(&work, at).and_then(|key| {
                let range = key_block(&work, key)?;
                blanked_fields.push(key_name(&work, key));
                Some(range)
            }),
            Shape::MissingField(_) => {
                usable = false;
                let item = item_block(&work, at);
                if let (Some(item), false, Some(last)) = (&item, made_here, found.last_mut()) {
                    point_at_item(last, text, &work, item.start);
                }
                item
            }
            Shape::Other => None,
        };
        let Some(range) = range else {
            return Decoded::none(found);
        };
        blank(work.to_mut(), &range);
        blanked.push(range);
    }
}

fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |i| at + i)
}

/// The indentation of a line (spaces before its first other character).
fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Whether a line holds nothing but spaces or a comment.
fn is_blank_line(line: &str) -> bool {
    let rest = line.trim();
    rest.is_empty() || rest.starts_with('#')
}

/// Whether `at` is inside a blanked range or on the line right above one.
fn near_blanked(text: &str, at: usize, blanked: &[Range<usize>]) -> bool {
    let next_line = line_end(text, at) + 1;
    blanked.iter().any(|r| {
        r.contains(&at) || (r.start >= next_line && text[next_line..r.start].trim().is_empty())
    })
}

/// A block key at `key` (`key: value`, after spaces and `- ` only), with
/// its value and every line indented deeper: the bytes they take.
fn key_block(text: &str, key: usize) -> Option<Range<usize>> {
    let start = line_start(text, key);
    let before = &text[start..key];
    if !before.chars().all(|c| c == ' ' || c == '-') {
        // Inside a flow collection (`{…}`, `[…]`): no block to take out.
        return None;
    }
    let column = key - start;
    Some(key..block_end(text, key, column))
}

/// Where the block that begins on the line of `at` ends: the last line
/// indented deeper than `column` that follows it.
fn block_end(text: &str, at: usize, column: usize) -> usize {
    let mut end = line_end(text, at);
    let mut next = end + 1;
    while next < text.len() {
        let line_stop = line_end(text, next);
        let line = &text[next..line_stop];
        if !is_blank_line(line) {
            if indent(line) <= column {
                break;
            }
            end = line_stop;
        }
        next = line_stop + 1;
    }
    end
}

/// The key whose value begins at `value`: on the same line before it, or
/// the nearest line above that is indented less and ends with `:`.
fn field_of_value(text: &str, value: usize) -> Option<usize> {
    let start = line_start(text, value);
    let before = &text[start..value];
    let trimmed = before.trim_end();
    if let Some(head) = trimmed.strip_suffix(':') {
        let key = start + head.len() - head.trim_start_matches([' ', '-']).len();
        let name = &text[key..start + head.len()];
        return (!name.is_empty() && !name.contains(['{', '[', ',', ':', '#'])).then_some(key);
    }
    if !before.chars().all(|c| c == ' ' || c == '-') {
        return None;
    }
    let column = indent(&text[start..line_end(text, start)]);
    let mut line_at = start;
    while line_at > 0 {
        let above = line_start(text, line_at - 1);
        let line = &text[above..line_at - 1];
        line_at = above;
        if is_blank_line(line) {
            continue;
        }
        if indent(line) >= column {
            continue;
        }
        let content = line.split(" #").next().unwrap_or(line).trim_end();
        let head = content.strip_suffix(':')?;
        let key = above + head.len() - head.trim_start_matches([' ', '-']).len();
        return (key < above + head.len()).then_some(key);
    }
    None
}

/// Whether a block of YAML has `key:` as a key of its own.
fn has_key(block: &str, key: &str) -> bool {
    block.lines().any(|line| {
        line.trim_start_matches([' ', '-'])
            .strip_prefix(key)
            .is_some_and(|rest| rest.starts_with(':'))
    })
}

/// The name of the key at `key`.
fn key_name(text: &str, key: usize) -> String {
    let end = line_end(text, key);
    text[key..end]
        .split(':')
        .next()
        .unwrap_or("")
        .trim()
        .to_owned()
}

/// The list item (`- …` and its deeper lines) that holds `at`.
fn item_block(text: &str, at: usize) -> Option<Range<usize>> {
    let column = at - line_start(text, at);
    let mut line_at = line_start(text, at);
    loop {
        let line = &text[line_at..line_end(text, line_at)];
        let dash = indent(line);
        let rest = &line[dash..];
        if (rest == "-" || rest.starts_with("- ")) && dash <= column {
            return Some(line_at + dash..block_end(text, line_at, dash));
        }
        if line_at == 0 {
            return None;
        }
        line_at = line_start(text, line_at - 1);
    }
}

/// Points a missing field's finding at the item that lacks it (its first
/// line after `- `), not where the decoder noticed: at the next item, or at
/// the end of the file.
fn point_at_item(finding: &mut Diagnostic, text: &str, work: &str, dash: usize) {
    let Some(span) = finding.span.as_mut() else {
        return;
    };
    let first = &work[dash + 1..line_end(work, dash)];
    let key = dash + 1 + (first.len() - first.trim_start().len());
    let (line, column) = crate::plan::source::line_column(work, key);
    let start = crate::plan::source::byte_offset(text, line, column).min(text.len());
    span.line = line;
    span.column = column;
    span.byte_start = start;
    span.byte_len = text[start..line_end(text, start)].trim_end().len();
}

/// Spaces over `range`, its line breaks kept.
fn blank(text: &mut String, range: &Range<usize>) {
    let blanked: String = text[range.clone()]
        .chars()
        .map(|c| {
            if c == '\n' || c == '\r' {
                c.to_string()
            } else {
                " ".repeat(c.len_utf8())
            }
        })
        .collect();
    text.replace_range(range.clone(), &blanked);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_block_takes_its_deeper_lines_and_stops_at_a_sibling() {
        let text = "people:\n  - id: sara\n    notes: |\n      one\n      two\n    roles: [a]\n";
        let key = text.find("notes").unwrap();
        let range = key_block(text, key).unwrap();
        assert_eq!(&text[range], "notes: |\n      one\n      two");
    }

    #[test]
    fn a_value_belongs_to_the_key_before_it_or_above_it() {
        let text = "people:\n  - id: sara\n    hours_per_week: ten\nroles:\n  - x\n";
        let value = text.find("ten").unwrap();
        assert_eq!(field_of_value(text, value), text.find("hours_per_week"));
        let item = text.find("- x").unwrap() + 2;
        assert_eq!(field_of_value(text, item), text.find("roles"));
        let flow = "name: {ar: x, en: 5}\n";
        assert_eq!(field_of_value(flow, flow.find('5').unwrap()), None);
    }

    #[test]
    fn an_item_is_its_dash_and_its_deeper_lines() {
        let text = "people:\n  - id: sara\n    name: x\n  - id: omar\n";
        let at = text.find("name").unwrap();
        let range = item_block(text, at).unwrap();
        assert_eq!(&text[range], "- id: sara\n    name: x");
    }

    #[test]
    fn blanking_keeps_every_line_and_byte_in_place() {
        let mut text = String::from("a: سارة\nb: 1\n");
        let before = text.len();
        let first_line = 0..text.find('\n').unwrap();
        blank(&mut text, &first_line);
        assert_eq!(text.len(), before);
        assert_eq!(text.lines().count(), 2);
        assert!(text.starts_with("   "));
    }

    #[test]
    fn every_problem_is_found_and_a_file_missing_a_field_is_not_used() {
        // A toy decoder: a line `bad` is a bad value, `unknown` an unknown
        // field, `gone` a missing field, and the file decodes when none is left.
        let decode = |text: &str| -> Result<usize, (usize, Shape)> {
            for (word, shape) in [
                ("unknown", Shape::UnknownField { meant: None }),
                ("bad", Shape::BadValue),
                ("gone", Shape::MissingField("x".into())),
            ] {
                if let Some(at) = text.find(word) {
                    return Err((at, shape));
                }
            }
            Ok(text.len())
        };
        let describe = |(at, shape): &(usize, Shape), work: &str| {
            let (line, column) = crate::plan::source::line_column(work, *at);
            let span = crate::plan::diagnostic::Span {
                file: crate::plan::source::FileId(0),
                line,
                column,
                byte_start: *at,
                byte_len: 0,
            };
            (
                Diagnostic::new(
                    &crate::plan::rules::catalog::UNKNOWN_FIELD,
                    crate::t!("empty-file"),
                )
                .at(span),
                shape.clone(),
            )
        };
        let text = "a:\n  - unknown: 1\n    b: bad\n  - c: 2\n";
        let decoded = decode_all(text, decode, describe);
        assert_eq!(decoded.problems.len(), 2);
        assert_eq!(decoded.value, Some(text.len()));
        assert!(!decoded.partial);
        let text = "a:\n  - unknown: 1\n  - c: gone\n  - d: bad\n";
        let decoded = decode_all(text, decode, describe);
        assert_eq!(decoded.problems.len(), 3);
        // The whole items are given, marked partial: the file is not used.
        assert_eq!(decoded.value, Some(text.len()));
        assert!(decoded.partial);
        // The missing field is said at the item that lacks it.
        let span = decoded.problems[2].span.unwrap();
        assert_eq!((span.line, span.column), (3, 5));
        assert_eq!(&text[span.byte_start..][..span.byte_len], "c: gone");
    }
}

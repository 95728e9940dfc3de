//! A calendar month's file read in pieces: its month-wide part and each of
//! its items, so that the plan's history, which reads thousands of versions
//! of a month that differ by a line, decodes each distinct piece once.
//!
//! The file is cut by lines only where YAML's block structure cuts it: at
//! the top-level `items:` key and at each line that begins one of its
//! items (`- ` at the items' indentation). Each piece is then decoded on
//! its own by the lean reader: the head (the lines before `items:`) alone,
//! the month-wide part (head, `items: []`, and the lines after the items),
//! and each item under an `items:` key of its own. A piece that decodes on
//! its own closes every quote and bracket it opens, and the next piece
//! begins at a lesser indentation, which ends any block or plain scalar,
//! so each piece reads in the file as it reads alone. Anything that
//! could join pieces (a tab in an indentation, a document marker, a
//! directive, an alias, a lone carriage return) or any piece that does not
//! decode makes [`split`] or [`read`] return `None`: the file is then read
//! whole. A month read in pieces equals the month read whole, places apart
//! (tested on every calendar file in the repository and fuzzed).

use super::model::calendar::{CalendarMonth, Item};
use serde::Deserialize;
use std::path::Path;

/// Files larger than this are read whole: well under the lean reader's
/// node and event limits, which a piece must not escape.
const MAX_BYTES: usize = 1 << 20;

/// A month file's text cut into its pieces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pieces<'t> {
    /// The lines before `items:`, without the comments that open the file.
    pub head: &'t str,
    /// Each item's lines, from its `- ` to the next item's.
    pub items: Vec<&'t str>,
    /// The lines after the items, from the first at the margin.
    pub tail: &'t str,
}

/// Cuts a month file's text into its pieces; `None` when it must be read
/// whole (see the module's documentation).
pub fn split(text: &str) -> Option<Pieces<'_>> {
    if text.len() > MAX_BYTES {
        return None;
    }
    let mut lines = lines_of(text).map(|(at, line)| plain_line(line).then_some((at, line)));
    let mut head_start = None;
    let items_line = loop {
        let (at, line) = lines.next()??;
        if is_items_key(line) {
            break at;
        }
        if head_start.is_none() && !is_blank_or_comment(line) {
            head_start = Some(at);
        }
    };
    let head_start = head_start.unwrap_or(items_line);
    let (items, tail_start) = item_pieces(text, lines)?;
    // The lines no piece keeps (the comments that open the file, the
    // `items:` line and comments before the first item) must still be
    // what the YAML parser reads: a character it refuses refuses the file.
    let first_item = items.first().map_or(tail_start, |item| {
        item.as_ptr() as usize - text.as_ptr() as usize
    });
    if !printable(&text[..head_start]) || !printable(&text[items_line..first_item]) {
        return None;
    }
    let head = &text[head_start..items_line];
    Some(Pieces {
        head,
        items,
        tail: &text[tail_start..],
    })
}

/// The items' pieces from the lines after `items:` (`None` for a line
/// that could join pieces), and where the tail begins; `None` for no
/// items, items at the margin, or a line whose indentation fits no item.
fn item_pieces<'t>(
    text: &'t str,
    lines: impl Iterator<Item = Option<(usize, &'t str)>>,
) -> Option<(Vec<&'t str>, usize)> {
    let mut starts: Vec<usize> = Vec::new();
    let mut indent = 0;
    let mut tail = text.len();
    for line in lines {
        let (at, line) = line?;
        if tail < text.len() || is_blank_or_comment(line) {
            continue;
        }
        let this = indentation(line);
        if starts.is_empty() {
            if this == 0 || !begins_entry(&line[this..]) {
                return None;
            }
            indent = this;
            starts.push(at);
        } else if this == 0 {
            tail = at;
        } else if this == indent && begins_entry(&line[this..]) {
            starts.push(at);
        } else if this <= indent {
            return None;
        }
    }
    let ends = starts.iter().skip(1).chain(std::iter::once(&tail));
    let items = starts.iter().zip(ends).map(|(&from, &to)| &text[from..to]);
    (!starts.is_empty()).then(|| (items.collect(), tail))
}

/// Each line with the byte it starts at, its line break kept.
fn lines_of(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |at, line| {
        let start = *at;
        *at += line.len();
        Some((start, line))
    })
}

/// Whether nothing in a line could join what the lines cut: no tab in its
/// indentation, no document marker or directive, no alias, no line break
/// but `\n` and `\r\n`, no byte-order mark.
fn plain_line(line: &str) -> bool {
    let bytes = line.as_bytes();
    let body = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    let body = body.strip_suffix(b"\r").unwrap_or(body);
    !body.starts_with(b"---")
        && !body.starts_with(b"...")
        && !body.starts_with(b"%")
        && body.iter().find(|&&b| b != b' ') != Some(&b'\t')
        && body.iter().enumerate().all(|(at, &b)| match b {
            b'\r' => false,
            b'*' | b'<' => !has_alias(line),
            0xEF => !line[at..].starts_with('\u{feff}'),
            _ => true,
        })
}

/// Whether a line may hold an alias (`*name`) or a merge key: a `*` or
/// `<<` where a value may begin. Said of more lines than hold one (a `*`
/// after a comma inside quotes), which are then read whole.
fn has_alias(line: &str) -> bool {
    line.contains("<<")
        || line.match_indices('*').any(|(at, _)| {
            line[..at]
                .trim_end_matches(' ')
                .bytes()
                .last()
                .is_none_or(|b| VALUE_STARTS.contains(&b))
        })
}

/// What a value may follow: `:`, `-`, `[`, an opening brace, `,`, `?`.
const VALUE_STARTS: [u8; 6] = [b':', b'-', b'[', 0x7B, b',', b'?'];

/// Whether every character is one YAML allows in a file (its
/// `c-printable`): no control character but tab and line breaks, no
/// surrogate or non-character.
fn printable(text: &str) -> bool {
    text.chars().all(|c| {
        matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{85}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}')
            || c >= '\u{10000}'
    })
}

/// Whether a line is the top-level `items:` key with its value below.
fn is_items_key(line: &str) -> bool {
    line.strip_prefix("items:").is_some_and(|rest| {
        let rest = rest.trim_end_matches(['\n', '\r']);
        rest.trim_start_matches(' ').is_empty()
            || (rest.starts_with(' ') && rest.trim_start_matches(' ').starts_with('#'))
    })
}

fn is_blank_or_comment(line: &str) -> bool {
    let rest = line.trim_start_matches(' ').trim_end_matches(['\n', '\r']);
    rest.is_empty() || rest.starts_with('#')
}

fn indentation(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Whether the rest of a line begins a sequence entry: `-` then a space or
/// the line's end.
fn begins_entry(rest: &str) -> bool {
    rest.strip_prefix('-')
        .is_some_and(|after| after.is_empty() || after.starts_with([' ', '\n', '\r']))
}

/// An item read under an `items:` key of its own, at the depth it has in
/// the file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemsOnly {
    items: Vec<Item>,
}

/// An item's piece, decoded on its own: `None` unless it is one item the
/// lean reader reads.
pub fn read_item(piece: &str) -> Option<Item> {
    let text = format!("items:\n{piece}");
    let mut only = super::yaml_events::decode::<ItemsOnly>(&text)?;
    (only.items.len() == 1).then(|| only.items.pop())?
}

/// The month-wide part, its items left out: `None` unless the head reads
/// on its own (so it closes all it opens) and the head and tail around
/// `items: []` read as a month.
pub fn read_month_part(pieces: &Pieces<'_>) -> Option<CalendarMonth> {
    let blank = pieces.head.lines().all(is_blank_or_comment);
    if !blank {
        super::yaml_events::decode::<CalendarMonth>(pieces.head)?;
    }
    // Read with its `items:` in place, so that a head or tail that writes
    // the key too (`"items":`) is refused for it, as the file is.
    let text = format!("{}items: []\n{}", pieces.head, pieces.tail);
    super::yaml_events::decode::<CalendarMonth>(&text)
}

/// A month file's text, named `name` (`calendar/2026-11.yaml`), read in
/// pieces: the month the whole file reads as, or `None` when it must be
/// read whole. The text is as the loader reads it: without its byte-order
/// mark, control escapes neutralised (`load::month_text`).
pub fn read(name: &Path, text: &str) -> Option<CalendarMonth> {
    let pieces = split(text)?;
    let mut month = read_month_part(&pieces)?;
    month.items = pieces
        .items
        .iter()
        .map(|piece| read_item(piece))
        .collect::<Option<Vec<Item>>>()?;
    month.file_month = super::load::calendar_month(name);
    Some(month)
}

#[cfg(test)]
mod tests;

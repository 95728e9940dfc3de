//! Control characters written into plan text. YAML refuses them raw, but a
//! double-quoted string writes any character by its escape (`\e`, `\x1b`,
//! `\u001b`), and one that controls a terminal (an escape, a bell, a
//! carriage return) would reach every terminal and file the plan's words
//! are printed to. Each such escape is a located finding (`KH087`), and the
//! text is decoded with it replaced, place for place, by no-break spaces or
//! U+FFFD: what is printed can never control anything.

use crate::plan::diagnostic::{Diagnostic, Span};
use crate::plan::rules::catalog as rule;
use crate::plan::source::FileId;
use crate::t;
use std::borrow::Cow;

/// `text` with every control-character escape of its double-quoted strings
/// replaced (same length, so every place stays where it is), and a finding
/// for each. Borrowed, with no finding, when it has none.
pub(crate) fn neutralise(text: &str, file: FileId) -> (Cow<'_, str>, Vec<Diagnostic>) {
    if !text.contains('\\') {
        return (Cow::Borrowed(text), Vec::new());
    }
    let escapes = control_escapes(text);
    if escapes.is_empty() {
        return (Cow::Borrowed(text), Vec::new());
    }
    let mut clean = text.to_string();
    let mut found = Vec::with_capacity(escapes.len());
    for (at, len, code) in escapes {
        clean.replace_range(at..at + len, &replacement(len));
        let (line, column) = crate::plan::source::line_column(text, at);
        found.push(
            Diagnostic::new(
                &rule::CONTROL_CHARACTER,
                t!(
                    "control-character",
                    escape = &text[at..at + len],
                    code = format!("U+{code:04X}")
                ),
            )
            .at(Span {
                file,
                line,
                column,
                byte_start: at,
                byte_len: len,
            })
            .help(t!("control-character.help")),
        );
    }
    (Cow::Owned(clean), found)
}

/// An escape of `len` bytes that writes no control character: U+FFFD where
/// a `\u`/`\U` escape fits it, else no-break spaces (`\_`).
fn replacement(len: usize) -> String {
    match len {
        6 => "\\ufffd".to_string(),
        10 => "\\U0000fffd".to_string(),
        n => "\\_".repeat(n / 2) + &" ".repeat(n % 2),
    }
}

/// Whether a character controls a terminal: C0 but tab and line feed,
/// DEL, and C1.
fn is_control(code: u32) -> bool {
    (code < 0x20 && code != 0x09 && code != 0x0A) || (0x7F..=0x9F).contains(&code)
}

/// The escapes in `text`'s double-quoted strings that write a control
/// character: (byte offset of the backslash, length, the character's code).
fn control_escapes(text: &str) -> Vec<(usize, usize, u32)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    let mut in_double = false;
    while i < bytes.len() {
        let b = bytes[i];
        if in_double {
            match b {
                b'"' => in_double = false,
                b'\\' => {
                    let (len, code) = escape_at(bytes, i);
                    if code.is_some_and(is_control) {
                        found.push((i, len, code.unwrap_or(0)));
                    }
                    i += len.max(1);
                    continue;
                }
                _ => {}
            }
            i += 1;
            continue;
        }
        match b {
            b'#' if i == 0 || bytes[i - 1].is_ascii_whitespace() => {
                i = next_line(bytes, i);
                continue;
            }
            b'\'' if opens_scalar(bytes, i) => {
                i = end_of_single(bytes, i + 1);
                continue;
            }
            b'"' if opens_scalar(bytes, i) => in_double = true,
            _ => {}
        }
        i += 1;
    }
    found
}

/// Whether a quote at `at` begins a scalar: only spaces since the line's
/// start or since an indicator (`:`, `-`, `?`, `[`, `{`, `,`).
fn opens_scalar(bytes: &[u8], at: usize) -> bool {
    let mut j = at;
    while j > 0 && bytes[j - 1] == b' ' {
        j -= 1;
    }
    j == 0
        || matches!(
            bytes[j - 1],
            b'\n' | b':' | b'-' | b'?' | b'[' | b'{' | b','
        )
}

fn next_line(bytes: &[u8], at: usize) -> usize {
    bytes[at..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |n| at + n + 1)
}

/// Where a single-quoted scalar whose text begins at `at` ends (`''` is a quote).
fn end_of_single(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() {
        if bytes[at] == b'\'' {
            if bytes.get(at + 1) == Some(&b'\'') {
                at += 2;
                continue;
            }
            return at + 1;
        }
        at += 1;
    }
    at
}

/// The length of the escape at `at` (a backslash) and the character it
/// writes, when it writes one this scanner reads.
fn escape_at(bytes: &[u8], at: usize) -> (usize, Option<u32>) {
    let Some(&kind) = bytes.get(at + 1) else {
        return (1, None);
    };
    let hex = |digits: usize| -> (usize, Option<u32>) {
        let text = bytes.get(at + 2..at + 2 + digits);
        let code = text
            .and_then(|t| std::str::from_utf8(t).ok())
            .and_then(|t| u32::from_str_radix(t, 16).ok());
        (2 + digits, code)
    };
    match kind {
        b'0' => (2, Some(0x00)),
        b'a' => (2, Some(0x07)),
        b'b' => (2, Some(0x08)),
        b'v' => (2, Some(0x0B)),
        b'f' => (2, Some(0x0C)),
        b'r' => (2, Some(0x0D)),
        b'e' => (2, Some(0x1B)),
        b'N' => (2, Some(0x85)),
        b'x' => hex(2),
        b'u' => hex(4),
        b'U' => hex(8),
        _ => (2, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escapes(text: &str) -> Vec<String> {
        control_escapes(text)
            .into_iter()
            .map(|(at, len, _)| text[at..at + len].to_string())
            .collect()
    }

    #[test]
    fn control_escapes_in_double_quotes_are_found_and_others_are_not() {
        let text = "a: \"x\\x1b[31my\\e[0m\\u0007\\U0000009b \\t\\n ok \\\" \\\\e\"\n\
                    b: 'single \\e stays'\n\
                    c: plain \\e text\n\
                    d: \"\\r\\0\\a\\b\\v\\f\\N\\x7f \\x41 \\u00e9 \\_\" # \"\\e\" in a comment\n\
                    e: it's \"not\\e quoted\"\n\
                    f: [\"\\x1B\", {g: \"\\u001B\"}]\n";
        assert_eq!(
            escapes(text),
            [
                "\\x1b",
                "\\e",
                "\\u0007",
                "\\U0000009b",
                "\\r",
                "\\0",
                "\\a",
                "\\b",
                "\\v",
                "\\f",
                "\\N",
                "\\x7f",
                "\\x1B",
                "\\u001B"
            ]
        );
    }

    #[test]
    fn the_text_keeps_its_length_and_decodes_without_a_control_character() {
        let text = "t: \"a\\x1bb\\ec\\u001bd\\U0000001be\"\n";
        let (clean, found) = neutralise(text, FileId(0));
        assert_eq!(found.len(), 4);
        assert_eq!(clean.len(), text.len());
        let value: std::collections::BTreeMap<String, String> =
            serde_saphyr::from_str(&clean).unwrap();
        assert!(
            !value["t"].chars().any(|c| is_control(u32::from(c))),
            "{value:?}"
        );
        assert_eq!(found[1].span.unwrap().column, 11);
        let (same, none) = neutralise("t: \"\\u00e9 \\t\"\n", FileId(0));
        assert!(matches!(same, Cow::Borrowed(_)) && none.is_empty());
    }
}

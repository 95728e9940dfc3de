//! Turns the YAML parser's errors into plain-language [`Diagnostic`]s with
//! a stable rule code, a location and, where it helps, a suggestion.

use crate::plan::diagnostic::{Diagnostic, Span, did_you_mean};
use crate::plan::rules::catalog as rule;
use crate::plan::source::FileId;
use crate::t;
use crate::text::i18n::Msg;
use serde_saphyr::Error;

/// Maps one parser error to a diagnostic in `file`.
pub(super) fn to_diagnostic(err: &Error, file: FileId, text: &str) -> Diagnostic {
    let err = err.without_snippet();
    let (err, alias_at) = match err {
        Error::AliasError {
            error, locations, ..
        } => (
            error.without_snippet(),
            locations
                .defined_location
                .line()
                .gt(&0)
                .then_some(locations.defined_location),
        ),
        other => (other, None),
    };
    let span = err
        .location()
        .filter(|l| l.line() > 0)
        .map_or(Span::file_start(file), |l| {
            let mut span = Span::from_yaml(file, &(&l).into());
            if l.span().byte_offset().is_none() {
                // Parser (not deserializer) errors carry only line and column.
                span.byte_start = crate::plan::source::byte_offset(text, span.line, span.column);
                span.byte_len = 0;
            }
            span
        });
    let mut span = widen_to_token(span, text);
    let safety = || t!("safety-limit.help");
    let mut diagnostic = match err {
        Error::SerdeUnknownField {
            field, expected, ..
        } => {
            let help = split_by_comma(text, &span)
                .or_else(|| did_you_mean(field, expected.iter().copied()))
                .unwrap_or_else(|| t!("unknown-field.allowed", fields = expected.join(", ")));
            Diagnostic::new(&rule::UNKNOWN_FIELD, t!("unknown-field", field = field))
                .label(t!("unknown-field.label"))
                .help(help)
        }
        Error::SerdeMissingField { field, .. } => {
            Diagnostic::new(&rule::MISSING_FIELD, t!("missing-field", field = field))
                .label(t!("missing-field.label", field = field))
        }
        Error::SerdeInvalidType {
            unexpected,
            expected,
            ..
        }
        | Error::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => Diagnostic::new(
            &rule::WRONG_TYPE,
            t!(
                "expected-found",
                expected = plain_expected(expected),
                found = plain_found(unexpected)
            ),
        ),
        Error::SerdeInvalidLength { expected, .. } => Diagnostic::new(
            &rule::WRONG_TYPE,
            t!("expected", expected = plain_expected(expected)),
        ),
        Error::InvalidScalar { ty, .. } => {
            let found = format!("`{}`", scalar_at(text, &span));
            Diagnostic::new(
                &rule::WRONG_TYPE,
                t!(
                    "expected-found",
                    expected = plain_expected(ty),
                    found = found
                ),
            )
        }
        Error::InvalidBooleanStrict { .. } | Error::NullIntoString { .. } => Diagnostic::new(
            &rule::WRONG_TYPE,
            t!("parser-says", message = plain_message(err)),
        ),
        Error::SerdeUnknownVariant {
            variant, expected, ..
        } => Diagnostic::new(
            &rule::UNKNOWN_VALUE,
            t!("unknown-value-plain", value = variant),
        )
        .maybe_help(did_you_mean(variant, expected.iter().copied())),
        Error::DuplicateMappingKey { key, .. } => Diagnostic::new(
            &rule::YAML_SYNTAX,
            match key {
                Some(key) => t!("duplicate-key", key = key),
                None => t!("duplicate-key-unnamed"),
            },
        )
        .help(t!("duplicate-key.help")),
        Error::Budget { breach, .. } => {
            use serde_saphyr::budget::BudgetBreach as B;
            let what = match breach {
                B::Aliases { .. } => t!("limit.aliases"),
                B::Anchors { .. } => t!("limit.anchors"),
                B::Depth { .. } => t!("limit.depth"),
                B::Nodes { .. } | B::Events { .. } => t!("limit.values"),
                B::ScalarBytes { .. } => t!("limit.texts"),
                other => t!("parser-says", message = format!("{other:?}")),
            };
            Diagnostic::new(&rule::RESOURCE_LIMIT, t!("safety-limit", what = what)).help(safety())
        }
        Error::AliasReplayCounterOverflow { .. }
        | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => Diagnostic::new(
            &rule::RESOURCE_LIMIT,
            t!(
                "safety-limit",
                what = t!("parser-says", message = plain_message(err))
            ),
        )
        .help(safety()),
        Error::Eof { .. } => Diagnostic::new(&rule::YAML_SYNTAX, t!("unexpected-end"))
            .help(t!("syntax.rest-unchecked")),
        Error::Message { msg, .. } if msg.contains("recursion") || msg.contains("depth") => {
            Diagnostic::new(
                &rule::RESOURCE_LIMIT,
                t!("safety-limit", what = t!("parser-says", message = msg)),
            )
        }
        Error::Message { msg, .. } => {
            // Errors raised by our own field types (e.g. bilingual text).
            Diagnostic::new(&rule::WRONG_TYPE, t!("parser-says", message = msg))
        }
        Error::Unexpected { expected, .. } => {
            let found = scalar_at(text, &span);
            let found = if found.is_empty() {
                t!("found.something-else")
            } else if found.starts_with('[') {
                t!("type.list")
            } else if found.starts_with('{') {
                t!("type.mapping")
            } else {
                t!("quoted", text = found)
            };
            let wants_list = matches!(*expected, "sequence start" | "a sequence");
            let scalar = scalar_at(text, &span);
            Diagnostic::new(
                &rule::WRONG_TYPE,
                t!(
                    "expected-found",
                    expected = plain_expected(expected),
                    found = found
                ),
            )
            .maybe_help(
                (wants_list && !scalar.is_empty() && !scalar.starts_with(['[', '{']))
                    .then(|| t!("syntax.write-a-list", value = scalar)),
            )
        }
        _ if newcomer_syntax(&plain_message(err), text, span).is_some() => {
            let (diagnostic, at) =
                newcomer_syntax(&plain_message(err), text, span).expect("checked above");
            span = at;
            diagnostic
        }
        _ => {
            let message = plain_message(err);
            if message.contains("recursion limit") || message.contains("nesting") {
                Diagnostic::new(
                    &rule::RESOURCE_LIMIT,
                    t!("safety-limit", what = t!("limit.nested")),
                )
                .help(t!("nesting.help"))
            } else {
                Diagnostic::new(&rule::YAML_SYNTAX, t!("invalid-yaml", message = message))
                    .help(t!("syntax.rest-unchecked"))
            }
        }
    };
    let span = if diagnostic.rule.code == rule::WRONG_TYPE.code {
        value_of_key(span, text)
    } else {
        span
    };
    diagnostic = diagnostic.at(span);
    if let Some(anchor) = alias_at {
        diagnostic =
            diagnostic.related(Span::from_yaml(file, &(&anchor).into()), t!("alias-anchor"));
    }
    diagnostic
}

/// What kind of shape problem a parser error is, for going on past it.
pub(super) fn shape_of(err: &Error) -> crate::plan::recover::Shape {
    use crate::plan::recover::Shape;
    let err = err.without_snippet();
    let err = match err {
        Error::AliasError { error, .. } => error.without_snippet(),
        other => other,
    };
    match err {
        Error::SerdeUnknownField {
            field, expected, ..
        } => Shape::UnknownField {
            meant: crate::plan::diagnostic::closest(field, expected.iter().copied())
                .map(str::to_owned),
        },
        Error::SerdeMissingField { field, .. } => Shape::MissingField((*field).to_string()),
        Error::Message { msg, .. } if msg.contains("recursion") || msg.contains("depth") => {
            Shape::Other
        }
        Error::SerdeInvalidType { .. }
        | Error::SerdeInvalidValue { .. }
        | Error::SerdeInvalidLength { .. }
        | Error::InvalidScalar { .. }
        | Error::InvalidBooleanStrict { .. }
        | Error::NullIntoString { .. }
        | Error::SerdeUnknownVariant { .. }
        | Error::Unexpected { .. }
        | Error::Message { .. } => Shape::BadValue,
        _ => Shape::Other,
    }
}

/// The parser's message without its "line N column M" decorations.
fn plain_message(err: &Error) -> String {
    let mut options = serde_saphyr::RenderOptions::default();
    options.snippets = serde_saphyr::SnippetMode::Off;
    let rendered = err.render_with_options(options);
    let mut message = rendered.lines().next().unwrap_or("").trim().to_string();
    if let Some(rest) = message.strip_prefix("error: ") {
        message = rest.to_string();
    }
    if message.starts_with("line ")
        && let Some((_, rest)) = message.split_once(": ")
    {
        message = rest.to_string();
    }
    if let Some(i) = message.find(" at line ") {
        message.truncate(i);
    }
    message
}

fn plain_expected(expected: &str) -> Msg {
    match expected {
        "a sequence" | "sequence start" => t!("type.list"),
        "a map" | "a mapping" | "mapping start" => t!("type.mapping"),
        e if e.starts_with("struct ") => t!("type.mapping"),
        e if e.starts_with("a string") || e.contains("string scalar") => t!("type.text"),
        e if e.starts_with("f64") || e.starts_with("f32") || e.contains("floating") => {
            t!("type.number")
        }
        e if e.starts_with('u') && e[1..].chars().all(|c| c.is_ascii_digit()) || e == "usize" => {
            t!("type.count")
        }
        e if e.starts_with('i') && e[1..].chars().all(|c| c.is_ascii_digit()) => t!("type.whole"),
        "bool" => t!("type.bool"),
        other => t!("parser-says", message = other),
    }
}

fn plain_found(unexpected: &str) -> Msg {
    match unexpected {
        "sequence" => t!("found.list"),
        "map" => t!("found.mapping"),
        "unit value" => t!("found.nothing"),
        other => match other
            .strip_prefix("string \"")
            .and_then(|s| s.strip_suffix('"'))
        {
            Some(text) => t!("quoted", text = text),
            None => t!("parser-says", message = other),
        },
    }
}

/// The parser's words for the syntax mistakes newcomers make, said as what
/// to write instead, at the character at fault: a tab in the indentation
/// (the parser names the line above), and a `: ` inside an unquoted text.
fn newcomer_syntax(message: &str, text: &str, span: Span) -> Option<(Diagnostic, Span)> {
    let line_at = crate::plan::source::line_start(text, span.byte_start.min(text.len()));
    if message.contains("tab") {
        // The tab is on the line named or within the next few.
        let window_end = text[line_at..]
            .match_indices('\n')
            .nth(3)
            .map_or(text.len(), |(i, _)| line_at + i);
        let tab = line_at + text[line_at..window_end].find('\t')?;
        let (line, column) = crate::plan::source::line_column(text, tab);
        let at = Span {
            line,
            column,
            byte_start: tab,
            byte_len: 1,
            ..span
        };
        let diagnostic = Diagnostic::new(&rule::YAML_SYNTAX, t!("syntax.tab"))
            .label(t!("syntax.tab.label"))
            .help(t!("syntax.tab.help"));
        return Some((diagnostic, at));
    }
    if message.contains("mapping values are not allowed") {
        let line = &text[line_at..line_end(text, line_at)];
        let (key, value) = line.split_once(": ")?;
        let value = value.trim();
        if value.starts_with(['"', '\'', '{', '[']) || !value.contains(':') {
            return None;
        }
        let quoted = format!(
            "{}: \"{}\"",
            key.trim_start_matches([' ', '-']),
            value.replace('"', "\\\"")
        );
        let diagnostic = Diagnostic::new(&rule::YAML_SYNTAX, t!("syntax.colon-in-text"))
            .label(t!("syntax.colon-in-text.label"))
            .help(t!("syntax.colon-in-text.help", quoted = quoted));
        return Some((
            diagnostic,
            widen_to_token(
                Span {
                    byte_len: 0,
                    ..span
                },
                text,
            ),
        ));
    }
    None
}

fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |i| at + i)
}

/// A value's problem said where the decoder began its field (`key: value`,
/// at `key`) is moved to the value on the same line: the caret goes under
/// what is wrong, as for every other value.
fn value_of_key(span: Span, text: &str) -> Span {
    let Some(rest) = text.get(span.byte_start..) else {
        return span;
    };
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let Some((key, value)) = line.split_once(": ") else {
        return span;
    };
    let value = value.split(" #").next().unwrap_or(value).trim_end();
    let plain_key = !key.is_empty() && !key.contains(['{', '[', ',', '"', '\'', '#', ' ']);
    if !plain_key || value.trim().is_empty() || value.trim_start().starts_with(['{', '[', '|', '>'])
    {
        return span;
    }
    let skipped = key.len() + 2 + (value.len() - value.trim_start().len());
    let start = span.byte_start + skipped;
    Span {
        column: span.column
            + u32::try_from(text[span.byte_start..start].chars().count()).unwrap_or(0),
        byte_start: start,
        byte_len: value.trim().len(),
        ..span
    }
}

/// The source text a span covers.
/// In `{en: Companies, restaurants and hotels}` the comma ends the text
/// and YAML reads `restaurants and hotels` as a key of its own. When an
/// unknown field follows a comma inside `{…}` after a `key: value` whose
/// value is unquoted, the help shows the text quoted whole.
fn split_by_comma(text: &str, span: &Span) -> Option<Msg> {
    let line_start = crate::plan::source::line_start(text, span.byte_start);
    let before = text.get(line_start..span.byte_start)?;
    let field = scalar_at(text, span);
    let inside = before.rfind('{')?;
    let head = before.trim_end().strip_suffix(',')?;
    let (key_part, value) = head.get(inside + 1..)?.rsplit_once(':')?;
    let key = key_part.rsplit([',', '{']).next()?.trim();
    let value = value.trim();
    if key.is_empty() || value.is_empty() || value.starts_with(['"', '\'', '[', '{']) {
        return None;
    }
    Some(t!(
        "unknown-field.comma",
        quoted = format!("{key}: \"{value}, {field}\"")
    ))
}

fn scalar_at<'t>(text: &'t str, span: &Span) -> &'t str {
    text.get(span.byte_start..span.byte_start + span.byte_len)
        .unwrap_or("")
        .trim()
}

/// Points a span at the whole scalar that starts there, when it has no length.
fn widen_to_token(mut span: Span, text: &str) -> Span {
    if span.byte_len == 0 && span.byte_start < text.len() && text.is_char_boundary(span.byte_start)
    {
        let rest = &text[span.byte_start..];
        if rest.starts_with(['[', ']', '{', '}', ',', '\n', ' ']) {
            return span;
        }
        let end = rest
            .find(['\n', ':', ',', '[', ']', '{', '}', '#'])
            .unwrap_or(rest.len())
            .min(rest.char_indices().nth(120).map_or(rest.len(), |(i, _)| i));
        span.byte_len = rest[..end].trim_end().len();
    }
    span
}

//! Turns the YAML parser's errors into plain-language [`Diagnostic`]s with
//! a stable rule code, a location and, where it helps, a suggestion.

use crate::diagnostic::{Diagnostic, FileId, Span, did_you_mean};
use crate::rules::catalog as rule;
use serde_saphyr::Error;

/// Maps one parser error to a diagnostic in `file`.
pub fn to_diagnostic(err: &Error, file: FileId, text: &str) -> Diagnostic {
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
            let mut span = Span::from_yaml(file, &l);
            if l.span().byte_offset().is_none() {
                // Parser (not deserializer) errors carry only line and column.
                span.byte_start = crate::source::byte_offset(text, span.line, span.column);
                span.byte_len = 0;
            }
            span
        });
    let span = widen_to_token(span, text);
    let mut diagnostic = match err {
        Error::SerdeUnknownField {
            field, expected, ..
        } => {
            let help = did_you_mean(field, expected.iter().copied()).or_else(|| {
                Some(format!(
                    "the fields allowed here are: {}",
                    expected.join(", ")
                ))
            });
            Diagnostic::new(&rule::UNKNOWN_FIELD, format!("unknown field `{field}`"))
                .label("not a field here")
                .maybe_help(help)
        }
        Error::SerdeMissingField { field, .. } => Diagnostic::new(
            &rule::MISSING_FIELD,
            format!("missing required field `{field}`"),
        )
        .label(format!("`{field}` is required in this entry")),
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
            format!(
                "expected {}, found {}",
                plain_expected(expected),
                plain_found(unexpected)
            ),
        ),
        Error::SerdeInvalidLength { expected, .. } => Diagnostic::new(
            &rule::WRONG_TYPE,
            format!("expected {}", plain_expected(expected)),
        ),
        Error::InvalidScalar { ty, .. } => {
            let found = scalar_at(text, &span);
            Diagnostic::new(
                &rule::WRONG_TYPE,
                format!("expected {}, found `{found}`", plain_expected(ty)),
            )
        }
        Error::InvalidBooleanStrict { .. } | Error::NullIntoString { .. } => {
            Diagnostic::new(&rule::WRONG_TYPE, plain_message(err))
        }
        Error::SerdeUnknownVariant {
            variant, expected, ..
        } => Diagnostic::new(&rule::UNKNOWN_VALUE, format!("unknown value `{variant}`"))
            .maybe_help(did_you_mean(variant, expected.iter().copied())),
        Error::DuplicateMappingKey { key, .. } => Diagnostic::new(
            &rule::YAML_SYNTAX,
            match key {
                Some(key) => format!("the key `{key}` appears twice in the same mapping"),
                None => "a key appears twice in the same mapping".to_string(),
            },
        )
        .help("remove one of them; YAML keeps only one value per key"),
        Error::Budget { breach, .. } => {
            use serde_saphyr::budget::BudgetBreach as B;
            let what = match breach {
                B::Aliases { .. } => "it uses more than 1,000 aliases (`*name`)".to_string(),
                B::Anchors { .. } => "it defines too many anchors (`&name`)".to_string(),
                B::Depth { .. } => "it is nested more than 64 levels deep".to_string(),
                B::Nodes { .. } | B::Events { .. } => "it has too many values".to_string(),
                B::ScalarBytes { .. } => "its texts are too large".to_string(),
                other => format!("{other:?}"),
            };
            Diagnostic::new(
                &rule::RESOURCE_LIMIT,
                format!("the file exceeds a safety limit: {what}"),
            )
            .help("plan files need no deep nesting and few aliases; simplify the file")
        }
        Error::AliasReplayCounterOverflow { .. }
        | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => Diagnostic::new(
            &rule::RESOURCE_LIMIT,
            format!("the file exceeds a safety limit: {}", plain_message(err)),
        )
        .help("plan files need no deep nesting and few aliases; simplify the file"),
        Error::Eof { .. } => {
            Diagnostic::new(&rule::YAML_SYNTAX, "the file ends in the middle of a value")
        }
        Error::Message { msg, .. } if msg.contains("recursion") || msg.contains("depth") => {
            Diagnostic::new(
                &rule::RESOURCE_LIMIT,
                format!("the file exceeds a safety limit: {msg}"),
            )
        }
        Error::Message { msg, .. } => {
            // Errors raised by our own field types (e.g. bilingual text).
            Diagnostic::new(&rule::WRONG_TYPE, msg.clone())
        }
        Error::Unexpected { expected, .. } => {
            let found = scalar_at(text, &span);
            let found = if found.is_empty() {
                "something else".to_string()
            } else {
                format!("`{found}`")
            };
            Diagnostic::new(
                &rule::WRONG_TYPE,
                format!("expected {}, found {found}", plain_expected(expected)),
            )
        }
        _ => {
            let message = plain_message(err);
            if message.contains("recursion limit") || message.contains("nesting") {
                Diagnostic::new(
                    &rule::RESOURCE_LIMIT,
                    "the file exceeds a safety limit: it is nested too deeply",
                )
                .help("plan files need no deep nesting; simplify the file")
            } else {
                Diagnostic::new(&rule::YAML_SYNTAX, format!("invalid YAML: {message}"))
            }
        }
    };
    diagnostic = diagnostic.at(span);
    if let Some(anchor) = alias_at {
        diagnostic = diagnostic.related(
            Span::from_yaml(file, &anchor),
            "the alias refers to this anchor",
        );
    }
    diagnostic
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

fn plain_expected(expected: &str) -> String {
    match expected {
        "a sequence" => "a list (`- item` lines or `[a, b]`)".into(),
        "a map" | "a mapping" => "a mapping (`key: value` lines)".into(),
        e if e.starts_with("struct ") => "a mapping (`key: value` lines)".into(),
        e if e.starts_with("a string") || e.contains("string scalar") => "a text".into(),
        e if e.starts_with("f64") || e.starts_with("f32") || e.contains("floating") => {
            "a number".into()
        }
        e if e.starts_with('u') && e[1..].chars().all(|c| c.is_ascii_digit()) || e == "usize" => {
            "a whole number (0 or more)".into()
        }
        e if e.starts_with('i') && e[1..].chars().all(|c| c.is_ascii_digit()) => {
            "a whole number".into()
        }
        "bool" => "true or false".into(),
        other => other.to_string(),
    }
}

fn plain_found(unexpected: &str) -> String {
    match unexpected {
        "sequence" => "a list".into(),
        "map" => "a mapping".into(),
        "unit value" => "nothing (an empty value)".into(),
        other => other.to_string(),
    }
}

/// The source text a span covers.
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

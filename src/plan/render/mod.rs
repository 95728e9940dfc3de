//! Output formats for findings: one renderer per format behind one trait.

mod github;
mod human;
mod json;
mod markdown;
mod sarif;

use crate::plan::diagnostic::{Diagnostic, Span, Tally};
use crate::plan::source::Sources;
use crate::plan::validate::Validation;
use crate::t;
use crate::text::i18n::Lang;
use std::io::{self, Write};

pub use github::{escape_data as github_escape_data, escape_property as github_escape_property};

/// How many findings of one rule the terminal format shows by default: a
/// mistake repeated over a whole calendar is understood from its first
/// few, and the rest only bury the other rules' findings.
pub const MOST_SHOWN_PER_RULE: usize = 50;

/// An output format for validation findings.
pub trait Renderer {
    fn render(&self, validation: &Validation, out: &mut dyn Write) -> io::Result<()>;
}

/// The formats `plan validate --format` offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `most_per_rule`: the findings of one rule shown before the rest are
    /// only counted (`None`: all).
    Human {
        color: bool,
        most_per_rule: Option<usize>,
    },
    Json,
    Github,
    Sarif,
    /// Markdown for a pull request's job summary.
    Markdown,
}

/// The renderer for a format.
pub fn renderer(format: Format, lang: Lang) -> Box<dyn Renderer> {
    match format {
        Format::Human {
            color,
            most_per_rule,
        } => Box::new(human::Human {
            color,
            lang,
            most_per_rule,
        }),
        Format::Json => Box::new(json::Json { lang }),
        Format::Github => Box::new(github::Github { lang }),
        Format::Sarif => Box::new(sarif::Sarif { lang }),
        Format::Markdown => Box::new(markdown::Markdown { lang }),
    }
}

/// `2 errors, 1 warning in 9 files`.
pub fn summary(tally: Tally, files: usize, lang: Lang) -> String {
    t!(
        "summary",
        errors = t!("count.error", n = tally.errors),
        warnings = t!("count.warning", n = tally.warnings),
        files = t!("count.file", n = files)
    )
    .text(lang)
}

/// A finding's message with its help on a second line, for formats that
/// have one text per finding.
pub(crate) fn message_with_help(d: &Diagnostic, lang: Lang) -> String {
    let message = d.message.text(lang);
    match &d.help {
        Some(help) => t!("with-help", message = message, help = help.clone()).text(lang),
        None => message,
    }
}

/// One line per finding: `path:line:column: error[KH021]: message`.
pub fn short(d: &Diagnostic, sources: &Sources, lang: Lang) -> String {
    let place = d.span.map_or_else(String::new, |s| {
        format!("{}:{}:{}: ", sources.get(s.file).path, s.line, s.column)
    });
    format!(
        "{place}{}[{}]: {}",
        d.severity,
        d.rule.code,
        d.message.text(lang)
    )
}

/// Where a span ends: line and column (1-based, characters) just past its last character.
pub(crate) fn span_end(sources: &Sources, span: &Span) -> (u32, u32) {
    let text = &sources.get(span.file).text;
    let start = span.byte_start.min(text.len());
    let end = (start + span.byte_len).min(text.len());
    if span.byte_len == 0 || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return (span.line, span.column);
    }
    let piece = &text[start..end];
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    match piece.rfind('\n') {
        Some(i) => (
            span.line.saturating_add(count(piece.matches('\n').count())),
            count(piece[i + 1..].chars().count()).saturating_add(1),
        ),
        None => (
            span.line,
            span.column.saturating_add(count(piece.chars().count())),
        ),
    }
}

//! The JSON format: one object per finding, with a summary. Field names are
//! stable and documented in `docs/output.md`.

use super::{Renderer, span_end};
use crate::plan::diagnostic::Span;
use crate::plan::source::Sources;
use crate::plan::validate::Validation;
use serde_json::{Value, json};
use std::io::{self, Write};

pub(super) struct Json {
    pub lang: crate::text::i18n::Lang,
}

/// A location as JSON: file, start and end (1-based; columns in characters).
pub(crate) fn location(sources: &Sources, span: &Span) -> Value {
    let (end_line, end_column) = span_end(sources, span);
    json!({
        "file": sources.get(span.file).path,
        "line": span.line,
        "column": span.column,
        "end_line": end_line,
        "end_column": end_column,
    })
}

impl Renderer for Json {
    fn render(&self, validation: &Validation, out: &mut dyn Write) -> io::Result<()> {
        let sources = &validation.sources;
        let diagnostics: Vec<Value> = validation
            .diagnostics
            .iter()
            .map(|d| {
                json!({
                    "code": d.rule.code,
                    "rule": d.rule.name,
                    "severity": d.severity.as_str(),
                    "message": d.message.text(self.lang),
                    "location": d.span.map(|s| location(sources, &s)),
                    "label": d.label.as_ref().map(|m| m.text(self.lang)),
                    "related": d.related.iter().map(|r| {
                        let mut loc = location(sources, &r.span);
                        loc["message"] = Value::String(r.message.text(self.lang));
                        loc
                    }).collect::<Vec<_>>(),
                    "help": d.help.as_ref().map(|m| m.text(self.lang)),
                })
            })
            .collect();
        let tally = validation.tally();
        let doc = json!({
            "diagnostics": diagnostics,
            "summary": {"errors": tally.errors, "warnings": tally.warnings, "files": validation.files},
        });
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)
    }
}

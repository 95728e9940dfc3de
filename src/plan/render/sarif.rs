//! SARIF 2.1.0 for code-scanning tools; columns are Unicode code points.

use super::{Renderer, message_with_help, span_end};
use crate::plan::diagnostic::{Severity, Span};
use crate::plan::rules::catalog;
use crate::plan::source::Sources;
use crate::plan::validate::Validation;
use serde_json::{Value, json};
use std::io::{self, Write};

pub(super) struct Sarif {
    pub lang: crate::text::i18n::Lang,
}

fn physical(sources: &Sources, span: &Span) -> Value {
    let (end_line, end_column) = span_end(sources, span);
    let mut region = json!({"startLine": span.line, "startColumn": span.column});
    if (end_line, end_column) != (span.line, span.column) {
        region["endLine"] = json!(end_line);
        region["endColumn"] = json!(end_column);
    }
    json!({
        "artifactLocation": {"uri": sources.get(span.file).path},
        "region": region,
    })
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

impl Renderer for Sarif {
    fn render(&self, validation: &Validation, out: &mut dyn Write) -> io::Result<()> {
        let sources = &validation.sources;
        let rules: Vec<Value> = catalog::ALL
            .iter()
            .map(|r| {
                json!({
                    "id": r.code,
                    "name": r.name,
                    "shortDescription": {"text": r.summary},
                    "defaultConfiguration": {"level": level(r.severity)},
                })
            })
            .collect();
        let results: Vec<Value> = validation
            .diagnostics
            .iter()
            .map(|d| {
                let text = message_with_help(d, self.lang);
                let index = catalog::ALL.iter().position(|r| std::ptr::eq(*r, d.rule)).unwrap_or(0);
                let mut result = json!({
                    "ruleId": d.rule.code,
                    "ruleIndex": index,
                    "level": level(d.severity),
                    "message": {"text": text},
                });
                if let Some(span) = &d.span {
                    result["locations"] = json!([{"physicalLocation": physical(sources, span)}]);
                }
                if !d.related.is_empty() {
                    result["relatedLocations"] = d
                        .related
                        .iter()
                        .enumerate()
                        .map(|(i, r)| json!({"id": i, "physicalLocation": physical(sources, &r.span), "message": {"text": r.message.text(self.lang)}}))
                        .collect();
                }
                result
            })
            .collect();
        let mut doc = json!({
            "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "khairukum",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }],
        });
        if self.lang != crate::text::i18n::Lang::En {
            // SARIF's `language` says in which language the messages are (en-US when absent).
            doc["runs"][0]["language"] = json!(self.lang.code());
        }
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)
    }
}

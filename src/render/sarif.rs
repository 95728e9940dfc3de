//! SARIF 2.1.0 for code-scanning tools; columns are Unicode code points.

use super::{Renderer, span_end};
use crate::diagnostic::{Severity, Span};
use crate::rules::catalog;
use crate::source::Sources;
use crate::validate::Validation;
use serde_json::{Value, json};
use std::io::{self, Write};

pub struct Sarif;

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
                let mut text = d.message.clone();
                if let Some(help) = &d.help {
                    text.push_str("\nhelp: ");
                    text.push_str(help);
                }
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
                        .map(|(i, r)| json!({"id": i, "physicalLocation": physical(sources, &r.span), "message": {"text": r.message}}))
                        .collect();
                }
                result
            })
            .collect();
        let doc = json!({
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
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)
    }
}

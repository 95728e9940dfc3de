//! The report written in a format: the terminal, Markdown and HTML render
//! the report's document (its sections); CSV and JSON stay data-shaped,
//! CSV as the sections' records, JSON as the report's data.

use super::Report;
use super::sections::{self, Data, Record, Section};
use crate::document::{self, Format};
use crate::text::i18n::Lang;
use std::io::{self, Write};

/// The formats `report --format` offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Table,
    Markdown,
    Json,
    Csv,
    Html,
}

/// Writes a report in one format.
pub trait ReportWriter {
    fn write(&self, report: &Report, out: &mut dyn Write) -> io::Result<()>;
}

/// A report's writer: its format, the language of headings and labels
/// (JSON and CSV keep their stable English field names), the terminal's
/// width that tables wrap to, and the sections written.
pub struct Writer {
    pub format: ReportFormat,
    pub lang: Lang,
    pub width: Option<u16>,
    pub sections: Vec<Box<dyn Section>>,
}

/// The writer of the report's sections in `format`.
pub fn writer(format: ReportFormat, lang: Lang, width: Option<u16>) -> Box<dyn ReportWriter> {
    Box::new(Writer {
        format,
        lang,
        width,
        sections: sections::all(),
    })
}

impl ReportWriter for Writer {
    fn write(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let rendered = |format: Format, out: &mut dyn Write| {
            let doc = sections::document(report, &self.sections, self.lang);
            document::render(&doc, format, out)
        };
        match self.format {
            ReportFormat::Table => rendered(Format::Terminal { width: self.width }, out),
            ReportFormat::Markdown => rendered(Format::Markdown, out),
            ReportFormat::Html => rendered(Format::Html, out),
            ReportFormat::Csv => write_csv(report, &self.sections, out),
            ReportFormat::Json => write_json(report, &self.sections, out),
        }
    }
}

/// CSV's columns, in order.
const COLUMNS: [&str; 17] = [
    "period",
    "section",
    "goal",
    "kpi",
    "platform",
    "metric",
    "value",
    "previous",
    "baseline",
    "target",
    "progress",
    "standing",
    "note",
    "covers",
    "lacks",
    "compared_with",
    "since_baseline",
];

/// One row a figure, every section's, for spreadsheets.
fn write_csv(
    report: &Report,
    sections: &[Box<dyn Section>],
    out: &mut dyn Write,
) -> io::Result<()> {
    let number = |v: Option<f64>| v.map_or_else(String::new, |v| format!("{v}"));
    let mut w = crate::output::CsvWriter::new(out);
    w.write_record(COLUMNS)?;
    for r in sections.iter().flat_map(|s| s.data(report).records()) {
        let Record {
            section,
            goal,
            kpi,
            platform,
            metric,
            value,
            previous,
            baseline,
            target,
            progress,
            standing,
            note,
            covers,
            lacks,
            compared_with,
            since_baseline,
        } = r;
        w.write_record([
            report.period.clone(),
            section,
            goal,
            kpi,
            platform,
            metric,
            number(value),
            number(previous),
            number(baseline),
            number(target),
            number(progress),
            standing,
            note,
            covers,
            lacks,
            compared_with,
            number(since_baseline),
        ])?;
    }
    w.flush()
}

/// The whole report with stable field names (documented in
/// `docs/report.md`); a section whose data the report does not hold
/// adds its records under its id.
fn write_json(
    report: &Report,
    sections: &[Box<dyn Section>],
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut value = serde_json::to_value(report)?;
    if let Some(fields) = value.as_object_mut() {
        for section in sections {
            if let Data::Own(records) = section.data(report) {
                fields.insert(section.id().to_string(), serde_json::to_value(records)?);
            }
        }
    }
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}

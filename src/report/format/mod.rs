//! The report written in a format: the terminal, Markdown and HTML render
//! the report's document (its sections); CSV and JSON stay data-shaped,
//! CSV as the sections' records, JSON as the report's data.

use super::Report;
use super::sections::{self, Data, Record, Section};
use crate::document::{self, Format};
use crate::output::sheet::{Cell, Sheet};
use crate::text::i18n::Lang;
use std::io::{self, Write};

/// The formats `report --format` offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Table,
    Markdown,
    Json,
    Csv,
    Xlsx,
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
            ReportFormat::Csv => sheet(report, &self.sections, self.lang).write_csv(out),
            ReportFormat::Xlsx => sheet(report, &self.sections, self.lang).write_xlsx(out),
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

/// One row a figure, every section's, for spreadsheets (CSV or XLSX):
/// the figures as numbers, the words as text.
fn sheet(report: &Report, sections: &[Box<dyn Section>], lang: Lang) -> Sheet {
    let rows = sections
        .iter()
        .flat_map(|s| s.data(report).records())
        .map(|r| {
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
            vec![
                Cell::Text(report.period.clone()),
                section.into(),
                goal.into(),
                kpi.into(),
                platform.into(),
                metric.into(),
                Cell::number(value),
                Cell::number(previous),
                Cell::number(baseline),
                Cell::number(target),
                Cell::number(progress),
                standing.into(),
                note.into(),
                covers.into(),
                lacks.into(),
                compared_with.into(),
                Cell::number(since_baseline),
            ]
        });
    Sheet {
        name: "report".into(),
        header: COLUMNS.map(str::to_string).to_vec(),
        rows: rows.collect(),
        right_to_left: lang == Lang::Ar,
    }
}

/// The whole report with stable field names (documented in
/// `docs/report.md`); a section whose data the report does not hold
/// adds its records under its id. Written as it is serialized, never held
/// whole as a JSON tree (a month of 100,000 posts lists most of them).
fn write_json(
    report: &Report,
    sections: &[Box<dyn Section>],
    out: &mut dyn Write,
) -> io::Result<()> {
    let own: Vec<(&'static str, Vec<Record>)> = sections
        .iter()
        .filter_map(|section| match section.data(report) {
            Data::Own(records) => Some((section.id(), records)),
            Data::InReport(_) => None,
        })
        .collect();
    let whole = WithSections {
        report,
        own: OwnSections(&own),
    };
    serde_json::to_writer_pretty(&mut *out, &whole)?;
    writeln!(out)
}

/// The report's fields, then each section's own records under its id.
#[derive(serde::Serialize)]
struct WithSections<'a> {
    #[serde(flatten)]
    report: &'a Report,
    #[serde(flatten)]
    own: OwnSections<'a>,
}

struct OwnSections<'a>(&'a [(&'static str, Vec<Record>)]);

impl serde::Serialize for OwnSections<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap as _;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (id, records) in self.0 {
            map.serialize_entry(id, records)?;
        }
        map.end()
    }
}

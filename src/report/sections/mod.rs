//! The report's sections: each one module that describes its part of a
//! computed [`Report`] as a document section (headings, sentences, tables
//! of typed cells, charts as data) and, for spreadsheets, as records. No
//! section knows any output format; no format knows any section.
//!
//! Adding a section: write a module with a type that implements
//! [`Section`], and put it in [`all`] where it should stand.

mod figures;
mod money;
mod occasions;
mod peers;
mod posts;
mod reconciliation;
mod scorecard;
mod summary;
mod team;

use super::Report;
use crate::document::{self as doc, Bi, Block, Cell, Document};
use crate::t;
use crate::text::dates::in_era_of;
use crate::text::i18n::{Lang, Msg};
use serde::Serialize;

/// One section of the report.
pub trait Section: Sync {
    /// Its anchor, and its key where it has data of its own.
    fn id(&self) -> &'static str;

    /// The section in `lang`; `None` when it has nothing to say.
    fn document(&self, report: &Report, lang: Lang) -> Option<doc::Section>;

    /// Its figures as data: by default its own, each figure of its
    /// tables as a spreadsheet row (the column it is in, the row's name in
    /// `note`).
    fn data(&self, report: &Report) -> Data {
        Data::Own(
            self.document(report, Lang::En)
                .map(|section| records_of(self.id(), &section))
                .unwrap_or_default(),
        )
    }
}

/// Where a section's figures are kept as data.
#[derive(Debug, Clone, PartialEq)]
pub enum Data {
    /// In the report's own JSON fields; these rows in its CSV.
    InReport(Vec<Record>),
    /// Its own: in JSON under its id, and these rows in the CSV.
    Own(Vec<Record>),
}

impl Data {
    /// The section's rows of the CSV.
    pub fn records(self) -> Vec<Record> {
        match self {
            Data::InReport(records) | Data::Own(records) => records,
        }
    }
}

/// One row of the report's CSV: a figure and what it is of.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Record {
    pub section: String,
    pub goal: String,
    pub kpi: String,
    pub platform: String,
    pub metric: String,
    pub value: Option<f64>,
    pub previous: Option<f64>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub progress: Option<f64>,
    pub standing: String,
    pub note: String,
    pub covers: String,
    pub lacks: String,
    pub compared_with: String,
    pub since_baseline: Option<f64>,
}

/// The report's sections, in the order they are read.
pub fn all() -> Vec<Box<dyn Section>> {
    vec![
        Box::new(summary::Summary),
        Box::new(scorecard::Scorecard),
        Box::new(scorecard::Trend),
        Box::new(figures::Mix),
        Box::new(figures::Platforms),
        Box::new(figures::Totals),
        Box::new(figures::Interactions),
        Box::new(posts::TopPosts),
        Box::new(occasions::Occasions),
        Box::new(money::Money),
        Box::new(peers::Peers),
        Box::new(team::Team),
        Box::new(posts::Unplanned),
        Box::new(reconciliation::Missing),
        Box::new(reconciliation::Unverifiable),
        Box::new(reconciliation::Joined),
        Box::new(reconciliation::Problems),
    ]
}

/// The whole report as a document in `lang`: its title, its sections,
/// what was read.
pub fn document(report: &Report, sections: &[Box<dyn Section>], lang: Lang) -> Document {
    let r = report;
    let text = |m: Msg| m.text(lang);
    Document {
        lang,
        page_title: text(t!(
            "report.html.page-title",
            period = in_era_of(&r.period, lang),
            organisation = &r.organisation
        )),
        title: Bi::words(text(t!(
            "report.md.title",
            organisation = &r.organisation,
            period = in_era_of(&r.period, lang),
            from = &r.from,
            to = &r.to,
            hijri = in_era_of(&r.hijri, lang)
        ))),
        subtitle: vec![Bi::words(format!(
            "{} {}",
            text(t!("report.html.compared")),
            in_era_of(&r.previous_period, lang)
        ))],
        contents: false,
        sections: sections
            .iter()
            .filter_map(|s| s.document(r, lang))
            .collect(),
        footer: vec![Bi::words(text(t!(
            "report.read",
            files = t!("count.export-file", n = r.files.len())
        )))],
    }
}

/// A section's tables as records: each figure, under its column's name.
fn records_of(id: &str, section: &doc::Section) -> Vec<Record> {
    let mut records = Vec::new();
    for block in &section.blocks {
        let Block::Table(table) = block else { continue };
        for row in &table.rows {
            let name = row.first().map(Cell::text).unwrap_or_default();
            for (column, cell) in table.columns.iter().zip(row).skip(1) {
                if let Cell::Number { value, .. } = cell {
                    records.push(Record {
                        section: id.to_string(),
                        metric: column.clone(),
                        value: *value,
                        note: name.clone(),
                        ..Record::default()
                    });
                }
            }
        }
    }
    records
}

/// A section titled by a catalog message.
fn titled(id: &'static str, title: &Msg, lang: Lang, blocks: Vec<Block>) -> doc::Section {
    doc::Section::new(id, title.text(lang), blocks)
}

/// A catalog message as words.
fn words(message: &Msg, lang: Lang) -> Bi {
    Bi::words(message.text(lang))
}

/// Column names from catalog messages.
fn columns(messages: &[Msg], lang: Lang) -> Vec<String> {
    messages.iter().map(|m| m.text(lang)).collect()
}

//! Occasions: those of the period the plan marks or plans for, with their
//! items, the platforms they went out on and what their posts did; the
//! marked ones that passed with nothing planned, named.

use super::{Data, Record, Section, columns, titled, words};
use crate::document::number::{MISSING, count};
use crate::document::{self as doc, Bi, Block, Cell, Table};
use crate::report::Report;
use crate::report::occasions::OccasionResult;
use crate::t;
use crate::text::i18n::{InLang, Lang};

pub(super) struct Occasions;

impl Section for Occasions {
    fn id(&self) -> &'static str {
        "occasions"
    }

    fn document(&self, r: &Report, lang: Lang) -> Option<doc::Section> {
        if r.occasions.is_empty() {
            return None;
        }
        let mut blocks = vec![Block::Table(table(&r.occasions, lang))];
        let passed: Vec<Bi> = r
            .occasions
            .iter()
            .filter(|o| o.passed_unplanned)
            .map(|o| {
                words(
                    &t!(
                        "report.occasions.passed",
                        name = InLang(&o.name_ar, &o.name_en),
                        key = &o.key,
                        start = &o.start,
                        end = &o.end
                    ),
                    lang,
                )
            })
            .collect();
        if !passed.is_empty() {
            blocks.push(Block::Heading(words(
                &t!("report.occasions.passed-heading"),
                lang,
            )));
            blocks.push(Block::List(passed));
        }
        Some(titled(
            "occasions",
            &t!("report.occasions.title"),
            lang,
            blocks,
        ))
    }

    fn data(&self, r: &Report) -> Data {
        Data::InReport(r.occasions.iter().flat_map(records).collect())
    }
}

fn table(occasions: &[OccasionResult], lang: Lang) -> Table {
    let figure = |value: Option<i64>| match value {
        Some(v) => Cell::number(count(Some(v), lang), Some(v as f64)),
        None => Cell::Missing { why: None },
    };
    Table {
        columns: columns(
            &[
                t!("report.occasions.col.occasion"),
                t!("report.occasions.col.days"),
                t!("report.occasions.col.items"),
                t!("report.occasions.col.platforms"),
                t!("report.occasions.col.posts"),
                t!("report.occasions.col.impressions"),
                t!("report.occasions.col.engagements"),
            ],
            lang,
        ),
        rows: occasions
            .iter()
            .map(|o| {
                let name = if lang == Lang::Ar {
                    &o.name_ar
                } else {
                    &o.name_en
                };
                let names: Vec<crate::text::i18n::Msg> = o
                    .platforms
                    .iter()
                    .map(|p| crate::plan::model::platforms::name_of(p))
                    .collect();
                vec![
                    Cell::Text(Bi {
                        text: name.clone(),
                        other: Some(o.key.clone()),
                        ltr: false,
                    }),
                    Cell::code(format!("{} – {}", o.start, o.end)),
                    Cell::code(if o.items.is_empty() {
                        MISSING.to_string()
                    } else {
                        o.items.join(", ")
                    }),
                    Cell::words(
                        t!(
                            "report.occasions.platform-names",
                            platforms = crate::text::i18n::Names(names)
                        )
                        .text(lang),
                    ),
                    Cell::number(o.posts.to_string(), Some(o.posts as f64)),
                    figure(o.impressions),
                    figure(o.engagements),
                ]
            })
            .collect(),
    }
}

/// An occasion's figures as spreadsheet rows, its key in `note`.
fn records(o: &OccasionResult) -> Vec<Record> {
    let row = |metric: &str, value: Option<f64>| Record {
        section: "occasions".into(),
        metric: metric.into(),
        value,
        note: o.key.clone(),
        covers: o.items.join(" "),
        ..Record::default()
    };
    vec![
        row("items", Some(o.items.len() as f64)),
        row("posts", Some(o.posts as f64)),
        row("impressions", o.impressions.map(|v| v as f64)),
        row("engagements", o.engagements.map(|v| v as f64)),
    ]
}

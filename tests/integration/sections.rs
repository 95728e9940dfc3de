//! The report as sections over one document: every section shows in every
//! format, and a section added without touching any format shows in all
//! five and in the plan book.

use crate::common::root;
use khairukum::document::chart::{Level, Line, Point};
use khairukum::document::{self as doc, Bi, Block, Cell, Chart, Table};
use khairukum::report::format::{ReportFormat, ReportWriter, Writer};
use khairukum::report::sections::{self, Record, Section};
use khairukum::report::{Report, Request};
use khairukum::text::dates::Month;
use khairukum::text::i18n::Lang;

/// The charity's November report, made by the library as `report` makes it.
fn november() -> (khairukum::plan::load::LoadedPlan, Report) {
    let dir = root().join("plans");
    let loaded = khairukum::plan::load::load(&dir).expect("the shipped plan loads");
    let request = Request {
        period: khairukum::report::data::Period::month(Month::parse("2026-11").unwrap()),
        compare: khairukum::report::Compare::Previous,
        today: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
    };
    let exports = loaded.plan.exports_folder(&dir);
    let report = khairukum::report::gather::report(&dir, &exports, &loaded, &request)
        .expect("the shipped exports are read");
    (loaded, report)
}

/// A section no format was told of.
struct Toy;

impl Section for Toy {
    fn id(&self) -> &'static str {
        "toy"
    }

    fn document(&self, _: &Report, _: Lang) -> Option<doc::Section> {
        let line = Line {
            caption: "Toy line".into(),
            points: vec![Point {
                label: "2026-11".into(),
                value: Some(7.0),
                shown: "7 toys".into(),
            }],
            target: Some(Level {
                value: 9.0,
                shown: "9 toys".into(),
                label: "toy target".into(),
            }),
            also: Vec::new(),
            empty: "no toys".into(),
            name_column: "Toy KPI".into(),
            target_column: "Toy target".into(),
        };
        Some(doc::Section::new(
            "toy",
            "Toy section",
            vec![
                Block::Para(Bi::words("A toy sentence.")),
                Block::Table(Table {
                    columns: vec!["Toy thing".into(), "Toy count".into()],
                    rows: vec![vec![
                        Cell::words("apples"),
                        Cell::number("1,234", Some(1234.0)),
                    ]],
                }),
                Block::Charts(vec![Chart::Line(line)]),
            ],
        ))
    }
}

fn written(report: &Report, format: ReportFormat, sections: Vec<Box<dyn Section>>) -> String {
    let writer = Writer {
        format,
        lang: Lang::En,
        width: Some(80),
        sections,
    };
    let mut out = Vec::new();
    writer.write(report, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn with_toy() -> Vec<Box<dyn Section>> {
    let mut all = sections::all();
    all.push(Box::new(Toy));
    all
}

#[test]
fn a_section_no_format_knows_shows_in_all_five_and_in_the_book() {
    let (loaded, report) = november();
    for format in [
        ReportFormat::Table,
        ReportFormat::Markdown,
        ReportFormat::Html,
    ] {
        let text = written(&report, format, with_toy());
        for said in [
            "Toy section",
            "A toy sentence.",
            "Toy count",
            "apples",
            "1,234",
        ] {
            assert!(text.contains(said), "{format:?} lacks {said}");
        }
        // Where it is not drawn, the chart is a table: its point and target.
        if format == ReportFormat::Html {
            assert!(text.contains("<figcaption>Toy line</figcaption>"));
            assert!(text.contains("toy target"));
        } else {
            assert!(
                text.contains("7 toys") && text.contains("9 toys"),
                "{format:?}"
            );
        }
        // Without it, none of it.
        assert!(!written(&report, format, sections::all()).contains("Toy"));
    }
    let csv = written(&report, ReportFormat::Csv, with_toy());
    assert!(
        csv.lines()
            .any(|l| l == "2026-11,toy,,,,Toy count,1234,,,,,,apples,,,,"),
        "{csv}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&written(&report, ReportFormat::Json, with_toy())).unwrap();
    let records: Vec<Record> = json["toy"]
        .as_array()
        .expect("the toy's records under its id")
        .iter()
        .map(|r| {
            (
                r["metric"].as_str().unwrap().to_string(),
                r["value"].as_f64(),
            )
        })
        .map(|(metric, value)| Record {
            metric,
            value,
            ..Record::default()
        })
        .collect();
    assert_eq!(records.len(), 1);
    assert_eq!(
        (records[0].metric.as_str(), records[0].value),
        ("Toy count", Some(1234.0))
    );
    // The book is a document too: the same section shows in it.
    let mut book = khairukum::book::book(&loaded.plan, Lang::En);
    book.sections.push(Toy.document(&report, Lang::En).unwrap());
    for format in [
        khairukum::book::Format::Html,
        khairukum::book::Format::Markdown,
    ] {
        let mut out = Vec::new();
        khairukum::book::write(&book, format, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("Toy section") && text.contains("apples"),
            "{format:?}"
        );
    }
}

#[test]
fn every_section_shows_in_every_document_format_and_its_records_in_csv() {
    let (_, report) = november();
    let outputs: Vec<(ReportFormat, String)> = [
        ReportFormat::Table,
        ReportFormat::Markdown,
        ReportFormat::Html,
    ]
    .into_iter()
    .map(|f| (f, written(&report, f, sections::all())))
    .collect();
    let csv = written(&report, ReportFormat::Csv, sections::all());
    let mut silent = Vec::new();
    for section in sections::all() {
        let Some(document) = section.document(&report, Lang::En) else {
            silent.push(section.id());
            continue;
        };
        let escaped = khairukum::text::html::esc(&document.title);
        for (format, text) in &outputs {
            let title = if *format == ReportFormat::Html {
                &escaped
            } else {
                &document.title
            };
            assert!(
                text.contains(title.as_str()),
                "{format:?} lacks {}",
                section.id()
            );
        }
        for record in section.data(&report).records() {
            let row = format!(
                ",{},{},{},{},{},",
                record.section, record.goal, record.kpi, record.platform, record.metric
            );
            assert!(csv.contains(&row), "the CSV lacks {row}");
        }
    }
    // November says something in every section but the exports'
    // problems: it has none.
    assert_eq!(silent, ["problems"]);
}

#[test]
fn every_table_of_the_report_fits_an_80_column_terminal() {
    let (_, report) = november();
    for lang in [Lang::En, Lang::Ar] {
        let writer = Writer {
            format: ReportFormat::Table,
            lang,
            width: Some(80),
            sections: sections::all(),
        };
        let mut out = Vec::new();
        writer.write(&report, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let drawn: Vec<&str> = text
            .lines()
            .filter(|l| l.starts_with(['┌', '│', '╞', '├', '└']))
            .collect();
        assert!(drawn.len() > 50, "{lang:?}: the tables are drawn");
        for line in drawn {
            // Columns as a terminal gives them (UAX #11: a lam-alef pair,
            // drawn as one letter, takes one column; marks take none).
            let columns = unicode_width::UnicodeWidthStr::width(line);
            assert!(columns <= 80, "{lang:?}: {columns} columns: {line}");
        }
    }
}

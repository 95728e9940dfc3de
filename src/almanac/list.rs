//! `khairukum occasions`: the occasions of a period in both calendars,
//! with the plan's mark and items for each, as a document (terminal,
//! Markdown, HTML), JSON, CSV or an iCalendar file of all-day events.

use super::Listed;
use crate::document::{self, Bi, Block, Cell, Document, Section, Table};
use crate::plan::model::Plan;
use crate::t;
use crate::text::dates::to_hijri;
use crate::text::i18n::Lang;
use chrono::NaiveDate;
use std::io::{self, Write};

/// The formats the listing is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Document(document::Format),
    Json,
    Csv,
    Ics,
}

/// What to list: a period and its name.
#[derive(Debug, Clone)]
pub struct Request {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// `2027`, `1448 AH`, `2027-02`.
    pub label: String,
    /// Every built-in set, not only those the plan keeps.
    pub all_sets: bool,
    /// For the iCalendar file's stamp.
    pub today: NaiveDate,
}

/// Writes the occasions of `request`'s period in `format`.
pub fn write(
    plan: &Plan,
    request: &Request,
    format: Format,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    let listed = super::list(plan, request.from, request.to, request.all_sets);
    match format {
        Format::Document(format) => {
            document::render(&as_document(&listed, request, lang), format, out)
        }
        Format::Json => json(&listed, out),
        Format::Csv => csv(&listed, lang, out),
        Format::Ics => ics(plan, &listed, request, out),
    }
}

/// The Hijri date of `day` as text (`1448-09-01 AH`), empty outside the calendar's range.
fn hijri(day: NaiveDate) -> String {
    to_hijri(day).map(|h| h.to_string()).unwrap_or_default()
}

fn days(listed: &Listed) -> i64 {
    (listed.occurrence.end - listed.occurrence.start).num_days() + 1
}

/// The mark in words: `60 days ahead`, or nothing.
fn mark_words(listed: &Listed, lang: Lang) -> String {
    listed.marked.map_or_else(String::new, |m| {
        t!("almanac.lead", n = m.lead.num_days()).text(lang)
    })
}

fn as_document(listed: &[Listed], request: &Request, lang: Lang) -> Document {
    let columns = [
        t!("almanac.col.occasion"),
        t!("almanac.col.set"),
        t!("almanac.col.begins"),
        t!("almanac.col.ends"),
        t!("almanac.col.days"),
        t!("almanac.col.marked"),
        t!("almanac.col.items"),
    ];
    let rows = listed
        .iter()
        .map(|l| {
            let definition = &l.occurrence.definition;
            let items: Vec<&str> = l.items.iter().map(|i| i.id.value.as_str()).collect();
            vec![
                Cell::Text(Bi {
                    text: definition.name(lang).to_string(),
                    other: Some(l.occurrence.key()),
                    ltr: false,
                }),
                Cell::code(definition.set.unwrap_or("plan")),
                Cell::date(l.occurrence.start, lang),
                Cell::date(l.occurrence.end, lang),
                Cell::number(days(l).to_string(), Some(days(l) as f64)),
                Cell::words(mark_words(l, lang)),
                Cell::code(items.join(", ")),
            ]
        })
        .collect();
    let table = Table {
        columns: columns.iter().map(|c| c.text(lang)).collect(),
        rows,
    };
    let empty = t!("almanac.none").text(lang);
    let blocks = if listed.is_empty() {
        vec![Block::Para(Bi::words(empty))]
    } else {
        vec![Block::Table(table)]
    };
    let title = t!(
        "almanac.title",
        period = crate::text::dates::in_era_of(&request.label, lang)
    )
    .text(lang);
    Document {
        lang,
        page_title: title.clone(),
        title: Bi::words(title.clone()),
        subtitle: Vec::new(),
        contents: false,
        sections: vec![Section::new(
            "occasions",
            t!("almanac.section").text(lang),
            blocks,
        )],
        footer: Vec::new(),
    }
}

#[derive(serde::Serialize)]
struct JsonOccasion<'a> {
    id: &'a str,
    key: String,
    set: Option<&'a str>,
    name: JsonName<'a>,
    start: NaiveDate,
    end: NaiveDate,
    start_hijri: String,
    end_hijri: String,
    days: i64,
    lead_days: Option<i64>,
    run_up_days: Option<i64>,
    items: Vec<&'a str>,
}

#[derive(serde::Serialize)]
struct JsonName<'a> {
    ar: &'a str,
    en: &'a str,
}

fn json(listed: &[Listed], out: &mut dyn Write) -> io::Result<()> {
    let rows: Vec<JsonOccasion> = listed
        .iter()
        .map(|l| {
            let d = &l.occurrence.definition;
            JsonOccasion {
                id: d.id,
                key: l.occurrence.key(),
                set: d.set,
                name: JsonName { ar: d.ar, en: d.en },
                start: l.occurrence.start,
                end: l.occurrence.end,
                start_hijri: hijri(l.occurrence.start),
                end_hijri: hijri(l.occurrence.end),
                days: days(l),
                lead_days: l.marked.map(|m| m.lead.num_days()),
                run_up_days: l.marked.map(|m| m.run_up.num_days()),
                items: l.items.iter().map(|i| i.id.value.as_str()).collect(),
            }
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &rows)?;
    writeln!(out)
}

fn csv(listed: &[Listed], lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = crate::output::CsvWriter::new(out);
    writer.write_record([
        "key",
        "id",
        "set",
        "name",
        "start",
        "end",
        "start_hijri",
        "end_hijri",
        "days",
        "lead_days",
        "items",
    ])?;
    for l in listed {
        let d = &l.occurrence.definition;
        let items: Vec<&str> = l.items.iter().map(|i| i.id.value.as_str()).collect();
        writer.write_record([
            l.occurrence.key(),
            d.id.to_string(),
            d.set.unwrap_or("").to_string(),
            d.name(lang).to_string(),
            l.occurrence.start.to_string(),
            l.occurrence.end.to_string(),
            hijri(l.occurrence.start),
            hijri(l.occurrence.end),
            days(l).to_string(),
            l.marked
                .map(|m| m.lead.num_days().to_string())
                .unwrap_or_default(),
            items.join(" "),
        ])?;
    }
    writer.flush()
}

/// All-day events (`DTEND` the day after the last, as RFC 5545 counts),
/// one per occurrence, named in both languages.
fn ics(plan: &Plan, listed: &[Listed], request: &Request, out: &mut dyn Write) -> io::Result<()> {
    use crate::text::ics::{escape, fold};
    let domain = plan.calendar_domain();
    let stamp = request.today.format("%Y%m%dT000000Z");
    let mut text = String::new();
    for line in [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//khairukum//occasions//AR".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        format!(
            "X-WR-CALNAME:{}",
            escape(&format!("occasions {}", request.label))
        ),
    ] {
        text.push_str(&fold(&line));
    }
    for l in listed {
        let d = &l.occurrence.definition;
        for line in [
            "BEGIN:VEVENT".to_string(),
            format!("UID:occasion-{}@{domain}", l.occurrence.key()),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", l.occurrence.start.format("%Y%m%d")),
            format!(
                "DTEND;VALUE=DATE:{}",
                (l.occurrence.end + chrono::TimeDelta::days(1)).format("%Y%m%d")
            ),
            format!("SUMMARY:{}", escape(&format!("{} — {}", d.ar, d.en))),
            format!(
                "DESCRIPTION:{}",
                escape(&format!(
                    "{} – {}",
                    hijri(l.occurrence.start),
                    hijri(l.occurrence.end)
                ))
            ),
            format!("CATEGORIES:{}", escape(d.set.unwrap_or("plan"))),
            "TRANSP:TRANSPARENT".to_string(),
            "END:VEVENT".to_string(),
        ] {
            text.push_str(&fold(&line));
        }
    }
    text.push_str(&fold("END:VCALENDAR"));
    out.write_all(text.as_bytes())
}

//! `tasks --summary`: each person's planned hours per week against their capacity.

use super::TaskFormat;
use crate::output::sheet::{Cell, Sheet};
use crate::plan::model::Plan;
use crate::plan::workload::WeekLoad;
use crate::t;
use crate::text::i18n::Lang;
use crate::text::weeks::iso_week_key;
use serde_json::json;
use std::io::{self, Write};

fn hours(h: f64) -> String {
    crate::plan::rules::number((h * 10.0).round() / 10.0)
}

/// The weekly load for a spreadsheet, a row a person and week.
fn sheet(plan: &Plan, loads: &[WeekLoad], lang: Lang) -> Sheet {
    let header = [
        "person",
        "name",
        "week",
        "week_start",
        "tasks",
        "minutes",
        "capacity_hours",
        "over",
    ];
    let rows = loads.iter().map(|l| {
        vec![
            l.person.into(),
            name(plan, l.person).into(),
            Cell::Text(iso_week_key(l.week)),
            Cell::Text(l.week.to_string()),
            Cell::Number(l.tasks as f64),
            Cell::Number(l.minutes as f64),
            Cell::number(l.capacity_hours.map(|h| (h * 10.0).round() / 10.0)),
            Cell::Text(l.over().to_string()),
        ]
    });
    Sheet {
        name: "workload".into(),
        header: header.map(str::to_string).to_vec(),
        rows: rows.collect(),
        right_to_left: lang == Lang::Ar,
    }
}

/// Writes the weekly load in `format` (tables, JSON, CSV, XLSX or Markdown).
pub fn write_summary(
    format: TaskFormat,
    plan: &Plan,
    loads: &[WeekLoad],
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        TaskFormat::Table { width } => table(plan, loads, lang, width, out),
        TaskFormat::Json => json(plan, loads, out),
        TaskFormat::Csv => sheet(plan, loads, lang).write_csv(out),
        TaskFormat::Xlsx => sheet(plan, loads, lang).write_xlsx(out),
        TaskFormat::Markdown => markdown(plan, loads, lang, out),
        TaskFormat::Ics(_) => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the summary has no iCalendar form",
        )),
    }
}

fn name(plan: &Plan, id: &str) -> String {
    super::person_name(plan, Some(id)).to_string()
}

fn capacity(l: &WeekLoad) -> String {
    l.capacity_hours.map_or_else(String::new, hours)
}

/// A table fitted to the terminal, and how many weeks are over capacity.
fn table(
    plan: &Plan,
    loads: &[WeekLoad],
    lang: Lang,
    width: Option<u16>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let text = |m: crate::text::i18n::Msg| m.text(lang);
    if loads.is_empty() {
        return writeln!(out, "{}", text(t!("tasks.none")));
    }
    let mut table = comfy_table::Table::new();
    table
        .load_style(comfy_table::presets::UTF8_FULL_CONDENSED)
        .force_no_tty();
    if let Some(width) = width {
        table
            .set_content_arrangement(comfy_table::ContentArrangement::Dynamic)
            .set_width(width);
    }
    table.set_header(
        [
            text(t!("tasks.col.person")),
            text(t!("tasks.col.week")),
            text(t!("tasks.col.from")),
            text(t!("tasks.col.tasks")),
            text(t!("tasks.col.hours")),
            text(t!("tasks.col.capacity")),
            String::new(),
        ]
        .map(crate::text::arabic::table_cell),
    );
    for l in loads {
        let person = comfy_table::Cell::new(name(plan, l.person))
            .set_alignment(comfy_table::CellAlignment::Right);
        let over = if l.over() {
            text(t!("tasks.over"))
        } else {
            String::new()
        };
        table.add_row(vec![
            person,
            comfy_table::Cell::new(iso_week_key(l.week)),
            comfy_table::Cell::new(l.week),
            comfy_table::Cell::new(l.tasks),
            comfy_table::Cell::new(hours(l.hours())),
            comfy_table::Cell::new(capacity(l)),
            comfy_table::Cell::new(over),
        ]);
    }
    writeln!(out, "{table}")?;
    let over = loads.iter().filter(|l| l.over()).count();
    let said = t!("tasks.over-summary", over = over, total = loads.len());
    writeln!(out, "{}", text(said))
}

fn json(plan: &Plan, loads: &[WeekLoad], out: &mut dyn Write) -> io::Result<()> {
    let rows: Vec<_> = loads
        .iter()
        .map(|l| {
            json!({
                "person": l.person,
                "name": name(plan, l.person),
                "week": iso_week_key(l.week),
                "week_start": l.week.to_string(),
                "tasks": l.tasks,
                "minutes": l.minutes,
                "capacity_hours": l.capacity_hours,
                "over": l.over(),
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &json!({ "weeks": rows }))?;
    writeln!(out)
}

fn markdown(plan: &Plan, loads: &[WeekLoad], lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let text = |m: crate::text::i18n::Msg| m.text(lang);
    writeln!(
        out,
        "| {} | {} | {} | {} | {} | |",
        text(t!("tasks.col.person")),
        text(t!("tasks.col.week")),
        text(t!("tasks.col.tasks")),
        text(t!("tasks.col.hours")),
        text(t!("tasks.col.capacity"))
    )?;
    writeln!(out, "| --- | --- | --- | --- | --- | --- |")?;
    for l in loads {
        let over = if l.over() {
            format!("**{}**", text(t!("tasks.over")))
        } else {
            String::new()
        };
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {over} |",
            name(plan, l.person),
            iso_week_key(l.week),
            l.tasks,
            hours(l.hours()),
            capacity(l),
        )?;
    }
    Ok(())
}

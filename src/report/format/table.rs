//! The terminal report: tables with Arabic cells right-aligned.

use super::{Report, ReportWriter};
use crate::plan::metrics::Unit;
use crate::t;
use crate::text::dates::in_era_of;
use crate::text::i18n::{Lang, Msg};
use comfy_table::presets;
use std::io::{self, Write};

pub(super) struct Table {
    pub lang: Lang,
    /// The terminal's width, when writing to one: every table is wrapped to it.
    pub width: Option<u16>,
}

use crate::text::arabic::table_cell as cell;

fn table(header: &[Msg], lang: Lang, width: Option<u16>) -> comfy_table::Table {
    let mut t = comfy_table::Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .force_no_tty()
        .set_header(header.iter().map(|m| cell(m.text(lang))));
    if let Some(width) = width {
        t.set_content_arrangement(comfy_table::ContentArrangement::Dynamic)
            .set_width(width);
    }
    t
}

/// A table of figures as tables no wider than `width`: when all its columns
/// do not fit, they are dealt out over several tables, each opening with
/// the first column (the platform, the person) so that every row still
/// says whose figures it holds. Without a width, one table.
fn fitted(
    header: &[Msg],
    rows: &[Vec<String>],
    lang: Lang,
    width: Option<u16>,
) -> Vec<comfy_table::Table> {
    let whole = |columns: &[usize]| {
        let mut t = table(
            &columns
                .iter()
                .map(|&i| header[i].clone())
                .collect::<Vec<_>>(),
            lang,
            width,
        );
        for row in rows {
            t.add_row(columns.iter().map(|&i| cell(row[i].clone())));
        }
        t
    };
    let all: Vec<usize> = (0..header.len()).collect();
    let Some(width) = width else {
        return vec![whole(&all)];
    };
    // Each column's room: its widest cell, a space either side, a border;
    // and the table's closing border.
    let room: Vec<u16> = whole(&all)
        .column_max_content_widths()
        .iter()
        .map(|w| w + 3)
        .collect();
    let fits = |columns: &[usize]| columns.iter().map(|&i| room[i]).sum::<u16>() < width;
    if fits(&all) {
        return vec![whole(&all)];
    }
    let mut tables = Vec::new();
    let mut columns = vec![0];
    for i in 1..header.len() {
        columns.push(i);
        if !fits(&columns) && columns.len() > 2 {
            columns.pop();
            tables.push(whole(&columns));
            columns = vec![0, i];
        }
    }
    tables.push(whole(&columns));
    tables
}

impl ReportWriter for Table {
    fn write(&self, r: &Report, out: &mut dyn Write) -> io::Result<()> {
        let lang = self.lang;
        let text = |m: Msg| m.text(lang);
        let show = |unit: Unit, value: Option<f64>| super::show(unit, value, lang);
        let show_change = |unit: Unit, change| super::show_change(unit, change, lang);
        writeln!(
            out,
            "{}\n",
            text(t!(
                "report.title",
                organisation = &r.organisation,
                period = in_era_of(&r.period, lang),
                from = &r.from,
                to = &r.to,
                hijri = in_era_of(&r.hijri, lang),
                previous = in_era_of(&r.previous_period, lang)
            ))
        )?;
        if !r.summary.is_empty() {
            writeln!(out, "{}", text(t!("report.summary")))?;
            for sentence in &r.summary {
                writeln!(out, "  {}", sentence.text(lang))?;
            }
            writeln!(out)?;
        }
        let mut t = table(
            &[
                t!("report.col.goal"),
                t!("report.col.kpi"),
                t!("report.col.value"),
                t!("report.col.change"),
                t!("report.col.target"),
                t!("report.col.progress"),
                t!("report.col.status"),
            ],
            lang,
            self.width,
        );
        for k in &r.kpis {
            t.add_row(vec![
                cell(k.goal_name.in_lang(lang)),
                cell(k.name.in_lang(lang)),
                cell(super::show_kpi(k, k.figure.value, lang)),
                cell(show_change(k.unit, k.change)),
                cell(super::show_kpi(k, k.target, lang)),
                cell(k.progress.map_or("—".into(), |p| {
                    text(t!(
                        "report.progress-due",
                        progress = format!("{:.0}", p * 100.0),
                        due = format!("{:.0}", k.expected.unwrap_or(0.0) * 100.0)
                    ))
                })),
                cell(k.standing.text(lang)),
            ]);
        }
        writeln!(out, "{}\n{t}", text(t!("report.scorecard")))?;
        for k in &r.kpis {
            writeln!(
                out,
                "  {}: {}",
                k.name.in_lang(lang),
                text(super::coverage(k, lang))
            )?;
            for p in &k.parts {
                let (ar, en) = super::metric_names(p.figure.metric);
                let metric = match lang {
                    Lang::Ar if !ar.is_empty() => ar,
                    Lang::En if !en.is_empty() => en,
                    _ => p.figure.id(),
                };
                writeln!(
                    out,
                    "  {}",
                    text(t!(
                        "report.part",
                        kpi = k.name.in_lang(lang),
                        metric = metric,
                        value = show(p.figure.unit(), p.figure.value),
                        target = show(p.figure.unit(), p.target),
                        score = p.score.map_or("—".into(), |s| format!("{s:.0}")),
                        weight = p.weight
                    ))
                )?;
            }
        }
        let rows: Vec<Vec<String>> = r
            .platforms
            .iter()
            .map(|p| {
                let mut row = vec![
                    p.platform.clone(),
                    format!("{}%", p.focus),
                    p.planned_share.map_or("—".into(), |s| format!("{s:.0}%")),
                    p.posts.to_string(),
                ];
                row.extend(p.figures.iter().map(|f| show(f.unit(), f.value)));
                row
            })
            .collect();
        writeln!(out, "\n{}", text(t!("report.platforms")))?;
        for t in fitted(&super::platform_columns(), &rows, lang, self.width) {
            writeln!(out, "{t}")?;
        }
        writeln!(out, "  {}", text(super::sources(r)))?;
        let rows: Vec<Vec<String>> = super::interaction_rows(r, lang)
            .into_iter()
            .map(|(platform, figures)| {
                let mut row = vec![platform];
                row.extend(figures.iter().map(|f| show(f.unit(), f.value)));
                row
            })
            .collect();
        writeln!(out, "\n{}", text(t!("report.interactions")))?;
        for t in fitted(&super::interaction_columns(), &rows, lang, self.width) {
            writeln!(out, "{t}")?;
        }
        writeln!(out, "\n{}", text(t!("report.totals")))?;
        for f in &r.totals {
            let note = f
                .note
                .as_ref()
                .map_or(String::new(), |n| format!("  ({})", n.text(lang)));
            writeln!(out, "  {:<34} {}{}", f.id(), show(f.unit(), f.value), note)?;
        }
        if !r.top_posts.is_empty() {
            let mut t = table(&super::top_post_columns(), lang, self.width);
            for p in &r.top_posts {
                t.add_row(vec![
                    cell(&p.platform),
                    cell(p.date.clone().unwrap_or_default()),
                    cell(
                        p.title
                            .clone()
                            .unwrap_or_else(|| p.url.clone().unwrap_or_else(|| p.id.clone())),
                    ),
                    cell(super::served(r, p, lang)),
                    cell(show(Unit::Count, p.impressions.map(|v| v as f64))),
                    cell(show(Unit::Count, p.engagements.map(|v| v as f64))),
                ]);
            }
            writeln!(out, "\n{}\n{t}", text(t!("report.top-posts")))?;
        }
        if let Some(money) = super::money_tables(r, lang) {
            writeln!(out, "\n{}", text(t!("report.money")))?;
            for line in money.lines {
                writeln!(out, "  {}", text(line))?;
            }
            for (columns, rows) in [
                (&money.goal_columns, &money.goals),
                (&money.platform_columns, &money.platforms),
                (&money.cost_columns, &money.costs),
            ] {
                if !rows.is_empty() {
                    for t in fitted(columns, rows, lang, self.width) {
                        writeln!(out, "{t}")?;
                    }
                }
            }
            writeln!(out, "  {}", text(money.undirected))?;
            for row in money.undirected_rows {
                writeln!(out, "    {}", text(row))?;
            }
        }
        if let Some(peers) = super::peers_tables(r, lang) {
            writeln!(out, "\n{}", text(t!("report.peers")))?;
            for line in peers.lines {
                writeln!(out, "  {}", text(line))?;
            }
            for (platform, rows) in &peers.platforms {
                writeln!(
                    out,
                    "  {}",
                    text(t!("report.peers.platform", platform = *platform))
                )?;
                for t in fitted(&peers.columns, rows, lang, self.width) {
                    writeln!(out, "{t}")?;
                }
            }
            for line in peers.missing {
                writeln!(out, "  {}", text(line))?;
            }
            writeln!(out, "  {}", text(peers.sources))?;
        }
        if let Some(team) = super::team_tables(r, lang) {
            writeln!(out, "\n{}", text(t!("report.team")))?;
            for t in fitted(&team.people_columns, &team.people, lang, self.width) {
                writeln!(out, "{t}")?;
            }
            if !team.steps.is_empty() {
                let mut t = table(&team.step_columns, lang, self.width);
                for row in team.steps {
                    t.add_row(row.into_iter().map(cell));
                }
                writeln!(out, "{t}")?;
            }
            writeln!(out, "  {}", text(team.source))?;
        }
        writeln!(
            out,
            "\n{}",
            text(t!("report.unplanned", count = r.unplanned_posts.len()))
        )?;
        for p in &r.unplanned_posts {
            writeln!(
                out,
                "  {} {} {}  [{}]",
                p.platform,
                p.date.as_deref().unwrap_or("?"),
                p.url.as_deref().unwrap_or(&p.id),
                p.source
            )?;
        }
        writeln!(
            out,
            "\n{}",
            text(t!("report.missing", count = r.missing_items.len()))
        )?;
        for m in &r.missing_items {
            writeln!(out, "  {}", text(super::missing_item(m)))?;
        }
        if !r.unverifiable_items.is_empty() {
            writeln!(
                out,
                "\n{}",
                text(t!(
                    "report.unverifiable",
                    count = r.unverifiable_items.len()
                ))
            )?;
            for m in &r.unverifiable_items {
                writeln!(out, "  {}", text(super::missing_item(m)))?;
            }
        }
        if !r.platforms_without_exports.is_empty() {
            writeln!(
                out,
                "\n{}",
                text(t!(
                    "report.no-post-export",
                    platforms = r.platforms_without_exports.join(", ")
                ))
            )?;
        }
        writeln!(
            out,
            "\n{}",
            text(t!(
                "report.joined",
                by_link = r.joined_by_link,
                by_text = r.joined_by_text,
                by_time = r.joined_by_time
            ))
        )?;
        if !r.problems.is_empty() {
            writeln!(
                out,
                "\n{}",
                text(t!("report.export-problems", count = r.problems.len()))
            )?;
            for p in &r.problems {
                writeln!(out, "  {}", p.text(lang))?;
            }
        }
        writeln!(
            out,
            "\n{}",
            text(t!(
                "report.read",
                files = t!("count.export-file", n = r.files.len())
            ))
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_table_is_dealt_out_over_tables_that_fit_each_opening_with_its_first_column() {
        let header = crate::report::format::platform_columns();
        let rows: Vec<Vec<String>> = ["x", "instagram", "facebook"]
            .iter()
            .map(|p| {
                let mut row = vec![p.to_string()];
                row.extend((1..header.len()).map(|i| format!("{}", 1_000_000 * i)));
                row
            })
            .collect();
        let tables = fitted(&header, &rows, Lang::En, Some(80));
        assert!(tables.len() > 1);
        let mut seen = Vec::new();
        for table in &tables {
            let text = table.to_string();
            for line in text.lines() {
                assert!(line.chars().count() <= 80, "{line}");
            }
            let head = text.lines().nth(1).unwrap();
            assert!(head.starts_with("│ Platform "), "{head}");
            seen.extend(
                head.split('┆')
                    .skip(1)
                    .map(|c| c.trim().trim_end_matches('│').trim().to_string()),
            );
        }
        // Every column once, in order, besides the repeated first.
        let names: Vec<String> = header[1..].iter().map(|m| m.text(Lang::En)).collect();
        assert_eq!(seen, names);
        // Without a terminal, or with room for it, one table.
        assert_eq!(fitted(&header, &rows, Lang::En, None).len(), 1);
        assert_eq!(fitted(&header, &rows, Lang::En, Some(400)).len(), 1);
    }
}

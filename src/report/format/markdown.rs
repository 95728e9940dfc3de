//! Markdown: a report to paste into an issue, a wiki page or a message.

use super::{Report, ReportWriter};
use crate::plan::metrics::Unit;
use crate::t;
use crate::text::dates::in_era_of;
use crate::text::i18n::{Lang, Msg};
use std::io::{self, Write};

pub(super) struct Markdown {
    pub lang: Lang,
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

impl ReportWriter for Markdown {
    fn write(&self, r: &Report, out: &mut dyn Write) -> io::Result<()> {
        let lang = self.lang;
        let text = |m: Msg| m.text(lang);
        let show = |unit: Unit, value: Option<f64>| super::show(unit, value, lang);
        let show_change = |unit: Unit, change| super::show_change(unit, change, lang);
        writeln!(
            out,
            "# {}\n",
            text(t!(
                "report.md.title",
                organisation = cell(&r.organisation),
                period = in_era_of(&r.period, lang),
                from = &r.from,
                to = &r.to,
                hijri = in_era_of(&r.hijri, lang)
            ))
        )?;
        if !r.summary.is_empty() {
            writeln!(out, "## {}\n", text(t!("report.summary")))?;
            for sentence in &r.summary {
                writeln!(out, "- {}", cell(&sentence.text(lang)))?;
            }
            writeln!(out)?;
        }
        writeln!(out, "## {}\n", text(t!("report.scorecard")))?;
        let columns = [
            t!("report.col.goal"),
            t!("report.col.kpi"),
            t!("report.col.value"),
            t!(
                "report.md.versus",
                previous = in_era_of(&r.previous_period, lang)
            ),
            t!("report.col.baseline"),
            t!("report.col.target"),
            t!("report.col.progress"),
            t!("report.col.status"),
        ];
        writeln!(out, "| {} |", columns.map(text).join(" | "))?;
        writeln!(out, "| --- | --- | --- | --- | --- | --- | --- | --- |")?;
        for k in &r.kpis {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} |",
                cell(k.goal_name.in_lang(lang)),
                cell(k.name.in_lang(lang)),
                super::show_kpi(k, k.figure.value, lang),
                show_change(k.unit, k.change),
                super::show_kpi(k, k.baseline, lang),
                super::show_kpi(k, k.target, lang),
                k.progress
                    .map_or("—".into(), |p| format!("{:.0}%", p * 100.0)),
                k.standing.text(lang),
            )?;
        }
        writeln!(out)?;
        for k in &r.kpis {
            writeln!(
                out,
                "- **{}**: {}",
                cell(k.name.in_lang(lang)),
                cell(&text(super::coverage(k, lang)))
            )?;
        }
        // The trend the HTML draws, as a table: each KPI by month, and its target.
        let months: Vec<&str> = {
            let mut months: Vec<&str> = Vec::new();
            for (_, month, _) in &r.trend {
                if !months.contains(&month.as_str()) {
                    months.push(month);
                }
            }
            months
        };
        if !months.is_empty() {
            writeln!(out, "\n## {}\n", text(t!("report.html.trend")))?;
            let names: Vec<String> = months
                .iter()
                .map(|m| in_era_of(m, lang).into_owned())
                .collect();
            writeln!(
                out,
                "| {} | {} | {} |",
                text(t!("report.col.kpi")),
                names.join(" | "),
                text(t!("report.col.target"))
            )?;
            writeln!(out, "|{}", " --- |".repeat(months.len() + 2))?;
            for k in &r.kpis {
                let values: Vec<String> = months
                    .iter()
                    .map(|m| {
                        let value = r
                            .trend
                            .iter()
                            .find(|(kpi, month, _)| *kpi == k.kpi && month == m)
                            .and_then(|(_, _, v)| *v);
                        super::show_kpi(k, value, lang)
                    })
                    .collect();
                writeln!(
                    out,
                    "| {} | {} | {} |",
                    cell(k.name.in_lang(lang)),
                    values.join(" | "),
                    super::show_kpi(k, k.target, lang)
                )?;
            }
        }
        // The mix the HTML draws: each platform's planned share beside its focus.
        writeln!(out, "\n## {}\n", text(t!("report.html.mix")))?;
        header(
            out,
            &[
                t!("report.col.platform"),
                t!("report.html.planned-share"),
                t!("report.html.focus-share"),
            ],
            lang,
        )?;
        for p in &r.platforms {
            writeln!(
                out,
                "| {} | {} | {}% |",
                p.platform,
                p.planned_share.map_or("—".into(), |s| format!("{s:.0}%")),
                p.focus
            )?;
        }
        writeln!(out, "\n## {}\n", text(t!("report.platforms")))?;
        header(out, &super::platform_columns(), lang)?;
        for p in &r.platforms {
            write!(
                out,
                "| {} | {}% | {} | {} |",
                p.platform,
                p.focus,
                p.planned_share.map_or("—".into(), |s| format!("{s:.0}%")),
                p.posts
            )?;
            for f in &p.figures {
                write!(out, " {} |", show(f.unit(), f.value))?;
            }
            writeln!(out)?;
        }
        writeln!(out, "\n{}", cell(&text(super::sources(r))))?;
        writeln!(out, "\n## {}\n", text(t!("report.interactions")))?;
        header(out, &super::interaction_columns(), lang)?;
        for (platform, figures) in super::interaction_rows(r, lang) {
            let values: Vec<String> = figures.iter().map(|f| show(f.unit(), f.value)).collect();
            writeln!(out, "| {} | {} |", cell(&platform), values.join(" | "))?;
        }
        writeln!(out, "\n## {}\n", text(t!("report.totals")))?;
        for f in &r.totals {
            let note = f
                .note
                .as_ref()
                .map_or(String::new(), |n| format!(" ({})", n.text(lang)));
            writeln!(
                out,
                "- **{}**: {}{}",
                f.id(),
                show(f.unit(), f.value),
                cell(&note)
            )?;
        }
        if !r.top_posts.is_empty() {
            writeln!(out, "\n## {}\n", text(t!("report.top-posts")))?;
            header(out, &super::top_post_columns(), lang)?;
            for p in &r.top_posts {
                let post = p
                    .title
                    .clone()
                    .unwrap_or_else(|| p.url.clone().unwrap_or_else(|| p.id.clone()));
                let goal = super::served(r, p, lang);
                writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {} |",
                    p.platform,
                    p.date.as_deref().unwrap_or(""),
                    cell(&post),
                    cell(&goal),
                    show(Unit::Count, p.impressions.map(|v| v as f64)),
                    show(Unit::Count, p.engagements.map(|v| v as f64))
                )?;
            }
        }
        if let Some(money) = super::money_tables(r, lang) {
            writeln!(out, "\n## {}\n", text(t!("report.money")))?;
            for line in money.lines {
                writeln!(out, "- {}", cell(&text(line)))?;
            }
            for (columns, rows) in [
                (&money.goal_columns, &money.goals),
                (&money.platform_columns, &money.platforms),
                (&money.cost_columns, &money.costs),
            ] {
                if rows.is_empty() {
                    continue;
                }
                writeln!(out)?;
                header(out, columns, lang)?;
                for row in rows {
                    let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
                    writeln!(out, "| {} |", cells.join(" | "))?;
                }
            }
            writeln!(out, "\n{}", cell(&text(money.undirected)))?;
            for row in money.undirected_rows {
                writeln!(out, "- {}", cell(&text(row)))?;
            }
        }
        if let Some(peers) = super::peers_tables(r, lang) {
            writeln!(out, "\n## {}\n", text(t!("report.peers")))?;
            for line in peers.lines {
                writeln!(out, "{}", cell(&text(line)))?;
            }
            for (platform, rows) in &peers.platforms {
                writeln!(
                    out,
                    "\n### {}\n",
                    text(t!("report.peers.platform", platform = *platform))
                )?;
                header(out, &peers.columns, lang)?;
                for row in rows {
                    let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
                    writeln!(out, "| {} |", cells.join(" | "))?;
                }
            }
            writeln!(out)?;
            for line in peers.missing {
                writeln!(out, "- {}", cell(&text(line)))?;
            }
            writeln!(out, "\n{}", cell(&text(peers.sources)))?;
        }
        if let Some(team) = super::team_tables(r, lang) {
            writeln!(out, "\n## {}\n", text(t!("report.team")))?;
            header(out, &team.people_columns, lang)?;
            for row in &team.people {
                let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
                writeln!(out, "| {} |", cells.join(" | "))?;
            }
            if !team.steps.is_empty() {
                writeln!(out)?;
                header(out, &team.step_columns, lang)?;
                for row in &team.steps {
                    let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
                    writeln!(out, "| {} |", cells.join(" | "))?;
                }
            }
            writeln!(out, "\n{}", cell(&text(team.source)))?;
        }
        writeln!(
            out,
            "\n## {}\n",
            text(t!(
                "report.heading.unplanned",
                count = r.unplanned_posts.len()
            ))
        )?;
        for p in &r.unplanned_posts {
            writeln!(
                out,
                "- {} {} {}",
                p.platform,
                p.date.as_deref().unwrap_or(""),
                p.url.as_deref().unwrap_or(&p.id)
            )?;
        }
        writeln!(
            out,
            "\n## {}\n",
            text(t!("report.heading.missing", count = r.missing_items.len()))
        )?;
        for m in &r.missing_items {
            writeln!(out, "- {}", cell(&text(super::missing_item(m))))?;
        }
        if !r.unverifiable_items.is_empty() {
            let count = r.unverifiable_items.len();
            writeln!(
                out,
                "\n## {}\n",
                text(t!("report.heading.unverifiable", count = count))
            )?;
            for m in &r.unverifiable_items {
                writeln!(out, "- {}", cell(&text(super::missing_item(m))))?;
            }
        }
        if !r.problems.is_empty() {
            writeln!(out, "\n## {}\n", text(t!("report.heading.export-problems")))?;
            for p in &r.problems {
                writeln!(out, "- {}", cell(&p.text(lang)))?;
            }
        }
        Ok(())
    }
}

/// A table's header row, in `lang`, and the rule under it.
fn header(out: &mut dyn Write, columns: &[Msg], lang: Lang) -> io::Result<()> {
    let names: Vec<String> = columns.iter().map(|m| m.text(lang)).collect();
    writeln!(out, "| {} |", names.join(" | "))?;
    writeln!(out, "|{}", " --- |".repeat(names.len()))
}

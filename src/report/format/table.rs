//! The terminal report: tables with Arabic cells right-aligned.

use super::{Report, ReportWriter, show, show_change};
use comfy_table::presets;
use std::io::{self, Write};

pub struct Table;

use crate::arabic::table_cell as cell;

fn table(header: Vec<&str>) -> comfy_table::Table {
    let mut t = comfy_table::Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .force_no_tty()
        .set_header(header);
    t
}

impl ReportWriter for Table {
    fn write(&self, r: &Report, out: &mut dyn Write) -> io::Result<()> {
        writeln!(
            out,
            "{} — {} ({} – {}), compared with {}\n",
            r.organisation, r.period, r.from, r.to, r.previous_period
        )?;
        let mut t = table(vec![
            "Goal", "KPI", "Value", "Change", "Target", "Progress", "Status",
        ]);
        for k in &r.kpis {
            t.add_row(vec![
                cell(k.goal_name.primary()),
                cell(k.name.primary()),
                cell(show(&k.metric, k.figure.value)),
                cell(show_change(&k.metric, k.change)),
                cell(show(&k.metric, k.target)),
                cell(k.progress.map_or("—".into(), |p| {
                    format!(
                        "{:.0}% (due {:.0}%)",
                        p * 100.0,
                        k.expected.unwrap_or(0.0) * 100.0
                    )
                })),
                cell(k.standing.as_str()),
            ]);
        }
        writeln!(out, "Scorecard\n{t}")?;
        for k in r
            .kpis
            .iter()
            .filter(|k| k.figure.value.is_none() || !k.parts.is_empty())
        {
            if let Some(note) = &k.figure.note {
                writeln!(out, "  {}: {note}", k.kpi)?;
            }
            for p in &k.parts {
                writeln!(
                    out,
                    "  {} part {}: {} (target {}, score {}, weight {})",
                    k.kpi,
                    p.figure.metric,
                    show(p.figure.metric, p.figure.value),
                    show(p.figure.metric, p.target),
                    p.score.map_or("—".into(), |s| format!("{s:.0}")),
                    p.weight
                )?;
            }
        }
        let mut t = table(vec![
            "Platform",
            "Focus",
            "Planned",
            "Posts",
            "Impressions",
            "Reach",
            "Engagements",
            "Eng./impr.",
            "Eng./reach",
            "Net follows",
            "Followers",
        ]);
        for p in &r.platforms {
            let mut row = vec![
                cell(&p.platform),
                cell(format!("{}%", p.focus)),
                cell(p.planned_share.map_or("—".into(), |s| format!("{s:.0}%"))),
                cell(p.posts.to_string()),
            ];
            row.extend(p.figures.iter().map(|f| cell(show(f.metric, f.value))));
            t.add_row(row);
        }
        writeln!(out, "\nPlatforms\n{t}")?;
        writeln!(out, "\nTotals")?;
        for f in &r.totals {
            let note = f
                .note
                .as_deref()
                .map_or(String::new(), |n| format!("  ({n})"));
            writeln!(
                out,
                "  {:<34} {}{}",
                f.metric,
                show(f.metric, f.value),
                note
            )?;
        }
        if !r.top_posts.is_empty() {
            let mut t = table(vec![
                "Platform",
                "Date",
                "Post",
                "Goal",
                "Impressions",
                "Engagements",
            ]);
            for p in &r.top_posts {
                t.add_row(vec![
                    cell(&p.platform),
                    cell(p.date.clone().unwrap_or_default()),
                    cell(
                        p.title
                            .clone()
                            .unwrap_or_else(|| p.url.clone().unwrap_or_else(|| p.id.clone())),
                    ),
                    cell(p.goal.clone().unwrap_or_else(|| "— not in the plan".into())),
                    cell(show("impressions", p.impressions.map(|v| v as f64))),
                    cell(show("engagements", p.engagements.map(|v| v as f64))),
                ]);
            }
            writeln!(out, "\nTop posts\n{t}")?;
        }
        writeln!(
            out,
            "\nPosts not in the plan (content not directed at a goal): {}",
            r.unplanned_posts.len()
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
            "\nPlanned items not found in the exports: {}",
            r.missing_items.len()
        )?;
        for m in &r.missing_items {
            writeln!(
                out,
                "  {} on {} at {} (status {}) {}",
                m.item, m.platform, m.publish, m.status, m.title
            )?;
        }
        if !r.platforms_without_exports.is_empty() {
            writeln!(
                out,
                "\nPlatforms with planned items but no post export: {}",
                r.platforms_without_exports.join(", ")
            )?;
        }
        writeln!(
            out,
            "\nJoined to the plan: {} posts by link, {} by time",
            r.joined_by_link, r.joined_by_time
        )?;
        if !r.problems.is_empty() {
            writeln!(out, "\nExport problems ({}):", r.problems.len())?;
            for p in &r.problems {
                writeln!(out, "  {p}")?;
            }
        }
        writeln!(out, "\nRead {} export files.", r.files.len())
    }
}

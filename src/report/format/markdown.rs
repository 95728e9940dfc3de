//! Markdown: a report to paste into an issue, a wiki page or a message.

use super::{Report, ReportWriter, show, show_change};
use std::io::{self, Write};

pub struct Markdown;

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

impl ReportWriter for Markdown {
    fn write(&self, r: &Report, out: &mut dyn Write) -> io::Result<()> {
        writeln!(
            out,
            "# {} — تقرير {} ({} – {})\n",
            cell(&r.organisation),
            r.period,
            r.from,
            r.to
        )?;
        writeln!(out, "## Scorecard — بطاقة الأداء\n")?;
        writeln!(
            out,
            "| Goal | KPI | Value | vs {} | Baseline | Target | Progress | Status |",
            r.previous_period
        )?;
        writeln!(out, "| --- | --- | --- | --- | --- | --- | --- | --- |")?;
        for k in &r.kpis {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} |",
                cell(k.goal_name.primary()),
                cell(k.name.primary()),
                show(&k.metric, k.figure.value),
                show_change(&k.metric, k.change),
                show(&k.metric, k.baseline),
                show(&k.metric, k.target),
                k.progress
                    .map_or("—".into(), |p| format!("{:.0}%", p * 100.0)),
                k.standing.as_str(),
            )?;
        }
        writeln!(out, "\n## Platforms — المنصات\n")?;
        write!(out, "| Platform | Focus | Planned | Posts |")?;
        for f in &r
            .platforms
            .first()
            .map_or(Vec::new(), |p| p.figures.clone())
        {
            write!(out, " {} |", f.metric)?;
        }
        writeln!(out)?;
        writeln!(
            out,
            "|{}",
            " --- |".repeat(4 + r.platforms.first().map_or(0, |p| p.figures.len()))
        )?;
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
                write!(out, " {} |", show(f.metric, f.value))?;
            }
            writeln!(out)?;
        }
        writeln!(out, "\n## Totals\n")?;
        for f in &r.totals {
            let note = f
                .note
                .as_deref()
                .map_or(String::new(), |n| format!(" ({n})"));
            writeln!(
                out,
                "- **{}**: {}{}",
                f.metric,
                show(f.metric, f.value),
                cell(&note)
            )?;
        }
        writeln!(
            out,
            "\n## Posts not in the plan — منشورات خارج الخطة ({})\n",
            r.unplanned_posts.len()
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
            "\n## Planned items not found in the exports — مواد مخططة لم تُنشر ({})\n",
            r.missing_items.len()
        )?;
        for m in &r.missing_items {
            writeln!(
                out,
                "- {} on {} ({}, status {}): {}",
                m.item,
                m.platform,
                m.publish,
                m.status,
                cell(&m.title)
            )?;
        }
        if !r.problems.is_empty() {
            writeln!(out, "\n## Export problems\n")?;
            for p in &r.problems {
                writeln!(out, "- {}", cell(p))?;
            }
        }
        Ok(())
    }
}

//! CSV: one row per figure, for spreadsheets.

use super::{Report, ReportWriter};
use crate::text::i18n::Lang;
use std::io::{self, Write};

pub(super) struct Csv;

fn number(v: Option<f64>) -> String {
    v.map_or_else(String::new, |v| format!("{v}"))
}

/// A figure of a section beside the scorecard's (money, peers): the
/// columns it fills, the rest left empty.
struct Row<'a> {
    section: &'a str,
    goal: &'a str,
    platform: &'a str,
    metric: &'a str,
    value: Option<f64>,
    note: &'a str,
    lacks: &'a str,
}

fn section_row<W: Write>(
    w: &mut crate::output::CsvWriter<W>,
    period: &str,
    row: &Row,
) -> io::Result<()> {
    w.write_record([
        period,
        row.section,
        row.goal,
        "",
        row.platform,
        row.metric,
        &number(row.value),
        "",
        "",
        "",
        "",
        "",
        row.note,
        "",
        row.lacks,
        "",
        "",
    ])
}

impl ReportWriter for Csv {
    fn write(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let mut w = crate::output::CsvWriter::new(out);
        w.write_record([
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
        ])?;
        for k in &report.kpis {
            w.write_record([
                report.period.as_str(),
                "kpi",
                &k.goal,
                &k.kpi,
                &k.platforms.join(" "),
                &k.metric,
                &number(k.figure.value),
                &number(k.previous),
                &number(k.baseline),
                &number(k.target),
                &number(k.progress),
                k.standing.as_str(),
                &k.figure
                    .note
                    .as_ref()
                    .map_or(String::new(), |n| n.text(Lang::En)),
                &k.covers.join(" "),
                &k.figure.lacks.join(" "),
                &report.previous_period,
                &number(k.since_baseline),
            ])?;
            // One of the charity's own measures: each platform's part.
            for part in &k.by_platform {
                w.write_record([
                    report.period.as_str(),
                    "kpi-platform",
                    &k.goal,
                    &k.kpi,
                    &part.platform,
                    &k.metric,
                    &number(Some(part.value)),
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    &part.platform,
                    "",
                    "",
                    "",
                ])?;
            }
        }
        let mut figure = |section: &str, platform: &str, f: &super::super::figures::Figure| {
            w.write_record([
                report.period.as_str(),
                section,
                "",
                "",
                platform,
                f.id(),
                &number(f.value),
                "",
                "",
                "",
                "",
                "",
                &f.note.as_ref().map_or(String::new(), |n| n.text(Lang::En)),
                // A total's scope is every platform; what it covers is the rest.
                if f.lacks.iter().any(|l| l == platform) {
                    ""
                } else {
                    platform
                },
                &f.lacks.join(" "),
                "",
                "",
            ])
        };
        for p in &report.platforms {
            for f in &p.figures {
                figure("platform", &p.platform, f)?;
            }
        }
        for f in &report.totals {
            figure("total", "", f)?;
        }
        for p in &report.platforms {
            for f in &p.interactions {
                figure("interactions", &p.platform, f)?;
            }
        }
        for f in &report.interactions {
            figure("interactions", "", f)?;
        }
        if let Some(m) = &report.money {
            // One row a money figure: `section` money, the figure in
            // `metric`, the currency in `note`.
            let mut money =
                |goal: &str, platform: &str, metric: &str, value: Option<f64>, note: &str| {
                    section_row(
                        &mut w,
                        &report.period,
                        &Row {
                            section: "money",
                            goal,
                            platform,
                            metric,
                            value,
                            note,
                            lacks: "",
                        },
                    )
                };
            let currency = m.currency.as_str();
            money("", "", "spent", m.period.spent, currency)?;
            money("", "", "budget", m.period.budget, currency)?;
            money("", "", "spent_to_date", m.to_date.spent, currency)?;
            money("", "", "approved", Some(m.approved), currency)?;
            money("", "", "pace", m.pace, currency)?;
            for g in &m.by_goal {
                money(&g.goal, "", "spent", Some(g.spent), currency)?;
                money(&g.goal, "", "budget_lines", Some(g.lines), currency)?;
                money(
                    &g.goal,
                    "",
                    "spent_to_date",
                    Some(g.spent_to_date),
                    currency,
                )?;
            }
            for (platform, spent) in &m.by_platform {
                money("", platform, "spent", Some(*spent), currency)?;
            }
            for u in &m.undirected {
                money("", u.platform, "undirected", Some(u.spent), &u.campaign)?;
            }
            for c in &m.cost_per {
                money("", "", &format!("cost_per_{}", c.per), c.value, currency)?;
            }
        }
        if let Some(peers) = &report.peers {
            // One row a peer's figure: `section` peers, the platform kind,
            // the organisation in `note` (`self`: the charity), the months
            // with no figure in `lacks`.
            for platform in &peers.platforms {
                for row in &platform.rows {
                    let who = row.peer.as_deref().unwrap_or("self");
                    let missing = row.missing.join(" ");
                    #[allow(clippy::cast_precision_loss)]
                    let count = |v: Option<i64>| v.map(|v| v as f64);
                    #[allow(clippy::cast_precision_loss)]
                    let rank = |v: Option<usize>| v.map(|v| v as f64);
                    for (metric, value) in [
                        ("followers", count(row.followers)),
                        ("growth", count(row.growth)),
                        ("growth_share", row.growth_share),
                        ("posts", count(row.posts)),
                        ("interactions", count(row.interactions)),
                        ("interactions_per_post", row.interactions_per_post),
                        ("rank_followers", rank(row.rank_followers)),
                        ("rank_growth", rank(row.rank_growth)),
                        ("voice_posts", row.voice_posts),
                        ("voice_interactions", row.voice_interactions),
                    ] {
                        section_row(
                            &mut w,
                            &report.period,
                            &Row {
                                section: "peers",
                                goal: "",
                                platform: platform.platform,
                                metric,
                                value,
                                note: who,
                                lacks: &missing,
                            },
                        )?;
                    }
                }
            }
        }
        w.flush()
    }
}

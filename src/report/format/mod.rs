//! Output formats for the report: one writer per format behind one trait.

mod csv;
mod html;
mod json;
mod markdown;
mod table;

use super::Report;
use crate::plan::metrics::{Metric, Unit};
use crate::text::i18n::Lang;
use std::io::{self, Write};

/// The formats `report --format` offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Table,
    Markdown,
    Json,
    Csv,
    Html,
}

/// Writes a report in one format.
pub trait ReportWriter {
    fn write(&self, report: &Report, out: &mut dyn Write) -> io::Result<()>;
}

/// The writer for a format; `lang` is the language of headings and labels
/// (JSON and CSV keep their stable English field names); `width`, the
/// terminal's, that the table's tables wrap to.
pub fn writer(format: ReportFormat, lang: Lang, width: Option<u16>) -> Box<dyn ReportWriter> {
    match format {
        ReportFormat::Table => Box::new(table::Table { lang, width }),
        ReportFormat::Markdown => Box::new(markdown::Markdown { lang }),
        ReportFormat::Json => Box::new(json::Json),
        ReportFormat::Csv => Box::new(csv::Csv),
        ReportFormat::Html => Box::new(html::Html { lang }),
    }
}

/// What a KPI's value covers, in words: the platforms it covers, those it
/// leaves out (no export gives it for them), and its note.
pub(crate) fn coverage(k: &super::KpiResult, lang: Lang) -> crate::text::i18n::Msg {
    use crate::text::i18n::Listed;
    let mut parts = Vec::new();
    let per_platform = k.figure.metric.is_none_or(Metric::is_per_platform);
    if k.from == "exports" && per_platform {
        parts.push(crate::t!(
            "report.covers",
            platforms = if k.covers.is_empty() {
                "—".to_string()
            } else {
                k.covers.join(", ")
            }
        ));
    } else if !k.by_platform.is_empty() {
        let shown: Vec<String> = k
            .by_platform
            .iter()
            .map(|p| format!("{} {}", p.platform, show(k.unit, Some(p.value), Lang::En)))
            .collect();
        parts.push(crate::t!("report.by-platform", parts = shown.join(" · ")));
    }
    if !k.figure.lacks.is_empty() {
        parts.push(crate::t!(
            "report.leaves-out",
            platforms = k.figure.lacks.join(", ")
        ));
    }
    if let Some(over) = &k.measured_over {
        let period = crate::text::dates::in_era_of(over, lang);
        parts.push(if over.contains("-Q") {
            crate::t!("report.measured-over.quarter", period = period)
        } else {
            crate::t!("report.measured-over.month", period = period)
        });
    }
    parts.extend(k.figure.note.clone());
    crate::t!("report.coverage", parts = Listed(parts))
}

/// The rows of the interactions table: each platform, then all of them.
pub(crate) fn interaction_rows(
    r: &super::Report,
    lang: Lang,
) -> Vec<(String, &[super::figures::Figure])> {
    r.platforms
        .iter()
        .map(|p| (p.platform.clone(), p.interactions.as_slice()))
        .chain([(
            crate::t!("report.all-platforms").text(lang),
            r.interactions.as_slice(),
        )])
        .collect()
}

/// Where each platform row's figures come from, as one line.
pub(crate) fn sources(r: &super::Report) -> crate::text::i18n::Msg {
    use crate::text::i18n::Listed;
    // Platforms with nothing exported have no source to name.
    let rows = r
        .platforms
        .iter()
        .filter(|p| p.posts > 0 || p.source == super::data::RowSource::AccountDays)
        .map(|p| {
            crate::t!(
                "report.source",
                platform = &p.platform,
                source = match p.source {
                    super::data::RowSource::AccountDays => crate::t!("report.source.account-days"),
                    super::data::RowSource::Posts if p.by_hand > 0 && p.by_hand == p.posts => {
                        crate::t!("report.source.by-hand", n = p.by_hand)
                    }
                    super::data::RowSource::Posts if p.by_hand > 0 => {
                        crate::t!("report.source.posts-some-by-hand", n = p.by_hand)
                    }
                    super::data::RowSource::Posts => crate::t!("report.source.posts"),
                }
            )
        })
        .collect();
    let sources = crate::t!("report.sources", rows = Listed(rows));
    // A platform's figure counted without some of its days or posts says
    // so where its row's source is named.
    // One line per gap, naming every figure it touches.
    let mut grouped: Vec<(&crate::text::i18n::Msg, Vec<&str>)> = Vec::new();
    for figure in r
        .platforms
        .iter()
        .flat_map(|p| p.figures.iter().chain(&p.interactions))
    {
        for gap in &figure.without {
            match grouped.iter_mut().find(|(g, _)| *g == gap) {
                Some((_, metrics)) => metrics.push(figure.id()),
                None => grouped.push((gap, vec![figure.id()])),
            }
        }
    }
    let gaps: Vec<crate::text::i18n::Msg> = grouped
        .into_iter()
        .map(|(gap, metrics)| {
            crate::t!(
                "report.figure-without",
                metric = metrics.join(", "),
                gap = gap.clone()
            )
        })
        .collect();
    if gaps.is_empty() {
        sources
    } else {
        crate::t!(
            "report.sources-and-gaps",
            sources = sources,
            gaps = Listed(gaps)
        )
    }
}

/// A planned item the exports do not show, as one line.
pub(crate) fn missing_item(m: &super::MissingItem) -> crate::text::i18n::Msg {
    crate::t!(
        "report.missing-item",
        item = &m.item,
        platform = &m.platform,
        publish = &m.publish,
        status = status_words(&m.status),
        title = &m.title
    )
}

/// A calendar status in the reader's words (`scheduled` → «مجدولة»); as
/// written when it is none of the statuses.
fn status_words(raw: &str) -> crate::text::i18n::Arg {
    use crate::plan::model::FieldValue as _;
    use crate::plan::model::calendar::Status;
    match Status::parse(raw) {
        Ok(status) => status.words().into(),
        Err(_) => raw.into(),
    }
}

/// The columns of the platforms table: the platform, its focus, its share
/// of the planned placements, its posts, then [`super::PLATFORM_METRICS`].
pub(crate) fn platform_columns() -> Vec<crate::text::i18n::Msg> {
    vec![
        crate::t!("report.col.platform"),
        crate::t!("report.col.focus"),
        crate::t!("report.col.planned"),
        crate::t!("report.col.posts"),
        crate::t!("report.col.impressions"),
        crate::t!("report.col.reach"),
        crate::t!("report.col.engagements"),
        crate::t!("report.col.engagement-per-impression"),
        crate::t!("report.col.engagement-per-reach"),
        crate::t!("report.col.net-follows"),
        crate::t!("report.col.followers"),
    ]
}

/// The columns of the interactions table: the platform, then
/// [`super::INTERACTION_METRICS`].
pub(crate) fn interaction_columns() -> Vec<crate::text::i18n::Msg> {
    vec![
        crate::t!("report.col.platform"),
        crate::t!("report.col.likes"),
        crate::t!("report.col.replies"),
        crate::t!("report.col.reposts"),
        crate::t!("report.col.saves"),
        crate::t!("report.col.link-clicks"),
    ]
}

/// What a post served, in `lang`: its goal's name (the id when the
/// scorecard does not name it), or that it is not in the plan.
pub(crate) fn served(r: &super::Report, post: &super::PostRef, lang: Lang) -> String {
    match &post.goal {
        Some(id) => r
            .kpis
            .iter()
            .find(|k| &k.goal == id)
            .map(|k| k.goal_name.in_lang(lang))
            .filter(|name| !name.is_empty())
            .map_or_else(|| id.clone(), str::to_string),
        None => crate::t!("report.not-in-plan").text(lang),
    }
}

/// The columns of the top-posts table.
pub(crate) fn top_post_columns() -> Vec<crate::text::i18n::Msg> {
    vec![
        crate::t!("report.col.platform"),
        crate::t!("report.col.date"),
        crate::t!("report.col.post"),
        crate::t!("report.col.goal"),
        crate::t!("report.col.impressions"),
        crate::t!("report.col.engagements"),
    ]
}

/// The team's section as tables of cells in `lang`: per person, then per
/// process step, and the line saying where the done times come from.
pub(crate) struct TeamTables {
    pub people_columns: Vec<crate::text::i18n::Msg>,
    pub people: Vec<Vec<String>>,
    pub step_columns: Vec<crate::text::i18n::Msg>,
    pub steps: Vec<Vec<String>>,
    pub source: crate::text::i18n::Msg,
}

/// The team's tables, when any task is due in the period.
pub(crate) fn team_tables(r: &super::Report, lang: Lang) -> Option<TeamTables> {
    let team = &r.team;
    if team.people.is_empty() {
        return None;
    }
    let name = |text: &crate::plan::model::Text| text.in_lang(lang).to_string();
    let people = team
        .people
        .iter()
        .map(|p| {
            let who = if p.person.is_empty() {
                crate::t!("report.team.nobody").text(lang)
            } else if name(&p.name).is_empty() {
                p.person.clone()
            } else {
                name(&p.name)
            };
            vec![
                who,
                p.due.to_string(),
                p.on_time.to_string(),
                p.late.to_string(),
                p.undated.to_string(),
                p.overdue.to_string(),
                p.not_yet_due.to_string(),
            ]
        })
        .collect();
    let steps = team
        .steps
        .iter()
        .map(|s| {
            vec![
                name(&s.name),
                s.done.to_string(),
                s.on_time.to_string(),
                s.median_days.map_or_else(
                    || "—".into(),
                    |d| {
                        let sign = if d > 0.0 {
                            "+"
                        } else if d < 0.0 {
                            "−"
                        } else {
                            "±"
                        };
                        crate::t!("unit.days", value = format!("{sign}{:.1}", d.abs())).text(lang)
                    },
                ),
            ]
        })
        .collect();
    Some(TeamTables {
        people_columns: vec![
            crate::t!("report.team.col.person"),
            crate::t!("report.team.col.due"),
            crate::t!("report.team.col.on-time"),
            crate::t!("report.team.col.late"),
            crate::t!("report.team.col.undated"),
            crate::t!("report.team.col.overdue"),
            crate::t!("report.team.col.not-yet-due"),
        ],
        people,
        step_columns: vec![
            crate::t!("report.team.col.step"),
            crate::t!("report.team.col.done"),
            crate::t!("report.team.col.on-time"),
            crate::t!("report.team.col.median"),
        ],
        steps,
        source: {
            let history = match team.commits {
                Some(n) => crate::t!("report.team.from-history", n = n),
                None if team.history_unreadable => crate::t!("report.team.history-unreadable"),
                None => crate::t!("report.team.no-history"),
            };
            if team.times_recorded == 0 {
                history
            } else {
                crate::t!(
                    "report.team.recorded",
                    n = team.times_recorded,
                    history = history
                )
            }
        },
    })
}

/// The money section as lines and tables of cells in `lang`.
pub(crate) struct MoneyTables {
    /// The period's and the plan's spend against the budget, in sentences.
    pub lines: Vec<crate::text::i18n::Msg>,
    pub goal_columns: Vec<crate::text::i18n::Msg>,
    pub goals: Vec<Vec<String>>,
    pub platform_columns: Vec<crate::text::i18n::Msg>,
    pub platforms: Vec<Vec<String>>,
    pub cost_columns: Vec<crate::text::i18n::Msg>,
    pub costs: Vec<Vec<String>>,
    /// Spending no campaign directs at a goal: its heading, then its rows.
    pub undirected: crate::text::i18n::Msg,
    pub undirected_rows: Vec<crate::text::i18n::Msg>,
}

/// The money section's tables, when the plan has a budget.
pub(crate) fn money_tables(r: &super::Report, lang: Lang) -> Option<MoneyTables> {
    use crate::t;
    let m = r.money.as_ref()?;
    // The number and its currency held together (a no-break space), so that
    // right-to-left text keeps them in this order.
    let amount = |v: f64| {
        format!(
            "{}\u{a0}{}",
            show(Unit::Count, Some(round_cents(v)), lang),
            m.currency
        )
    };
    let share = |part: f64, whole: Option<f64>| {
        whole
            .and_then(|w| super::money::share_of(part, w))
            .map_or_else(|| "—".into(), |s| format!("{:.0}%", s * 100.0))
    };
    // Spend no export could be read for is not known: a dash, never 0.
    let spent = |v: Option<f64>| v.map_or_else(|| "—".into(), amount);
    let mut lines = vec![match m.period.budget {
        Some(budget) => t!(
            "report.money.period",
            spent = spent(m.period.spent),
            budget = amount(budget),
            share = m
                .period
                .spent
                .map_or_else(|| "—".into(), |s| share(s, Some(budget)))
        ),
        None => t!(
            "report.money.period-no-budget",
            spent = spent(m.period.spent)
        ),
    }];
    if !m.lacks.is_empty() {
        lines.push(t!("report.money.lacks", platforms = m.lacks.join(", ")));
    }
    lines.push(t!(
        "report.money.to-date",
        spent = spent(m.to_date.spent),
        approved = amount(m.approved),
        pace = m.pace.map_or_else(|| "—".into(), amount)
    ));
    if let Some(paid) = m.paid_impressions {
        lines.push(t!(
            "report.money.paid-impressions",
            paid = show(Unit::Count, Some(paid as f64), lang)
        ));
    }
    lines.push(t!("report.money.read", rows = m.rows, files = m.files));
    let goals = m
        .by_goal
        .iter()
        .map(|g| {
            vec![
                g.name.in_lang(lang).to_string(),
                amount(g.spent),
                amount(g.lines),
                amount(g.spent_to_date),
                share(g.spent_to_date, Some(g.lines)),
            ]
        })
        .collect();
    let platforms = m
        .by_platform
        .iter()
        .map(|(p, spent)| {
            vec![
                (*p).to_string(),
                amount(*spent),
                share(*spent, m.period.spent),
            ]
        })
        .collect();
    let costs = m
        .cost_per
        .iter()
        .map(|c| {
            let what = match (&c.name, &c.unit) {
                (Some(name), Some(unit)) => t!(
                    "report.money.per-kpi-unit",
                    kpi = name.in_lang(lang),
                    unit = unit.in_lang(lang)
                )
                .text(lang),
                (Some(name), None) => {
                    t!("report.money.per-kpi", kpi = name.in_lang(lang)).text(lang)
                }
                (None, _) => match c.per.as_str() {
                    "impressions_1000" => t!("report.money.per-1000-impressions"),
                    "engagement" => t!("report.money.per-engagement"),
                    "new_follower" => t!("report.money.per-new-follower"),
                    _ => t!("report.money.per-inquiry"),
                }
                .text(lang),
            };
            vec![
                what,
                spent(c.spent),
                c.results
                    .map_or_else(|| "—".into(), |v| show(Unit::Count, Some(v), lang)),
                c.value.map_or_else(|| "—".into(), amount),
            ]
        })
        .collect();
    let undirected_spent: f64 = m.undirected.iter().map(|u| u.spent).sum();
    Some(MoneyTables {
        lines,
        goal_columns: vec![
            t!("report.col.goal"),
            t!("report.money.col.spent"),
            t!("report.money.col.lines"),
            t!("report.money.col.to-date"),
            t!("report.money.col.used"),
        ],
        goals,
        platform_columns: vec![
            t!("report.money.col.ad-platform"),
            t!("report.money.col.spent"),
            t!("report.money.col.share"),
        ],
        platforms,
        cost_columns: vec![
            t!("report.money.col.result"),
            t!("report.money.col.spent"),
            t!("report.money.col.results"),
            t!("report.money.col.cost"),
        ],
        costs,
        undirected: t!(
            "report.money.undirected",
            spent = amount(undirected_spent),
            share = share(undirected_spent, m.period.spent),
            n = m.undirected.len()
        ),
        undirected_rows: m
            .undirected
            .iter()
            .map(|u| {
                t!(
                    "report.money.undirected-row",
                    campaign = &u.campaign,
                    platform = u.platform,
                    spent = amount(u.spent)
                )
            })
            .collect(),
    })
}

/// The peers section as lines and one table of cells per platform, in `lang`.
pub(crate) struct PeersTables {
    /// What is compared, over which months.
    pub lines: Vec<crate::text::i18n::Msg>,
    pub columns: Vec<crate::text::i18n::Msg>,
    /// Each platform kind, and its rows (the charity's first).
    pub platforms: Vec<(&'static str, Vec<Vec<String>>)>,
    /// Each peer and platform with months of no figures.
    pub missing: Vec<crate::text::i18n::Msg>,
    /// Where the peers' figures come from.
    pub sources: crate::text::i18n::Msg,
}

/// A share as a whole percent, `—` when missing.
fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "—".into(), |s| format!("{:.0}%", s * 100.0))
}

/// The peers section's tables, when the report has one.
#[allow(clippy::cast_precision_loss)]
pub(crate) fn peers_tables(r: &super::Report, lang: Lang) -> Option<PeersTables> {
    use crate::t;
    let p = r.peers.as_ref()?;
    let count = |v: Option<i64>| show(Unit::Count, v.map(|v| v as f64), lang);
    let mut missing = Vec::new();
    let platforms = p
        .platforms
        .iter()
        .map(|platform| {
            // Ranked among the rows that give the figure.
            let ranked = |of: fn(&super::peers::PeerRow) -> Option<usize>| {
                platform.rows.iter().filter(|r| of(r).is_some()).count()
            };
            let (by_followers, by_growth) =
                (ranked(|r| r.rank_followers), ranked(|r| r.rank_growth));
            let rank = |rank: Option<usize>, n: usize| {
                rank.map_or_else(
                    || "—".into(),
                    |rank| t!("report.peers.rank", rank = rank, n = n).text(lang),
                )
            };
            let rows = platform
                .rows
                .iter()
                .map(|row| {
                    let name = row.name.in_lang(lang).to_string();
                    if !row.missing.is_empty() {
                        missing.push(t!(
                            "report.peers.missing",
                            name = &name,
                            platform = platform.platform,
                            months = row.missing.join(", "),
                            n = row.missing.len()
                        ));
                    }
                    let growth = match (row.growth, row.growth_share) {
                        (Some(g), Some(s)) => format!(
                            "{} ({}{:.1}%)",
                            show_change(Unit::Count, Some(g as f64), lang),
                            sign_of(s),
                            s.abs() * 100.0
                        ),
                        (g, _) => show_change(Unit::Count, g.map(|g| g as f64), lang),
                    };
                    vec![
                        if row.peer.is_none() {
                            t!("report.peers.us", name = &name).text(lang)
                        } else {
                            name
                        },
                        count(row.followers),
                        growth,
                        rank(row.rank_followers, by_followers),
                        rank(row.rank_growth, by_growth),
                        count(row.posts),
                        count(row.interactions),
                        row.interactions_per_post
                            .map_or_else(|| "—".into(), one_decimal),
                        percent(row.voice_posts),
                        percent(row.voice_interactions),
                    ]
                })
                .collect();
            (platform.platform, rows)
        })
        .collect();
    let sources: Vec<String> = p
        .sources
        .iter()
        .map(|s| {
            match &s.tool {
                Some(tool) => t!(
                    "report.peers.source-tool",
                    path = &s.path,
                    tool = tool.in_lang(lang)
                ),
                None => t!("report.peers.source-hand", path = &s.path),
            }
            .text(lang)
        })
        .collect();
    let first = p.months.first().map_or("", String::as_str);
    let before = crate::text::dates::Month::parse(first)
        .map_or_else(|_| String::new(), |m| m.previous().to_string());
    Some(PeersTables {
        lines: vec![t!(
            "report.peers.over",
            months = p.months.join(", "),
            before = before
        )],
        columns: vec![
            t!("report.peers.col.organisation"),
            t!("report.peers.col.followers"),
            t!("report.peers.col.growth"),
            t!("report.peers.col.rank-followers"),
            t!("report.peers.col.rank-growth"),
            t!("report.peers.col.posts"),
            t!("report.peers.col.interactions"),
            t!("report.peers.col.per-post"),
            t!("report.peers.col.voice-posts"),
            t!("report.peers.col.voice-interactions"),
        ],
        platforms,
        missing,
        sources: if sources.is_empty() {
            t!("report.peers.no-sources")
        } else {
            let between = if lang == Lang::Ar { "؛ " } else { "; " };
            t!("report.peers.sources", sources = sources.join(between))
        },
    })
}

/// An amount to the cent, as money is shown.
fn round_cents(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// `12,345`, `3.45%`, `1.8`, `95 min`: a value as people read it, with
/// its unit in `lang`.
pub fn show(unit: Unit, value: Option<f64>, lang: Lang) -> String {
    let Some(v) = value else { return "—".into() };
    match unit {
        Unit::Share => format!("{:.2}%", v * 100.0),
        Unit::Minutes => crate::t!("unit.minutes", value = thousands(v.round())).text(lang),
        Unit::PerThousand | Unit::Index => format!("{v:.1}"),
        Unit::Count if v.fract() == 0.0 => thousands(v),
        Unit::Count => {
            // Two decimals, the whole part grouped in thousands: `41,250.50`.
            let cents = format!("{:.2}", v.abs());
            let (whole, fraction) = cents.split_once('.').unwrap_or((&cents, "00"));
            let sign = if v < 0.0 { "-" } else { "" };
            format!(
                "{sign}{}.{fraction}",
                thousands(whole.parse().unwrap_or(0.0))
            )
        }
    }
}

/// A KPI's value (or target, baseline) with the unit its measure names
/// (`41,250 SAR`); as [`show`] for the dictionary's metrics.
pub(crate) fn show_kpi(k: &super::KpiResult, value: Option<f64>, lang: Lang) -> String {
    let shown = show(k.unit, value, lang);
    match (&k.unit_name, value) {
        (Some(unit), Some(_)) => {
            format!("{shown} {}", unit.in_lang(lang))
        }
        _ => shown,
    }
}

/// A signed change, in the metric's own unit (shares: percentage points).
pub(crate) fn show_change(unit: Unit, change: Option<f64>, lang: Lang) -> String {
    let Some(c) = change else { return "—".into() };
    let sign = sign_of(c);
    let magnitude = show(unit, Some(c.abs()), lang);
    if unit == Unit::Share {
        let points = magnitude.trim_end_matches('%');
        format!(
            "{sign}{}",
            crate::t!("unit.points", value = points).text(lang)
        )
    } else {
        format!("{sign}{magnitude}")
    }
}

/// A value to a tenth, its whole part in thousands: `1,165.9`.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn one_decimal(value: f64) -> String {
    let tenths = (value.abs() * 10.0).round();
    let sign = if value < 0.0 && tenths > 0.0 { "-" } else { "" };
    format!(
        "{sign}{}.{}",
        thousands((tenths / 10.0).trunc()),
        (tenths % 10.0) as u8
    )
}

/// The sign a change is written with: `+`, `−` or `±` (none).
fn sign_of(change: f64) -> &'static str {
    if change > 0.0 {
        "+"
    } else if change < 0.0 {
        "−"
    } else {
        "±"
    }
}

fn thousands(v: f64) -> String {
    let negative = v < 0.0;
    let digits = format!("{:.0}", v.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if negative { format!("-{out}") } else { out }
}

/// The metric's name from the dictionary (Arabic, English).
pub(crate) fn metric_names(metric: Option<Metric>) -> (&'static str, &'static str) {
    metric.map_or(("", ""), |m| {
        let d = m.definition();
        (d.name_ar, d.name_en)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_people_expect() {
        assert_eq!(show(Unit::Count, Some(1_234_567.0), Lang::En), "1,234,567");
        assert_eq!(show(Unit::Share, Some(0.0345), Lang::En), "3.45%");
        assert_eq!(show(Unit::Minutes, Some(95.0), Lang::En), "95 min");
        assert_eq!(show(Unit::Index, Some(61.26), Lang::En), "61.3");
        assert_eq!(show(Unit::Count, None, Lang::En), "—");
        assert_eq!(one_decimal(1165.94), "1,165.9");
        assert_eq!(one_decimal(0.96), "1.0");
        assert_eq!(one_decimal(-2.25), "-2.3");
        assert_eq!(show_change(Unit::Count, Some(-1200.0), Lang::En), "−1,200");
        assert_eq!(show_change(Unit::Share, Some(0.005), Lang::En), "+0.50 pt");
        assert_eq!(show(Unit::Minutes, Some(95.0), Lang::Ar), "95 دقيقة");
        assert_eq!(
            show_change(Unit::Share, Some(-0.005), Lang::Ar),
            "−0.50 نقطة"
        );
    }
}

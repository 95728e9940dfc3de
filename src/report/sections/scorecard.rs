//! The balanced scorecard: each goal's KPIs against their baselines and
//! targets, what each value covers; and their trend by month.

use super::{Data, Record, Section, columns, titled, words};
use crate::document::chart::{Level, Line, Point};
use crate::document::number::{MISSING, show, show_change};
use crate::document::{self as doc, Bi, Block, Cell, Chart, Table};
use crate::plan::metrics::Metric;
use crate::report::{KpiResult, PartResult, Report};
use crate::t;
use crate::text::dates::in_era_of;
use crate::text::i18n::{Lang, Listed, Msg};

pub(super) struct Scorecard;

impl Section for Scorecard {
    fn id(&self) -> &'static str {
        "scorecard"
    }

    fn document(&self, r: &Report, lang: Lang) -> Option<doc::Section> {
        let mut rows = Vec::new();
        for k in &r.kpis {
            rows.push(kpi_row(k, lang));
            rows.extend(k.parts.iter().map(|p| part_row(p, lang)));
        }
        let table = Table {
            columns: columns(
                &[
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
                ],
                lang,
            ),
            rows,
        };
        let covers = r
            .kpis
            .iter()
            .map(|k| {
                (
                    Bi::words(k.name.in_lang(lang)),
                    words(&coverage(k, lang), lang),
                )
            })
            .collect();
        Some(titled(
            self.id(),
            &t!("report.html.scorecard"),
            lang,
            vec![Block::Table(table), Block::Terms(covers)],
        ))
    }

    fn data(&self, r: &Report) -> Data {
        Data::InReport({
            let mut records = Vec::new();
            for k in &r.kpis {
                records.push(Record {
                    section: "kpi".into(),
                    goal: k.goal.clone(),
                    kpi: k.kpi.clone(),
                    platform: k.platforms.join(" "),
                    metric: k.metric.clone(),
                    value: k.figure.value,
                    previous: k.previous,
                    baseline: k.baseline,
                    target: k.target,
                    progress: k.progress,
                    standing: k.standing.as_str().into(),
                    note: k
                        .figure
                        .note
                        .as_ref()
                        .map_or(String::new(), |n| n.text(Lang::En)),
                    covers: k.covers.join(" "),
                    lacks: k.figure.lacks.join(" "),
                    compared_with: r.previous_period.clone(),
                    since_baseline: k.since_baseline,
                });
                // One of the charity's own measures: each platform's part.
                records.extend(k.by_platform.iter().map(|part| Record {
                    section: "kpi-platform".into(),
                    goal: k.goal.clone(),
                    kpi: k.kpi.clone(),
                    platform: part.platform.clone(),
                    metric: k.metric.clone(),
                    value: Some(part.value),
                    covers: part.platform.clone(),
                    ..Record::default()
                }));
            }
            records
        })
    }
}

/// A KPI's row: its goal, name, value, change, baseline, target, progress
/// (and where the calendar says it should be), standing.
fn kpi_row(k: &KpiResult, lang: Lang) -> Vec<Cell> {
    let figure = |value: Option<f64>| Cell::number(show_kpi(k, value, lang), value);
    vec![
        Cell::words(k.goal_name.in_lang(lang)),
        Cell::words(k.name.in_lang(lang)),
        figure(k.figure.value),
        Cell::number(show_change(k.unit, k.change, lang), k.change),
        figure(k.baseline),
        figure(k.target),
        Cell::number(
            k.progress.map_or_else(
                || MISSING.into(),
                |p| match k.expected {
                    Some(due) => t!(
                        "report.progress-due",
                        progress = format!("{:.0}", p * 100.0),
                        due = format!("{:.0}", due * 100.0)
                    )
                    .text(lang),
                    None => format!("{:.0}%", p * 100.0),
                },
            ),
            k.progress,
        ),
        Cell::Badge {
            class: match k.standing {
                crate::report::Standing::OnTrack => "on_track",
                crate::report::Standing::Behind => "behind",
                crate::report::Standing::MissingData => "missing_data",
            },
            text: k.standing.text(lang),
        },
    ]
}

/// A composite KPI's part: its metric and weight, value, target, score.
fn part_row(p: &PartResult, lang: Lang) -> Vec<Cell> {
    let unit = p.figure.unit();
    let empty = || Cell::words("");
    vec![
        empty(),
        Cell::words(format!(
            "↳ {} ({})",
            metric_name(p.figure.metric, lang),
            t!("report.html.weight", weight = p.weight).text(lang)
        )),
        Cell::number(show(unit, p.figure.value, lang), p.figure.value),
        empty(),
        empty(),
        Cell::number(show(unit, p.target, lang), p.target),
        Cell::number(
            p.score
                .map_or_else(|| MISSING.into(), |v| format!("{v:.0}/100")),
            p.score,
        ),
        empty(),
    ]
}

/// A metric's name from the dictionary in `lang`; its id when it has none.
pub(super) fn metric_name(metric: Option<Metric>, lang: Lang) -> String {
    metric.map_or_else(
        || "?".into(),
        |m| {
            let d = m.definition();
            match lang {
                Lang::Ar => d.name_ar,
                Lang::En => d.name_en,
            }
            .to_string()
        },
    )
}

/// A KPI's value (or target, baseline) with the unit its measure names
/// (`41,250 SAR`); as [`show`] for the dictionary's metrics.
fn show_kpi(k: &KpiResult, value: Option<f64>, lang: Lang) -> String {
    let shown = show(k.unit, value, lang);
    match (&k.unit_name, value) {
        (Some(unit), Some(_)) => format!("{shown} {}", unit.in_lang(lang)),
        _ => shown,
    }
}

/// What a KPI's value covers, in words: the platforms it covers, those it
/// leaves out (no export gives it for them), and its note.
fn coverage(k: &KpiResult, lang: Lang) -> Msg {
    let mut parts = Vec::new();
    let per_platform = k.figure.metric.is_none_or(Metric::is_per_platform);
    if k.from == "exports" && per_platform {
        parts.push(t!(
            "report.covers",
            platforms = if k.covers.is_empty() {
                crate::text::i18n::Arg::from(MISSING)
            } else {
                crate::plan::model::platforms::names(&k.covers).into()
            }
        ));
    } else if !k.by_platform.is_empty() {
        let shown: Vec<String> = k
            .by_platform
            .iter()
            .map(|p| format!("{} {}", p.platform, show(k.unit, Some(p.value), Lang::En)))
            .collect();
        parts.push(t!("report.by-platform", parts = shown.join(" · ")));
    }
    if !k.figure.lacks.is_empty() {
        parts.push(t!(
            "report.leaves-out",
            platforms = crate::plan::model::platforms::names(&k.figure.lacks)
        ));
    }
    if let Some(over) = &k.measured_over {
        let period = in_era_of(over, lang);
        parts.push(if over.contains("-Q") {
            t!("report.measured-over.quarter", period = period)
        } else {
            t!("report.measured-over.month", period = period)
        });
    }
    parts.extend(k.figure.note.clone());
    t!("report.coverage", parts = Listed(parts))
}

/// Each KPI by month against its target.
pub(super) struct Trend;

impl Section for Trend {
    fn id(&self) -> &'static str {
        "trend"
    }

    fn document(&self, r: &Report, lang: Lang) -> Option<doc::Section> {
        if r.trend.is_empty() {
            return None;
        }
        let charts = r
            .kpis
            .iter()
            .map(|k| Chart::Line(line(r, k, lang)))
            .collect();
        Some(titled(
            self.id(),
            &t!("report.html.trend"),
            lang,
            vec![Block::Charts(charts)],
        ))
    }

    fn data(&self, _: &Report) -> Data {
        Data::InReport(Vec::new())
    }
}

/// A KPI's line: its value by month, its target.
fn line(r: &Report, k: &KpiResult, lang: Lang) -> Line {
    Line {
        caption: k.name.in_lang(lang).to_string(),
        points: r
            .trend
            .iter()
            .filter(|(kpi, _, _)| *kpi == k.kpi)
            .map(|(_, month, value)| Point {
                label: in_era_of(month, lang).into_owned(),
                value: *value,
                shown: show_kpi(k, *value, lang),
            })
            .collect(),
        // Isolated, so that Arabic words beside it do not carry its `%` or
        // unit to the other side («%المستهدف 4.00»).
        target: k.target.map(|value| Level {
            value,
            shown: show_kpi(k, Some(value), lang),
            label: t!(
                "report.html.target",
                value = format!("\u{2068}{}\u{2069}", show(k.unit, Some(value), lang))
            )
            .text(lang),
        }),
        also: k.baseline.into_iter().collect(),
        empty: t!("report.html.no-data").text(lang),
        name_column: t!("report.col.kpi").text(lang),
        target_column: t!("report.col.target").text(lang),
    }
}

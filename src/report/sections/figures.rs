//! The platforms' figures: the planned mix against the focus shares, each
//! platform's flows (and where they come from), the totals, and the
//! interactions by kind.

use super::scorecard::metric_name;
use super::{Data, Record, Section, columns, titled, words};
use crate::document::chart::{BarRow, Bars};
use crate::document::number::{MISSING, show};
use crate::document::{self as doc, Bi, Block, Cell, Chart, Table};
use crate::report::Report;
use crate::report::data::RowSource;
use crate::report::figures::Figure;
use crate::t;
use crate::text::i18n::{Lang, Listed, Msg};

/// A figure as a cell; a figure not known, with why.
fn cell(f: &Figure, lang: Lang) -> Cell {
    match f.value {
        Some(_) => Cell::number(show(f.unit(), f.value, lang), f.value),
        None => Cell::Missing {
            why: f.note.as_ref().map(|n| n.text(lang)),
        },
    }
}

/// A figure as a spreadsheet row of `section`, on `platform` (none: all).
fn record(section: &str, platform: &str, f: &Figure) -> Record {
    Record {
        section: section.into(),
        platform: platform.into(),
        metric: f.id().into(),
        value: f.value,
        note: f.note.as_ref().map_or(String::new(), |n| n.text(Lang::En)),
        // A total's scope is every platform; what it covers is the rest.
        covers: if f.lacks.iter().any(|l| l == platform) {
            String::new()
        } else {
            platform.into()
        },
        lacks: f.lacks.join(" "),
        ..Record::default()
    }
}

/// Each platform's planned share of the placements beside its focus.
pub(super) struct Mix;

impl Section for Mix {
    fn id(&self) -> &'static str {
        "mix"
    }

    fn document(&self, r: &Report, lang: Lang) -> Option<doc::Section> {
        let share = |s: Option<f64>| s.map_or_else(|| MISSING.into(), |s| format!("{s:.0}%"));
        let bars = Bars {
            caption: t!("report.html.mix").text(lang),
            name_column: t!("report.col.platform").text(lang),
            keys: [
                t!("report.html.planned-share").text(lang),
                t!("report.html.focus-share").text(lang),
            ],
            rows: r
                .platforms
                .iter()
                .map(|p| BarRow {
                    name: p.platform.clone(),
                    values: [p.planned_share.unwrap_or(0.0), p.focus],
                    shown: [share(p.planned_share), share(Some(p.focus))],
                    label: format!("{} / {}", share(p.planned_share), share(Some(p.focus))),
                })
                .collect(),
            full: Some(100.0),
            name_room: 90.0,
            tabled: false,
        };
        Some(titled(
            self.id(),
            &t!("report.html.mix"),
            lang,
            vec![Block::Charts(vec![Chart::Bars(bars)])],
        ))
    }

    fn data(&self, _: &Report) -> Data {
        Data::InReport(Vec::new())
    }
}

/// Each platform's focus, planned share, posts and flows.
pub(super) struct Platforms;

impl Section for Platforms {
    fn id(&self) -> &'static str {
        "platforms"
    }

    fn document(&self, r: &Report, lang: Lang) -> Option<doc::Section> {
        let rows = r
            .platforms
            .iter()
            .map(|p| {
                let mut row = vec![
                    Cell::code(&p.platform),
                    Cell::number(format!("{}%", p.focus), Some(p.focus)),
                    Cell::number(
                        p.planned_share
                            .map_or_else(|| MISSING.into(), |s| format!("{s:.0}%")),
                        p.planned_share,
                    ),
                    #[allow(clippy::cast_precision_loss)]
                    Cell::number(p.posts.to_string(), Some(p.posts as f64)),
                ];
                row.extend(p.figures.iter().map(|f| cell(f, lang)));
                row
            })
            .collect();
        let table = Table {
            columns: columns(&platform_columns(), lang),
            rows,
        };
        Some(titled(
            self.id(),
            &t!("report.platforms"),
            lang,
            vec![Block::Table(table), Block::Para(words(&sources(r), lang))],
        ))
    }

    fn data(&self, r: &Report) -> Data {
        Data::InReport(
            r.platforms
                .iter()
                .flat_map(|p| p.figures.iter().map(|f| record("platform", &p.platform, f)))
                .collect(),
        )
    }
}

/// The columns of the platforms table: the platform, its focus, its share
/// of the planned placements, its posts, then the platform metrics.
pub(crate) fn platform_columns() -> Vec<Msg> {
    vec![
        t!("report.col.platform"),
        t!("report.col.focus"),
        t!("report.col.planned"),
        t!("report.col.posts"),
        t!("report.col.impressions"),
        t!("report.col.reach"),
        t!("report.col.engagements"),
        t!("report.col.engagement-per-impression"),
        t!("report.col.engagement-per-reach"),
        t!("report.col.net-follows"),
        t!("report.col.followers"),
    ]
}

/// Where each platform row's figures come from, as one line; and each
/// figure counted without some of its days or posts.
fn sources(r: &Report) -> Msg {
    // Platforms with nothing exported have no source to name.
    let rows = r
        .platforms
        .iter()
        .filter(|p| p.posts > 0 || p.source == RowSource::AccountDays)
        .map(|p| {
            let source = match p.source {
                RowSource::AccountDays => t!("report.source.account-days"),
                RowSource::Posts if p.by_hand > 0 && p.by_hand == p.posts => {
                    t!("report.source.by-hand", n = p.by_hand)
                }
                RowSource::Posts if p.by_hand > 0 => {
                    t!("report.source.posts-some-by-hand", n = p.by_hand)
                }
                RowSource::Posts => t!("report.source.posts"),
            };
            t!(
                "report.source",
                platform = crate::plan::model::platforms::name_of(&p.platform),
                source = source
            )
        })
        .collect();
    let sources = t!("report.sources", rows = Listed(rows));
    let gaps = gaps(r);
    if gaps.is_empty() {
        sources
    } else {
        t!(
            "report.sources-and-gaps",
            sources = sources,
            gaps = Listed(gaps)
        )
    }
}

/// One line per gap in the platforms' figures, naming every figure it touches.
fn gaps(r: &Report) -> Vec<Msg> {
    let mut grouped: Vec<(&Msg, Vec<&str>)> = Vec::new();
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
    grouped
        .into_iter()
        .map(|(gap, metrics)| {
            t!(
                "report.figure-without",
                metric = metrics.join(", "),
                gap = gap.clone()
            )
        })
        .collect()
}

/// The figures over all platforms, and the work's own.
pub(super) struct Totals;

impl Section for Totals {
    fn id(&self) -> &'static str {
        "totals"
    }

    fn document(&self, r: &Report, lang: Lang) -> Option<doc::Section> {
        let rows = r
            .totals
            .iter()
            .map(|f| {
                vec![
                    Cell::words(metric_name(f.metric, lang)),
                    cell(f, lang),
                    Cell::Text(Bi::mixed(
                        f.note.as_ref().map_or(String::new(), |n| n.text(lang)),
                        lang,
                    )),
                ]
            })
            .collect();
        let table = Table {
            columns: columns(
                &[
                    t!("report.col.metric"),
                    t!("report.col.value"),
                    t!("report.col.note"),
                ],
                lang,
            ),
            rows,
        };
        Some(titled(
            self.id(),
            &t!("report.totals"),
            lang,
            vec![Block::Table(table)],
        ))
    }

    fn data(&self, r: &Report) -> Data {
        Data::InReport(r.totals.iter().map(|f| record("total", "", f)).collect())
    }
}

/// Likes, replies, reposts, saves and link clicks: each platform's, then all.
pub(super) struct Interactions;

impl Section for Interactions {
    fn id(&self) -> &'static str {
        "interactions"
    }

    fn document(&self, r: &Report, lang: Lang) -> Option<doc::Section> {
        let all = t!("report.all-platforms").text(lang);
        let rows = r
            .platforms
            .iter()
            .map(|p| (Cell::code(&p.platform), &p.interactions))
            .chain([(Cell::words(all), &r.interactions)])
            .map(|(name, figures)| {
                let mut row = vec![name];
                row.extend(figures.iter().map(|f| cell(f, lang)));
                row
            })
            .collect();
        let table = Table {
            columns: columns(
                &[
                    t!("report.col.platform"),
                    t!("report.col.likes"),
                    t!("report.col.replies"),
                    t!("report.col.reposts"),
                    t!("report.col.saves"),
                    t!("report.col.link-clicks"),
                ],
                lang,
            ),
            rows,
        };
        Some(titled(
            self.id(),
            &t!("report.interactions"),
            lang,
            vec![Block::Table(table)],
        ))
    }

    fn data(&self, r: &Report) -> Data {
        Data::InReport({
            let per_platform = r.platforms.iter().flat_map(|p| {
                p.interactions
                    .iter()
                    .map(|f| record("interactions", &p.platform, f))
            });
            per_platform
                .chain(r.interactions.iter().map(|f| record("interactions", "", f)))
                .collect()
        })
    }
}

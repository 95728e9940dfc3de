//! The few plain sentences a report opens with, made from its figures: what
//! was published against the plan, which KPIs are behind and by how much,
//! what moved most, and the largest problems in the data. Each sentence is
//! data (a [`Sentence`]) backed by a figure shown below it; it is worded in
//! the reader's language only when shown.

use super::{KpiResult, Report, Standing};
use crate::document::number::{show, show_change};
use crate::exports::Decision;
use crate::plan::metrics::{Metric, Unit};
use crate::plan::model::Text;
use crate::t;
use crate::text::dates::in_era_of;
use crate::text::i18n::{Lang, Msg};

/// How many KPIs behind are named before the rest are counted.
const BEHIND_NAMED: usize = 3;

/// One sentence of the summary.
#[derive(Debug, Clone, PartialEq)]
pub enum Sentence {
    /// Items published against those planned, and planned ones the exports do not show.
    Published {
        published: f64,
        planned: f64,
        not_found: usize,
    },
    /// Items the calendar says were published on platforms no export
    /// shows: how many, and the platforms.
    Unverifiable {
        items: usize,
        platforms: Vec<String>,
    },
    /// How many KPIs are on track, of those with a value.
    Standing { on_track: usize, measured: usize },
    /// A KPI behind: how far along it is, and how far it should be.
    Behind {
        kpi: Text,
        progress: f64,
        expected: f64,
        /// Whether its target is below its baseline (a reply time): then a
        /// value worse than the baseline is above it.
        lower_is_better: bool,
    },
    /// More KPIs behind than are named.
    MoreBehind { n: usize },
    /// The KPI that moved most since the previous period, up or down.
    Moved {
        kpi: Text,
        unit: Unit,
        from: f64,
        to: f64,
        previous: String,
    },
    /// No KPI has a value in the period compared with (its exports or
    /// records are missing), though some have one now.
    NothingToCompare { previous: String },
    /// In the year in review: a KPI's change since its baseline, as a share of it.
    SinceBaseline {
        kpi: Text,
        unit: Unit,
        baseline: f64,
        at: Option<String>,
        value: f64,
        share: f64,
    },
    /// The team's tasks due in the period and how they stand.
    Team {
        due: usize,
        on_time: usize,
        late: usize,
        undated: usize,
        overdue: usize,
    },
    /// Ad spend against the period's budget, and the part no campaign
    /// directs at a goal.
    Money {
        spent: String,
        budget: Option<String>,
        undirected: String,
        share: Option<f64>,
        /// The ad platforms (or files) whose exports could not be read.
        lacks: Vec<String>,
    },
    /// Ad exports were there, and none could be read: the spend is unknown.
    MoneyUnread { lacks: Vec<String> },
    /// The charity's rank by followers among its peers on each platform
    /// where it has one: (platform kind, rank, rows ranked).
    Peers { ranks: Vec<(String, usize, usize)> },
    /// KPIs without a value.
    Missing { kpis: Vec<Text> },
    /// Exported posts that no planned item accounts for.
    Unplanned { n: usize },
    /// Problems in the exports: files and rows not used.
    Problems {
        files: usize,
        rows: usize,
        other: usize,
    },
}

impl Sentence {
    /// The sentence in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        self.of_kpis(lang)
            .or_else(|| self.of_work(lang))
            .map_or_else(String::new, |said| said.text(lang))
    }

    /// A sentence about the KPIs; `None` for the others.
    fn of_kpis(&self, lang: Lang) -> Option<Msg> {
        let name = |text: &Text| text.in_lang(lang).to_string();
        Some(match self {
            Sentence::Standing { on_track, measured } => {
                t!("summary.standing", on_track = on_track, n = measured)
            }
            Sentence::Behind {
                kpi,
                progress,
                expected,
                lower_is_better,
            } if *progress < 0.0 => t!(
                "summary.past-baseline",
                kpi = name(kpi),
                side = if *lower_is_better {
                    t!("summary.past-baseline.above")
                } else {
                    t!("summary.past-baseline.below")
                },
                expected = percent(*expected)
            ),
            Sentence::Behind {
                kpi,
                progress,
                expected,
                ..
            } => t!(
                "summary.behind",
                kpi = name(kpi),
                progress = percent(*progress),
                expected = percent(*expected)
            ),
            Sentence::MoreBehind { n } => t!("summary.more-behind", n = n),
            Sentence::Moved {
                kpi,
                unit,
                from,
                to,
                previous,
            } => moved(&name(kpi), *unit, (*from, *to), previous, lang),
            Sentence::NothingToCompare { previous } => t!(
                "summary.nothing-to-compare",
                previous = in_era_of(previous, lang)
            ),
            Sentence::SinceBaseline {
                kpi,
                unit,
                baseline,
                at,
                value,
                share,
            } => {
                let shown = |v: f64| show(*unit, Some(v), lang);
                since_baseline(
                    &name(kpi),
                    (shown(*baseline), at.as_deref()),
                    shown(*value),
                    *share,
                )
            }
            Sentence::Missing { kpis } => t!(
                "summary.missing",
                kpis = listed(kpis.iter().map(name), lang),
                n = kpis.len()
            ),
            Sentence::Published { .. }
            | Sentence::Unverifiable { .. }
            | Sentence::Team { .. }
            | Sentence::Money { .. }
            | Sentence::MoneyUnread { .. }
            | Sentence::Peers { .. }
            | Sentence::Unplanned { .. }
            | Sentence::Problems { .. } => return None,
        })
    }

    /// A sentence about the work (publishing, the team, money, peers,
    /// data); `None` for the others.
    fn of_work(&self, lang: Lang) -> Option<Msg> {
        Some(match self {
            Sentence::Published {
                published,
                planned,
                not_found,
            } if *not_found == 0 => t!(
                "summary.published-all",
                published = published,
                planned = planned,
                share = percent(published / planned)
            ),
            Sentence::Published {
                published,
                planned,
                not_found,
            } => t!(
                "summary.published",
                published = published,
                planned = planned,
                share = percent(published / planned),
                n = not_found
            ),
            Sentence::Unverifiable { items, platforms } => t!(
                "summary.unverifiable",
                n = *items,
                platforms = crate::plan::model::platforms::names(platforms)
            ),
            Sentence::Team {
                due,
                on_time,
                late,
                undated,
                overdue,
            } => t!(
                "summary.team",
                due = due,
                on_time = on_time,
                late = late,
                undated = undated,
                overdue = overdue
            ),
            Sentence::Money {
                spent,
                budget,
                undirected,
                share,
                lacks,
            } => money(spent, budget.as_deref(), (undirected, *share), lacks),
            Sentence::MoneyUnread { lacks } => {
                t!(
                    "summary.money-unread",
                    platforms = crate::plan::model::platforms::names(lacks)
                )
            }
            Sentence::Peers { ranks } => ranked(ranks, lang),
            Sentence::Unplanned { n } => t!("summary.unplanned", n = n),
            Sentence::Problems { files, rows, other } => t!(
                "summary.problems",
                files = files,
                rows = rows,
                other = other
            ),
            Sentence::Standing { .. }
            | Sentence::Behind { .. }
            | Sentence::MoreBehind { .. }
            | Sentence::Moved { .. }
            | Sentence::NothingToCompare { .. }
            | Sentence::SinceBaseline { .. }
            | Sentence::Missing { .. } => return None,
        })
    }
}

/// The charity's rank by followers on each platform.
fn ranked(ranks: &[(String, usize, usize)], lang: Lang) -> Msg {
    let each = ranks.iter().map(|(platform, rank, of)| {
        t!(
            "summary.peers.rank",
            platform = crate::plan::model::platforms::name_of(platform),
            rank = rank,
            n = of
        )
        .text(lang)
    });
    t!("summary.peers", ranks = listed(each, lang))
}

/// A share as a whole percent: `79%`.
fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// Names in a row, as the language separates them.
fn listed(names: impl Iterator<Item = String>, lang: Lang) -> String {
    names
        .collect::<Vec<_>>()
        .join(if lang == Lang::Ar { "، " } else { ", " })
}

/// A KPI that rose or fell since the period compared with.
fn moved(kpi: &str, unit: Unit, (from, to): (f64, f64), previous: &str, lang: Lang) -> Msg {
    let (from_shown, to_shown) = (show(unit, Some(from), lang), show(unit, Some(to), lang));
    let change = show_change(unit, Some(to - from), lang);
    let previous = in_era_of(previous, lang);
    if to > from {
        t!(
            "summary.rose",
            kpi = kpi,
            from = from_shown,
            to = to_shown,
            change = change,
            previous = previous
        )
    } else {
        t!(
            "summary.fell",
            kpi = kpi,
            from = from_shown,
            to = to_shown,
            change = change,
            previous = previous
        )
    }
}

/// A KPI's change since its baseline (shown, and its day), as a share of it.
fn since_baseline(
    kpi: &str,
    (baseline, at): (String, Option<&str>),
    value: String,
    share: f64,
) -> Msg {
    let at = at.unwrap_or("—").to_string();
    let shown = format!("{:.0}%", share.abs() * 100.0);
    if share >= 0.0 {
        t!(
            "summary.up-since-baseline",
            kpi = kpi,
            share = shown,
            baseline = baseline,
            at = at,
            value = value
        )
    } else {
        t!(
            "summary.down-since-baseline",
            kpi = kpi,
            share = shown,
            baseline = baseline,
            at = at,
            value = value
        )
    }
}

/// Ad spend against the budget, the part directed at no goal, and the
/// ad exports that could not be read.
fn money(
    spent: &str,
    budget: Option<&str>,
    (undirected, share): (&str, Option<f64>),
    lacks: &[String],
) -> Msg {
    let said = match (budget, share) {
        (Some(budget), Some(share)) if share > 0.0 => t!(
            "summary.money-undirected",
            spent = spent,
            budget = budget,
            undirected = undirected,
            share = percent(share)
        ),
        (Some(budget), _) => t!("summary.money", spent = spent, budget = budget),
        (None, _) => t!("summary.money-no-budget", spent = spent),
    };
    if lacks.is_empty() {
        said
    } else {
        t!(
            "summary.money-lacks",
            said = said,
            platforms = crate::plan::model::platforms::names(lacks)
        )
    }
}

/// In English, as JSON carries it.
impl serde::Serialize for Sentence {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text(Lang::En))
    }
}

/// The summary of a report made from its figures.
pub fn of(report: &Report) -> Vec<Sentence> {
    let mut out = Vec::new();
    out.extend(published(report));
    out.extend(kpis(report));
    out.extend(money_spent(report));
    out.extend(peers(report));
    out.extend(team(report));
    if !report.unplanned_posts.is_empty() {
        out.push(Sentence::Unplanned {
            n: report.unplanned_posts.len(),
        });
    }
    out.extend(problems(report));
    out
}

/// Items published against the plan, and those no export can show.
fn published(report: &Report) -> Vec<Sentence> {
    let mut out = Vec::new();
    let ratio = report
        .totals
        .iter()
        .find(|f| f.metric == Some(Metric::MaterialsPublishedVsPlanned));
    if let Some((Some(published), Some(planned))) = ratio.map(|f| (f.numerator, f.denominator))
        && planned > 0.0
    {
        out.push(Sentence::Published {
            published,
            planned,
            not_found: report.missing_items.len(),
        });
    }
    if !report.unverifiable_items.is_empty() {
        let mut platforms: Vec<String> = report
            .unverifiable_items
            .iter()
            .map(|m| m.platform.clone())
            .collect();
        platforms.sort();
        platforms.dedup();
        out.push(Sentence::Unverifiable {
            items: report.unverifiable_items.len(),
            platforms,
        });
    }
    out
}

/// How the KPIs stand, which are furthest behind, what moved most, what
/// the year did since the baselines, and which have no value.
fn kpis(report: &Report) -> Vec<Sentence> {
    let mut out = Vec::new();
    let measured: Vec<&KpiResult> = report
        .kpis
        .iter()
        .filter(|k| k.standing != Standing::MissingData)
        .collect();
    if !measured.is_empty() {
        out.push(Sentence::Standing {
            on_track: measured
                .iter()
                .filter(|k| k.standing == Standing::OnTrack)
                .count(),
            measured: measured.len(),
        });
    }
    out.extend(behind(&measured));
    out.extend(moved_most(report));
    let compared = report.kpis.iter().any(|k| k.previous.is_some());
    let valued = report.kpis.iter().any(|k| k.figure.value.is_some());
    if valued && !compared {
        out.push(Sentence::NothingToCompare {
            previous: report.previous_period.clone(),
        });
    }
    // The year in review states each KPI's change since its baseline, as
    // the seed states its results ("followers up 200 %").
    if matches!(report.kind, "year" | "hijri_year") {
        out.extend(report.kpis.iter().filter_map(|k| {
            Some(Sentence::SinceBaseline {
                kpi: k.name.clone(),
                unit: k.unit,
                baseline: k.baseline?,
                at: k.baseline_at.clone(),
                value: k.figure.value?,
                share: k.since_baseline?,
            })
        }));
    }
    let missing: Vec<Text> = report
        .kpis
        .iter()
        .filter(|k| k.figure.value.is_none())
        .map(|k| k.name.clone())
        .collect();
    if !missing.is_empty() {
        out.push(Sentence::Missing { kpis: missing });
    }
    out
}

/// The KPIs furthest behind what is due by now, first; the rest counted.
fn behind(measured: &[&KpiResult]) -> Vec<Sentence> {
    let mut behind: Vec<(&KpiResult, f64, f64)> = measured
        .iter()
        .filter(|k| k.standing == Standing::Behind)
        .filter_map(|k| Some((*k, k.progress?, k.expected?)))
        .collect();
    behind.sort_by(|a, b| (b.2 - b.1).total_cmp(&(a.2 - a.1)));
    let mut out: Vec<Sentence> = behind
        .iter()
        .take(BEHIND_NAMED)
        .map(|(k, progress, expected)| Sentence::Behind {
            kpi: k.name.clone(),
            progress: *progress,
            expected: *expected,
            lower_is_better: k.target.zip(k.baseline).is_some_and(|(t, b)| t < b),
        })
        .collect();
    if behind.len() > BEHIND_NAMED {
        out.push(Sentence::MoreBehind {
            n: behind.len() - BEHIND_NAMED,
        });
    }
    out
}

/// The largest change relative to where it stood (a KPI that was zero
/// moves by its value).
fn moved_most(report: &Report) -> Option<Sentence> {
    let (k, from, to, _) = report
        .kpis
        .iter()
        .filter_map(|k| {
            let (from, to) = (k.previous?, k.figure.value?);
            ((to - from).abs() > f64::EPSILON)
                .then(|| (k, from, to, (to - from).abs() / from.abs().max(1.0)))
        })
        .max_by(|a, b| a.3.total_cmp(&b.3))?;
    Some(Sentence::Moved {
        kpi: k.name.clone(),
        unit: k.unit,
        from,
        to,
        previous: report.previous_period.clone(),
    })
}

/// Ad spend against the budget, or that it could not be read.
fn money_spent(report: &Report) -> Option<Sentence> {
    let m = report.money.as_ref()?;
    let amount = |v: f64| crate::document::number::amount(v, &m.currency, Lang::En);
    match m.period.spent {
        Some(spent) if m.rows > 0 => Some(Sentence::Money {
            spent: amount(spent),
            budget: m.period.budget.map(amount),
            undirected: amount(m.undirected.iter().map(|u| u.spent).sum()),
            share: m.undirected_share,
            lacks: m.lacks.clone(),
        }),
        None => Some(Sentence::MoneyUnread {
            lacks: m.lacks.clone(),
        }),
        Some(_) => None,
    }
}

/// The charity's rank by followers among its peers, platform by platform.
fn peers(report: &Report) -> Option<Sentence> {
    let ranks: Vec<(String, usize, usize)> = report
        .peers
        .as_ref()?
        .platforms
        .iter()
        .filter_map(|p| {
            let rank = p.rows.iter().find(|r| r.peer.is_none())?.rank_followers?;
            let of = p.rows.iter().filter(|r| r.rank_followers.is_some()).count();
            Some((p.platform.to_string(), rank, of))
        })
        .collect();
    (!ranks.is_empty()).then_some(Sentence::Peers { ranks })
}

/// The team's tasks due in the period, summed over its people.
fn team(report: &Report) -> Option<Sentence> {
    let people = &report.team.people;
    if people.is_empty() {
        return None;
    }
    let sum = |f: fn(&super::team::PersonTasks) -> usize| people.iter().map(f).sum();
    Some(Sentence::Team {
        due: sum(|p| p.due),
        on_time: sum(|p| p.on_time),
        late: sum(|p| p.late),
        undated: sum(|p| p.undated),
        overdue: sum(|p| p.overdue),
    })
}

/// Files and rows of the exports not used, and other problems.
fn problems(report: &Report) -> Option<Sentence> {
    if report.problems.is_empty() {
        return None;
    }
    let count = |decision: Decision| {
        report
            .problems
            .iter()
            .filter(|p| p.decision == decision)
            .count()
    };
    let (files, rows) = (count(Decision::FileSkipped), count(Decision::RowSkipped));
    Some(Sentence::Problems {
        files,
        rows,
        other: report.problems.len() - files - rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::figures::Figure;

    fn kpi(
        name: &str,
        standing: Standing,
        progress: Option<f64>,
        values: (Option<f64>, Option<f64>),
    ) -> KpiResult {
        let (previous, value) = values;
        KpiResult {
            goal: "g".into(),
            goal_name: Text::default(),
            kpi: name.into(),
            name: Text {
                ar: None,
                en: Some(name.into()),
            },
            metric: "impressions".into(),
            unit: Unit::Count,
            platforms: Vec::new(),
            covers: Vec::new(),
            figure: Figure {
                metric: None,
                value,
                numerator: None,
                denominator: None,
                note: None,
                lacks: Vec::new(),
                without: Vec::new(),
            },
            previous,
            change: None,
            baseline: Some(0.0),
            baseline_at: None,
            since_baseline: None,
            target: Some(100.0),
            progress,
            expected: progress.map(|_| 0.5),
            standing,
            parts: Vec::new(),
            from: "exports",
            by_platform: Vec::new(),
            unit_name: None,
            measured_over: None,
        }
    }

    fn report(kpis: Vec<KpiResult>) -> Report {
        Report {
            organisation: String::new(),
            period: "2026-11".into(),
            from: String::new(),
            to: String::new(),
            hijri: String::new(),
            previous_period: "2026-10".into(),
            compared_with: crate::report::Compare::Previous,
            kind: "month",
            kpis,
            platforms: Vec::new(),
            totals: Vec::new(),
            interactions: Vec::new(),
            top_posts: Vec::new(),
            unplanned_posts: Vec::new(),
            missing_items: Vec::new(),
            platforms_without_exports: Vec::new(),
            unverifiable_items: Vec::new(),
            attribution: Vec::new(),
            joined_by_link: 0,
            joined_by_text: 0,
            joined_by_time: 0,
            files: Vec::new(),
            problems: Vec::new(),
            trend: Vec::new(),
            team: crate::report::team::TeamReview::default(),
            money: None,
            peers: None,
            occasions: Vec::new(),
            summary: Vec::new(),
        }
    }

    fn texts(report: &Report) -> Vec<String> {
        of(report).iter().map(|s| s.text(Lang::En)).collect()
    }

    #[test]
    fn the_kpis_furthest_behind_are_named_first_and_the_rest_counted() {
        let r = report(vec![
            kpi("a", Standing::Behind, Some(0.40), (None, Some(40.0))),
            kpi("b", Standing::Behind, Some(0.10), (None, Some(10.0))),
            kpi("c", Standing::OnTrack, Some(0.90), (Some(90.0), Some(90.0))),
            kpi("d", Standing::Behind, Some(-0.2), (None, Some(-20.0))),
            kpi("e", Standing::Behind, Some(0.45), (None, Some(45.0))),
            kpi("f", Standing::MissingData, None, (None, None)),
        ]);
        assert_eq!(
            texts(&r),
            [
                "1 of the 5 KPIs with a value are on track.",
                "d is below its baseline, where 50% of the way to its target is due by now.",
                "b is behind: 10% of the way to its target, where 50% is due by now.",
                "a is behind: 40% of the way to its target, where 50% is due by now.",
                "1 more KPI is behind (see the scorecard).",
                "f has no value in this period (the reason is under the scorecard).",
            ]
        );
    }

    #[test]
    fn a_kpi_worse_than_its_baseline_is_said_in_its_direction() {
        // A reply time: baseline 240 min, target 60, now 300 (worse, above).
        let mut reply = kpi("reply", Standing::Behind, Some(-0.33), (None, Some(300.0)));
        reply.baseline = Some(240.0);
        reply.target = Some(60.0);
        let r = report(vec![reply]);
        assert!(
            texts(&r)
                .iter()
                .any(|t| t.starts_with("reply is worse than (above, where lower is better) its")),
            "{:?}",
            texts(&r)
        );
    }

    #[test]
    fn the_kpi_that_moved_most_for_its_size_is_said() {
        let r = report(vec![
            kpi(
                "big",
                Standing::OnTrack,
                Some(0.9),
                (Some(10_000.0), Some(11_000.0)),
            ),
            kpi(
                "small",
                Standing::OnTrack,
                Some(0.9),
                (Some(10.0), Some(5.0)),
            ),
            kpi(
                "still",
                Standing::OnTrack,
                Some(0.9),
                (Some(7.0), Some(7.0)),
            ),
        ]);
        let said = texts(&r);
        assert_eq!(said[1], "small fell from 10 to 5 (−5) since 2026-10.");
        assert_eq!(said.len(), 2);
    }

    #[test]
    fn a_comparison_without_values_is_said_not_left_blank() {
        let r = report(vec![kpi(
            "a",
            Standing::OnTrack,
            Some(0.6),
            (None, Some(60.0)),
        )]);
        assert_eq!(
            texts(&r)[1],
            "No KPI has a value for 2026-10 to compare with: the exports and records hold none for it."
        );
        let mut r = report(vec![kpi("a", Standing::MissingData, None, (None, None))]);
        assert!(!texts(&r).iter().any(|t| t.contains("compare")));
        r.kpis[0].previous = Some(3.0);
        r.kpis[0].figure.value = Some(3.0);
        assert!(!texts(&r).iter().any(|t| t.contains("compare")));
    }

    #[test]
    fn the_year_in_review_says_each_change_since_the_baseline() {
        let mut up = kpi(
            "followers",
            Standing::OnTrack,
            Some(0.9),
            (Some(3000.0), Some(3000.0)),
        );
        up.baseline = Some(1000.0);
        up.baseline_at = Some("2025-06-01".into());
        up.since_baseline = crate::report::since_baseline(Some(3000.0), Some(1000.0));
        let mut down = kpi(
            "reply",
            Standing::OnTrack,
            Some(0.9),
            (Some(40.0), Some(40.0)),
        );
        down.baseline = Some(160.0);
        down.since_baseline = crate::report::since_baseline(Some(40.0), Some(160.0));
        let mut r = report(vec![up, down]);
        r.kind = "hijri_year";
        let said = texts(&r);
        assert_eq!(
            said[1..],
            [
                "followers is up 200% since its baseline (1,000 on 2025-06-01), at 3,000.",
                "reply is down 75% since its baseline (160 on —), at 40.",
            ]
        );
        let arabic: Vec<String> = of(&r).iter().map(|s| s.text(Lang::Ar)).collect();
        assert_eq!(
            arabic[1],
            "ارتفع مؤشر followers بنسبة 200% منذ خط الأساس (1,000 في 2025-06-01) فبلغ 3,000."
        );
        // A month's report leaves the baseline to the scorecard.
        r.kind = "month";
        assert_eq!(texts(&r).len(), 1);
    }

    #[test]
    fn problems_are_counted_by_what_they_cost() {
        let problem = |decision| crate::exports::Problem {
            rule: &crate::plan::rules::catalog::EXPORT_BAD_DATE,
            path: "x.csv".into(),
            line: None,
            column: None,
            field: None,
            message: t!("export.no-date"),
            decision,
        };
        let mut r = report(Vec::new());
        r.problems = vec![
            problem(Decision::FileSkipped),
            problem(Decision::RowSkipped),
            problem(Decision::RowSkipped),
            problem(Decision::ValueMissing),
        ];
        assert_eq!(
            texts(&r),
            [
                "The data had problems, listed at the end: files not used 1, rows not used 2, other 1."
            ]
        );
    }
}

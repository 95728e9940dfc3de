//! `report`: the balanced scorecard of a period, measured from platform
//! exports. For each goal, each KPI's value against its baseline and
//! target; per-platform totals; top posts; and the reconciliation of
//! exported posts with the calendar.

mod build;
pub mod data;
pub mod figures;
pub mod format;
pub mod gather;
pub mod insights;
pub mod measures;
pub mod money;
pub mod occasions;
pub mod peers;
pub mod proposals;
pub mod reconcile;
pub mod sections;
pub mod summary;
pub mod team;
pub mod working_time;

use crate::exports::Problem;
use crate::plan::metrics::{Metric, Unit};
use crate::plan::model::Plan;
use crate::plan::model::goals::Kpi;
use crate::text::dates::{HijriMonth, Month};
pub use build::build;
pub use data::Compare;
use data::{FollowerTotals, Inputs, Period, PeriodKind};
use figures::Figure;
use serde::Serialize;
use std::sync::Arc;

/// Where a KPI stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    OnTrack,
    Behind,
    MissingData,
}

impl Standing {
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::OnTrack => "on track",
            Standing::Behind => "behind",
            Standing::MissingData => "missing data",
        }
    }

    /// The standing in the reader's language.
    pub fn text(self, lang: crate::text::i18n::Lang) -> String {
        match self {
            Standing::OnTrack => crate::t!("standing.on-track"),
            Standing::Behind => crate::t!("standing.behind"),
            Standing::MissingData => crate::t!("standing.missing-data"),
        }
        .text(lang)
    }
}

/// One part of a composite KPI.
#[derive(Debug, Clone, Serialize)]
pub struct PartResult {
    pub figure: Figure,
    pub weight: f64,
    pub target: Option<f64>,
    /// The part's score, 0–100 (value against target, capped).
    pub score: Option<f64>,
}

/// One KPI measured.
#[derive(Debug, Clone, Serialize)]
pub struct KpiResult {
    pub goal: String,
    pub goal_name: crate::plan::model::Text,
    pub kpi: String,
    pub name: crate::plan::model::Text,
    /// The metric as the plan names it.
    pub metric: String,
    /// How its values are shown (a count when the dictionary lacks it).
    #[serde(skip)]
    pub unit: Unit,
    /// The platforms the KPI is measured on.
    pub platforms: Vec<String>,
    /// Those of them its value covers; those it leaves out (no export gives
    /// it for them) are its figure's `lacks`.
    pub covers: Vec<String>,
    pub figure: Figure,
    /// The value in the period compared with.
    pub previous: Option<f64>,
    pub change: Option<f64>,
    pub baseline: Option<f64>,
    /// The day of the baseline.
    pub baseline_at: Option<String>,
    /// The change from the baseline as a share of it (`2.0`: up 200 %).
    pub since_baseline: Option<f64>,
    pub target: Option<f64>,
    /// Share of the way from baseline to target (1 = reached).
    pub progress: Option<f64>,
    /// Share of the way the calendar says it should be by now.
    pub expected: Option<f64>,
    pub standing: Standing,
    pub parts: Vec<PartResult>,
    /// Where its value comes from: `exports`, or the charity's own records
    /// (`manual`, `csv`), named in the figure's note.
    pub from: &'static str,
    /// For the charity's own measures: each platform's part of the value.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub by_platform: Vec<measures::PlatformPart>,
    /// The measure's unit (`SAR`, `volunteers`), when it names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_name: Option<crate::plan::model::Text>,
    /// The month (or quarter) a KPI counted per month (or quarter) is
    /// measured over in a longer report: its last one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measured_over: Option<String>,
}

/// A platform's totals in the period.
#[derive(Debug, Clone, Serialize)]
pub struct PlatformResult {
    pub platform: String,
    pub kind: String,
    pub focus: f64,
    /// This platform's share of the period's planned placements, in percent.
    pub planned_share: Option<f64>,
    pub posts: usize,
    /// Where its flows come from: the account's daily export or its posts.
    pub source: data::RowSource,
    /// Of its posts in the period, those whose figures were read by hand
    /// (the calendar's `figures:`), not exported.
    pub by_hand: usize,
    pub figures: Vec<Figure>,
    /// Likes, replies, reposts, saves and link clicks, each where the exports give it.
    pub interactions: Vec<Figure>,
}

/// A post in a list, with the plan item it was joined to. Kept small: a
/// month of 100,000 posts lists most of them as unplanned.
#[derive(Debug, Clone)]
pub struct PostRef {
    /// Shared by the posts of a platform.
    pub platform: Arc<str>,
    /// Shared with the post read, as is its link.
    pub id: Arc<str>,
    pub url: Option<Arc<str>>,
    pub date: Option<chrono::NaiveDate>,
    /// The plan item it was joined to.
    pub planned: Option<Box<PlannedRef>>,
    pub impressions: Option<i64>,
    pub engagements: Option<i64>,
    /// The export row, written `file:line`.
    pub source: SourceRef,
}

/// The plan item a post was joined to.
#[derive(Debug, Clone)]
pub struct PlannedRef {
    pub item: String,
    pub title: String,
    pub goal: Option<String>,
    pub audience: Option<String>,
}

/// An export row: its file (shared by the file's rows) and line.
#[derive(Debug, Clone)]
pub struct SourceRef {
    pub file: Arc<str>,
    pub line: u64,
}

impl std::fmt::Display for SourceRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

impl Serialize for PostRef {
    /// The fields as the report's JSON has them (docs/report.md).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let planned = self.planned.as_deref();
        let mut out = serializer.serialize_struct("PostRef", 11)?;
        out.serialize_field("platform", &*self.platform)?;
        out.serialize_field("id", &*self.id)?;
        out.serialize_field("url", &self.url.as_deref())?;
        out.serialize_field("date", &self.date.map(|d| d.to_string()))?;
        out.serialize_field("item", &planned.map(|p| &p.item))?;
        out.serialize_field("title", &planned.map(|p| &p.title))?;
        out.serialize_field("goal", &planned.and_then(|p| p.goal.as_ref()))?;
        out.serialize_field("audience", &planned.and_then(|p| p.audience.as_ref()))?;
        out.serialize_field("impressions", &self.impressions)?;
        out.serialize_field("engagements", &self.engagements)?;
        out.serialize_field("source", &self.source.to_string())?;
        out.end()
    }
}

/// A planned placement that no exported post matches.
#[derive(Debug, Clone, Serialize)]
pub struct MissingItem {
    pub item: String,
    pub title: String,
    pub platform: String,
    pub publish: String,
    pub status: String,
    pub goal: Option<String>,
}

/// Sums attributed to one goal, platform or audience.
#[derive(Debug, Clone, Serialize)]
pub struct Attribution {
    pub by: &'static str,
    pub key: String,
    pub posts: usize,
    /// Summed over the joined posts that carry it; `None` (never 0) when none does.
    pub impressions: Option<i64>,
    pub engagements: Option<i64>,
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub organisation: String,
    pub period: String,
    pub from: String,
    pub to: String,
    /// The same days in the Hijri calendar (Umm al-Qura): `1448-05-21 AH – 1448-06-20 AH`.
    pub hijri: String,
    /// The period compared with, and how it was chosen.
    pub previous_period: String,
    pub compared_with: Compare,
    /// `month`, `quarter`, `year`, `hijri_month`, `hijri_year` or `range`.
    pub kind: &'static str,
    pub kpis: Vec<KpiResult>,
    pub platforms: Vec<PlatformResult>,
    pub totals: Vec<Figure>,
    /// Likes, replies, reposts, saves and link clicks over all platforms.
    pub interactions: Vec<Figure>,
    pub top_posts: Vec<PostRef>,
    pub unplanned_posts: Vec<PostRef>,
    pub missing_items: Vec<MissingItem>,
    /// Platforms with planned items but no post-level export in the period.
    pub platforms_without_exports: Vec<String>,
    /// Items the calendar says were published on a platform no export (nor
    /// figures by hand) shows in the period: not verifiable, so named.
    pub unverifiable_items: Vec<MissingItem>,
    pub attribution: Vec<Attribution>,
    pub joined_by_link: usize,
    pub joined_by_text: usize,
    pub joined_by_time: usize,
    pub files: Vec<String>,
    pub problems: Vec<Problem>,
    /// Monthly KPI values for the trend charts: (KPI id, month, value).
    pub trend: Vec<(String, String, Option<f64>)>,
    /// The team's tasks due in the period and how they stand.
    pub team: team::TeamReview,
    /// Ad spend against the budget, when the plan has one.
    pub money: Option<money::Money>,
    /// The charity beside its peers, when their figures are recorded.
    pub peers: Option<peers::Peers>,
    /// The occasions of the period the plan marks or plans for, and how
    /// their items did.
    pub occasions: Vec<occasions::OccasionResult>,
    /// The sentences the report opens with, made from the figures above.
    pub summary: Vec<summary::Sentence>,
}

/// The metrics shown for every platform and for all platforms together.
pub(crate) const PLATFORM_METRICS: [Metric; 7] = [
    Metric::Impressions,
    Metric::Reach,
    Metric::Engagements,
    Metric::EngagementRateImpressions,
    Metric::EngagementRateReach,
    Metric::FollowersNet,
    Metric::FollowersTotal,
];

/// The kinds of interaction, shown per platform and in total.
pub(crate) const INTERACTION_METRICS: [Metric; 5] = [
    Metric::Likes,
    Metric::Replies,
    Metric::Reposts,
    Metric::Saves,
    Metric::LinkClicks,
];

/// The metrics of the work itself (publishing and answering), shown for
/// all platforms together.
pub(crate) const WORK_METRICS: [Metric; 6] = [
    Metric::MaterialsPublished,
    Metric::MaterialsPublishedVsPlanned,
    Metric::OnTimeRate,
    Metric::FirstReplyMedianMinutes,
    Metric::FirstReplyP90Minutes,
    Metric::RepliesWithinPromiseShare,
];

fn kpi_platforms(plan: &Plan, kpi: &Kpi) -> Vec<String> {
    if kpi.platforms.is_empty() {
        plan.platforms
            .iter()
            .flat_map(|p| &p.data.platforms)
            .map(|p| p.id.value.clone())
            .collect()
    } else {
        kpi.platforms.iter().map(|p| p.value.clone()).collect()
    }
}

/// The days a KPI is measured over in a report of `period` measured at
/// `as_of`. A KPI counted per month (`period: month`) in a quarter's or a
/// year's report is its last month (Gregorian, or Hijri in a Hijri year)
/// that is over by `as_of`, else the one running; a KPI counted per quarter
/// in a year's report, its last quarter so chosen. Otherwise, the period.
pub(crate) fn kpi_period(kpi: &Kpi, period: &Period, as_of: chrono::NaiveDate) -> Period {
    use crate::plan::model::goals::KpiPeriod;
    let per = kpi.period.as_ref().and_then(|p| p.get()).copied();
    // The day whose month (or quarter) is measured: the period's last day
    // when it is over, else the last day before the running month began.
    let day_in = |first_of: &dyn Fn(chrono::NaiveDate) -> Option<chrono::NaiveDate>| {
        if as_of >= period.to {
            return period.to;
        }
        first_of(as_of)
            .map(|first| first - chrono::TimeDelta::days(1))
            .filter(|day| *day >= period.from)
            .unwrap_or(as_of)
    };
    let gregorian_month = |d| Some(Month::of(d).first_day());
    let hijri_month = |d| HijriMonth::of(d).and_then(|m| m.first_day().ok());
    let quarter_of = |month: Month| (month.month - 1) / 3 + 1;
    let chosen = match (per, period.kind) {
        (Some(KpiPeriod::Month), PeriodKind::Quarter | PeriodKind::Year) => {
            Some(Period::month(Month::of(day_in(&gregorian_month))))
        }
        (Some(KpiPeriod::Month), PeriodKind::HijriYear(_)) => {
            HijriMonth::of(day_in(&hijri_month)).and_then(|m| Period::hijri_month(m).ok())
        }
        (Some(KpiPeriod::Quarter), PeriodKind::Year) => {
            let first_of_quarter = |d| {
                let month = Month::of(d);
                Some(
                    Month {
                        year: month.year,
                        month: (quarter_of(month) - 1) * 3 + 1,
                    }
                    .first_day(),
                )
            };
            let month = Month::of(day_in(&first_of_quarter));
            Some(Period::quarter(month.year, quarter_of(month)))
        }
        _ => None,
    };
    chosen.unwrap_or_else(|| period.clone())
}

/// A KPI's value, with the parts of a composite KPI (the weighted index of
/// them) or the platforms' parts of one of the charity's own measures.
fn kpi_value(
    inputs: &Inputs,
    kpi: &Kpi,
    period: &Period,
) -> (Figure, Vec<PartResult>, Vec<measures::PlatformPart>) {
    if let Some(measure) = inputs.plan.measure(&kpi.metric.value) {
        let platforms: Vec<String> = kpi.platforms.iter().map(|p| p.value.clone()).collect();
        let measured = measures::measure(inputs.plan, inputs.own, measure, &platforms, period);
        return (measured.figure, Vec::new(), measured.by_platform);
    }
    let (figure, parts) = dictionary_value(inputs, kpi, period);
    (figure, parts, Vec::new())
}

/// A KPI's value from the metric dictionary.
fn dictionary_value(inputs: &Inputs, kpi: &Kpi, period: &Period) -> (Figure, Vec<PartResult>) {
    let platforms = kpi_platforms(inputs.plan, kpi);
    let (data, ..) = inputs.period_data(period, &platforms);
    let figure = |id: &str| match Metric::from_id(id) {
        Some(metric) => figures::compute(metric, &data),
        None => Figure::missing(None, crate::t!("note.unknown-metric", metric = id)),
    };
    if Metric::from_id(&kpi.metric.value) != Some(Metric::InfluenceStrength) {
        return (figure(&kpi.metric.value), Vec::new());
    }
    let parts: Vec<PartResult> = kpi
        .parts
        .iter()
        .map(|part| {
            let figure = figure(&part.metric.value);
            let score = match (figure.value, part.target) {
                (Some(v), Some(t)) if t > 0.0 => Some((v / t * 100.0).clamp(0.0, 100.0)),
                _ => None,
            };
            PartResult {
                figure,
                weight: part.weight.value,
                target: part.target,
                score,
            }
        })
        .collect();
    let missing: Vec<&str> = kpi
        .parts
        .iter()
        .zip(&parts)
        .filter(|(_, p)| p.score.is_none())
        .map(|(part, _)| part.metric.value.as_str())
        .collect();
    // The index leaves out what any of its parts leaves out.
    let mut lacks: Vec<String> = Vec::new();
    for lacking in parts.iter().flat_map(|p| &p.figure.lacks) {
        if !lacks.contains(lacking) {
            lacks.push(lacking.clone());
        }
    }
    // And it is counted without what any of its parts is counted without.
    let without: Vec<crate::text::i18n::Msg> = parts
        .iter()
        .flat_map(|p| p.figure.without.iter().cloned())
        .collect();
    let figure = if missing.is_empty() && !parts.is_empty() {
        let index: f64 = parts
            .iter()
            .map(|p| p.weight * p.score.unwrap_or(0.0))
            .sum();
        Figure {
            metric: Some(Metric::InfluenceStrength),
            value: Some(index),
            numerator: None,
            denominator: None,
            note: without
                .iter()
                .cloned()
                .reduce(|a, b| figures::and_note(Some(a), b)),
            lacks,
            without,
        }
    } else {
        Figure {
            metric: Some(Metric::InfluenceStrength),
            value: None,
            numerator: None,
            denominator: None,
            note: Some(crate::t!("note.parts-missing", parts = missing.join(", "))),
            lacks,
            without,
        }
    };
    (figure, parts)
}

/// Progress from baseline to target, and where the calendar says it should be.
pub(crate) fn standing(
    kpi: &Kpi,
    value: Option<f64>,
    at: chrono::NaiveDate,
) -> (Option<f64>, Option<f64>, Standing) {
    let (Some(baseline), Some(target)) = (kpi.baseline.as_ref(), kpi.target.as_ref()) else {
        return (None, None, Standing::MissingData);
    };
    let Some(value) = value else {
        return (None, None, Standing::MissingData);
    };
    // (value − baseline) ÷ (target − baseline) also reads right for KPIs that
    // should go down: both differences are then negative.
    let span = target.value() - baseline.value();
    let progress = if span == 0.0 {
        1.0
    } else {
        (value - baseline.value()) / span
    };
    let expected = match (baseline.at.get(), target.by.get()) {
        (Some(from), Some(by)) if by > from => {
            ((at - *from).num_days() as f64 / (*by - *from).num_days() as f64).clamp(0.0, 1.0)
        }
        _ => 1.0,
    };
    // Within five points of the expected share counts as on track.
    let standing = if progress + 0.05 >= expected {
        Standing::OnTrack
    } else {
        Standing::Behind
    };
    (Some(progress), Some(expected), standing)
}

/// How many months the trend charts show, ending with the report's month.
pub const TREND_MONTHS: u32 = 6;

/// The periods of the trend: up to [`TREND_MONTHS`] months ending with a
/// monthly report (Gregorian or Hijri, not before the plan starts), the
/// twelve months of a yearly one, else the previous period and this one.
pub fn trend_periods(plan: &Plan, period: &Period) -> Vec<Period> {
    let start = plan
        .settings
        .as_ref()
        .and_then(|s| s.data.period())
        .map(|(s, _)| s);
    match period.kind {
        PeriodKind::Year => (1..=12)
            .map(|month| {
                Period::month(Month {
                    year: chrono::Datelike::year(&period.from),
                    month,
                })
            })
            .collect(),
        PeriodKind::HijriYear(year) => {
            let months: Option<Vec<Period>> = (1..=12)
                .map(|month| Period::hijri_month(HijriMonth { year, month }).ok())
                .collect();
            months.unwrap_or_else(|| vec![period.previous(), period.clone()])
        }
        PeriodKind::HijriMonth(month) => {
            let mut months = vec![period.clone()];
            let mut first = month;
            while months.len() < TREND_MONTHS as usize {
                first = first.previous();
                match Period::hijri_month(first) {
                    Ok(before) if start.is_none_or(|s| before.to >= s) => months.insert(0, before),
                    _ => break,
                }
            }
            months
        }
        _ if chrono::Datelike::day(&period.from) == 1
            && Month::of(period.from) == Month::of(period.to)
            && period.to == Month::of(period.to).last_day() =>
        {
            let start = start.map(Month::of);
            let mut months = vec![Month::of(period.from)];
            while months.len() < TREND_MONTHS as usize {
                let before = months[0].previous();
                if start.is_some_and(|s| before < s) {
                    break;
                }
                months.insert(0, before);
            }
            months.into_iter().map(Period::month).collect()
        }
        _ => vec![period.previous(), period.clone()],
    }
}

/// Whether a KPI's metric is a level at the period's end (followers, a
/// measure kept as its last value) rather than a count made in the period.
fn is_level(plan: &Plan, metric: &str) -> bool {
    use crate::plan::model::measures::OverTime;
    metric == Metric::FollowersTotal.id()
        || plan
            .measure(metric)
            .and_then(|m| m.over_time.as_ref())
            .and_then(|o| o.get())
            == Some(&OverTime::Last)
}

/// A total's value, by its metric.
fn figure_of(totals: &[Figure], metric: Metric) -> Option<f64> {
    totals
        .iter()
        .find(|f| f.metric == Some(metric))
        .and_then(|f| f.value)
}

/// What a report is asked for.
#[derive(Debug, Clone)]
pub struct Request {
    pub period: Period,
    /// What its figures are compared with.
    pub compare: Compare,
    /// The day it is made: a period still running is measured up to it.
    pub today: chrono::NaiveDate,
}

impl Request {
    /// The period compared with.
    pub fn compared(&self) -> Period {
        self.period.compared(self.compare)
    }

    /// The moment tasks are judged at: the end of the period, or the start
    /// of today while the period runs.
    pub fn now(&self) -> chrono::NaiveDateTime {
        let day = if self.today > self.period.to {
            self.period.to + chrono::TimeDelta::days(1)
        } else {
            self.today
        };
        day.and_time(chrono::NaiveTime::MIN)
    }

    /// The day a KPI's standing is measured at: the period's end, or today
    /// while the period runs.
    pub fn as_of(&self) -> chrono::NaiveDate {
        self.period.to.min(self.today.max(self.period.from))
    }
}

/// The change from the baseline as a share of it (`2.0` for up 200 %), when
/// there is a value and a baseline other than zero.
pub fn since_baseline(value: Option<f64>, baseline: Option<f64>) -> Option<f64> {
    let (value, baseline) = (value?, baseline?);
    (baseline != 0.0).then(|| (value - baseline) / baseline.abs())
}

/// What the charity records itself, beside the platforms' exports.
#[derive(Debug, Clone, Copy)]
pub struct Records<'a> {
    /// Follower totals written by hand (`followers.yaml`).
    pub followers: &'a FollowerTotals,
    /// Its own measures' files and monthly records.
    pub own: &'a crate::exports::measures::OwnRecords,
    /// When tasks were done, from the plan's git history.
    pub history: &'a team::History,
    /// Ad spend from the ad exports.
    pub ads: Option<&'a crate::exports::ads::AdSpend>,
    /// The peers' figures, by hand and from monitoring exports.
    pub peers: Option<&'a crate::exports::peers::PeerFigures>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::model::goals::Kpi;
    use chrono::NaiveDate;

    #[test]
    fn change_since_the_baseline_is_a_share_of_it() {
        assert_eq!(since_baseline(Some(3000.0), Some(1000.0)), Some(2.0));
        assert_eq!(since_baseline(Some(40.0), Some(160.0)), Some(-0.75));
        // A negative baseline: still the change over its size.
        assert_eq!(since_baseline(Some(-5.0), Some(-10.0)), Some(0.5));
        assert_eq!(since_baseline(Some(5.0), Some(0.0)), None);
        assert_eq!(since_baseline(None, Some(10.0)), None);
        assert_eq!(since_baseline(Some(10.0), None), None);
    }

    fn kpi(per: &str) -> Kpi {
        serde_saphyr::from_str(&format!(
            "id: k\nname: K\nmetric: materials_published\nperiod: {per}\n\
             baseline: {{value: 9, at: 2026-01-01}}\ntarget: {{value: 16, by: 2026-12-31}}\n"
        ))
        .unwrap()
    }

    #[test]
    fn a_kpi_counted_per_month_is_measured_over_the_last_whole_month() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let month = |year, month| Period::month(Month { year, month });
        let year = Period::year(2026);
        // The year over: its last month. Running: the last month over by then.
        assert_eq!(
            kpi_period(&kpi("month"), &year, day(2027, 1, 5)),
            month(2026, 12)
        );
        assert_eq!(
            kpi_period(&kpi("month"), &year, day(2026, 12, 1)),
            month(2026, 11)
        );
        assert_eq!(
            kpi_period(&kpi("month"), &year, day(2026, 11, 30)),
            month(2026, 10)
        );
        // In its first month, that month so far.
        assert_eq!(
            kpi_period(&kpi("month"), &year, day(2026, 1, 20)),
            month(2026, 1)
        );
        let q4 = Period::quarter(2026, 4);
        assert_eq!(
            kpi_period(&kpi("month"), &q4, day(2027, 2, 1)),
            month(2026, 12)
        );
        assert_eq!(
            kpi_period(&kpi("quarter"), &year, day(2026, 12, 1)),
            Period::quarter(2026, 3)
        );
        assert_eq!(
            kpi_period(&kpi("quarter"), &year, day(2027, 1, 1)),
            Period::quarter(2026, 4)
        );
        // A Hijri year: Hijri months (1448-05 AH ended on 10 November 2026).
        let hijri = Period::hijri_year(1448).unwrap();
        assert_eq!(
            kpi_period(&kpi("month"), &hijri, day(2026, 12, 1)).label,
            "1448-05 AH"
        );
        // Counted per year or plan, or in a month's report: the period itself.
        assert_eq!(kpi_period(&kpi("year"), &year, day(2026, 12, 1)), year);
        assert_eq!(
            kpi_period(&kpi("month"), &month(2026, 11), day(2026, 12, 1)),
            month(2026, 11)
        );
    }

    #[test]
    fn a_period_still_running_is_measured_up_to_today() {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        let request = |today| Request {
            period: Period::year(2026),
            compare: Compare::Previous,
            today,
        };
        assert_eq!(request(day(7, 1)).as_of(), day(7, 1));
        assert_eq!(
            request(NaiveDate::from_ymd_opt(2027, 3, 1).unwrap()).as_of(),
            day(12, 31)
        );
        // A period in the future is measured at its first day.
        assert_eq!(
            request(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()).as_of(),
            day(1, 1)
        );
        assert_eq!(request(day(7, 1)).compared(), Period::year(2025));
    }
}

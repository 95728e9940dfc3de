//! The metric dictionary's formulas, applied to one set of platforms over
//! one period. Each figure carries its numerator and denominator, and a
//! figure no export can give is missing with the reason, never zero.

use super::data::{PeriodData, PlatformData, RowSource};
use crate::exports::formats::Field;
use crate::exports::{Counts, Pair, PostTotals, Sum, impressions_of};
use crate::plan::metrics::{Metric, Unit};
use crate::plan::model::platforms::PlatformKind;
use crate::t;
use crate::text::i18n::Msg;
use serde::Serialize;

/// One computed metric.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// The metric; `None` for a KPI whose metric the dictionary lacks.
    pub metric: Option<Metric>,
    pub value: Option<f64>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    /// Why the value is missing, or which platforms it leaves out.
    pub note: Option<Msg>,
    /// The platforms (ids) of its scope that no export gives it for: the
    /// value, if any, leaves them out.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lacks: Vec<String>,
    /// The days or posts its value was counted without, each with why
    /// (also in `note`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub without: Vec<Msg>,
}

impl Figure {
    /// The same figure, saying it leaves these platforms out.
    fn lacking(mut self, platforms: &[&str]) -> Figure {
        self.lacks = platforms.iter().map(|p| (*p).to_string()).collect();
        self
    }

    /// The metric's id, or `?` when the dictionary lacks it.
    pub fn id(&self) -> &'static str {
        self.metric.map_or("?", Metric::id)
    }

    /// How the value is shown.
    pub fn unit(&self) -> Unit {
        self.metric.map_or(Unit::Count, Metric::unit)
    }

    pub(crate) fn missing(metric: Option<Metric>, why: Msg) -> Figure {
        Figure {
            metric,
            value: None,
            numerator: None,
            denominator: None,
            note: Some(why),
            lacks: Vec::new(),
            without: Vec::new(),
        }
    }

    fn value(metric: Metric, value: f64, note: Option<Msg>) -> Figure {
        Figure {
            metric: Some(metric),
            value: Some(value),
            numerator: None,
            denominator: None,
            note,
            lacks: Vec::new(),
            without: Vec::new(),
        }
    }

    fn ratio(
        metric: Metric,
        numerator: f64,
        denominator: f64,
        scale: f64,
        note: Option<Msg>,
    ) -> Figure {
        if denominator == 0.0 {
            return Figure {
                metric: Some(metric),
                value: None,
                numerator: Some(numerator),
                denominator: Some(denominator),
                note: Some(t!("note.zero-denominator")),
                lacks: Vec::new(),
                without: Vec::new(),
            };
        }
        Figure {
            metric: Some(metric),
            value: Some(numerator / denominator * scale),
            numerator: Some(numerator),
            denominator: Some(denominator),
            note,
            lacks: Vec::new(),
            without: Vec::new(),
        }
    }
}

fn sum(values: impl Iterator<Item = Option<i64>>) -> Option<i64> {
    values.fold(None, |acc, v| match (acc, v) {
        (acc, None) => acc,
        (None, Some(v)) => Some(v),
        (Some(a), Some(v)) => Some(a + v),
    })
}

/// Which total a flow takes from posts, and which count from account days.
type PostSum = fn(&PostTotals) -> Sum;
type DayCount = fn(PlatformKind, &Counts) -> Option<i64>;

/// A flow's value for one platform, and what it was counted without.
struct Flow<'m> {
    value: Option<i64>,
    without: Option<Without<'m>>,
}

/// What a platform's flow was counted without: days of its account
/// export (with why, when a cell could not be read), or some of its posts.
enum Without<'m> {
    Days(Vec<(chrono::NaiveDate, Option<&'m Msg>)>),
    Posts { lacking: i64, of: i64, why: &'m Msg },
}

/// A flow (impressions, engagements...) for one platform: from account days
/// when they give it, else from the posts published in the period (or the
/// other way round); with the days or posts it had to do without.
fn flow<'d>(
    platform: &'d PlatformData,
    (posts, days): (PostSum, DayCount),
    fields: &[Field],
) -> Flow<'d> {
    match platform.source {
        RowSource::AccountDays => {
            let values: Vec<_> = platform
                .days
                .iter()
                .map(|d| (d.date, days(platform.kind, &d.counts)))
                .collect();
            let value = sum(values.iter().map(|(_, v)| *v));
            let gaps: Vec<_> = values
                .iter()
                .filter(|(_, v)| v.is_none())
                .map(|(date, _)| (*date, platform.unread_on(Some(*date), fields)))
                .collect();
            let without = (value.is_some() && !gaps.is_empty()).then_some(Without::Days(gaps));
            Flow { value, without }
        }
        RowSource::Posts => {
            let sum = posts(&platform.totals);
            let of = platform.totals.posts;
            let lacking = of - sum.posts;
            // A post without a count its format has no column for (a
            // picture's video views) is no gap; one with a cell that could
            // not be read is.
            let why = platform.unread_on(None, fields);
            let without = why
                .filter(|_| sum.posts > 0 && lacking > 0)
                .map(|why| Without::Posts { lacking, of, why });
            Flow {
                value: sum.value(),
                without,
            }
        }
    }
}

impl Without<'_> {
    /// "without 2026-11-25 on x: …", "without 1 of 5 posts on x".
    fn note(&self, platform: &str) -> Msg {
        match self {
            Without::Days(days) => {
                let listed: Vec<String> = days.iter().map(|(d, _)| d.to_string()).collect();
                let why = days.iter().find_map(|(_, why)| *why);
                match why {
                    Some(why) => t!(
                        "note.without-days-because",
                        platform = crate::plan::model::platforms::name_of(platform),
                        days = listed.join(", "),
                        why = why.clone()
                    ),
                    None => t!(
                        "note.without-days",
                        platform = crate::plan::model::platforms::name_of(platform),
                        days = listed.join(", ")
                    ),
                }
            }
            Without::Posts { lacking, of, why } => t!(
                "note.without-posts",
                platform = crate::plan::model::platforms::name_of(platform),
                n = *lacking,
                of = *of,
                why = (*why).clone()
            ),
        }
    }
}

/// Impressions that are views on some platforms (YouTube without an
/// impressions column, TikTok which reports views only) say so: a
/// column a figure needs is never replaced by another metric in silence.
fn views_said(mut figure: Figure, data: &PeriodData) -> Figure {
    for platform in &data.platforms {
        let (n, of) = match platform.source {
            RowSource::Posts => (platform.totals.views_as_impressions, platform.totals.posts),
            RowSource::AccountDays => {
                let as_views = |d: &&&crate::exports::Day| {
                    d.counts.impressions.is_none()
                        && impressions_of(platform.kind, &d.counts).is_some()
                };
                let n = platform.days.iter().filter(as_views).count();
                let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
                (count(n), count(platform.days.len()))
            }
        };
        if n > 0 {
            let said = t!(
                "note.views-as-impressions",
                platform = crate::plan::model::platforms::name_of(platform.id.as_str()),
                n = n,
                of = of
            );
            figure.note = Some(and_note(figure.note.take(), said));
        }
    }
    figure
}

/// `first; second`: two notes on one figure.
pub(crate) fn and_note(first: Option<Msg>, second: Msg) -> Msg {
    match first {
        Some(first) => t!("note.and", first = first, second = second),
        None => second,
    }
}

/// Sums a flow over platforms; platforms without it are named in the note,
/// and so are the days or posts a platform's part was counted without.
fn flow_figure(
    metric: Metric,
    data: &PeriodData,
    (posts, days): (PostSum, DayCount),
    fields: &[Field],
) -> Figure {
    let mut total = None;
    let mut without = Vec::new();
    let mut gaps = Vec::new();
    for platform in &data.platforms {
        let part = flow(platform, (posts, days), fields);
        match part.value {
            Some(v) => total = Some(total.unwrap_or(0) + v),
            None => without.push(platform.id.as_str()),
        }
        gaps.extend(part.without.map(|w| w.note(&platform.id)));
        // A file of the platform's that could not be read at all.
        if !platform.refused.is_empty() {
            gaps.push(t!(
                "note.without-files",
                platform = crate::plan::model::platforms::name_of(platform.id.as_str()),
                files = platform.refused.join(", ")
            ));
        }
    }
    let mut figure = match total {
        None => Figure::missing(Some(metric), t!("note.no-export")),
        Some(v) => Figure::value(
            metric,
            v as f64,
            (!without.is_empty()).then(|| {
                t!(
                    "note.not-exported-for",
                    platforms = crate::plan::model::platforms::names(&without)
                )
            }),
        ),
    }
    .lacking(&without);
    for gap in &gaps {
        figure.note = Some(and_note(figure.note.take(), gap.clone()));
    }
    figure.without = gaps;
    figure
}

/// A rate over the posts that carry both parts.
fn post_ratio(
    metric: Metric,
    data: &PeriodData,
    pair: fn(&PostTotals) -> Pair,
    scale: f64,
) -> Figure {
    let (mut n, mut d, mut posts) = (0i64, 0i64, 0i64);
    let mut without = Vec::new();
    for platform in &data.platforms {
        let p = pair(&platform.totals);
        n += p.numerator;
        d += p.denominator;
        posts += p.posts;
        if p.posts == 0 {
            without.push(platform.id.as_str());
        }
    }
    if posts == 0 {
        return Figure::missing(Some(metric), t!("note.no-post-with-both")).lacking(&without);
    }
    Figure::ratio(
        metric,
        n as f64,
        d as f64,
        scale,
        Some(t!("note.over-posts", n = posts)),
    )
    .lacking(&without)
}

/// The median of sorted minutes: the middle one, or the mean of the two
/// middle ones.
pub fn median(sorted: &[i64]) -> Option<f64> {
    let mid = sorted.len() / 2;
    match sorted.len() {
        0 => None,
        n if n.is_multiple_of(2) => Some((sorted[mid - 1] + sorted[mid]) as f64 / 2.0),
        _ => Some(sorted[mid] as f64),
    }
}

/// The `percent`th percentile of sorted minutes by nearest rank: the
/// smallest value with at least `percent` % of the values at or below it.
pub(crate) fn percentile(sorted: &[i64], percent: usize) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (percent * sorted.len())
        .div_ceil(100)
        .clamp(1, sorted.len());
    Some(sorted[rank - 1] as f64)
}

/// Computes one metric of the dictionary. The composite is computed from
/// its parts by the report; asked here, it is missing with that reason.
pub fn compute(metric: Metric, data: &PeriodData) -> Figure {
    let missing = |why: Msg| Figure::missing(Some(metric), why);
    let flow = |posts: PostSum, days: DayCount, fields: &[Field]| {
        flow_figure(metric, data, (posts, days), fields)
    };
    let post_ratio =
        |pair: fn(&PostTotals) -> Pair, scale: f64| post_ratio(metric, data, pair, scale);
    match metric {
        Metric::Impressions => views_said(
            flow(
                |t| t.impressions,
                impressions_of,
                &[Field::Impressions, Field::VideoViews],
            ),
            data,
        ),
        Metric::Reach => flow(|t| t.reach, |_, c| c.reach, &[Field::Reach]),
        Metric::Engagements => flow(
            |t| t.engagements,
            |_, c| c.engagements,
            &[Field::Engagements],
        ),
        Metric::Likes => flow(|t| t.likes, |_, c| c.likes, &[Field::Likes]),
        Metric::Replies => flow(|t| t.replies, |_, c| c.replies, &[Field::Replies]),
        Metric::Reposts => flow(|t| t.reposts, |_, c| c.reposts, &[Field::Reposts]),
        Metric::Saves => flow(|t| t.saves, |_, c| c.saves, &[Field::Saves]),
        Metric::VideoViews => flow(
            |t| t.video_views,
            |_, c| c.video_views,
            &[Field::VideoViews],
        ),
        Metric::LinkClicks => flow(|t| t.link_clicks, |_, c| c.clicks, &[Field::Clicks]),
        Metric::FollowersNet => followers_net(data),
        Metric::FollowersTotal => followers_total(data),
        Metric::EngagementRateImpressions => post_ratio(|t| t.engagements_per_impression, 1.0),
        Metric::EngagementRateReach => post_ratio(|t| t.engagements_per_reach, 1.0),
        Metric::AmplificationPer1000Reach => post_ratio(|t| t.reposts_per_reach, 1000.0),
        Metric::ConversationPer1000Reach => post_ratio(|t| t.replies_per_reach, 1000.0),
        Metric::MaterialsPublished
        | Metric::MaterialsPublishedVsPlanned
        | Metric::OnTimeRate
        | Metric::FirstReplyMedianMinutes
        | Metric::FirstReplyP90Minutes
        | Metric::RepliesWithinPromiseShare
        | Metric::MediaCoverage => work(metric, data),
        Metric::InfluenceStrength => missing(t!("note.composite")),
    }
}

/// A figure of the work itself: publishing against the calendar, replies
/// to inquiries, media coverage.
#[allow(clippy::cast_precision_loss)]
fn work(metric: Metric, data: &PeriodData) -> Figure {
    let missing = |why: Msg| Figure::missing(Some(metric), why);
    match metric {
        Metric::MaterialsPublished | Metric::MaterialsPublishedVsPlanned
            if !data.calendar_covers =>
        {
            missing(t!("note.no-calendar"))
        }
        Metric::MaterialsPublished => Figure::value(metric, data.items_published as f64, None),
        Metric::MaterialsPublishedVsPlanned => Figure::ratio(
            metric,
            data.items_published as f64,
            data.items_planned as f64,
            1.0,
            None,
        ),
        Metric::OnTimeRate if data.items_timed == 0 => missing(t!("note.no-timed-item")),
        Metric::OnTimeRate => Figure::ratio(
            metric,
            data.items_on_time as f64,
            data.items_timed as f64,
            1.0,
            None,
        ),
        Metric::FirstReplyMedianMinutes => reply_time(metric, data, median(&data.reply_minutes)),
        Metric::FirstReplyP90Minutes => {
            reply_time(metric, data, percentile(&data.reply_minutes, 90))
        }
        Metric::RepliesWithinPromiseShare => match data.promise_minutes {
            None => missing(t!("note.no-promise")),
            Some(_) if data.inquiries == 0 => missing(t!("note.no-inquiry")),
            Some(_) => Figure::ratio(
                metric,
                data.within_promise as f64,
                data.inquiries as f64,
                1.0,
                None,
            ),
        },
        Metric::MediaCoverage => match data.coverage {
            Some(entries) => Figure::value(metric, entries as f64, Some(t!("note.coverage-log"))),
            None => missing(t!("note.no-coverage-log")),
        },
        _ => missing(t!("note.composite")),
    }
}

/// A first-reply time over the inquiries answered in the period.
fn reply_time(metric: Metric, data: &PeriodData, minutes: Option<f64>) -> Figure {
    let Some(v) = minutes else {
        return Figure::missing(Some(metric), t!("note.no-answered-inquiry"));
    };
    let answered = data.reply_minutes.len();
    let mut note = if data.calendar_clock {
        t!("note.answered-inquiries-calendar", n = answered)
    } else {
        t!("note.answered-inquiries", n = answered)
    };
    // A reply made outside working hours to a question asked outside them
    // took no working minute: a median of 0 is that, not a fast reply.
    if data.replies_off_hours > 0 {
        let off = t!(
            "note.replies-off-hours",
            n = data.replies_off_hours,
            of = answered
        );
        note = and_note(Some(note), off);
    }
    Figure::value(metric, v, Some(note))
}

/// Net follower growth: from account days, else the change between totals.
fn followers_net(data: &PeriodData) -> Figure {
    let metric = Metric::FollowersNet;
    let mut total = 0;
    let mut without = Vec::new();
    for platform in &data.platforms {
        let from_days = sum(platform.days.iter().map(|d| d.counts.net_follows));
        let from_totals = match (platform.followers_end, platform.followers_before) {
            (Some(end), Some(before)) => Some(end - before),
            _ => None,
        };
        match from_days.or(from_totals) {
            Some(v) => total += v,
            None => without.push(platform.id.as_str()),
        }
    }
    if without.len() == data.platforms.len() {
        Figure::missing(Some(metric), t!("note.no-follows")).lacking(&without)
    } else {
        Figure::value(
            metric,
            total as f64,
            (!without.is_empty()).then(|| {
                t!(
                    "note.not-available-for",
                    platforms = crate::plan::model::platforms::names(&without)
                )
            }),
        )
        .lacking(&without)
    }
}

/// Followers at the end of the period, when every platform has a total.
fn followers_total(data: &PeriodData) -> Figure {
    let metric = Metric::FollowersTotal;
    let without: Vec<&str> = data
        .platforms
        .iter()
        .filter(|p| p.followers_end.is_none())
        .map(|p| p.id.as_str())
        .collect();
    if !without.is_empty() {
        return Figure::missing(
            Some(metric),
            t!(
                "note.no-follower-total",
                platforms = crate::plan::model::platforms::names(&without)
            ),
        )
        .lacking(&without);
    }
    let end = data
        .platforms
        .iter()
        .filter_map(|p| p.followers_as_of)
        .max();
    let earlier: Vec<String> = data
        .platforms
        .iter()
        .filter(|p| p.followers_as_of.is_some() && p.followers_as_of != end)
        .map(|p| {
            let month = p
                .followers_as_of
                .map_or_else(String::new, |m| m.to_string());
            format!("{} ({month})", p.id)
        })
        .collect();
    let note = match (end, earlier.is_empty()) {
        (Some(end), true) if end != data.end_month => Some(t!("note.as-of", month = end)),
        (_, false) => Some(t!(
            "note.earlier-totals",
            platforms = crate::plan::model::platforms::names(&earlier)
        )),
        _ => None,
    };
    Figure::value(
        metric,
        data.platforms
            .iter()
            .filter_map(|p| p.followers_end)
            .sum::<i64>() as f64,
        note,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_by_nearest_rank_and_a_true_median() {
        assert_eq!(median(&[10, 20, 30, 40]), Some(25.0));
        assert_eq!(median(&[10, 20, 30]), Some(20.0));
        assert_eq!(median(&[]), None);
        let hundred: Vec<i64> = (1..=100).collect();
        assert_eq!(percentile(&hundred, 90), Some(90.0));
        assert_eq!(percentile(&hundred, 91), Some(91.0));
        assert_eq!(percentile(&[1, 2, 3], 90), Some(3.0));
        assert_eq!(
            percentile(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90),
            Some(10.0)
        );
        assert_eq!(percentile(&[5], 90), Some(5.0));
        assert_eq!(percentile(&[], 90), None);
    }

    #[test]
    fn a_zero_denominator_is_missing_not_infinite() {
        let f = Figure::ratio(Metric::EngagementRateReach, 3.0, 0.0, 1.0, None);
        assert_eq!(f.value, None);
        assert_eq!(
            Figure::ratio(Metric::AmplificationPer1000Reach, 3.0, 4.0, 1000.0, None).value,
            Some(750.0)
        );
    }
}

/// Every formula of the dictionary on one set of inputs whose figures are
/// worked out by hand below.
#[cfg(test)]
mod formulas {
    use super::*;
    use crate::exports::{Day, Source};
    use crate::text::dates::Month;
    use crate::text::i18n::Lang;
    use chrono::NaiveDate;

    fn sum(total: i64, posts: i64) -> Sum {
        Sum { total, posts }
    }

    fn pair(numerator: i64, denominator: i64, posts: i64) -> Pair {
        Pair {
            numerator,
            denominator,
            posts,
        }
    }

    fn day(date: u32, counts: Counts) -> Day {
        Day {
            platform: PlatformKind::Facebook,
            date: NaiveDate::from_ymd_opt(2026, 11, date).unwrap(),
            counts,
            source: Source { file: 0, line: 2 },
        }
    }

    /// Posts on Facebook (10 of them) and two account days.
    fn data(days: &[Day]) -> PeriodData<'_> {
        let totals = PostTotals {
            posts: 10,
            impressions: sum(50_000, 10),
            reach: sum(20_000, 10),
            engagements: sum(1_000, 10),
            likes: sum(700, 10),
            replies: sum(100, 10),
            reposts: sum(200, 10),
            saves: sum(50, 5),
            video_views: sum(3_000, 4),
            follows: sum(0, 0),
            link_clicks: sum(420, 6),
            engagements_per_impression: pair(900, 45_000, 9),
            engagements_per_reach: pair(800, 16_000, 8),
            reposts_per_reach: pair(150, 15_000, 7),
            replies_per_reach: pair(60, 12_000, 6),
            views_as_impressions: 0,
        };
        PeriodData {
            platforms: vec![PlatformData {
                id: "facebook".into(),
                kind: PlatformKind::Facebook,
                source: RowSource::of(PlatformKind::Facebook, &days.iter().collect::<Vec<_>>()),
                totals,
                days: days.iter().collect(),
                followers_end: Some(12_000),
                followers_as_of: Some(Month::of(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap())),
                followers_before: Some(11_500),
                unread: Vec::new(),
                refused: Vec::new(),
            }],
            items_planned: 20,
            items_published: 15,
            items_timed: 12,
            items_on_time: 9,
            reply_minutes: vec![5, 10, 30, 60, 240],
            calendar_clock: false,
            replies_off_hours: 0,
            inquiries: 8,
            within_promise: 6,
            promise_minutes: Some(60),
            calendar_covers: true,
            end_month: Month::of(NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()),
            coverage: Some(3),
        }
    }

    fn days() -> Vec<Day> {
        vec![
            day(
                3,
                Counts {
                    impressions: Some(4_000),
                    reach: Some(1_500),
                    net_follows: Some(40),
                    ..Counts::default()
                },
            ),
            day(
                4,
                Counts {
                    impressions: Some(6_000),
                    reach: Some(2_500),
                    net_follows: Some(-10),
                    ..Counts::default()
                },
            ),
        ]
    }

    fn value(metric: Metric, data: &PeriodData) -> Option<f64> {
        compute(metric, data).value
    }

    #[test]
    fn a_flow_counted_without_a_day_says_which_and_why_on_the_figure() {
        let mut days = days();
        days[0].counts.engagements = Some(300);
        // The 4th's engagements cell could not be read.
        let why = t!("verbatim", text = "`2.2%` is not a whole number");
        let mut data = data(&days);
        let engagements = compute(Metric::Engagements, &data);
        assert_eq!(engagements.value, Some(300.0));
        let note = engagements
            .note
            .expect("a day left out is said")
            .text(Lang::En);
        assert_eq!(note, "without 2026-11-04 on Facebook: no value for it");
        data.platforms[0].unread = vec![(days[1].date, Field::Engagements, &why)];
        let note = compute(Metric::Engagements, &data)
            .note
            .unwrap()
            .text(Lang::En);
        assert_eq!(
            note,
            "without 2026-11-04 on Facebook: `2.2%` is not a whole number"
        );
        // A flow every day gives has no such note.
        assert_eq!(compute(Metric::Impressions, &data).note, None);
    }

    #[test]
    fn a_reply_time_says_its_clock_and_the_replies_that_took_no_working_minute() {
        let days = days();
        let mut data = data(&days);
        let note = |data: &PeriodData| {
            compute(Metric::FirstReplyMedianMinutes, data)
                .note
                .unwrap()
                .text(Lang::En)
        };
        assert_eq!(note(&data), "5 answered inquiries, working minutes");
        data.replies_off_hours = 2;
        assert_eq!(
            note(&data),
            "5 answered inquiries, working minutes; 2 of the 5 were asked and answered outside working hours and count 0 working minutes"
        );
        data.calendar_clock = true;
        data.replies_off_hours = 0;
        assert_eq!(note(&data), "5 answered inquiries, calendar minutes");
    }

    #[test]
    fn posts_without_a_count_are_a_gap_only_when_a_cell_could_not_be_read() {
        let days = days();
        let mut data = data(&days);
        // 5 of 10 posts give saves: a format without the column is no gap.
        assert_eq!(compute(Metric::Saves, &data).note, None);
        let why = t!("verbatim", text = "`n/a` is not a whole number");
        data.platforms[0].unread = vec![(days[0].date, Field::Likes, &why)];
        assert_eq!(
            compute(Metric::Saves, &data).note,
            None,
            "another field's cell"
        );
        data.platforms[0].unread = vec![(days[0].date, Field::Saves, &why)];
        let note = compute(Metric::Saves, &data).note.unwrap().text(Lang::En);
        assert_eq!(
            note,
            "over the posts that give it: 5 of 10 on Facebook do not (`n/a` is not a whole number)"
        );
    }

    #[test]
    fn every_metric_but_the_composite_has_a_value_on_full_inputs() {
        let days = days();
        let data = data(&days);
        for metric in Metric::all() {
            let figure = compute(metric, &data);
            assert_eq!(figure.metric, Some(metric));
            assert_eq!(
                figure.value.is_some(),
                !metric.is_composite(),
                "{metric:?}: {figure:?}"
            );
        }
    }

    #[test]
    fn a_platform_takes_all_its_flows_from_one_source() {
        // Days without engagements: every flow from the posts' totals.
        let days = days();
        let from_posts = data(&days);
        assert_eq!(from_posts.platforms[0].source, RowSource::Posts);
        assert_eq!(value(Metric::Impressions, &from_posts), Some(50_000.0));
        assert_eq!(value(Metric::Reach, &from_posts), Some(20_000.0));
        assert_eq!(value(Metric::Engagements, &from_posts), Some(1_000.0));
        assert_eq!(value(Metric::Likes, &from_posts), Some(700.0));
        assert_eq!(value(Metric::Replies, &from_posts), Some(100.0));
        assert_eq!(value(Metric::Reposts, &from_posts), Some(200.0));
        assert_eq!(value(Metric::Saves, &from_posts), Some(50.0));
        assert_eq!(value(Metric::VideoViews, &from_posts), Some(3_000.0));
        assert_eq!(value(Metric::LinkClicks, &from_posts), Some(420.0));
        // Days with impressions and engagements: every flow from the days,
        // missing (never taken from the posts) where the days lack it.
        let mut days = days;
        days[0].counts.engagements = Some(300);
        days[1].counts.engagements = Some(500);
        let from_days = data(&days);
        assert_eq!(from_days.platforms[0].source, RowSource::AccountDays);
        assert_eq!(value(Metric::Impressions, &from_days), Some(10_000.0));
        assert_eq!(value(Metric::Engagements, &from_days), Some(800.0));
        assert_eq!(value(Metric::Reach, &from_days), Some(4_000.0));
        assert_eq!(value(Metric::Likes, &from_days), None);
        assert_eq!(value(Metric::LinkClicks, &from_days), None);
        assert_eq!(
            compute(Metric::Likes, &from_days).lacks,
            vec!["facebook".to_string()]
        );
        // Link clicks from the days too, when they give them (X's classic daily activity).
        days[0].counts.clicks = Some(30);
        days[1].counts.clicks = Some(12);
        assert_eq!(value(Metric::LinkClicks, &data(&days)), Some(42.0));
    }

    #[test]
    fn followers_from_days_else_from_totals() {
        let days = days();
        assert_eq!(value(Metric::FollowersNet, &data(&days)), Some(30.0));
        assert_eq!(value(Metric::FollowersNet, &data(&[])), Some(500.0));
        assert_eq!(value(Metric::FollowersTotal, &data(&days)), Some(12_000.0));
    }

    #[test]
    fn post_rates_use_only_the_posts_that_carry_both_parts() {
        let data = data(&[]);
        let close = |metric, expected: f64| {
            let v = value(metric, &data).unwrap();
            assert!(
                (v - expected).abs() < 1e-12,
                "{metric:?}: {v} != {expected}"
            );
        };
        close(Metric::EngagementRateImpressions, 900.0 / 45_000.0);
        close(Metric::EngagementRateReach, 800.0 / 16_000.0);
        close(Metric::AmplificationPer1000Reach, 150.0 / 15_000.0 * 1000.0);
        close(Metric::ConversationPer1000Reach, 60.0 / 12_000.0 * 1000.0);
        let f = compute(Metric::EngagementRateReach, &data);
        assert_eq!((f.numerator, f.denominator), (Some(800.0), Some(16_000.0)));
    }

    #[test]
    fn the_work_itself() {
        let data = data(&[]);
        assert_eq!(value(Metric::MaterialsPublished, &data), Some(15.0));
        assert_eq!(
            value(Metric::MaterialsPublishedVsPlanned, &data),
            Some(0.75)
        );
        assert_eq!(value(Metric::OnTimeRate, &data), Some(0.75));
        assert_eq!(value(Metric::FirstReplyMedianMinutes, &data), Some(30.0));
        assert_eq!(value(Metric::FirstReplyP90Minutes, &data), Some(240.0));
        assert_eq!(value(Metric::RepliesWithinPromiseShare, &data), Some(0.75));
        assert_eq!(value(Metric::MediaCoverage, &data), Some(3.0));
    }

    #[test]
    fn a_promise_with_no_inquiry_says_so() {
        let mut data = data(&[]);
        data.inquiries = 0;
        data.within_promise = 0;
        let figure = compute(Metric::RepliesWithinPromiseShare, &data);
        assert_eq!(figure.value, None);
        assert_eq!(figure.note.map(|n| n.id), Some("note.no-inquiry"));
    }

    #[test]
    fn missing_inputs_are_missing_never_zero() {
        let mut data = data(&[]);
        data.calendar_covers = false;
        data.items_timed = 0;
        data.promise_minutes = None;
        data.reply_minutes.clear();
        data.platforms[0].totals = PostTotals::default();
        data.platforms[0].followers_end = None;
        data.platforms[0].followers_before = None;
        data.coverage = None;
        for metric in Metric::all() {
            assert_eq!(value(metric, &data), None, "{metric:?}");
        }
    }
}

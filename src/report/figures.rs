//! The metric dictionary's formulas, applied to one set of platforms over
//! one period. Each figure carries its numerator and denominator, and a
//! figure no export can give is missing with the reason, never zero.

use super::data::{PeriodData, PlatformData};
use crate::exports::{Counts, Pair, PostTotals, Sum, impressions_of};
use crate::plan::model::platforms::PlatformKind;
use crate::t;
use crate::text::i18n::Msg;
use serde::Serialize;

/// One computed metric.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub metric: &'static str,
    pub value: Option<f64>,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    /// Why the value is missing, or which platforms it leaves out.
    pub note: Option<Msg>,
}

impl Figure {
    fn missing(metric: &'static str, why: Msg) -> Figure {
        Figure {
            metric,
            value: None,
            numerator: None,
            denominator: None,
            note: Some(why),
        }
    }

    fn value(metric: &'static str, value: f64, note: Option<Msg>) -> Figure {
        Figure {
            metric,
            value: Some(value),
            numerator: None,
            denominator: None,
            note,
        }
    }

    fn ratio(
        metric: &'static str,
        numerator: f64,
        denominator: f64,
        scale: f64,
        note: Option<Msg>,
    ) -> Figure {
        if denominator == 0.0 {
            return Figure {
                metric,
                value: None,
                numerator: Some(numerator),
                denominator: Some(denominator),
                note: Some(t!("note.zero-denominator")),
            };
        }
        Figure {
            metric,
            value: Some(numerator / denominator * scale),
            numerator: Some(numerator),
            denominator: Some(denominator),
            note,
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

/// A flow (impressions, engagements...) for one platform: from account days
/// when they give it, else from the posts published in the period (or the
/// other way round).
fn flow(platform: &PlatformData, posts: PostSum, days: DayCount, days_first: bool) -> Option<i64> {
    let from_days = || sum(platform.days.iter().map(|d| days(platform.kind, &d.counts)));
    let from_posts = || posts(&platform.totals).value();
    if days_first {
        from_days().or_else(from_posts)
    } else {
        from_posts().or_else(from_days)
    }
}

/// Sums a flow over platforms; platforms without it are named in the note.
fn flow_figure(
    metric: &'static str,
    data: &PeriodData,
    posts: PostSum,
    days: DayCount,
    days_first: bool,
) -> Figure {
    let mut total = None;
    let mut without = Vec::new();
    for platform in &data.platforms {
        match flow(platform, posts, days, days_first) {
            Some(v) => total = Some(total.unwrap_or(0) + v),
            None => without.push(platform.id.as_str()),
        }
    }
    match total {
        None => Figure::missing(metric, t!("note.no-export")),
        Some(v) => Figure::value(
            metric,
            v as f64,
            (!without.is_empty())
                .then(|| t!("note.not-exported-for", platforms = without.join(", "))),
        ),
    }
}

/// A rate over the posts that carry both parts.
fn post_ratio(
    metric: &'static str,
    data: &PeriodData,
    pair: fn(&PostTotals) -> Pair,
    scale: f64,
) -> Figure {
    let (mut n, mut d, mut posts) = (0i64, 0i64, 0i64);
    for platform in &data.platforms {
        let p = pair(&platform.totals);
        n += p.numerator;
        d += p.denominator;
        posts += p.posts;
    }
    if posts == 0 {
        return Figure::missing(metric, t!("note.no-post-with-both"));
    }
    Figure::ratio(
        metric,
        n as f64,
        d as f64,
        scale,
        Some(t!("note.over-posts", n = posts)),
    )
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

/// Computes one metric of the dictionary (all but the composite).
pub(crate) fn compute(metric: &str, data: &PeriodData) -> Figure {
    let id: &'static str = crate::plan::metrics::find(metric).map_or("unknown", |m| m.id);
    match id {
        "impressions" => flow_figure(id, data, |t| t.impressions, impressions_of, true),
        "reach" => flow_figure(id, data, |t| t.reach, |_, c| c.reach, false),
        "engagements" => flow_figure(id, data, |t| t.engagements, |_, c| c.engagements, false),
        "likes" => flow_figure(id, data, |t| t.likes, |_, c| c.likes, false),
        "replies" => flow_figure(id, data, |t| t.replies, |_, c| c.replies, false),
        "reposts" => flow_figure(id, data, |t| t.reposts, |_, c| c.reposts, false),
        "video_views" => flow_figure(id, data, |t| t.video_views, |_, c| c.video_views, false),
        "followers_net" => {
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
                Figure::missing(id, t!("note.no-follows"))
            } else {
                Figure::value(
                    id,
                    total as f64,
                    (!without.is_empty())
                        .then(|| t!("note.not-available-for", platforms = without.join(", "))),
                )
            }
        }
        "followers_total" => {
            let without: Vec<&str> = data
                .platforms
                .iter()
                .filter(|p| p.followers_end.is_none())
                .map(|p| p.id.as_str())
                .collect();
            if !without.is_empty() {
                return Figure::missing(
                    id,
                    t!("note.no-follower-total", platforms = without.join(", ")),
                );
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
                (_, false) => Some(t!("note.earlier-totals", platforms = earlier.join(", "))),
                _ => None,
            };
            Figure::value(
                id,
                data.platforms
                    .iter()
                    .filter_map(|p| p.followers_end)
                    .sum::<i64>() as f64,
                note,
            )
        }
        "engagement_rate_impressions" => {
            post_ratio(id, data, |t| t.engagements_per_impression, 1.0)
        }
        "engagement_rate_reach" => post_ratio(id, data, |t| t.engagements_per_reach, 1.0),
        "amplification_per_1000_reach" => post_ratio(id, data, |t| t.reposts_per_reach, 1000.0),
        "conversation_per_1000_reach" => post_ratio(id, data, |t| t.replies_per_reach, 1000.0),
        "materials_published" | "materials_published_vs_planned" if !data.calendar_covers => {
            Figure::missing(id, t!("note.no-calendar"))
        }
        "materials_published" => Figure::value(id, data.items_published as f64, None),
        "materials_published_vs_planned" => Figure::ratio(
            id,
            data.items_published as f64,
            data.items_planned as f64,
            1.0,
            None,
        ),
        "on_time_rate" => {
            if data.items_timed == 0 {
                Figure::missing(id, t!("note.no-timed-item"))
            } else {
                Figure::ratio(
                    id,
                    data.items_on_time as f64,
                    data.items_timed as f64,
                    1.0,
                    None,
                )
            }
        }
        "first_reply_median_minutes" | "first_reply_p90_minutes" => {
            let minutes = &data.reply_minutes;
            let value = if id == "first_reply_median_minutes" {
                median(minutes)
            } else {
                percentile(minutes, 90)
            };
            match value {
                Some(v) => Figure::value(
                    id,
                    v,
                    Some(t!("note.answered-inquiries", n = data.reply_minutes.len())),
                ),
                None => Figure::missing(id, t!("note.no-answered-inquiry")),
            }
        }
        "replies_within_promise_share" => match data.promise_minutes {
            None => Figure::missing(id, t!("note.no-promise")),
            Some(_) if data.inquiries == 0 => Figure::missing(id, t!("note.no-inquiry")),
            Some(_) => Figure::ratio(
                id,
                data.within_promise as f64,
                data.inquiries as f64,
                1.0,
                None,
            ),
        },
        _ => Figure::missing("unknown", t!("note.not-computed", metric = metric)),
    }
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
        let f = Figure::ratio("engagement_rate_reach", 3.0, 0.0, 1.0, None);
        assert_eq!(f.value, None);
        assert_eq!(
            Figure::ratio("x", 3.0, 4.0, 1000.0, None).value,
            Some(750.0)
        );
    }
}

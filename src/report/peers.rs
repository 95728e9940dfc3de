//! The peers section: the charity beside the peer organisations of its
//! strategy, platform by platform, over the calendar months the period
//! touches. For each: followers at the end, their growth since the month
//! before, posts and interactions in the months and interactions per post,
//! the rank by followers and by growth, and the share of voice (each one's
//! part of the group's posts and interactions). The charity's own figures
//! come from its exports; the peers' from `peers.yaml` or a monitoring
//! tool. A month without a figure leaves the value missing, never zero,
//! and the row names the month.

use super::data::{Inputs, Period};
use super::figures;
use crate::exports::peers::{PeerFigure, PeerFigures};
use crate::plan::metrics::Metric;
use crate::plan::model::Text;
use crate::plan::model::platforms::PlatformKind;
use crate::text::dates::Month;
use serde::Serialize;

/// One organisation on one platform.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeerRow {
    /// The peer's id; `None` for the charity itself.
    pub peer: Option<String>,
    pub name: Text,
    /// Followers at the end of the last month.
    pub followers: Option<i64>,
    /// Followers gained since the end of the month before the first.
    pub growth: Option<i64>,
    /// That gain as a share of the followers before (`0.05`: 5 %).
    pub growth_share: Option<f64>,
    pub posts: Option<i64>,
    pub interactions: Option<i64>,
    pub interactions_per_post: Option<f64>,
    /// 1 for the most followers (or the fastest growth) of the platform's rows.
    pub rank_followers: Option<usize>,
    pub rank_growth: Option<usize>,
    /// Its part of the posts and of the interactions of every row of the platform.
    pub voice_posts: Option<f64>,
    pub voice_interactions: Option<f64>,
    /// The months with no figure for it (`2026-10`).
    pub missing: Vec<String>,
}

/// One platform kind's rows: the charity's first, then each peer with an
/// account there.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlatformPeers {
    pub platform: &'static str,
    pub rows: Vec<PeerRow>,
}

/// A file the peers' figures come from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub path: String,
    /// The monitoring tool named in `strategy.yaml`; `None`: written by hand.
    pub tool: Option<Text>,
}

/// The whole section.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Peers {
    /// The calendar months compared (`2026-11`).
    pub months: Vec<String>,
    pub platforms: Vec<PlatformPeers>,
    /// The files the period's figures come from.
    pub sources: Vec<Source>,
}

/// The calendar months a period touches, first to last; of a period still
/// running on `as_of`, those over by then (the running one when none is).
fn months_of(period: &Period, as_of: chrono::NaiveDate) -> Vec<Month> {
    let (mut month, last) = (Month::of(period.from), Month::of(period.to));
    let mut months = vec![month];
    while month < last {
        month = month.next();
        months.push(month);
    }
    let over: Vec<Month> = months
        .iter()
        .copied()
        .filter(|m| m.last_day() <= as_of)
        .collect();
    if over.is_empty() {
        months.retain(|m| m.first_day() <= as_of.max(period.from));
        months
    } else {
        over
    }
}

/// Added up over every month; `None` when any month lacks it.
fn over_months(figures: &[Option<&PeerFigure>], of: fn(&PeerFigure) -> Option<i64>) -> Option<i64> {
    figures.iter().map(|f| f.and_then(of)).sum()
}

/// A share of a whole above zero.
pub(crate) fn share(part: Option<i64>, whole: Option<i64>) -> Option<f64> {
    let (part, whole) = (part?, whole?);
    #[allow(clippy::cast_precision_loss)]
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// Interactions per post, when there were posts.
pub(crate) fn per_post(interactions: Option<i64>, posts: Option<i64>) -> Option<f64> {
    let (interactions, posts) = (interactions?, posts?);
    #[allow(clippy::cast_precision_loss)]
    (posts > 0).then(|| interactions as f64 / posts as f64)
}

/// Each value's rank, 1 for the highest; equal values share a rank; `None`
/// for a missing value.
pub(crate) fn ranks<T: PartialOrd + Copy>(values: &[Option<T>]) -> Vec<Option<usize>> {
    values
        .iter()
        .map(|value| {
            let value = (*value)?;
            Some(1 + values.iter().flatten().filter(|v| **v > value).count())
        })
        .collect()
}

/// Each row's part of the whole, when every row gives the figure.
fn voices(values: &[Option<i64>]) -> Vec<Option<f64>> {
    let whole: Option<i64> = values.iter().copied().sum();
    values.iter().map(|v| share(*v, whole)).collect()
}

/// A row's derived figures, once its counts are in.
fn row(peer: Option<String>, name: Text, counts: &Counts, missing: Vec<String>) -> PeerRow {
    let growth = counts
        .followers
        .zip(counts.before)
        .map(|(end, before)| end - before);
    PeerRow {
        peer,
        name,
        followers: counts.followers,
        growth,
        growth_share: share(growth, counts.before),
        posts: counts.posts,
        interactions: counts.interactions,
        interactions_per_post: per_post(counts.interactions, counts.posts),
        rank_followers: None,
        rank_growth: None,
        voice_posts: None,
        voice_interactions: None,
        missing,
    }
}

/// What a row's figures are made from.
struct Counts {
    followers: Option<i64>,
    before: Option<i64>,
    posts: Option<i64>,
    interactions: Option<i64>,
}

/// The charity's own counts on the plan platforms of `kind`, from its exports.
fn own_counts(inputs: &Inputs, kind: PlatformKind, span: &Period) -> Option<Counts> {
    let ids: Vec<String> = inputs
        .plan
        .platforms
        .iter()
        .flat_map(|p| &p.data.platforms)
        .filter(|p| p.kind.get() == Some(&kind))
        .map(|p| p.id.value.clone())
        .collect();
    if ids.is_empty() {
        return None;
    }
    let (data, _, _, posts) = inputs.period_data(span, &ids);
    let value = |metric| {
        #[allow(clippy::cast_possible_truncation)]
        figures::compute(metric, &data)
            .value
            .map(|v| v.round() as i64)
    };
    let before: Option<i64> = data.platforms.iter().map(|p| p.followers_before).sum();
    // Posts are counted where an export lists them, else unknown.
    let exported = inputs.imported.files.iter().any(|f| {
        f.platform == Some(kind) && f.format.grain == crate::exports::formats::Grain::Post
    });
    Some(Counts {
        followers: value(Metric::FollowersTotal),
        before,
        posts: exported.then(|| i64::try_from(posts.len()).unwrap_or(i64::MAX)),
        interactions: value(Metric::Engagements),
    })
}

/// The section (over the months of `period` that are over by `as_of`),
/// when the strategy names peers and some figures of theirs
/// were read (`None` otherwise: the report says nothing of peers).
pub fn peers(
    inputs: &Inputs,
    read: &PeerFigures,
    period: &Period,
    as_of: chrono::NaiveDate,
) -> Option<Peers> {
    let strategy = &inputs.plan.strategy.as_ref()?.data;
    if strategy.peers.is_empty() || read.files.is_empty() {
        return None;
    }
    let months = months_of(period, as_of);
    let span = Period::range(
        months[0].first_day(),
        months.last().expect("a month at least").last_day(),
    );
    let organisation = inputs
        .plan
        .settings
        .as_ref()
        .map(|s| s.data.organisation.name.clone());
    let mut platforms = Vec::new();
    let mut used = Vec::new();
    for &kind in PlatformKind::ALL {
        let with_account: Vec<_> = strategy
            .peers
            .iter()
            .filter(|p| p.accounts.iter().any(|(k, _)| k.value == kind.as_str()))
            .collect();
        if with_account.is_empty() {
            continue;
        }
        let mut rows = Vec::new();
        if let (Some(counts), Some(name)) = (own_counts(inputs, kind, &span), &organisation) {
            rows.push(row(None, name.clone(), &counts, Vec::new()));
        }
        for peer in with_account {
            let (row, files) = peer_row(read, peer, kind, &months);
            used.extend(files);
            rows.push(row);
        }
        rank(&mut rows);
        platforms.push(PlatformPeers {
            platform: kind.as_str(),
            rows,
        });
    }
    used.sort_unstable();
    used.dedup();
    Some(Peers {
        months: months.iter().map(ToString::to_string).collect(),
        platforms,
        sources: used
            .into_iter()
            .map(|i| Source {
                path: read.files[i].path.clone(),
                tool: read.files[i].tool.clone(),
            })
            .collect(),
    })
}

/// One peer's row on one platform kind over `months`, and the files
/// its figures come from.
fn peer_row(
    read: &PeerFigures,
    peer: &crate::plan::model::strategy::Peer,
    kind: PlatformKind,
    months: &[Month],
) -> (PeerRow, Vec<usize>) {
    let find = |month: Month| {
        read.figures
            .iter()
            .find(|f| f.peer == peer.id.value && f.kind == kind && f.month == month)
    };
    let found: Vec<Option<&PeerFigure>> = months.iter().map(|m| find(*m)).collect();
    let files = found.iter().flatten().map(|f| f.file).collect();
    let missing = months
        .iter()
        .zip(&found)
        .filter(|(_, f)| f.is_none())
        .map(|(m, _)| m.to_string())
        .collect();
    let counts = Counts {
        followers: found.last().copied().flatten().and_then(|f| f.followers),
        before: months
            .first()
            .and_then(|first| find(first.previous()))
            .and_then(|f| f.followers),
        posts: over_months(&found, |f| f.posts),
        interactions: over_months(&found, |f| f.interactions),
    };
    let row = row(
        Some(peer.id.value.clone()),
        peer.name.clone(),
        &counts,
        missing,
    );
    (row, files)
}

/// Each row's ranks and shares of voice among the platform's rows.
fn rank(rows: &mut [PeerRow]) {
    let by_followers = ranks(&rows.iter().map(|r| r.followers).collect::<Vec<_>>());
    let by_growth = ranks(&rows.iter().map(|r| r.growth_share).collect::<Vec<_>>());
    let posts = voices(&rows.iter().map(|r| r.posts).collect::<Vec<_>>());
    let interactions = voices(&rows.iter().map(|r| r.interactions).collect::<Vec<_>>());
    for (i, row) in rows.iter_mut().enumerate() {
        row.rank_followers = by_followers[i];
        row.rank_growth = by_growth[i];
        row.voice_posts = posts[i];
        row.voice_interactions = interactions[i];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_put_the_highest_first_and_share_ties() {
        assert_eq!(
            ranks(&[Some(10), None, Some(30), Some(10)]),
            vec![Some(2), None, Some(1), Some(2)]
        );
        assert_eq!(ranks::<i64>(&[]), Vec::<Option<usize>>::new());
    }

    #[test]
    fn a_voice_is_a_part_of_the_whole_only_when_every_part_is_known() {
        assert_eq!(voices(&[Some(30), Some(10)]), vec![Some(0.75), Some(0.25)]);
        assert_eq!(voices(&[Some(30), None]), vec![None, None]);
        // Nobody posted: no share.
        assert_eq!(voices(&[Some(0), Some(0)]), vec![None, None]);
    }

    #[test]
    fn per_post_and_share_need_a_whole_above_zero() {
        assert_eq!(per_post(Some(90), Some(30)), Some(3.0));
        assert_eq!(per_post(Some(90), Some(0)), None);
        assert_eq!(per_post(None, Some(3)), None);
        assert_eq!(share(Some(-5), Some(100)), Some(-0.05));
        assert_eq!(share(Some(5), None), None);
    }

    #[test]
    fn a_period_is_compared_over_its_months_that_are_over() {
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let shown = |months: Vec<Month>| -> Vec<String> {
            months.iter().map(ToString::to_string).collect()
        };
        let range = Period::range(day(2026, 10, 22), day(2026, 12, 20));
        // Over: every month it touches.
        assert_eq!(
            shown(months_of(&range, day(2027, 1, 5))),
            ["2026-10", "2026-11", "2026-12"]
        );
        // Running on 1 December: October and November.
        assert_eq!(
            shown(months_of(&range, day(2026, 12, 1))),
            ["2026-10", "2026-11"]
        );
        // No month over yet: the running one.
        let november = Period::range(day(2026, 11, 1), day(2026, 11, 30));
        assert_eq!(shown(months_of(&november, day(2026, 11, 10))), ["2026-11"]);
        assert_eq!(shown(months_of(&november, day(2026, 11, 30))), ["2026-11"]);
        // Long over: its own months, none after.
        assert_eq!(shown(months_of(&november, day(2027, 6, 1))), ["2026-11"]);
        // Asked before the period began: its first month.
        assert_eq!(shown(months_of(&november, day(2026, 10, 1))), ["2026-11"]);
    }

    #[test]
    fn a_row_grows_from_the_month_before() {
        let counts = Counts {
            followers: Some(1100),
            before: Some(1000),
            posts: Some(20),
            interactions: Some(500),
        };
        let r = row(
            None,
            Text {
                ar: None,
                en: Some("Us".into()),
            },
            &counts,
            Vec::new(),
        );
        assert_eq!(r.growth, Some(100));
        assert_eq!(r.growth_share, Some(0.1));
        assert_eq!(r.interactions_per_post, Some(25.0));
        let none = Counts {
            followers: Some(1100),
            before: None,
            posts: None,
            interactions: Some(5),
        };
        let r = row(
            None,
            Text {
                ar: None,
                en: Some("Us".into()),
            },
            &none,
            Vec::new(),
        );
        assert_eq!(
            (r.growth, r.growth_share, r.interactions_per_post),
            (None, None, None)
        );
    }
}

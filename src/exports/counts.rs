//! The counts a post or a day carries, and the constant-space totals the
//! figures need of a set of posts.

use super::formats::Field;
use crate::plan::model::platforms::PlatformKind;

/// Counts a post or a day may carry; `None` is "not in this export".
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub impressions: Option<i64>,
    pub reach: Option<i64>,
    pub engagements: Option<i64>,
    pub likes: Option<i64>,
    pub replies: Option<i64>,
    pub reposts: Option<i64>,
    pub saves: Option<i64>,
    /// Clicks on the link a post carries (X: URL clicks; Facebook: link clicks).
    pub clicks: Option<i64>,
    pub video_views: Option<i64>,
    pub follows: Option<i64>,
    pub unfollows: Option<i64>,
    pub net_follows: Option<i64>,
    pub followers_total: Option<i64>,
    pub posts: Option<i64>,
}

impl Counts {
    pub(super) fn slot(&mut self, field: Field) -> Option<&mut Option<i64>> {
        Some(match field {
            Field::Impressions => &mut self.impressions,
            Field::Reach => &mut self.reach,
            Field::Engagements => &mut self.engagements,
            Field::Likes => &mut self.likes,
            Field::Replies => &mut self.replies,
            Field::Reposts => &mut self.reposts,
            Field::Saves => &mut self.saves,
            Field::Clicks => &mut self.clicks,
            Field::VideoViews => &mut self.video_views,
            Field::Follows => &mut self.follows,
            Field::Unfollows => &mut self.unfollows,
            Field::NetFollows => &mut self.net_follows,
            Field::FollowersTotal => &mut self.followers_total,
            Field::Posts => &mut self.posts,
            _ => return None,
        })
    }

    pub fn get(&self, field: Field) -> Option<i64> {
        let mut copy = *self;
        copy.slot(field).and_then(|s| *s)
    }

    /// Every count, in the order of the fields.
    pub(super) fn slots(&mut self) -> [&mut Option<i64>; 14] {
        [
            &mut self.impressions,
            &mut self.reach,
            &mut self.engagements,
            &mut self.likes,
            &mut self.replies,
            &mut self.reposts,
            &mut self.saves,
            &mut self.clicks,
            &mut self.video_views,
            &mut self.follows,
            &mut self.unfollows,
            &mut self.net_follows,
            &mut self.followers_total,
            &mut self.posts,
        ]
    }
}

/// A post's [`Counts`] in 120 bytes rather than 224, the counts given
/// marked in a bitmask: a month may list 100,000 posts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PostCounts {
    given: u16,
    values: [i64; 14],
}

impl PostCounts {
    /// The counts, as [`Counts`].
    pub fn get(&self) -> Counts {
        let mut counts = Counts::default();
        for (i, slot) in counts.slots().into_iter().enumerate() {
            *slot = (self.given & (1 << i) != 0).then_some(self.values[i]);
        }
        counts
    }
}

impl From<Counts> for PostCounts {
    fn from(mut counts: Counts) -> PostCounts {
        let mut packed = PostCounts::default();
        for (i, slot) in counts.slots().into_iter().enumerate() {
            if let Some(value) = *slot {
                packed.given |= 1 << i;
                packed.values[i] = value;
            }
        }
        packed
    }
}

/// A total over posts, and how many posts carried the count (0: missing).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sum {
    pub total: i64,
    pub posts: i64,
}

impl Sum {
    fn add(&mut self, value: Option<i64>) {
        if let Some(v) = value {
            self.total += v;
            self.posts += 1;
        }
    }

    fn merge(&mut self, other: &Sum) {
        self.total += other.total;
        self.posts += other.posts;
    }

    /// The total, or `None` when no post carried the count.
    pub fn value(&self) -> Option<i64> {
        (self.posts > 0).then_some(self.total)
    }
}

/// The parts of a rate, summed over the posts that carry both.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pair {
    pub numerator: i64,
    pub denominator: i64,
    pub posts: i64,
}

impl Pair {
    fn add(&mut self, numerator: Option<i64>, denominator: Option<i64>) {
        if let (Some(n), Some(d)) = (numerator, denominator) {
            self.numerator += n;
            self.denominator += d;
            self.posts += 1;
        }
    }

    fn merge(&mut self, other: &Pair) {
        self.numerator += other.numerator;
        self.denominator += other.denominator;
        self.posts += other.posts;
    }
}

/// "Impressions" of a post: YouTube's own Impressions (thumbnails shown)
/// where its export has them, else views; TikTok reports only views
/// (`docs/metrics.md`).
pub(crate) fn impressions_of(kind: PlatformKind, counts: &Counts) -> Option<i64> {
    match kind {
        PlatformKind::Youtube | PlatformKind::Tiktok => counts.impressions.or(counts.video_views),
        _ => counts.impressions,
    }
}

/// What the figures need of a set of posts, in constant space: the sums of
/// their counts and the parts of the post-level rates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PostTotals {
    pub posts: i64,
    pub impressions: Sum,
    pub reach: Sum,
    pub engagements: Sum,
    pub likes: Sum,
    pub replies: Sum,
    pub reposts: Sum,
    pub saves: Sum,
    pub video_views: Sum,
    pub follows: Sum,
    /// Clicks on a post's link (X's URL clicks, Facebook's link clicks).
    pub link_clicks: Sum,
    pub engagements_per_impression: Pair,
    pub engagements_per_reach: Pair,
    pub reposts_per_reach: Pair,
    pub replies_per_reach: Pair,
    /// Posts whose impressions are their views: YouTube posts of an export
    /// without an impressions column, TikTok's (which reports views only).
    pub views_as_impressions: i64,
}

/// A post's counts as the sums take them: its impressions are its views
/// where the platform counts so ([`impressions_of`]), its follows its net
/// follows where only those are given; the counts no sum takes left out.
/// And whether its impressions are its views.
pub(super) fn as_summed(kind: PlatformKind, c: &Counts) -> (Counts, bool) {
    let impressions = impressions_of(kind, c);
    let summed = Counts {
        impressions,
        reach: c.reach,
        engagements: c.engagements,
        likes: c.likes,
        replies: c.replies,
        reposts: c.reposts,
        video_views: c.video_views,
        follows: c.follows.or(c.net_follows),
        saves: c.saves,
        clicks: c.clicks,
        ..Counts::default()
    };
    (summed, c.impressions.is_none() && impressions.is_some())
}

impl PostTotals {
    pub fn add(&mut self, kind: PlatformKind, c: &Counts) {
        let (summed, views_as_impressions) = as_summed(kind, c);
        self.add_summed(&summed, views_as_impressions);
    }

    /// Adds a post whose counts are already [`as_summed`].
    pub(super) fn add_summed(&mut self, c: &Counts, views_as_impressions: bool) {
        let impressions = c.impressions;
        self.views_as_impressions += i64::from(views_as_impressions);
        self.posts += 1;
        self.impressions.add(impressions);
        self.reach.add(c.reach);
        self.engagements.add(c.engagements);
        self.likes.add(c.likes);
        self.replies.add(c.replies);
        self.reposts.add(c.reposts);
        self.saves.add(c.saves);
        self.video_views.add(c.video_views);
        self.follows.add(c.follows);
        self.link_clicks.add(c.clicks);
        self.engagements_per_impression
            .add(c.engagements, impressions);
        self.engagements_per_reach.add(c.engagements, c.reach);
        self.reposts_per_reach.add(c.reposts, c.reach);
        self.replies_per_reach.add(c.replies, c.reach);
    }

    pub fn merge(&mut self, o: &PostTotals) {
        self.posts += o.posts;
        self.views_as_impressions += o.views_as_impressions;
        for (a, b) in [
            (&mut self.impressions, &o.impressions),
            (&mut self.reach, &o.reach),
            (&mut self.engagements, &o.engagements),
            (&mut self.likes, &o.likes),
            (&mut self.replies, &o.replies),
            (&mut self.reposts, &o.reposts),
            (&mut self.saves, &o.saves),
            (&mut self.video_views, &o.video_views),
            (&mut self.follows, &o.follows),
            (&mut self.link_clicks, &o.link_clicks),
        ] {
            a.merge(b);
        }
        for (a, b) in [
            (
                &mut self.engagements_per_impression,
                &o.engagements_per_impression,
            ),
            (&mut self.engagements_per_reach, &o.engagements_per_reach),
            (&mut self.reposts_per_reach, &o.reposts_per_reach),
            (&mut self.replies_per_reach, &o.replies_per_reach),
        ] {
            a.merge(b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_posts_counts_come_back_as_given() {
        let mut counts = Counts::default();
        assert_eq!(PostCounts::from(counts).get(), counts);
        // Each count alone, then all at once, zeros and negatives included.
        for (i, n) in (0..14).zip(0_i64..) {
            let mut one = Counts::default();
            *one.slots()[i] = Some(-7 - n);
            assert_eq!(PostCounts::from(one).get(), one, "count {i}");
            *counts.slots()[i] = Some(if i % 2 == 0 { 0 } else { i64::MAX - n });
        }
        assert_eq!(PostCounts::from(counts).get(), counts);
        assert_eq!(std::mem::size_of::<PostCounts>(), 120);
    }

    #[test]
    fn counts_as_summed_take_views_and_net_follows_where_the_platform_says() {
        let given = Counts {
            video_views: Some(90),
            net_follows: Some(-2),
            unfollows: Some(5),
            ..Counts::default()
        };
        let (tiktok, views) = as_summed(PlatformKind::Tiktok, &given);
        assert_eq!(
            (tiktok.impressions, tiktok.follows, views),
            (Some(90), Some(-2), true)
        );
        assert_eq!(tiktok.unfollows, None, "no sum takes it");
        let (x, views) = as_summed(PlatformKind::X, &given);
        assert_eq!(
            (x.impressions, x.video_views, views),
            (None, Some(90), false)
        );
        let own = Counts {
            impressions: Some(7),
            ..given
        };
        let (youtube, views) = as_summed(PlatformKind::Youtube, &own);
        assert_eq!((youtube.impressions, views), (Some(7), false));
        let mut totals = PostTotals::default();
        totals.add(PlatformKind::Tiktok, &given);
        totals.add(PlatformKind::Youtube, &own);
        assert_eq!((totals.posts, totals.views_as_impressions), (2, 1));
        assert_eq!(totals.impressions.value(), Some(97));
    }
}

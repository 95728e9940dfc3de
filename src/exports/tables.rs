//! The two canonical tables every export is mapped onto, **posts** and
//! **account days**, and the constant-space totals the figures need of them.

use super::formats::{Field, Format};
use super::problems::Problem;
use super::values::When;
use crate::plan::model::platforms::PlatformKind;
use chrono::NaiveDate;

/// Where a row came from: the file (index into [`Imported::files`]) and its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    pub file: usize,
    pub line: u64,
}

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
    fn slots(&mut self) -> [&mut Option<i64>; 14] {
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

impl PostTotals {
    pub fn add(&mut self, kind: PlatformKind, c: &Counts) {
        let mut c = *c;
        if c.impressions.is_none() && c.video_views.is_some() && impressions_of(kind, &c).is_some()
        {
            self.views_as_impressions += 1;
        }
        c.impressions = impressions_of(kind, &c);
        c.follows = c.follows.or(c.net_follows);
        self.add_counts(&c);
    }

    /// Adds a post whose `impressions` and `follows` are already resolved.
    pub(super) fn add_counts(&mut self, c: &Counts) {
        let impressions = c.impressions;
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

/// What a post contributes to the sums, in a few bytes. The file it came
/// from is the key of its [`Stubs`] chunk, not kept by each stub.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PostStub {
    /// A hash of the post's id (duplicates across files share it).
    pub key: u64,
    /// impressions (or views), reach, engagements, likes, replies, reposts, video views, follows,
    /// saves, link clicks; `i32::MIN` for missing. One post's counts fit; counts that do not
    /// are missing.
    pub counts: [i32; 10],
    pub date: NaiveDate,
    pub platform: PlatformKind,
    /// Whether its impressions are its views (no impressions given).
    pub views_as_impressions: bool,
}

const NONE: i32 = i32::MIN;

impl PostStub {
    pub(super) fn new(platform: PlatformKind, date: NaiveDate, id: &str, c: &Counts) -> PostStub {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        (platform, id.trim()).hash(&mut hasher);
        let v = |x: Option<i64>| {
            x.and_then(|x| i32::try_from(x).ok())
                .filter(|x| *x != NONE)
                .unwrap_or(NONE)
        };
        PostStub {
            key: hasher.finish(),
            counts: [
                v(impressions_of(platform, c)),
                v(c.reach),
                v(c.engagements),
                v(c.likes),
                v(c.replies),
                v(c.reposts),
                v(c.video_views),
                v(c.follows.or(c.net_follows)),
                v(c.saves),
                v(c.clicks),
            ],
            date,
            platform,
            views_as_impressions: c.impressions.is_none()
                && c.video_views.is_some()
                && impressions_of(platform, c).is_some(),
        }
    }

    pub(super) fn counts(&self) -> Counts {
        let o = |i: usize| (self.counts[i] != NONE).then_some(i64::from(self.counts[i]));
        Counts {
            impressions: o(0),
            reach: o(1),
            engagements: o(2),
            likes: o(3),
            replies: o(4),
            reposts: o(5),
            video_views: o(6),
            follows: o(7),
            saves: o(8),
            clicks: o(9),
            ..Counts::default()
        }
    }
}

/// Post stubs in the order read, each chunk keyed by its file's index
/// in the import: a month's window may hold a million.
pub type Stubs = super::chunked::Chunked<PostStub, u32>;

/// A file's index as a stub's chunk keeps it, in four bytes.
pub(super) fn file_index(index: usize) -> u32 {
    u32::try_from(index).expect("fewer than 2^32 export files")
}

/// The posts one file published on one platform on one (local) day, summed.
#[derive(Debug, Clone, PartialEq)]
pub struct PostDay {
    pub platform: PlatformKind,
    pub date: NaiveDate,
    pub totals: PostTotals,
    /// Index into [`Imported::files`].
    pub file: usize,
}

/// One post as an export reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct Post {
    pub platform: PlatformKind,
    pub id: String,
    pub url: Option<String>,
    pub published: Option<When>,
    /// The page or account name, where the export gives it.
    pub account: Option<String>,
    /// The account's numeric id (Facebook Page ID, Instagram Account ID).
    pub account_id: Option<String>,
    /// The post's text, where the export gives it.
    pub text: Option<String>,
    /// What kind of post the export says it is (`IG reel`, `Photos`).
    pub kind: Option<String>,
    pub counts: PostCounts,
    pub source: Source,
}

impl Post {
    /// The account the post belongs to as a person would name it: its
    /// handle, else its id, where its export says.
    pub fn account_name(&self) -> Option<String> {
        let who = super::accounts::identity(
            self.platform,
            self.url.as_deref(),
            self.account.as_deref(),
            self.account_id.as_deref(),
        );
        who.handle.or(who.id)
    }
}

/// One day of one account.
#[derive(Debug, Clone, PartialEq)]
pub struct Day {
    pub platform: PlatformKind,
    pub date: NaiveDate,
    pub counts: Counts,
    pub source: Source,
}

/// One inquiry from a follower, from the team's own log.
#[derive(Debug, Clone, PartialEq)]
pub struct Inquiry {
    /// The platform as written (a platform id or kind).
    pub platform: String,
    pub channel: Option<String>,
    /// Local time in the plan's time zone.
    pub received: chrono::NaiveDateTime,
    /// `None` while unanswered.
    pub first_reply: Option<chrono::NaiveDateTime>,
    pub source: Source,
}

/// A file that was read, and as what.
#[derive(Debug, Clone)]
pub struct ExportFile {
    pub path: String,
    pub format: &'static Format,
    pub platform: Option<PlatformKind>,
    /// Meta daily files: the title line naming the metric.
    pub title: Option<String>,
    pub rows: u64,
    /// The field each read column gives, by its place in a record (a
    /// Meta daily file's metric already in place of its primary column).
    pub columns: Vec<(Field, usize)>,
}

impl ExportFile {
    /// The field the column at `place` gives, if the file reads it.
    pub fn field_at(&self, place: usize) -> Option<Field> {
        self.columns
            .iter()
            .find(|(_, at)| *at == place)
            .map(|(field, _)| *field)
    }
}

/// Everything read from a set of exports.
#[derive(Debug, Default)]
pub struct Imported {
    pub files: Vec<ExportFile>,
    pub posts: super::chunked::Chunked<Post>,
    pub days: Vec<Day>,
    /// Every post in the window, summed per platform, day and file
    /// (duplicates across files counted once, in the first); filled by [`import_dir`].
    pub post_days: Vec<PostDay>,
    /// Every post of one file, briefly, until [`import_dir`] sums them.
    pub stubs: Stubs,
    pub inquiries: Vec<Inquiry>,
    pub problems: Vec<Problem>,
}

/// What to keep while reading.
#[derive(Debug, Clone)]
pub struct Options {
    /// Keep only posts published and days within these dates (inclusive).
    pub window: Option<(NaiveDate, NaiveDate)>,
    /// Keep each post (not only its day's sums) only within these dates, so
    /// memory stays bounded however many posts the window holds.
    pub detail: Option<(NaiveDate, NaiveDate)>,
    /// The plan's time zone: UTC times are moved into it before taking their date.
    pub time_zone: chrono_tz::Tz,
    /// A day on or after the last day of any export, to give a year to dates
    /// written without one (TikTok Studio): the export date, or today.
    pub year_anchor: NaiveDate,
    /// How to read `02/11/2026` where a file does not show the order (the
    /// plan's `date_order`); month first, as the platforms write, if `None`.
    pub date_order: Option<super::values::DateOrder>,
    /// The plan's accounts: a post that names another is set aside.
    pub accounts: Vec<super::accounts::Account>,
    /// Figures read by hand in the calendar, read after the files.
    pub by_hand: Vec<HandFile>,
}

impl Options {
    pub(super) fn keeps(&self, date: NaiveDate) -> bool {
        self.window
            .is_none_or(|(from, to)| date >= from && date <= to)
    }
}

impl Imported {
    /// Moves every line this part records `by` lines down (a part read
    /// from the middle of a file counts its lines from there).
    pub(super) fn shift_lines(&mut self, by: u64) {
        self.posts.iter_mut().for_each(|p| p.source.line += by);
        self.days.iter_mut().for_each(|d| d.source.line += by);
        self.inquiries.iter_mut().for_each(|q| q.source.line += by);
        for problem in &mut self.problems {
            problem.line = problem.line.map(|l| l + by);
        }
    }

    /// Adds what a later part of the same file gave (its file index is already this one's).
    pub(super) fn absorb(&mut self, mut other: Imported) {
        self.posts.append(std::mem::take(&mut other.posts));
        self.days.append(&mut other.days);
        self.inquiries.append(&mut other.inquiries);
        self.problems.append(&mut other.problems);
        self.post_days.append(&mut other.post_days);
        self.stubs.append(std::mem::take(&mut other.stubs));
    }

    /// Adds another import after this one, renumbering its files.
    pub fn append(&mut self, mut other: Imported) {
        let offset = self.files.len();
        let shift = |source: &mut Source| source.file += offset;
        other.posts.iter_mut().for_each(|p| shift(&mut p.source));
        other.days.iter_mut().for_each(|d| shift(&mut d.source));
        other
            .inquiries
            .iter_mut()
            .for_each(|q| shift(&mut q.source));
        self.files.append(&mut other.files);
        self.posts.append(std::mem::take(&mut other.posts));
        self.days.append(&mut other.days);
        self.inquiries.append(&mut other.inquiries);
        self.problems.append(&mut other.problems);
        other.post_days.iter_mut().for_each(|d| d.file += offset);
        self.post_days.append(&mut other.post_days);
        let by = file_index(offset);
        other.stubs.keys_mut().for_each(|file| *file += by);
        self.stubs.append(std::mem::take(&mut other.stubs));
    }
}

/// One calendar file's figures read by hand.
#[derive(Debug, Clone, Default)]
pub struct HandFile {
    /// The calendar file, as shown.
    pub path: String,
    pub posts: Vec<HandPost>,
}

/// One published post's figures read by hand.
#[derive(Debug, Clone)]
pub struct HandPost {
    pub platform: PlatformKind,
    /// Its link, or `item:platform` when it has none to link.
    pub id: String,
    pub url: Option<String>,
    pub published: chrono::NaiveDateTime,
    pub title: String,
    pub views: Option<i64>,
    pub interactions: Option<i64>,
    /// The line of its `figures:` entry.
    pub line: u64,
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
    fn a_stub_fits_in_seven_words() {
        assert!(std::mem::size_of::<PostStub>() <= 56);
    }
}

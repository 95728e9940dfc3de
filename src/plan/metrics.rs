//! The metric dictionary: every metric a KPI may name, defined once. Its
//! id, its words in both languages, its unit, its formula and where its
//! inputs come from are one row of [`DICTIONARY`]; the report computes each
//! [`Metric`] in one exhaustive `match` and formats it by its [`Unit`], and
//! `docs/metrics.md` is checked against this table. Rates name their
//! numerator and denominator, so "engagement rate" per impression and per
//! reach are different metrics and never silently one another.

use serde::{Serialize, Serializer};
use std::fmt::Write as _;

/// A metric of the dictionary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Metric {
    FollowersTotal,
    FollowersNet,
    Impressions,
    Reach,
    Engagements,
    Likes,
    Replies,
    Reposts,
    Saves,
    VideoViews,
    LinkClicks,
    EngagementRateImpressions,
    EngagementRateReach,
    AmplificationPer1000Reach,
    ConversationPer1000Reach,
    MaterialsPublished,
    MaterialsPublishedVsPlanned,
    OnTimeRate,
    FirstReplyMedianMinutes,
    FirstReplyP90Minutes,
    RepliesWithinPromiseShare,
    MediaCoverage,
    InfluenceStrength,
}

pub use crate::document::number::Unit;

/// One row of the dictionary.
#[derive(Debug)]
pub struct Definition {
    pub metric: Metric,
    /// The id a KPI names in `goals.yaml`.
    pub id: &'static str,
    pub name_en: &'static str,
    pub name_ar: &'static str,
    pub unit: Unit,
    /// How it is computed, in words.
    pub formula: &'static str,
    /// Its numerator and denominator, for a rate ("—" otherwise).
    pub parts: &'static str,
    /// Which exports (and which of their fields) give its inputs, per platform.
    pub sources: &'static str,
    /// What the report says when the inputs are missing.
    pub when_missing: &'static str,
}

/// Every metric, in documentation order.
pub static DICTIONARY: [Definition; 23] = [
    Definition {
        metric: Metric::FollowersTotal,
        id: "followers_total",
        name_en: "Followers (total)",
        name_ar: "عدد المتابعين",
        unit: Unit::Count,
        formula: "followers at the end of the period, summed over the KPI's platforms",
        parts: "—",
        sources: "recorded in `followers.yaml`; TikTok follower history",
        when_missing: "missing unless every platform has a total in the period (the latest month of the period that has one, noted \"as of\")",
    },
    Definition {
        metric: Metric::FollowersNet,
        id: "followers_net",
        name_en: "Net follower growth",
        name_ar: "صافي نمو المتابعين",
        unit: Unit::Count,
        formula: "new follows − unfollows over the period",
        parts: "—",
        sources: "X overview (New follows − Unfollows), TikTok (net growth, daily difference); else the change between follower totals, YouTube's among them (the Table data's per-video subscribers count over each video's whole life, not the period)",
        when_missing: "platforms without either are left out and named",
    },
    Definition {
        metric: Metric::Impressions,
        id: "impressions",
        name_en: "Impressions",
        name_ar: "مرات الظهور",
        unit: Unit::Count,
        formula: "times posts were shown",
        parts: "—",
        sources: "X (impressions), Meta (Views; Impressions before Nov 2024), YouTube (Impressions: the times YouTube showed a video's thumbnail, its own measure of being shown; Views only when the export has no Impressions), TikTok (views)",
        when_missing: "platforms without it are named",
    },
    Definition {
        metric: Metric::Reach,
        id: "reach",
        name_en: "Reach",
        name_ar: "الوصول",
        unit: Unit::Count,
        formula: "accounts reached",
        parts: "—",
        sources: "Facebook and Instagram posts, Meta daily reach, TikTok business (reached audience), YouTube (unique viewers, if exported)",
        when_missing: "platforms without it are named",
    },
    Definition {
        metric: Metric::Engagements,
        id: "engagements",
        name_en: "Engagements",
        name_ar: "التفاعلات",
        unit: Unit::Count,
        formula: "likes + replies + reposts/shares + saves (+ clicks where the platform counts them in its own total)",
        parts: "—",
        sources: "X (engagements), Facebook (reactions, comments and shares), Instagram (likes + comments + shares + saves), TikTok (likes + comments + shares)",
        when_missing: "platforms without it are named",
    },
    Definition {
        metric: Metric::Likes,
        id: "likes",
        name_en: "Likes",
        name_ar: "الإعجابات",
        unit: Unit::Count,
        formula: "likes (favorites, reactions), a part of engagements",
        parts: "—",
        sources: "as exported",
        when_missing: "as above",
    },
    Definition {
        metric: Metric::Replies,
        id: "replies",
        name_en: "Replies",
        name_ar: "الردود",
        unit: Unit::Count,
        formula: "replies and comments, a part of engagements",
        parts: "—",
        sources: "as exported",
        when_missing: "as above",
    },
    Definition {
        metric: Metric::Reposts,
        id: "reposts",
        name_en: "Reposts and shares",
        name_ar: "إعادة النشر والمشاركة",
        unit: Unit::Count,
        formula: "reposts, retweets and shares, a part of engagements",
        parts: "—",
        sources: "as exported",
        when_missing: "as above",
    },
    Definition {
        metric: Metric::Saves,
        id: "saves",
        name_en: "Saves",
        name_ar: "الحفظ",
        unit: Unit::Count,
        formula: "saves and bookmarks, a part of engagements",
        parts: "—",
        sources: "Instagram (saves), X (bookmarks)",
        when_missing: "platforms without it are named",
    },
    Definition {
        metric: Metric::VideoViews,
        id: "video_views",
        name_en: "Video views",
        name_ar: "مشاهدات الفيديو",
        unit: Unit::Count,
        formula: "video views",
        parts: "—",
        sources: "YouTube, TikTok, X (video views)",
        when_missing: "as above",
    },
    Definition {
        metric: Metric::LinkClicks,
        id: "link_clicks",
        name_en: "Link clicks",
        name_ar: "النقرات على الروابط",
        unit: Unit::Count,
        formula: "clicks on the links posts carry (to the donation page, the volunteer form)",
        parts: "—",
        sources: "X (URL clicks: post analytics, classic tweet and daily activity), Facebook posts (Link Clicks); Instagram, TikTok and YouTube exports give none",
        when_missing: "platforms without it are named",
    },
    Definition {
        metric: Metric::EngagementRateImpressions,
        id: "engagement_rate_impressions",
        name_en: "Engagement rate per impression",
        name_ar: "معدل التفاعل لكل ظهور",
        unit: Unit::Share,
        formula: "engagements ÷ impressions",
        parts: "Σ engagements / Σ impressions over the posts that carry both",
        sources: "X, Meta, YouTube, TikTok posts",
        when_missing: "missing when no post carries both",
    },
    Definition {
        metric: Metric::EngagementRateReach,
        id: "engagement_rate_reach",
        name_en: "Engagement rate per reach",
        name_ar: "معدل التفاعل لكل وصول",
        unit: Unit::Share,
        formula: "engagements ÷ reach",
        parts: "Σ engagements / Σ reach over the posts that carry both",
        sources: "Facebook, Instagram (X gives no reach)",
        when_missing: "missing when no post carries both",
    },
    Definition {
        metric: Metric::AmplificationPer1000Reach,
        id: "amplification_per_1000_reach",
        name_en: "Amplification per 1,000 reach",
        name_ar: "التضخيم لكل ألف وصول",
        unit: Unit::PerThousand,
        formula: "reposts and shares ÷ reach × 1,000",
        parts: "Σ reposts / Σ reach, over posts with both",
        sources: "Facebook, Instagram",
        when_missing: "as above",
    },
    Definition {
        metric: Metric::ConversationPer1000Reach,
        id: "conversation_per_1000_reach",
        name_en: "Conversation per 1,000 reach",
        name_ar: "المحادثة لكل ألف وصول",
        unit: Unit::PerThousand,
        formula: "replies ÷ reach × 1,000",
        parts: "Σ replies / Σ reach, over posts with both",
        sources: "Facebook, Instagram",
        when_missing: "as above",
    },
    Definition {
        metric: Metric::MaterialsPublished,
        id: "materials_published",
        name_en: "Media materials published",
        name_ar: "عدد المواد الإعلامية المنشورة",
        unit: Unit::Count,
        formula: "calendar items published in the period: their status is `published` or an exported post was joined to them; an item on several platforms counts once. For the previous period and the trend months (whose posts are summed, not kept), the status alone counts",
        parts: "—",
        sources: "the calendar and the exports",
        when_missing: "missing when the plan has no calendar for the period",
    },
    Definition {
        metric: Metric::MaterialsPublishedVsPlanned,
        id: "materials_published_vs_planned",
        name_en: "Media materials published vs planned",
        name_ar: "نسبة المواد المنشورة إلى المخطط لها",
        unit: Unit::Share,
        formula: "items published ÷ items planned (not cancelled) in the period",
        parts: "published / planned",
        sources: "the calendar",
        when_missing: "as above; missing when nothing is planned",
    },
    Definition {
        metric: Metric::OnTimeRate,
        id: "on_time_rate",
        name_en: "On-time publishing rate",
        name_ar: "نسبة النشر في الموعد",
        unit: Unit::Share,
        formula: "items whose joined posts appeared within 2 hours of the planned time ÷ items joined to posts that carry a time",
        parts: "on time / timed",
        sources: "exports with publish times (X classic, Meta)",
        when_missing: "missing when no joined post has a time",
    },
    Definition {
        metric: Metric::FirstReplyMedianMinutes,
        id: "first_reply_median_minutes",
        name_en: "Median first-reply time",
        name_ar: "وسيط زمن الرد الأول",
        unit: Unit::Minutes,
        formula: "median of the minutes from inquiry to first reply, counted in working hours (`working_days`, `working_hours`) unless the policy's `clock: calendar`",
        parts: "—",
        sources: "`inquiries.csv`",
        when_missing: "missing when no inquiry was answered in the period",
    },
    Definition {
        metric: Metric::FirstReplyP90Minutes,
        id: "first_reply_p90_minutes",
        name_en: "90th percentile first-reply time",
        name_ar: "زمن الرد الأول (المئين ٩٠)",
        unit: Unit::Minutes,
        formula: "90th percentile (nearest rank) of the same",
        parts: "—",
        sources: "`inquiries.csv`",
        when_missing: "as above",
    },
    Definition {
        metric: Metric::RepliesWithinPromiseShare,
        id: "replies_within_promise_share",
        name_en: "Share answered within the promise",
        name_ar: "نسبة الردود ضمن الوقت الموعود",
        unit: Unit::Share,
        formula: "inquiries first answered within the policy's `response_time.promise` ÷ all inquiries received (unanswered ones count as not within)",
        parts: "within / received",
        sources: "`inquiries.csv`",
        when_missing: "missing without a promise or without inquiries",
    },
    Definition {
        metric: Metric::MediaCoverage,
        id: "media_coverage",
        name_en: "Media coverage",
        name_ar: "التغطية الإعلامية",
        unit: Unit::Count,
        formula: "reports about the organisation in the press, on television, radio and online, dated in the period",
        parts: "—",
        sources: "the plan's coverage log (`coverage.yaml`)",
        when_missing: "missing when the plan keeps no coverage log",
    },
    Definition {
        metric: Metric::InfluenceStrength,
        id: "influence_strength",
        name_en: "Influence strength",
        name_ar: "قوة التأثير",
        unit: Unit::Index,
        formula: "Σ weightᵢ × scoreᵢ, where scoreᵢ = min(100, valueᵢ ÷ targetᵢ × 100) for each part the KPI declares (`parts:` in `goals.yaml`)",
        parts: "—",
        sources: "its parts'",
        when_missing: "missing when a part has no value or no target; the report shows each part beside the index",
    },
];

impl Metric {
    /// Every metric, in documentation order.
    pub fn all() -> impl Iterator<Item = Metric> {
        DICTIONARY.iter().map(|d| d.metric)
    }

    /// Its row of the dictionary.
    pub fn definition(self) -> &'static Definition {
        DICTIONARY
            .iter()
            .find(|d| d.metric == self)
            .expect("every metric has a row in the dictionary")
    }

    /// The metric a KPI names by `id`, if the dictionary has it.
    pub fn from_id(id: &str) -> Option<Metric> {
        DICTIONARY.iter().find(|d| d.id == id).map(|d| d.metric)
    }

    /// The id a KPI names it by.
    pub fn id(self) -> &'static str {
        self.definition().id
    }

    /// How its value is shown.
    pub fn unit(self) -> Unit {
        self.definition().unit
    }

    /// Whether it is a composite whose parts the KPI declares.
    /// Whether the metric is counted on platforms (media coverage is not).
    pub fn is_per_platform(self) -> bool {
        self != Metric::MediaCoverage
    }

    pub fn is_composite(self) -> bool {
        self == Metric::InfluenceStrength
    }
}

/// Metrics are written by their id (`"impressions"`) in JSON and CSV.
impl Serialize for Metric {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

/// The dictionary as the Markdown table of `docs/metrics.md`.
pub fn markdown_table() -> String {
    let mut out = String::from(
        "| metric | unit | formula | numerator / denominator | platforms that provide it | when inputs are missing |\n\
         | --- | --- | --- | --- | --- | --- |\n",
    );
    for d in &DICTIONARY {
        let unit = match d.unit {
            Unit::Count => "count",
            Unit::Share => "share (%)",
            Unit::PerThousand => "per 1,000",
            Unit::Minutes => "minutes",
            Unit::Index => "index (0–100)",
        };
        let _ = writeln!(
            out,
            "| `{}` | {unit} | {} | {} | {} | {} |",
            d.id, d.formula, d.parts, d.sources, d.when_missing
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_metric_has_one_row_and_a_unique_id() {
        let mut ids: Vec<_> = DICTIONARY.iter().map(|m| m.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), DICTIONARY.len());
        for (i, row) in DICTIONARY.iter().enumerate() {
            let same = DICTIONARY.iter().filter(|d| d.metric == row.metric).count();
            assert_eq!(same, 1, "{:?} has {same} rows", row.metric);
            assert_eq!(Metric::from_id(row.id), Some(row.metric), "row {i}");
            assert_eq!(row.metric.id(), row.id);
        }
    }

    #[test]
    fn rates_are_distinct_and_unknown_ids_are_none() {
        assert_eq!(
            Metric::from_id("engagement_rate_impressions"),
            Some(Metric::EngagementRateImpressions)
        );
        assert_eq!(
            Metric::from_id("engagement_rate_reach"),
            Some(Metric::EngagementRateReach)
        );
        assert_eq!(Metric::from_id("engagement_rate"), None);
        assert_eq!(Metric::from_id("Impressions"), None);
    }

    #[test]
    fn only_influence_strength_is_composite() {
        let composite: Vec<_> = Metric::all().filter(|m| m.is_composite()).collect();
        assert_eq!(composite, [Metric::InfluenceStrength]);
        assert_eq!(Metric::InfluenceStrength.unit(), Unit::Index);
    }
}

//! The metric dictionary: every metric a KPI may name. Rates name their
//! numerator and denominator, so "engagement rate" per impression and per
//! reach are different metrics and never silently one another.

/// One metric of the dictionary.
#[derive(Debug)]
pub struct Metric {
    pub id: &'static str,
    pub name_en: &'static str,
    pub name_ar: &'static str,
    /// How it is computed, in words.
    pub formula: &'static str,
}

macro_rules! metrics {
    ($($id:literal, $en:literal, $ar:literal, $formula:literal;)*) => {
        /// Every metric, in documentation order.
        pub static DICTIONARY: &[Metric] = &[$(Metric { id: $id, name_en: $en, name_ar: $ar, formula: $formula }),*];
    };
}

metrics! {
    "followers_total", "Followers (total)", "عدد المتابعين", "followers at the end of the period, summed over the KPI's platforms";
    "followers_net", "Net follower growth", "صافي نمو المتابعين", "follows minus unfollows during the period";
    "impressions", "Impressions", "مرات الظهور", "times posts were shown (X: impressions; Meta/TikTok/YouTube: views)";
    "reach", "Reach", "الوصول", "distinct accounts reached, as the platform reports it";
    "engagements", "Engagements", "التفاعلات", "likes + replies + reposts/shares + saves + link clicks";
    "likes", "Likes", "الإعجابات", "likes (favorites, reactions)";
    "replies", "Replies", "الردود", "replies and comments";
    "reposts", "Reposts and shares", "إعادة النشر والمشاركة", "reposts, retweets and shares";
    "video_views", "Video views", "مشاهدات الفيديو", "video views as the platform counts them";
    "engagement_rate_impressions", "Engagement rate per impression", "معدل التفاعل لكل ظهور", "engagements ÷ impressions";
    "engagement_rate_reach", "Engagement rate per reach", "معدل التفاعل لكل وصول", "engagements ÷ reach";
    "amplification_per_1000_reach", "Amplification per 1,000 reach", "التضخيم لكل ألف وصول", "reposts and shares ÷ reach × 1,000";
    "conversation_per_1000_reach", "Conversation per 1,000 reach", "المحادثة لكل ألف وصول", "replies ÷ reach × 1,000";
    "materials_published", "Media materials published", "عدد المواد الإعلامية المنشورة", "calendar items published in the period (one item on several platforms counts once)";
    "materials_published_vs_planned", "Media materials published vs planned", "نسبة المواد المنشورة إلى المخطط لها", "items published ÷ items planned in the period";
    "on_time_rate", "On-time publishing rate", "نسبة النشر في الموعد", "items published within the tolerance of their planned time ÷ items published";
    "first_reply_median_minutes", "Median first-reply time", "وسيط زمن الرد الأول", "median of working minutes from inquiry to first reply";
    "first_reply_p90_minutes", "90th percentile first-reply time", "زمن الرد الأول (المئين ٩٠)", "90th percentile of working minutes from inquiry to first reply";
    "replies_within_promise_share", "Share answered within the promise", "نسبة الردود ضمن الوقت الموعود", "inquiries first answered within the policy's promise ÷ inquiries";
    "influence_strength", "Influence strength", "قوة التأثير", "weighted index (0–100) of the parts the KPI declares, each scored against its target";
}

/// Looks a metric up by id.
pub fn find(id: &str) -> Option<&'static Metric> {
    DICTIONARY.iter().find(|m| m.id == id)
}

/// Whether a metric is a composite whose parts the plan declares.
pub(crate) fn is_composite(id: &str) -> bool {
    id == "influence_strength"
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_are_unique_and_rates_are_distinct() {
        let mut ids: Vec<_> = super::DICTIONARY.iter().map(|m| m.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), super::DICTIONARY.len());
        assert!(super::find("engagement_rate_impressions").is_some());
        assert!(super::find("engagement_rate_reach").is_some());
        assert!(super::find("engagement_rate").is_none());
    }
}

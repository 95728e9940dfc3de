//! The occasions of the report's period: for each one the plan marks or
//! plans for, its items, the platforms they went out on and what their
//! posts in the period did; the marked ones that passed with nothing
//! planned stand out.

use super::Attribution;
use super::data::Period;
use crate::plan::model::Plan;
use serde::Serialize;

/// One occurrence of an occasion in the period.
#[derive(Debug, Clone, Serialize)]
pub struct OccasionResult {
    /// `ramadan-1448`.
    pub key: String,
    pub id: String,
    pub name_ar: String,
    pub name_en: String,
    pub start: String,
    pub end: String,
    /// Whether the plan marks it (`occasions.yaml`'s `mark:`).
    pub marked: bool,
    /// The items that serve it, by id.
    pub items: Vec<String>,
    /// The platforms its items were recorded published on.
    pub platforms: Vec<String>,
    /// Its items' exported posts joined in the period, and their figures
    /// (`None`, never 0, when no post carries one).
    pub posts: usize,
    pub impressions: Option<i64>,
    pub engagements: Option<i64>,
    /// Marked, over by the period's end, and no item planned for it.
    pub passed_unplanned: bool,
}

/// The occasions overlapping `period` that the plan marks (inside its
/// own period) or has items for, with the posts `attribution` joined to
/// them by occurrence.
pub fn results(plan: &Plan, period: &Period, attribution: &[Attribution]) -> Vec<OccasionResult> {
    let plan_period = plan.settings.as_ref().and_then(|s| s.data.period());
    let in_plan = |o: &crate::plan::occasions::Occurrence| {
        plan_period.is_none_or(|(start, end)| o.end >= start && o.start <= end)
    };
    crate::almanac::list(plan, period.from, period.to, false)
        .into_iter()
        .filter(|l| (l.marked.is_some() && in_plan(&l.occurrence)) || !l.items.is_empty())
        .map(|l| {
            let o = &l.occurrence;
            let key = o.key();
            let joined = attribution
                .iter()
                .find(|a| a.by == "occasion" && a.key == key);
            let mut platforms: Vec<String> = l
                .items
                .iter()
                .flat_map(|i| i.published.keys().map(|p| p.value.clone()))
                .collect();
            platforms.sort();
            platforms.dedup();
            OccasionResult {
                id: o.definition.id.to_string(),
                name_ar: o.definition.ar.to_string(),
                name_en: o.definition.en.to_string(),
                start: o.start.to_string(),
                end: o.end.to_string(),
                marked: l.marked.is_some(),
                items: l.items.iter().map(|i| i.id.value.clone()).collect(),
                platforms,
                posts: joined.map_or(0, |a| a.posts),
                impressions: joined.and_then(|a| a.impressions),
                engagements: joined.and_then(|a| a.engagements),
                passed_unplanned: l.marked.is_some() && l.items.is_empty() && o.end <= period.to,
                key,
            }
        })
        .collect()
}

/// The occurrence key of the occasion `item` serves (its nearest
/// occurrence), for attributing its posts.
pub(crate) fn key_of(plan: &Plan, item: &crate::plan::model::calendar::Item) -> Option<String> {
    let definition = crate::plan::occasions::find(plan, &item.occasion.as_ref()?.value)?;
    let day = item.publish.get()?.date();
    crate::plan::occasions::nearest(&definition, day).map(|o| o.key())
}

//! The links the exports give back to the calendar: each exported post of
//! a period joined to a planned item (by its text or its time, as the
//! report joins them) on a platform whose link the calendar lacks — what
//! `publish --from-exports` offers to record.

use super::data::{Inputs, Period};
use super::reconcile::JoinedBy;
use crate::exports::Imported;
use crate::exports::followers::FollowerTotals;
use crate::plan::model::Plan;
use serde::Serialize;

/// A link the calendar could record for one item on one platform.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Proposal {
    pub item: String,
    pub platform: String,
    pub link: String,
    /// How the post was joined to the item: by its text, or its time only.
    pub by: JoinedBy,
    /// When the post went out, as the export says (local time, or the day
    /// where it gives no time).
    pub published: Option<String>,
    /// The time it went out: the export's, or its day at the item's
    /// planned time where the export gives only the day.
    #[serde(skip)]
    pub at: Option<chrono::NaiveDateTime>,
}

/// Every link the period's exported posts give items that lack one, in
/// the order of the items' planned times.
pub fn proposals(plan: &Plan, imported: &Imported, period: &Period) -> Vec<Proposal> {
    let followers = FollowerTotals::default();
    let inputs = Inputs::new(plan, imported, &followers, plan.time_zone());
    let platforms: Vec<String> = plan
        .platforms
        .iter()
        .flat_map(|p| &p.data.platforms)
        .map(|p| p.id.value.clone())
        .collect();
    let (_, placements, joined, posts) = inputs.period_data(period, &platforms);
    let mut out: Vec<(chrono::NaiveDateTime, Proposal)> = Vec::new();
    for (&post, &placement) in &joined.post_item {
        let placement = &placements[placement];
        let how = joined.how.get(&post).copied().unwrap_or(JoinedBy::Time);
        let recorded = placement
            .item
            .published
            .iter()
            .any(|(p, _)| p.value == placement.platform_id);
        let Some(link) = posts[post].post.url.clone() else {
            continue;
        };
        if how == JoinedBy::Link || recorded {
            continue;
        }
        let Some(planned) = placement.item.publish.get() else {
            continue;
        };
        out.push((
            *planned,
            Proposal {
                item: placement.item.id.value.clone(),
                platform: placement.platform_id.to_string(),
                link: link.to_string(),
                by: how,
                published: posts[post]
                    .time
                    .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                    .or_else(|| posts[post].date.map(|d| d.to_string())),
                // A post the export dates without a time went out on its
                // day at the item's planned time, as far as anyone knows.
                at: posts[post]
                    .time
                    .or_else(|| Some(posts[post].date?.and_time(planned.time()))),
            },
        ));
    }
    out.sort_by(|a, b| (a.0, &a.1.item, &a.1.platform).cmp(&(b.0, &b.1.item, &b.1.platform)));
    out.into_iter().map(|(_, p)| p).collect()
}

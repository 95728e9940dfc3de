//! `calendar/YYYY-MM.yaml`: one month of content items.

use super::fields::{Entries, Id, Located, Parsed, Text, keyword_enum};
use crate::text::dates::Month;
use chrono::NaiveDateTime;
use serde::Deserialize;

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CalendarMonth {
    /// The month this file plans; must match the file name.
    pub month: Option<Parsed<Month>>,
    /// Where the month's plan stands (drafted, approved...).
    pub status: Option<Parsed<Status>>,
    /// Who approved the month's calendar, and when.
    pub approved: Option<super::approval::Signoff>,
    #[serde(default)]
    pub items: Vec<Item>,
    /// Ids of tasks finished that no status completes (weekly reviews, reports...),
    /// e.g. `weekly-interaction-review/2026-W45`.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub done: Vec<Id>,
    /// When tasks were done, by task id, as `khairukum done` records it
    /// (`monthly-scorecard/2026-10: 2026-11-03T10:00`); the team section
    /// takes these before the plan's history.
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, String>")]
    pub done_at: Entries<Id, Parsed<NaiveDateTime>>,
    /// What was said when a task was recorded done, by task id
    /// (`khairukum done --note`).
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, String>")]
    pub done_notes: Entries<Id, Text>,
    /// The month named by the file (`calendar/2026-11.yaml`), set by the loader.
    #[serde(skip)]
    pub file_month: Option<Month>,
}

impl CalendarMonth {
    /// The month the file plans: as `month:` writes it, else its file name's.
    pub fn planned_month(&self) -> Option<Month> {
        self.month
            .as_ref()
            .and_then(Parsed::get)
            .copied()
            .or(self.file_month)
    }
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    #[schemars(with = "String")]
    pub id: Id,
    pub title: Text,
    /// Publish time in the plan's time zone.
    pub publish: Parsed<NaiveDateTime>,
    #[schemars(with = "Vec<String>")]
    pub platforms: Vec<Id>,
    #[schemars(with = "Option<String>")]
    pub goal: Option<Id>,
    /// The KPI the item is meant to move (optional; must belong to `goal`).
    #[schemars(with = "Option<String>")]
    pub kpi: Option<Id>,
    #[schemars(with = "Option<String>")]
    pub audience: Option<Id>,
    pub format: Parsed<Format>,
    #[schemars(with = "String")]
    pub owner: Id,
    pub status: Parsed<Status>,
    pub campaign: Option<String>,
    /// The occasion it serves (`ramadan`, `eid-al-adha`, or one of the
    /// plan's own in `occasions.yaml`).
    #[schemars(with = "Option<String>")]
    pub occasion: Option<Id>,
    /// The post's text per platform id.
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, String>")]
    pub text: Entries<Id, Id>,
    /// The published post's link per platform id.
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, String>")]
    pub published: Entries<Id, Id>,
    /// When each post went out, per platform id, as `khairukum publish`
    /// records it (plan time zone).
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, String>")]
    pub published_at: Entries<Id, Parsed<NaiveDateTime>>,
    /// Figures read by hand off a platform that exports none per post
    /// (Snapchat, WhatsApp), per platform id.
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, ByHand>")]
    pub figures: Entries<Id, ByHand>,
    pub notes: Option<Text>,
}

/// A published post's figures as read by hand in the platform's app.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ByHand {
    /// Views (the platform's count of times the post was seen).
    #[schemars(with = "Option<u64>")]
    pub views: Option<Located<u64>>,
    /// Reactions, replies and shares together, as the app shows them.
    #[schemars(with = "Option<u64>")]
    pub interactions: Option<Located<u64>>,
    /// The day they were read: figures keep growing after publishing.
    #[schemars(with = "String")]
    pub read: Parsed<chrono::NaiveDate>,
}

/// Written under `published:` for a post that has no public link (a
/// Snapchat story, a WhatsApp broadcast): published, with nothing to link.
pub const NO_PUBLIC_LINK: &str = "no-public-link";

keyword_enum! {
    /// Where an item (or a month's plan) stands; each status implies the ones before it.
    Status {
        Idea = "idea",
        Drafted = "drafted",
        Approved = "approved",
        Scheduled = "scheduled",
        Published = "published",
        Cancelled = "cancelled",
    }
}

keyword_enum! {
    /// The form a content item takes.
    Format {
        Text = "text",
        Image = "image",
        Video = "video",
        Reel = "reel",
        Story = "story",
        Carousel = "carousel",
        Infographic = "infographic",
        Live = "live",
        Link = "link",
        Poll = "poll",
    }
}

impl Status {
    /// The status in the reader's words (`scheduled` → «مجدولة»).
    pub fn words(self) -> crate::text::i18n::Msg {
        match self {
            Status::Idea => crate::t!("item-status.idea"),
            Status::Drafted => crate::t!("item-status.drafted"),
            Status::Approved => crate::t!("item-status.approved"),
            Status::Scheduled => crate::t!("item-status.scheduled"),
            Status::Published => crate::t!("item-status.published"),
            Status::Cancelled => crate::t!("item-status.cancelled"),
        }
    }

    /// Whether an item at `self` has passed through `step` (cancelled passes nothing).
    pub fn reached(self, step: Status) -> bool {
        self != Status::Cancelled && step != Status::Cancelled && self >= step
    }
}

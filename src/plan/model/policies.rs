//! `policies.yaml`: the written publishing standards the validator enforces.

use super::calendar::Status;
use super::fields::Located as Spanned;
use super::fields::{Entries, Id, Parsed, Text, keyword_enum};
use crate::text::dates::Duration;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Policies {
    /// Standards in prose, for people; the fields below are what is checked.
    #[serde(default)]
    pub standards: Vec<Text>,
    pub hashtags: Option<Hashtags>,
    /// Words that must not appear in a post (matched ignoring diacritics and letter forms).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub banned_words: Vec<Id>,
    /// Text limits by platform kind or platform id, overriding the platform's own.
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, u32>")]
    pub text_limits: Entries<Id, Spanned<u32>>,
    pub approval: Option<Approval>,
    pub response_time: Option<ResponseTime>,
    /// How far (in percentage points) a month's mix may stray from the focus shares.
    #[schemars(with = "Option<f64>")]
    pub mix_tolerance: Option<Spanned<f64>>,
    /// How many days before or after its planned day an exported post is
    /// taken for an item because it carries the item's text (default 3).
    #[schemars(with = "Option<u32>")]
    pub text_match_days: Option<Spanned<u32>>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Hashtags {
    #[schemars(with = "Option<u32>")]
    pub max_per_post: Option<Spanned<u32>>,
    #[serde(default)]
    pub recommended: Vec<String>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// Content must be approved before it reaches this status.
    pub before: Parsed<Status>,
    /// Who may approve: people or `role:` references.
    #[schemars(with = "Vec<String>")]
    pub by: Vec<Id>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResponseTime {
    /// The longest a follower waits for a first reply.
    pub promise: Parsed<Duration>,
    pub clock: Option<Parsed<Clock>>,
}

keyword_enum! {
    /// Which hours count toward a response time.
    Clock { WorkingHours = "working-hours", Calendar = "calendar" }
}

/// Default tolerance for the calendar mix, in percentage points.
pub(crate) const DEFAULT_MIX_TOLERANCE: f64 = 10.0;
/// Default days either side of an item's planned day within which a post
/// carrying its text is taken for it.
pub const DEFAULT_TEXT_MATCH_DAYS: u32 = 3;

impl Policies {
    pub fn mix_tolerance(&self) -> f64 {
        self.mix_tolerance
            .as_ref()
            .map_or(DEFAULT_MIX_TOLERANCE, |t| t.value)
    }

    /// Days either side of the planned day for a join by text.
    pub fn text_match_days(&self) -> u32 {
        self.text_match_days
            .as_ref()
            .map_or(DEFAULT_TEXT_MATCH_DAYS, |d| d.value)
    }
}

//! An approval on record: who approved the plan, or a month's calendar,
//! and on which day — written in the plan files, so that it is reviewed in
//! the pull request that records it.

use super::fields::{Id, Parsed, Text};
use chrono::NaiveDate;
use serde::Deserialize;

/// Who approved, and when.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signoff {
    /// A person of `team.yaml`.
    #[schemars(with = "String")]
    pub by: Id,
    /// The day of the approval (`2026-10-28` or `1448-05-07 AH`).
    #[schemars(with = "String")]
    pub on: Parsed<NaiveDate>,
    /// What was said with it (conditions, the meeting it was given in).
    pub note: Option<Text>,
}

//! `process.yaml`: the operational process — stages in order, each broken
//! into small steps with an owner, a cadence and a due offset.

use super::calendar::Status;
use super::fields::{Id, Parsed, Text, keyword_enum};
use crate::text::dates::Duration;
use serde::Deserialize;

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Process {
    pub stages: Vec<Stage>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    #[schemars(with = "String")]
    pub id: Id,
    pub name: Text,
    pub description: Option<Text>,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Step {
    #[schemars(with = "String")]
    pub id: Id,
    pub name: Text,
    /// A person's id, or `role:<role-id>`.
    #[schemars(with = "String")]
    pub owner: Id,
    /// What one task of this step is for: each content item, month, week, or the plan.
    pub per: Parsed<Per>,
    /// Steps that must be done first.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub after: Vec<Id>,
    /// When the task is due, relative to its anchor: the item's publish
    /// time, the start of the month or week, or the start of the plan.
    pub due: Parsed<Duration>,
    /// The status (of the item, or of the month's calendar) that completes the task.
    pub done_when: Option<Parsed<Status>>,
    /// Time one task takes, counted against the owner's weekly hours.
    pub effort: Option<Parsed<Duration>>,
    /// For content steps: only items on these platforms (empty: all).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub platforms: Vec<Id>,
}

keyword_enum! {
    /// What a step's tasks are counted per.
    Per { Content = "content", Month = "month", Week = "week", Quarter = "quarter", Plan = "plan", Campaign = "campaign", Occasion = "occasion" }
}

/// An owner reference: a person or a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner<'a> {
    Person(&'a str),
    Role(&'a str),
}

impl<'a> Owner<'a> {
    pub fn parse(text: &'a str) -> Owner<'a> {
        match text.strip_prefix("role:") {
            Some(role) => Owner::Role(role.trim()),
            None => Owner::Person(text.trim()),
        }
    }
}

impl Process {
    pub fn steps(&self) -> impl Iterator<Item = &Step> {
        self.stages.iter().flat_map(|s| s.steps.iter())
    }
}

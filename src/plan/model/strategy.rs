//! `strategy.yaml`: the strategy the plan came from — the analysis of
//! strengths, weaknesses, opportunities and threats, the study of peer
//! organisations, the recommendations drawn from them (each with an owner,
//! a due day and the goal it serves), and the reviews the continuous
//! improvement repeats (peers and platform changes monthly, the process
//! quarterly).

use super::fields::{Entries, Id, Located, Parsed, Text, keyword_enum};
use crate::text::dates::Duration;
use chrono::NaiveDate;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Strategy {
    #[serde(default)]
    pub swot: Swot,
    /// Peer organisations studied.
    #[serde(default)]
    pub peers: Vec<Peer>,
    #[serde(default)]
    pub recommendations: Vec<Recommendation>,
    /// The reviews the continuous improvement repeats.
    #[serde(default)]
    pub reviews: Vec<Review>,
}

/// The four lists of the analysis.
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Swot {
    #[serde(default)]
    pub strengths: Vec<SwotItem>,
    #[serde(default)]
    pub weaknesses: Vec<SwotItem>,
    #[serde(default)]
    pub opportunities: Vec<SwotItem>,
    #[serde(default)]
    pub threats: Vec<SwotItem>,
}

impl Swot {
    /// Every item, with the list it is in (`strengths`...).
    pub fn items(&self) -> impl Iterator<Item = (&'static str, &SwotItem)> {
        self.strengths
            .iter()
            .map(|i| ("strengths", i))
            .chain(self.weaknesses.iter().map(|i| ("weaknesses", i)))
            .chain(self.opportunities.iter().map(|i| ("opportunities", i)))
            .chain(self.threats.iter().map(|i| ("threats", i)))
    }
}

/// One point of the analysis, and the goals and platforms it bears on.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SwotItem {
    #[schemars(with = "String")]
    pub id: Id,
    pub text: Text,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub goals: Vec<Id>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub platforms: Vec<Id>,
}

/// A peer organisation: its accounts and what is learned from it.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Peer {
    #[schemars(with = "String")]
    pub id: Id,
    pub name: Text,
    /// Its account on each platform, by platform kind (`x: "@handle"`).
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, String>")]
    pub accounts: Entries<Id, Located<String>>,
    /// What is learned from it.
    pub learned: Option<Text>,
}

/// A recommendation of the strategy: a task with an owner and a due day.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recommendation {
    #[schemars(with = "String")]
    pub id: Id,
    pub text: Text,
    /// The goal it serves.
    #[schemars(with = "String")]
    pub goal: Id,
    /// A person's id, or `role:<role id>`.
    #[schemars(with = "String")]
    pub owner: Id,
    #[schemars(with = "String")]
    pub due: Parsed<NaiveDate>,
    /// The points of the analysis or the peers it comes from.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub from: Vec<Id>,
}

/// A review the continuous improvement repeats.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Review {
    #[schemars(with = "String")]
    pub id: Id,
    pub name: Text,
    /// What it looks at.
    #[schemars(with = "String")]
    pub of: Parsed<ReviewOf>,
    #[schemars(with = "String")]
    pub every: Parsed<Every>,
    /// A person's id, or `role:<role id>`.
    #[schemars(with = "String")]
    pub owner: Id,
    /// When it is due, from the start of its week, month or quarter (`+5d`).
    #[schemars(with = "String")]
    pub due: Parsed<Duration>,
}

keyword_enum! {
    /// What a review looks at.
    ReviewOf {
        Peers = "peers",
        Platforms = "platforms",
        Audience = "audience",
        Tasks = "tasks",
        People = "people",
        Process = "process"
    }
}

keyword_enum! {
    /// How often a review is made.
    Every { Week = "week", Month = "month", Quarter = "quarter" }
}

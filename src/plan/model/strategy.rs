//! `strategy.yaml`: the strategy the plan came from — the analysis of
//! strengths, weaknesses, opportunities and threats, the study of peer
//! organisations, the recommendations drawn from them (each with an owner,
//! a due day and the goal it serves), and the reviews the continuous
//! improvement repeats (peers and platform changes monthly, the process
//! quarterly).

use super::fields::{Entries, Id, Located, Parsed, Text, keyword_enum};
use super::process::{Per, Step};
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
    /// A monitoring tool's CSV exports of the peers' monthly figures, and
    /// how their columns map (figures by hand go in the exports folder's
    /// `peers.yaml`).
    pub monitoring: Option<Monitoring>,
    /// The recommendations and reviews as process steps, so that their
    /// tasks derive like any other (set by the loader: [`Strategy::steps_of`]).
    #[serde(skip)]
    #[schemars(skip)]
    pub steps: Vec<Step>,
}

/// A value the loader did not read from text but made: its words and place
/// are those of what it was made from.
fn parsed<T>(raw: &str, at: crate::plan::source::At, value: T) -> Parsed<T> {
    Parsed {
        raw: raw.to_string(),
        at,
        value: Ok(value),
    }
}

impl Strategy {
    /// Each recommendation as a step done once, due at the end of its day
    /// (counted from the plan's start), and each review as a step done
    /// every week, month or quarter; owners as written.
    pub fn steps_of(&self, plan_start: Option<NaiveDate>) -> Vec<Step> {
        let mut out = Vec::new();
        for r in &self.recommendations {
            let (Some(start), Some(due)) = (plan_start, r.due.get()) else {
                continue;
            };
            // Due at 23:59 of its day.
            let minutes = (*due - start).num_days() * 24 * 60 + 24 * 60 - 1;
            out.push(Step {
                id: r.id.clone(),
                name: r.text.clone(),
                owner: r.owner.clone(),
                per: parsed("plan", r.id.at, Per::Plan),
                after: Vec::new(),
                due: parsed(&r.due.raw, r.due.at, Duration { minutes }),
                done_when: None,
                effort: None,
                platforms: Vec::new(),
            });
        }
        for review in &self.reviews {
            let (Some(every), Some(due)) = (review.every.get(), review.due.get()) else {
                continue;
            };
            let per = match every {
                Every::Week => Per::Week,
                Every::Month => Per::Month,
                Every::Quarter => Per::Quarter,
            };
            out.push(Step {
                id: review.id.clone(),
                name: review.name.clone(),
                owner: review.owner.clone(),
                per: parsed(&review.every.raw, review.every.at, per),
                after: Vec::new(),
                due: parsed(&review.due.raw, review.due.at, *due),
                done_when: None,
                effort: None,
                platforms: Vec::new(),
            });
        }
        out
    }
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

/// Where a monitoring tool's exports of the peers' figures are and how
/// their columns map onto them: one row per account and month.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Monitoring {
    /// The tool or study the figures come from, named in the report.
    pub source: Text,
    /// The files under the exports folder (`peers/*.csv`; `*` stays in a
    /// folder, `**` crosses folders).
    #[schemars(with = "String")]
    pub files: Located<String>,
    /// The column with the month (`2026-11`) or a day of it.
    #[schemars(with = "String")]
    pub month: Located<String>,
    /// The column with the account, matched with the peers' `accounts`
    /// (case and a leading `@` ignored).
    #[schemars(with = "String")]
    pub account: Located<String>,
    /// The column naming the platform, when handles alone do not tell.
    #[schemars(with = "Option<String>")]
    pub platform: Option<Located<String>>,
    /// The platform kind of each value of that column that is not one
    /// already (`Twitter: x`).
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, String>")]
    pub platform_values: Entries<Id, Id>,
    /// The column with the followers at the month's end.
    #[schemars(with = "Option<String>")]
    pub followers: Option<Located<String>>,
    /// The column with the posts published in the month.
    #[schemars(with = "Option<String>")]
    pub posts: Option<Located<String>>,
    /// The column with the interactions with them in the month.
    #[schemars(with = "Option<String>")]
    pub interactions: Option<Located<String>>,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recommendations_and_reviews_become_steps() {
        let strategy: Strategy = serde_saphyr::from_str(
            "recommendations:\n- {id: rota, text: Rota, goal: g, owner: sara, due: 2026-01-03}\n\
             reviews:\n- {id: peers, name: Watch, of: peers, every: quarter, owner: omar, due: +5d}\n",
        )
        .unwrap();
        let start = NaiveDate::from_ymd_opt(2026, 1, 1);
        let steps = strategy.steps_of(start);
        assert_eq!(steps.len(), 2);
        // Two days after the start, at 23:59.
        assert_eq!(steps[0].per.get(), Some(&Per::Plan));
        assert_eq!(
            steps[0].due.get(),
            Some(&Duration {
                minutes: 3 * 24 * 60 - 1
            })
        );
        assert_eq!(steps[1].per.get(), Some(&Per::Quarter));
        assert_eq!(
            steps[1].due.get(),
            Some(&Duration {
                minutes: 5 * 24 * 60
            })
        );
        // Without a plan start, a recommendation has no day to count from.
        assert_eq!(strategy.steps_of(None).len(), 1);
    }
}

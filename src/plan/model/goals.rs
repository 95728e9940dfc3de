//! `goals.yaml`: strategic goals and the scorecard KPIs that measure them.

use super::fields::{Id, Parsed, Text, keyword_enum};
use chrono::NaiveDate;
use serde::Deserialize;

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goals {
    pub goals: Vec<Goal>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    #[schemars(with = "String")]
    pub id: Id,
    pub name: Text,
    pub description: Option<Text>,
    #[serde(default)]
    pub kpis: Vec<Kpi>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kpi {
    #[schemars(with = "String")]
    pub id: Id,
    pub name: Text,
    /// A metric id from the metric dictionary.
    #[schemars(with = "String")]
    pub metric: Id,
    /// Platforms the KPI is measured on; empty means all the plan uses.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub platforms: Vec<Id>,
    pub direction: Option<Parsed<Direction>>,
    /// How often the KPI is measured against its target.
    pub period: Option<Parsed<KpiPeriod>>,
    pub unit: Option<String>,
    pub baseline: Option<Baseline>,
    pub target: Option<Target>,
    /// For a composite metric (influence strength): its parts and weights.
    #[serde(default)]
    pub parts: Vec<Part>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// The value, with where it is written (`5%` is read as 0.05).
    #[serde(rename = "value")]
    pub amount: crate::plan::model::fields::Located<crate::plan::model::fields::Number>,
    pub at: Parsed<NaiveDate>,
}

impl Baseline {
    pub fn value(&self) -> f64 {
        self.amount.value.value
    }
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// The value, with where it is written (`5%` is read as 0.05).
    #[serde(rename = "value")]
    pub amount: crate::plan::model::fields::Located<crate::plan::model::fields::Number>,
    pub by: Parsed<NaiveDate>,
}

impl Target {
    pub fn value(&self) -> f64 {
        self.amount.value.value
    }
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Part {
    #[schemars(with = "String")]
    pub metric: Id,
    #[schemars(with = "f64")]
    pub weight: crate::plan::model::fields::Located<f64>,
    /// The value of this part that scores 100.
    pub target: Option<f64>,
}

keyword_enum! {
    /// Whether a KPI improves by going up or down.
    Direction { Increase = "increase", Decrease = "decrease" }
}

keyword_enum! {
    /// How often a KPI is measured.
    KpiPeriod { Month = "month", Quarter = "quarter", Year = "year", Plan = "plan" }
}

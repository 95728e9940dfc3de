//! `plan.yaml`: the organisation, the plan period, its time zone and working week.

use super::fields::{Parsed, Text, Weekday};
use chrono::{NaiveDate, NaiveTime};
use serde::Deserialize;

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanSettings {
    pub organisation: Organisation,
    pub period: Period,
    pub time_zone: Parsed<chrono_tz::Tz>,
    #[serde(default)]
    pub languages: Vec<String>,
    pub week_start: Option<Parsed<Weekday>>,
    #[serde(default)]
    pub working_days: Vec<Parsed<Weekday>>,
    pub working_hours: Option<WorkingHours>,
    /// Where the platform exports are, relative to the plan folder
    /// (default: `exports` inside it).
    pub exports: Option<String>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub name: Text,
    pub website: Option<String>,
    pub unit: Option<Text>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub name: Option<Text>,
    pub start: Parsed<NaiveDate>,
    pub end: Parsed<NaiveDate>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkingHours {
    pub start: Parsed<NaiveTime>,
    pub end: Parsed<NaiveTime>,
}

impl PlanSettings {
    /// The plan period, when both ends are valid dates and it ends after it starts.
    pub fn period(&self) -> Option<(NaiveDate, NaiveDate)> {
        let (start, end) = (*self.period.start.get()?, *self.period.end.get()?);
        (start < end).then_some((start, end))
    }

    /// The first day of the week (Sunday unless the plan says otherwise).
    pub fn week_start(&self) -> chrono::Weekday {
        self.week_start
            .as_ref()
            .and_then(|w| w.get())
            .map_or(chrono::Weekday::Sun, |w| w.to_chrono())
    }
}

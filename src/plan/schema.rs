//! JSON Schemas of the plan files, generated from the very types the loader
//! reads, so the two cannot drift. Editors (VS Code's YAML extension) use
//! them to complete and check fields as staff type.

use crate::plan::model::{
    audience::Audience,
    budget::Budget,
    calendar::CalendarMonth,
    coverage::Coverage,
    goals::Goals,
    measures::{Measures, Recorded},
    platforms::Platforms,
    policies::Policies,
    process::Process,
    settings::PlanSettings,
    strategy::Strategy,
    team::Team,
};
use schemars::{JsonSchema, schema_for};
use serde_json::Value;

/// Where the published schemas live (the `schemas/` folder of the repository).
pub(crate) const BASE_URL: &str =
    "https://raw.githubusercontent.com/khairukum/khairukum/main/schemas";

fn with_id<T: JsonSchema>(name: &str, title: &str) -> Value {
    let mut schema = serde_json::to_value(schema_for!(T)).expect("a schema is JSON");
    schema["$id"] = Value::String(format!("{BASE_URL}/{name}.schema.json"));
    schema["title"] = Value::String(title.to_string());
    schema
}

/// Every plan file's schema: (file stem, schema). `calendar` is for
/// `calendar/YYYY-MM.yaml`, `records` for `measures/YYYY-MM.yaml`.
pub fn all() -> Vec<(&'static str, Value)> {
    vec![
        (
            "plan",
            with_id::<PlanSettings>("plan", "khairukum plan.yaml"),
        ),
        ("team", with_id::<Team>("team", "khairukum team.yaml")),
        ("goals", with_id::<Goals>("goals", "khairukum goals.yaml")),
        (
            "audience",
            with_id::<Audience>("audience", "khairukum audience.yaml"),
        ),
        (
            "platforms",
            with_id::<Platforms>("platforms", "khairukum platforms.yaml"),
        ),
        (
            "process",
            with_id::<Process>("process", "khairukum process.yaml"),
        ),
        (
            "policies",
            with_id::<Policies>("policies", "khairukum policies.yaml"),
        ),
        (
            "calendar",
            with_id::<CalendarMonth>("calendar", "khairukum calendar/YYYY-MM.yaml"),
        ),
        (
            "measures",
            with_id::<Measures>("measures", "khairukum measures.yaml"),
        ),
        (
            "records",
            with_id::<Recorded>("records", "khairukum measures/YYYY-MM.yaml"),
        ),
        (
            "coverage",
            with_id::<Coverage>("coverage", "khairukum coverage.yaml"),
        ),
        (
            "budget",
            with_id::<Budget>("budget", "khairukum budget.yaml"),
        ),
        (
            "strategy",
            with_id::<Strategy>("strategy", "khairukum strategy.yaml"),
        ),
    ]
}

/// The schema's text as written to `schemas/<name>.schema.json`.
pub fn text(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).expect("a schema is JSON");
    text.push('\n');
    text
}

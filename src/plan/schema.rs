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
    occasions::Occasions,
    platforms::Platforms,
    policies::Policies,
    process::Process,
    settings::PlanSettings,
    strategy::Strategy,
    team::Team,
};
use schemars::{JsonSchema, schema_for};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Where the published schemas live (the `schemas/` folder of the repository).
pub(crate) const BASE_URL: &str =
    "https://raw.githubusercontent.com/khairukum/khairukum/main/schemas";

fn with_id<T: JsonSchema>(name: &str, title: &str) -> Value {
    let mut schema = serde_json::to_value(schema_for!(T)).expect("a schema is JSON");
    in_arabic_too(&mut schema, &mut Vec::new());
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
            "occasions",
            with_id::<Occasions>("occasions", "khairukum occasions.yaml"),
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

/// The Arabic of the descriptions, by their English with lines joined
/// (`locales/schema-ar.toml`).
static ARABIC: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    #[derive(serde::Deserialize)]
    struct File {
        description: Vec<Pair>,
    }
    #[derive(serde::Deserialize)]
    struct Pair {
        en: String,
        ar: String,
    }
    let file: File = toml::from_str(include_str!("../../locales/schema-ar.toml"))
        .expect("locales/schema-ar.toml is valid TOML");
    file.description.into_iter().map(|p| (p.en, p.ar)).collect()
});

/// Puts each description's Arabic before its English, for the staff who
/// read Arabic first; the English of those with no Arabic goes in `missing`.
fn in_arabic_too(value: &mut Value, missing: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(english)) = map.get_mut("description") {
                let joined = english.split_whitespace().collect::<Vec<_>>().join(" ");
                match ARABIC.get(&joined) {
                    Some(arabic) => *english = format!("{arabic}\n\n{english}"),
                    None => missing.push(joined),
                }
            }
            map.values_mut().for_each(|v| in_arabic_too(v, missing));
        }
        Value::Array(values) => values.iter_mut().for_each(|v| in_arabic_too(v, missing)),
        _ => {}
    }
}

/// The schema's text as written to `schemas/<name>.schema.json`.
pub fn text(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).expect("a schema is JSON");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every description an editor shows is in Arabic first: a doc comment
    /// added to the model without its Arabic in `locales/schema-ar.toml`
    /// fails here, named.
    #[test]
    fn every_description_has_its_arabic() {
        let mut missing = Vec::new();
        let mut count = 0;
        for (name, schema) in all() {
            let mut english = schema.clone();
            strip_arabic(&mut english);
            let mut found = Vec::new();
            in_arabic_too(&mut english, &mut found);
            missing.extend(found.into_iter().map(|d| format!("{name}: {d}")));
            count += descriptions(&schema);
        }
        assert!(count > 100, "only {count} descriptions");
        assert!(missing.is_empty(), "no Arabic for:\n{}", missing.join("\n"));
    }

    /// Back to the English alone, as the doc comments write it.
    fn strip_arabic(value: &mut Value) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(text)) = map.get_mut("description")
                    && let Some((_, english)) = text.split_once("\n\n")
                {
                    *text = english.to_string();
                }
                map.values_mut().for_each(strip_arabic);
            }
            Value::Array(values) => values.iter_mut().for_each(strip_arabic),
            _ => {}
        }
    }

    fn descriptions(value: &Value) -> usize {
        match value {
            Value::Object(map) => {
                usize::from(map.get("description").is_some_and(Value::is_string))
                    + map.values().map(descriptions).sum::<usize>()
            }
            Value::Array(values) => values.iter().map(descriptions).sum(),
            _ => 0,
        }
    }
}

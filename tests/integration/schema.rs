//! The JSON Schemas: committed copies match the loader's types, the
//! charity's plan passes them, and every shape error the validator reports
//! on a mutated plan is one the schema rejects too (checked with the
//! `jsonschema` crate, which shares nothing with the schema generator).

use crate::common::*;

fn schemas() -> Vec<(&'static str, serde_json::Value)> {
    khairukum::plan::schema::all()
}

fn validator(name: &str) -> jsonschema::Validator {
    let (_, schema) = schemas().into_iter().find(|(n, _)| *n == name).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn schema_name(file: &str) -> &str {
    if file.starts_with("calendar/") {
        "calendar"
    } else {
        file.trim_end_matches(".yaml")
    }
}

fn as_json(path: &std::path::Path) -> serde_json::Value {
    serde_saphyr::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn committed_schemas_are_up_to_date() {
    for (name, schema) in schemas() {
        let committed = std::fs::read_to_string(root().join(format!("schemas/{name}.schema.json")))
            .unwrap_or_else(|_| {
                panic!("schemas/{name}.schema.json is missing: run `khairukum schema`")
            });
        assert_eq!(
            committed,
            khairukum::plan::schema::text(&schema),
            "schemas/{name}.schema.json is stale: run `khairukum schema`"
        );
    }
}

#[test]
fn the_charity_plan_passes_its_schemas() {
    let plans = root().join("plans");
    let mut checked = 0;
    for file in [
        "plan.yaml",
        "team.yaml",
        "goals.yaml",
        "audience.yaml",
        "platforms.yaml",
        "process.yaml",
        "policies.yaml",
        "calendar/2026-10.yaml",
        "calendar/2026-11.yaml",
        "calendar/2026-12.yaml",
    ] {
        let doc = as_json(&plans.join(file));
        let errors: Vec<String> = validator(schema_name(file))
            .iter_errors(&doc)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{file}: {errors:?}");
        checked += 1;
    }
    assert_eq!(checked, 10);
}

#[test]
fn shape_errors_are_schema_errors_too() {
    let mutations: &[(&str, &str, &str, &str)] = &[
        (
            "platforms.yaml",
            "posts_per_week: 2",
            "post_per_week: 2",
            "KH004",
        ),
        ("platforms.yaml", "focus: 30", "focus: ثلاثون", "KH002"),
        (
            "platforms.yaml",
            "    handle: \"@khairukum\"\n    focus: 30",
            "    focus: 30",
            "KH003",
        ),
        ("platforms.yaml", "kind: x", "kind: twitter", "KH005"),
        (
            "calendar/2026-11.yaml",
            "status: published",
            "status: publishd",
            "KH005",
        ),
        (
            "team.yaml",
            "hours_per_week: 20",
            "hours_per_weak: 20",
            "KH004",
        ),
        (
            "goals.yaml",
            "metric: followers_total",
            "metric: [followers_total]",
            "KH002",
        ),
        (
            "process.yaml",
            "    per: month\n        due: -12d",
            "    per: monthly\n        due: -12d",
            "KH005",
        ),
    ];
    for (file, from, to, code) in mutations {
        let dir = copy_plan("plans");
        edit(dir.path(), file, from, to);
        let (_, json) = validate_json(dir.path());
        let codes = codes_in(&json);
        assert!(
            codes.iter().any(|c| c == code),
            "{file} `{to}`: validator gave {codes:?}"
        );
        let doc = as_json(&dir.path().join("plan").join(file));
        assert!(
            !validator(schema_name(file)).is_valid(&doc),
            "{file} `{to}`: the schema accepts what the validator rejects ({code})"
        );
    }
}

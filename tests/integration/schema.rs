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

/// Every plan file of both examples names its schema on its first line,
/// as `init` writes it, so an editor checks it as staff type; the schema
/// named exists beside the repository, and the file passes it.
#[test]
fn every_shipped_plan_file_names_its_schema_and_passes_it() {
    let mut checked = 0;
    for plans in ["plans", "examples/food-bank/plans"] {
        for entry in walkdir::WalkDir::new(root().join(plans)).sort_by_file_name() {
            let entry = entry.unwrap();
            let path = entry.path();
            let relative = path.strip_prefix(root().join(plans)).unwrap();
            if path.extension().is_none_or(|e| e != "yaml") || relative.starts_with("exports") {
                continue;
            }
            let text = std::fs::read_to_string(path).unwrap();
            let first = text.lines().next().unwrap_or("");
            let named = first
                .strip_prefix("# yaml-language-server: $schema=")
                .unwrap_or_else(|| panic!("{}: no schema line", path.display()));
            let schema_file = path.parent().unwrap().join(named);
            assert!(
                schema_file.exists(),
                "{}: {named} does not exist",
                path.display()
            );
            let name = named
                .rsplit('/')
                .next()
                .unwrap()
                .trim_end_matches(".schema.json");
            let doc = as_json(path);
            let errors: Vec<String> = validator(name)
                .iter_errors(&doc)
                .map(|e| format!("{e} at {}", e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", path.display());
            checked += 1;
        }
    }
    assert!(checked >= 24, "{checked} files");
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

/// Dates, times, months and durations written wrong are flagged by the
/// schema (an editor underlines them as staff type), and the forms the
/// plan reads pass: Hijri, Arabic-Indic digits, a space before the time.
#[test]
fn the_schemas_check_the_form_of_dates_times_and_durations() {
    let tiny = root().join("tests/fixtures/tiny-plan");
    let check = |file: &str, from: &str, to: &str| -> bool {
        let text = std::fs::read_to_string(tiny.join(file)).unwrap();
        assert!(text.contains(from), "{file}: {from}");
        let doc: serde_json::Value = serde_saphyr::from_str(&text.replacen(from, to, 1)).unwrap();
        validator(schema_name(file)).is_valid(&doc)
    };
    let by = "by: 2026-12-31";
    let publish = "publish: 2026-11-12T19:00";
    let wrong = [
        ("goals.yaml", by, "by: 2026/12/31"),
        ("goals.yaml", by, "by: 31-12-2026"),
        ("goals.yaml", by, "by: 2026-13-01"),
        ("goals.yaml", by, "by: 2026-12-32"),
        ("goals.yaml", by, "by: 2026-12-1"),
        ("calendar/2026-11.yaml", publish, "publish: 2026-11-12 7pm"),
        (
            "calendar/2026-11.yaml",
            publish,
            "publish: 2026-11-12T25:00",
        ),
        ("calendar/2026-11.yaml", publish, "publish: 2026-11-12"),
        ("calendar/2026-11.yaml", "month: 2026-11", "month: 2026-1"),
        ("process.yaml", "due: -2d", "due: 2 days"),
    ];
    for (file, from, to) in wrong {
        assert!(!check(file, from, to), "{file}: `{to}` passes the schema");
    }
    let right = [
        ("goals.yaml", by, "by: 1448-06-21 AH"),
        ("goals.yaml", by, "by: ١٤٤٨-٠٦-٢١ هـ"),
        (
            "calendar/2026-11.yaml",
            publish,
            "publish: 2026-11-12 19:00",
        ),
        (
            "calendar/2026-11.yaml",
            publish,
            "publish: 1448-05-21 AH 19:00",
        ),
        ("process.yaml", "due: -2d", "due: -1d12h"),
    ];
    for (file, from, to) in right {
        assert!(
            check(file, from, to),
            "{file}: `{to}` is refused by the schema"
        );
    }
}

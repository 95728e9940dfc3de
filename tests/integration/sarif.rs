//! SARIF output validates against the official SARIF 2.1.0 JSON Schema
//! (copied into `tests/conformance/sarif/`).

use crate::common::*;

fn schema() -> jsonschema::Validator {
    let text =
        std::fs::read_to_string(root().join("tests/conformance/sarif/sarif-schema-2.1.0.json"))
            .unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn sarif_of(dir: &std::path::Path) -> serde_json::Value {
    sarif_in(dir, "en")
}

fn sarif_in(dir: &std::path::Path, lang: &str) -> serde_json::Value {
    let out = khairukum(
        dir,
        &[
            "plan", "validate", "--plan", "plan", "--format", "sarif", "--lang", lang,
        ],
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn assert_valid(doc: &serde_json::Value) {
    let validator = schema();
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF does not match the schema:\n{}",
        errors.join("\n")
    );
}

#[test]
fn sarif_with_findings_and_related_locations_is_valid() {
    let dir = copy_plan("tests/fixtures/tiny-plan");
    copy_dir(
        &root().join("tests/cases/content-rules/plan"),
        &dir.path().join("plan"),
    );
    copy_dir(
        &root().join("tests/cases/process-rules/plan"),
        &dir.path().join("plan"),
    );
    std::fs::write(dir.path().join("plan/extra.yaml"), "x: 1\n").unwrap();
    let doc = sarif_of(dir.path());
    let results = doc["runs"][0]["results"].as_array().unwrap();
    assert!(results.len() >= 6, "{doc:#}");
    assert!(results.iter().any(|r| r["relatedLocations"].is_array()));
    assert_eq!(doc["runs"][0]["columnKind"], "unicodeCodePoints");
    assert_valid(&doc);
}

#[test]
fn sarif_in_arabic_is_valid_and_says_its_language() {
    let dir = copy_plan("tests/fixtures/tiny-plan");
    copy_dir(
        &root().join("tests/cases/content-rules/plan"),
        &dir.path().join("plan"),
    );
    let doc = sarif_in(dir.path(), "ar");
    assert_eq!(doc["runs"][0]["language"], "ar");
    let first = doc["runs"][0]["results"][0]["message"]["text"]
        .as_str()
        .unwrap();
    assert!(first.contains("والحد"), "{first}");
    assert_valid(&doc);
    assert!(sarif_of(dir.path())["runs"][0].get("language").is_none());
}

#[test]
fn sarif_of_a_clean_plan_is_valid() {
    let dir = copy_plan("plans");
    let doc = sarif_of(dir.path());
    assert_eq!(doc["runs"][0]["results"].as_array().unwrap().len(), 0);
    assert_valid(&doc);
}

#[test]
fn the_schema_rejects_a_broken_document() {
    // Guards the test itself: a document without `version` must fail.
    let dir = copy_plan("plans");
    let mut doc = sarif_of(dir.path());
    doc.as_object_mut().unwrap().remove("version");
    assert!(!schema().is_valid(&doc));
}

#[test]
fn export_findings_in_sarif_are_valid_and_located() {
    let dir = copy_plan("tests/fixtures/report-plan");
    copy_dir(
        &root().join("tests/cases/exports-check/exports"),
        &dir.path().join("exports"),
    );
    let out = khairukum(
        dir.path(),
        &[
            "exports",
            "check",
            "--plan",
            "plan",
            "--exports",
            "exports",
            "--format",
            "sarif",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_valid(&doc);
    let results = doc["runs"][0]["results"].as_array().unwrap();
    let not_a_number = results
        .iter()
        .find(|r| r["ruleId"] == "KH105")
        .expect("the bad count is a finding");
    let location = &not_a_number["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "exports/2026-11/x-content.csv"
    );
    assert_eq!(location["region"]["startLine"], 4);
    assert_eq!(location["region"]["startColumn"], 89);
}

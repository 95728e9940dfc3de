//! Mutated copies of the charity's own plan: each mutation must fail
//! validation with the right rule, file and line.

use crate::common::*;

fn expect_finding(dir: &std::path::Path, code: &str, file: &str, line: u64) {
    let (status, json) = validate_json(dir);
    assert_eq!(status, 1, "expected exit 1, got {status}: {json:#}");
    let found = json["diagnostics"].as_array().unwrap().iter().any(|d| {
        d["code"] == code
            && d["location"]["file"] == format!("plan/{file}")
            && d["location"]["line"] == line
    });
    assert!(found, "no {code} at plan/{file}:{line} in {json:#}");
}

#[test]
fn the_charity_plan_is_clean() {
    let dir = copy_plan("plans");
    let (status, json) = validate_json(dir.path());
    assert_eq!(status, 0, "{json:#}");
    assert_eq!(json["summary"]["errors"], 0);
    assert_eq!(json["summary"]["warnings"], 0);
    assert!(json["summary"]["files"].as_u64().unwrap() >= 10);
}

#[test]
fn a_broken_reference() {
    let dir = copy_plan("plans");
    edit(
        dir.path(),
        "calendar/2026-11.yaml",
        "goal: strengthen-image",
        "goal: strengthen-imag",
    );
    let line = line_of(dir.path(), "calendar/2026-11.yaml", "goal: strengthen-imag");
    expect_finding(dir.path(), "KH021", "calendar/2026-11.yaml", line);
}

#[test]
fn a_typoed_key() {
    let dir = copy_plan("plans");
    edit(
        dir.path(),
        "platforms.yaml",
        "posts_per_week: 2",
        "post_per_week: 2",
    );
    let line = line_of(dir.path(), "platforms.yaml", "post_per_week");
    expect_finding(dir.path(), "KH004", "platforms.yaml", line);
}

#[test]
fn a_duplicate_id() {
    let dir = copy_plan("plans");
    edit(
        dir.path(),
        "calendar/2026-12.yaml",
        "id: zakat-winter",
        "id: hafiz-graduation",
    );
    let line = line_of(dir.path(), "calendar/2026-12.yaml", "id: hafiz-graduation");
    expect_finding(dir.path(), "KH020", "calendar/2026-12.yaml", line);
}

#[test]
fn an_impossible_date() {
    let dir = copy_plan("plans");
    edit(
        dir.path(),
        "plan.yaml",
        "end: 1448-12-30 AH",
        "end: 1448-11-30 AH",
    );
    let line = line_of(dir.path(), "plan.yaml", "end: 1448-11-30 AH");
    expect_finding(dir.path(), "KH006", "plan.yaml", line);
}

#[test]
fn a_process_cycle() {
    let dir = copy_plan("plans");
    edit(
        dir.path(),
        "process.yaml",
        "        per: month\n        due: -12d",
        "        per: month\n        after: [assign-monthly-tasks]\n        due: -12d",
    );
    let line = line_of(dir.path(), "process.yaml", "id: draft-monthly-plan");
    expect_finding(dir.path(), "KH040", "process.yaml", line);
}

#[test]
fn an_overlong_arabic_tweet() {
    let dir = copy_plan("plans");
    let long = "نص عربي طويل ".repeat(25);
    edit(
        dir.path(),
        "calendar/2026-12.yaml",
        "x: \"زكاتك تصنع حافظاً",
        &format!("x: \"{long}زكاتك تصنع حافظاً"),
    );
    let line = line_of(dir.path(), "calendar/2026-12.yaml", &long);
    expect_finding(dir.path(), "KH050", "calendar/2026-12.yaml", line);
}

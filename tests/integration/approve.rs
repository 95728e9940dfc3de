//! `khairukum approve` on a copy of the charity's plan: exactly the
//! expected lines change (comments, flow maps and Arabic text stay byte
//! for byte), the plan validates as clean as before, and an edit that is
//! refused or only shown leaves the file untouched.

use crate::common::{RECORDING_PLAN, copy_plan, khairukum, validate_json};
use std::fs;

fn read(dir: &std::path::Path, file: &str) -> String {
    fs::read_to_string(dir.join("plan").join(file)).unwrap()
}

#[test]
fn approving_a_month_changes_its_status_and_adds_one_line() {
    let dir = copy_plan(RECORDING_PLAN);
    let before = read(dir.path(), "calendar/2026-12.yaml");
    let (status, clean) = validate_json(dir.path());
    let out = khairukum(
        dir.path(),
        &[
            "approve",
            "--plan",
            "plan",
            "--month",
            "2026-12",
            "--by",
            "khalid",
            "--on",
            "2026-11-28",
            "--note",
            "في اجتماع الأحد، بشرط: المراجعة",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected = before.replacen(
        "status: drafted\n",
        "status: approved\napproved: {by: khalid, on: 2026-11-28, note: \"في اجتماع الأحد، بشرط: المراجعة\"}\n",
        1,
    );
    assert_ne!(expected, before);
    assert_eq!(read(dir.path(), "calendar/2026-12.yaml"), expected);
    // Every other file as it was, and the plan as clean as before.
    let original = copy_plan(RECORDING_PLAN);
    for file in [
        "plan.yaml",
        "team.yaml",
        "calendar/2026-11.yaml",
        "goals.yaml",
    ] {
        assert_eq!(
            read(dir.path(), file),
            read(original.path(), file),
            "{file}"
        );
    }
    assert_eq!(validate_json(dir.path()), (status, clean));
}

#[test]
fn approving_the_plan_replaces_its_approval_line_only() {
    let dir = copy_plan(RECORDING_PLAN);
    let before = read(dir.path(), "plan.yaml");
    let old = before
        .lines()
        .find(|l| l.starts_with("approved:"))
        .unwrap()
        .to_string();
    let out = khairukum(
        dir.path(),
        &[
            "approve",
            "--plan",
            "plan",
            "--whole-plan",
            "--by",
            "faisal",
            "--on",
            "2026-06-01",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        read(dir.path(), "plan.yaml"),
        before.replacen(&old, "approved: {by: faisal, on: 2026-06-01}", 1)
    );
}

#[test]
fn a_refused_or_shown_approval_writes_nothing() {
    let dir = copy_plan(RECORDING_PLAN);
    let before = read(dir.path(), "calendar/2026-11.yaml");
    let run = |args: &[&str]| khairukum(dir.path(), args);
    // No such person.
    let unknown = run(&[
        "approve", "--plan", "plan", "--month", "2026-11", "--by", "nobody",
    ]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&unknown.stderr).contains("`nobody` is no person of team.yaml")
    );
    // Approved after items were published: a new KH082, so nothing written.
    let late = run(&[
        "approve",
        "--plan",
        "plan",
        "--month",
        "2026-11",
        "--by",
        "khalid",
        "--on",
        "2026-11-28",
    ]);
    assert_eq!(late.status.code(), Some(2));
    let said = String::from_utf8_lossy(&late.stderr);
    assert!(
        said.contains("nothing was written") && said.contains("KH082"),
        "{said}"
    );
    // Shown as a diff only.
    let shown = run(&[
        "approve",
        "--plan",
        "plan",
        "--month",
        "2026-11",
        "--by",
        "sara",
        "--on",
        "2026-10-20",
        "--dry-run",
    ]);
    assert!(
        shown.status.success(),
        "{}",
        String::from_utf8_lossy(&shown.stderr)
    );
    let diff = String::from_utf8_lossy(&shown.stdout);
    assert!(
        diff.contains("-approved: {by: khalid, on: 2026-10-27}"),
        "{diff}"
    );
    assert!(
        diff.contains("+approved: {by: sara, on: 2026-10-20}"),
        "{diff}"
    );
    assert_eq!(read(dir.path(), "calendar/2026-11.yaml"), before);
}

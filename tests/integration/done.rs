//! `khairukum done` on a copy of the charity's plan: the time goes under
//! `done_at:` in the task's month (and the task under `done:` when no
//! status completes it), nothing else changes, and the report's team
//! section then takes that time before the plan's history.

use crate::common::{RECORDING_PLAN, copy_plan, khairukum, khairukum_json, validate_json};
use std::fs;

fn november(dir: &std::path::Path) -> String {
    fs::read_to_string(dir.join("plan/calendar/2026-11.yaml")).unwrap()
}

#[test]
fn a_task_done_is_recorded_and_the_team_section_uses_its_time() {
    let dir = copy_plan(RECORDING_PLAN);
    let before = november(dir.path());
    let clean = validate_json(dir.path());
    let team = |dir: &std::path::Path| {
        let report = khairukum_json(
            dir,
            &[
                "report",
                "--plan",
                "plan",
                "--exports",
                "plan/../exports",
                "--month",
                "2026-11",
                "--today",
                "2026-12-01",
                "--format",
                "json",
            ],
        );
        report["team"].clone()
    };
    crate::common::copy_dir(
        &crate::common::root().join("examples/exports"),
        &dir.path().join("exports"),
    );
    assert_eq!(team(dir.path())["times_recorded"], 0);
    let out = khairukum(
        dir.path(),
        &[
            "done",
            "--plan",
            "plan",
            "weekly-interaction-review/2026-W46",
            "--at",
            "2026-11-15T11:00",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The two blocks, found independently: the task at the end of `done:`,
    // and a new `done_at:` after it, before `items:`.
    let expected = before
        .replacen(
            "  - monthly-scorecard/2026-10\n",
            "  - monthly-scorecard/2026-10\n  - weekly-interaction-review/2026-W46\n",
            1,
        )
        .replacen(
            "\nitems:\n",
            "\ndone_at:\n  weekly-interaction-review/2026-W46: 2026-11-15T11:00\n\nitems:\n",
            1,
        );
    assert_eq!(november(dir.path()), expected);
    assert_eq!(validate_json(dir.path()), clean);
    let after = team(dir.path());
    assert_eq!(after["times_recorded"], 1, "{after}");
}

#[test]
fn a_task_a_status_completes_or_a_time_to_come_is_refused() {
    let dir = copy_plan(RECORDING_PLAN);
    let before = november(dir.path());
    for (args, said) in [
        (
            [
                "confirm-publication/hafiz-graduation",
                "--at",
                "2026-11-10T21:00",
            ],
            "is done when its item reaches `published`",
        ),
        (
            ["monthly-scorecard/2026-10", "--at", "2099-01-01T10:00"],
            "is still to come",
        ),
    ] {
        let mut all = vec!["done", "--plan", "plan"];
        all.extend(args);
        let out = khairukum(dir.path(), &all);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(said), "{stderr}");
        assert_eq!(november(dir.path()), before);
    }
}

/// The report of `month`'s team section on the plan in `dir`, as at the
/// first day after it.
fn team_of(dir: &std::path::Path, month: &str, today: &str) -> serde_json::Value {
    let report = khairukum_json(
        dir,
        &[
            "report",
            "--plan",
            "plan",
            "--exports",
            "exports",
            "--month",
            month,
            "--today",
            today,
            "--format",
            "json",
        ],
    );
    report["team"].clone()
}

#[test]
fn the_team_section_counts_every_task_due_and_takes_an_approval_s_day() {
    let dir = copy_plan(RECORDING_PLAN);
    crate::common::copy_dir(
        &crate::common::root().join("examples/exports"),
        &dir.path().join("exports"),
    );
    // December's calendar approved on 23 November: its approval step is due
    // at the start of the 24th, so the day of the approval is on time.
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
            "2026-11-23",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let team = team_of(dir.path(), "2026-11", "2026-12-01");
    let khalid = team["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["person"] == "khalid")
        .expect("the approver's task, due in November for December");
    assert_eq!(
        [&khalid["due"], &khalid["on_time"], &khalid["late"]],
        [1, 1, 0]
    );
    // Every task `tasks` lists as due in November is counted, those of
    // December's items prepared in November among them.
    let listed = khairukum_json(
        dir.path(),
        &[
            "tasks",
            "--plan",
            "plan",
            "--month",
            "2026-11",
            "--status",
            "all",
            "--today",
            "2026-12-01",
            "--format",
            "json",
        ],
    );
    let listed = listed["tasks"].as_array().unwrap();
    assert!(
        listed
            .iter()
            .any(|t| t["id"] == "write-content/weekly-hifz-stats-dec")
    );
    let counted: u64 = team["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["due"].as_u64().unwrap())
        .sum();
    assert_eq!(counted, listed.len() as u64);
}

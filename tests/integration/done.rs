//! `khairukum done` on a copy of the charity's plan: the time goes under
//! `done_at:` in the task's month (and the task under `done:` when no
//! status completes it), nothing else changes, and the report's team
//! section then takes that time before the plan's history.

use crate::common::{copy_plan, khairukum, khairukum_json, validate_json};
use std::fs;

fn november(dir: &std::path::Path) -> String {
    fs::read_to_string(dir.join("plan/calendar/2026-11.yaml")).unwrap()
}

#[test]
fn a_task_done_is_recorded_and_the_team_section_uses_its_time() {
    let dir = copy_plan("plans");
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
    // The two blocks, found independently: a new `done_at:` above the
    // comment that introduces `done:`, and the task at the end of `done:`.
    let expected = before
        .replacen(
            "# Finished tasks that no status completes",
            "done_at:\n  weekly-interaction-review/2026-W46: 2026-11-15T11:00\n\n# Finished tasks that no status completes",
            1,
        )
        .replacen(
            "  - monthly-scorecard/2026-10\n",
            "  - monthly-scorecard/2026-10\n  - weekly-interaction-review/2026-W46\n",
            1,
        );
    assert_eq!(november(dir.path()), expected);
    assert_eq!(validate_json(dir.path()), clean);
    let after = team(dir.path());
    assert_eq!(after["times_recorded"], 1, "{after}");
}

#[test]
fn a_task_a_status_completes_or_a_time_to_come_is_refused() {
    let dir = copy_plan("plans");
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

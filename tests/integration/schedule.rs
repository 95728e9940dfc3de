//! `calendar export` read back by an oracle written apart from the tool
//! (`tests/oracle/schedule.py`: Python's csv and json modules, the
//! `icalendar` package, the plan's YAML): every post the file should hold
//! is in it, at its time in the account's zone, with its text, and no
//! other; on the charity's December and on a small plan of every case.

use crate::common::{copy_dir, khairukum, root};
use std::path::Path;

/// Exports `scheduler` from the plan in `dir` and has the oracle check the
/// files; returns how many posts they hold.
fn checked(dir: &Path, scheduler: &str, today: &str, extra: &[&str]) -> u64 {
    let mut args = vec![
        "calendar",
        "export",
        "--plan",
        "plan",
        "--for",
        scheduler,
        "--month",
        "2026-12",
        "--today",
        today,
        "--output",
        "out",
        "--skip-problems",
    ];
    args.extend_from_slice(extra);
    let out = khairukum(dir, &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let zone = extra
        .iter()
        .position(|a| *a == "--time-zone")
        .map_or("Asia/Riyadh", |i| extra[i + 1]);
    let order = extra
        .iter()
        .position(|a| *a == "--date-order")
        .map_or("day-first", |i| extra[i + 1]);
    let mut oracle: Vec<std::path::PathBuf> = vec![
        dir.join("plan"),
        dir.join("out"),
        scheduler.into(),
        "2026-12-01".into(),
        "2026-12-31".into(),
        today.into(),
        zone.into(),
        order.into(),
    ];
    oracle.extend(
        extra
            .windows(2)
            .filter(|w| w[0] == "--integration")
            .map(|w| w[1].into()),
    );
    let verdict = crate::oracle::python("schedule.py", &oracle);
    assert_eq!(
        verdict["missing"],
        serde_json::json!([]),
        "{scheduler}: {verdict}"
    );
    assert_eq!(
        verdict["extra"],
        serde_json::json!([]),
        "{scheduler}: {verdict}"
    );
    assert_eq!(verdict["expected"], verdict["found"], "{verdict}");
    verdict["found"].as_u64().unwrap()
}

const POSTIZ: [&str; 4] = ["--integration", "x=ix1", "--integration", "facebook=fb1"];

#[test]
fn the_charity_s_december_in_every_format_holds_what_the_oracle_expects() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("plans"), &dir.path().join("plan"));
    let mut found = Vec::new();
    for (scheduler, extra) in [
        ("hootsuite", &[][..]),
        ("buffer", &[][..]),
        ("sprout", &["--date-order", "month-first"][..]),
        ("postiz", &POSTIZ[..]),
        ("ics", &[][..]),
    ] {
        found.push(checked(dir.path(), scheduler, "2026-12-04", extra));
    }
    // Each file holds posts, and the calendar file every item and platform.
    assert!(found.iter().all(|n| *n > 0), "{found:?}");
    assert!(found[4] > found[1], "{found:?}");
}

#[test]
fn a_small_plan_in_another_time_zone_holds_what_the_oracle_expects() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &root().join("tests/fixtures/tiny-plan"),
        &dir.path().join("plan"),
    );
    copy_dir(
        &root().join("tests/cases/schedule-hootsuite/plan"),
        &dir.path().join("plan"),
    );
    for scheduler in ["hootsuite", "buffer", "sprout", "ics"] {
        let n = checked(
            dir.path(),
            scheduler,
            "2026-12-01",
            &["--time-zone", "America/New_York"],
        );
        assert!(n >= 2, "{scheduler}: {n}");
        std::fs::remove_dir_all(dir.path().join("out")).unwrap();
    }
}

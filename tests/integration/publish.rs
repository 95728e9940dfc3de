//! `khairukum publish` on a copy of the charity's plan: the item's status
//! line and its links are the only change, the plan validates as clean as
//! before, and a refused publication leaves the file as it was.

use crate::common::{RECORDING_PLAN, copy_plan, khairukum, validate_json};
use std::fs;

const LINKS: [&str; 12] = [
    "--platform",
    "x",
    "--link",
    "https://x.com/khairukum/status/1858000000000000001",
    "--platform",
    "youtube",
    "--link",
    "https://www.youtube.com/watch?v=abc123DEF45",
    "--platform",
    "instagram",
    "--link",
    "https://www.instagram.com/p/C5abc/",
];

fn november(dir: &std::path::Path) -> String {
    fs::read_to_string(dir.join("plan/calendar/2026-11.yaml")).unwrap()
}

#[test]
fn publishing_an_item_changes_its_status_and_adds_its_links() {
    let dir = copy_plan(RECORDING_PLAN);
    let before = november(dir.path());
    let clean = validate_json(dir.path());
    let mut args = vec!["publish", "--plan", "plan", "hafiz-graduation"];
    args.extend(LINKS);
    args.extend(["--at", "2026-11-10T19:30"]);
    let out = khairukum(dir.path(), &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The item's own lines, found independently of the tool.
    let start = before.find("  - id: hafiz-graduation\n").unwrap();
    let end = start + before[start..].find("\n\n").unwrap() + 1;
    let item = &before[start..end];
    let expected_item = item.replacen("    status: scheduled\n", "    status: published\n", 1)
        + "    published:\n      x: https://x.com/khairukum/status/1858000000000000001\n      youtube: https://www.youtube.com/watch?v=abc123DEF45\n      instagram: https://www.instagram.com/p/C5abc/\n"
        + "    published_at:\n      x: 2026-11-10T19:30\n      youtube: 2026-11-10T19:30\n      instagram: 2026-11-10T19:30\n";
    let expected = format!("{}{expected_item}{}", &before[..start], &before[end..]);
    assert_eq!(november(dir.path()), expected);
    assert_eq!(validate_json(dir.path()), clean);
}

#[test]
fn a_refused_publication_writes_nothing() {
    let dir = copy_plan(RECORDING_PLAN);
    let before = november(dir.path());
    let run = |args: &[&str]| {
        let mut all = vec!["publish", "--plan", "plan"];
        all.extend(args);
        khairukum(dir.path(), &all)
    };
    let cases: [(&[&str], &str); 4] = [
        (
            &[
                "no-such-item",
                "--platform",
                "x",
                "--link",
                "https://x.com/khairukum/status/1",
            ],
            "no calendar item",
        ),
        (
            &[
                "hafiz-graduation",
                "--platform",
                "tiktok",
                "--link",
                "https://www.tiktok.com/@khairukum/video/1",
            ],
            "not planned on tiktok",
        ),
        (
            &[
                "hafiz-graduation",
                "--platform",
                "x",
                "--link",
                "https://x.com/khairukum/status/1",
            ],
            "also planned on youtube, instagram",
        ),
        (&["hafiz-graduation", "--platform", "x"], "--link"),
    ];
    for (args, said) in cases {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(said), "{args:?}: {stderr}");
        assert_eq!(november(dir.path()), before, "{args:?}");
    }
    // Another account's post: nothing written.
    let mut other = vec!["hafiz-graduation"];
    let links: Vec<&str> = LINKS
        .iter()
        .map(|a| {
            if a.starts_with("https://x.com/") {
                "https://x.com/someone/status/1858000000000000001"
            } else {
                a
            }
        })
        .collect();
    other.extend(links);
    let out = run(&other);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("a post of @someone, not of the plan's account @khairukum"),
        "{said}"
    );
    assert_eq!(november(dir.path()), before);
    // A link to another platform's site: the rules' own check (KH068).
    let mut wrong = vec!["hafiz-graduation"];
    wrong.extend(LINKS.iter().map(|a| {
        if a.starts_with("https://www.instagram.com/") {
            "https://x.com/khairukum/status/5"
        } else {
            a
        }
    }));
    let out = run(&wrong);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("nothing was written") && said.contains("KH068"),
        "{said}"
    );
    assert_eq!(november(dir.path()), before);
}

/// The links November's exports give, recorded: every item whose platforms
/// all have a post is published with its links, the others are left as
/// they were and named, and the plan stays as clean as before.
#[test]
fn the_exports_links_recorded_leave_the_plan_clean() {
    let dir = copy_plan(RECORDING_PLAN);
    crate::common::copy_dir(
        &crate::common::root().join("examples/exports"),
        &dir.path().join("exports"),
    );
    let before = november(dir.path());
    let clean = validate_json(dir.path());
    let args = [
        "publish",
        "--plan",
        "plan",
        "--exports",
        "exports",
        "--from-exports",
        "--month",
        "2026-11",
        "--write",
    ];
    let out = khairukum(dir.path(), &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("not written: donor-story has no post in the exports for snapchat"),
        "{said}"
    );
    let after = november(dir.path());
    assert!(after.contains("      youtube: https://www.youtube.com/watch?v=73b3df244a9\n"));
    // Only added lines, and status lines changed.
    let removed: Vec<&str> = before
        .lines()
        .filter(|l| !after.lines().any(|a| a == *l))
        .collect();
    assert!(
        removed
            .iter()
            .all(|l| l.trim_start().starts_with("status: ")),
        "{removed:?}"
    );
    assert_eq!(validate_json(dir.path()), clean);
    // The team section takes the posts' times for the tasks publishing
    // completes (one per item written).
    let report = crate::common::khairukum_json(
        dir.path(),
        &[
            "report",
            "--plan",
            "plan",
            "--exports",
            "exports",
            "--month",
            "2026-11",
            "--today",
            "2026-12-01",
            "--format",
            "json",
        ],
    );
    assert_eq!(report["team"]["times_recorded"], 3, "{}", report["team"]);
    // Run again: nothing new to offer for what was written.
    let again = khairukum(dir.path(), &args[..args.len() - 1]);
    assert!(!String::from_utf8_lossy(&again.stdout).contains("hafiz-graduation"));
}

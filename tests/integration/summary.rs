//! The Action's job summary (`.github/summary.sh`) on a pull request: a
//! repository whose base branch is on its `origin`, a head that moves an
//! item and adds a mistake; the summary holds the check's table and the
//! plan's changes, in Arabic right to left.

use crate::common::{copy_dir, git_at, root};
use std::process::Command;

#[test]
fn a_pull_request_s_summary_has_the_check_and_the_plan_s_changes() {
    let origin = tempfile::tempdir().unwrap();
    let o = origin.path();
    copy_dir(&root().join("tests/fixtures/tiny-plan"), &o.join("plans"));
    git_at(o, None, &["init", "-q"]);
    git_at(o, None, &["add", "."]);
    git_at(o, None, &["commit", "-q", "-m", "plan"]);
    let clone = tempfile::tempdir().unwrap();
    let c = clone.path().join("work");
    let cloned = Command::new("git")
        .args([
            "clone",
            "-q",
            &o.display().to_string(),
            &c.display().to_string(),
        ])
        .status()
        .unwrap();
    assert!(cloned.success());
    let calendar = c.join("plans/calendar/2026-11.yaml");
    let text = std::fs::read_to_string(&calendar).unwrap();
    let moved = text
        .replace("2026-11-20T19:00", "2026-11-22T19:00")
        .replace(
            "owner: sara\n    status: drafted",
            "owner: nobody\n    status: drafted",
        );
    assert_ne!(moved, text);
    std::fs::write(&calendar, moved).unwrap();
    git_at(&c, None, &["commit", "-q", "-am", "move"]);
    let summary = clone.path().join("summary.md");
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_khairukum"));
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("bash")
        .arg(root().join(".github/summary.sh"))
        .current_dir(&c)
        .env("PATH", path)
        .env("PLAN", "plans")
        .env("LANGUAGE", "ar")
        .env("GITHUB_BASE_REF", "main")
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = std::fs::read_to_string(&summary).unwrap();
    // The check: its heading, the mistake in the table with its place.
    assert!(
        written.starts_with("<div dir=\"rtl\">\n\n### ❌ فحص الخطة"),
        "{written}"
    );
    assert!(
        written.contains("plans/calendar/2026-11.yaml:"),
        "{written}"
    );
    assert!(written.contains("`nobody`"), "{written}");
    // The changes: the base branch against the head, the move and the owner.
    assert!(written.contains("`FETCH_HEAD` ← `HEAD`"), "{written}");
    assert!(
        written.contains("2026-11-20T19:00 ← 2026-11-22T19:00"),
        "{written}"
    );
    assert!(written.contains("sara ← nobody"), "{written}");
    assert_eq!(written.matches("<div dir=\"rtl\">").count(), 2, "{written}");
}

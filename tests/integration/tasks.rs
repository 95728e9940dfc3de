//! `khairukum tasks` beyond the golden cases: the iCalendar output in an
//! independent parser, stable UIDs across plan changes, atomic `--output`,
//! and a quiet exit when the reader goes away.

use crate::common::*;
use std::io::Read;
use std::process::Stdio;

fn ics(dir: &std::path::Path, today: &str) -> String {
    let out = khairukum(
        dir,
        &[
            "tasks", "--plan", "plan", "--today", today, "--status", "all", "--format", "ics",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// (UID, SEQUENCE, DUE) of each VTODO, read with the `icalendar` crate's parser.
fn todos(text: &str) -> Vec<(String, i64, String)> {
    let unfolded = icalendar::parser::unfold(text);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("valid iCalendar");
    calendar
        .components
        .iter()
        .filter(|c| c.name == "VTODO")
        .map(|c| {
            let prop = |name: &str| {
                c.properties
                    .iter()
                    .find(|p| p.name == name)
                    .unwrap_or_else(|| panic!("VTODO without {name}"))
                    .val
                    .to_string()
            };
            let _ = prop("DTSTAMP");
            (prop("UID"), prop("SEQUENCE").parse().unwrap(), prop("DUE"))
        })
        .collect()
}

#[test]
fn ics_parses_and_follows_the_line_rules() {
    let dir = copy_plan("tests/fixtures/tasks-plan");
    let text = ics(dir.path(), "2026-11-10");
    let all = todos(&text);
    assert_eq!(all.len(), 18);
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "line of {} octets: {line}", line.len());
        assert!(!line.contains('\n'));
    }
    // A folded Arabic summary unfolds back whole.
    let unfolded = icalendar::parser::unfold(&text);
    assert!(unfolded.contains("SUMMARY:Write the text — شكراً للداعمين\\, مع الأرقام"));
}

#[test]
fn re_exporting_a_changed_plan_keeps_uids_and_raises_sequence() {
    let dir = copy_plan("tests/fixtures/tasks-plan");
    let before = todos(&ics(dir.path(), "2026-11-10"));
    edit(
        dir.path(),
        "calendar/2026-11.yaml",
        "publish: 2026-11-24T19:00",
        "publish: 2026-11-25T19:00",
    );
    let after = todos(&ics(dir.path(), "2026-11-11"));
    let uids = |v: &[(String, i64, String)]| {
        let mut u: Vec<String> = v.iter().map(|t| t.0.clone()).collect();
        u.sort();
        u
    };
    assert_eq!(
        uids(&before),
        uids(&after),
        "the same tasks keep the same UIDs"
    );
    let sequence = |v: &[(String, i64, String)]| v[0].1;
    assert!(sequence(&after) > sequence(&before));
    let due =
        |v: &[(String, i64, String)], uid: &str| v.iter().find(|t| t.0 == uid).unwrap().2.clone();
    assert_eq!(
        due(&before, "publish/donors-thanks@khairukum"),
        "20261124T170000Z"
    );
    assert_eq!(
        due(&after, "publish/donors-thanks@khairukum"),
        "20261125T170000Z"
    );
}

#[test]
fn output_file_is_written_whole_and_a_bad_path_writes_nothing() {
    let dir = copy_plan("tests/fixtures/tasks-plan");
    let args = [
        "tasks",
        "--plan",
        "plan",
        "--today",
        "2026-11-10",
        "--format",
        "csv",
    ];
    let stdout = khairukum(dir.path(), &args).stdout;
    let out = khairukum(
        dir.path(),
        &[&args[..], &["--output", "out/tasks.csv"]].concat(),
    );
    assert_eq!(out.status.code(), Some(2), "no such folder");
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write `out/tasks.csv`"));
    assert!(!dir.path().join("out").exists());
    let out = khairukum(
        dir.path(),
        &[&args[..], &["--output", "tasks.csv"]].concat(),
    );
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    assert_eq!(std::fs::read(dir.path().join("tasks.csv")).unwrap(), stdout);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "no temporary file left behind: {names:?}");
}

#[test]
fn a_closed_pipe_ends_the_listing_quietly() {
    let mut child = command(&root())
        .args([
            "tasks",
            "--status",
            "all",
            "--today",
            "2026-11-10",
            "--format",
            "json",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "exit {status:?}, stderr: {stderr}");
    assert_eq!(stderr, "");
}

#[test]
fn the_charity_plan_gives_sara_a_sensible_week() {
    let json = khairukum_json(
        &root(),
        &[
            "tasks",
            "--owner",
            "سارة",
            "--week",
            "--today",
            "2026-11-10",
            "--status",
            "all",
            "--format",
            "json",
        ],
    );
    let tasks = json["tasks"].as_array().unwrap();
    assert!(!tasks.is_empty());
    for task in tasks {
        assert_eq!(task["owner"], "sara");
        let due = task["due"].as_str().unwrap();
        assert!(("2026-11-08".."2026-11-15").contains(&&due[..10]), "{due}");
    }
}

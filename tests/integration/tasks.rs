//! `khairukum tasks` beyond the golden cases: the iCalendar output in an
//! independent parser, stable UIDs across plan changes, atomic `--output`,
//! and a quiet exit when the reader goes away.

use crate::common::*;
use std::io::Read;
use std::process::Stdio;

fn ics_as(dir: &std::path::Path, today: &str, extra: &[&str]) -> String {
    let mut args = vec!["tasks", "--plan", "plan", "--today", today];
    if !extra.contains(&"--format") {
        args.extend(["--format", "ics"]);
    }
    args.extend(extra);
    let out = khairukum(dir, &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn ics(dir: &std::path::Path, today: &str) -> String {
    ics_as(dir, today, &[])
}

/// One component as the `icalendar` crate's parser reads it.
#[derive(Debug, Clone)]
struct Entry {
    uid: String,
    sequence: i64,
    /// DTEND of an event, DUE of a to-do.
    due: String,
    status: String,
    summary: String,
    /// The TRIGGER of its alarm, if it has one.
    alarm: Option<String>,
}

/// The components named `kind` (VEVENT, VTODO) of a calendar file.
fn read(text: &str, kind: &str) -> Vec<Entry> {
    let unfolded = icalendar::parser::unfold(text);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("valid iCalendar");
    calendar
        .components
        .iter()
        .filter(|c| c.name == kind)
        .map(|c| {
            let prop = |name: &str| {
                c.properties
                    .iter()
                    .find(|p| p.name == name)
                    .map(|p| p.val.to_string())
            };
            let due = if kind == "VTODO" { "DUE" } else { "DTEND" };
            assert!(prop("DTSTAMP").is_some());
            Entry {
                uid: prop("UID").expect("a UID"),
                sequence: prop("SEQUENCE").unwrap().parse().unwrap(),
                due: prop(due).unwrap_or_default(),
                status: prop("STATUS").unwrap_or_default(),
                summary: prop("SUMMARY").unwrap_or_default(),
                alarm: c
                    .components
                    .iter()
                    .find(|a| a.name == "VALARM")
                    .and_then(|a| a.properties.iter().find(|p| p.name == "TRIGGER"))
                    .map(|p| p.val.to_string()),
            }
        })
        .collect()
}

#[test]
fn ics_parses_and_follows_the_line_rules() {
    let dir = copy_plan("tests/fixtures/tasks-plan");
    let text = ics(dir.path(), "2026-11-10");
    let events = read(&text, "VEVENT");
    assert_eq!(events.len(), 18, "every task, the done ones too");
    assert!(
        read(&text, "VTODO").is_empty(),
        "events, which every calendar shows"
    );
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "line of {} octets: {line}", line.len());
        assert!(!line.contains('\n'));
    }
    // A folded Arabic summary unfolds back whole.
    let unfolded = icalendar::parser::unfold(&text);
    assert!(unfolded.contains("SUMMARY:✓ Write the text — شكراً للداعمين\\, مع الأرقام"));
    // Done tasks are marked and have no reminder; work to come has one.
    let done: Vec<_> = events
        .iter()
        .filter(|e| e.summary.starts_with("✓ "))
        .collect();
    assert!(!done.is_empty() && done.iter().all(|e| e.alarm.is_none()));
    let coming: Vec<_> = events
        .iter()
        .filter(|e| e.due.as_str() > "20261111" && !e.summary.starts_with("✓ "))
        .collect();
    assert!(!coming.is_empty());
    assert!(
        coming.iter().all(|e| e.alarm.as_deref() == Some("-PT60M")),
        "{coming:?}"
    );
    let quiet = read(
        &ics_as(dir.path(), "2026-11-10", &["--remind", "0"]),
        "VEVENT",
    );
    assert!(quiet.iter().all(|e| e.alarm.is_none()));
    // To-dos for applications with task lists.
    let todos = ics_as(dir.path(), "2026-11-10", &["--format", "ics-todo"]);
    assert_eq!(read(&todos, "VTODO").len(), 18);
    assert!(read(&todos, "VEVENT").is_empty());
}

#[test]
fn re_exporting_a_changed_plan_keeps_uids_and_raises_sequence() {
    let dir = copy_plan("tests/fixtures/tasks-plan");
    let before = read(&ics(dir.path(), "2026-11-10"), "VEVENT");
    edit(
        dir.path(),
        "calendar/2026-11.yaml",
        "publish: 2026-11-24T19:00",
        "publish: 2026-11-25T19:00",
    );
    let after = read(&ics(dir.path(), "2026-11-11"), "VEVENT");
    let uids = |v: &[Entry]| {
        let mut u: Vec<String> = v.iter().map(|t| t.uid.clone()).collect();
        u.sort();
        u
    };
    assert_eq!(
        uids(&before),
        uids(&after),
        "the same tasks keep the same UIDs"
    );
    assert!(after[0].sequence > before[0].sequence);
    let domain = before[0].uid.rsplit_once('@').unwrap().1.to_string();
    let due = |v: &[Entry], task: &str| {
        let uid = format!("{task}@{domain}");
        v.iter().find(|t| t.uid == uid).unwrap().due.clone()
    };
    assert_eq!(due(&before, "publish/donors-thanks"), "20261124T170000Z");
    assert_eq!(due(&after, "publish/donors-thanks"), "20261125T170000Z");
}

#[test]
fn uids_are_the_organisation_s_own() {
    let dir = copy_plan("tests/fixtures/tasks-plan");
    let domain = |text: &str| {
        let events = read(text, "VEVENT");
        events[0].uid.rsplit_once('@').unwrap().1.to_string()
    };
    let test_charity = domain(&ics(dir.path(), "2026-11-10"));
    assert!(test_charity.ends_with(".invalid"), "{test_charity}");
    edit(
        dir.path(),
        "plan.yaml",
        "en: Test charity}",
        "en: Test charity}\n  website: https://www.example-charity.org/about",
    );
    assert_eq!(
        domain(&ics(dir.path(), "2026-11-10")),
        "example-charity.org"
    );
    let other = copy_plan("tests/fixtures/tasks-plan");
    edit(
        other.path(),
        "plan.yaml",
        "ar: جمعية تجريبية",
        "ar: جمعية أخرى",
    );
    let another_charity = domain(&ics(other.path(), "2026-11-10"));
    assert!(another_charity.ends_with(".invalid"));
    assert_ne!(
        another_charity, test_charity,
        "two charities' files never share a UID"
    );
}

#[test]
fn a_task_that_left_the_listing_is_cancelled_when_the_file_is_replaced() {
    let dir = copy_plan("tests/fixtures/tasks-plan");
    let export = |today: &str| {
        let args = ["--owner", "sara", "--output", "sara.ics"];
        ics_as(dir.path(), today, &args);
        std::fs::read_to_string(dir.path().join("sara.ics")).unwrap()
    };
    let first = read(&export("2026-11-10"), "VEVENT");
    let hers = |v: &[Entry], item: &str| -> Vec<String> {
        v.iter()
            .filter(|e| e.uid.contains(&format!("/{item}@")) && e.status != "CANCELLED")
            .map(|e| e.uid.clone())
            .collect()
    };
    let leaving = hers(&first, "donors-thanks");
    assert!(!leaving.is_empty(), "{first:?}");
    // The item is given to someone else: it leaves Sara's calendar.
    edit(
        dir.path(),
        "calendar/2026-11.yaml",
        "format: image\n    owner: sara\n    status: approved",
        "format: image\n    owner: amal\n    status: approved",
    );
    let second = read(&export("2026-11-11"), "VEVENT");
    let cancelled: Vec<&Entry> = second.iter().filter(|e| e.status == "CANCELLED").collect();
    let mut gone: Vec<String> = cancelled.iter().map(|e| e.uid.clone()).collect();
    gone.sort();
    let mut expected = leaving.clone();
    expected.sort();
    assert_eq!(gone, expected, "exactly her tasks of that item, cancelled");
    assert!(cancelled.iter().all(|e| e.sequence > first[0].sequence));
    assert!(hers(&second, "volunteers").len() == hers(&first, "volunteers").len());
    // Once cancelled, a later export no longer carries them.
    let third = read(&export("2026-11-12"), "VEVENT");
    assert!(third.iter().all(|e| !leaving.contains(&e.uid)), "{third:?}");
    // A plan with an error (a month that does not load) cancels nothing.
    std::fs::write(dir.path().join("sara.ics"), export("2026-11-12")).unwrap();
    edit(
        dir.path(),
        "calendar/2026-11.yaml",
        "    owner: amal\n",
        "    owner: amal\n    owner: sara\n",
    );
    let broken = read(&export("2026-11-12"), "VEVENT");
    assert!(
        broken.len() < third.len(),
        "the month's tasks were lost: {broken:?}"
    );
    assert!(broken.iter().all(|e| e.status != "CANCELLED"), "{broken:?}");
    // A file the tool did not write is replaced, nothing cancelled from it.
    std::fs::write(
        dir.path().join("sara.ics"),
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x@y\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    let replaced = read(&export("2026-11-12"), "VEVENT");
    assert!(replaced.iter().all(|e| e.uid != "x@y"));
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

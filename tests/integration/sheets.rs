//! Spreadsheets as people open them: each CSV starts with the byte-order
//! mark, and each workbook (`--format xlsx`) holds the same rows as the
//! CSV, read back by openpyxl in `tests/oracle/sheets.py`, with figures as
//! numbers, due times as dates and Hijri dates as text.

use crate::common::{khairukum, root};
use crate::oracle::python;
use std::path::Path;

/// Writes `args` as CSV and as XLSX into `dir`, and what the oracle says of the pair.
fn both(dir: &Path, name: &str, args: &[&str]) -> serde_json::Value {
    let mut paths = Vec::new();
    for format in ["csv", "xlsx"] {
        let path = dir.join(format!("{name}.{format}"));
        let path_text = path.display().to_string();
        let mut all = args.to_vec();
        all.extend(["--format", format, "--output", &path_text]);
        let out = khairukum(&root(), &all);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        paths.push(path);
    }
    python("sheets.py", &[paths[1].clone(), paths[0].clone()])
}

fn kinds(found: &serde_json::Value, column: &str) -> Vec<String> {
    serde_json::from_value(found["kinds"][column].clone()).unwrap()
}

#[test]
fn the_report_s_workbook_holds_the_csv_s_rows_with_numbers_as_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let found = both(
        dir.path(),
        "report",
        &["report", "--month", "2026-11", "--today", "2026-12-01"],
    );
    assert_eq!(found["differences"], serde_json::json!([]), "{found}");
    assert!(found["rows"].as_u64().unwrap() > 50, "{found}");
    assert_eq!(found["name"], "report");
    assert_eq!(found["right_to_left"], false);
    assert_eq!(found["frozen"], "A2");
    assert_eq!(kinds(&found, "value"), ["empty", "number"]);
    assert_eq!(kinds(&found, "period"), ["text"]);
}

#[test]
fn the_tasks_workbook_has_due_dates_and_hijri_dates_kept_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let found = both(
        dir.path(),
        "tasks",
        &[
            "tasks",
            "--month",
            "2026-11",
            "--status",
            "all",
            "--today",
            "2026-11-10",
            "--lang",
            "ar",
        ],
    );
    assert_eq!(found["differences"], serde_json::json!([]), "{found}");
    assert!(found["rows"].as_u64().unwrap() > 50, "{found}");
    assert_eq!(found["right_to_left"], true, "Arabic reads right to left");
    assert_eq!(kinds(&found, "due"), ["date"]);
    assert_eq!(kinds(&found, "due_hijri"), ["text"]);
    assert_eq!(kinds(&found, "effort_minutes"), ["number"]);
    let csv = std::fs::read_to_string(dir.path().join("tasks.csv")).unwrap();
    assert!(csv.contains(",1448-05-"), "{csv}");
    assert!(csv.lines().nth(1).unwrap().contains(" AH,"), "{csv}");
}

#[test]
fn the_weekly_load_as_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let found = both(
        dir.path(),
        "workload",
        &["tasks", "--summary", "--today", "2026-11-10"],
    );
    assert_eq!(found["differences"], serde_json::json!([]), "{found}");
    assert_eq!(found["name"], "workload");
    assert_eq!(kinds(&found, "minutes"), ["number"]);
}

#[test]
fn a_workbook_is_not_written_to_a_terminal_but_to_a_pipe_it_is() {
    // Under the test harness stdout is a pipe: the bytes of a zip.
    let out = khairukum(
        &root(),
        &["tasks", "--month", "2026-11", "--format", "xlsx"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.starts_with(b"PK\x03\x04"));
}

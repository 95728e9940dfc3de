//! Outputs safe to open (docs/output.md): CSV that spreadsheets take as
//! data, calendar text that cannot start a property of its own, and an
//! HTML page that can neither run a script nor reach the network.

use crate::common::{copy_dir, root, stdout};

/// The charity's plan with calendar titles that try each trick: a formula,
/// Arabic text starting with `-`, a line break followed by a property.
fn hostile_plan() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &root().join("tests/fixtures/tasks-plan"),
        &dir.path().join("plan"),
    );
    copy_dir(
        &root().join("tests/cases/tasks-csv-formulas/plan"),
        &dir.path().join("plan"),
    );
    dir
}

/// `tasks` on the hostile plan as of 2026-11-10, with `more` arguments.
fn tasks(plan: &tempfile::TempDir, more: &[&str]) -> String {
    let mut args = vec!["tasks", "--plan", "plan", "--today", "2026-11-10"];
    args.extend(more);
    stdout(plan.path(), &args)
}

/// The charity's November report in `format`.
fn report(format: &str) -> String {
    let args = [
        "report",
        "--month",
        "2026-11",
        "--today",
        "2026-12-01",
        "--format",
        format,
    ];
    stdout(&root(), &args)
}

/// Whether a spreadsheet would evaluate `cell` as a formula: it skips
/// leading spaces (a no-break space too) and reads full-width signs as
/// ASCII ones (`scripts/csv-in-libreoffice.sh` checks with `LibreOffice`).
fn live_formula(cell: &str) -> bool {
    let cell = cell.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{200b}');
    let numeric = cell.parse::<f64>().is_ok() && !cell.contains(['e', 'E', 'i', 'n', 'N']);
    cell.starts_with(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']) && !numeric
}

/// Every cell of a CSV text, with its row and column for messages.
fn cells(text: &str) -> Vec<(usize, usize, String)> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for (row, record) in reader.records().enumerate() {
        for (column, cell) in record.unwrap().iter().enumerate() {
            out.push((row + 1, column + 1, cell.to_string()));
        }
    }
    out
}

#[test]
fn no_csv_the_tool_writes_holds_a_live_formula() {
    let plan = hostile_plan();
    let outputs = [
        (
            "tasks",
            tasks(&plan, &["--status", "all", "--format", "csv"]),
        ),
        ("summary", tasks(&plan, &["--summary", "--format", "csv"])),
        ("report", report("csv")),
    ];
    for (name, text) in &outputs {
        let cells = cells(text);
        assert!(cells.len() > 20, "{name}: {} cells", cells.len());
        for (row, column, cell) in &cells {
            assert!(
                !live_formula(cell),
                "{name} row {row} column {column}: {cell:?}"
            );
        }
    }
    // The hostile titles are there, as text.
    let tasks = &outputs[0].1;
    assert!(tasks.contains(r#""'=HYPERLINK(""http://evil"",""x"")""#));
    assert!(tasks.contains("'- دعوة للتطوع"));
    assert!(
        tasks.contains("\"'\u{a0} ＝1+1, شكراً للداعمين\""),
        "{tasks}"
    );
}

#[test]
fn every_csv_writer_is_the_one_that_makes_cells_inert() {
    let mut offenders = Vec::new();
    for entry in walkdir::WalkDir::new(root().join("src")) {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("src/output/mod.rs") {
            let text = std::fs::read_to_string(path).unwrap();
            if text.contains("csv::Writer") || text.contains("csv::WriterBuilder") {
                offenders.push(path.display().to_string());
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "CSV written without output::CsvWriter: {offenders:?}"
    );
}

#[test]
fn calendar_text_cannot_start_a_property() {
    let plan = hostile_plan();
    let ics = tasks(&plan, &["--status", "all", "--format", "ics"]);
    let unfolded = ics.replace("\r\n ", "");
    let lines: Vec<&str> = unfolded.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(
        lines.iter().all(|l| !l.starts_with("ATTENDEE")),
        "{unfolded}"
    );
    let events = lines.iter().filter(|l| **l == "BEGIN:VEVENT").count();
    let summaries: Vec<&&str> = lines.iter().filter(|l| l.starts_with("SUMMARY:")).collect();
    assert!(events >= 5);
    assert_eq!(summaries.len(), events, "one summary per task, none split");
    let injected = summaries
        .iter()
        .find(|s| s.contains("ATTENDEE"))
        .expect("the hostile title is kept as text");
    assert!(
        injected.contains(r"\nATTENDEE:mailto:x@example.com\;ROLE=CHAIR"),
        "{injected}"
    );
    let bare_line_feeds = ics
        .match_indices('\n')
        .filter(|(i, _)| !ics[..*i].ends_with('\r'));
    assert_eq!(bare_line_feeds.count(), 0, "every line ends in CR LF");
}

#[test]
fn the_html_report_can_run_nothing_and_load_nothing() {
    let html = report("html");
    let policy = r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; "#;
    let at = html.find(policy).expect("a Content-Security-Policy");
    assert!(
        at < html.find("<title>").unwrap(),
        "the policy comes before any content"
    );
    let lower = html.to_lowercase();
    for forbidden in [
        "<script", "<link", "<iframe", "<object", "<embed", "<img", "@import", "url(", " src=",
        " href=", "srcset=",
    ] {
        assert!(!lower.contains(forbidden), "the page holds {forbidden}");
    }
    // Links from exports are shown as text, not as references.
    assert!(html.contains("https://x.com/khairukum/status/"));
}

/// A plan title escaping a terminal's control characters (`\x1b[31m`, `\e`)
/// is a finding, and never reaches a terminal or a file raw: not in `tasks`
/// (table, Markdown, CSV, iCalendar), nor the plan book.
#[test]
fn control_characters_in_plan_text_never_reach_an_output() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &root().join("tests/fixtures/tiny-plan"),
        &dir.path().join("plan"),
    );
    copy_dir(
        &root().join("tests/cases/control-character/plan"),
        &dir.path().join("plan"),
    );
    let base = ["--plan", "plan", "--today", "2026-11-10"];
    let runs: Vec<Vec<&str>> = vec![
        vec!["tasks", "--owner", "sara", "--status", "all"],
        vec![
            "tasks", "--owner", "sara", "--status", "all", "--format", "markdown",
        ],
        vec![
            "tasks", "--owner", "sara", "--status", "all", "--format", "csv",
        ],
        vec![
            "tasks", "--owner", "sara", "--status", "all", "--format", "ics",
        ],
        vec!["plan", "book", "--format", "markdown"],
        vec!["plan", "book"],
    ];
    for run in runs {
        let mut args = run.clone();
        if run[0] == "tasks" {
            args.extend(base);
        } else {
            args.extend(&base[..2]);
        }
        let out = crate::common::khairukum(dir.path(), &args);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("للتطوع"),
            "{args:?}: the item is shown\n{text}"
        );
        assert!(
            !text.chars().any(|c| c == '\u{1b}' || c == '\u{7}'),
            "{args:?} printed a control character"
        );
    }
}

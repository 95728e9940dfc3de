//! The fuzz corpus, replayed on stable: every input kept under
//! `fuzz/corpus/<target>/` (a small seed corpus, and every crash the
//! fuzzers found, under `fuzz/artifacts/` names) goes through the same
//! harness the cargo-fuzz targets run (`fuzz/harness.rs`).

#[path = "../../fuzz/harness.rs"]
mod harness;

use khairukum::plan::model::calendar::CalendarMonth;
use khairukum::plan::yaml_events;
use std::path::Path;

fn replay(target: &str, run: fn(&Path, &[u8])) {
    let scratch = tempfile::tempdir().unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 5, "{target}: only {} inputs", inputs.len());
    for input in &inputs {
        let data = std::fs::read(input).unwrap();
        assert!(
            std::panic::catch_unwind(|| run(scratch.path(), &data)).is_ok(),
            "{target}: {} fails",
            input.display()
        );
    }
}

#[test]
fn the_plan_file_corpus_passes() {
    replay("plan_file", harness::plan_file);
}

#[test]
fn the_export_file_corpus_passes() {
    replay("export_file", harness::export_file);
}

#[test]
fn the_post_text_corpus_passes() {
    replay("post_text", harness::post_text);
}

#[test]
fn the_lean_reader_corpus_passes() {
    replay("lean_reader", harness::lean_reader);
}

/// Every plan file in the repository (the charity's plan, the examples, the
/// fixtures and every golden case's plan) through the lean reader's check;
/// the calendars of the plans people copy from all take the lean path.
#[test]
fn the_lean_reader_reads_every_plan_file_as_the_full_reader_does() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = 0;
    for folder in ["plans", "examples", "tests/fixtures", "tests/cases"] {
        for entry in walkdir::WalkDir::new(root.join(folder)) {
            let entry = entry.unwrap();
            let path = entry.path();
            if path
                .extension()
                .is_none_or(|ext| ext != "yaml" && ext != "yml")
            {
                continue;
            }
            let text = std::fs::read_to_string(path).unwrap_or_default();
            let shipped = folder == "plans" || folder == "examples";
            let calendar = path.parent().is_some_and(|p| p.ends_with("calendar"));
            if shipped && calendar {
                assert!(
                    harness::lean_agrees::<CalendarMonth>(&text),
                    "{} is read by the full reader only",
                    path.display()
                );
            }
            harness::lean_reader(root, text.as_bytes());
            files += 1;
        }
    }
    assert!(files > 50, "only {files} plan files");
}

#[test]
fn the_ad_workbook_corpus_passes() {
    replay("ad_workbook", harness::ad_workbook);
}

#[test]
fn the_git_log_corpus_passes() {
    replay("git_log", harness::git_log);
}

#[test]
fn the_month_pieces_corpus_passes() {
    replay("month_pieces", harness::month_pieces);
}

/// Every calendar file in the repository, read in pieces, is the month
/// read whole; those of the plans people copy from are all read so.
#[test]
fn every_calendar_file_reads_in_pieces_as_it_reads_whole() {
    let mut read = 0;
    for path in calendar_files() {
        let data = std::fs::read(&path).unwrap();
        let pieced = harness::pieces_agree(&data);
        let shipped =
            path.starts_with(root().join("plans")) || path.starts_with(root().join("examples"));
        assert!(pieced || !shipped, "{} is read whole", path.display());
        read += usize::from(pieced);
    }
    assert!(read > 20, "only {read} calendar files read in pieces");
}

/// Versions of the charity's months as an edit leaves them, each line in
/// turn deleted, indented, outdented, doubled, or given an open quote:
/// whenever the pieces read, the month read whole is the same, and every
/// version the lean reader reads whole is read in pieces.
#[test]
fn edited_months_read_in_pieces_as_they_read_whole() {
    type Edit = fn(&str) -> String;
    let edits: [Edit; 5] = [
        |_| String::new(),
        |line| format!("  {line}"),
        |line| line.strip_prefix("  ").unwrap_or(line).to_string(),
        |line| format!("{line}{line}"),
        |line| line.replacen(": ", ": \"", 1),
    ];
    let mut pieced = 0;
    for month in ["2026-11", "2026-12"] {
        let text =
            std::fs::read_to_string(root().join(format!("plans/calendar/{month}.yaml"))).unwrap();
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        for at in 0..lines.len() {
            for edit in edits {
                let mut edited = lines.clone();
                let changed = edit(lines[at]);
                edited[at] = &changed;
                let edited = edited.concat();
                let lean = yaml_events::decode::<CalendarMonth>(&edited).is_some();
                let read = harness::pieces_agree(edited.as_bytes());
                assert!(
                    read || !lean,
                    "{month}, line {}: {changed:?} is read whole",
                    at + 1
                );
                pieced += usize::from(read);
            }
        }
    }
    assert!(pieced > 500, "only {pieced} edited months read in pieces");
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The calendar files of every plan in the repository.
fn calendar_files() -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for folder in ["plans", "examples", "tests/fixtures", "tests/cases"] {
        for entry in walkdir::WalkDir::new(root().join(folder)) {
            let path = entry.unwrap().into_path();
            let calendar = path.parent().is_some_and(|p| p.ends_with("calendar"));
            if calendar && path.is_file() && path.extension().is_some_and(|ext| ext == "yaml") {
                files.push(path);
            }
        }
    }
    files
}

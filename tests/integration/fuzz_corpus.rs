//! The fuzz corpus, replayed on stable: every input kept under
//! `fuzz/corpus/<target>/` (a small seed corpus, and every crash the
//! fuzzers found, under `fuzz/artifacts/` names) goes through the same
//! harness the cargo-fuzz targets run (`fuzz/harness.rs`).

#[path = "../../fuzz/harness.rs"]
mod harness;

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
    use khairukum::plan::model::calendar::CalendarMonth;
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

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

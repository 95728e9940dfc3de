//! Golden CLI tests: every folder under `tests/cases/` is one run of the
//! binary with its exact expected output.
//!
//! A case folder holds:
//! - `args`: the command line after `khairukum` (words split on whitespace,
//!   or one a line when the file has several lines); default
//!   `plan validate --plan plan`;
//! - `plan/`: files laid over a copy of `tests/fixtures/tiny-plan` (the copy is
//!   at `plan/` in the run's working folder);
//! - `remove`: paths inside `plan/` to delete from the copy, one per line;
//! - `exports-base`: a folder copied to `exports/` beside the plan, and
//!   `exports/`: files laid over it (for `report`);
//! - `base`: another plan to start from, relative to the repository
//!   (`plans`, `tests/fixtures/tasks-plan`);
//! - `git`: git commands (the words after `git`, one command a line) run
//!   in the working folder once it is laid out, committing as one fixed
//!   author on 1 November 2026 (`init -q`, `add .`, `commit -q -m plan`);
//! - `like`: the name of another case whose plan and exports (all of the
//!   above but `args`) this one runs on, to run the same input another way
//!   (`ar-content-rules` is `content-rules` with `--lang ar`);
//! - `stdout`, `stderr`, `status`: expected output and exit status
//!   (missing `stderr` means empty, missing `status` means 0);
//! - `written/`: the files the command writes in `out/` of the working
//!   folder, byte for byte (none when missing).
//!
//! `BLESS=1 cargo test --test integration golden` rewrites the expectations;
//! review the diff. Each case is a test of its own, named after its folder
//! (`cargo test --test integration golden::ar_calendar_rules`).

use crate::common::{command, copy_dir};
use std::fs;
use std::path::{Path, PathBuf};

fn read(path: &Path) -> Option<String> {
    fs::read_to_string(path).ok()
}

fn run_case(case: &Path, root: &Path) -> Result<(), String> {
    let work = tempfile::tempdir().unwrap();
    let input = match read(&case.join("like")) {
        Some(name) => case.with_file_name(name.trim()),
        None => case.to_path_buf(),
    };
    prepare(&input, root, work.path());
    let args = read(&case.join("args")).unwrap_or_else(|| "plan validate --plan plan".into());
    let output = command(work.path()).args(words(&args)).output().unwrap();
    let printed = check(case, &output);
    let written = check_written(case, &work.path().join("out"));
    match (printed, written) {
        (Ok(()), Ok(())) => Ok(()),
        (Err(a), Err(b)) => Err(format!("{a}\n{b}")),
        (Err(e), _) | (_, Err(e)) => Err(e),
    }
}

/// Compares the files the command wrote in `out/` with the case's
/// `written/` (or copies them there, with `BLESS`): the same names, the
/// same bytes.
fn check_written(case: &Path, out: &Path) -> Result<(), String> {
    let expected = case.join("written");
    let names = |dir: &Path| -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    };
    if std::env::var_os("BLESS").is_some() {
        let _ = fs::remove_dir_all(&expected);
        if !names(out).is_empty() {
            copy_dir(out, &expected);
        }
        return Ok(());
    }
    let (wanted, got) = (names(&expected), names(out));
    if wanted != got {
        return Err(format!("files written: expected {wanted:?}, got {got:?}"));
    }
    for name in &wanted {
        let (a, b) = (fs::read(expected.join(name)), fs::read(out.join(name)));
        if a.ok() != b.ok() {
            return Err(format!("written file {name} differs from written/{name}"));
        }
    }
    Ok(())
}

/// The words of an `args` file: split on whitespace, or one a line when
/// the file has several lines (for an argument with spaces, such as an
/// item's Arabic title).
fn words(args: &str) -> Vec<&str> {
    let args = args.trim();
    if args.contains('\n') {
        args.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    } else {
        args.split_whitespace().collect()
    }
}

/// Lays out a case's plan (and exports) in `work`.
fn prepare(case: &Path, root: &Path, work: &Path) {
    let plan = work.join("plan");
    let base = match read(&case.join("base")) {
        Some(base) => root.join(base.trim()),
        None => root.join("tests/fixtures/tiny-plan"),
    };
    copy_dir(&base, &plan);
    if case.join("plan").is_dir() {
        copy_dir(&case.join("plan"), &plan);
    }
    // Exports for `report`: a shared fixture, then the case's own files over it.
    if let Some(exports) = read(&case.join("exports-base")) {
        copy_dir(&root.join(exports.trim()), &work.join("exports"));
    }
    if case.join("exports").is_dir() {
        copy_dir(&case.join("exports"), &work.join("exports"));
    }
    for line in read(&case.join("remove"))
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty())
    {
        let path = plan.join(line.trim());
        if path.is_dir() {
            fs::remove_dir_all(&path)
        } else {
            fs::remove_file(&path)
        }
        .unwrap_or_else(|e| panic!("{}: cannot remove {line}: {e}", case.display()));
    }
    for line in read(&case.join("git")).unwrap_or_default().lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if !words.is_empty() {
            crate::common::git_at(work, Some("2026-11-01T10:00:00+03:00"), &words);
        }
    }
}

/// Compares a run with the case's expectations (or writes them, with `BLESS`).
fn check(case: &Path, output: &std::process::Output) -> Result<(), String> {
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let status = output
        .status
        .code()
        .map_or("signal".to_string(), |c| c.to_string());

    if std::env::var_os("BLESS").is_some() {
        fs::write(case.join("stdout"), &stdout).unwrap();
        if stderr.is_empty() {
            let _ = fs::remove_file(case.join("stderr"));
        } else {
            fs::write(case.join("stderr"), &stderr).unwrap();
        }
        if status == "0" {
            let _ = fs::remove_file(case.join("status"));
        } else {
            fs::write(case.join("status"), format!("{status}\n")).unwrap();
        }
        return Ok(());
    }
    let mut problems = Vec::new();
    let expected_stdout = read(&case.join("stdout")).unwrap_or_default();
    if stdout != expected_stdout {
        problems.push(format!(
            "stdout differs:\n--- expected\n{expected_stdout}\n--- actual\n{stdout}"
        ));
    }
    let expected_stderr = read(&case.join("stderr")).unwrap_or_default();
    if stderr != expected_stderr {
        problems.push(format!(
            "stderr differs:\n--- expected\n{expected_stderr}\n--- actual\n{stderr}"
        ));
    }
    let expected_status =
        read(&case.join("status")).map_or("0".to_string(), |s| s.trim().to_string());
    if status != expected_status {
        problems.push(format!(
            "exit status: expected {expected_status}, got {status}"
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// The files and folders a case may hold; anything else is a mistake
/// (a misspelt `stdout`, a stray file) that would otherwise go unnoticed.
const CASE_ENTRIES: [&str; 12] = [
    "args",
    "base",
    "exports",
    "exports-base",
    "git",
    "like",
    "plan",
    "remove",
    "status",
    "stderr",
    "stdout",
    "written",
];

/// Runs one case by its folder name and fails with every difference.
fn run(name: &str) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let case = root.join("tests/cases").join(name);
    if let Err(e) = unknown_entries(&case).and_then(|()| run_case(&case, &root)) {
        panic!("golden case {name}:\n{e}");
    }
}

/// Says which entries of a case folder the runner would not read.
fn unknown_entries(case: &Path) -> Result<(), String> {
    let mut unknown: Vec<String> = fs::read_dir(case)
        .map_err(|e| format!("cannot read {}: {e}", case.display()))?
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !CASE_ENTRIES.contains(&name.as_str()))
        .collect();
    unknown.sort();
    if unknown.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "unknown entries {unknown:?} (a case holds only {CASE_ENTRIES:?})"
        ))
    }
}

// One `#[test]` per case folder, generated by `build.rs`, and `CASES`.
include!(concat!(env!("OUT_DIR"), "/golden_cases.rs"));

#[test]
fn every_case_folder_is_a_test() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut folders: Vec<String> = fs::read_dir(root.join("tests/cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    assert!(!folders.is_empty(), "no golden cases found");
    assert_eq!(folders, CASES, "the build's list of cases is stale");
}

#[test]
fn a_stray_file_in_a_case_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("stdout"), "").unwrap();
    assert_eq!(unknown_entries(dir.path()), Ok(()));
    fs::write(dir.path().join("stdot"), "").unwrap();
    let err = unknown_entries(dir.path()).unwrap_err();
    assert!(err.contains("\"stdot\""), "{err}");
}

/// `plan validate` checks each month as it reads it and keeps only what the
/// whole calendar's rules need; `tasks` checks a plan loaded whole. On every
/// case's plan, both must find the same things.
#[test]
fn checking_month_by_month_finds_what_checking_the_whole_plan_finds() {
    use khairukum::plan::{load, render, rules, validate};
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let lang = khairukum::text::i18n::Lang::En;
    let mut compared = 0;
    for case in fs::read_dir(root.join("tests/cases")).unwrap() {
        let case = case.unwrap().path();
        let work = tempfile::tempdir().unwrap();
        prepare(&case, &root, work.path());
        let plan = work.path().join("plan");
        // The case's own day when it sets one, so its findings of the day show.
        let args = read(&case.join("args")).unwrap_or_default();
        let words = words(&args);
        let today = words
            .iter()
            .position(|w| *w == "--today")
            .and_then(|i| words.get(i + 1)?.parse().ok())
            .unwrap_or_else(|| chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        let Ok(streamed) = validate::validate(&plan, Some(today)) else {
            continue;
        };
        let whole = load::load(&plan).unwrap();
        let found: Vec<_> = whole
            .diagnostics
            .iter()
            .chain(&rules::check(&whole.plan))
            .chain(&rules::check_as_of(&whole.plan, today))
            .map(|d| render::short(d, &whole.sources, lang))
            .collect();
        let mut found = found;
        let mut streamed: Vec<_> = streamed
            .diagnostics
            .iter()
            .map(|d| render::short(d, &streamed.sources, lang))
            .collect();
        found.sort();
        streamed.sort();
        assert_eq!(streamed, found, "{}", case.display());
        compared += 1;
    }
    assert!(compared > 100, "only {compared} plans compared");
}

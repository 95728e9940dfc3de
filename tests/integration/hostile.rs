//! Hostile and broken input: each ends in a clear, located error quickly,
//! never a panic or a hang.

use crate::common::*;
use std::fmt::Write as _;
use std::fs;
use std::time::{Duration, Instant};

/// Validates and returns the codes found; asserts the run was quick and did not crash.
fn codes(dir: &std::path::Path) -> (i32, Vec<String>) {
    let started = Instant::now();
    let (status, json) = validate_json(dir);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
    (status, codes_in(&json))
}

#[test]
fn nesting_ten_thousand_deep() {
    let dir = copy_plan("tests/fixtures/tiny-plan");
    let deep = format!("segments: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    fs::write(dir.path().join("plan/audience.yaml"), deep).unwrap();
    let (status, codes) = codes(dir.path());
    assert_eq!(status, 1);
    assert_eq!(codes, vec!["KH011"]);
}

#[test]
fn block_nesting_ten_thousand_deep() {
    let dir = copy_plan("tests/fixtures/tiny-plan");
    let mut deep = String::from("segments:\n");
    for depth in 0..10_000 {
        deep.push_str(&" ".repeat(depth * 2 + 2));
        deep.push_str("- \n");
    }
    fs::write(dir.path().join("plan/audience.yaml"), deep).unwrap();
    let (status, codes) = codes(dir.path());
    assert_eq!(status, 1);
    assert!(!codes.is_empty());
}

#[test]
fn billion_laughs() {
    let dir = copy_plan("tests/fixtures/tiny-plan");
    let mut bomb = String::from(
        "segments:\n  - id: donors\n    name: x\n    needs: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 9].join(", ");
        let _ = writeln!(bomb, "  - id: s{i}\n    name: x\n    needs: &a{i} [{refs}]");
    }
    fs::write(dir.path().join("plan/audience.yaml"), bomb).unwrap();
    let (status, codes) = codes(dir.path());
    assert_eq!(status, 1);
    assert_eq!(codes.len(), 1, "{codes:?}");
}

#[test]
fn fifty_thousand_aliases() {
    let dir = copy_plan("tests/fixtures/tiny-plan");
    let policies = format!(
        "hashtags:\n  recommended: [&w lol]\nbanned_words: [{}]\n",
        vec!["*w"; 50_000].join(", ")
    );
    fs::write(dir.path().join("plan/policies.yaml"), policies).unwrap();
    let (status, codes) = codes(dir.path());
    assert_eq!(status, 1);
    assert_eq!(codes, vec!["KH011"]);
}

#[test]
fn a_fifty_megabyte_file() {
    let dir = copy_plan("tests/fixtures/tiny-plan");
    let file = fs::File::create(dir.path().join("plan/calendar/2026-12.yaml")).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    let (status, codes) = codes(dir.path());
    assert_eq!(status, 1);
    assert_eq!(codes, vec!["KH011"]);
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_and_a_dangling_link() {
    let dir = copy_plan("tests/fixtures/tiny-plan");
    std::os::unix::fs::symlink("..", dir.path().join("plan/calendar/loop")).unwrap();
    std::os::unix::fs::symlink(
        "nowhere.yaml",
        dir.path().join("plan/calendar/2026-12.yaml"),
    )
    .unwrap();
    let (status, codes) = codes(dir.path());
    assert_eq!(status, 2, "{codes:?}");
    assert!(codes.iter().all(|c| c == "KH010"), "{codes:?}");
    assert_eq!(codes.len(), 2, "{codes:?}");
}

/// A FIFO would block a reader forever and `/dev/zero` never ends: both are
/// named as files that are not read, in validate and in tasks.
#[cfg(unix)]
#[test]
fn a_fifo_and_a_device_named_like_plan_files() {
    let dir = copy_plan("tests/fixtures/tiny-plan");
    let fifo = dir.path().join("plan/calendar/2027-01.yaml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("plan/zero.yaml")).unwrap();
    let (status, json) = {
        let started = Instant::now();
        let run = validate_json(dir.path());
        assert!(started.elapsed() < Duration::from_secs(5));
        run
    };
    assert_eq!(status, 2);
    assert_eq!(codes_in(&json), ["KH010", "KH010"]);
    let messages = json.to_string();
    assert!(messages.contains("FIFO"), "{messages}");
    assert!(messages.contains("a device"), "{messages}");
    let started = Instant::now();
    let out = khairukum(
        dir.path(),
        &["tasks", "--plan", "plan", "--today", "2026-11-10"],
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2027-01.yaml:1:1: error[KH010]"));
}

#[cfg(unix)]
#[test]
fn an_unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = copy_plan("tests/fixtures/tiny-plan");
    let path = dir.path().join("plan/goals.yaml");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    let out = command_that_cannot_read(dir.path(), &path)
        .args(["plan", "validate", "--plan", "plan", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stderr)));
    let codes = codes_in(&json);
    assert_eq!(out.status.code(), Some(2), "{codes:?}");
    assert!(codes.contains(&"KH010".to_string()), "{codes:?}");
}

#[test]
fn a_utf16_file() {
    let dir = copy_plan("tests/fixtures/tiny-plan");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "segments: []\n".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    fs::write(dir.path().join("plan/audience.yaml"), bytes).unwrap();
    let (_, codes) = codes(dir.path());
    assert_eq!(codes, vec!["KH008"]);
}

#[test]
fn the_plan_folder_is_never_modified() {
    let dir = copy_plan("plans");
    let snapshot = |d: &std::path::Path| {
        let mut files: Vec<(String, Vec<u8>)> = walk(d)
            .into_iter()
            .map(|p| (p.display().to_string(), fs::read(&p).unwrap()))
            .collect();
        files.sort();
        files
    };
    let before = snapshot(&dir.path().join("plan"));
    for format in ["human", "json", "github", "sarif"] {
        khairukum(
            dir.path(),
            &["plan", "validate", "--plan", "plan", "--format", format],
        );
    }
    assert_eq!(before, snapshot(&dir.path().join("plan")));
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// A mistake repeated over a calendar shows its first 50 findings and a
/// count of the rest; `--all` shows every one, and JSON lists them all.
#[test]
fn many_findings_of_one_rule_are_counted_past_fifty_and_all_shown_on_request() {
    let dir = copy_plan("tests/fixtures/tiny-plan");
    fs::copy(
        root().join("tests/cases/many-findings-capped/plan/calendar/2026-11.yaml"),
        dir.path().join("plan/calendar/2026-11.yaml"),
    )
    .unwrap();
    let run = |more: &[&str]| {
        let out = command(dir.path())
            .args([
                "plan",
                "validate",
                "--plan",
                "plan",
                "--today",
                "2026-11-01",
            ])
            .args(more)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let capped = run(&[]);
    assert_eq!(
        capped.matches("error[KH021 unresolved-reference]").count(),
        50
    );
    assert!(capped.contains("… and 3 more [KH021 unresolved-reference] not shown"));
    let all = run(&["--all"]);
    assert_eq!(all.matches("error[KH021 unresolved-reference]").count(), 53);
    assert!(!all.contains("not shown"));
    let json: serde_json::Value = serde_json::from_str(&run(&["--format", "json"])).unwrap();
    let codes = codes_in(&json);
    assert_eq!(codes.iter().filter(|c| *c == "KH021").count(), 53);
}

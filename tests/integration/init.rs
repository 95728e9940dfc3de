//! `khairukum init`: the new repository validates clean, and the commands of
//! its generated workflow run as they would in CI.

use crate::common::*;
use std::process::Command;

#[test]
fn init_then_validate_then_the_workflow_commands() {
    let dir = tempfile::tempdir().unwrap();
    let out = khairukum(dir.path(), &["init", "repo", "--month", "2026-12"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let repo = dir.path().join("repo");
    let validate = khairukum(&repo, &["plan", "validate", "--plan", "plans"]);
    assert_eq!(
        validate.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&validate.stdout)
    );

    let workflow: serde_json::Value = serde_saphyr::from_str(
        &std::fs::read_to_string(repo.join(".github/workflows/plan.yml")).unwrap(),
    )
    .unwrap();
    let runs: Vec<String> = workflow["jobs"]["validate"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["run"].as_str().map(str::to_string))
        .collect();
    assert!(
        runs.iter()
            .any(|r| r.starts_with("cargo install") && r.contains("khairukum")),
        "{runs:?}"
    );
    let bin_dir = std::path::Path::new(env!("CARGO_BIN_EXE_khairukum"))
        .parent()
        .unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut ran = 0;
    for line in runs.iter().filter(|r| !r.starts_with("cargo install")) {
        let status = Command::new("sh")
            .args(["-c", line])
            .current_dir(&repo)
            .env("PATH", &path)
            .env("GITHUB_ACTIONS", "true")
            .status()
            .unwrap();
        assert!(status.success(), "`{line}` failed");
        ran += 1;
    }
    assert!(ran >= 1);
}

#[test]
fn init_refuses_to_overwrite_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("README.md"), "ours").unwrap();
    let out = khairukum(dir.path(), &["init", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not overwriting existing files"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("README.md")).unwrap(),
        "ours"
    );
    assert!(!dir.path().join("plans").exists(), "nothing half-written");
    let out = khairukum(dir.path(), &["init", ".", "--force"]);
    assert!(out.status.success());
    assert_ne!(
        std::fs::read_to_string(dir.path().join("README.md")).unwrap(),
        "ours"
    );
}

#[test]
fn completions_man_page_and_version() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = khairukum(dir.path(), &["completions", shell]);
        assert!(
            out.status.success() && String::from_utf8_lossy(&out.stdout).contains("khairukum"),
            "{shell}"
        );
    }
    let man = khairukum(dir.path(), &["man"]);
    assert!(String::from_utf8_lossy(&man.stdout).starts_with(".ie"));
    let version = String::from_utf8(khairukum(dir.path(), &["--version"]).stdout).unwrap();
    assert!(
        version.starts_with(&format!("khairukum {} (", env!("CARGO_PKG_VERSION"))),
        "{version}"
    );
}

#[test]
fn every_command_help_shows_an_example() {
    let dir = tempfile::tempdir().unwrap();
    for command in [
        &["plan"][..],
        &["plan", "validate"],
        &["tasks"],
        &["report"],
        &["init"],
        &["completions"],
        &["man"],
    ] {
        let mut args = command.to_vec();
        args.push("--help");
        let help = String::from_utf8(khairukum(dir.path(), &args).stdout).unwrap();
        assert!(
            help.contains("Example"),
            "{command:?} --help shows no example:\n{help}"
        );
    }
}

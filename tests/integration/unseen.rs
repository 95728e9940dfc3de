//! Nothing in the exports folder is passed over in silence: a folder that
//! cannot be read, a broken link, a link loop, and a FIFO, a socket or a
//! folder named like an export are each a finding, and none makes the run
//! hang.

use crate::common::{codes_in, command_that_cannot_read, copy_dir, copy_plan, root};
use std::os::unix::fs::PermissionsExt;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs a command, killing it (and failing) if it takes over ten seconds.
fn within_ten_seconds(mut command: Command) -> Output {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(10) {
            child.kill().unwrap();
            panic!("the command hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn every_thing_that_cannot_be_read_is_a_finding() {
    let dir = copy_plan("tests/fixtures/report-plan");
    let exports = dir.path().join("exports");
    copy_dir(&root().join("tests/fixtures/exports"), &exports);
    let month = exports.join("2026-11");
    let made = |args: &[&str]| {
        assert!(
            Command::new(args[0])
                .args(&args[1..])
                .current_dir(&month)
                .status()
                .unwrap()
                .success()
        );
    };
    made(&["mkfifo", "pipe.csv"]);
    let _socket = std::os::unix::net::UnixListener::bind(month.join("socket.csv")).unwrap();
    std::fs::create_dir(month.join("folder.csv")).unwrap();
    std::os::unix::fs::symlink("nowhere.csv", month.join("broken.csv")).unwrap();
    std::os::unix::fs::symlink("..", month.join("loop")).unwrap();
    made(&["mkfifo", "../followers.yaml.fifo"]);
    std::fs::remove_file(exports.join("followers.yaml")).unwrap();
    std::fs::rename(
        exports.join("followers.yaml.fifo"),
        exports.join("followers.yaml"),
    )
    .unwrap();
    let locked = exports.join("meta");
    std::fs::create_dir(&locked).unwrap();
    std::fs::copy(month.join("ig-posts.csv"), locked.join("ig-posts.csv")).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();

    let args = [
        "exports",
        "check",
        "--plan",
        "plan",
        "--exports",
        "exports",
        "--format",
        "json",
    ];
    let mut run = command_that_cannot_read(dir.path(), &locked);
    run.args(args);
    let out = within_ten_seconds(run);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stderr)));
    let found: Vec<(String, String)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["location"]["file"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
                d["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let named = |path: &str, words: &str| {
        assert!(
            found
                .iter()
                .any(|(f, m)| f.ends_with(path) && m.contains(words)),
            "no finding for {path} ({words}): {found:#?}"
        );
    };
    named("2026-11/pipe.csv", "FIFO");
    named("2026-11/socket.csv", "socket");
    named("2026-11/folder.csv", "folder");
    named("2026-11/broken.csv", "does not exist");
    named("2026-11/loop", "leads back");
    named("exports/meta", "cannot be looked into");
    named("exports/followers.yaml", "FIFO");
    assert_eq!(out.status.code(), Some(1), "{:?}", codes_in(&json));
    // So that the temporary folder can be removed by whoever ran the test.
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
}

//! A plan repository is data from others: a tree entry that would leave
//! the plan folder is never written, and nothing in the repository's
//! configuration (a signature program, a pager, a file-system monitor,
//! hooks) runs while the tool reads the history.

use crate::common::*;
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

/// Runs git in `dir` with `input` on its standard input; its output.
fn git_out(dir: &Path, args: &[&str], input: &[u8]) -> Vec<u8> {
    let mut child = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .env("GIT_AUTHOR_DATE", "2026-11-10T10:00:00+03:00")
        .env("GIT_COMMITTER_DATE", "2026-11-10T10:00:00+03:00")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn id(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).trim().to_string()
}

/// A raw tree object of `entries` (mode, name, object id in hex), written
/// as git would never write it itself when a name is `..`.
fn raw_tree(dir: &Path, entries: &[(&str, &str, &str)]) -> String {
    let mut bytes = Vec::new();
    for (mode, name, object) in entries {
        bytes.extend_from_slice(format!("{mode} {name}\0").as_bytes());
        let hex = object.as_bytes();
        for pair in hex.chunks(2) {
            let text = std::str::from_utf8(pair).unwrap();
            bytes.push(u8::from_str_radix(text, 16).unwrap());
        }
    }
    id(&git_out(
        dir,
        &["hash-object", "--literally", "-t", "tree", "-w", "--stdin"],
        &bytes,
    ))
}

/// A repository whose first commit is the tiny plan, and whose second
/// commit's `plans/` tree also holds an entry `..` with a file in it.
fn repository_with_dot_dot() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    tiny_plan_committed(&repo);
    let blob = id(&git_out(
        &repo,
        &["hash-object", "-w", "--stdin"],
        b"planted: yes\n",
    ));
    let escape = raw_tree(&repo, &[("100644", "planted.yaml", &blob)]);
    let plans = id(&git_out(&repo, &["rev-parse", "HEAD:plans"], b""));
    let listing = git_out(&repo, &["ls-tree", &plans], b"");
    let mut entries: Vec<(String, String, String)> = vec![("40000".into(), "..".into(), escape)];
    for line in String::from_utf8(listing).unwrap().lines() {
        let (head, name) = line.split_once('\t').unwrap();
        let words: Vec<&str> = head.split_whitespace().collect();
        let mode = if words[1] == "tree" {
            "40000"
        } else {
            words[0]
        };
        entries.push((mode.into(), name.into(), words[2].into()));
    }
    let borrowed: Vec<(&str, &str, &str)> = entries
        .iter()
        .map(|(m, n, o)| (m.as_str(), n.as_str(), o.as_str()))
        .collect();
    let plans = raw_tree(&repo, &borrowed);
    let top = raw_tree(&repo, &[("40000", "plans", &plans)]);
    let head = id(&git_out(&repo, &["rev-parse", "HEAD"], b""));
    let commit = id(&git_out(
        &repo,
        &["commit-tree", &top, "-p", &head, "-m", "planted"],
        b"",
    ));
    git_out(&repo, &["update-ref", "refs/heads/main", &commit], b"");
    dir
}

/// `report` of November on the plan in `repo` as JSON (the run must
/// succeed), with `env` set for it.
fn report_json(repo: &Path, env: &[(&str, &Path)]) -> serde_json::Value {
    let mut run = command(repo);
    for (key, value) in env {
        run.env(key, value);
    }
    let report = run
        .args([
            "report",
            "--plan",
            "plans",
            "--exports",
            "exports",
            "--month",
            "2026-11",
        ])
        .args(["--today", "2026-12-01", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        report.status.success(),
        "{}",
        String::from_utf8_lossy(&report.stderr)
    );
    serde_json::from_slice(&report.stdout).unwrap()
}

/// `repo` made a repository whose one commit, on 1 November 2026, holds
/// the tiny plan in `plans/`.
fn tiny_plan_committed(repo: &Path) {
    copy_dir(
        &root().join("tests/fixtures/tiny-plan"),
        &repo.join("plans"),
    );
    git_at(repo, None, &["init", "-q"]);
    git_at(repo, None, &["add", "."]);
    git_at(
        repo,
        Some("2026-11-01T10:00:00+03:00"),
        &["commit", "-q", "-m", "plan"],
    );
}

/// Every file under `dir`, as paths relative to it.
fn files_under(dir: &Path) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).unwrap().display().to_string())
        .collect()
}

#[test]
fn a_tree_entry_named_dot_dot_is_never_written_outside() {
    let dir = repository_with_dot_dot();
    let repo = dir.path().join("repo");
    // The tool's scratch folders are made under `scratch/tmp`: a path that
    // left them would land in `scratch`.
    let scratch = dir.path().join("scratch");
    std::fs::create_dir_all(scratch.join("tmp")).unwrap();
    let diff = command(&repo)
        .env("TMPDIR", scratch.join("tmp"))
        .args(["plan", "diff", "HEAD~1", "HEAD", "--plan", "plans"])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&diff.stderr);
    assert_eq!(diff.status.code(), Some(2), "{said}");
    assert!(said.contains("plans/../planted.yaml"), "{said}");
    assert!(said.contains("leaves the plan folder"), "{said}");
    std::fs::create_dir(repo.join("exports")).unwrap();
    let json = report_json(&repo, &[("TMPDIR", &scratch.join("tmp"))]);
    assert_eq!(files_under(&scratch), Vec::<String>::new());
    assert!(!dir.path().join("planted.yaml").exists());
    let problems = json["problems"].to_string();
    assert!(problems.contains("leaves the plan folder"), "{problems}");
}

/// A program that leaves `ran-<name>` in `marks` when run, and succeeds.
fn trap(marks: &Path, name: &str) -> String {
    use std::os::unix::fs::PermissionsExt as _;
    let path = marks.join(format!("{name}.sh"));
    std::fs::write(
        &path,
        format!(
            "#!/bin/sh\ntouch '{}/ran-{name}'\ncat >/dev/null\nexit 0\n",
            marks.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path.display().to_string()
}

/// A repository of the tiny plan whose last commit is signed and whose own
/// configuration asks git to run a program at every turn: to check
/// signatures, as a pager, as a file-system monitor, as an external diff, as
/// a text conversion and a filter for every file, and as every hook.
fn repository_that_runs_programs(marks: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    tiny_plan_committed(repo);
    let path = repo.join("plans/calendar/2026-11.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{text}\n# edited\n")).unwrap();
    git_at(
        repo,
        Some("2026-11-05T10:00:00+03:00"),
        &["commit", "-q", "-am", "edit"],
    );
    // The last commit, signed (git checks a signature only when asked to).
    let commit = String::from_utf8(git_out(repo, &["cat-file", "commit", "HEAD"], b"")).unwrap();
    let signed = commit.replacen(
        "\n\n",
        "\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n\n",
        1,
    );
    let signed = id(&git_out(
        repo,
        &["hash-object", "-t", "commit", "-w", "--stdin"],
        signed.as_bytes(),
    ));
    git_out(repo, &["update-ref", "refs/heads/main", &signed], b"");
    let hooks = repo.join("hooks");
    std::fs::create_dir(&hooks).unwrap();
    for hook in [
        "post-checkout",
        "post-index-change",
        "reference-transaction",
        "fsmonitor-watchman",
    ] {
        std::fs::copy(trap(marks, hook), hooks.join(hook)).unwrap();
    }
    std::fs::write(repo.join(".gitattributes"), "* filter=trap diff=trap\n").unwrap();
    let settings = [
        ("log.showSignature", "true".to_string()),
        ("gpg.program", trap(marks, "gpg")),
        ("gpg.ssh.program", trap(marks, "ssh-keygen")),
        ("core.pager", trap(marks, "pager")),
        ("pager.log", trap(marks, "pager-log")),
        ("core.fsmonitor", trap(marks, "fsmonitor")),
        ("core.hooksPath", hooks.display().to_string()),
        ("diff.external", trap(marks, "external-diff")),
        ("diff.trap.textconv", trap(marks, "textconv")),
        ("filter.trap.smudge", trap(marks, "smudge")),
        ("filter.trap.clean", trap(marks, "clean")),
        ("filter.trap.process", trap(marks, "process")),
        ("color.ui", "always".to_string()),
    ];
    for (key, value) in settings {
        git_at(repo, None, &["config", key, &value]);
    }
    dir
}

#[test]
fn nothing_in_the_repository_configuration_runs() {
    let marks = tempfile::tempdir().unwrap();
    let dir = repository_that_runs_programs(marks.path());
    let repo = dir.path();
    // Git itself, asked as a person would, does run them: the traps work.
    let shown = Command::new("git")
        .args(["log", "-1", "--format=%H"])
        .current_dir(repo)
        .output()
        .unwrap();
    assert!(shown.status.success());
    assert!(marks.path().join("ran-gpg").exists(), "the trap works");
    std::fs::remove_file(marks.path().join("ran-gpg")).unwrap();
    std::fs::create_dir(repo.join("exports")).unwrap();
    let report = khairukum(
        repo,
        &[
            "report",
            "--plan",
            "plans",
            "--exports",
            "exports",
            "--month",
            "2026-11",
        ],
    );
    assert!(
        report.status.success(),
        "{}",
        String::from_utf8_lossy(&report.stderr)
    );
    let diff = khairukum(repo, &["plan", "diff", "HEAD~1", "HEAD", "--plan", "plans"]);
    assert!(
        diff.status.success(),
        "{}",
        String::from_utf8_lossy(&diff.stderr)
    );
    let ran: Vec<String> = std::fs::read_dir(marks.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("ran-"))
        .collect();
    assert_eq!(
        ran,
        Vec::<String>::new(),
        "programs the repository named ran"
    );
}

#[test]
fn a_repository_git_refuses_is_said_in_git_s_words() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    tiny_plan_committed(repo);
    std::fs::create_dir(repo.join("exports")).unwrap();
    // Git's own switch for a repository owned by another user.
    let json = report_json(repo, &[("GIT_TEST_ASSUME_DIFFERENT_OWNER", Path::new("1"))]);
    let problems = json["problems"].to_string();
    assert!(problems.contains("KH115"), "{problems}");
    assert!(problems.contains("dubious ownership"), "{problems}");
    let diff = command(repo)
        .env("GIT_TEST_ASSUME_DIFFERENT_OWNER", "1")
        .args(["plan", "diff", "HEAD", "--plan", "plans"])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&diff.stderr);
    assert_eq!(diff.status.code(), Some(2), "{said}");
    assert!(said.contains("dubious ownership"), "{said}");
    assert!(!said.contains("not inside a git repository"), "{said}");
}

/// A file whose name holds a line feed, committed beside the plan: git
/// gives every name, and the history is read whole, not reported missing.
#[test]
fn a_file_name_with_a_line_feed_does_not_hide_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    // The name is committed on its own, after the plan.
    tiny_plan_committed(repo);
    std::fs::write(
        repo.join("plans/calendar/notes\nof november.yaml"),
        "# notes\n",
    )
    .unwrap();
    git_at(repo, None, &["add", "."]);
    git_at(
        repo,
        Some("2026-11-02T10:00:00+03:00"),
        &["commit", "-q", "-m", "notes"],
    );
    let path = repo.join("plans/calendar/2026-11.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen("status: drafted", "status: approved", 1),
    )
    .unwrap();
    git_at(
        repo,
        Some("2026-11-05T10:00:00+03:00"),
        &["commit", "-q", "-am", "approved"],
    );
    std::fs::create_dir(repo.join("exports")).unwrap();
    let json = report_json(repo, &[]);
    assert_eq!(json["team"]["commits"], 3, "{}", json["team"]);
    assert!(
        !json["problems"].to_string().contains("KH115"),
        "{}",
        json["problems"]
    );
}

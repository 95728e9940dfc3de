//! The Action's scripts on a pull request (`.github/summary.sh`,
//! `comment.sh`, `lang.sh`): a repository whose base branch is on its
//! `origin`, a head that moves an item and adds a mistake. The summary
//! holds the check's table and the plan's changes, in Arabic right to
//! left; the comment is written once and then updated, and a fork's
//! read-only token gets a notice, never a failed job.

use crate::common::{copy_dir, git_at, isolates_shown, path_with_binary, root};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A clone of a plan repository with one commit on top of `main`.
struct PullRequest {
    _dirs: (tempfile::TempDir, tempfile::TempDir),
    work: PathBuf,
    scratch: PathBuf,
}

fn pull_request() -> PullRequest {
    let origin = tempfile::tempdir().unwrap();
    let o = origin.path();
    copy_dir(&root().join("tests/fixtures/tiny-plan"), &o.join("plans"));
    git_at(o, None, &["init", "-q", "-b", "main"]);
    git_at(o, None, &["add", "."]);
    git_at(o, None, &["commit", "-q", "-m", "plan"]);
    let clone = tempfile::tempdir().unwrap();
    let work = clone.path().join("work");
    let cloned = Command::new("git")
        .arg("clone")
        .arg("-q")
        .arg(o)
        .arg(&work)
        .status()
        .unwrap();
    assert!(cloned.success());
    let calendar = work.join("plans/calendar/2026-11.yaml");
    let text = std::fs::read_to_string(&calendar).unwrap();
    let moved = text
        .replace("2026-11-20T19:00", "2026-11-22T19:00")
        .replace(
            "owner: sara\n    status: drafted",
            "owner: nobody\n    status: drafted",
        );
    assert_ne!(moved, text);
    std::fs::write(&calendar, moved).unwrap();
    git_at(&work, None, &["commit", "-q", "-am", "move"]);
    let scratch = clone.path().to_path_buf();
    PullRequest {
        _dirs: (origin, clone),
        work,
        scratch,
    }
}

/// Runs one of the Action's scripts in the pull request's clone.
fn script(pr: &PullRequest, name: &str, env: &[(&str, &str)]) -> Output {
    let mut command = Command::new("bash");
    command
        .arg(root().join(".github").join(name))
        .current_dir(&pr.work)
        .env("PATH", path_with_binary())
        .env("PLAN", "plans")
        .env("GITHUB_BASE_REF", "main")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env_remove("LANGUAGE");
    for (key, value) in env {
        command.env(key, value);
    }
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn a_pull_request_s_summary_has_the_check_and_the_plan_s_changes() {
    let pr = pull_request();
    let summary = pr.scratch.join("summary.md");
    let summary_path = summary.display().to_string();
    script(
        &pr,
        "summary.sh",
        &[("LANGUAGE", "ar"), ("GITHUB_STEP_SUMMARY", &summary_path)],
    );
    let written = isolates_shown(&std::fs::read_to_string(&summary).unwrap());
    // The check: its heading, the mistake in the table with its place.
    assert!(
        written.starts_with("<div dir=\"rtl\">\n\n### ❌ فحص الخطة"),
        "{written}"
    );
    assert!(
        written.contains("<code dir=\"ltr\">plans/calendar/2026-11.yaml:"),
        "{written}"
    );
    assert!(written.contains("[`nobody`]"), "{written}");
    // The changes: the base branch against the head, the move and the owner.
    assert!(written.contains("[`FETCH_HEAD`] ← [`HEAD`]"), "{written}");
    assert!(
        written.contains("[2026-11-20T19:00] ← [2026-11-22T19:00]"),
        "{written}"
    );
    assert!(written.contains("[sara] ← [nobody]"), "{written}");
    assert_eq!(written.matches("<div dir=\"rtl\">").count(), 2, "{written}");
}

/// A stand-in for the runner's `gh`: it logs each call, answers the list
/// of comments from `comments.json` (applying the script's `startswith`
/// filter as `--jq` would), and keeps the body of a PATCH or POST.
fn fake_gh(dir: &Path, comments: &str, fail: bool) -> PathBuf {
    let bin = dir.join("fake-bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::write(dir.join("comments.json"), comments).unwrap();
    let gh = bin.join("gh");
    let exit = if fail { "sys.exit(1)" } else { "" };
    std::fs::write(
        &gh,
        format!(
            r#"#!/usr/bin/env python3
import json, os, re, sys
here = {here:?}
args = sys.argv[1:]
with open(os.path.join(here, "calls.log"), "a") as log:
    log.write(" ".join(a for a in args if not a.startswith("body=")) + "\n")
{exit}
if "--method" not in args:
    marker = re.search(r'startswith\("(.*?)"\)', args[args.index("--jq") + 1]).group(1)
    for c in json.load(open(os.path.join(here, "comments.json"))):
        if c["body"].startswith(marker):
            print(c["id"])
else:
    body = next(a for a in args if a.startswith("body=@"))[len("body=@"):]
    open(os.path.join(here, "posted.md"), "w").write(open(body).read())
"#,
            here = dir.display().to_string()
        ),
    )
    .unwrap();
    let chmod = Command::new("chmod").arg("+x").arg(&gh).status().unwrap();
    assert!(chmod.success());
    bin
}

fn comment(pr: &PullRequest, comments: &str, fail: bool, head: &str) -> (String, String) {
    let bin = fake_gh(&pr.scratch, comments, fail);
    let path = format!("{}:{}", bin.display(), path_with_binary());
    let out = script(
        pr,
        "comment.sh",
        &[
            ("PATH", &path),
            ("PR_NUMBER", "7"),
            ("GITHUB_REPOSITORY", "charity/plan"),
            ("HEAD_REPOSITORY", head),
        ],
    );
    let calls = std::fs::read_to_string(pr.scratch.join("calls.log")).unwrap_or_default();
    (calls, String::from_utf8(out.stdout).unwrap())
}

#[test]
fn the_comment_is_written_once_then_updated() {
    let pr = pull_request();
    let (calls, _) = comment(&pr, "[]", false, "charity/plan");
    assert_eq!(
        calls,
        "api --paginate repos/charity/plan/issues/7/comments --jq .[] | select(.body | startswith(\"<!-- khairukum plan summary -->\")) | .id\n\
         api --method POST repos/charity/plan/issues/7/comments -F\n"
    );
    let posted = std::fs::read_to_string(pr.scratch.join("posted.md")).unwrap();
    assert!(
        posted.starts_with("<!-- khairukum plan summary -->\n\n### ❌ Plan check"),
        "{posted}"
    );
    assert!(
        posted.contains("2026-11-20T19:00 → 2026-11-22T19:00"),
        "{posted}"
    );

    std::fs::remove_file(pr.scratch.join("calls.log")).unwrap();
    let earlier = r#"[{"id": 11, "body": "LGTM"},
        {"id": 42, "body": "<!-- khairukum plan summary -->\n\nold"}]"#;
    let (calls, out) = comment(&pr, earlier, false, "charity/plan");
    assert!(
        calls.ends_with("api --method PATCH repos/charity/plan/issues/comments/42 -F\n"),
        "{calls}"
    );
    assert!(out.contains("comment 42 updated"), "{out}");
}

#[test]
fn a_fork_or_a_read_only_token_gets_a_notice_and_the_job_goes_on() {
    let pr = pull_request();
    let (calls, out) = comment(&pr, "[]", false, "someone/plan");
    assert_eq!(calls, "", "a fork's pull request calls no API");
    assert!(
        out.contains("::notice title=khairukum::A pull request from a fork"),
        "{out}"
    );

    let (calls, out) = comment(&pr, "[]", true, "charity/plan");
    assert_eq!(calls.lines().count(), 1, "{calls}");
    assert!(out.contains("::warning title=khairukum::"), "{out}");
    assert!(out.contains("pull-requests: write"), "{out}");
}

#[test]
fn the_language_is_the_plan_s_unless_given() {
    let pr = pull_request();
    let plan = pr.work.join("plans/plan.yaml");
    let original = std::fs::read_to_string(&plan).unwrap();
    let lang = |extra: &str, given: &str| {
        std::fs::write(&plan, format!("{original}{extra}")).unwrap();
        let out = script(&pr, "lang.sh", &[("LANGUAGE", given)]);
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(lang("", ""), "en\n", "no languages: English");
    assert_eq!(lang("languages: [ar, en]\n", ""), "ar\n");
    assert_eq!(lang("languages: [\"en\", ar]\n", ""), "en\n");
    assert_eq!(
        lang("languages:  # the plan's\n  - ar\n  - en\n", ""),
        "ar\n"
    );
    assert_eq!(
        lang("languages: [ar, en]\n", "en"),
        "en\n",
        "the input wins"
    );
    assert_eq!(
        lang("languages: [fr]\n", ""),
        "en\n",
        "only ar and en have messages"
    );
}

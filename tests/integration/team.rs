//! The report's team section on a throw-away git repository built here:
//! when each task was done is the time of the first commit in which it is
//! done, judged against its due time.

use crate::common::*;
use std::path::Path;

/// Runs git in `dir`, committing (if asked) at `date`.
fn git(dir: &Path, date: &str, args: &[&str]) {
    git_at(dir, Some(date), args);
}

fn edit(dir: &Path, from: &str, to: &str) {
    let path = dir.join("plans/calendar/2026-11.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

fn commit(dir: &Path, date: &str) {
    git(dir, date, &["commit", "-q", "-am", date]);
}

/// The November plan's history: nothing done on 20 October but the month's
/// plan; the graduation published on 7 November; the call for volunteers
/// drafted and the first weekly review recorded on 12 November; the thanks
/// to donors approved in the working tree, not committed.
fn history() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy_dir(&root().join("tests/fixtures/report-plan"), &d.join("plans"));
    copy_dir(&root().join("tests/fixtures/exports"), &d.join("exports"));
    edit(d, "status: published", "status: idea");
    edit(d, "status: drafted", "status: idea");
    edit(
        d,
        "    owner: sara\n    status: approved",
        "    owner: sara\n    status: idea",
    );
    edit(d, "done:\n  - weekly-review/2026-W45\n", "");
    git(d, "2026-10-20T10:00:00+03:00", &["init", "-q"]);
    git(d, "2026-10-20T10:00:00+03:00", &["add", "."]);
    commit(d, "2026-10-20T10:00:00+03:00");
    edit(
        d,
        "    owner: amal\n    status: idea",
        "    owner: amal\n    status: published",
    );
    commit(d, "2026-11-07T12:00:00+03:00");
    edit(
        d,
        "    owner: sara\n    status: idea",
        "    owner: sara\n    status: drafted",
    );
    edit(d, "items:\n", "done:\n  - weekly-review/2026-W45\nitems:\n");
    commit(d, "2026-11-12T09:00:00+03:00");
    edit(
        d,
        "    owner: sara\n    status: idea",
        "    owner: sara\n    status: approved",
    );
    dir
}

#[test]
fn each_task_is_done_when_its_first_commit_says_so() {
    let repo = history();
    let args = [
        "report",
        "--plan",
        "plans",
        "--month",
        "2026-11",
        "--today",
        "2026-12-01",
    ];
    let json = khairukum_json(repo.path(), &[&args[..], &["--format", "json"]].concat());
    let team = &json["team"];
    assert_eq!(team["commits"], 3, "{team}");
    let row = |person: &str| {
        let p = team["people"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["person"] == person)
            .unwrap_or_else(|| panic!("{person}: {team}"));
        [
            "due",
            "on_time",
            "late",
            "undated",
            "overdue",
            "not_yet_due",
        ]
        .map(|k| p[k].as_u64().unwrap())
    };
    // Omar approves: the graduation on time (7 Nov, due 7 Nov 19:00), the
    // thanks to donors in the working tree (no time), the other two not at all.
    assert_eq!(row("omar"), [4, 1, 0, 1, 2, 0]);
    let markdown = stdout(
        repo.path(),
        &[&args[..], &["--format", "markdown"]].concat(),
    );
    let section = &markdown[markdown.find("## The team").expect("a team section")..];
    let section = &section[..section.find("\n## ").unwrap()];
    // Sara wrote the call for volunteers on 12 November, due 9 November at
    // 19:00; Amal published the graduation a day and a third early; the
    // first weekly review, due 5 November, was recorded on the 12th.
    assert_eq!(
        section,
        "## The team's tasks due in the period

| Person | Due | Done on time | Done late | Done, time unknown | Overdue | Not yet due |
| --- | --- | --- | --- | --- | --- | --- |
| Sara Al-Otaibi | 4 | 0 | 1 | 1 | 2 | 0 |
| Amal Al-Harbi | 8 | 1 | 2 | 0 | 5 | 0 |
| Omar Al-Zahrani | 4 | 1 | 0 | 1 | 2 | 0 |

| Step | Done with a time | Done on time | Median from due to done |
| --- | --- | --- | --- |
| Write the text | 2 | 0 | +1.6 days |
| Approve the content | 1 | 1 | −0.3 days |
| Publish | 1 | 1 | −1.3 days |
| Weekly review | 1 | 0 | +7.4 days |

Done times are those of the first commit of the plan in which each task is done (3 commits read).
"
    );
    assert!(markdown.contains(
        "- Of 16 tasks due, 2 were done on time, 3 late, 2 at a time not known; 9 are overdue."
    ));
    // While the month runs, what is not yet due is not overdue.
    let json = khairukum_json(
        repo.path(),
        &[
            "report",
            "--plan",
            "plans",
            "--month",
            "2026-11",
            "--today",
            "2026-11-20",
            "--format",
            "json",
        ],
    );
    let sara = &json["team"]["people"][0];
    assert_eq!(
        (sara["overdue"].as_u64(), sara["not_yet_due"].as_u64()),
        (Some(1), Some(1))
    );
    // Without git, the same tasks are done, their times unknown.
    std::fs::remove_dir_all(repo.path().join(".git")).unwrap();
    let json = khairukum_json(repo.path(), &[&args[..], &["--format", "json"]].concat());
    assert_eq!(json["team"]["commits"], serde_json::Value::Null);
    assert_eq!(json["team"]["people"][2]["undated"], 2);
}

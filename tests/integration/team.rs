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
        "- Of 16 tasks due: 2 done on time, 3 done late, 2 done at a time not known, 9 overdue."
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

/// When each task was done, the plain way: every commit's plan folder
/// unpacked whole (`git archive`), loaded whole and its tasks derived, the
/// first commit in which each is done kept. An oracle for the one-pass
/// reading of `plan::history`, which reads only what each commit changed.
fn done_times_read_commit_by_commit(
    repo: &Path,
    tz: chrono_tz::Tz,
) -> std::collections::HashMap<String, chrono::NaiveDateTime> {
    use chrono::TimeZone as _;
    let log = std::process::Command::new("git")
        .args(["log", "--reverse", "--format=%H %ct", "--", "plans"])
        .current_dir(repo)
        .output()
        .unwrap();
    let mut times = std::collections::HashMap::new();
    for line in String::from_utf8(log.stdout).unwrap().lines() {
        let (hash, seconds) = line.split_once(' ').unwrap();
        let at = tz
            .timestamp_opt(seconds.parse().unwrap(), 0)
            .unwrap()
            .naive_local();
        let dir = tempfile::tempdir().unwrap();
        let archive = std::process::Command::new("git")
            .args(["archive", hash, "plans"])
            .current_dir(repo)
            .output()
            .unwrap();
        let mut untar = std::process::Command::new("tar")
            .args(["-x", "-C"])
            .arg(dir.path())
            .stdin(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(untar.stdin.as_mut().unwrap(), &archive.stdout).unwrap();
        assert!(untar.wait().unwrap().success());
        let loaded = khairukum::plan::load::load(&dir.path().join("plans")).unwrap();
        for task in khairukum::plan::tasks::derive(&loaded.plan) {
            if task.done {
                times.entry(task.id()).or_insert(at);
            }
        }
    }
    times
}

#[test]
fn the_history_read_in_one_pass_equals_each_commit_read_whole() {
    let dir = history();
    let d = dir.path();
    // More history: a branch that records a review and is merged, a change
    // of what counts as done (the process), a month's file removed and
    // restored, statuses going back.
    git(
        d,
        "2026-11-13T09:00:00+03:00",
        &["commit", "-q", "-am", "approved"],
    );
    git(
        d,
        "2026-11-13T10:00:00+03:00",
        &["checkout", "-q", "-b", "review"],
    );
    edit(
        d,
        "done:\n  - weekly-review/2026-W45\n",
        "done:\n  - weekly-review/2026-W45\n  - weekly-review/2026-W46\n",
    );
    commit(d, "2026-11-14T10:00:00+03:00");
    git(d, "2026-11-15T10:00:00+03:00", &["checkout", "-q", "main"]);
    let process = d.join("plans/process.yaml");
    let text = std::fs::read_to_string(&process).unwrap();
    assert!(text.contains("done_when: drafted"));
    std::fs::write(
        &process,
        text.replacen("done_when: drafted", "done_when: idea", 1),
    )
    .unwrap();
    commit(d, "2026-11-16T10:00:00+03:00");
    git(
        d,
        "2026-11-17T10:00:00+03:00",
        &["merge", "-q", "--no-edit", "review"],
    );
    edit(
        d,
        "    owner: amal\n    status: published",
        "    owner: amal\n    status: drafted",
    );
    commit(d, "2026-11-18T10:00:00+03:00");
    let month = d.join("plans/calendar/2026-11.yaml");
    let kept = std::fs::read_to_string(&month).unwrap();
    git(
        d,
        "2026-11-19T10:00:00+03:00",
        &["rm", "-q", "plans/calendar/2026-11.yaml"],
    );
    git(
        d,
        "2026-11-19T10:00:00+03:00",
        &["commit", "-q", "-m", "removed"],
    );
    std::fs::create_dir_all(month.parent().unwrap()).unwrap();
    std::fs::write(
        &month,
        kept.replacen("status: drafted", "status: published", 1),
    )
    .unwrap();
    git(d, "2026-11-20T10:00:00+03:00", &["add", "."]);
    git(
        d,
        "2026-11-20T10:00:00+03:00",
        &["commit", "-q", "-m", "restored"],
    );

    let tz = chrono_tz::Asia::Riyadh;
    let expected = done_times_read_commit_by_commit(d, tz);
    let from = chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    let to = chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    let read = khairukum::plan::history::done_times(d, Path::new("plans"), from, to, tz).unwrap();
    assert!(expected.len() >= 6, "{expected:#?}");
    let mut missing: Vec<_> = expected
        .iter()
        .filter(|(id, at)| read.times.get(*id) != Some(at))
        .collect();
    missing.sort();
    assert!(
        missing.is_empty(),
        "differ from the oracle: {missing:#?}\nread: {:#?}",
        read.times
    );
    assert_eq!(read.commits, 10, "every commit read, the merge too");
}

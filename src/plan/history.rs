//! When each task was done, read from the plan folder's git history: the
//! time of the first commit in which the task is done (its item reached the
//! step's `done_when`, or its id was listed under `done:`). Staff record
//! work by committing the calendar; the commits are the record's dates.

use super::git::{self, GitError};
use super::load;
use super::tasks;
use chrono::{NaiveDate, NaiveDateTime, TimeZone as _};
use std::collections::HashMap;
use std::path::Path;

/// The tasks done in a stretch of the history, with when.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DoneTimes {
    /// Task id → the time of the first commit in which it is done, in the
    /// plan's time zone. A task done before the stretch began has the time
    /// of the last commit before it (`done by then`).
    pub times: HashMap<String, NaiveDateTime>,
    /// The commits read, the one before the stretch included.
    pub commits: usize,
}

/// A commit that changed the plan folder, and when (in the plan's time zone).
struct Commit {
    hash: String,
    at: NaiveDateTime,
}

/// The commits that changed `folder`, oldest first.
fn commits(repo: &Path, folder: &str, tz: chrono_tz::Tz) -> Result<Vec<Commit>, GitError> {
    let log = git::run(repo, &["log", "--reverse", "--format=%H %ct", "--", folder])?;
    Ok(String::from_utf8_lossy(&log)
        .lines()
        .filter_map(|line| {
            let (hash, seconds) = line.split_once(' ')?;
            let at = tz
                .timestamp_opt(seconds.trim().parse().ok()?, 0)
                .single()?
                .naive_local();
            Some(Commit {
                hash: hash.to_string(),
                at,
            })
        })
        .collect())
}

/// The ids of the tasks done in the plan folder `dir`.
fn done_in(dir: &Path) -> Vec<String> {
    let Ok(loaded) = load::load(dir) else {
        return Vec::new();
    };
    tasks::derive_unsorted(&loaded.plan)
        .iter()
        .filter(|t| t.done)
        .map(tasks::Task::id)
        .collect()
}

/// When each task was done between `from` and `to` (days in the plan's
/// time zone), from the commits of `folder` (relative to `repo`): the last
/// commit before `from` says what was done by then, each later one what it
/// added.
pub fn done_times(
    repo: &Path,
    folder: &Path,
    from: NaiveDate,
    to: NaiveDate,
    tz: chrono_tz::Tz,
) -> Result<DoneTimes, GitError> {
    let folder = git::folder_arg(folder);
    let all = commits(repo, &folder, tz)?;
    let start = from.and_time(chrono::NaiveTime::MIN);
    let end = (to + chrono::TimeDelta::days(1)).and_time(chrono::NaiveTime::MIN);
    let first = all.iter().rposition(|c| c.at < start).unwrap_or(0);
    let read: Vec<&Commit> = all[first..].iter().take_while(|c| c.at < end).collect();
    let scratch = tempfile::tempdir()
        .map_err(|e| GitError(format!("cannot read the plan's history: {e}")))?;
    let revisions: Vec<&str> = read.iter().map(|c| c.hash.as_str()).collect();
    git::export_trees(repo, &folder, &revisions, |n| {
        scratch.path().join(n.to_string())
    })?;
    let mut times = HashMap::new();
    for (n, commit) in read.iter().enumerate() {
        for id in done_in(&scratch.path().join(n.to_string())) {
            times.entry(id).or_insert(commit.at);
        }
    }
    Ok(DoneTimes {
        times,
        commits: read.len(),
    })
}

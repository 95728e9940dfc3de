//! When each task was done, read from the plan folder's git history: the
//! time of the first commit in which the task is done (its item reached the
//! step's `done_when`, or its id was listed under `done:`). Staff record
//! work by committing the calendar; the commits are the record's dates.

use super::git::{self, GitError};
use super::load;
use super::tasks;
use chrono::{NaiveDate, NaiveDateTime, TimeZone as _};
use std::collections::HashMap;
use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::path::Path;
use std::process::{Command, Stdio};

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

/// Writes `folder` as it is at each of `revisions` into a folder of its own
/// under `into`, with one `git ls-tree` a revision and one `git cat-file`
/// for every file of them all.
fn export_each(repo: &Path, folder: &str, revisions: &[&str], into: &Path) -> Result<(), GitError> {
    let mut wanted = Vec::new();
    for (n, revision) in revisions.iter().enumerate() {
        let listing = git::run(
            repo,
            &["ls-tree", "-r", "-z", "--name-only", revision, "--", folder],
        )?;
        for path in listing.split(|b| *b == 0).filter(|p| !p.is_empty()) {
            let path = String::from_utf8_lossy(path).to_string();
            let relative = Path::new(&path)
                .strip_prefix(folder)
                .map_or_else(|_| path.clone(), |p| p.to_string_lossy().to_string());
            wanted.push((
                format!("{revision}:{path}"),
                into.join(n.to_string()).join(relative),
            ));
        }
    }
    let io = |e: std::io::Error| GitError(format!("cannot read the plan's history: {e}"));
    let mut child = Command::new("git")
        .args(["cat-file", "--batch"])
        .current_dir(repo)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(io)?;
    let mut stdin = child.stdin.take().expect("piped");
    let names: Vec<String> = wanted.iter().map(|(name, _)| name.clone()).collect();
    // Written while the answers are read, so that neither pipe fills up.
    let writer = std::thread::spawn(move || -> std::io::Result<()> {
        for name in names {
            writeln!(stdin, "{name}")?;
        }
        Ok(())
    });
    let mut answers = BufReader::new(child.stdout.take().expect("piped"));
    for (name, target) in &wanted {
        let mut header = String::new();
        answers.read_line(&mut header).map_err(io)?;
        let size: usize = header
            .split_whitespace()
            .nth(2)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| GitError(format!("git could not give `{name}`: {}", header.trim())))?;
        let mut bytes = vec![0; size + 1];
        answers.read_exact(&mut bytes).map_err(io)?;
        bytes.truncate(size);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        std::fs::write(target, bytes).map_err(io)?;
    }
    writer
        .join()
        .map_err(|_| GitError("cannot read the plan's history".into()))?
        .map_err(io)?;
    child.wait().map_err(io)?;
    Ok(())
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
    let folder = folder.to_string_lossy().replace('\\', "/");
    let folder = if folder.is_empty() {
        ".".to_string()
    } else {
        folder
    };
    let all = commits(repo, &folder, tz)?;
    let start = from.and_time(chrono::NaiveTime::MIN);
    let end = (to + chrono::TimeDelta::days(1)).and_time(chrono::NaiveTime::MIN);
    let first = all.iter().rposition(|c| c.at < start).unwrap_or(0);
    let read: Vec<&Commit> = all[first..].iter().take_while(|c| c.at < end).collect();
    let scratch = tempfile::tempdir()
        .map_err(|e| GitError(format!("cannot read the plan's history: {e}")))?;
    let revisions: Vec<&str> = read.iter().map(|c| c.hash.as_str()).collect();
    export_each(repo, &folder, &revisions, scratch.path())?;
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

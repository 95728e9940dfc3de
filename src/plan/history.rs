//! When each task was done, read from the plan folder's git history: the
//! time of the first commit in which the task is done (its item reached the
//! step's `done_when`, or its id was listed under `done:`). Staff record
//! work by committing the calendar; the commits are the record's dates.
//!
//! The history is read in one pass, linear in its changes: one `git log`
//! with the files each commit changed, one `git cat-file` for the files,
//! each calendar month read once for each version of it, and the plan's
//! other files read again only when one of them changed.

use super::git::{self, GitError};
use super::load;
use super::model::Plan;
use super::tasks;
use chrono::{NaiveDate, NaiveDateTime, TimeZone as _};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

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

/// A folder's files at a commit: path below the folder → blob id.
type Files = BTreeMap<PathBuf, String>;

/// Whether a file of the plan folder is a calendar month.
fn is_month(path: &Path) -> bool {
    path.starts_with("calendar")
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
    let commits = git::log_changes(repo, &folder)?;
    let at = |seconds: i64| {
        tz.timestamp_opt(seconds, 0)
            .single()
            .map(|t| t.naive_local())
    };
    let start = from.and_time(chrono::NaiveTime::MIN);
    let end = (to + chrono::TimeDelta::days(1)).and_time(chrono::NaiveTime::MIN);
    let first = commits
        .iter()
        .rposition(|c| at(c.time).is_some_and(|t| t < start))
        .unwrap_or(0);
    let mut reader = Reader::new(repo)?;
    let mut files_at: HashMap<&str, Files> = HashMap::new();
    let mut times: HashMap<String, NaiveDateTime> = HashMap::new();
    let mut read = 0;
    for (n, commit) in commits.iter().enumerate() {
        let Some(when) = at(commit.time) else {
            continue;
        };
        if n > first && when >= end {
            break;
        }
        let parent = commit
            .parents
            .first()
            .and_then(|p| files_at.get(p.as_str()));
        let mut files = parent.cloned().unwrap_or_default();
        for (path, blob) in &commit.changes {
            match blob {
                Some(id) => files.insert(path.clone(), id.clone()),
                None => files.remove(path),
            };
        }
        if n >= first {
            // The first commit read, and any whose parent is unknown, is
            // read whole; the others for what they changed.
            let changed = parent
                .filter(|_| n > first)
                .map(|p| changed_paths(p, &files));
            for id in reader.done_at(&files, changed.as_deref())? {
                times
                    .entry(id)
                    .and_modify(|t| *t = (*t).min(when))
                    .or_insert(when);
            }
            read += 1;
        }
        files_at.insert(commit.hash.as_str(), files);
    }
    Ok(DoneTimes {
        times,
        commits: read,
    })
}

/// The paths whose blob differs between two versions of the folder.
fn changed_paths(before: &Files, after: &Files) -> Vec<PathBuf> {
    after
        .iter()
        .filter(|(path, id)| before.get(*path) != Some(id))
        .map(|(path, _)| path.clone())
        .collect()
}

/// Reads versions of the plan's files through one `git cat-file`, keeping
/// the plan-wide files of the last version and each month's done tasks by
/// its blob.
struct Reader {
    blobs: git::Blobs,
    scratch: tempfile::TempDir,
    /// The plan-wide files' blobs the plan below was read from.
    plan_key: Vec<(PathBuf, String)>,
    plan: Option<Plan>,
    /// (month file, blob) → the ids of the month's tasks done in it.
    months: HashMap<(PathBuf, String), Vec<String>>,
}

impl Reader {
    fn new(repo: &Path) -> Result<Reader, GitError> {
        Ok(Reader {
            blobs: git::Blobs::open(repo)?,
            scratch: tempfile::tempdir().map_err(io)?,
            plan_key: Vec::new(),
            plan: None,
            months: HashMap::new(),
        })
    }

    /// The ids of tasks done in the folder as `files`, of the months in
    /// `changed` (all when `None`, or when a plan-wide file changed).
    fn done_at(
        &mut self,
        files: &Files,
        changed: Option<&[PathBuf]>,
    ) -> Result<Vec<String>, GitError> {
        let key: Vec<(PathBuf, String)> = files
            .iter()
            .filter(|(path, _)| !is_month(path))
            .map(|(path, id)| (path.clone(), id.clone()))
            .collect();
        let all = changed.is_none() || key != self.plan_key;
        if key != self.plan_key || self.plan.is_none() {
            self.plan = Some(self.read_plan(&key)?);
            self.plan_key = key;
            self.months.clear();
        }
        let months: Vec<(&PathBuf, &String)> = files
            .iter()
            .filter(|(path, _)| is_month(path))
            .filter(|(path, _)| all || changed.is_some_and(|c| c.contains(path)))
            .collect();
        let mut done = Vec::new();
        for (path, id) in months {
            let key = (path.clone(), id.clone());
            if !self.months.contains_key(&key) {
                let ids = self.month_done(path, id)?;
                self.months.insert(key.clone(), ids);
            }
            done.extend(self.months[&key].iter().cloned());
        }
        Ok(done)
    }

    /// The plan-wide files of `key`, written to a scratch folder and read.
    fn read_plan(&mut self, key: &[(PathBuf, String)]) -> Result<Plan, GitError> {
        let dir = tempfile::tempdir_in(self.scratch.path()).map_err(io)?;
        for (path, id) in key {
            self.write(&dir.path().join(path), id)?;
        }
        Ok(load::open(dir.path())
            .map(|folder| folder.plan)
            .unwrap_or_default())
    }

    /// The ids of a month's tasks done in the version `id` of its file: those
    /// that reached their step's `done_when`, and those listed under `done:`.
    fn month_done(&mut self, path: &Path, id: &str) -> Result<Vec<String>, GitError> {
        let dir = self.scratch.path().join("month");
        let file = dir.join(path.file_name().unwrap_or_default());
        std::fs::create_dir_all(&dir).map_err(io)?;
        self.write(&file, id)?;
        let read = load::read_month(&load::MonthJob {
            file: super::source::FileId(0),
            path: file,
        });
        let Some(month) = read.month else {
            return Ok(Vec::new());
        };
        let plan = self.plan.as_ref().expect("read before its months");
        let deriver = tasks::Deriver::new(plan, HashMap::new());
        let mut tasks = Vec::new();
        deriver.month_tasks(&month, &mut tasks);
        let mut done: Vec<String> = tasks
            .iter()
            .filter(|t| t.done)
            .map(tasks::Task::id)
            .collect();
        done.extend(month.done.iter().map(|entry| entry.value.clone()));
        Ok(done)
    }

    /// Writes the blob `id` to `path`; a blob over the plan file limit as a
    /// sparse file of its size, for the loader to refuse.
    fn write(&mut self, path: &Path, id: &str) -> Result<(), GitError> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        match self.blobs.get(id)? {
            Some(bytes) => std::fs::write(path, bytes).map_err(io),
            None => std::fs::File::create(path)
                .and_then(|f| f.set_len(super::load::MAX_FILE_BYTES + 1))
                .map_err(io),
        }
    }
}

#[allow(
    clippy::needless_pass_by_value,
    reason = "the shape of map_err's argument"
)]
fn io(e: std::io::Error) -> GitError {
    GitError(format!("cannot read the plan's history: {e}"))
}

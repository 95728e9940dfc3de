//! When each task was done, read from the plan folder's git history: the
//! time of the first commit in which the task is done (its item reached the
//! step's `done_when`, or its id was listed under `done:`). Staff record
//! work by committing the calendar; the commits are the record's dates.
//!
//! The history is read in one pass, linear in its changes: one `git log`
//! with the files each commit changed, one `git cat-file` for the files,
//! each calendar month read once for each version of it, and the plan's
//! other files read again only when one of them changed.

mod months;

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
    let walked = walk(&commits, first, |c| at(c.time).filter(|when| *when < end));
    let mut reader = Reader::new(repo)?;
    let plans = walked
        .plans
        .iter()
        .map(|key| reader.read_plan(key))
        .collect::<Result<Vec<Plan>, GitError>>()?;
    let (pieced, done) = reader.months_done(&plans, &walked.reads)?;
    let mut times: HashMap<String, NaiveDateTime> = HashMap::new();
    for read in &walked.reads {
        for month in &read.months {
            let lists = &done[&(read.plan, month.clone())];
            for id in lists.iter().flat_map(|&list| pieced.list(list)) {
                match times.get_mut(id) {
                    Some(time) => *time = (*time).min(read.when),
                    None => {
                        times.insert(id.clone(), read.when);
                    }
                }
            }
        }
    }
    Ok(DoneTimes {
        times,
        commits: walked.reads.len(),
    })
}

/// A calendar month's file at one of its versions: its path and blob.
type MonthVersion = (PathBuf, String);

/// The lists of done tasks of each month version read, with the plan-wide
/// files it was read with.
type MonthsDone = HashMap<(usize, MonthVersion), Vec<months::List>>;

/// What one commit read asks for: its time, the version of the plan-wide
/// files it has (a place in [`Walked::plans`]), and the month versions to
/// read in it: every month for the first commit read and where the
/// plan-wide files changed, else those it changed.
struct Read {
    when: NaiveDateTime,
    plan: usize,
    months: Vec<MonthVersion>,
}

/// The history walked: each commit read, and each version of the
/// plan-wide files met, as its files and blobs.
struct Walked {
    reads: Vec<Read>,
    plans: Vec<Vec<(PathBuf, String)>>,
}

/// Walks the commits, parents before children, keeping each one's files
/// (its first parent's and its changes) until its last child has taken
/// them; from `first` on, while `when` gives a time, says what each one
/// reads.
fn walk(
    commits: &[git::Logged],
    first: usize,
    when: impl Fn(&git::Logged) -> Option<NaiveDateTime>,
) -> Walked {
    let mut walked = Walked {
        reads: Vec::new(),
        plans: Vec::new(),
    };
    let mut plan_index: HashMap<Vec<(PathBuf, String)>, usize> = HashMap::new();
    let mut files_at: HashMap<&str, (Files, usize)> = HashMap::new();
    let mut children: HashMap<&str, usize> = HashMap::new();
    for parent in commits.iter().filter_map(|c| c.parents.first()) {
        *children.entry(parent.as_str()).or_default() += 1;
    }
    for (n, commit) in commits.iter().enumerate() {
        let Some(at) = when(commit).or_else(|| (n <= first).then(NaiveDateTime::default)) else {
            break;
        };
        let parent = commit.parents.first().map(String::as_str);
        let (mut files, parent_plan) = parent
            .and_then(|p| take_files(&mut files_at, &mut children, p))
            .map_or((Files::new(), None), |(files, plan)| (files, Some(plan)));
        for (path, blob) in &commit.changes {
            match blob {
                Some(id) => files.insert(path.clone(), id.clone()),
                None => files.remove(path),
            };
        }
        let plan = match parent_plan {
            Some(plan) if commit.changes.iter().all(|(path, _)| is_month(path)) => plan,
            _ => plan_of(&files, &mut plan_index, &mut walked.plans),
        };
        if n >= first {
            let whole = n == first || parent_plan != Some(plan);
            let months = files
                .iter()
                .filter(|(path, id)| {
                    is_month(path)
                        && (whole
                            || commit
                                .changes
                                .iter()
                                .any(|(p, b)| p == *path && b.as_ref() == Some(id)))
                })
                .map(|(path, id)| (path.clone(), id.clone()))
                .collect();
            walked.reads.push(Read {
                when: at,
                plan,
                months,
            });
        }
        files_at.insert(commit.hash.as_str(), (files, plan));
    }
    walked
}

/// A commit's files for one of its children: taken by the last, copied
/// for the others.
fn take_files<'c>(
    files_at: &mut HashMap<&'c str, (Files, usize)>,
    children: &mut HashMap<&'c str, usize>,
    parent: &'c str,
) -> Option<(Files, usize)> {
    let left = children.get_mut(parent)?;
    *left -= 1;
    if *left == 0 {
        files_at.remove(parent)
    } else {
        files_at.get(parent).cloned()
    }
}

/// The place in `plans` of the plan-wide files among `files`, added when
/// not met before.
fn plan_of(
    files: &Files,
    index: &mut HashMap<Vec<(PathBuf, String)>, usize>,
    plans: &mut Vec<Vec<(PathBuf, String)>>,
) -> usize {
    let key: Vec<(PathBuf, String)> = files
        .iter()
        .filter(|(path, _)| !is_month(path))
        .map(|(path, id)| (path.clone(), id.clone()))
        .collect();
    let next = plans.len();
    let plan = *index.entry(key.clone()).or_insert(next);
    if plan == next {
        plans.push(key);
    }
    plan
}

/// How many month versions are unpacked and read at once, on all cores.
const MONTHS_AT_ONCE: usize = 256;

/// Reads versions of the plan's files through one `git cat-file`.
struct Reader {
    blobs: git::Blobs,
    scratch: tempfile::TempDir,
}

impl Reader {
    fn new(repo: &Path) -> Result<Reader, GitError> {
        Ok(Reader {
            blobs: git::Blobs::open(repo)?,
            scratch: tempfile::tempdir().map_err(io)?,
        })
    }

    /// The lists of the tasks done in each month version the reads ask for,
    /// with the plan-wide files they are read with: each version once, in
    /// the history's order, [`MONTHS_AT_ONCE`] at a time, each distinct
    /// piece of them once.
    fn months_done(
        &mut self,
        plans: &[Plan],
        reads: &[Read],
    ) -> Result<(months::Pieced, MonthsDone), GitError> {
        // In the history's order: git reads each blob from the one before.
        let mut seen = std::collections::HashSet::new();
        let wanted: Vec<(usize, MonthVersion)> = reads
            .iter()
            .flat_map(|r| r.months.iter().map(|m| (r.plan, m.clone())))
            .filter(|version| seen.insert(version.clone()))
            .collect();
        let derivers: Vec<tasks::Deriver> = plans
            .iter()
            .map(|plan| tasks::Deriver::new(plan, HashMap::new()))
            .collect();
        let mut pieced = months::Pieced::default();
        let mut done = HashMap::with_capacity(wanted.len());
        let blobs = &mut self.blobs;
        std::thread::scope(|scope| {
            // The next chunk's blobs are read while this one's are decoded.
            let (send, chunks) = std::sync::mpsc::sync_channel(1);
            let wanted = &wanted;
            scope.spawn(move || {
                for chunk in wanted.chunks(MONTHS_AT_ONCE) {
                    let ids: Vec<&str> = chunk.iter().map(|(_, (_, id))| id.as_str()).collect();
                    let texts = blobs.get_many(&ids).map(|texts| {
                        let texts = texts.into_iter();
                        texts
                            .map(|bytes| bytes.and_then(load::month_text))
                            .collect()
                    });
                    let failed = texts.is_err();
                    if send.send((chunk, texts)).is_err() || failed {
                        break;
                    }
                }
            });
            for (chunk, texts) in chunks {
                let texts: Vec<Option<String>> = texts?;
                let versions: Vec<_> = chunk
                    .iter()
                    .zip(texts)
                    .map(|((plan, (path, _)), bytes)| (*plan, path.as_path(), bytes))
                    .collect();
                let found = pieced.done(&derivers, &versions);
                done.extend(chunk.iter().cloned().zip(found));
            }
            Ok((pieced, done))
        })
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

//! Reading a plan folder as it was at a git revision, through the `git` command.
//!
//! A plan repository is data from others (a clone, a bundle), so git runs
//! here with settings that read and never run anything: over the
//! repository's own configuration, which is not trusted, the settings that
//! could start a program (signature checks, a pager, an external diff, a
//! file-system monitor, a fetch of missing objects) or change what is
//! printed (colour, encoding). The user's own configuration is kept (its
//! `safe.directory`, say). A tree's entries are read by object id, never
//! turned into paths outside the folder they are written to.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};

/// Why git could not give what was asked.
#[derive(Debug)]
pub struct GitError(pub String);

impl std::fmt::Display for GitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for GitError {}

/// Settings given to every git run, over whatever the repository says.
const FIXED_CONFIG: &[&str] = &[
    "log.showSignature=false",
    "core.fsmonitor=false",
    "core.pager=cat",
    "core.hooksPath=/dev/null",
    "diff.external=",
    "color.ui=false",
    "i18n.logOutputEncoding=UTF-8",
    "core.quotePath=false",
    "log.mailmap=false",
    "protocol.allow=never",
];

/// A git command run in `dir` with the fixed settings over the repository's.
pub(crate) fn command(dir: &Path) -> Command {
    let mut command = Command::new("git");
    command
        .current_dir(dir)
        // Git's own words in English, whatever the locale: they are matched
        // here ("not a git repository") and shown as they are.
        .env("LC_ALL", "C")
        .env("LANGUAGE", "C")
        .env("GIT_NO_LAZY_FETCH", "1")
        .env("GIT_PAGER", "cat")
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_NO_REPLACE_OBJECTS", "1")
        .env_remove("GIT_EXTERNAL_DIFF")
        .env_remove("GIT_CONFIG_PARAMETERS")
        .env_remove("GIT_CONFIG_COUNT")
        .arg("--no-pager");
    for setting in FIXED_CONFIG {
        command.args(["-c", setting]);
    }
    command
}

/// Runs git in `dir`; its output, or what it said on failing.
pub(crate) fn run(dir: &Path, args: &[&str]) -> Result<Vec<u8>, GitError> {
    let out = command(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| GitError(format!("cannot run git: {e}")))?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(GitError(
            String::from_utf8_lossy(&out.stderr).trim().to_string(),
        ))
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).trim().to_string()
}

/// The top folder of the repository containing `dir`, or `None` when
/// there is none (or no git to ask). When git refuses the repository (one
/// owned by another user, say), its own words say why.
fn find_toplevel(dir: &Path) -> Result<Option<PathBuf>, GitError> {
    match run(dir, &["rev-parse", "--show-toplevel"]) {
        Ok(out) => Ok(Some(PathBuf::from(text(&out)))),
        Err(e) if e.0.starts_with("cannot run git") || e.0.contains("not a git repository") => {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// What [`init`] did.
#[derive(Debug, PartialEq, Eq)]
pub enum Initialised {
    /// A new repository, on the branch `main`.
    Created,
    /// `dir` is inside this repository already; nothing was done.
    Inside(PathBuf),
    /// There is no `git` to run; nothing was done.
    NoGit,
}

/// Makes `dir` a git repository whose first branch is `main` (the branch
/// the workflow `init` writes checks), unless it is inside one already.
pub fn init(dir: &Path) -> Result<Initialised, GitError> {
    if let Some(top) = find_toplevel(dir)? {
        return Ok(Initialised::Inside(top));
    }
    match run(dir, &["init", "--quiet", "--initial-branch=main"]) {
        Ok(_) => Ok(Initialised::Created),
        Err(e) if e.0.starts_with("cannot run git") => Ok(Initialised::NoGit),
        Err(e) => Err(e),
    }
}

fn refused(dir: &Path, e: &GitError) -> GitError {
    GitError(format!(
        "git cannot read the repository of `{}`: {e}",
        dir.display()
    ))
}

/// The top folder of the repository containing `dir`.
pub fn toplevel(dir: &Path) -> Result<PathBuf, GitError> {
    find_toplevel(dir)
        .map_err(|e| refused(dir, &e))?
        .ok_or_else(|| not_a_repository(dir))
}

fn not_a_repository(dir: &Path) -> GitError {
    GitError(format!(
        "`{}` is not inside a git repository",
        dir.display()
    ))
}

/// The repository holding the folder `dir`, and the folder's path inside it.
pub fn locate(dir: &Path) -> Result<(PathBuf, PathBuf), GitError> {
    find(dir)?.ok_or_else(|| not_a_repository(dir))
}

/// The repository holding the folder `dir` and the folder's path inside
/// it, or `None` when the folder is in no repository.
pub fn find(dir: &Path) -> Result<Option<(PathBuf, PathBuf)>, GitError> {
    let absolute = std::env::current_dir()
        .map_err(|e| GitError(e.to_string()))?
        .join(dir);
    let absolute = absolute.canonicalize().unwrap_or(absolute);
    let Some(repo) = find_toplevel(&absolute).map_err(|e| refused(dir, &e))? else {
        return Ok(None);
    };
    let folder = absolute
        .strip_prefix(repo.canonicalize().unwrap_or_else(|_| repo.clone()))
        .map(Path::to_path_buf)
        .map_err(|_| {
            GitError(format!(
                "the plan folder `{}` is not inside the repository",
                dir.display()
            ))
        })?;
    Ok(Some((repo, folder)))
}

/// Checks that `revision` names a commit.
pub fn verify(repo: &Path, revision: &str) -> Result<String, GitError> {
    run(
        repo,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{revision}^{{commit}}"),
        ],
    )
    .map(|bytes| text(&bytes))
    .map_err(|_| GitError(format!("unknown revision `{revision}`")))
}

/// Where the current branch left the default branch (`origin/HEAD`, else `main` or `master`).
pub fn merge_base_with_default(repo: &Path) -> Result<String, GitError> {
    let default = run(repo, &["rev-parse", "--abbrev-ref", "origin/HEAD"])
        .map(|bytes| text(&bytes))
        .ok()
        .or_else(|| ["main", "master"].iter().find(|b| verify(repo, b).is_ok()).map(std::string::ToString::to_string))
        .ok_or_else(|| GitError("no default branch (origin/HEAD, main or master) to compare with; name a BASE revision".into()))?;
    run(repo, &["merge-base", "HEAD", &default])
        .map(|bytes| text(&bytes))
        .map_err(|e| GitError(format!("no merge base with `{default}`: {e}")))
}

/// The largest file read from a revision: as large as a plan file may be
/// (`plan::load`). A larger one is laid out as a sparse file of its size,
/// for the loader to report as too large, without being read.
const MAX_BLOB_BYTES: u64 = super::load::MAX_FILE_BYTES;

/// One file of a tree: its path below the folder asked for, its blob's id
/// and size.
struct TreeFile {
    path: PathBuf,
    id: String,
    size: u64,
}

/// The files under `folder` at `revision`, each with its path below
/// `folder`. A path that would leave the folder (a tree entry named `..`,
/// which git itself refuses to check out) is an error, never a path.
fn tree_files(repo: &Path, revision: &str, folder: &str) -> Result<Vec<TreeFile>, GitError> {
    let listing = run(repo, &["ls-tree", "-r", "-l", "-z", revision, "--", folder])?;
    let mut files = Vec::new();
    for entry in listing.split(|b| *b == 0).filter(|e| !e.is_empty()) {
        let Some(tab) = entry.iter().position(|b| *b == b'\t') else {
            continue;
        };
        let head = String::from_utf8_lossy(&entry[..tab]);
        let mut words = head.split_whitespace();
        let (Some(_mode), Some(kind), Some(id), Some(size)) =
            (words.next(), words.next(), words.next(), words.next())
        else {
            continue;
        };
        if kind != "blob" {
            continue; // a submodule's commit: not part of the plan
        }
        let full = String::from_utf8_lossy(&entry[tab + 1..]).into_owned();
        let path = below(&full, folder).ok_or_else(|| leaves(revision, &full))?;
        files.push(TreeFile {
            path,
            id: id.to_string(),
            size: size.parse().unwrap_or(u64::MAX),
        });
    }
    Ok(files)
}

/// `full` (a path in the repository) below `folder`, when every part of it
/// is a plain name.
fn below(full: &str, folder: &str) -> Option<PathBuf> {
    let rest = if folder == "." {
        full
    } else {
        full.strip_prefix(folder)?.strip_prefix('/')?
    };
    let path = Path::new(rest);
    let plain = path.components().all(|c| matches!(c, Component::Normal(_)));
    (plain && path.components().next().is_some()).then(|| path.to_path_buf())
}

/// Writes the files under `folder` (relative to the repository) as they are
/// at `revision` into `into`, keeping their paths below `folder`; returns
/// how many.
pub fn export_folder(
    repo: &Path,
    revision: &str,
    folder: &Path,
    into: &Path,
) -> Result<usize, GitError> {
    export_trees(repo, &folder_arg(folder), &[revision], |_| {
        into.to_path_buf()
    })
}

/// A folder as git names it: `/` between parts, `.` for the top.
pub(crate) fn folder_arg(folder: &Path) -> String {
    let folder = folder.to_string_lossy().replace('\\', "/");
    if folder.is_empty() {
        ".".into()
    } else {
        folder
    }
}

/// Writes the files under `folder` at each of `revisions` into a folder of
/// its own, `into(n)`, with one `git ls-tree` a revision and one
/// `git cat-file` for the distinct files of them all; returns how many
/// files were written.
pub(crate) fn export_trees(
    repo: &Path,
    folder: &str,
    revisions: &[&str],
    into: impl Fn(usize) -> PathBuf,
) -> Result<usize, GitError> {
    let io = |e: std::io::Error| GitError(format!("cannot read the plan's history: {e}"));
    // Blob id → its size and every place it goes.
    let mut targets: std::collections::BTreeMap<String, (u64, Vec<PathBuf>)> =
        std::collections::BTreeMap::new();
    let mut count = 0;
    for (n, revision) in revisions.iter().enumerate() {
        let dir = into(n);
        for file in tree_files(repo, revision, folder)? {
            let target = dir.join(&file.path);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent).map_err(io)?;
            }
            targets
                .entry(file.id)
                .or_insert((file.size, Vec::new()))
                .1
                .push(target);
            count += 1;
        }
    }
    let (large, small): (Vec<_>, Vec<_>) = targets
        .into_iter()
        .partition(|(_, (size, _))| *size > MAX_BLOB_BYTES);
    for (size, paths) in large.iter().map(|(_, entry)| entry) {
        for path in paths {
            std::fs::File::create(path)
                .and_then(|f| f.set_len(*size))
                .map_err(io)?;
        }
    }
    let ids: Vec<&str> = small.iter().map(|(id, _)| id.as_str()).collect();
    let blobs = Blobs::open(repo)?.get_many(&ids)?;
    for ((_, (_, paths)), bytes) in small.iter().zip(blobs) {
        let bytes = bytes.unwrap_or_default();
        for path in paths {
            std::fs::write(path, &bytes).map_err(io)?;
        }
    }
    Ok(count)
}

/// A commit of a folder's history with the files it changed there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logged {
    pub hash: String,
    /// Its parents in the folder's history (merges have several).
    pub parents: Vec<String>,
    /// Seconds since the epoch, as committed.
    pub time: i64,
    /// Each path changed below the folder (a plain relative path, never
    /// one that leaves it), with its new blob (`None`: deleted, or no
    /// longer a file).
    pub changes: Vec<(PathBuf, Option<String>)>,
}

/// Every commit that changed `folder`, parents before children, each with
/// the files it changed against its first parent: one `git log`.
pub(crate) fn log_changes(repo: &Path, folder: &str) -> Result<Vec<Logged>, GitError> {
    let out = run(
        repo,
        &[
            "log",
            "--reverse",
            "--topo-order",
            "--parents",
            "--format=%x01%H %P%x02%ct",
            "--raw",
            "--no-abbrev",
            "--no-renames",
            "--diff-merges=first-parent",
            "-z",
            "--",
            folder,
        ],
    )?;
    parse_log(&out, folder)
}

/// Reads what `git log --format=%x01%H %P%x02%ct --raw -z` printed for
/// `folder`: the commits, each with the files it changed below the folder.
/// A path that would leave the folder is an error, never a path.
pub fn parse_log(out: &[u8], folder: &str) -> Result<Vec<Logged>, GitError> {
    let mut commits: Vec<Logged> = Vec::new();
    let mut tokens = out.split(|b| *b == 0).map(|t| String::from_utf8_lossy(t));
    while let Some(token) = tokens.next() {
        let token = token.trim_start_matches('\n');
        if let Some(header) = token.strip_prefix('\u{1}') {
            let (ids, time) = header.split_once('\u{2}').unwrap_or((header, "0"));
            let mut ids = ids.split_whitespace().map(str::to_string);
            commits.push(Logged {
                hash: ids.next().unwrap_or_default(),
                parents: ids.collect(),
                time: time.trim().parse().unwrap_or(0),
                changes: Vec::new(),
            });
        } else if let Some(meta) = token.strip_prefix(':') {
            let path = tokens.next().unwrap_or_default();
            let mut words = meta.split_whitespace();
            let new_mode = words.nth(1).unwrap_or("");
            let new_id = words.nth(1).unwrap_or("");
            let Some(commit) = commits.last_mut() else {
                continue;
            };
            let path = below(&path, folder).ok_or_else(|| leaves(&commit.hash, &path))?;
            let is_file = new_mode.starts_with("100") || new_mode == "120000";
            let deleted = new_id.bytes().all(|b| b == b'0');
            let blob = (is_file && !deleted).then(|| new_id.to_string());
            commit.changes.push((path, blob));
        }
    }
    Ok(commits)
}

fn leaves(revision: &str, path: &str) -> GitError {
    GitError(format!(
        "revision `{revision}` holds a path `{path}` that leaves the plan folder; \
         git refuses to check it out, and it is not read"
    ))
}

/// One `git cat-file --batch` kept open: blobs asked for one at a time.
pub(crate) struct Blobs {
    child: std::process::Child,
    stdin: std::process::ChildStdin,
    answers: BufReader<std::process::ChildStdout>,
}

impl Blobs {
    pub(crate) fn open(repo: &Path) -> Result<Blobs, GitError> {
        let io = |e: std::io::Error| GitError(format!("cannot read the plan's history: {e}"));
        // Asked for in the history's order, each blob a delta of one just
        // read: a small cache of delta bases serves as well as git's
        // default 96 MB, in a sixth of the memory.
        let mut child = command(repo)
            .args(["-c", "core.deltaBaseCacheLimit=16m", "cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(io)?;
        let stdin = child.stdin.take().expect("piped");
        let answers = BufReader::new(child.stdout.take().expect("piped"));
        Ok(Blobs {
            child,
            stdin,
            answers,
        })
    }

    /// The blob `id`; `Ok(None)` for one over the plan file limit (not read).
    pub(crate) fn get(&mut self, id: &str) -> Result<Option<Vec<u8>>, GitError> {
        let io = |e: std::io::Error| GitError(format!("cannot read the plan's history: {e}"));
        writeln!(self.stdin, "{id}").map_err(io)?;
        self.stdin.flush().map_err(io)?;
        read_answer(&mut self.answers)
    }
}

impl Blobs {
    /// The blobs `ids`, asked for all at once (the answers read while the
    /// questions are written, so neither pipe fills): one round trip, not
    /// one a blob. A blob over the plan file limit is `None` (not read).
    pub(crate) fn get_many(&mut self, ids: &[&str]) -> Result<Vec<Option<Vec<u8>>>, GitError> {
        let io = |e: std::io::Error| GitError(format!("cannot read the plan's history: {e}"));
        let Blobs { stdin, answers, .. } = self;
        std::thread::scope(|scope| {
            let writer = scope.spawn(move || -> std::io::Result<()> {
                let mut out = std::io::BufWriter::new(stdin);
                for id in ids {
                    writeln!(out, "{id}")?;
                }
                out.flush()
            });
            let read: Result<Vec<_>, GitError> = ids.iter().map(|_| read_answer(answers)).collect();
            writer
                .join()
                .map_err(|_| GitError("cannot read the plan's history".into()))?
                .map_err(io)?;
            read
        })
    }
}

/// One answer of `git cat-file --batch`: the blob, or `None` for one over
/// the plan file limit (skipped, not kept).
fn read_answer(
    answers: &mut BufReader<std::process::ChildStdout>,
) -> Result<Option<Vec<u8>>, GitError> {
    let io = |e: std::io::Error| GitError(format!("cannot read the plan's history: {e}"));
    let mut header = String::new();
    answers.read_line(&mut header).map_err(io)?;
    let size: u64 = header
        .split_whitespace()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| GitError(format!("git could not give a file: {}", header.trim())))?;
    let keep = size <= MAX_BLOB_BYTES;
    let mut bytes = Vec::with_capacity(if keep {
        usize::try_from(size + 1).unwrap_or(0)
    } else {
        0
    });
    // The blob and its closing line feed, read or skipped.
    let mut rest = answers.take(size + 1);
    if keep {
        rest.read_to_end(&mut bytes).map_err(io)?;
        bytes.truncate(usize::try_from(size).unwrap_or(usize::MAX));
    } else {
        std::io::copy(&mut rest, &mut std::io::sink()).map_err(io)?;
    }
    Ok(keep.then_some(bytes))
}

impl Drop for Blobs {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

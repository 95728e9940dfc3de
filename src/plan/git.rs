//! Reading a plan folder as it was at a git revision, through the `git` command.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Why git could not give what was asked.
#[derive(Debug)]
pub struct GitError(pub String);

impl std::fmt::Display for GitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for GitError {}

/// Runs git in `dir`; its output, or what it said on failing.
pub(crate) fn run(dir: &Path, args: &[&str]) -> Result<Vec<u8>, GitError> {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
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

/// The top folder of the repository containing `dir`.
pub fn toplevel(dir: &Path) -> Result<PathBuf, GitError> {
    run(dir, &["rev-parse", "--show-toplevel"])
        .map(|o| PathBuf::from(text(&o)))
        .map_err(|_| {
            GitError(format!(
                "`{}` is not inside a git repository",
                dir.display()
            ))
        })
}

/// The repository holding the folder `dir`, and the folder's path inside it.
pub fn locate(dir: &Path) -> Result<(PathBuf, PathBuf), GitError> {
    let absolute = std::env::current_dir()
        .map_err(|e| GitError(e.to_string()))?
        .join(dir);
    let absolute = absolute.canonicalize().unwrap_or(absolute);
    let repo = toplevel(&absolute)?;
    let folder = absolute
        .strip_prefix(repo.canonicalize().unwrap_or_else(|_| repo.clone()))
        .map(Path::to_path_buf)
        .map_err(|_| {
            GitError(format!(
                "the plan folder `{}` is not inside the repository",
                dir.display()
            ))
        })?;
    Ok((repo, folder))
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

/// Writes the files under `folder` (relative to the repository) as they are at
/// `revision` into `into`, keeping their paths below `folder`.
pub fn export_folder(
    repo: &Path,
    revision: &str,
    folder: &Path,
    into: &Path,
) -> Result<usize, GitError> {
    let folder = folder.to_string_lossy().replace('\\', "/");
    let listing = run(
        repo,
        &[
            "ls-tree",
            "-r",
            "-z",
            "--name-only",
            revision,
            "--",
            &folder,
        ],
    )?;
    let mut count = 0;
    for path in listing.split(|b| *b == 0).filter(|p| !p.is_empty()) {
        let path = String::from_utf8_lossy(path).to_string();
        let bytes = run(repo, &["show", &format!("{revision}:{path}")])?;
        let relative = Path::new(&path)
            .strip_prefix(&folder)
            .unwrap_or(Path::new(&path));
        let target = into.join(relative);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| GitError(e.to_string()))?;
        }
        std::fs::write(&target, bytes).map_err(|e| GitError(e.to_string()))?;
        count += 1;
    }
    Ok(count)
}

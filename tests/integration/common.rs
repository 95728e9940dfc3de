//! Helpers shared by the integration tests.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub(crate) fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The charity's plan as it stood before its November work was recorded:
/// items still drafted, tasks done without times, December not approved.
/// The recording commands are tested on it, apart from the living `plans/`.
pub(crate) const RECORDING_PLAN: &str = "tests/fixtures/recording-plan";

/// A temporary copy of a plan folder (`plans` or a fixture).
pub(crate) fn copy_plan(relative: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join(relative), &dir.path().join("plan"));
    dir
}

/// The built binary, run in `cwd` with an environment that does not depend
/// on the machine: no CI or plan variables, an English locale, no colour.
pub(crate) fn command(cwd: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_khairukum"));
    command.current_dir(cwd);
    machine_independent(&mut command);
    command
}

/// No CI or plan variables, an English locale whatever the machine's, no colour.
fn machine_independent(command: &mut Command) {
    command
        .env_remove("GITHUB_ACTIONS")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env_remove("KHAIRUKUM_PLAN")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .env("NO_COLOR", "1");
}

pub(crate) fn khairukum(cwd: &Path, args: &[&str]) -> Output {
    command(cwd).args(args).output().unwrap()
}

/// Runs a command that must succeed; returns what it printed.
pub(crate) fn stdout(cwd: &Path, args: &[&str]) -> String {
    let out = khairukum(cwd, args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Runs a command that must succeed and print JSON; returns the JSON.
pub(crate) fn khairukum_json(cwd: &Path, args: &[&str]) -> serde_json::Value {
    let out = khairukum(cwd, args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

/// The rule codes of a JSON findings document, in order.
pub(crate) fn codes_in(json: &serde_json::Value) -> Vec<String> {
    json["diagnostics"]
        .as_array()
        .expect("a findings document has diagnostics")
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

/// Runs `plan validate --format json` and returns (exit code, parsed JSON).
pub(crate) fn validate_json(cwd: &Path) -> (i32, serde_json::Value) {
    let out = khairukum(
        cwd,
        &["plan", "validate", "--plan", "plan", "--format", "json"],
    );
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code().unwrap(), json)
}

/// Replaces the first occurrence of `from` in a plan file, failing if absent.
pub(crate) fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join("plan").join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} does not contain {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// 1-based line of the first occurrence of `needle` in a plan file.
pub(crate) fn line_of(dir: &Path, file: &str, needle: &str) -> u64 {
    let text = fs::read_to_string(dir.join("plan").join(file)).unwrap();
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {file}"));
    text[..at].matches('\n').count() as u64 + 1
}

/// The binary run in `dir` so that `locked` (which the test made
/// unreadable) really cannot be read: as `nobody` when the test runs as root
/// (CI does; root reads past permissions), from a copy of the binary it may
/// execute, with every other file and folder under `dir` opened to it.
#[cfg(unix)]
pub(crate) fn command_that_cannot_read(dir: &Path, locked: &Path) -> Command {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let readable = if locked.is_dir() {
        fs::read_dir(locked).is_ok()
    } else {
        fs::read(locked).is_ok()
    };
    if !readable {
        return command(dir);
    }
    let binary = dir.join("khairukum");
    fs::copy(env!("CARGO_BIN_EXE_khairukum"), &binary).unwrap();
    for entry in walkdir::WalkDir::new(dir).follow_links(false) {
        let entry = entry.unwrap();
        let kind = entry.file_type();
        if entry.path() != locked && (kind.is_file() || kind.is_dir()) {
            fs::set_permissions(entry.path(), fs::Permissions::from_mode(0o755)).unwrap();
        }
    }
    let mut run = Command::new(&binary);
    run.current_dir(dir).uid(65534).gid(65534);
    machine_independent(&mut run);
    run
}

/// Runs git in `dir` with a fixed author and no signing; a commit it makes
/// is dated `date` when one is given.
pub(crate) fn git_at(dir: &Path, date: Option<&str>, args: &[&str]) {
    let mut command = Command::new("git");
    command
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.org",
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir);
    if let Some(date) = date {
        command
            .env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date);
    }
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The PATH with the built binary first, as the Action's install step leaves it.
pub(crate) fn path_with_binary() -> String {
    let bin_dir = std::path::Path::new(env!("CARGO_BIN_EXE_khairukum"))
        .parent()
        .unwrap();
    format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

/// Text with its bidi isolates (LRI … PDI, in Arabic Markdown) shown as
/// `[` … `]`, to compare by eye.
pub(crate) fn isolates_shown(text: &str) -> String {
    text.replace('\u{2066}', "[").replace('\u{2069}', "]")
}

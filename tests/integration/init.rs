//! `khairukum init`: the new repository validates clean, its workflow runs
//! the Action of this version, and the Action installs a verified binary.

use crate::common::*;
use std::process::Command;

fn yaml(path: &std::path::Path) -> serde_json::Value {
    serde_saphyr::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn init_then_validate_then_the_workflow_runs_the_action_of_its_version() {
    let dir = tempfile::tempdir().unwrap();
    let repo = init_repo(dir.path());
    let validate = khairukum(&repo, &["plan", "validate", "--plan", "plans"]);
    assert_eq!(
        validate.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&validate.stdout)
    );

    // The workflow uses the Action at this version, and pre-commit the same
    // reference: the release tag, or before the release the commit built.
    let version = env!("CARGO_PKG_VERSION");
    let pin = expected_pin();
    let workflow = yaml(&repo.join(".github/workflows/plan.yml"));
    let steps = workflow["jobs"]["validate"]["steps"].as_array().unwrap();
    let action = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("khairukum/"))
        })
        .expect("a step uses the Action");
    assert_eq!(
        action["uses"].as_str(),
        Some(format!("khairukum/khairukum@{pin}").as_str())
    );
    let pre_commit = yaml(&repo.join(".pre-commit-config.yaml"));
    assert_eq!(pre_commit["repos"][0]["rev"].as_str(), Some(pin.as_str()));
    let workflow_text = std::fs::read_to_string(repo.join(".github/workflows/plan.yml")).unwrap();
    let says_how_to_move = workflow_text.contains(&format!("once it is, use v{version}"));
    assert_eq!(
        says_how_to_move,
        pin != format!("v{version}"),
        "{workflow_text}"
    );
    // ...and the new folder is a git repository on `main`, the branch the workflow checks.
    let branch = Command::new("git")
        .args(["symbolic-ref", "--short", "HEAD"])
        .current_dir(&repo)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&branch.stdout).trim(), "main");

    action_step_passes_then_fails(&repo, action);
}

/// The Action's validation step, run as GitHub runs it with the workflow's
/// inputs (`action`, its step in the workflow), passes on the new plan and
/// fails the job once the plan has an error.
fn action_step_passes_then_fails(repo: &std::path::Path, action: &serde_json::Value) {
    let metadata = yaml(&root().join("action.yml"));
    let run = metadata["runs"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Validate the plan")
        .and_then(|s| s["run"].as_str())
        .expect("the Action has a validation step");
    let input = |name: &str| {
        action["with"][name]
            .as_str()
            .or_else(|| metadata["inputs"][name]["default"].as_str())
            .unwrap()
            .to_string()
    };
    let out = Command::new("bash")
        .args(["-c", run])
        .current_dir(repo)
        .env("PATH", path_with_binary())
        .env("GITHUB_ACTIONS", "true")
        .env("GITHUB_ACTION_PATH", root())
        .env("PLAN", input("plan"))
        .env("DENY", input("deny-warnings"))
        .env("LANGUAGE", input("lang"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );

    // ...and the same step fails the job when the plan has an error.
    std::fs::remove_file(repo.join("plans/goals.yaml")).unwrap();
    let out = Command::new("bash")
        .args(["-c", run])
        .current_dir(repo)
        .env("PATH", path_with_binary())
        .env("GITHUB_ACTION_PATH", root())
        .env("PLAN", "plans")
        .env("DENY", "false")
        .env("LANGUAGE", "en")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("::error title=KH012"));
}

/// A new plan repository of December 2026 made by `init` in `dir`/repo.
fn init_repo(dir: &std::path::Path) -> std::path::PathBuf {
    let out = khairukum(dir, &["init", "repo", "--month", "2026-12"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir.join("repo")
}

/// What `init` should pin, asked of git apart from the build: this
/// version's tag when it points at the commit built (or there is no git),
/// else that commit.
fn expected_pin() -> String {
    let tag = format!("v{}", env!("CARGO_PKG_VERSION"));
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(root())
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    match git(&["rev-parse", "HEAD"]) {
        Some(commit)
            if !git(&["tag", "--points-at", "HEAD"])
                .is_some_and(|t| t.lines().any(|l| l == tag)) =>
        {
            commit
        }
        _ => tag,
    }
}

/// A fake release folder for the Action's install script, served as `file://`.
fn fake_release(dir: &std::path::Path, good_checksum: bool) -> String {
    let version = env!("CARGO_PKG_VERSION");
    let target = "x86_64-unknown-linux-gnu";
    let folder = dir.join(format!("releases/v{version}"));
    std::fs::create_dir_all(&folder).unwrap();
    let staging = dir.join("staging");
    std::fs::create_dir_all(&staging).unwrap();
    std::fs::write(
        staging.join("khairukum"),
        "#!/bin/sh\necho prebuilt \"$@\"\n",
    )
    .unwrap();
    Command::new("chmod")
        .arg("+x")
        .arg(staging.join("khairukum"))
        .status()
        .unwrap();
    let archive = format!("khairukum-{version}-{target}.tar.gz");
    let status = Command::new("tar")
        .args(["-czf"])
        .arg(folder.join(&archive))
        .args(["-C"])
        .arg(&staging)
        .arg("khairukum")
        .status()
        .unwrap();
    assert!(status.success());
    let sum = Command::new("sha256sum")
        .arg(&archive)
        .current_dir(&folder)
        .output()
        .unwrap();
    let mut line = String::from_utf8(sum.stdout).unwrap();
    if !good_checksum {
        line.replace_range(0..8, "00000000");
    }
    std::fs::write(folder.join(format!("{archive}.sha256")), line).unwrap();
    format!("file://{}", dir.join("releases").display())
}

/// What a run of the Action's install script did.
struct Installed {
    succeeded: bool,
    /// Its standard output and error.
    said: String,
    /// Whether it called `cargo` to build from source.
    built: bool,
}

/// Runs the Action's install script with a fake `cargo` that only records
/// that it was called, and a temporary folder of its own that must be left
/// empty.
fn install(dir: &std::path::Path, releases: &str, os: &str, arch: &str) -> Installed {
    let fake_bin = dir.join("fake-bin");
    std::fs::create_dir_all(&fake_bin).unwrap();
    let called = dir.join("cargo-called");
    let _ = std::fs::remove_file(&called);
    std::fs::write(
        fake_bin.join("cargo"),
        format!("#!/bin/sh\necho \"$@\" > {}\n", called.display()),
    )
    .unwrap();
    Command::new("chmod")
        .arg("+x")
        .arg(fake_bin.join("cargo"))
        .status()
        .unwrap();
    let github_path = dir.join("github-path");
    let _ = std::fs::remove_file(&github_path);
    let temp = dir.join("tmp");
    std::fs::create_dir_all(&temp).unwrap();
    let out = Command::new("bash")
        .arg(root().join(".github/install.sh"))
        .env("GITHUB_ACTION_PATH", root())
        .env("RUNNER_OS", os)
        .env("RUNNER_ARCH", arch)
        .env("GITHUB_PATH", &github_path)
        .env("KHAIRUKUM_RELEASES", releases)
        .env("KHAIRUKUM_BIN", dir.join("bin"))
        .env("TMPDIR", &temp)
        .env(
            "PATH",
            format!("{}:{}", fake_bin.display(), std::env::var("PATH").unwrap()),
        )
        .output()
        .unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_dir(&temp).unwrap().count(),
        0,
        "the download folder is left behind: {said}"
    );
    if out.status.success() {
        assert_eq!(
            std::fs::read_to_string(&github_path).unwrap().trim(),
            dir.join("bin").display().to_string()
        );
    }
    Installed {
        succeeded: out.status.success(),
        said,
        built: called.exists(),
    }
}

#[test]
fn the_action_installs_the_verified_release_binary_or_builds_from_source() {
    let dir = tempfile::tempdir().unwrap();
    let good = fake_release(&dir.path().join("good"), true);
    let run = install(dir.path(), &good, "Linux", "X64");
    assert!(
        run.succeeded && run.said.contains("from the release"),
        "{}",
        run.said
    );
    assert!(!run.built, "{}", run.said);
    assert!(dir.path().join("bin/khairukum").is_file());

    let bad = fake_release(&dir.path().join("bad"), false);
    std::fs::remove_dir_all(dir.path().join("bin")).unwrap();
    let run = install(dir.path(), &bad, "Linux", "X64");
    assert!(!run.succeeded, "a mismatch is an error: {}", run.said);
    assert!(run.said.contains("checksum mismatch"), "{}", run.said);
    assert!(
        !run.built,
        "a mismatch never falls back to building: {}",
        run.said
    );
    assert!(
        !dir.path().join("bin/khairukum").exists(),
        "nothing installed"
    );

    let missing = format!("file://{}", dir.path().join("nowhere").display());
    let run = install(dir.path(), &missing, "Linux", "X64");
    assert!(
        run.succeeded && run.said.contains("no release archive"),
        "{}",
        run.said
    );
    assert!(run.built, "{}", run.said);

    let run = install(dir.path(), &good, "Plan9", "MIPS");
    assert!(
        run.succeeded && run.said.contains("no prebuilt binary"),
        "{}",
        run.said
    );
    assert!(run.built, "{}", run.said);
}

/// Runs the pre-commit hook's script as pre-commit runs it (from the hook
/// repository's clone, with the hook's arguments), with a fake `cargo` that
/// records a build; its output and whether it built.
fn hook(dir: &std::path::Path, releases: &str) -> (std::process::Output, bool) {
    let fake_bin = dir.join("fake-bin");
    std::fs::create_dir_all(&fake_bin).unwrap();
    let called = dir.join("cargo-called");
    let _ = std::fs::remove_file(&called);
    let cargo = fake_bin.join("cargo");
    std::fs::write(&cargo, format!("#!/bin/sh\ntouch {}\n", called.display())).unwrap();
    Command::new("chmod")
        .arg("+x")
        .arg(&cargo)
        .status()
        .unwrap();
    let temp = dir.join("tmp");
    std::fs::create_dir_all(&temp).unwrap();
    let out = Command::new("bash")
        .arg(root().join(".github/pre-commit.sh"))
        .args(["--plan", "plans"])
        .current_dir(dir)
        .env("RUNNER_OS", "Linux")
        .env("RUNNER_ARCH", "X64")
        .env("KHAIRUKUM_CACHE", dir.join("cache"))
        .env("KHAIRUKUM_RELEASES", releases)
        .env("TMPDIR", &temp)
        .env(
            "PATH",
            format!("{}:{}", fake_bin.display(), std::env::var("PATH").unwrap()),
        )
        .output()
        .unwrap();
    (out, called.exists())
}

#[test]
fn the_pre_commit_hook_downloads_the_release_once_and_never_compiles() {
    let dir = tempfile::tempdir().unwrap();
    let good = fake_release(&dir.path().join("good"), true);
    let (first, built) = hook(dir.path(), &good);
    let said = String::from_utf8_lossy(&first.stdout);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert_eq!(said.trim(), "prebuilt plan validate --plan plans");
    assert!(!built, "the hook compiled instead of downloading");
    // Later commits use the cached binary: no release to download, no build.
    let nowhere = format!("file://{}", dir.path().join("nowhere").display());
    let (again, built) = hook(dir.path(), &nowhere);
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&again.stdout).trim(), said.trim());
    assert!(!built);
    // The hook definition runs this script, not a compile on first use.
    let hooks = yaml(&root().join(".pre-commit-hooks.yaml"));
    assert_eq!(hooks[0]["id"], "khairukum-validate");
    assert_eq!(hooks[0]["language"], "script");
    assert_eq!(hooks[0]["entry"], ".github/pre-commit.sh");
}

#[test]
fn init_refuses_to_overwrite_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("README.md"), "ours").unwrap();
    let out = khairukum(dir.path(), &["init", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not overwriting existing files"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("README.md")).unwrap(),
        "ours"
    );
    assert!(!dir.path().join("plans").exists(), "nothing half-written");
    let out = khairukum(dir.path(), &["init", ".", "--force"]);
    assert!(out.status.success());
    assert_ne!(
        std::fs::read_to_string(dir.path().join("README.md")).unwrap(),
        "ours"
    );
}

/// What bash offers after `words`, with the script `completions bash`
/// writes sourced as a user would, run in `dir`.
fn bash_offers(dir: &std::path::Path, words: &[&str]) -> Vec<String> {
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let script = format!(
        "source <(khairukum completions bash)\n\
         COMP_WORDS=({words}); COMP_CWORD={last}; COMP_TYPE=9\n\
         _clap_complete_khairukum khairukum '{current}' '{previous}'\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        words = quoted.join(" "),
        last = words.len() - 1,
        current = words[words.len() - 1],
        previous = words[words.len() - 2],
    );
    let out = Command::new("bash")
        .args(["-c", &script])
        .current_dir(dir)
        .env("PATH", path_with_binary())
        .env_remove("KHAIRUKUM_PLAN")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut offered: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    offered.sort();
    offered
}

#[test]
fn bash_completes_people_months_and_items_from_the_plan() {
    let people = |plans: &str| {
        let team = yaml(&root().join(plans).join("team.yaml"));
        let mut ids: Vec<String> = team["people"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_str().unwrap().to_string())
            .collect();
        ids.sort();
        ids
    };
    let shipped = people("plans");
    assert!(shipped.len() >= 3);
    assert_eq!(
        bash_offers(&root(), &["khairukum", "tasks", "--owner", ""]),
        shipped
    );
    let first = &shipped[0][..1];
    let expected: Vec<String> = shipped
        .iter()
        .filter(|p| p.starts_with(first))
        .cloned()
        .collect();
    assert_eq!(
        bash_offers(&root(), &["khairukum", "approve", "--by", first]),
        expected
    );
    // `--plan` on the line being completed is the plan asked.
    let food = "examples/food-bank/plans";
    assert_eq!(
        bash_offers(
            &root(),
            &["khairukum", "--plan", food, "tasks", "--owner", ""]
        ),
        people(food)
    );
    // Months: those with a calendar file (and this one).
    let offered = bash_offers(&root(), &["khairukum", "report", "--month", ""]);
    for file in std::fs::read_dir(root().join("plans/calendar")).unwrap() {
        let name = file
            .unwrap()
            .file_name()
            .to_string_lossy()
            .replace(".yaml", "");
        assert!(offered.contains(&name), "{name} not in {offered:?}");
    }
    // Items by id; outside a plan, nothing rather than file names.
    let items = bash_offers(&root(), &["khairukum", "done", "--item", "competition"]);
    assert!(
        !items.is_empty() && items.iter().all(|i| i.starts_with("competition")),
        "{items:?}"
    );
    let dir = tempfile::tempdir().unwrap();
    assert!(bash_offers(dir.path(), &["khairukum", "tasks", "--owner", ""]).is_empty());
}

#[test]
fn completions_man_page_and_version() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = khairukum(dir.path(), &["completions", shell]);
        assert!(
            out.status.success() && String::from_utf8_lossy(&out.stdout).contains("khairukum"),
            "{shell}"
        );
    }
    let man = khairukum(dir.path(), &["man"]);
    let page = String::from_utf8_lossy(&man.stdout);
    assert!(page.starts_with(".ie"));
    // The page says what the tool does, not only how it is called.
    assert!(
        page.contains(r"git\-versioned folder of YAML files"),
        "{page}"
    );
    // A page for each command, named after it with its parents.
    let out = khairukum(dir.path(), &["man", "--output", "man"]);
    assert!(out.status.success());
    let mut pages: Vec<String> = std::fs::read_dir(dir.path().join("man"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    assert_eq!(
        pages,
        [
            "khairukum-approve.1",
            "khairukum-calendar-export.1",
            "khairukum-calendar.1",
            "khairukum-completions.1",
            "khairukum-done.1",
            "khairukum-exports-check.1",
            "khairukum-exports.1",
            "khairukum-init.1",
            "khairukum-insights.1",
            "khairukum-man.1",
            "khairukum-occasions.1",
            "khairukum-plan-book.1",
            "khairukum-plan-diff.1",
            "khairukum-plan-validate.1",
            "khairukum-plan.1",
            "khairukum-publish.1",
            "khairukum-report.1",
            "khairukum-schema.1",
            "khairukum-tasks.1",
            "khairukum.1",
        ]
    );
    let report = std::fs::read_to_string(dir.path().join("man/khairukum-report.1")).unwrap();
    assert!(report.contains(".TH khairukum-report 1"), "{report}");
    assert!(report.contains("\\-\\-compare"), "{report}");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().lines().count(),
        pages.len()
    );
    let version = String::from_utf8(khairukum(dir.path(), &["--version"]).stdout).unwrap();
    assert!(
        version.starts_with(&format!("khairukum {} (", env!("CARGO_PKG_VERSION"))),
        "{version}"
    );
}

#[test]
fn every_command_help_shows_an_example() {
    let dir = tempfile::tempdir().unwrap();
    for command in [
        &["plan"][..],
        &["plan", "validate"],
        &["tasks"],
        &["report"],
        &["init"],
        &["completions"],
        &["man"],
    ] {
        let mut args = command.to_vec();
        args.push("--help");
        let help = String::from_utf8(khairukum(dir.path(), &args).stdout).unwrap();
        assert!(
            help.contains("Example"),
            "{command:?} --help shows no example:\n{help}"
        );
    }
}

/// The time zone `init` writes into `plans/plan.yaml`, run with `tz` in the
/// environment and `args` after `init repo`.
fn time_zone_written(tz: Option<&str>, args: &[&str]) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut run = command(dir.path());
    run.args(["init", "repo", "--month", "2026-12"]).args(args);
    match tz {
        Some(tz) => run.env("TZ", tz),
        None => run.env_remove("TZ"),
    };
    let out = run.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let plan = yaml(&dir.path().join("repo/plans/plan.yaml"));
    (
        plan["time_zone"].as_str().unwrap().to_string(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn init_writes_the_time_zone_given_else_the_machine_s() {
    let (zone, said) = time_zone_written(Some("Asia/Riyadh"), &["--time-zone", "Africa/Cairo"]);
    assert_eq!(zone, "Africa/Cairo");
    assert!(
        said.contains("Time zone: Africa/Cairo (as given)"),
        "{said}"
    );
    let (zone, said) = time_zone_written(Some("America/Toronto"), &[]);
    assert_eq!(zone, "America/Toronto");
    assert!(said.contains("(this machine's)"), "{said}");
    let (zone, _) = time_zone_written(Some(":Asia/Amman"), &[]);
    assert_eq!(zone, "Asia/Amman");
    let dir = tempfile::tempdir().unwrap();
    let out = khairukum(dir.path(), &["init", "repo", "--time-zone", "Mars/Olympus"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no IANA time zone"));
    assert!(!dir.path().join("repo").exists(), "nothing written");
}

#[test]
fn init_keeps_exports_out_of_git_and_maps_every_plan_file_to_its_schema() {
    let dir = tempfile::tempdir().unwrap();
    let repo = init_repo(dir.path());
    std::fs::create_dir_all(repo.join("plans/exports")).unwrap();
    std::fs::write(
        repo.join("plans/exports/donations.csv"),
        "email\nx@example.org\n",
    )
    .unwrap();
    let ignored = Command::new("git")
        .args(["check-ignore", "-q", "plans/exports/donations.csv"])
        .current_dir(&repo)
        .status()
        .unwrap();
    assert!(
        ignored.success(),
        "an export with donors' e-mails is not committed"
    );
    let kept = Command::new("git")
        .args(["check-ignore", "-q", "plans/calendar/2026-12.yaml"])
        .current_dir(&repo)
        .status()
        .unwrap();
    assert!(!kept.success(), "the plan itself is committed");

    let settings: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo.join(".vscode/settings.json")).unwrap())
            .unwrap();
    let schemas = settings["yaml.schemas"].as_object().unwrap();
    let mut mapped = Vec::new();
    for (schema, globs) in schemas {
        assert!(repo.join(schema).exists(), "{schema} is written beside it");
        for glob in globs.as_array().unwrap() {
            mapped.push(glob.as_str().unwrap().to_string());
        }
    }
    for entry in walkdir::WalkDir::new(repo.join("plans")) {
        let path = entry.unwrap().path().to_path_buf();
        if path.extension().is_some_and(|e| e == "yaml") {
            let relative = path
                .strip_prefix(&repo)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let matched = mapped.iter().any(|g| {
                globset::Glob::new(g)
                    .unwrap()
                    .compile_matcher()
                    .is_match(&relative)
            });
            assert!(matched, "{relative} is mapped to no schema");
        }
    }
}

//! Records the git revision the binary is built from (for `--version` and
//! for what `init` pins) and lists the golden test cases (`tests/cases/*`)
//! so that each becomes a test of its own that can be run by name.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let revision =
        git(&["rev-parse", "--short=12", "HEAD"]).unwrap_or_else(|| "unknown revision".to_string());
    println!("cargo:rustc-env=KHAIRUKUM_GIT_REVISION={revision}");
    // What `init` pins a new plan repository to: the release tag when this
    // commit is the release of this version (or when there is no git, as in a
    // published package), else the commit itself, which is on the
    // repository's history and never moves.
    let commit = git(&["rev-parse", "HEAD"]).unwrap_or_default();
    let tag = format!(
        "v{}",
        std::env::var("CARGO_PKG_VERSION").unwrap_or_default()
    );
    let released = commit.is_empty()
        || git(&["tag", "--points-at", "HEAD"]).is_some_and(|tags| tags.lines().any(|t| t == tag));
    println!("cargo:rustc-env=KHAIRUKUM_GIT_COMMIT={commit}");
    println!("cargo:rustc-env=KHAIRUKUM_RELEASED={}", u8::from(released));
    // Only files that exist: one missing would run this script on every build.
    for watched in [".git/HEAD", ".git/refs", ".git/packed-refs"] {
        if Path::new(watched).exists() {
            println!("cargo:rerun-if-changed={watched}");
        }
    }
    golden_cases();
}

/// What git prints for `args` in this folder, trimmed; none when git is
/// missing, fails or prints nothing.
fn git(args: &[&str]) -> Option<String> {
    std::process::Command::new("git")
        .args(args)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .filter(|r| !r.is_empty())
}

/// Writes `golden_cases.rs` into `OUT_DIR`: one `#[test]` per case folder
/// and the list of all of them. A source package without `tests/` gets an
/// empty list.
fn golden_cases() {
    let cases = Path::new("tests/cases");
    println!("cargo:rerun-if-changed={}", cases.display());
    let mut names: Vec<String> = std::fs::read_dir(cases)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    names.sort();
    let mut out = String::from("/// Every golden case, as the build found them.\n");
    let _ = writeln!(out, "const CASES: [&str; {}] = {names:?};", names.len());
    for name in &names {
        let ident: String = name
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        let _ = writeln!(out, "#[test]\nfn {ident}() {{\n    run({name:?});\n}}");
    }
    let dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    std::fs::write(Path::new(&dir).join("golden_cases.rs"), out).expect("OUT_DIR is writable");
}

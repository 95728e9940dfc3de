//! The licence list of the shipped binary (`docs/licences.md`) is that of
//! the crates built into it: every normal dependency on any platform, from
//! `cargo tree`. `BLESS=1 cargo test --test integration licences` rewrites
//! it; `deny.toml` (checked in CI by `scripts/deny.sh`) says which licences
//! are allowed. `cargo tree` fetches the manifests of crates built only
//! for other platforms when the cargo home lacks them (a fresh machine has
//! only those of this one): the test needs the package registry once.

use crate::common::root;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::process::Command;

/// Each crate built into the binary (name and version) and its licence.
fn shipped_crates() -> Vec<(String, String)> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .current_dir(root())
        .args(["tree", "--locked", "-e", "normal", "--target", "all"])
        .args(["--prefix", "none", "--format", "{p}|{l}"])
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut crates: Vec<(String, String)> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter_map(|line| {
            let (package, licence) = line.trim_end_matches(" (*)").split_once('|')?;
            let mut words = package.split_whitespace();
            let (name, version) = (words.next()?, words.next()?);
            (name != "khairukum").then(|| (format!("{name} {version}"), licence.to_string()))
        })
        .collect();
    crates.sort();
    crates.dedup();
    crates
}

fn licence_list(crates: &[(String, String)]) -> String {
    let mut by_licence: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (package, licence) in crates {
        by_licence.entry(licence).or_default().push(package);
    }
    let mut rows: Vec<(&str, Vec<&str>)> = by_licence.into_iter().collect();
    rows.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
    let mut text = String::from(
        "# Licences of the shipped binary\n\n\
         Every crate built into `khairukum`, on any platform it is built for\n\
         (build-time and test-only crates are not in the binary), with the\n\
         licence its manifest declares. Generated from `cargo tree` by\n\
         `BLESS=1 cargo test --test integration licences`; a test fails when it\n\
         is out of date. CI checks with cargo-deny (`deny.toml`,\n\
         `scripts/deny.sh`) that each licence is an allowed one.\n\n",
    );
    let _ = write!(
        text,
        "{} crates.\n\n| licence | crates |\n| --- | --- |\n",
        crates.len()
    );
    for (licence, packages) in rows {
        let _ = writeln!(text, "| {licence} | {} |", packages.join(", "));
    }
    text
}

#[test]
fn the_licence_list_is_that_of_the_crates_in_the_binary() {
    let crates = shipped_crates();
    assert!(crates.iter().any(|(p, _)| p.starts_with("serde-saphyr ")));
    assert!(
        !crates.iter().any(|(p, _)| p.starts_with("jsonschema ")),
        "a test-only crate is not shipped"
    );
    let expected = licence_list(&crates);
    let path = root().join("docs/licences.md");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/licences.md is out of date: run BLESS=1 cargo test --test integration licences"
    );
}

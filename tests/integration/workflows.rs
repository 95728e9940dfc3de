//! The project's workflows, its Action and the workflow `init` writes use
//! third-party actions only at a full commit SHA: a tag or a branch can be
//! moved to other code after review.

use crate::common::{khairukum, root};
use std::path::Path;

/// The `uses:` references of a workflow or action file, with their line.
fn uses(text: &str) -> Vec<(usize, String)> {
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let rest = line.trim_start().trim_start_matches("- ").trim_start();
            let reference = rest.strip_prefix("uses:")?.trim();
            let reference = reference.split(" #").next().unwrap_or(reference).trim();
            Some((i + 1, reference.trim_matches(['"', '\'']).to_string()))
        })
        .collect()
}

/// Why a reference is not pinned, if it is not.
fn unpinned(reference: &str) -> Option<String> {
    if reference.starts_with("./") || reference.starts_with("docker://") {
        return None;
    }
    let own = format!("khairukum/khairukum@v{}", env!("CARGO_PKG_VERSION"));
    if reference == own {
        return None;
    }
    match reference.split_once('@') {
        Some((_, sha)) if sha.len() == 40 && sha.chars().all(|c| c.is_ascii_hexdigit()) => None,
        Some((_, moving)) => Some(format!("`{reference}` names `{moving}`, not a commit SHA")),
        None => Some(format!("`{reference}` names no version at all")),
    }
}

fn check(path: &Path, text: &str, found: &mut Vec<String>, count: &mut usize) {
    for (line, reference) in uses(text) {
        *count += 1;
        if let Some(why) = unpinned(&reference) {
            found.push(format!("{}:{line}: {why}", path.display()));
        }
    }
}

#[test]
fn third_party_actions_are_pinned_to_a_commit() {
    let mut found = Vec::new();
    let mut count = 0;
    let mut files = vec![root().join("action.yml")];
    for entry in std::fs::read_dir(root().join(".github/workflows")).unwrap() {
        files.push(entry.unwrap().path());
    }
    for file in &files {
        check(
            file,
            &std::fs::read_to_string(file).unwrap(),
            &mut found,
            &mut count,
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let out = khairukum(dir.path(), &["init", "repo", "--month", "2026-12"]);
    assert!(out.status.success());
    let generated = dir.path().join("repo/.github/workflows/plan.yml");
    check(
        &generated,
        &std::fs::read_to_string(&generated).unwrap(),
        &mut found,
        &mut count,
    );
    assert!(count >= 8, "only {count} `uses:` found");
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_check_sees_tags_branches_and_missing_versions() {
    let text = "steps:\n  - uses: actions/checkout@v4\n  - uses: a/b@main # note\n  - uses: a/b\n  \
                - uses: a/b@0123456789abcdef0123456789abcdef01234567 # v1\n  - uses: ./local\n";
    let found: Vec<_> = uses(text)
        .into_iter()
        .filter_map(|(line, r)| unpinned(&r).map(|why| (line, why)))
        .collect();
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!(found[0].0, 2);
    assert!(found[1].1.contains("`main`"), "{found:?}");
    assert!(found[2].1.contains("no version"), "{found:?}");
}

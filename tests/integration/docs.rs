//! The documentation and the golden cases keep up with the rule catalog.

use khairukum::plan::rules::catalog::ALL;
use std::fs;

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_rule_is_documented() {
    let doc = fs::read_to_string(root().join("docs/rules.md")).unwrap();
    for rule in ALL {
        assert!(
            doc.contains(&format!("| `{}` | `{}` |", rule.code, rule.name)),
            "{} missing from docs/rules.md",
            rule.code
        );
    }
}

#[test]
fn every_rule_has_a_golden_case() {
    let mut outputs = String::new();
    for entry in fs::read_dir(root().join("tests/cases")).unwrap() {
        let path = entry.unwrap().path().join("stdout");
        outputs.push_str(&fs::read_to_string(path).unwrap_or_default());
    }
    for rule in ALL {
        // A finding shows `[KH012 name]`; a report's problem `path: KH115 …`.
        assert!(
            outputs.contains(&format!("[{} {}]", rule.code, rule.name))
                || outputs.contains(&format!(": {} ", rule.code)),
            "no golden case shows {}",
            rule.code
        );
    }
}

#[test]
fn every_metric_is_documented_in_the_plan_format() {
    let doc = fs::read_to_string(root().join("docs/plan-format.md")).unwrap();
    for metric in &khairukum::plan::metrics::DICTIONARY {
        assert!(
            doc.contains(&format!("`{}`", metric.id)),
            "{} missing from docs/plan-format.md",
            metric.id
        );
    }
}

/// The table of `docs/metrics.md` is the dictionary itself, rendered;
/// `BLESS=1` rewrites it after a change to the dictionary.
#[test]
fn the_metrics_page_is_the_dictionary() {
    let path = root().join("docs/metrics.md");
    let doc = fs::read_to_string(&path).unwrap();
    let start = doc
        .find("| metric |")
        .expect("docs/metrics.md has the table");
    let end = doc[start..]
        .find("\n\n")
        .map_or(doc.len(), |e| start + e + 1);
    let table = khairukum::plan::metrics::markdown_table();
    if std::env::var_os("BLESS").is_some() {
        fs::write(&path, format!("{}{table}{}", &doc[..start], &doc[end..])).unwrap();
        return;
    }
    assert_eq!(
        &doc[start..end],
        table,
        "docs/metrics.md differs from the dictionary (BLESS=1 rewrites it)"
    );
}

/// `docs/architecture.md` is the map of `src/`: every folder and every file
/// of the top level, of `cli/`, `plan/` and `exports/` is on it.
#[test]
fn the_architecture_page_maps_every_module() {
    let doc = fs::read_to_string(root().join("docs/architecture.md")).unwrap();
    let mut missing = Vec::new();
    for folder in ["src", "src/cli", "src/plan", "src/exports"] {
        for entry in fs::read_dir(root().join(folder)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name == "mod.rs" || name == "lib.rs" && folder == "src" {
                continue;
            }
            let shown = if path.is_dir() {
                format!("{name}/")
            } else {
                name.clone()
            };
            let word = shown.trim_end_matches(".rs");
            if !doc.contains(&shown) && !doc.contains(&format!("{word},")) {
                missing.push(format!("{folder}/{shown}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not on docs/architecture.md: {missing:?}"
    );
}

/// The docs that show the Action and the pre-commit hook pin this version,
/// as `init` does, so a copied snippet is never a moving reference.
#[test]
fn the_docs_pin_the_action_to_this_version() {
    let version = env!("CARGO_PKG_VERSION");
    for doc in ["docs/ci.md", "README.md"] {
        let text = fs::read_to_string(root().join(doc)).unwrap();
        assert!(
            text.contains(&format!("khairukum/khairukum@v{version}")),
            "{doc} does not show the Action at v{version}"
        );
        assert!(
            !text.contains("khairukum/khairukum@v1") && !text.contains("rev: main"),
            "{doc} shows a moving reference"
        );
    }
    let changelog = fs::read_to_string(root().join("CHANGELOG.md")).unwrap();
    assert!(
        changelog.contains(&format!("\n## {version} "))
            || changelog.contains(&format!("\n## {version}\n")),
        "CHANGELOG.md has no section for {version}"
    );
}

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
        assert!(
            outputs.contains(&format!("[{} {}]", rule.code, rule.name)),
            "no golden case shows {}",
            rule.code
        );
    }
}

#[test]
fn every_metric_is_documented_in_the_plan_format() {
    let doc = fs::read_to_string(root().join("docs/plan-format.md")).unwrap();
    for metric in khairukum::plan::metrics::DICTIONARY {
        assert!(
            doc.contains(&format!("`{}`", metric.id)),
            "{} missing from docs/plan-format.md",
            metric.id
        );
    }
}

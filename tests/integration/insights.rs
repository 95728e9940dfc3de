//! `insights` on the shipped plan and its six months of exports: every
//! cell's count, median, quartiles and median impressions, every
//! comparison's groups, shift and interval, and each goal's formats equal
//! the Python oracle (`tests/oracle/insights.py`), which reads the exports
//! with the csv module and joins by the calendar's links.

use crate::common::{khairukum_json, root};
use crate::oracle::python;
use serde_json::Value;

fn same(a: &Value, b: &Value, what: &str) {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => assert!((x - y).abs() < 1e-9, "{what}: {x} != {y}"),
        _ => assert_eq!(a, b, "{what}"),
    }
}

const FIELDS: [&str; 8] = [
    "posts",
    "median_rate",
    "p25",
    "p75",
    "reach_posts",
    "median_rate_reach",
    "median_impressions",
    "too_few",
];

#[test]
fn every_cell_and_interval_equals_the_oracle_over_six_months() {
    let got = khairukum_json(
        &root(),
        &[
            "insights",
            "--plan",
            "plans",
            "--month",
            "2026-11",
            "--today",
            "2026-12-05",
            "--format",
            "json",
        ],
    );
    let want = python(
        "insights.py",
        &[
            root().join("plans"),
            root().join("examples/exports"),
            "2026-06".into(),
            "2026-11".into(),
        ],
    );
    let mut compared = cells_equal(&got, &want);
    weeks_equal(&got, &want);
    compared += comparisons_equal(&got, &want);
    goals_equal(&got, &want);
    let comparisons = got["comparisons"].as_array().unwrap();
    assert!(compared > 500, "only {compared} figures compared");
    // The evidence finds what the synthetic months were made with.
    assert!(comparisons.iter().any(|c| c["platform"] == "instagram"
        && c["dimension"] == "format"
        && c["best"]["value"] == "reel"
        && c["sure"] == true));
    // A cell below the minimum says so and is never compared.
    assert!(got["platforms"].as_array().unwrap().iter().any(|p| {
        p["breakdowns"].as_array().unwrap().iter().any(|b| {
            b["cells"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["too_few"] == true)
        })
    }));
}

/// Every cell of every breakdown equals the oracle's; how many figures.
fn cells_equal(got: &serde_json::Value, want: &serde_json::Value) -> usize {
    let mut compared = 0;
    for platform in got["platforms"].as_array().unwrap() {
        let id = platform["platform"].as_str().unwrap();
        for breakdown in platform["breakdowns"].as_array().unwrap() {
            let dimension = breakdown["dimension"].as_str().unwrap();
            let expected = want["platforms"][id][dimension].as_object().unwrap();
            let cells = breakdown["cells"].as_array().unwrap();
            assert_eq!(cells.len(), expected.len(), "{id} {dimension}");
            for cell in cells {
                let value = cell["value"].as_str().unwrap();
                for field in FIELDS {
                    same(
                        &cell[field],
                        &expected[value][field],
                        &format!("{id} {dimension} {value} {field}"),
                    );
                    compared += 1;
                }
            }
        }
    }
    compared
}

/// Every weekday × hour cell equals the oracle's.
fn weeks_equal(got: &serde_json::Value, want: &serde_json::Value) {
    for platform in got["platforms"].as_array().unwrap() {
        let id = platform["platform"].as_str().unwrap();
        let expected = want["platforms"][id]["week"].as_object().unwrap();
        let week = platform["week"].as_array().unwrap();
        assert_eq!(week.len(), expected.len(), "{id} week");
        for cell in week {
            let value = cell["value"].as_str().unwrap();
            for field in FIELDS {
                same(
                    &cell[field],
                    &expected[value][field],
                    &format!("{id} week {value} {field}"),
                );
            }
        }
    }
}

/// Every comparison's groups, shift and interval equal the oracle's; how many.
fn comparisons_equal(got: &serde_json::Value, want: &serde_json::Value) -> usize {
    let comparisons = got["comparisons"].as_array().unwrap();
    let expected = want["comparisons"].as_array().unwrap();
    assert_eq!(comparisons.len(), expected.len());
    for c in comparisons {
        let what = format!("{} {}", c["platform"], c["dimension"]);
        let w = expected
            .iter()
            .find(|w| w["platform"] == c["platform"] && w["dimension"] == c["dimension"])
            .unwrap_or_else(|| panic!("the oracle makes no comparison {what}"));
        assert_eq!(c["best"]["value"], w["best"], "{what}");
        assert_eq!(c["other"]["value"], w["other"], "{what}");
        assert_eq!(c["within"], w["within"], "{what}");
        for field in ["difference", "low", "high"] {
            same(&c[field], &w[field], &format!("{what} {field}"));
        }
    }
    comparisons.len()
}

/// Each goal's formats: posts and median rate as the oracle's.
fn goals_equal(got: &serde_json::Value, want: &serde_json::Value) {
    for goal in got["goals"].as_array().unwrap() {
        let id = goal["dimension"].as_str().unwrap();
        for cell in goal["cells"].as_array().unwrap() {
            let value = cell["value"].as_str().unwrap();
            for field in ["posts", "median_rate"] {
                same(
                    &cell[field],
                    &want["goals"][id][value][field],
                    &format!("goal {id} {value}"),
                );
            }
        }
    }
}

/// The synthetic months are what their documented generator writes: run
/// apart, it gives the shipped files byte for byte.
#[test]
fn the_synthetic_months_are_what_the_generator_writes() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new("python3")
        .arg(root().join("scripts/synthetic-exports.py"))
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut compared = 0;
    for entry in walkdir::WalkDir::new(dir.path()) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry.path().strip_prefix(dir.path()).unwrap();
        let shipped = std::fs::read(root().join("examples/exports").join(relative))
            .unwrap_or_else(|_| panic!("{} is not shipped", relative.display()));
        assert!(
            std::fs::read(entry.path()).unwrap() == shipped,
            "{} differs",
            relative.display()
        );
        compared += 1;
    }
    assert_eq!(compared, 20, "four months of five files");
}

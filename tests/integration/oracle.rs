//! The report's figures against an oracle written apart from the code:
//! `tests/oracle/*.py` (Python's csv module) recompute them from the
//! shipped exports, and each must equal the report's JSON.

use crate::common::{khairukum_json, root};
use std::process::Command;

/// The report of `month` on the charity's plan and the shipped exports, as JSON.
fn report(month: &str) -> serde_json::Value {
    khairukum_json(
        &root(),
        &[
            "report",
            "--plan",
            "plans",
            "--month",
            month,
            "--today",
            "2026-12-01",
            "--format",
            "json",
        ],
    )
}

/// What a Python oracle prints for a month, as JSON.
fn oracle(script: &str, month: &str) -> serde_json::Value {
    let out = Command::new("python3")
        .arg(root().join("tests/oracle").join(script))
        .arg(root().join("examples/exports"))
        .arg(month)
        .output()
        .expect("python3 runs the oracle");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn interactions_per_platform_equal_the_oracles_in_both_shipped_months() {
    for month in ["2026-10", "2026-11"] {
        let expected = oracle("interactions.py", month);
        let report = report(month);
        let mut compared = 0;
        for platform in report["platforms"].as_array().unwrap() {
            let id = platform["platform"].as_str().unwrap();
            for figure in platform["interactions"].as_array().unwrap() {
                let metric = figure["metric"].as_str().unwrap();
                let want = &expected[id][metric];
                let got = &figure["value"];
                if want.is_null() {
                    assert!(
                        got.is_null(),
                        "{month} {id} {metric}: {got} where no export gives it"
                    );
                } else {
                    assert_eq!(got.as_f64(), want.as_f64(), "{month} {id} {metric}");
                    compared += 1;
                }
            }
        }
        assert!(compared >= 10, "{month}: only {compared} figures compared");
    }
}

#[test]
fn platform_rows_equal_the_oracles_in_both_shipped_months() {
    let metrics = [
        "impressions",
        "reach",
        "engagements",
        "engagement_rate_impressions",
        "engagement_rate_reach",
    ];
    for month in ["2026-10", "2026-11"] {
        let expected = oracle("platforms.py", month);
        let report = report(month);
        let mut compared = 0;
        for platform in report["platforms"].as_array().unwrap() {
            let id = platform["platform"].as_str().unwrap();
            for figure in platform["figures"].as_array().unwrap() {
                let metric = figure["metric"].as_str().unwrap();
                if !metrics.contains(&metric) {
                    continue;
                }
                let want = expected[id][metric].as_f64();
                let got = figure["value"].as_f64();
                match (want, got) {
                    (Some(w), Some(g)) => {
                        assert!(
                            (w - g).abs() <= 1e-9 * w.abs().max(1.0),
                            "{month} {id} {metric}: {g} != {w}"
                        );
                        compared += 1;
                    }
                    (None, None) => {}
                    _ => panic!("{month} {id} {metric}: report {got:?}, oracle {want:?}"),
                }
            }
        }
        assert!(compared >= 12, "{month}: only {compared} figures compared");
    }
}

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
    let mut args = Vec::new();
    if script == "work.py" {
        args.push(root().join("plans"));
    }
    args.push(root().join("examples/exports"));
    args.push(month.into());
    python(script, &args)
}

/// What `tests/oracle/<script>` prints given `args`, as JSON.
pub(crate) fn python(script: &str, args: &[std::path::PathBuf]) -> serde_json::Value {
    let out = Command::new("python3")
        .arg(root().join("tests/oracle").join(script))
        .args(args)
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
                        assert!(same(w, g), "{month} {id} {metric}: {g} != {w}");
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

/// Two figures equal to the last bits a sum or a division may differ in.
fn same(want: f64, got: f64) -> bool {
    (want - got).abs() <= 1e-9 * want.abs().max(1.0)
}

/// The report's total of `metric`, as JSON.
fn total<'a>(report: &'a serde_json::Value, metric: &str) -> &'a serde_json::Value {
    report["totals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["metric"] == metric)
        .unwrap_or_else(|| panic!("no total {metric}"))
}

/// docs/metrics.md: a count over all platforms is the sum of the platforms
/// that give it, naming the others; a rate is summed part by part over the
/// posts that carry both parts, on every platform.
#[test]
fn totals_of_flows_and_rates_equal_the_oracles_in_both_shipped_months() {
    for month in ["2026-10", "2026-11"] {
        let per_platform = oracle("platforms.py", month);
        let report = report(month);
        let planned: Vec<&str> = report["platforms"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["platform"].as_str().unwrap())
            .collect();
        for metric in ["impressions", "reach", "engagements"] {
            let given: Vec<(&str, f64)> = planned
                .iter()
                .filter_map(|id| Some((*id, per_platform[*id][metric].as_f64()?)))
                .collect();
            let want: f64 = given.iter().map(|(_, v)| v).sum();
            let got = total(&report, metric);
            assert!(
                same(want, got["value"].as_f64().unwrap()),
                "{month} {metric}"
            );
            let mut lacks: Vec<&str> = got["lacks"]
                .as_array()
                .map(|l| l.iter().map(|v| v.as_str().unwrap()).collect())
                .unwrap_or_default();
            let mut want_lacks: Vec<&str> = planned
                .iter()
                .copied()
                .filter(|id| !given.iter().any(|(g, _)| g == id))
                .collect();
            lacks.sort_unstable();
            want_lacks.sort_unstable();
            assert_eq!(lacks, want_lacks, "{month} {metric}: platforms left out");
        }
        for metric in ["engagement_rate_impressions", "engagement_rate_reach"] {
            let (mut numerator, mut denominator) = (0.0, 0.0);
            for id in &planned {
                if let Some(parts) = per_platform[*id][format!("{metric}_parts")].as_array() {
                    numerator += parts[0].as_f64().unwrap();
                    denominator += parts[1].as_f64().unwrap();
                }
            }
            let got = total(&report, metric);
            assert_eq!(
                got["numerator"].as_f64(),
                Some(numerator),
                "{month} {metric}"
            );
            assert_eq!(
                got["denominator"].as_f64(),
                Some(denominator),
                "{month} {metric}"
            );
            assert!(same(
                numerator / denominator,
                got["value"].as_f64().unwrap()
            ));
        }
    }
}

/// Followers, materials against the calendar, on-time publishing and reply
/// times (docs/metrics.md), and every KPI's value, previous value, change,
/// progress, expected progress and standing ("KPI standing").
#[test]
fn work_totals_and_kpis_equal_the_oracle_in_both_shipped_months() {
    for month in ["2026-10", "2026-11"] {
        let expected = oracle("work.py", month);
        let report = report(month);
        let mut compared = 0;
        for (metric, want) in expected["totals"].as_object().unwrap() {
            let got = total(&report, metric);
            match want {
                serde_json::Value::Array(parts) => {
                    assert_eq!(
                        got["numerator"],
                        parts[0].as_f64().unwrap(),
                        "{month} {metric}"
                    );
                    assert_eq!(
                        got["denominator"],
                        parts[1].as_f64().unwrap(),
                        "{month} {metric}"
                    );
                }
                serde_json::Value::Null => assert!(got["value"].is_null(), "{month} {metric}"),
                want => assert_eq!(got["value"].as_f64(), want.as_f64(), "{month} {metric}"),
            }
            compared += 1;
        }
        for kpi in report["kpis"].as_array().unwrap() {
            let id = kpi["kpi"].as_str().unwrap();
            let want = &expected["kpis"][id];
            let got = [
                ("value", &kpi["figure"]["value"]),
                ("previous", &kpi["previous"]),
                ("change", &kpi["change"]),
                ("progress", &kpi["progress"]),
                ("expected", &kpi["expected"]),
            ];
            for (field, got) in got {
                match (want[field].as_f64(), got.as_f64()) {
                    (Some(w), Some(g)) => assert!(same(w, g), "{month} {id} {field}: {g} != {w}"),
                    (None, None) => {}
                    (w, g) => panic!("{month} {id} {field}: report {g:?}, oracle {w:?}"),
                }
                compared += 1;
            }
            assert_eq!(kpi["standing"], want["standing"], "{month} {id} standing");
        }
        assert!(compared >= 28, "{month}: only {compared} figures compared");
    }
}

/// The food bank's KPIs from its own records (donations through social
/// links and their platforms, distinct donors, volunteer sign-ups, coverage
/// recorded by hand), this month and the one before, against
/// `tests/oracle/food_bank.py`.
#[test]
fn the_food_banks_own_measures_equal_the_oracle() {
    food_bank_equals_the_oracle(&root().join("examples/food-bank"));
}

/// The donations CSV with a `Currency` column mixing SAR, USD and a
/// currency the budget has no rate for: USD converts at the budget's rate,
/// the other is left out, and the KPIs still equal the oracle's.
#[test]
fn a_measure_never_adds_amounts_of_two_currencies() {
    let dir = tempfile::tempdir().unwrap();
    crate::common::copy_dir(&root().join("examples/food-bank"), dir.path());
    let file = dir
        .path()
        .join("exports/2026-11/donations/donations-2026-11.csv");
    let text = std::fs::read_to_string(&file).unwrap();
    let mut out = String::new();
    for (n, line) in text.lines().enumerate() {
        let currency = match n {
            0 => "Currency",
            n if n % 5 == 0 => "USD",
            n if n % 17 == 0 => "EUR",
            _ => "SAR",
        };
        out.push_str(line);
        out.push(',');
        out.push_str(currency);
        out.push('\n');
    }
    std::fs::write(&file, out).unwrap();
    let before = python("food_bank.py", &[]);
    let after = food_bank_equals_the_oracle(dir.path());
    assert_ne!(
        before["social-donations"]["value"], after["social-donations"]["value"],
        "the currencies change the sum"
    );
    // The EUR rows are errors of the file, each at its line.
    let checked = crate::common::khairukum(
        dir.path(),
        &["exports", "check", "--plan", "plans", "--format", "json"],
    );
    assert_eq!(checked.status.code(), Some(1));
    let problems = String::from_utf8_lossy(&checked.stdout);
    assert!(problems.contains("an amount in EUR"), "{problems}");
}

/// The food bank's KPIs in the folder `root` against the oracle's; the
/// oracle's figures.
fn food_bank_equals_the_oracle(root: &std::path::Path) -> serde_json::Value {
    let expected = python("food_bank.py", &[root.to_path_buf()]);
    let report = khairukum_json(
        root,
        &[
            "report",
            "--plan",
            "plans",
            "--month",
            "2026-11",
            "--today",
            "2026-12-01",
            "--format",
            "json",
        ],
    );
    let kpis = report["kpis"].as_array().unwrap();
    let expected = expected.as_object().unwrap();
    assert_eq!(expected.len(), 5);
    for (kpi, want) in expected {
        let got = kpis
            .iter()
            .find(|k| k["kpi"] == kpi.as_str())
            .unwrap_or_else(|| panic!("no KPI {kpi} in the report"));
        let close = |a: &serde_json::Value, b: &serde_json::Value| {
            (a.as_f64().unwrap() - b.as_f64().unwrap()).abs() < 0.006
        };
        assert!(
            close(&got["figure"]["value"], &want["value"]),
            "{kpi}: {} ≠ {}",
            got["figure"]["value"],
            want["value"]
        );
        assert!(
            close(&got["previous"], &want["previous"]),
            "{kpi}: previous {} ≠ {}",
            got["previous"],
            want["previous"]
        );
        let parts = want["by_platform"].as_object().unwrap();
        let got_parts = got["by_platform"].as_array().map_or(&[][..], Vec::as_slice);
        assert_eq!(got_parts.len(), parts.len(), "{kpi}: {got_parts:?}");
        for part in got_parts {
            let platform = part["platform"].as_str().unwrap();
            assert!(
                close(&part["value"], &parts[platform]),
                "{kpi} on {platform}"
            );
        }
        assert!(got["figure"]["note"].is_string(), "{kpi} names its source");
    }
    serde_json::Value::Object(expected.clone())
}

/// The report's money section against `tests/oracle/money.py`.
fn money_equals_the_oracle(report: &serde_json::Value, expected: &serde_json::Value) {
    let money = &report["money"];
    let near = |a: &serde_json::Value, b: &serde_json::Value| {
        (a.as_f64().unwrap() - b.as_f64().unwrap()).abs() < 0.006
    };
    assert!(
        near(&money["period"]["spent"], &expected["spent"]),
        "{money}"
    );
    assert!(
        near(&money["period"]["budget"], &expected["budget"]),
        "{money}"
    );
    assert_eq!(money["paid_impressions"], expected["paid_impressions"]);
    for goal in money["by_goal"].as_array().unwrap() {
        let id = goal["goal"].as_str().unwrap();
        let want = expected["by_goal"].get(id).cloned().unwrap_or(0.into());
        assert!(near(&goal["spent"], &want), "{id}: {goal}");
    }
    let platforms = money["by_platform"].as_array().unwrap();
    assert_eq!(
        platforms.len(),
        expected["by_platform"].as_object().unwrap().len()
    );
    for pair in platforms {
        assert!(
            near(
                &pair[1],
                &expected["by_platform"][pair[0].as_str().unwrap()]
            ),
            "{pair}"
        );
    }
    let undirected = money["undirected"].as_array().unwrap();
    assert_eq!(
        undirected.len(),
        expected["undirected"].as_object().unwrap().len()
    );
    for u in undirected {
        let key = format!(
            "{}|{}",
            u["campaign"].as_str().unwrap(),
            u["platform"].as_str().unwrap()
        );
        assert!(
            near(&u["spent"], &expected["undirected"][key.as_str()]),
            "{key}"
        );
    }
    // A KPI's results cost the spend directed at its goal.
    let mut kpi_costs = 0;
    for cost in money["cost_per"].as_array().unwrap() {
        let Some(kpi) = report["kpis"]
            .as_array()
            .unwrap()
            .iter()
            .find(|k| k["kpi"] == cost["per"])
        else {
            continue;
        };
        let goal = kpi["goal"].as_str().unwrap();
        let want = expected["by_goal"].get(goal).cloned().unwrap_or(0.into());
        assert!(near(&cost["spent"], &want), "{goal}: {cost}");
        kpi_costs += 1;
    }
    assert!(kpi_costs > 0, "no KPI's cost was compared");
}

/// A golden report case laid out as its run sees it: the report fixture's
/// plan and exports with the case's files over them.
fn report_case(case: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let case = root().join("tests/cases").join(case);
    for (fixture, folder) in [("report-plan", "plan"), ("exports", "exports")] {
        let to = dir.path().join(folder);
        crate::common::copy_dir(&root().join("tests/fixtures").join(fixture), &to);
        crate::common::copy_dir(&case.join(folder), &to);
    }
    dir
}

#[test]
fn ad_spend_against_the_budget_equals_the_oracle() {
    // The charity's November: Meta CSV, TikTok XLSX and Snapchat, in SAR and USD.
    let report = report("2026-11");
    let expected = python(
        "money.py",
        &[
            root().join("plans"),
            root().join("examples/exports"),
            "2026-11".into(),
        ],
    );
    money_equals_the_oracle(&report, &expected);
    // The food bank's: Meta in SAR, TikTok in USD, one campaign undirected.
    let food_bank = root().join("examples/food-bank");
    let report = khairukum_json(
        &root(),
        &[
            "report",
            "--plan",
            "examples/food-bank/plans",
            "--month",
            "2026-11",
            "--today",
            "2026-12-01",
            "--format",
            "json",
        ],
    );
    let expected = python(
        "money.py",
        &[
            food_bank.join("plans"),
            food_bank.join("exports"),
            "2026-11".into(),
        ],
    );
    money_equals_the_oracle(&report, &expected);
    // A month over its cap, a row running into the next month, a total row.
    let dir = report_case("report-money");
    let report = khairukum_json(
        dir.path(),
        &[
            "report",
            "--plan",
            "plan",
            "--month",
            "2026-11",
            "--today",
            "2026-12-15",
            "--format",
            "json",
        ],
    );
    let expected = python(
        "money.py",
        &[
            dir.path().join("plan"),
            dir.path().join("exports"),
            "2026-11".into(),
        ],
    );
    money_equals_the_oracle(&report, &expected);
}

/// The report's peers section against `tests/oracle/peers.py`: every
/// peer's figures, and every row's shares of voice and rank.
fn peers_equal_the_oracle(dir: &std::path::Path, plan: &str, exports: &str, month: &str) {
    let report = khairukum_json(
        dir,
        &[
            "report",
            "--plan",
            plan,
            "--month",
            month,
            "--today",
            "2026-12-15",
            "--format",
            "json",
        ],
    );
    let saved = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(saved.path(), report.to_string()).unwrap();
    let expected = python(
        "peers.py",
        &[
            dir.join(plan),
            dir.join(exports),
            month.into(),
            saved.path().to_path_buf(),
        ],
    );
    let near = |a: &serde_json::Value, b: &serde_json::Value| match (a.as_f64(), b.as_f64()) {
        (Some(a), Some(b)) => (a - b).abs() < 1e-9,
        _ => a.is_null() && b.is_null(),
    };
    let mut compared = 0;
    for platform in report["peers"]["platforms"].as_array().unwrap() {
        let kind = platform["platform"].as_str().unwrap();
        let rows = platform["rows"].as_array().unwrap();
        let want = expected[kind].as_array().unwrap();
        assert_eq!(rows.len(), want.len(), "{kind}");
        for (got, want) in rows.iter().zip(want) {
            assert_eq!(got["peer"], want["peer"]);
            for field in [
                "followers",
                "growth",
                "posts",
                "interactions",
                "interactions_per_post",
                "voice_posts",
                "voice_interactions",
                "rank_followers",
            ] {
                assert!(
                    near(&got[field], &want[field]),
                    "{kind} {}: {field} {} ≠ {}",
                    got["peer"],
                    got[field],
                    want[field]
                );
                compared += 1;
            }
            assert_eq!(got["missing"], want["missing"], "{kind} {}", got["peer"]);
        }
        // The charity's own row is its platform's figures in the report.
        if let Some(platform) = report["platforms"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["kind"] == kind)
        {
            let total = platform["figures"]
                .as_array()
                .unwrap()
                .iter()
                .find(|f| f["metric"] == "followers_total")
                .unwrap();
            assert!(near(&rows[0]["followers"], &total["value"]), "{kind}");
        }
    }
    assert!(compared >= 40, "only {compared} figures compared");
}

#[test]
fn the_peers_figures_equal_the_oracle() {
    // The charity's November: a monitoring tool's CSV and figures by hand.
    peers_equal_the_oracle(&root(), "plans", "examples/exports", "2026-11");
    // A case with rows that cannot be used, a month missing, a repeated row.
    let dir = report_case("report-peers");
    peers_equal_the_oracle(dir.path(), "plan", "exports", "2026-11");
}

/// A cell of X's daily overview that is no number (`2.2%` on 25 November):
/// the engagements figure is the oracle's sum of the other days, and in
/// every format the figure says which day it is without, and why.
#[test]
fn a_figure_without_a_day_equals_the_oracle_and_says_so_in_every_format() {
    let dir = shipped_copy();
    let exports = dir.path().join("exports");
    let overview = exports.join("2026-11/x/account_overview_analytics.csv");
    let text = std::fs::read_to_string(&overview).unwrap();
    let row = "\"Wed, Nov 25, 2026\",4712,65,103,";
    assert!(text.contains(row));
    std::fs::write(
        &overview,
        text.replace(row, "\"Wed, Nov 25, 2026\",4712,65,2.2%,"),
    )
    .unwrap();
    let expected = python("platforms.py", &[exports.clone(), "2026-11".into()]);
    assert_eq!(
        expected["x"]["engagements_without_days"],
        serde_json::json!(["2026-11-25"])
    );
    let report = khairukum_json(dir.path(), &november("json"));
    let x = report["platforms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["platform"] == "x")
        .unwrap();
    let engagements = x["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["metric"] == "engagements")
        .unwrap();
    assert_eq!(
        engagements["value"].as_f64(),
        expected["x"]["engagements"].as_f64()
    );
    let without = engagements["without"].to_string();
    assert!(without.contains("2026-11-25"), "{engagements}");
    for format in ["table", "markdown", "html", "csv", "json"] {
        let out = crate::common::stdout(dir.path(), &november(format));
        assert!(
            out.contains("2026-11-25") && out.contains("2.2%"),
            "{format} does not name the day left out"
        );
    }
}

/// YouTube Studio's newer names (`Thumbnail impressions`) give the
/// impressions; an export without the column gives views in their place,
/// and the figure says so.
#[test]
fn youtube_impressions_by_either_name_and_views_never_in_silence() {
    let run = |header: &str| {
        let dir = shipped_copy();
        let exports = dir.path().join("exports");
        let table = exports.join("2026-11/youtube/Table data.csv");
        let text = std::fs::read_to_string(&table).unwrap();
        let (_, rows) = text.split_once('\n').unwrap();
        std::fs::write(&table, format!("{header}\n{rows}")).unwrap();
        let report = khairukum_json(dir.path(), &november("json"));
        report["platforms"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["platform"] == "youtube")
            .unwrap()["figures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["metric"] == "impressions")
            .unwrap()
            .clone()
    };
    let renamed = run(
        "Content,Video title,Video publish time,Duration,Views,Watch time (hours),Subscribers,Thumbnail impressions,Thumbnail click-through rate (%)",
    );
    // The sum of the three videos' impressions, as the file's total row gives it.
    assert_eq!(renamed["value"].as_f64(), Some(75_642.0), "{renamed}");
    assert!(renamed["note"].is_null(), "{renamed}");
    let without = run(
        "Content,Video title,Video publish time,Duration,Views,Watch time (hours),Subscribers,Something else,Thumbnail click-through rate (%)",
    );
    assert_eq!(without["value"].as_f64(), Some(12_607.0), "{without}");
    let note = without["note"].as_str().unwrap_or_default();
    assert!(
        note.contains("views in place of impressions for 3 of 3"),
        "{note}"
    );
}

/// Ad exports there and none readable: the spend is not known (null, a
/// dash), never 0, and the report names what it lacks.
#[test]
fn spend_no_ad_export_could_give_is_missing_never_zero() {
    let dir = shipped_copy();
    let exports = dir.path().join("exports");
    let ads = exports.join("2026-11/ads");
    for entry in std::fs::read_dir(&ads).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        std::fs::remove_file(&path).unwrap();
        // Each one now a workbook cut short.
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let cut = if bytes.starts_with(b"PK") {
            bytes
        } else {
            b"PK\x03\x04".to_vec()
        };
        std::fs::write(ads.join(format!("{name}.xlsx")), &cut[..cut.len().min(300)]).unwrap();
    }
    let report = khairukum_json(dir.path(), &november("json"));
    let money = &report["money"];
    assert!(money["period"]["spent"].is_null(), "{money}");
    assert!(money["to_date"]["spent"].is_null(), "{money}");
    assert_eq!(money["lacks"].as_array().map(Vec::len), Some(3), "{money}");
    for cost in money["cost_per"].as_array().unwrap() {
        assert!(cost["value"].is_null(), "{cost}");
    }
    let table = crate::common::stdout(dir.path(), &november("table"));
    assert!(table.contains("Ad spend is not known"), "{table}");
    assert!(!table.contains("Ads spent 0"), "{table}");
}

/// The charity's plan and the shipped exports, copied to be changed: the
/// folder, with `plans/` and `exports/` in it.
fn shipped_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    crate::common::copy_dir(&root().join("plans"), &dir.path().join("plans"));
    crate::common::copy_dir(
        &root().join("examples/exports"),
        &dir.path().join("exports"),
    );
    dir
}

/// `report` of November on a [`shipped_copy`], in `format`.
fn november(format: &'static str) -> [&'static str; 11] {
    [
        "report",
        "--plan",
        "plans",
        "--exports",
        "exports",
        "--month",
        "2026-11",
        "--today",
        "2026-12-01",
        "--format",
        format,
    ]
}

/// Each occasion's joined posts and their impressions and engagements
/// (docs/report.md, "Occasions"), against the oracle's own join and its
/// own naming of each occurrence (Hijri years by `hijridate`).
#[test]
fn occasions_posts_and_figures_equal_the_oracle_in_both_shipped_months() {
    for month in ["2026-10", "2026-11"] {
        let expected = oracle("work.py", month)["occasions"].clone();
        let expected = expected.as_object().unwrap();
        let report = report(month);
        let joined: Vec<&serde_json::Value> = report["occasions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|o| o["posts"].as_u64() > Some(0))
            .collect();
        assert_eq!(joined.len(), expected.len(), "{month}");
        assert!(!joined.is_empty(), "{month}: no occasion had posts");
        for occasion in joined {
            let key = occasion["key"].as_str().unwrap();
            let want = &expected[key];
            for field in ["posts", "impressions", "engagements"] {
                assert_eq!(occasion[field], want[field], "{month} {key} {field}");
            }
        }
    }
}

//! `plan book`: the HTML page holds the whole plan (every goal, KPI and
//! calendar month), reads right to left in Arabic, loads nothing from
//! anywhere, and leaves the plan folder as it was.

use crate::common::*;
use khairukum::text::html::esc;
use std::path::Path;

/// Every file under `dir`, with its contents.
fn snapshot(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}

/// The book of the plan in `plan` (relative to the repository) in `lang`.
fn book(plan: &str, lang: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let before = snapshot(&root().join(plan));
    let out = dir.path().join("plan.html");
    let args = [
        "--lang",
        lang,
        "plan",
        "book",
        "--plan",
        plan,
        "--output",
        out.to_str().unwrap(),
    ];
    assert_eq!(stdout(&root(), &args), "", "the book goes to its file");
    assert_eq!(
        snapshot(&root().join(plan)),
        before,
        "{plan} is left as it was"
    );
    std::fs::read_to_string(out).unwrap()
}

/// Nothing on the page can reach the network: no script, no style sheet,
/// image or font from elsewhere, links only within the page.
fn loads_nothing(html: &str) {
    for banned in [
        "<script", "<link", "<img", "<iframe", "src=", "url(", "@import", "srcset",
    ] {
        assert!(!html.contains(banned), "{banned}");
    }
    assert!(
        html.contains(r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'"#)
    );
    for link in html.split("href=\"").skip(1) {
        assert!(
            link.starts_with('#'),
            "a link out of the page: {}",
            &link[..40.min(link.len())]
        );
    }
}

#[test]
fn the_charitys_book_holds_every_goal_kpi_and_month_right_to_left() {
    let html = book("plans", "ar");
    assert!(html.starts_with(r#"<!doctype html><html lang="ar" dir="rtl">"#));
    loads_nothing(&html);
    let loaded = khairukum::plan::load::load(&root().join("plans")).unwrap();
    let plan = &loaded.plan;
    let mut checked = 0;
    for goal in plan.goals.iter().flat_map(|g| &g.data.goals) {
        assert!(
            html.contains(&esc(goal.name.primary())),
            "{}",
            goal.id.value
        );
        for kpi in &goal.kpis {
            assert!(html.contains(&esc(kpi.name.primary())), "{}", kpi.id.value);
            checked += 1;
        }
    }
    assert!(checked >= 4, "{checked} KPIs");
    for month in &plan.months {
        let label = month.data.file_month.unwrap().to_string();
        assert!(
            html.contains(&format!("<h3>{label}"))
                || html.contains(&format!(r#"<h3><bdi dir="ltr">{label}</bdi>"#)),
            "{label}"
        );
        for item in &month.data.items {
            assert!(
                html.contains(&esc(item.title.primary())),
                "{}",
                item.id.value
            );
        }
    }
    for section in [
        "approval",
        "goals",
        "audience",
        "strategy",
        "platforms",
        "team",
        "process",
        "policies",
        "budget",
        "calendar",
    ] {
        assert!(
            html.contains(&format!(r#"<section id="{section}""#)),
            "{section}"
        );
        assert!(
            html.contains(&format!(r##"href="#{section}""##)),
            "{section} in the contents"
        );
    }
    // The approval on record, and the English beside the Arabic.
    assert!(html.contains("فيصل الغامدي"));
    assert!(html.contains(r#"<span class="other" lang="en" dir="ltr">Number of followers</span>"#));
    // Printed: each part on a new page, table headings on each page.
    assert!(html.contains("@media print") && html.contains("thead{display:table-header-group}"));
}

#[test]
fn the_food_banks_book_in_english_reads_left_to_right() {
    let html = book("examples/food-bank/plans", "en");
    assert!(html.starts_with(r#"<!doctype html><html lang="en" dir="ltr">"#));
    loads_nothing(&html);
    assert!(
        html.contains(r#"lang="ar" dir="rtl""#),
        "the Arabic beside the English"
    );
    assert!(html.contains(r#"<section id="budget">"#));
}

#[test]
fn a_plan_with_errors_still_gets_its_book_and_the_errors_are_said() {
    let dir = copy_plan("tests/fixtures/tiny-plan");
    let goals = dir.path().join("plan/goals.yaml");
    let text = std::fs::read_to_string(&goals).unwrap();
    std::fs::write(
        &goals,
        text.replacen("metric: followers_total", "metric: followers_totl", 1),
    )
    .unwrap();
    let out = khairukum(
        dir.path(),
        &["plan", "book", "--plan", "plan", "--format", "markdown"],
    );
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("followers_totl")
            && stderr.contains("the book shows the files as they are"),
        "{stderr}"
    );
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("followers_totl")
    );
}

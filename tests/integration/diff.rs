//! `plan diff` on a throw-away git repository built here.

use crate::common::*;
use std::path::Path;

fn git(dir: &Path, args: &[&str]) {
    git_at(dir, None, args);
}

fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &root().join("tests/fixtures/tiny-plan"),
        &dir.path().join("plans"),
    );
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "plan"]);
    dir
}

fn edit_plans(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join("plans").join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file}: {from}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn a_reviewer_sees_targets_items_owners_and_policies() {
    let repo = repository();
    let d = repo.path();
    edit_plans(
        d,
        "goals.yaml",
        "target: {value: 2000, by: 2026-12-31}",
        "target: {value: 2500, by: 2026-12-31}",
    );
    edit_plans(
        d,
        "calendar/2026-11.yaml",
        "publish: 2026-11-20T19:00",
        "publish: 2026-11-22T19:00",
    );
    edit_plans(
        d,
        "calendar/2026-11.yaml",
        "format: text\n    owner: sara",
        "format: text\n    owner: omar",
    );
    edit_plans(d, "process.yaml", "owner: role:approver", "owner: omar");
    edit_plans(
        d,
        "policies.yaml",
        "banned_words: [عاجل]",
        "banned_words: [عاجل, حصري]",
    );
    edit_plans(
        d,
        "calendar/2026-11.yaml",
        "items:\n",
        "items:\n  - id: new-post\n    title: {ar: منشور جديد}\n    publish: 2026-11-25T19:00\n    platforms: [instagram]\n    goal: reach\n    audience: donors\n    format: image\n    owner: sara\n    status: idea\n",
    );
    git(d, &["commit", "-q", "-am", "changes"]);
    let out = khairukum(d, &["plan", "diff", "HEAD~1", "HEAD"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "### Plan changes: `HEAD~1` → `HEAD`

**Goals and KPIs** (1)

- `reach/followers` target: 2000 by 2026-12-31 → 2500 by 2026-12-31

**Calendar** (3)

- 2026-11
  - `new-post` added: منشور جديد (instagram, sara)
  - `volunteers` publish time: 2026-11-20T19:00 → 2026-11-22T19:00
  - `volunteers` owner: sara → omar

**Process** (1)

- `approve` owner: role:approver → omar

**Policies** (1)

- `policies` banned words: عاجل → حصري, عاجل

"
    );
    let arabic = khairukum(d, &["plan", "diff", "HEAD~1", "HEAD", "--lang", "ar"]);
    assert_eq!(
        isolates_shown(&String::from_utf8(arabic.stdout).unwrap()),
        "<div dir=\"rtl\">

### تغييرات الخطة: [`HEAD~1`] ← [`HEAD`]

**الأهداف ومؤشرات الأداء** ([1])

- [`reach/followers`] المستهدف: [2000] بحلول [2026-12-31] ← [2500] بحلول [2026-12-31]

**التقويم** ([3])

- [2026-11]
  - [`new-post`] مادة مضافة: منشور جديد ([instagram]، [sara])
  - [`volunteers`] موعد النشر: [2026-11-20T19:00] ← [2026-11-22T19:00]
  - [`volunteers`] المسؤول: [sara] ← [omar]

**خطوات العمل** ([1])

- [`approve`] المسؤول: [role:approver] ← [omar]

**سياسات النشر** ([1])

- [`policies`] الكلمات الممنوعة: عاجل ← حصري, عاجل

</div>
"
    );
    // JSON is for scripts: its words stay English whatever the language.
    let json = khairukum(
        d,
        &[
            "plan", "diff", "HEAD~1", "HEAD", "--format", "json", "--lang", "ar",
        ],
    );
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["changes"].as_array().unwrap().len(), 6);
    assert_eq!(json["changes"][2]["kind"], "moved");
    assert_eq!(json["changes"][0]["what"], "target");
    assert_eq!(json["changes"][0]["new"], "2500 by 2026-12-31");
}

#[test]
fn the_working_tree_against_the_default_branch() {
    let repo = repository();
    let d = repo.path();
    git(d, &["checkout", "-q", "-b", "feature"]);
    edit_plans(d, "platforms.yaml", "focus: 60", "focus: 50");
    edit_plans(d, "platforms.yaml", "focus: 40", "focus: 50");
    let out = khairukum(d, &["plan", "diff"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("→ `working tree`"), "{text}");
    assert!(text.contains("- `x` focus: 60% → 50%"), "{text}");
    assert!(text.contains("- `instagram` focus: 40% → 50%"), "{text}");
}

#[test]
fn outside_a_repository_or_with_an_unknown_revision() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &root().join("tests/fixtures/tiny-plan"),
        &dir.path().join("plans"),
    );
    let out = khairukum(dir.path(), &["plan", "diff"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not inside a git repository"));
    let repo = repository();
    let out = khairukum(repo.path(), &["plan", "diff", "no-such-branch"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown revision `no-such-branch`"));
}

#[test]
fn a_reviewer_sees_approvals_given_changed_and_withdrawn() {
    let repo = repository();
    let d = repo.path();
    edit_plans(
        d,
        "plan.yaml",
        "time_zone:",
        "approved: {by: omar, on: 2025-12-20}\ntime_zone:",
    );
    edit_plans(
        d,
        "calendar/2026-11.yaml",
        "month: 2026-11\n",
        "month: 2026-11\napproved: {by: omar, on: 2026-10-28}\n",
    );
    git(d, &["commit", "-q", "-am", "approved"]);
    edit_plans(
        d,
        "calendar/2026-11.yaml",
        "on: 2026-10-28",
        "on: 2026-10-30",
    );
    edit_plans(d, "plan.yaml", "approved: {by: omar, on: 2025-12-20}\n", "");
    git(d, &["commit", "-q", "-am", "changed"]);
    let given = khairukum(d, &["plan", "diff", "HEAD~2", "HEAD~1"]);
    assert_eq!(
        String::from_utf8(given.stdout).unwrap(),
        "### Plan changes: `HEAD~2` → `HEAD~1`

**Approvals** (2)

- `2026-11` approved by omar on 2026-10-28
- `plan` approved by omar on 2025-12-20

"
    );
    let later = khairukum(d, &["plan", "diff", "HEAD~1", "HEAD", "--lang", "ar"]);
    assert_eq!(
        isolates_shown(&String::from_utf8(later.stdout).unwrap()),
        "<div dir=\"rtl\">

### تغييرات الخطة: [`HEAD~1`] ← [`HEAD`]

**الاعتمادات** ([2])

- [`2026-11`] الاعتماد: [omar] في [2026-10-28] ← [omar] في [2026-10-30]
- [`plan`] سُحب الاعتماد (كان: [omar] في [2025-12-20])

</div>
"
    );
}

const SECOND_GOAL: &str = "  - id: image
    name: {ar: الصورة الذهنية, en: Public image}
    kpis:
      - id: materials
        name: {ar: المواد الإعلامية, en: Media materials}
        metric: followers_total
        baseline: {value: 10, at: 2026-01-01}
        target: {value: 40, by: 2026-12-31}
";

const BUDGET: &str = "currency: SAR
approved: {total: 10000}
lines:
  - id: ads
    goal: reach
    kind: paid_ads
    amount: 6000
    owner: sara
  - id: video
    goal: image
    kind: design_production
    amount: 4000
    owner: sara
";

#[test]
fn a_reviewer_sees_what_the_change_does_first() {
    let repo = repository();
    let d = repo.path();
    edit_plans(
        d,
        "calendar/2026-11.yaml",
        "month: 2026-11\n",
        "month: 2026-11\napproved: {by: omar, on: 2026-10-28}\n",
    );
    let goals = d.join("plans/goals.yaml");
    let text = std::fs::read_to_string(&goals).unwrap();
    std::fs::write(&goals, text + SECOND_GOAL).unwrap();
    std::fs::write(d.join("plans/budget.yaml"), BUDGET).unwrap();
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "approved"]);
    let before = khairukum(d, &["plan", "validate"]);
    assert!(
        before.status.success(),
        "{}",
        String::from_utf8_lossy(&before.stdout)
    );

    edit_plans(
        d,
        "calendar/2026-11.yaml",
        "publish: 2026-11-20T19:00",
        "publish: 2026-11-22T19:00",
    );
    edit_plans(
        d,
        "calendar/2026-11.yaml",
        "publish: 2026-11-12T19:00",
        "publish: 2026-11-16T19:00",
    );
    edit_plans(
        d,
        "process.yaml",
        "due: -2d\n",
        "due: -2d\n        effort: 3h\n",
    );
    edit_plans(d, "team.yaml", "hours_per_week: 10", "hours_per_week: 2");
    edit_plans(d, "budget.yaml", "amount: 6000", "amount: 3000");
    edit_plans(d, "budget.yaml", "amount: 4000", "amount: 7000");
    edit_plans(
        d,
        "goals.yaml",
        "target: {value: 40, by: 2026-12-31}",
        "target: {value: 5, by: 2027-03-31}",
    );
    git(d, &["commit", "-q", "-am", "moved"]);
    let out = khairukum(
        d,
        &["plan", "diff", "HEAD~1", "HEAD", "--today", "2026-11-15"],
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "### Plan changes: `HEAD~1` → `HEAD`

**What the change does** (9)

- `KH025 kpi-date-outside-period` the target date 2027-03-31 of KPI `materials` is outside the plan period 2026-01-01 – 2026-12-31
- `KH067 published-in-future` item `graduation` is marked `published`, but its publish time 2026-11-16 19:00 is after today (2026-11-15)
- `KH061 over-capacity` sara has 3 hours of tasks (1 task) in the week of 2026-11-08 (2026-W46); their capacity is 2 hours
- `KH061 over-capacity` sara has 3 hours of tasks (1 task) in the week of 2026-11-15 (2026-W47); their capacity is 2 hours
- `image/materials` the target now asks for a fall from the baseline 10 (to 5), where it asked for a rise (to 40)
- `image/materials` the target's date moves 90 days later: 2026-12-31 → 2027-03-31
- `image` spending on this goal: 4000\u{a0}SAR → 7000\u{a0}SAR
- `reach` spending on this goal: 6000\u{a0}SAR → 3000\u{a0}SAR
- `2026-11` approved by omar on 2026-10-28, and its calendar changes here: the approval no longer covers it (`khairukum approve --month` once reviewed)

**Goals and KPIs** (1)

- `image/materials` target: 40 by 2026-12-31 → 5 by 2027-03-31

**Calendar** (2)

- 2026-11
  - `graduation` publish time: 2026-11-12T19:00 → 2026-11-16T19:00
  - `volunteers` publish time: 2026-11-20T19:00 → 2026-11-22T19:00

**Process** (1)

- `write` effort: — → 3h

**Team** (1)

- `sara` hours a week: 10 → 2

**Budget** (2)

- `ads` amount: 6000\u{a0}SAR → 3000\u{a0}SAR
- `video` amount: 4000\u{a0}SAR → 7000\u{a0}SAR

"
    );
    let arabic = khairukum(
        d,
        &[
            "plan",
            "diff",
            "HEAD~1",
            "HEAD",
            "--lang",
            "ar",
            "--today",
            "2026-11-15",
        ],
    );
    let arabic = isolates_shown(&String::from_utf8(arabic.stdout).unwrap());
    for line in [
        "**أثر التغيير** ([9])",
        "- [`image/materials`] المستهدف يطلب الآن انخفاضًا عن خط الأساس [10] (إلى [5])، وكان يطلب ارتفاعًا (إلى [40])",
        "- [`reach`] الإنفاق على هذا الهدف: [6000\u{a0}SAR] ← [3000\u{a0}SAR]",
        "**الميزانية** ([2])",
    ] {
        assert!(arabic.contains(line), "{line} not in\n{arabic}");
    }
}

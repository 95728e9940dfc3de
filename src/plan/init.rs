//! `init`: a new plan repository that validates clean from its first commit —
//! a minimal bilingual plan, a CI workflow that checks it on every pull
//! request, a pre-commit hook, an `.editorconfig` and a README for the staff.

use crate::text::dates::Month;
use std::path::{Path, PathBuf};

/// Where plan repositories install khairukum from.
pub(crate) const REPOSITORY: &str = "https://github.com/khairukum/khairukum";
/// The Action plan repositories use (`action.yml` at the repository's root).
pub const ACTION: &str = "khairukum/khairukum";
/// The version of this tool, which the generated workflow and pre-commit
/// configuration pin, so a plan repository is checked by the tool it was
/// made with until someone changes the pin.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
/// What a new plan repository's workflow and pre-commit configuration pin
/// the Action and the hook to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pin {
    /// The git reference: a tag (`v0.1.0`) or a full commit id.
    pub reference: String,
    /// Whether the reference is this version's release tag; when it is not,
    /// the files say how to move to the release once there is one.
    pub released: bool,
}

impl Pin {
    /// The release tag of this version when this build is that release (or
    /// was built outside git, as a published package is), else the commit
    /// it was built from: a reference that resolves today and never moves.
    pub fn of_this_build() -> Pin {
        let commit = env!("KHAIRUKUM_GIT_COMMIT");
        if env!("KHAIRUKUM_RELEASED") == "1" || commit.len() != 40 {
            return Pin::given(&format!("v{VERSION}"));
        }
        Pin {
            reference: commit.to_string(),
            released: false,
        }
    }

    /// A reference chosen by the user (`init --pin`).
    pub fn given(reference: &str) -> Pin {
        Pin {
            reference: reference.to_string(),
            released: reference == format!("v{VERSION}"),
        }
    }

    /// The comment after a pin that is not the release: what it is and how
    /// to move to the release.
    fn note(&self) -> String {
        if self.released {
            String::new()
        } else {
            format!(" # not a release: {VERSION} is unreleased; once it is, use v{VERSION}")
        }
    }
}

/// `actions/checkout`, pinned to a commit (the tag it was moves no more).
const CHECKOUT: &str = "actions/checkout@d23441a48e516b6c34aea4fa41551a30e30af803 # v6.1.0";
/// The code scanning upload, pinned like the checkout.
const UPLOAD_SARIF: &str =
    "github/codeql-action/upload-sarif@8aad20d150bbac5944a9f9d289da16a4b0d87c1e # v4.36.2";

/// Why `init` did not write anything.
#[derive(Debug)]
pub enum InitError {
    /// These files exist already (and `--force` was not given).
    Exists(Vec<PathBuf>),
    Io(PathBuf, std::io::Error),
}

impl std::fmt::Display for InitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InitError::Exists(paths) => {
                write!(
                    f,
                    "not overwriting existing files (use --force to replace them): "
                )?;
                let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
                f.write_str(&shown.join(", "))
            }
            InitError::Io(path, e) => write!(f, "cannot write `{}`: {e}", path.display()),
        }
    }
}

impl std::error::Error for InitError {}

/// The files of a new plan repository, relative to its folder, for a plan
/// that starts in `month`.
pub fn files(month: Month, time_zone: chrono_tz::Tz, pin: &Pin) -> Vec<(String, String)> {
    let mut files = plan_files(month, time_zone);
    files.push(occasions_file(time_zone));
    files.push(calendar_file(month));
    files.extend(repository_files(pin));
    let mut out: Vec<(String, String)> = files
        .into_iter()
        .map(|(path, text)| {
            let text = with_schema_line(&path, text);
            (path, text)
        })
        .collect();
    // The schemas the plan files name, beside them, so that an editor checks
    // the files as staff type, offline and for this version of the tool.
    let schemas = crate::plan::schema::all();
    for (name, schema) in &schemas {
        if out.iter().any(|(path, _)| schema_of(path) == Some(*name)) {
            out.push((
                format!("schemas/{name}.schema.json"),
                crate::plan::schema::text(schema),
            ));
        }
    }
    out.extend(editor_settings(&out));
    out
}

/// The plan files of a new repository: the organisation, team, goals,
/// audience, platforms, process and policies.
fn plan_files(month: Month, time_zone: chrono_tz::Tz) -> Vec<(String, String)> {
    let end = Month {
        year: month.year + 1,
        month: month.month,
    }
    .previous();
    let files: Vec<(&str, String)> = vec![
        (
            "plans/plan.yaml",
            format!(
                "# The plan: organisation, period, time zone and working week — الخطة
organisation:
  name: {{ar: اسم الجمعية, en: The charity's name}}
period:
  start: {start}
  end: {end}
time_zone: {time_zone}
languages: [ar, en]
week_start: sunday
working_days: [sunday, monday, tuesday, wednesday, thursday]
working_hours: {{start: \"08:00\", end: \"16:00\"}}
",
                start = month.first_day(),
                end = end.last_day()
            ),
        ),
        (
            "plans/team.yaml",
            "# Roles and the people who hold them — الفريق والأدوار
roles:
  - id: media-officer
    name: {ar: مسؤول إعلامي, en: Media officer}
  - id: social-specialist
    name: {ar: أخصائي شبكات اجتماعية, en: Social networks specialist}
people:
  - id: officer
    name: {ar: المسؤول الإعلامي, en: The media officer}
    roles: [media-officer]
    hours_per_week: 10
  - id: specialist
    name: {ar: أخصائي الشبكات, en: The social networks specialist}
    roles: [social-specialist]
    hours_per_week: 20
"
            .to_string(),
        ),
        (
            "plans/goals.yaml",
            format!(
                "# Strategic goals and the KPIs that measure them — الأهداف ومؤشرات الأداء
goals:
  - id: reach-audiences
    name: {{ar: تحقيق التواصل الفعّال مع الجماهير, en: Effective communication with audiences}}
    kpis:
      - id: followers
        name: {{ar: عدد المتابعين, en: Number of followers}}
        metric: followers_total
        direction: increase
        period: month
        baseline: {{value: 1000, at: {start}}}
        target: {{value: 2000, by: {end}}}
",
                start = month.first_day(),
                end = end.last_day()
            ),
        ),
    ];
    let mut files: Vec<(String, String)> =
        files.into_iter().map(|(p, t)| (p.to_string(), t)).collect();
    files.extend(working_files());
    files
}

/// The plan files of how the unit works: audience, platforms, process
/// and policies.
fn working_files() -> Vec<(String, String)> {
    let files: Vec<(&str, String)> = vec![
        (
            "plans/audience.yaml",
            "# Who the content is for — الجمهور المستهدف
segments:
  - id: donors
    name: {ar: المتبرعون, en: Donors}
    platforms: [x, instagram]
"
            .to_string(),
        ),
        (
            "plans/platforms.yaml",
            "# Platforms in use and their focus shares (percent, adding up to 100) — المنصات
platforms:
  - id: x
    kind: x
    handle: \"@your_account\"
    focus: 60
  - id: instagram
    kind: instagram
    handle: \"@your_account\"
    focus: 40
"
            .to_string(),
        ),
        (
            "plans/process.yaml",
            "# The process: stages in order, each broken into owned steps — العمليات
stages:
  - id: prepare
    name: {ar: إعداد المحتوى, en: Prepare the content}
    steps:
      - id: write
        name: {ar: كتابة النص, en: Write the text}
        owner: role:social-specialist
        per: content
        due: -3d
        done_when: drafted
  - id: approval
    name: {ar: اعتماد المحتوى, en: Approve the content}
    steps:
      - id: approve
        name: {ar: اعتماد المادة, en: Approve the item}
        owner: role:media-officer
        per: content
        after: [write]
        due: -2d
        done_when: approved
  - id: publishing
    name: {ar: النشر, en: Publish}
    steps:
      - id: publish
        name: {ar: نشر المادة وتسجيل روابطها, en: Publish and record the links}
        owner: role:social-specialist
        per: content
        after: [approve]
        due: +1h
        done_when: published
"
            .to_string(),
        ),
        (
            "plans/policies.yaml",
            "# Publishing standards the validator enforces — سياسات النشر
hashtags:
  max_per_post: 3
banned_words: []
response_time:
  promise: 4h
  clock: working-hours
"
            .to_string(),
        ),
    ];
    files.into_iter().map(|(p, t)| (p.to_string(), t)).collect()
}

/// The occasions: the Islamic ones and the UN days, and the national days
/// of the country whose time zone the plan keeps, when the catalog has it.
fn occasions_file(time_zone: chrono_tz::Tz) -> (String, String) {
    let country = match time_zone.name() {
        "Asia/Riyadh" => Some("sa"),
        "Asia/Dubai" => Some("ae"),
        "Asia/Kuwait" => Some("kw"),
        "Asia/Qatar" => Some("qa"),
        "Asia/Bahrain" => Some("bh"),
        "Asia/Muscat" => Some("om"),
        "Asia/Amman" => Some("jo"),
        "Africa/Cairo" => Some("eg"),
        _ => None,
    };
    let sets = match country {
        Some(code) => format!("[islamic, {code}, un]"),
        None => "[islamic, un]".to_string(),
    };
    (
        "plans/occasions.yaml".to_string(),
        format!(
            "# The occasions the plan keeps, marks and adds — المناسبات
# (`khairukum occasions` lists them; docs/occasions.md)
sets: {sets}
# The occasions to prepare for; `plan validate` warns when one draws near
# with nothing planned. For example:
#   - occasion: ramadan
#     lead: 45d      # plan something for it at least this long before
#     run_up: 14d    # its items may go out this long before it
mark: []
own: []
"
        ),
    )
}

/// The first month of the calendar, with two items to start from.
fn calendar_file(month: Month) -> (String, String) {
    (
        format!("plans/calendar/{month}.yaml"),
        format!(
            "# Content calendar for {month} — تقويم المحتوى
month: {month}
status: drafted
items:
  - id: {month}-welcome
    title: {{ar: أهلاً بكم في حساباتنا, en: Welcome to our accounts}}
    publish: {first}T19:00
    platforms: [x, instagram]
    goal: reach-audiences
    audience: donors
    format: image
    owner: specialist
    status: idea
  - id: {month}-impact
    title: {{ar: أثر تبرعاتكم بالأرقام, en: Your giving in numbers}}
    publish: {second}T19:00
    platforms: [x]
    goal: reach-audiences
    audience: donors
    format: infographic
    owner: specialist
    status: idea
",
            first = month.first_day() + chrono::TimeDelta::days(14),
            second = month.first_day() + chrono::TimeDelta::days(24),
        ),
    )
}

/// The repository around the plan: CI workflow, pre-commit, editor
/// settings, `.gitignore` and the staff's README.
fn repository_files(pin: &Pin) -> Vec<(String, String)> {
    let (reference, note) = (&pin.reference, pin.note());
    let files: Vec<(&str, String)> = vec![
        (
            ".github/workflows/plan.yml",
            format!(
                "# Checks the plan on every pull request: problems appear on the changed
# lines, the job summary and one comment say what the change does to the
# plan (in the plan's first language), and code scanning keeps the findings.
name: plan
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
  pull-requests: write   # the comment; a pull request from a fork gets read-only, and the summary still works
  security-events: write # the SARIF upload to code scanning
jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: {CHECKOUT}
      - uses: {ACTION}@{reference}{note}
        with:
          plan: plans
          comment: true
          sarif: plan.sarif
      - uses: {UPLOAD_SARIF}
        if: always() && (github.event_name == 'push' || github.event.pull_request.head.repo.full_name == github.repository)
        with:
          sarif_file: plan.sarif
          category: khairukum
"
            ),
        ),
        (
            ".pre-commit-config.yaml",
            format!(
                "# Checks the plan before each commit: `pip install pre-commit && pre-commit install`.
repos:
  - repo: {REPOSITORY}
    rev: {reference}{note}
    hooks:
      - id: khairukum-validate
"
            ),
        ),
    ];
    let mut files: Vec<(String, String)> =
        files.into_iter().map(|(p, t)| (p.to_string(), t)).collect();
    files.extend(staff_files());
    files
}

/// What staff and their editors read: `.editorconfig`, `.gitignore`
/// and the README.
fn staff_files() -> Vec<(String, String)> {
    let files: Vec<(&str, String)> = vec![
        (
            ".editorconfig",
            "root = true

[*]
charset = utf-8
end_of_line = lf
insert_final_newline = true
trim_trailing_whitespace = true

[*.{yaml,yml}]
indent_style = space
indent_size = 2
"
            .to_string(),
        ),
        (
            ".gitignore",
            "# The platforms' exports hold people's names, messages and, for donations,
# e-mail addresses: they stay on the machine that measures, never in the
# repository. khairukum reads them from here all the same.
/plans/exports/
/exports/
# Reports and workbooks are made from the plan; make them again.
*.xlsx
report*.html
"
            .to_string(),
        ),
        (
            "README.md",
            "# خطة الإعلام الاجتماعي — our social media plan

The plan lives in `plans/` as YAML files; every change goes through a pull
request, and the check `khairukum plan validate` runs on each one.

الخطة في مجلد `plans/`، وكل تعديل يمر بطلب دمج يُفحص تلقائياً.

- `plans/plan.yaml` — the organisation, the plan period, the working week
- `plans/team.yaml` — roles and people
- `plans/goals.yaml` — goals and KPIs with baselines and targets
- `plans/audience.yaml`, `plans/platforms.yaml` — who we speak to, and where
- `plans/process.yaml` — the steps of our work, each with an owner
- `plans/policies.yaml` — our publishing standards
- `plans/calendar/YYYY-MM.yaml` — the content calendar, one file a month

Every morning: `khairukum tasks --owner <your id or name> --week`.
Every month: `khairukum report --month YYYY-MM` with the platforms' exports in `plans/exports/`,
which `.gitignore` keeps out of the repository: exports hold people's names, messages
and, for donations, e-mail addresses (البيانات الشخصية لا تُرفع إلى المستودع).
Add `--lang ar` to any command for Arabic messages and headings (للرسائل بالعربية).
"
            .to_string(),
        ),
    ];
    files.into_iter().map(|(p, t)| (p.to_string(), t)).collect()
}

/// VS Code's settings for the repository: the YAML extension recommended,
/// and each plan file mapped to its schema, so a calendar month added
/// without the schema line is checked too.
fn editor_settings(files: &[(String, String)]) -> [(String, String); 2] {
    let mut map = serde_json::Map::new();
    for (path, _) in files {
        let Some(name) = path
            .strip_prefix("schemas/")
            .and_then(|p| p.strip_suffix(".schema.json"))
        else {
            continue;
        };
        let pattern = match name {
            "calendar" => "plans/calendar/*.yaml".to_string(),
            "records" => "plans/measures/*.yaml".to_string(),
            other => format!("plans/{other}.yaml"),
        };
        map.insert(format!("./{path}"), serde_json::json!([pattern]));
    }
    let settings = serde_json::json!({
        "yaml.schemas": map,
        "files.encoding": "utf8",
    });
    let extensions = serde_json::json!({"recommendations": ["redhat.vscode-yaml"]});
    let pretty = |v: &serde_json::Value| {
        serde_json::to_string_pretty(v).expect("JSON values serialise") + "\n"
    };
    [
        (".vscode/settings.json".to_string(), pretty(&settings)),
        (".vscode/extensions.json".to_string(), pretty(&extensions)),
    ]
}

/// The schema a plan file is checked against: its stem, `calendar` for a
/// month of the calendar.
fn schema_of(path: &str) -> Option<&str> {
    let inside = path.strip_prefix("plans/")?.strip_suffix(".yaml")?;
    Some(if inside.starts_with("calendar/") {
        "calendar"
    } else {
        inside
    })
}

/// A plan file's text, opening with the line that tells the editor's YAML
/// language server its schema (`../schemas/goals.schema.json`).
fn with_schema_line(path: &str, text: String) -> String {
    let Some(name) = schema_of(path) else {
        return text;
    };
    let up = "../".repeat(path.matches('/').count());
    format!("# yaml-language-server: $schema={up}schemas/{name}.schema.json\n{text}")
}

/// Writes a new plan repository into `dir`; returns the files written.
/// Refuses (writing nothing) when any of them exists, unless `force`.
pub fn scaffold(
    dir: &Path,
    month: Month,
    time_zone: chrono_tz::Tz,
    pin: &Pin,
    force: bool,
) -> Result<Vec<PathBuf>, InitError> {
    let files = files(month, time_zone, pin);
    let existing: Vec<PathBuf> = files
        .iter()
        .map(|(path, _)| dir.join(path))
        .filter(|p| p.exists())
        .collect();
    if !existing.is_empty() && !force {
        return Err(InitError::Exists(existing));
    }
    let mut written = Vec::new();
    for (path, text) in files {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| InitError::Io(parent.to_path_buf(), e))?;
        }
        crate::output::write_atomic(&target, |w| w.write_all(text.as_bytes()))
            .map_err(|e| InitError::Io(target.clone(), e))?;
        written.push(target);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A new plan of December 2026 in `dir`, for Riyadh, pinned as built.
    fn scaffold_in(dir: &Path, force: bool) -> Result<Vec<PathBuf>, InitError> {
        let month = Month {
            year: 2026,
            month: 12,
        };
        scaffold(
            dir,
            month,
            chrono_tz::Asia::Riyadh,
            &Pin::of_this_build(),
            force,
        )
    }

    /// Each plan file names its schema, and the schema is written beside the plan.
    fn assert_schemas_beside(dir: &Path) {
        let goals = std::fs::read_to_string(dir.join("plans/goals.yaml")).unwrap();
        assert!(
            goals.starts_with("# yaml-language-server: $schema=../schemas/goals.schema.json\n")
        );
        let calendar = std::fs::read_to_string(dir.join("plans/calendar/2026-12.yaml")).unwrap();
        assert!(
            calendar.starts_with(
                "# yaml-language-server: $schema=../../schemas/calendar.schema.json\n"
            )
        );
        let names = [
            "plan",
            "team",
            "goals",
            "audience",
            "platforms",
            "process",
            "policies",
            "occasions",
            "calendar",
        ];
        for name in names {
            let path = dir.join(format!("schemas/{name}.schema.json"));
            let schema: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let file = if name == "calendar" {
                "calendar/YYYY-MM.yaml".to_string()
            } else {
                format!("{name}.yaml")
            };
            assert_eq!(schema["title"], format!("khairukum {file}"));
        }
        assert!(!dir.join("schemas/measures.schema.json").exists());
    }

    #[test]
    fn a_new_plan_validates_clean_and_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let written = scaffold_in(dir.path(), false).unwrap();
        let month = Month {
            year: 2026,
            month: 12,
        };
        assert_eq!(
            written.len(),
            files(month, chrono_tz::Asia::Riyadh, &Pin::of_this_build()).len()
        );
        assert_schemas_beside(dir.path());
        let validation = crate::plan::validate::validate(&dir.path().join("plans"), None).unwrap();
        assert!(
            validation.diagnostics.is_empty(),
            "{:#?}",
            validation.diagnostics
        );
        assert_eq!(validation.files, 9);
        match scaffold_in(dir.path(), false) {
            Err(InitError::Exists(paths)) => assert_eq!(paths.len(), written.len()),
            other => panic!("{other:?}"),
        }
        assert!(scaffold_in(dir.path(), true).is_ok());
    }
}

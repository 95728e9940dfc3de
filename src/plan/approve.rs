//! `approve`: the approval of the plan, or of one month's calendar, written
//! on record (`approved: {by, on, note}`) in its file, as KH082 and the
//! plan book read it. Only the `approved:` line (and a month's `status:`,
//! when it was not yet approved) changes; the edit is checked against the
//! rules before anything is written.

use super::edit::{self, Edited};
use super::load::{LoadError, LoadedPlan};
use super::model::calendar::Status;
use crate::t;
use crate::text::dates::Month;
use crate::text::i18n::Msg;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// What is approved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Plan,
    Month(Month),
}

/// An approval to record.
#[derive(Debug, Clone)]
pub struct Approval {
    pub target: Target,
    /// A person of `team.yaml`, by id.
    pub by: String,
    /// The day, as the plan reads it (`2026-11-28`, `1448-05-07 AH`).
    pub on: String,
    pub note: Option<String>,
}

/// Why an approval was not recorded.
#[derive(Debug)]
pub enum Refused {
    Load(LoadError),
    /// A message for the person who asked.
    Said(Msg),
    /// The edit would leave these new problems (rendered by the caller).
    NewProblems(super::validate::Validation),
}

/// The edit that records `approval` in the plan folder `dir`: the file,
/// its text before and after. Nothing is written.
pub fn plan_edit(dir: &Path, approval: &Approval) -> Result<(PathBuf, Edited), Refused> {
    let loaded = super::load::load(dir).map_err(Refused::Load)?;
    check_person(&loaded, &approval.by)?;
    let (file, month_status) = file_of(&loaded, approval.target)?;
    let shown = loaded.sources.get(file).path.clone();
    let path = PathBuf::from(&shown);
    let before = std::fs::read_to_string(&path)
        .map_err(|e| Refused::Said(t!("cannot-read-file", error = e)))?;
    let mut after = edit::set_top_level(
        &before,
        "approved",
        &signoff(approval),
        &["status", "month", "organisation", "period"],
    );
    // A month's calendar not yet approved is, now.
    if month_status.is_some_and(|s| s < Status::Approved) {
        after = edit::set_top_level(&after, "status", "status: approved", &["month"]);
    }
    Ok((
        path,
        Edited {
            shown,
            before,
            after,
        },
    ))
}

/// `approved: {by: khalid, on: 2026-11-28, note: "…"}`.
fn signoff(approval: &Approval) -> String {
    let mut line = format!(
        "approved: {{by: {}, on: {}",
        edit::scalar(&approval.by),
        approval.on.trim()
    );
    if let Some(note) = &approval.note {
        line.push_str(", note: ");
        line.push_str(&edit::scalar(note));
    }
    line.push('}');
    line
}

/// A person of the team, or the message naming those there are.
fn check_person(loaded: &LoadedPlan, by: &str) -> Result<(), Refused> {
    let people: Vec<&str> = loaded
        .plan
        .team
        .iter()
        .flat_map(|t| &t.data.people)
        .map(|p| p.id.value.as_str())
        .collect();
    if people.contains(&by) {
        return Ok(());
    }
    Err(Refused::Said(t!(
        "approve.unknown-person",
        by = by,
        people = people.join(", ")
    )))
}

/// The file an approval of `target` goes in, and a month's status.
fn file_of(
    loaded: &LoadedPlan,
    target: Target,
) -> Result<(super::source::FileId, Option<Status>), Refused> {
    match target {
        Target::Plan => loaded
            .plan
            .settings
            .as_ref()
            .map(|s| (s.file, None))
            .ok_or_else(|| Refused::Said(t!("approve.no-plan-file"))),
        Target::Month(month) => loaded
            .plan
            .months
            .iter()
            .find(|m| m.data.file_month == Some(month))
            .map(|m| {
                (
                    m.file,
                    m.data.status.as_ref().and_then(|s| s.get()).copied(),
                )
            })
            .ok_or_else(|| Refused::Said(t!("approve.no-month", month = month))),
    }
}

/// Checks `edited` against the rules in a copy of the plan folder `dir`:
/// the problems it would add, if any. The folder itself is not touched.
pub fn new_problems(
    dir: &Path,
    path: &Path,
    edited: &Edited,
    today: Option<NaiveDate>,
) -> Result<(), Refused> {
    let copy = tempfile::tempdir().map_err(|e| Refused::Said(t!("cannot-read-file", error = e)))?;
    copy_plan(dir, copy.path()).map_err(|e| Refused::Said(t!("cannot-read-file", error = e)))?;
    let relative = path.strip_prefix(dir).unwrap_or(path);
    std::fs::write(copy.path().join(relative), &edited.after)
        .map_err(|e| Refused::Said(t!("cannot-read-file", error = e)))?;
    let before = super::validate::validate(dir, today).map_err(Refused::Load)?;
    let mut after = super::validate::validate(copy.path(), today).map_err(Refused::Load)?;
    let key = |sources: &super::source::Sources, d: &super::diagnostic::Diagnostic, root: &Path| {
        let file = d
            .span
            .map(|s| sources.get(s.file).path.clone())
            .unwrap_or_default();
        let file = Path::new(&file)
            .strip_prefix(root)
            .map_or(file.clone(), |p| p.to_string_lossy().into_owned());
        (d.rule.code, file, d.message.clone())
    };
    let known: Vec<_> = before
        .diagnostics
        .iter()
        .map(|d| key(&before.sources, d, dir))
        .collect();
    after
        .diagnostics
        .retain(|d| !known.contains(&key(&after.sources, d, copy.path())));
    if after.diagnostics.is_empty() {
        return Ok(());
    }
    // Shown where they will be: in the plan folder, not the copy.
    let shown = |p: &Path| p.to_string_lossy().replace('\\', "/");
    after.sources.reroot(&shown(copy.path()), &shown(dir));
    Err(Refused::NewProblems(after))
}

/// The plan's files, copied into `to` (its exports and hidden folders are
/// not plan files).
fn copy_plan(from: &Path, to: &Path) -> std::io::Result<()> {
    for entry in walkdir::WalkDir::new(from)
        .min_depth(1)
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            !(name.starts_with('.') || e.depth() == 1 && name == "exports")
        })
    {
        let entry = entry.map_err(std::io::Error::other)?;
        let target = to.join(entry.path().strip_prefix(from).unwrap_or(entry.path()));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target)?;
        } else if entry.file_type().is_file() {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

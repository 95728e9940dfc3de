//! `approve`: the approval of the plan, or of one month's calendar, written
//! on record (`approved: {by, on, note}`) in its file, as KH082 and the
//! plan book read it. Only the `approved:` line (and a month's `status:`,
//! when it was not yet approved) changes; the edit is checked against the
//! rules before anything is written.

use super::edit::{self, Edited, Refused};
use super::load::LoadedPlan;
use super::model::calendar::Status;
use crate::t;
use crate::text::dates::Month;

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
    /// A person of `team.yaml`: an id, or a name as `tasks --owner` takes it.
    pub by: String,
    /// The day, as the plan reads it (`2026-11-28`, `1448-05-07 AH`).
    pub on: String,
    pub note: Option<String>,
}

/// The edit that records `approval` in the plan folder `dir`: the file,
/// its text before and after. Nothing is written.
pub fn plan_edit(dir: &Path, approval: &Approval) -> Result<(PathBuf, Edited), Refused> {
    let loaded = super::load::load(dir).map_err(Refused::Load)?;
    let by = person_id(&loaded, &approval.by)?;
    let (file, month_status) = file_of(&loaded, approval.target)?;
    let (path, mut edited) = Edited::read(&loaded.sources, file)?;
    edited.after = edit::set_top_level(
        &edited.before,
        "approved",
        &signoff(&by, approval),
        &["status", "month", "organisation", "period"],
    );
    // A month's calendar not yet approved is, now.
    if month_status.is_some_and(|s| s < Status::Approved) {
        edited.after = edit::set_top_level(&edited.after, "status", "status: approved", &["month"]);
    }
    Ok((path, edited))
}

/// `approved: {by: khalid, on: 2026-11-28, note: "…"}`.
fn signoff(by: &str, approval: &Approval) -> String {
    let mut line = format!(
        "approved: {{by: {}, on: {}",
        edit::scalar(by),
        approval.on.trim()
    );
    if let Some(note) = &approval.note {
        line.push_str(", note: ");
        line.push_str(&edit::scalar(note));
    }
    line.push('}');
    line
}

/// The id of the person `by` names (an id, or a name in Arabic or English
/// as `tasks --owner` takes it), or the message saying who there is.
fn person_id(loaded: &LoadedPlan, by: &str) -> Result<String, Refused> {
    use super::model::team::Lookup;
    let team = loaded.plan.team.as_ref().map(|t| &t.data);
    let found = team.map(|t| t.find_person(by));
    if let Some(Lookup::Found(person)) = found {
        return Ok(person.id.value.clone());
    }
    let people: Vec<&str> = team
        .iter()
        .flat_map(|t| &t.people)
        .map(|p| p.id.value.as_str())
        .collect();
    Err(Refused::Said(match found {
        Some(Lookup::Ambiguous(several)) => t!(
            "approve.ambiguous-person",
            by = by,
            people = several
                .iter()
                .map(|p| p.id.value.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        _ => t!(
            "approve.unknown-person",
            by = by,
            people = people.join(", ")
        ),
    }))
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

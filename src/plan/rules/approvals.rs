//! Approvals on record: the plan's (`approved:` in `plan.yaml`) and each
//! month's calendar's (`approved:` in its file) name a person of the team.
//! Once the plan is approved on record, the months' calendars are expected
//! to be too: an item scheduled or published in a month whose calendar is
//! not approved, or published before the day it was, is a warning.

use super::Context;
use super::ids::{IdKind, expect};
use crate::plan::diagnostic::{Diagnostic, Span};
use crate::plan::model::calendar::{CalendarMonth, Status};
use crate::plan::rules::catalog as rule;
use crate::plan::source::FileId;
use crate::t;

/// The plan's approval names a person.
pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    if let Some(settings) = &cx.plan.settings
        && let Some(approved) = &settings.data.approved
    {
        expect(cx, out, settings.file, &approved.by, IdKind::Person);
    }
}

/// A month's approval names a person; once the plan is approved on record,
/// nothing of the month goes out before its calendar is approved.
pub(super) fn check_month(
    cx: &Context,
    file: FileId,
    month: &CalendarMonth,
    out: &mut Vec<Diagnostic>,
) {
    if let Some(approved) = &month.approved {
        expect(cx, out, file, &approved.by, IdKind::Person);
    }
    let plan_approved = cx
        .plan
        .settings
        .as_ref()
        .is_some_and(|s| s.data.approved.is_some());
    if !plan_approved {
        return;
    }
    let shown = month
        .planned_month()
        .map_or_else(String::new, |m| m.to_string());
    let going_out =
        |status: Option<&Status>| matches!(status, Some(Status::Scheduled | Status::Published));
    match &month.approved {
        None => {
            let out_items: Vec<_> = month
                .items
                .iter()
                .filter(|i| going_out(i.status.get()))
                .collect();
            if let Some(first) = out_items.first() {
                out.push(
                    Diagnostic::new(
                        &rule::CALENDAR_NOT_APPROVED,
                        t!(
                            "calendar-not-approved",
                            month = &shown,
                            item = &first.id.value,
                            status = &first.status.raw,
                            n = out_items.len()
                        ),
                    )
                    .at(Span::from_yaml(file, &first.status.at))
                    .help(t!("calendar-not-approved.help")),
                );
            }
        }
        Some(approved) => {
            let Some(on) = approved.on.get() else { return };
            let early = month.items.iter().find(|i| {
                i.status.get() == Some(&Status::Published)
                    && i.publish.get().is_some_and(|t| t.date() < *on)
            });
            if let Some(item) = early {
                out.push(
                    Diagnostic::new(
                        &rule::CALENDAR_NOT_APPROVED,
                        t!(
                            "published-before-approval",
                            item = &item.id.value,
                            publish = item
                                .publish
                                .get()
                                .map_or_else(String::new, |t| t.date().to_string()),
                            month = &shown,
                            on = on
                        ),
                    )
                    .at(Span::from_yaml(file, &item.publish.at))
                    .help(t!("published-before-approval.help")),
                );
            }
        }
    }
}

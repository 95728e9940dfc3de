//! Checks of meaning across the plan's files, one module per family. Each
//! family reads the [`Plan`] and pushes [`Diagnostic`]s; none stops the others.

mod calendar;
pub mod catalog;
mod content;
mod fields;
mod goals;
mod ids;
mod platforms;
mod process;
mod workload;

use crate::plan::diagnostic::{Diagnostic, Span};
use crate::plan::model::{Id, Plan};
use crate::plan::source::FileId;
pub use ids::{IdKind, Index};

/// What every rule family reads: the plan and its id index.
pub struct Context<'a> {
    pub plan: &'a Plan,
    pub index: Index<'a>,
}

/// A rule family: reads the plan, pushes findings.
type Family = fn(&Context, &mut Vec<Diagnostic>);

/// The plan-wide families, heaviest first so that they spread well over threads.
const FAMILIES: &[Family] = &[
    workload::check,
    calendar::check,
    ids::check_references,
    fields::check,
    process::check,
    goals::check,
    platforms::check,
    platforms::emails,
];

/// Runs every rule over a loaded plan, on all cores.
pub fn check(plan: &Plan) -> Vec<Diagnostic> {
    let mut out = check_plan_wide(plan);
    for month in &plan.months {
        out.extend(check_month(plan, month.file, &month.data));
    }
    out
}

/// The rules that read one calendar month and the plan-wide files only
/// (post texts against limits and policies). The loader can run them as
/// each month is read.
pub(crate) fn check_month(
    plan: &Plan,
    file: crate::plan::source::FileId,
    month: &crate::plan::model::calendar::CalendarMonth,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    content::check_month(plan, file, month, &mut out);
    out
}

/// Today in the plan's time zone.
pub fn today_in(plan: &Plan) -> chrono::NaiveDate {
    chrono::Utc::now()
        .with_timezone(&plan.time_zone())
        .date_naive()
}

/// The rules that depend on the day: an item marked published after it.
pub fn check_as_of(plan: &Plan, today: chrono::NaiveDate) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    calendar::published_in_future(plan, today, &mut out);
    out
}

/// Every rule except those of [`check_month`] and [`check_as_of`].
pub(crate) fn check_plan_wide(plan: &Plan) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let index = ids::build(plan, &mut out);
    let cx = Context { plan, index };
    for found in crate::parallel::map(FAMILIES, |family| {
        let mut out = Vec::new();
        family(&cx, &mut out);
        out
    }) {
        out.extend(found);
    }
    out
}

/// The span of a located value in `file`.
pub(crate) fn span(file: FileId, id: &Id) -> Span {
    Span::from_yaml(file, &id.referenced)
}

/// Formats a number without a trailing `.0` (and at most two decimals).
pub fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        let s = format!("{value:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

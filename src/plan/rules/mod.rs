//! Checks of meaning across the plan's files, one module per family. Each
//! family reads the [`Plan`] and pushes [`Diagnostic`]s; none stops the others.
//!
//! The rules run in three parts, so that `plan validate` can check each
//! calendar month as it is read and then let it go: the plan-wide files
//! ([`Context::check_files`]), each month against them
//! ([`Context::check_month`], which keeps the month's [`MonthFacts`]), and
//! the rules that need the whole calendar, on those facts
//! ([`Context::check_calendar`]).

mod approvals;
mod budget;
mod calendar;
pub mod catalog;
mod content;
pub(crate) mod facts;
mod fields;
mod goals;
mod ids;
mod measures;
mod occasions;
mod platforms;
mod process;
mod strategy;
mod workload;

use crate::plan::diagnostic::{Diagnostic, Span};
use crate::plan::model::calendar::CalendarMonth;
use crate::plan::model::{Id, Plan};
use crate::plan::source::FileId;
use crate::plan::tasks::Deriver;
pub(crate) use facts::MonthFacts;
pub use ids::{IdKind, Index};

/// What every rule family reads: the plan (its plan-wide files at least),
/// the index of their ids, and the process read for deriving tasks.
pub struct Context<'a> {
    pub plan: &'a Plan,
    pub index: Index<'a>,
    pub(crate) tasks: Deriver<'a>,
    pub(crate) people: Option<crate::plan::workload::People<'a>>,
}

/// A family of the plan-wide files: reads them, pushes findings.
type Family = fn(&Context, &mut Vec<Diagnostic>);

/// The plan-wide families, heaviest first so that they spread well over threads.
const FAMILIES: &[Family] = &[
    ids::check_references,
    fields::check,
    process::check,
    goals::check,
    measures::check,
    budget::check,
    approvals::check,
    strategy::check,
    occasions::check,
    platforms::check,
    platforms::emails,
    workload::capacity_above_zero,
];

impl<'a> Context<'a> {
    /// Indexes the plan-wide files' ids (reporting those defined twice).
    pub(crate) fn new(plan: &'a Plan) -> (Context<'a>, Vec<Diagnostic>) {
        let mut found = Vec::new();
        let index = ids::build(plan, &mut found);
        let cx = Context {
            plan,
            index,
            tasks: Deriver::new(plan, std::collections::HashMap::new()),
            people: plan
                .team
                .as_ref()
                .map(|t| crate::plan::workload::People::of(&t.data)),
        };
        (cx, found)
    }

    /// The rules of the plan-wide files, on all cores.
    pub(crate) fn check_files(&self) -> Vec<Diagnostic> {
        crate::parallel::map(FAMILIES, |family| {
            let mut out = Vec::new();
            family(self, &mut out);
            out
        })
        .into_iter()
        .flatten()
        .collect()
    }

    /// The rules of one calendar month (given `today`, also the items
    /// marked published against it); what the whole-calendar rules need of
    /// the month is returned.
    pub(crate) fn check_month(
        &self,
        file: FileId,
        month: &CalendarMonth,
        today: Option<chrono::NaiveDate>,
        out: &mut Vec<Diagnostic>,
    ) -> MonthFacts {
        self.check_items(file, month, today, out);
        workload::mix_month(self, file, month, out);
        facts::of_month(self, file, month)
    }

    /// The rules of one calendar item at a time, over a month's items:
    /// all a month whose other items miss a field is checked by, since the
    /// rules of the month as a whole (its platform mix, its share of the
    /// calendar) would count without the items left out.
    pub(crate) fn check_items(
        &self,
        file: FileId,
        month: &CalendarMonth,
        today: Option<chrono::NaiveDate>,
        out: &mut Vec<Diagnostic>,
    ) {
        content::check_month(self.plan, file, month, out);
        calendar::check_month(self, file, month, today, out);
        approvals::check_month(self, file, month, out);
        ids::check_item_references(self, file, month, out);
        fields::check_month(file, month, out);
        occasions::check_month(self, file, month, out);
    }

    /// The rules that need the whole calendar, on what each month left
    /// (`complete`: every month of the calendar was read), and given
    /// `today` those that depend on the day (an occasion drawing near).
    pub(crate) fn check_calendar(
        &self,
        months: &[MonthFacts],
        complete: bool,
        today: Option<chrono::NaiveDate>,
        out: &mut Vec<Diagnostic>,
    ) {
        ids::duplicate_items(self, months, out);
        workload::calendar_wide(self, months, complete, out);
        if let (true, Some(today)) = (complete, today) {
            let tagged: Vec<(&str, chrono::NaiveDate)> = months
                .iter()
                .flat_map(|m| &m.occasions)
                .map(|(id, day)| (&**id, *day))
                .collect();
            occasions::unplanned(self, &tagged, today, out);
        }
    }
}

/// Runs every rule over a loaded plan, on all cores.
pub fn check(plan: &Plan) -> Vec<Diagnostic> {
    check_on(plan, None)
}

/// [`check`], and given `today` also the rules that depend on the day (an
/// item marked published after it).
pub fn check_on(plan: &Plan, today: Option<chrono::NaiveDate>) -> Vec<Diagnostic> {
    let (cx, mut out) = Context::new(plan);
    out.extend(cx.check_files());
    let checked = crate::parallel::map(&plan.months, |month| {
        let mut found = Vec::new();
        let facts = cx.check_month(month.file, &month.data, today, &mut found);
        (found, facts)
    });
    for month in &plan.partial_months {
        cx.check_items(month.file, &month.data, today, &mut out);
    }
    let mut months = Vec::with_capacity(checked.len());
    for (found, facts) in checked {
        out.extend(found);
        months.push(facts);
    }
    cx.check_calendar(&months, !plan.months_left_unread, today, &mut out);
    out
}

/// Today in the plan's time zone.
pub fn today_in(plan: &Plan) -> chrono::NaiveDate {
    chrono::Utc::now()
        .with_timezone(&plan.time_zone())
        .date_naive()
}

/// The rules that depend on the day: an item marked published after it,
/// an occasion drawing near with nothing planned.
pub fn check_as_of(plan: &Plan, today: chrono::NaiveDate) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for month in &plan.months {
        calendar::published_in_future(month.file, &month.data, today, &mut out);
    }
    if !plan.months_left_unread {
        let (cx, _) = Context::new(plan);
        let cancelled = Some(&crate::plan::model::calendar::Status::Cancelled);
        let tagged: Vec<(&str, chrono::NaiveDate)> = plan
            .items()
            .filter(|(_, i)| i.status.get() != cancelled)
            .filter_map(|(_, i)| {
                Some((i.occasion.as_ref()?.value.as_str(), i.publish.get()?.date()))
            })
            .collect();
        occasions::unplanned(&cx, &tagged, today, &mut out);
    }
    out
}

/// The span of a located value in `file`.
pub(crate) fn span(file: FileId, id: &Id) -> Span {
    Span::from_yaml(file, &id.at)
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

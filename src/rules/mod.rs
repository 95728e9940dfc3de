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

use crate::diagnostic::{Diagnostic, FileId, Span};
use crate::model::{Id, Plan};
pub use ids::{IdKind, Index};

/// What every rule family gets: the plan, its id index, and where to report.
pub struct Context<'a> {
    pub plan: &'a Plan,
    pub index: Index<'a>,
    pub out: Vec<Diagnostic>,
}

impl<'a> Context<'a> {
    pub fn report(&mut self, diagnostic: Diagnostic) {
        self.out.push(diagnostic);
    }
}

/// Runs every rule family over a loaded plan.
pub fn check(plan: &Plan) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let index = ids::build(plan, &mut out);
    let mut cx = Context { plan, index, out };
    fields::check(&mut cx);
    ids::check_references(&mut cx);
    platforms::check(&mut cx);
    goals::check(&mut cx);
    calendar::check(&mut cx);
    process::check(&mut cx);
    content::check(&mut cx);
    workload::check(&mut cx);
    cx.out
}

/// The span of a located value in `file`.
pub(crate) fn span(file: FileId, id: &Id) -> Span {
    Span::from_yaml(file, &id.referenced)
}

/// Formats a number of percentage points without a trailing `.0`.
pub(crate) fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        let s = format!("{value:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

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

/// What every rule family reads: the plan and its id index.
pub struct Context<'a> {
    pub plan: &'a Plan,
    pub index: Index<'a>,
}

/// A rule family: reads the plan, pushes findings.
type Family = fn(&Context, &mut Vec<Diagnostic>);

/// The families, heaviest first so that they spread well over threads.
const FAMILIES: &[Family] = &[
    content::check,
    workload::check,
    calendar::check,
    ids::check_references,
    fields::check,
    process::check,
    goals::check,
    platforms::check,
];

/// Runs every rule family over a loaded plan, on all cores.
pub fn check(plan: &Plan) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let index = ids::build(plan, &mut out);
    let cx = Context { plan, index };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(FAMILIES.len());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut found: Vec<(usize, Vec<Diagnostic>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(family) = FAMILIES.get(i) else {
                            break done;
                        };
                        let mut out = Vec::new();
                        family(&cx, &mut out);
                        done.push((i, out));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("rule family panicked"))
            .collect()
    });
    found.sort_by_key(|(i, _)| *i);
    out.extend(found.into_iter().flat_map(|(_, d)| d));
    out
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

//! The almanac: the occasions of a period with what the plan does for
//! each (`khairukum occasions`), and a month of the content calendar as
//! a grid with both calendars' days and the occasions marked
//! (`khairukum calendar --month`, the plan book).

pub mod grid;
pub mod list;

use crate::plan::model::Plan;
use crate::plan::model::calendar::{Item, Status};
use crate::plan::occasions::{self, Definition, Marked, Occurrence};
use chrono::NaiveDate;

/// One occurrence of a period, with the plan's mark and items for it.
#[derive(Debug, Clone)]
pub struct Listed<'p> {
    pub occurrence: Occurrence<'p>,
    /// How the plan means to mark it, if it does.
    pub marked: Option<Marked<'p>>,
    /// The items that serve it (named `occasion:`), by publish time.
    pub items: Vec<&'p Item>,
}

/// The occasions overlapping `from`..=`to`: those the plan keeps (every
/// built-in one with `all_sets`) and those it marks.
pub fn list(plan: &Plan, from: NaiveDate, to: NaiveDate, all_sets: bool) -> Vec<Listed<'_>> {
    let marked = occasions::marked(plan);
    let mut definitions: Vec<Definition> = if all_sets {
        let mut all: Vec<Definition> = occasions::catalog::all().collect();
        all.extend(occasions::own(plan));
        all
    } else {
        occasions::kept(plan)
    };
    for mark in &marked {
        if !definitions.iter().any(|d| d.id == mark.definition.id) {
            definitions.push(mark.definition);
        }
    }
    occasions::between(&definitions, from, to)
        .into_iter()
        .map(|occurrence| Listed {
            marked: marked
                .iter()
                .find(|m| m.definition.id == occurrence.definition.id)
                .copied(),
            items: items_for(plan, &occurrence),
            occurrence,
        })
        .collect()
}

/// The items named for `occurrence`'s occasion whose nearest occurrence it is.
pub fn items_for<'p>(plan: &'p Plan, occurrence: &Occurrence) -> Vec<&'p Item> {
    let mut items: Vec<&Item> = plan
        .items()
        .map(|(_, item)| item)
        .filter(|item| item.status.get() != Some(&Status::Cancelled))
        .filter(|item| {
            item.occasion
                .as_ref()
                .is_some_and(|o| o.value == occurrence.definition.id)
        })
        .filter(|item| {
            let day = item.publish.get().map(chrono::NaiveDateTime::date);
            day.and_then(|d| occasions::nearest(&occurrence.definition, d))
                .is_some_and(|o| o.start == occurrence.start)
        })
        .collect();
    items.sort_by_key(|i| i.publish.get().copied());
    items
}

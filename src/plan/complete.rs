//! What a shell offers to complete from the plan itself: people, months,
//! calendar items, platforms, process steps and open tasks, each with the
//! name a person recognises it by. A plan that cannot be read offers nothing.

use crate::plan::model::Plan;
use crate::text::i18n::Lang;
use std::path::Path;

/// The kind of value an argument takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// People of `team.yaml`, by id (`tasks --owner`, `approve --by`).
    People,
    /// Months that have a calendar file, and the current month.
    Months,
    /// Calendar items, by id.
    Items,
    /// Platforms of `platforms.yaml`, by id.
    Platforms,
    /// Process steps, by id.
    Steps,
    /// Tasks not yet done, by the id `tasks` prints, soonest due first.
    Tasks,
}

/// One value to offer, and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub value: String,
    pub help: String,
}

impl Candidate {
    fn new(value: &str, help: &str) -> Candidate {
        Candidate {
            value: value.to_string(),
            help: help.to_string(),
        }
    }
}

/// The values of `kind` that the plan in `dir` offers, as of `today`.
pub fn candidates(dir: &Path, kind: Kind, lang: Lang, today: chrono::NaiveDate) -> Vec<Candidate> {
    let Ok(loaded) = crate::plan::load::load(dir) else {
        return Vec::new();
    };
    let plan = &loaded.plan;
    match kind {
        Kind::People => people(plan, lang),
        Kind::Months => months(plan, today),
        Kind::Items => plan
            .items()
            .map(|(_, item)| Candidate::new(&item.id.value, item.title.in_lang(lang)))
            .collect(),
        Kind::Platforms => plan
            .platforms
            .iter()
            .flat_map(|p| &p.data.platforms)
            .map(|p| {
                let kind = p
                    .kind
                    .get()
                    .map(|k| k.name().text(lang))
                    .unwrap_or_default();
                Candidate::new(&p.id.value, &kind)
            })
            .collect(),
        Kind::Steps => plan
            .process
            .iter()
            .flat_map(|p| p.data.steps())
            .map(|s| Candidate::new(&s.id.value, s.name.in_lang(lang)))
            .collect(),
        Kind::Tasks => open_tasks(plan, lang),
    }
}

fn people(plan: &Plan, lang: Lang) -> Vec<Candidate> {
    plan.team
        .iter()
        .flat_map(|t| &t.data.people)
        .map(|p| Candidate::new(&p.id.value, p.name.in_lang(lang)))
        .collect()
}

/// The months of the calendar files, then this month if it has none.
fn months(plan: &Plan, today: chrono::NaiveDate) -> Vec<Candidate> {
    let mut months: Vec<crate::text::dates::Month> = plan
        .months
        .iter()
        .filter_map(|m| m.data.month.as_ref().and_then(|p| p.get()).copied())
        .collect();
    months.push(crate::text::dates::Month::of(today));
    months.sort_unstable();
    months.dedup();
    months
        .iter()
        .map(|m| Candidate::new(&m.to_string(), &hijri_of(*m)))
        .collect()
}

/// The Hijri month a Gregorian month begins in, as a hint.
fn hijri_of(month: crate::text::dates::Month) -> String {
    crate::text::dates::HijriMonth::of(month.first_day())
        .map(|h| format!("{h} AH"))
        .unwrap_or_default()
}

fn open_tasks(plan: &Plan, lang: Lang) -> Vec<Candidate> {
    let mut tasks: Vec<_> = crate::plan::tasks::derive(plan)
        .into_iter()
        .filter(|t| !t.done)
        .collect();
    tasks.sort_by_key(|t| t.due);
    tasks
        .iter()
        .map(|t| {
            let help = format!(
                "{} · {}",
                t.due.format("%Y-%m-%d"),
                t.step.name.in_lang(lang)
            );
            Candidate::new(&t.id(), &help)
        })
        .collect()
}

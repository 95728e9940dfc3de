//! Warnings about balance: each month's mix against the focus shares,
//! platforms left empty in a month, and people given more work in a week
//! than their hours allow.

use super::facts::{MonthFacts, TaskCount};
use super::{Context, number, span};
use crate::plan::diagnostic::{Diagnostic, Span};
use crate::plan::model::calendar::{CalendarMonth, Status};
use crate::plan::model::process::Per;
use crate::plan::rules::catalog as rule;
use crate::plan::source::FileId;
use crate::plan::workload::Tally;
use crate::t;
use crate::text::dates::Month;
use crate::text::weeks::iso_week_key;
use std::collections::BTreeMap;
use std::collections::HashSet;

/// Months with fewer placements than this are too small to judge a mix.
pub(super) const MIX_MIN_PLACEMENTS: usize = 10;

/// Above this many hours a week for the plan, a capacity is more likely a
/// slip (a month's hours, a year's) than a person's week: a full working
/// week is about 40, and a week holds 168.
pub(super) const MOST_HOURS_A_WEEK: f64 = 60.0;

/// `hours_per_week` is hours someone has for the plan: above zero, or left
/// out; and no more than a person's week holds.
pub(super) fn capacity_above_zero(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(team) = &cx.plan.team else { return };
    for person in &team.data.people {
        let Some(hours) = &person.hours_per_week else {
            continue;
        };
        let at = Span::from_yaml(team.file, &hours.at);
        let value = hours.value.value;
        if value <= 0.0 {
            out.push(
                Diagnostic::new(
                    &rule::CAPACITY_NOT_POSITIVE,
                    t!(
                        "capacity-not-positive",
                        person = &person.id.value,
                        hours = number(value)
                    ),
                )
                .at(at)
                .help(t!("capacity-not-positive.help")),
            );
        } else if value > MOST_HOURS_A_WEEK {
            out.push(
                Diagnostic::new(
                    &rule::CAPACITY_IMPLAUSIBLE,
                    t!(
                        "capacity-implausible",
                        person = &person.id.value,
                        hours = number(value),
                        most = number(MOST_HOURS_A_WEEK)
                    ),
                )
                .at(at)
                .help(t!("capacity-implausible.help")),
            );
        }
    }
}

/// A month's placements per platform against the focus shares, and the
/// platforms it leaves empty.
pub(super) fn mix_month(
    cx: &Context,
    file: FileId,
    month: &CalendarMonth,
    out: &mut Vec<Diagnostic>,
) {
    let plan = cx.plan;
    let Some(platforms) = &plan.platforms else {
        return;
    };
    let tolerance = plan
        .policies
        .as_ref()
        .map_or(crate::plan::model::policies::DEFAULT_MIX_TOLERANCE, |p| {
            p.data.mix_tolerance()
        });
    let items: Vec<_> = month
        .items
        .iter()
        .filter(|i| i.status.get() != Some(&Status::Cancelled))
        .collect();
    if items.is_empty() {
        return;
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for p in items.iter().flat_map(|i| &i.platforms) {
        *counts.entry(p.value.as_str()).or_default() += 1;
    }
    let mix = Mix {
        name: month
            .file_month
            .map_or_else(|| t!("this-month"), |m| t!("verbatim", text = m)),
        at: month
            .month
            .as_ref()
            .map_or(Span::file_start(file), |m| Span::from_yaml(file, &m.at)),
        total: platforms
            .data
            .platforms
            .iter()
            .map(|p| counts.get(p.id.value.as_str()).copied().unwrap_or(0))
            .sum(),
        tolerance,
        platforms_file: platforms.file,
    };
    for platform in &platforms.data.platforms {
        let count = counts.get(platform.id.value.as_str()).copied().unwrap_or(0);
        out.extend(mix.finding(platform, count));
    }
}

/// A month's mix, as each platform's finding needs it.
struct Mix {
    /// The month in words.
    name: crate::text::i18n::Msg,
    at: Span,
    /// Placements on the plan's platforms.
    total: usize,
    tolerance: f64,
    platforms_file: FileId,
}

impl Mix {
    /// A platform left empty, or whose share of the month strays from its focus.
    fn finding(
        &self,
        platform: &crate::plan::model::platforms::Platform,
        count: usize,
    ) -> Option<Diagnostic> {
        let id = &platform.id.value;
        if count == 0 && platform.focus.value > 0.0 {
            return Some(
                Diagnostic::new(
                    &rule::EMPTY_PLATFORM_MONTH,
                    t!(
                        "empty-platform-month",
                        month = self.name.clone(),
                        platform = id
                    ),
                )
                .at(self.at)
                .related(
                    span(self.platforms_file, &platform.id),
                    t!(
                        "empty-platform-month.related",
                        platform = id,
                        focus = number(platform.focus.value)
                    ),
                )
                .help(t!("empty-platform-month.help")),
            );
        }
        if self.total < MIX_MIN_PLACEMENTS {
            return None;
        }
        let share = count as f64 * 100.0 / self.total as f64;
        if (share - platform.focus.value).abs() <= self.tolerance {
            return None;
        }
        Some(
            Diagnostic::new(
                &rule::MIX_DEVIATION,
                t!(
                    "mix-deviation",
                    month = self.name.clone(),
                    platform = id,
                    share = number((share * 10.0).round() / 10.0),
                    count = count,
                    total = self.total,
                    focus = number(platform.focus.value)
                ),
            )
            .at(self.at)
            .related(
                Span::from_yaml(self.platforms_file, &platform.focus.at),
                t!("mix-deviation.related"),
            )
            .help(t!("mix-deviation.help", tolerance = number(self.tolerance))),
        )
    }
}

fn hours_text(hours: f64) -> crate::text::i18n::Msg {
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a whole, non-negative number of hours"
    )]
    if hours.fract() == 0.0 && hours >= 0.0 {
        t!("count.hour", n = hours as u64)
    } else {
        t!("hours.fraction", hours = number(hours))
    }
}

/// Over-capacity weeks, tasks due before the plan starts, and `done:`
/// entries that name no task: the rules that need the whole calendar,
/// read from what each month left (`complete`: every month was read).
pub(super) fn calendar_wide(
    cx: &Context,
    months: &[MonthFacts],
    complete: bool,
    out: &mut Vec<Diagnostic>,
) {
    let plan = cx.plan;
    let deriver = &cx.tasks;
    let values: Vec<Month> = months.iter().filter_map(|m| m.month).collect();
    let settings = plan.settings.as_ref().map(|s| &s.data);
    let start = settings
        .and_then(crate::plan::model::settings::PlanSettings::period)
        .map(|(start, _)| start);
    let first_day = settings.and_then(crate::plan::model::settings::PlanSettings::first_task_day);
    let mut count = TaskCount::new(cx);
    let mut calendar_tasks = Vec::new();
    deriver.calendar_tasks(&values, |step, task| {
        count.add(step, &task);
        calendar_tasks.push((step, task.subject.to_string()));
    });
    let (mut tally, mut early) = (count.load, count.early);
    early.extend(months.iter().flat_map(|m| m.early.iter().cloned()));
    if let Some(team) = &plan.team {
        for month in months {
            tally.merge(&month.load);
        }
        over_capacity(&team.data, team.file, tally, out);
    }
    if let (Some(start), Some(first_day), Some(process)) = (start, first_day, &plan.process) {
        // The earliest task of each step that falls due before the start.
        early.sort();
        let mut reported = std::collections::HashSet::new();
        for task in early.iter().filter(|t| reported.insert(t.step)) {
            let step = deriver.steps[task.step].step;
            let task_name = format!("{}/{}", step.id.value, task.subject);
            let message = if first_day < start {
                t!(
                    "task-before-preparation",
                    step = &step.id.value,
                    task = task_name,
                    due = task.due.date(),
                    from = first_day
                )
            } else {
                t!(
                    "task-before-plan",
                    step = &step.id.value,
                    task = task_name,
                    due = task.due.date(),
                    start = start
                )
            };
            out.push(
                Diagnostic::new(&rule::TASK_BEFORE_PLAN, message)
                    .at(Span::from_yaml(process.file, &step.due.at))
                    .help(t!("task-before-plan.help")),
            );
        }
    }
    // A task of a month not read (`tasks` reads only its window's months)
    // is no unknown task: `plan validate` reads them all and decides.
    if complete {
        unknown_tasks(cx, months, &values, &calendar_tasks, out);
    }
}

fn over_capacity(
    team: &crate::plan::model::team::Team,
    file: crate::plan::source::FileId,
    tally: Tally,
    out: &mut Vec<Diagnostic>,
) {
    for load in tally.loads(team) {
        // A capacity of zero or less is KH063's; over it means nothing.
        let (Some(hours), true) = (load.capacity_hours, load.over()) else {
            continue;
        };
        if hours <= 0.0 {
            continue;
        }
        let person = team.person(load.person).expect("assigned to a team member");
        let week = iso_week_key(load.week);
        out.push(
            Diagnostic::new(
                &rule::OVER_CAPACITY,
                t!(
                    "over-capacity",
                    person = load.person,
                    hours = hours_text((load.hours() * 10.0).round() / 10.0),
                    tasks = t!("count.task", n = load.tasks),
                    week_start = load.week,
                    week = &week,
                    capacity = hours_text(hours)
                ),
            )
            .at(span(file, &person.id))
            .help(t!("over-capacity.help", person = load.person, week = &week)),
        );
    }
}

/// `done:` entries that name no task of the plan.
fn unknown_tasks(
    cx: &Context,
    months: &[MonthFacts],
    values: &[Month],
    calendar_tasks: &[(usize, String)],
    out: &mut Vec<Diagnostic>,
) {
    let listed: Vec<(FileId, &crate::plan::model::Id)> = months
        .iter()
        .flat_map(|m| m.done.iter().map(move |d| (m.file, d)))
        .collect();
    if listed.is_empty() {
        return;
    }
    let steps = &cx.tasks.steps;
    // The ids of one step's tasks, from what the months kept.
    let ids_of = |place: usize| -> Vec<String> {
        let rule = &steps[place];
        let step = &rule.step.id.value;
        match rule.per {
            Per::Content => months
                .iter()
                .flat_map(|m| &m.items)
                .filter(|item| item.steps.contains(&place))
                .map(|item| format!("{step}/{}", item.id))
                .collect(),
            Per::Month => values.iter().map(|m| format!("{step}/{m}")).collect(),
            Per::Week | Per::Quarter | Per::Plan | Per::Campaign | Per::Occasion => calendar_tasks
                .iter()
                .filter(|(p, _)| *p == place)
                .map(|(_, subject)| format!("{step}/{subject}"))
                .collect(),
        }
    };
    // Spell out only the ids of tasks whose step a `done:` entry names, or
    // all of them when an entry's step has no task (to suggest the nearest).
    let named: HashSet<&str> = listed
        .iter()
        .map(|(_, d)| d.value.split_once('/').map_or(d.value.as_str(), |(s, _)| s))
        .collect();
    let mut ids: HashSet<String> = HashSet::new();
    for (place, rule) in steps.iter().enumerate() {
        if named.contains(rule.step.id.value.as_str()) {
            ids.extend(ids_of(place));
        }
    }
    let everything = named.iter().any(|s| {
        let prefix = format!("{s}/");
        !ids.iter().any(|id| id.starts_with(&prefix))
    });
    if everything {
        for place in 0..steps.len() {
            ids.extend(ids_of(place));
        }
    }
    for (file, done) in listed {
        if ids.contains(&done.value) {
            continue;
        }
        let near =
            crate::plan::diagnostic::did_you_mean(&done.value, ids.iter().map(String::as_str));
        out.push(
            Diagnostic::new(&rule::UNKNOWN_TASK, t!("unknown-task", id = &done.value))
                .at(span(file, done))
                .maybe_help(near.or_else(|| Some(t!("unknown-task.help")))),
        );
    }
}

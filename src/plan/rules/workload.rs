//! Warnings about balance: each month's mix against the focus shares,
//! platforms left empty in a month, and people given more work in a week
//! than their hours allow.

use super::{Context, number, span};
use crate::plan::diagnostic::{Diagnostic, Span};
use crate::plan::model::calendar::Status;
use crate::plan::rules::catalog as rule;
use crate::plan::{tasks, workload};
use crate::t;
use crate::text::weeks::iso_week_key;
use std::collections::BTreeMap;

/// Months with fewer placements than this are too small to judge a mix.
pub(super) const MIX_MIN_PLACEMENTS: usize = 10;

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    mix(cx, out);
    capacity_above_zero(cx, out);
    tasks_rules(cx, out);
}

/// `hours_per_week` is hours someone has for the plan: above zero, or left out.
fn capacity_above_zero(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(team) = &cx.plan.team else { return };
    for person in &team.data.people {
        if let Some(hours) = person.hours_per_week
            && hours <= 0.0
        {
            out.push(
                Diagnostic::new(
                    &rule::CAPACITY_NOT_POSITIVE,
                    t!(
                        "capacity-not-positive",
                        person = &person.id.value,
                        hours = number(hours)
                    ),
                )
                .at(span(team.file, &person.id))
                .help(t!("capacity-not-positive.help")),
            );
        }
    }
}

fn mix(cx: &Context, out: &mut Vec<Diagnostic>) {
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
    for month in &plan.months {
        let items: Vec<_> = month
            .data
            .items
            .iter()
            .filter(|i| i.status.get() != Some(&Status::Cancelled))
            .collect();
        if items.is_empty() {
            continue;
        }
        let name = month
            .data
            .file_month
            .map_or_else(|| t!("this-month"), |m| t!("verbatim", text = m));
        let at = month
            .data
            .month
            .as_ref()
            .map_or(Span::file_start(month.file), |m| {
                Span::from_yaml(month.file, &m.at)
            });
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for item in &items {
            for p in &item.platforms {
                *counts.entry(p.value.as_str()).or_default() += 1;
            }
        }
        let total: usize = platforms
            .data
            .platforms
            .iter()
            .map(|p| counts.get(p.id.value.as_str()).copied().unwrap_or(0))
            .sum();
        for platform in &platforms.data.platforms {
            let count = counts.get(platform.id.value.as_str()).copied().unwrap_or(0);
            if count == 0 && platform.focus.value > 0.0 {
                out.push(
                    Diagnostic::new(
                        &rule::EMPTY_PLATFORM_MONTH,
                        t!(
                            "empty-platform-month",
                            month = name.clone(),
                            platform = &platform.id.value
                        ),
                    )
                    .at(at)
                    .related(
                        span(platforms.file, &platform.id),
                        t!(
                            "empty-platform-month.related",
                            platform = &platform.id.value,
                            focus = number(platform.focus.value)
                        ),
                    )
                    .help(t!("empty-platform-month.help")),
                );
                continue;
            }
            if total < MIX_MIN_PLACEMENTS {
                continue;
            }
            let share = count as f64 * 100.0 / total as f64;
            let deviation = share - platform.focus.value;
            if deviation.abs() > tolerance {
                out.push(
                    Diagnostic::new(
                        &rule::MIX_DEVIATION,
                        t!(
                            "mix-deviation",
                            month = name.clone(),
                            platform = &platform.id.value,
                            share = number((share * 10.0).round() / 10.0),
                            count = count,
                            total = total,
                            focus = number(platform.focus.value)
                        ),
                    )
                    .at(at)
                    .related(
                        Span::from_yaml(platforms.file, &platform.focus.referenced),
                        t!("mix-deviation.related"),
                    )
                    .help(t!("mix-deviation.help", tolerance = number(tolerance))),
                );
            }
        }
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

/// Over-capacity weeks, tasks due before the plan starts, and `done:` entries
/// that name no task.
fn tasks_rules(cx: &Context, out: &mut Vec<Diagnostic>) {
    let plan = cx.plan;
    let all = tasks::derive_unsorted(plan);
    let week_start = plan.week_start();
    if let Some(team) = &plan.team {
        for load in workload::weekly(&all, &team.data, week_start) {
            // A capacity of zero or less is KH063's; over it means nothing.
            let (Some(hours), true) = (load.capacity_hours, load.over()) else {
                continue;
            };
            if hours <= 0.0 {
                continue;
            }
            let person = team
                .data
                .person(load.person)
                .expect("assigned to a team member");
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
                .at(span(team.file, &person.id))
                .help(t!("over-capacity.help", person = load.person, week = &week)),
            );
        }
    }
    if let (Some((start, _)), Some(process)) = (
        plan.settings.as_ref().and_then(|s| s.data.period()),
        &plan.process,
    ) {
        // The earliest task of each step that falls due before the start.
        let mut earliest: BTreeMap<&str, &tasks::Task> = BTreeMap::new();
        for task in all.iter().filter(|t| t.due.date() < start) {
            let first = earliest.entry(task.step_id()).or_insert(task);
            if (task.due, task.subject) < (first.due, first.subject) {
                *first = task;
            }
        }
        for task in earliest.into_values() {
            out.push(
                Diagnostic::new(
                    &rule::TASK_BEFORE_PLAN,
                    t!(
                        "task-before-plan",
                        step = task.step_id(),
                        task = task.id(),
                        due = task.due.date(),
                        start = start
                    ),
                )
                .at(Span::from_yaml(process.file, &task.step.due.at))
                .help(t!("task-before-plan.help")),
            );
        }
    }
    let listed: Vec<(crate::plan::source::FileId, &crate::plan::model::Id)> = plan
        .months
        .iter()
        .flat_map(|m| m.data.done.iter().map(move |d| (m.file, d)))
        .collect();
    // A task of a month not read (`tasks` reads only its window's months)
    // is no unknown task: `plan validate` reads them all and decides.
    if listed.is_empty() || plan.months_left_unread {
        return;
    }
    // Spell out only the ids of tasks whose step a `done:` entry names, or
    // all of them when an entry's step is unknown (to suggest the nearest).
    let steps: std::collections::HashSet<&str> = listed
        .iter()
        .map(|(_, d)| d.value.split_once('/').map_or(d.value.as_str(), |(s, _)| s))
        .collect();
    let everything = steps.iter().any(|s| !all.iter().any(|t| t.step_id() == *s));
    let ids: std::collections::HashSet<String> = all
        .iter()
        .filter(|t| everything || steps.contains(t.step_id()))
        .map(super::super::tasks::Task::id)
        .collect();
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

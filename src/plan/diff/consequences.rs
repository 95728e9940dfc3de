//! What a change to the plan does, beside what it edits: the problems it
//! brings that the plan did not have (a person's week over capacity, a
//! month's mix away from the focus shares, a KPI target behind its
//! baseline...), and the months whose approval it leaves stale. Shown
//! first by `plan diff`, for the reviewer who approves.

use super::{Change, budget, number};
use crate::plan::model::Plan;
use crate::t;
use crate::text::i18n::{Lang, Msg};
use chrono::NaiveDate;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// The consequences of going from `old` to `new`, given the `changes`
/// between them.
pub(super) fn of(old: &Plan, new: &Plan, changes: &[Change], today: NaiveDate) -> Vec<Change> {
    let mut out = new_problems(old, new, today);
    out.extend(targets(old, new));
    out.extend(spending(old, new));
    out.extend(stale_approvals(old, new, changes));
    out
}

fn consequence(kind: &'static str, id: impl Into<String>, what: Msg) -> Change {
    super::change("consequences", kind, id, what)
}

/// Each KPI's baseline and target, by `goal/kpi`.
fn kpi_targets(plan: &Plan) -> BTreeMap<String, (Option<f64>, f64, NaiveDate)> {
    let goals = plan.goals.iter().flat_map(|g| &g.data.goals);
    goals
        .flat_map(|g| g.kpis.iter().map(move |k| (g, k)))
        .filter_map(|(g, k)| {
            let target = k.target.as_ref()?;
            let baseline = k
                .baseline
                .as_ref()
                .map(crate::plan::model::goals::Baseline::value);
            let id = format!("{}/{}", g.id.value, k.id.value);
            Some((id, (baseline, target.value(), *target.by.get()?)))
        })
        .collect()
}

/// KPI targets that now ask for the opposite movement from the baseline
/// (a rise became a fall), and targets whose date moves.
fn targets(old: &Plan, new: &Plan) -> Vec<Change> {
    let before = kpi_targets(old);
    let mut out = Vec::new();
    for (id, (baseline, target, by)) in kpi_targets(new) {
        let Some(&(old_baseline, old_target, old_by)) = before.get(&id) else {
            continue;
        };
        let sense = |base: Option<f64>, goal: f64| base.and_then(|b| goal.partial_cmp(&b));
        let (was, now) = (sense(old_baseline, old_target), sense(baseline, target));
        if let (Some(was), Some(now), Some(base)) = (was, now, baseline)
            && was.is_ne()
            && now.is_ne()
            && was != now
        {
            let word = |s: Ordering| {
                if s.is_gt() {
                    t!("diff.rise")
                } else {
                    t!("diff.fall")
                }
            };
            let what = t!(
                "diff.target-turns",
                now = word(now),
                was = word(was),
                baseline = number(base),
                target = number(target),
                old = number(old_target)
            );
            out.push(consequence("target-direction", &id, what));
        }
        if by != old_by {
            let days = (by - old_by).num_days();
            let what = if days > 0 {
                t!("diff.target-later", n = days, old = old_by, new = by)
            } else {
                t!("diff.target-sooner", n = -days, old = old_by, new = by)
            };
            out.push(consequence("target-date", &id, what));
        }
    }
    out
}

/// Goals whose budget lines add up to another amount: spending moved
/// between goals, or added or taken away.
fn spending(old: &Plan, new: &Plan) -> Vec<Change> {
    let (Some(a), Some(b)) = (budget::by_goal(old), budget::by_goal(new)) else {
        return Vec::new();
    };
    let goals: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    goals
        .into_iter()
        .filter_map(|goal| {
            let (was, now) = (
                a.get(goal).copied().unwrap_or(0.0),
                b.get(goal).copied().unwrap_or(0.0),
            );
            let what = t!(
                "diff.spending",
                old = budget::money(old, was),
                new = budget::money(new, now)
            );
            ((was - now).abs() > 0.005).then(|| consequence("spending", goal, what))
        })
        .collect()
}

/// Findings of the rules on `new` that `old` did not have, compared by
/// rule and message.
fn new_problems(old: &Plan, new: &Plan, today: NaiveDate) -> Vec<Change> {
    let key = |d: &crate::plan::diagnostic::Diagnostic| (d.rule.code, d.message.text(Lang::En));
    let before: std::collections::HashSet<_> = crate::plan::rules::check_on(old, Some(today))
        .iter()
        .map(key)
        .collect();
    crate::plan::rules::check_on(new, Some(today))
        .into_iter()
        .filter(|d| !before.contains(&key(d)))
        .map(|d| {
            consequence(
                "problem",
                format!("{} {}", d.rule.code, d.rule.name),
                d.message,
            )
        })
        .collect()
}

/// Months approved on record, the approval the same before and after,
/// whose calendar the change edits: the approval no longer covers it.
fn stale_approvals(old: &Plan, new: &Plan, changes: &[Change]) -> Vec<Change> {
    let approval = |plan: &Plan, month: &str| {
        plan.months
            .iter()
            .find(|m| {
                m.data
                    .planned_month()
                    .is_some_and(|p| p.to_string() == month)
            })
            .and_then(|m| m.data.approved.as_ref())
            .map(|a| (a.by.value.clone(), a.on.raw.trim().to_string()))
    };
    let mut months: Vec<&str> = changes
        .iter()
        .filter(|c| c.area == "calendar")
        .filter_map(|c| c.month.as_deref())
        .collect();
    months.sort_unstable();
    months.dedup();
    months
        .into_iter()
        .filter_map(|month| {
            let now = approval(new, month)?;
            (approval(old, month)? == now).then(|| {
                let what = t!("diff.stale-approval", by = now.0, on = now.1);
                consequence("stale-approval", month, what)
            })
        })
        .collect()
}

//! The budget's changes: lines added, removed, given another amount or
//! another goal; the approved total and the monthly caps. And the sums by
//! goal, for the consequences.

use super::{Change, change, changed, number, verbatim};
use crate::plan::model::Plan;
use crate::plan::model::budget::DEFAULT_CURRENCY;
use crate::t;
use std::collections::{BTreeMap, BTreeSet};

/// An amount with the plan's currency: `42000 SAR`, held together by a
/// no-break space.
pub(super) fn money(plan: &Plan, amount: f64) -> String {
    let currency = plan
        .budget
        .as_ref()
        .and_then(|b| b.data.currency.as_ref())
        .map_or(DEFAULT_CURRENCY, |c| c.value.as_str());
    format!("{}\u{a0}{currency}", number(amount))
}

/// Each budget line: its goal and amount.
fn lines(plan: &Plan) -> BTreeMap<String, (String, f64)> {
    plan.budget
        .iter()
        .flat_map(|b| &b.data.lines)
        .map(|l| (l.id.value.clone(), (l.goal.value.clone(), l.amount.value)))
        .collect()
}

/// What the budget lines add up to, per goal; `None` without a budget.
pub(super) fn by_goal(plan: &Plan) -> Option<BTreeMap<String, f64>> {
    plan.budget.as_ref()?;
    let mut sums = BTreeMap::new();
    for (goal, amount) in lines(plan).into_values() {
        *sums.entry(goal).or_default() += amount;
    }
    Some(sums)
}

/// Compares the budgets of two plans.
pub(super) fn budget(old: &Plan, new: &Plan, out: &mut Vec<Change>) {
    let (a, b) = (lines(old), lines(new));
    for (id, (goal, amount)) in &b {
        let Some((old_goal, old_amount)) = a.get(id) else {
            let what = t!("diff.line-added", amount = money(new, *amount), goal = goal);
            out.push(change("budget", "added", id, what));
            continue;
        };
        let amounts = (money(old, *old_amount), money(new, *amount));
        out.extend(changed(
            "budget",
            id,
            t!("diff.field.amount"),
            verbatim(amounts.0),
            verbatim(amounts.1),
        ));
        let goals = (verbatim(old_goal), verbatim(goal));
        out.extend(changed(
            "budget",
            id,
            t!("diff.field.goal"),
            goals.0,
            goals.1,
        ));
    }
    for id in a.keys().filter(|id| !b.contains_key(*id)) {
        out.push(change("budget", "removed", id, t!("diff.line-removed")));
    }
    approved(old, new, out);
}

/// The approved total and the most each month may spend.
fn approved(old: &Plan, new: &Plan, out: &mut Vec<Change>) {
    let limits = |plan: &Plan| -> BTreeMap<String, String> {
        let Some(budget) = &plan.budget else {
            return BTreeMap::new();
        };
        let approved = &budget.data.approved;
        let months = approved
            .months
            .into_iter()
            .map(|(month, cap)| (month.value.clone(), money(plan, cap.value)));
        std::iter::once(("total".to_string(), money(plan, approved.total.value)))
            .chain(months)
            .collect()
    };
    let (a, b) = (limits(old), limits(new));
    let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    for key in keys {
        let value = |m: &BTreeMap<String, String>| verbatim(m.get(key).map_or("—", String::as_str));
        let field = if key == "total" {
            t!("diff.field.approved-total")
        } else {
            t!("diff.field.month-cap")
        };
        out.extend(changed("budget", key, field, value(&a), value(&b)));
    }
}

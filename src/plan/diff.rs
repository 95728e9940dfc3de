//! `plan diff`: what changed in a plan between two versions, as a reviewer
//! needs it — goals and KPI targets, calendar items added, moved,
//! re-assigned or removed, process owners, platforms, team and policies.

use crate::plan::model::Plan;
use crate::plan::model::calendar::Item;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// One change, in words and in data.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// `goals`, `calendar`, `process`, `platforms`, `team` or `policies`.
    pub area: &'static str,
    /// `added`, `removed`, `changed`, `moved`, `reassigned`.
    pub kind: &'static str,
    /// The id of what changed (for calendar items: the item; for KPIs: `goal/kpi`).
    pub id: String,
    /// The calendar month, for items.
    pub month: Option<String>,
    pub what: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

fn change(
    area: &'static str,
    kind: &'static str,
    id: impl Into<String>,
    what: impl Into<String>,
) -> Change {
    Change {
        area,
        kind,
        id: id.into(),
        month: None,
        what: what.into(),
        old: None,
        new: None,
    }
}

fn changed(
    area: &'static str,
    id: impl Into<String>,
    what: impl Into<String>,
    old: String,
    new: String,
) -> Option<Change> {
    (old != new).then(|| Change {
        old: Some(old),
        new: Some(new),
        ..change(area, "changed", id, what)
    })
}

fn number(value: f64) -> String {
    crate::plan::rules::number(value)
}

/// Compares two plans.
pub fn diff(old: &Plan, new: &Plan) -> Vec<Change> {
    let mut out = Vec::new();
    goals(old, new, &mut out);
    calendar(old, new, &mut out);
    process(old, new, &mut out);
    platforms(old, new, &mut out);
    team(old, new, &mut out);
    policies(old, new, &mut out);
    out
}

fn goals(old: &Plan, new: &Plan, out: &mut Vec<Change>) {
    let kpis = |plan: &Plan| -> BTreeMap<String, (String, String, String)> {
        plan.goals
            .iter()
            .flat_map(|g| &g.data.goals)
            .flat_map(|g| {
                g.kpis.iter().map(move |k| {
                    let target = k.target.as_ref().map_or("—".into(), |t| {
                        format!("{} by {}", number(t.value), t.by.raw.trim())
                    });
                    let baseline = k.baseline.as_ref().map_or("—".into(), |b| {
                        format!("{} at {}", number(b.value), b.at.raw.trim())
                    });
                    (
                        format!("{}/{}", g.id.value, k.id.value),
                        (k.metric.value.clone(), baseline, target),
                    )
                })
            })
            .collect()
    };
    let goal_ids = |plan: &Plan| -> BTreeMap<String, String> {
        plan.goals
            .iter()
            .flat_map(|g| &g.data.goals)
            .map(|g| (g.id.value.clone(), g.name.primary().to_string()))
            .collect()
    };
    let (old_goals, new_goals) = (goal_ids(old), goal_ids(new));
    for (id, name) in &new_goals {
        if !old_goals.contains_key(id) {
            out.push(change("goals", "added", id, format!("goal added: {name}")));
        }
    }
    for (id, name) in &old_goals {
        if !new_goals.contains_key(id) {
            out.push(change(
                "goals",
                "removed",
                id,
                format!("goal removed: {name}"),
            ));
        }
    }
    let (old_kpis, new_kpis) = (kpis(old), kpis(new));
    for (id, (metric, baseline, target)) in &new_kpis {
        match old_kpis.get(id) {
            None => out.push(change(
                "goals",
                "added",
                id,
                format!("KPI added ({metric}), target {target}"),
            )),
            Some((old_metric, old_baseline, old_target)) => {
                out.extend(changed(
                    "goals",
                    id,
                    "metric",
                    old_metric.clone(),
                    metric.clone(),
                ));
                out.extend(changed(
                    "goals",
                    id,
                    "baseline",
                    old_baseline.clone(),
                    baseline.clone(),
                ));
                out.extend(changed(
                    "goals",
                    id,
                    "target",
                    old_target.clone(),
                    target.clone(),
                ));
            }
        }
    }
    for id in old_kpis.keys() {
        if !new_kpis.contains_key(id) {
            out.push(change("goals", "removed", id, "KPI removed"));
        }
    }
}

fn items(plan: &Plan) -> BTreeMap<String, (String, &Item)> {
    plan.months
        .iter()
        .flat_map(|m| {
            let month = m
                .data
                .file_month
                .map_or_else(String::new, |m| m.to_string());
            m.data
                .items
                .iter()
                .map(move |i| (i.id.value.clone(), (month.clone(), i)))
        })
        .collect()
}

fn calendar(old: &Plan, new: &Plan, out: &mut Vec<Change>) {
    let (old_items, new_items) = (items(old), items(new));
    let list = |i: &Item| {
        i.platforms
            .iter()
            .map(|p| p.value.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (id, (month, item)) in &new_items {
        let with_month = |mut c: Change| {
            c.month = Some(month.clone());
            c
        };
        let Some((_, before)) = old_items.get(id) else {
            out.push(with_month(Change {
                new: Some(item.publish.raw.trim().to_string()),
                ..change(
                    "calendar",
                    "added",
                    id,
                    format!(
                        "added: {} ({}, {})",
                        item.title.primary(),
                        list(item),
                        item.owner.value
                    ),
                )
            }));
            continue;
        };
        if before.publish.raw.trim() != item.publish.raw.trim() {
            out.push(with_month(Change {
                old: Some(before.publish.raw.trim().to_string()),
                new: Some(item.publish.raw.trim().to_string()),
                ..change("calendar", "moved", id, "publish time")
            }));
        }
        if before.owner.value != item.owner.value {
            out.push(with_month(Change {
                old: Some(before.owner.value.clone()),
                new: Some(item.owner.value.clone()),
                ..change("calendar", "reassigned", id, "owner")
            }));
        }
        for (what, a, b) in [
            (
                "status",
                before.status.raw.trim().to_string(),
                item.status.raw.trim().to_string(),
            ),
            ("platforms", list(before), list(item)),
            (
                "goal",
                before
                    .goal
                    .as_ref()
                    .map_or(String::new(), |g| g.value.clone()),
                item.goal
                    .as_ref()
                    .map_or(String::new(), |g| g.value.clone()),
            ),
        ] {
            if let Some(c) = changed("calendar", id, what, a, b) {
                out.push(with_month(c));
            }
        }
    }
    for (id, (month, item)) in &old_items {
        if !new_items.contains_key(id) {
            out.push(Change {
                month: Some(month.clone()),
                old: Some(item.publish.raw.trim().to_string()),
                ..change(
                    "calendar",
                    "removed",
                    id,
                    format!("removed: {}", item.title.primary()),
                )
            });
        }
    }
}

fn process(old: &Plan, new: &Plan, out: &mut Vec<Change>) {
    let steps = |plan: &Plan| -> BTreeMap<String, (String, String)> {
        plan.process
            .iter()
            .flat_map(|p| p.data.steps())
            .map(|s| {
                (
                    s.id.value.clone(),
                    (s.owner.value.clone(), s.due.raw.trim().to_string()),
                )
            })
            .collect()
    };
    let (a, b) = (steps(old), steps(new));
    for (id, (owner, due)) in &b {
        match a.get(id) {
            None => out.push(change(
                "process",
                "added",
                id,
                format!("step added, owned by {owner}, due {due}"),
            )),
            Some((old_owner, old_due)) => {
                out.extend(changed(
                    "process",
                    id,
                    "owner",
                    old_owner.clone(),
                    owner.clone(),
                ));
                out.extend(changed("process", id, "due", old_due.clone(), due.clone()));
            }
        }
    }
    for id in a.keys().filter(|id| !b.contains_key(*id)) {
        out.push(change("process", "removed", id, "step removed"));
    }
}

fn platforms(old: &Plan, new: &Plan, out: &mut Vec<Change>) {
    let all = |plan: &Plan| -> BTreeMap<String, String> {
        plan.platforms
            .iter()
            .flat_map(|p| &p.data.platforms)
            .map(|p| (p.id.value.clone(), format!("{}%", number(p.focus.value))))
            .collect()
    };
    let (a, b) = (all(old), all(new));
    for (id, focus) in &b {
        match a.get(id) {
            None => out.push(change(
                "platforms",
                "added",
                id,
                format!("platform added, focus {focus}"),
            )),
            Some(old_focus) => out.extend(changed(
                "platforms",
                id,
                "focus",
                old_focus.clone(),
                focus.clone(),
            )),
        }
    }
    for id in a.keys().filter(|id| !b.contains_key(*id)) {
        out.push(change("platforms", "removed", id, "platform removed"));
    }
}

fn team(old: &Plan, new: &Plan, out: &mut Vec<Change>) {
    let people = |plan: &Plan| -> BTreeMap<String, (String, String)> {
        plan.team
            .iter()
            .flat_map(|t| &t.data.people)
            .map(|p| {
                let roles = p
                    .roles
                    .iter()
                    .map(|r| r.value.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                (
                    p.id.value.clone(),
                    (roles, p.hours_per_week.map_or("—".into(), number)),
                )
            })
            .collect()
    };
    let (a, b) = (people(old), people(new));
    for (id, (roles, hours)) in &b {
        match a.get(id) {
            None => out.push(change(
                "team",
                "added",
                id,
                format!("person added ({roles})"),
            )),
            Some((old_roles, old_hours)) => {
                out.extend(changed(
                    "team",
                    id,
                    "roles",
                    old_roles.clone(),
                    roles.clone(),
                ));
                out.extend(changed(
                    "team",
                    id,
                    "hours a week",
                    old_hours.clone(),
                    hours.clone(),
                ));
            }
        }
    }
    for id in a.keys().filter(|id| !b.contains_key(*id)) {
        out.push(change("team", "removed", id, "person removed"));
    }
}

fn policies(old: &Plan, new: &Plan, out: &mut Vec<Change>) {
    let summary = |plan: &Plan| -> BTreeMap<&'static str, String> {
        let mut m = BTreeMap::new();
        if let Some(p) = &plan.policies {
            let p = &p.data;
            m.insert(
                "max hashtags",
                p.hashtags
                    .as_ref()
                    .and_then(|h| h.max_per_post.as_ref())
                    .map_or("—".into(), |v| v.value.to_string()),
            );
            let mut words: Vec<&str> = p.banned_words.iter().map(|w| w.value.as_str()).collect();
            words.sort_unstable();
            m.insert("banned words", words.join(", "));
            m.insert(
                "text limits",
                p.text_limits
                    .iter()
                    .map(|(k, v)| format!("{}: {}", k.value, v.value))
                    .collect::<Vec<_>>()
                    .join(", "),
            );
            m.insert(
                "response promise",
                p.response_time
                    .as_ref()
                    .map_or("—".into(), |r| r.promise.raw.trim().to_string()),
            );
            m.insert("mix tolerance", number(p.mix_tolerance()));
        }
        m
    };
    let (a, b) = (summary(old), summary(new));
    for (what, value) in &b {
        out.extend(changed(
            "policies",
            "policies",
            *what,
            a.get(what).cloned().unwrap_or_default(),
            value.clone(),
        ));
    }
}

/// The changes as Markdown, ready to post as a pull-request comment.
pub fn markdown(changes: &[Change], old_label: &str, new_label: &str) -> String {
    let mut s = format!("### Plan changes: `{old_label}` → `{new_label}`\n\n");
    if changes.is_empty() {
        s.push_str("No change to the plan.\n");
        return s;
    }
    for (area, title) in [
        ("goals", "Goals and KPIs"),
        ("calendar", "Calendar"),
        ("process", "Process"),
        ("platforms", "Platforms"),
        ("team", "Team"),
        ("policies", "Policies"),
    ] {
        let here: Vec<&Change> = changes.iter().filter(|c| c.area == area).collect();
        if here.is_empty() {
            continue;
        }
        let _ = writeln!(s, "**{title}** ({})\n", here.len());
        let mut month = None;
        for c in here {
            if c.month.is_some() && c.month != month {
                month.clone_from(&c.month);
                let _ = writeln!(s, "- {}", month.as_deref().unwrap_or(""));
            }
            let indent = if c.month.is_some() { "  " } else { "" };
            let detail = match (&c.old, &c.new) {
                (Some(a), Some(b)) if c.kind != "added" => format!(": {a} → {b}"),
                _ => String::new(),
            };
            let _ = writeln!(
                s,
                "{indent}- `{}` {}{detail}",
                c.id,
                c.what.replace('|', "\\|")
            );
        }
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_groups_by_area_and_month() {
        let mut moved = change("calendar", "moved", "a", "publish time");
        moved.month = Some("2026-11".into());
        moved.old = Some("2026-11-12T19:00".into());
        moved.new = Some("2026-11-13T19:00".into());
        let target = changed(
            "goals",
            "reach/followers",
            "target",
            "2000 by 2026-12-31".into(),
            "2500 by 2026-12-31".into(),
        )
        .unwrap();
        let text = markdown(&[target, moved], "main", "HEAD");
        assert_eq!(
            text,
            "### Plan changes: `main` → `HEAD`\n\n**Goals and KPIs** (1)\n\n- `reach/followers` target: 2000 by 2026-12-31 → 2500 by 2026-12-31\n\n**Calendar** (1)\n\n- 2026-11\n  - `a` publish time: 2026-11-12T19:00 → 2026-11-13T19:00\n\n"
        );
        assert_eq!(
            markdown(&[], "a", "b"),
            "### Plan changes: `a` → `b`\n\nNo change to the plan.\n"
        );
    }
}

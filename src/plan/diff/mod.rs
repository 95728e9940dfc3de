//! `plan diff`: what changed in a plan between two versions, as a reviewer
//! needs it — goals and KPI targets, calendar items added, moved,
//! re-assigned or removed, process owners, platforms, team, policies, and
//! approvals given, changed or withdrawn.

use crate::plan::model::Plan;
use crate::plan::model::calendar::Item;
use crate::t;
use crate::text::bidi::isolate_ltr;
use crate::text::i18n::{Lang, Msg};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

mod budget;
mod consequences;

/// One change, in words and in data.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// `consequences`, `goals`, `calendar`, `process`, `platforms`, `team`,
    /// `policies`, `budget` or `approvals`.
    pub area: &'static str,
    /// `added`, `removed`, `changed`, `moved`, `reassigned`.
    pub kind: &'static str,
    /// The id of what changed (for calendar items: the item; for KPIs: `goal/kpi`).
    pub id: String,
    /// The calendar month, for items.
    pub month: Option<String>,
    /// What changed, in the reader's language (English in JSON).
    pub what: Msg,
    pub old: Option<Msg>,
    pub new: Option<Msg>,
}

/// A value as the plan file writes it.
fn verbatim(text: impl Into<String>) -> Msg {
    t!("verbatim", text = text.into())
}

fn change(area: &'static str, kind: &'static str, id: impl Into<String>, what: Msg) -> Change {
    Change {
        area,
        kind,
        id: id.into(),
        month: None,
        what,
        old: None,
        new: None,
    }
}

fn changed(
    area: &'static str,
    id: impl Into<String>,
    what: Msg,
    old: Msg,
    new: Msg,
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

/// Compares two plans; `today` dates the problems the change brings.
pub fn diff(old: &Plan, new: &Plan, today: chrono::NaiveDate) -> Vec<Change> {
    let mut out = Vec::new();
    goals(old, new, &mut out);
    calendar(old, new, &mut out);
    process(old, new, &mut out);
    platforms(old, new, &mut out);
    team(old, new, &mut out);
    policies(old, new, &mut out);
    budget::budget(old, new, &mut out);
    approvals(old, new, &mut out);
    let consequences = consequences::of(old, new, &out, today);
    consequences.into_iter().chain(out).collect()
}

/// The approvals on record: the plan's (id `plan`) and each month's
/// calendar's (id the month), as `by on day`.
fn approvals(old: &Plan, new: &Plan, out: &mut Vec<Change>) {
    use crate::plan::model::approval::Signoff;
    let shown = |a: &Signoff| t!("diff.approval", by = &a.by.value, on = a.on.raw.trim());
    let all = |plan: &Plan| -> BTreeMap<String, Msg> {
        let plan_approval = plan
            .settings
            .as_ref()
            .and_then(|s| s.data.approved.as_ref())
            .map(|a| ("plan".to_string(), shown(a)));
        let months = plan.months.iter().filter_map(|m| {
            let month = m.data.planned_month()?;
            Some((month.to_string(), shown(m.data.approved.as_ref()?)))
        });
        plan_approval.into_iter().chain(months).collect()
    };
    let (a, b) = (all(old), all(new));
    for (id, approval) in &b {
        match a.get(id) {
            None => out.push(Change {
                new: Some(approval.clone()),
                ..change(
                    "approvals",
                    "added",
                    id,
                    t!("diff.approval-given", approval = approval.clone()),
                )
            }),
            Some(before) => out.extend(changed(
                "approvals",
                id,
                t!("diff.approval-changed"),
                before.clone(),
                approval.clone(),
            )),
        }
    }
    for (id, approval) in a.iter().filter(|(id, _)| !b.contains_key(*id)) {
        out.push(Change {
            old: Some(approval.clone()),
            ..change(
                "approvals",
                "removed",
                id,
                t!("diff.approval-withdrawn", approval = approval.clone()),
            )
        });
    }
}

/// Each KPI by `goal/kpi`: its metric, baseline and target in words.
fn kpis(plan: &Plan) -> BTreeMap<String, (String, Msg, Msg)> {
    let goals = plan.goals.iter().flat_map(|g| &g.data.goals);
    goals
        .flat_map(|g| g.kpis.iter().map(move |k| (g, k)))
        .map(|(g, k)| {
            let target = k.target.as_ref().map_or(verbatim("—"), |t| {
                let date = t.by.raw.trim();
                t!("diff.target", value = number(t.value()), date = date)
            });
            let baseline = k.baseline.as_ref().map_or(verbatim("—"), |b| {
                let date = b.at.raw.trim();
                t!("diff.baseline", value = number(b.value()), date = date)
            });
            let id = format!("{}/{}", g.id.value, k.id.value);
            (id, (k.metric.value.clone(), baseline, target))
        })
        .collect()
}

fn goals(old: &Plan, new: &Plan, out: &mut Vec<Change>) {
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
            let what = t!("diff.goal-added", name = name);
            out.push(change("goals", "added", id, what));
        }
    }
    for (id, name) in &old_goals {
        if !new_goals.contains_key(id) {
            let what = t!("diff.goal-removed", name = name);
            out.push(change("goals", "removed", id, what));
        }
    }
    let (old_kpis, new_kpis) = (kpis(old), kpis(new));
    for (id, (metric, baseline, target)) in &new_kpis {
        let Some((old_metric, old_baseline, old_target)) = old_kpis.get(id) else {
            let what = t!("diff.kpi-added", metric = metric, target = target.clone());
            out.push(change("goals", "added", id, what));
            continue;
        };
        let fields = [
            (
                t!("diff.field.metric"),
                verbatim(old_metric),
                verbatim(metric),
            ),
            (t!("word.baseline"), old_baseline.clone(), baseline.clone()),
            (t!("word.target"), old_target.clone(), target.clone()),
        ];
        for (what, a, b) in fields {
            out.extend(changed("goals", id, what, a, b));
        }
    }
    for id in old_kpis.keys().filter(|id| !new_kpis.contains_key(*id)) {
        out.push(change("goals", "removed", id, t!("diff.kpi-removed")));
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

/// An item's platforms as the plan lists them.
fn platform_list(i: &Item) -> String {
    let ids: Vec<&str> = i.platforms.iter().map(|p| p.value.as_str()).collect();
    ids.join(", ")
}

fn calendar(old: &Plan, new: &Plan, out: &mut Vec<Change>) {
    let (old_items, new_items) = (items(old), items(new));
    for (id, (month, item)) in &new_items {
        let found = match old_items.get(id) {
            Some((_, before)) => item_changes(id, before, item),
            None => vec![Change {
                new: Some(verbatim(item.publish.raw.trim())),
                ..change(
                    "calendar",
                    "added",
                    id,
                    t!(
                        "diff.item-added",
                        title = item.title.primary(),
                        platforms = platform_list(item),
                        owner = &item.owner.value
                    ),
                )
            }],
        };
        out.extend(found.into_iter().map(|mut c| {
            c.month = Some(month.clone());
            c
        }));
    }
    for (id, (month, item)) in &old_items {
        if !new_items.contains_key(id) {
            out.push(Change {
                month: Some(month.clone()),
                old: Some(verbatim(item.publish.raw.trim())),
                ..change(
                    "calendar",
                    "removed",
                    id,
                    t!("diff.item-removed", title = item.title.primary()),
                )
            });
        }
    }
}

/// What changed in one item kept from `before` to `item`: its time, its
/// owner, its status, platforms and goal.
fn item_changes(id: &str, before: &Item, item: &Item) -> Vec<Change> {
    let mut out = Vec::new();
    if before.publish.raw.trim() != item.publish.raw.trim() {
        out.push(Change {
            old: Some(verbatim(before.publish.raw.trim())),
            new: Some(verbatim(item.publish.raw.trim())),
            ..change("calendar", "moved", id, t!("diff.field.publish"))
        });
    }
    if before.owner.value != item.owner.value {
        out.push(Change {
            old: Some(verbatim(&before.owner.value)),
            new: Some(verbatim(&item.owner.value)),
            ..change("calendar", "reassigned", id, t!("diff.field.owner"))
        });
    }
    // A status in the reader's words (`scheduled` → «مجدولة»).
    let status = |i: &Item| {
        i.status
            .get()
            .map_or_else(|| verbatim(i.status.raw.trim()), |s| s.words())
    };
    let goal = |i: &Item| verbatim(i.goal.as_ref().map_or("", |g| g.value.as_str()));
    let fields = [
        (t!("diff.field.status"), status(before), status(item)),
        (
            t!("diff.field.platforms"),
            verbatim(platform_list(before)),
            verbatim(platform_list(item)),
        ),
        (t!("diff.field.goal"), goal(before), goal(item)),
    ];
    for (what, a, b) in fields {
        out.extend(changed("calendar", id, what, a, b));
    }
    out
}

fn process(old: &Plan, new: &Plan, out: &mut Vec<Change>) {
    // Per step: owner, due and effort, as written.
    let steps = |plan: &Plan| -> BTreeMap<String, [String; 3]> {
        plan.process
            .iter()
            .flat_map(|p| p.data.steps())
            .map(|s| {
                let effort = s.effort.as_ref().map_or("—", |e| e.raw.trim());
                let fields = [&s.owner.value, s.due.raw.trim(), effort].map(str::to_string);
                (s.id.value.clone(), fields)
            })
            .collect()
    };
    let (a, b) = (steps(old), steps(new));
    for (id, now) in &b {
        let Some(before) = a.get(id) else {
            let [owner, due, _] = now;
            let what = t!("diff.step-added", owner = owner, due = due);
            out.push(change("process", "added", id, what));
            continue;
        };
        let names = [
            t!("diff.field.owner"),
            t!("diff.field.due"),
            t!("diff.field.effort"),
        ];
        for ((name, was), is) in names.into_iter().zip(before).zip(now) {
            out.extend(changed("process", id, name, verbatim(was), verbatim(is)));
        }
    }
    for id in a.keys().filter(|id| !b.contains_key(*id)) {
        out.push(change("process", "removed", id, t!("diff.step-removed")));
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
                t!("diff.platform-added", focus = focus),
            )),
            Some(old_focus) => out.extend(changed(
                "platforms",
                id,
                t!("diff.field.focus"),
                verbatim(old_focus),
                verbatim(focus),
            )),
        }
    }
    for id in a.keys().filter(|id| !b.contains_key(*id)) {
        out.push(change(
            "platforms",
            "removed",
            id,
            t!("diff.platform-removed"),
        ));
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
                    (roles, p.hours().map_or("—".into(), number)),
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
                t!("diff.person-added", roles = roles),
            )),
            Some((old_roles, old_hours)) => {
                out.extend(changed(
                    "team",
                    id,
                    t!("diff.field.roles"),
                    verbatim(old_roles),
                    verbatim(roles),
                ));
                out.extend(changed(
                    "team",
                    id,
                    t!("diff.field.hours"),
                    verbatim(old_hours),
                    verbatim(hours),
                ));
            }
        }
    }
    for id in a.keys().filter(|id| !b.contains_key(*id)) {
        out.push(change("team", "removed", id, t!("diff.person-removed")));
    }
}

fn policies(old: &Plan, new: &Plan, out: &mut Vec<Change>) {
    // Each policy as one line of text, in the order a reviewer reads them
    // (none at all when the plan has no policies file).
    let summary = |plan: &Plan| -> Vec<(Msg, String)> {
        let Some(p) = &plan.policies else {
            return Vec::new();
        };
        let p = &p.data;
        let mut words: Vec<&str> = p.banned_words.iter().map(|w| w.value.as_str()).collect();
        words.sort_unstable();
        vec![
            (t!("diff.policy.banned-words"), words.join(", ")),
            (
                t!("diff.policy.max-hashtags"),
                p.hashtags
                    .as_ref()
                    .and_then(|h| h.max_per_post.as_ref())
                    .map_or("—".into(), |v| v.value.to_string()),
            ),
            (t!("diff.policy.mix-tolerance"), number(p.mix_tolerance())),
            (
                t!("diff.policy.response-promise"),
                p.response_time
                    .as_ref()
                    .map_or("—".into(), |r| r.promise.raw.trim().to_string()),
            ),
            (
                t!("diff.policy.text-limits"),
                p.text_limits
                    .iter()
                    .map(|(k, v)| format!("{}: {}", k.value, v.value))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        ]
    };
    let before = summary(old);
    for (what, value) in summary(new) {
        let was = before
            .iter()
            .find(|(w, _)| *w == what)
            .map_or_else(String::new, |(_, v)| v.clone());
        out.extend(changed(
            "policies",
            "policies",
            what,
            verbatim(was),
            verbatim(value),
        ));
    }
}

/// The changes as Markdown in `lang`, ready to post as a pull-request comment.
pub fn markdown(changes: &[Change], old_label: &str, new_label: &str, lang: Lang) -> String {
    let s = markdown_body(changes, old_label, new_label, lang);
    if lang != Lang::Ar {
        return s;
    }
    // Ids, figures and dates left to right, each line on its own; GitHub
    // reads Markdown inside a block after a blank line.
    let lines: Vec<String> = s.trim_end().lines().map(isolate_ltr).collect();
    format!("<div dir=\"rtl\">\n\n{}\n\n</div>\n", lines.join("\n"))
}

fn markdown_body(changes: &[Change], old_label: &str, new_label: &str, lang: Lang) -> String {
    let mut s = t!("diff.heading", old = old_label, new = new_label).text(lang);
    s.push_str("\n\n");
    if changes.is_empty() {
        s.push_str(&t!("diff.nothing").text(lang));
        s.push('\n');
        return s;
    }
    for (area, title) in [
        ("consequences", t!("diff.area.consequences")),
        ("goals", t!("diff.area.goals")),
        ("calendar", t!("diff.area.calendar")),
        ("process", t!("diff.area.process")),
        ("platforms", t!("diff.area.platforms")),
        ("team", t!("diff.area.team")),
        ("policies", t!("diff.area.policies")),
        ("budget", t!("diff.area.budget")),
        ("approvals", t!("diff.area.approvals")),
    ] {
        // A month's items together, the months in order (the rest as found).
        let mut here: Vec<&Change> = changes.iter().filter(|c| c.area == area).collect();
        here.sort_by(|a, b| a.month.cmp(&b.month));
        if here.is_empty() {
            continue;
        }
        let _ = writeln!(s, "**{}** ({})\n", title.text(lang), here.len());
        let mut month = None;
        for c in here {
            if c.month.is_some() && c.month != month {
                month.clone_from(&c.month);
                let _ = writeln!(s, "- {}", month.as_deref().unwrap_or(""));
            }
            let indent = if c.month.is_some() { "  " } else { "" };
            let detail = match (&c.old, &c.new) {
                (Some(a), Some(b)) if c.kind != "added" => {
                    t!("diff.from-to", old = a.clone(), new = b.clone()).text(lang)
                }
                _ => String::new(),
            };
            let _ = writeln!(
                s,
                "{indent}- `{}` {}",
                c.id,
                format!("{}{detail}", c.what.text(lang)).replace('|', "\\|")
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
        let mut moved = change("calendar", "moved", "a", t!("diff.field.publish"));
        moved.month = Some("2026-11".into());
        moved.old = Some(verbatim("2026-11-12T19:00"));
        moved.new = Some(verbatim("2026-11-13T19:00"));
        let target = changed(
            "goals",
            "reach/followers",
            t!("word.target"),
            t!("diff.target", value = 2000, date = "2026-12-31"),
            t!("diff.target", value = 2500, date = "2026-12-31"),
        )
        .unwrap();
        let changes = [target, moved];
        let text = markdown(&changes, "main", "HEAD", Lang::En);
        assert_eq!(
            text,
            "### Plan changes: `main` → `HEAD`\n\n**Goals and KPIs** (1)\n\n- `reach/followers` target: 2000 by 2026-12-31 → 2500 by 2026-12-31\n\n**Calendar** (1)\n\n- 2026-11\n  - `a` publish time: 2026-11-12T19:00 → 2026-11-13T19:00\n\n"
        );
        assert_eq!(
            markdown(&[], "a", "b", Lang::En),
            "### Plan changes: `a` → `b`\n\nNo change to the plan.\n"
        );
        // In Arabic, ids, figures and dates isolated left to right (shown [ ]).
        let arabic = markdown(&changes, "main", "HEAD", Lang::Ar)
            .replace('\u{2066}', "[")
            .replace('\u{2069}', "]");
        assert_eq!(
            arabic,
            "<div dir=\"rtl\">\n\n### تغييرات الخطة: [`main`] ← [`HEAD`]\n\n**الأهداف ومؤشرات الأداء** ([1])\n\n- [`reach/followers`] المستهدف: [2000] بحلول [2026-12-31] ← [2500] بحلول [2026-12-31]\n\n**التقويم** ([1])\n\n- [2026-11]\n  - [`a`] موعد النشر: [2026-11-12T19:00] ← [2026-11-13T19:00]\n\n</div>\n"
        );
    }
}

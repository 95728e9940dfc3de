//! The process: steps form a DAG, every owner exists (a role has people),
//! and a step is not due before the steps it comes after.

use super::ids::{IdKind, expect, expect_owner};
use super::{Context, span};
use crate::plan::diagnostic::{Diagnostic, Span};
use crate::plan::model::process::{Owner, Step};
use crate::plan::rules::catalog as rule;
use crate::t;
use std::collections::HashMap;

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let plan = cx.plan;
    let Some(process) = &plan.process else { return };
    let file = process.file;
    let steps: Vec<&Step> = process.data.steps().collect();
    let by_id: HashMap<&str, &Step> = steps.iter().map(|s| (s.id.value.as_str(), *s)).collect();

    for step in &steps {
        expect_owner(cx, out, file, &step.owner);
        if let (Owner::Role(role), Some(team)) = (Owner::parse(&step.owner.value), &plan.team)
            && team.data.role(role).is_some()
            && team.data.members(role).next().is_none()
        {
            out.push(
                Diagnostic::new(
                    &rule::EMPTY_ROLE,
                    t!("empty-role", step = &step.id.value, role = role),
                )
                .at(span(file, &step.owner))
                .related(
                    span(team.file, &team.data.role(role).expect("checked").id),
                    t!("empty-role.related"),
                )
                .help(t!("empty-role.help", role = role)),
            );
        }
        for p in &step.platforms {
            expect(cx, out, file, p, IdKind::Platform);
        }
        for before in &step.after {
            if !expect(cx, out, file, before, IdKind::Step) {
                continue;
            }
            let Some(prev) = by_id.get(before.value.as_str()) else {
                continue;
            };
            if let (Some(a), Some(b), Some(pa), Some(pb)) = (
                step.due.get(),
                prev.due.get(),
                step.per.get(),
                prev.per.get(),
            ) && pa == pb
                && a < b
            {
                out.push(
                    Diagnostic::new(
                        &rule::DUE_ORDER,
                        t!(
                            "due-order",
                            step = &step.id.value,
                            due = a,
                            prev = &prev.id.value,
                            prev_due = b
                        ),
                    )
                    .at(Span::from_yaml(file, &step.due.at))
                    .related(
                        Span::from_yaml(file, &prev.due.at),
                        t!("due-order.related", prev = &prev.id.value),
                    )
                    .help(t!(
                        "due-order.help",
                        step = &step.id.value,
                        prev_due = b
                    )),
                );
            }
        }
    }

    for cycle in cycles(&steps, &by_id) {
        let first = by_id[cycle[0]];
        let path: Vec<&str> = cycle
            .iter()
            .copied()
            .chain(std::iter::once(cycle[0]))
            .collect();
        let mut d = Diagnostic::new(
            &rule::PROCESS_CYCLE,
            t!("process-cycle", path = path.join(" → ")),
        )
        .at(span(file, &first.id))
        .help(t!("process-cycle.help"));
        for pair in path.windows(2) {
            let step = by_id[pair[0]];
            if let Some(link) = step.after.iter().find(|a| a.value == pair[1]) {
                d = d.related(
                    span(file, link),
                    t!("process-cycle.related", step = pair[0], after = pair[1]),
                );
            }
        }
        out.push(d);
    }
}

/// Each cycle once, as the list of step ids around it, starting from the
/// step that comes first in the file.
fn cycles<'a>(steps: &[&'a Step], by_id: &HashMap<&'a str, &'a Step>) -> Vec<Vec<&'a str>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Active,
        Done,
    }
    let mut mark: HashMap<&str, Mark> = steps
        .iter()
        .map(|s| (s.id.value.as_str(), Mark::New))
        .collect();
    let mut found = Vec::new();
    for start in steps {
        if mark[start.id.value.as_str()] != Mark::New {
            continue;
        }
        // Iterative depth-first search over `after` links.
        let mut stack: Vec<(&str, usize)> = vec![(start.id.value.as_str(), 0)];
        mark.insert(start.id.value.as_str(), Mark::Active);
        while let Some((node, next)) = stack.last().copied() {
            let links = &by_id[node].after;
            if next >= links.len() {
                mark.insert(node, Mark::Done);
                stack.pop();
                continue;
            }
            stack.last_mut().expect("non-empty").1 += 1;
            let target = links[next].value.as_str();
            match mark.get(target) {
                Some(Mark::New) => {
                    mark.insert(target, Mark::Active);
                    stack.push((target, 0));
                }
                Some(Mark::Active) => {
                    let from = stack
                        .iter()
                        .position(|(n, _)| *n == target)
                        .expect("active is on the stack");
                    found.push(stack[from..].iter().map(|(n, _)| *n).collect());
                }
                _ => {}
            }
        }
    }
    found
}

//! Every goal has a KPI; every KPI a known metric, a baseline and a target
//! dated inside the plan period; composite KPIs declare parts whose weights sum to 1.

use super::{Context, number, span};
use crate::diagnostic::{Diagnostic, Span, did_you_mean};
use crate::metrics;
use crate::rules::catalog as rule;

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let plan = cx.plan;
    let Some(goals) = &plan.goals else { return };
    let file = goals.file;
    let period = plan.settings.as_ref().and_then(|s| s.data.period());
    let metric_ids = || metrics::DICTIONARY.iter().map(|m| m.id);
    for goal in &goals.data.goals {
        if goal.kpis.is_empty() {
            out.push(
                Diagnostic::new(
                    &rule::GOAL_WITHOUT_KPI,
                    format!("goal `{}` has no KPI", goal.id.value),
                )
                .at(span(file, &goal.id))
                .help("add a `kpis:` list with at least one KPI that measures this goal"),
            );
        }
        for kpi in &goal.kpis {
            if metrics::find(&kpi.metric.value).is_none() {
                out.push(
                    Diagnostic::new(
                        &rule::UNKNOWN_METRIC,
                        format!("unknown metric `{}`", kpi.metric.value),
                    )
                    .at(span(file, &kpi.metric))
                    .maybe_help(
                        did_you_mean(&kpi.metric.value, metric_ids())
                            .or_else(|| Some("`docs/metrics.md` lists the metrics".into())),
                    ),
                );
            }
            let mut missing = Vec::new();
            if kpi.baseline.is_none() {
                missing.push("a baseline (`baseline: {value: …, at: YYYY-MM-DD}`)");
            }
            if kpi.target.is_none() {
                missing.push("a target (`target: {value: …, by: YYYY-MM-DD}`)");
            }
            if !missing.is_empty() {
                out.push(
                    Diagnostic::new(
                        &rule::KPI_INCOMPLETE,
                        format!(
                            "KPI `{}` has no {}",
                            kpi.id.value,
                            if missing.len() == 2 {
                                "baseline and no target"
                            } else if kpi.baseline.is_none() {
                                "baseline"
                            } else {
                                "target"
                            }
                        ),
                    )
                    .at(span(file, &kpi.id))
                    .help(format!("add {}", missing.join(" and "))),
                );
            }
            if let Some((start, end)) = period {
                let dates = kpi
                    .baseline
                    .iter()
                    .map(|b| (&b.at, "baseline"))
                    .chain(kpi.target.iter().map(|t| (&t.by, "target")));
                for (date, what) in dates {
                    let Some(value) = date.get() else { continue };
                    if *value < start || *value > end {
                        out.push(
                            Diagnostic::new(
                                &rule::KPI_DATE_OUTSIDE_PERIOD,
                                format!("the {what} date {value} of KPI `{}` is outside the plan period {start} – {end}", kpi.id.value),
                            )
                            .at(Span::from_yaml(file, &date.at)),
                        );
                    }
                }
            }
            check_parts(out, file, kpi);
        }
    }
}

fn check_parts(
    out: &mut Vec<Diagnostic>,
    file: crate::diagnostic::FileId,
    kpi: &crate::model::goals::Kpi,
) {
    let composite = metrics::is_composite(&kpi.metric.value);
    if composite && kpi.parts.is_empty() {
        out.push(
            Diagnostic::new(
                &rule::COMPOSITE_WEIGHTS,
                format!(
                    "KPI `{}` is a composite index but declares no parts",
                    kpi.id.value
                ),
            )
            .at(span(file, &kpi.metric))
            .help("add `parts:` with a metric and a weight each, weights adding up to 1"),
        );
        return;
    }
    if !composite && !kpi.parts.is_empty() {
        out.push(
            Diagnostic::new(
                &rule::COMPOSITE_WEIGHTS,
                format!(
                    "only a composite metric (influence_strength) has parts; `{}` does not",
                    kpi.metric.value
                ),
            )
            .at(span(file, &kpi.metric)),
        );
        return;
    }
    let mut total = 0.0;
    for part in &kpi.parts {
        if metrics::find(&part.metric.value).is_none() || metrics::is_composite(&part.metric.value)
        {
            out.push(
                Diagnostic::new(
                    &rule::UNKNOWN_METRIC,
                    format!(
                        "unknown metric `{}` in the parts of `{}`",
                        part.metric.value, kpi.id.value
                    ),
                )
                .at(span(file, &part.metric))
                .maybe_help(did_you_mean(
                    &part.metric.value,
                    metrics::DICTIONARY.iter().map(|m| m.id),
                )),
            );
        }
        if part.weight.value <= 0.0 {
            out.push(
                Diagnostic::new(
                    &rule::COMPOSITE_WEIGHTS,
                    format!("weight {} is not positive", number(part.weight.value)),
                )
                .at(Span::from_yaml(file, &part.weight.referenced)),
            );
        }
        total += part.weight.value;
    }
    if !kpi.parts.is_empty() && (total - 1.0).abs() > 1e-6 {
        out.push(
            Diagnostic::new(
                &rule::COMPOSITE_WEIGHTS,
                format!(
                    "the part weights of `{}` add up to {}, not 1",
                    kpi.id.value,
                    number(total)
                ),
            )
            .at(span(file, &kpi.id)),
        );
    }
}

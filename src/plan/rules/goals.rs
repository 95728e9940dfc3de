//! Every goal has a KPI; every KPI a known metric, a baseline and a target
//! dated inside the plan period; composite KPIs declare parts whose weights sum to 1.

use super::{Context, number, span};
use crate::plan::diagnostic::{Diagnostic, Span, did_you_mean};
use crate::plan::metrics::{self, Metric};
use crate::plan::rules::catalog as rule;
use crate::t;

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let plan = cx.plan;
    let Some(goals) = &plan.goals else { return };
    let file = goals.file;
    let period = plan.settings.as_ref().and_then(|s| s.data.period());
    let own = plan.measures.iter().flat_map(|m| &m.data.measures);
    let metric_ids = || {
        metrics::DICTIONARY
            .iter()
            .map(|m| m.id)
            .chain(own.clone().map(|m| m.id.value.as_str()))
    };
    for goal in &goals.data.goals {
        if goal.kpis.is_empty() {
            out.push(
                Diagnostic::new(
                    &rule::GOAL_WITHOUT_KPI,
                    t!("goal-without-kpi", goal = &goal.id.value),
                )
                .at(span(file, &goal.id))
                .help(t!("goal-without-kpi.help")),
            );
        }
        for kpi in &goal.kpis {
            if Metric::from_id(&kpi.metric.value).is_none()
                && plan.measure(&kpi.metric.value).is_none()
            {
                out.push(
                    Diagnostic::new(
                        &rule::UNKNOWN_METRIC,
                        t!("unknown-metric", metric = &kpi.metric.value),
                    )
                    .at(span(file, &kpi.metric))
                    .help(
                        did_you_mean(&kpi.metric.value, metric_ids())
                            .unwrap_or_else(|| t!("unknown-metric.help")),
                    ),
                );
            }
            let incomplete = match (kpi.baseline.is_none(), kpi.target.is_none()) {
                (true, true) => Some(("kpi-incomplete.both", t!("kpi-incomplete.both.help"))),
                (true, false) => Some((
                    "kpi-incomplete.baseline",
                    t!("kpi-incomplete.baseline.help"),
                )),
                (false, true) => Some(("kpi-incomplete.target", t!("kpi-incomplete.target.help"))),
                (false, false) => None,
            };
            target_beyond_baseline(file, kpi, out);
            shares_written_as_percents(file, kpi, out);
            dates_in_order(file, kpi, out);
            if let Some((which, help)) = incomplete {
                let message = match which {
                    "kpi-incomplete.both" => t!("kpi-incomplete.both", kpi = &kpi.id.value),
                    "kpi-incomplete.baseline" => t!("kpi-incomplete.baseline", kpi = &kpi.id.value),
                    _ => t!("kpi-incomplete.target", kpi = &kpi.id.value),
                };
                out.push(
                    Diagnostic::new(&rule::KPI_INCOMPLETE, message)
                        .at(span(file, &kpi.id))
                        .help(help),
                );
            }
            if let Some((start, end)) = period {
                let dates = kpi
                    .baseline
                    .iter()
                    .map(|b| (&b.at, t!("word.baseline")))
                    .chain(kpi.target.iter().map(|t| (&t.by, t!("word.target"))));
                for (date, what) in dates {
                    let Some(value) = date.get() else { continue };
                    if *value < start || *value > end {
                        out.push(
                            Diagnostic::new(
                                &rule::KPI_DATE_OUTSIDE_PERIOD,
                                t!(
                                    "kpi-date-outside-period",
                                    what = what,
                                    date = value,
                                    kpi = &kpi.id.value,
                                    start = start,
                                    end = end
                                ),
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
    file: crate::plan::source::FileId,
    kpi: &crate::plan::model::goals::Kpi,
) {
    let composite = Metric::from_id(&kpi.metric.value).is_some_and(Metric::is_composite);
    if composite && kpi.parts.is_empty() {
        out.push(
            Diagnostic::new(
                &rule::COMPOSITE_WEIGHTS,
                t!("composite-without-parts", kpi = &kpi.id.value),
            )
            .at(span(file, &kpi.metric))
            .help(t!("composite-without-parts.help")),
        );
        return;
    }
    if !composite && !kpi.parts.is_empty() {
        out.push(
            Diagnostic::new(
                &rule::COMPOSITE_WEIGHTS,
                t!("parts-on-plain-metric", metric = &kpi.metric.value),
            )
            .at(span(file, &kpi.metric)),
        );
        return;
    }
    let mut total = 0.0;
    for part in &kpi.parts {
        if Metric::from_id(&part.metric.value).is_none_or(Metric::is_composite) {
            out.push(
                Diagnostic::new(
                    &rule::UNKNOWN_METRIC,
                    t!(
                        "unknown-part-metric",
                        metric = &part.metric.value,
                        kpi = &kpi.id.value
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
                    t!("weight-not-positive", weight = number(part.weight.value)),
                )
                .at(Span::from_yaml(file, &part.weight.at)),
            );
        }
        total += part.weight.value;
    }
    if !kpi.parts.is_empty() && (total - 1.0).abs() > 1e-6 {
        out.push(
            Diagnostic::new(
                &rule::COMPOSITE_WEIGHTS,
                t!("weights-sum", kpi = &kpi.id.value, total = number(total)),
            )
            .at(span(file, &kpi.id)),
        );
    }
}

/// A share's baseline or target above 1 is a percent written without its
/// sign (`5` for 5 %, read as 500 %): said at the value.
fn shares_written_as_percents(
    file: crate::plan::source::FileId,
    kpi: &crate::plan::model::goals::Kpi,
    out: &mut Vec<Diagnostic>,
) {
    let is_share = metrics::DICTIONARY
        .iter()
        .any(|m| m.id == kpi.metric.value && m.unit == metrics::Unit::Share);
    if !is_share {
        return;
    }
    let values = kpi
        .baseline
        .iter()
        .map(|b| (&b.amount, t!("word.baseline")))
        .chain(kpi.target.iter().map(|t| (&t.amount, t!("word.target"))));
    for (amount, what) in values {
        let written = amount.value;
        if !written.percent && written.value > 1.0 {
            out.push(
                Diagnostic::new(
                    &rule::SHARE_AS_PERCENT,
                    t!(
                        "share-as-percent",
                        kpi = &kpi.id.value,
                        what = what,
                        value = number(written.value),
                        percent = number(written.value * 100.0)
                    ),
                )
                .at(Span::from_yaml(file, &amount.at))
                .help(t!("share-as-percent.help", value = number(written.value))),
            );
        }
    }
}

/// A KPI's baseline comes before its target date.
fn dates_in_order(
    file: crate::plan::source::FileId,
    kpi: &crate::plan::model::goals::Kpi,
    out: &mut Vec<Diagnostic>,
) {
    let (Some(baseline), Some(target)) = (&kpi.baseline, &kpi.target) else {
        return;
    };
    let (Some(from), Some(by)) = (baseline.at.get(), target.by.get()) else {
        return;
    };
    if from >= by {
        out.push(
            Diagnostic::new(
                &rule::KPI_DATES_REVERSED,
                t!(
                    "kpi-dates-reversed",
                    kpi = &kpi.id.value,
                    from = from,
                    by = by
                ),
            )
            .at(Span::from_yaml(file, &baseline.at.at))
            .related(
                Span::from_yaml(file, &target.by.at),
                t!("kpi-dates-reversed.related"),
            )
            .help(t!("kpi-dates-reversed.help")),
        );
    }
}

/// A KPI's target must lie beyond its baseline in its direction, or its
/// progress (value − baseline) ÷ (target − baseline) means nothing.
fn target_beyond_baseline(
    file: crate::plan::source::FileId,
    kpi: &crate::plan::model::goals::Kpi,
    out: &mut Vec<Diagnostic>,
) {
    use crate::plan::model::goals::Direction;
    let (Some(baseline), Some(target), Some(direction)) = (
        &kpi.baseline,
        &kpi.target,
        kpi.direction.as_ref().and_then(|d| d.get()),
    ) else {
        return;
    };
    let beyond = match direction {
        Direction::Increase => target.value() > baseline.value(),
        Direction::Decrease => target.value() < baseline.value(),
    };
    if !beyond {
        let message = t!(
            "kpi-target-behind",
            kpi = &kpi.id.value,
            direction = direction.as_str(),
            baseline = number(baseline.value()),
            target = number(target.value())
        );
        let help = t!("kpi-target-behind.help");
        out.push(
            Diagnostic::new(&rule::KPI_TARGET_BEHIND_BASELINE, message)
                .at(Span::from_yaml(file, &target.amount.at))
                .related(
                    Span::from_yaml(file, &baseline.amount.at),
                    t!("kpi-target-behind.related"),
                )
                .help(help),
        );
    }
}

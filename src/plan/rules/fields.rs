//! Values that were read but mean nothing: impossible dates, unknown enum
//! values, unreadable durations. Reported here so one bad value does not
//! hide the rest of its file.

use super::Context;
use crate::plan::diagnostic::{Diagnostic, Span, did_you_mean};
use crate::plan::model::calendar::CalendarMonth;
use crate::plan::model::{FieldValue, Parsed};
use crate::plan::rules::catalog as rule;
use crate::plan::source::FileId;
use crate::t;
use crate::text::i18n::Msg;

fn field<T: FieldValue>(out: &mut Vec<Diagnostic>, file: FileId, parsed: &Parsed<T>) {
    let Err(message) = &parsed.value else { return };
    let rule = if T::ENUMERATED {
        &rule::UNKNOWN_VALUE
    } else {
        &rule::INVALID_DATE
    };
    let raw = parsed.raw.trim();
    let help =
        did_you_mean(raw, T::choices().iter().copied()).or_else(|| former_name(raw, T::choices()));
    out.push(
        Diagnostic::new(rule, message.clone())
            .at(Span::from_yaml(file, &parsed.at))
            .maybe_help(help),
    );
}

fn optional<T: FieldValue>(out: &mut Vec<Diagnostic>, file: FileId, parsed: Option<&Parsed<T>>) {
    if let Some(parsed) = parsed {
        field(out, file, parsed);
    }
}

/// Platforms staff may still call by an old name.
fn former_name(raw: &str, choices: &[&str]) -> Option<Msg> {
    let (old, new) = match raw.to_lowercase().as_str() {
        "twitter" => ("Twitter", "x"),
        "ig" => ("IG", "instagram"),
        "fb" => ("FB", "facebook"),
        "yt" => ("YT", "youtube"),
        _ => return None,
    };
    choices
        .contains(&new)
        .then(|| t!("former-name", new = new, old = old))
}

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let plan = cx.plan;
    if let Some(settings) = &plan.settings {
        let (f, s) = (settings.file, &settings.data);
        field(out, f, &s.period.start);
        field(out, f, &s.period.end);
        field(out, f, &s.time_zone);
        optional(out, f, s.week_start.as_ref());
        optional(out, f, s.date_order.as_ref());
        for day in &s.working_days {
            field(out, f, day);
        }
        if let Some(hours) = &s.working_hours {
            field(out, f, &hours.start);
            field(out, f, &hours.end);
            if let (Some(start), Some(end)) = (hours.start.get(), hours.end.get())
                && end <= start
            {
                out.push(
                    Diagnostic::new(
                        &rule::WORKING_HOURS_REVERSED,
                        t!(
                            "working-hours-reversed",
                            start = start.format("%H:%M"),
                            end = end.format("%H:%M")
                        ),
                    )
                    .at(Span::from_yaml(f, &hours.end.at))
                    .related(
                        Span::from_yaml(f, &hours.start.at),
                        t!("working-hours-reversed.start"),
                    )
                    .help(t!("working-hours-reversed.help")),
                );
            }
        }
        if let Some(prepare) = &s.period.prepare_from {
            field(out, f, prepare);
            if let (Some(day), Some(start)) = (prepare.get(), s.period.start.get())
                && day > start
            {
                out.push(
                    Diagnostic::new(
                        &rule::INVALID_PERIOD,
                        t!("prepare-after-start", day = day, start = start),
                    )
                    .at(Span::from_yaml(f, &prepare.at))
                    .related(
                        Span::from_yaml(f, &s.period.start.at),
                        t!("invalid-period.start"),
                    ),
                );
            }
        }
        if let (Some(start), Some(end)) = (s.period.start.get(), s.period.end.get())
            && end <= start
        {
            out.push(
                Diagnostic::new(
                    &rule::INVALID_PERIOD,
                    t!("invalid-period", start = start, end = end),
                )
                .at(Span::from_yaml(f, &s.period.end.at))
                .related(
                    Span::from_yaml(f, &s.period.start.at),
                    t!("invalid-period.start"),
                ),
            );
        }
    }
    if let Some(approved) = plan
        .settings
        .as_ref()
        .and_then(|s| s.data.approved.as_ref())
    {
        let file = plan.settings.as_ref().expect("checked").file;
        field(out, file, &approved.on);
    }
    if let Some(goals) = &plan.goals {
        for kpi in goals.data.goals.iter().flat_map(|g| &g.kpis) {
            optional(out, goals.file, kpi.direction.as_ref());
            optional(out, goals.file, kpi.period.as_ref());
            if let Some(b) = &kpi.baseline {
                field(out, goals.file, &b.at);
            }
            if let Some(t) = &kpi.target {
                field(out, goals.file, &t.by);
            }
        }
    }
    if let Some(platforms) = &plan.platforms {
        for p in &platforms.data.platforms {
            field(out, platforms.file, &p.kind);
        }
    }
    if let Some(process) = &plan.process {
        for step in process.data.steps() {
            field(out, process.file, &step.per);
            field(out, process.file, &step.due);
            optional(out, process.file, step.done_when.as_ref());
            optional(out, process.file, step.effort.as_ref());
        }
    }
    if let Some(policies) = &plan.policies {
        if let Some(a) = &policies.data.approval {
            field(out, policies.file, &a.before);
        }
        if let Some(hours) = &policies.data.publishing_hours {
            field(out, policies.file, &hours.start);
            field(out, policies.file, &hours.end);
        }
        if let Some(r) = &policies.data.response_time {
            field(out, policies.file, &r.promise);
            optional(out, policies.file, r.clock.as_ref());
        }
    }
    if let Some(measures) = &plan.measures {
        for measure in &measures.data.measures {
            field(out, measures.file, &measure.from);
            optional(out, measures.file, measure.over_time.as_ref());
            optional(out, measures.file, measure.aggregate.as_ref());
        }
    }
    if let Some(coverage) = &plan.coverage {
        for mention in &coverage.data.coverage {
            field(out, coverage.file, &mention.date);
            optional(out, coverage.file, mention.kind.as_ref());
        }
    }
    if let Some(strategy) = &plan.strategy {
        let file = strategy.file;
        for recommendation in &strategy.data.recommendations {
            field(out, file, &recommendation.due);
        }
        for review in &strategy.data.reviews {
            field(out, file, &review.of);
            field(out, file, &review.every);
            field(out, file, &review.due);
        }
    }
    if let Some(budget) = &plan.budget {
        optional(out, budget.file, budget.data.approved.on.as_ref());
        for line in &budget.data.lines {
            field(out, budget.file, &line.kind);
        }
        for campaign in &budget.data.campaigns {
            optional(out, budget.file, campaign.from.as_ref());
            optional(out, budget.file, campaign.to.as_ref());
        }
    }
}

/// The values of one calendar month that were read but mean nothing.
pub(super) fn check_month(file: FileId, month: &CalendarMonth, out: &mut Vec<Diagnostic>) {
    optional(out, file, month.month.as_ref());
    optional(out, file, month.status.as_ref());
    if let Some(approved) = &month.approved {
        field(out, file, &approved.on);
    }
    for item in &month.items {
        field(out, file, &item.publish);
        field(out, file, &item.format);
        field(out, file, &item.status);
        for (_, figures) in &item.figures {
            field(out, file, &figures.read);
        }
    }
}

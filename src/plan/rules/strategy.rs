//! `strategy.yaml`: every point of the analysis bears on a goal or a
//! platform that exists; every peer's account is on a platform kind the
//! tool knows; every recommendation serves a goal, has an owner and is due
//! inside the plan period, and comes from points and peers that exist;
//! every review has an owner; the monitoring mapping can be read; no id is
//! used twice in the file.

use super::ids::{IdKind, expect, expect_owner};
use super::{Context, span};
use crate::plan::diagnostic::{Diagnostic, Span};
use crate::plan::model::FieldValue as _;
use crate::plan::model::platforms::PlatformKind;
use crate::plan::model::strategy::{Monitoring, Strategy};
use crate::plan::rules::catalog as rule;
use crate::plan::source::FileId;
use crate::t;

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(strategy) = &cx.plan.strategy else {
        return;
    };
    let (file, data) = (strategy.file, &strategy.data);
    ids_once(file, data, out);
    for (_, item) in data.swot.items() {
        if item.goals.is_empty() && item.platforms.is_empty() {
            out.push(
                Diagnostic::new(
                    &rule::STRATEGY_UNCONNECTED,
                    t!("swot-unconnected", item = &item.id.value),
                )
                .at(span(file, &item.id))
                .help(t!("swot-unconnected.help")),
            );
        }
        for goal in &item.goals {
            expect(cx, out, file, goal, IdKind::Goal);
        }
        for platform in &item.platforms {
            expect(cx, out, file, platform, IdKind::Platform);
        }
    }
    for peer in &data.peers {
        for (kind, _) in &peer.accounts.0 {
            if PlatformKind::parse(&kind.value).is_err() {
                out.push(
                    Diagnostic::new(
                        &rule::UNKNOWN_VALUE,
                        t!("peer-platform-kind", kind = &kind.value),
                    )
                    .at(span(file, kind))
                    .help(t!("peer-platform-kind.help")),
                );
            }
        }
    }
    let period = cx.plan.settings.as_ref().and_then(|s| s.data.period());
    let known: Vec<&str> = data
        .swot
        .items()
        .map(|(_, i)| i.id.value.as_str())
        .chain(data.peers.iter().map(|p| p.id.value.as_str()))
        .collect();
    for recommendation in &data.recommendations {
        expect(cx, out, file, &recommendation.goal, IdKind::Goal);
        expect_owner(cx, out, file, &recommendation.owner);
        if let (Some(due), Some((start, end))) = (recommendation.due.get(), period)
            && (*due < start || *due > end)
        {
            out.push(
                Diagnostic::new(
                    &rule::STRATEGY_OUTSIDE_PERIOD,
                    t!(
                        "recommendation-outside-period",
                        date = due,
                        start = start,
                        end = end
                    ),
                )
                .at(Span::from_yaml(file, &recommendation.due.at)),
            );
        }
        for source in &recommendation.from {
            if !known.contains(&source.value.as_str()) {
                out.push(
                    Diagnostic::new(
                        &rule::UNRESOLVED_REFERENCE,
                        t!("recommendation-unknown-source", name = &source.value),
                    )
                    .at(span(file, source))
                    .help(t!("recommendation-unknown-source.help")),
                );
            }
        }
    }
    for review in &data.reviews {
        expect_owner(cx, out, file, &review.owner);
    }
    if let Some(monitoring) = &data.monitoring {
        check_monitoring(file, monitoring, out);
    }
}

/// The monitoring mapping: a pattern that can be read, a figure to read,
/// and platform values that map onto platform kinds.
fn check_monitoring(file: FileId, monitoring: &Monitoring, out: &mut Vec<Diagnostic>) {
    let problem = |at: &crate::plan::model::fields::At, message| {
        Diagnostic::new(&rule::MONITORING_DECLARATION, message).at(Span::from_yaml(file, at))
    };
    if let Err(error) = globset::Glob::new(&monitoring.files.value) {
        out.push(problem(
            &monitoring.files.at,
            t!(
                "measure-bad-pattern",
                pattern = &monitoring.files.value,
                error = error.kind().to_string()
            ),
        ));
    }
    if monitoring.followers.is_none()
        && monitoring.posts.is_none()
        && monitoring.interactions.is_none()
    {
        out.push(
            problem(&monitoring.account.at, t!("monitoring-no-figure"))
                .help(t!("monitoring-no-figure.help")),
        );
    }
    for (_, kind) in &monitoring.platform_values {
        if PlatformKind::parse(&kind.value).is_err() {
            out.push(
                problem(&kind.at, t!("peer-platform-kind", kind = &kind.value))
                    .help(t!("peer-platform-kind.help")),
            );
        }
    }
}

/// Each id of the file once: a point, a peer, a recommendation, a review.
fn ids_once(file: FileId, data: &Strategy, out: &mut Vec<Diagnostic>) {
    let ids = data
        .swot
        .items()
        .map(|(_, i)| &i.id)
        .chain(data.peers.iter().map(|p| &p.id))
        .chain(data.recommendations.iter().map(|r| &r.id))
        .chain(data.reviews.iter().map(|r| &r.id));
    let mut seen: Vec<&str> = Vec::new();
    for id in ids {
        if seen.contains(&id.value.as_str()) {
            out.push(
                Diagnostic::new(&rule::DUPLICATE_ID, t!("strategy-id-twice", id = &id.value))
                    .at(span(file, id)),
            );
        } else {
            seen.push(&id.value);
        }
    }
}

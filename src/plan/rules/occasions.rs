//! Occasions: `occasions.yaml` declares sets, marks and occasions that
//! exist; an item's `occasion:` names one and goes out within its days
//! (or its run-up); an occasion the plan marks has an item planned once it
//! is within its lead time.

use super::{Context, span};
use crate::plan::diagnostic::{Diagnostic, Span};
use crate::plan::model::calendar::{CalendarMonth, Status};
use crate::plan::occasions::{self, Occurrence, catalog};
use crate::plan::rules::catalog as rule;
use crate::plan::source::FileId;
use crate::t;
use crate::text::i18n::InLang;
use chrono::{NaiveDate, TimeDelta};

/// `occasions.yaml` as declared.
pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(file) = &cx.plan.occasions else {
        return;
    };
    let (at, data) = (file.file, &file.data);
    for set in &data.sets {
        if !catalog::SETS.contains(&set.value.as_str()) {
            let sets = catalog::SETS.join(", ");
            out.push(
                declaration(t!("occasion-unknown-set", set = &set.value, sets = sets))
                    .at(span(at, set)),
            );
        }
    }
    for own in &data.own {
        let dated = (own.yearly.is_some(), own.date.is_some());
        if dated.0 == dated.1 {
            out.push(declaration(t!("occasion-own-day", id = &own.id.value)).at(span(at, &own.id)));
        }
        if catalog::all().any(|d| d.id == own.id.value) {
            out.push(
                declaration(t!("occasion-own-builtin", id = &own.id.value)).at(span(at, &own.id)),
            );
        }
        if let Some(days) = own.days.as_ref().filter(|d| d.value == 0) {
            out.push(
                declaration(t!("occasion-own-zero-days", id = &own.id.value))
                    .at(Span::from_yaml(at, &days.at)),
            );
        }
    }
    for mark in &data.mark {
        unknown(cx, at, &mark.occasion, out);
        for duration in [&mark.lead, &mark.run_up].into_iter().flatten() {
            if duration.get().is_some_and(|d| d.minutes < 0) {
                out.push(
                    declaration(t!("occasion-negative-lead", text = &duration.raw))
                        .at(Span::from_yaml(at, &duration.at)),
                );
            }
        }
    }
}

fn declaration(message: crate::text::i18n::Msg) -> Diagnostic {
    Diagnostic::new(&rule::OCCASION_DECLARATION, message).help(t!("occasion-declaration.help"))
}

/// Reports `id` when it names no occasion the tool or the plan knows.
fn unknown(
    cx: &Context,
    file: FileId,
    id: &crate::plan::model::Id,
    out: &mut Vec<Diagnostic>,
) -> bool {
    if occasions::find(cx.plan, &id.value).is_some() {
        return false;
    }
    out.push(declaration(t!("occasion-unknown", id = &id.value)).at(span(file, id)));
    true
}

/// Each item's occasion exists and the item goes out within its days.
pub(super) fn check_month(
    cx: &Context,
    file: FileId,
    month: &CalendarMonth,
    out: &mut Vec<Diagnostic>,
) {
    let marked = occasions::marked(cx.plan);
    for item in &month.items {
        let (Some(id), Some(publish)) = (&item.occasion, item.publish.get()) else {
            continue;
        };
        if item.status.get() == Some(&Status::Cancelled) || unknown(cx, file, id, out) {
            continue;
        }
        let Some(definition) = occasions::find(cx.plan, &id.value) else {
            continue;
        };
        let run_up = marked
            .iter()
            .find(|m| m.definition.id == definition.id)
            .map_or(TimeDelta::zero(), |m| m.run_up);
        let day = publish.date();
        let Some(occurrence) = occasions::nearest(&definition, day) else {
            continue;
        };
        if day
            < occurrence
                .start
                .checked_sub_signed(run_up)
                .unwrap_or(NaiveDate::MIN)
            || day > occurrence.end
        {
            out.push(
                off_window(&occurrence, day, run_up).at(Span::from_yaml(file, &item.publish.at)),
            );
        }
    }
}

fn off_window(occurrence: &Occurrence, day: NaiveDate, run_up: TimeDelta) -> Diagnostic {
    let name = InLang(occurrence.definition.ar, occurrence.definition.en);
    let (start, end) = (occurrence.start, occurrence.end);
    let message = if day < start {
        t!(
            "occasion-early",
            date = day,
            n = (start - day).num_days(),
            name = InLang(occurrence.definition.ar, occurrence.definition.en),
            start = start,
            end = end
        )
    } else {
        t!(
            "occasion-late",
            date = day,
            n = (day - end).num_days(),
            name = name,
            start = start,
            end = end
        )
    };
    Diagnostic::new(&rule::OCCASION_OFF_WINDOW, message)
        .help(t!("occasion-off-window.help", n = run_up.num_days()))
}

/// Marked occasions of the plan period that are within their lead time
/// (or have begun) as of `today`, with no item planned for them.
/// `tagged`: each item's occasion and the day it goes out.
pub(super) fn unplanned(
    cx: &Context,
    tagged: &[(&str, NaiveDate)],
    today: NaiveDate,
    out: &mut Vec<Diagnostic>,
) {
    let (Some(file), Some((start, end))) = (
        &cx.plan.occasions,
        cx.plan.settings.as_ref().and_then(|s| s.data.period()),
    ) else {
        return;
    };
    for marked in occasions::marked(cx.plan) {
        for occurrence in occasions::between(std::slice::from_ref(&marked.definition), start, end) {
            let due = occurrence
                .start
                .checked_sub_signed(marked.lead)
                .unwrap_or(NaiveDate::MIN);
            if today < due || today > occurrence.end || planned(tagged, &occurrence) {
                continue;
            }
            let message = if today < occurrence.start {
                t!(
                    "occasion-unplanned",
                    name = InLang(occurrence.definition.ar, occurrence.definition.en),
                    key = occurrence.key(),
                    n = (occurrence.start - today).num_days(),
                    start = occurrence.start
                )
            } else {
                t!(
                    "occasion-unplanned-begun",
                    name = InLang(occurrence.definition.ar, occurrence.definition.en),
                    key = occurrence.key(),
                    start = occurrence.start,
                    end = occurrence.end
                )
            };
            out.push(
                Diagnostic::new(&rule::OCCASION_UNPLANNED, message)
                    .at(span(file.file, &marked.mark.occasion))
                    .help(t!("occasion-unplanned.help", n = marked.lead.num_days())),
            );
        }
    }
}

/// Whether some month has an item for `occurrence` (its nearest).
fn planned(tagged: &[(&str, NaiveDate)], occurrence: &Occurrence) -> bool {
    tagged.iter().any(|(id, day)| {
        *id == occurrence.definition.id
            && occasions::nearest(&occurrence.definition, *day)
                .is_some_and(|o| o.start == occurrence.start)
    })
}

//! The charity's own measures over a period: the values recorded by hand
//! for its months, or the rows of its CSV files dated in it, added up as
//! the measure says, with the platforms they came through. A value nothing
//! gives is missing with the reason, never zero; every value names its source.

use super::data::Period;
use super::figures::Figure;
use crate::exports::measures::{Adds, MeasureRows, OwnRecords};
use crate::plan::model::Plan;
use crate::plan::model::measures::{Aggregate, Measure, MeasureFrom, OverTime, Record};
use crate::t;
use crate::text::dates::Month;
use crate::text::i18n::Msg;
use serde::Serialize;

/// One platform's part of a measure's value (`other` for rows through no
/// platform of the plan).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlatformPart {
    pub platform: String,
    pub value: f64,
}

/// A measure over a period: its figure and the platforms' parts of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Measured {
    pub figure: Figure,
    pub by_platform: Vec<PlatformPart>,
}

/// The name used for rows through no platform of the plan.
pub const OTHER: &str = "other";

/// `measure` over `period`, counting only what came through `platforms`
/// (empty: whatever it came through).
pub fn measure(
    plan: &Plan,
    own: &OwnRecords,
    measure: &Measure,
    platforms: &[String],
    period: &Period,
) -> Measured {
    match measure.from.get() {
        Some(MeasureFrom::Csv) => match own.of(&measure.id.value) {
            Some(rows) => from_rows(measure, rows, platforms, period),
            None => missing(t!("note.measure-unread", measure = &measure.id.value)),
        },
        Some(MeasureFrom::Manual) => recorded(plan, measure, platforms, period),
        None => missing(t!("note.measure-unread", measure = &measure.id.value)),
    }
}

fn missing(why: Msg) -> Measured {
    Measured {
        figure: Figure::missing(None, why),
        by_platform: Vec::new(),
    }
}

fn found(value: f64, by_platform: Vec<PlatformPart>, source: Msg) -> Measured {
    Measured {
        figure: Figure {
            metric: None,
            value: Some(value),
            numerator: None,
            denominator: None,
            note: Some(source),
            lacks: Vec::new(),
            without: Vec::new(),
        },
        by_platform,
    }
}

/// Whether a row through `platform` counts for a KPI on `platforms`.
fn counts_for(platforms: &[String], platform: Option<&str>) -> bool {
    platforms.is_empty() || platform.is_some_and(|p| platforms.iter().any(|q| q == p))
}

/// Adds `value` to `platform`'s part.
fn add_part(parts: &mut Vec<PlatformPart>, platform: &str, value: f64) {
    match parts.iter_mut().find(|p| p.platform == platform) {
        Some(part) => part.value += value,
        None => parts.push(PlatformPart {
            platform: platform.to_string(),
            value,
        }),
    }
}

/// A CSV measure from its rows dated in the period.
fn from_rows(
    measure: &Measure,
    rows: &MeasureRows,
    platforms: &[String],
    period: &Period,
) -> Measured {
    let pattern = measure.files.as_ref().map_or("", |f| f.value.as_str());
    if rows.files.is_empty() {
        return missing(t!("note.measure-no-file", pattern = pattern));
    }
    if rows.kept.is_empty() {
        return missing(if rows.rows_read == 0 {
            t!("note.measure-no-rows", pattern = pattern)
        } else {
            t!("note.measure-filter-keeps-nothing", rows = rows.rows_read)
        });
    }
    // Rows that end before the period, or begin after it, say nothing of
    // it: not a zero.
    let last = rows.kept.iter().map(|r| r.date).max().expect("rows kept");
    if last < period.from {
        return missing(t!(
            "note.measure-ends-before",
            pattern = pattern,
            last = last
        ));
    }
    let first = rows.kept.iter().map(|r| r.date).min().expect("rows kept");
    if first > period.to {
        return missing(t!(
            "note.measure-begins-after",
            pattern = pattern,
            first = first
        ));
    }
    let through_platform = measure.platform.is_some();
    let in_period = rows.kept.iter().filter(|row| {
        period.contains(row.date)
            && (!through_platform || counts_for(platforms, row.platform.as_deref()))
    });
    let aggregate = measure.aggregates();
    let mut value = 0.0;
    let mut rows_counted = 0usize;
    let mut parts: Vec<PlatformPart> = Vec::new();
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for row in in_period {
        let adds = match (&row.adds, aggregate) {
            (Adds::Key(key), Aggregate::Distinct) => {
                if seen.insert(key.as_str()) {
                    1.0
                } else {
                    0.0
                }
            }
            (Adds::Amount(amount), _) => *amount,
            _ => 1.0,
        };
        rows_counted += 1;
        value += adds;
        if through_platform {
            add_part(&mut parts, row.platform.as_deref().unwrap_or(OTHER), adds);
        }
    }
    sort_parts(&mut parts, platforms);
    let source = t!(
        "note.measure-from-files",
        pattern = pattern,
        files = t!("count.file", n = rows.files.len()),
        rows = t!("count.row", n = rows_counted),
        how = match aggregate {
            Aggregate::Sum => t!("aggregate.sum"),
            Aggregate::Count => t!("aggregate.count"),
            Aggregate::Distinct => t!("aggregate.distinct"),
        }
    );
    found(value, parts, source)
}

/// Platform parts in the plan's order of the KPI's platforms, `other` last.
fn sort_parts(parts: &mut [PlatformPart], platforms: &[String]) {
    let place = |p: &PlatformPart| {
        if p.platform == OTHER {
            usize::MAX
        } else {
            platforms
                .iter()
                .position(|q| *q == p.platform)
                .unwrap_or(usize::MAX - 1)
        }
    };
    parts.sort_by(|a, b| {
        place(a)
            .cmp(&place(b))
            .then_with(|| a.platform.cmp(&b.platform))
    });
}

/// The months of the period, each wholly inside it.
fn whole_months(period: &Period) -> Vec<Month> {
    let mut months = Vec::new();
    let mut month = Month::of(period.from);
    while month.first_day() <= period.to {
        if month.first_day() >= period.from && month.last_day() <= period.to {
            months.push(month);
        }
        month = month.next();
    }
    months
}

/// One month's value of a manual measure, with its platforms' parts and
/// where it was recorded.
struct MonthValue {
    value: f64,
    parts: Vec<PlatformPart>,
    sources: Vec<String>,
}

/// `month`'s value of manual measure `id` for a KPI on `platforms`: the
/// records of those platforms, or for a KPI on all platforms the record
/// without a platform (else every platform's record added up).
fn month_value(plan: &Plan, id: &str, platforms: &[String], month: Month) -> Option<MonthValue> {
    let file = format!("measures/{month}.yaml");
    let records: Vec<&Record> = plan
        .recorded
        .iter()
        .filter(|r| r.data.file_month == Some(month))
        .flat_map(|r| &r.data.records)
        .filter(|rec| rec.measure.value == id)
        .collect();
    let platform_of = |r: &Record| r.platform.as_ref().map(|p| p.value.clone());
    let whole = records.iter().find(|r| r.platform.is_none());
    if platforms.is_empty()
        && let Some(whole) = whole
    {
        return Some(MonthValue {
            value: whole.value.value,
            parts: Vec::new(),
            sources: vec![source_of(&file, whole)],
        });
    }
    let by_platform: Vec<&Record> = records
        .iter()
        .copied()
        .filter(|r| platform_of(r).is_some_and(|p| counts_for(platforms, Some(&p))))
        .collect();
    let every_platform_recorded = platforms.iter().all(|p| {
        by_platform
            .iter()
            .any(|r| platform_of(r).as_ref() == Some(p))
    });
    if by_platform.is_empty() || !every_platform_recorded {
        return None;
    }
    let mut parts = Vec::new();
    for r in &by_platform {
        add_part(
            &mut parts,
            &platform_of(r).expect("filtered"),
            r.value.value,
        );
    }
    sort_parts(&mut parts, platforms);
    Some(MonthValue {
        value: parts.iter().map(|p| p.value).sum(),
        parts,
        sources: by_platform.iter().map(|r| source_of(&file, r)).collect(),
    })
}

/// A manual measure from the values recorded for the period's months.
fn recorded(plan: &Plan, measure: &Measure, platforms: &[String], period: &Period) -> Measured {
    let months = whole_months(period);
    if months.is_empty() {
        return missing(t!("note.measure-whole-months"));
    }
    let values: Vec<(Month, Option<MonthValue>)> = months
        .iter()
        .map(|&month| {
            (
                month,
                month_value(plan, &measure.id.value, platforms, month),
            )
        })
        .collect();
    let unrecorded: Vec<String> = values
        .iter()
        .filter(|(_, v)| v.is_none())
        .map(|(m, _)| m.to_string())
        .collect();
    let not_recorded = || {
        missing(t!(
            "note.measure-not-recorded",
            months = unrecorded.join(", ")
        ))
    };
    match measure.combines() {
        OverTime::Sum => {
            if !unrecorded.is_empty() {
                return not_recorded();
            }
            let mut total = 0.0;
            let mut parts = Vec::new();
            let mut sources = Vec::new();
            for month in values.into_iter().filter_map(|(_, v)| v) {
                total += month.value;
                for part in month.parts {
                    add_part(&mut parts, &part.platform, part.value);
                }
                sources.extend(month.sources);
            }
            sort_parts(&mut parts, platforms);
            found(total, parts, recorded_note(sources))
        }
        OverTime::Last => match values.into_iter().rev().find_map(|(m, v)| Some((m, v?))) {
            Some((month, value)) => {
                let mut note = recorded_note(value.sources);
                if Some(&month) != months.last() {
                    note = t!("note.measure-as-of", note = note, month = month.to_string());
                }
                found(value.value, value.parts, note)
            }
            None => not_recorded(),
        },
    }
}

/// `measures/2026-11.yaml (noura)`: where a recorded value is and who recorded it.
fn source_of(file: &str, record: &Record) -> String {
    match &record.evidence {
        Some(evidence) => format!("{file} ({}; {evidence})", record.recorded_by.value),
        None => format!("{file} ({})", record.recorded_by.value),
    }
}

fn recorded_note(mut sources: Vec<String>) -> Msg {
    sources.dedup();
    t!("note.measure-recorded", sources = sources.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(from: &str, to: &str) -> Period {
        Period::range(from.parse().unwrap(), to.parse().unwrap())
    }

    #[test]
    fn only_months_wholly_inside_a_period_are_its_months() {
        let months = |p: &Period| {
            whole_months(p)
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        };
        assert_eq!(months(&period("2026-11-01", "2026-11-30")), ["2026-11"]);
        assert_eq!(
            months(&period("2026-10-15", "2026-12-31")),
            ["2026-11", "2026-12"]
        );
        assert!(months(&period("2026-11-02", "2026-11-30")).is_empty());
        assert_eq!(months(&period("2026-01-01", "2026-12-31")).len(), 12);
    }

    #[test]
    fn parts_follow_the_kpis_platforms_and_other_comes_last() {
        let mut parts: Vec<PlatformPart> = ["other", "snapchat", "x", "instagram"]
            .iter()
            .map(|p| PlatformPart {
                platform: (*p).to_string(),
                value: 1.0,
            })
            .collect();
        sort_parts(&mut parts, &["x".to_string(), "instagram".to_string()]);
        let order: Vec<&str> = parts.iter().map(|p| p.platform.as_str()).collect();
        assert_eq!(order, ["x", "instagram", "snapchat", "other"]);
    }

    #[test]
    fn a_row_counts_for_a_kpi_on_its_platform_or_on_all() {
        let on = |ps: &[&str]| ps.iter().map(|p| (*p).to_string()).collect::<Vec<_>>();
        assert!(counts_for(&[], None));
        assert!(counts_for(&[], Some("x")));
        assert!(counts_for(&on(&["x"]), Some("x")));
        assert!(!counts_for(&on(&["x"]), Some("instagram")));
        assert!(!counts_for(&on(&["x"]), None));
    }
}

//! The charity's own records: each measure declared so that it can be read
//! (a CSV measure names its files, its date column and what it adds up);
//! each value recorded by hand names a manual measure, a person, at most
//! once a month, inside the plan period; each coverage entry a goal that
//! exists, inside the plan period, its link once.

use super::ids::{IdKind, expect};
use super::{Context, span};
use crate::plan::diagnostic::{Diagnostic, Span};
use crate::plan::metrics::Metric;
use crate::plan::model::coverage::Coverage;
use crate::plan::model::fields::Located;
use crate::plan::model::measures::{Aggregate, Measure, MeasureFrom, Recorded};
use crate::plan::rules::catalog as rule;
use crate::plan::source::FileId;
use crate::t;

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    if let Some(measures) = &cx.plan.measures {
        for measure in &measures.data.measures {
            declaration(cx, measures.file, measure, out);
        }
    }
    for recorded in &cx.plan.recorded {
        records(cx, recorded.file, &recorded.data, out);
    }
    if let Some(coverage) = &cx.plan.coverage {
        coverage_log(cx, coverage.file, &coverage.data, out);
    }
}

fn coverage_log(cx: &Context, file: FileId, log: &Coverage, out: &mut Vec<Diagnostic>) {
    let period = cx.plan.settings.as_ref().and_then(|s| s.data.period());
    let mut links: Vec<(&str, Span)> = Vec::new();
    for mention in &log.coverage {
        if let Some(goal) = &mention.goal {
            expect(cx, out, file, goal, IdKind::Goal);
        }
        if let (Some(date), Some((start, end))) = (mention.date.get(), period)
            && (*date < start || *date > end)
        {
            out.push(
                Diagnostic::new(
                    &rule::RECORD_OUTSIDE_PERIOD,
                    t!(
                        "coverage-outside-period",
                        date = date,
                        start = start,
                        end = end
                    ),
                )
                .at(Span::from_yaml(file, &mention.date.at)),
            );
        }
        if let Some(link) = &mention.link {
            let here = span(file, link);
            let same = |l: &str| {
                l.trim_end_matches('/')
                    .eq_ignore_ascii_case(link.value.trim_end_matches('/'))
            };
            if let Some((_, first)) = links.iter().find(|(l, _)| same(l)) {
                out.push(
                    Diagnostic::new(
                        &rule::RECORD_REPEATED,
                        t!("coverage-repeated", link = &link.value),
                    )
                    .at(here)
                    .related(*first, t!("record-repeated.first"))
                    .help(t!("coverage-repeated.help")),
                );
            } else {
                links.push((&link.value, here));
            }
        }
    }
}

/// A finding of `measure-declaration` at `at`.
fn declaration_problem(
    file: FileId,
    at: &Located<String>,
    message: crate::text::i18n::Msg,
) -> Diagnostic {
    Diagnostic::new(&rule::MEASURE_DECLARATION, message).at(span(file, at))
}

fn declaration(cx: &Context, file: FileId, measure: &Measure, out: &mut Vec<Diagnostic>) {
    let id = &measure.id.value;
    if Metric::from_id(id).is_some() {
        out.push(
            declaration_problem(file, &measure.id, t!("measure-is-metric", measure = id))
                .help(t!("measure-is-metric.help")),
        );
    }
    let csv_fields = [
        ("files", measure.files.as_ref()),
        ("date", measure.date.as_ref()),
        ("date_format", measure.date_format.as_ref()),
        ("value", measure.value.as_ref()),
        ("platform", measure.platform.as_ref()),
    ];
    match measure.from.get() {
        Some(MeasureFrom::Manual) => {
            let first_csv_field = csv_fields
                .iter()
                .find_map(|(name, field)| field.map(|f| (*name, f)));
            if let Some((name, field)) = first_csv_field {
                out.push(
                    declaration_problem(
                        file,
                        field,
                        t!("measure-csv-field", field = name, measure = id),
                    )
                    .help(t!("measure-csv-field.help")),
                );
            } else if measure.aggregate.is_some() || !measure.filters.is_empty() {
                out.push(
                    declaration_problem(
                        file,
                        &measure.id,
                        t!("measure-csv-field", field = "aggregate/where", measure = id),
                    )
                    .help(t!("measure-csv-field.help")),
                );
            }
        }
        Some(MeasureFrom::Csv) => csv_declaration(file, measure, out),
        None => {}
    }
    for (_, platform) in &measure.platform_values {
        expect(cx, out, file, platform, IdKind::Platform);
    }
}

fn csv_declaration(file: FileId, measure: &Measure, out: &mut Vec<Diagnostic>) {
    let id = &measure.id.value;
    for (name, field) in [("files", &measure.files), ("date", &measure.date)] {
        if field.is_none() {
            out.push(
                declaration_problem(
                    file,
                    &measure.id,
                    t!("measure-needs", field = name, measure = id),
                )
                .help(t!("measure-needs.help")),
            );
        }
    }
    if let Some(files) = &measure.files
        && let Err(error) = globset::Glob::new(&files.value)
    {
        out.push(declaration_problem(
            file,
            files,
            t!(
                "measure-bad-pattern",
                pattern = &files.value,
                error = error.kind().to_string()
            ),
        ));
    }
    if let Some(format) = &measure.date_format
        && !is_date_format(&format.value)
    {
        out.push(
            declaration_problem(
                file,
                format,
                t!("measure-bad-date-format", format = &format.value),
            )
            .help(t!("measure-bad-date-format.help")),
        );
    }
    let aggregate = measure.aggregate.as_ref().and_then(|a| a.get()).copied();
    match (aggregate, &measure.value) {
        (Some(Aggregate::Sum | Aggregate::Distinct), None) => {
            let at = measure
                .aggregate
                .as_ref()
                .map_or_else(|| span(file, &measure.id), |a| Span::from_yaml(file, &a.at));
            out.push(
                Diagnostic::new(
                    &rule::MEASURE_DECLARATION,
                    t!("measure-needs-value", measure = id),
                )
                .at(at)
                .help(t!("measure-needs-value.help")),
            );
        }
        (Some(Aggregate::Count), Some(value)) => out.push(
            declaration_problem(file, value, t!("measure-count-value", measure = id))
                .help(t!("measure-count-value.help")),
        ),
        _ => {}
    }
    for filter in &measure.filters {
        if filter.any_of.is_empty() {
            out.push(declaration_problem(
                file,
                &filter.column,
                t!("measure-empty-filter", column = &filter.column.value),
            ));
        }
    }
}

/// Whether `format` is a chrono format that reads a date (a day, a month
/// and a year, each once, nothing it cannot read).
fn is_date_format(format: &str) -> bool {
    use chrono::format::{Item, StrftimeItems};
    let items: Vec<Item> = StrftimeItems::new(format).collect();
    !items.iter().any(|item| matches!(item, Item::Error))
        && chrono::NaiveDate::parse_from_str(
            &chrono::NaiveDate::from_ymd_opt(2026, 11, 30)
                .expect("a real day")
                .and_hms_opt(9, 30, 0)
                .expect("a real time")
                .format(format)
                .to_string(),
            format,
        )
        .is_ok_and(|day| day == chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("a real day"))
}

fn records(cx: &Context, file: FileId, recorded: &Recorded, out: &mut Vec<Diagnostic>) {
    let period = cx.plan.settings.as_ref().and_then(|s| s.data.period());
    if let (Some(month), Some((start, end))) = (recorded.file_month, period)
        && (month.last_day() < start || month.first_day() > end)
    {
        out.push(
            Diagnostic::new(
                &rule::RECORD_OUTSIDE_PERIOD,
                t!(
                    "record-outside-period",
                    month = month,
                    start = start,
                    end = end
                ),
            )
            .at(Span::file_start(file))
            .help(t!("record-outside-period.help")),
        );
    }
    let mut seen: Vec<(&str, Option<&str>, Span)> = Vec::new();
    for record in &recorded.records {
        expect(cx, out, file, &record.recorded_by, IdKind::Person);
        if let Some(platform) = &record.platform {
            expect(cx, out, file, platform, IdKind::Platform);
        }
        if !expect(cx, out, file, &record.measure, IdKind::Measure) {
            continue;
        }
        let name = record.measure.value.as_str();
        if let Some(measure) = cx.plan.measure(name)
            && measure.from.get() == Some(&MeasureFrom::Csv)
        {
            out.push(
                Diagnostic::new(
                    &rule::RECORD_OF_CSV_MEASURE,
                    t!("record-of-csv-measure", measure = name),
                )
                .at(span(file, &record.measure))
                .related(
                    span(
                        cx.plan.measures.as_ref().map_or(file, |m| m.file),
                        &measure.id,
                    ),
                    t!("defined-here", name = name),
                )
                .help(t!("record-of-csv-measure.help")),
            );
            continue;
        }
        let platform = record.platform.as_ref().map(|p| p.value.as_str());
        let here = span(file, &record.measure);
        if let Some((.., first)) = seen.iter().find(|(m, p, _)| *m == name && *p == platform) {
            out.push(
                Diagnostic::new(
                    &rule::RECORD_REPEATED,
                    t!("record-repeated", measure = name),
                )
                .at(here)
                .related(*first, t!("record-repeated.first"))
                .help(t!("record-repeated.help")),
            );
        } else {
            seen.push((name, platform, here));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_date_format;

    #[test]
    fn a_date_format_must_read_a_whole_date_back() {
        for good in [
            "%Y-%m-%d",
            "%d/%m/%Y %H:%M",
            "%m/%d/%Y",
            "%Y-%m-%dT%H:%M:%S",
        ] {
            assert!(is_date_format(good), "{good}");
        }
        for bad in ["%Y-%m", "%d/%m", "%Q", "%Y-%m-%d %", "plain"] {
            assert!(!is_date_format(bad), "{bad}");
        }
    }
}

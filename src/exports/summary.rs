//! One line per export file: what it was read as, whose account it is, the
//! days it covers, the rows used and set aside and its problems — what a
//! person looks at when a number looks wrong (`khairukum exports`).

use super::problems::{Decision, Problem};
use super::tables::Imported;
use crate::plan::model::platforms::PlatformKind;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// What became of one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileSummary {
    pub path: String,
    /// The format's id (`x-account-overview`), when the file was recognised.
    pub format: Option<&'static str>,
    pub platform: Option<&'static str>,
    /// The account its rows name, where the export says.
    pub account: Option<String>,
    /// The first and last day of the rows used.
    #[serde(serialize_with = "iso_date")]
    pub first: Option<NaiveDate>,
    #[serde(serialize_with = "iso_date")]
    pub last: Option<NaiveDate>,
    /// Data rows read.
    pub rows: u64,
    /// Rows not used (a bad date, a row cut short...).
    pub rows_set_aside: u64,
    /// Cells counted as missing.
    pub values_missing: u64,
    /// Whether the whole file was set aside.
    pub skipped: bool,
    pub problems: u64,
}

impl FileSummary {
    /// A file of which nothing is known yet.
    fn blank(path: &str) -> FileSummary {
        FileSummary {
            path: path.to_string(),
            format: None,
            platform: None,
            account: None,
            first: None,
            last: None,
            rows: 0,
            rows_set_aside: 0,
            values_missing: 0,
            skipped: false,
            problems: 0,
        }
    }

    /// Whether the file has data in the days `from` to `to`, or could not
    /// be placed in time at all (so that it is shown whatever the month).
    pub fn touches(&self, from: NaiveDate, to: NaiveDate) -> bool {
        match (self.first, self.last) {
            (Some(first), Some(last)) => first <= to && last >= from,
            _ => true,
        }
    }
}

/// Every file read or set aside, in path order. `problems` are all the
/// problems found (the import's and any the report added).
pub fn summarise(imported: &Imported, problems: &[Problem], tz: chrono_tz::Tz) -> Vec<FileSummary> {
    let mut files: BTreeMap<String, FileSummary> = BTreeMap::new();
    let blank = FileSummary::blank;
    for file in &imported.files {
        let mut summary = blank(&file.path);
        summary.format = Some(file.format.id);
        summary.platform = file.platform.map(PlatformKind::as_str);
        summary.rows = file.rows;
        files.insert(file.path.clone(), summary);
    }
    let mut widen = |path: &str, date: NaiveDate| {
        if let Some(s) = files.get_mut(path) {
            s.first = Some(s.first.map_or(date, |d| d.min(date)));
            s.last = Some(s.last.map_or(date, |d| d.max(date)));
        }
    };
    for post in &imported.posts {
        if let Some(date) = post.published.and_then(|w| w.date_in(tz)) {
            widen(&imported.files[post.source.file].path, date);
        }
    }
    for day in &imported.days {
        widen(&imported.files[day.source.file].path, day.date);
    }
    for inquiry in &imported.inquiries {
        widen(
            &imported.files[inquiry.source.file].path,
            inquiry.received.date(),
        );
    }
    for post in &imported.posts {
        let summary = files.get_mut(&imported.files[post.source.file].path);
        if let Some(summary) = summary.filter(|s| s.account.is_none()) {
            summary.account = post.account_name();
        }
    }
    for problem in problems {
        let summary = files
            .entry(problem.path.clone())
            .or_insert_with(|| blank(&problem.path));
        summary.problems += 1;
        match problem.decision {
            Decision::FileSkipped => summary.skipped = true,
            Decision::RowSkipped if problem.line.is_some() => summary.rows_set_aside += 1,
            Decision::ValueMissing => summary.values_missing += 1,
            Decision::RowSkipped | Decision::Assumed => {}
        }
    }
    files.into_values().collect()
}

/// A day as `2026-11-25` in JSON.
#[allow(
    clippy::ref_option,
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's serialize_with passes the field by reference"
)]
fn iso_date<S: serde::Serializer>(date: &Option<NaiveDate>, out: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(d) => out.collect_str(d),
        None => out.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn a_file_touches_a_month_it_overlaps_or_any_month_when_undated() {
        assert!(summarise(&Imported::default(), &[], chrono_tz::Asia::Riyadh).is_empty());
        let mut file = FileSummary::blank("x.csv");
        assert!(
            file.touches(day(1), day(30)),
            "an undated file is always shown"
        );
        (file.first, file.last) = (Some(day(10)), Some(day(20)));
        assert!(file.touches(day(20), day(30)));
        assert!(file.touches(day(1), day(10)));
        assert!(!file.touches(day(21), day(30)));
        assert!(!file.touches(day(1), day(9)));
    }
}

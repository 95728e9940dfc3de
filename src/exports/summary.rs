//! One line per file of the exports folder: what it is and was read as,
//! whose account or which measure or peers it gives, the days it covers,
//! the rows used and set aside, the money it spent and its problems — what
//! a person looks at when a number looks wrong (`khairukum exports`).

use super::folder::Folder;
use super::inventory::Kind;
use super::problems::{Decision, Problem};
use crate::plan::model::platforms::PlatformKind;
use crate::text::dates::Month;
use crate::text::i18n::Msg;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// What became of one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileSummary {
    pub path: String,
    /// What the inventory took it for (`platform`, `ads`, `measure`,
    /// `monitoring`, `followers`, `peers`, `not-used`, `unreadable`).
    pub kind: &'static str,
    /// The format's id (`x-account-overview`, `meta-ads`), when the file
    /// was recognised.
    pub format: Option<&'static str>,
    pub platform: Option<&'static str>,
    /// The account its rows name, where the export says.
    pub account: Option<String>,
    /// The measures it feeds.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<String>,
    /// The peers it gives figures of.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub peers: Vec<String>,
    /// What an ad export spent, by currency.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub spend: Vec<Spend>,
    /// Why no reader takes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<Msg>,
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

/// Money an ad export spent in one currency (`None`: the export names none).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spend {
    pub currency: Option<String>,
    pub amount: f64,
}

impl FileSummary {
    /// A file of which nothing is known yet.
    fn blank(path: &str, kind: &'static str) -> FileSummary {
        FileSummary {
            path: path.to_string(),
            kind,
            format: None,
            platform: None,
            account: None,
            measures: Vec::new(),
            peers: Vec::new(),
            spend: Vec::new(),
            why: None,
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

    /// Widens its days to take in `from` to `to`.
    fn widen(&mut self, from: NaiveDate, to: NaiveDate) {
        self.first = Some(self.first.map_or(from, |d| d.min(from)));
        self.last = Some(self.last.map_or(to, |d| d.max(to)));
    }
}

/// Every file of the folder, in path order. `problems` are all the
/// problems found (the readers' and any the report added).
pub fn summarise(folder: &Folder, problems: &[Problem], tz: chrono_tz::Tz) -> Vec<FileSummary> {
    let mut files: BTreeMap<String, FileSummary> = BTreeMap::new();
    for entry in &folder.inventory.entries {
        let mut summary = FileSummary::blank(&entry.shown, entry.kind.id());
        match &entry.kind {
            Kind::Measure(ids) => summary.measures.clone_from(ids),
            Kind::NotUsed(why) => summary.why = Some(why.clone()),
            _ => {}
        }
        files.insert(entry.shown.clone(), summary);
    }
    platforms(folder, tz, &mut files);
    ads(folder, &mut files);
    records(folder, &mut files);
    for problem in problems {
        let summary = files
            .entry(problem.path.clone())
            .or_insert_with(|| FileSummary::blank(&problem.path, "platform"));
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

/// The platforms' exports (and figures read by hand): format, account, days.
fn platforms(folder: &Folder, tz: chrono_tz::Tz, files: &mut BTreeMap<String, FileSummary>) {
    let imported = &folder.imported;
    for file in &imported.files {
        let summary = files
            .entry(file.path.clone())
            .or_insert_with(|| FileSummary::blank(&file.path, "platform"));
        summary.format = Some(file.format.id);
        summary.platform = file.platform.map(PlatformKind::as_str);
        summary.rows = file.rows;
    }
    let mut widen = |file: usize, date: NaiveDate| {
        if let Some(s) = files.get_mut(&imported.files[file].path) {
            s.widen(date, date);
        }
    };
    for post in &imported.posts {
        if let Some(date) = post.published.and_then(|w| w.date_in(tz)) {
            widen(post.source.file, date);
        }
    }
    for day in &imported.days {
        widen(day.source.file, day.date);
    }
    for inquiry in &imported.inquiries {
        widen(inquiry.source.file, inquiry.received.date());
    }
    for post in &imported.posts {
        let summary = files.get_mut(&imported.files[post.source.file].path);
        if let Some(summary) = summary.filter(|s| s.account.is_none()) {
            summary.account = post.account_name();
        }
    }
}

/// The ad exports: format, rows, days and money spent by currency.
fn ads(folder: &Folder, files: &mut BTreeMap<String, FileSummary>) {
    let ads = &folder.ads;
    for file in &ads.files {
        if let Some(summary) = files.get_mut(&file.path) {
            summary.format = Some(file.format.id);
            summary.platform = Some(file.format.platform.id());
            summary.rows = (file.rows + file.totals) as u64;
        }
    }
    for row in &ads.rows {
        let Some(summary) = files.get_mut(&ads.files[row.file].path) else {
            continue;
        };
        summary.widen(row.from, row.to);
        match summary
            .spend
            .iter_mut()
            .find(|s| s.currency.as_deref() == row.currency.as_deref())
        {
            Some(spend) => spend.amount += row.spend,
            None => summary.spend.push(Spend {
                currency: row.currency.as_deref().map(str::to_string),
                amount: row.spend,
            }),
        }
    }
}

/// The charity's own records, the peers' figures and the follower totals.
fn records(folder: &Folder, files: &mut BTreeMap<String, FileSummary>) {
    for measure in &folder.own.measures {
        for (path, span) in measure.files.iter().zip(&measure.spans) {
            if let Some(summary) = files.get_mut(path) {
                summary.rows = summary.rows.max(span.rows as u64);
                if let (Some(first), Some(last)) = (span.first, span.last) {
                    summary.widen(first, last);
                }
            }
        }
    }
    let peers = &folder.peers;
    for figure in &peers.figures {
        let Some(summary) = files.get_mut(&peers.files[figure.file].path) else {
            continue;
        };
        summary.rows += 1;
        summary.widen(figure.month.first_day(), figure.month.last_day());
        if !summary.peers.contains(&figure.peer) {
            summary.peers.push(figure.peer.clone());
        }
    }
    let followers = folder.inventory.of_kind(|k| *k == Kind::Followers).next();
    if let Some(summary) = followers.and_then(|e| files.get_mut(&e.shown)) {
        let months = folder.followers.keys().map(|(_, month)| *month);
        let (first, last) = (months.clone().min(), months.max());
        summary.rows = folder.followers.len() as u64;
        if let (Some(first), Some(last)) = (first, last) {
            summary.widen(first.first_day(), Month::last_day(last));
        }
    }
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
        assert!(summarise(&Folder::default(), &[], chrono_tz::Asia::Riyadh).is_empty());
        let mut file = FileSummary::blank("x.csv", "platform");
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

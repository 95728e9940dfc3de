//! Ad spend from the ad platforms' exports: Meta Ads Manager (CSV and
//! XLSX, the currency inside the money headers), TikTok Ads Manager (XLSX
//! or CSV, a `Currency` column, a total row last), Google Ads (two title
//! lines, `Total:` rows, some as UTF-16 tab-separated text), Snapchat and X
//! Ads. Each file is recognised by its header, as the post exports are;
//! its total rows are set aside so that nothing is counted twice, and each
//! campaign row becomes an [`AdRow`]: the campaign's name, the days it
//! covers, what was spent and in which currency.

mod formats;
mod table;

use super::{Decision, Problem};
use crate::plan::rules::catalog as rule;
use crate::t;
use crate::text::dates::Month;
use crate::text::i18n::Msg;
use chrono::NaiveDate;
pub use formats::{AdFormat, AdPlatform};
use std::path::Path;

/// One campaign's spend over some days, as one row of an ad export gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct AdRow {
    pub platform: AdPlatform,
    pub campaign: String,
    /// The days the row covers, both included.
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub spend: f64,
    /// The currency the export names (in its money header or a column).
    pub currency: Option<String>,
    pub impressions: Option<i64>,
    pub clicks: Option<i64>,
    /// The file (in [`AdSpend::files`]) and line it was read from.
    pub file: usize,
    pub line: u64,
}

/// An ad export read.
#[derive(Debug, Clone, PartialEq)]
pub struct AdFile {
    pub path: String,
    pub format: &'static AdFormat,
    /// Campaign rows read, and total rows set aside.
    pub rows: usize,
    pub totals: usize,
}

/// Every ad export of a folder.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AdSpend {
    pub files: Vec<AdFile>,
    pub rows: Vec<AdRow>,
    pub problems: Vec<Problem>,
}

/// Whether the file at `path` is an ad export, read as this reader reads
/// it (any encoding, any delimiter): the post reader then leaves it alone.
pub fn is_ad_export(path: &Path) -> bool {
    table::opening(path).is_some_and(|rows| rows.iter().any(|row| formats::fit(row).is_some()))
}

/// The files under `dir` an ad export may be in.
fn candidates(dir: &Path) -> Vec<std::path::PathBuf> {
    super::measures::files_under(dir)
        .into_iter()
        .filter(|p| {
            p.extension().is_some_and(|x| {
                ["csv", "tsv", "xlsx"]
                    .iter()
                    .any(|e| x.eq_ignore_ascii_case(e))
            })
        })
        .collect()
}

/// Reads every ad export under `dir`; other files are left alone.
pub fn read(dir: &Path) -> AdSpend {
    let mut spend = AdSpend::default();
    for path in candidates(dir) {
        let shown = path.to_string_lossy().replace('\\', "/");
        let workbook = path
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("xlsx"));
        // Only an ad export is read whole; a CSV that is none is the post
        // reader's, a workbook that is none is said here (no other reader
        // reads workbooks).
        if !workbook && !is_ad_export(&path) {
            continue;
        }
        let cells = match table::cells(&path) {
            Ok(cells) => cells,
            Err(why) => {
                spend
                    .problems
                    .push(whole_file(&shown, &rule::EXPORT_UNREADABLE, why));
                continue;
            }
        };
        let Some((header_at, format, columns)) = cells
            .rows
            .iter()
            .take(6)
            .enumerate()
            .find_map(|(i, (_, row))| formats::fit(row).map(|(f, c)| (i, f, c)))
        else {
            if workbook {
                let why = t!("ads.not-an-export");
                spend
                    .problems
                    .push(whole_file(&shown, &rule::EXPORT_UNKNOWN, why));
            }
            continue;
        };
        let folder_month = path.strip_prefix(dir).ok().and_then(|rel| {
            rel.components()
                .find_map(|c| Month::parse(&c.as_os_str().to_string_lossy()).ok())
        });
        let titles: Vec<&str> = cells.rows[..header_at]
            .iter()
            .filter_map(|(_, row)| row.first().map(String::as_str))
            .collect();
        let file_days = formats::days_in_titles(&titles)
            .or_else(|| formats::days_in_name(&shown))
            .or_else(|| folder_month.map(|m| (m.first_day(), m.last_day())));
        let file = spend.files.len();
        let mut read = AdFile {
            path: shown.clone(),
            format,
            rows: 0,
            totals: 0,
        };
        let problem = |line: u64, column: Option<&str>, message: Msg, decision| Problem {
            rule: &rule::EXPORT_NOT_A_NUMBER,
            path: shown.clone(),
            line: Some(line),
            column: column.map(str::to_string),
            field: None,
            message,
            decision,
        };
        let header = &cells.rows[header_at].1;
        for (line, row) in &cells.rows[header_at + 1..] {
            if row.iter().all(|c| c.trim().is_empty()) || formats::is_no_data(row) {
                continue;
            }
            if formats::is_total(format, &columns, row) {
                read.totals += 1;
                continue;
            }
            let cell = |i: Option<usize>| i.and_then(|i| row.get(i)).map_or("", String::as_str);
            let amount = match super::values::amount(cell(Some(columns.spend))) {
                Ok(v) => v.unwrap_or(0.0),
                Err(message) => {
                    spend.problems.push(problem(
                        *line,
                        header.get(columns.spend).map(String::as_str),
                        message,
                        Decision::RowSkipped,
                    ));
                    continue;
                }
            };
            let days = formats::row_days(cell(columns.starts), cell(columns.ends)).or(file_days);
            let Some((from, to)) = days else {
                spend.problems.push(Problem {
                    rule: &rule::EXPORT_BAD_DATE,
                    decision: Decision::FileSkipped,
                    ..problem(*line, None, t!("ads.no-days"), Decision::FileSkipped)
                });
                break;
            };
            // A count that cannot be read is missing, and said to be.
            let mut count = |i: Option<usize>| {
                super::values::amount(cell(i)).unwrap_or_else(|_| {
                    let column = i.and_then(|i| header.get(i)).map(String::as_str);
                    let why = t!(
                        "ads.bad-count",
                        cell = cell(i),
                        column = column.unwrap_or("")
                    );
                    spend
                        .problems
                        .push(problem(*line, column, why, Decision::ValueMissing));
                    None
                })
            };
            let (impressions, clicks) = (count(columns.impressions), count(columns.clicks));
            spend.rows.push(AdRow {
                platform: format.platform,
                campaign: cell(Some(columns.campaign)).trim().to_string(),
                from,
                to,
                spend: amount,
                currency: columns.currency_in_header.clone().or_else(|| {
                    Some(cell(columns.currency).trim().to_uppercase()).filter(|c| !c.is_empty())
                }),
                impressions: impressions.map(round),
                clicks: clicks.map(round),
                file,
                line: *line,
            });
            read.rows += 1;
        }
        spend.files.push(read);
    }
    spend
}

/// A problem that cost a whole file.
fn whole_file(shown: &str, rule: &'static crate::plan::diagnostic::Rule, message: Msg) -> Problem {
    Problem {
        rule,
        path: shown.to_string(),
        line: None,
        column: None,
        field: None,
        message,
        decision: Decision::FileSkipped,
    }
}

/// A count written with a fraction (`53344.0`) as the whole number it is.
#[allow(
    clippy::cast_possible_truncation,
    reason = "counts are far below 2^53 (values::amount caps them)"
)]
fn round(value: f64) -> i64 {
    value.round() as i64
}

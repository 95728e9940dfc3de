//! Ad spend from the ad platforms' exports: Meta Ads Manager (CSV and
//! XLSX, the currency inside the money headers), TikTok Ads Manager (XLSX
//! or CSV, a `Currency` column, a total row last), Google Ads (two title
//! lines, `Total:` rows, some as UTF-16 tab-separated text), Snapchat and X
//! Ads. Each file is recognised by its header, as the post exports are;
//! its total rows are set aside so that nothing is counted twice, and each
//! campaign row becomes an [`AdRow`]: the campaign's name, the days it
//! covers, what was spent and in which currency.

mod formats;
mod survey;
mod table;

use super::inventory::{Inventory, Kind};
use super::{Decision, Problem};
use crate::plan::rules::catalog as rule;
use crate::t;
use crate::text::dates::Month;
use crate::text::i18n::Msg;
use chrono::NaiveDate;
pub use formats::{AdFormat, AdPlatform, Near, count as format_count, near};
use std::ops::ControlFlow;
use std::path::Path;
use std::sync::Arc;

/// One campaign's spend over some days, as one row of an ad export gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct AdRow {
    pub platform: AdPlatform,
    /// Shared by the rows of a file that name the same campaign.
    pub campaign: Arc<str>,
    /// The days the row covers, both included.
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub spend: f64,
    /// The currency the export names (in its money header or a column).
    pub currency: Option<Arc<str>>,
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
    /// The ad exports that could not be read (their problems say why),
    /// with the platform each is of, where its header or name tells.
    pub refused: Vec<(String, Option<AdPlatform>)>,
}

impl AdSpend {
    /// The ad platforms (or, where unknown, the files) whose exports could
    /// not be read: what the money figures are without.
    pub fn lacking(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (path, platform) in &self.refused {
            let named = platform.map_or_else(|| path.clone(), |p| p.id().to_string());
            if !out.contains(&named) {
                out.push(named);
            }
        }
        out
    }
}

/// Whether the file at `path` is an ad export, read as this reader reads
/// it (any encoding, any delimiter): how the inventory tells a CSV of ad
/// spend from a platform's export.
pub fn is_ad_export(path: &Path) -> bool {
    table::opening(path).is_some_and(|rows| rows.iter().any(|row| formats::fit(row).is_some()))
}

/// Reads every ad export of the inventory.
pub fn read(inventory: &Inventory) -> AdSpend {
    let mut spend = AdSpend::default();
    for entry in inventory.of_kind(|k| *k == Kind::Ads) {
        read_file(&inventory.dir, &entry.path, &mut spend);
    }
    spend
}

/// Reads one ad export into `spend`, in two readings of the file, one row
/// held at a time: the first finds its header and how it writes amounts
/// and dates; the second reads its rows. Its rows, or the problem that
/// kept it out.
fn read_file(dir: &Path, path: &Path, spend: &mut AdSpend) {
    let shown = path.to_string_lossy().replace('\\', "/");
    let survey = match survey::survey(path) {
        Ok(Some(survey)) => survey,
        found => {
            let problem = match found {
                Err(why) => whole_file(&shown, &rule::EXPORT_UNREADABLE, why),
                _ => whole_file(&shown, &rule::EXPORT_UNKNOWN, t!("ads.not-an-export")),
            };
            spend.problems.push(problem);
            spend
                .refused
                .push((shown.clone(), formats::platform_named(&shown)));
            return;
        }
    };
    let sheet = Sheet {
        date_order: survey.date_order(),
        decimal_comma: survey.decimal_comma(),
        file_days: file_days(dir, path, &shown, &survey.titles),
        header: &survey.header,
        file: spend.files.len(),
        shown,
        format: survey.format,
        columns: survey.columns.clone(),
        names: std::cell::RefCell::default(),
    };
    spend.rows.reserve(survey.body);
    let kept = (spend.rows.len(), spend.problems.len(), spend.refused.len());
    match sheet.read_rows(path, survey.titles.len() + 1, spend) {
        Ok(read) => spend.files.push(read),
        // Changed since its first reading: none of it is counted.
        Err(why) => {
            spend.rows.truncate(kept.0);
            spend.problems.truncate(kept.1);
            spend.refused.truncate(kept.2);
            let problem = whole_file(&sheet.shown, &rule::EXPORT_UNREADABLE, why);
            spend.problems.push(problem);
            let platform = Some(sheet.format.platform);
            spend.refused.push((sheet.shown.clone(), platform));
        }
    }
}

/// The days a whole export covers: from its title lines, else its name,
/// else the month folder it is in.
fn file_days(
    dir: &Path,
    path: &Path,
    shown: &str,
    titles: &[(u64, Vec<String>)],
) -> Option<(NaiveDate, NaiveDate)> {
    let folder_month = path.strip_prefix(dir).ok().and_then(|rel| {
        rel.components()
            .find_map(|c| Month::parse(&c.as_os_str().to_string_lossy()).ok())
    });
    let titles: Vec<&str> = titles
        .iter()
        .filter_map(|(_, row)| row.first().map(String::as_str))
        .collect();
    formats::days_in_titles(&titles)
        .or_else(|| formats::days_in_name(shown))
        .or_else(|| folder_month.map(|m| (m.first_day(), m.last_day())))
}

/// An ad export as recognised: what each of its rows is read with.
struct Sheet<'a> {
    shown: String,
    format: &'static AdFormat,
    columns: formats::Columns,
    header: &'a [String],
    file_days: Option<(NaiveDate, NaiveDate)>,
    /// Its place among the files read.
    file: usize,
    /// Whether its amounts are written with a decimal comma (`3250,40`).
    decimal_comma: bool,
    /// The order of day and month in its slashed dates.
    date_order: super::values::DateOrder,
    /// Its campaigns' names and currencies, each kept once for all its rows.
    names: std::cell::RefCell<crate::text::names::Names>,
}

/// What one row of an ad export gave.
enum RowRead {
    /// Nothing to count: blank, "no data", or a spend that cannot be read.
    Nothing,
    /// A total row, set aside.
    Total,
    Campaign(AdRow),
    /// No days for the row nor the file: the rest of the file is not read.
    NoDays,
}

impl Sheet<'_> {
    /// The second reading: each row after the first `skip` (the titles and
    /// the header) into `spend`; what was read of the file, or why it could
    /// not be read again.
    fn read_rows(&self, path: &Path, skip: usize, spend: &mut AdSpend) -> Result<AdFile, Msg> {
        let mut read = AdFile {
            path: self.shown.clone(),
            format: self.format,
            rows: 0,
            totals: 0,
        };
        let mut seen = 0;
        let mut each = |line, row: &[String]| {
            seen += 1;
            if seen <= skip {
                return ControlFlow::Continue(());
            }
            match self.row(line, row, &mut spend.problems) {
                RowRead::Nothing => {}
                RowRead::Total => read.totals += 1,
                RowRead::Campaign(row) => {
                    spend.rows.push(row);
                    read.rows += 1;
                }
                RowRead::NoDays => {
                    let refused = (self.shown.clone(), Some(self.format.platform));
                    spend.refused.push(refused);
                    return ControlFlow::Break(());
                }
            }
            ControlFlow::Continue(())
        };
        table::rows(path, &mut each)?;
        Ok(read)
    }

    /// A name as kept once for all the file's rows.
    fn name(&self, text: &str) -> Arc<str> {
        self.names.borrow_mut().of(text)
    }

    /// A problem at `line`, in the column named `column`.
    fn problem(
        &self,
        line: u64,
        column: Option<&str>,
        message: Msg,
        decision: Decision,
    ) -> Problem {
        Problem {
            rule: &rule::EXPORT_NOT_A_NUMBER,
            path: self.shown.clone(),
            line: Some(line),
            column: column.map(str::to_string),
            field: None,
            message,
            decision,
        }
    }

    /// Reads one row; its problems go to `problems`.
    fn row(&self, line: u64, row: &[String], problems: &mut Vec<Problem>) -> RowRead {
        let columns = &self.columns;
        if row.iter().all(|c| c.trim().is_empty()) || formats::is_no_data(row) {
            return RowRead::Nothing;
        }
        if formats::is_total(self.format, columns, row) {
            return RowRead::Total;
        }
        let cell = |i: Option<usize>| i.and_then(|i| row.get(i)).map_or("", String::as_str);
        let column = |i: Option<usize>| i.and_then(|i| self.header.get(i)).map(String::as_str);
        let spend = cell(Some(columns.spend));
        let spend = if self.decimal_comma {
            spend.replace('.', "").replace(',', ".")
        } else {
            spend.to_string()
        };
        let amount = match super::values::amount(&spend) {
            Ok(v) => v.unwrap_or(0.0),
            Err(message) => {
                let at = column(Some(columns.spend));
                problems.push(self.problem(line, at, message, Decision::RowSkipped));
                return RowRead::Nothing;
            }
        };
        let days = formats::row_days(cell(columns.starts), cell(columns.ends), self.date_order)
            .or(self.file_days);
        let Some((from, to)) = days else {
            problems.push(Problem {
                rule: &rule::EXPORT_BAD_DATE,
                ..self.problem(line, None, t!("ads.no-days"), Decision::FileSkipped)
            });
            return RowRead::NoDays;
        };
        // A count that cannot be read is missing, and said to be.
        let mut count = |i: Option<usize>| {
            super::values::amount(cell(i)).unwrap_or_else(|_| {
                let why = t!(
                    "ads.bad-count",
                    cell = cell(i),
                    column = column(i).unwrap_or("")
                );
                problems.push(self.problem(line, column(i), why, Decision::ValueMissing));
                None
            })
        };
        let (impressions, clicks) = (count(columns.impressions), count(columns.clicks));
        RowRead::Campaign(AdRow {
            platform: self.format.platform,
            campaign: self.name(cell(Some(columns.campaign)).trim()),
            from,
            to,
            spend: amount,
            currency: match &columns.currency_in_header {
                Some(currency) => Some(self.name(currency)),
                None => Some(cell(columns.currency).trim().to_uppercase())
                    .filter(|c| !c.is_empty())
                    .map(|c| self.name(&c)),
            },
            impressions: impressions.map(round),
            clicks: clicks.map(round),
            file: self.file,
            line,
        })
    }
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

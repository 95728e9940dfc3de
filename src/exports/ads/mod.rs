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

use super::inventory::{Inventory, Kind};
use super::{Decision, Problem};
use crate::plan::rules::catalog as rule;
use crate::t;
use crate::text::dates::Month;
use crate::text::i18n::Msg;
use chrono::NaiveDate;
pub use formats::{AdFormat, AdPlatform, Near, count as format_count, near};
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

/// Reads one ad export into `spend`: its rows, or the problem that kept
/// it out.
fn read_file(dir: &Path, path: &Path, spend: &mut AdSpend) {
    let shown = path.to_string_lossy().replace('\\', "/");
    let cells = match table::cells(path) {
        Ok(cells) => cells,
        Err(why) => {
            let problem = whole_file(&shown, &rule::EXPORT_UNREADABLE, why);
            spend.problems.push(problem);
            spend
                .refused
                .push((shown.clone(), formats::platform_named(&shown)));
            return;
        }
    };
    let Some((header_at, format, columns)) = cells
        .rows
        .iter()
        .take(6)
        .enumerate()
        .find_map(|(i, (_, row))| formats::fit(row).map(|(f, c)| (i, f, c)))
    else {
        let problem = whole_file(&shown, &rule::EXPORT_UNKNOWN, t!("ads.not-an-export"));
        spend.problems.push(problem);
        spend
            .refused
            .push((shown.clone(), formats::platform_named(&shown)));
        return;
    };
    let body = &cells.rows[header_at + 1..];
    let comma = decimal_comma(body.iter().filter_map(|(_, row)| row.get(columns.spend)));
    let dates = body.iter().flat_map(|(_, row)| {
        [columns.starts, columns.ends]
            .into_iter()
            .filter_map(|at| row.get(at?).map(String::as_str))
    });
    let sheet = Sheet {
        date_order: formats::date_order(dates, comma),
        decimal_comma: comma,
        file_days: file_days(dir, path, &shown, &cells.rows[..header_at]),
        header: &cells.rows[header_at].1,
        file: spend.files.len(),
        shown,
        format,
        columns,
    };
    let mut read = AdFile {
        path: sheet.shown.clone(),
        format,
        rows: 0,
        totals: 0,
    };
    for (line, row) in &cells.rows[header_at + 1..] {
        match sheet.row(*line, row, &mut spend.problems) {
            RowRead::Nothing => {}
            RowRead::Total => read.totals += 1,
            RowRead::Campaign(row) => {
                spend.rows.push(row);
                read.rows += 1;
            }
            RowRead::NoDays => {
                spend
                    .refused
                    .push((sheet.shown.clone(), Some(format.platform)));
                break;
            }
        }
    }
    spend.files.push(read);
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
            campaign: cell(Some(columns.campaign)).trim().to_string(),
            from,
            to,
            spend: amount,
            currency: columns.currency_in_header.clone().or_else(|| {
                Some(cell(columns.currency).trim().to_uppercase()).filter(|c| !c.is_empty())
            }),
            impressions: impressions.map(round),
            clicks: clicks.map(round),
            file: self.file,
            line,
        })
    }
}

/// Whether a column of amounts is written with a decimal comma, as the
/// file shows it: some amount ends in a comma and one or two digits
/// (`3250,40`, which no thousands separator writes) and none in a point
/// and one or two digits (`3250.40`).
fn decimal_comma<'a>(amounts: impl Iterator<Item = &'a String>) -> bool {
    let ends_in = |cell: &str, mark: char| {
        cell.trim()
            .rsplit_once(mark)
            .is_some_and(|(whole, fraction)| {
                !whole.is_empty()
                    && (1..=2).contains(&fraction.len())
                    && fraction.bytes().all(|b| b.is_ascii_digit())
            })
    };
    let (mut comma, mut point) = (false, false);
    for cell in amounts {
        comma |= ends_in(cell, ',');
        point |= ends_in(cell, '.');
    }
    comma && !point
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

#[cfg(test)]
mod tests {
    use super::decimal_comma;

    fn comma(cells: &[&str]) -> bool {
        let cells: Vec<String> = cells.iter().map(|c| (*c).to_string()).collect();
        decimal_comma(cells.iter())
    }

    #[test]
    fn a_decimal_comma_is_told_by_the_file_itself() {
        assert!(comma(&["3250,40", "1.330,00", "12"]));
        assert!(comma(&["0,5"]));
        assert!(!comma(&["3,250", "1,330"]), "thousands, not decimals");
        assert!(!comma(&["3250.40", "1,330"]));
        assert!(!comma(&["3250,40", "12.50"]), "both marks: none assumed");
        assert!(!comma(&[]));
    }
}

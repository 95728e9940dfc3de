//! The charity's own records as CSV files (a donation platform's export, a
//! volunteer form's sign-ups), read for the measures of `measures.yaml`
//! that name them: each row's date, the platform it came through, and what
//! it adds (one row, an amount, or a value counted once). Every problem is
//! located to its file, line and column, and costs only what it names.

use super::decode::decode;
use super::inventory::{Inventory, Kind};
use super::problems::{Decision, Problem};
use super::values::{self, DateOrder};
use crate::plan::model::Plan;
use crate::plan::model::measures::{Aggregate, Measure, MeasureFrom};
use crate::plan::rules::catalog as rule;
use crate::t;
use crate::text::i18n::Msg;
use chrono::NaiveDate;
use std::path::Path;

/// What one kept row adds to its measure.
#[derive(Debug, Clone, PartialEq)]
pub enum Adds {
    /// One row (`count`).
    One,
    /// An amount (`sum`).
    Amount(f64),
    /// A value counted once however often it comes (`distinct`).
    Key(String),
}

/// One row a measure keeps.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub date: NaiveDate,
    /// The plan platform it came through, when the measure has a platform column.
    pub platform: Option<String>,
    pub adds: Adds,
}

/// A CSV measure's rows, from every file its pattern matches.
#[derive(Debug, Clone, Default)]
pub struct MeasureRows {
    pub measure: String,
    /// The files read, as shown (relative to the exports folder's parent).
    pub files: Vec<String>,
    /// What each of them gave, in the same order.
    pub spans: Vec<FileSpan>,
    /// Data rows read from them.
    pub rows_read: usize,
    /// Those the conditions keep, with a date and a value.
    pub kept: Vec<Row>,
}

/// What one file gave a measure: its data rows, and the first and last
/// day of those kept.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FileSpan {
    pub rows: usize,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
}

/// Every CSV measure's rows, and the problems met reading them.
#[derive(Debug, Clone, Default)]
pub struct OwnRecords {
    pub measures: Vec<MeasureRows>,
    pub problems: Vec<Problem>,
}

impl OwnRecords {
    /// The rows of measure `id`, if it is a CSV measure.
    pub fn of(&self, id: &str) -> Option<&MeasureRows> {
        self.measures.iter().find(|m| m.measure == id)
    }
}

/// The CSV measures of the plan, with their file patterns.
fn csv_measures(plan: &Plan) -> impl Iterator<Item = (&Measure, globset::GlobMatcher)> {
    plan.measures
        .iter()
        .flat_map(|m| &m.data.measures)
        .filter(|m| m.from.get() == Some(&MeasureFrom::Csv))
        .filter_map(|m| Some((m, super::inventory::matcher(&m.files.as_ref()?.value)?)))
}

/// Reads every CSV measure's files of the inventory (dates in `tz`;
/// slashed dates as each file shows them, else in the plan's `date_order`).
pub fn read(
    inventory: &Inventory,
    plan: &Plan,
    tz: chrono_tz::Tz,
    plan_order: Option<DateOrder>,
) -> OwnRecords {
    let mut own = OwnRecords::default();
    let measures: Vec<_> = csv_measures(plan).collect();
    if measures.is_empty() {
        return own;
    }
    for (measure, _) in measures {
        let mut rows = MeasureRows {
            measure: measure.id.value.clone(),
            ..MeasureRows::default()
        };
        let mut kept_before_conditions = 0;
        let id = &measure.id.value;
        let of_measure = |kind: &Kind| matches!(kind, Kind::Measure(ids) if ids.contains(id));
        for entry in inventory.entries.iter().filter(|e| of_measure(&e.kind)) {
            rows.files.push(entry.shown.clone());
            let file = read_file(
                &entry.path,
                &entry.shown,
                measure,
                (plan, tz, plan_order),
                &mut own.problems,
            );
            rows.spans.push(FileSpan {
                rows: file.rows_read,
                first: file.kept.iter().map(|r| r.date).min(),
                last: file.kept.iter().map(|r| r.date).max(),
            });
            rows.rows_read += file.rows_read;
            kept_before_conditions += file.rows_read;
            rows.kept.extend(file.kept);
        }
        let files_pattern = measure.files.as_ref().map_or("", |f| f.value.as_str());
        if rows.files.is_empty() {
            own.problems.push(no_rows(
                &inventory.dir.to_string_lossy().replace('\\', "/"),
                t!(
                    "measure.no-file",
                    measure = &rows.measure,
                    pattern = files_pattern
                ),
            ));
        } else if kept_before_conditions > 0 && rows.kept.is_empty() && !measure.filters.is_empty()
        {
            own.problems.push(no_rows(
                &rows.files[0],
                t!(
                    "measure.filter-keeps-nothing",
                    measure = &rows.measure,
                    rows = rows.rows_read,
                    conditions = conditions(measure)
                ),
            ));
        }
        own.measures.push(rows);
    }
    // A file two measures read has its problems said once.
    let mut said = Vec::new();
    own.problems.retain(|p| {
        let key = (p.path.clone(), p.line, p.column.clone(), p.message.clone());
        let new = !said.contains(&key);
        if new {
            said.push(key);
        }
        new
    });
    own
}

/// The conditions of a measure, as `utm_source in x, instagram; …`.
fn conditions(measure: &Measure) -> String {
    measure
        .filters
        .iter()
        .map(|f| {
            let values: Vec<&str> = f.any_of.iter().map(|v| v.value.as_str()).collect();
            format!("{} ∈ {{{}}}", f.column.value, values.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn no_rows(path: &str, message: Msg) -> Problem {
    Problem {
        rule: &rule::MEASURE_NO_ROWS,
        path: path.to_string(),
        line: None,
        column: None,
        field: None,
        message,
        decision: Decision::ValueMissing,
    }
}

/// What one file gave a measure.
struct FileRows {
    rows_read: usize,
    kept: Vec<Row>,
}

/// The columns a measure reads, by their place in the header.
struct Columns {
    date: usize,
    value: Option<usize>,
    platform: Option<usize>,
    currency: Option<usize>,
    filters: Vec<(usize, Vec<String>)>,
}

/// A measure's file being read: what its rows are read with and where
/// their problems go.
struct MeasureFile<'a> {
    shown: &'a str,
    measure: &'a Measure,
    header: &'a [String],
}

impl MeasureFile<'_> {
    /// A problem of the file, at `line`, in the column named `column` (at
    /// `field`).
    fn problem(
        &self,
        line: Option<u64>,
        column: Option<&str>,
        field: Option<usize>,
        message: Msg,
        decision: Decision,
    ) -> Problem {
        Problem {
            rule: &rule::MEASURE_FILE,
            path: self.shown.to_string(),
            line,
            column: column.map(str::to_string),
            field: field.and_then(|f| u32::try_from(f).ok()),
            message,
            decision,
        }
    }

    /// The columns the measure names, by their place; a problem for each
    /// one the header lacks (then the file is not read).
    fn columns(&self, header_line: u64) -> Result<Columns, Vec<Problem>> {
        let find = |name: &str| {
            self.header
                .iter()
                .position(|h| h.eq_ignore_ascii_case(name.trim()))
        };
        let mut absent = Vec::new();
        let mut column = |name: &str| {
            let found = find(name);
            if found.is_none() {
                absent.push(name.to_string());
            }
            found
        };
        let measure = self.measure;
        let date = column(measure.date.as_ref().map_or("", |d| d.value.as_str()));
        let value = measure.value.as_ref().and_then(|v| column(&v.value));
        let platform = measure.platform.as_ref().and_then(|p| column(&p.value));
        // Amounts name their currency in a column the measure names, or
        // one called so.
        let currency = match &measure.currency {
            Some(named) => column(&named.value),
            None => find("currency").or_else(|| find("currency code")),
        };
        let filters: Vec<_> = measure
            .filters
            .iter()
            .filter_map(|f| {
                let place = column(&f.column.value)?;
                let any_of = f.any_of.iter().map(|v| v.value.trim().to_lowercase());
                Some((place, any_of.collect()))
            })
            .collect();
        if !absent.is_empty() {
            let columns = self.header.join(", ");
            let problems = absent.iter().map(|name| {
                let message = t!(
                    "measure.no-column",
                    measure = &measure.id.value,
                    column = name,
                    columns = &columns
                );
                let at = Some(header_line);
                self.problem(at, Some(name), None, message, Decision::FileSkipped)
            });
            return Err(problems.collect());
        }
        Ok(Columns {
            date: date.expect("checked above"),
            value,
            platform,
            currency,
            filters,
        })
    }

    /// The order the file's slashed dates are read in: the way the file
    /// shows (a day above 12), else the plan's, else month first; an
    /// assumed order is a problem that says so.
    fn date_order(
        &self,
        records: &[(Option<u64>, csv::StringRecord)],
        date: usize,
        plan_order: Option<DateOrder>,
        problems: &mut Vec<Problem>,
    ) -> DateOrder {
        let cells = records.iter().map(|(_, r)| r.get(date).unwrap_or(""));
        match date_order(cells, plan_order) {
            // A measure's own date format says the order itself.
            _ if self.measure.date_format.is_some() => DateOrder::MonthFirst,
            Ok(order) => order,
            Err((cell, order)) => {
                let line = records
                    .iter()
                    .find(|(_, r)| r.get(date).unwrap_or("").trim() == cell)
                    .and_then(|(line, _)| *line);
                let why = if plan_order.is_some() {
                    t!("export.date-order.by-plan")
                } else {
                    t!("export.date-order.by-platforms")
                };
                problems.push(Problem {
                    rule: &rule::EXPORT_DATE_ORDER_ASSUMED,
                    path: self.shown.to_string(),
                    line,
                    column: self.header.get(date).cloned(),
                    field: u32::try_from(date).ok(),
                    message: t!(
                        "export.date-order-assumed",
                        cell = &cell,
                        order = order.as_str(),
                        why = why
                    ),
                    decision: Decision::Assumed,
                });
                order
            }
        }
    }

    /// One row: `Ok(None)` for a row the conditions or a placeholder value
    /// leave out, `Err` for one that cannot be read.
    fn row(
        &self,
        (line, record): &(Option<u64>, csv::StringRecord),
        columns: &Columns,
        (plan, tz, order): (&Plan, chrono_tz::Tz, DateOrder),
    ) -> Result<Option<Row>, Box<Problem>> {
        let line = *line;
        if record.len() < self.header.len() {
            let message = t!(
                "export.short-row",
                cells = record.len(),
                header = self.header.len()
            );
            return Err(Box::new(self.problem(
                line,
                None,
                None,
                message,
                Decision::RowSkipped,
            )));
        }
        let cell = |place: usize| record.get(place).unwrap_or("").trim();
        let keep = columns
            .filters
            .iter()
            .all(|(place, any_of)| any_of.contains(&cell(*place).to_lowercase()));
        if !keep {
            return Ok(None);
        }
        let bad = |place: usize, message: Msg| {
            let column = Some(self.header[place].as_str());
            Box::new(self.problem(line, column, Some(place), message, Decision::RowSkipped))
        };
        let date = read_date(cell(columns.date), self.measure, tz, order)
            .map_err(|message| bad(columns.date, message))?;
        let adds = match (self.measure.aggregates(), columns.value) {
            (Aggregate::Count, _) | (_, None) => Adds::One,
            (Aggregate::Sum, Some(place)) => match values::amount(cell(place)) {
                Ok(Some(amount)) => {
                    let code = columns.currency.map(cell).unwrap_or_default();
                    let rate = rate_of(code, self.measure, plan)
                        .map_err(|message| bad(columns.currency.unwrap_or(place), message))?;
                    Adds::Amount(amount * rate)
                }
                Ok(None) => return Ok(None),
                Err(message) => return Err(bad(place, message)),
            },
            (Aggregate::Distinct, Some(place)) => {
                let key = cell(place).to_lowercase();
                if values::is_placeholder(&key) {
                    return Ok(None);
                }
                Adds::Key(key)
            }
        };
        let platform = columns
            .platform
            .and_then(|place| platform_of(cell(place), self.measure, plan));
        Ok(Some(Row {
            date,
            platform,
            adds,
        }))
    }
}

/// What one unit of the row's currency `code` is worth in the measure's:
/// 1 without a code or in its own, else by the budget's rates (each to the
/// budget's currency). A currency without a rate is an error, so that an
/// amount is never added to amounts of another currency.
fn rate_of(code: &str, measure: &Measure, plan: &Plan) -> Result<f64, Msg> {
    let code = code.trim().to_uppercase();
    let budget = plan.budget.as_ref().map(|b| &b.data);
    let base = budget.map_or(crate::plan::model::budget::DEFAULT_CURRENCY, |b| {
        b.currency()
    });
    // The measure's own currency: its unit when that is a currency code.
    let unit = measure
        .unit
        .as_ref()
        .and_then(|u| u.en.as_deref())
        .filter(|u| u.len() == 3 && u.bytes().all(|b| b.is_ascii_uppercase()))
        .unwrap_or(base);
    if code.is_empty() || code.eq_ignore_ascii_case(unit) {
        return Ok(1.0);
    }
    let rate = |currency: &str| budget.and_then(|b| b.rate(currency));
    match (rate(&code), rate(unit)) {
        (Some(from), Some(to)) if to > 0.0 => Ok(from / to),
        _ => Err(t!("measure.no-rate", currency = &code, unit = unit)),
    }
}

/// Reads one of a measure's files: the rows it keeps, and its problems.
fn read_file(
    path: &Path,
    shown: &str,
    measure: &Measure,
    (plan, tz, plan_order): (&Plan, chrono_tz::Tz, Option<DateOrder>),
    problems: &mut Vec<Problem>,
) -> FileRows {
    let mut out = FileRows {
        rows_read: 0,
        kept: Vec::new(),
    };
    let (table, unread) = read_table(path);
    if let Some((line, message)) = unread {
        let file = MeasureFile {
            shown,
            measure,
            header: &[],
        };
        problems.push(file.problem(line, None, None, message, Decision::FileSkipped));
    }
    let Some(Table {
        header,
        header_line,
        records,
    }) = table
    else {
        return out;
    };
    let file = MeasureFile {
        shown,
        measure,
        header: &header,
    };
    let columns = match file.columns(header_line) {
        Ok(columns) => columns,
        Err(absent) => {
            problems.extend(absent);
            return out;
        }
    };
    let order = file.date_order(&records, columns.date, plan_order, problems);
    for record in &records {
        if record.1.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        out.rows_read += 1;
        match file.row(record, &columns, (plan, tz, order)) {
            Ok(Some(row)) => out.kept.push(row),
            Ok(None) => {}
            Err(problem) => problems.push(*problem),
        }
    }
    out
}

/// A CSV file of the charity's own making: its header, trimmed, and its
/// records with their lines, up to the first that cannot be read.
pub(super) struct Table {
    pub(super) header: Vec<String>,
    /// The header's line (after a title the export may start with).
    pub(super) header_line: u64,
    pub(super) records: Vec<(Option<u64>, csv::StringRecord)>,
}

/// Reads a CSV file (any encoding and delimiter the exports may have).
/// What stops the reading comes back with its line: nothing when the file
/// cannot be opened or its header read, else the records before it (the
/// rest of the file is not used, as with the platforms' exports).
pub(super) fn read_table(path: &Path) -> (Option<Table>, Option<(Option<u64>, Msg)>) {
    let text = std::fs::File::open(path)
        .map_err(|e| t!("cannot-read-file", error = e))
        .and_then(|f| decode(std::io::BufReader::new(f)))
        .and_then(|mut input| {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut input.body, &mut bytes)
                .map_err(|e| t!("cannot-read-file", error = e))?;
            let text = String::from_utf8(bytes).map_err(|e| t!("export.not-csv", error = e))?;
            Ok((text, input.preamble_lines, input.delimiter))
        });
    let (text, preamble, delimiter) = match text {
        Ok(read) => read,
        Err(message) => return (None, Some((None, message))),
    };
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |byte: u64| {
        let mut byte = usize::try_from(byte).unwrap_or(usize::MAX);
        // After a CR LF line end the CSV reader gives the LF's place: the
        // record begins after it.
        while text
            .as_bytes()
            .get(byte)
            .is_some_and(|b| matches!(b, b'\r' | b'\n'))
        {
            byte += 1;
        }
        line_starts.partition_point(|&start| start <= byte) as u64 + preamble
    };
    let malformed = |error: &csv::Error| {
        Some((
            error.position().map(|p| line_of(p.byte())),
            t!("export.malformed", error = error),
        ))
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header: Vec<String> = match records.next() {
        Some(Ok(header)) => header.iter().map(|c| c.trim().to_string()).collect(),
        Some(Err(error)) => return (None, malformed(&error)),
        None => return (None, None),
    };
    let mut table = Table {
        header,
        header_line: 1 + preamble,
        records: Vec::new(),
    };
    for record in records {
        match record {
            Ok(record) => table
                .records
                .push((record.position().map(|p| line_of(p.byte())), record)),
            Err(error) => return (Some(table), malformed(&error)),
        }
    }
    (Some(table), None)
}

/// The order of a file's slashed dates: the one its first telling date
/// shows; `Err` with the first slashed date and the order assumed (the
/// plan's, else month first) when none tells.
fn date_order<'c>(
    cells: impl Iterator<Item = &'c str>,
    plan: Option<DateOrder>,
) -> Result<DateOrder, (String, DateOrder)> {
    let mut first = None;
    for cell in cells {
        let cell = cell.trim();
        if let Some(order) = values::order_shown(cell) {
            return Ok(order);
        }
        if first.is_none() && values::slashed(cell).is_some() {
            first = Some(cell.to_string());
        }
    }
    let assumed = plan.unwrap_or(DateOrder::MonthFirst);
    first.map_or(Ok(assumed), |cell| Err((cell, assumed)))
}

/// A row's date: through the measure's own format when it has one, else as
/// the exports' dates are read.
fn read_date(
    cell: &str,
    measure: &Measure,
    tz: chrono_tz::Tz,
    order: DateOrder,
) -> Result<NaiveDate, Msg> {
    let bad = || t!("export.not-a-date", cell = cell);
    if let Some(format) = &measure.date_format {
        return chrono::NaiveDateTime::parse_from_str(cell, &format.value)
            .map(|t| t.date())
            .or_else(|_| NaiveDate::parse_from_str(cell, &format.value))
            .map_err(|_| {
                t!(
                    "measure.date-not-in-format",
                    cell = cell,
                    format = &format.value
                )
            });
    }
    values::when_in(cell, order)?
        .and_then(|when| when.date_in(tz))
        .ok_or_else(bad)
}

/// The plan platform a cell names: through the measure's `platform_values`,
/// else the plan platform with that id; `None` for any other source.
fn platform_of(cell: &str, measure: &Measure, plan: &Plan) -> Option<String> {
    let cell = cell.trim();
    if let Some((_, platform)) = measure
        .platform_values
        .iter()
        .find(|(from, _)| from.value.eq_ignore_ascii_case(cell))
    {
        return Some(platform.value.clone());
    }
    plan.platforms
        .iter()
        .flat_map(|p| &p.data.platforms)
        .find(|p| p.id.value.eq_ignore_ascii_case(cell))
        .map(|p| p.id.value.clone())
}

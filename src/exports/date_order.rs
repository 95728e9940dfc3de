//! Which way round a file's slashed dates are (`02/11/2026`): a spreadsheet
//! re-saving an export writes them in its own locale's order, so the order
//! is taken from the file itself — the first date whose day is above 12
//! shows it — and, where no date shows it, from the plan's `date_order`,
//! else as the platforms write them (month first), saying which was assumed.

use super::decode::decode;
use super::values::{DateOrder, order_shown, slashed};
use std::io::BufReader;
use std::path::Path;

/// Rows looked at before deciding that a file writes no slashed dates: a
/// re-saved file writes them from its first rows; a large export that does
/// not is not read twice.
const ROWS_WITHOUT_ONE: u64 = 10_000;

/// How a file's slashed dates are to be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Decided {
    /// The file has no slashed date in the column: the order does not matter.
    NotNeeded,
    /// Every slashed date reads both ways, and the platform writes them
    /// month first: read so, as the plan does not say otherwise.
    Native,
    /// A date at `line` reads only in `order`.
    Shown { order: DateOrder, line: u64 },
    /// Every slashed date reads both ways; `order` was assumed (from the
    /// plan when `by_plan`). `line` and `cell` are the first such date's.
    Assumed {
        order: DateOrder,
        line: u64,
        cell: String,
        by_plan: bool,
    },
}

impl Decided {
    pub(super) fn order(&self) -> DateOrder {
        match self {
            Decided::NotNeeded | Decided::Native => DateOrder::MonthFirst,
            Decided::Shown { order, .. } | Decided::Assumed { order, .. } => *order,
        }
    }
}

/// Reads the cells of `column` from the top of the file at `path` until one
/// shows the order (usually within the first days of data). `native`: the
/// platform writes such dates itself, month first.
pub(super) fn decide(
    path: &Path,
    column: usize,
    delimiter: u8,
    plan: Option<DateOrder>,
    native: bool,
) -> Decided {
    let Ok(file) = std::fs::File::open(path) else {
        return Decided::NotNeeded;
    };
    let Ok(input) = decode(BufReader::with_capacity(1 << 16, file)) else {
        return Decided::NotNeeded;
    };
    let lag = u64::from(input.crlf);
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(input.body);
    let mut record = csv::ByteRecord::new();
    let mut first_slashed = None;
    let mut rows = 0;
    while let Ok(true) = csv.read_byte_record(&mut record) {
        rows += 1;
        if first_slashed.is_none() && rows > ROWS_WITHOUT_ONE {
            break;
        }
        let Some(cell) = record.get(column) else {
            continue;
        };
        let cell = String::from_utf8_lossy(cell);
        if slashed(&cell).is_none() {
            continue;
        }
        let line = record.position().map_or(0, csv::Position::line) + input.preamble_lines + lag;
        first_slashed.get_or_insert_with(|| (line, cell.trim().to_string()));
        if let Some(order) = order_shown(&cell) {
            return Decided::Shown { order, line };
        }
    }
    match first_slashed {
        None => Decided::NotNeeded,
        Some(_) if native && plan.is_none() => Decided::Native,
        Some((line, cell)) => Decided::Assumed {
            order: plan.unwrap_or(DateOrder::MonthFirst),
            line,
            cell,
            by_plan: plan.is_some(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decided(text: &str, plan: Option<DateOrder>) -> Decided {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.csv");
        std::fs::write(&path, text).unwrap();
        decide(&path, 0, b',', plan, false)
    }

    #[test]
    fn the_first_date_that_reads_one_way_decides() {
        let text = "Date,Impressions\n02/11/2026,1\n25/11/2026,2\n11/03/2026,3\n";
        assert_eq!(
            decided(text, None),
            Decided::Shown {
                order: DateOrder::DayFirst,
                line: 3
            }
        );
        let crlf = text.replace('\n', "\r\n");
        assert_eq!(
            decided(&crlf, Some(DateOrder::MonthFirst)),
            Decided::Shown {
                order: DateOrder::DayFirst,
                line: 3
            }
        );
    }

    #[test]
    fn where_no_date_shows_it_the_plan_or_the_platforms_order_is_assumed() {
        let text = "Date,Impressions\n\"Wed, Nov 25, 2026\",1\n02/11/2026,2\n03/11/2026,3\n";
        assert_eq!(
            decided(text, Some(DateOrder::DayFirst)),
            Decided::Assumed {
                order: DateOrder::DayFirst,
                line: 3,
                cell: "02/11/2026".into(),
                by_plan: true
            }
        );
        assert_eq!(
            decided(text, None),
            Decided::Assumed {
                order: DateOrder::MonthFirst,
                line: 3,
                cell: "02/11/2026".into(),
                by_plan: false
            }
        );
        assert_eq!(
            decided("Date,Impressions\n2026-11-02,1\n", None),
            Decided::NotNeeded
        );
        // Meta writes them month first itself: nothing to say unless the
        // plan asks for the other order.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.csv");
        std::fs::write(&path, text).unwrap();
        assert_eq!(decide(&path, 0, b',', None, true), Decided::Native);
        assert!(matches!(
            decide(&path, 0, b',', Some(DateOrder::DayFirst), true),
            Decided::Assumed { by_plan: true, .. }
        ));
    }
}

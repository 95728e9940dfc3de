//! The first of an ad export's two readings: where its header is and what
//! it is, the title lines above it, and what its body shows of how its
//! amounts and dates are written, which every row is then read with. Only
//! that is kept, so that a sheet of a million rows is never held whole.

use super::formats::{self, AdFormat, Columns};
use super::table;
use crate::exports::values::DateOrder;
use crate::text::i18n::Msg;
use std::ops::ControlFlow;
use std::path::Path;

/// An ad export as its first reading found it.
pub(super) struct Survey {
    /// The rows above the header (Google's title lines), with their lines.
    pub titles: Vec<(u64, Vec<String>)>,
    pub header: Vec<String>,
    pub format: &'static AdFormat,
    pub columns: Columns,
    /// How the amounts end.
    pub marks: Marks,
    /// The order of day and month the first date that shows one shows.
    pub shown: Option<DateOrder>,
    /// The rows below the header.
    pub body: usize,
}

impl Survey {
    pub(super) fn decimal_comma(&self) -> bool {
        self.marks.decimal_comma()
    }

    /// The order of the file's slashed dates: the way its cells show it
    /// (a day above 12), else day first where its amounts have a decimal
    /// comma (the locales that write one write the day first), else month
    /// first.
    pub(super) fn date_order(&self) -> DateOrder {
        self.shown.unwrap_or(if self.decimal_comma() {
            DateOrder::DayFirst
        } else {
            DateOrder::MonthFirst
        })
    }

    /// Takes one body row into account.
    fn see(&mut self, row: &[String]) {
        self.body += 1;
        if let Some(amount) = row.get(self.columns.spend) {
            self.marks.see(amount);
        }
        for at in [self.columns.starts, self.columns.ends] {
            if self.shown.is_none() {
                self.shown = at
                    .and_then(|at| row.get(at))
                    .and_then(|cell| crate::exports::values::order_shown(cell.split(' ').next()?));
            }
        }
    }
}

/// Whether some amount ends in a comma and one or two digits, and whether
/// some in a point and one or two digits.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Marks {
    comma: bool,
    point: bool,
}

impl Marks {
    fn see(&mut self, amount: &str) {
        self.comma |= ends_in(amount, ',');
        self.point |= ends_in(amount, '.');
    }

    /// Whether the amounts are written with a decimal comma (`3250,40`,
    /// which no thousands separator writes), as the file shows it: some
    /// amount ends so and none in a point and one or two digits.
    pub(super) fn decimal_comma(self) -> bool {
        self.comma && !self.point
    }
}

/// Whether an amount ends in `mark` and one or two digits.
fn ends_in(cell: &str, mark: char) -> bool {
    cell.trim()
        .rsplit_once(mark)
        .is_some_and(|(whole, fraction)| {
            !whole.is_empty()
                && (1..=2).contains(&fraction.len())
                && fraction.bytes().all(|b| b.is_ascii_digit())
        })
}

/// Reads the file at `path` through once: its survey, or `None` when no
/// header fits in its first six rows. The whole file is read either way,
/// so that a file cut short is said to be unreadable before any of its
/// rows is counted.
pub(super) fn survey(path: &Path) -> Result<Option<Survey>, Msg> {
    let mut opening: Vec<(u64, Vec<String>)> = Vec::new();
    let mut found: Option<Survey> = None;
    table::rows(path, &mut |line, row| {
        match &mut found {
            Some(survey) => survey.see(row),
            None if opening.len() < 6 => match formats::fit(row) {
                Some((format, columns)) => {
                    found = Some(Survey {
                        titles: std::mem::take(&mut opening),
                        header: row.to_vec(),
                        format,
                        columns,
                        marks: Marks::default(),
                        shown: None,
                        body: 0,
                    });
                }
                None => opening.push((line, row.to_vec())),
            },
            None => {}
        }
        ControlFlow::Continue(())
    })?;
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A survey of body rows of spend, start and end.
    fn survey(rows: &[[&str; 3]]) -> Survey {
        let mut survey = Survey {
            titles: Vec::new(),
            header: Vec::new(),
            format: &formats::AD_FORMATS[0],
            columns: Columns {
                campaign: 0,
                spend: 0,
                currency_in_header: None,
                currency: None,
                starts: Some(1),
                ends: Some(2),
                impressions: None,
                clicks: None,
            },
            marks: Marks::default(),
            shown: None,
            body: 0,
        };
        for row in rows {
            survey.see(&row.map(str::to_string));
        }
        survey
    }

    #[test]
    fn the_date_order_is_the_first_a_date_shows_else_the_decimal_marks() {
        let day_first = [["1", "02/11/2026", "13/11/2026"]];
        assert_eq!(survey(&day_first).date_order(), DateOrder::DayFirst);
        let unshown = [["1,5", "02/11/2026", ""], ["2", "03/11/2026", ""]];
        assert_eq!(survey(&unshown).date_order(), DateOrder::DayFirst);
        let unshown = [["1.5", "02/11/2026", ""]];
        assert_eq!(survey(&unshown).date_order(), DateOrder::MonthFirst);
        let later = [["1", "02/11/2026", ""], ["1", "11/25/2026 10:00", ""]];
        assert_eq!(survey(&later).date_order(), DateOrder::MonthFirst);
        assert_eq!(survey(&later).body, 2);
    }

    fn comma(cells: &[&str]) -> bool {
        let mut marks = Marks::default();
        for cell in cells {
            marks.see(cell);
        }
        marks.decimal_comma()
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

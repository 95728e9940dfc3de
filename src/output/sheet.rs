//! A table for spreadsheets, a header and rows of typed cells, written as
//! CSV or as an XLSX workbook. The CSV starts with the byte-order mark
//! Excel needs to read UTF-8 (Arabic otherwise opens garbled); in the
//! workbook numbers are numbers, moments are dates and text stays text,
//! so a Hijri date (`1448-05-21 AH`) is never read as a Gregorian one.

use super::CsvWriter;
use chrono::NaiveDateTime;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use std::io::{self, Write};

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A local date and time, to the minute.
    Moment(NaiveDateTime),
}

impl Cell {
    /// A number, or an empty cell.
    pub fn number(value: Option<f64>) -> Cell {
        value.map_or(Cell::Empty, Cell::Number)
    }

    /// The cell as CSV writes it.
    fn csv(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.clone(),
            Cell::Number(value) => format!("{value}"),
            Cell::Moment(at) => at.format("%Y-%m-%dT%H:%M").to_string(),
        }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::Text(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::Text(text.to_string())
    }
}

/// A header and its rows.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// The worksheet's name in a workbook (at most 31 characters).
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Columns from right to left, for Arabic readers.
    pub right_to_left: bool,
}

/// The most characters Excel keeps in one cell.
const MOST_IN_A_CELL: usize = 32_767;

/// The most rows a worksheet holds, its header among them.
const MOST_ROWS: usize = 1_048_576;

impl Sheet {
    /// CSV with a header row and the byte-order mark.
    pub fn write_csv(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut w = CsvWriter::new(out);
        w.write_record(&self.header)?;
        for row in &self.rows {
            w.write_record(row.iter().map(Cell::csv))?;
        }
        w.flush()
    }

    /// An XLSX workbook of one worksheet: the header bold and frozen, a
    /// filter on every column, widths fitted to the text.
    pub fn write_xlsx(&self, out: &mut dyn Write) -> io::Result<()> {
        if self.rows.len() >= MOST_ROWS {
            return Err(io::Error::other(format!(
                "{} rows do not fit a worksheet (at most {} with the header)",
                self.rows.len(),
                MOST_ROWS
            )));
        }
        let bytes = self.workbook().map_err(io::Error::other)?;
        out.write_all(&bytes)
    }

    fn workbook(&self) -> Result<Vec<u8>, XlsxError> {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.set_name(&self.name)?;
        sheet.set_right_to_left(self.right_to_left);
        let bold = Format::new().set_bold();
        for (col, name) in (0u16..).zip(&self.header) {
            sheet.write_string_with_format(0, col, name, &bold)?;
        }
        let moment = Format::new().set_num_format("yyyy-mm-dd hh:mm");
        for (row, cells) in (1u32..).zip(&self.rows) {
            for (col, cell) in (0u16..).zip(cells) {
                write_cell(sheet, row, col, cell, &moment)?;
            }
        }
        let last_col = u16::try_from(self.header.len().max(1) - 1).unwrap_or(u16::MAX);
        let last_row = u32::try_from(self.rows.len()).unwrap_or(u32::MAX);
        sheet.set_freeze_panes(1, 0)?;
        sheet.autofilter(0, 0, last_row, last_col)?;
        sheet.autofit_to_max_width(400);
        book.save_to_buffer()
    }
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    moment: &Format,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Empty => {}
        Cell::Text(text) => {
            let kept = match text.char_indices().nth(MOST_IN_A_CELL) {
                Some((at, _)) => &text[..at],
                None => text,
            };
            sheet.write_string(row, col, kept)?;
        }
        Cell::Number(value) if value.is_finite() => {
            sheet.write_number(row, col, *value)?;
        }
        Cell::Number(value) => {
            sheet.write_string(row, col, value.to_string())?;
        }
        Cell::Moment(at) => {
            sheet.write_datetime_with_format(row, col, at, moment)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet() -> Sheet {
        let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 1)
            .unwrap()
            .and_hms_opt(19, 0, 0)
            .unwrap();
        Sheet {
            name: "tasks".into(),
            header: vec![
                "due".into(),
                "due_hijri".into(),
                "title".into(),
                "minutes".into(),
            ],
            rows: vec![vec![
                Cell::Moment(at),
                "1448-05-21 AH".into(),
                "=1+1 سارة".into(),
                Cell::Number(60.0),
            ]],
            right_to_left: true,
        }
    }

    #[test]
    fn csv_has_the_mark_the_cells_as_text_and_formulas_inert() {
        let mut out = Vec::new();
        sheet().write_csv(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\u{feff}due,due_hijri,title,minutes\n2026-11-01T19:00,1448-05-21 AH,'=1+1 سارة,60\n"
        );
    }

    #[test]
    fn a_workbook_is_a_zip_with_one_worksheet() {
        let mut out = Vec::new();
        sheet().write_xlsx(&mut out).unwrap();
        assert!(out.starts_with(b"PK\x03\x04"), "an XLSX is a zip");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(out)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
            &mut xml,
        )
        .unwrap();
        assert!(xml.contains(r#"rightToLeft="1""#), "{xml}");
        assert!(xml.contains(r#"<autoFilter ref="A1:D2"/>"#), "{xml}");
    }
}

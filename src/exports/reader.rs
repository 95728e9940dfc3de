//! Reading a file's records after its header on one thread, and telling
//! which of them are data rows.

use super::decode::is_description_row;
use super::mapping::Mapper;
use super::problems::Decision;
use super::tables::Imported;
use crate::plan::rules::catalog as rule;
use crate::t;

/// A file's CSV reader after its header, with what places its records.
pub(super) struct FileReader<R> {
    pub(super) csv: csv::Reader<R>,
    /// The file's byte where the reader's input starts.
    pub(super) body_offset: u64,
    /// Lines before the reader's input (the `sep=` line and title).
    pub(super) preamble_lines: u64,
    /// What to add to the reader's line of every record after the header
    /// to make it the file's physical line (1 in CR LF files, else 0).
    pub(super) lag: u64,
    pub(super) delimiter: u8,
}

impl<R: std::io::Read> FileReader<R> {
    /// The physical line of a record after the header.
    pub(super) fn line(&self, record: &csv::ByteRecord) -> u64 {
        record.position().map_or(0, csv::Position::line) + self.preamble_lines + self.lag
    }

    /// The physical line of a record after the header that could not be read.
    pub(super) fn error_line(&self, error: &csv::Error) -> u64 {
        // An input error (a line too long) has no position of its own: it
        // happened in the record after the last one read.
        let line = error
            .position()
            .map_or_else(|| self.csv.position().line(), csv::Position::line);
        line + self.preamble_lines + self.lag
    }

    /// Every remaining record, in order, on this thread; stops at the first
    /// that cannot be read and returns its line and error.
    pub(super) fn read_all(
        &mut self,
        rows: &mut Rows,
        mapper: &mut Mapper<'_>,
        into: &mut Imported,
    ) -> Result<(), (Option<u64>, csv::Error)> {
        let mut record = csv::ByteRecord::new();
        loop {
            match self.csv.read_byte_record(&mut record) {
                Ok(true) => rows.take(&record, self.line(&record), mapper, into),
                Ok(false) => return Ok(()),
                Err(e) => return Err((Some(self.error_line(&e)), e)),
            }
        }
    }
}

/// Which records are data: not the legacy Facebook description row or a
/// total row right after the header, not an empty row.
pub(super) struct Rows {
    first: bool,
    pub(super) total_row: bool,
    /// Data rows taken.
    pub(super) count: u64,
}

impl Rows {
    /// For the records right after the header.
    pub(super) fn first(total_row: bool) -> Rows {
        Rows {
            first: true,
            total_row,
            count: 0,
        }
    }

    /// For records further down the file.
    pub(super) fn after_the_first(total_row: bool) -> Rows {
        Rows {
            first: false,
            total_row,
            count: 0,
        }
    }

    /// Maps `record` (at `line`) if it is a data row.
    pub(super) fn take(
        &mut self,
        record: &csv::ByteRecord,
        line: u64,
        mapper: &mut Mapper<'_>,
        into: &mut Imported,
    ) {
        let first = std::mem::replace(&mut self.first, false);
        if first && is_description_row(record) {
            return;
        }
        if first
            && self.total_row
            && record
                .get(0)
                .is_some_and(|c| c.trim_ascii().eq_ignore_ascii_case(b"total"))
        {
            return;
        }
        if record.iter().all(|c| c.trim_ascii().is_empty()) {
            return;
        }
        // A row with fewer cells than the header was cut (a download that
        // stopped): its last cell may be cut too, so none of it is used.
        if record.len() < mapper.header.len() {
            into.problems.push(mapper.problem(
                &rule::EXPORT_INCOMPLETE_ROW,
                line,
                None,
                t!(
                    "export.short-row",
                    cells = record.len(),
                    header = mapper.header.len()
                ),
                Decision::RowSkipped,
            ));
            return;
        }
        self.count += 1;
        mapper.row(record, line, into);
    }
}

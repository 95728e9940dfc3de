//! One large export read on two cores. A second thread takes the records
//! from a line a little past the middle of the file on which, by the look
//! of it, a record starts (it and the next parse with as many cells as the
//! header), while this thread reads from the top as always. When this
//! thread's reader reaches that line it knows whether a record truly starts
//! there: if so, it stops, and the second half's records (their lines
//! counted from the boundary) are moved to their true lines and added after
//! its own; if not (the line was inside a quoted text that looked like
//! records), it reads on alone and the second half is thrown away. Either
//! way the records, their lines and so the figures are those of one pass
//! from the top.

use super::mapping::Mapper;
use super::reader::{FileReader, Rows};
use super::tables::Imported;
use csv::ByteRecord;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

/// Bodies smaller than this are read by one thread: splitting costs more
/// than it saves. (Small in unit tests, so that they split small files.)
pub(super) const MIN_BYTES: u64 = if cfg!(test) { 4 << 10 } else { 16 << 20 };

/// How far past the middle a second thread looks for a record's start.
const SEARCH_BYTES: u64 = 1 << 20;

/// Who read the second half.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Halves {
    /// The second thread, from a boundary the first confirmed.
    Both,
    /// The first thread: no likely boundary was found, or it was none.
    Alone,
}

/// The first line at or after `mid` (after `mid`'s own line) on which a
/// record seems to start: it and the record after it have `fields` cells.
pub(super) fn likely_start(
    mut input: impl Read + Seek,
    mid: u64,
    fields: usize,
    delimiter: u8,
) -> std::io::Result<Option<u64>> {
    input.seek(SeekFrom::Start(mid))?;
    let mut lines = BufReader::with_capacity(1 << 16, input);
    let mut at = mid;
    let mut skipped = Vec::new();
    // The rest of the line `mid` falls in.
    at += lines.read_until(b'\n', &mut skipped)? as u64;
    let mut lookahead = Vec::new();
    while at < mid + SEARCH_BYTES {
        lookahead.clear();
        let first = lines.read_until(b'\n', &mut lookahead)?;
        if first == 0 {
            return Ok(None);
        }
        // The two records from here, if they are records (quoted newlines
        // may take them over several lines).
        let mut csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(std::io::Cursor::new(&lookahead[..]).chain(lines.by_ref().take(1 << 16)));
        let mut record = ByteRecord::new();
        let mut both = true;
        for _ in 0..2 {
            both &= matches!(csv.read_byte_record(&mut record), Ok(true)) && record.len() == fields;
        }
        if both {
            return Ok(Some(at));
        }
        // Look at the next line: seek back to just after this one.
        at += first as u64;
        let mut input = lines.into_inner();
        input.seek(SeekFrom::Start(at))?;
        lines = BufReader::with_capacity(1 << 16, input);
    }
    Ok(None)
}

/// What the second thread made of the second half, its lines counted from
/// the boundary (the boundary's line is 1).
struct SecondHalf<'a> {
    part: Imported,
    rows: Rows,
    mapper: Mapper<'a>,
    /// The line and error of a record that could not be read.
    error: Option<(Option<u64>, csv::Error)>,
}

/// Reads the records after the header on two threads (see the module's
/// words). `file` is the reader positioned after the header; `records` the
/// bytes of the file its remaining records span.
pub(super) fn read<R: Read>(
    file: &mut FileReader<R>,
    path: &Path,
    records: std::ops::Range<u64>,
    fields: usize,
    rows: &mut Rows,
    mapper: &mut Mapper<'_>,
    into: &mut Imported,
) -> (Halves, Result<(), (Option<u64>, csv::Error)>) {
    let mid = records.start + (records.end - records.start) / 2;
    let abort = AtomicBool::new(false);
    let (found, boundary) = mpsc::sync_channel::<Option<u64>>(1);
    let twin = mapper.twin();
    let total_row = rows.total_row;
    let (lag, delimiter) = (file.lag, file.delimiter);
    std::thread::scope(|scope| {
        let second = scope.spawn(|| -> Option<SecondHalf<'_>> {
            let start = std::fs::File::open(path)
                .and_then(|f| likely_start(f, mid, fields, delimiter))
                .ok()
                .flatten();
            let _ = found.send(start);
            let mut input = std::fs::File::open(path).ok()?;
            input.seek(SeekFrom::Start(start?)).ok()?;
            let mut csv = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .delimiter(delimiter)
                .buffer_capacity(super::decode::READ_BUFFER)
                .from_reader(super::decode::LineLimit::new(BufReader::with_capacity(
                    1 << 16,
                    input,
                )));
            let mut half = SecondHalf {
                part: Imported::default(),
                rows: Rows::after_the_first(total_row),
                mapper: twin,
                error: None,
            };
            let mut record = ByteRecord::new();
            // As for the first reader, every record after this half's first
            // is counted a line early in CR LF files.
            let mut first = 0;
            loop {
                if abort.load(Ordering::Relaxed) {
                    return None;
                }
                match csv.read_byte_record(&mut record) {
                    Ok(true) => {
                        let line = record.position().map_or(0, csv::Position::line) + first;
                        half.rows
                            .take(&record, line, &mut half.mapper, &mut half.part);
                        first = lag;
                    }
                    Ok(false) => break,
                    Err(e) => {
                        half.error = Some((e.position().map(|p| p.line() + first), e));
                        break;
                    }
                }
            }
            Some(half)
        });

        // The first half: from the top, until the second half's start.
        let mut record = ByteRecord::new();
        let mut start_of_second: Option<Option<u64>> = None;
        // The true line of the second half's first record, once confirmed.
        let mut confirmed = None;
        let mut alone = false;
        let mut result = Ok(());
        loop {
            match file.csv.read_byte_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    // One pass from the top stops here too: nothing after is used.
                    result = Err((Some(file.error_line(&e)), e));
                    alone = true;
                    break;
                }
            }
            let line = file.line(&record);
            let start = file.body_offset + record.position().map_or(0, csv::Position::byte);
            if !alone && start > mid {
                match *start_of_second.get_or_insert_with(|| boundary.recv().ok().flatten()) {
                    Some(s) if start == s => {
                        confirmed = Some(line);
                        break;
                    }
                    Some(s) if start < s => {}
                    // Past it with no record starting there, or none found:
                    // this thread reads the rest.
                    _ => {
                        alone = true;
                        abort.store(true, Ordering::Relaxed);
                    }
                }
            }
            rows.take(&record, line, mapper, into);
        }
        let Some(first_line) = confirmed.filter(|_| !alone) else {
            abort.store(true, Ordering::Relaxed);
            let _ = second.join();
            return (Halves::Alone, result);
        };
        let mut half = second
            .join()
            .expect("the second half's thread does not panic")
            .expect("a confirmed boundary has a second half");
        let shift = first_line - 1;
        half.part.shift_lines(shift);
        into.absorb(half.part);
        rows.count += half.rows.count;
        mapper.foreign += half.mapper.foreign;
        mapper.kept += half.mapper.kept;
        if mapper.mangled_id.is_none() {
            mapper.mangled_id = half.mapper.mangled_id.map(|(line, id)| (line + shift, id));
        }
        if mapper.first_foreign.is_none() {
            mapper.first_foreign = half
                .mapper
                .first_foreign
                .map(|(line, named)| (line + shift, named));
        }
        mapper.undated.extend(
            half.mapper
                .undated
                .into_iter()
                .map(|(day, counts, line)| (day, counts, line + shift)),
        );
        let result = match half.error {
            Some((line, error)) => Err((line.map(|l| l + shift), error)),
            None => Ok(()),
        };
        (Halves::Both, result)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn start(text: &str, mid: u64, fields: usize) -> Option<u64> {
        likely_start(Cursor::new(text.as_bytes().to_vec()), mid, fields, b',').unwrap()
    }

    #[test]
    fn a_likely_start_is_a_line_where_two_whole_records_begin() {
        let text = "h,t\n1,\"a\nb\"\n2,\"d\"\n3,e\n";
        // From inside the first record, `b"` has one cell: not a start; the
        // line of record 2 is.
        assert_eq!(start(text, 5, 2), Some(12));
        assert_eq!(&text[12..], "2,\"d\"\n3,e\n");
        // A quoted text whose lines look like records fools it: the first
        // reader's check is what makes the split safe.
        let text = "h,t\n1,\"a\nb,c\nd,e\"\n2,f\n";
        assert_eq!(start(text, 5, 2), Some(9));
        // A record with too few cells is no start; nor is the end of the file.
        assert_eq!(start("h,t\n1\n2\n", 4, 2), None);
        assert_eq!(start("h,t\n1,2", 4, 2), None);
    }
}

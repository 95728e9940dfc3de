//! An ad export's cells, whatever the file: CSV or TSV in UTF-8 (with or
//! without BOM), UTF-16 (Google's "Excel CSV", tab-separated under a
//! `.csv` name) or `Shift_JIS` (a Japanese Excel re-save), and XLSX through
//! `calamine`. Excel's text formulas (`="12.5"`) are read as their text.

use crate::t;
use crate::text::i18n::Msg;
use std::ops::ControlFlow;
use std::path::Path;

/// A file's rows of text cells, each with its line (its row in a sheet).
pub(super) struct Cells {
    pub rows: Vec<(u64, Vec<String>)>,
}

/// Excel's way of keeping a long number as text: `="120214918947730007"`.
fn unformula(cell: &str) -> String {
    let cell = cell.trim();
    cell.strip_prefix("=\"")
        .and_then(|c| c.strip_suffix('"'))
        .map_or_else(|| cell.to_string(), str::to_string)
}

/// The text of a delimited file, from its bytes.
fn text_of(bytes: &[u8]) -> Result<String, Msg> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return super::super::decode::utf16(bytes).ok_or_else(|| t!("export.bad-utf16"));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    // Japanese Excel saves CSV in Shift_JIS (code page 932).
    let (text, _, bad) = encoding_rs::SHIFT_JIS.decode(bytes);
    if bad {
        Err(t!("ads.not-text"))
    } else {
        Ok(text.into_owned())
    }
}

/// The line feeds in `bytes`.
fn bytecount(bytes: &[u8]) -> u64 {
    bytes.split(|b| *b == b'\n').count() as u64 - 1
}

/// A delimited file's rows, separated by what its header-like first lines
/// hold most of: commas, tabs, or semicolons (Excel's CSV where the
/// decimal mark is a comma).
fn delimited(bytes: &[u8]) -> Result<Cells, Msg> {
    let mut rows = Vec::new();
    delimited_rows(bytes, &mut |line, row| {
        rows.push((line, row.to_vec()));
        ControlFlow::Continue(())
    })?;
    Ok(Cells { rows })
}

/// A delimited file's rows, each given to `each` with its line.
fn delimited_rows(bytes: &[u8], each: Each<'_>) -> Result<(), Msg> {
    let text = text_of(bytes)?;
    let head: String = text.lines().take(5).collect();
    let delimiter = [b',', b'\t', b';']
        .into_iter()
        .max_by_key(|d| (head.matches(char::from(*d)).count(), *d == b','))
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    // Lines counted from the record's first byte: the CSV reader's own count
    // runs one short after a CR LF line end.
    let (mut counted, mut line) = (0, 1);
    let mut row: Vec<String> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| t!("export.not-csv", error = e))?;
        let mut start = record
            .position()
            .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(0));
        // After CR LF the record's position is that of the LF.
        while text
            .as_bytes()
            .get(start)
            .is_some_and(|b| matches!(b, b'\r' | b'\n'))
        {
            start += 1;
        }
        line += bytecount(&text.as_bytes()[counted..start.max(counted)]);
        counted = start.max(counted);
        row.clear();
        row.extend(record.iter().map(unformula));
        if each(line, &row).is_break() {
            break;
        }
    }
    Ok(())
}

/// The most a workbook's parts other than its sheets may unpack to (they
/// are read whole): an ad export's are a few kilobytes; a zip bomb's far
/// more.
pub(super) const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;
/// The most a workbook's sheets may unpack to, read cell by cell: a
/// million rows of an ad export's dozen columns is about 500 MB.
pub(super) const MAX_SHEET_BYTES: u64 = 1024 * 1024 * 1024;
/// How many times its packed size a sheet past [`MAX_UNPACKED_BYTES`] may
/// unpack to: exports pack about ten to one; a zip bomb a thousand.
const MAX_SHEET_RATIO: u64 = 100;
/// The most rows and columns read from a sheet: Excel's own most rows; ad
/// exports have a few dozen columns, and a cell at `XFD1` is no export.
pub(super) const MAX_ROWS: u32 = 1_048_576;
pub(super) const MAX_COLUMNS: u32 = 256;

/// What is done with each row read: given its line and cells, it says
/// whether to go on.
pub(super) type Each<'a> = &'a mut dyn FnMut(u64, &[String]) -> ControlFlow<()>;

/// The first sheet of a workbook, its rows given to `each` as text cells
/// (numbers as Rust writes them: the shortest that reads back the same),
/// streamed cell by cell within stated bounds; one row kept at a time.
fn workbook(path: &Path, each: Each<'_>) -> Result<(), Msg> {
    use calamine::Reader as _;
    unpacked_size_within_bounds(path)?;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook(path).map_err(|e| t!("ads.not-a-workbook", error = e))?;
    let name = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| t!("ads.no-sheet"))?;
    let mut reader = book
        .worksheet_cells_reader(&name)
        .map_err(|e| t!("ads.not-a-workbook", error = e))?;
    let mut row: Vec<String> = Vec::new();
    let mut line = None;
    while let Some(cell) = reader
        .next_cell()
        .map_err(|e| t!("ads.not-a-workbook", error = e))?
    {
        let (at, column) = cell.get_position();
        if at >= MAX_ROWS || column >= MAX_COLUMNS {
            return Err(t!(
                "ads.sheet-too-large",
                rows = MAX_ROWS,
                columns = MAX_COLUMNS
            ));
        }
        let this = u64::from(at) + 1;
        if line != Some(this) {
            if let Some(done) = line
                && each(done, &row).is_break()
            {
                return Ok(());
            }
            row.clear();
            line = Some(this);
        }
        let column = column as usize;
        if row.len() <= column {
            row.resize(column + 1, String::new());
        }
        row[column] = text_of_cell(cell.get_value());
    }
    if let Some(done) = line {
        let _ = each(done, &row);
    }
    Ok(())
}

/// A cell as text: a text formula (`="12.5"`) as its text.
fn text_of_cell(value: &calamine::DataRef<'_>) -> String {
    match value {
        calamine::DataRef::Empty => String::new(),
        calamine::DataRef::String(s) | calamine::DataRef::DateTimeIso(s) => unformula(s),
        calamine::DataRef::SharedString(s) => unformula(s),
        other => calamine::Data::from(other.clone()).to_string(),
    }
}

/// Refuses a workbook whose parts read whole would unpack to more than
/// [`MAX_UNPACKED_BYTES`], or whose sheets, read cell by cell, to more
/// than [`MAX_SHEET_BYTES`] (or to more than the first at over
/// [`MAX_SHEET_RATIO`] times their packed size), by its own directory,
/// before anything of it is unpacked.
fn unpacked_size_within_bounds(path: &Path) -> Result<(), Msg> {
    let file = std::fs::File::open(path).map_err(|e| t!("cannot-read-file", error = e))?;
    let mut archive = zip::ZipArchive::new(std::io::BufReader::new(file))
        .map_err(|e| not_an_archive(path, &e))?;
    let (mut whole, mut sheets, mut packed) = (0u64, 0u64, 0u64);
    for i in 0..archive.len() {
        let entry = archive
            .by_index_raw(i)
            .map_err(|e| t!("ads.not-a-workbook", error = e))?;
        if entry.name().starts_with("xl/worksheets/") {
            sheets = sheets.saturating_add(entry.size());
            packed = packed.saturating_add(entry.compressed_size());
        } else {
            whole = whole.saturating_add(entry.size());
        }
    }
    let sheet_limit = if sheets <= packed.saturating_mul(MAX_SHEET_RATIO) {
        MAX_SHEET_BYTES
    } else {
        MAX_UNPACKED_BYTES
    };
    for (size, limit) in [(whole, MAX_UNPACKED_BYTES), (sheets, sheet_limit)] {
        if size > limit {
            return Err(t!(
                "ads.workbook-too-large",
                size = size / (1024 * 1024),
                limit = limit / (1024 * 1024)
            ));
        }
    }
    Ok(())
}

/// Why a file named `.xlsx` is no archive: text saved under that name (a
/// CSV export renamed), a workbook cut short, or something else.
fn not_an_archive(path: &Path, error: &zip::result::ZipError) -> Msg {
    use std::io::Read as _;
    let mut head = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(4096).read_to_end(&mut head));
    if read.is_err() {
        return t!("ads.not-a-workbook", error = error);
    }
    if head.starts_with(b"PK\x03\x04") {
        return t!("ads.workbook-cut-short");
    }
    let text = std::str::from_utf8(&head)
        .is_ok_and(|t| t.contains(['\n', ',', ';', '\t']) && !t.contains('\0'));
    if text || head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return t!("ads.text-named-xlsx");
    }
    t!("ads.not-a-workbook", error = error)
}

/// How much of a delimited file is read to see whether it is an ad export.
const OPENING_BYTES: u64 = 64 * 1024;

/// The first rows of the file at `path` (at most six), read from its first
/// 64 KiB for a delimited file, so that a large post export is not read
/// twice to learn it is none; `None` when it cannot be read as a table.
pub(super) fn opening(path: &Path) -> Option<Vec<Vec<String>>> {
    use std::io::Read as _;
    let xlsx = path
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("xlsx"));
    if xlsx {
        let mut rows = Vec::new();
        let mut first = |_, row: &[String]| {
            rows.push(row.to_vec());
            if rows.len() < 6 {
                ControlFlow::Continue(())
            } else {
                ControlFlow::Break(())
            }
        };
        return workbook(path, &mut first).ok().map(|()| rows);
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(OPENING_BYTES)
        .read_to_end(&mut bytes)
        .ok()?;
    // Whole lines only (a UTF-16 line ends in a 0A byte and its pair).
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if bytes.len() as u64 == OPENING_BYTES {
        let end = bytes.iter().rposition(|b| *b == b'\n').unwrap_or(0);
        bytes.truncate(if utf16 { (end + 2) & !1 } else { end + 1 });
    }
    delimited(&bytes)
        .ok()
        .map(|cells| cells.rows.into_iter().take(6).map(|(_, row)| row).collect())
}

/// The largest delimited ad export read: a year of daily rows for a
/// thousand campaigns is a few dozen megabytes.
pub(super) const MAX_DELIMITED_BYTES: u64 = 256 * 1024 * 1024;

/// The rows of the file at `path`, each given to `each` with its line
/// until it stops.
pub(super) fn rows(path: &Path, each: Each<'_>) -> Result<(), Msg> {
    let xlsx = path
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("xlsx"));
    if xlsx {
        return workbook(path, each);
    }
    let size = std::fs::metadata(path)
        .map_err(|e| t!("cannot-read-file", error = e))?
        .len();
    if size > MAX_DELIMITED_BYTES {
        return Err(t!(
            "ads.file-too-large",
            size = size / (1024 * 1024),
            limit = MAX_DELIMITED_BYTES / (1024 * 1024)
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| t!("cannot-read-file", error = e))?;
    delimited_rows(&bytes, each)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolons_separate_where_a_spreadsheet_saved_them() {
        let cells = delimited(b"Campaign name;Amount spent (SAR)\nA;\"3250,40\"\n").unwrap();
        assert_eq!(cells.rows[1].1, ["A", "3250,40"]);
        let cells = delimited(b"Campaign name,Amount spent (SAR)\nA,\"3250,40\"\n").unwrap();
        assert_eq!(cells.rows[1].1, ["A", "3250,40"]);
    }

    #[test]
    fn text_formulas_are_read_as_their_text() {
        assert_eq!(unformula("=\"161074.000\""), "161074.000");
        assert_eq!(unformula(" 12 "), "12");
        assert_eq!(unformula("=SUM(A1)"), "=SUM(A1)");
    }

    #[test]
    fn encodings_and_delimiters() {
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("a\tb\n1\t2\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let cells = delimited(&utf16).unwrap();
        assert_eq!(cells.rows[1].1, ["1", "2"]);
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("コスト,通貨\r\n10,JPY\r\n");
        let cells = delimited(&sjis).unwrap();
        assert_eq!(cells.rows[0].1, ["コスト", "通貨"]);
        assert_eq!(
            (cells.rows[1].0, &cells.rows[1].1[1]),
            (2, &"JPY".to_string())
        );
        let bom = b"\xEF\xBB\xBFa,b\n";
        assert_eq!(delimited(bom).unwrap().rows[0].1, ["a", "b"]);
    }
}

#[cfg(test)]
mod opening_tests {
    use super::*;
    use std::fmt::Write as _;

    #[test]
    fn the_opening_of_a_large_file_is_its_first_whole_rows() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.csv");
        let mut text = String::from("Post id,Date,Impressions\n");
        for i in 0..20_000 {
            let _ = writeln!(text, "{i},2026-11-01,\"{}\"", "x".repeat(i % 7));
        }
        assert!(text.len() as u64 > OPENING_BYTES);
        std::fs::write(&path, &text).unwrap();
        let rows = opening(&path).unwrap();
        assert_eq!(rows.len(), 6);
        assert_eq!(rows[0], ["Post id", "Date", "Impressions"]);
        assert_eq!(rows[5], ["4", "2026-11-01", "xxxx"]);
        // UTF-16, cut at a line's end on an even byte.
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        std::fs::write(&path, utf16).unwrap();
        assert_eq!(opening(&path).unwrap()[5], ["4", "2026-11-01", "xxxx"]);
    }
}

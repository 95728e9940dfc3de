//! Turning a file's bytes into CSV records: the encoding (UTF-8, UTF-8
//! with BOM, UTF-16) and the Meta preamble (`sep=,` and a title line).

use crate::t;
use crate::text::i18n::Msg;
use std::io::{BufRead, BufReader, Read};

/// The CSV reader's buffer over an export: large enough that a long file
/// is refilled a few thousand times, not a hundred thousand.
pub(super) const READ_BUFFER: usize = 1 << 18;

/// The decoded body of a file, after its preamble.
pub(super) struct Input {
    pub(super) body: Box<dyn Read + Send>,
    /// Where the body starts in the file, in bytes, when the file is UTF-8
    /// and so can be read again from any byte (`None` for UTF-16).
    pub(super) body_offset: Option<u64>,
    pub(super) preamble_lines: u64,
    /// Whether lines end in CR LF (the header's line does): the CSV reader
    /// then counts every record after the first one line too early.
    pub(super) crlf: bool,
    pub(super) title: Option<String>,
    pub(super) delimiter: u8,
}

/// The text of bytes that open with a UTF-16 byte order mark (`FF FE`
/// little-endian, `FE FF` big-endian); `None` without one, or when the
/// rest is not UTF-16.
pub(super) fn utf16(bytes: &[u8]) -> Option<String> {
    let little = bytes.starts_with(&[0xFF, 0xFE]);
    if !little && !bytes.starts_with(&[0xFE, 0xFF]) {
        return None;
    }
    let units: Vec<u16> = bytes[2..]
        .chunks_exact(2)
        .map(|p| {
            if little {
                u16::from_le_bytes([p[0], p[1]])
            } else {
                u16::from_be_bytes([p[0], p[1]])
            }
        })
        .collect();
    String::from_utf16(&units).ok()
}

/// Detects the encoding from the first bytes and reads the Meta preamble
/// (`sep=,` then a one-cell title line). UTF-8 input stays streamed.
pub(super) fn decode(mut reader: BufReader<std::fs::File>) -> Result<Input, Msg> {
    let unreadable = |e: std::io::Error| t!("cannot-read-file", error = e);
    let start = reader.fill_buf().map_err(unreadable)?;
    let mut body_offset = None;
    let mut text: Box<dyn BufRead + Send> =
        if start.starts_with(&[0xFF, 0xFE]) || start.starts_with(&[0xFE, 0xFF]) {
            let mut bytes = Vec::new();
            reader.read_to_end(&mut bytes).map_err(unreadable)?;
            let decoded = utf16(&bytes).ok_or_else(|| t!("export.bad-utf16"))?;
            Box::new(std::io::Cursor::new(decoded.into_bytes()))
        } else {
            if start.starts_with(b"\xEF\xBB\xBF") {
                reader.consume(3);
                body_offset = Some(3);
            } else {
                body_offset = Some(0);
            }
            Box::new(reader)
        };
    let mut preamble_lines = 0;
    let mut title = None;
    let mut delimiter = b',';
    let mut pending = Vec::new();
    first_line(&mut text, &mut pending)?;
    let first = String::from_utf8_lossy(&pending)
        .trim_end_matches(['\r', '\n'])
        .to_string();
    if let Some(sep) = first.strip_prefix("sep=") {
        delimiter = sep.bytes().next().unwrap_or(b',');
        preamble_lines += 1;
        body_offset = body_offset.map(|o| o + pending.len() as u64);
        pending.clear();
        first_line(&mut text, &mut pending)?;
        let second = String::from_utf8_lossy(&pending)
            .trim_end_matches(['\r', '\n'])
            .to_string();
        if !second.contains(delimiter as char) {
            title = Some(second.trim().trim_matches('"').to_string());
            preamble_lines += 1;
            body_offset = body_offset.map(|o| o + pending.len() as u64);
            pending.clear();
        }
    } else {
        // Sniff the delimiter from the header line (Excel re-saves may use `;`).
        let count = |c: char| first.matches(c).count();
        if count(';') > count(',') && count(';') > count('\t') {
            delimiter = b';';
        } else if count('\t') > count(',') {
            delimiter = b'\t';
        }
    }
    let crlf = pending.ends_with(b"\r\n");
    Ok(Input {
        crlf,
        body: Box::new(LineLimit::new(std::io::Cursor::new(pending).chain(text))),
        body_offset,
        preamble_lines,
        title,
        delimiter,
    })
}

/// The longest line an export may have. A post's text is at most tens of
/// thousands of letters; a longer line is no export, and reading it whole
/// would cost memory in proportion to it.
pub(super) const MAX_LINE_BYTES: usize = 1 << 20;

/// Reads one line of the preamble or header, at most [`MAX_LINE_BYTES`].
fn first_line(text: &mut dyn BufRead, into: &mut Vec<u8>) -> Result<(), Msg> {
    let limited = &mut Read::take(text, MAX_LINE_BYTES as u64 + 1);
    limited
        .read_until(b'\n', into)
        .map_err(|e| t!("cannot-read-file", error = e))?;
    if into.len() > MAX_LINE_BYTES {
        return Err(t!("export.line-too-long", limit = "1 MB"));
    }
    Ok(())
}

/// The error a [`LineLimit`] stops with.
#[derive(Debug)]
pub(super) struct LineTooLong;

impl std::fmt::Display for LineTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a line longer than {MAX_LINE_BYTES} bytes")
    }
}

impl std::error::Error for LineTooLong {}

/// Whether a CSV reader stopped at a line longer than any export's.
pub(super) fn is_line_too_long(error: &csv::Error) -> bool {
    match error.kind() {
        csv::ErrorKind::Io(e) => e
            .get_ref()
            .is_some_and(<dyn std::error::Error + Send + Sync>::is::<LineTooLong>),
        _ => false,
    }
}

/// A reader that fails with [`LineTooLong`] once a line runs past
/// [`MAX_LINE_BYTES`], so that no record is buffered without bound.
pub(super) struct LineLimit<R> {
    inner: R,
    /// Bytes since the last line feed.
    run: usize,
}

impl<R> LineLimit<R> {
    pub(super) fn new(inner: R) -> Self {
        LineLimit { inner, run: 0 }
    }
}

impl<R: Read> Read for LineLimit<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.run = match buf[..n].iter().rposition(|&b| b == b'\n') {
            Some(last) => n - last - 1,
            None => self.run + n,
        };
        if self.run > MAX_LINE_BYTES {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                LineTooLong,
            ));
        }
        Ok(n)
    }
}

/// The legacy Facebook export's second header row of descriptions.
pub(super) fn is_description_row(record: &csv::ByteRecord) -> bool {
    let described = record
        .iter()
        .filter(|c| c.starts_with(b"Lifetime: ") || c.starts_with(b"Daily: "))
        .count();
    described > 0 && described * 2 >= record.iter().filter(|c| !c.is_empty()).count()
}

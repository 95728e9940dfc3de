//! Writing output safely: files to a temporary file beside the target, then
//! renamed over it, so a reader never sees half a file and a failed run
//! leaves the old file as it was; and CSV that a spreadsheet opens as data,
//! never as a formula.

use std::borrow::Cow;
use std::io::{self, Write};
use std::path::Path;

pub mod sheet;

/// A CSV writer whose text cells cannot run as formulas in a spreadsheet.
/// Plan titles and export texts reach these files; Excel and the other
/// spreadsheets evaluate a cell that starts with `=`, `+`, `-`, `@`, a tab
/// or a carriage return, so such a cell is written with a leading `'`
/// (shown as text, the apostrophe hidden). Numbers (`-12`, `+0.5`) stay
/// numbers.
pub struct CsvWriter<W: Write> {
    inner: csv::Writer<Marked<W>>,
    /// Cells written as they are (see [`CsvWriter::exact`]).
    exact: bool,
}

/// A writer that puts the UTF-8 byte-order mark before the first bytes.
struct Marked<W> {
    out: W,
    mark: bool,
}

impl<W: Write> Write for Marked<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if std::mem::take(&mut self.mark) {
            self.out.write_all("\u{feff}".as_bytes())?;
        }
        self.out.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

impl<W: Write> CsvWriter<W> {
    /// A writer for a file people open in a spreadsheet: it starts with
    /// the UTF-8 byte-order mark, without which Excel reads the file in
    /// the machine's legacy code page and the Arabic comes out garbled.
    pub fn new(out: W) -> Self {
        CsvWriter {
            inner: csv::Writer::from_writer(Marked { out, mark: true }),
            exact: false,
        }
    }

    /// A writer for a file a program reads and acts on as written — a
    /// scheduler's bulk upload, which publishes each text as it stands —
    /// so its cells are kept exactly (an apostrophe would be published),
    /// with the CRLF line ends such files are given in.
    pub fn exact(out: W) -> Self {
        CsvWriter {
            inner: csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(Marked { out, mark: false }),
            exact: true,
        }
    }

    /// Writes one record, each cell made inert (unless the writer is exact).
    pub fn write_record<I, T>(&mut self, record: I) -> io::Result<()>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        let exact = self.exact;
        self.inner
            .write_record(record.into_iter().map(|c| {
                if exact {
                    c.as_ref().to_string()
                } else {
                    inert(c.as_ref()).into_owned()
                }
            }))
            .map_err(io::Error::from)
    }

    /// The writer's output, flushed.
    pub fn into_inner(self) -> io::Result<W> {
        self.inner
            .into_inner()
            .map(|marked| marked.out)
            .map_err(csv::IntoInnerError::into_error)
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// A cell as a spreadsheet will take it as data: unchanged unless it would
/// start a formula, then with a leading apostrophe. Spreadsheets skip
/// leading spaces (a no-break space, a zero-width one) and read full-width
/// and small signs as their ASCII twins, so a cell is judged by its first
/// other character.
fn inert(cell: &str) -> Cow<'_, str> {
    if matches!(cell.chars().next(), Some('\t' | '\r')) {
        return Cow::Owned(format!("'{cell}"));
    }
    let significant = cell.trim_start_matches(|c: char| c.is_whitespace() || is_invisible(c));
    let starts_formula = significant.chars().next().is_some_and(|c| {
        matches!(
            c,
            '=' | '+' | '-' | '@' | '＝' | '＋' | '－' | '＠' | '﹦' | '﹢' | '﹣' | '﹫' | '−'
        )
    });
    if starts_formula && !is_number(significant) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Characters a spreadsheet skips as it would a space: zero-width ones,
/// marks of direction, the byte-order mark.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// A plain decimal number with an optional sign: `-12`, `+0.5`, `-3.25`.
fn is_number(cell: &str) -> bool {
    let digits = cell.strip_prefix(['-', '+']).unwrap_or(cell);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
        && !(digits.contains('.') && fraction.is_empty())
}

/// Writes `path` atomically with `write`: into a temporary file of its own
/// beside `path` (`.NAME.XXXXXX.khairukum-tmp`, a name no other run shares,
/// so runs writing the same file at once each finish whole, the last one's
/// file kept), renamed over it once whole. A failing `write` leaves no file:
/// the temporary one is removed and `path` is as it was.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let (dir, name) = place_of(path)?;
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{}.", name.to_string_lossy()))
        .suffix(".khairukum-tmp")
        .tempfile_in(dir)?;
    // Written as it is made, never held whole: a report may list 100,000
    // posts. Should making it fail, the temporary file goes with it.
    let mut out = io::BufWriter::new(temp.as_file_mut());
    write(&mut out)?;
    out.flush()?;
    drop(out);
    // Private while written; then the permissions of the file it replaces,
    // or the usual ones for a new file.
    let permissions = match std::fs::metadata(path) {
        Ok(meta) => meta.permissions(),
        Err(_) => default_permissions(temp.as_file())?,
    };
    temp.as_file().set_permissions(permissions)?;
    temp.as_file().sync_all()?;
    // On failure the temporary file is removed as it is dropped.
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The folder a write of `path` goes through, and the file's name.
fn place_of(path: &Path) -> io::Result<(&Path, &std::ffi::OsStr)> {
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("`{}` names no file", path.display()),
        )
    })?;
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    Ok((dir, name))
}

#[cfg(unix)]
#[allow(
    clippy::unnecessary_wraps,
    reason = "the same signature as the non-Unix version, which can fail"
)]
fn default_permissions(_: &std::fs::File) -> io::Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Ok(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions(file: &std::fs::File) -> io::Result<std::fs::Permissions> {
    Ok(file.metadata()?.permissions())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_would_start_a_formula_are_written_as_text() {
        for cell in [
            "=HYPERLINK(\"http://evil\",\"x\")",
            "+SUM(A1)",
            "-2+3",
            "@cmd",
            "\t=1",
            "\r=1",
            "- إعلان: تخريج الحفاظ",
            "-",
            "+",
            "-1.",
            "-.5",
            "  =1+1",
            "\u{a0}=1+1",
            "＝1+1",
            "＋cmd",
            "\u{200b}=1",
            "\u{200f}@SUM(A1)",
            " \t=1",
            "﹦1",
            "−1+2",
        ] {
            assert_eq!(inert(cell), format!("'{cell}"), "{cell:?}");
        }
        for cell in [
            "-12",
            "+0.5",
            "-3.25",
            "42",
            "",
            "حصاد =الأسبوع",
            "a-b",
            "'=x",
            "  -12",
            "حصاد ＝ الأسبوع",
        ] {
            assert_eq!(inert(cell), cell, "{cell:?}");
        }
    }

    #[test]
    fn the_writer_makes_every_cell_inert_and_quotes_as_csv_does() {
        let mut out = Vec::new();
        let mut w = CsvWriter::new(&mut out);
        w.write_record(["=1+1", "-5", "a,b", "نص"]).unwrap();
        w.flush().unwrap();
        drop(w);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\u{feff}'=1+1,-5,\"a,b\",نص\n",
            "the byte-order mark once, first"
        );
        let mut exact = Vec::new();
        let mut w = CsvWriter::exact(&mut exact);
        w.write_record(["=1+1", "نص"]).unwrap();
        w.write_record(["b", "c"]).unwrap();
        w.flush().unwrap();
        drop(w);
        assert_eq!(String::from_utf8(exact).unwrap(), "=1+1,نص\r\nb,c\r\n");
    }

    #[test]
    fn replaces_the_file_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        write_atomic(&path, |w| w.write_all(b"first")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");
        let failed = write_atomic(&path, |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("disk full"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "the temporary file is removed");
        write_atomic(&path, |w| w.write_all(b"second")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "second");
        let failed = write_atomic(&path, |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("disk full"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(
                mode, 0o644,
                "readable like any new file, not private like a temporary one"
            );
        }
    }
}

#[cfg(test)]
mod concurrent {
    use super::write_atomic;

    /// Runs writing the same file at once each finish whole: none fails on
    /// another's temporary file, the file is one run's output entire, and
    /// no temporary file is left.
    #[test]
    fn writers_of_one_file_at_once_each_finish_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.html");
        let outputs: Vec<String> = (0..16)
            .map(|n| format!("run {n} ").repeat(20_000))
            .collect();
        std::thread::scope(|scope| {
            for output in &outputs {
                let path = &path;
                scope.spawn(move || {
                    for _ in 0..10 {
                        write_atomic(path, |w| w.write_all(output.as_bytes())).unwrap();
                    }
                });
            }
        });
        let written = std::fs::read_to_string(&path).unwrap();
        assert!(outputs.contains(&written), "a mix of runs' outputs");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("report.html")]);
    }
}

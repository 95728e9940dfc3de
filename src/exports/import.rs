//! Reading a folder of exports: every `.csv` file recognised, streamed and
//! mapped; a post that several files give is counted once.

use super::counts::PostTotals;
use super::date_order::{self, Decided};
use super::decode::{Input, decode};
use super::formats::{self, Field, Fit, Grain};
use super::halves::{self, Halves};
use super::inventory::{Entry, Inventory, Kind};
use super::mapping::Mapper;
use super::problems::{Decision, Problem};
use super::quirks;
use super::reader::{FileReader, Rows};
use super::shapes;
use super::stubs::Stubs;
use super::tables::{ExportFile, Imported, Options, PostDay};
use super::values::DateOrder;
use crate::plan::diagnostic::Rule;
use crate::plan::model::platforms::PlatformKind;
use crate::plan::rules::catalog as rule;
use crate::t;
use crate::text::i18n::Msg;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::io::BufReader;
use std::path::Path;

/// Reads the inventory's platform exports (in path order). What could not
/// be looked at is the inventory's problem, never passed over in silence.
pub fn import(inventory: &Inventory, options: &Options) -> Imported {
    let dir = inventory.dir.as_path();
    let files: Vec<&Entry> = inventory.of_kind(|k| *k == Kind::Platform).collect();
    // Files are read on all cores, then put together in path order. With
    // fewer files than cores, each file's records are split on a thread of
    // their own while they are mapped.
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let two_threads = files.len() < cores;
    let mut parts = crate::parallel::map(&files, |entry| {
        // A file filed under a month folder (`exports/2026-11/…`) was exported
        // by the end of the next month at the latest.
        let folder_month = entry.path.strip_prefix(dir).ok().and_then(|rel| {
            rel.components().find_map(|c| {
                crate::text::dates::Month::parse(&c.as_os_str().to_string_lossy()).ok()
            })
        });
        let mut file_options = options.clone();
        if let Some(month) = folder_month {
            file_options.year_anchor = options.year_anchor.min(month.next().last_day());
        }
        let mut part = Imported::default();
        import_one(
            &entry.path,
            &entry.shown,
            &file_options,
            &mut part,
            two_threads,
        );
        part
    });
    // Figures read by hand come last: an export of the same post counts first.
    parts.extend(
        options
            .by_hand
            .iter()
            .map(|file| super::by_hand::imported(file, options)),
    );
    // Parts are taken one by one, their stubs summed and dropped as they go.
    let mut imported = Imported::default();
    let mut sums = PostSums::new(parts.iter().map(|p| &p.stubs));
    for mut part in parts {
        sums.add(std::mem::take(&mut part.stubs), imported.files.len());
        imported.append(part);
    }
    let (days, problems) = sums.finish(&imported.files);
    imported.post_days = days;
    imported.problems.extend(problems);
    imported
}

/// Sums post stubs per platform, day and file as files come in, counting a
/// post that several files give once (in the first file).
pub(super) struct PostSums {
    /// The keys more than one stub has, and the file that gave the first.
    /// Only these need remembering: a million posts seen once take no room.
    first: HashMap<u64, Option<u32>>,
    sums: std::collections::BTreeMap<(PlatformKind, NaiveDate, u32), PostTotals>,
    repeats: std::collections::BTreeMap<(u32, u32), usize>,
}

impl PostSums {
    /// Sums for these stubs, in the order they will be added.
    fn new<'a>(stubs: impl Iterator<Item = &'a Stubs>) -> PostSums {
        // Sorted, a key given twice is next to itself: 8 bytes a post for a
        // moment, where a set of every key seen would keep 17 throughout.
        let mut keys: Vec<u64> = stubs.flat_map(|s| s.iter().map(|(_, s)| s.key)).collect();
        keys.sort_unstable();
        let first = keys
            .windows(2)
            .filter(|pair| pair[0] == pair[1])
            .map(|pair| (pair[0], None))
            .collect();
        PostSums {
            first,
            sums: std::collections::BTreeMap::new(),
            repeats: std::collections::BTreeMap::new(),
        }
    }

    fn add(&mut self, stubs: Stubs, offset: usize) {
        let offset = super::stubs::file_index(offset);
        for (file, stub) in stubs.into_stubs() {
            let file = file + offset;
            if let Some(slot) = self.first.get_mut(&stub.key) {
                if let Some(first) = *slot {
                    *self.repeats.entry((first, file)).or_default() += 1;
                    continue;
                }
                *slot = Some(file);
            }
            let totals = self
                .sums
                .entry((stub.platform, stub.date, file))
                .or_default();
            totals.add_summed(&stub.counts, stub.views_as_impressions);
        }
    }

    /// The sums, and a problem per pair of files that share posts.
    fn finish(self, files: &[ExportFile]) -> (Vec<PostDay>, Vec<Problem>) {
        let problems = self
            .repeats
            .into_iter()
            .map(|((first, second), count)| Problem {
                rule: &rule::EXPORT_REPEATED,
                path: files[second as usize].path.clone(),
                line: None,
                column: None,
                field: None,
                message: t!(
                    "export.repeated-posts",
                    n = count,
                    other = &files[first as usize].path
                ),
                decision: Decision::RowSkipped,
            })
            .collect();
        let days = self
            .sums
            .into_iter()
            .map(|((platform, date, file), totals)| PostDay {
                platform,
                date,
                totals,
                file: file as usize,
            })
            .collect();
        (days, problems)
    }
}

/// Reads one export into `into`; every problem is recorded, none stops the run.
pub fn import_file(path: &Path, shown: &str, options: &Options, into: &mut Imported) {
    import_one(path, shown, options, into, false);
}

/// [`import_file`], its records split on a second thread with `two_threads`.
fn import_one(path: &Path, shown: &str, options: &Options, into: &mut Imported, two_threads: bool) {
    if let Err((line, rule, message)) = read_export(path, shown, options, into, two_threads) {
        into.problems.push(Problem {
            rule,
            path: shown.to_string(),
            line,
            column: None,
            field: None,
            message,
            decision: Decision::FileSkipped,
        });
    }
}

/// A reason to skip a whole file: the line it concerns, the rule and the message.
pub(super) type Skip = (Option<u64>, &'static Rule, Msg);

pub(super) fn read_export(
    path: &Path,
    shown: &str,
    options: &Options,
    into: &mut Imported,
    two_threads: bool,
) -> Result<Option<Halves>, Skip> {
    let Opened {
        input,
        mut csv,
        header,
        header_line,
    } = opened(path)?;
    let fits = formats::fit(&header);
    let best = &fits[0];
    if !best.missing.is_empty() {
        let line = Some(header_line);
        let message = if fits.iter().all(|f| f.columns.is_empty()) {
            let rows = first_rows(&mut csv, 6);
            shapes::by_shape(&header, &rows)
                .map_or_else(|| unrecognised(&fits, &header, shown), |s| shaped(&s))
        } else {
            unrecognised(&fits, &header, shown)
        };
        return Err((line, &rule::EXPORT_UNKNOWN, message));
    }
    let (platform, primary) = platform_of(best, input.title.as_deref(), shown)?;
    let file_index = into.files.len();
    into.files.push(ExportFile {
        path: shown.to_string(),
        format: best.format,
        platform: (best.format.grain != Grain::Inquiry).then_some(platform),
        title: input.title.clone(),
        rows: 0,
        columns: best
            .columns
            .iter()
            .map(|&(field, at)| match (field, primary) {
                (Field::Primary, Some(metric)) => (metric, at),
                _ => (field, at),
            })
            .collect(),
    });
    let mut mapper = Mapper {
        fit: best,
        header: &header,
        platform,
        primary,
        options,
        file: file_index,
        shown,
        date_order: DateOrder::MonthFirst,
        foreign: 0,
        kept: 0,
        first_foreign: None,
        mangled_id: None,
        undated: Vec::new(),
    };
    decide_date_order(path, input.delimiter, &mut mapper, into);
    let file = FileReader {
        csv,
        body_offset: input.body_offset.unwrap_or(0),
        preamble_lines: input.preamble_lines,
        lag: u64::from(input.crlf),
        delimiter: input.delimiter,
    };
    // Read from any byte only where the body is UTF-8 as written.
    let two_threads = two_threads && input.body_offset.is_some();
    let (halves, rows) = read_records(file, (path, shown), two_threads, &mut mapper, into);
    mapper.finish(into);
    into.files[file_index].rows = rows;
    Ok(halves)
}

/// Reads the records after the header, a large file in two halves with
/// `two_threads`; how it was split, and how many rows it has.
fn read_records(
    mut file: FileReader<Box<dyn std::io::Read + Send>>,
    (path, shown): (&Path, &str),
    two_threads: bool,
    mapper: &mut Mapper<'_>,
    into: &mut Imported,
) -> (Option<Halves>, u64) {
    let mut rows = Rows::first(mapper.fit.format.total_row);
    let data_start = file.body_offset + file.csv.position().byte();
    let len = std::fs::metadata(path).map_or(0, |m| m.len());
    let large = len >= data_start + halves::MIN_BYTES;
    let (halves, read) = if two_threads && large {
        let fields = mapper.header.len();
        let (halves, read) = halves::read(
            &mut file,
            path,
            data_start..len,
            fields,
            &mut rows,
            mapper,
            into,
        );
        (Some(halves), read)
    } else {
        (None, file.read_all(&mut rows, mapper, into))
    };
    if let Err((line, e)) = read {
        into.problems.push(unreadable_record(shown, line, &e));
    }
    (halves, rows.count)
}

/// A file opened: what was learnt decoding it (its body now read by
/// `csv`), the reader after its header, the header and its line.
struct Opened {
    input: Input,
    csv: csv::Reader<Box<dyn std::io::Read + Send>>,
    header: Vec<String>,
    header_line: u64,
}

/// The file opened, decoded and its header read.
fn opened(path: &Path) -> Result<Opened, Skip> {
    let file = std::fs::File::open(path).map_err(|e| {
        (
            None,
            &rule::EXPORT_UNREADABLE,
            t!("cannot-read-file", error = e),
        )
    })?;
    let mut input = decode(BufReader::with_capacity(1 << 16, file))
        .map_err(|message| (None, &rule::EXPORT_UNREADABLE, message))?;
    let body = std::mem::replace(&mut input.body, Box::new(std::io::empty()));
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(input.delimiter)
        .buffer_capacity(super::decode::READ_BUFFER)
        .from_reader(body);
    let mut record = csv::ByteRecord::new();
    match csv.read_byte_record(&mut record) {
        Ok(true) => {}
        Ok(false) => return Err((None, &rule::EXPORT_UNREADABLE, t!("empty-file"))),
        Err(e) => {
            return Err((
                None,
                &rule::EXPORT_UNREADABLE,
                t!("export.not-csv", error = e),
            ));
        }
    }
    let header = record
        .iter()
        .map(|c| formats::normalise_header(&String::from_utf8_lossy(c)))
        .collect();
    let header_line = record.position().map_or(0, csv::Position::line) + input.preamble_lines;
    Ok(Opened {
        input,
        csv,
        header,
        header_line,
    })
}

/// The platform a file of this format is from, and for Meta's daily
/// exports the one metric its title names.
fn platform_of(
    best: &Fit,
    title: Option<&str>,
    shown: &str,
) -> Result<(PlatformKind, Option<Field>), Skip> {
    let platform = match best.format.platform {
        Some(p) => p,
        // Inquiries name their platform on each row.
        None if best.format.grain == Grain::Inquiry => PlatformKind::X,
        None => quirks::meta_daily_platform(title, shown)
            .map_err(|message| (None, &rule::EXPORT_WHICH_PLATFORM, message))?,
    };
    let primary = match (best.format.id, title) {
        ("meta-daily", Some(title)) => Some(quirks::meta_daily_field(title).ok_or_else(|| {
            (
                Some(2),
                &rule::EXPORT_UNUSED_METRIC,
                t!("export.unused-daily-metric", title = title),
            )
        })?),
        _ => None,
    };
    Ok((platform, primary))
}

/// Which way round the file's slashed dates are, from the file itself;
/// a problem when the file does not show it and the order is assumed.
fn decide_date_order(path: &Path, delimiter: u8, mapper: &mut Mapper<'_>, into: &mut Imported) {
    let date_field = match mapper.fit.format.grain {
        Grain::Post => Some(Field::Published),
        Grain::Day => Some(Field::Date),
        Grain::Inquiry => None,
    };
    let Some(column) = date_field.and_then(|f| mapper.column(f)) else {
        return;
    };
    let decided = date_order::decide(
        path,
        column,
        delimiter,
        mapper.options.date_order,
        mapper.fit.format.slashed_dates,
    );
    mapper.date_order = decided.order();
    if let Decided::Assumed {
        order,
        line,
        cell,
        by_plan,
    } = decided
    {
        into.problems.push(mapper.problem(
            &rule::EXPORT_DATE_ORDER_ASSUMED,
            line,
            Some(column),
            t!(
                "export.date-order-assumed",
                cell = cell,
                order = order.as_str(),
                why = if by_plan {
                    t!("export.date-order.by-plan")
                } else {
                    t!("export.date-order.by-platforms")
                }
            ),
            Decision::Assumed,
        ));
    }
}

/// A record that could not be read: the rest of the file is not.
fn unreadable_record(shown: &str, line: Option<u64>, e: &csv::Error) -> Problem {
    Problem {
        rule: &rule::EXPORT_UNREADABLE,
        path: shown.to_string(),
        line,
        column: None,
        field: None,
        message: if super::decode::is_line_too_long(e) {
            t!("export.line-too-long", limit = "1 MB")
        } else {
            t!("export.malformed", error = e)
        },
        decision: Decision::RowSkipped,
    }
}

/// Up to `n` records after the header, as text, for a look at their shape.
fn first_rows<R: std::io::Read>(csv: &mut csv::Reader<R>, n: usize) -> Vec<Vec<String>> {
    let mut record = csv::ByteRecord::new();
    let mut rows = Vec::new();
    while rows.len() < n && matches!(csv.read_byte_record(&mut record), Ok(true)) {
        rows.push(
            record
                .iter()
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect(),
        );
    }
    rows
}

/// "not a known export by its names, but by its shape": the export it is
/// and, for each column it needs, the name expected and the one found.
fn shaped(shape: &shapes::Shape) -> Msg {
    let columns: Vec<Msg> = shape
        .expected
        .iter()
        .map(|(name, column, found)| {
            t!(
                "export.expected-column",
                name = *name,
                column = *column,
                found = found.as_str()
            )
        })
        .collect();
    t!(
        "export.other-language",
        format = shape.format.name,
        columns = crate::text::i18n::Listed(columns)
    )
}

/// "not a known export": the formats it resembles and the columns it lacks.
/// Why a header fits no format: the formats it was compared with, the
/// nearest ones with the columns they share with it and those it lacks, and
/// for a platform this tool reads no export of (its name in the file's name
/// or header), what to do instead.
pub(super) fn unrecognised(fits: &[Fit], header: &[String], shown: &str) -> Msg {
    let near_post = fits.iter().filter(|f| !f.columns.is_empty()).map(|f| {
        let shared: Vec<&str> = f
            .columns
            .iter()
            .map(|&(_, index)| header[index].as_str())
            .collect();
        (
            shared.len(),
            f.format.name,
            shared.join(", "),
            f.missing.join(", "),
        )
    });
    // The ad formats too: a re-saved ad export is compared with them.
    let near_ads = super::ads::near(header).into_iter().map(|n| {
        (
            n.shared.len(),
            n.name,
            n.shared.join(", "),
            n.missing.join(", "),
        )
    });
    let mut nearest: Vec<_> = near_post.chain(near_ads).collect();
    nearest.sort_by_key(|(shared, ..)| std::cmp::Reverse(*shared));
    let near: Vec<Msg> = nearest
        .into_iter()
        .take(3)
        .map(|(_, format, shared, missing)| {
            t!(
                "export.near-format",
                format = format,
                shared = shared,
                missing = missing
            )
        })
        .collect();
    let compared = fits.len() + super::ads::format_count();
    let mut message = if near.is_empty() {
        t!("export.unknown", n = compared)
    } else {
        t!(
            "export.resembles",
            n = compared,
            formats = crate::text::i18n::Listed(near)
        )
    };
    let named =
        |word: &str| shown.to_lowercase().contains(word) || header.iter().any(|h| h.contains(word));
    if let Some((_, platform)) = [("snapchat", "Snapchat"), ("whatsapp", "WhatsApp")]
        .into_iter()
        .find(|(word, _)| named(word))
    {
        message = t!("export.no-reader", message = message, platform = platform);
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    const HEADER: &str = "\"Tweet id\",\"Tweet permalink\",\"Tweet text\",\"time\",\"impressions\",\"engagements\",\"retweets\",\"replies\",\"likes\"";

    /// An X per-tweet export of `rows` rows with texts over several lines,
    /// escaped quotes, Arabic, a cell that is not a number and a date that
    /// does not exist; with `lookalike`, every text holds lines that look
    /// like records of the export.
    fn export(rows: u64, lookalike: bool) -> String {
        let mut text = format!("{HEADER}\n");
        for n in 0..rows {
            let body = match n % 4 {
                _ if lookalike => {
                    "a\n1,2,3,4,5,6,7,8,9\n1,2,3,4,5,6,7,8,9\n1,2,3,4,5,6,7,8,9\n1,2,3,4,5,6,7,8,9\n1,2,3,4,5,6,7,8,9\n1,2,3,4,5,6,7,8,9\n1,2,3,4,5,6,7,8,9\n1,2,3,4,5,6,7,8,9\n1,2,3,4,5,6,7,8,9\n1,2,3,4,5,6,7,8,9\nz"
                }
                0 => "حصاد أسبوع\n\nشكراً \"\"لكل\"\" من دعم",
                1 => "تخريج, حفاظ \"\"كتاب\"\" الله",
                2 => "سطر\nثانٍ\nثالث",
                _ => "plain",
            };
            let impressions = if n == rows / 3 * 2 {
                "lots".to_string()
            } else {
                format!("{}", 1000 + n)
            };
            let day = if n == rows - 5 { 31 } else { 1 + n % 28 };
            let id = format!("\"{n}\"");
            let _ = writeln!(
                text,
                "{id},\"https://x.com/khairukum/status/{n}\",\"{body}\",\"2026-11-{day:02} 10:{:02} +0000\",\"{impressions}\",\"{}\",\"1\",\"2\",\"3\"",
                n % 60,
                n % 97
            );
        }
        text
    }

    fn read(path: &Path, two_threads: bool) -> (Imported, Option<Halves>) {
        let options = Options {
            window: None,
            detail: None,
            time_zone: chrono_tz::Asia::Riyadh,
            year_anchor: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            date_order: None,
            accounts: Vec::new(),
            by_hand: Vec::new(),
        };
        let mut into = Imported::default();
        let halves = read_export(path, "x.csv", &options, &mut into, two_threads).unwrap();
        (into, halves)
    }

    fn assert_same(one: &Imported, two: &Imported) {
        assert_eq!(one.files[0].rows, two.files[0].rows);
        assert_eq!(one.posts, two.posts);
        assert_eq!(one.days, two.days);
        assert_eq!(one.problems, two.problems);
        assert_eq!(one.stubs, two.stubs);
    }

    #[test]
    fn two_halves_read_exactly_what_one_pass_reads() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.csv");
        std::fs::write(&path, export(400, false)).unwrap();
        let (one, none) = read(&path, false);
        let (two, halves) = read(&path, true);
        assert_eq!(none, None);
        assert_eq!(halves, Some(Halves::Both));
        assert_eq!(one.files[0].rows, 400);
        assert_eq!(one.problems.len(), 2, "{:?}", one.problems);
        assert_same(&one, &two);
    }

    #[test]
    fn text_that_looks_like_records_leaves_the_first_half_to_read_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.csv");
        std::fs::write(&path, export(400, true)).unwrap();
        let (one, _) = read(&path, false);
        let (two, halves) = read(&path, true);
        assert_eq!(halves, Some(Halves::Alone));
        assert_same(&one, &two);
    }

    #[test]
    fn problems_are_on_their_physical_lines_in_crlf_files_too() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.csv");
        let text = export(400, false).replace('\n', "\r\n");
        std::fs::write(&path, &text).unwrap();
        // The lines, counted independently, where the records with the two
        // bad cells start (rows 266 and 395, see `export`).
        let line_of = |needle: &str| {
            let at = text.find(needle).unwrap();
            text[..at].matches('\n').count() as u64 + 1
        };
        let expected = vec![Some(line_of("\"266\",")), Some(line_of("\"395\","))];
        for two_threads in [false, true] {
            let (read, _) = read(&path, two_threads);
            let lines: Vec<_> = read.problems.iter().map(|p| p.line).collect();
            assert_eq!(lines, expected, "two threads: {two_threads}");
        }
    }

    #[test]
    fn a_small_file_is_read_by_one_thread() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.csv");
        std::fs::write(&path, export(10, false)).unwrap();
        assert_eq!(read(&path, true).1, None);
    }
}

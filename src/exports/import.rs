//! Reading a folder of exports: every `.csv` file recognised, streamed and
//! mapped; a post that several files give is counted once.

use super::decode::{Input, decode, is_description_row};
use super::formats::{self, Fit, Grain};
use super::mapping::Mapper;
use super::problems::{Decision, Problem};
use super::quirks;
use super::tables::{ExportFile, Imported, Options, PostDay, PostStub, PostTotals, file_index};
use crate::plan::diagnostic::Rule;
use crate::plan::model::platforms::PlatformKind;
use crate::plan::rules::catalog as rule;
use crate::t;
use crate::text::i18n::Msg;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::io::BufReader;
use std::path::Path;

/// Reads every `.csv` file under `dir` (sorted by path).
pub fn import_dir(dir: &Path, options: &Options) -> std::io::Result<Imported> {
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_type().is_file()
                && e.path()
                    .extension()
                    .is_some_and(|x| x.eq_ignore_ascii_case("csv"))
        })
        .map(walkdir::DirEntry::into_path)
        .collect();
    files.sort();
    // Files are read on all cores, then put together in path order.
    let parts = crate::parallel::map(&files, |path| {
        let shown = path.to_string_lossy().replace('\\', "/");
        // A file filed under a month folder (`exports/2026-11/…`) was exported
        // by the end of the next month at the latest.
        let folder_month = path.strip_prefix(dir).ok().and_then(|rel| {
            rel.components().find_map(|c| {
                crate::text::dates::Month::parse(&c.as_os_str().to_string_lossy()).ok()
            })
        });
        let mut file_options = *options;
        if let Some(month) = folder_month {
            file_options.year_anchor = options.year_anchor.min(month.next().last_day());
        }
        let mut part = Imported::default();
        import_file(path, &shown, &file_options, &mut part);
        part
    });
    // Parts are taken one by one, their stubs summed and dropped as they go.
    let mut imported = Imported::default();
    let mut sums = PostSums::default();
    for mut part in parts {
        sums.add(
            std::mem::take(&mut part.stubs),
            file_index(imported.files.len()),
        );
        imported.append(part);
    }
    let (days, problems) = sums.finish(&imported.files);
    imported.post_days = days;
    imported.problems.extend(problems);
    Ok(imported)
}

/// Sums post stubs per platform, day and file as files come in, counting a
/// post that several files give once (in the first file).
#[derive(Default)]
pub(super) struct PostSums {
    seen: HashMap<u64, u32>,
    sums: std::collections::BTreeMap<(PlatformKind, NaiveDate, u32), PostTotals>,
    repeats: std::collections::BTreeMap<(u32, u32), usize>,
}

impl PostSums {
    fn add(&mut self, stubs: Vec<PostStub>, offset: u32) {
        for stub in stubs {
            let file = stub.file + offset;
            if let Some(&first) = self.seen.get(&stub.key) {
                *self.repeats.entry((first, file)).or_default() += 1;
            } else {
                self.seen.insert(stub.key, file);
                self.sums
                    .entry((stub.platform, stub.date, file))
                    .or_default()
                    .add_counts(&stub.counts());
            }
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
    if let Err((line, rule, message)) = read_export(path, shown, options, into) {
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
) -> Result<(), Skip> {
    let file = std::fs::File::open(path).map_err(|e| {
        (
            None,
            &rule::EXPORT_UNREADABLE,
            t!("cannot-read-file", error = e),
        )
    })?;
    let Input {
        body,
        preamble_lines,
        title,
        delimiter,
    } = decode(BufReader::with_capacity(1 << 16, file))
        .map_err(|message| (None, &rule::EXPORT_UNREADABLE, message))?;
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(body);
    let mut record = csv::ByteRecord::new();
    let line_of = |record: &csv::ByteRecord| {
        record.position().map_or(0, csv::Position::line) + preamble_lines
    };
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
    let header: Vec<String> = record
        .iter()
        .map(|c| formats::normalise_header(&String::from_utf8_lossy(c)))
        .collect();
    let fits = formats::fit(&header);
    let best = &fits[0];
    if !best.missing.is_empty() {
        return Err((
            Some(line_of(&record)),
            &rule::EXPORT_UNKNOWN,
            unrecognised(&fits),
        ));
    }
    let platform = match best.format.platform {
        Some(p) => p,
        // Inquiries name their platform on each row.
        None if best.format.grain == Grain::Inquiry => PlatformKind::X,
        None => quirks::meta_daily_platform(title.as_deref(), shown)
            .map_err(|message| (None, &rule::EXPORT_WHICH_PLATFORM, message))?,
    };
    let primary = match (best.format.id, title.as_deref()) {
        ("meta-daily", Some(title)) => Some(quirks::meta_daily_field(title).ok_or_else(|| {
            (
                Some(2),
                &rule::EXPORT_UNUSED_METRIC,
                t!("export.unused-daily-metric", title = title),
            )
        })?),
        _ => None,
    };
    let file_index = into.files.len();
    into.files.push(ExportFile {
        path: shown.to_string(),
        format: best.format,
        platform: (best.format.grain != Grain::Inquiry).then_some(platform),
        title: title.clone(),
        rows: 0,
    });
    let mut mapper = Mapper {
        fit: best,
        header: &header,
        platform,
        primary,
        options,
        file: file_index,
        shown,
        undated: Vec::new(),
    };
    let mut rows = 0;
    let mut first = true;
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                into.problems.push(Problem {
                    rule: &rule::EXPORT_UNREADABLE,
                    path: shown.to_string(),
                    line: e.position().map(|p| p.line() + preamble_lines),
                    column: None,
                    field: None,
                    message: t!("export.malformed", error = e),
                    decision: Decision::RowSkipped,
                });
                break;
            }
        }
        let line = line_of(&record);
        if first && is_description_row(&record) {
            first = false;
            continue;
        }
        if first
            && best.format.total_row
            && record
                .get(0)
                .is_some_and(|c| c.trim_ascii().eq_ignore_ascii_case(b"total"))
        {
            first = false;
            continue;
        }
        first = false;
        if record.iter().all(|c| c.trim_ascii().is_empty()) {
            continue;
        }
        rows += 1;
        mapper.row(&record, line, into);
    }
    mapper.finish(into);
    into.files[file_index].rows = rows;
    Ok(())
}

/// "not a known export": the formats it resembles and the columns it lacks.
pub(super) fn unrecognised(fits: &[Fit]) -> Msg {
    let near: Vec<Msg> = fits
        .iter()
        .filter(|f| !f.columns.is_empty())
        .take(3)
        .map(|f| {
            t!(
                "export.near-format",
                format = f.format.name,
                missing = f.missing.join(", ")
            )
        })
        .collect();
    if near.is_empty() {
        t!("export.unknown")
    } else {
        t!(
            "export.resembles",
            formats = crate::text::i18n::Listed(near)
        )
    }
}

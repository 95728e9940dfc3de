//! Importing the CSV files platforms export into two canonical tables:
//! **posts** (one published post and its totals) and **account days** (one
//! day of one account). Files are decoded (UTF-8, UTF-8 with BOM, UTF-16
//! with `sep=,` and a title line), recognised by their header, and streamed,
//! so a file of any size is read in bounded memory. Every cell that cannot
//! be read becomes a located [`Problem`] and a missing value — never a zero.

pub mod formats;
pub mod values;

use crate::plan::model::platforms::PlatformKind;
use crate::t;
use crate::text::i18n::{Lang, Msg};
use chrono::{Datelike, NaiveDate};
use formats::{Field, Fit, Format, Grain};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use values::When;

/// Where a row came from: the file (index into [`Imported::files`]) and its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    pub file: usize,
    pub line: u64,
}

/// Counts a post or a day may carry; `None` is "not in this export".
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub impressions: Option<i64>,
    pub reach: Option<i64>,
    pub engagements: Option<i64>,
    pub likes: Option<i64>,
    pub replies: Option<i64>,
    pub reposts: Option<i64>,
    pub saves: Option<i64>,
    pub clicks: Option<i64>,
    pub video_views: Option<i64>,
    pub follows: Option<i64>,
    pub unfollows: Option<i64>,
    pub net_follows: Option<i64>,
    pub followers_total: Option<i64>,
    pub posts: Option<i64>,
}

impl Counts {
    fn slot(&mut self, field: Field) -> Option<&mut Option<i64>> {
        Some(match field {
            Field::Impressions => &mut self.impressions,
            Field::Reach => &mut self.reach,
            Field::Engagements => &mut self.engagements,
            Field::Likes => &mut self.likes,
            Field::Replies => &mut self.replies,
            Field::Reposts => &mut self.reposts,
            Field::Saves => &mut self.saves,
            Field::Clicks => &mut self.clicks,
            Field::VideoViews => &mut self.video_views,
            Field::Follows => &mut self.follows,
            Field::Unfollows => &mut self.unfollows,
            Field::NetFollows => &mut self.net_follows,
            Field::FollowersTotal => &mut self.followers_total,
            Field::Posts => &mut self.posts,
            _ => return None,
        })
    }

    pub fn get(&self, field: Field) -> Option<i64> {
        let mut copy = *self;
        copy.slot(field).and_then(|s| *s)
    }
}

/// A total over posts, and how many posts carried the count (0: missing).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sum {
    pub total: i64,
    pub posts: i64,
}

impl Sum {
    fn add(&mut self, value: Option<i64>) {
        if let Some(v) = value {
            self.total += v;
            self.posts += 1;
        }
    }

    fn merge(&mut self, other: &Sum) {
        self.total += other.total;
        self.posts += other.posts;
    }

    /// The total, or `None` when no post carried the count.
    pub fn value(&self) -> Option<i64> {
        (self.posts > 0).then_some(self.total)
    }
}

/// The parts of a rate, summed over the posts that carry both.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pair {
    pub numerator: i64,
    pub denominator: i64,
    pub posts: i64,
}

impl Pair {
    fn add(&mut self, numerator: Option<i64>, denominator: Option<i64>) {
        if let (Some(n), Some(d)) = (numerator, denominator) {
            self.numerator += n;
            self.denominator += d;
            self.posts += 1;
        }
    }

    fn merge(&mut self, other: &Pair) {
        self.numerator += other.numerator;
        self.denominator += other.denominator;
        self.posts += other.posts;
    }
}

/// "Impressions" of a post: YouTube and TikTok report views where the
/// others report impressions.
pub fn impressions_of(kind: PlatformKind, counts: &Counts) -> Option<i64> {
    match kind {
        PlatformKind::Youtube | PlatformKind::Tiktok => counts.impressions.or(counts.video_views),
        _ => counts.impressions,
    }
}

/// What the figures need of a set of posts, in constant space: the sums of
/// their counts and the parts of the post-level rates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PostTotals {
    pub posts: i64,
    pub impressions: Sum,
    pub reach: Sum,
    pub engagements: Sum,
    pub likes: Sum,
    pub replies: Sum,
    pub reposts: Sum,
    pub video_views: Sum,
    pub follows: Sum,
    pub engagements_per_impression: Pair,
    pub engagements_per_reach: Pair,
    pub reposts_per_reach: Pair,
    pub replies_per_reach: Pair,
}

impl PostTotals {
    pub fn add(&mut self, kind: PlatformKind, c: &Counts) {
        let mut c = *c;
        c.impressions = impressions_of(kind, &c);
        c.follows = c.follows.or(c.net_follows);
        self.add_counts(&c);
    }

    /// Adds a post whose `impressions` and `follows` are already resolved.
    fn add_counts(&mut self, c: &Counts) {
        let impressions = c.impressions;
        self.posts += 1;
        self.impressions.add(impressions);
        self.reach.add(c.reach);
        self.engagements.add(c.engagements);
        self.likes.add(c.likes);
        self.replies.add(c.replies);
        self.reposts.add(c.reposts);
        self.video_views.add(c.video_views);
        self.follows.add(c.follows);
        self.engagements_per_impression
            .add(c.engagements, impressions);
        self.engagements_per_reach.add(c.engagements, c.reach);
        self.reposts_per_reach.add(c.reposts, c.reach);
        self.replies_per_reach.add(c.replies, c.reach);
    }

    pub fn merge(&mut self, o: &PostTotals) {
        self.posts += o.posts;
        for (a, b) in [
            (&mut self.impressions, &o.impressions),
            (&mut self.reach, &o.reach),
            (&mut self.engagements, &o.engagements),
            (&mut self.likes, &o.likes),
            (&mut self.replies, &o.replies),
            (&mut self.reposts, &o.reposts),
            (&mut self.video_views, &o.video_views),
            (&mut self.follows, &o.follows),
        ] {
            a.merge(b);
        }
        for (a, b) in [
            (
                &mut self.engagements_per_impression,
                &o.engagements_per_impression,
            ),
            (&mut self.engagements_per_reach, &o.engagements_per_reach),
            (&mut self.reposts_per_reach, &o.reposts_per_reach),
            (&mut self.replies_per_reach, &o.replies_per_reach),
        ] {
            a.merge(b);
        }
    }
}

/// What a post contributes to the sums, in a few bytes: kept for every post
/// of the window until duplicates across files are removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PostStub {
    pub platform: PlatformKind,
    pub date: NaiveDate,
    /// A hash of the post's id (duplicates across files share it).
    pub key: u64,
    /// impressions (or views), reach, engagements, likes, replies, reposts, video views, follows;
    /// `i32::MIN` for missing. One post's counts fit; counts that do not are missing.
    pub counts: [i32; 8],
    pub file: u32,
}

const NONE: i32 = i32::MIN;

impl PostStub {
    fn new(platform: PlatformKind, date: NaiveDate, id: &str, c: &Counts, file: usize) -> PostStub {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        (platform, id.trim()).hash(&mut hasher);
        let v = |x: Option<i64>| {
            x.and_then(|x| i32::try_from(x).ok())
                .filter(|x| *x != NONE)
                .unwrap_or(NONE)
        };
        PostStub {
            platform,
            date,
            key: hasher.finish(),
            counts: [
                v(impressions_of(platform, c)),
                v(c.reach),
                v(c.engagements),
                v(c.likes),
                v(c.replies),
                v(c.reposts),
                v(c.video_views),
                v(c.follows.or(c.net_follows)),
            ],
            file: file as u32,
        }
    }

    fn counts(&self) -> Counts {
        let o = |i: usize| (self.counts[i] != NONE).then_some(i64::from(self.counts[i]));
        Counts {
            impressions: o(0),
            reach: o(1),
            engagements: o(2),
            likes: o(3),
            replies: o(4),
            reposts: o(5),
            video_views: o(6),
            follows: o(7),
            ..Counts::default()
        }
    }
}

/// The posts one file published on one platform on one (local) day, summed.
#[derive(Debug, Clone, PartialEq)]
pub struct PostDay {
    pub platform: PlatformKind,
    pub date: NaiveDate,
    pub totals: PostTotals,
    /// Index into [`Imported::files`].
    pub file: usize,
}

/// One post as an export reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct Post {
    pub platform: PlatformKind,
    pub id: String,
    pub url: Option<String>,
    pub published: Option<When>,
    /// The page or account name, where the export gives it.
    pub account: Option<String>,
    pub counts: Counts,
    pub source: Source,
}

/// One day of one account.
#[derive(Debug, Clone, PartialEq)]
pub struct Day {
    pub platform: PlatformKind,
    pub date: NaiveDate,
    pub counts: Counts,
    pub source: Source,
}

/// One inquiry from a follower, from the team's own log.
#[derive(Debug, Clone, PartialEq)]
pub struct Inquiry {
    /// The platform as written (a platform id or kind).
    pub platform: String,
    pub channel: Option<String>,
    /// Local time in the plan's time zone.
    pub received: chrono::NaiveDateTime,
    /// `None` while unanswered.
    pub first_reply: Option<chrono::NaiveDateTime>,
    pub source: Source,
}

/// A file that was read, and as what.
#[derive(Debug, Clone)]
pub struct ExportFile {
    pub path: String,
    pub format: &'static Format,
    pub platform: Option<PlatformKind>,
    /// Meta daily files: the title line naming the metric.
    pub title: Option<String>,
    pub rows: u64,
}

/// Whether a problem cost a file or only a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// The file was not used.
    FileSkipped,
    /// The row was not used.
    RowSkipped,
    /// The cell was read as missing.
    ValueMissing,
}

/// A located problem in an export.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub path: String,
    pub line: Option<u64>,
    pub column: Option<String>,
    pub message: Msg,
    pub decision: Decision,
}

impl Problem {
    /// `path:line [column]: message (decision)`, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use std::fmt::Write as _;
        let mut out = self.path.clone();
        if let Some(line) = self.line {
            let _ = write!(out, ":{line}");
        }
        if let Some(column) = &self.column {
            let _ = write!(out, " [{column}]");
        }
        let decision = match self.decision {
            Decision::FileSkipped => t!("export.file-skipped"),
            Decision::RowSkipped => t!("export.row-skipped"),
            Decision::ValueMissing => t!("export.value-missing"),
        };
        let _ = write!(
            out,
            ": {} ({})",
            self.message.text(lang),
            decision.text(lang)
        );
        out
    }
}

/// In English, as JSON and CSV carry it.
impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl serde::Serialize for Problem {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Everything read from a set of exports.
#[derive(Debug, Default)]
pub struct Imported {
    pub files: Vec<ExportFile>,
    pub posts: Vec<Post>,
    pub days: Vec<Day>,
    /// Every post in the window, summed per platform, day and file
    /// (duplicates across files counted once, in the first); filled by [`import_dir`].
    pub post_days: Vec<PostDay>,
    /// Every post of one file, briefly, until [`import_dir`] sums them.
    pub stubs: Vec<PostStub>,
    pub inquiries: Vec<Inquiry>,
    pub problems: Vec<Problem>,
}

/// What to keep while reading.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Keep only posts published and days within these dates (inclusive).
    pub window: Option<(NaiveDate, NaiveDate)>,
    /// Keep each post (not only its day's sums) only within these dates, so
    /// memory stays bounded however many posts the window holds.
    pub detail: Option<(NaiveDate, NaiveDate)>,
    /// The plan's time zone: UTC times are moved into it before taking their date.
    pub time_zone: chrono_tz::Tz,
    /// A day on or after the last day of any export, to give a year to dates
    /// written without one (TikTok Studio): the export date, or today.
    pub year_anchor: NaiveDate,
}

impl Options {
    fn keeps(&self, date: NaiveDate) -> bool {
        self.window
            .is_none_or(|(from, to)| date >= from && date <= to)
    }
}

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
        .map(|e| e.into_path())
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
        sums.add(std::mem::take(&mut part.stubs), imported.files.len() as u32);
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
struct PostSums {
    seen: HashMap<u64, u32>,
    sums: std::collections::BTreeMap<(PlatformKind, NaiveDate, u32), PostTotals>,
    repeats: std::collections::BTreeMap<(u32, u32), usize>,
}

impl PostSums {
    fn add(&mut self, stubs: Vec<PostStub>, offset: u32) {
        for stub in stubs {
            let file = stub.file + offset;
            match self.seen.get(&stub.key) {
                Some(&first) => *self.repeats.entry((first, file)).or_default() += 1,
                None => {
                    self.seen.insert(stub.key, file);
                    self.sums
                        .entry((stub.platform, stub.date, file))
                        .or_default()
                        .add_counts(&stub.counts());
                }
            }
        }
    }

    /// The sums, and a problem per pair of files that share posts.
    fn finish(self, files: &[ExportFile]) -> (Vec<PostDay>, Vec<Problem>) {
        let problems = self
            .repeats
            .into_iter()
            .map(|((first, second), count)| Problem {
                path: files[second as usize].path.clone(),
                line: None,
                column: None,
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

impl Imported {
    /// Adds another import after this one, renumbering its files.
    pub fn append(&mut self, mut other: Imported) {
        let offset = self.files.len();
        let shift = |source: &mut Source| source.file += offset;
        other.posts.iter_mut().for_each(|p| shift(&mut p.source));
        other.days.iter_mut().for_each(|d| shift(&mut d.source));
        other
            .inquiries
            .iter_mut()
            .for_each(|q| shift(&mut q.source));
        self.files.append(&mut other.files);
        self.posts.append(&mut other.posts);
        self.days.append(&mut other.days);
        self.inquiries.append(&mut other.inquiries);
        self.problems.append(&mut other.problems);
        other.post_days.iter_mut().for_each(|d| d.file += offset);
        self.post_days.append(&mut other.post_days);
        other.stubs.iter_mut().for_each(|d| d.file += offset as u32);
        self.stubs.append(&mut other.stubs);
    }
}

/// Reads one export into `into`; every problem is recorded, none stops the run.
pub fn import_file(path: &Path, shown: &str, options: &Options, into: &mut Imported) {
    if let Err((line, message)) = read_export(path, shown, options, into) {
        into.problems.push(Problem {
            path: shown.to_string(),
            line,
            column: None,
            message,
            decision: Decision::FileSkipped,
        });
    }
}

/// A reason to skip a whole file, with the line it concerns.
type Skip = (Option<u64>, Msg);

fn read_export(
    path: &Path,
    shown: &str,
    options: &Options,
    into: &mut Imported,
) -> Result<(), Skip> {
    let file = std::fs::File::open(path).map_err(|e| (None, t!("cannot-read-file", error = e)))?;
    let Input {
        body,
        preamble_lines,
        title,
        delimiter,
    } = decode(BufReader::with_capacity(1 << 16, file)).map_err(|message| (None, message))?;
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(body);
    let mut record = csv::ByteRecord::new();
    let line_of =
        |record: &csv::ByteRecord| record.position().map_or(0, |p| p.line()) + preamble_lines;
    match csv.read_byte_record(&mut record) {
        Ok(true) => {}
        Ok(false) => return Err((None, t!("empty-file"))),
        Err(e) => return Err((None, t!("export.not-csv", error = e))),
    }
    let header: Vec<String> = record
        .iter()
        .map(|c| formats::normalise_header(&String::from_utf8_lossy(c)))
        .collect();
    let fits = formats::fit(&header);
    let best = &fits[0];
    if !best.missing.is_empty() {
        return Err((Some(line_of(&record)), unrecognised(&fits)));
    }
    let platform = match best.format.platform {
        Some(p) => p,
        // Inquiries name their platform on each row.
        None if best.format.grain == Grain::Inquiry => PlatformKind::X,
        None => meta_daily_platform(title.as_deref(), shown).map_err(|message| (None, message))?,
    };
    let primary = match (best.format.id, title.as_deref()) {
        ("meta-daily", Some(title)) => Some(
            meta_daily_field(title)
                .ok_or_else(|| (Some(2), t!("export.unused-daily-metric", title = title)))?,
        ),
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
                    path: shown.to_string(),
                    line: e.position().map(|p| p.line() + preamble_lines),
                    column: None,
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

/// The decoded body of a file, after its preamble.
struct Input {
    body: Box<dyn Read>,
    preamble_lines: u64,
    title: Option<String>,
    delimiter: u8,
}

/// Detects the encoding from the first bytes and reads the Meta preamble
/// (`sep=,` then a one-cell title line). UTF-8 input stays streamed.
fn decode(mut reader: BufReader<std::fs::File>) -> Result<Input, Msg> {
    let unreadable = |e: std::io::Error| t!("cannot-read-file", error = e);
    let start = reader.fill_buf().map_err(unreadable)?;
    let mut text: Box<dyn BufRead> =
        if start.starts_with(&[0xFF, 0xFE]) || start.starts_with(&[0xFE, 0xFF]) {
            let little = start.starts_with(&[0xFF, 0xFE]);
            let mut bytes = Vec::new();
            reader.read_to_end(&mut bytes).map_err(unreadable)?;
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
            let decoded = String::from_utf16(&units).map_err(|_| t!("export.bad-utf16"))?;
            Box::new(std::io::Cursor::new(decoded.into_bytes()))
        } else {
            if start.starts_with(b"\xEF\xBB\xBF") {
                reader.consume(3);
            }
            Box::new(reader)
        };
    let mut preamble_lines = 0;
    let mut title = None;
    let mut delimiter = b',';
    let mut pending = Vec::new();
    text.read_until(b'\n', &mut pending).map_err(unreadable)?;
    let first = String::from_utf8_lossy(&pending)
        .trim_end_matches(['\r', '\n'])
        .to_string();
    if let Some(sep) = first.strip_prefix("sep=") {
        delimiter = sep.bytes().next().unwrap_or(b',');
        preamble_lines += 1;
        pending.clear();
        text.read_until(b'\n', &mut pending).map_err(unreadable)?;
        let second = String::from_utf8_lossy(&pending)
            .trim_end_matches(['\r', '\n'])
            .to_string();
        if !second.contains(delimiter as char) {
            title = Some(second.trim().trim_matches('"').to_string());
            preamble_lines += 1;
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
    Ok(Input {
        body: Box::new(std::io::Cursor::new(pending).chain(text)),
        preamble_lines,
        title,
        delimiter,
    })
}

/// The legacy Facebook export's second header row of descriptions.
fn is_description_row(record: &csv::ByteRecord) -> bool {
    let described = record
        .iter()
        .filter(|c| c.starts_with(b"Lifetime: ") || c.starts_with(b"Daily: "))
        .count();
    described > 0 && described * 2 >= record.iter().filter(|c| !c.is_empty()).count()
}

/// "not a known export": the formats it resembles and the columns it lacks.
fn unrecognised(fits: &[Fit]) -> Msg {
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

/// Which platform a Meta daily file belongs to: its title, else its path.
fn meta_daily_platform(title: Option<&str>, path: &str) -> Result<PlatformKind, Msg> {
    let lower = |s: &str| s.to_lowercase();
    let title = title.map(lower).unwrap_or_default();
    let path = lower(path);
    let names = |s: &str, words: &[&str]| words.iter().any(|w| s.contains(w));
    if names(&title, &["instagram"]) {
        Ok(PlatformKind::Instagram)
    } else if names(&title, &["facebook"]) {
        Ok(PlatformKind::Facebook)
    } else if names(&path, &["instagram", "/ig", "ig-", "ig_"]) {
        Ok(PlatformKind::Instagram)
    } else if names(&path, &["facebook", "/fb", "fb-", "fb_"]) {
        Ok(PlatformKind::Facebook)
    } else {
        Err(t!("export.meta-which-platform", title = title))
    }
}

/// The canonical field of a Meta daily file, from its title.
fn meta_daily_field(title: &str) -> Option<Field> {
    let title = title.to_lowercase();
    if title.contains("reach") {
        Some(Field::Reach)
    } else if title.contains("views") {
        Some(Field::Impressions)
    } else if title.contains("follows") {
        Some(Field::Follows)
    } else if title.contains("interactions") {
        Some(Field::Engagements)
    } else {
        None
    }
}

/// Maps the records of one file onto posts or days.
struct Mapper<'a> {
    fit: &'a Fit,
    header: &'a [String],
    platform: PlatformKind,
    primary: Option<Field>,
    options: &'a Options,
    file: usize,
    shown: &'a str,
    /// Days written without a year, kept until the year can be inferred.
    undated: Vec<((u32, u32), Counts, u64)>,
}

impl Mapper<'_> {
    fn column(&self, field: Field) -> Option<usize> {
        self.fit
            .columns
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, i)| *i)
    }

    fn text(&self, record: &csv::ByteRecord, field: Field) -> Option<String> {
        let cell = record.get(self.column(field)?)?;
        let text = String::from_utf8_lossy(cell).trim().to_string();
        (!text.is_empty()).then_some(text)
    }

    fn problem(
        &self,
        line: u64,
        column: Option<usize>,
        message: Msg,
        decision: Decision,
    ) -> Problem {
        Problem {
            path: self.shown.to_string(),
            line: Some(line),
            column: column.and_then(|c| self.header.get(c)).cloned(),
            message,
            decision,
        }
    }

    fn counts(&self, record: &csv::ByteRecord, line: u64, into: &mut Imported) -> Counts {
        let mut counts = Counts::default();
        for &(field, index) in &self.fit.columns {
            let target = if field == Field::Primary {
                self.primary.unwrap_or(field)
            } else {
                field
            };
            let Some(slot) = counts.slot(target) else {
                continue;
            };
            let cell = record.get(index).unwrap_or(b"");
            match parse_count(cell) {
                Ok(value) => *slot = value,
                Err(message) => into.problems.push(self.problem(
                    line,
                    Some(index),
                    message,
                    Decision::ValueMissing,
                )),
            }
        }
        if counts.engagements.is_none() && !self.fit.format.engagement_parts.is_empty() {
            let parts: Vec<i64> = self
                .fit
                .format
                .engagement_parts
                .iter()
                .filter_map(|f| counts.get(*f))
                .collect();
            if !parts.is_empty() {
                counts.engagements = Some(parts.iter().sum());
            }
        }
        if counts.net_follows.is_none()
            && let (Some(new), Some(lost)) = (counts.follows, counts.unfollows)
        {
            counts.net_follows = Some(new - lost);
        }
        counts
    }

    fn inquiry(&self, record: &csv::ByteRecord, line: u64, into: &mut Imported) {
        let time = |field: Field| -> Result<Option<chrono::NaiveDateTime>, Problem> {
            let column = self.column(field);
            let raw = column
                .and_then(|c| record.get(c))
                .map(String::from_utf8_lossy)
                .unwrap_or_default();
            if raw.trim().is_empty() {
                return Ok(None);
            }
            crate::text::dates::parse_date_time(&raw)
                .map(Some)
                .map_err(|e| self.problem(line, column, e, Decision::RowSkipped))
        };
        let (received, first_reply) = match (time(Field::Received), time(Field::FirstReply)) {
            (Ok(Some(r)), Ok(f)) => (r, f),
            (Ok(None), _) => {
                into.problems.push(self.problem(
                    line,
                    self.column(Field::Received),
                    t!("export.no-received-time"),
                    Decision::RowSkipped,
                ));
                return;
            }
            (Err(p), _) | (_, Err(p)) => {
                into.problems.push(p);
                return;
            }
        };
        if first_reply.is_some_and(|f| f < received) {
            into.problems.push(self.problem(
                line,
                self.column(Field::FirstReply),
                t!("export.reply-before-inquiry"),
                Decision::RowSkipped,
            ));
            return;
        }
        if !self.options.keeps(received.date()) {
            return;
        }
        into.inquiries.push(Inquiry {
            platform: self
                .text(record, Field::Platform)
                .unwrap_or_default()
                .to_lowercase(),
            channel: self.text(record, Field::Channel),
            received,
            first_reply,
            source: Source {
                file: self.file,
                line,
            },
        });
    }

    fn row(&mut self, record: &csv::ByteRecord, line: u64, into: &mut Imported) {
        let date_field = match self.fit.format.grain {
            Grain::Post => Field::Published,
            Grain::Day => Field::Date,
            Grain::Inquiry => return self.inquiry(record, line, into),
        };
        let date_column = self.column(date_field);
        let raw = date_column
            .and_then(|c| record.get(c))
            .map(String::from_utf8_lossy)
            .unwrap_or_default();
        let when = match values::when(&raw) {
            Ok(when) => when,
            Err(message) => {
                into.problems
                    .push(self.problem(line, date_column, message, Decision::RowSkipped));
                return;
            }
        };
        match self.fit.format.grain {
            Grain::Post => {
                // Posts without a date (unlisted videos) cannot be placed in a month.
                let Some(when) = when else { return };
                let date = when.date_in(self.options.time_zone);
                if date.is_some_and(|d| !self.options.keeps(d)) {
                    return;
                }
                let detailed = match (date, self.options.detail) {
                    (Some(d), Some((from, to))) => d >= from && d <= to,
                    _ => true,
                };
                let Some(id) = self.text(record, Field::PostId) else {
                    into.problems.push(self.problem(
                        line,
                        self.column(Field::PostId),
                        t!("export.no-post-id"),
                        Decision::RowSkipped,
                    ));
                    return;
                };
                let counts = self.counts(record, line, into);
                if let Some(date) = date {
                    into.stubs
                        .push(PostStub::new(self.platform, date, &id, &counts, self.file));
                }
                if !detailed {
                    return;
                }
                let url = self
                    .text(record, Field::Url)
                    .or_else(|| post_url(self.platform, &id));
                into.posts.push(Post {
                    platform: self.platform,
                    id,
                    url,
                    published: Some(when),
                    account: self.text(record, Field::Account),
                    counts,
                    source: Source {
                        file: self.file,
                        line,
                    },
                });
            }
            Grain::Inquiry => {}
            Grain::Day => match when {
                None => into.problems.push(self.problem(
                    line,
                    date_column,
                    t!("export.no-date"),
                    Decision::RowSkipped,
                )),
                Some(When::NoYear { month, day }) => {
                    let counts = self.counts(record, line, into);
                    self.undated.push(((month, day), counts, line));
                }
                Some(when) => {
                    let Some(date) = when.date_in(self.options.time_zone) else {
                        return;
                    };
                    if self.options.keeps(date) {
                        let counts = self.counts(record, line, into);
                        into.days.push(Day {
                            platform: self.platform,
                            date,
                            counts,
                            source: Source {
                                file: self.file,
                                line,
                            },
                        });
                    }
                }
            },
        }
    }

    /// Gives a year to days written without one: the last row is on or
    /// before the anchor day, and the rows run forward in time.
    fn finish(&mut self, into: &mut Imported) {
        let anchor = self.options.year_anchor;
        let mut year = anchor.year();
        let mut next: Option<(u32, u32)> = None;
        let mut dated = Vec::with_capacity(self.undated.len());
        for &((month, day), counts, line) in self.undated.iter().rev() {
            match next {
                None if (month, day) > (anchor.month(), anchor.day()) => year -= 1,
                Some(later) if (month, day) > later => year -= 1,
                _ => {}
            }
            next = Some((month, day));
            match NaiveDate::from_ymd_opt(year, month, day) {
                Some(date) if self.options.keeps(date) => dated.push(Day {
                    platform: self.platform,
                    date,
                    counts,
                    source: Source {
                        file: self.file,
                        line,
                    },
                }),
                Some(_) => {}
                None => into.problems.push(self.problem(
                    line,
                    self.column(Field::Date),
                    t!(
                        "export.impossible-day",
                        month = month,
                        day = day,
                        year = year
                    ),
                    Decision::RowSkipped,
                )),
            }
        }
        dated.reverse();
        into.days.extend(dated);
    }
}

/// A count from a cell, fast for the plain digits most cells hold.
fn parse_count(cell: &[u8]) -> Result<Option<i64>, Msg> {
    let trimmed = cell.trim_ascii();
    if !trimmed.is_empty() && trimmed.len() < 18 && trimmed.iter().all(u8::is_ascii_digit) {
        return Ok(Some(
            trimmed
                .iter()
                .fold(0i64, |n, d| n * 10 + i64::from(d - b'0')),
        ));
    }
    values::count(&String::from_utf8_lossy(cell))
}

/// A post's link when the export gives only its id.
fn post_url(platform: PlatformKind, id: &str) -> Option<String> {
    match platform {
        PlatformKind::Youtube => Some(format!("https://www.youtube.com/watch?v={id}")),
        _ => None,
    }
}

//! The two canonical tables every export is mapped onto, **posts** and
//! **account days**, and the constant-space totals the figures need of them.

use super::counts::{Counts, PostTotals};
use super::formats::{Field, Format};
use super::problems::Problem;
use super::stubs::Stubs;
use super::values::When;
use crate::plan::model::platforms::PlatformKind;
use chrono::NaiveDate;
use std::sync::Arc;

/// Where a row came from: the file (index into [`Imported::files`]) and its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    pub file: usize,
    pub line: u64,
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
    /// Shared with the report's lists of posts, as is its link.
    pub id: Arc<str>,
    pub url: Option<Arc<str>>,
    pub published: Option<When>,
    /// The page or account name, where the export gives it.
    pub account: Option<Box<str>>,
    /// The account's numeric id (Facebook Page ID, Instagram Account ID).
    pub account_id: Option<Box<str>>,
    /// The post's text, where the export gives it.
    pub text: Option<Box<str>>,
    /// What kind of post the export says it is (`IG reel`, `Photos`).
    pub kind: Option<Box<str>>,
    pub counts: super::counts::PostCounts,
    pub source: Source,
}

impl Post {
    /// The account the post belongs to as a person would name it: its
    /// handle, else its id, where its export says.
    pub fn account_name(&self) -> Option<String> {
        let who = super::accounts::identity(
            self.platform,
            self.url.as_deref(),
            self.account.as_deref(),
            self.account_id.as_deref(),
        );
        who.handle.or(who.id)
    }
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
    /// The field each read column gives, by its place in a record (a
    /// Meta daily file's metric already in place of its primary column).
    pub columns: Vec<(Field, usize)>,
}

impl ExportFile {
    /// The field the column at `place` gives, if the file reads it.
    pub fn field_at(&self, place: usize) -> Option<Field> {
        self.columns
            .iter()
            .find(|(_, at)| *at == place)
            .map(|(field, _)| *field)
    }
}

/// Everything read from a set of exports.
#[derive(Debug, Default)]
pub struct Imported {
    pub files: Vec<ExportFile>,
    pub posts: super::chunked::Chunked<Post>,
    pub days: Vec<Day>,
    /// Every post in the window, summed per platform, day and file
    /// (duplicates across files counted once, in the first); filled by [`import_dir`].
    pub post_days: Vec<PostDay>,
    /// Every post of one file, briefly, until [`import_dir`] sums them.
    pub stubs: Stubs,
    pub inquiries: Vec<Inquiry>,
    pub problems: Vec<Problem>,
}

/// What to keep while reading.
#[derive(Debug, Clone)]
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
    /// How to read `02/11/2026` where a file does not show the order (the
    /// plan's `date_order`); month first, as the platforms write, if `None`.
    pub date_order: Option<super::values::DateOrder>,
    /// The plan's accounts: a post that names another is set aside.
    pub accounts: Vec<super::accounts::Account>,
    /// Figures read by hand in the calendar, read after the files.
    pub by_hand: Vec<HandFile>,
}

impl Options {
    pub(super) fn keeps(&self, date: NaiveDate) -> bool {
        self.window
            .is_none_or(|(from, to)| date >= from && date <= to)
    }
}

impl Imported {
    /// Moves every line this part records `by` lines down (a part read
    /// from the middle of a file counts its lines from there).
    pub(super) fn shift_lines(&mut self, by: u64) {
        self.posts.iter_mut().for_each(|p| p.source.line += by);
        self.days.iter_mut().for_each(|d| d.source.line += by);
        self.inquiries.iter_mut().for_each(|q| q.source.line += by);
        for problem in &mut self.problems {
            problem.line = problem.line.map(|l| l + by);
        }
    }

    /// Adds what a later part of the same file gave (its file index is already this one's).
    pub(super) fn absorb(&mut self, mut other: Imported) {
        self.posts.append(std::mem::take(&mut other.posts));
        self.days.append(&mut other.days);
        self.inquiries.append(&mut other.inquiries);
        self.problems.append(&mut other.problems);
        self.post_days.append(&mut other.post_days);
        self.stubs.append(std::mem::take(&mut other.stubs), 0);
    }

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
        self.posts.append(std::mem::take(&mut other.posts));
        self.days.append(&mut other.days);
        self.inquiries.append(&mut other.inquiries);
        self.problems.append(&mut other.problems);
        other.post_days.iter_mut().for_each(|d| d.file += offset);
        self.post_days.append(&mut other.post_days);
        self.stubs.append(std::mem::take(&mut other.stubs), offset);
    }
}

/// One calendar file's figures read by hand.
#[derive(Debug, Clone, Default)]
pub struct HandFile {
    /// The calendar file, as shown.
    pub path: String,
    pub posts: Vec<HandPost>,
}

/// One published post's figures read by hand.
#[derive(Debug, Clone)]
pub struct HandPost {
    pub platform: PlatformKind,
    /// Its link, or `item:platform` when it has none to link.
    pub id: String,
    pub url: Option<String>,
    pub published: chrono::NaiveDateTime,
    pub title: String,
    pub views: Option<i64>,
    pub interactions: Option<i64>,
    /// The line of its `figures:` entry.
    pub line: u64,
}

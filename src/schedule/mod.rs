//! The month handed to a scheduler: the calendar's posts of a period in
//! the bulk-upload file a scheduler accepts (Hootsuite, Buffer, Sprout
//! Social), the body of Postiz's posts API, or an iCalendar file. Each
//! post that cannot go in the file is named with its reason; none is
//! dropped silently. `docs/schedulers.md` names each format's source.

mod buffer;
mod hootsuite;
mod ics;
mod postiz;
mod select;
mod sprout;

use crate::plan::model::Plan;
use crate::plan::model::calendar::Status;
use crate::plan::model::platforms::PlatformKind;
use crate::plan::model::settings::DateOrder;
use crate::text::i18n::Msg;
use chrono::{NaiveDate, NaiveDateTime};

/// A scheduler the tool writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheduler {
    Hootsuite,
    Buffer,
    Sprout,
    Postiz,
    Ics,
}

impl Scheduler {
    pub const ALL: [Scheduler; 5] = [
        Scheduler::Hootsuite,
        Scheduler::Buffer,
        Scheduler::Sprout,
        Scheduler::Postiz,
        Scheduler::Ics,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Scheduler::Hootsuite => "hootsuite",
            Scheduler::Buffer => "buffer",
            Scheduler::Sprout => "sprout",
            Scheduler::Postiz => "postiz",
            Scheduler::Ics => "ics",
        }
    }

    /// The scheduler's name as its users know it.
    pub fn name(self) -> &'static str {
        match self {
            Scheduler::Hootsuite => "Hootsuite",
            Scheduler::Buffer => "Buffer",
            Scheduler::Sprout => "Sprout Social",
            Scheduler::Postiz => "Postiz",
            Scheduler::Ics => "iCalendar",
        }
    }

    /// What the scheduler's file takes.
    fn rules(self) -> Rules {
        match self {
            Scheduler::Hootsuite => hootsuite::RULES,
            Scheduler::Buffer => buffer::RULES,
            Scheduler::Sprout => sprout::RULES,
            Scheduler::Postiz => postiz::RULES,
            Scheduler::Ics => ics::RULES,
        }
    }
}

/// What a scheduler's file takes, as its help page says.
#[derive(Debug, Clone, Copy)]
struct Rules {
    /// The platforms it publishes to from this file.
    platforms: &'static [PlatformKind],
    /// The most rows one file may hold.
    max_rows: Option<usize>,
    /// Times must fall on steps of this many minutes (later ones are
    /// moved to the next step, and said so).
    step_minutes: u32,
    /// How long after the upload the first post may be, in minutes.
    lead_minutes: i64,
    /// How far apart two posts of one file must be, in minutes.
    gap_minutes: i64,
    /// One file a platform (the scheduler imports into one profile or
    /// channel at a time), or one file for all.
    file_per_platform: bool,
    /// Platforms it takes only with the image or video uploaded first,
    /// which the plan does not hold.
    needs_media: &'static [PlatformKind],
    /// Platforms whose posts carry text only in the file; their image or
    /// video is attached in the scheduler (said once per platform).
    attach_media: &'static [PlatformKind],
    /// Each platform needs the scheduler's own id for its account.
    integration: bool,
    /// A file that schedules (every check applies), or one that only shows
    /// the schedule (every item, published or not, approved or not).
    schedules: bool,
}

/// What was asked: the scheduler, the period, and how its account reads
/// dates.
#[derive(Debug, Clone)]
pub struct Request {
    pub scheduler: Scheduler,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Only these platforms (ids of the plan); all when empty.
    pub platforms: Vec<String>,
    /// Only items at these statuses; every status not yet published when
    /// empty.
    pub statuses: Vec<Status>,
    /// The moment of the export, in the plan's time zone.
    pub now: NaiveDateTime,
    /// The time zone the scheduler's account reads times in.
    pub time_zone: chrono_tz::Tz,
    pub date_order: DateOrder,
    /// Postiz: each platform's integration id.
    pub integrations: Vec<(String, String)>,
    /// The label the files are named by (`2026-12`).
    pub label: String,
}

/// One post: an item on one platform.
#[derive(Debug, Clone)]
pub struct Post<'p> {
    pub item: &'p crate::plan::model::calendar::Item,
    pub platform: &'p str,
    pub kind: PlatformKind,
    pub text: &'p str,
    /// When it goes out, as the scheduler's account reads it.
    pub at: NaiveDateTime,
    /// When it goes out, in UTC.
    pub utc: NaiveDateTime,
}

/// A post that is not in the file, and why.
#[derive(Debug, Clone)]
pub struct Problem {
    pub item: String,
    pub platform: String,
    pub reason: Msg,
}

/// A file to write: its name and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub name: String,
    pub text: String,
    pub rows: usize,
}

/// The export: its files, the posts left out with their reasons, and
/// what was changed on the way (a time moved to the scheduler's step).
#[derive(Debug, Clone)]
pub struct Export {
    pub files: Vec<File>,
    pub problems: Vec<Problem>,
    pub notes: Vec<Msg>,
    /// The items of the period left out because they are already published.
    pub published: Vec<String>,
}

/// The export `request` asks of `plan`.
pub fn export(plan: &Plan, request: &Request) -> Export {
    let rules = request.scheduler.rules();
    let chosen = select::posts(plan, request, &rules);
    let files = match request.scheduler {
        Scheduler::Hootsuite => hootsuite::write(&chosen.posts, request),
        Scheduler::Buffer => buffer::write(&chosen.posts, request),
        Scheduler::Sprout => sprout::write(&chosen.posts, request),
        Scheduler::Postiz => postiz::write(&chosen.posts, request),
        Scheduler::Ics => ics::write(plan, &chosen.posts, request),
    };
    let mut notes = chosen.notes;
    let mut attach: Vec<&str> = Vec::new();
    for post in &chosen.posts {
        if rules.attach_media.contains(&post.kind) && !attach.contains(&post.platform) {
            attach.push(post.platform);
            notes.push(crate::t!(
                "schedule.attach-media",
                platform = post.platform,
                scheduler = request.scheduler.name()
            ));
        }
    }
    Export {
        files,
        problems: chosen.problems,
        notes,
        published: chosen.published,
    }
}

/// A day as the account's date order writes it: `05/12/2026` or `12/05/2026`.
fn day(at: NaiveDateTime, order: DateOrder) -> String {
    match order {
        DateOrder::DayFirst => at.format("%d/%m/%Y").to_string(),
        DateOrder::MonthFirst => at.format("%m/%d/%Y").to_string(),
    }
}

/// The posts grouped by platform, in the order they go out; with the
/// file's name for each (`hootsuite-2026-12-x.csv`).
fn by_platform<'a, 'p>(
    posts: &'a [Post<'p>],
    request: &Request,
    extension: &str,
) -> Vec<(String, Vec<&'a Post<'p>>)> {
    let mut groups: Vec<(String, Vec<&Post>)> = Vec::new();
    for post in posts {
        match groups.iter_mut().find(|(p, _)| p == post.platform) {
            Some((_, list)) => list.push(post),
            None => groups.push((post.platform.to_string(), vec![post])),
        }
    }
    groups
        .into_iter()
        .map(|(platform, list)| {
            let name = format!(
                "{}-{}-{platform}.{extension}",
                request.scheduler.id(),
                request.label
            );
            (name, list)
        })
        .collect()
}

/// CSV text from rows, with a header when given; every field exactly as
/// the plan writes it, since the scheduler publishes it as it stands.
fn csv_text(header: Option<&[&str]>, rows: &[Vec<String>]) -> String {
    let mut writer = crate::output::CsvWriter::exact(Vec::new());
    if let Some(header) = header {
        writer.write_record(header).expect("writing to memory");
    }
    for row in rows {
        writer.write_record(row).expect("writing to memory");
    }
    let bytes = writer.into_inner().expect("writing to memory");
    String::from_utf8(bytes).expect("UTF-8 in, UTF-8 out")
}

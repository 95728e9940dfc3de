//! What the report measures, gathered once: exported posts and days placed
//! in the plan's time zone and on the plan's platforms, duplicates and
//! overlaps counted once, posts joined to calendar items, and inquiries.

use super::reconcile::{self, Placement};
use super::working_time::WorkingWeek;
use crate::exports::accounts::handle;
use crate::exports::formats::Field;
use crate::exports::{Counts, Day, Decision, Imported, Post, PostTotals, Problem};
use crate::plan::model::Plan;
use crate::plan::model::calendar::{Item, Status};
use crate::plan::model::platforms::PlatformKind;
use crate::text::dates::{HijriMonth, Month};
use crate::text::i18n::Msg;
use chrono::{Datelike as _, NaiveDate, NaiveDateTime};

use std::collections::{BTreeMap, HashMap};

/// An inclusive range of days, with its name and the kind of period it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub label: String,
    pub kind: PeriodKind,
}

/// What kind of period a report covers: the one before it is of the same kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodKind {
    Month,
    Quarter,
    Year,
    /// A month of the Hijri calendar (Umm al-Qura).
    HijriMonth(HijriMonth),
    /// A year of the Hijri calendar.
    HijriYear(i32),
    Range,
}

impl Period {
    pub fn month(month: Month) -> Period {
        Period {
            from: month.first_day(),
            to: month.last_day(),
            label: month.to_string(),
            kind: PeriodKind::Month,
        }
    }

    pub fn quarter(year: i32, quarter: u32) -> Period {
        let first = Month {
            year,
            month: (quarter - 1) * 3 + 1,
        };
        let last = Month {
            year,
            month: quarter * 3,
        };
        Period {
            from: first.first_day(),
            to: last.last_day(),
            label: format!("{year}-Q{quarter}"),
            kind: PeriodKind::Quarter,
        }
    }

    /// A Gregorian year.
    pub fn year(year: i32) -> Period {
        Period {
            from: Month { year, month: 1 }.first_day(),
            to: Month { year, month: 12 }.last_day(),
            label: year.to_string(),
            kind: PeriodKind::Year,
        }
    }

    /// A Hijri month, its days as Umm al-Qura counts them.
    pub fn hijri_month(month: HijriMonth) -> Result<Period, Msg> {
        Ok(Period {
            from: month.first_day()?,
            to: month.last_day()?,
            label: month.to_string(),
            kind: PeriodKind::HijriMonth(month),
        })
    }

    /// A Hijri year, from 1 Muharram to the end of Dhu al-Hijjah.
    pub fn hijri_year(year: i32) -> Result<Period, Msg> {
        Ok(Period {
            from: HijriMonth { year, month: 1 }.first_day()?,
            to: HijriMonth { year, month: 12 }.last_day()?,
            label: format!("{year} AH"),
            kind: PeriodKind::HijriYear(year),
        })
    }

    pub fn range(from: NaiveDate, to: NaiveDate) -> Period {
        Period {
            from,
            to,
            label: format!("{from} – {to}"),
            kind: PeriodKind::Range,
        }
    }

    /// The period of the same kind just before this one.
    #[must_use]
    pub fn previous(&self) -> Period {
        let hijri = match self.kind {
            PeriodKind::HijriMonth(month) => Some(Period::hijri_month(month.previous())),
            PeriodKind::HijriYear(year) => Some(Period::hijri_year(year - 1)),
            PeriodKind::Year => return Period::year(self.from.year() - 1),
            PeriodKind::Quarter => {
                let before = Month::of(self.from).previous();
                return Period::quarter(before.year, (before.month - 1) / 3 + 1);
            }
            _ => None,
        };
        if let Some(Ok(previous)) = hijri {
            return previous;
        }
        let month_like =
            chrono::Datelike::day(&self.from) == 1 && self.to == Month::of(self.to).last_day();
        if month_like && hijri.is_none() {
            let months = (Month::of(self.to).year - Month::of(self.from).year) * 12
                + Month::of(self.to).month.cast_signed()
                - Month::of(self.from).month.cast_signed()
                + 1;
            let mut first = Month::of(self.from);
            for _ in 0..months {
                first = first.previous();
            }
            let last = Month::of(self.from - chrono::TimeDelta::days(1));
            if months == 1 {
                return Period::month(first);
            }
            return Period {
                from: first.first_day(),
                to: last.last_day(),
                label: format!("{first} – {last}"),
                kind: self.kind,
            };
        }
        let length = self.to - self.from + chrono::TimeDelta::days(1);
        Period::range(self.from - length, self.from - chrono::TimeDelta::days(1))
    }

    /// The same period a year earlier: the same Gregorian or Hijri month,
    /// quarter or year; other ranges moved back a year (29 February to the
    /// 28th).
    #[must_use]
    pub fn a_year_before(&self) -> Period {
        let year = self.from.year() - 1;
        let back = |date: NaiveDate| {
            date.with_year(date.year() - 1)
                .or_else(|| NaiveDate::from_ymd_opt(date.year() - 1, date.month(), 28))
                .unwrap_or(date)
        };
        let hijri = match self.kind {
            PeriodKind::Month => return Period::month(Month::of(back(self.from))),
            PeriodKind::Quarter => return Period::quarter(year, (self.from.month() - 1) / 3 + 1),
            PeriodKind::Year => return Period::year(year),
            PeriodKind::HijriMonth(month) => Period::hijri_month(HijriMonth {
                year: month.year - 1,
                ..month
            })
            .ok(),
            PeriodKind::HijriYear(year) => Period::hijri_year(year - 1).ok(),
            PeriodKind::Range => None,
        };
        // A Hijri period before Umm al-Qura's tables moves back a Gregorian year.
        hijri.unwrap_or_else(|| Period::range(back(self.from), back(self.to)))
    }

    /// The period a report compares with.
    #[must_use]
    pub fn compared(&self, compare: Compare) -> Period {
        match compare {
            Compare::Previous => self.previous(),
            Compare::LastYear => self.a_year_before(),
        }
    }

    /// The kind of period, as JSON names it.
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            PeriodKind::Month => "month",
            PeriodKind::Quarter => "quarter",
            PeriodKind::Year => "year",
            PeriodKind::HijriMonth(_) => "hijri_month",
            PeriodKind::HijriYear(_) => "hijri_year",
            PeriodKind::Range => "range",
        }
    }

    /// A Gregorian or Hijri year: the year in review.
    pub fn is_year(&self) -> bool {
        matches!(self.kind, PeriodKind::Year | PeriodKind::HijriYear(_))
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        date >= self.from && date <= self.to
    }
}

/// What a report's figures are compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Compare {
    /// The period of the same kind just before.
    #[default]
    Previous,
    /// The same period a year earlier.
    LastYear,
}

/// Where a platform's flows (impressions, engagements and their parts)
/// come from in a period: one source per platform, never a mix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowSource {
    /// The account's daily export, when it gives impressions and engagements.
    AccountDays,
    /// The posts published in the period, with their lifetime totals.
    Posts,
}

impl RowSource {
    /// The source for a platform's days in a period.
    pub fn of(kind: PlatformKind, days: &[&Day]) -> RowSource {
        let impressions = days
            .iter()
            .any(|d| crate::exports::impressions_of(kind, &d.counts).is_some());
        let engagements = days.iter().any(|d| d.counts.engagements.is_some());
        if impressions && engagements {
            RowSource::AccountDays
        } else {
            RowSource::Posts
        }
    }
}

/// One plan platform's exported data in a period.
#[derive(Debug)]
pub struct PlatformData<'a> {
    pub id: String,
    pub kind: PlatformKind,
    /// Where its flows come from.
    pub source: RowSource,
    /// The posts published in the period, summed.
    pub totals: PostTotals,
    pub days: Vec<&'a Day>,
    /// Followers at the end of the period (or the latest month of it that
    /// has a total, with that month), and at the end of the one before.
    pub followers_end: Option<i64>,
    pub followers_as_of: Option<Month>,
    pub followers_before: Option<i64>,
    /// Days of the period with a cell of its account export or of a post
    /// that could not be read, and why.
    pub unread: Vec<(NaiveDate, Field, &'a Msg)>,
    /// Its export files that could not be read at all.
    pub refused: Vec<String>,
}

impl PlatformData<'_> {
    /// Why a value of one of `fields` could not be read on `date` (any
    /// day with `None`), if a cell of it could not.
    pub fn unread_on(&self, date: Option<NaiveDate>, fields: &[Field]) -> Option<&Msg> {
        self.unread
            .iter()
            .find(|(d, f, _)| date.is_none_or(|date| *d == date) && fields.contains(f))
            .map(|(_, _, why)| *why)
    }
}

/// Everything one scope (some platforms) needs for its figures.
#[derive(Debug)]
pub struct PeriodData<'a> {
    pub platforms: Vec<PlatformData<'a>>,
    pub items_planned: usize,
    pub items_published: usize,
    pub items_timed: usize,
    pub items_on_time: usize,
    pub reply_minutes: Vec<i64>,
    /// Whether reply times are calendar minutes (else working minutes).
    pub calendar_clock: bool,
    /// Answered inquiries whose working minutes are 0: received and
    /// answered outside working hours.
    pub replies_off_hours: usize,
    pub inquiries: usize,
    pub within_promise: usize,
    pub promise_minutes: Option<i64>,
    /// Whether a calendar month file covers any of the period.
    pub calendar_covers: bool,
    /// The period's last month.
    pub end_month: Month,
    /// Entries of the coverage log dated in the period (`None`: no log).
    pub coverage: Option<usize>,
}

/// A post placed on a plan platform, with its local time.
#[derive(Debug, Clone)]
pub struct PlacedPost<'a> {
    pub post: &'a Post,
    pub platform_id: String,
    pub date: Option<NaiveDate>,
    pub time: Option<NaiveDateTime>,
}

pub use crate::exports::followers::FollowerTotals;

/// Joins already made, by period (first and last day) and platform ids.
type JoinCache = HashMap<(NaiveDate, NaiveDate, Vec<String>), std::rc::Rc<reconcile::Joined>>;

/// The cleaned inputs of a report.
pub struct Inputs<'a> {
    pub plan: &'a Plan,
    pub tz: chrono_tz::Tz,
    pub posts: Vec<PlacedPost<'a>>,
    /// Merged account days: one row per platform and date.
    pub days: Vec<Day>,
    /// Posts summed per platform and day; where files overlap, the first counts.
    pub post_totals: BTreeMap<(PlatformKind, NaiveDate), PostTotals>,
    pub imported: &'a Imported,
    pub followers: &'a FollowerTotals,
    pub problems: Vec<Problem>,
    pub week: WorkingWeek,
    pub promise_minutes: Option<i64>,
    pub calendar_clock: bool,
    /// Days either side of an item's planned day for a join by text.
    pub text_match_days: i64,
    /// The last day the exports cover, per platform.
    pub coverage: HashMap<PlatformKind, NaiveDate>,
    /// Days of account exports and posts with a cell that could not be
    /// read: the field it was for, and why.
    pub unread: BTreeMap<(PlatformKind, NaiveDate), Vec<(Field, &'a Msg)>>,
    /// Export files not read at all, by the platform their folder or name
    /// says they are of.
    pub refused: BTreeMap<PlatformKind, Vec<String>>,
    /// Joins already made, by period and platforms.
    joins: std::cell::RefCell<JoinCache>,
    /// Posts' texts normalised for the joins, once.
    texts: reconcile::Texts,
    /// The charity's own CSV records, for its measures.
    pub own: &'a crate::exports::measures::OwnRecords,
}

/// No CSV records: a report of platform exports only.
static NO_RECORDS: crate::exports::measures::OwnRecords = crate::exports::measures::OwnRecords {
    measures: Vec::new(),
    problems: Vec::new(),
};

impl Inputs<'_> {
    /// The last day any export covers for a platform.
    pub fn covered_until(&self, kind: PlatformKind) -> Option<NaiveDate> {
        self.coverage.get(&kind).copied()
    }
}

impl<'a> Inputs<'a> {
    /// The same inputs with the charity's own CSV records.
    #[must_use]
    pub fn with_records(mut self, own: &'a crate::exports::measures::OwnRecords) -> Self {
        self.own = own;
        self
    }

    /// Cleans what was imported: posts on the plan's platforms, duplicate
    /// posts once, overlapping days once, other accounts' exports set aside.
    pub fn new(
        plan: &'a Plan,
        imported: &'a Imported,
        followers: &'a FollowerTotals,
        tz: chrono_tz::Tz,
    ) -> Inputs<'a> {
        let platforms: Vec<(String, PlatformKind, String)> = plan
            .platforms
            .iter()
            .flat_map(|p| &p.data.platforms)
            .filter_map(|p| Some((p.id.value.clone(), *p.kind.get()?, handle(&p.handle.value))))
            .collect();
        let platform_of = |kind: PlatformKind| platforms.iter().find(|(_, k, _)| *k == kind);
        let posts = placed_posts(imported, tz, |kind| {
            platform_of(kind).map(|(id, ..)| id.clone())
        });
        let (merged, problems) = merged_days(imported, |kind| platform_of(kind).is_some());
        // Posts are summed per day by the import, duplicates already counted once.
        let mut post_totals: BTreeMap<(PlatformKind, NaiveDate), PostTotals> = BTreeMap::new();
        for day in &imported.post_days {
            if platform_of(day.platform).is_some() {
                post_totals
                    .entry((day.platform, day.date))
                    .or_default()
                    .merge(&day.totals);
            }
        }

        let (start, end) = plan.working_hours();
        let week = WorkingWeek {
            days: plan.working_days(),
            start,
            end,
        };
        let response = plan
            .policies
            .as_ref()
            .and_then(|p| p.data.response_time.as_ref());
        let mut coverage: HashMap<PlatformKind, NaiveDate> = HashMap::new();
        let dated = posts
            .iter()
            .filter_map(|p| Some((p.post.platform, p.date?)))
            .chain(imported.days.iter().map(|d| (d.platform, d.date)));
        for (kind, date) in dated {
            let last = coverage.entry(kind).or_insert(date);
            *last = (*last).max(date);
        }
        Inputs {
            joins: std::cell::RefCell::default(),
            texts: reconcile::Texts::default(),
            own: &NO_RECORDS,
            coverage,
            unread: unread_cells(imported, tz),
            refused: refused_files(imported),
            plan,
            tz,
            posts,
            days: merged.into_values().collect(),
            post_totals,
            imported,
            followers,
            problems,
            week,
            promise_minutes: response.and_then(|r| r.promise.get().map(|d| d.minutes)),
            text_match_days: i64::from(
                plan.policies
                    .as_ref()
                    .map_or(crate::plan::model::policies::DEFAULT_TEXT_MATCH_DAYS, |p| {
                        p.data.text_match_days()
                    }),
            ),
            calendar_clock: response
                .and_then(|r| r.clock.as_ref())
                .and_then(|c| c.get())
                .is_some_and(|c| *c == crate::plan::model::policies::Clock::Calendar),
        }
    }

    /// The items planned in `period` on any of `platform_ids`, with each placement.
    pub fn placements(&self, period: &Period, platform_ids: &[String]) -> Vec<Placement<'a>> {
        let kinds: HashMap<&str, PlatformKind> = self
            .plan
            .platforms
            .iter()
            .flat_map(|p| &p.data.platforms)
            .filter_map(|p| Some((p.id.value.as_str(), *p.kind.get()?)))
            .collect();
        let mut out = Vec::new();
        for (_, item) in self.plan.items() {
            let (Some(publish), Some(status)) = (item.publish.get(), item.status.get()) else {
                continue;
            };
            if *status == Status::Cancelled || !period.contains(publish.date()) {
                continue;
            }
            for p in &item.platforms {
                if let Some(kind) = kinds.get(p.value.as_str())
                    && platform_ids.contains(&p.value)
                {
                    out.push(Placement {
                        item,
                        platform_id: p.value.as_str(),
                        kind: *kind,
                    });
                }
            }
        }
        out
    }

    /// Lets go of the keys of the posts' texts made for the joins: once
    /// the report's joins are made, they would only take room (32 bytes
    /// a post).
    pub fn forget_texts(&self) {
        self.texts.forget();
    }

    /// The figures' raw material for `period` and the given platforms.
    pub fn period_data(
        &self,
        period: &Period,
        platform_ids: &[String],
    ) -> (
        PeriodData<'_>,
        Vec<Placement<'a>>,
        std::rc::Rc<reconcile::Joined>,
        Vec<&PlacedPost<'a>>,
    ) {
        let kinds: Vec<(String, PlatformKind)> = self
            .plan
            .platforms
            .iter()
            .flat_map(|p| &p.data.platforms)
            .filter(|p| platform_ids.contains(&p.id.value))
            .filter_map(|p| Some((p.id.value.clone(), *p.kind.get()?)))
            .collect();
        let posts: Vec<&PlacedPost> = self
            .posts
            .iter()
            .filter(|p| {
                platform_ids.contains(&p.platform_id) && p.date.is_some_and(|d| period.contains(d))
            })
            .collect();
        let placements = self.placements(period, platform_ids);
        let joined = self.joined(period, platform_ids, &placements, &posts);
        let items = Items::of(&placements, &joined, &posts);
        let replies = self.replies(period, &kinds);
        let data = PeriodData {
            platforms: kinds
                .iter()
                .map(|(id, kind)| self.platform_data(period, id, *kind))
                .collect(),
            items_planned: items.planned,
            items_published: items.published,
            items_timed: items.timed,
            items_on_time: items.on_time,
            reply_minutes: replies.minutes,
            calendar_clock: self.calendar_clock,
            replies_off_hours: replies.off_hours,
            inquiries: replies.inquiries,
            within_promise: replies.within_promise,
            promise_minutes: self.promise_minutes,
            end_month: Month::of(period.to),
            coverage: self.plan.coverage.as_ref().map(|log| {
                log.data
                    .coverage
                    .iter()
                    .filter(|m| m.date.get().is_some_and(|d| period.contains(*d)))
                    .count()
            }),
            calendar_covers: self.plan.months.iter().any(|m| {
                m.data.file_month.is_some_and(|month| {
                    month.last_day() >= period.from && month.first_day() <= period.to
                })
            }),
        };
        (data, placements, joined, posts)
    }

    /// The period's posts joined to its placements; the same scope and
    /// period recur for several KPIs, so each is joined once.
    fn joined(
        &self,
        period: &Period,
        platform_ids: &[String],
        placements: &[Placement],
        posts: &[&PlacedPost],
    ) -> std::rc::Rc<reconcile::Joined> {
        let key = (period.from, period.to, platform_ids.to_vec());
        if let Some(joined) = self.joins.borrow().get(&key) {
            return joined.clone();
        }
        let with_time: Vec<(&Post, reconcile::PostTime)> = posts
            .iter()
            .map(|p| {
                let time = match (p.time, p.date) {
                    (Some(t), _) => reconcile::PostTime::At(t),
                    (None, Some(d)) => reconcile::PostTime::On(d),
                    (None, None) => reconcile::PostTime::Unknown,
                };
                (p.post, time)
            })
            .collect();
        let joined = std::rc::Rc::new(reconcile::join(
            placements,
            &with_time,
            (self.text_match_days, &self.texts),
        ));
        self.joins.borrow_mut().insert(key, joined.clone());
        joined
    }

    /// One platform's days, post totals, followers and gaps in the period.
    fn platform_data(&self, period: &Period, id: &str, kind: PlatformKind) -> PlatformData<'_> {
        let days: Vec<&Day> = self
            .days
            .iter()
            .filter(|d| d.platform == kind && period.contains(d.date))
            .collect();
        let end = self.followers_end(period, id, kind);
        let before_month = Month::of(period.from - chrono::TimeDelta::days(1));
        PlatformData {
            id: id.to_string(),
            kind,
            source: RowSource::of(kind, &days),
            totals: self
                .post_totals
                .range((kind, period.from)..=(kind, period.to))
                .fold(PostTotals::default(), |mut sum, (_, t)| {
                    sum.merge(t);
                    sum
                }),
            days,
            followers_end: end.map(|(total, _)| total),
            followers_as_of: end.map(|(_, month)| month),
            followers_before: self
                .followers
                .get(&(id.to_string(), before_month))
                .copied()
                .or_else(|| self.last_total(kind, period.from - chrono::TimeDelta::days(1))),
            refused: self.refused.get(&kind).cloned().unwrap_or_default(),
            unread: self
                .unread
                .range((kind, period.from)..=(kind, period.to))
                .flat_map(|((_, date), cells)| {
                    cells.iter().map(|(field, why)| (*date, *field, *why))
                })
                .collect(),
        }
    }

    /// The follower total of the latest month of the period that has one
    /// (recorded, or from the exports), and that month.
    fn followers_end(&self, period: &Period, id: &str, kind: PlatformKind) -> Option<(i64, Month)> {
        let mut month = Month::of(period.to);
        while month.last_day() >= period.from {
            let found = self
                .followers
                .get(&(id.to_string(), month))
                .copied()
                .or_else(|| self.last_total(kind, month.last_day().min(period.to)));
            if let Some(total) = found {
                return Some((total, month));
            }
            month = month.previous();
        }
        None
    }

    /// The last follower total the exports give up to `until`, in its month.
    fn last_total(&self, kind: PlatformKind, until: NaiveDate) -> Option<i64> {
        self.days
            .iter()
            .filter(|d| d.platform == kind && d.date <= until)
            .filter_map(|d| d.counts.followers_total.map(|t| (d.date, t)))
            .max_by_key(|(date, _)| *date)
            .filter(|(date, _)| Month::of(*date) == Month::of(until))
            .map(|(_, t)| t)
    }

    /// Inquiries on these platforms, answered in working (or calendar) minutes.
    fn replies(&self, period: &Period, kinds: &[(String, PlatformKind)]) -> Replies {
        let in_scope = |platform: &str| {
            kinds
                .iter()
                .any(|(id, kind)| platform == id || platform == kind.as_str())
        };
        let inquiries: Vec<_> = self
            .imported
            .inquiries
            .iter()
            .filter(|q| in_scope(&q.platform) && period.contains(q.received.date()))
            .collect();
        let minutes = |q: &crate::exports::Inquiry| {
            q.first_reply.map(|reply| {
                if self.calendar_clock {
                    (reply - q.received).num_minutes()
                } else {
                    self.week.minutes_between(q.received, reply)
                }
            })
        };
        let mut reply_minutes: Vec<i64> = inquiries.iter().filter_map(|q| minutes(q)).collect();
        reply_minutes.sort_unstable();
        let off_hours = if self.calendar_clock {
            0
        } else {
            inquiries
                .iter()
                .filter(|q| q.first_reply.is_some_and(|r| r > q.received) && minutes(q) == Some(0))
                .count()
        };
        let within_promise = self.promise_minutes.map_or(0, |promise| {
            inquiries
                .iter()
                .filter(|q| minutes(q).is_some_and(|m| m <= promise))
                .count()
        });
        Replies {
            minutes: reply_minutes,
            off_hours,
            inquiries: inquiries.len(),
            within_promise,
        }
    }
}

/// A period's items: planned, published (by status or by a matched
/// post), those whose post has a time, and those on time.
struct Items {
    planned: usize,
    published: usize,
    timed: usize,
    on_time: usize,
}

impl Items {
    fn of(placements: &[Placement], joined: &reconcile::Joined, posts: &[&PlacedPost]) -> Items {
        let mut per_item: HashMap<&str, (&Item, bool, Vec<i64>)> = HashMap::new();
        for placement in placements {
            per_item.entry(placement.item.id.value.as_str()).or_insert((
                placement.item,
                false,
                Vec::new(),
            ));
        }
        for (post_index, placement_index) in &joined.post_item {
            let placement = &placements[*placement_index];
            let Some(entry) = per_item.get_mut(placement.item.id.value.as_str()) else {
                continue;
            };
            entry.1 = true;
            if let (Some(time), Some(planned)) =
                (posts[*post_index].time, placement.item.publish.get())
            {
                entry.2.push((time - *planned).num_minutes().abs());
            }
        }
        let timed: Vec<&Vec<i64>> = per_item
            .values()
            .map(|(_, _, gaps)| gaps)
            .filter(|g| !g.is_empty())
            .collect();
        Items {
            planned: per_item.len(),
            published: per_item
                .values()
                .filter(|(item, matched, _)| {
                    *matched || item.status.get() == Some(&Status::Published)
                })
                .count(),
            timed: timed.len(),
            on_time: timed
                .iter()
                .filter(|g| g.iter().all(|m| *m <= ON_TIME_MINUTES))
                .count(),
        }
    }
}

/// A period's inquiries and their first replies.
struct Replies {
    /// Minutes to each first reply, sorted.
    minutes: Vec<i64>,
    /// Asked and answered outside working hours: 0 working minutes.
    off_hours: usize,
    inquiries: usize,
    within_promise: usize,
}

/// A published post within this many minutes of its planned time is on time.
pub(crate) const ON_TIME_MINUTES: i64 = 120;

/// Copies the fields `from` has into `into`; `repeated` when a field was already there.
fn merge_counts(into: &mut Counts, from: &Counts, repeated: &mut bool) {
    let pairs = [
        (&mut into.impressions, from.impressions),
        (&mut into.reach, from.reach),
        (&mut into.engagements, from.engagements),
        (&mut into.likes, from.likes),
        (&mut into.replies, from.replies),
        (&mut into.reposts, from.reposts),
        (&mut into.saves, from.saves),
        (&mut into.clicks, from.clicks),
        (&mut into.video_views, from.video_views),
        (&mut into.follows, from.follows),
        (&mut into.unfollows, from.unfollows),
        (&mut into.net_follows, from.net_follows),
        (&mut into.followers_total, from.followers_total),
        (&mut into.posts, from.posts),
    ];
    for (slot, value) in pairs {
        match (slot.is_some(), value) {
            (_, None) => {}
            (true, Some(_)) => *repeated = true,
            (false, Some(v)) => *slot = Some(v),
        }
    }
}

/// The posts on the plan's platforms (`platform_id` gives a kind's plan
/// id), each once, placed in time in `tz`.
fn placed_posts(
    imported: &Imported,
    tz: chrono_tz::Tz,
    platform_id: impl Fn(PlatformKind) -> Option<String>,
) -> Vec<PlacedPost<'_>> {
    let mut seen: HashMap<(PlatformKind, &str), usize> = HashMap::new();
    let mut posts = Vec::new();
    for post in &imported.posts {
        let Some(id) = platform_id(post.platform) else {
            continue;
        };
        // A post several files give is listed once (the import reports the overlap).
        if seen
            .insert((post.platform, &*post.id), post.source.file)
            .is_some()
        {
            continue;
        }
        let when = post.published;
        posts.push(PlacedPost {
            post,
            platform_id: id,
            date: when.and_then(|w| w.date_in(tz)),
            time: when.and_then(|w| w.local_time(tz)),
        });
    }
    posts
}

/// Account days merged, one per platform (those `planned` keeps) and
/// date: the first file to give a field for a day wins; overlaps are a
/// problem once per pair of files.
fn merged_days(
    imported: &Imported,
    planned: impl Fn(PlatformKind) -> bool,
) -> (BTreeMap<(PlatformKind, NaiveDate), Day>, Vec<Problem>) {
    let mut merged: BTreeMap<(PlatformKind, NaiveDate), Day> = BTreeMap::new();
    let mut overlaps: BTreeMap<(usize, usize), (NaiveDate, NaiveDate)> = BTreeMap::new();
    for day in imported.days.iter().filter(|d| planned(d.platform)) {
        let entry = merged
            .entry((day.platform, day.date))
            .or_insert_with(|| Day {
                counts: Counts::default(),
                ..day.clone()
            });
        let mut repeated = false;
        merge_counts(&mut entry.counts, &day.counts, &mut repeated);
        if repeated && entry.source.file != day.source.file {
            let range = overlaps
                .entry((entry.source.file, day.source.file))
                .or_insert((day.date, day.date));
            range.0 = range.0.min(day.date);
            range.1 = range.1.max(day.date);
        }
    }
    let problems = overlaps
        .into_iter()
        .map(|((first, second), (from, to))| Problem {
            rule: &crate::plan::rules::catalog::EXPORT_REPEATED,
            path: imported.files[second].path.clone(),
            line: None,
            column: None,
            field: None,
            message: crate::t!(
                "export.overlapping-days",
                from = from,
                to = to,
                other = &imported.files[first].path
            ),
            decision: Decision::RowSkipped,
        })
        .collect();
    (merged, problems)
}

/// The export files not read at all (a header no format reads, a file
/// that is no text…), by the platform their folder or name names
/// (`exports/2026-11/x/…`); another account's, set aside on purpose, are
/// not among them.
fn refused_files(imported: &Imported) -> BTreeMap<PlatformKind, Vec<String>> {
    let mut out: BTreeMap<PlatformKind, Vec<String>> = BTreeMap::new();
    let skipped = imported.problems.iter().filter(|p| {
        p.decision == Decision::FileSkipped
            && p.rule.code != crate::plan::rules::catalog::EXPORT_OTHER_ACCOUNT.code
    });
    for problem in skipped {
        let words = problem
            .path
            .to_lowercase()
            .split(['/', '_', '-', '.', ' '])
            .map(str::to_string)
            .collect::<Vec<_>>();
        let named = PlatformKind::ALL.iter().copied().find(|kind| {
            words
                .iter()
                .any(|w| w == kind.as_str() || (*kind == PlatformKind::X && w == "twitter"))
        });
        if let Some(kind) = named {
            let files = out.entry(kind).or_default();
            if !files.contains(&problem.path) {
                files.push(problem.path.clone());
            }
        }
    }
    out
}

/// The days of account exports and posts with a cell read as missing (a
/// located problem on the row), by platform and day (in `tz`), with the
/// problem's words.
fn unread_cells(
    imported: &Imported,
    tz: chrono_tz::Tz,
) -> BTreeMap<(PlatformKind, NaiveDate), Vec<(Field, &Msg)>> {
    let files: HashMap<&str, &crate::exports::ExportFile> = imported
        .files
        .iter()
        .map(|f| (f.path.as_str(), f))
        .collect();
    let mut unread: HashMap<(&str, u64), Vec<(Field, &Msg)>> = HashMap::new();
    for p in imported
        .problems
        .iter()
        .filter(|p| p.decision == Decision::ValueMissing)
    {
        let field = files
            .get(p.path.as_str())
            .zip(p.field)
            .and_then(|(file, place)| file.field_at(place as usize));
        if let (Some(line), Some(field)) = (p.line, field) {
            unread
                .entry((p.path.as_str(), line))
                .or_default()
                .push((field, &p.message));
        }
    }
    let mut out = BTreeMap::new();
    if unread.is_empty() {
        return out;
    }
    let days = imported
        .days
        .iter()
        .map(|d| (d.platform, Some(d.date), d.source));
    let posts = imported.posts.iter().map(|p| {
        let date = p.published.and_then(|w| w.date_in(tz));
        (p.platform, date, p.source)
    });
    for (platform, date, source) in days.chain(posts) {
        let path = imported.files[source.file].path.as_str();
        if let (Some(date), Some(cells)) = (date, unread.get(&(path, source.line))) {
            out.entry((platform, date))
                .or_insert_with(Vec::new)
                .extend(cells.iter().copied());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn previous_periods() {
        let november = Period::month(Month {
            year: 2026,
            month: 11,
        });
        assert_eq!(
            november.previous(),
            Period::month(Month {
                year: 2026,
                month: 10
            })
        );
        let january = Period::month(Month {
            year: 2027,
            month: 1,
        });
        assert_eq!(january.previous().label, "2026-12");
        let q1 = Period::quarter(2027, 1);
        assert_eq!(q1.previous(), Period::quarter(2026, 4));
        assert_eq!(Period::quarter(2026, 3).previous().label, "2026-Q2");
        assert_eq!(
            q1.previous().from,
            NaiveDate::from_ymd_opt(2026, 10, 1).unwrap()
        );
        assert_eq!(
            q1.previous().to,
            NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()
        );
        let week = Period::range(
            NaiveDate::from_ymd_opt(2026, 11, 8).unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 14).unwrap(),
        );
        assert_eq!(
            week.previous().from,
            NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
        );
    }

    #[test]
    fn the_same_period_a_year_before() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let november = Period::month(Month {
            year: 2026,
            month: 11,
        });
        assert_eq!(november.a_year_before().label, "2025-11");
        assert_eq!(november.compared(Compare::LastYear).label, "2025-11");
        assert_eq!(november.compared(Compare::Previous).label, "2026-10");
        let q4 = Period::quarter(2026, 4).a_year_before();
        assert_eq!(
            (q4.label.as_str(), q4.from, q4.to),
            ("2025-Q4", day(2025, 10, 1), day(2025, 12, 31))
        );
        let q2 = Period::quarter(2026, 2).a_year_before();
        assert_eq!((q2.from, q2.to), (day(2025, 4, 1), day(2025, 6, 30)));
        assert_eq!(Period::year(2026).a_year_before(), Period::year(2025));
        // Umm al-Qura: 1447-05 AH ran from 2025-10-23 to 2025-11-21.
        let hijri = Period::hijri_month(HijriMonth {
            year: 1448,
            month: 5,
        })
        .unwrap()
        .a_year_before();
        assert_eq!(
            (hijri.label.as_str(), hijri.from, hijri.to),
            ("1447-05 AH", day(2025, 10, 23), day(2025, 11, 21))
        );
        let hijri_year = Period::hijri_year(1448).unwrap().a_year_before();
        assert_eq!(hijri_year, Period::hijri_year(1447).unwrap());
        let leap = Period::range(day(2028, 2, 29), day(2028, 3, 10)).a_year_before();
        assert_eq!(
            (leap.from, leap.to, leap.kind),
            (day(2027, 2, 28), day(2027, 3, 10), PeriodKind::Range)
        );
        assert!(!Period::range(day(2026, 1, 1), day(2026, 1, 7)).is_year());
        assert!(Period::hijri_year(1448).unwrap().is_year());
        assert_eq!(Period::hijri_year(1448).unwrap().kind_name(), "hijri_year");
    }

    #[test]
    fn merging_days_keeps_the_first_value_and_flags_the_repeat() {
        let mut into = Counts {
            impressions: Some(5),
            ..Counts::default()
        };
        let mut repeated = false;
        merge_counts(
            &mut into,
            &Counts {
                impressions: Some(7),
                reach: Some(3),
                ..Counts::default()
            },
            &mut repeated,
        );
        assert!(repeated);
        assert_eq!((into.impressions, into.reach), (Some(5), Some(3)));
    }
}

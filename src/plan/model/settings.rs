//! `plan.yaml`: the organisation, the plan period, its time zone and working week.

use super::fields::{Parsed, Text, Weekday, keyword_enum};
use chrono::{NaiveDate, NaiveTime};
use serde::Deserialize;

/// The time zone of a plan that does not name one (or cannot be read).
pub(crate) const DEFAULT_TIME_ZONE: chrono_tz::Tz = chrono_tz::Asia::Riyadh;
/// The first day of the week when the plan does not say.
pub(crate) const DEFAULT_WEEK_START: chrono::Weekday = chrono::Weekday::Sun;
/// The working days when the plan does not list them: Sunday to Thursday.
pub(crate) const DEFAULT_WORKING_DAYS: [chrono::Weekday; 5] = [
    chrono::Weekday::Sun,
    chrono::Weekday::Mon,
    chrono::Weekday::Tue,
    chrono::Weekday::Wed,
    chrono::Weekday::Thu,
];
/// The exports folder, inside the plan folder, when the plan does not name one.
pub const DEFAULT_EXPORTS_FOLDER: &str = "exports";
/// The working hours when the plan does not give them: 08:00 to 16:00.
pub(crate) const DEFAULT_WORKING_HOURS: (NaiveTime, NaiveTime) = (
    NaiveTime::from_hms_opt(8, 0, 0).expect("a valid time"),
    NaiveTime::from_hms_opt(16, 0, 0).expect("a valid time"),
);

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanSettings {
    pub organisation: Organisation,
    pub period: Period,
    pub time_zone: Parsed<chrono_tz::Tz>,
    #[serde(default)]
    pub languages: Vec<String>,
    pub week_start: Option<Parsed<Weekday>>,
    #[serde(default)]
    pub working_days: Vec<Parsed<Weekday>>,
    pub working_hours: Option<WorkingHours>,
    /// Where the platform exports are, relative to the plan folder
    /// (default: `exports` inside it).
    pub exports: Option<String>,
    /// How to read a date such as `02/11/2026` in an export re-saved by a
    /// spreadsheet, when nothing in the file shows the order (every day of
    /// it is 12 or less): `day-first` (Saudi and UK settings) or
    /// `month-first` (as the platforms write them; the default).
    pub date_order: Option<Parsed<DateOrder>>,
    /// Who approved the plan, and when. Once it is on record, every month's
    /// calendar is expected to be approved on record too.
    pub approved: Option<super::approval::Signoff>,
}

keyword_enum! {
    /// The order of day and month in a date written `02/11/2026`.
    DateOrder {
        DayFirst = "day-first",
        MonthFirst = "month-first",
    }
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub name: Text,
    pub website: Option<String>,
    pub unit: Option<Text>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub name: Option<Text>,
    pub start: Parsed<NaiveDate>,
    pub end: Parsed<NaiveDate>,
    /// The day preparation may begin, before `start`: the first month's
    /// items are written and approved in the weeks before it. Tasks due
    /// from this day on are the plan's lead-in, not mistakes.
    pub prepare_from: Option<Parsed<NaiveDate>>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkingHours {
    pub start: Parsed<NaiveTime>,
    pub end: Parsed<NaiveTime>,
}

impl PlanSettings {
    /// The first day a task may fall due: `prepare_from` when it is a day on
    /// or before the start, else the start.
    pub fn first_task_day(&self) -> Option<NaiveDate> {
        let (start, _) = self.period()?;
        let prepare = self
            .period
            .prepare_from
            .as_ref()
            .and_then(|p| p.get().copied());
        Some(prepare.filter(|day| *day <= start).unwrap_or(start))
    }

    /// The plan period, when both ends are valid dates and it ends after it starts.
    pub fn period(&self) -> Option<(NaiveDate, NaiveDate)> {
        let (start, end) = (*self.period.start.get()?, *self.period.end.get()?);
        (start < end).then_some((start, end))
    }

    /// The first day of the week (Sunday unless the plan says otherwise).
    pub fn week_start(&self) -> chrono::Weekday {
        self.week_start
            .as_ref()
            .and_then(|w| w.get())
            .map_or(DEFAULT_WEEK_START, |w| w.to_chrono())
    }
}

/// The plan's settings with their defaults, for a plan whose `plan.yaml`
/// may be missing: every default is applied here and nowhere else.
impl super::Plan {
    fn settings_data(&self) -> Option<&PlanSettings> {
        self.settings.as_ref().map(|s| &s.data)
    }

    /// Where the exports are: the plan's `exports:` (relative to the plan
    /// folder `dir`), else [`DEFAULT_EXPORTS_FOLDER`] inside it.
    pub fn exports_folder(&self, dir: &std::path::Path) -> std::path::PathBuf {
        match self.settings_data().and_then(|s| s.exports.as_deref()) {
            Some(setting) => lexical_join(dir, setting),
            None => dir.join(DEFAULT_EXPORTS_FOLDER),
        }
    }

    /// How slashed dates are read when an export does not show it, if the
    /// plan says.
    pub fn date_order(&self) -> Option<DateOrder> {
        self.settings_data()
            .and_then(|s| s.date_order.as_ref())
            .and_then(|d| d.get().copied())
    }

    /// The plan's time zone, or [`DEFAULT_TIME_ZONE`].
    pub fn time_zone(&self) -> chrono_tz::Tz {
        self.settings_data()
            .and_then(|s| s.time_zone.get().copied())
            .unwrap_or(DEFAULT_TIME_ZONE)
    }

    /// The domain the UIDs of the plan's calendar files end in, so that
    /// two organisations' files never share one: the host of the
    /// organisation's website (`khairukum.org.sa`), else a name made from
    /// a hash of its name under the reserved `.invalid`.
    pub fn calendar_domain(&self) -> String {
        let organisation = self.settings_data().map(|s| &s.organisation);
        let host = organisation
            .and_then(|o| o.website.as_deref())
            .map(|w| w.split("://").last().unwrap_or(w))
            .and_then(|w| w.split(['/', '?', '#', ':']).next())
            .map(|h| h.trim_start_matches("www.").to_ascii_lowercase())
            .filter(|h| {
                h.contains('.')
                    && h.chars()
                        .all(|c| c.is_ascii_alphanumeric() || ".-".contains(c))
            });
        host.unwrap_or_else(|| {
            let name = organisation.map_or("", |o| o.name.primary());
            // FNV-1a, 64 bits: stable across versions and machines.
            let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            });
            format!("{hash:016x}.invalid")
        })
    }

    /// The first day of the plan's week, or [`DEFAULT_WEEK_START`].
    pub fn week_start(&self) -> chrono::Weekday {
        self.settings_data()
            .map_or(DEFAULT_WEEK_START, PlanSettings::week_start)
    }

    /// The plan's working days, or [`DEFAULT_WORKING_DAYS`].
    pub fn working_days(&self) -> Vec<chrono::Weekday> {
        let days: Vec<_> = self
            .settings_data()
            .map(|s| {
                s.working_days
                    .iter()
                    .filter_map(|d| d.get().map(|d| d.to_chrono()))
                    .collect()
            })
            .unwrap_or_default();
        if days.is_empty() {
            DEFAULT_WORKING_DAYS.to_vec()
        } else {
            days
        }
    }

    /// The start and end of the working day, each defaulting on its own to
    /// [`DEFAULT_WORKING_HOURS`].
    pub fn working_hours(&self) -> (NaiveTime, NaiveTime) {
        let hours = self.settings_data().and_then(|s| s.working_hours.as_ref());
        (
            hours
                .and_then(|h| h.start.get().copied())
                .unwrap_or(DEFAULT_WORKING_HOURS.0),
            hours
                .and_then(|h| h.end.get().copied())
                .unwrap_or(DEFAULT_WORKING_HOURS.1),
        )
    }
}

/// `plans` + `../examples/exports` → `examples/exports`, without touching the disk.
fn lexical_join(base: &std::path::Path, relative: &str) -> std::path::PathBuf {
    let mut out = base.to_path_buf();
    for part in std::path::Path::new(relative).components() {
        match part {
            std::path::Component::ParentDir
                if out.file_name().is_some() && !out.ends_with("..") =>
            {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    if out.as_os_str().is_empty() {
        std::path::PathBuf::from(".")
    } else {
        out
    }
}

//! `policies.yaml`: the written publishing standards the validator enforces.

use super::calendar::Status;
use super::fields::Located as Spanned;
use super::fields::{Entries, Id, Parsed, Text, keyword_enum};
use crate::text::dates::Duration;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Policies {
    /// Standards in prose, for people; the fields below are what is checked.
    #[serde(default)]
    pub standards: Vec<Text>,
    pub hashtags: Option<Hashtags>,
    /// Words that must not appear in a post (matched ignoring diacritics and letter forms).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub banned_words: Vec<Id>,
    /// Text limits by platform kind or platform id, overriding the platform's own.
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, u32>")]
    pub text_limits: Entries<Id, Spanned<u32>>,
    pub approval: Option<Approval>,
    pub response_time: Option<ResponseTime>,
    /// How far (in percentage points) a month's mix may stray from the focus shares.
    #[schemars(with = "Option<f64>")]
    pub mix_tolerance: Option<Spanned<f64>>,
    /// How many days before or after its planned day an exported post is
    /// taken for an item because it carries the item's text (default 3).
    #[schemars(with = "Option<u32>")]
    pub text_match_days: Option<Spanned<u32>>,
    /// The hours in which posts go out, in the plan's time zone (an end at
    /// or before the start runs past midnight: `{start: 07:00, end: 01:00}`);
    /// default 06:00 to 01:00.
    pub publishing_hours: Option<super::settings::WorkingHours>,
}

/// The publishing hours when the policies do not give them: from 06:00 to
/// 01:00 (a post at midnight for a new year or an Eid is a plan); an item at
/// 03:00 is more likely a slip (15:00) than a plan.
pub const DEFAULT_PUBLISHING_HOURS: (chrono::NaiveTime, chrono::NaiveTime) = (
    chrono::NaiveTime::from_hms_opt(6, 0, 0).unwrap(),
    chrono::NaiveTime::from_hms_opt(1, 0, 0).unwrap(),
);

impl Policies {
    /// The hours posts go out in (start, end), an end at or before the
    /// start running past midnight.
    pub fn publishing_hours(&self) -> (chrono::NaiveTime, chrono::NaiveTime) {
        self.publishing_hours
            .as_ref()
            .and_then(|h| Some((*h.start.get()?, *h.end.get()?)))
            .unwrap_or(DEFAULT_PUBLISHING_HOURS)
    }
}

/// Whether `time` lies in the hours from `start` to `end` (past midnight
/// when `end` is at or before `start`).
pub fn within_hours(
    time: chrono::NaiveTime,
    (start, end): (chrono::NaiveTime, chrono::NaiveTime),
) -> bool {
    if start < end {
        start <= time && time < end
    } else {
        time >= start || time < end
    }
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Hashtags {
    #[schemars(with = "Option<u32>")]
    pub max_per_post: Option<Spanned<u32>>,
    #[serde(default)]
    pub recommended: Vec<String>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// Content must be approved before it reaches this status.
    pub before: Parsed<Status>,
    /// Who may approve: people or `role:` references.
    #[schemars(with = "Vec<String>")]
    pub by: Vec<Id>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResponseTime {
    /// The longest a follower waits for a first reply.
    pub promise: Parsed<Duration>,
    pub clock: Option<Parsed<Clock>>,
}

keyword_enum! {
    /// Which hours count toward a response time.
    Clock { WorkingHours = "working-hours", Calendar = "calendar" }
}

/// Default tolerance for the calendar mix, in percentage points.
pub(crate) const DEFAULT_MIX_TOLERANCE: f64 = 10.0;
/// Default days either side of an item's planned day within which a post
/// carrying its text is taken for it.
pub const DEFAULT_TEXT_MATCH_DAYS: u32 = 3;

impl Policies {
    pub fn mix_tolerance(&self) -> f64 {
        self.mix_tolerance
            .as_ref()
            .map_or(DEFAULT_MIX_TOLERANCE, |t| t.value)
    }

    /// Days either side of the planned day for a join by text.
    pub fn text_match_days(&self) -> u32 {
        self.text_match_days
            .as_ref()
            .map_or(DEFAULT_TEXT_MATCH_DAYS, |d| d.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveTime;

    fn at(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn hours_within_a_day_and_past_midnight() {
        let day = (at(7, 0), at(23, 0));
        assert!(within_hours(at(7, 0), day));
        assert!(within_hours(at(22, 59), day));
        assert!(!within_hours(at(23, 0), day));
        assert!(!within_hours(at(6, 59), day));
        let late = DEFAULT_PUBLISHING_HOURS;
        assert!(within_hours(at(0, 0), late), "a new year's midnight post");
        assert!(within_hours(at(0, 59), late));
        assert!(!within_hours(at(1, 0), late));
        assert!(!within_hours(at(3, 0), late));
        assert!(within_hours(at(6, 0), late));
        assert!(within_hours(at(23, 59), late));
    }
}

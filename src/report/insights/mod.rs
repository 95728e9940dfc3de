//! What works: the evidence of the charity's own posts over a period, for
//! the people who write the next plan. Each post's engagement rate, broken
//! down per platform by format, goal, audience, weekday, hour, length, link
//! and hashtags; like compared with like, with how sure each difference is;
//! outliers named; what the next month plans against it. Definitions:
//! docs/metrics.md, "Insights".

pub mod stats;
pub mod view;

use super::data::{Inputs, Period};
use crate::exports::Imported;
use crate::exports::followers::FollowerTotals;
use crate::plan::model::Plan;
use chrono::{Datelike as _, NaiveDate, NaiveDateTime, Timelike as _};
use serde::Serialize;
use std::collections::BTreeMap;

/// No cell of fewer posts is called best or worst.
pub const MIN_POSTS: usize = 8;
/// A post this many times its platform's median is an outlier.
pub const OUTLIER_FACTOR: f64 = 10.0;

/// The breakdowns, in the order they are shown.
pub const DIMENSIONS: [&str; 8] = [
    "format", "goal", "audience", "weekday", "hour", "length", "link", "hashtags",
];

/// Every finding of a period.
#[derive(Debug, Clone, Serialize)]
pub struct Insights {
    pub label: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub min_posts: usize,
    pub platforms: Vec<PlatformInsights>,
    pub comparisons: Vec<Comparison>,
    /// Per goal, its posts by format (all platforms).
    pub goals: Vec<Breakdown>,
    pub outliers: Vec<Outlier>,
    /// What the month after the period plans against the evidence.
    pub next_month: Option<NextMonth>,
}

/// One platform's posts broken down.
#[derive(Debug, Clone, Serialize)]
pub struct PlatformInsights {
    pub platform: String,
    /// Posts with an engagement rate (impressions and engagements known).
    pub posts: usize,
    pub breakdowns: Vec<Breakdown>,
    /// The week as a grid: a cell for each weekday and hour band that has
    /// posts, its value `wed 17-21`.
    pub week: Vec<Cell>,
}

/// One dimension's cells (for a goal: `dimension` is the goal's id).
#[derive(Debug, Clone, Serialize)]
pub struct Breakdown {
    pub dimension: String,
    pub cells: Vec<Cell>,
}

/// The posts of one value of a dimension.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub value: String,
    pub posts: usize,
    /// Engagements per impression: median and quartiles (fractions).
    pub median_rate: Option<f64>,
    pub p25: Option<f64>,
    pub p75: Option<f64>,
    /// Engagements per reach, over the posts that give reach.
    pub reach_posts: usize,
    pub median_rate_reach: Option<f64>,
    pub median_impressions: Option<f64>,
    /// Fewer posts than [`MIN_POSTS`]: never named best.
    pub too_few: bool,
}

/// The best and the worst cell of a dimension on one platform, and how
/// sure their difference is.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub platform: String,
    pub dimension: String,
    /// The format the posts compared share, for dimensions other than format.
    pub within: Option<String>,
    pub best: Cell,
    pub other: Cell,
    /// The Hodges–Lehmann shift, in percentage points, and its 90% interval.
    pub difference: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// The interval leaves zero out: unlikely to be chance.
    pub sure: bool,
}

/// A post far above its platform's median.
#[derive(Debug, Clone, Serialize)]
pub struct Outlier {
    pub platform: String,
    pub id: String,
    pub url: Option<String>,
    pub date: Option<NaiveDate>,
    pub impressions: Option<i64>,
    pub rate: Option<f64>,
    /// How many times the platform's median (impressions, else rate).
    pub times: f64,
}

/// The month after the period: its items per goal against the format that
/// did worst for the goal.
#[derive(Debug, Clone, Serialize)]
pub struct NextMonth {
    pub month: String,
    pub notes: Vec<NextNote>,
}

/// A goal whose next month plans its weakest format for half its items or more.
#[derive(Debug, Clone, Serialize)]
pub struct NextNote {
    pub goal: String,
    pub format: String,
    pub planned: usize,
    pub of: usize,
    pub median_rate: Option<f64>,
    pub best_format: String,
    pub best_median_rate: Option<f64>,
}

/// One exported post with what is known of it.
#[derive(Debug, Clone)]
pub(crate) struct Observation {
    pub platform: String,
    pub id: String,
    pub url: Option<String>,
    pub date: Option<NaiveDate>,
    pub time: Option<NaiveDateTime>,
    pub format: Option<String>,
    pub goal: Option<String>,
    pub audience: Option<String>,
    pub text: Option<String>,
    pub impressions: Option<i64>,
    pub reach: Option<i64>,
    pub engagements: Option<i64>,
}

impl Observation {
    /// Engagements per impression.
    pub(crate) fn rate(&self) -> Option<f64> {
        ratio(self.engagements, self.impressions)
    }

    /// Engagements per reach.
    pub(crate) fn rate_reach(&self) -> Option<f64> {
        ratio(self.engagements, self.reach)
    }

    /// Its value of `dimension`; `None` where it is not known (no time, no text).
    pub(crate) fn value(&self, dimension: &str) -> Option<String> {
        let text = self.text.as_deref();
        Some(match dimension {
            "format" => self.format.clone().unwrap_or_else(|| "not-known".into()),
            "goal" => self.goal.clone().unwrap_or_else(|| "not-planned".into()),
            "audience" => self
                .audience
                .clone()
                .unwrap_or_else(|| "not-planned".into()),
            "weekday" => weekday_id(self.date?.weekday()).into(),
            "hour" => hour_band(self.time?.hour()).into(),
            "length" => length_band(text?.chars().count()).into(),
            "link" => if text?.contains("http://") || text?.contains("https://") {
                "link"
            } else {
                "no-link"
            }
            .into(),
            "hashtags" => if has_hashtag(text?) {
                "hashtags"
            } else {
                "no-hashtags"
            }
            .into(),
            _ => return None,
        })
    }
}

fn ratio(part: Option<i64>, whole: Option<i64>) -> Option<f64> {
    match (part, whole) {
        (Some(p), Some(w)) if w > 0 => Some(p as f64 / w as f64),
        _ => None,
    }
}

/// A `#` followed by a letter (not a number sign in a sentence).
fn has_hashtag(text: &str) -> bool {
    text.char_indices().any(|(i, c)| {
        c == '#'
            && text[i + 1..]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic)
    })
}

pub(crate) const WEEKDAYS: [&str; 7] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

fn weekday_id(day: chrono::Weekday) -> &'static str {
    WEEKDAYS[day.num_days_from_sunday() as usize]
}

/// The hour bands of the plan's day, in order.
pub(crate) const HOUR_BANDS: [&str; 5] = ["06-12", "12-17", "17-21", "21-01", "01-06"];

fn hour_band(hour: u32) -> &'static str {
    match hour {
        6..=11 => HOUR_BANDS[0],
        12..=16 => HOUR_BANDS[1],
        17..=20 => HOUR_BANDS[2],
        21..=23 | 0 => HOUR_BANDS[3],
        _ => HOUR_BANDS[4],
    }
}

/// The text length bands, in characters.
pub(crate) const LENGTH_BANDS: [&str; 4] = ["0-79", "80-159", "160-279", "280+"];

fn length_band(chars: usize) -> &'static str {
    match chars {
        0..80 => LENGTH_BANDS[0],
        80..160 => LENGTH_BANDS[1],
        160..280 => LENGTH_BANDS[2],
        _ => LENGTH_BANDS[3],
    }
}

/// The kind of post an export names, in the plan's words.
fn format_of_kind(kind: &str) -> Option<&'static str> {
    Some(match kind.trim().to_lowercase().as_str() {
        "ig reel" | "reel" | "reels" => "reel",
        "ig image" | "photos" | "photo" | "image" => "image",
        "ig carousel" | "carousel" | "carousel_album" => "carousel",
        "videos" | "video" | "ig video" => "video",
        "links" | "link" => "link",
        "status" | "text" => "text",
        _ => return None,
    })
}

/// Every exported post of `period`, joined to the plan as the report joins.
pub(crate) fn observations(
    plan: &Plan,
    imported: &Imported,
    followers: &FollowerTotals,
    period: &Period,
) -> Vec<Observation> {
    let inputs = Inputs::new(plan, imported, followers, plan.time_zone());
    let ids: Vec<String> = plan
        .platforms
        .iter()
        .flat_map(|p| &p.data.platforms)
        .map(|p| p.id.value.clone())
        .collect();
    let (_, placements, joined, posts) = inputs.period_data(period, &ids);
    posts
        .iter()
        .enumerate()
        .map(|(index, placed)| {
            let post = placed.post;
            let counts = post.counts.get();
            let item = joined.post_item.get(&index).map(|&p| placements[p].item);
            let exported = post
                .kind
                .as_deref()
                .and_then(format_of_kind)
                .map(str::to_string);
            let video = (post.platform == crate::plan::model::platforms::PlatformKind::Youtube)
                .then(|| "video".to_string());
            Observation {
                platform: placed.platform_id.clone(),
                id: post.id.to_string(),
                url: post.url.as_deref().map(str::to_string),
                date: placed.date,
                time: placed.time,
                format: exported
                    .or(video)
                    .or_else(|| item.and_then(|i| i.format.get()).map(ToString::to_string)),
                goal: item.and_then(|i| i.goal.as_ref()).map(|g| g.value.clone()),
                audience: item
                    .and_then(|i| i.audience.as_ref())
                    .map(|a| a.value.clone()),
                text: post.text.as_deref().map(str::to_string),
                impressions: crate::exports::impressions_of(post.platform, &counts),
                reach: counts.reach,
                engagements: counts.engagements,
            }
        })
        .collect()
}

/// The findings over `period` of the posts `imported` holds.
pub fn insights(
    plan: &Plan,
    imported: &Imported,
    followers: &FollowerTotals,
    period: &Period,
) -> Insights {
    findings(
        plan,
        &observations(plan, imported, followers, period),
        period,
    )
}

/// The findings of `observations` over `period`, with the plan's next month.
pub(crate) fn findings(plan: &Plan, observations: &[Observation], period: &Period) -> Insights {
    let mut by_platform: BTreeMap<&str, Vec<&Observation>> = BTreeMap::new();
    for o in observations.iter().filter(|o| o.rate().is_some()) {
        by_platform.entry(o.platform.as_str()).or_default().push(o);
    }
    let order = platform_order(plan);
    let mut platforms: Vec<(&str, Vec<&Observation>)> = by_platform.into_iter().collect();
    platforms.sort_by_key(|(p, _)| order.iter().position(|o| o == p).unwrap_or(usize::MAX));
    let mut comparisons = Vec::new();
    let mut outliers = Vec::new();
    let mut shown = Vec::new();
    for (platform, posts) in &platforms {
        let breakdowns: Vec<Breakdown> = DIMENSIONS
            .iter()
            .map(|d| Breakdown {
                dimension: (*d).to_string(),
                cells: cells(posts, d),
            })
            .collect();
        comparisons.extend(
            DIMENSIONS
                .iter()
                .filter_map(|d| compare(platform, posts, d)),
        );
        outliers.extend(outliers_of(posts));
        shown.push(PlatformInsights {
            platform: (*platform).to_string(),
            posts: posts.len(),
            breakdowns,
            week: week(posts),
        });
    }
    let goals = goal_breakdowns(observations);
    Insights {
        label: period.label.clone(),
        from: period.from,
        to: period.to,
        min_posts: MIN_POSTS,
        next_month: next_month(plan, period, &goals),
        platforms: shown,
        comparisons,
        goals,
        outliers,
    }
}

fn platform_order(plan: &Plan) -> Vec<String> {
    plan.platforms
        .iter()
        .flat_map(|p| &p.data.platforms)
        .map(|p| p.id.value.clone())
        .collect()
}

/// The cells of `dimension` over `posts`, in the dimension's own order.
fn cells(posts: &[&Observation], dimension: &str) -> Vec<Cell> {
    let mut groups: BTreeMap<String, Vec<&Observation>> = BTreeMap::new();
    for o in posts {
        if let Some(value) = o.value(dimension) {
            groups.entry(value).or_default().push(o);
        }
    }
    let mut cells: Vec<Cell> = groups
        .into_iter()
        .map(|(value, posts)| cell(value, &posts))
        .collect();
    let rank = |value: &str| match dimension {
        "weekday" => WEEKDAYS.iter().position(|w| *w == value),
        "hour" => HOUR_BANDS.iter().position(|w| *w == value),
        "length" => LENGTH_BANDS.iter().position(|w| *w == value),
        _ => None,
    };
    cells.sort_by_key(|c| (rank(&c.value), std::cmp::Reverse(c.posts), c.value.clone()));
    cells
}

fn cell(value: String, posts: &[&Observation]) -> Cell {
    let rates: Vec<f64> = posts.iter().filter_map(|o| o.rate()).collect();
    let reach: Vec<f64> = posts.iter().filter_map(|o| o.rate_reach()).collect();
    let impressions: Vec<f64> = posts
        .iter()
        .filter_map(|o| o.impressions)
        .map(|v| v as f64)
        .collect();
    Cell {
        value,
        posts: rates.len(),
        median_rate: stats::median(&rates),
        p25: stats::quantile(&rates, 0.25),
        p75: stats::quantile(&rates, 0.75),
        reach_posts: reach.len(),
        median_rate_reach: stats::median(&reach),
        median_impressions: stats::median(&impressions),
        too_few: rates.len() < MIN_POSTS,
    }
}

/// A cell for each weekday and hour band of the posts that have a time.
fn week(posts: &[&Observation]) -> Vec<Cell> {
    let mut groups: BTreeMap<(usize, usize), Vec<&Observation>> = BTreeMap::new();
    for o in posts {
        let (Some(day), Some(band)) = (o.value("weekday"), o.value("hour")) else {
            continue;
        };
        let day = WEEKDAYS.iter().position(|d| *d == day).unwrap_or(0);
        let band = HOUR_BANDS.iter().position(|b| *b == band).unwrap_or(0);
        groups.entry((day, band)).or_default().push(o);
    }
    groups
        .into_iter()
        .map(|((day, band), posts)| cell(format!("{} {}", WEEKDAYS[day], HOUR_BANDS[band]), &posts))
        .collect()
}

/// Values that say nothing is known: never compared.
fn unknown(value: &str) -> bool {
    matches!(value, "not-known" | "not-planned")
}

/// The best and worst cells of `dimension` with enough posts, like with
/// like: for any dimension but format, within the platform's most common
/// format.
fn compare(platform: &str, posts: &[&Observation], dimension: &str) -> Option<Comparison> {
    let within = (dimension != "format")
        .then(|| most_common_format(posts))
        .flatten();
    let subset: Vec<&Observation> = posts
        .iter()
        .filter(|o| {
            within
                .as_ref()
                .is_none_or(|f| o.value("format").as_ref() == Some(f))
        })
        .copied()
        .collect();
    let eligible: Vec<Cell> = cells(&subset, dimension)
        .into_iter()
        .filter(|c| !c.too_few && !unknown(&c.value))
        .collect();
    if eligible.len() < 2 {
        return None;
    }
    let by_rate = |c: &&Cell| c.median_rate.unwrap_or(f64::NAN);
    let best = eligible
        .iter()
        .max_by(|a, b| by_rate(a).total_cmp(&by_rate(b)))?
        .clone();
    let other = eligible
        .iter()
        .min_by(|a, b| by_rate(a).total_cmp(&by_rate(b)))?
        .clone();
    let rates = |value: &str| -> Vec<f64> {
        subset
            .iter()
            .filter(|o| o.value(dimension).as_deref() == Some(value))
            .filter_map(|o| o.rate())
            .map(|r| r * 100.0)
            .collect()
    };
    let shift = stats::shift(&rates(&best.value), &rates(&other.value))?;
    let (low, high) = shift.interval.unzip();
    Some(Comparison {
        platform: platform.to_string(),
        dimension: dimension.to_string(),
        within,
        sure: shift.interval.is_some_and(|(l, h)| l > 0.0 || h < 0.0),
        difference: shift.estimate,
        low,
        high,
        best,
        other,
    })
}

/// The format most of `posts` have (ties by name).
fn most_common_format(posts: &[&Observation]) -> Option<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for o in posts {
        *counts.entry(o.value("format")?).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(f, _)| f)
}

/// Posts ten times their platform's median impressions or rate.
fn outliers_of(posts: &[&Observation]) -> Vec<Outlier> {
    let impressions: Vec<f64> = posts
        .iter()
        .filter_map(|o| o.impressions)
        .map(|v| v as f64)
        .collect();
    let rates: Vec<f64> = posts.iter().filter_map(|o| o.rate()).collect();
    let (Some(mi), Some(mr)) = (stats::median(&impressions), stats::median(&rates)) else {
        return Vec::new();
    };
    posts
        .iter()
        .filter_map(|o| {
            let by_impressions = o.impressions.map_or(0.0, |v| v as f64 / mi);
            let by_rate = o.rate().map_or(0.0, |r| r / mr);
            let times = by_impressions.max(by_rate);
            (times >= OUTLIER_FACTOR).then(|| Outlier {
                platform: o.platform.clone(),
                id: o.id.clone(),
                url: o.url.clone(),
                date: o.date,
                impressions: o.impressions,
                rate: o.rate(),
                times,
            })
        })
        .collect()
}

/// Per goal, its posts (any platform) by format.
fn goal_breakdowns(observations: &[Observation]) -> Vec<Breakdown> {
    let mut by_goal: BTreeMap<&str, Vec<&Observation>> = BTreeMap::new();
    for o in observations.iter().filter(|o| o.rate().is_some()) {
        if let Some(goal) = &o.goal {
            by_goal.entry(goal).or_default().push(o);
        }
    }
    by_goal
        .into_iter()
        .map(|(goal, posts)| Breakdown {
            dimension: goal.to_string(),
            cells: cells(&posts, "format"),
        })
        .collect()
}

/// The month after `period`: for each goal, whether half or more of its
/// planned items are in the format that did worst for it.
fn next_month(plan: &Plan, period: &Period, goals: &[Breakdown]) -> Option<NextMonth> {
    let month = crate::text::dates::Month::of(period.to).next();
    let calendar = plan
        .months
        .iter()
        .find(|m| m.data.planned_month() == Some(month))?;
    let mut notes = Vec::new();
    for goal in goals {
        let eligible: Vec<&Cell> = goal
            .cells
            .iter()
            .filter(|c| !c.too_few && !unknown(&c.value))
            .collect();
        let by_rate = |c: &&&Cell| c.median_rate.unwrap_or(f64::NAN);
        let (Some(worst), Some(best)) = (
            eligible
                .iter()
                .min_by(|a, b| by_rate(a).total_cmp(&by_rate(b))),
            eligible
                .iter()
                .max_by(|a, b| by_rate(a).total_cmp(&by_rate(b))),
        ) else {
            continue;
        };
        let items: Vec<_> = calendar
            .data
            .items
            .iter()
            .filter(|i| i.goal.as_ref().is_some_and(|g| g.value == goal.dimension))
            .collect();
        let planned = items
            .iter()
            .filter(|i| i.format.get().is_some_and(|f| f.to_string() == worst.value))
            .count();
        if eligible.len() >= 2 && planned * 2 >= items.len() && planned > 0 {
            notes.push(NextNote {
                goal: goal.dimension.clone(),
                format: worst.value.clone(),
                planned,
                of: items.len(),
                median_rate: worst.median_rate,
                best_format: best.value.clone(),
                best_median_rate: best.median_rate,
            });
        }
    }
    Some(NextMonth {
        month: month.to_string(),
        notes,
    })
}

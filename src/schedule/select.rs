//! Which posts of the period go in the scheduler's file, and why each of
//! the others does not: no text, a text over the limit, not approved, a
//! time past or too soon, too close to another, a platform the scheduler
//! does not take, more rows than the file may hold.

use super::{Post, Problem, Request, Rules};
use crate::plan::model::Plan;
use crate::plan::model::calendar::{CalendarMonth, Item, Status};
use crate::plan::model::platforms::PlatformKind;
use crate::t;
use crate::text::i18n::Msg;
use crate::text::post_text;
use chrono::{NaiveDateTime, TimeZone};

/// The posts chosen, those left out, and what was changed.
pub(super) struct Chosen<'p> {
    pub posts: Vec<Post<'p>>,
    pub problems: Vec<Problem>,
    pub notes: Vec<Msg>,
    pub published: Vec<String>,
}

/// How a plan-time moment reads elsewhere.
struct Clock {
    plan: chrono_tz::Tz,
    account: chrono_tz::Tz,
}

impl Clock {
    /// `at` (plan time) in UTC, or `None` for a time the plan's zone skips.
    fn utc(&self, at: NaiveDateTime) -> Option<NaiveDateTime> {
        self.plan
            .from_local_datetime(&at)
            .earliest()
            .map(|t| t.naive_utc())
    }

    /// A UTC moment as the scheduler's account reads it.
    fn account(&self, utc: NaiveDateTime) -> NaiveDateTime {
        self.account.from_utc_datetime(&utc).naive_local()
    }
}

/// The posts of `request`'s period in `plan` that `rules` take.
pub(super) fn posts<'p>(plan: &'p Plan, request: &Request, rules: &Rules) -> Chosen<'p> {
    let mut chosen = Chosen {
        posts: Vec::new(),
        problems: Vec::new(),
        notes: Vec::new(),
        published: Vec::new(),
    };
    let clock = Clock {
        plan: plan.time_zone(),
        account: request.time_zone,
    };
    let approval = approval_required(plan);
    for month in &plan.months {
        for item in &month.data.items {
            let Some(publish) = item.publish.get().copied() else {
                continue;
            };
            if publish.date() < request.from || publish.date() > request.to {
                continue;
            }
            let status = item.status.get().copied();
            match status {
                Some(Status::Published) if rules.schedules => {
                    chosen.published.push(item.id.value.clone());
                    continue;
                }
                Some(Status::Cancelled) => continue,
                Some(s) if !request.statuses.is_empty() && !request.statuses.contains(&s) => {
                    continue;
                }
                _ => {}
            }
            let unapproved = (approval && rules.schedules)
                .then(|| unapproved(&month.data, item))
                .flatten();
            for platform in &item.platforms {
                let platform = platform.value.as_str();
                if !request.platforms.is_empty() && !request.platforms.iter().any(|p| p == platform)
                {
                    continue;
                }
                let checked = post(plan, item, platform, publish, request, rules, &clock)
                    .and_then(|ok| unapproved.clone().map_or(Ok(ok), Err));
                match checked {
                    Err(reason) => chosen.problems.push(Problem {
                        item: item.id.value.clone(),
                        platform: platform.to_string(),
                        reason,
                    }),
                    Ok((post, note)) => {
                        chosen.notes.extend(note);
                        chosen.posts.push(post);
                    }
                }
            }
        }
    }
    chosen.posts.sort_by(|a, b| {
        (a.utc, &a.item.id.value, a.platform).cmp(&(b.utc, &b.item.id.value, b.platform))
    });
    apart_and_counted(&mut chosen, request, rules);
    chosen
}

/// Whether the policies ask for approval before an item is scheduled.
fn approval_required(plan: &Plan) -> bool {
    plan.policies
        .as_ref()
        .and_then(|p| p.data.approval.as_ref())
        .and_then(|a| a.before.get())
        .is_some_and(|before| *before <= Status::Scheduled)
}

/// Why `item` of `month` may not be scheduled yet, if it may not.
fn unapproved(month: &CalendarMonth, item: &Item) -> Option<Msg> {
    let status = item.status.get().copied()?;
    if !status.reached(Status::Approved) {
        return Some(t!("schedule.not-approved", status = status.words()));
    }
    let month_approved = month.approved.is_some()
        || month
            .status
            .as_ref()
            .and_then(|s| s.get())
            .is_some_and(|s| s.reached(Status::Approved));
    (!month_approved).then(|| {
        let label = month
            .planned_month()
            .map_or_else(String::new, |m| m.to_string());
        t!("schedule.month-not-approved", month = label)
    })
}

/// `item` on `platform` as a post of the file, and a note if its time was
/// moved; or why it cannot be one.
fn post<'p>(
    plan: &'p Plan,
    item: &'p Item,
    platform: &'p str,
    publish: NaiveDateTime,
    request: &Request,
    rules: &Rules,
    clock: &Clock,
) -> Result<(Post<'p>, Option<Msg>), Msg> {
    let scheduler = request.scheduler.name();
    let kind = plan
        .platforms
        .as_ref()
        .and_then(|p| p.data.get(platform))
        .and_then(|p| p.kind.get().copied())
        .ok_or_else(|| t!("schedule.unknown-platform", platform = platform))?;
    if rules.needs_media.contains(&kind) {
        return Err(t!(
            "schedule.needs-media",
            scheduler = scheduler,
            platform = platform
        ));
    }
    if !rules.platforms.contains(&kind) {
        return Err(t!(
            "schedule.unsupported",
            scheduler = scheduler,
            platform = platform
        ));
    }
    if rules.integration && !request.integrations.iter().any(|(p, _)| p == platform) {
        return Err(t!("schedule.no-integration", platform = platform));
    }
    let text = item
        .text
        .iter()
        .find(|(p, _)| p.value == platform)
        .map_or("", |(_, t)| t.value.as_str());
    let utc = clock.utc(publish).ok_or_else(|| {
        t!(
            "schedule.no-such-time",
            at = publish.format("%Y-%m-%d %H:%M")
        )
    })?;
    let (utc, note) = on_step(utc, rules.step_minutes, item, platform, scheduler, clock);
    if rules.schedules {
        schedulable(text, kind, platform, utc, request, rules, clock)?;
    }
    let post = Post {
        item,
        platform,
        kind,
        text,
        at: clock.account(utc),
        utc,
    };
    Ok((post, note))
}

/// Why a post with `text` at `utc` cannot be scheduled, if it cannot: no
/// text, a text over the platform's limit, a time past or too soon.
fn schedulable(
    text: &str,
    kind: PlatformKind,
    platform: &str,
    utc: NaiveDateTime,
    request: &Request,
    rules: &Rules,
    clock: &Clock,
) -> Result<(), Msg> {
    if text.trim().is_empty() {
        return Err(t!("schedule.no-text", platform = platform));
    }
    within_limit(text, kind, platform, request.scheduler.name())?;
    let now = clock.utc(request.now).unwrap_or(request.now);
    if utc <= now {
        return Err(t!("schedule.past", at = shown(clock.account(utc))));
    }
    if utc < now + chrono::TimeDelta::minutes(rules.lead_minutes) {
        return Err(t!(
            "schedule.too-soon",
            at = shown(clock.account(utc)),
            minutes = rules.lead_minutes
        ));
    }
    Ok(())
}

/// A time as the messages write it.
fn shown(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

/// Whether `text` fits the platform's own limit, counted as it counts.
fn within_limit(
    text: &str,
    kind: PlatformKind,
    platform: &str,
    scheduler: &str,
) -> Result<(), Msg> {
    let limit = kind.text_limit();
    if post_text::surely_within(kind.counting(), text, limit) {
        return Ok(());
    }
    let length = post_text::length(kind.counting(), text);
    if length <= limit {
        return Ok(());
    }
    Err(t!(
        "schedule.too-long",
        length = length,
        limit = limit,
        platform = platform,
        scheduler = scheduler
    ))
}

/// `utc` moved to the next step of `step` minutes of the account's clock,
/// with a note when it moved.
fn on_step(
    utc: NaiveDateTime,
    step: u32,
    item: &Item,
    platform: &str,
    scheduler: &str,
    clock: &Clock,
) -> (NaiveDateTime, Option<Msg>) {
    use chrono::Timelike;
    let local = clock.account(utc);
    let over = local.minute() % step;
    if step <= 1 || (over == 0 && local.second() == 0) {
        return (utc, None);
    }
    let moved = utc + chrono::TimeDelta::minutes(i64::from(step - over))
        - chrono::TimeDelta::seconds(i64::from(local.second()));
    let note = t!(
        "schedule.moved",
        item = &item.id.value,
        platform = platform,
        from = shown(local),
        to = shown(clock.account(moved)),
        scheduler = scheduler,
        step = step
    );
    (moved, Some(note))
}

/// Posts of one file closer than the scheduler allows, and rows beyond its
/// limit, moved from the posts to the problems.
fn apart_and_counted(chosen: &mut Chosen, request: &Request, rules: &Rules) {
    let scheduler = request.scheduler.name();
    let mut kept: Vec<Post> = Vec::new();
    for post in std::mem::take(&mut chosen.posts) {
        let same_file = |p: &&Post| !rules.file_per_platform || p.platform == post.platform;
        let last = kept.iter().rev().find(same_file);
        let reason = match last {
            Some(last) if (post.utc - last.utc).num_minutes() < rules.gap_minutes => Some(t!(
                "schedule.too-close",
                minutes = rules.gap_minutes,
                other = &last.item.id.value
            )),
            _ => rules
                .max_rows
                .filter(|max| kept.iter().filter(same_file).count() >= *max)
                .map(|max| t!("schedule.too-many", scheduler = scheduler, max = max)),
        };
        match reason {
            Some(reason) => chosen.problems.push(Problem {
                item: post.item.id.value.clone(),
                platform: post.platform.to_string(),
                reason,
            }),
            None => kept.push(post),
        }
    }
    chosen.posts = kept;
}

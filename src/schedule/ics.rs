//! The publishing schedule as iCalendar (RFC 5545): one event for each
//! item and platform, at its time in UTC, with a stable UID so that a
//! calendar application re-importing the file updates its events, and a
//! reminder half an hour before each post is due out.

use super::{File, Post, Request, Rules};
use crate::plan::model::Plan;
use crate::plan::model::platforms::PlatformKind;
use crate::text::ics::{escape, fold};
use chrono::TimeZone;

pub(super) const RULES: Rules = Rules {
    platforms: &[
        PlatformKind::X,
        PlatformKind::Facebook,
        PlatformKind::Instagram,
        PlatformKind::Youtube,
        PlatformKind::Tiktok,
        PlatformKind::Snapchat,
        PlatformKind::Linkedin,
        PlatformKind::Whatsapp,
    ],
    max_rows: None,
    step_minutes: 1,
    lead_minutes: 0,
    gap_minutes: 0,
    file_per_platform: false,
    needs_media: &[],
    attach_media: &[],
    integration: false,
    schedules: false,
};

/// A UTC moment as iCalendar writes it.
fn utc(at: chrono::NaiveDateTime) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// The reminder before a post is due out, in minutes.
const REMIND_MINUTES: u32 = 30;

/// One post as an event, with a reminder; its UID names the item and the
/// platform under the organisation's domain.
fn event(post: &Post, domain: &str, stamp: chrono::NaiveDateTime) -> [String; 15] {
    let title = post.item.title.primary();
    let summary = escape(&format!("{}: {title}", post.platform));
    [
        "BEGIN:VEVENT".to_string(),
        format!(
            "UID:{}@{domain}",
            escape(&format!("{}/{}", post.item.id.value, post.platform))
        ),
        format!("DTSTAMP:{}", utc(stamp)),
        format!("DTSTART:{}", utc(post.utc)),
        "DURATION:PT15M".to_string(),
        format!("SUMMARY:{summary}"),
        format!("DESCRIPTION:{}", escape(post.text)),
        format!("CATEGORIES:{}", escape(post.platform)),
        "STATUS:CONFIRMED".to_string(),
        "BEGIN:VALARM".to_string(),
        "ACTION:DISPLAY".to_string(),
        format!("TRIGGER:-PT{REMIND_MINUTES}M"),
        format!("DESCRIPTION:{summary}"),
        "END:VALARM".to_string(),
        "END:VEVENT".to_string(),
    ]
}

pub(super) fn write(plan: &Plan, posts: &[Post], request: &Request) -> Vec<File> {
    let organisation = plan
        .settings
        .as_ref()
        .map_or("khairukum", |s| s.data.organisation.name.primary());
    let stamp = plan
        .time_zone()
        .from_local_datetime(&request.now)
        .earliest()
        .map_or(request.now, |t| t.naive_utc());
    let domain = plan.calendar_domain();
    let mut text = String::new();
    for line in [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//khairukum//schedule//AR".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        format!(
            "X-WR-CALNAME:{}",
            escape(&format!("{organisation} — {}", request.label))
        ),
    ] {
        text.push_str(&fold(&line));
    }
    for post in posts {
        for line in event(post, &domain, stamp) {
            text.push_str(&fold(&line));
        }
    }
    text.push_str(&fold("END:VCALENDAR"));
    vec![File {
        name: format!("schedule-{}.ics", request.label),
        text,
        rows: posts.len(),
    }]
}

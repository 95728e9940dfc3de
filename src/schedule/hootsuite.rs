//! Hootsuite's Bulk Composer: a CSV without a header, read by position —
//! the date and time (day or month first, as chosen on upload, in the
//! user's Hootsuite time zone), the message, and an optional link; one
//! file per social profile, at most 350 rows, times on five-minute steps
//! and in the future.

use super::{File, Post, Request, Rules, by_platform, csv_text, day};
use crate::plan::model::platforms::PlatformKind;

pub(super) const RULES: Rules = Rules {
    platforms: &[
        PlatformKind::X,
        PlatformKind::Facebook,
        PlatformKind::Instagram,
        PlatformKind::Linkedin,
    ],
    max_rows: Some(350),
    step_minutes: 5,
    lead_minutes: 0,
    gap_minutes: 0,
    file_per_platform: true,
    needs_media: &[],
    attach_media: &[PlatformKind::Instagram],
    integration: false,
    schedules: true,
};

pub(super) fn write(posts: &[Post], request: &Request) -> Vec<File> {
    by_platform(posts, request, "csv")
        .into_iter()
        .map(|(name, posts)| {
            let rows: Vec<Vec<String>> = posts
                .iter()
                .map(|p| {
                    let when =
                        format!("{} {}", day(p.at, request.date_order), p.at.format("%H:%M"));
                    vec![when, p.text.to_string()]
                })
                .collect();
            File {
                name,
                text: csv_text(None, &rows),
                rows: rows.len(),
            }
        })
        .collect()
}

//! Sprout Social's bulk scheduling: a CSV with the case-sensitive header
//! `date` (`dd/mm/yyyy` or `mm/dd/yyyy`, as the import is set),
//! `time_24hr`, `message_text`; at most 350 messages, each at least ten
//! minutes after the upload and ten minutes apart.

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
    step_minutes: 1,
    lead_minutes: 10,
    gap_minutes: 10,
    file_per_platform: true,
    needs_media: &[],
    attach_media: &[PlatformKind::Instagram],
    integration: false,
    schedules: true,
};

/// The header of Sprout's template.
pub(super) const HEADER: [&str; 3] = ["date", "time_24hr", "message_text"];

pub(super) fn write(posts: &[Post], request: &Request) -> Vec<File> {
    by_platform(posts, request, "csv")
        .into_iter()
        .map(|(name, posts)| {
            let rows: Vec<Vec<String>> = posts
                .iter()
                .map(|p| {
                    vec![
                        day(p.at, request.date_order),
                        p.at.format("%H:%M").to_string(),
                        p.text.to_string(),
                    ]
                })
                .collect();
            File {
                name,
                text: csv_text(Some(&HEADER), &rows),
                rows: rows.len(),
            }
        })
        .collect()
}

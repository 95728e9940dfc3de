//! Buffer's bulk upload: a CSV with the header `Text`, `Image URL`,
//! `Tags`, `Posting Time` (`YYYY-MM-DD HH:mm`, read in the channel's own
//! time zone); one file per channel.

use super::{File, Post, Request, Rules, by_platform, csv_text};
use crate::plan::model::platforms::PlatformKind;

pub(super) const RULES: Rules = Rules {
    platforms: &[
        PlatformKind::X,
        PlatformKind::Facebook,
        PlatformKind::Instagram,
        PlatformKind::Linkedin,
        PlatformKind::Tiktok,
        PlatformKind::Youtube,
    ],
    max_rows: None,
    step_minutes: 1,
    lead_minutes: 0,
    gap_minutes: 0,
    file_per_platform: true,
    needs_media: &[],
    attach_media: &[
        PlatformKind::Instagram,
        PlatformKind::Tiktok,
        PlatformKind::Youtube,
    ],
    integration: false,
    schedules: true,
};

/// The header of Buffer's template.
pub(super) const HEADER: [&str; 4] = ["Text", "Image URL", "Tags", "Posting Time"];

pub(super) fn write(posts: &[Post], request: &Request) -> Vec<File> {
    by_platform(posts, request, "csv")
        .into_iter()
        .map(|(name, posts)| {
            let rows: Vec<Vec<String>> = posts
                .iter()
                .map(|p| {
                    vec![
                        p.text.to_string(),
                        String::new(),
                        String::new(),
                        p.at.format("%Y-%m-%d %H:%M").to_string(),
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

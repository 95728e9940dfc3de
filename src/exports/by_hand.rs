//! Figures read by hand off platforms that export none per post (Snapchat,
//! WhatsApp): a published calendar item's `figures:` become posts of an
//! export named after the calendar file, so that the platform's row is not
//! empty and says where its figures come from. A real export of the same
//! post (its link as id, as TikTok Studio's content export has it) counts
//! first.

use super::counts::Counts;
use super::formats::{Format, Grain};
use super::stubs::PostStub;
use super::tables::{ExportFile, HandFile, HandPost, Imported, Options, Post, Source};
use super::values::When;
use crate::plan::model::Plan;
use crate::plan::model::calendar::{NO_PUBLIC_LINK, Status};

/// The "format" of figures read by hand: no header to recognise, so it is
/// not in the table of export formats.
pub static BY_HAND: Format = Format {
    id: "figures-by-hand",
    name: "figures read by hand, in the calendar",
    platform: None,
    grain: Grain::Post,
    columns: &[],
    engagement_parts: &[],
    total_row: false,
    slashed_dates: false,
};

/// The figures read by hand in every calendar month read, each file named
/// by `path_of` (its path as shown).
pub fn from_plan(
    plan: &Plan,
    path_of: impl Fn(crate::plan::source::FileId) -> String,
) -> Vec<HandFile> {
    let kind_of = |id: &str| {
        plan.platforms
            .iter()
            .flat_map(|p| &p.data.platforms)
            .find(|p| p.id.value == id)
            .and_then(|p| p.kind.get().copied())
    };
    let mut files = Vec::new();
    for month in &plan.months {
        let mut file = HandFile {
            path: path_of(month.file),
            posts: Vec::new(),
        };
        for item in &month.data.items {
            let (Some(Status::Published), Some(publish)) = (item.status.get(), item.publish.get())
            else {
                continue;
            };
            for (platform, figures) in &item.figures {
                let Some(link) = item
                    .published
                    .iter()
                    .find(|(k, _)| k.value == platform.value)
                    .map(|(_, link)| link.value.trim())
                else {
                    continue;
                };
                let Some(kind) = kind_of(&platform.value) else {
                    continue;
                };
                let count = |v: &Option<crate::plan::model::fields::Located<u64>>| {
                    v.as_ref().and_then(|v| i64::try_from(v.value).ok())
                };
                let url = (link != NO_PUBLIC_LINK).then(|| link.to_string());
                file.posts.push(HandPost {
                    platform: kind,
                    id: url
                        .clone()
                        .unwrap_or_else(|| format!("{}:{}", item.id.value, platform.value)),
                    url,
                    published: *publish,
                    title: item.title.primary().to_string(),
                    views: count(&figures.views),
                    interactions: count(&figures.interactions),
                    line: u64::from(platform.at.line),
                });
            }
        }
        if !file.posts.is_empty() {
            files.push(file);
        }
    }
    files
}

/// A calendar file's figures as an export read: its posts and their stubs,
/// within the options' window.
pub(super) fn imported(file: &HandFile, options: &Options) -> Imported {
    let mut out = Imported::default();
    out.files.push(ExportFile {
        path: file.path.clone(),
        format: &BY_HAND,
        platform: None,
        title: None,
        rows: file.posts.len() as u64,
        columns: Vec::new(),
    });
    for post in &file.posts {
        let date = post.published.date();
        if !options.keeps(date) {
            continue;
        }
        let counts = Counts {
            impressions: post.views,
            engagements: post.interactions,
            ..Counts::default()
        };
        out.stubs
            .push(0, &PostStub::new(post.platform, date, &post.id, &counts));
        let detailed = options
            .detail
            .is_none_or(|(from, to)| date >= from && date <= to);
        if detailed {
            out.posts.push(Post {
                platform: post.platform,
                id: post.id.as_str().into(),
                url: post.url.as_deref().map(Into::into),
                published: Some(When::Local(post.published)),
                account: None,
                account_id: None,
                text: Some(post.title.as_str().into()),
                kind: None,
                counts: counts.into(),
                source: Source {
                    file: 0,
                    line: post.line,
                },
            });
        }
    }
    out
}

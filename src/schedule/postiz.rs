//! Postiz's public API: the JSON body of `POST /public/v1/posts`, one for
//! each item — its date in UTC, and a post for each platform with the
//! integration id Postiz gave that account and the platform's settings.
//! The file is a JSON array of those bodies, each sent as it is.

use super::{File, Post, Request, Rules};
use crate::plan::model::platforms::PlatformKind;
use serde_json::{Value, json};

pub(super) const RULES: Rules = Rules {
    platforms: &[
        PlatformKind::X,
        PlatformKind::Facebook,
        PlatformKind::Linkedin,
    ],
    max_rows: None,
    step_minutes: 1,
    lead_minutes: 0,
    gap_minutes: 0,
    file_per_platform: false,
    // Postiz takes these only with the media uploaded to it first.
    needs_media: &[
        PlatformKind::Instagram,
        PlatformKind::Tiktok,
        PlatformKind::Youtube,
    ],
    attach_media: &[],
    integration: true,
    schedules: true,
};

/// The settings Postiz asks of a platform's post (`__type` and what it
/// requires).
fn settings(kind: PlatformKind) -> Value {
    match kind {
        PlatformKind::X => json!({"__type": "x", "who_can_reply_post": "everyone"}),
        other => json!({"__type": other.as_str()}),
    }
}

pub(super) fn write(posts: &[Post], request: &Request) -> Vec<File> {
    // One body for each item and moment, its platforms together.
    let mut bodies: Vec<(&str, chrono::NaiveDateTime, Vec<Value>)> = Vec::new();
    for post in posts {
        let id = request
            .integrations
            .iter()
            .find(|(p, _)| p == post.platform)
            .map_or("", |(_, id)| id.as_str());
        let entry = json!({
            "integration": {"id": id},
            "value": [{"content": post.text, "image": []}],
            "settings": settings(post.kind),
        });
        match bodies
            .iter_mut()
            .find(|(item, at, _)| *item == post.item.id.value && *at == post.utc)
        {
            Some((_, _, entries)) => entries.push(entry),
            None => bodies.push((&post.item.id.value, post.utc, vec![entry])),
        }
    }
    if bodies.is_empty() {
        return Vec::new();
    }
    let array: Vec<Value> = bodies
        .into_iter()
        .map(|(_, at, posts)| {
            json!({
                "type": "schedule",
                "date": at.format("%Y-%m-%dT%H:%M:%S.000Z").to_string(),
                "shortLink": false,
                "tags": [],
                "posts": posts,
            })
        })
        .collect();
    let rows = array.len();
    let mut text = serde_json::to_string_pretty(&array).expect("JSON values serialise");
    text.push('\n');
    vec![File {
        name: format!("postiz-{}.json", request.label),
        text,
        rows,
    }]
}

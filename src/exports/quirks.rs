//! What one platform's exports do differently: Meta's daily files name
//! their platform and field only in a title line; YouTube gives post ids,
//! not links; each platform names a post's account in its own way.

use super::formats::Field;
use super::tables::Post;
use crate::plan::model::platforms::PlatformKind;
use crate::t;
use crate::text::i18n::Msg;

/// Which platform a Meta daily file belongs to: its title, else its path.
pub(super) fn meta_daily_platform(title: Option<&str>, path: &str) -> Result<PlatformKind, Msg> {
    let lower = |s: &str| s.to_lowercase();
    let title = title.map(lower).unwrap_or_default();
    let path = lower(path);
    let names = |s: &str, words: &[&str]| words.iter().any(|w| s.contains(w));
    if names(&title, &["instagram"]) {
        Ok(PlatformKind::Instagram)
    } else if names(&title, &["facebook"]) {
        Ok(PlatformKind::Facebook)
    } else if names(&path, &["instagram", "/ig", "ig-", "ig_"]) {
        Ok(PlatformKind::Instagram)
    } else if names(&path, &["facebook", "/fb", "fb-", "fb_"]) {
        Ok(PlatformKind::Facebook)
    } else {
        Err(t!("export.meta-which-platform", title = title))
    }
}

/// The canonical field of a Meta daily file, from its title.
pub(super) fn meta_daily_field(title: &str) -> Option<Field> {
    let title = title.to_lowercase();
    if title.contains("reach") {
        Some(Field::Reach)
    } else if title.contains("views") {
        Some(Field::Impressions)
    } else if title.contains("follows") {
        Some(Field::Follows)
    } else if title.contains("interactions") {
        Some(Field::Engagements)
    } else {
        None
    }
}

/// A post's link when the export gives only its id.
pub(super) fn post_url(platform: PlatformKind, id: &str) -> Option<String> {
    match platform {
        PlatformKind::Youtube => Some(format!("https://www.youtube.com/watch?v={id}")),
        _ => None,
    }
}

/// An account name as plans and exports write it, compared without `@` or case.
pub fn handle(text: &str) -> String {
    text.trim().trim_start_matches('@').to_lowercase()
}

/// The account a post's link names (`x.com/<handle>/status/…`, `tiktok.com/@<handle>/…`).
fn account_in_url(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let mut parts = rest.split('/');
    let host = parts.next()?.to_lowercase();
    let first = parts.next()?;
    (host.ends_with("x.com") || host.ends_with("twitter.com") || host.ends_with("tiktok.com"))
        .then(|| handle(first))
}

/// The account a post belongs to, where its export says: Instagram's
/// username column, the handle in an X or TikTok link.
pub fn account_of(post: &Post) -> Option<String> {
    match post.platform {
        PlatformKind::Instagram => post.account.as_deref().map(handle),
        PlatformKind::X | PlatformKind::Tiktok => post.url.as_deref().and_then(account_in_url),
        _ => None,
    }
}

//! What one platform's exports do differently: Meta's daily files name
//! their platform and field only in a title line; YouTube gives post ids,
//! not links.

use super::formats::Field;
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

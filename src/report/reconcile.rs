//! Joining exported posts to calendar items: first through the items'
//! `published` links, then by the planned text (normalised) within the
//! policy's window of days, then by platform and publish time within a
//! tolerance — never by order in a file.
//! What is left over on either side is the point of the exercise: planned
//! items that never appeared, and posts that served no goal.

use crate::exports::Post;
use crate::plan::model::calendar::Item;
use crate::plan::model::platforms::PlatformKind;
use chrono::NaiveDateTime;
use std::collections::HashMap;

/// How far a post's time may be from the item's planned time to be taken
/// for it when no link joins them.
pub(crate) const TIME_TOLERANCE_MINUTES: i64 = 180;

/// A comparable key for a post link: the platform and the post's own id.
pub(crate) fn link_key(url: &str) -> Option<String> {
    let url = url.trim();
    if url == crate::plan::model::calendar::NO_PUBLIC_LINK {
        return None;
    }
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split(['#']).next().unwrap_or(rest);
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.to_lowercase();
    let host = host
        .trim_start_matches("www.")
        .trim_start_matches("mobile.")
        .trim_start_matches("m.");
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let after = |word: &str| {
        segments
            .iter()
            .position(|s| *s == word)
            .and_then(|i| segments.get(i + 1))
    };
    let key = match host {
        "x.com" | "twitter.com" => after("status").map(|id| format!("x:{id}")),
        "instagram.com" => after("p")
            .or_else(|| after("reel"))
            .or_else(|| after("tv"))
            .map(|c| format!("instagram:{c}")),
        "youtube.com" => query
            .split('&')
            .find_map(|kv| kv.strip_prefix("v="))
            .map(str::to_string)
            .or_else(|| after("shorts").map(std::string::ToString::to_string))
            .map(|id| format!("youtube:{id}")),
        "youtu.be" => segments.first().map(|id| format!("youtube:{id}")),
        "facebook.com" => after("posts")
            .or_else(|| after("videos"))
            .map(|id| format!("facebook:{id}")),
        "tiktok.com" => after("video").map(|id| format!("tiktok:{id}")),
        _ => None,
    };
    key.or_else(|| {
        (!host.is_empty()).then(|| format!("{host}/{}", segments.join("/")).to_lowercase())
    })
}

/// The key of an exported post: from its link, else its id.
fn post_key(post: &Post) -> Option<String> {
    post.url
        .as_deref()
        .and_then(link_key)
        .or_else(|| match post.platform {
            PlatformKind::X => Some(format!("x:{}", post.id)),
            PlatformKind::Youtube => Some(format!("youtube:{}", post.id.trim())),
            _ => None,
        })
}

/// One planned placement: an item on one platform.
#[derive(Debug, Clone, Copy)]
pub struct Placement<'a> {
    pub item: &'a Item,
    pub platform_id: &'a str,
    pub kind: PlatformKind,
}

/// The result of joining.
#[derive(Debug, Default)]
pub struct Joined {
    /// Post index → placement index.
    pub post_item: HashMap<usize, usize>,
    /// How each join was made.
    pub by_link: usize,
    pub by_text: usize,
    pub by_time: usize,
}

/// Text as compared for a join: links dropped, Arabic folded (diacritics,
/// tatweel, letter forms), case and punctuation ignored, spaces collapsed.
pub(crate) fn normalised(text: &str) -> String {
    let words: Vec<String> = text
        .split_whitespace()
        .filter(|w| !w.starts_with("http://") && !w.starts_with("https://"))
        .map(|w| {
            crate::text::arabic::fold(w)
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == '#')
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    words.join(" ")
}

/// Whether an exported post's text is the planned text: the same once
/// normalised, or one begins with the other (a platform that cuts long
/// text, hashtags added at the end) when the shorter has 20 characters or more.
pub(crate) fn same_text(planned: &str, posted: &str) -> bool {
    let (a, b) = (normalised(planned), normalised(posted));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    short == long || (short.chars().count() >= 20 && long.starts_with(short.as_str()))
}

/// When a post was published, as far as its export says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostTime {
    At(NaiveDateTime),
    /// The export gives only the day (X Premium, YouTube).
    On(chrono::NaiveDate),
    Unknown,
}

impl PostTime {
    /// The day of publication, when known.
    pub fn day(self) -> Option<chrono::NaiveDate> {
        match self {
            PostTime::At(t) => Some(t.date()),
            PostTime::On(d) => Some(d),
            PostTime::Unknown => None,
        }
    }
}

/// Joins posts to placements: by link, then by the planned text within
/// `text_days` days of the planned day (the nearest in time first), then by
/// time (or, for posts whose export gives only a day, by day).
pub fn join(placements: &[Placement], posts: &[(&Post, PostTime)], text_days: i64) -> Joined {
    let mut joined = Joined::default();
    let mut taken = vec![false; placements.len()];
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (index, placement) in placements.iter().enumerate() {
        if let Some(link) = placement
            .item
            .published
            .iter()
            .find(|(p, _)| p.value == placement.platform_id)
            && let Some(key) = link_key(&link.1.value)
        {
            by_key.insert(key, index);
        }
    }
    for (post_index, (post, _)) in posts.iter().enumerate() {
        if let Some(&index) = post_key(post).and_then(|k| by_key.get(&k))
            && !taken[index]
        {
            taken[index] = true;
            joined.post_item.insert(post_index, index);
            joined.by_link += 1;
        }
    }
    // Then the planned text, within the policy's window of days.
    for (post_index, (post, time)) in posts.iter().enumerate() {
        if joined.post_item.contains_key(&post_index) {
            continue;
        }
        let (Some(text), Some(day)) = (post.text.as_deref(), time.day()) else {
            continue;
        };
        let nearest = placements
            .iter()
            .enumerate()
            .filter(|(i, p)| !taken[*i] && p.kind == post.platform)
            .filter_map(|(i, p)| {
                let planned = p.item.publish.get()?;
                let gap = (planned.date() - day).num_days().abs();
                let planned_text = p
                    .item
                    .text
                    .iter()
                    .find(|(platform, _)| platform.value == p.platform_id)?;
                (gap <= text_days && same_text(&planned_text.1.value, text)).then_some((gap, i))
            })
            .min();
        if let Some((_, index)) = nearest {
            taken[index] = true;
            joined.post_item.insert(post_index, index);
            joined.by_text += 1;
        }
    }
    // Fall back to time: the nearest free placement on the same platform,
    // looked up by planned day (the tolerance spans at most the day before and after).
    let mut by_day: HashMap<(PlatformKind, chrono::NaiveDate), Vec<usize>> = HashMap::new();
    for (index, placement) in placements.iter().enumerate() {
        if let Some(planned) = placement.item.publish.get() {
            by_day
                .entry((placement.kind, planned.date()))
                .or_default()
                .push(index);
        }
    }
    for (post_index, (post, time)) in posts.iter().enumerate() {
        if joined.post_item.contains_key(&post_index) {
            continue;
        }
        let days: Vec<chrono::NaiveDate> = match time {
            PostTime::At(t) => vec![
                t.date() - chrono::TimeDelta::days(1),
                t.date(),
                t.date() + chrono::TimeDelta::days(1),
            ],
            PostTime::On(day) => vec![*day],
            PostTime::Unknown => continue,
        };
        let nearest = days
            .iter()
            .filter_map(|d| by_day.get(&(post.platform, *d)))
            .flatten()
            .filter(|i| !taken[**i])
            .filter_map(|&i| {
                let planned = placements[i].item.publish.get()?;
                match time {
                    PostTime::At(time) => {
                        let gap = (*planned - *time).num_minutes().abs();
                        (gap <= TIME_TOLERANCE_MINUTES).then_some((gap, i))
                    }
                    _ => Some((0, i)),
                }
            })
            .min();
        if let Some((_, index)) = nearest {
            taken[index] = true;
            joined.post_item.insert(post_index, index);
            joined.by_time += 1;
        }
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_match_once_normalised_and_not_otherwise() {
        assert!(same_text(
            "قصة متبرع: وقفُ مصحفٍ لكل طالب https://khairukum.org.sa/waqf",
            "قصة متبرع — وقف مصحف لكل طالب #خيركم"
        ));
        assert!(same_text(
            "ساعات المتطوعين في شهر جمادى الأولى",
            "ساعاتـــ المتطوعين في شهر جمادى الأُولى https://t.co/x"
        ));
        assert!(same_text(
            "حصاد أسبوع في حلقات خيركم: ٣٬٦٥٠ طالباً",
            "حصاد أسبوع في حلقات خيركم: 3,650 طالباً وطالبة و10,200 وجه مراجعة"
        ));
        assert!(!same_text(
            "جمعة مباركة",
            "جمعة مباركة لكل المتابعين والمتابعات الكرام"
        ));
        assert!(!same_text("تهنئة", "ساعات المتطوعين"));
        assert!(!same_text("", ""));
    }

    #[test]
    fn links_reduce_to_the_platform_and_post_id() {
        assert_eq!(link_key(crate::plan::model::calendar::NO_PUBLIC_LINK), None);
        assert_eq!(
            link_key("https://x.com/khairukum/status/1859?s=20").as_deref(),
            Some("x:1859")
        );
        assert_eq!(
            link_key("https://twitter.com/KHAIRUKUM/status/1859/").as_deref(),
            Some("x:1859")
        );
        assert_eq!(
            link_key("https://www.instagram.com/reel/DHWRZRni6kJ/").as_deref(),
            Some("instagram:DHWRZRni6kJ")
        );
        assert_eq!(
            link_key("https://www.instagram.com/p/DHWRZRni6kJ").as_deref(),
            Some("instagram:DHWRZRni6kJ")
        );
        assert_eq!(
            link_key("https://www.youtube.com/watch?v=abc123&t=4").as_deref(),
            Some("youtube:abc123")
        );
        assert_eq!(
            link_key("https://youtu.be/abc123").as_deref(),
            Some("youtube:abc123")
        );
        assert_eq!(
            link_key("https://www.facebook.com/khairukum/posts/93900").as_deref(),
            Some("facebook:93900")
        );
        assert_eq!(
            link_key("https://www.tiktok.com/@khairukum/video/7527").as_deref(),
            Some("tiktok:7527")
        );
        assert_eq!(
            link_key("https://whatsapp.com/channel/0029/105").as_deref(),
            Some("whatsapp.com/channel/0029/105")
        );
    }
}

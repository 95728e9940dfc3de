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
    /// Post index → how it was joined.
    pub how: HashMap<usize, JoinedBy>,
}

/// How a post was joined to a placement: by the link the calendar records,
/// by the planned text, or by the planned time alone (the least sure).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum JoinedBy {
    Link,
    Text,
    Time,
}

/// Text as compared for a join: links dropped, Arabic folded (diacritics,
/// tatweel, letter forms), case and punctuation ignored, spaces collapsed.
pub(crate) fn normalised(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split_whitespace()
        .filter(|w| !w.starts_with("http://") && !w.starts_with("https://"))
    {
        let start = out.len();
        if start > 0 {
            out.push(' ');
        }
        let mut kept = false;
        // Folding lower-cases already.
        for c in crate::text::arabic::fold(word).chars() {
            if is_word_char(c) {
                out.push(c);
                kept = true;
            }
        }
        // A word with nothing left (punctuation alone) leaves no space.
        if !kept {
            out.truncate(start);
        }
    }
    out
}

/// A letter, a digit or `#`: ASCII and the Arabic letters (most of a
/// post) told at once, the rest by Unicode's tables.
fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z'
        | 'A'..='Z'
        | '0'..='9'
        | '#'
        | '\u{0621}'..='\u{063A}'
        | '\u{0641}'..='\u{064A}' => true,
        c if c.is_ascii() => false,
        c => c.is_alphanumeric(),
    }
}

/// Whether an exported post's text is the planned text: the same once
/// normalised, or one begins with the other (a platform that cuts long
/// text, hashtags added at the end) when the shorter has 20 characters or more.
/// Checks on the way that the texts' keys never rule out the same text.
#[cfg(test)]
pub(crate) fn same_text(planned: &str, posted: &str) -> bool {
    let (planned, posted) = (Normalised::of(planned), Normalised::of(posted));
    let same = same_normalised(&planned, &posted);
    assert!(
        !same || planned.key.may_match(posted.key),
        "{planned:?} {posted:?}"
    );
    same
}

/// Posts' text keys made once for every join of a report (a post is in
/// the joins of each scope and period it falls in), by the post's place in
/// memory: posts stay where they are while a report is made.
#[derive(Debug, Default)]
pub struct Texts(std::cell::RefCell<HashMap<usize, TextKey>>);

impl Texts {
    /// Lets go of every key made so far (a later join makes again what it needs).
    pub fn forget(&self) {
        let mut texts = self.0.borrow_mut();
        texts.clear();
        texts.shrink_to_fit();
    }

    fn of(&self, post: &Post, text: &str) -> TextKey {
        let key = std::ptr::from_ref(post) as usize;
        *self
            .0
            .borrow_mut()
            .entry(key)
            .or_insert_with(|| Normalised::of(text).key)
    }
}

/// The characters two texts must share at the start to be the same text
/// when neither is shorter ([`same_normalised`]).
const SAME_START: usize = 20;

/// What a text normalised keeps in a few bytes, kept for each post of a
/// report: two texts whose keys differ are not the same text; two whose
/// keys agree are compared in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TextKey {
    chars: usize,
    /// A hash of the first [`SAME_START`] characters (0 for a shorter text).
    start: u64,
    /// A hash of the whole text.
    whole: u64,
}

impl TextKey {
    /// The key of a text already normalised.
    fn of(text: &str) -> TextKey {
        let chars = text.chars().count();
        let hash = |s: &str| {
            use std::hash::{Hash, Hasher};
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            s.hash(&mut hasher);
            hasher.finish()
        };
        let start = (chars >= SAME_START).then(|| {
            let end = text
                .char_indices()
                .nth(SAME_START)
                .map_or(text.len(), |(i, _)| i);
            hash(&text[..end])
        });
        TextKey {
            chars,
            start: start.unwrap_or(0),
            whole: hash(text),
        }
    }

    /// Whether the texts may be the same: always so when they are.
    fn may_match(self, other: TextKey) -> bool {
        let (short, long) = if self.chars <= other.chars {
            (self, other)
        } else {
            (other, self)
        };
        short.chars > 0
            && if short.chars >= SAME_START {
                short.start == long.start
            } else {
                short.chars == long.chars && short.whole == long.whole
            }
    }
}

/// A text normalised for a join, with its key (which knows its length).
#[derive(Debug)]
pub struct Normalised {
    text: String,
    key: TextKey,
}

impl Normalised {
    fn of(text: &str) -> Normalised {
        let text = normalised(text);
        Normalised {
            key: TextKey::of(&text),
            text,
        }
    }
}

/// [`same_text`] of two texts already normalised.
fn same_normalised(a: &Normalised, b: &Normalised) -> bool {
    let (short, long) = if a.key.chars <= b.key.chars {
        (a, b)
    } else {
        (b, a)
    };
    // A text with nothing left once normalised (a link alone) is no text.
    short.key.chars > 0
        && (short.text == long.text
            || (short.key.chars >= SAME_START && long.text.starts_with(&short.text)))
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
pub fn join(
    placements: &[Placement],
    posts: &[(&Post, PostTime)],
    (text_days, texts): (i64, &Texts),
) -> Joined {
    let mut joined = Joined::default();
    let mut taken = vec![false; placements.len()];
    join_by_link(placements, posts, &mut joined, &mut taken);
    join_by_text(
        placements,
        posts,
        (text_days, texts),
        (&mut joined, &mut taken),
    );
    join_by_time(placements, posts, &mut joined, &mut taken);
    joined
}

/// Posts whose link is a placement's post link.
fn join_by_link(
    placements: &[Placement],
    posts: &[(&Post, PostTime)],
    joined: &mut Joined,
    taken: &mut [bool],
) {
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
            joined.how.insert(post_index, JoinedBy::Link);
        }
    }
}

/// Posts with a placement's planned text, within `text_days` of its day.
fn join_by_text(
    placements: &[Placement],
    posts: &[(&Post, PostTime)],
    (text_days, texts): (i64, &Texts),
    (joined, taken): (&mut Joined, &mut [bool]),
) {
    // Then the planned text, within the policy's window of days: each
    // placement's text normalised once and found by platform and day, so
    // each post looks only at the placements of its window.
    let mut by_text_day: HashMap<(PlatformKind, chrono::NaiveDate), Vec<(usize, Normalised)>> =
        HashMap::new();
    for (index, p) in placements.iter().enumerate() {
        let Some(planned) = p.item.publish.get() else {
            continue;
        };
        if let Some((_, text)) = p
            .item
            .text
            .iter()
            .find(|(platform, _)| platform.value == p.platform_id)
        {
            by_text_day
                .entry((p.kind, planned.date()))
                .or_default()
                .push((index, Normalised::of(&text.value)));
        }
    }
    for (post_index, (post, time)) in posts.iter().enumerate() {
        if joined.post_item.contains_key(&post_index) || text_days < 0 {
            continue;
        }
        let (Some(text), Some(day)) = (post.text.as_deref(), time.day()) else {
            continue;
        };
        // The key rules out most placements; the text is normalised again
        // only for those it does not.
        let key = texts.of(post, text);
        let posted = std::cell::OnceCell::new();
        let nearest = (-text_days..=text_days)
            .filter_map(|offset| {
                by_text_day.get(&(post.platform, day + chrono::TimeDelta::days(offset)))
            })
            .flatten()
            .filter(|(i, planned)| {
                !taken[*i]
                    && planned.key.may_match(key)
                    && same_normalised(planned, posted.get_or_init(|| Normalised::of(text)))
            })
            .filter_map(|(i, _)| {
                let planned = placements[*i].item.publish.get()?;
                Some(((planned.date() - day).num_days().abs(), *i))
            })
            .min();
        if let Some((_, index)) = nearest {
            taken[index] = true;
            joined.post_item.insert(post_index, index);
            joined.by_text += 1;
            joined.how.insert(post_index, JoinedBy::Text);
        }
    }
}

/// Posts near a placement's planned time, on the same platform.
fn join_by_time(
    placements: &[Placement],
    posts: &[(&Post, PostTime)],
    joined: &mut Joined,
    taken: &mut [bool],
) {
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
            joined.how.insert(post_index, JoinedBy::Time);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_fast_word_test_agrees_with_unicode_on_every_character() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            assert_eq!(
                super::is_word_char(c),
                c.is_alphanumeric() || c == '#',
                "{c:?}"
            );
        }
    }

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
        assert!(!same_text("", "تهنئة"));
        assert!(same_text("تهنئة", "تهنئة!"));
        assert!(!same_text("https://t.co/x", "https://t.co/x"));
        // A beginning counts from 20 characters on (spaces included).
        let twenty = "abcdefghij klmnopqrs";
        assert_eq!(normalised(twenty).chars().count(), 20);
        assert!(same_text(twenty, "abcdefghij klmnopqrs tuv"));
        assert!(same_text("abcdefghij klmnopqrs tuv", twenty));
        assert!(!same_text("abcdefghij klmnopqr", "abcdefghij klmnopqr tuv"));
        assert_eq!(normalised("Hello, #World! http://x.y"), "hello #world");
    }

    #[test]
    fn keys_rule_out_texts_that_differ() {
        let key = |text: &str| Normalised::of(text).key;
        let twenty = "abcdefghij klmnopqrs";
        assert!(key(twenty).may_match(key("abcdefghij klmnopqrs, and more")));
        assert!(!key(twenty).may_match(key("abcdefghij klmnopqrt, and more")));
        assert!(!key("abcdefghij klmnopqr").may_match(key("abcdefghij klmnopqr tuv")));
        assert!(!key("تهنئة").may_match(key("تهنئه اخرى")));
        assert!(key("تهنئة").may_match(key("تهنئة!")));
        assert!(!key("").may_match(key("")));
        // The first 20 characters, not bytes: Arabic letters take two each.
        let arabic = "ساعات المتطوعين في شهر";
        assert!(key(arabic).may_match(key("ساعات المتطوعين في شهر جمادى")));
        assert_eq!(key(arabic).start, key("ساعات المتطوعين في شXX").start);
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
        for (url, key) in [
            ("mobile.twitter.com/khairukum/status/77#reply", "x:77"),
            ("https://m.facebook.com/khairukum/videos/55/", "facebook:55"),
            ("https://www.instagram.com/tv/TV1", "instagram:TV1"),
            ("https://www.youtube.com/shorts/s42", "youtube:s42"),
            ("https://www.youtube.com/watch?t=4&v=v9", "youtube:v9"),
            ("https://Example.org/News/", "example.org/news"),
        ] {
            assert_eq!(link_key(url).as_deref(), Some(key), "{url}");
        }
        assert_eq!(link_key("https:///"), None);
        let mut x = post(PlatformKind::X, None, None);
        x.id = "1859".into();
        assert_eq!(post_key(&x).as_deref(), Some("x:1859"));
        let mut youtube = post(PlatformKind::Youtube, None, None);
        youtube.id = " abc ".into();
        assert_eq!(post_key(&youtube).as_deref(), Some("youtube:abc"));
        youtube.url = Some("https://youtu.be/def".into());
        assert_eq!(post_key(&youtube).as_deref(), Some("youtube:def"));
        assert_eq!(post_key(&post(PlatformKind::Facebook, None, None)), None);
    }

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn post(platform: PlatformKind, url: Option<&str>, text: Option<&str>) -> Post {
        Post {
            platform,
            id: "".into(),
            url: url.map(Into::into),
            published: None,
            account: None,
            account_id: None,
            text: text.map(Into::into),
            kind: None,
            counts: crate::exports::PostCounts::default(),
            source: crate::exports::Source { file: 0, line: 2 },
        }
    }

    const SAME: &str = "حصاد أسبوع في حلقات خيركم: ثلاثة آلاف طالب";

    /// A month with an item at the edge of each way of joining.
    fn edge_month() -> crate::plan::model::calendar::CalendarMonth {
        serde_saphyr::from_str(&format!(
            "items:
  - {{id: linked, title: t, publish: 2026-11-01 10:00, platforms: [instagram], format: image, owner: o, status: published, published: {{instagram: 'https://www.instagram.com/p/ABC/'}}}}
  - {{id: text-far, title: t, publish: 2026-11-10 19:00, platforms: [x], format: text, owner: o, status: published, text: {{x: '{SAME}'}}}}
  - {{id: text-near, title: t, publish: 2026-11-13 19:00, platforms: [x], format: text, owner: o, status: published, text: {{x: '{SAME}'}}}}
  - {{id: late, title: t, publish: 2026-11-20 23:00, platforms: [facebook], format: text, owner: o, status: published}}
  - {{id: by-day, title: t, publish: 2026-11-25 08:00, platforms: [youtube], format: video, owner: o, status: published}}
  - {{id: too-late, title: t, publish: 2026-11-27 12:00, platforms: [tiktok], format: video, owner: o, status: published}}
  - {{id: early, title: t, publish: 2026-11-23 00:30, platforms: [facebook], format: text, owner: o, status: published}}
"
        ))
        .unwrap()
    }

    /// The platform kind of each item of [`edge_month`].
    const EDGE_KINDS: [PlatformKind; 7] = [
        PlatformKind::Instagram,
        PlatformKind::X,
        PlatformKind::X,
        PlatformKind::Facebook,
        PlatformKind::Youtube,
        PlatformKind::Tiktok,
        PlatformKind::Facebook,
    ];

    /// Posts at the edges of [`edge_month`]'s windows.
    fn edge_posts() -> Vec<(Post, PostTime)> {
        let link = "https://instagram.com/p/ABC";
        vec![
            (
                post(PlatformKind::Instagram, Some(link), None),
                PostTime::Unknown,
            ),
            // The same link again: its placement is taken.
            (
                post(PlatformKind::Instagram, Some(link), None),
                PostTime::Unknown,
            ),
            // Two days from text-far, one from text-near: the nearer.
            (
                post(PlatformKind::X, None, Some(SAME)),
                PostTime::At(at("2026-11-12 08:00")),
            ),
            // Three days from text-far, the window's edge.
            (
                post(PlatformKind::X, None, Some(SAME)),
                PostTime::At(at("2026-11-13 08:00")),
            ),
            // 180 minutes after `late`, on the next day.
            (
                post(PlatformKind::Facebook, None, None),
                PostTime::At(at("2026-11-21 02:00")),
            ),
            // 181 minutes after `too-late`.
            (
                post(PlatformKind::Tiktok, None, None),
                PostTime::At(at("2026-11-27 15:01")),
            ),
            // The day alone.
            (
                post(PlatformKind::Youtube, None, None),
                PostTime::On(at("2026-11-25 00:00").date()),
            ),
            // 90 minutes before `early`, on the day before it.
            (
                post(PlatformKind::Facebook, None, None),
                PostTime::At(at("2026-11-22 23:00")),
            ),
            // The planned text, on another platform.
            (
                post(PlatformKind::Facebook, None, Some(SAME)),
                PostTime::At(at("2026-11-10 19:00")),
            ),
        ]
    }

    /// Each way of joining, at the edges of its window: a link once, the
    /// nearest planned text within the days allowed, then the time within
    /// the tolerance (on the day before or after), or the day alone.
    #[test]
    fn joins_by_link_then_nearest_text_then_time() {
        let month = edge_month();
        let placements: Vec<Placement> = month
            .items
            .iter()
            .zip(EDGE_KINDS)
            .map(|(item, kind)| Placement {
                item,
                platform_id: &item.platforms[0].value,
                kind,
            })
            .collect();
        let posts = edge_posts();
        let posts: Vec<(&Post, PostTime)> = posts.iter().map(|(p, t)| (p, *t)).collect();
        let joined = join(&placements, &posts, (3, &Texts::default()));
        let mut pairs: Vec<(usize, usize)> =
            joined.post_item.iter().map(|(p, i)| (*p, *i)).collect();
        pairs.sort_unstable();
        assert_eq!(pairs, [(0, 0), (2, 2), (3, 1), (4, 3), (6, 4), (7, 6)]);
        assert_eq!((joined.by_link, joined.by_text, joined.by_time), (1, 2, 3));
        // A day less in the window, and the farther text is not taken.
        let joined = join(&placements, &posts, (2, &Texts::default()));
        assert!(!joined.post_item.contains_key(&3));
    }
}

//! `platforms.yaml`: the accounts in use, each with its focus share.

use super::fields::Located as Spanned;
use super::fields::{Id, Parsed, keyword_enum};
use serde::Deserialize;

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Platforms {
    pub platforms: Vec<Platform>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Platform {
    #[schemars(with = "String")]
    pub id: Id,
    pub kind: Parsed<PlatformKind>,
    #[schemars(with = "String")]
    pub handle: Id,
    /// The account's numeric id as exports give it (Facebook's Page ID,
    /// Instagram's Account ID), to tell its rows from another account's.
    pub account_id: Option<String>,
    /// Share of the content effort, in percent; all platforms add up to 100.
    #[schemars(with = "f64")]
    pub focus: Spanned<f64>,
    /// Target number of posts a week.
    pub posts_per_week: Option<f64>,
    pub url: Option<String>,
}

keyword_enum! {
    /// The social platforms the tool knows.
    PlatformKind {
        X = "x",
        Facebook = "facebook",
        Instagram = "instagram",
        Youtube = "youtube",
        Tiktok = "tiktok",
        Snapchat = "snapchat",
        Linkedin = "linkedin",
        Whatsapp = "whatsapp",
    }
}

impl PlatformKind {
    /// The platform's name as readers know it, in their language (`X`,
    /// `إنستغرام`).
    pub fn name(self) -> crate::text::i18n::Msg {
        match self {
            PlatformKind::X => crate::t!("platform.x"),
            PlatformKind::Facebook => crate::t!("platform.facebook"),
            PlatformKind::Instagram => crate::t!("platform.instagram"),
            PlatformKind::Youtube => crate::t!("platform.youtube"),
            PlatformKind::Tiktok => crate::t!("platform.tiktok"),
            PlatformKind::Snapchat => crate::t!("platform.snapchat"),
            PlatformKind::Linkedin => crate::t!("platform.linkedin"),
            PlatformKind::Whatsapp => crate::t!("platform.whatsapp"),
        }
    }
    /// The web hosts the platform's post links are on (without `www.`,
    /// `m.` or `mobile.`).
    pub fn hosts(self) -> &'static [&'static str] {
        match self {
            PlatformKind::X => &["x.com", "twitter.com"],
            PlatformKind::Facebook => &["facebook.com", "fb.com", "fb.watch"],
            PlatformKind::Instagram => &["instagram.com"],
            PlatformKind::Youtube => &["youtube.com", "youtu.be"],
            PlatformKind::Tiktok => &["tiktok.com", "vm.tiktok.com"],
            PlatformKind::Snapchat => &["snapchat.com", "story.snapchat.com", "t.snapchat.com"],
            PlatformKind::Linkedin => &["linkedin.com", "lnkd.in"],
            PlatformKind::Whatsapp => &["whatsapp.com", "wa.me", "chat.whatsapp.com"],
        }
    }

    /// Whether `link` is a web link to one of the platform's hosts.
    pub fn owns_link(self, link: &str) -> bool {
        let Some(rest) = link
            .trim()
            .strip_prefix("https://")
            .or_else(|| link.trim().strip_prefix("http://"))
        else {
            return false;
        };
        let host = rest
            .split(['/', '?', '#'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let host = ["www.", "mobile.", "m."]
            .iter()
            .find_map(|p| host.strip_prefix(p))
            .unwrap_or(&host);
        self.hosts().contains(&host)
    }

    /// The rule a username on the platform follows: its length in
    /// characters and the characters it may have besides ASCII letters and
    /// digits (the leading `@` aside); `None` where the handle may be a
    /// page or channel name (Facebook, LinkedIn, WhatsApp).
    pub fn username_rule(self) -> Option<(std::ops::RangeInclusive<usize>, &'static str)> {
        match self {
            PlatformKind::X => Some((1..=15, "_")),
            PlatformKind::Instagram => Some((1..=30, "._")),
            PlatformKind::Tiktok => Some((2..=24, "._")),
            PlatformKind::Snapchat => Some((3..=15, "._-")),
            PlatformKind::Youtube => Some((3..=30, "._-")),
            PlatformKind::Facebook | PlatformKind::Linkedin | PlatformKind::Whatsapp => None,
        }
    }

    /// Whether `handle` can be a username on the platform.
    pub fn handle_fits(self, handle: &str) -> bool {
        let Some((length, others)) = self.username_rule() else {
            return !handle.trim().is_empty();
        };
        let name = handle.strip_prefix('@').unwrap_or(handle);
        length.contains(&name.chars().count())
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || others.contains(c))
    }

    /// How the platform counts a post's length.
    pub fn counting(self) -> crate::text::post_text::Counting {
        use crate::text::post_text::Counting;
        match self {
            PlatformKind::X => Counting::XWeighted,
            _ => Counting::Characters,
        }
    }

    /// The platform's own limit on a post's text, in characters (X: weighted).
    pub fn text_limit(self) -> usize {
        match self {
            PlatformKind::X => 280,
            PlatformKind::Facebook => 63_206,
            PlatformKind::Instagram => 2_200,
            PlatformKind::Youtube => 5_000,
            PlatformKind::Tiktok => 4_000,
            PlatformKind::Snapchat => 250,
            PlatformKind::Linkedin => 3_000,
            PlatformKind::Whatsapp => 65_536,
        }
    }
}

impl Platforms {
    pub fn get(&self, id: &str) -> Option<&Platform> {
        self.platforms.iter().find(|p| p.id.value == id)
    }
}

/// A platform named in a sentence in the reader's language: an id that is
/// a platform the tool knows by its name, any other as written.
pub fn name_of(id: &str) -> crate::text::i18n::Msg {
    use crate::plan::model::fields::FieldValue as _;
    PlatformKind::parse(id).map_or_else(|_| crate::t!("verbatim", text = id), PlatformKind::name)
}

/// Platforms named in a sentence, each as [`name_of`] names it.
pub fn names<S: AsRef<str>>(ids: &[S]) -> crate::text::i18n::Names {
    crate::text::i18n::Names(ids.iter().map(|id| name_of(id.as_ref())).collect())
}

#[cfg(test)]
mod link_tests {
    use super::PlatformKind;

    #[test]
    fn platforms_are_named_in_the_reader_s_language() {
        use crate::text::i18n::Lang;
        let ids = ["x", "instagram", "mastodon"];
        let listed = crate::t!("report.leaves-out", platforms = super::names(&ids));
        let (en, ar) = (listed.text(Lang::En), listed.text(Lang::Ar));
        assert!(en.contains("X, Instagram, mastodon"), "{en}");
        assert!(ar.contains("إكس، إنستغرام، mastodon"), "{ar}");
    }

    #[test]
    fn a_link_belongs_to_the_platform_whose_host_it_is_on() {
        let owns = [
            (
                PlatformKind::X,
                "https://x.com/khairukum/status/1928897087780911700",
            ),
            (PlatformKind::X, "https://mobile.twitter.com/k/status/1"),
            (
                PlatformKind::Instagram,
                "https://www.instagram.com/p/C3680e3a117/",
            ),
            (
                PlatformKind::Facebook,
                "https://m.facebook.com/khairukum/posts/1",
            ),
            (PlatformKind::Youtube, "https://youtu.be/abc"),
            (PlatformKind::Tiktok, "https://www.tiktok.com/@k/video/7"),
            (
                PlatformKind::Snapchat,
                "https://www.snapchat.com/spotlight/df5a",
            ),
            (
                PlatformKind::Whatsapp,
                "https://whatsapp.com/channel/0029VaK/497",
            ),
            (PlatformKind::Whatsapp, "http://wa.me/966500000000"),
        ];
        for (kind, link) in owns {
            assert!(kind.owns_link(link), "{kind:?} {link}");
        }
        let foreign = [
            (PlatformKind::Whatsapp, "https://x.com/khairukum/status/1"),
            (PlatformKind::X, "https://x.com.evil.example/status/1"),
            (PlatformKind::X, "x.com/khairukum/status/1"),
            (PlatformKind::Instagram, "ftp://instagram.com/p/1"),
            (PlatformKind::Facebook, "https://notfacebook.com/1"),
            (PlatformKind::X, "TBD"),
        ];
        for (kind, link) in foreign {
            assert!(!kind.owns_link(link), "{kind:?} {link}");
        }
    }

    #[test]
    fn handles_follow_each_platforms_username_rule() {
        for (kind, handle) in [
            (PlatformKind::X, "@khairukum"),
            (PlatformKind::X, "abc_123"),
            (PlatformKind::Instagram, "khairukum.org"),
            (PlatformKind::Tiktok, "@k.h"),
            (PlatformKind::Youtube, "@khairukum-jeddah"),
            (PlatformKind::Whatsapp, "قناة خيركم"),
            (PlatformKind::Facebook, "Khairukum Charity"),
        ] {
            assert!(kind.handle_fits(handle), "{kind:?} {handle}");
        }
        for (kind, handle) in [
            (PlatformKind::X, "@test, main: account"),
            (PlatformKind::X, "@a_name_longer_than_15"),
            (PlatformKind::X, "khairukum.org"),
            (PlatformKind::Instagram, "@"),
            (PlatformKind::Tiktok, "a"),
            (PlatformKind::Snapchat, "خيركم"),
            (PlatformKind::Whatsapp, "  "),
        ] {
            assert!(!kind.handle_fits(handle), "{kind:?} {handle}");
        }
    }
}

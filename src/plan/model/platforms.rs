//! `platforms.yaml`: the accounts in use, each with its focus share.

use super::fields::{Id, Parsed, keyword_enum};
use serde::Deserialize;
use serde_saphyr::Spanned;

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
    pub handle: String,
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

//! X's weighted length of a post (twitter-text's `parseTweet`): the text
//! in Unicode NFC, each URL as 23, each emoji sequence as one heavy
//! character, other characters by the configured ranges (Latin, Arabic,
//! punctuation light; CJK and the rest heavy). Positions are in UTF-16
//! units, as X reports them.

use unicode_normalization::UnicodeNormalization;

use super::chars::is_invalid;
use super::{emoji, urls};

/// A version of X's counting rules (twitter-text's `config/v*.json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Config {
    /// The most a post may weigh.
    pub max_weighted_length: usize,
    /// What one light character weighs.
    pub scale: usize,
    /// What a character outside every range weighs.
    pub default_weight: usize,
    /// What a URL weighs, in light characters.
    pub url_length: usize,
    /// Whether an emoji sequence weighs as one character.
    pub emoji_parsing: bool,
    /// Code point ranges (inclusive) and what their characters weigh.
    pub ranges: &'static [(u32, u32, usize)],
}

const LIGHT: &[(u32, u32, usize)] = &[
    (0, 4351, 100),
    (8192, 8205, 100),
    (8208, 8223, 100),
    (8242, 8247, 100),
];

impl Config {
    /// 140 characters, each weighing one.
    pub const V1: Self = Self {
        max_weighted_length: 140,
        scale: 1,
        default_weight: 1,
        url_length: 23,
        emoji_parsing: false,
        ranges: &[],
    };
    /// 280 light characters; CJK and the like weigh two.
    pub const V2: Self = Self {
        max_weighted_length: 280,
        scale: 100,
        default_weight: 200,
        url_length: 23,
        emoji_parsing: false,
        ranges: LIGHT,
    };
    /// As version 2, and an emoji sequence weighs two however many code points it has.
    pub const V3: Self = Self {
        emoji_parsing: true,
        ..Self::V2
    };
}

/// What X says of a post's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// Its weighted length, in light characters.
    pub weighted_length: usize,
    /// Its weighted length in thousandths of the most allowed.
    pub permillage: usize,
    /// Whether X accepts it: not empty, no invalid character, not too long.
    pub valid: bool,
    /// The first and last UTF-16 unit shown.
    pub display_range: (usize, usize),
    /// The first and last UTF-16 unit within the limit.
    pub valid_range: (usize, usize),
}

/// What X says of `text` under `config`.
pub fn parse(text: &str, config: &Config) -> Parsed {
    if text.trim_matches(|c| c <= ' ').is_empty() {
        return Parsed {
            weighted_length: 0,
            permillage: 0,
            valid: false,
            display_range: (0, 0),
            valid_range: (0, 0),
        };
    }
    let normalized_text: String = text.nfc().collect();
    let normalized: Vec<char> = normalized_text.chars().collect();
    let links = urls::find(&normalized);
    let emoji = if config.emoji_parsing {
        emoji::find(&normalized_text, &normalized)
    } else {
        Vec::new()
    };
    let scaled_max = config.max_weighted_length * config.scale;
    let (mut weighted, mut offset, mut valid_units) = (0, 0, 0);
    let (mut next_link, mut next_emoji) = (links.iter().peekable(), emoji.iter().peekable());
    let mut invalid = false;
    let units = |from: usize, to: usize| -> usize {
        normalized[from..to].iter().map(|c| c.len_utf16()).sum()
    };
    while offset < normalized.len() {
        while next_link.next_if(|link| link.start < offset).is_some() {}
        if let Some(link) = next_link.next_if(|link| link.start == offset) {
            weighted += config.url_length * config.scale;
            if weighted <= scaled_max {
                valid_units += units(link.start, link.end);
            }
            offset = link.end;
        }
        if offset < normalized.len() {
            while next_emoji.next_if(|e| e.start < offset).is_some() {}
            let (length, weight) = if let Some(e) = next_emoji.next_if(|e| e.start == offset) {
                (e.end - e.start, config.default_weight)
            } else {
                let point = u32::from(normalized[offset]);
                let weight = config
                    .ranges
                    .iter()
                    .find(|(lo, hi, _)| (*lo..=*hi).contains(&point))
                    .map_or(config.default_weight, |(_, _, w)| *w);
                (1, weight)
            };
            weighted += weight;
            invalid = invalid || is_invalid(normalized[offset]);
            if !invalid && weighted <= scaled_max {
                valid_units += units(offset, offset + length);
            }
            offset += length;
        }
    }
    let original_units: usize = text.encode_utf16().count();
    let normalized_units = units(0, normalized.len());
    let weighted_length = weighted / config.scale;
    Parsed {
        weighted_length,
        permillage: weighted_length * 1000 / config.max_weighted_length,
        valid: !invalid && weighted_length <= config.max_weighted_length,
        display_range: (0, original_units.saturating_sub(1)),
        valid_range: (
            0,
            (valid_units + original_units).saturating_sub(normalized_units + 1),
        ),
    }
}

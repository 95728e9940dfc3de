//! Measuring a post's text the way each platform does: X counts weighted
//! characters (twitter-text v3: URLs as 23, most CJK and emoji as 2, Arabic
//! as 1); the others count Unicode characters.

use crate::model::platforms::PlatformKind;

/// The length of `text` as `kind` counts it.
pub fn length(kind: PlatformKind, text: &str) -> usize {
    match kind {
        PlatformKind::X => x_weighted_length(text),
        _ => text.chars().count(),
    }
}

/// X's weighted length, per the twitter-text v3 configuration.
pub fn x_weighted_length(text: &str) -> usize {
    let config = twitter_text_config::config_v3();
    let result = twitter_text::parse(text, config, true);
    usize::try_from(result.weighted_length).unwrap_or(0)
}

/// The hashtags in a post, as X extracts them (`#خيركم` included).
pub fn hashtags(text: &str) -> Vec<String> {
    twitter_text::extractor::Extractor::new().extract_hashtags(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_counts_one_per_character_on_x_and_urls_count_23() {
        assert_eq!(x_weighted_length("خيركم"), 5);
        assert_eq!(
            x_weighted_length("خيركم https://khairukum.org/a/very/long/path/indeed"),
            6 + 23
        );
        assert_eq!(x_weighted_length("のの"), 4);
        assert_eq!(length(PlatformKind::Instagram, "خيركم"), 5);
    }

    #[test]
    fn finds_arabic_and_latin_hashtags() {
        assert_eq!(
            hashtags("تخريج #حفاظ_القرآن و #Khairukum"),
            vec!["حفاظ_القرآن", "Khairukum"]
        );
        assert!(hashtags("رقم #12345").is_empty());
    }
}

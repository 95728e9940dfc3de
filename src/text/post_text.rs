//! Measuring a post's text the way each platform does: X counts weighted
//! characters (twitter-text v3: URLs as 23, most CJK and emoji as 2, Arabic
//! as 1); the others count Unicode characters.

/// How a platform counts the length of a post's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counting {
    /// X's weighted characters (twitter-text v3).
    XWeighted,
    /// Unicode characters (code points).
    Characters,
}

/// The length of `text` counted the way `counting` says.
pub fn length(counting: Counting, text: &str) -> usize {
    match counting {
        Counting::XWeighted => super::x::weighted_length(text),
        Counting::Characters => text.chars().count(),
    }
}

/// Whether `text` is surely within `limit` as `counting` counts it, without the
/// full count: an upper bound that is cheap to take. `false` means "count it".
///
/// For X: a URL counts 23 and has at least one `.` in its host, so there are
/// no more URLs than dots; an ASCII or Arabic character weighs 1 and keeps
/// its length under Unicode normalisation; any other code point is given 6
/// (weight 2, and normalisation expands a code point to at most 3).
pub fn surely_within(counting: Counting, text: &str, limit: usize) -> bool {
    match counting {
        Counting::XWeighted => {
            let bound: usize = text
                .chars()
                .map(|c| match c {
                    '.' => 24,
                    c if c.is_ascii() || ('\u{0600}'..='\u{06FF}').contains(&c) => 1,
                    _ => 6,
                })
                .sum();
            bound <= limit
        }
        Counting::Characters => text.len() <= limit,
    }
}

/// Whether a post has surely no more than `max` hashtags: each needs a `#` or `＃`.
pub(crate) fn surely_few_hashtags(text: &str, max: usize) -> bool {
    text.chars().filter(|c| *c == '#' || *c == '＃').count() <= max
}

/// The hashtags in a post, as X extracts them (`#خيركم` included).
pub fn hashtags(text: &str) -> Vec<String> {
    super::x::hashtags(text)
        .into_iter()
        .map(|tag| tag.text)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_platform_counts_its_own_way() {
        assert_eq!(
            length(
                Counting::XWeighted,
                "خيركم https://khairukum.org/a/very/long/path/indeed"
            ),
            6 + 23
        );
        assert_eq!(length(Counting::XWeighted, "のの"), 4);
        assert_eq!(length(Counting::Characters, "のの"), 2);
        assert_eq!(length(Counting::Characters, "خيركم"), 5);
    }

    #[test]
    fn the_quick_bound_never_passes_a_text_that_is_too_long() {
        let samples = [
            "خيركم ".repeat(40),
            "خيركم ".repeat(60),
            format!(
                "{} https://khairukum.org.sa/a/long/path",
                "تبرع ".repeat(40)
            ),
            "x.co ".repeat(20),
            "👨‍👩‍👧‍👦".repeat(50),
            "שּׁ".repeat(60),
            "ﷺ".repeat(100),
            "a".repeat(281),
        ];
        for text in &samples {
            if surely_within(Counting::XWeighted, text, 280) {
                assert!(length(Counting::XWeighted, text) <= 280, "{text}");
            }
        }
        assert!(surely_within(
            Counting::XWeighted,
            &"خيركم ".repeat(40),
            280
        ));
        assert!(!surely_within(
            Counting::XWeighted,
            &"خيركم ".repeat(60),
            280
        ));
        // Every length in the official conformance corpus obeys the bound too (tests/conformance.rs).
    }
}

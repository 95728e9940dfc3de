//! X's own rules for a post's text (twitter-text v3), written from its
//! published conformance cases: the weighted length (a URL as 23, an emoji
//! or a CJK character as 2, Latin and Arabic as 1), and the URLs and
//! hashtags X finds. Every rule here costs time linear in the text.

mod chars;
mod emoji;
mod hashtags;
mod punycode;
mod tables;
mod urls;
mod validate;
mod weighted;

pub use validate::{
    is_valid_hashtag, is_valid_list, is_valid_post, is_valid_url, is_valid_username,
};
pub use weighted::{Config, Parsed, parse};

/// Something X finds in a text, and where: `start..end` in characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// The text found (a hashtag without its `#`).
    pub text: String,
    /// Where it begins, in characters.
    pub start: usize,
    /// Where it ends, in characters.
    pub end: usize,
}

/// The URLs X finds in `text`, with or without `https://`.
pub fn urls(text: &str) -> Vec<Entity> {
    urls::find(&text.chars().collect::<Vec<_>>())
}

/// The hashtags X finds in `text` (`#خيركم` included; `#123` and a URL's `#top` not).
pub fn hashtags(text: &str) -> Vec<Entity> {
    hashtags::find(&text.chars().collect::<Vec<_>>())
}

/// X's weighted length of `text` under its current rules.
pub fn weighted_length(text: &str) -> usize {
    parse(text, &Config::V3).weighted_length
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_domain_counts_as_a_link() {
        assert_eq!(weighted_length("khairukum.org.sa"), 23);
        assert_eq!(weighted_length("زوروا khairukum.org.sa"), 6 + 23);
        // X's rules end a path at the first Arabic letter: the rest counts as text.
        assert_eq!(weighted_length("https://khairukum.org.sa/ar/تبرع"), 23 + 4);
        let found = urls("زوروا khairukum.org.sa/donate اليوم");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "khairukum.org.sa/donate");
        assert_eq!((found[0].start, found[0].end), (6, 29));
    }

    /// A query ends on one of twitter-text's `validUrlQueryEndingChars`
    /// (`[a-z0-9\-_&=#/]`): the punctuation after it is the sentence's.
    /// (twitter-text 3 for JavaScript extracts the same six.)
    #[test]
    fn a_query_ends_on_a_letter_digit_or_one_of_six_marks() {
        for (text, url) in [
            ("see https://example.com/?a=1.", "https://example.com/?a=1"),
            ("see https://example.com/?a=1!", "https://example.com/?a=1"),
            (
                "see https://example.com/?q=a,b",
                "https://example.com/?q=a,b",
            ),
            (
                "see https://example.com/?q=a, then",
                "https://example.com/?q=a",
            ),
            ("see https://example.com/?q=a&", "https://example.com/?q=a&"),
            ("see https://example.com/?x=_-", "https://example.com/?x=_-"),
        ] {
            let found = urls(text);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(found[0].text, url, "{text}");
        }
    }

    /// A top-level domain may be Punycode: `xn--` and at least one letter,
    /// digit or hyphen after it. (twitter-text 3 for JavaScript extracts the
    /// same URLs and gives the same lengths.)
    #[test]
    fn a_punycode_top_level_domain_makes_a_link() {
        for (text, url, weight) in [
            (
                "see http://example.xn--p1ai now",
                Some("http://example.xn--p1ai"),
                31,
            ),
            ("visit example.xn--p1ai today", Some("example.xn--p1ai"), 35),
            (
                "http://example.XN--P1AI/path",
                Some("http://example.XN--P1AI/path"),
                23,
            ),
            ("a.b.xn--mgbaam7a8h", Some("a.b.xn--mgbaam7a8h"), 23),
            ("http://x.xn--a-b-c. end", Some("http://x.xn--a-b-c"), 28),
            ("http://foo.xn--p1ai-", Some("http://foo.xn--p1ai-"), 23),
            ("http://example.xn-- x", None, 21),
            ("test.xn--", None, 9),
        ] {
            let found: Vec<String> = urls(text).into_iter().map(|url| url.text).collect();
            assert_eq!(found, url.into_iter().collect::<Vec<_>>(), "{text}");
            assert_eq!(weighted_length(text), weight, "{text}");
        }
    }

    /// Parentheses in a path belong to the URL when they balance, one level
    /// of nesting inside, and are not empty. (twitter-text 3 for JavaScript
    /// extracts the same URLs and gives the same lengths.)
    #[test]
    fn balanced_parentheses_stay_in_a_path() {
        for (text, url, weight) in [
            (
                "see http://en.wikipedia.org/wiki/Foo_(bar) now",
                "http://en.wikipedia.org/wiki/Foo_(bar)",
                31,
            ),
            (
                "x http://example.com/path_(foo_(bar)) y",
                "http://example.com/path_(foo_(bar))",
                27,
            ),
            ("x http://example.com/foo() y", "http://example.com/foo", 29),
            (
                "x http://example.com/foo_(a)_b y",
                "http://example.com/foo_(a)_b",
                27,
            ),
            ("x http://example.com/(a) y", "http://example.com/(a)", 27),
            (
                "x http://example.com/a(b(c)d)e y",
                "http://example.com/a(b(c)d)e",
                27,
            ),
            (
                "x http://example.com/a((b)) y",
                "http://example.com/a((b))",
                27,
            ),
            (
                "x http://example.com/a(b)(c) y",
                "http://example.com/a(b)(c)",
                27,
            ),
            ("(http://example.com/a)", "http://example.com/a", 25),
            ("x http://example.com/a(b y", "http://example.com/a", 29),
            ("x http://example.com/a(b(c y", "http://example.com/a", 31),
            (
                "x http://example.com/a(b(c)) y",
                "http://example.com/a(b(c))",
                27,
            ),
            ("x http://example.com/a(b()) y", "http://example.com/a", 32),
            ("x http://example.com/a(()) y", "http://example.com/a", 31),
        ] {
            let found: Vec<String> = urls(text).into_iter().map(|url| url.text).collect();
            assert_eq!(found, [url], "{text}");
            assert_eq!(weighted_length(text), weight, "{text}");
        }
    }

    /// The limits on a URL: a t.co slug of at most 40 letters and digits
    /// (a query after it kept, a path cut), a host label of at most 63
    /// characters in its Punycode form, and at most 4,096 UTF-16 units with
    /// the host in Punycode and `https://` counted where no protocol is
    /// written. (twitter-text 3 for JavaScript extracts the same and gives the
    /// same lengths. At exactly the limit it also counts a written protocol
    /// twice, which twitter-text for Ruby and Java do not: that case is left
    /// out.)
    #[test]
    fn a_url_within_x_limits_is_one_and_beyond_them_is_not() {
        // The text, where its one URL begins and ends (if any), its weight.
        type Case = (String, Option<(usize, usize)>, usize);
        let a = |n: usize| "a".repeat(n);
        let cases: Vec<Case> = vec![
            (
                format!("see https://t.co/{} x", "A".repeat(40)),
                Some((4, 57)),
                29,
            ),
            (format!("see https://t.co/{} x", "A".repeat(41)), None, 60),
            (
                "see https://t.co/abc123?x=1&y=2 x".into(),
                Some((4, 31)),
                29,
            ),
            ("see https://t.co/abc123? x".into(), Some((4, 23)), 30),
            ("see https://t.co/abc123/more x".into(), Some((4, 23)), 34),
            (format!("see http://{}.com x", a(63)), Some((4, 78)), 29),
            (format!("see http://{}.com x", a(64)), None, 81),
            (
                format!("see http://{}.com x", "ü".repeat(20)),
                Some((4, 35)),
                29,
            ),
            (format!("see http://{}.com x", "ü".repeat(60)), None, 77),
            (
                format!("see http://{}üü.com x", "b".repeat(54)),
                Some((4, 71)),
                29,
            ),
            (format!("see http://{}üü.com x", "b".repeat(55)), None, 74),
            (
                format!("https://example.com/{}", a(4068)),
                Some((0, 4088)),
                23,
            ),
            (format!("example.com/{}", a(4076)), Some((0, 4088)), 23),
            (format!("example.com/{}", a(4077)), None, 4089),
            (format!("a.example.com/{}", a(4074)), Some((0, 4088)), 23),
            (format!("a.example.com/{}", a(4075)), None, 4089),
            (format!("https://üüü.com/{}", a(4064)), Some((0, 4080)), 23),
            (format!("https://üüü.com/{}", a(4065)), Some((0, 4081)), 23),
        ];
        for (text, span, weight) in cases {
            let found: Vec<(usize, usize)> = urls(&text).iter().map(|u| (u.start, u.end)).collect();
            let shown: String = text.chars().take(40).collect();
            assert_eq!(found, span.into_iter().collect::<Vec<_>>(), "{shown}…");
            assert_eq!(weighted_length(&text), weight, "{shown}…");
        }
    }

    #[test]
    fn arabic_weighs_one_and_emoji_two() {
        assert_eq!(weighted_length("خيركم"), 5);
        assert_eq!(weighted_length("👨‍👩‍👧‍👦"), 2);
        assert_eq!(weighted_length("🇸🇦"), 2);
        // A text-style presentation selector makes ☺ text: two characters.
        assert_eq!(weighted_length("\u{263A}\u{FE0E}"), 2 + 2);
        assert_eq!(weighted_length("\u{263A}\u{FE0F}"), 2);
        // Light characters with a presentation selector, as twitter-text 3
        // for JavaScript weighs them: the emoji style makes one emoji.
        for (text, weight) in [
            ("\u{A9}", 1),
            ("\u{A9}\u{FE0E}", 3),
            ("\u{A9}\u{FE0F}", 2),
            ("#\u{FE0E}", 3),
            ("\u{AE}\u{FE0E} x", 5),
            ("\u{A9}\u{A9}\u{FE0E}", 4),
            ("a\u{A9}\u{FE0E}\u{A9}", 5),
        ] {
            assert_eq!(weighted_length(text), weight, "{text:?}");
        }
    }

    #[test]
    fn arabic_hashtags_are_found_and_a_links_fragment_is_not() {
        let tags: Vec<String> =
            hashtags("تخريج #حفاظ_القرآن و #Khairukum https://khairukum.org.sa/#top")
                .into_iter()
                .map(|tag| tag.text)
                .collect();
        assert_eq!(tags, ["حفاظ_القرآن", "Khairukum"]);
        assert!(hashtags("رقم #12345").is_empty());
    }

    #[test]
    fn every_top_level_domain_is_lower_case_and_listed_once() {
        for list in [tables::GENERIC_TLDS, tables::COUNTRY_TLDS] {
            let mut seen = std::collections::HashSet::new();
            for name in list {
                assert_eq!(*name, name.to_lowercase(), "{name}");
                assert!(seen.insert(name), "{name} twice");
            }
        }
    }
}

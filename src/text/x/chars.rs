//! The character classes X's rules are written in (twitter-text's
//! `Regex.java`), one predicate each. ASCII letters match in either case.

use unicode_general_category::{GeneralCategory as Gc, get_general_category};

use super::tables::{EXTRA_HASHTAG_LETTERS, EXTRA_HASHTAG_NUMERALS};

fn in_ranges(c: char, ranges: &[(char, char)]) -> bool {
    ranges.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
}

/// Latin letters with accents, IPA letters and combining diacritics.
fn is_latin_accent(c: char) -> bool {
    matches!(c,
        '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{24F}'
        | '\u{253}' | '\u{254}' | '\u{256}' | '\u{257}' | '\u{259}' | '\u{25B}'
        | '\u{263}' | '\u{268}' | '\u{26F}' | '\u{272}' | '\u{289}' | '\u{28B}'
        | '\u{2BB}' | '\u{300}'..='\u{36F}' | '\u{1E00}'..='\u{1EFF}')
}

fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{4FF}').contains(&c)
}

/// U+FFFE, U+FEFF and U+FFFF: a text holding one is not a valid post.
pub(super) fn is_invalid(c: char) -> bool {
    matches!(c, '\u{FFFE}' | '\u{FEFF}' | '\u{FFFF}')
}

/// What may stand right before a URL: anything but a letter or digit, `@`,
/// `$`, `#` or an invalid character. (twitter-text also names the marks that
/// set the direction of text, LRM, RLM, ALM, embeddings and isolates, which
/// this already allows.)
pub(super) fn may_precede_url(c: char) -> bool {
    !(c.is_ascii_alphanumeric() || matches!(c, '@' | '＠' | '$' | '#' | '＃') || is_invalid(c))
}

/// A letter of a domain label: ASCII letters and digits, accented Latin.
pub(super) fn is_domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || is_latin_accent(c)
}

/// What may not follow a top-level domain (so `example.comx` is no URL).
pub(super) fn continues_tld(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '@' | '+' | '-')
}

/// A letter of a non-Latin domain label: anything but punctuation and spaces.
pub(super) fn is_unicode_domain_char(c: char) -> bool {
    !((c.is_ascii_punctuation() && c != '\\')
        || matches!(c, ' ' | '\t' | '\n' | '\u{B}' | '\u{C}' | '\r')
        || matches!(
            get_general_category(c),
            Gc::SpaceSeparator | Gc::LineSeparator | Gc::ParagraphSeparator
        )
        || ('\u{2000}'..='\u{206F}').contains(&c))
}

/// A character of a URL's path.
pub(super) fn is_path_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || "!*';:=+,.$/%#[]-\u{2013}_~|&@".contains(c)
        || is_latin_accent(c)
        || is_cyrillic(c)
}

/// A character a URL's path may end with (besides a closing parenthesis).
pub(super) fn may_end_path(c: char) -> bool {
    c.is_ascii_alphanumeric() || "=_#/-+".contains(c) || is_latin_accent(c) || is_cyrillic(c)
}

/// A character of a URL's query.
pub(super) fn is_query_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!?*'();:&=+$/%#[]-_.,~|@".contains(c)
}

/// A character a URL's query may end with.
pub(super) fn may_end_query(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-_&=#/".contains(c)
}

/// A letter or mark in a hashtag.
pub(super) fn is_hashtag_letter(c: char) -> bool {
    matches!(
        get_general_category(c),
        Gc::UppercaseLetter
            | Gc::LowercaseLetter
            | Gc::TitlecaseLetter
            | Gc::ModifierLetter
            | Gc::OtherLetter
            | Gc::NonspacingMark
            | Gc::SpacingMark
            | Gc::EnclosingMark
    ) || in_ranges(c, EXTRA_HASHTAG_LETTERS)
}

/// A letter, mark, digit or joining character in a hashtag.
pub(super) fn is_hashtag_char(c: char) -> bool {
    is_hashtag_letter(c)
        || get_general_category(c) == Gc::DecimalNumber
        || in_ranges(c, EXTRA_HASHTAG_NUMERALS)
        || matches!(
            c,
            '_' | '\u{200C}'
                | '\u{200D}'
                | '\u{A67E}'
                | '\u{05BE}'
                | '\u{05F3}'
                | '\u{05F4}'
                | '\u{FF5E}'
                | '\u{301C}'
                | '\u{309B}'
                | '\u{309C}'
                | '\u{30A0}'
                | '\u{30FB}'
                | '\u{3003}'
                | '\u{0F0B}'
                | '\u{0F0C}'
                | '\u{00B7}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_marks_may_precede_a_url() {
        for mark in [
            '\u{061C}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}',
        ] {
            assert!(may_precede_url(mark), "{:X}", u32::from(mark));
        }
        for not in ['a', 'Z', '7', '@', '＠', '$', '#', '＃', '\u{FEFF}'] {
            assert!(!may_precede_url(not), "{not}");
        }
    }

    /// Some letters twitter-text allows in hashtags have no letter category
    /// in Unicode (private-use characters): its own list decides for them.
    #[test]
    fn hashtag_letters_beyond_unicode_categories() {
        let private_use = '\u{F870}';
        assert_eq!(get_general_category(private_use), Gc::PrivateUse);
        assert!(is_hashtag_letter(private_use));
        assert!(is_hashtag_char(private_use));
        assert!(!is_hashtag_letter('\u{E000}'));
        let found: Vec<String> = super::super::hashtags("#\u{F870}\u{F871} #\u{E000}")
            .into_iter()
            .map(|tag| tag.text)
            .collect();
        assert_eq!(found, ["\u{F870}\u{F871}"]);
    }
}

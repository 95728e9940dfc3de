//! The bottom of the pipeline: text and time as the charity's staff read
//! them. Dates in both calendars, weeks, Arabic letters and alignment, the
//! message catalog in Arabic and English, and post lengths as platforms
//! count them (X's own rules in `x`). Nothing here knows the plan, the exports or the commands.

pub mod arabic;
pub mod bidi;
pub mod dates;
pub mod html;
pub mod i18n;
pub mod ics;
pub mod names;
pub mod post_text;
pub mod weeks;
pub mod x;

/// `text` as it may be printed to a terminal or written to a file: every
/// control character but tab and line feed (an escape, a bell, C1) as
/// U+FFFD, a carriage return before a line feed dropped. Borrowed when
/// there is none.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let control =
        |c: char| (c < ' ' && c != '\t' && c != '\n') || ('\u{7f}'..='\u{9f}').contains(&c);
    if !text.chars().any(control) {
        return text.into();
    }
    text.replace("\r\n", "\n")
        .chars()
        .map(|c| if control(c) { '\u{fffd}' } else { c })
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    #[test]
    fn control_characters_are_never_printed() {
        assert_eq!(
            super::printable("a\u{1b}[31mb\u{7}\u{9b}c"),
            "a\u{fffd}[31mb\u{fffd}\u{fffd}c"
        );
        assert_eq!(
            super::printable("line one\r\nline two\ttab"),
            "line one\nline two\ttab"
        );
        assert_eq!(super::printable("lone\rreturn"), "lone\u{fffd}return");
        assert!(matches!(
            super::printable("نص عربي\n"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}

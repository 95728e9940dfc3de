//! Arabic-aware text comparison: folding away the differences that staff do
//! not mean (diacritics, tatweel, alef/hamza forms, taa marbuta/haa, alef
//! maksura/yaa, Arabic-Indic digits, Latin case) before matching words.

/// True for letters of the Arabic script blocks.
pub(crate) fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Harakat, Quranic marks and the superscript alef: dropped when matching.
fn is_diacritic(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

/// Folds one character; `None` drops it.
fn fold_char(c: char) -> Option<char> {
    if is_diacritic(c) || c == '\u{0640}' {
        return None;
    }
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ة' => 'ه',
        'ى' | 'ئ' => 'ي',
        'ؤ' => 'و',
        '٠'..='٩' | '۰'..='۹' => western_digit(c).unwrap_or(c),
        c => c,
    })
}

/// Folds text for comparison: `fold("الجمعيّة")` equals `fold("الجمعيه")`.
pub(crate) fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().filter_map(fold_char) {
        push_lowercase(c, |l| folded.push(l));
    }
    folded
}

/// Lower-cases `c` into `push`: ASCII and the caseless Arabic block
/// directly (most of a post), anything else through Unicode's mapping.
fn push_lowercase(c: char, mut push: impl FnMut(char)) {
    if c.is_ascii() {
        push(c.to_ascii_lowercase());
    } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
        push(c);
    } else {
        c.to_lowercase().for_each(push);
    }
}

/// Text folded for matching, remembering where each folded character came from.
#[derive(Debug, Clone)]
pub struct Folded {
    chars: Vec<char>,
    /// Character index in the original text of each folded character.
    origin: Vec<u32>,
}

impl Folded {
    pub fn new(text: &str) -> Folded {
        // Arabic letters take two bytes: about one character per two bytes.
        let mut folded = Folded {
            chars: Vec::with_capacity(text.len() / 2 + 1),
            origin: Vec::with_capacity(text.len() / 2 + 1),
        };
        for (index, c) in text.chars().enumerate() {
            if let Some(f) = fold_char(c) {
                let index = u32::try_from(index).unwrap_or(u32::MAX);
                push_lowercase(f, |lower| {
                    folded.chars.push(lower);
                    folded.origin.push(index);
                });
            }
        }
        folded
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Character offset (in the original text) of the first whole-word match of `word`.
    pub fn find_word(&self, word: &Folded) -> Option<usize> {
        let needle = word.chars.as_slice();
        let first = *needle.first()?;
        let is_word = |c: char| c.is_alphanumeric() || c == '_';
        let hay = self.chars.as_slice();
        (0..hay.len().saturating_sub(needle.len() - 1)).find_map(|start| {
            if hay[start] != first || hay[start..start + needle.len()] != *needle {
                return None;
            }
            let end = start + needle.len();
            let before_ok = start == 0 || !is_word(hay[start - 1]);
            let after_ok = end == hay.len() || !is_word(hay[end]);
            (before_ok && after_ok).then_some(self.origin[start] as usize)
        })
    }
}

/// A terminal-table cell, right-aligned when it holds Arabic.
pub fn table_cell(text: impl Into<String>) -> comfy_table::Cell {
    let text = text.into();
    let arabic = text.chars().any(is_arabic_letter);
    let cell = comfy_table::Cell::new(text);
    if arabic {
        cell.set_alignment(comfy_table::CellAlignment::Right)
    } else {
        cell
    }
}

/// `text` with its Arabic-Indic and Persian digits written as Western ones
/// (`٢٠٢٦-١١-٢٠` → `2026-11-20`), borrowed when it has none.
pub fn western_digits(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(|c| western_digit(c).is_some()) {
        text.chars()
            .map(|c| western_digit(c).unwrap_or(c))
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

/// The Western digit of an Arabic-Indic (`٠`–`٩`) or Persian (`۰`–`۹`) digit.
pub(crate) fn western_digit(c: char) -> Option<char> {
    let zero = match c {
        '٠'..='٩' => '٠',
        '۰'..='۹' => '۰',
        _ => return None,
    };
    char::from_digit(u32::from(c) - u32::from(zero), 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Finds `needle` in `haystack` as a whole word after folding both.
    fn find_word(haystack: &str, needle: &str) -> Option<usize> {
        Folded::new(haystack).find_word(&Folded::new(needle))
    }

    #[test]
    fn folds_the_forms_staff_do_not_mean() {
        assert_eq!(fold("أحمد"), fold("احمد"));
        assert_eq!(fold("إبراهيم"), fold("ابراهيم"));
        assert_eq!(fold("فاطمة"), fold("فاطمه"));
        assert_eq!(fold("مُحَمَّد"), fold("محمد"));
        assert_eq!(fold("خيـــركم"), fold("خيركم"));
        assert_eq!(fold("مصطفى"), fold("مصطفي"));
        assert_eq!(fold("٢٠٢٦"), "2026");
        assert_eq!(western_digits("٢٠٢٦-١١-٢٠T١٩:٠٠"), "2026-11-20T19:00");
        assert_eq!(western_digits("۱۴۰۵"), "1405");
        assert!(matches!(
            western_digits("2026"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(fold("Sara"), "sara");
        assert_ne!(fold("سارة"), fold("سارا"));
    }

    #[test]
    fn finds_whole_words_only() {
        assert_eq!(find_word("تبرع الآن عاجل", "عاجل"), Some(10));
        assert_eq!(find_word("تبرّع الان", "الآن"), Some(6));
        assert_eq!(find_word("عاجلاً", "عاجل"), None);
        assert_eq!(find_word("Buy NOW", "now"), Some(4));
        assert_eq!(find_word("nowhere", "now"), None);
    }

    #[test]
    fn recognises_arabic_letters() {
        assert!(is_arabic_letter('خ'));
        assert!(!is_arabic_letter('x'));
        assert!(!is_arabic_letter('٣'));
    }
}

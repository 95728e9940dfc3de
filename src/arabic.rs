//! Arabic-aware text comparison: folding away the differences that staff do
//! not mean (diacritics, tatweel, alef/hamza forms, taa marbuta/haa, alef
//! maksura/yaa, Arabic-Indic digits, Latin case) before matching words.

/// True for letters of the Arabic script blocks.
pub fn is_arabic_letter(c: char) -> bool {
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
        'ى' => 'ي',
        'ؤ' => 'و',
        'ئ' => 'ي',
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        c => c,
    })
}

/// Folds text for comparison: `fold("الجمعيّة")` equals `fold("الجمعيه")`.
pub fn fold(text: &str) -> String {
    text.chars()
        .filter_map(fold_char)
        .flat_map(char::to_lowercase)
        .collect()
}

/// Finds `needle` in `haystack` as a whole word after folding both.
/// Returns the character offset of the match in the original haystack.
pub fn find_word(haystack: &str, needle: &str) -> Option<usize> {
    let needle = fold(needle);
    if needle.is_empty() {
        return None;
    }
    // Fold the haystack while remembering where each folded char came from.
    let mut folded = Vec::new();
    for (index, c) in haystack.chars().enumerate() {
        if let Some(f) = fold_char(c) {
            for lower in f.to_lowercase() {
                folded.push((lower, index));
            }
        }
    }
    let needle: Vec<char> = needle.chars().collect();
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    (0..folded.len()).find_map(|start| {
        let end = start + needle.len();
        if end > folded.len()
            || folded[start..end]
                .iter()
                .map(|(c, _)| *c)
                .ne(needle.iter().copied())
        {
            return None;
        }
        let before_ok = start == 0 || !is_word(folded[start - 1].0);
        let after_ok = end == folded.len() || !is_word(folded[end].0);
        (before_ok && after_ok).then_some(folded[start].1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_the_forms_staff_do_not_mean() {
        assert_eq!(fold("أحمد"), fold("احمد"));
        assert_eq!(fold("إبراهيم"), fold("ابراهيم"));
        assert_eq!(fold("فاطمة"), fold("فاطمه"));
        assert_eq!(fold("مُحَمَّد"), fold("محمد"));
        assert_eq!(fold("خيـــركم"), fold("خيركم"));
        assert_eq!(fold("مصطفى"), fold("مصطفي"));
        assert_eq!(fold("٢٠٢٦"), "2026");
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

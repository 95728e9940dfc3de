//! Emoji sequences (flags, skin tones, families joined by ZWJ) as X
//! recognises them: each weighs as one character, however many code
//! points it has. The pattern is X's own, tried by a finite automaton, so
//! the cost stays linear in the text.

use regex::Regex;
use std::sync::LazyLock;

use super::Entity;
use super::tables::{EMOJI_PATTERN, TEXT_STYLE_BASES};

static EMOJI: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(EMOJI_PATTERN).expect("X's emoji pattern is a valid regular expression")
});

/// The emoji sequences in `text` (whose characters are `chars`), with positions in characters.
pub(super) fn find(text: &str, chars: &[char]) -> Vec<Entity> {
    let mut found = Vec::new();
    let mut byte = 0;
    let mut index = 0;
    for m in EMOJI.find_iter(text) {
        // Byte offsets to character positions, walking forward once.
        while byte < m.start() {
            byte += chars[index].len_utf8();
            index += 1;
        }
        let start = index;
        while byte < m.end() {
            byte += chars[index].len_utf8();
            index += 1;
        }
        // Some emoji are text when U+FE0E (text style) follows them alone.
        let alone = index == start + 1;
        if alone
            && chars.get(index) == Some(&'\u{FE0E}')
            && TEXT_STYLE_BASES
                .iter()
                .any(|&(lo, hi)| (lo..=hi).contains(&chars[start]))
        {
            continue;
        }
        found.push(Entity {
            text: m.as_str().to_owned(),
            start,
            end: index,
        });
    }
    found
}

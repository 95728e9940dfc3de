//! The hashtags X finds in a text (twitter-text's `extractHashtags`): `#`
//! or `＃` after a space, punctuation or emoji, then letters, marks, digits
//! and joiners with at least one letter, and not part of a URL.

use super::chars::{is_hashtag_char, is_hashtag_letter};
use super::{Entity, urls};

fn is_hash(c: char) -> bool {
    c == '#' || c == '＃'
}

/// A hashtag whose `#` is at `hash`: where its text ends.
fn tag_at(chars: &[char], hash: usize) -> Option<usize> {
    if !chars.get(hash).copied().is_some_and(is_hash) {
        return None;
    }
    let start = hash + 1;
    if matches!(chars.get(start), Some('\u{FE0F}' | '\u{20E3}')) {
        return None;
    }
    let end = (start..chars.len())
        .find(|&k| !is_hashtag_char(chars[k]))
        .unwrap_or(chars.len());
    chars[start..end]
        .iter()
        .any(|&c| is_hashtag_letter(c))
        .then_some(end)
}

/// What may stand right before a hashtag's `#`.
fn may_precede(c: char) -> bool {
    matches!(c, '\u{FE0E}' | '\u{FE0F}') || !(c == '&' || is_hashtag_char(c))
}

/// The hashtags X finds in `chars` (the `#` and the text after it), a URL's own `#…` left out.
pub(super) fn find(chars: &[char]) -> Vec<Entity> {
    if !chars.iter().any(|&c| is_hash(c)) {
        return Vec::new();
    }
    let mut tags = Vec::new();
    let mut p = 0;
    while p < chars.len() {
        let found = (if p == 0 {
            tag_at(chars, 0).map(|end| (0, end))
        } else {
            None
        })
        .or_else(|| {
            may_precede(chars[p])
                .then(|| tag_at(chars, p + 1).map(|end| (p + 1, end)))
                .flatten()
        });
        let Some((hash, end)) = found else {
            p += 1;
            continue;
        };
        p = end;
        let after = &chars[end..];
        if after.first().copied().is_some_and(is_hash) || after.starts_with(&[':', '/', '/']) {
            continue;
        }
        tags.push(Entity {
            text: chars[hash + 1..end].iter().collect(),
            start: hash,
            end,
        });
    }
    if tags.is_empty() {
        return tags;
    }
    let links = urls::find(chars);
    if links.is_empty() {
        return tags;
    }
    // In order of where they begin (a hashtag before a URL at the same
    // place), an entity that overlaps the one kept before it is dropped.
    let mut all: Vec<(Entity, bool)> = tags
        .into_iter()
        .map(|tag| (tag, true))
        .chain(links.into_iter().map(|url| (url, false)))
        .collect();
    all.sort_by_key(|(entity, _)| entity.start);
    let mut kept_end = 0;
    let mut kept: Vec<Entity> = Vec::new();
    for (entity, is_tag) in all {
        if kept_end > entity.start {
            continue;
        }
        kept_end = entity.end;
        if is_tag {
            kept.push(entity);
        }
    }
    kept
}

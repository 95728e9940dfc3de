//! The URLs X finds in a text (twitter-text's `extractURLsWithIndices`),
//! with or without `https://`: ended where X ends them, a t.co link cut
//! after its slug, a host too long for the web left out. Written as a
//! scanner rather than a regular expression so that every position is
//! looked at a bounded number of times: the cost is linear in the text.

use unicode_normalization::UnicodeNormalization;

use super::chars::{
    continues_tld, is_domain_char, is_path_char, is_query_char, is_unicode_domain_char,
    may_end_path, may_end_query, may_precede_url,
};
use super::tables::{COUNTRY_TLDS, GENERIC_TLDS};
use super::{Entity, punycode};
use std::collections::HashSet;
use std::sync::LazyLock;

/// The longest URL X links, `https://` counted when it was left out.
const MAX_URL_LENGTH: usize = 4096;
/// The longest slug of a t.co link.
const MAX_TCO_SLUG_LENGTH: usize = 40;
/// The longest label of a host, in its ASCII form.
const MAX_LABEL_LENGTH: usize = 63;

/// One list of top-level domains, looked up by its text.
struct Tlds {
    names: HashSet<&'static str>,
    /// The lengths (in characters) of the names that are not all ASCII, longest first.
    other_lengths: Vec<usize>,
    /// The length of the longest name, in characters.
    longest: usize,
}

impl Tlds {
    /// Whether the characters `start..end` may be a name of the list: a
    /// bound that spares building and looking up names that cannot be (a
    /// name it lets through is still looked up).
    fn may_hold(&self, start: usize, end: usize) -> bool {
        end > start && end - start <= self.longest
    }

    fn new(list: &'static [&'static str]) -> Self {
        let mut other_lengths: Vec<usize> = list
            .iter()
            .filter(|name| !name.is_ascii())
            .map(|name| name.chars().count())
            .collect();
        other_lengths.sort_unstable_by(|a, b| b.cmp(a));
        other_lengths.dedup();
        Self {
            names: list.iter().copied().collect(),
            other_lengths,
            longest: list
                .iter()
                .map(|name| name.chars().count())
                .max()
                .unwrap_or(0),
        }
    }
}

static GENERIC: LazyLock<Tlds> = LazyLock::new(|| Tlds::new(GENERIC_TLDS));
static COUNTRY: LazyLock<Tlds> = LazyLock::new(|| Tlds::new(COUNTRY_TLDS));

/// A URL found by the scanner, before X's last checks.
struct Found {
    /// Where the character before the URL is (none at the start of the text).
    before: Option<usize>,
    start: usize,
    has_protocol: bool,
    host: (usize, usize),
    end: usize,
}

/// Where nothing is known yet about a label chain.
const UNKNOWN: usize = usize::MAX;
/// Where a label chain holds no domain.
const NO_DOMAIN: usize = usize::MAX - 1;

struct Scanner<'a> {
    chars: &'a [char],
    /// Where the run of label characters (domain letters, `-`, `_`) starting at each position ends.
    run_end: Vec<usize>,
    /// The first `_` at or after each position.
    next_underscore: Vec<usize>,
    /// Where the run of ASCII letters, digits and `-` starting at each position ends.
    ascii_end: Vec<usize>,
    /// For a position, where the domain of the longest chain of labels from there ends.
    chain_domain: Vec<usize>,
}

impl<'a> Scanner<'a> {
    fn new(chars: &'a [char]) -> Self {
        let n = chars.len();
        let mut run_end = vec![n; n + 1];
        let mut next_underscore = vec![n; n + 1];
        let mut ascii_end = vec![n; n + 1];
        for i in (0..n).rev() {
            let c = chars[i];
            run_end[i] = if is_domain_char(c) || c == '-' || c == '_' {
                run_end[i + 1]
            } else {
                i
            };
            next_underscore[i] = if c == '_' { i } else { next_underscore[i + 1] };
            ascii_end[i] = if c.is_ascii_alphanumeric() || c == '-' {
                ascii_end[i + 1]
            } else {
                i
            };
        }
        Self {
            chars,
            run_end,
            next_underscore,
            ascii_end,
            chain_domain: vec![UNKNOWN; n + 1],
        }
    }

    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    /// A domain label starting at `i` and ended by a dot: where the dot is.
    fn label(&self, i: usize, underscores: bool) -> Option<usize> {
        if !self.at(i).is_some_and(is_domain_char) {
            return None;
        }
        let mut end = self.run_end[i];
        if !underscores {
            end = end.min(self.next_underscore[i]);
        }
        (self.at(end) == Some('.') && is_domain_char(self.chars[end - 1])).then_some(end)
    }

    /// A top-level domain of `list` at `i`, the longest that fits, and that
    /// `then` accepts what follows it: where it ends.
    fn tld(&self, i: usize, list: &Tlds, then: impl Fn(Option<char>) -> bool) -> Option<usize> {
        self.at(i)?;
        let fits = |end: usize| !self.at(end).is_some_and(continues_tld) && then(self.at(end));
        // An ASCII name can only end where the ASCII letters and digits do.
        let ascii_end = self.ascii_end[i];
        let ascii = if list.may_hold(i, ascii_end) {
            let name: String = self.chars[i..ascii_end]
                .iter()
                .map(char::to_ascii_lowercase)
                .collect();
            (list.names.contains(name.as_str()) && fits(ascii_end)).then_some(ascii_end)
        } else {
            None
        };
        let other = list
            .other_lengths
            .iter()
            .map(|len| i + len)
            .filter(|&end| end <= self.chars.len())
            .find(|&end| {
                let name: String = self.chars[i..end].iter().collect();
                list.names.contains(name.as_str()) && fits(end)
            });
        ascii.max(other)
    }

    /// Any top-level domain at `i`: generic, then country, then Punycode.
    fn any_tld(&self, i: usize) -> Option<usize> {
        self.tld(i, &GENERIC, |_| true)
            .or_else(|| self.tld(i, &COUNTRY, |_| true))
            .or_else(|| self.punycode(i))
    }

    /// Whether `word` (lower-case ASCII) stands at `i`, in either case.
    fn has_at(&self, i: usize, word: &str) -> bool {
        self.chars.get(i..i + word.len()).is_some_and(|head| {
            head.iter()
                .zip(word.chars())
                .all(|(c, w)| c.to_ascii_lowercase() == w)
        })
    }

    /// `xn--` and its letters, digits and hyphens.
    fn punycode(&self, i: usize) -> Option<usize> {
        if !self.has_at(i, "xn--") {
            return None;
        }
        let end = self.ascii_end[i + 4];
        (end > i + 4).then_some(end)
    }

    /// Subdomains, a domain and a top-level domain from `start`, the last
    /// domain of the chain of labels that has one (X's first choice).
    fn chained_domain(&mut self, start: usize) -> Option<usize> {
        let mut chain = Vec::new();
        let mut i = start;
        let mut after = loop {
            if self.chain_domain[i] != UNKNOWN {
                break self.chain_domain[i];
            }
            if let Some(dot) = self.label(i, true) {
                chain.push(i);
                i = dot + 1;
            } else {
                self.chain_domain[i] = NO_DOMAIN;
                break NO_DOMAIN;
            }
        };
        for &label in chain.iter().rev() {
            if after == NO_DOMAIN {
                after = self
                    .label(label, false)
                    .and_then(|dot| self.any_tld(dot + 1))
                    .unwrap_or(NO_DOMAIN);
            }
            self.chain_domain[label] = after;
        }
        (self.chain_domain[start] != NO_DOMAIN).then_some(self.chain_domain[start])
    }

    /// Whether `http://` or `https://` ends at `i`.
    fn after_protocol(&self, i: usize) -> bool {
        ["http://", "https://"]
            .iter()
            .any(|p| i >= p.len() && self.has_at(i - p.len(), p))
    }

    /// The protocol at `i`, if any: its length.
    fn protocol(&self, i: usize) -> Option<usize> {
        ["https://", "http://"]
            .iter()
            .find(|p| self.has_at(i, p))
            .map(|p| p.len())
    }

    /// A host at `i`: where it ends.
    fn domain(&mut self, i: usize) -> Option<usize> {
        if let Some(end) = self.chained_domain(i) {
            return Some(end);
        }
        // After a protocol, a non-Latin label and a domain. (A Latin label
        // and any domain, `t.co/…` among them, is a chain of one label.)
        if !self.after_protocol(i) {
            return None;
        }
        self.unicode_label(i).and_then(|dot| {
            self.tld(dot + 1, &GENERIC, |_| true)
                .or_else(|| self.tld(dot + 1, &COUNTRY, |_| true))
        })
    }

    /// A label of any script starting at `i` and ended by a dot: where the dot is.
    fn unicode_label(&self, i: usize) -> Option<usize> {
        if !self.at(i).is_some_and(is_unicode_domain_char) {
            return None;
        }
        let end = (i..self.chars.len())
            .find(|&k| !(is_unicode_domain_char(self.chars[k]) || self.chars[k] == '-'))
            .unwrap_or(self.chars.len());
        (self.at(end) == Some('.') && is_unicode_domain_char(self.chars[end - 1])).then_some(end)
    }

    /// A parenthesised part of a path at `i` (one level of nesting inside).
    fn balanced(&self, i: usize) -> Option<usize> {
        let skip = |from: usize| {
            (from..self.chars.len())
                .find(|&k| !is_path_char(self.chars[k]))
                .unwrap_or(self.chars.len())
        };
        let j = skip(i + 1);
        match self.at(j) {
            Some(')') if j > i + 1 => Some(j + 1),
            Some('(') => {
                let k = skip(j + 1);
                if k == j + 1 || self.at(k) != Some(')') {
                    return None;
                }
                let m = skip(k + 1);
                (self.at(m) == Some(')')).then_some(m + 1)
            }
            _ => None,
        }
    }

    /// The port, path and query after a host ending at `i`: where the URL ends.
    fn rest(&self, mut i: usize) -> usize {
        if self.at(i) == Some(':') && self.at(i + 1).is_some_and(|c| c.is_ascii_digit()) {
            i += 1;
            while self.at(i).is_some_and(|c| c.is_ascii_digit()) {
                i += 1;
            }
        }
        // The slash is the path's first character, and one it may end with.
        if self.at(i) == Some('/') {
            let mut end = i;
            while let Some(c) = self.at(i) {
                if is_path_char(c) {
                    i += 1;
                    if may_end_path(c) {
                        end = i;
                    }
                } else if c == '(' {
                    match self.balanced(i) {
                        Some(after) => {
                            i = after;
                            end = after;
                        }
                        None => break,
                    }
                } else {
                    break;
                }
            }
            i = end;
        }
        if self.at(i) == Some('?')
            // From the `?`, a character of a query but not one it ends with.
            && let Some(end) = self.query_end(i, self.chars.len())
        {
            i = end;
        }
        i
    }

    /// The end of a query starting at `i` and no further than `limit`.
    fn query_end(&self, i: usize, limit: usize) -> Option<usize> {
        let mut end = None;
        let mut k = i;
        while k < limit && is_query_char(self.chars[k]) {
            if may_end_query(self.chars[k]) {
                end = Some(k + 1);
            }
            k += 1;
        }
        end
    }

    /// A URL starting exactly at `start`.
    fn url_at(&mut self, start: usize, before: Option<usize>) -> Option<Found> {
        if let Some(len) = self.protocol(start)
            && let Some(host_end) = self.domain(start + len)
        {
            return Some(Found {
                before,
                start,
                has_protocol: true,
                host: (start + len, host_end),
                end: self.rest(host_end),
            });
        }
        let host_end = self.domain(start)?;
        Some(Found {
            before,
            start,
            has_protocol: false,
            host: (start, host_end),
            end: self.rest(host_end),
        })
    }

    /// The next URL the scan finds at or after `from`.
    fn next(&mut self, from: usize) -> Option<Found> {
        for p in from..self.chars.len() {
            if may_precede_url(self.chars[p])
                && let Some(found) = self.url_at(p + 1, Some(p))
            {
                return Some(found);
            }
            if p == 0
                && let Some(found) = self.url_at(0, None)
            {
                return Some(found);
            }
        }
        None
    }

    /// A t.co link is cut after its slug and query; `None` when its slug is too long.
    fn cut_tco(&self, found: &Found) -> Option<usize> {
        let host: String = self.chars[found.host.0..found.host.1].iter().collect();
        if !found.has_protocol
            || !host.eq_ignore_ascii_case("t.co")
            || self.at(found.host.1) != Some('/')
        {
            return Some(found.end);
        }
        let slug_start = found.host.1 + 1;
        let slug_end = (slug_start..found.end)
            .find(|&k| !self.chars[k].is_ascii_alphanumeric())
            .unwrap_or(found.end);
        if slug_end == slug_start {
            return Some(found.end);
        }
        if slug_end - slug_start > MAX_TCO_SLUG_LENGTH {
            return None;
        }
        // A query after the slug, read from its `?` (a query character it may
        // not end with) and no further than the URL.
        if self.at(slug_end) == Some('?')
            && let Some(end) = self.query_end(slug_end, found.end)
        {
            return Some(end);
        }
        Some(slug_end)
    }
}

/// The length of a host in its ASCII (Punycode) form, or `None` when a
/// label of it is too long to be one. The scanner's hosts are never empty
/// (a label and a top-level domain at least).
fn ascii_host_length(host: &str) -> Option<usize> {
    let mut total = 0;
    for (k, label) in host.split(['.', '。', '．', '｡']).enumerate() {
        let mapped: String = label.to_lowercase().nfkc().collect();
        let length = if mapped.is_ascii() {
            mapped.len()
        } else if mapped.starts_with("xn--") {
            // Already marked as Punycode, yet not ASCII: no host.
            return None;
        } else {
            4 + punycode::encode(&mapped)?.len()
        };
        if length > MAX_LABEL_LENGTH {
            return None;
        }
        total += length + usize::from(k > 0);
    }
    Some(total)
}

fn utf16_len(chars: &[char]) -> usize {
    chars.iter().map(|c| c.len_utf16()).sum()
}

/// The URLs X finds in `chars`, with the positions (in characters) where each begins and ends.
pub(super) fn find(chars: &[char]) -> Vec<Entity> {
    if !chars.contains(&'.') {
        return Vec::new();
    }
    let mut scanner = Scanner::new(chars);
    let mut urls = Vec::new();
    let mut from = 0;
    while let Some(found) = scanner.next(from) {
        from = found.end;
        let before = found.before.map(|p| chars[p]);
        if !found.has_protocol && before.is_some_and(|c| matches!(c, '-' | '_' | '.' | '/')) {
            continue;
        }
        let Some(end) = scanner.cut_tco(&found) else {
            continue;
        };
        let host = &chars[found.host.0..found.host.1];
        let Some(ascii_host) = ascii_host_length(&host.iter().collect::<String>()) else {
            continue;
        };
        let length = utf16_len(&chars[found.start..end]) + ascii_host - utf16_len(host)
            + if found.has_protocol {
                0
            } else {
                "https://".len()
            };
        if length <= MAX_URL_LENGTH {
            urls.push(Entity {
                text: chars[found.start..end].iter().collect(),
                start: found.start,
                end,
            });
        }
    }
    urls
}

//! Whether a whole text is one username, list, hashtag or URL as X
//! accepts it (twitter-text's validator, URLs after RFC 3986).

use regex::Regex;
use std::sync::LazyLock;

use super::{hashtags, weighted};

/// Whether X accepts `text` as a post under `config`.
pub fn is_valid_post(text: &str, config: &weighted::Config) -> bool {
    weighted::parse(text, config).valid
}

fn is_username_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// `@` and a username of 1 to 20 letters, digits and `_`.
pub fn is_valid_username(text: &str) -> bool {
    let Some(name) = text.strip_prefix(['@', '＠']) else {
        return false;
    };
    (1..=20).contains(&name.len()) && name.chars().all(is_username_char)
}

/// `@username/list`: a list name begins with a letter and has at most 25 characters.
pub fn is_valid_list(text: &str) -> bool {
    let Some((owner, list)) = text.trim_start_matches(['@', '＠']).split_once('/') else {
        return false;
    };
    text.starts_with(['@', '＠'])
        && (1..=20).contains(&owner.len())
        && owner.chars().all(is_username_char)
        && list.starts_with(|c: char| c.is_ascii_alphabetic())
        && list.len() <= 25
        && list.chars().all(|c| is_username_char(c) || c == '-')
}

/// `#` and exactly one hashtag.
pub fn is_valid_hashtag(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let found = hashtags::find(&chars);
    found.len() == 1 && text.chars().skip(1).eq(found[0].text.chars())
}

fn anchored(pattern: &str) -> Regex {
    Regex::new(&format!("^(?:{pattern})$")).expect("the URL grammar is a valid regular expression")
}

const PCHAR: &str = r"[A-Za-z\x{400}-\x{4FF}0-9\-._~!$&'()*+,;=:|@]|%[0-9A-Fa-f]{2}";
const NON_ASCII: &str = r"[^\x00-\x7F]";

static PARTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:([^:/?#]+)://)?([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#(.*))?$")
        .expect("the URL grammar is a valid regular expression")
});
static SCHEME: LazyLock<Regex> = LazyLock::new(|| anchored("[A-Za-z][A-Za-z0-9+\\-.]*"));
static PATH: LazyLock<Regex> = LazyLock::new(|| anchored(&format!("(?:/(?:{PCHAR})*)*")));
static QUERY: LazyLock<Regex> = LazyLock::new(|| anchored(&format!("(?:{PCHAR}|/|\\?)*")));
static AUTHORITY: LazyLock<Regex> = LazyLock::new(|| {
    let userinfo = r"(?:[A-Za-z\x{400}-\x{4FF}0-9\-._~!$&'()*+,;=:]|%[0-9A-Fa-f]{2})*";
    let octet = "(?:[0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])";
    let ip = format!(r"{octet}(?:\.{octet}){{3}}|\[[A-Fa-f0-9:.]+\]");
    let letter = format!("(?:[A-Za-z0-9]|{NON_ASCII})");
    let sub = format!("{letter}(?:(?:[A-Za-z0-9_-]|{NON_ASCII})*{letter})?");
    let segment = format!("{letter}(?:(?:[A-Za-z0-9-]|{NON_ASCII})*{letter})?");
    let tld = format!("(?:[A-Za-z]|{NON_ASCII})(?:(?:[A-Za-z0-9-]|{NON_ASCII})*{letter})?");
    let domain = format!(r"(?:{sub}\.)*{segment}\.{tld}");
    anchored(&format!(
        "(?:{userinfo}@)?(?:{ip}|{domain})(?::[0-9]{{1,5}})?"
    ))
});

/// Whether `text` is a whole web link X accepts: `http` or `https` (unless
/// `require_protocol` is false), a host of any script, an IP address.
pub fn is_valid_url(text: &str, require_protocol: bool) -> bool {
    let Some(parts) = PARTS.captures(text) else {
        return false;
    };
    let part = |k: usize| parts.get(k).map(|m| m.as_str());
    let scheme_ok = match part(1) {
        Some(scheme) => {
            !require_protocol
                || (SCHEME.is_match(scheme)
                    && (scheme.eq_ignore_ascii_case("http")
                        || scheme.eq_ignore_ascii_case("https")))
        }
        None => !require_protocol,
    };
    scheme_ok
        && part(2).is_some_and(|a| AUTHORITY.is_match(a))
        && part(3).is_none_or(|p| PATH.is_match(p))
        && part(4).is_none_or(|q| QUERY.is_match(q))
        && part(5).is_none_or(|f| QUERY.is_match(f))
}

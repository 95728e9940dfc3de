//! Whose account a row is: each platform names a post's account in its own
//! way (a username column, the handle in a link, a page id), and the plan
//! declares its own on each platform (`handle:`, `account_id:`).

use crate::plan::model::platforms::PlatformKind;

/// An account name as plans and exports write it, compared without `@` or case.
pub fn handle(text: &str) -> String {
    text.trim().trim_start_matches('@').to_lowercase()
}

/// Who a post says it belongs to: a handle and/or the platform's numeric
/// id for the account, where its export says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Identity {
    pub handle: Option<String>,
    pub id: Option<String>,
}

/// The first path segment of a link on one of `hosts`.
fn first_segment<'a>(url: &'a str, hosts: &[&str]) -> Option<&'a str> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let mut parts = rest.split('/');
    let host = parts.next()?.to_lowercase();
    let first = parts
        .next()?
        .split(['?', '#'])
        .next()
        .filter(|s| !s.is_empty())?;
    hosts
        .iter()
        .any(|h| host == *h || host.ends_with(&format!(".{h}")))
        .then_some(first)
}

/// The identity a post's cells give: Instagram's username and account id;
/// a Facebook permalink's page (a name, or a number that is the page id)
/// and the Page ID column; the handle in an X or TikTok link.
pub fn identity(
    platform: PlatformKind,
    url: Option<&str>,
    account: Option<&str>,
    account_id: Option<&str>,
) -> Identity {
    let id = account_id
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .map(str::to_string);
    match platform {
        PlatformKind::Instagram => Identity {
            handle: account.map(handle).filter(|h| !h.is_empty()),
            id,
        },
        PlatformKind::Facebook => {
            let page = url.and_then(|u| first_segment(u, &["facebook.com", "fb.com"]));
            let numeric = page.filter(|p| p.bytes().all(|b| b.is_ascii_digit()));
            let named = page
                .filter(|p| {
                    numeric.is_none()
                        && !matches!(
                            *p,
                            "permalink.php"
                                | "story.php"
                                | "photo.php"
                                | "watch"
                                | "reel"
                                | "groups"
                        )
                })
                .map(handle);
            Identity {
                handle: named,
                id: id.or_else(|| numeric.map(str::to_string)),
            }
        }
        PlatformKind::X | PlatformKind::Tiktok => Identity {
            handle: url
                .and_then(|u| first_segment(u, &["x.com", "twitter.com", "tiktok.com"]))
                .map(handle),
            id,
        },
        _ => Identity::default(),
    }
}

/// An account the plan declares on a platform (`handle:` and `account_id:`
/// in platforms.yaml), to tell its posts from another account's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub platform: PlatformKind,
    /// As [`handle`] writes it; empty when the plan gives none.
    pub handle: String,
    pub id: Option<String>,
}

impl Account {
    /// Whether a post with this identity is the account's: `None` when
    /// nothing can be compared, `Some(false)` when a handle or id differs.
    pub fn owns(&self, who: &Identity) -> Option<bool> {
        let by_handle = who
            .handle
            .as_ref()
            .filter(|_| !self.handle.is_empty())
            .map(|h| *h == self.handle);
        let by_id = who.id.as_ref().zip(self.id.as_ref()).map(|(a, b)| a == b);
        match (by_handle, by_id) {
            (Some(false), _) | (_, Some(false)) => Some(false),
            (None, None) => None,
            _ => Some(true),
        }
    }
}

/// The accounts a plan declares, one per platform kind it uses.
pub fn accounts_of(plan: &crate::plan::model::Plan) -> Vec<Account> {
    plan.platforms
        .iter()
        .flat_map(|p| &p.data.platforms)
        .filter_map(|p| {
            Some(Account {
                platform: *p.kind.get()?,
                handle: handle(&p.handle.value),
                id: p.account_id.as_deref().map(str::trim).map(str::to_string),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_post_names_its_account_in_the_way_of_its_platform() {
        let x = identity(
            PlatformKind::X,
            Some("https://x.com/Khairukum/status/1"),
            None,
            None,
        );
        assert_eq!(x.handle.as_deref(), Some("khairukum"));
        let fb = identity(
            PlatformKind::Facebook,
            Some("https://www.facebook.com/khairukum/posts/149787986761425"),
            Some("جمعية خيركم"),
            Some("100066300057039"),
        );
        assert_eq!(fb.handle.as_deref(), Some("khairukum"));
        assert_eq!(fb.id.as_deref(), Some("100066300057039"));
        let fb = identity(
            PlatformKind::Facebook,
            Some("https://www.facebook.com/100066300057039/posts/1"),
            None,
            None,
        );
        assert_eq!(
            (fb.handle, fb.id.as_deref()),
            (None, Some("100066300057039"))
        );
        let fb = identity(
            PlatformKind::Facebook,
            Some("https://www.facebook.com/permalink.php?story_fbid=1"),
            None,
            None,
        );
        assert_eq!(fb, Identity::default());
        let ig = identity(
            PlatformKind::Instagram,
            Some("https://www.instagram.com/p/X/"),
            Some("@KhairuKum"),
            None,
        );
        assert_eq!(ig.handle.as_deref(), Some("khairukum"));
        assert_eq!(
            identity(
                PlatformKind::Youtube,
                Some("https://youtu.be/x"),
                None,
                None
            ),
            Identity::default()
        );
    }

    #[test]
    fn an_account_owns_what_matches_and_not_what_differs() {
        let ours = Account {
            platform: PlatformKind::Facebook,
            handle: "khairukum".into(),
            id: Some("100066300057039".into()),
        };
        let who = |h: Option<&str>, i: Option<&str>| Identity {
            handle: h.map(str::to_string),
            id: i.map(str::to_string),
        };
        assert_eq!(ours.owns(&who(Some("khairukum"), None)), Some(true));
        assert_eq!(ours.owns(&who(None, Some("100066300057039"))), Some(true));
        assert_eq!(ours.owns(&who(Some("khairukum"), Some("999"))), Some(false));
        assert_eq!(ours.owns(&who(Some("other"), None)), Some(false));
        assert_eq!(ours.owns(&who(None, None)), None);
        let handle_only = Account { id: None, ..ours };
        assert_eq!(handle_only.owns(&who(None, Some("999"))), None);
    }
}

//! `publish`: a calendar item recorded published, with its post's link and
//! time on each platform it is planned on, in its month's file. Only its
//! `status:` line, its links and their times change; each link is checked by the rules
//! that check every link (its platform, the plan's account) before
//! anything is written.

use super::edit::{self, Edited, Refused};
use super::model::calendar::{Item, Status};
use crate::t;
use chrono::NaiveDateTime;
use std::path::{Path, PathBuf};

/// An item's posts that went out.
#[derive(Debug, Clone)]
pub struct Publication {
    /// The item: its id, or its title in either language.
    pub item: String,
    /// Each platform (an id of the plan) with its post's link, and when it
    /// went out if known (plan time zone).
    pub links: Vec<(String, String, Option<NaiveDateTime>)>,
    /// When the posts went out that say no time of their own; `None`: now.
    pub at: Option<NaiveDateTime>,
}

/// The edit that records `publication` in the plan folder `dir` at the
/// moment `now`: the file, its text before and after. Nothing is written.
pub fn plan_edit(
    dir: &Path,
    publication: &Publication,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(PathBuf, Edited), Refused> {
    let loaded = super::load::load(dir).map_err(Refused::Load)?;
    let id = &publication.item;
    let now = now.with_timezone(&loaded.plan.time_zone()).naive_local();
    let at = publication.at.unwrap_or(now);
    let times: Vec<NaiveDateTime> = publication
        .links
        .iter()
        .map(|(_, _, t)| t.unwrap_or(at))
        .collect();
    if let Some(later) = times.iter().find(|t| **t > now) {
        let at = later.format("%Y-%m-%d %H:%M");
        return Err(Refused::Said(t!("done.in-future", at = at)));
    }
    let id = &super::lookup::item(&loaded.plan, id)?.id.value;
    let (month, item) = loaded
        .plan
        .months
        .iter()
        .find_map(|m| Some((m, m.data.items.iter().find(|i| i.id.value == *id)?)))
        .ok_or_else(|| Refused::Said(t!("publish.unknown-item", item = id)))?;
    check(&loaded.plan, item, publication)?;
    let (path, mut edited) = Edited::read(&loaded.sources, month.file)?;
    let unplaced = || {
        let file = &edited.shown;
        Refused::Said(t!("publish.item-not-found-in-file", item = id, file = file))
    };
    let mut after = edited.after.clone();
    for ((platform, link, _), when) in publication.links.iter().zip(&times) {
        after = edit::set_item_map_entry(&after, id, ("published", platform), &edit::scalar(link))
            .ok_or_else(unplaced)?;
        let when = when.format("%Y-%m-%dT%H:%M").to_string();
        after = edit::set_item_map_entry(&after, id, ("published_at", platform), &when)
            .ok_or_else(unplaced)?;
    }
    if item.status.get().is_none_or(|s| *s < Status::Published) {
        after = edit::set_item_key(&after, id, "status", "published").ok_or_else(unplaced)?;
    }
    edited.after = after;
    Ok((path, edited))
}

/// Whether `publication` can be recorded for `item`: each platform one it
/// is planned on, every platform then with a link (the rules want one for
/// each), each link of the plan's account, and the item not cancelled.
fn check(plan: &super::model::Plan, item: &Item, publication: &Publication) -> Result<(), Refused> {
    let (id, links) = (&publication.item, &publication.links);
    let planned: Vec<&str> = item.platforms.iter().map(|p| p.value.as_str()).collect();
    if let Some((platform, ..)) = links.iter().find(|(p, ..)| !planned.contains(&p.as_str())) {
        return Err(Refused::Said(t!(
            "publish.not-planned-there",
            item = id,
            platform = platform,
            platforms = planned.join(", ")
        )));
    }
    let linked = |p: &str| {
        links.iter().any(|(given, ..)| given == p)
            || item.published.iter().any(|(k, _)| k.value == p)
    };
    let missing: Vec<&str> = planned.iter().copied().filter(|p| !linked(p)).collect();
    if !missing.is_empty() {
        return Err(Refused::Said(t!(
            "publish.links-missing",
            item = id,
            platforms = missing.join(", ")
        )));
    }
    for (platform, link, _) in links {
        check_account(plan, platform, link)?;
    }
    if item.status.get() == Some(&Status::Cancelled) {
        return Err(Refused::Said(t!("publish.cancelled", item = id)));
    }
    Ok(())
}

/// A link that names its account (X's `x.com/HANDLE/status/…`, TikTok's
/// `tiktok.com/@HANDLE/video/…`) must name the plan's account there.
fn check_account(plan: &super::model::Plan, platform: &str, link: &str) -> Result<(), Refused> {
    use super::model::platforms::PlatformKind;
    let Some(declared) = plan
        .platforms
        .iter()
        .flat_map(|p| &p.data.platforms)
        .find(|p| p.id.value == platform)
    else {
        return Ok(());
    };
    let hosts: &[&str] = match declared.kind.get() {
        Some(PlatformKind::X) => &["x.com", "twitter.com"],
        Some(PlatformKind::Tiktok) => &["tiktok.com"],
        _ => return Ok(()),
    };
    let rest = link.split_once("://").map_or(link, |(_, r)| r);
    let mut parts = rest.split('/');
    let host = parts.next().unwrap_or("").to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let named = parts
        .next()
        .unwrap_or("")
        .trim_start_matches('@')
        .to_lowercase();
    let ours = declared
        .handle
        .value
        .trim()
        .trim_start_matches('@')
        .to_lowercase();
    if !hosts.contains(&host) || named.is_empty() || named == ours {
        return Ok(());
    }
    Err(Refused::Said(t!(
        "publish.other-account",
        link = link,
        named = named,
        handle = ours
    )))
}

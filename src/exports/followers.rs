//! `followers.yaml` at the top of the exports folder: the follower totals
//! the team records by hand at the end of months, by platform id.

use super::inventory::{Inventory, Kind};
use super::problems::{Decision, Problem};
use crate::text::dates::Month;
use std::collections::HashMap;

/// Follower totals recorded by hand, by platform id and month.
pub type FollowerTotals = HashMap<(String, Month), i64>;

/// `followers.yaml`: follower totals at the end of months, by platform id.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FollowersFile {
    totals: Vec<FollowerEntry>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FollowerEntry {
    platform: String,
    month: crate::plan::model::fields::Located<String>,
    followers: crate::plan::model::fields::Located<i64>,
}

/// Reads the follower totals the team records by hand, if the inventory has
/// the file.
pub fn read(inventory: &Inventory) -> Result<FollowerTotals, Box<Problem>> {
    let Some(entry) = inventory.of_kind(|k| *k == Kind::Followers).next() else {
        return Ok(FollowerTotals::new());
    };
    let shown = entry.shown.clone();
    let problem = |line: Option<u64>, message: crate::text::i18n::Msg| {
        Box::new(Problem {
            rule: &crate::plan::rules::catalog::FOLLOWERS_FILE,
            path: shown.clone(),
            line,
            column: None,
            field: None,
            message,
            decision: Decision::FileSkipped,
        })
    };
    let text = std::fs::read_to_string(&entry.path)
        .map_err(|e| problem(None, crate::t!("cannot-read-file", error = e)))?;
    let file: FollowersFile = serde_saphyr::from_str(&text).map_err(|e| {
        problem(
            e.location().map(|l| l.line()),
            crate::t!("verbatim", text = e.without_snippet()),
        )
    })?;
    let mut totals = FollowerTotals::new();
    for entry in file.totals {
        let line = |at: &crate::plan::model::fields::At| Some(u64::from(at.line));
        let month =
            Month::parse(&entry.month.value).map_err(|e| problem(line(&entry.month.at), e))?;
        let followers = entry.followers.value;
        if !(0..=crate::exports::values::MAX_COUNT).contains(&followers) {
            return Err(problem(
                line(&entry.followers.at),
                crate::t!(
                    "followers.out-of-range",
                    followers = followers,
                    platform = &entry.platform,
                    month = month
                ),
            ));
        }
        totals.insert((entry.platform, month), followers);
    }
    Ok(totals)
}

//! The peers' public figures, month by month: written by hand in the
//! exports folder's `peers.yaml`, or read from a monitoring tool's CSV
//! exports through the mapping `strategy.yaml` declares (`monitoring:`).
//! A row is one peer's account on one platform in one month. Every problem
//! is located to its file, line and column and costs only what it names.

use super::inventory::{Inventory, Kind};
use super::measures::{Table, read_table};
use super::problems::{Decision, Problem};
use super::values;
use crate::plan::model::fields::{At, Located, Text};
use crate::plan::model::platforms::PlatformKind;
use crate::plan::model::strategy::{Monitoring, Strategy};
use crate::plan::model::{FieldValue as _, Plan};
use crate::plan::rules::catalog as rule;
use crate::t;
use crate::text::dates::Month;
use crate::text::i18n::Msg;
use std::path::Path;

/// One peer's figures on one platform in one month; a figure the source
/// does not give is `None`, never zero.
#[derive(Debug, Clone, PartialEq)]
pub struct PeerFigure {
    pub peer: String,
    pub kind: PlatformKind,
    pub month: Month,
    /// Followers at the month's end.
    pub followers: Option<i64>,
    /// Posts published in the month.
    pub posts: Option<i64>,
    /// Interactions with them in the month.
    pub interactions: Option<i64>,
    /// The file it was read from (an index into [`PeerFigures::files`]).
    pub file: usize,
}

impl PeerFigure {
    /// Followers, posts and interactions, in that order, read from `file`.
    fn of(
        peer: String,
        kind: PlatformKind,
        month: Month,
        [followers, posts, interactions]: [Option<i64>; 3],
        file: usize,
    ) -> PeerFigure {
        PeerFigure {
            peer,
            kind,
            month,
            followers,
            posts,
            interactions,
            file,
        }
    }
}

/// A file the figures come from, and what it is.
#[derive(Debug, Clone, PartialEq)]
pub struct PeerFile {
    /// As shown (under the exports folder).
    pub path: String,
    /// The monitoring tool named in `strategy.yaml`; `None` for `peers.yaml`.
    pub tool: Option<Text>,
}

/// Every figure read, the files they come from, and the problems met.
#[derive(Debug, Clone, Default)]
pub struct PeerFigures {
    pub figures: Vec<PeerFigure>,
    pub files: Vec<PeerFile>,
    pub problems: Vec<Problem>,
}

/// An account as monitoring tools and people write it: `@Handle`,
/// `handle`, or a link to the profile, all the same.
fn account_key(text: &str) -> String {
    let text = text.trim().trim_end_matches('/');
    let last = text.rsplit('/').next().unwrap_or(text);
    last.trim_start_matches('@').to_lowercase()
}

/// Reads the inventory's `peers.yaml`, then its monitoring exports. A
/// figure written by hand counts first: a monitoring row for the same peer,
/// platform and month is left out.
pub fn read(inventory: &Inventory, plan: &Plan, tz: chrono_tz::Tz) -> PeerFigures {
    let mut out = PeerFigures::default();
    let Some(strategy) = plan.strategy.as_ref().map(|s| &s.data) else {
        return out;
    };
    if let Some(entry) = inventory.of_kind(|k| *k == Kind::PeersByHand).next() {
        by_hand(&entry.path, &entry.shown, strategy, &mut out);
    }
    if let Some(monitoring) = &strategy.monitoring {
        // The charity's own accounts: their rows in a monitoring file are
        // expected, and left alone.
        let own: Vec<String> = plan
            .platforms
            .iter()
            .flat_map(|p| &p.data.platforms)
            .map(|p| account_key(&p.handle.value))
            .collect();
        for entry in inventory.of_kind(|k| *k == Kind::Monitoring) {
            let file = (entry.path.as_path(), entry.shown.clone());
            monitored(file, strategy, monitoring, &own, tz, &mut out);
        }
    }
    out
}

impl PeerFigures {
    fn problem(
        &mut self,
        path: &str,
        line: Option<u64>,
        column: Option<(&str, Option<usize>)>,
        message: Msg,
        decision: Decision,
    ) {
        self.problems.push(Problem {
            rule: &rule::PEER_FIGURES,
            path: path.to_string(),
            line,
            column: column.map(|(name, _)| name.to_string()),
            field: column
                .and_then(|(_, place)| place)
                .and_then(|place| u32::try_from(place).ok()),
            message,
            decision,
        });
    }

    /// Whether a figure for this peer, platform and month is already read.
    fn has(&self, peer: &str, kind: PlatformKind, month: Month) -> Option<&PeerFigure> {
        self.figures
            .iter()
            .find(|f| f.peer == peer && f.kind == kind && f.month == month)
    }
}

/// `peers.yaml`: figures written by hand.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct HandFile {
    figures: Vec<HandEntry>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct HandEntry {
    peer: Located<String>,
    platform: Located<String>,
    month: Located<String>,
    followers: Option<Located<i64>>,
    posts: Option<Located<i64>>,
    interactions: Option<Located<i64>>,
}

fn by_hand(path: &Path, shown: &str, strategy: &Strategy, out: &mut PeerFigures) {
    let shown = shown.to_string();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            let message = t!("cannot-read-file", error = e);
            out.problem(&shown, None, None, message, Decision::FileSkipped);
            return;
        }
    };
    let file: HandFile = match serde_saphyr::from_str(&text) {
        Ok(file) => file,
        Err(e) => {
            let line = e.location().map(|l| l.line());
            let message = t!("verbatim", text = e.without_snippet());
            out.problem(&shown, line, None, message, Decision::FileSkipped);
            return;
        }
    };
    let index = out.files.len();
    out.files.push(PeerFile {
        path: shown.clone(),
        tool: None,
    });
    for entry in file.figures {
        let line = |at: &At| Some(u64::from(at.line));
        match hand_entry(&entry, strategy, out) {
            Ok((peer, kind, month, counts)) => {
                out.figures
                    .push(PeerFigure::of(peer, kind, month, counts, index));
            }
            Err(problems) => {
                for (at, message) in problems {
                    out.problem(&shown, line(&at), None, message, Decision::RowSkipped);
                }
            }
        }
    }
}

/// A figure by hand: the peer, platform, month and its three counts.
type HandFigure = (String, PlatformKind, Month, [Option<i64>; 3]);

/// What one entry of `peers.yaml` says: a figure of a peer and platform of
/// the strategy, for a month not written already; or the problems that
/// keep it out, each at its place.
fn hand_entry(
    entry: &HandEntry,
    strategy: &Strategy,
    read: &PeerFigures,
) -> Result<HandFigure, Vec<(At, Msg)>> {
    let one = |at: &At, message: Msg| vec![(*at, message)];
    let peer = strategy
        .peers
        .iter()
        .find(|p| p.id.value == entry.peer.value)
        .ok_or_else(|| {
            one(
                &entry.peer.at,
                t!("peers.unknown-peer", peer = &entry.peer.value),
            )
        })?;
    let kind = match PlatformKind::parse(&entry.platform.value) {
        Ok(kind) if peer.accounts.iter().any(|(k, _)| k.value == kind.as_str()) => kind,
        Ok(_) => {
            let message = t!(
                "peers.no-account",
                peer = &peer.id.value,
                platform = &entry.platform.value
            );
            return Err(one(&entry.platform.at, message));
        }
        Err(message) => return Err(one(&entry.platform.at, message)),
    };
    let month = Month::parse(&entry.month.value).map_err(|m| one(&entry.month.at, m))?;
    let given = [&entry.followers, &entry.posts, &entry.interactions];
    let bad: Vec<(At, Msg)> = given
        .iter()
        .filter_map(|c| c.as_ref())
        .filter(|c| !(0..=values::MAX_COUNT).contains(&c.value))
        .map(|c| (c.at, t!("peers.not-a-count", value = c.value)))
        .collect();
    if !bad.is_empty() {
        return Err(bad);
    }
    let counts = given.map(|c| c.as_ref().map(|c| c.value));
    if counts.iter().all(Option::is_none) {
        return Err(one(&entry.peer.at, t!("peers.no-figure")));
    }
    if read.has(&peer.id.value, kind, month).is_some() {
        let message = t!(
            "peers.twice",
            peer = &peer.id.value,
            platform = kind.as_str(),
            month = month
        );
        return Err(one(&entry.peer.at, message));
    }
    Ok((peer.id.value.clone(), kind, month, counts))
}

/// The places of the columns a monitoring mapping reads.
struct Columns {
    month: usize,
    account: usize,
    platform: Option<usize>,
    /// Followers, posts and interactions, where mapped.
    counts: [Option<usize>; 3],
}

/// The columns of a monitoring file the mapping names, by their place; a
/// problem for each one the file lacks (then the file is not read).
fn columns_of(
    header: &[String],
    header_line: u64,
    monitoring: &Monitoring,
    shown: &str,
    out: &mut PeerFigures,
) -> Option<Columns> {
    let find = |name: &Located<String>| {
        header
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name.value.trim()))
    };
    let wanted = [
        Some(&monitoring.month),
        Some(&monitoring.account),
        monitoring.platform.as_ref(),
        monitoring.followers.as_ref(),
        monitoring.posts.as_ref(),
        monitoring.interactions.as_ref(),
    ];
    let mut absent = false;
    for name in wanted.iter().flatten() {
        if find(name).is_none() {
            let message = t!(
                "peers.no-column",
                column = &name.value,
                columns = header.join(", ")
            );
            // A column the file lacks has no place in it.
            let column = Some((name.value.as_str(), None));
            out.problem(
                shown,
                Some(header_line),
                column,
                message,
                Decision::FileSkipped,
            );
            absent = true;
        }
    }
    if absent {
        return None;
    }
    let place = |name: Option<&Located<String>>| name.and_then(find);
    Some(Columns {
        month: place(Some(&monitoring.month)).expect("checked above"),
        account: place(Some(&monitoring.account)).expect("checked above"),
        platform: place(monitoring.platform.as_ref()),
        counts: [
            place(monitoring.followers.as_ref()),
            place(monitoring.posts.as_ref()),
            place(monitoring.interactions.as_ref()),
        ],
    })
}

/// One problem for each account of a monitoring file that is no peer's
/// nor the charity's own, at its first row, with how many rows it has.
fn say_other_accounts(
    others: Vec<(String, Option<u64>, usize)>,
    own: &[String],
    (shown, name, place): (&str, &str, usize),
    out: &mut PeerFigures,
) {
    for (account, line, rows) in others {
        if own.contains(&account_key(&account)) {
            continue;
        }
        let message = t!(
            "peers.other-account",
            account = &account,
            rows = t!("count.row", n = rows)
        );
        let column = Some((name, Some(place)));
        out.problem(shown, line, column, message, Decision::RowSkipped);
    }
}

/// One monitoring export.
fn monitored(
    (path, shown): (&Path, String),
    strategy: &Strategy,
    monitoring: &Monitoring,
    own: &[String],
    tz: chrono_tz::Tz,
    out: &mut PeerFigures,
) {
    let shown = shown.as_str();
    let (table, unread) = read_table(path);
    if let Some((line, message)) = unread {
        out.problem(shown, line, None, message, Decision::FileSkipped);
    }
    let Some(Table {
        header,
        header_line,
        records,
    }) = table
    else {
        return;
    };
    let Some(columns) = columns_of(&header, header_line, monitoring, shown, out) else {
        return;
    };
    let index = out.files.len();
    out.files.push(PeerFile {
        path: shown.to_string(),
        tool: Some(monitoring.source.clone()),
    });
    // Accounts of no peer, each said once with how many rows it has.
    let mut others: Vec<(String, Option<u64>, usize)> = Vec::new();
    for (line, record) in records {
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let row = row_of(strategy, monitoring, (&columns, header.len()), &record, tz);
        let (peer, kind, month, counts) = match row {
            Ok(Some(row)) => row,
            // An account of no peer (the charity's own, another one).
            Ok(None) => {
                let account = record.get(columns.account).unwrap_or("").trim().to_string();
                match others.iter_mut().find(|(a, _, _)| *a == account) {
                    Some(other) => other.2 += 1,
                    None => others.push((account, line, 1)),
                }
                continue;
            }
            Err((place, message)) => {
                let column = place.map(|place| (header[place].as_str(), Some(place)));
                out.problem(shown, line, column, message, Decision::RowSkipped);
                continue;
            }
        };
        // Written by hand, or already read: the first counts.
        if let Some(first) = out.has(&peer, kind, month) {
            if out.files[first.file].tool.is_some() {
                let message = t!(
                    "peers.twice",
                    peer = &peer,
                    platform = kind.as_str(),
                    month = month
                );
                let column = Some((header[columns.account].as_str(), Some(columns.account)));
                out.problem(shown, line, column, message, Decision::RowSkipped);
            }
            continue;
        }
        out.figures
            .push(PeerFigure::of(peer, kind, month, counts, index));
    }
    say_other_accounts(
        others,
        own,
        (shown, &header[columns.account], columns.account),
        out,
    );
}

/// A peer's figures read off a row, or `None` for an account of no peer;
/// `Err` with the column that cannot be read (none for a row cut short).
type Row = (String, PlatformKind, Month, [Option<i64>; 3]);

fn row_of(
    strategy: &Strategy,
    monitoring: &Monitoring,
    (columns, cells): (&Columns, usize),
    record: &csv::StringRecord,
    tz: chrono_tz::Tz,
) -> Result<Option<Row>, (Option<usize>, Msg)> {
    if record.len() < cells {
        let message = t!("export.short-row", cells = record.len(), header = cells);
        return Err((None, message));
    }
    let cell = |place: usize| record.get(place).unwrap_or("").trim();
    let kind = match columns.platform {
        Some(place) => Some(kind_of(cell(place), monitoring).map_err(|m| (Some(place), m))?),
        None => None,
    };
    let account = account_key(cell(columns.account));
    // The peers' accounts with this handle (on the row's platform).
    let mut owners = strategy.peers.iter().flat_map(|peer| {
        peer.accounts
            .iter()
            .filter(|(k, handle)| {
                account_key(&handle.value) == account
                    && kind.is_none_or(|kind| k.value == kind.as_str())
            })
            .filter_map(move |(k, _)| Some((peer, PlatformKind::parse(&k.value).ok()?)))
    });
    let Some((peer, kind)) = owners.next() else {
        // A peer's handle on a platform the strategy names no account of
        // theirs on is a mistake of the row or of the strategy: said.
        let elsewhere = strategy.peers.iter().find(|peer| {
            peer.accounts
                .iter()
                .any(|(_, handle)| account_key(&handle.value) == account)
        });
        return match (elsewhere, kind, columns.platform) {
            (Some(peer), Some(kind), Some(place)) => Err((
                Some(place),
                t!(
                    "peers.no-account",
                    peer = &peer.id.value,
                    platform = kind.as_str()
                ),
            )),
            _ => Ok(None),
        };
    };
    if owners.next().is_some() {
        let message = t!("peers.account-ambiguous", account = cell(columns.account));
        return Err((Some(columns.account), message));
    }
    let month = month_of(cell(columns.month), tz).map_err(|m| (Some(columns.month), m))?;
    let mut counts = [None; 3];
    for (slot, place) in counts.iter_mut().zip(columns.counts) {
        if let Some(place) = place {
            *slot = values::count(cell(place), false).map_err(|m| (Some(place), m))?;
        }
    }
    Ok(Some((peer.id.value.clone(), kind, month, counts)))
}

/// The platform kind a cell names: through `platform_values`, else a kind's
/// own name (`X`, `instagram`; `twitter` is X).
fn kind_of(cell: &str, monitoring: &Monitoring) -> Result<PlatformKind, Msg> {
    let named = monitoring
        .platform_values
        .iter()
        .find(|(from, _)| from.value.eq_ignore_ascii_case(cell))
        .map_or_else(|| cell.to_lowercase(), |(_, kind)| kind.value.clone());
    let named = if named == "twitter" {
        "x".into()
    } else {
        named
    };
    PlatformKind::parse(&named)
}

/// A month as monitoring tools write it: `2026-11`, or a day of it.
fn month_of(cell: &str, tz: chrono_tz::Tz) -> Result<Month, Msg> {
    if let Ok(month) = Month::parse(cell) {
        return Ok(month);
    }
    values::when(cell)?
        .and_then(|when| when.date_in(tz))
        .map(Month::of)
        .ok_or_else(|| t!("export.not-a-date", cell = cell))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_is_the_same_however_written() {
        for written in [
            "@Peer_Makkah",
            "peer_makkah",
            " https://x.com/peer_makkah/ ",
            "PEER_MAKKAH",
        ] {
            assert_eq!(account_key(written), "peer_makkah", "{written}");
        }
        assert_ne!(account_key("@peer_makkah2"), "peer_makkah");
    }

    #[test]
    fn a_month_is_read_as_a_month_or_a_day_of_it() {
        let tz = chrono_tz::Asia::Riyadh;
        let november = Month {
            year: 2026,
            month: 11,
        };
        assert_eq!(month_of("2026-11", tz), Ok(november));
        assert_eq!(month_of("2026-11-30", tz), Ok(november));
        assert!(month_of("November", tz).is_err());
        assert!(month_of("2026-13", tz).is_err());
    }
}

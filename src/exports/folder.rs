//! Everything an exports folder holds, read once: its inventory, then each
//! reader on the files the inventory gives it.

use super::ads::{self, AdSpend};
use super::followers::{self, FollowerTotals};
use super::inventory::{Inventory, Kinds};
use super::measures::{self, OwnRecords};
use super::peers::{self, PeerFigures};
use super::tables::{Imported, Options};
use super::{Problem, import};
use crate::plan::model::Plan;
use std::path::Path;

/// What every reader made of the folder's files.
#[derive(Debug, Default)]
pub struct Folder {
    pub inventory: Inventory,
    /// The platforms' exports (and the figures read by hand in the calendar).
    pub imported: Imported,
    pub followers: FollowerTotals,
    pub own: OwnRecords,
    pub ads: AdSpend,
    pub peers: PeerFigures,
    /// What could not be looked at, and `followers.yaml`'s problem: the
    /// problems no reader's own list holds.
    pub problems: Vec<Problem>,
}

impl Folder {
    /// Every problem met in the folder, reader by reader.
    pub fn all_problems(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .chain(&self.imported.problems)
            .chain(&self.own.problems)
            .chain(&self.ads.problems)
            .chain(&self.peers.problems)
    }
}

/// The inventory of `dir`: each file classified by the plan's patterns
/// (`kinds`), its name, and for a delimited file its header.
pub fn inventory(dir: &Path, kinds: &Kinds) -> std::io::Result<Inventory> {
    let mut inventory = Inventory::take(dir, kinds)?;
    inventory.tell_ads(ads::is_ad_export);
    Ok(inventory)
}

/// The inventory of `dir` for no plan: no file is a measure's or a
/// monitoring export.
pub fn inventory_of(dir: &Path) -> std::io::Result<Inventory> {
    inventory(dir, &Kinds::default())
}

/// Reads every platform export under `dir` as [`import`] reads them, with
/// what could not be looked at among its problems.
pub fn import_dir(dir: &Path, options: &Options) -> std::io::Result<Imported> {
    let inventory = inventory_of(dir)?;
    let mut imported = import(&inventory, options);
    imported.problems.extend(inventory.problems);
    Ok(imported)
}

/// Reads the exports folder `dir` for `plan`: posts and days as `options`
/// keep them, and every record the plan's measures and peers name.
pub fn read(dir: &Path, plan: &Plan, options: &Options) -> std::io::Result<Folder> {
    let inventory = inventory(dir, &Kinds::of(plan))?;
    let tz = options.time_zone;
    let mut problems = inventory.problems.clone();
    let followers = followers::read(&inventory).unwrap_or_else(|problem| {
        problems.push(*problem);
        FollowerTotals::default()
    });
    Ok(Folder {
        imported: import(&inventory, options),
        own: measures::read(&inventory, plan, tz, options.date_order),
        ads: ads::read(&inventory),
        peers: peers::read(&inventory, plan, tz),
        followers,
        problems,
        inventory,
    })
}

//! The tasks done in each version of a calendar month, read in pieces
//! ([`crate::plan::month_pieces`]): consecutive versions of a month differ
//! by a line or two, so each distinct month-wide part and item is decoded,
//! and its done tasks derived, once for each version of the plan-wide
//! files; a version that cannot be cut is read whole.

use crate::plan::load;
use crate::plan::model::calendar::{CalendarMonth, Item};
use crate::plan::month_pieces::{self, Pieces};
use crate::plan::tasks::{Deriver, Task};
use foldhash::HashMap;
use std::path::Path;

/// The ids of the tasks done, or `None` for a piece that must be read in
/// its whole file.
type Done = Option<Vec<String>>;

/// A month version to read: the place of the plan-wide files it is read
/// with (in the derivers), its path, and its bytes (`None` when over the
/// size limit).
pub(super) type Version<'v> = (usize, &'v Path, Option<Vec<u8>>);

/// The done tasks of each piece met, for each version of the plan-wide
/// files (by its place in the derivers).
#[derive(Default)]
pub(super) struct Pieced {
    plans: Vec<Read>,
}

/// The pieces read with one version of the plan-wide files: the
/// month-wide parts by head, then tail; the items by text.
#[derive(Default)]
struct Read {
    parts: HashMap<String, HashMap<String, Done>>,
    items: HashMap<String, Done>,
}

impl Pieced {
    /// The done tasks of each month version, in order: its pieces read
    /// where not read before, on all cores; a version that cannot be cut,
    /// or one of whose pieces does not read alone, read whole.
    pub(super) fn done(
        &mut self,
        derivers: &[Deriver<'_>],
        versions: &[Version<'_>],
    ) -> Vec<Vec<String>> {
        self.plans.resize_with(derivers.len(), Read::default);
        let texts = crate::parallel::map(versions, |(.., bytes)| {
            bytes.clone().and_then(load::month_text)
        });
        let cut: Vec<(usize, Option<Pieces<'_>>)> = versions
            .iter()
            .zip(&texts)
            .map(|((plan, ..), text)| (*plan, text.as_deref().and_then(month_pieces::split)))
            .collect();
        self.read_new(derivers, &cut);
        let assembled: Vec<_> = versions
            .iter()
            .zip(&cut)
            .map(|(version, (plan, pieces))| {
                let done = pieces.as_ref().and_then(|p| self.plans[*plan].assemble(p));
                (version, done)
            })
            .collect();
        crate::parallel::map(&assembled, |((plan, path, bytes), done)| match done {
            Some(done) => done.clone(),
            None => whole_done(&derivers[*plan], path, bytes.clone()),
        })
    }

    /// Reads the pieces of `cut` not read before, on all cores.
    fn read_new(&mut self, derivers: &[Deriver<'_>], cut: &[(usize, Option<Pieces<'_>>)]) {
        let mut parts = Vec::new();
        let mut items = Vec::new();
        for (plan, pieces) in cut {
            let Some(pieces) = pieces else { continue };
            let read = &mut self.plans[*plan];
            if !read.parts.contains_key(pieces.head) {
                read.parts
                    .insert(pieces.head.to_owned(), HashMap::default());
            }
            if let Some(tails) = read.parts.get_mut(pieces.head)
                && !tails.contains_key(pieces.tail)
            {
                tails.insert(pieces.tail.to_owned(), None);
                parts.push((*plan, pieces.head, pieces.tail));
            }
            for &item in &pieces.items {
                if !read.items.contains_key(item) {
                    read.items.insert(item.to_owned(), None);
                    items.push((*plan, item));
                }
            }
        }
        let done = crate::parallel::map(&parts, |(plan, head, tail)| {
            part_done(&derivers[*plan], head, tail)
        });
        for ((plan, head, tail), done) in parts.into_iter().zip(done) {
            let tails = self.plans[plan].parts.entry(head.to_owned()).or_default();
            tails.insert(tail.to_owned(), done);
        }
        let done = crate::parallel::map(&items, |(plan, text)| {
            month_pieces::read_item(text).map(|item| item_done(&derivers[*plan], &item))
        });
        for ((plan, text), done) in items.into_iter().zip(done) {
            self.plans[plan].items.insert(text.to_owned(), done);
        }
    }
}

impl Read {
    /// A version's done tasks from its pieces', `None` if one must be read
    /// in its whole file.
    fn assemble(&self, pieces: &Pieces<'_>) -> Option<Vec<String>> {
        let mut done = self.parts.get(pieces.head)?.get(pieces.tail)?.clone()?;
        for &item in &pieces.items {
            done.extend(self.items.get(item)?.as_ref()?.iter().cloned());
        }
        Some(done)
    }
}

/// The done tasks of a version read whole; none when it does not decode.
fn whole_done(deriver: &Deriver<'_>, path: &Path, bytes: Option<Vec<u8>>) -> Vec<String> {
    bytes
        .and_then(|bytes| load::decode_month(path, bytes))
        .map(|month| month_done(deriver, &month))
        .unwrap_or_default()
}

/// The done tasks of a month-wide part (its own tasks', and `done:`).
fn part_done(deriver: &Deriver<'_>, head: &str, tail: &str) -> Done {
    let month = month_pieces::read_month_part(&Pieces {
        head,
        items: Vec::new(),
        tail,
    })?;
    Some(own_done(deriver, &month))
}

/// The ids of a month's tasks done in a version of its file: those that
/// reached their step's `done_when`, and those listed under `done:`.
pub(super) fn month_done(deriver: &Deriver<'_>, month: &CalendarMonth) -> Vec<String> {
    let mut done: Vec<String> = month
        .items
        .iter()
        .flat_map(|item| item_done(deriver, item))
        .collect();
    done.extend(own_done(deriver, month));
    done
}

/// An item's tasks done: those whose step's `done_when` it reached.
fn item_done(deriver: &Deriver<'_>, item: &Item) -> Vec<String> {
    let mut done = Vec::new();
    deriver.item_tasks(item, |_, task| push_done(&mut done, &task));
    done
}

/// The month's own tasks done, and those listed under `done:`.
fn own_done(deriver: &Deriver<'_>, month: &CalendarMonth) -> Vec<String> {
    let mut done = Vec::new();
    deriver.month_own_tasks(month, |_, task| push_done(&mut done, &task));
    done.extend(month.done.iter().map(|entry| entry.value.clone()));
    done
}

fn push_done(done: &mut Vec<String>, task: &Task<'_>) {
    if task.done {
        done.push(task.id());
    }
}

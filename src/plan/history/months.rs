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

/// A list of done tasks in [`Pieced`]: a piece's, or a version's read
/// whole. A month version's done tasks are those of its lists.
pub(super) type List = u32;

/// A piece's list, or `None` for a piece that must be read in its whole
/// file.
type Done = Option<List>;

/// A month version to read: the place of the plan-wide files it is read
/// with (in the derivers), its path, and its text as the loader decodes it
/// (`load::month_text`: `None` when over the size limit, no UTF-8 or
/// blank, which no month is read from).
pub(super) type Version<'v> = (usize, &'v Path, Option<String>);

/// The done tasks of each piece met, for each version of the plan-wide
/// files (by its place in the derivers), each list kept once.
#[derive(Default)]
pub(super) struct Pieced {
    plans: Vec<Read>,
    lists: Vec<Vec<String>>,
}

/// The pieces read with one version of the plan-wide files: the
/// month-wide parts by head, then tail; the items by text.
#[derive(Default)]
struct Read {
    parts: HashMap<String, HashMap<String, Done>>,
    items: HashMap<String, Done>,
}

impl Pieced {
    /// The ids of the tasks done in a list.
    pub(super) fn list(&self, list: List) -> &[String] {
        self.lists.get(list as usize).map_or(&[], Vec::as_slice)
    }

    /// Keeps a list of done tasks; its handle.
    fn keep(&mut self, done: Vec<String>) -> List {
        self.lists.push(done);
        List::try_from(self.lists.len() - 1).unwrap_or(List::MAX)
    }

    /// The lists of each month version's done tasks, in order: its pieces
    /// read where not read before, on all cores; a version that cannot be
    /// cut, or one of whose pieces does not read alone, read whole.
    pub(super) fn done(
        &mut self,
        derivers: &[Deriver<'_>],
        versions: &[Version<'_>],
    ) -> Vec<Vec<List>> {
        self.plans.resize_with(derivers.len(), Read::default);
        let places: Vec<usize> = (0..versions.len()).collect();
        let cut = crate::parallel::map(&places, |&at| {
            let (plan, _, text) = &versions[at];
            (*plan, text.as_deref().and_then(month_pieces::split))
        });
        self.read_new(derivers, &cut);
        let mut done: Vec<Option<Vec<List>>> = cut
            .iter()
            .map(|(plan, pieces)| pieces.as_ref().and_then(|p| self.plans[*plan].assemble(p)))
            .collect();
        let whole: Vec<usize> = (0..done.len()).filter(|&at| done[at].is_none()).collect();
        let read = crate::parallel::map(&whole, |&at| match &versions[at] {
            (plan, path, Some(text)) => whole_done(&derivers[*plan], path, text),
            (_, _, None) => Vec::new(),
        });
        for (at, read) in whole.into_iter().zip(read) {
            done[at] = Some(vec![self.keep(read)]);
        }
        done.into_iter().flatten().collect()
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
            let done = done.map(|done| self.keep(done));
            let tails = self.plans[plan].parts.entry(head.to_owned()).or_default();
            tails.insert(tail.to_owned(), done);
        }
        let done = crate::parallel::map(&items, |(plan, text)| {
            month_pieces::read_item(text).map(|item| item_done(&derivers[*plan], &item))
        });
        for ((plan, text), done) in items.into_iter().zip(done) {
            let done = done.map(|done| self.keep(done));
            self.plans[plan].items.insert(text.to_owned(), done);
        }
    }
}

impl Read {
    /// A version's lists from its pieces', `None` if one must be read in
    /// its whole file.
    fn assemble(&self, pieces: &Pieces<'_>) -> Option<Vec<List>> {
        let mut done = Vec::with_capacity(pieces.items.len() + 1);
        done.push((*self.parts.get(pieces.head)?.get(pieces.tail)?)?);
        for &item in &pieces.items {
            done.push((*self.items.get(item)?)?);
        }
        Some(done)
    }
}

/// The done tasks of a version read whole; none when it does not decode.
fn whole_done(deriver: &Deriver<'_>, path: &Path, text: &str) -> Vec<String> {
    load::decode_month_text(path, text.to_owned())
        .map(|month| month_done(deriver, &month))
        .unwrap_or_default()
}

/// The done tasks of a month-wide part (its own tasks', and `done:`).
fn part_done(deriver: &Deriver<'_>, head: &str, tail: &str) -> Option<Vec<String>> {
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

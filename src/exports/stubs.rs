//! What each post of the window contributes to the daily sums, kept from
//! the moment its file is read until duplicates across files are known
//! (`import::PostSums`). A trend window may hold a million posts, so each
//! is written in a few bytes, its numbers as variable-length integers:
//! about 25 bytes for a post of an X export, where a struct takes 56.

use super::chunked::Chunked;
use super::counts::{Counts, as_summed};
use crate::plan::model::platforms::PlatformKind;
use chrono::{Datelike, NaiveDate};

/// What a post contributes to the sums.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PostStub {
    /// A hash of the post's id (duplicates across files share it).
    pub key: u64,
    pub date: NaiveDate,
    pub platform: PlatformKind,
    /// Its counts [`as_summed`].
    pub counts: Counts,
    /// Whether its impressions are its views (no impressions given).
    pub views_as_impressions: bool,
}

impl PostStub {
    pub(super) fn new(platform: PlatformKind, date: NaiveDate, id: &str, c: &Counts) -> PostStub {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        (platform, id.trim()).hash(&mut hasher);
        let (counts, views_as_impressions) = as_summed(platform, c);
        PostStub {
            key: hasher.finish(),
            date,
            platform,
            counts,
            views_as_impressions,
        }
    }
}

/// The most bytes a stub takes: its key, a date, its platform, the mask
/// of counts given and fourteen counts of at most ten bytes each.
const MOST_BYTES: usize = 8 + 5 + 1 + 3 + 14 * 10;

/// Post stubs in the order read, written as bytes in chunks; each chunk
/// is keyed by its file's index in the import, and holds whole stubs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stubs {
    bytes: Chunked<u8, u32>,
}

impl Stubs {
    /// Adds a stub of the file at `file` (an index into the import's files).
    pub(super) fn push(&mut self, file: usize, stub: &PostStub) {
        let mut buffer = [0; MOST_BYTES];
        let written = encode(stub, &mut buffer);
        self.bytes
            .extend_keyed(file_index(file), &buffer[..written]);
    }

    /// Adds `other`'s stubs after these, their file indices moved `offset` on.
    pub(super) fn append(&mut self, mut other: Stubs, offset: usize) {
        let offset = file_index(offset);
        other.bytes.keys_mut().for_each(|file| *file += offset);
        self.bytes.append(other.bytes);
    }

    /// Each stub with its file's index, in order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, PostStub)> {
        self.bytes
            .chunks()
            .flat_map(|(file, bytes)| Reader { bytes, at: 0 }.map(move |stub| (file, stub)))
    }

    /// Each stub with its file's index, in order, each chunk freed once read.
    pub(super) fn into_stubs(self) -> impl Iterator<Item = (u32, PostStub)> {
        self.bytes
            .into_chunks()
            .flat_map(|(file, bytes)| Reader { bytes, at: 0 }.map(move |stub| (file, stub)))
    }
}

/// A file's index as a chunk of stubs keeps it, in four bytes.
pub(super) fn file_index(index: usize) -> u32 {
    u32::try_from(index).expect("fewer than 2^32 export files")
}

/// Writes a stub into `out`; returns how many bytes it took.
fn encode(stub: &PostStub, out: &mut [u8; MOST_BYTES]) -> usize {
    let mut writer = Writer { out, at: 0 };
    writer.bytes(&stub.key.to_le_bytes());
    writer.varint(zigzag(i64::from(stub.date.num_days_from_ce())));
    let platform = PlatformKind::ALL
        .iter()
        .position(|k| *k == stub.platform)
        .expect("every kind is listed");
    writer.bytes(&[
        u8::try_from(platform).expect("few kinds") | u8::from(stub.views_as_impressions) << 7
    ]);
    let mut counts = stub.counts;
    let slots = counts.slots();
    let given = slots
        .iter()
        .enumerate()
        .filter(|(_, slot)| slot.is_some())
        .fold(0_u64, |mask, (i, _)| mask | 1 << i);
    writer.varint(given);
    for value in slots.into_iter().filter_map(|slot| *slot) {
        writer.varint(zigzag(value));
    }
    writer.at
}

struct Writer<'a> {
    out: &'a mut [u8; MOST_BYTES],
    at: usize,
}

impl Writer<'_> {
    fn bytes(&mut self, bytes: &[u8]) {
        self.out[self.at..self.at + bytes.len()].copy_from_slice(bytes);
        self.at += bytes.len();
    }

    /// Seven bits a byte, lowest first; the high bit says more follow.
    fn varint(&mut self, mut value: u64) {
        while value >= 0x80 {
            self.bytes(&[low_byte(value) | 0x80]);
            value >>= 7;
        }
        self.bytes(&[low_byte(value)]);
    }
}

/// Stubs read back from the bytes of a chunk, borrowed or taken.
struct Reader<B> {
    bytes: B,
    at: usize,
}

impl<B: AsRef<[u8]>> Iterator for Reader<B> {
    type Item = PostStub;

    /// The next stub, or `None` at the chunk's end.
    fn next(&mut self) -> Option<PostStub> {
        let bytes = self.bytes.as_ref().get(self.at..self.at + 8)?;
        let key = u64::from_le_bytes(bytes.try_into().expect("eight bytes"));
        self.at += 8;
        let days = i32::try_from(unzigzag(self.varint())).expect("a date written as one");
        let date = NaiveDate::from_num_days_from_ce_opt(days).expect("a date written as one");
        let kind = self.bytes.as_ref()[self.at];
        self.at += 1;
        let given = self.varint();
        let mut counts = Counts::default();
        for (i, slot) in counts.slots().into_iter().enumerate() {
            if given & 1 << i != 0 {
                *slot = Some(unzigzag(self.varint()));
            }
        }
        Some(PostStub {
            key,
            date,
            platform: PlatformKind::ALL[usize::from(kind & 0x7f)],
            counts,
            views_as_impressions: kind & 0x80 != 0,
        })
    }
}

impl<B: AsRef<[u8]>> Reader<B> {
    fn varint(&mut self) -> u64 {
        let mut value = 0;
        for shift in (0..64).step_by(7) {
            let byte = self.bytes.as_ref()[self.at];
            self.at += 1;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                break;
            }
        }
        value
    }
}

/// A number's lowest seven bits.
fn low_byte(value: u64) -> u8 {
    u8::try_from(value & 0x7f).expect("seven bits")
}

/// Small numbers of either sign in few bytes: 0, -1, 1, -2… as 0, 1, 2, 3…
fn zigzag(value: i64) -> u64 {
    ((value << 1) ^ (value >> 63)).cast_unsigned()
}

fn unzigzag(value: u64) -> i64 {
    (value >> 1).cast_signed() ^ -(value & 1).cast_signed()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stub(key: u64, counts: Counts) -> PostStub {
        PostStub {
            key,
            date: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            platform: PlatformKind::Tiktok,
            counts,
            views_as_impressions: key.is_multiple_of(2),
        }
    }

    #[test]
    fn numbers_of_either_sign_come_back() {
        for value in [0, 1, -1, 63, -64, 64, 1 << 40, i64::MAX, i64::MIN] {
            assert_eq!(unzigzag(zigzag(value)), value, "{value}");
        }
        assert_eq!(zigzag(-1), 1);
        assert_eq!(zigzag(1), 2);
    }

    #[test]
    fn stubs_come_back_as_written_with_their_files() {
        let mut every = Counts::default();
        for (slot, value) in every
            .slots()
            .into_iter()
            .zip([0, -1, i64::MAX, i64::MIN, 300])
        {
            *slot = Some(value);
        }
        let small = Counts {
            impressions: Some(1000),
            engagements: Some(29),
            ..Counts::default()
        };
        let written = [stub(1, every), stub(2, small), stub(3, Counts::default())];
        let mut one = Stubs::default();
        one.push(0, &written[0]);
        one.push(1, &written[1]);
        let mut two = Stubs::default();
        two.push(0, &written[2]);
        one.append(two, 2);
        let want = vec![(0, written[0]), (1, written[1]), (2, written[2])];
        assert_eq!(one.iter().collect::<Vec<_>>(), want);
        assert_eq!(one.into_stubs().collect::<Vec<_>>(), want);
        let mut buffer = [0; MOST_BYTES];
        assert!(encode(&written[1], &mut buffer) <= 8 + 3 + 1 + 1 + 2 + 1);
    }

    #[test]
    fn stubs_over_several_chunks_come_back_in_order() {
        let mut stubs = Stubs::default();
        let small = Counts {
            likes: Some(5),
            ..Counts::default()
        };
        (0..100_000).for_each(|k| stubs.push(0, &stub(k, small)));
        assert!(stubs.bytes.chunks().count() > 1);
        assert!(stubs.iter().map(|(_, s)| s.key).eq(0..100_000));
    }
}

//! A list that grows a chunk at a time. An export of a million rows is
//! read on two threads and from many files at once; its parts are put
//! together by moving their chunks, so no item is ever copied to grow or
//! to join two lists, and no more than a chunk stands unused.

/// Bytes of items in a full chunk.
const CHUNK_BYTES: usize = 1 << 20;

/// Items in the order added, in chunks; each chunk carries a key shared by
/// all its items (the file a post stub came from), or `()` for none.
#[derive(Clone)]
pub struct Chunked<T, K = ()> {
    chunks: Vec<(K, Vec<T>)>,
}

impl<T, K> Default for Chunked<T, K> {
    fn default() -> Self {
        Chunked { chunks: Vec::new() }
    }
}

impl<T, K: Copy + PartialEq> Chunked<T, K> {
    /// How many items a full chunk holds.
    const PER_CHUNK: usize = {
        let size = std::mem::size_of::<T>();
        if size == 0 || size >= CHUNK_BYTES {
            1
        } else {
            CHUNK_BYTES / size
        }
    };

    /// Adds an item under `key`; a new key starts a new chunk.
    pub fn push_keyed(&mut self, key: K, item: T) {
        self.room(key, 1).push(item);
    }

    /// Adds items under `key`, all in one chunk (at most a chunk's worth).
    pub fn extend_keyed(&mut self, key: K, items: &[T])
    where
        T: Clone,
    {
        debug_assert!(items.len() <= Self::PER_CHUNK);
        self.room(key, items.len()).extend_from_slice(items);
    }

    /// The chunk with room for `n` more items under `key`.
    fn room(&mut self, key: K, n: usize) -> &mut Vec<T> {
        let fits = self
            .chunks
            .last()
            .is_some_and(|(last, items)| *last == key && items.len() + n <= Self::PER_CHUNK);
        if !fits {
            // A list's first chunk (and a new key's) grows as items come;
            // once one is full, the next starts at full size.
            let full = self.chunks.last().is_some_and(|(last, _)| *last == key);
            let capacity = if full { Self::PER_CHUNK } else { 0 };
            self.chunks.push((key, Vec::with_capacity(capacity)));
        }
        let (_, items) = self.chunks.last_mut().expect("a chunk was just made");
        items
    }

    /// Adds `other`'s items after these, moving its chunks.
    pub fn append(&mut self, other: Chunked<T, K>) {
        self.chunks.extend(other.chunks);
    }

    /// The number of items.
    pub fn len(&self) -> usize {
        self.chunks.iter().map(|(_, items)| items.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.chunks.iter().all(|(_, items)| items.is_empty())
    }

    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.into_iter()
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut T> {
        self.chunks.iter_mut().flat_map(|(_, items)| items)
    }

    /// Every chunk's key, to change.
    pub fn keys_mut(&mut self) -> impl Iterator<Item = &mut K> {
        self.chunks.iter_mut().map(|(key, _)| key)
    }

    /// Each item with its key, in order.
    pub fn keyed(&self) -> impl Iterator<Item = (K, &T)> {
        self.chunks
            .iter()
            .flat_map(|(key, items)| items.iter().map(move |item| (*key, item)))
    }

    /// Each chunk with its key, in order.
    pub fn chunks(&self) -> impl Iterator<Item = (K, &[T])> {
        self.chunks
            .iter()
            .map(|(key, items)| (*key, items.as_slice()))
    }

    /// Each chunk with its key, in order, taken.
    pub fn into_chunks(self) -> impl Iterator<Item = (K, Vec<T>)> {
        self.chunks.into_iter()
    }
}

impl<T> Chunked<T> {
    /// Adds an item at the end.
    pub fn push(&mut self, item: T) {
        self.push_keyed((), item);
    }
}

/// A chunk's items.
type Items<'a, T, K> = fn(&'a (K, Vec<T>)) -> &'a Vec<T>;

impl<'a, T, K: Copy + PartialEq> IntoIterator for &'a Chunked<T, K> {
    type Item = &'a T;
    type IntoIter =
        std::iter::FlatMap<std::slice::Iter<'a, (K, Vec<T>)>, &'a Vec<T>, Items<'a, T, K>>;

    fn into_iter(self) -> Self::IntoIter {
        self.chunks.iter().flat_map(|(_, items)| items)
    }
}

/// Two lists are equal when their items and keys are, however chunked.
impl<T: PartialEq, K: Copy + PartialEq> PartialEq for Chunked<T, K> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.keyed().eq(other.keyed())
    }
}

impl<T: std::fmt::Debug, K: Copy + PartialEq> std::fmt::Debug for Chunked<T, K> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Items of this size fill a chunk at 16,384.
    type Item = [u8; 64];

    fn item(n: usize) -> Item {
        let mut item = [0; 64];
        item[..8].copy_from_slice(&n.to_le_bytes());
        item
    }

    #[test]
    fn items_come_back_in_order_with_their_keys() {
        let per_chunk = Chunked::<Item, u32>::PER_CHUNK;
        assert_eq!(per_chunk, 16_384);
        let mut one = Chunked::<Item, u32>::default();
        let n = per_chunk + 3;
        (0..n).for_each(|i| one.push_keyed(0, item(i)));
        one.push_keyed(1, item(n));
        let mut two = Chunked::default();
        two.push_keyed(2, item(n + 1));
        two.push_keyed(3, item(n + 2));
        one.append(two);
        assert_eq!(one.len(), n + 3);
        assert_eq!(
            one.chunks.len(),
            5,
            "a full chunk, its rest, one per key after"
        );
        assert!(one.chunks[0].1.capacity() <= per_chunk);
        assert_eq!(
            one.chunks[1].1.capacity(),
            per_chunk,
            "after a full chunk, room at once"
        );
        let mut want: Vec<(u32, Item)> = (0..n).map(|i| (0, item(i))).collect();
        want.extend([(1, item(n)), (2, item(n + 1)), (3, item(n + 2))]);
        let seen: Vec<(u32, Item)> = one.keyed().map(|(k, i)| (k, *i)).collect();
        assert_eq!(seen, want);
        let taken: Vec<(u32, Item)> = one
            .into_chunks()
            .flat_map(|(k, items)| items.into_iter().map(move |i| (k, i)))
            .collect();
        assert_eq!(taken, want);
    }

    #[test]
    fn lists_are_equal_by_their_items_not_their_chunks() {
        let mut whole = Chunked::<u32>::default();
        (0..10).for_each(|i| whole.push(i));
        let mut halves = Chunked::default();
        (0..5).for_each(|i| halves.push(i));
        let mut rest = Chunked::default();
        (5..10).for_each(|i| rest.push(i));
        halves.append(rest);
        assert_eq!(halves.chunks.len(), 2);
        assert_eq!(whole, halves);
        halves.iter_mut().for_each(|i| *i += 1);
        assert_ne!(whole, halves);
        assert!(Chunked::<u32>::default().is_empty() && !whole.is_empty());
    }

    #[test]
    fn items_added_together_stay_in_one_chunk() {
        let per_chunk = Chunked::<u8>::PER_CHUNK;
        let mut bytes = Chunked::<u8>::default();
        bytes.extend_keyed((), &vec![1; per_chunk - 2]);
        bytes.extend_keyed((), &[2, 3, 4]);
        bytes.extend_keyed((), &[5]);
        let chunks: Vec<&[u8]> = bytes.chunks().map(|((), c)| c).collect();
        assert_eq!(chunks.len(), 2);
        assert_eq!(chunks[0].len(), per_chunk - 2);
        assert_eq!(chunks[1], [2, 3, 4, 5]);
    }
}

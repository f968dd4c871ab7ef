//! The speakers in the order every list shows them: most statements first,
//! then by lower-cased name, then as they came. While a large corpus loads,
//! each batch changes the counts of a few thousand speakers out of a
//! hundred thousand, and the sidebar is rebuilt a few times a second; a
//! full sort each time took tens of milliseconds of the reader's thread,
//! which a key pressed meanwhile waited behind. So the order is kept: the
//! speakers whose place may have changed since it was worked out are
//! sorted on their own and merged into the rest, which keep their order.

use std::cmp::{Ordering, Reverse};
use std::sync::OnceLock;

/// What a speaker sorts by: its count (most first), the first sixteen
/// bytes of its lower-cased name as a number that sorts as they do, and
/// its index (the names themselves are compared only where those tie).
type Key = (Reverse<usize>, u128, usize);

/// The listing order and what it is worked out from.
#[derive(Debug, Clone, Default)]
pub(super) struct ListingOrder {
    /// Each speaker's name lower-cased: made once per speaker (and again
    /// when renamed), not per listing.
    names: Vec<String>,
    /// The first sixteen bytes of each of those, as a number.
    prefixes: Vec<u128>,
    /// The order now, each speaker with its statement count; worked out
    /// when first asked for after a change.
    current: OnceLock<Vec<(usize, usize)>>,
    /// The last order worked out, and the speakers whose place may have
    /// changed since (renamed, counted again, or new).
    base: Vec<(usize, usize)>,
    moved: Vec<usize>,
    /// More moved than merging saves: sort them all.
    all: bool,
}

impl ListingOrder {
    /// How many speakers it knows the names of.
    pub(super) fn len(&self) -> usize {
        self.names.len()
    }

    /// Speaker `index` is named `name`: renamed, or new when `index` is
    /// [`ListingOrder::len`].
    pub(super) fn named(&mut self, index: usize, name: &str) {
        let lower = name.to_lowercase();
        let prefix = sort_prefix(&lower);
        if index < self.names.len() {
            self.names[index] = lower;
            self.prefixes[index] = prefix;
        } else {
            self.names.push(lower);
            self.prefixes.push(prefix);
        }
        self.moved(index);
    }

    /// Forgets the speakers from `len` on (they are named again).
    pub(super) fn truncate(&mut self, len: usize) {
        if len < self.names.len() {
            self.names.truncate(len);
            self.prefixes.truncate(len);
            self.stale();
            self.all = true;
        }
    }

    /// Speaker `index` has a new statement count.
    pub(super) fn moved(&mut self, index: usize) {
        self.stale();
        if !self.all {
            self.moved.push(index);
            // Bounded: past one entry per speaker, sorting all is cheaper.
            if self.moved.len() > self.names.len().max(64) {
                self.all = true;
                self.moved = Vec::new();
            }
        }
    }

    /// The order, each speaker with its count; `count` gives a speaker's.
    pub(super) fn get(&self, count: impl Fn(usize) -> usize) -> &[(usize, usize)] {
        self.current.get_or_init(|| self.work_out(&count))
    }

    /// The order worked out is out of date: keep it as the base to merge into.
    fn stale(&mut self) {
        if let Some(order) = self.current.take() {
            self.base = order;
            self.moved.clear();
            self.all = false;
        }
    }

    fn key(&self, speaker: usize, count: usize) -> Key {
        (Reverse(count), self.prefixes.get(speaker).copied().unwrap_or(0), speaker)
    }

    fn compare(&self, a: &Key, b: &Key) -> Ordering {
        (a.0, a.1).cmp(&(b.0, b.1)).then_with(|| self.names.get(a.2).cmp(&self.names.get(b.2))).then(a.2.cmp(&b.2))
    }

    fn work_out(&self, count: &impl Fn(usize) -> usize) -> Vec<(usize, usize)> {
        let speakers = self.names.len();
        if self.all || self.base.is_empty() || self.base.len() > speakers {
            let mut keyed: Vec<Key> = (0..speakers).map(|s| self.key(s, count(s))).collect();
            keyed.sort_unstable_by(|a, b| self.compare(a, b));
            return keyed.into_iter().map(|(count, _, speaker)| (speaker, count.0)).collect();
        }
        // The base lists every speaker known when it was worked out; the
        // ones after those are new, and move like the rest that changed.
        let mut is_moved = vec![false; speakers];
        is_moved[self.base.len()..].fill(true);
        for &speaker in self.moved.iter().filter(|&&s| s < speakers) {
            is_moved[speaker] = true;
        }
        let mut fresh: Vec<Key> = (0..speakers).filter(|&s| is_moved[s]).map(|s| self.key(s, count(s))).collect();
        fresh.sort_unstable_by(|a, b| self.compare(a, b));
        let kept = self.base.iter().filter(|(s, _)| !is_moved[*s]).map(|&(s, c)| self.key(s, c));
        self.merge(kept, fresh.into_iter())
    }

    /// Two runs in order, merged into one in order.
    fn merge(&self, a: impl Iterator<Item = Key>, b: impl Iterator<Item = Key>) -> Vec<(usize, usize)> {
        let mut merged = Vec::with_capacity(self.names.len());
        let (mut a, mut b) = (a.peekable(), b.peekable());
        loop {
            let next = match (a.peek(), b.peek()) {
                (Some(x), Some(y)) if self.compare(x, y) == Ordering::Greater => b.next(),
                (Some(_), _) => a.next(),
                (None, _) => b.next(),
            };
            let Some((count, _, speaker)) = next else { break };
            merged.push((speaker, count.0));
        }
        merged
    }
}

fn sort_prefix(name: &str) -> u128 {
    let mut bytes = [0u8; 16];
    let head = &name.as_bytes()[..name.len().min(16)];
    bytes[..head.len()].copy_from_slice(head);
    u128::from_be_bytes(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The order as a plain sort by count then lower-cased name then index.
    fn sorted(names: &[String], counts: &[usize]) -> Vec<(usize, usize)> {
        let mut order: Vec<usize> = (0..names.len()).collect();
        order.sort_by(|&a, &b| {
            counts[b]
                .cmp(&counts[a])
                .then_with(|| names[a].to_lowercase().cmp(&names[b].to_lowercase()))
                .then(a.cmp(&b))
        });
        order.into_iter().map(|s| (s, counts[s])).collect()
    }

    /// A change while loading: a new speaker, a statement counted, a rename.
    #[derive(Debug, Clone)]
    enum Change {
        New(String),
        Counted(usize),
        Renamed(usize, String),
    }

    fn change() -> impl Strategy<Value = Change> {
        // Few letters, so names tie in their first sixteen bytes and in case.
        let name = "(Aa|aa|Ab|b){0,9}";
        prop_oneof![
            name.prop_map(Change::New),
            (0..40usize).prop_map(Change::Counted),
            ((0..40usize), name).prop_map(|(i, n)| Change::Renamed(i, n)),
        ]
    }

    proptest! {
        /// However changes and listings interleave (a listing after some
        /// batches, not others), the kept order is the one a full sort gives.
        #[test]
        fn the_kept_order_is_a_full_sort(batches in prop::collection::vec(prop::collection::vec(change(), 0..30), 1..12)) {
            let mut order = ListingOrder::default();
            let (mut names, mut counts): (Vec<String>, Vec<usize>) = (Vec::new(), Vec::new());
            for (i, batch) in batches.iter().enumerate() {
                for change in batch {
                    match change.clone() {
                        Change::New(name) => {
                            order.named(names.len(), &name);
                            names.push(name);
                            counts.push(0);
                        }
                        Change::Counted(s) if s < names.len() => {
                            counts[s] += 1;
                            order.moved(s);
                        }
                        Change::Renamed(s, name) if s < names.len() => {
                            order.named(s, &name);
                            names[s] = name;
                        }
                        _ => {}
                    }
                }
                if i % 3 != 1 {
                    prop_assert_eq!(order.get(|s| counts[s]).to_vec(), sorted(&names, &counts));
                }
            }
            prop_assert_eq!(order.get(|s| counts[s]).to_vec(), sorted(&names, &counts));
        }
    }

    /// A few changes in a large order are merged, not sorted again: the
    /// base is kept, and only the moved speakers are listed as moved.
    #[test]
    fn a_few_changes_are_merged_into_the_kept_order() {
        let mut order = ListingOrder::default();
        let names: Vec<String> = (0..1000).map(|i| format!("speaker {i:04}")).collect();
        let mut counts = vec![1; names.len()];
        for (i, name) in names.iter().enumerate() {
            order.named(i, name);
        }
        assert_eq!(order.get(|s| counts[s]), sorted(&names, &counts).as_slice());
        counts[999] = 5;
        order.moved(999);
        assert!(!order.all && order.moved == [999] && order.base.len() == 1000);
        assert_eq!(order.get(|s| counts[s])[0], (999, 5));
        assert_eq!(order.get(|s| counts[s]), sorted(&names, &counts).as_slice());
    }
}

//! The lexicon's table of short words: open addressing over their packed
//! keys ([`super::pack`]), built once and only read after. Words of up to
//! eight bytes (most of them, and most of a text's words) sit in 16-byte
//! slots, key and entry together, so a look-up usually reads one cache
//! line; longer words sit in 24-byte slots of a second, smaller table.
//! Each table is at most half full, so a probe usually ends at its first
//! slot, and an unknown word at the first empty one.

use super::Word;

/// A word of up to eight bytes: its key (zero when the slot is empty) and entry.
#[derive(Clone, Copy, Default)]
struct Short {
    key: u64,
    word: Word,
}

/// A word of nine to sixteen bytes: both halves of its key and its entry.
#[derive(Clone, Copy, Default)]
struct Long {
    lo: u64,
    hi: u64,
    word: Word,
}

/// Packed keys to entries; a key not in it reads as the unknown word.
pub(super) struct Table {
    short: Box<[Short]>,
    long: Box<[Long]>,
    /// [`shift_for`] of each table's length.
    short_shift: u32,
    long_shift: u32,
}

/// A slot count that keeps `n` keys at most half a table, a power of two.
fn slots_for(n: usize) -> usize {
    (2 * n).next_power_of_two().max(16)
}

/// How far [`home`] shifts for a table of `len` slots (a power of two).
fn shift_for(len: usize) -> u32 {
    64 - len.trailing_zeros()
}

/// Where a key's probe starts in a table of `2^(64 - shift)` slots: the
/// top bits of a multiply, which every bit of the key reaches.
#[inline]
fn home(key: u64, shift: u32) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> shift) as usize
}

/// The two halves of a long key folded into one, for [`home`].
#[inline]
fn fold(lo: u64, hi: u64) -> u64 {
    lo ^ hi.wrapping_mul(0xc2b2_ae3d_27d4_eb4f).rotate_left(31)
}

impl Table {
    /// The table of `entries`, whose keys are distinct and not zero.
    pub fn build(entries: &[(u128, Word)]) -> Table {
        let longs = entries.iter().filter(|&&(key, _)| key >> 64 != 0).count();
        let shorts = entries.len() - longs;
        let mut table = Table {
            short: vec![Short::default(); slots_for(shorts)].into_boxed_slice(),
            long: vec![Long::default(); slots_for(longs)].into_boxed_slice(),
            short_shift: shift_for(slots_for(shorts)),
            long_shift: shift_for(slots_for(longs)),
        };
        for &(key, word) in entries {
            assert_ne!(key, 0, "a lexicon word packs to a key that is not zero");
            table.insert(key, word);
        }
        table
    }

    fn insert(&mut self, key: u128, word: Word) {
        let (lo, hi) = (key as u64, (key >> 64) as u64);
        if hi == 0 {
            let mask = self.short.len() - 1;
            let mut at = home(lo, self.short_shift);
            while self.short[at].key != 0 {
                at = (at + 1) & mask;
            }
            self.short[at] = Short { key: lo, word };
        } else {
            let mask = self.long.len() - 1;
            let mut at = home(fold(lo, hi), self.long_shift);
            while self.long[at].hi != 0 {
                at = (at + 1) & mask;
            }
            self.long[at] = Long { lo, hi, word };
        }
    }

    /// The entry of `key`, or the unknown word. An empty slot holds the
    /// unknown word, so a probe returns the word of the first slot that
    /// has the key or none.
    #[inline]
    pub fn get(&self, key: u128) -> Word {
        let (lo, hi) = (key as u64, (key >> 64) as u64);
        if hi == 0 { self.get_short(lo) } else { self.get_long(lo, hi) }
    }

    #[inline]
    fn get_short(&self, key: u64) -> Word {
        let mask = self.short.len() - 1;
        let mut at = home(key, self.short_shift);
        loop {
            let slot = self.short[at];
            if slot.key == key || slot.key == 0 {
                return slot.word;
            }
            at = (at + 1) & mask;
        }
    }

    fn get_long(&self, lo: u64, hi: u64) -> Word {
        let mask = self.long.len() - 1;
        let mut at = home(fold(lo, hi), self.long_shift);
        loop {
            let slot = self.long[at];
            if slot.lo == lo && slot.hi == hi || slot.hi == 0 {
                return slot.word;
            }
            at = (at + 1) & mask;
        }
    }

    /// Every key in the table with its entry (for tests).
    #[cfg(test)]
    pub fn entries(&self) -> impl Iterator<Item = (u128, Word)> + '_ {
        let short = self.short.iter().filter(|s| s.key != 0).map(|s| (u128::from(s.key), s.word));
        let long = self.long.iter().filter(|s| s.hi != 0).map(|s| (u128::from(s.lo) | u128::from(s.hi) << 64, s.word));
        short.chain(long)
    }
}

#[cfg(test)]
mod tests {
    use super::super::pack::pack;
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn finds_every_key_it_was_built_from_and_nothing_else() {
        let words = ["said", "told", "a", "spokeswoman", "abcdefgh", "abcdefghi", "x0123456789abcde"];
        let entries: Vec<(u128, Word)> = words
            .iter()
            .enumerate()
            .map(|(k, w)| (pack(w.as_bytes()).unwrap_or_default(), Word::with_tags(1 << k)))
            .collect();
        let table = Table::build(&entries);
        for &(key, word) in &entries {
            assert_eq!(table.get(key), word);
        }
        let mut found: Vec<(u128, Word)> = table.entries().collect();
        found.sort_by_key(|&(key, _)| key);
        let mut expected = entries.clone();
        expected.sort_by_key(|&(key, _)| key);
        assert_eq!(found, expected);
        for other in ["sai", "saidx", "b", "abcdefg", "abcdefghij", "x0123456789abcdf", "\0", "Said!"] {
            assert_eq!(table.get(pack(other.as_bytes()).unwrap_or_default()), Word::default(), "{other:?}");
        }
        assert_eq!(table.get(0), Word::default());
    }

    #[test]
    fn agrees_with_a_hash_map_on_many_colliding_keys() {
        // Keys that differ only in their high half, and many in one table,
        // so probes run past their home slot and wrap around.
        let mut map = HashMap::new();
        for n in 1..3000u128 {
            map.insert(n * 0x1_0000_0001, Word::with_tags(n as u64));
            map.insert(n << 64 | 7, Word::with_tags(n as u64 + 1));
        }
        let entries: Vec<(u128, Word)> = map.iter().map(|(&k, &w)| (k, w)).collect();
        let table = Table::build(&entries);
        for n in 0..4000u128 {
            for key in [n * 0x1_0000_0001, n << 64 | 7, n << 64 | 8, n] {
                assert_eq!(table.get(key), map.get(&key).copied().unwrap_or_default(), "{key:x}");
            }
        }
    }

    #[test]
    fn the_table_holds_every_short_form_the_lists_give_and_nothing_else() {
        let built = super::super::Builder::build();
        let short = built.words.short.clone();
        let lexicon = built.finish();
        assert!(short.len() > 20_000, "{}", short.len());
        for (&key, &word) in &short {
            assert_eq!(lexicon.table.get(key), word, "{key:x}");
        }
        let mut in_table: Vec<u128> = lexicon.table.entries().map(|(key, _)| key).collect();
        in_table.sort_unstable();
        let mut listed: Vec<u128> = short.keys().copied().collect();
        listed.sort_unstable();
        assert_eq!(in_table, listed);
        assert_eq!(super::super::lookup("Spokeswomen"), super::super::lookup("spokeswomen"));
        assert!(super::super::lookup("xqzvy").is_unknown());
    }
}

//! Name keys to entities, the keys stored end to end in one string: a
//! document's keys take one growing buffer rather than a `String` each, a
//! key is hashed once per look-up and insert, and emptying the table for
//! the next document frees nothing.

use hashbrown::HashTable;
use hashbrown::hash_table::Entry;
use std::hash::BuildHasher;

/// A key's place in [`Keys::text`] and the entity it names.
#[derive(Clone, Copy)]
struct Slot {
    start: usize,
    len: usize,
    id: usize,
}

/// A map from name keys to entity ids, hashed with foldhash seeded at
/// random per process: a hostile document cannot choose names that
/// collide. Only looked up, never iterated, so the seed cannot change any
/// output.
#[derive(Default)]
pub(super) struct Keys {
    text: String,
    table: HashTable<Slot>,
    hasher: foldhash::fast::RandomState,
}

impl Keys {
    fn hash(&self, key: &str) -> u64 {
        self.hasher.hash_one(key)
    }

    /// The key a slot holds.
    fn key_of<'k>(text: &'k str, slot: &Slot) -> &'k str {
        &text[slot.start..slot.start + slot.len]
    }

    /// The entity `key` names, if any.
    pub fn get(&self, key: &str) -> Option<usize> {
        let text = &self.text;
        self.table.find(self.hash(key), |slot| Self::key_of(text, slot) == key).map(|slot| slot.id)
    }

    /// Makes `key` name `id`, whether or not it named another entity.
    pub fn insert(&mut self, key: &str, id: usize) {
        self.insert_with(key, id, true);
    }

    /// Makes `key` name `id` unless it names an entity already; whether it
    /// was new.
    pub fn insert_new(&mut self, key: &str, id: usize) -> bool {
        self.insert_with(key, id, false)
    }

    /// One probe finds the key or the slot it goes in.
    fn insert_with(&mut self, key: &str, id: usize, replace: bool) -> bool {
        let hash = self.hash(key);
        let Keys { text, table, hasher } = self;
        let eq = |slot: &Slot| Self::key_of(text, slot) == key;
        match table.entry(hash, eq, |slot| hasher.hash_one(Self::key_of(text, slot))) {
            Entry::Occupied(mut found) => {
                if replace {
                    found.get_mut().id = id;
                }
                false
            }
            Entry::Vacant(vacant) => {
                vacant.insert(Slot { start: text.len(), len: key.len(), id });
                text.push_str(key);
                true
            }
        }
    }

    /// How many keys the table has room for, its text counted at 32 bytes
    /// a key, so one huge name makes it as big as many short ones.
    pub fn capacity(&self) -> usize {
        self.table.capacity().max(self.text.capacity() / 32)
    }

    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// Forgets every key, keeping the room they took.
    pub fn clear(&mut self) {
        self.text.clear();
        self.table.clear();
    }
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keys").field("len", &self.table.len()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn keys_answer_as_a_hash_map_does() {
        let mut keys = Keys::default();
        let mut map = HashMap::new();
        let words = ["jane smith", "smith", "", "nspcc", "jane", "smiths", "jane smith", "board"];
        for (n, word) in words.iter().cycle().take(200).enumerate() {
            let key = format!("{word}{}", n % 37);
            if n % 3 == 0 {
                assert_eq!(keys.insert_new(&key, n), !map.contains_key(&key));
                map.entry(key.clone()).or_insert(n);
            } else {
                keys.insert(&key, n);
                map.insert(key.clone(), n);
            }
            for probe in [key.as_str(), word, "absent"] {
                assert_eq!(keys.get(probe), map.get(probe).copied(), "{probe:?}");
            }
        }
        keys.clear();
        assert!(keys.is_empty() && keys.get("jane smith0").is_none());
    }
}

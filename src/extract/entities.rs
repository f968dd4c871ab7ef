//! The entities of one document: every mention of the same person or
//! organisation (full name, surname with title, acronym, the description
//! that named it first) comes to one record. Each look-up is a constant
//! number of hash probes, so a document's cost stays linear in its names.

mod keys;

use std::cell::RefCell;

use super::lexicon::{normalize_name, normalize_name_into};
use super::mentions::{Gender, NameKind};
use super::{Entity, SpeakerKind};
use keys::Keys;

/// What an entity is, beyond its speaker kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sort {
    Person,
    Organisation,
    /// One word with no evidence yet (a surname or a company).
    Unknown,
    Group,
    /// A report, review or study: it speaks for its author when known.
    Document,
    /// Someone described but not yet named ("a former minister").
    Described,
}

#[derive(Debug, Clone)]
pub(crate) struct Record {
    pub name: String,
    pub aliases: Vec<String>,
    pub sort: Sort,
    pub gender: Gender,
    /// For a document: who wrote it.
    pub author: Option<usize>,
    /// Role words used of it ("minister", "chairman", "charity").
    pub roles: Vec<String>,
    /// Made for a description of someone not yet named: `Some(definite)`.
    pub placeholder: Option<bool>,
    /// The sentence it was first mentioned in.
    pub first_seen: usize,
}

/// The entities of one document.
#[derive(Debug, Default)]
pub(crate) struct Registry {
    records: Vec<Record>,
    /// Merges: an entity found to be another points to it.
    parent: Vec<usize>,
    keys: Keys,
    /// A person's last name (and one-word names) to the latest holder.
    surnames: Keys,
    /// Reused buffers, so a look-up allocates nothing.
    scratch: Scratch,
    /// The sentence being read, for [`Record::first_seen`].
    pub sentence: usize,
}

/// The initials of a name's capitalised words ("Her Majesty's Inspectorate
/// of Constabulary" gives "hmic"), when it has three or more, or `fewest`
/// is two and it is two capitalised words ("Football Association"): written
/// into `letters` (a reused buffer, cleared first), and whether it has them.
fn initials_into(name: &str, fewest: usize, letters: &mut String) -> bool {
    letters.clear();
    if name.is_ascii() {
        return ascii_initials_into(name, fewest, letters);
    }
    // Most names have fewer words than that: no letters to gather.
    if name.split_whitespace().nth(fewest.clamp(2, 3) - 1).is_none() {
        return false;
    }
    any_initials(name, fewest).map(|found| letters.push_str(&found)).is_some()
}

/// [`initials_into`] of any text, char by char (the ASCII path gives the same).
fn any_initials(name: &str, fewest: usize) -> Option<String> {
    let letters: String = name
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect();
    let (capitals, words) = (letters.chars().count(), name.split_whitespace().count());
    (capitals >= 3 && words >= 3 || fewest == 2 && capitals == 2 && words == 2).then_some(letters)
}

/// A map is kept for the thread's next document only while it holds
/// this few names, so one huge document does not keep its tables.
const KEPT_NAMES: usize = 1 << 12;

/// The tables of this thread's last document, emptied.
#[derive(Default)]
struct Kept {
    records: Vec<Record>,
    parent: Vec<usize>,
    keys: Keys,
    surnames: Keys,
    scratch: Scratch,
}

/// Buffers for a name's key, its possessive stem's key (or a description's
/// key) and a name counted in words: kept from one document to the next
/// with the tables, so they are not grown again for each.
#[derive(Debug, Default)]
struct Scratch {
    key: String,
    stem: String,
    words: String,
}

thread_local! {
    static KEPT: RefCell<Kept> = RefCell::default();
}

/// [`initials_into`] of an ASCII name (`letters` empty), with the same
/// result: one byte a word, no case tables, and the words counted before
/// any letter is written (most names have too few).
fn ascii_initials_into(name: &str, fewest: usize, letters: &mut String) -> bool {
    // `split_whitespace` also splits at a vertical tab, which
    // `split_ascii_whitespace` does not.
    let words = || name.as_bytes().split(|&b| b.is_ascii_whitespace() || b == 0x0b).filter(|w| !w.is_empty());
    let (mut count, mut capitals) = (0, 0);
    for word in words() {
        count += 1;
        capitals += usize::from(word[0].is_ascii_uppercase());
    }
    if !(capitals >= 3 && count >= 3 || fewest == 2 && capitals == 2 && count == 2) {
        return false;
    }
    for word in words().filter(|w| w[0].is_ascii_uppercase()) {
        letters.push(char::from(word[0].to_ascii_lowercase()));
    }
    true
}

impl Registry {
    /// A registry for a new document, with the (emptied) tables of the
    /// thread's document before, so a folder of articles does not grow
    /// them from empty for each of them.
    pub fn for_document() -> Registry {
        let Kept { records, parent, keys, surnames, scratch } =
            KEPT.with(|kept| std::mem::take(&mut *kept.borrow_mut()));
        debug_assert!(records.is_empty() && parent.is_empty() && keys.is_empty() && surnames.is_empty());
        Registry { records, parent, keys, surnames, scratch, ..Registry::default() }
    }

    /// Empties the tables and keeps them for the thread's next document,
    /// unless they grew large.
    fn give_back(mut kept: Kept) {
        let tables = [kept.records.capacity(), kept.parent.capacity(), kept.keys.capacity(), kept.surnames.capacity()];
        let buffers = [kept.scratch.key.capacity(), kept.scratch.stem.capacity(), kept.scratch.words.capacity()];
        // A buffer's capacity is in bytes: a name of this many is huge too.
        let small = tables.iter().chain(&buffers).all(|&n| n <= KEPT_NAMES);
        if small {
            kept.records.clear();
            kept.parent.clear();
            kept.keys.clear();
            kept.surnames.clear();
            KEPT.with(|slot| *slot.borrow_mut() = kept);
        }
    }

    /// The entity `id` stands for now (after merges).
    pub fn root(&self, mut id: usize) -> usize {
        while self.parent[id] != id {
            id = self.parent[id];
        }
        id
    }

    pub fn get(&self, id: usize) -> &Record {
        &self.records[self.root(id)]
    }

    fn get_mut(&mut self, id: usize) -> &mut Record {
        let root = self.root(id);
        &mut self.records[root]
    }

    fn push(&mut self, mut record: Record) -> usize {
        record.first_seen = self.sentence;
        self.records.push(record);
        self.parent.push(self.records.len() - 1);
        self.records.len() - 1
    }

    /// `then` of the registry and the key of `name`, normalised into the
    /// reused buffer rather than a new string.
    fn with_key<R>(&mut self, name: &str, then: impl FnOnce(&mut Self, &str) -> R) -> R {
        let mut key = std::mem::take(&mut self.scratch.key);
        normalize_name_into(name, &mut key);
        let result = then(self, &key);
        self.scratch.key = key;
        result
    }

    /// An entity already known by exactly this name (for tests).
    #[cfg(test)]
    pub fn known(&mut self, name: &str) -> Option<usize> {
        self.with_key(name, |registry, key| registry.keys.get(key).map(|id| registry.root(id)))
    }

    /// The entity a proper name refers to, made when it is new. A surname
    /// alone, or with a title, is the person last named with it.
    pub fn name(&mut self, name: &str, kind: NameKind, gender: Gender) -> usize {
        let mut key = std::mem::take(&mut self.scratch.key);
        let mut stem_key = std::mem::take(&mut self.scratch.stem);
        normalize_name_into(name, &mut key);
        let stem = possessive_stem(name).map(|stem| {
            normalize_name_into(stem, &mut stem_key);
            stem_key.as_str()
        });
        let id = self.name_keyed(name, &key, stem, kind, gender);
        self.scratch.key = key;
        self.scratch.stem = stem_key;
        id
    }

    /// [`Registry::name`] given the name's key and, for a possessive, its
    /// stem's key; a key is copied only when it is stored.
    fn name_keyed(&mut self, name: &str, key: &str, stem_key: Option<&str>, kind: NameKind, gender: Gender) -> usize {
        if key.is_empty() {
            return self.push(record(name, Sort::Unknown, gender));
        }
        if let Some(id) = self.keys.get(key).or_else(|| stem_key.and_then(|k| self.keys.get(k))) {
            let id = self.root(id);
            self.learn(id, kind, gender);
            if stem_key.is_some() && self.records[id].name.len() < name.len() {
                // "Barnardo" seen as an owner first: "Barnardo's" is its name.
                self.alias(id, name, key);
                let record = &mut self.records[id];
                if let Some(at) = record.aliases.iter().position(|a| a == name) {
                    let full = record.aliases.remove(at);
                    let old = std::mem::replace(&mut record.name, full);
                    record.aliases.push(old);
                }
            }
            return id;
        }
        let last = last_word(key);
        let single = !key.contains(' ');
        if kind != NameKind::Organisation
            && let Some(id) = self.surnames.get(last)
        {
            let id = self.root(id);
            let record = &self.records[id];
            let compatible = match record.sort {
                Sort::Person => single || !self.first_names_differ(id, key),
                Sort::Unknown => true,
                _ => false,
            };
            if compatible && (record.gender == gender || gender == Gender::Unknown || record.gender == Gender::Unknown)
            {
                self.alias(id, name, key);
                self.learn(id, kind, gender);
                return id;
            }
        }
        let sort = match kind {
            NameKind::Person => Sort::Person,
            NameKind::Organisation => Sort::Organisation,
            NameKind::Unknown => Sort::Unknown,
        };
        let id = self.push(record(name, sort, gender));
        self.keys.insert(key, id);
        if let Some(stem_key) = stem_key {
            self.keys.insert_new(stem_key, id);
        }
        if sort != Sort::Organisation {
            self.surnames.insert(last, id);
        }
        if sort != Sort::Person {
            // An organisation of two words has a two-letter one too ("the
            // Football Association", "the FA").
            let mut letters = std::mem::take(&mut self.scratch.words);
            if initials_into(name, if sort == Sort::Organisation { 2 } else { 3 }, &mut letters) {
                self.keys.insert_new(&letters, id);
            }
            self.scratch.words = letters;
        }
        id
    }

    /// Whether a person entity's known full names have another first name
    /// than `key` ("Gordon Brown" is not "Nick Brown").
    fn first_names_differ(&self, id: usize, key: &str) -> bool {
        let first = key.split(' ').next().unwrap_or("");
        let record = &self.records[id];
        std::iter::once(&record.name).chain(&record.aliases).any(|n| {
            let n = normalize_name(n);
            n.contains(' ') && n.split(' ').next() != Some(first)
        })
    }

    /// Adds what a new mention shows: a person's kind or gender.
    fn learn(&mut self, id: usize, kind: NameKind, gender: Gender) {
        let record = self.get_mut(id);
        if record.sort == Sort::Unknown {
            record.sort = match kind {
                NameKind::Person => Sort::Person,
                NameKind::Organisation => Sort::Organisation,
                NameKind::Unknown => Sort::Unknown,
            };
        }
        if record.gender == Gender::Unknown {
            record.gender = gender;
        }
    }

    /// Another name for `id`, `key` being its normal form; the longer of
    /// two names becomes its name.
    fn alias(&mut self, id: usize, name: &str, key: &str) {
        self.keys.insert(key, id);
        let root = self.root(id);
        let mut buffer = std::mem::take(&mut self.scratch.words);
        let record = &mut self.records[root];
        if record.name == name || record.aliases.iter().any(|a| a == name) {
            self.scratch.words = buffer;
            return;
        }
        // The key is the name normalised: its words are counted as they are.
        let longer = words_of_key(key) > word_count(&record.name, &mut buffer);
        self.scratch.words = buffer;
        if longer {
            let old = std::mem::replace(&mut record.name, name.to_string());
            record.aliases.push(old);
        } else {
            record.aliases.push(name.to_string());
        }
    }

    /// Records that `short` (an acronym in brackets) names `id`.
    pub fn define(&mut self, id: usize, short: &str) {
        let defined = self.with_key(short, |registry, key| {
            if key.is_empty() {
                return false;
            }
            match registry.keys.get(key).map(|k| registry.root(k)) {
                Some(other) if other != registry.root(id) => registry.merge(other, id),
                _ => {}
            }
            registry.alias(id, short, key);
            true
        });
        if !defined {
            return;
        }
        let record = self.get_mut(id);
        if record.sort == Sort::Unknown {
            record.sort = Sort::Organisation;
        }
    }

    /// An entity named only by a description: a group ("young victims"), a
    /// document ("the report") or someone not yet named. Groups of the same
    /// words are one entity.
    pub fn described(&mut self, words: &str, sort: Sort, gender: Gender) -> usize {
        if matches!(sort, Sort::Group | Sort::Described) {
            // A description's key is marked, so it is never a name's.
            let mut key = std::mem::take(&mut self.scratch.stem);
            normalize_name_into(words, &mut key);
            key.insert(0, '\u{1}');
            let id = match self.keys.get(&key) {
                Some(id) => self.root(id),
                None => {
                    let id = self.push(record(words, sort, gender));
                    self.keys.insert(&key, id);
                    id
                }
            };
            self.scratch.stem = key;
            return id;
        }
        self.push(record(words, sort, gender))
    }

    /// A description standing for someone the text may name later.
    pub fn placeholder(&mut self, words: &str, sort: Sort, gender: Gender, definite: bool) -> usize {
        let id = self.push(record(words, sort, gender));
        self.records[id].placeholder = Some(definite);
        id
    }

    /// How sure a statement by `id` is, now that the whole document is
    /// read: a description later named is as sure as a name; a definite
    /// description of a person never named ("the minister") is too unsure
    /// to show.
    pub fn settled_confidence(&self, id: usize, confidence: f32) -> f32 {
        match self.records[id].placeholder {
            Some(_) if self.root(id) != id => confidence.max(0.75),
            Some(true) if self.records[id].sort == Sort::Described => confidence.min(0.45),
            _ => confidence,
        }
    }

    /// `from` turned out to be `into` (a description named later, a
    /// document whose author is found).
    pub fn merge(&mut self, from: usize, into: usize) {
        let (from, into) = (self.root(from), self.root(into));
        if from == into {
            return;
        }
        self.parent[from] = into;
        let moved = std::mem::take(&mut self.records[from].roles);
        self.records[into].roles.extend(moved);
    }

    pub fn set_author(&mut self, document: usize, author: usize) {
        let author = self.root(author);
        if self.root(document) != author {
            self.get_mut(document).author = Some(author);
        }
    }

    /// A longer name the text gives with a title ("German Chancellor
    /// Angela Merkel"): kept as an alias (a few at most).
    pub fn titled_alias(&mut self, id: usize, name: &str) {
        let root = self.root(id);
        if self.records[root].aliases.len() >= 8 || self.records[root].name == name {
            return;
        }
        if self.with_key(name, |registry, key| registry.keys.insert_new(key, root)) {
            self.records[root].aliases.push(name.to_string());
        }
    }

    pub fn add_role(&mut self, id: usize, role: &str) {
        let record = self.get_mut(id);
        if record.roles.len() < 8 && !record.roles.iter().any(|r| r == role) {
            record.roles.push(role.to_string());
        }
    }

    /// Who speaks when `id` does: a document's author, else itself.
    pub fn speaker(&self, id: usize) -> usize {
        let id = self.root(id);
        match self.records[id].author {
            Some(author) if self.records[id].sort == Sort::Document => self.root(author),
            _ => id,
        }
    }

    /// The entities as the extraction reports them (roots only; `map`
    /// gives each entity index its root's position).
    pub fn finish(self) -> (Vec<Entity>, Vec<usize>) {
        let roots: Vec<usize> = (0..self.records.len()).map(|id| self.root(id)).collect();
        let Registry { mut records, parent, keys, surnames, scratch, .. } = self;
        let entities = records
            .drain(..)
            .map(|r| {
                let kind = match r.sort {
                    Sort::Person | Sort::Described if r.gender != Gender::Unknown || r.sort == Sort::Person => {
                        SpeakerKind::Person
                    }
                    Sort::Group => SpeakerKind::Group,
                    Sort::Described => SpeakerKind::Person,
                    _ => SpeakerKind::Organisation,
                };
                let mut aliases = r.aliases;
                aliases.retain(|a| *a != r.name);
                aliases.dedup();
                Entity { name: r.name, aliases, kind, described: r.sort == Sort::Described }
            })
            .collect();
        Registry::give_back(Kept { records, parent, keys, surnames, scratch });
        (entities, roots)
    }
}

/// The last word of a key (words are one space apart).
fn last_word(key: &str) -> &str {
    key.as_bytes().iter().rposition(|&b| b == b' ').map_or(key, |space| &key[space + 1..])
}

/// How many words [`normalize_name`] gives `name`, normalised into `buffer`:
/// one more than its spaces (what splitting at them counts), told from its
/// bytes without a pattern search.
fn word_count(name: &str, buffer: &mut String) -> usize {
    normalize_name_into(name, buffer);
    words_of_key(buffer)
}

/// How many words a normalised name has: one more than its spaces.
fn words_of_key(key: &str) -> usize {
    key.bytes().filter(|&b| b == b' ').count() + 1
}

/// A name without its final `'s`, when it has one.
fn possessive_stem(name: &str) -> Option<&str> {
    ["'s", "’s"].iter().find_map(|suffix| name.strip_suffix(suffix)).filter(|stem| !stem.is_empty())
}

fn record(name: &str, sort: Sort, gender: Gender) -> Record {
    Record {
        name: name.to_string(),
        aliases: Vec::new(),
        sort,
        gender,
        author: None,
        roles: Vec::new(),
        placeholder: None,
        first_seen: usize::MAX,
    }
}

#[cfg(test)]
mod tests;

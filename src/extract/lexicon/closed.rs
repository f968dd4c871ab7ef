//! The small closed classes of `curated.txt` (its `[closed.*]` sections)
//! that rules match by exact text: a handful of words each, so a scan is as
//! cheap as a hash probe, and no tag bit is spent on them.

use std::sync::LazyLock;

/// One closed class, in the order `curated.txt` lists it.
pub(crate) struct Closed(Vec<&'static str>);

impl Closed {
    fn read(section: &str) -> Closed {
        Closed(super::curated().filter(|(s, _)| *s == section).map(|(_, w)| w).collect())
    }

    /// Whether `word`, exactly as written, is in the class.
    pub(crate) fn has(&self, word: &str) -> bool {
        self.0.contains(&word)
    }

    /// Whether `word`, in any case, is in the class.
    pub(crate) fn has_any_case(&self, word: &str) -> bool {
        self.0.iter().any(|w| w.eq_ignore_ascii_case(word))
    }
}

/// "the", "this", "those": a definite reference back.
pub(crate) static DEFINITE: LazyLock<Closed> = LazyLock::new(|| Closed::read("closed.definite"));
/// "up", "off": particles that change a verb's sense.
pub(crate) static PARTICLE: LazyLock<Closed> = LazyLock::new(|| Closed::read("closed.particle"));
/// "after", "while": an -ing form after one is an adjunct.
pub(crate) static ADJUNCT: LazyLock<Closed> = LazyLock::new(|| Closed::read("closed.adjunct"));
/// "and", "then": a verb after one belongs to the main clause.
pub(crate) static COORDINATOR: LazyLock<Closed> = LazyLock::new(|| Closed::read("closed.coordinator"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_closed_class_is_read_from_the_data_file() {
        for class in [&DEFINITE, &PARTICLE, &ADJUNCT, &COORDINATOR] {
            assert!(!class.0.is_empty());
        }
        assert!(DEFINITE.has_any_case("The") && !DEFINITE.has("The"));
        assert!(PARTICLE.has("off") && !PARTICLE.has("said"));
        assert!(COORDINATOR.has("then"));
    }
}

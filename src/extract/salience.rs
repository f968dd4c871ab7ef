//! Coreference by salience: who "he", "she", "they", "the minister" or "a
//! spokesman" most likely is, from the entities the last few sentences
//! mentioned, subjects first, with gender and number agreeing. The list is
//! short and bounded, so every look-up costs the same at any document size.

use super::entities::{Registry, Sort};
use super::lexicon::{self, tag};
use super::mentions::Gender;

/// How many recent mentions are kept.
const KEPT: usize = 24;
/// How many sentences back a pronoun may reach.
const REACH: usize = 4;

#[derive(Debug, Clone, Copy)]
struct Item {
    entity: usize,
    sentence: usize,
    /// The subject of its clause (a speaker or the doer of an action).
    subject: bool,
    /// The speaker of a cue.
    speaker: bool,
    /// For a person mention (a spokesperson standing for an organisation
    /// included): the person's gender.
    gender: Gender,
    person: bool,
}

/// A resolution with how sure it is (0 to 1).
pub(crate) type Resolved = (usize, f32);

/// A role a description names: its head noun ("chief") and the
/// capitalised words before it ("Metropolitan"), lower-cased.
#[derive(Debug, Clone, Default)]
pub(crate) struct Role {
    pub head: String,
    pub modifiers: Vec<String>,
    /// The description holds a capitalised modifier: only an entity with
    /// that role recorded can be it.
    pub named: bool,
    /// A people or place ("the Scot"), which any office-holder may also be.
    pub people: bool,
}

impl Role {
    /// Whether a recorded role phrase ("norfolk police chief") can be this.
    pub fn fits(&self, recorded: &str) -> bool {
        recorded.rsplit(' ').next() == Some(self.head.as_str())
            && self.modifiers.iter().all(|m| recorded.split(' ').any(|w| w == m))
    }
}

#[derive(Debug, Default)]
pub(crate) struct Salience {
    items: Vec<Item>,
    /// The latest speaker the text leaves unnamed ("a spokeswoman said"
    /// with no organisation in view): its sentence and gender. A pronoun
    /// after it is that unknown person, not someone named before.
    unnamed: Option<(usize, Gender)>,
}

fn agrees(wanted: Gender, found: Gender) -> bool {
    wanted == Gender::Unknown || found == Gender::Unknown || wanted == found
}

/// What an unfilled slot of [`Salience::person_pronoun`]'s candidates holds.
static NO_ITEM: Item =
    Item { entity: 0, sentence: 0, subject: false, speaker: false, gender: Gender::Unknown, person: false };

impl Salience {
    /// An empty list with room for all it keeps, so it never grows.
    pub fn new() -> Salience {
        Salience { items: Vec::with_capacity(KEPT), unnamed: None }
    }

    /// Notes a mention of `entity` in sentence `sentence`. `person_gender`
    /// is set when the mention is a person (a spokesperson included).
    pub fn mention(&mut self, entity: usize, sentence: usize, subject: bool, person: Option<Gender>) {
        self.push(Item {
            entity,
            sentence,
            subject,
            speaker: false,
            gender: person.unwrap_or_default(),
            person: person.is_some(),
        });
    }

    /// Notes that `entity` spoke (a cue's speaker) in sentence `sentence`.
    pub fn spoke(&mut self, entity: usize, sentence: usize, person: Option<Gender>) {
        self.push(Item {
            entity,
            sentence,
            subject: true,
            speaker: true,
            gender: person.unwrap_or_default(),
            person: person.is_some(),
        });
    }

    /// Notes a speaker the text does not name, so "she added" after "a
    /// spokeswoman said" stays unattributed instead of reaching back.
    pub fn spoke_unnamed(&mut self, sentence: usize, gender: Gender) {
        self.unnamed = Some((sentence, gender));
    }

    /// The latest mention, when in `sentence`, shares the subject with
    /// the one about to be noted (names listed with "and").
    pub fn last_is_subject_too(&mut self, sentence: usize) {
        if let Some(last) = self.items.last_mut().filter(|i| i.sentence == sentence) {
            last.subject = true;
        }
    }

    fn push(&mut self, item: Item) {
        if self.items.len() == KEPT {
            self.items.remove(0);
        }
        self.items.push(item);
    }

    fn recent(&self, sentence: usize, reach: usize) -> impl Iterator<Item = &Item> {
        self.items.iter().rev().filter(move |i| i.sentence + reach >= sentence)
    }

    /// "he" or "she": the latest person of that gender, a subject before
    /// an object; unsure when another person of that gender is in view.
    /// Never one of `named_after`, the people the pronoun's own sentence
    /// names after it: "He said Mr Jackson had left" is not Mr Jackson.
    pub fn person_pronoun(
        &self,
        registry: &Registry,
        gender: Gender,
        sentence: usize,
        named_after: &[usize],
    ) -> Option<Resolved> {
        let gender_of = |i: &Item| if i.person { i.gender } else { registry.get(i.entity).gender };
        let fits = |i: &&Item| {
            let person = i.person || matches!(registry.get(i.entity).sort, Sort::Person | Sort::Described);
            person && agrees(gender, gender_of(i))
        };
        // Those named after it stay in view as rivals; they are only never chosen.
        let choosable = |i: &&&Item| !named_after.contains(&registry.root(i.entity));
        // At most KEPT of them: gathered on the stack, not in a new vector.
        let mut gathered = [&NO_ITEM; KEPT];
        let mut n = 0;
        for item in self.recent(sentence, REACH).filter(fits) {
            gathered[n] = item;
            n += 1;
        }
        let candidates = &gathered[..n];
        let recent = |i: &&&Item| i.sentence + 1 >= sentence;
        let best = candidates
            .iter()
            .filter(recent)
            .filter(choosable)
            .find(|i| i.speaker)
            .or_else(|| candidates.iter().filter(recent).filter(choosable).find(|i| i.subject))
            .or_else(|| candidates.iter().filter(choosable).find(|i| i.subject))
            .or_else(|| candidates.iter().find(choosable));
        let Some(best) = best else {
            // Only people its sentence names after it: someone the text
            // does not name spoke (kept as a speaker no one is sure of, so
            // the sentence's other cues do not take its words).
            return candidates.first().map(|i| (registry.root(i.entity), 0.3));
        };
        if self.unnamed.is_some_and(|(at, g)| at >= best.sentence && at + REACH >= sentence && agrees(gender, g)) {
            return None;
        }
        let chosen = registry.root(best.entity);
        let others = |i: &&&Item| registry.root(i.entity) != chosen;
        // Another person of that gender named as a subject since, or
        // anywhere in view.
        // Those named after the pronoun came after it, not between.
        let later_rival = candidates
            .iter()
            .take_while(|i| !std::ptr::eq(**i, *best))
            .filter(others)
            .filter(choosable)
            .any(|i| i.subject);
        let any_rival = candidates.iter().any(|i| others(&i));
        // "Tom Reed and Paul Hart were charged. He said …": two people in
        // the same place of the same sentence; either could be "he".
        let tied = candidates
            .iter()
            .filter(others)
            .any(|i| i.sentence == best.sentence && i.subject == best.subject && i.speaker == best.speaker);
        let exact = gender_of(best) == gender;
        // "Her lawyer said she would appeal. She said …": one of no known
        // gender is not sure to be "she" while a woman who spoke or acted
        // is in view.
        let gendered_rival =
            candidates.iter().filter(others).any(|i| gender_of(i) == gender && (i.speaker || i.subject));
        let confidence = match (any_rival, later_rival, exact) {
            _ if tied => 0.45,
            (true, _, false) if gendered_rival => 0.45,
            (false, _, true) => 0.9,
            (false, _, false) => 0.75,
            (true, false, _) if best.speaker && recent(&best) => 0.8,
            (true, false, true) if best.subject && recent(&best) => 0.65,
            _ => 0.45,
        };
        Some((chosen, confidence))
    }

    /// "they" or "it": an organisation, group or document that spoke in
    /// this sentence or the one before ("The council said … It added").
    /// A body merely mentioned as a subject is not enough: measured on the
    /// dev sets, "it" so guessed (or reaching three sentences back) named
    /// the wrong body more often than the right one.
    pub fn thing_pronoun(&self, registry: &Registry, plural: bool, sentence: usize) -> Option<Resolved> {
        let fits = |i: &&Item| {
            let sort = registry.get(i.entity).sort;
            !i.person
                && match sort {
                    Sort::Organisation | Sort::Unknown => true,
                    Sort::Group => plural,
                    Sort::Document => !plural,
                    _ => false,
                }
        };
        let latest = self.recent(sentence, 1).filter(fits).find(|i| i.speaker)?;
        // Of that sentence's speakers, the first: the main clause's, not
        // one its report tells of ("The charity claims Whitehall remains
        // unaware. It claims …").
        let best = self.items.iter().filter(fits).find(|i| i.speaker && i.sentence == latest.sentence)?;
        Some((registry.root(best.entity), 0.7))
    }

    /// "a spokesman" with no organisation named: the organisation the
    /// current or previous sentence has as a subject (the one responding).
    /// A one-word name that spoke ("Tesco said …") may be it too: it is
    /// not the body that spoke before it.
    pub fn responding_organisation(&self, registry: &Registry, sentence: usize) -> Option<Resolved> {
        let fits = |i: &&Item| {
            !i.person
                && match registry.get(i.entity).sort {
                    Sort::Organisation => true,
                    Sort::Unknown => i.speaker,
                    _ => false,
                }
        };
        if let Some(best) = self.recent(sentence, 1).filter(fits).find(|i| i.subject) {
            return Some((registry.root(best.entity), 0.65));
        }
        let best = self.recent(sentence, 3).filter(fits).find(|i| i.speaker)?;
        Some((registry.root(best.entity), 0.55))
    }

    /// "the minister", "the company": the latest entity that role was used
    /// of (its capitalised words agreeing: "the Metropolitan police chief"
    /// is not the Norfolk one); else, for a person, the one person in view,
    /// and for an organisation the one that spoke last.
    pub fn described(&self, registry: &Registry, role: &Role, person: bool, sentence: usize) -> Option<Resolved> {
        let right_sort = |i: &&Item| {
            let record = registry.get(i.entity);
            if person {
                // A person (not a spokesperson's organisation), and not one
                // known by another role.
                matches!(record.sort, Sort::Person | Sort::Described)
                    && (role.people || record.roles.iter().all(|r| role.fits(r)))
            } else {
                !i.person && record.sort == Sort::Organisation && same_kind(&record.name, &role.head)
            }
        };
        let has_role = |i: &&Item| registry.get(i.entity).roles.iter().any(|r| role.fits(r));
        if let Some(i) = self.items.iter().rev().filter(right_sort).find(has_role) {
            return Some((registry.root(i.entity), 0.8));
        }
        if role.named {
            return None;
        }
        if person {
            let mut in_view = self.recent(sentence, 2).filter(right_sort).map(|i| registry.root(i.entity));
            let first = in_view.next()?;
            let alone = in_view.all(|other| other == first);
            return Some((first, if alone { 0.6 } else { 0.45 }));
        }
        // A one-word name with no evidence yet that has just spoken ("Oxfam
        // says …. The charity claims") is a body the description may be;
        // a plural one ("Conservatives") is people, not "the government".
        let spoke_as_body = |i: &&Item| {
            let record = registry.get(i.entity);
            let plural = record.name.ends_with('s') && !record.name.ends_with("'s") && !record.name.ends_with("’s");
            i.speaker && !i.person && record.sort == Sort::Unknown && !plural && same_kind(&record.name, &role.head)
        };
        if let Some(i) = self.recent(sentence, 5).find(|i| i.speaker && right_sort(i) || spoke_as_body(i)) {
            if spoke_as_body(&i) && i.sentence + 1 < sentence {
                // Only the sentence before: "the council" is not Tesco
                // three sentences back.
                return None;
            }
            return Some((registry.root(i.entity), 0.65));
        }
        let best = self.recent(sentence, 2).filter(right_sort).find(|i| i.subject)?;
        Some((registry.root(best.entity), 0.55))
    }

    /// "the report": the latest document mentioned.
    pub fn document(&self, registry: &Registry, sentence: usize) -> Option<Resolved> {
        let best = self.recent(sentence, 6).find(|i| registry.get(i.entity).sort == Sort::Document)?;
        Some((registry.root(best.entity), 0.8))
    }
}

/// Whether an organisation's name can be described by `head` ("the
/// council" is not the Department for Education): its last word that
/// names a kind of body, if any, is that noun.
fn same_kind(name: &str, head: &str) -> bool {
    let kind = name.split_whitespace().rev().find(|w| lexicon::lookup(w).is(tag::GROUP_SENSE | tag::ORG_SUFFIX));
    kind.is_none_or(|k| {
        let k = k.to_lowercase();
        k == head || k.strip_suffix('s') == Some(head) || head.strip_suffix('s') == Some(k.as_str())
    })
}

/// The pronoun tags a token may carry, as what it can refer to.
pub(crate) fn pronoun_gender(tags: u64) -> Option<Gender> {
    if tags & tag::PRONOUN_M != 0 {
        Some(Gender::Masculine)
    } else if tags & tag::PRONOUN_F != 0 {
        Some(Gender::Feminine)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::mentions::NameKind;
    use super::*;

    #[test]
    fn she_is_the_latest_woman_not_the_latest_speaker() {
        let mut registry = Registry::default();
        let mut salience = Salience::default();
        let tom = registry.name("Tom Hart", NameKind::Person, Gender::Masculine);
        let jo = registry.name("Jo Bell", NameKind::Person, Gender::Feminine);
        salience.mention(tom, 0, true, Some(Gender::Masculine));
        salience.mention(jo, 1, true, Some(Gender::Feminine));
        assert_eq!(salience.person_pronoun(&registry, Gender::Feminine, 2, &[]).map(|r| r.0), Some(jo));
        assert_eq!(salience.person_pronoun(&registry, Gender::Masculine, 2, &[]).map(|r| r.0), Some(tom));
    }

    #[test]
    fn a_spokeswoman_is_an_antecedent() {
        let mut registry = Registry::default();
        let mut salience = Salience::default();
        let department = registry.name("Department for Transport", NameKind::Organisation, Gender::Unknown);
        let lee = registry.name("Joe Lee", NameKind::Person, Gender::Masculine);
        salience.mention(lee, 0, true, Some(Gender::Masculine));
        salience.mention(department, 1, true, Some(Gender::Feminine));
        assert_eq!(salience.person_pronoun(&registry, Gender::Feminine, 2, &[]).map(|r| r.0), Some(department));
    }

    #[test]
    fn she_after_an_unnamed_spokeswoman_is_not_the_woman_before() {
        let mut registry = Registry::default();
        let mut salience = Salience::default();
        let jo = registry.name("Jo Bell", NameKind::Person, Gender::Feminine);
        salience.spoke(jo, 0, Some(Gender::Feminine));
        salience.spoke_unnamed(1, Gender::Feminine);
        assert!(salience.person_pronoun(&registry, Gender::Feminine, 2, &[]).is_none());
        // A man is still found: the unnamed speaker is a woman.
        let tom = registry.name("Tom Hart", NameKind::Person, Gender::Masculine);
        salience.spoke(tom, 0, Some(Gender::Masculine));
        assert_eq!(salience.person_pronoun(&registry, Gender::Masculine, 2, &[]).map(|r| r.0), Some(tom));
    }

    #[test]
    fn it_is_a_body_that_just_spoke_not_one_merely_mentioned() {
        let mut registry = Registry::default();
        let mut salience = Salience::default();
        let council = registry.name("Westshire Council", NameKind::Organisation, Gender::Unknown);
        salience.mention(council, 0, true, None);
        assert!(salience.thing_pronoun(&registry, false, 1).is_none());
        salience.spoke(council, 1, None);
        assert_eq!(salience.thing_pronoun(&registry, false, 2).map(|r| r.0), Some(council));
        // Two sentences on, "it" may be anything the text has turned to.
        assert!(salience.thing_pronoun(&registry, false, 3).is_none());
    }

    #[test]
    fn he_is_not_the_man_his_sentence_names_after_him() {
        // "A spokesman for Tom Hart said … He added that Paul Lee had gone."
        let mut registry = Registry::default();
        let mut salience = Salience::default();
        let tom = registry.name("Tom Hart", NameKind::Person, Gender::Masculine);
        let paul = registry.name("Paul Lee", NameKind::Person, Gender::Masculine);
        salience.spoke(tom, 0, Some(Gender::Masculine));
        salience.mention(paul, 1, true, Some(Gender::Masculine));
        assert_eq!(salience.person_pronoun(&registry, Gender::Masculine, 1, &[tom]).map(|r| r.0), Some(paul));
        assert_eq!(salience.person_pronoun(&registry, Gender::Masculine, 1, &[paul]).map(|r| r.0), Some(tom));
        // Named only after it: someone the text does not name, unsure.
        let (_, confidence) = salience.person_pronoun(&registry, Gender::Masculine, 1, &[paul, tom]).unwrap();
        assert!(confidence < 0.5, "{confidence}");
    }

    #[test]
    fn it_is_the_body_that_reported_not_one_its_report_names() {
        let mut registry = Registry::default();
        let mut salience = Salience::default();
        let oxfam = registry.name("Oxfam", NameKind::Unknown, Gender::Unknown);
        let whitehall = registry.name("Whitehall", NameKind::Unknown, Gender::Unknown);
        salience.spoke(oxfam, 0, None);
        salience.spoke(whitehall, 0, None);
        assert_eq!(salience.thing_pronoun(&registry, false, 1).map(|r| r.0), Some(oxfam));
        // "The charity" is the body that spoke, though its name tells
        // nothing; "Conservatives" are people, not "the charity".
        let mut salience = Salience::default();
        let tories = registry.name("Conservatives", NameKind::Unknown, Gender::Unknown);
        salience.spoke(oxfam, 0, None);
        let role = Role { head: "charity".into(), ..Role::default() };
        assert_eq!(salience.described(&registry, &role, false, 1).map(|r| r.0), Some(oxfam));
        salience.spoke(tories, 1, None);
        assert_ne!(salience.described(&registry, &role, false, 2).map(|r| r.0), Some(tories));
        // Nor a one-word name further back than the sentence before.
        assert_eq!(salience.described(&registry, &role, false, 2).map(|r| r.0), None);
    }

    #[test]
    fn pronouns_do_not_reach_far_back() {
        let mut registry = Registry::default();
        let mut salience = Salience::default();
        let tom = registry.name("Tom Hart", NameKind::Person, Gender::Masculine);
        salience.mention(tom, 0, true, Some(Gender::Masculine));
        assert!(salience.person_pronoun(&registry, Gender::Masculine, 10, &[]).is_none());
    }
}

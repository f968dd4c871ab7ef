//! English inflection by rule: the forms of a verb or noun from its lemma,
//! so that word lists hold lemmas only. Irregular forms (said, told,
//! spokesmen) come from WordNet's exception lists instead, and are added
//! beside these; a rule's occasional non-word ("hitted") never matches text.

/// Whether a byte is a vowel letter (y counts as a consonant here).
fn vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// `lemma` minus a final `y` after a consonant, ready for `ies`/`ied`.
fn y_stem(lemma: &str) -> Option<&str> {
    let b = lemma.as_bytes();
    (b.len() > 1 && b[b.len() - 1] == b'y' && !vowel(b[b.len() - 2])).then(|| &lemma[..lemma.len() - 1])
}

/// The `-s` form: third person singular of a verb, plural of a noun.
pub(crate) fn s_form(lemma: &str) -> String {
    if let Some(stem) = lemma.strip_suffix("man")
        && !stem.is_empty()
    {
        return format!("{stem}men");
    }
    if let Some(stem) = y_stem(lemma) {
        return format!("{stem}ies");
    }
    if ["s", "x", "z", "ch", "sh"].iter().any(|end| lemma.ends_with(end)) || lemma.ends_with('o') {
        return format!("{lemma}es");
    }
    format!("{lemma}s")
}

/// The `-s` form of a verb (no `-man` plural: "he mans" is not "he men").
pub(crate) fn third_person(lemma: &str) -> String {
    if lemma.ends_with("man") {
        return format!("{lemma}s");
    }
    s_form(lemma)
}

/// The regular past tense and past participle.
pub(crate) fn past(lemma: &str) -> String {
    if lemma.ends_with('e') {
        return format!("{lemma}d");
    }
    if let Some(stem) = y_stem(lemma) {
        return format!("{stem}ied");
    }
    format!("{lemma}ed")
}

/// The regular present participle.
pub(crate) fn ing(lemma: &str) -> String {
    if let Some(stem) = lemma.strip_suffix("ie") {
        return format!("{stem}ying");
    }
    let b = lemma.as_bytes();
    if b.len() > 2 && b[b.len() - 1] == b'e' && !matches!(b[b.len() - 2], b'e' | b'y' | b'o') {
        return format!("{}ing", &lemma[..lemma.len() - 1]);
    }
    format!("{lemma}ing")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_take_their_regular_forms() {
        assert_eq!(third_person("say"), "says");
        assert_eq!(third_person("deny"), "denies");
        assert_eq!(third_person("stress"), "stresses");
        assert_eq!(third_person("go"), "goes");
        assert_eq!(past("warn"), "warned");
        assert_eq!(past("criticise"), "criticised");
        assert_eq!(past("deny"), "denied");
        assert_eq!(past("say"), "sayed", "the rule's form; WordNet's `said` is added beside it");
        assert_eq!(ing("argue"), "arguing");
        assert_eq!(ing("see"), "seeing");
        assert_eq!(ing("lie"), "lying");
        assert_eq!(ing("say"), "saying");
    }

    #[test]
    fn nouns_take_their_regular_plurals() {
        assert_eq!(s_form("spokesman"), "spokesmen");
        assert_eq!(s_form("inquiry"), "inquiries");
        assert_eq!(s_form("survey"), "surveys");
        assert_eq!(s_form("campaigner"), "campaigners");
        assert_eq!(s_form("church"), "churches");
    }
}

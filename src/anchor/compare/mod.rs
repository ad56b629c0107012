//! Anchors compared across one bead: which numbers, Latin-script names and glossary terms of each
//! side have their counterpart on the other, and which of those without one are mismatches
//! ([`super::mismatch`]). Views highlight these and `check` turns the mismatches into findings:
//! one comparison decides for all of them.

use std::collections::{HashMap, HashSet};

use super::bead_anchors::{Anchor, AnchorKind, BeadAnchors};
use super::caseless::{at_word_end, at_word_start, is_word_char, Folded, TermSet};
use super::glossary::Glossary;
use super::latin;
use super::mismatch::{self, BeadSide};
use super::units;
use crate::lang::Lang;

mod numbers;

/// Compare the anchors of a bead whose sides are the given sentences.
pub fn compare_bead(
    src: &[&str],
    src_lang: Lang,
    tgt: &[&str],
    tgt_lang: Lang,
    glossary: &Glossary,
) -> BeadAnchors {
    let mut out = BeadAnchors::default();
    let src_numbers = numbers::anchors(src, src_lang);
    let tgt_numbers = numbers::anchors(tgt, tgt_lang);
    numbers::match_by_key(src_numbers, src_lang, tgt_numbers, tgt_lang, &mut out);
    units::match_conversions(&mut out.src, src, &mut out.tgt, tgt);

    let src_joined = src.join(" ");
    let tgt_joined = tgt.join(" ");
    out.src.extend(terms(src, &tgt_joined));
    out.tgt.extend(terms(tgt, &src_joined));
    if !glossary.is_empty() {
        glossary_anchors(glossary, src, tgt, &tgt_joined, &mut out);
    }
    out.src.sort_by_key(|a| (a.sentence, a.start));
    out.tgt.sort_by_key(|a| (a.sentence, a.start));
    out.mismatches = mismatch::judge(
        &BeadSide {
            anchors: &out.src,
            sentences: src,
            lang: src_lang,
        },
        &BeadSide {
            anchors: &out.tgt,
            sentences: tgt,
            lang: tgt_lang,
        },
    );
    for m in &out.mismatches {
        for &i in &m.src {
            out.src[i].flagged = true;
        }
        for &i in &m.tgt {
            out.tgt[i].flagged = true;
        }
    }
    out
}

/// Is the term `key` in `text`, allowing the forms a translation gives a kept name: a possessive
/// (OpenAI's), a plural of an acronym (KPIs), an acronym starting a compound (DNNresearch)?
pub(crate) fn term_present(text: &str, key: &str) -> bool {
    terms_present(text, &[key])[0]
}

/// `term_present` for many keys, in one pass over `text`.
pub fn terms_present(text: &str, keys: &[&str]) -> Vec<bool> {
    // Each key is looked for as its base form and, for a compound led by an acronym
    // (DNNresearch), as that acronym.
    let mut needles: Vec<&str> = Vec::with_capacity(keys.len());
    let mut owner: Vec<usize> = Vec::with_capacity(keys.len());
    for (k, key) in keys.iter().enumerate() {
        let base = base_form(key);
        needles.push(base);
        owner.push(k);
        let caps = base.chars().take_while(|c| c.is_ascii_uppercase()).count();
        if caps >= 2 && base[caps..].starts_with(|c: char| c.is_ascii_lowercase()) {
            needles.push(&base[..caps]);
            owner.push(k);
        }
    }
    let set = TermSet::new(needles.iter().copied());
    let mut present = vec![false; keys.len()];
    for (needle, _) in set.first_occurrences(&Folded::new(text), |n, o| {
        is_name_occurrence(text, o.start, o.end, needles[n])
    }) {
        present[owner[needle]] = true;
    }
    present
}

/// Is `text[start..end]`, which equals `name` but for case, that name as a word: at a word
/// start, and at a word end or followed by a plural or possessive ending, or, for an acronym
/// written as such, by a lowercase compound (DNNresearch)?
fn is_name_occurrence(text: &str, start: usize, end: usize, name: &str) -> bool {
    if name.starts_with(is_word_char) && !at_word_start(text, start) {
        return false;
    }
    let letters = || name.chars().filter(|c| c.is_alphabetic());
    let acronym = letters().count() >= 2 && letters().all(char::is_uppercase);
    let rest = &text[end..];
    !name.ends_with(is_word_char)
        || at_word_end(text, end)
        || ["s", "es", "'s", "’s"]
            .iter()
            .any(|suffix| rest.starts_with(suffix) && at_word_end(rest, suffix.len()))
        || acronym
            && text[start..end] == *name
            && rest.starts_with(|c: char| c.is_ascii_lowercase())
}

/// A term without a possessive or an acronym's plural: OpenAI's → OpenAI, KPIs → KPI.
fn base_form(term: &str) -> &str {
    let t = term
        .strip_suffix("'s")
        .or_else(|| term.strip_suffix("’s"))
        .unwrap_or(term);
    match t.strip_suffix('s') {
        Some(stem)
            if stem.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && stem
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(|c| c.is_uppercase()) =>
        {
            stem
        }
        _ => t,
    }
}

/// The name-like terms of `sentences`, each matched if `other_text` has it.
fn terms(sentences: &[&str], other_text: &str) -> Vec<Anchor> {
    let mut out = Vec::new();
    for (k, s) in sentences.iter().enumerate() {
        for t in latin::name_like_terms(s) {
            out.push(Anchor {
                kind: AnchorKind::Term,
                key: t.text.to_string(),
                sentence: k,
                start: t.start,
                end: t.end,
                matched: false,
                flagged: false,
            });
        }
    }
    // A name repeated a thousand times is looked for once.
    let mut keys: Vec<&str> = out.iter().map(|a| a.key.as_str()).collect();
    keys.sort_unstable();
    keys.dedup();
    let present = terms_present(other_text, &keys);
    let present: HashMap<String, bool> = keys
        .iter()
        .zip(present)
        .map(|(k, p)| (k.to_string(), p))
        .collect();
    for a in &mut out {
        a.matched = present[&a.key];
    }
    out
}

/// Glossary terms of the source, each matched if the target has the required translation, and
/// the target's occurrence of each matched one.
fn glossary_anchors(
    glossary: &Glossary,
    src: &[&str],
    tgt: &[&str],
    tgt_joined: &str,
    out: &mut BeadAnchors,
) {
    let entries = glossary.entries();
    let translated: HashSet<usize> = glossary
        .find_tgt_terms(tgt_joined)
        .into_iter()
        .map(|(e, _)| e)
        .collect();
    // Each entry once, where a side first has it: (sentence, span) by entry.
    type Found = Vec<(usize, (usize, usize))>;
    let first_in = |sentences: &[&str], find: &dyn Fn(&str) -> Found| {
        let mut first: HashMap<usize, (usize, (usize, usize))> = HashMap::new();
        for (k, sentence) in sentences.iter().enumerate() {
            for (e, span) in find(sentence) {
                first.entry(e).or_insert((k, span));
            }
        }
        first
    };
    let first_in_src = first_in(src, &|s| glossary.find_src_terms(s));
    let first_in_tgt = if first_in_src.keys().any(|e| translated.contains(e)) {
        first_in(tgt, &|t| glossary.find_tgt_terms(t))
    } else {
        HashMap::new()
    };
    let mut found: Vec<_> = first_in_src.into_iter().collect();
    found.sort_unstable_by_key(|&(e, _)| e);
    for (e, (k, (start, end))) in found {
        let matched = translated.contains(&e);
        out.src.push(Anchor {
            kind: AnchorKind::Glossary,
            key: entries[e].tgt.clone(),
            sentence: k,
            start,
            end,
            matched,
            flagged: false,
        });
        if let Some(&(j, (start, end))) = first_in_tgt.get(&e).filter(|_| matched) {
            out.tgt.push(Anchor {
                kind: AnchorKind::Glossary,
                key: entries[e].tgt.clone(),
                sentence: j,
                start,
                end,
                matched: true,
                flagged: false,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anchor::bead_anchors::Side;

    #[test]
    fn numbers_and_terms_across_scripts() {
        let a = compare_bead(
            &["伊利亚于2022年当选院士，2015年入选MIT科技评论35岁以下35人榜单。"],
            Lang::ZH,
            &["Ilya was elected in 2022 and named to the MIT Technology Review 35 Under 35 list in 2016."],
            Lang::EN,
            &Glossary::default(),
        );
        let unmatched: Vec<(Side, &str)> =
            a.unmatched().map(|(s, x)| (s, x.key.as_str())).collect();
        assert_eq!(unmatched, vec![(Side::Src, "2015"), (Side::Tgt, "2016")]);
        assert!(a
            .src
            .iter()
            .any(|x| x.kind == AnchorKind::Term && x.key == "MIT" && x.matched));
    }

    #[test]
    fn months_decades_and_term_forms_match() {
        let a = compare_bead(
            &["自去年11月发布以来,最早的研究者在20世纪40年代提出了DNN和KPI。"],
            Lang::ZH,
            &["Since its release last November, the first researchers of the 1940s proposed DNNresearch and KPIs."],
            Lang::EN,
            &Glossary::default(),
        );
        let unmatched: Vec<&str> = a.unmatched().map(|(_, x)| x.key.as_str()).collect();
        // "first" is an ordinal the source does not have; nothing else is unmatched.
        assert_eq!(unmatched, ["1st"]);
        assert!(term_present("OpenAI's mission", "OpenAI"));
        assert!(term_present("为OpenAI工作", "OpenAI's"));
        assert!(!term_present("OpenAl's mission", "OpenAI"));
        assert!(!term_present("the Openness", "Open"));
        let b = compare_bead(
            &["它于11月发布。"],
            Lang::ZH,
            &["It was released in December. You may go."],
            Lang::EN,
            &Glossary::default(),
        );
        let unmatched: Vec<&str> = b.unmatched().map(|(_, x)| x.key.as_str()).collect();
        assert_eq!(unmatched, ["11", "12"]);
    }

    fn unmatched_keys(src: &str, tgt: &str) -> Vec<String> {
        let a = compare_bead(&[src], Lang::ZH, &[tgt], Lang::EN, &Glossary::default());
        a.unmatched().map(|(_, x)| x.key.clone()).collect()
    }

    #[test]
    fn decades_in_words_are_their_number() {
        assert!(unmatched_keys(
            "先是上世纪八十年代末的寻呼台。",
            "There were the paging stations of the late eighties."
        )
        .is_empty());
        assert!(unmatched_keys(
            "四十年的故事都是从这一天开始的。",
            "Four decades the story spans, and it began that day."
        )
        .is_empty());
        assert_eq!(
            unmatched_keys(
                "先是八十年代末的寻呼台。",
                "There were the paging stations of the late nineties."
            ),
            ["80", "90"]
        );
        assert_eq!(
            unmatched_keys(
                "三十年过去了。",
                "Three decades and a year went by; three more followed."
            ),
            ["3"]
        );
    }

    #[test]
    fn years_of_the_republic_of_china_are_gregorian_years() {
        assert!(unmatched_keys(
            "民国元年，他们来学哭腔。",
            "In 1912, year one of the Republic, they came."
        )
        .is_empty());
        assert!(unmatched_keys("民國一一三年的預算。", "The budget for 2024.").is_empty());
        assert!(
            unmatched_keys("民国三十八年，他去了台湾。", "In 1949 he went to Taiwan.").is_empty()
        );
        assert_eq!(
            unmatched_keys("民国三十八年，他去了台湾。", "In 1948 he went to Taiwan."),
            ["1949", "1948"]
        );
    }

    #[test]
    fn glossary_requires_the_translation() {
        let g = Glossary::parse(std::path::Path::new("g.csv"), "深度学习,deep learning\n").unwrap();
        let ok = compare_bead(
            &["深度学习很强。"],
            Lang::ZH,
            &["Deep learning is strong."],
            Lang::EN,
            &g,
        );
        assert!(ok
            .src
            .iter()
            .any(|a| a.kind == AnchorKind::Glossary && a.matched));
        let bad = compare_bead(
            &["深度学习很强。"],
            Lang::ZH,
            &["Neural nets are strong."],
            Lang::EN,
            &g,
        );
        assert!(bad
            .src
            .iter()
            .any(|a| a.kind == AnchorKind::Glossary && !a.matched));
    }

    #[test]
    fn keys_that_fold_alike_keep_their_own_answers() {
        // The term search shares one search among copies of a key, not among keys that differ
        // in case: an acronym leads a compound, the same letters in lower case do not.
        let keys = ["DNN", "dnn", "DNN", "KPI"];
        assert_eq!(
            terms_present("DNNresearch and KPIs", &keys),
            vec![true, false, true, true]
        );
    }
}

// Conversions are matched by `units`; these test them through the whole comparison, where the
// numbers come from.
#[cfg(test)]
mod unit_conversions {
    use super::compare_bead;
    use crate::anchor::glossary::Glossary;
    use crate::lang::Lang;

    fn unmatched(src: &str, src_lang: Lang, tgt: &str, tgt_lang: Lang) -> Vec<String> {
        compare_bead(&[src], src_lang, &[tgt], tgt_lang, &Glossary::default())
            .unmatched()
            .map(|(_, a)| a.key.clone())
            .collect()
    }

    #[test]
    fn converted_quantities_match() {
        assert!(unmatched(
            "用于发现背景辐射的二十英尺的喇叭形天线",
            Lang::ZH,
            "the six-meter horn antenna used to discover the background radiation",
            Lang::EN
        )
        .is_empty());
        assert!(unmatched(
            "她体重六十公斤。",
            Lang::ZH,
            "She weighed about 130 pounds.",
            Lang::EN
        )
        .is_empty());
        assert!(unmatched(
            "Der Abstand war etwa 3 yards.",
            Lang::DE,
            "La distance mesurait environ 2,75 m.",
            Lang::FR
        )
        .is_empty());
    }

    #[test]
    fn a_conversion_given_alongside_is_no_number_of_its_own() {
        assert_eq!(
            unmatched(
                "Der Fusseindruck hatte eine Länge von gut 30 cm.",
                Lang::DE,
                "Elles mesuraient 12 pouces (305 mm) de longueur.",
                Lang::FR
            ),
            Vec::<String>::new()
        );
        assert!(unmatched(
            "die alte Höhenzahl muss um etwa 60 ft. = 18,29 m erhöht werden",
            Lang::DE,
            "l'ancienne cote devait être relevée de 60 pieds",
            Lang::FR
        )
        .is_empty());
    }

    #[test]
    fn a_changed_quantity_is_still_a_mismatch() {
        // 20 feet is 6.1 m, not 9.
        assert_eq!(
            unmatched(
                "二十英尺的天线",
                Lang::ZH,
                "the nine-meter antenna",
                Lang::EN
            ),
            ["20", "9"]
        );
        // 60 kg is about 132 lb, but feet measure length.
        assert_eq!(
            unmatched("60公斤", Lang::ZH, "132 feet", Lang::EN),
            ["60", "132"]
        );
        // The same unit on both sides is no conversion: 61 kg is not 60 kg.
        assert_eq!(
            unmatched("61公斤", Lang::ZH, "60 kilograms", Lang::EN),
            ["61", "60"]
        );
    }
}

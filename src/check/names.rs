//! `term-mismatch` for a name the translation spells one way once and another way many times
//! (Chen Qingyan once, Chen Qingyang forty times). This catches misspelt names even when the
//! source writes them in another script, where the bead comparison cannot see them.

use std::collections::{HashMap, HashSet};

use crate::anchor::compare::term_present;
use crate::anchor::latin;

use super::{Context, Finding, Kind, SideName};
use crate::anchor::mismatch::edit_distance;

/// A spelling seen this often is the document's spelling of the name.
const MIN_USUAL: usize = 3;
/// Names shorter than this have too many legitimate one-letter neighbours (Wang, Wan).
const MIN_CHARS: usize = 4;

struct Occurrence {
    sentence: usize,
    start: usize,
    end: usize,
}

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if cx.lang(SideName::Target).is_cjk_sentence_style() {
        return;
    }
    let sentences = &cx.pair.tgt.sentences;
    let mut capitalised: HashMap<&str, Vec<Occurrence>> = HashMap::new();
    let mut lowercase: HashSet<String> = HashSet::new();
    for (i, s) in sentences.iter().enumerate() {
        for t in latin::terms(&s.text) {
            let word = t
                .text
                .strip_suffix("'s")
                .or_else(|| t.text.strip_suffix("’s"))
                .unwrap_or(t.text);
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            if letters != word.chars().count() || letters < MIN_CHARS {
                continue;
            }
            if word.starts_with(char::is_uppercase) {
                // Acronyms and shouting are not names spelled one way.
                if word.chars().all(char::is_uppercase) {
                    continue;
                }
                capitalised.entry(word).or_default().push(Occurrence {
                    sentence: i,
                    start: t.start,
                    end: t.start + word.len(),
                });
            } else {
                lowercase.insert(word.to_lowercase());
            }
        }
    }
    // Words that also occur in lowercase are ordinary words capitalised at a sentence start.
    let names: Vec<(&str, &Vec<Occurrence>)> = capitalised
        .iter()
        .filter(|(w, _)| !lowercase.contains(&w.to_lowercase()))
        .map(|(w, o)| (*w, o))
        .collect();
    // Spellings seen often, indexed by each form with one letter deleted (and as they are), so
    // that a spelling one edit away is found without comparing every pair: two words one
    // substitution, insertion, deletion or swap apart share such a form.
    let usual: Vec<(&str, usize, Vec<char>)> = names
        .iter()
        .filter(|(_, o)| o.len() >= MIN_USUAL)
        .map(|(w, o)| (*w, o.len(), w.to_lowercase().chars().collect()))
        .collect();
    let mut by_form: HashMap<String, Vec<usize>> = HashMap::new();
    for (k, (_, _, chars)) in usual.iter().enumerate() {
        for form in forms(chars) {
            by_form.entry(form).or_default().push(k);
        }
    }
    let bead_of = bead_of_target_sentence(cx);
    let mut found = Vec::new();
    for (word, occurrences) in &names {
        if occurrences.len() != 1 {
            continue;
        }
        let chars: Vec<char> = word.to_lowercase().chars().collect();
        let mut candidates: Vec<usize> = forms(&chars)
            .filter_map(|f| by_form.get(&f))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let Some((spelling, count, _)) = candidates
            .into_iter()
            .map(|k| &usual[k])
            .filter(|(_, _, u)| u[0] == chars[0] && edit_distance(u, &chars) == 1)
            .max_by_key(|(w, n, _)| (*n, std::cmp::Reverse(*w)))
        else {
            continue;
        };
        // The Wangs are the family of Wang.
        let plural = |a: &str, b: &str| {
            a.strip_suffix('s')
                .or_else(|| a.strip_suffix("es"))
                .is_some_and(|stem| stem == b)
        };
        if plural(word, spelling) || plural(spelling, word) {
            continue;
        }
        let occ = &occurrences[0];
        let k = bead_of[occ.sentence];
        let bead = &cx.pair.alignment.beads[k];
        // The source may spell it this way itself.
        let source_text: Vec<&str> = cx.pair.src.sentences[bead.src.clone()]
            .iter()
            .map(|s| s.text.as_str())
            .collect();
        if term_present(&source_text.join(" "), word) {
            continue;
        }
        let mut f = cx.finding(
            Kind::TermMismatch,
            format!("“{word}” is spelled “{spelling}” {count} times elsewhere in the translation"),
            k,
            bead.src.clone(),
            bead.tgt.clone(),
        );
        f.anchors = vec![cx.anchor(SideName::Target, occ.sentence, occ.start, occ.end, spelling)];
        found.push(f);
    }
    // The bead comparison may already have reported the same spelling.
    found.retain(|f: &Finding| {
        let here = &f.anchors[0].location;
        !out.iter().any(|o| {
            o.kind == Kind::TermMismatch
                && o.anchors
                    .iter()
                    .any(|a| a.side == SideName::Target && a.location.start == here.start)
        })
    });
    out.extend(found);
}

/// A word and each of its forms with one letter deleted.
fn forms(chars: &[char]) -> impl Iterator<Item = String> + '_ {
    std::iter::once(chars.iter().collect()).chain(
        (0..chars.len()).map(move |i| chars[..i].iter().chain(&chars[i + 1..]).collect::<String>()),
    )
}

/// For each target sentence, the bead it is in.
pub(super) fn bead_of_target_sentence(cx: &Context<'_>) -> Vec<usize> {
    let mut out = vec![0; cx.pair.tgt.sentences.len()];
    for (k, b) in cx.pair.alignment.beads.iter().enumerate() {
        for j in b.tgt.clone() {
            out[j] = k;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::align::AlignOptions;
    use crate::check::{check, CheckOptions, Kind};
    use crate::pipeline::{align_documents, LangChoice};
    use crate::{Document, Lang, Split};

    #[test]
    fn a_name_spelled_once_otherwise() {
        let zh = "陈清扬来了。\n陈清扬笑了。\n我看着陈清扬。\n陈清扬走了。\n我的朋友们也笑了。\n";
        let en = "Chen Qingyang came.\nChen Qingyang laughed.\nI looked at Chen Qingyang.\nChen Qingyagn left.\nMy friends, the Qingyangs, laughed too.\n";
        let result = align_documents(
            Document::from_text("zh.txt", zh),
            Document::from_text("en.txt", en),
            [LangChoice::Fixed(Lang::ZH), LangChoice::Fixed(Lang::EN)],
            Split::Lines,
            &AlignOptions::default(),
        );
        let found: Vec<_> = check(&result, &CheckOptions::default())
            .into_iter()
            .filter(|f| f.kind == Kind::TermMismatch)
            .collect();
        assert_eq!(found.len(), 1, "{found:#?}");
        let f = &found[0];
        assert_eq!(
            f.message,
            "“Qingyagn” is spelled “Qingyang” 3 times elsewhere in the translation"
        );
        assert_eq!(f.anchors[0].text, "Qingyagn");
        assert_eq!(f.anchors[0].location.line, 4);
        assert_eq!(f.anchors[0].location.column, 6);
    }
}

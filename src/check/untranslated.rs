//! `untranslated`: a target sentence identical to its source, or written in the source language.
//! Only sentences long enough for language detection to be sure are judged (see
//! [`lang::sentence_language`]), and only when the source itself is in the source language, so a
//! heading that is a name (`Ilya Sutskever`) or a speaker label is never reported.

use crate::lang::{self, is_han};

use super::{Context, Finding, Kind, SideName};

pub(crate) fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let src_lang = cx.lang(SideName::Source);
    let tgt_lang = cx.lang(SideName::Target);
    if src_lang == tgt_lang {
        return;
    }
    let same_script = src_lang.is_cjk_sentence_style() == tgt_lang.is_cjk_sentence_style();
    let src_sentences = &cx.pair.src.sentences;
    let tgt_sentences = &cx.pair.tgt.sentences;
    for (k, bead) in cx.pair.alignment.beads.iter().enumerate() {
        if !bead.is_pair() {
            continue;
        }
        let source: Vec<&str> = src_sentences[bead.src.clone()]
            .iter()
            .map(|s| s.text.as_str())
            .collect();
        let mut source_checked = None;
        for j in bead.tgt.clone() {
            let t = tgt_sentences[j].text.as_str();
            let identical = source.iter().any(|s| same_text(s, t));
            // Without the source script, the sentence cannot be in the source language.
            let could_be_source = !src_lang.is_cjk_sentence_style()
                || tgt_lang.is_cjk_sentence_style()
                || han_share(t) >= 0.3;
            if !identical && !could_be_source {
                continue;
            }
            // Between languages of one script, names, credits, headings and titles look alike
            // in both: judge only prose.
            if same_script && !prose(t) {
                continue;
            }
            let in_source_lang = identical || lang::sentence_language(t) == Some(src_lang);
            if !in_source_lang {
                continue;
            }
            let source_is_source_lang = *source_checked.get_or_insert_with(|| {
                lang::sentence_language(&source.join(" ")) == Some(src_lang)
            });
            if !source_is_source_lang {
                continue;
            }
            let message = if identical {
                "identical to the source: left untranslated".to_owned()
            } else {
                format!("written in {}, the source language", src_lang.name())
            };
            out.push(cx.finding(Kind::Untranslated, message, k, bead.src.clone(), j..j + 1));
        }
    }
}

/// Prose, not a name list, credit line, heading or book title: at least this many words in
/// lowercase, and at least [`MIN_LOWERCASE_SHARE`] of the words.
const MIN_LOWERCASE_WORDS: usize = 3;
const MIN_LOWERCASE_SHARE: f64 = 0.5;

fn prose(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2)
        .collect();
    let lower = words
        .iter()
        .filter(|w| w.starts_with(char::is_lowercase))
        .count();
    lower >= MIN_LOWERCASE_WORDS && lower as f64 >= MIN_LOWERCASE_SHARE * words.len() as f64
}

/// Equal up to case, spacing and punctuation.
pub(super) fn same_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let a = norm(a);
    !a.is_empty() && a == norm(b)
}

fn han_share(text: &str) -> f64 {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 {
        return 0.0;
    }
    let cjk = |c: char| is_han(c) || ('\u{3040}'..='\u{30ff}').contains(&c);
    text.chars().filter(|&c| cjk(c)).count() as f64 / letters as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_or_not() {
        assert!(prose(
            "Die Mannschaft setzte sich aus sechs Bergsteigern zusammen."
        ));
        assert!(!prose("c ) Albert Eggler , Gipfel über den Wolken ."));
        assert!(!prose(
            "équipe du sommet H.Tichy , S.Jöchler et Pasang Dawa Lama ."
        ));
        assert!(same_text("Ravi: Hello!", "ravi hello"));
    }
}

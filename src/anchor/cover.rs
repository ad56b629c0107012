//! How much of a stretch of text has its counterpart in a translation: of the words in it that
//! have a translation the document pair knows (a dictionary sense, a pair the aligner learned
//! from the document, a number, a name or term kept as is), how many meet one in the translated
//! sentences. A clause whose every such word goes unmet is a clause the translation may have left
//! out ([`crate::check::partial`]).

use std::ops::Range;

use super::{tokenize, Features, Inverse, GLOSSARY_PREFIX, QUOTE};
use crate::align::{learned_features, Bead};
use crate::lang::Lang;

/// Words with a known translation in a stretch of text, and how many of them met theirs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cover {
    /// Words in the stretch that have a known translation.
    pub content: usize,
    /// How many of those met a translation on the other side.
    pub found: usize,
}

impl std::ops::Add for Cover {
    type Output = Cover;

    fn add(self, other: Cover) -> Cover {
        Cover {
            content: self.content + other.content,
            found: self.found + other.found,
        }
    }
}

/// An aligned document pair's lexical evidence, to test stretches of source text against target
/// sentences.
#[derive(Debug)]
pub(crate) struct DocumentCover {
    features: Features,
    inverse: Inverse,
    swapped: bool,
    src_lang: Lang,
    tgt_lang: Lang,
}

impl DocumentCover {
    /// The evidence of `src` and `tgt`, with a translation table learned from `beads`.
    pub fn new(
        src: &[&str],
        tgt: &[&str],
        src_lang: Lang,
        tgt_lang: Lang,
        beads: &[Bead],
    ) -> DocumentCover {
        let oriented = learned_features(src, tgt, src_lang, tgt_lang, beads);
        let inverse = if oriented.swapped {
            oriented.features.inverse()
        } else {
            Inverse::default()
        };
        DocumentCover {
            features: oriented.features,
            inverse,
            swapped: oriented.swapped,
            src_lang,
            tgt_lang,
        }
    }

    /// How `text`, a stretch of source text, is covered by the target sentences `tgt`.
    pub fn cover(&self, text: &str, tgt: Range<usize>) -> Cover {
        let f = &self.features;
        let (own, their, translations) = if self.swapped {
            (&f.other, &f.query, &self.inverse.translations)
        } else {
            (&f.query, &f.other, &f.translations)
        };
        let mut tokens = Vec::new();
        tokenize(text, self.src_lang, self.tgt_lang, &mut tokens);
        tokens.sort_unstable();
        tokens.dedup();
        let mut cover = Cover::default();
        for token in &tokens {
            if matches!(token.as_str(), "?" | "!" | QUOTE) || token.starts_with(GLOSSARY_PREFIX) {
                continue;
            }
            let Some(id) = own.vocab.get(token) else {
                continue;
            };
            let Some(list) = translations.get(id as usize).filter(|l| !l.is_empty()) else {
                continue;
            };
            cover.content += 1;
            let found = tgt
                .clone()
                .any(|j| their.tokens[j].iter().any(|t| list.contains(t)));
            cover.found += usize::from(found);
        }
        cover
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bead(s: usize, t: usize) -> Bead {
        Bead {
            src: s..s + 1,
            tgt: t..t + 1,
            score: 1.0,
        }
    }

    #[test]
    fn chinese_clauses_against_english() {
        let zh = [
            "2012年，团队在很多计算机上训练了网络。",
            "他的妹妹喜欢苹果。",
        ];
        let en = [
            "In 2012 the team trained a network on many computers.",
            "His sister likes apples.",
        ];
        let c = DocumentCover::new(&zh, &en, Lang::ZH, Lang::EN, &[bead(0, 0), bead(1, 1)]);
        let kept = c.cover("团队在很多计算机上训练了网络", 0..1);
        assert!(kept.content >= 3, "{kept:?}");
        assert!(kept.found * 2 >= kept.content, "{kept:?}");
        let elsewhere = c.cover("他的妹妹喜欢苹果", 0..1);
        assert!(elsewhere.content >= 2, "{elsewhere:?}");
        assert_eq!(elsewhere.found, 0, "{elsewhere:?}");
    }

    #[test]
    fn english_clauses_against_chinese() {
        let en = [
            "In 2012 the team trained a network on many computers.",
            "His sister likes apples.",
        ];
        let zh = [
            "2012年，团队在很多计算机上训练了网络。",
            "他的妹妹喜欢苹果。",
        ];
        let c = DocumentCover::new(&en, &zh, Lang::EN, Lang::ZH, &[bead(0, 0), bead(1, 1)]);
        let kept = c.cover("the team trained a network on many computers", 0..1);
        assert!(kept.found >= 2, "{kept:?}");
        let elsewhere = c.cover("his sister likes apples", 0..1);
        assert!(elsewhere.content >= 2, "{elsewhere:?}");
        assert_eq!(elsewhere.found, 0, "{elsewhere:?}");
    }

    #[test]
    fn alphabetic_pairs_share_numbers_and_names() {
        let de = ["1908 bestieg Paul Grosjean das Matterhorn im Jahre 1911."];
        let fr = ["En 1908, Paul Grosjean gravit le Cervin."];
        let c = DocumentCover::new(&de, &fr, Lang::DE, Lang::FR, &[bead(0, 0)]);
        let kept = c.cover("1908 bestieg Paul Grosjean", 0..1);
        assert!(kept.found >= 3 && kept.found == kept.content, "{kept:?}");
        let lost = c.cover("im Jahre 1911", 0..1);
        assert_eq!(lost.found, 0, "{lost:?}");
    }
}

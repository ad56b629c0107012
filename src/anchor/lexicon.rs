//! Bilingual word lists used as lexical anchors, and dictionary-driven Chinese word segmentation.
//!
//! The data format is one headword a line, `headword<TAB>lemma lemma …`, the lemmas being
//! outputs of [`super::stem::lemma`] so that they compare directly with
//! `super::stem::english_content_lemmas` of the English side. The built-in zh→en list is derived
//! from CC-CEDICT and lives in `data/cedict/` under its own licence (CC BY-SA 4.0).
//!
//! A parsed [`Lexicon`] borrows all its strings from the TSV text, so parsing the embedded list
//! allocates only the index, and lookups never allocate.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A headword → English-lemmas dictionary that can also segment text in the headword language.
pub struct Lexicon<'a> {
    /// Every headword and every proper prefix of one. Segmentation extends a candidate word one
    /// character at a time and stops as soon as the candidate is no longer a prefix, so it costs
    /// about one lookup per character of the word found, rather than one per possible length.
    nodes: HashMap<&'a str, Node, BuildHasherDefault<FxHasher>>,
    /// The lemmas of all headwords, each headword owning a contiguous range.
    lemmas: Vec<&'a str>,
    headwords: usize,
    max_chars: usize,
}

#[derive(Clone, Copy, Debug)]
struct Node {
    /// Range into `Lexicon::lemmas`; meaningful only when `word`.
    start: u32,
    end: u32,
    /// The string is a headword (not only a prefix of one).
    word: bool,
    /// Some longer headword starts with this string.
    longer: bool,
}

impl Node {
    const NEW: Node = Node {
        start: 0,
        end: 0,
        word: false,
        longer: false,
    };
}

impl Lexicon<'static> {
    /// The built-in Chinese → English lexicon (CC-CEDICT, CC BY-SA 4.0), parsed on first use.
    pub fn zh_en() -> &'static Lexicon<'static> {
        static ZH_EN: OnceLock<Lexicon<'static>> = OnceLock::new();
        ZH_EN.get_or_init(|| Lexicon::parse(include_str!("../../data/cedict/zh-en.tsv")))
    }
}

impl<'a> Lexicon<'a> {
    /// Parses `headword<TAB>lemma lemma …` lines. Blank lines and lines starting with `#` are
    /// skipped; a line without a tab is a headword without lemmas (still used for segmentation);
    /// when a headword repeats, its first line wins.
    pub fn parse(tsv: &'a str) -> Lexicon<'a> {
        let mut lex = Lexicon {
            nodes: HashMap::default(),
            lemmas: Vec::new(),
            headwords: 0,
            max_chars: 0,
        };
        // Pre-sized from the built-in list (1.4 index nodes and 3.1 lemmas a line) to avoid
        // rehashing while parsing.
        let lines = tsv.bytes().filter(|&b| b == b'\n').count() + 1;
        lex.nodes.reserve(lines * 3 / 2);
        lex.lemmas.reserve(lines * 7 / 2);
        for line in tsv.lines() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (head, rest) = line.split_once('\t').unwrap_or((line, ""));
            let head = head.trim();
            if head.is_empty() {
                continue;
            }
            lex.insert(head, rest);
        }
        lex.lemmas.shrink_to_fit();
        lex
    }

    fn insert(&mut self, head: &'a str, lemmas: &'a str) {
        let start = self.lemmas.len();
        let node = self.nodes.entry(head).or_insert(Node::NEW);
        if node.word {
            return;
        }
        self.lemmas
            .extend(lemmas.split(' ').filter(|l| !l.is_empty()));
        *node = Node {
            start: to_u32(start),
            end: to_u32(self.lemmas.len()),
            word: true,
            longer: node.longer,
        };
        self.headwords += 1;
        self.max_chars = self.max_chars.max(head.chars().count());
        // Register the proper prefixes, longest first; once one is already known as a prefix,
        // all shorter ones are too.
        for (i, _) in head.char_indices().rev().filter(|&(i, _)| i > 0) {
            let prefix = self.nodes.entry(&head[..i]).or_insert(Node::NEW);
            if prefix.longer {
                break;
            }
            prefix.longer = true;
        }
    }

    /// Splits Chinese text into dictionary words by forward maximum matching over each run of Han
    /// characters, returning each word with its byte offset in `text`.
    ///
    /// Everything that is not Han (Latin, digits, punctuation, kana) is skipped: the English
    /// side shares no lemmas with it. A Han character that starts no dictionary word is a word of
    /// its own.
    pub(crate) fn segment_zh<'t>(&self, text: &'t str) -> Vec<(usize, &'t str)> {
        let mut words = Vec::new();
        self.segment_zh_into(text, &mut words);
        words
    }

    /// [`Lexicon::segment_zh`] into a caller-owned buffer (cleared first), so that segmenting
    /// millions of sentences need not allocate for each.
    pub(crate) fn segment_zh_into<'t>(&self, text: &'t str, words: &mut Vec<(usize, &'t str)>) {
        words.clear();
        let mut i = 0;
        while let Some(c) = text[i..].chars().next() {
            if !is_han(c) {
                i += c.len_utf8();
                continue;
            }
            let end = self.longest_word(text, i, i + c.len_utf8());
            words.push((i, &text[i..end]));
            i = end;
        }
    }

    /// The end of the longest headword starting at `start`, or `single` (the end of the first
    /// character) if there is none.
    fn longest_word(&self, text: &str, start: usize, single: usize) -> usize {
        let mut best = single;
        let mut end = single;
        loop {
            match self.nodes.get(&text[start..end]) {
                None => return best,
                Some(node) => {
                    if node.word {
                        best = end;
                    }
                    if !node.longer {
                        return best;
                    }
                }
            }
            match text[end..].chars().next() {
                Some(c) if is_han(c) => end += c.len_utf8(),
                _ => return best,
            }
        }
    }

    /// The English lemmas translating a word, main senses first; empty if the word is unknown.
    pub fn lemmas(&self, word: &str) -> &[&'a str] {
        match self.nodes.get(word) {
            Some(n) if n.word => &self.lemmas[n.start as usize..n.end as usize],
            _ => &[],
        }
    }

    /// Whether `word` is a headword (it may still have no lemmas).
    pub fn contains(&self, word: &str) -> bool {
        self.nodes.get(word).is_some_and(|n| n.word)
    }

    /// The number of headwords.
    pub fn len(&self) -> usize {
        self.headwords
    }

    /// True when the lexicon has no headwords.
    pub fn is_empty(&self) -> bool {
        self.headwords == 0
    }

    /// The length of the longest headword, in characters.
    pub fn max_headword_chars(&self) -> usize {
        self.max_chars
    }
}

impl fmt::Debug for Lexicon<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lexicon")
            .field("headwords", &self.headwords)
            .field("lemmas", &self.lemmas.len())
            .field("max_headword_chars", &self.max_chars)
            .finish()
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("lexicon has more than u32::MAX lemmas")
}

/// Whether `c` is a Han character (CJK ideograph), the unit Chinese segmentation works on.
///
/// Covers the CJK Unified Ideographs with all extensions, the compatibility ideographs and 〇.
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{3007}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{323AF}')
}

/// FxHash (as in rustc): the keys are short trusted dictionary strings, for which SipHash's
/// flooding resistance buys nothing and costs most of the lookup time.
#[derive(Default, Clone, Copy)]
struct FxHasher {
    hash: u64,
}

impl FxHasher {
    const K: u64 = 0xf135_7aea_2e62_a9c5;

    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(Self::K);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, mut bytes: &[u8]) {
        while let Some((chunk, rest)) = bytes.split_first_chunk::<8>() {
            self.add(u64::from_le_bytes(*chunk));
            bytes = rest;
        }
        if let Some((chunk, rest)) = bytes.split_first_chunk::<4>() {
            self.add(u64::from(u32::from_le_bytes(*chunk)));
            bytes = rest;
        }
        for &b in bytes {
            self.add(u64::from(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn finish(&self) -> u64 {
        // The multiply leaves the low bits weak; the table indexes buckets by them.
        self.hash.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::super::stem::{english_content_lemmas, is_stopword, lemma};
    use super::*;

    fn words<'t>(lex: &Lexicon<'_>, text: &'t str) -> Vec<&'t str> {
        lex.segment_zh(text).into_iter().map(|(_, w)| w).collect()
    }

    #[test]
    fn segments_real_sentences_with_the_builtin_lexicon() {
        let lex = Lexicon::zh_en();
        assert_eq!(
            lex.segment_zh("我们在斯坦福大学"),
            [(0, "我们"), (6, "在"), (9, "斯坦福大学")]
        );
        assert_eq!(
            words(
                lex,
                "GPT之父,OpenAI首席科学家Ilya伊利亚最近连线斯坦福大学。"
            ),
            // 伊利亚 (Ilya) is not in CC-CEDICT: unknown characters stand alone.
            [
                "之",
                "父",
                "首席",
                "科学家",
                "伊",
                "利",
                "亚",
                "最近",
                "连线",
                "斯坦福大学"
            ]
        );
        assert_eq!(
            words(lex, "我们用神经网络做机器学习"),
            ["我们", "用", "神经网络", "做", "机器学习"]
        );
    }

    #[test]
    fn offsets_point_into_the_text() {
        let text = "AI的开源和闭源,2023年04月25日 22:09 深度学习!";
        let segs = Lexicon::zh_en().segment_zh(text);
        assert!(!segs.is_empty());
        for (at, w) in segs {
            assert_eq!(&text[at..at + w.len()], w);
            assert!(w.chars().all(is_han), "{w:?}");
        }
    }

    #[test]
    fn builtin_lemmas_translate_real_words() {
        let lex = Lexicon::zh_en();
        assert!(lex.len() > 100_000, "{lex:?}");
        let nn = lex.lemmas("神经网络");
        assert!(nn.contains(&"neural") && nn.contains(&"network"), "{nn:?}");
        assert!(lex.lemmas("投资").contains(&lemma("invest").as_str()));
        assert!(lex.lemmas("投资").contains(&lemma("investments").as_str()));
        assert!(lex.lemmas("斯坦福大学").contains(&"stanford"));
        assert!(lex.lemmas("北京").contains(&lemma("Beijing").as_str()));
        assert!(lex.lemmas("不存在的词").is_empty());
        // A function word is kept as a segmentation unit without lemmas.
        assert!(lex.contains("我们") && lex.lemmas("我们").is_empty());
    }

    #[test]
    fn english_text_meets_the_lexicon() {
        let lex = Lexicon::zh_en();
        let en = english_content_lemmas("The networks were trained");
        for zh in ["网络", "训练"] {
            assert!(
                lex.lemmas(zh).iter().any(|l| en.iter().any(|e| e == l)),
                "{zh} {:?} does not meet {en:?}",
                lex.lemmas(zh)
            );
        }
        let en = english_content_lemmas("He invested heavily in deep learning.");
        assert!(lex.lemmas("投资").iter().any(|l| en.iter().any(|e| e == l)));
        assert!(lex
            .lemmas("深度学习")
            .iter()
            .any(|l| en.iter().any(|e| e == l)));
    }

    #[test]
    fn builtin_lemmas_are_outputs_of_the_stemmer() {
        let lex = Lexicon::zh_en();
        for l in &lex.lemmas {
            assert!(
                l.chars().count() >= 2
                    && !l
                        .chars()
                        .any(|c| c.is_uppercase() || c.is_whitespace() || is_han(c))
                    && !is_stopword(l),
                "bad lemma {l:?}"
            );
        }
    }

    #[test]
    fn forward_maximum_matching_on_a_small_lexicon() {
        let lex = Lexicon::parse(
            "# comment\r\n大学\tuniversity colleg\r\n大\tbig\n学\tlearn\n大学生\tstudent\n\n生活\tlife\n大学生\tduplicate\n研究所\n",
        );
        assert_eq!(lex.len(), 6);
        assert_eq!(lex.max_headword_chars(), 3);
        assert_eq!(lex.lemmas("大学"), ["university", "colleg"]);
        assert_eq!(
            lex.lemmas("大学生"),
            ["student"],
            "first line of a duplicate wins"
        );
        assert!(lex.contains("研究所") && lex.lemmas("研究所").is_empty());
        // Greedy: the longest word wins even where a shorter one would suit the rest better.
        assert_eq!(words(&lex, "大学生活"), ["大学生", "活"]);
        // A prefix of a headword that is not itself one falls back to the longest real word.
        assert_eq!(words(&lex, "研究"), ["研", "究"]);
        // Words never span non-Han text.
        assert_eq!(words(&lex, "大 学"), ["大", "学"]);
        assert_eq!(lex.segment_zh("x大学y"), [(1, "大学")]);
        assert!(lex.segment_zh("no Chinese here").is_empty());
        assert!(Lexicon::parse("").is_empty());
    }

    #[test]
    fn segmentation_into_a_reused_buffer() {
        let lex = Lexicon::zh_en();
        let mut buf = Vec::new();
        lex.segment_zh_into("深度学习", &mut buf);
        lex.segment_zh_into("神经网络", &mut buf);
        assert_eq!(buf, [(0, "神经网络")]);
    }
}

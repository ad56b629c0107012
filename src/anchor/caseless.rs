//! Case-insensitive search for many terms at once, reporting spans of the original text.
//!
//! Lowercasing can change a character's byte length (İ → i̇, ẞ → ß, K → k), so offsets found in a
//! lowercased copy are no offsets of the original. [`Folded`] keeps, for every byte of the folded
//! copy, where its character starts in the original; [`TermSet`] finds all its terms in one pass
//! over a text (Aho-Corasick), so a long sentence full of names costs its length, not its length
//! times its names.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

/// A set with a term longer than this (folded) is searched with an NFA (see [`TermSet::new`]).
const MAX_DFA_TERM_BYTES: usize = 128;

/// The case folding used on both sides of every comparison: each character's full lowercase.
/// (Not `str::to_lowercase`, whose final-sigma rule depends on context and would fold a term
/// differently from the same letters inside a text.)
pub fn fold(text: &str) -> String {
    text.chars().flat_map(char::to_lowercase).collect()
}

/// A text with its case-folded copy and the map from the copy's bytes back to the original.
pub struct Folded<'t> {
    original: &'t str,
    folded: String,
    /// For each byte of `folded`, the start in `original` of the character it came from.
    origin: Vec<usize>,
}

impl<'t> Folded<'t> {
    /// Folds `original` ([`fold`]) and records where each folded byte came from.
    pub fn new(original: &'t str) -> Folded<'t> {
        let mut folded = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        for (i, c) in original.char_indices() {
            let before = folded.len();
            folded.extend(c.to_lowercase());
            origin.resize(origin.len() + folded.len() - before, i);
        }
        Folded {
            original,
            folded,
            origin,
        }
    }

    /// The text as given, before folding.
    pub fn original(&self) -> &'t str {
        self.original
    }

    /// The span of the original text that the folded bytes `start..end` came from, widened to
    /// whole characters of the original.
    fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        let from = self
            .origin
            .get(start)
            .copied()
            .unwrap_or(self.original.len());
        let to = if end == 0 {
            0
        } else {
            let last = self.origin[end - 1];
            last + self.original[last..]
                .chars()
                .next()
                .map_or(0, char::len_utf8)
        };
        (from, to.max(from))
    }
}

/// Characters that make a word: a Latin-script term matches only where the text has none of
/// these right before or after it, so that "AI" is not found in "said".
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// One occurrence of a term, as a span of the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    /// Byte offset of the occurrence in the original text.
    pub start: usize,
    /// Byte offset of its end in the original text (exclusive).
    pub end: usize,
}

/// A set of terms to find case-insensitively.
#[derive(Clone, Default)]
pub struct TermSet {
    automaton: Option<AhoCorasick>,
    len: usize,
    /// The terms of each of the automaton's patterns: the copies of one term, which share it
    /// (empty terms have none).
    copies: Vec<Vec<usize>>,
    /// Whether each term starts and ends with a word character (see [`is_word_char`]).
    word_edges: Vec<(bool, bool)>,
}

impl std::fmt::Debug for TermSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TermSet").field("len", &self.len).finish()
    }
}

impl TermSet {
    /// The set of `terms`, in order: results are indexed like them. Empty terms never match.
    /// Copies of a term (the same string) share one pattern, so that a glossary with a term
    /// thousands of times costs no more to search than with it once. Terms that differ only in
    /// case are not copies: a caller's `accept` may read the case (see [`Self::first_occurrences`]).
    pub fn new<'a>(terms: impl IntoIterator<Item = &'a str>) -> TermSet {
        let mut word_edges = Vec::new();
        let mut pattern_of: HashMap<&str, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut copies: Vec<Vec<usize>> = Vec::new();
        for (k, term) in terms.into_iter().enumerate() {
            let folded = fold(term);
            word_edges.push((
                folded.starts_with(is_word_char),
                folded.ends_with(is_word_char),
            ));
            // An empty pattern would match everywhere: an empty term gets none. (It had two
            // NULs, which the fuzzer found in a text.)
            if folded.is_empty() {
                continue;
            }
            let pattern = *pattern_of.entry(term).or_insert_with(|| {
                patterns.push(folded);
                copies.push(Vec::new());
                patterns.len() - 1
            });
            copies[pattern].push(k);
        }
        let len = word_edges.len();
        // A DFA is the fastest to search, but building one from a long term costs up to its
        // length squared (a 15,000-character glossary term took half a minute): with a long
        // term, the contiguous NFA, which finds the same matches and builds in linear time.
        let longest = patterns.iter().map(String::len).max().unwrap_or(0);
        let kind = (longest > MAX_DFA_TERM_BYTES).then_some(AhoCorasickKind::ContiguousNFA);
        let automaton = (!patterns.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .kind(kind)
                .build(&patterns)
                .expect("term patterns are plain strings within the automaton's size limits")
        });
        TermSet {
            automaton,
            len,
            copies,
            word_edges,
        }
    }

    /// Number of terms the set was built from (duplicates and empty terms included).
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when the set has no terms.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The terms found in `text`, each with its first occurrence that `accept` takes (called
    /// with the term's index and the candidate's span in the original text), in term order.
    /// Copies of a term are asked about once, as the first of them, and the answer holds for
    /// all: `accept` must depend on the term only through its text. The cost is the text's
    /// length plus the candidates tried, whatever the number of terms or copies.
    pub fn first_occurrences(
        &self,
        text: &Folded,
        mut accept: impl FnMut(usize, Occurrence) -> bool,
    ) -> Vec<(usize, Occurrence)> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let mut first: HashMap<usize, Occurrence> = HashMap::new();
        for m in automaton.find_overlapping_iter(&text.folded) {
            let pattern = m.pattern().as_usize();
            if first.contains_key(&pattern) {
                continue;
            }
            let (start, end) = text.original_span(m.start(), m.end());
            let occurrence = Occurrence { start, end };
            if accept(self.copies[pattern][0], occurrence) {
                first.insert(pattern, occurrence);
                if first.len() == self.copies.len() {
                    break;
                }
            }
        }
        let mut found: Vec<(usize, Occurrence)> = first
            .into_iter()
            .flat_map(|(pattern, o)| self.copies[pattern].iter().map(move |&term| (term, o)))
            .collect();
        found.sort_unstable_by_key(|&(term, _)| term);
        found
    }

    /// The terms found at word edges (see [`is_word_char`]): a term that starts (ends) with a
    /// word character needs a non-word character or the text's edge before (after) it. This is
    /// how glossary terms are found.
    pub fn first_at_word_edges(&self, text: &Folded) -> Vec<(usize, Occurrence)> {
        let original = text.original();
        self.first_occurrences(text, |k, o| {
            let (word_start, word_end) = self.word_edges[k];
            (!word_start || at_word_start(original, o.start))
                && (!word_end || at_word_end(original, o.end))
        })
    }
}

/// Is there no word character right before `start` in `text`?
pub fn at_word_start(text: &str, start: usize) -> bool {
    !text[..start].chars().next_back().is_some_and(is_word_char)
}

/// Is there no word character right after `end` in `text`?
pub fn at_word_end(text: &str, end: usize) -> bool {
    !text[end..].starts_with(is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(terms: &[&str], text: &str) -> Vec<Option<(usize, usize)>> {
        let set = TermSet::new(terms.iter().copied());
        let found = set.first_at_word_edges(&Folded::new(text));
        (0..terms.len())
            .map(|k| {
                found
                    .iter()
                    .find(|(t, _)| *t == k)
                    .map(|(_, o)| (o.start, o.end))
            })
            .collect()
    }

    #[test]
    fn spans_are_of_the_original_when_lowercasing_changes_lengths() {
        // İ lowercases to two characters (3 bytes from 2), ẞ to one of 2 bytes from 3: the
        // lowercased copy has the same total length but every offset inside it is shifted.
        let text = format!("{} AI 中文{}.", "İ".repeat(10), "ẞ".repeat(10));
        let found = first(&["ai", "中文", "ß"], &text);
        assert_eq!(found[0], Some((21, 23)));
        assert_eq!(&text[21..23], "AI");
        assert_eq!(found[1], Some((24, 30)));
        assert_eq!(&text[24..30], "中文");
        let (s, e) = found[2].unwrap();
        assert_eq!(&text[s..e], "ẞ");
    }

    #[test]
    fn a_match_inside_an_expansion_widens_to_the_whole_character() {
        // "i̇" (i + combining dot) is what İ folds to; "i" alone matches its first byte.
        let text = "xİy";
        let set = TermSet::new(["i"]);
        let found = set.first_occurrences(&Folded::new(text), |_, _| true);
        let (_, o) = found[0];
        assert_eq!(&text[o.start..o.end], "İ");
    }

    #[test]
    fn latin_terms_only_at_word_edges() {
        assert_eq!(first(&["ai"], "He said so"), vec![None]);
        assert_eq!(first(&["ai"], "The AI said so"), vec![Some((4, 6))]);
        assert_eq!(
            first(&["深度学习"], "我们的深度学习研究"),
            vec![Some((9, 21))]
        );
        assert_eq!(first(&[""], "anything"), vec![None]);
        assert_eq!(first(&["", "x"], "\0\0 x"), vec![None, Some((3, 4))]);
    }

    #[test]
    fn a_very_long_term_is_found_without_a_quadratic_build() {
        // Found by the fuzzer: a DFA for this term took half a minute to build.
        let term = "ŉ".repeat(15_000);
        let text = format!("x {term} y");
        let set = TermSet::new([term.as_str(), "y"]);
        let found = set.first_at_word_edges(&Folded::new(&text));
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].1.start, 2);
    }

    #[test]
    fn copies_of_a_term_are_searched_once() {
        // Found by the fuzzer: 15,000 copies of a term in a glossary that was searched for its
        // own terms took a minute, each copy being tried at each occurrence.
        let copies = 1_000;
        let terms = vec!["GPT-3"; copies];
        let set = TermSet::new(terms.iter().copied());
        // Fifty candidates inside words, which are refused, before one at word edges.
        let text = format!("{}GPT-3.", "xgpt-3y ".repeat(50));
        let mut asked = 0;
        let found = set.first_occurrences(&Folded::new(&text), |_, o| {
            asked += 1;
            at_word_start(&text, o.start) && at_word_end(&text, o.end)
        });
        assert_eq!(asked, 51);
        assert_eq!(found.len(), copies);
        assert!(found
            .iter()
            .enumerate()
            .all(|(k, &(term, o))| term == k && (o.start, o.end) == (400, 405)));
    }

    #[test]
    fn terms_that_fold_alike_are_asked_about_apart() {
        let set = TermSet::new(["DNN", "dnn", "DNN"]);
        let text = "dnn DNN";
        let found = set.first_occurrences(&Folded::new(text), |k, o| {
            text[o.start..o.end] == *["DNN", "dnn", "DNN"][k]
        });
        let starts: Vec<(usize, usize)> = found.iter().map(|&(k, o)| (k, o.start)).collect();
        assert_eq!(starts, vec![(0, 4), (1, 0), (2, 4)]);
    }

    #[test]
    fn folding_twice_changes_nothing() {
        // The glossary folds its terms before making a set of them, which folds them again.
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let once = fold(c.encode_utf8(&mut [0; 4]));
            assert_eq!(fold(&once), once, "{c:?}");
        }
    }

    #[test]
    fn every_term_in_one_pass() {
        let found = first(&["openai", "gpt-3", "missing"], "OpenAI built GPT-3.");
        assert_eq!(found, vec![Some((0, 6)), Some((13, 18)), None]);
    }
}

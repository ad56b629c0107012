//! Stage 2: what each sentence offers the aligner beyond its length — anchor terms (numbers across
//! scripts, Latin-script names, sentence-final `?`/`!`), words with their dictionary translations,
//! glossary terms — as interned token ids, with how many sentences of each side carry each token.

pub mod bead_anchors;
pub mod caseless;
pub mod compare;
pub mod cover;
pub mod glossary;
pub mod latin;
pub mod lexicon;
pub mod mismatch;
pub(crate) mod number;
pub mod stem;
pub mod units;

use fnv::FnvHashMap;
use rayon::prelude::*;

use crate::document::is_space;
use crate::lang::Lang;
use caseless::{Folded, TermSet};
use lexicon::Lexicon;

/// Token strings of one side, interned as dense ids.
///
/// Index widths: sentence indices are `usize` in every public API (beads, ranges, bands). Token
/// ids, per-sentence character counts and document frequencies are `u32` to halve the memory of
/// the per-sentence tables, and so are the sentence numbers stored inside the lexical tables
/// (`align::lexical`); `Features::build` refuses a side of 2^32 sentences or more, so
/// none of them can wrap.
#[derive(Debug, Default, Clone)]
pub struct Vocab {
    /// FNV rather than SipHash, as the lexicon uses a fast hash too: tokens are short and
    /// hashing them was a tenth of tokenizing a short document. (Not collision resistant: a
    /// text written to collide slows down its own alignment only.)
    ids: FnvHashMap<Box<str>, u32>,
    words: Vec<Box<str>>,
}

impl Vocab {
    pub(crate) fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = u32::try_from(self.words.len()).expect("fewer than 2^32 distinct tokens");
        self.ids.insert(word.into(), id);
        self.words.push(word.into());
        id
    }

    /// The id of `word`, if it was interned.
    pub fn get(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    /// The word with id `id`; panics on an id this vocabulary did not hand out.
    pub fn word(&self, id: u32) -> &str {
        &self.words[id as usize]
    }

    /// Number of distinct words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when no word was interned.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// The features of one side of a document pair.
#[derive(Debug, Clone, Default)]
pub struct SideFeatures {
    /// Non-space characters per sentence: the length model's unit in every script.
    pub lengths: Vec<u32>,
    /// Distinct token ids per sentence, sorted.
    pub tokens: TokenLists,
    pub(crate) vocab: Vocab,
    /// Number of sentences each token occurs in.
    pub(crate) df: Vec<u32>,
    /// Sentences that are no text at all: OCR debris, rules, page furniture ("JfV", "* , *^").
    pub noise: Vec<bool>,
}

impl SideFeatures {
    fn build(sentences: &[&str], tokenize: impl Fn(&str, &mut Vec<String>) + Sync) -> SideFeatures {
        let mut side = SideFeatures::default();
        side.lengths.reserve(sentences.len());
        side.tokens.reserve(sentences.len());
        // Sentences are tokenized in parallel, a chunk at a time, and interned in order, so that
        // token ids are the same as a sequential pass would give.
        let one = |s: &&str| {
            let mut words = Vec::new();
            tokenize(s, &mut words);
            let length = s.chars().filter(|&c| !is_space(c)).count();
            (
                words,
                u32::try_from(length).unwrap_or(u32::MAX),
                is_noise(s),
            )
        };
        for chunk in sentences.chunks(TOKENIZE_CHUNK) {
            let tokenized: Vec<(Vec<String>, u32, bool)> = if chunk.len() < PARALLEL_SENTENCES {
                chunk.iter().map(one).collect()
            } else {
                chunk.par_iter().map(one).collect()
            };
            for (words, length, noise) in tokenized {
                let mut ids: Vec<u32> = words.iter().map(|w| side.vocab.intern(w)).collect();
                ids.sort_unstable();
                ids.dedup();
                side.lengths.push(length);
                side.tokens.push(&ids);
                side.noise.push(noise);
            }
        }
        side.tokens.shrink_to_fit();
        side.df = vec![0; side.vocab.len()];
        for ids in side.tokens.iter() {
            for &id in ids {
                side.df[id as usize] += 1;
            }
        }
        side
    }

    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.lengths.len()
    }

    /// True when the side has no sentences.
    pub fn is_empty(&self) -> bool {
        self.lengths.is_empty()
    }

    /// How many distinct tokens the side can have (the size of its vocabulary).
    pub(crate) fn token_count(&self) -> usize {
        self.df.len()
    }

    /// The same side seen in blocks of `size` consecutive sentences: lengths add up, tokens unite,
    /// and document frequencies count blocks. The vocabulary is not carried over.
    pub fn blocks(&self, size: usize) -> SideFeatures {
        let size = size.max(1);
        let mut side = SideFeatures {
            df: vec![0; self.df.len()],
            ..SideFeatures::default()
        };
        for start in (0..self.len()).step_by(size) {
            let end = (start + size).min(self.len());
            side.lengths.push(self.lengths[start..end].iter().sum());
            side.noise.push(self.noise[start..end].iter().all(|&n| n));
            let mut ids: Vec<u32> = (start..end)
                .flat_map(|k| self.tokens[k].iter().copied())
                .collect();
            ids.sort_unstable();
            ids.dedup();
            for &id in &ids {
                side.df[id as usize] += 1;
            }
            side.tokens.push(&ids);
        }
        side
    }
}

/// A list of token ids per sentence, all in one array (no allocation per sentence).
#[derive(Debug, Clone)]
pub struct TokenLists {
    /// Sentence `k`'s ids are `ids[starts[k]..starts[k + 1]]`.
    starts: Vec<usize>,
    ids: Vec<u32>,
}

impl Default for TokenLists {
    fn default() -> TokenLists {
        TokenLists {
            starts: vec![0],
            ids: Vec::new(),
        }
    }
}

impl TokenLists {
    /// Appends the next sentence's token ids.
    pub fn push(&mut self, ids: &[u32]) {
        self.ids.extend_from_slice(ids);
        self.starts.push(self.ids.len());
    }

    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// True when there are no sentences.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub(crate) fn reserve(&mut self, sentences: usize) {
        self.starts.reserve(sentences);
    }

    /// Give back the room the lists grew into but do not use (a long document's lists are kept
    /// through the whole alignment).
    pub(crate) fn shrink_to_fit(&mut self) {
        self.starts.shrink_to_fit();
        self.ids.shrink_to_fit();
    }

    /// Each sentence's token ids, in sentence order.
    pub fn iter(&self) -> impl Iterator<Item = &[u32]> + '_ {
        self.starts.windows(2).map(|w| &self.ids[w[0]..w[1]])
    }
}

impl std::ops::Index<usize> for TokenLists {
    type Output = [u32];

    fn index(&self, k: usize) -> &[u32] {
        &self.ids[self.starts[k]..self.starts[k + 1]]
    }
}

/// Sentences tokenized in parallel before their tokens are interned in order.
const TOKENIZE_CHUNK: usize = 8192;
/// Fewer sentences than this are tokenized on the calling thread: handing a short document's
/// few sentences to other threads costs more than it saves, and `bialign batch` already keeps
/// every thread busy with a document of its own.
const PARALLEL_SENTENCES: usize = 256;

/// Both sides' features and, for each token of the query side, the token ids of the other side
/// that translate it. The query side is the one a lexicon translates from (Chinese in zh↔en);
/// for other pairs it is the source.
#[derive(Debug, Clone)]
pub(crate) struct Features {
    pub(crate) query: SideFeatures,
    pub other: SideFeatures,
    pub translations: Vec<Vec<u32>>,
    /// Where each query token's translations come from.
    pub evidence: Vec<Evidence>,
}

/// Kinds of lexical evidence differ in how reliably a translation keeps them (a number nearly
/// always, a dictionary sense about half the time), so each is measured apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Evidence {
    /// Numbers, Latin-script terms, punctuation, glossary terms: the same token on both sides.
    Identity = 0,
    /// The built-in bilingual lexicon.
    Lexicon = 1,
    /// The translation table learned from the document pair.
    Learned = 2,
    /// Sentence-final `?` and `!`, an opening quotation: kept often, but common.
    Mark = 3,
}

impl Evidence {
    pub(crate) const COUNT: usize = 4;

    /// Most reliable first.
    fn rank(self) -> u8 {
        match self {
            Evidence::Identity => 0,
            Evidence::Mark => 1,
            Evidence::Lexicon => 2,
            Evidence::Learned => 3,
        }
    }
}

/// One direction of lexical testing: the tokens of the row side, each with its translations among
/// the column side's tokens.
#[derive(Debug, Clone)]
pub(crate) struct Direction<'f> {
    pub rows: &'f TokenLists,
    pub translations: &'f [Vec<u32>],
    pub evidence: &'f [Evidence],
    pub(crate) column_df: &'f [u32],
    pub columns: usize,
}

/// The other side's tokens with their translations into the query side: the inverse relation.
#[derive(Debug, Clone, Default)]
pub(crate) struct Inverse {
    pub translations: Vec<Vec<u32>>,
    pub evidence: Vec<Evidence>,
}

impl Features {
    /// Query tokens tested against the other side.
    pub(crate) fn forward(&self) -> Direction<'_> {
        Direction {
            rows: &self.query.tokens,
            translations: &self.translations,
            evidence: &self.evidence,
            column_df: &self.other.df,
            columns: self.other.len(),
        }
    }

    /// The inverse of the translation relation, for testing the other side's tokens.
    pub(crate) fn inverse(&self) -> Inverse {
        let mut inv = Inverse {
            translations: vec![Vec::new(); self.other.token_count()],
            evidence: vec![Evidence::Learned; self.other.token_count()],
        };
        for (q, list) in self.translations.iter().enumerate() {
            for &o in list {
                inv.translations[o as usize].push(q as u32);
                let e = &mut inv.evidence[o as usize];
                // An other-side token inherits the most reliable kind among its translations.
                if self.evidence[q].rank() < e.rank() {
                    *e = self.evidence[q];
                }
            }
        }
        inv
    }

    /// Other-side tokens tested against the query side, through `inverse`.
    pub(crate) fn backward<'f>(&'f self, inverse: &'f Inverse) -> Direction<'f> {
        Direction {
            rows: &self.other.tokens,
            translations: &inverse.translations,
            evidence: &inverse.evidence,
            column_df: &self.query.df,
            columns: self.query.len(),
        }
    }

    /// The pair seen in blocks of `query_block` and `other_block` sentences, for a coarse search.
    pub fn blocks(&self, query_block: usize, other_block: usize) -> Features {
        Features {
            query: self.query.blocks(query_block),
            other: self.other.blocks(other_block),
            translations: self.translations.clone(),
            evidence: self.evidence.clone(),
        }
    }

    /// Give learned translations to the tokens that had none. Tokens with dictionary or
    /// identity evidence keep theirs alone: the learned pairs would mostly repeat them, and
    /// would dilute a precise signal with a noisier one.
    pub(crate) fn add_translations(&mut self, learned: Vec<Vec<u32>>) {
        for (q, extra) in learned.into_iter().enumerate() {
            if !extra.is_empty() && self.translations[q].is_empty() {
                self.translations[q] = extra;
                self.evidence[q] = Evidence::Learned;
            }
        }
    }
}

impl Features {
    pub fn build(
        query: &[&str],
        query_lang: Lang,
        other: &[&str],
        other_lang: Lang,
        glossary: &[(String, String)],
    ) -> Features {
        assert!(
            u32::try_from(query.len()).is_ok() && u32::try_from(other.len()).is_ok(),
            "a side has 2^32 sentences or more"
        );
        let query_terms = TermSet::new(glossary.iter().map(|(q, _)| q.as_str()));
        let other_terms = TermSet::new(glossary.iter().map(|(_, o)| o.as_str()));
        let query_side = || {
            SideFeatures::build(query, |s, out| {
                tokenize(s, query_lang, other_lang, out);
                glossary_tokens(s, &query_terms, out);
            })
        };
        let other_side = || {
            SideFeatures::build(other, |s, out| {
                tokenize(s, other_lang, query_lang, out);
                glossary_tokens(s, &other_terms, out);
            })
        };
        let (query_side, other_side) = if query.len() + other.len() < PARALLEL_SENTENCES {
            (query_side(), other_side())
        } else {
            rayon::join(query_side, other_side)
        };
        let lexicon = (query_lang == Lang::ZH || query_lang == Lang::JA) && other_lang == Lang::EN;
        let cjk_query = query_lang.is_cjk_sentence_style();
        let mut evidence = Vec::with_capacity(query_side.vocab.len());
        let translations = (0..query_side.vocab.len() as u32)
            .map(|id| {
                let word = query_side.vocab.word(id);
                let mut out = Vec::new();
                evidence.push(if word.starts_with(HAN_PREFIX) {
                    Evidence::Lexicon
                } else if matches!(word, "?" | "!" | QUOTE) {
                    Evidence::Mark
                } else {
                    Evidence::Identity
                });
                if let Some(han) = word.strip_prefix(HAN_PREFIX) {
                    if lexicon {
                        out.extend(
                            Lexicon::zh_en()
                                .lemmas(han)
                                .iter()
                                .filter_map(|l| other_side.vocab.get(l)),
                        );
                    }
                } else if identity_can_anchor(word, cjk_query) {
                    out.extend(other_side.vocab.get(word));
                }
                out.sort_unstable();
                out.dedup();
                out
            })
            .collect();
        Features {
            query: query_side,
            other: other_side,
            translations,
            evidence,
        }
    }
}

/// The word a token stands for when a translation table may translate it: on a Chinese or
/// Japanese side (`cjk_side`) a Han word, elsewhere an alphabetic word; never a number, a mark or
/// a glossary term, which match by identity. Table files hold these words, without the internal
/// prefixes.
pub(crate) fn table_word(token: &str, cjk_side: bool) -> Option<&str> {
    if let Some(han) = token.strip_prefix(HAN_PREFIX) {
        return Some(han);
    }
    let internal = token.starts_with(NUMBER_PREFIX)
        || token.starts_with(GLOSSARY_PREFIX)
        || matches!(token, "?" | "!" | QUOTE);
    (!cjk_side && !internal).then_some(token)
}

/// The token of a table word on a side: the inverse of [`table_word`].
pub(crate) fn table_token(word: &str, cjk_side: bool) -> std::borrow::Cow<'_, str> {
    if cjk_side {
        prefixed(HAN_PREFIX, word).into()
    } else {
        word.into()
    }
}

/// Is this sentence no text at all? Text has a word: a letter of a script other than Latin (Han,
/// kana, Cyrillic, …), or a run of two or more Latin letters with a vowel (OCR debris such as
/// "JfV", "1Ê+ :" or "é » ." has none). A number alone (a page number) is no text either, though
/// its digits still anchor.
pub fn is_noise(sentence: &str) -> bool {
    let mut run = 0usize;
    let mut vowel = false;
    for c in sentence.chars().chain(std::iter::once(' ')) {
        if c.is_alphabetic() {
            if !is_latin(c) {
                return false;
            }
            run += 1;
            vowel |= matches!(
                fold_diacritic(c.to_lowercase().next().unwrap_or(c)),
                'a' | 'e' | 'i' | 'o' | 'u' | 'y'
            );
            continue;
        }
        if run >= 2 && vowel {
            return false;
        }
        run = 0;
        vowel = false;
    }
    true
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c)
}

/// Han words are kept apart from Latin tokens that happen to be spelled the same.
const HAN_PREFIX: &str = "\u{1}";
const NUMBER_PREFIX: &str = "#";
const GLOSSARY_PREFIX: &str = "\u{2}";

/// Direct speech survives translation as direct speech: a sentence that opens a quotation.
const QUOTE: &str = "\u{3}quote";

/// `prefix` then `word`, without `format!`'s machinery: tokenizing a Chinese sentence makes one
/// of these per word.
fn prefixed(prefix: &str, word: &str) -> String {
    let mut token = String::with_capacity(prefix.len() + word.len());
    token.push_str(prefix);
    token.push_str(word);
    token
}

/// Does the sentence open a quotation? Curly, corner and guillemet quotes anywhere; a straight
/// quote only where a word starts right after it (so that apostrophes in "don't" are not quotes).
fn opens_quotation(text: &str) -> bool {
    let mut previous = ' ';
    for c in text.chars() {
        match c {
            '“' | '「' | '『' | '«' | '„' | '‹' => return true,
            '"' | '\'' | '‘' if (is_space(previous) || previous == '(' || previous == '—') => {
                return true;
            }
            _ => {}
        }
        previous = c;
    }
    false
}

/// The same string on both sides is evidence when it is a number, punctuation, glossary term, a
/// Latin word kept in CJK text, or, between alphabetic languages, a longer word (names, cognates).
fn identity_can_anchor(word: &str, cjk_query: bool) -> bool {
    word.starts_with(NUMBER_PREFIX)
        || word.starts_with(GLOSSARY_PREFIX)
        || matches!(word, "?" | "!" | QUOTE)
        || cjk_query
        || word.chars().count() >= 4
}

fn glossary_tokens(sentence: &str, terms: &TermSet, out: &mut Vec<String>) {
    if terms.is_empty() {
        // Folding the sentence costs more than its other tokens on a short document.
        return;
    }
    let text = Folded::new(sentence);
    for (k, _) in terms.first_at_word_edges(&text) {
        out.push(format!("{GLOSSARY_PREFIX}{k}"));
    }
}

/// The tokens of one sentence in `lang`; `partner` is the other side's language, whose word forms
/// Latin runs inside CJK text are normalised to so that they can meet.
pub fn tokenize(text: &str, lang: Lang, partner: Lang, out: &mut Vec<String>) {
    for n in number::extract_numbers(text, lang.code()) {
        out.push(prefixed(NUMBER_PREFIX, &n.key()));
    }
    let last = text
        .trim_end_matches(|c: char| is_space(c) || latin_closing(c))
        .chars()
        .next_back();
    match last {
        Some('?' | '？' | '¿') => out.push("?".into()),
        Some('!' | '！' | '¡') => out.push("!".into()),
        _ => {}
    }
    if opens_quotation(text) {
        out.push(QUOTE.into());
    }
    if lang.is_cjk_sentence_style() {
        for (_, word) in Lexicon::zh_en().segment_zh(text) {
            out.push(prefixed(HAN_PREFIX, word));
        }
        for term in latin::terms(text) {
            words(term.text, partner, out);
        }
    } else {
        words(text, lang, out);
    }
}

fn latin_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | '»' | '」' | '』' | '）')
}

/// Word tokens of alphabetic text: English content lemmas, or for other languages the lowercased
/// word without diacritics, cut to a prefix so that inflected forms meet.
fn words(text: &str, lang: Lang, out: &mut Vec<String>) {
    if lang == Lang::EN {
        out.extend(stem::english_content_lemmas(text));
        return;
    }
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.chars().count() < 2 || word.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let folded: String = word
            .chars()
            .flat_map(char::to_lowercase)
            .map(fold_diacritic)
            .collect();
        out.push(folded.chars().take(PREFIX_CHARS).collect());
    }
}

/// Enough of a word to tell words apart while letting inflections (Gletscher/Gletschers) meet.
const PREFIX_CHARS: usize = 7;

fn fold_diacritic(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ß' => 's',
        other => other,
    }
}

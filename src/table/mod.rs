//! A lexical translation table learned from a whole corpus (`bialign learn`), used by the aligner
//! beside the built-in lexicon and the table it learns from each document pair.
//!
//! The file is text, one translation a line, sorted, so that two tables diff well:
//!
//! ```text
//! # bialign-table 1 zh en | learned by bialign 0.1.0 from 6 documents, …
//! # source<TAB>target<TAB>probability
//! 研究→research→0.9801      (→ a tab)
//! 科学家→scientist→0.6486
//! ```
//!
//! The first line names the format version and the language pair, source words first; after `|`
//! it says how the table was learned. Other lines starting with `#` and blank lines are comments.
//! Each entry is a word of the source language, a word of the target language and t(target |
//! source), IBM Model 1's probability that the source word is translated by the target word. Words
//! are the aligner's tokens: a Chinese or Japanese side has Han words as the built-in lexicon
//! segments them; English words are lemmas ("scientists" → "scientist"); other languages' words
//! are lowercased, without diacritics and cut to seven characters ("gletscher" → "gletsch").

pub mod input;
pub mod learn;

use std::collections::HashMap;
use std::io::{self, Write};
use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use crate::anchor::{table_token, table_word, Vocab};
use crate::document::read_text;
use crate::error::{Error, Result};
use crate::lang::Lang;

/// The format version this build writes and reads.
pub(crate) const FORMAT_VERSION: u32 = 1;
/// What the first line of a table starts with.
const MAGIC: &str = "# bialign-table";

/// One translation of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The source word.
    pub source: Box<str>,
    /// A translation of it.
    pub target: Box<str>,
    /// t(target | source).
    pub probability: f32,
}

/// A translation table: for each source word, its likely translations.
#[derive(Debug)]
pub struct TranslationTable {
    /// The language of the source words, then of the target words.
    pub langs: [Lang; 2],
    /// How the table was learned (the header after `|`).
    pub(crate) learned_from: String,
    /// Sorted by source, then target word.
    entries: Vec<Entry>,
    /// Each source word's entries.
    by_source: HashMap<Box<str>, Range<usize>>,
    /// Each target word's entries, built the first time a pair is aligned the other way round.
    by_target: OnceLock<HashMap<Box<str>, Vec<usize>>>,
}

impl TranslationTable {
    /// A table from its entries (in any order; a repeated pair keeps its first probability).
    pub fn new(langs: [Lang; 2], learned_from: String, mut entries: Vec<Entry>) -> Self {
        entries.sort_by(|a, b| (&a.source, &a.target).cmp(&(&b.source, &b.target)));
        entries.dedup_by(|b, a| a.source == b.source && a.target == b.target);
        let mut by_source: HashMap<Box<str>, Range<usize>> = HashMap::new();
        let mut start = 0;
        for k in 1..=entries.len() {
            if k == entries.len() || entries[k].source != entries[start].source {
                by_source.insert(entries[start].source.clone(), start..k);
                start = k;
            }
        }
        TranslationTable {
            langs,
            learned_from,
            entries,
            by_source,
            by_target: OnceLock::new(),
        }
    }

    /// Read a table file; a malformed line is an error naming the file and line.
    pub fn read(path: &Path) -> Result<TranslationTable> {
        TranslationTable::parse(path, &read_text(path)?)
    }

    /// Parse the text of a table file (`path` names it in errors).
    pub fn parse(path: &Path, text: &str) -> Result<TranslationTable> {
        let mut lines = text.lines().enumerate();
        let (langs, learned_from) = parse_header(path, lines.next().map_or("", |(_, l)| l))?;
        let mut entries = Vec::new();
        let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
        for (k, line) in lines {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |message: String| Error::syntax(path, k + 1, message);
            let fields: Vec<&str> = line.split('\t').collect();
            let [source, target, probability] = fields[..] else {
                return Err(bad(format!(
                    "expected source<TAB>target<TAB>probability, found {} field{}",
                    fields.len(),
                    if fields.len() == 1 { "" } else { "s" }
                )));
            };
            for (what, word) in [("source", source), ("target", target)] {
                if word.is_empty() || word.chars().any(char::is_whitespace) {
                    return Err(bad(format!(
                        "the {what} word must be one word without spaces, found `{word}`"
                    )));
                }
            }
            let probability = probability
                .trim()
                .parse::<f32>()
                .ok()
                .filter(|p| *p > 0.0 && *p <= 1.0)
                .ok_or_else(|| {
                    bad(format!(
                        "the probability must be a number above 0 and at most 1, found `{probability}`"
                    ))
                })?;
            if let Some(first) = seen.insert((source, target), k + 1) {
                return Err(bad(format!(
                    "`{source}` → `{target}` is already on line {first}"
                )));
            }
            entries.push(Entry {
                source: source.into(),
                target: target.into(),
                probability,
            });
        }
        Ok(TranslationTable::new(langs, learned_from, entries))
    }

    /// Write the table in its file format.
    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        let [src, tgt] = self.langs;
        writeln!(
            out,
            "{MAGIC} {FORMAT_VERSION} {src} {tgt} | {}",
            self.learned_from
        )?;
        writeln!(out, "# source<TAB>target<TAB>probability")?;
        for e in &self.entries {
            writeln!(out, "{}\t{}\t{:.4}", e.source, e.target, e.probability)?;
        }
        Ok(())
    }

    /// The entries, sorted by source word, then target word.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the table has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The translations of a source word.
    pub fn translations_of(&self, source: &str) -> &[Entry] {
        self.by_source
            .get(source)
            .map_or(&[], |r| &self.entries[r.clone()])
    }

    /// Does the table translate between these languages, in either direction?
    pub fn applies_to(&self, a: Lang, b: Lang) -> bool {
        self.langs == [a, b] || self.langs == [b, a]
    }

    /// An error unless the table is for this language pair (in either direction); `path` is the
    /// table's file.
    pub fn check_langs(&self, path: &Path, src: Lang, tgt: Lang) -> Result<()> {
        if self.applies_to(src, tgt) {
            return Ok(());
        }
        Err(Error::Usage(format!(
            "{}: the table translates {} to {}; the documents are {src} and {tgt}",
            path.display(),
            self.langs[0],
            self.langs[1]
        )))
    }

    /// For each token of `query` (in `query_lang`), the tokens of `other` the table translates it
    /// into: what `crate::anchor::Features::add_translations` takes. `None` when the table is
    /// for another language pair.
    pub fn translations(
        &self,
        query: &Vocab,
        query_lang: Lang,
        other: &Vocab,
        other_lang: Lang,
    ) -> Option<Vec<Vec<u32>>> {
        let forward = self.langs == [query_lang, other_lang];
        if !forward && self.langs != [other_lang, query_lang] {
            return None;
        }
        let query_cjk = query_lang.is_cjk_sentence_style();
        let other_cjk = other_lang.is_cjk_sentence_style();
        let by_target = (!forward).then(|| self.by_target());
        Some(
            (0..query.len() as u32)
                .map(|id| {
                    let Some(word) = table_word(query.word(id), query_cjk) else {
                        return Vec::new();
                    };
                    let found = |w: &str| other.get(&table_token(w, other_cjk));
                    let mut ids: Vec<u32> = match by_target {
                        None => self
                            .translations_of(word)
                            .iter()
                            .filter_map(|e| found(&e.target))
                            .collect(),
                        Some(index) => index
                            .get(word)
                            .into_iter()
                            .flatten()
                            .filter_map(|&k| found(&self.entries[k].source))
                            .collect(),
                    };
                    ids.sort_unstable();
                    ids.dedup();
                    ids
                })
                .collect(),
        )
    }

    fn by_target(&self) -> &HashMap<Box<str>, Vec<usize>> {
        self.by_target.get_or_init(|| {
            let mut index: HashMap<Box<str>, Vec<usize>> = HashMap::new();
            for (k, e) in self.entries.iter().enumerate() {
                index.entry(e.target.clone()).or_default().push(k);
            }
            index
        })
    }
}

impl PartialEq for TranslationTable {
    fn eq(&self, other: &Self) -> bool {
        self.langs == other.langs
            && self.learned_from == other.learned_from
            && self.entries == other.entries
    }
}

impl Clone for TranslationTable {
    fn clone(&self) -> Self {
        TranslationTable::new(self.langs, self.learned_from.clone(), self.entries.clone())
    }
}

/// The languages and description of the first line, `# bialign-table 1 zh en | …`.
fn parse_header(path: &Path, line: &str) -> Result<([Lang; 2], String)> {
    let bad = |message: String| Error::syntax(path, 1, message);
    let line = line.strip_suffix('\r').unwrap_or(line);
    let (head, learned_from) = line.split_once('|').unwrap_or((line, ""));
    let Some(rest) = head.strip_prefix(MAGIC) else {
        return Err(bad(format!(
            "not a bialign translation table: the first line must start with `{MAGIC} {FORMAT_VERSION}` (write one with `bialign learn`)"
        )));
    };
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let [version, src, tgt] = fields[..] else {
        return Err(bad(format!(
            "expected `{MAGIC} VERSION SRC TGT`, e.g. `{MAGIC} {FORMAT_VERSION} zh en`"
        )));
    };
    match version.parse::<u32>() {
        Ok(FORMAT_VERSION) => {}
        Ok(v) => {
            return Err(bad(format!(
                "table format {v}: this bialign reads format {FORMAT_VERSION}"
            )))
        }
        Err(_) => return Err(bad(format!("`{version}` is not a format version"))),
    }
    let lang = |code: &str| code.parse::<Lang>().map_err(|e| bad(e.to_string()));
    Ok(([lang(src)?, lang(tgt)?], learned_from.trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> std::result::Result<TranslationTable, String> {
        TranslationTable::parse(Path::new("t.tsv"), text).map_err(|e| e.to_string())
    }

    #[test]
    fn round_trips_sorted() {
        let table = parse(
            "# bialign-table 1 zh en | by hand\n# comment\n科学家\tscientist\t0.8\n伊利亚\tilya\t0.97\n\n",
        )
        .unwrap();
        assert_eq!(table.langs, [Lang::ZH, Lang::EN]);
        assert_eq!(table.learned_from, "by hand");
        assert_eq!(
            table.translations_of("科学家")[0].target.as_ref(),
            "scientist"
        );
        let mut out = Vec::new();
        table.write(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "# bialign-table 1 zh en | by hand\n# source<TAB>target<TAB>probability\n伊利亚\tilya\t0.9700\n科学家\tscientist\t0.8000\n"
        );
        assert_eq!(parse(&text).unwrap(), table);
    }

    #[test]
    fn names_the_bad_line() {
        let e = parse("# bialign-table 1 zh en\na\tb\t0.5\na b\n").unwrap_err();
        assert!(
            e.starts_with("t.tsv:3: expected source<TAB>target<TAB>probability"),
            "{e}"
        );
        let e = parse("# bialign-table 1 zh en\na\tb\t1.5\n").unwrap_err();
        assert!(e.starts_with("t.tsv:2: the probability must be"), "{e}");
        let e = parse("# bialign-table 1 zh en\na\tb\t0.5\na\tb\t0.6\n").unwrap_err();
        assert!(
            e.starts_with("t.tsv:3: `a` → `b` is already on line 2"),
            "{e}"
        );
        let e = parse("source\ttarget\t0.5\n").unwrap_err();
        assert!(
            e.starts_with("t.tsv:1: not a bialign translation table"),
            "{e}"
        );
        let e = parse("# bialign-table 2 zh en\n").unwrap_err();
        assert!(e.starts_with("t.tsv:1: table format 2"), "{e}");
    }

    #[test]
    fn translates_vocabularies_either_way() {
        let table = parse("# bialign-table 1 de fr\ngletsch\tglacie\t0.9\n").unwrap();
        let mut de = Vocab::default();
        let mut fr = Vocab::default();
        let (g, _) = (de.intern("gletsch"), de.intern("#12"));
        let glacier = fr.intern("glacie");
        let forward = table.translations(&de, Lang::DE, &fr, Lang::FR).unwrap();
        assert_eq!(forward[g as usize], vec![glacier]);
        assert!(forward[1].is_empty());
        let backward = table.translations(&fr, Lang::FR, &de, Lang::DE).unwrap();
        assert_eq!(backward[glacier as usize], vec![g]);
        assert!(table.translations(&de, Lang::DE, &fr, Lang::EN).is_none());
    }
}

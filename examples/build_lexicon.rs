//! Builds the compact zh→en lexicon `data/cedict/zh-en.tsv` from CC-CEDICT:
//!
//! ```text
//! cargo run --release --example build_lexicon -- /path/to/cedict_ts.u8 data/cedict/zh-en.tsv
//! ```
//!
//! Each line of the output is `simplified-headword<TAB>lemma lemma …`. The lemmas are the English
//! content words of the entry's glosses, reduced with the same `lemma()` the aligner applies to
//! English text, so a gloss word and a word of a translation meet exactly when their lemmas are
//! equal. Only what helps alignment is kept: cross-references, pronunciation and classifier
//! notes, surnames and bare romanisations carry no English meaning and are dropped.
//!
//! The output is derived from CC-CEDICT and therefore licensed CC BY-SA 4.0, not under the
//! licence of bialign's code; keep it beside its README and licence text.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

use bialign::anchor::lexicon::is_han;
use bialign::anchor::stem::{english_words, is_stopword, lemma};

/// The first glosses of an entry are its main senses; beyond a dozen lemmas the rest are
/// mostly rare senses whose chance matches would add more noise than evidence.
const MAX_LEMMAS: usize = 12;

/// CC-CEDICT's placeholders ("to help sb") and its undotted "cf", checked on the raw word.
const GLOSS_PLACEHOLDERS: &[&str] = &["sb", "sth", "sb's", "sth's", "etc", "cf"];

/// CC-CEDICT's glossing abbreviations, dropped when written with their full stop ("fig. to …",
/// but not "fig", the fruit). Checked before stemming: "lit" would otherwise become "light".
const GLOSS_ABBREVIATIONS: &[&str] = &["lit", "fig", "esp", "abbr", "pr", "onom", "usu"];

/// Senses that are pointers rather than meanings. Whatever follows them is Chinese text, pinyin or
/// a note about the word itself.
const DROP_PREFIXES: &[&str] = &[
    "used in ",
    "used as ",
    "used after ",
    "used before ",
    "also pr.",
    "taiwan pr.",
    "pr.",
    "erhua ",
    "classifier",
    "cl:",
    "also written",
];

/// On a single character, a sense mentioning these describes a function word ("structural
/// particle: used before a verb…", "plural marker for pronouns"), not a meaning to translate.
const GRAMMAR_NOTES: &[&str] = &["particle", "marker", "suffix", "prefix", "infix"];

/// References whose target is sometimes followed by an English name ("abbr. for 中国科学院,
/// Chinese Academy of Sciences"): the prefix goes and any English that is left is kept, but only
/// for words of two characters or more, where the name is the meaning. On a single character it
/// is a rare abbreviation sense (西 "abbr. for Spain") that would match too often.
const REFERENCE_PREFIXES: &[&str] = &[
    "see also ",
    "see ",
    "abbr. for ",
    "abbr. of ",
    "abbr. to ",
    "abbr. ",
    "same as ",
    "short for ",
    "short name for ",
    "also called ",
    "also known as ",
    "old name for ",
    "old name of ",
    "former name of ",
    "former name for ",
];

struct Entry<'a> {
    simplified: &'a str,
    /// CC-CEDICT capitalises the pinyin of proper names; their senses go after the common ones.
    proper: bool,
    lemmas: Vec<String>,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: build_lexicon CEDICT_TS_U8 OUTPUT_TSV");
        return ExitCode::FAILURE;
    };
    match run(input, output) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("build_lexicon: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(input: &str, output: &str) -> std::io::Result<()> {
    let source = fs::read_to_string(input)?;
    let mut entries = Vec::new();
    let mut malformed = 0;
    for line in source.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        match parse_entry(line) {
            Some(Some(e)) => entries.push(e),
            Some(None) => {}
            None => malformed += 1,
        }
    }

    // Merge readings of one simplified headword: common readings first, in dictionary order.
    let mut by_headword: HashMap<&str, Vec<&Entry>> = HashMap::new();
    for e in &entries {
        by_headword.entry(e.simplified).or_default().push(e);
    }
    let mut lexicon = BTreeMap::new();
    for (head, mut readings) in by_headword {
        readings.sort_by_key(|e| e.proper);
        let mut lemmas: Vec<&str> = Vec::new();
        for l in readings.iter().flat_map(|e| &e.lemmas) {
            if lemmas.len() == MAX_LEMMAS {
                break;
            }
            if !lemmas.contains(&l.as_str()) {
                lemmas.push(l);
            }
        }
        // A word without lemmas still matters as a segmentation unit: without 但是 ("but",
        // all stopwords) the segmenter would split it into 但 + 是 and 是 would contribute
        // "correct", "right", "true". A single character is a unit anyway, so it is left out.
        if !lemmas.is_empty() || head.chars().nth(1).is_some() {
            lexicon.insert(head, lemmas);
        }
    }

    let mut out = BufWriter::new(fs::File::create(output)?);
    writeln!(
        out,
        "# zh→en lexicon derived from CC-CEDICT (MDBG; CC BY-SA 4.0); see README.md beside this file"
    )?;
    let mut lemma_count = 0;
    let mut without_lemmas = 0;
    for (head, lemmas) in &lexicon {
        writeln!(out, "{head}\t{}", lemmas.join(" "))?;
        lemma_count += lemmas.len();
        without_lemmas += usize::from(lemmas.is_empty());
    }
    out.flush()?;
    eprintln!(
        "{} of {} CC-CEDICT entries have an all-Han simplified headword ({malformed} malformed \
         lines); {} headwords ({without_lemmas} of them segmentation-only), {lemma_count} \
         lemmas written to {output}",
        entries.len(),
        source.lines().filter(|l| !l.starts_with('#')).count(),
        lexicon.len(),
    );
    Ok(())
}

/// `None` for a malformed line, `Some(None)` for an entry that yields nothing.
fn parse_entry(line: &str) -> Option<Option<Entry<'_>>> {
    let (_traditional, rest) = line.split_once(' ')?;
    let (simplified, rest) = rest.split_once(' ')?;
    let rest = rest.strip_prefix('[')?;
    let (pinyin, rest) = rest.split_once(']')?;
    let glosses = rest.trim().strip_prefix('/')?.strip_suffix('/')?;

    // The segmenter only ever proposes runs of Han characters, so a headword with Latin letters,
    // digits or punctuation in it ("卡拉OK") could never be looked up.
    if simplified.is_empty() || !simplified.chars().all(is_han) {
        return Some(None);
    }
    let multi_char = simplified.chars().nth(1).is_some();
    let romanised = letters_only(&pinyin.replace("u:", "u"));
    let mut lemmas = Vec::new();
    for gloss in glosses.split('/') {
        gloss_lemmas(gloss, &romanised, multi_char, &mut lemmas);
    }
    Some(Some(Entry {
        simplified,
        proper: pinyin.starts_with(|c: char| c.is_ascii_uppercase()),
        lemmas,
    }))
}

fn gloss_lemmas(gloss: &str, romanised: &str, multi_char: bool, out: &mut Vec<String>) {
    let gloss = remove_bracketed(gloss);
    for sense in gloss.split(';') {
        let lower = sense.trim().to_lowercase();
        // Affix glosses ("-ful", "un-") are not words of a translation.
        if lower.starts_with('-')
            || lower.ends_with('-')
            || lower.contains("variant of")
            || english_words(&lower).any(|w| w == "surname")
            || DROP_PREFIXES.iter().any(|p| lower.starts_with(p))
            || letters_only(&lower) == romanised
            || !multi_char && GRAMMAR_NOTES.iter().any(|k| lower.contains(k))
        {
            continue;
        }
        let mut meaning = lower.as_str();
        if let Some(p) = REFERENCE_PREFIXES.iter().find(|p| lower.starts_with(*p)) {
            if !multi_char {
                continue;
            }
            meaning = &lower[p.len()..];
        }
        for word in english_words(meaning) {
            let end = word.as_ptr() as usize - meaning.as_ptr() as usize + word.len();
            if GLOSS_PLACEHOLDERS.contains(&word)
                || GLOSS_ABBREVIATIONS.contains(&word) && meaning[end..].starts_with('.')
            {
                continue;
            }
            let l = lemma(word);
            if l.chars().nth(1).is_some() && !is_stopword(&l) && !out.contains(&l) {
                out.push(l);
            }
        }
    }
}

/// Removes parenthesised asides (usage notes, domains, literal readings) and bracketed pinyin,
/// nesting included.
fn remove_bracketed(gloss: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::with_capacity(gloss.len());
    for c in gloss.chars() {
        match c {
            '(' | '[' | '（' => depth += 1,
            ')' | ']' | '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// ASCII letters of `s`, lowercased, with ü read as u: compares a gloss with the pinyin.
fn letters_only(s: &str) -> String {
    s.chars()
        .map(|c| if c == 'ü' || c == 'Ü' { 'u' } else { c })
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

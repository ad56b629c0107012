//! Sentence boundaries in space-separated scripts: UAX #29 (unicode-segmentation), corrected where
//! it is wrong for real text: abbreviations, initials, ordinals and list numbers, and `?`/`!` or an
//! ellipsis inside a sentence that goes on in lowercase.

use unicode_segmentation::UnicodeSegmentation;

use super::abbreviations::{self, Abbreviation};
use super::blocks::is_closing;
use crate::document::is_space;
use crate::lang::Lang;

/// Push the byte offsets in `text` where a new sentence starts (excluding 0 and `text.len()`).
pub fn boundaries(text: &str, lang: Lang, cuts: &mut Vec<usize>) {
    boundaries_with(text, lang, cuts, MAX_RUN);
}

fn boundaries_with(text: &str, lang: Lang, cuts: &mut Vec<usize>, max_run: usize) {
    if surely_one_sentence(text) {
        return;
    }
    // A wrapped paragraph's line breaks are spaces here: UAX #29 would break at every one.
    let flat: String = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    let pieces = sentence_pieces(&flat, max_run);
    for pair in pieces.windows(2) {
        let (_, before) = pair[0];
        let (next_start, next) = pair[1];
        if !continues(before, next, lang) {
            cuts.push(next_start);
        }
    }
}

/// Can UAX #29 find no boundary inside `text`? True when nothing before the text's final run of
/// full stops, `?`, `!`, closing marks and spaces could end a sentence: letters, digits, spaces and
/// punctuation that never does. Most lines of pre-split or one-sentence-a-line text pass, and
/// skip UAX #29, the larger part of segmenting them.
fn surely_one_sentence(text: &str) -> bool {
    let plain_space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r');
    let body = text.trim_end_matches(|c: char| {
        matches!(c, '.' | '!' | '?') || plain_space(c) || is_plain_closing(c)
    });
    body.chars().all(|c| {
        if c.is_ascii() {
            !matches!(c, '.' | '!' | '?') && (c >= ' ' || plain_space(c))
        } else {
            // Sentence terminators of every script are punctuation, and the paragraph
            // separators (U+0085, U+2028, U+2029) are neither letters nor these marks.
            c.is_alphanumeric()
                || matches!(c, '’' | '‘' | '“' | '”' | '«' | '»' | '—' | '–' | '\u{a0}')
        }
    })
}

/// Closing marks that UAX #29 counts as such (class Close) after a sentence's terminator.
fn is_plain_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '}' | '’' | '”' | '»')
}

/// Runs longer than this are cut short for UAX #29 (see [`sentence_pieces`]).
const MAX_RUN: usize = 8;

/// The UAX #29 sentences of `text`, each with its offset.
///
/// unicode-segmentation's rule SB8 looks ahead from every character of a run of closing
/// punctuation or spaces after a full stop, which costs the run's length squared (the fuzzer's
/// run of 17,000 quotes took 25 seconds, and 19,000 pairs of brackets `[]` 25 seconds). UAX #29
/// never breaks inside a run of characters of one class (other than a paragraph separator), and
/// its rules do not count repeats, so the sentences are found in a copy with each longer run cut
/// to `max_run` characters and mapped back.
fn sentence_pieces(text: &str, max_run: usize) -> Vec<(usize, &str)> {
    let Some((short, origin)) = shorten_runs(text, max_run) else {
        return text.split_sentence_bound_indices().collect();
    };
    let starts: Vec<usize> = short
        .split_sentence_bound_indices()
        .map(|(i, _)| origin[i])
        .collect();
    starts
        .iter()
        .enumerate()
        .map(|(k, &start)| {
            let end = starts.get(k + 1).copied().unwrap_or(text.len());
            (start, &text[start..end])
        })
        .collect()
}

/// What UAX #29's rules see of a character, as far as a run of them goes: a run is characters of
/// one key, with the marks that the rules pass over (Extend, Format) anywhere in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RunKey {
    /// Sentence_Break=Close: brackets and quotation marks, opening and closing alike.
    Close,
    /// Sentence_Break=Sp: spaces other than line and paragraph separators.
    Space,
    /// Any other character, in runs of itself.
    Char(char),
}

impl RunKey {
    fn of(c: char) -> RunKey {
        if is_close_class(c) {
            RunKey::Close
        } else if is_space_class(c) {
            RunKey::Space
        } else {
            RunKey::Char(c)
        }
    }
}

/// Characters of Sentence_Break=Close (General_Category Ps or Pe, or Line_Break=Quotation): the
/// common ones. A character left out only ends a run, which is slower but never wrong.
fn is_close_class(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '«' | '»' | '\u{2018}'..='\u{201f}'
            | '‹' | '›' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301b}'
            | '\u{301d}'..='\u{301f}' | '（' | '）' | '［' | '］' | '｛' | '｝' | '｢' | '｣'
    )
}

/// Characters of Sentence_Break=Sp: White_Space but for line and paragraph separators (line
/// breaks are spaces by then, see [`boundaries_with`]).
fn is_space_class(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Marks that UAX #29's rules pass over (SB5: Extend and Format): combining diacritics, joiners,
/// variation selectors, the soft hyphen and the invisible formatting characters. The common
/// ones; a mark left out only ends a run.
fn is_passed_over(c: char) -> bool {
    matches!(
        c,
        '\u{300}'..='\u{36f}'
            | '\u{ad}'
            | '\u{1ab0}'..='\u{1abe}'
            | '\u{1dc0}'..='\u{1dff}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
            | '\u{20d0}'..='\u{20f0}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{fe20}'..='\u{fe2f}'
            | '\u{feff}'
    )
}

/// `text` with each run (of one [`RunKey`]) longer than `max_run` characters cut to `max_run`,
/// and for each byte of the copy the offset in `text` of the character it belongs to; `None` when
/// there is no such run. Paragraph separators are kept as they are: UAX #29 breaks after each of
/// them, and a mark after one is a run of its own.
fn shorten_runs(text: &str, max_run: usize) -> Option<(String, Vec<usize>)> {
    let separator = |c: char| matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}');
    let mut short = String::new();
    let mut origin = Vec::new();
    let mut shortened = false;
    // The run's key (none after a separator), its length so far in characters that are not
    // marks, and whether the last of them was dropped (its marks go with it).
    let mut run: (Option<RunKey>, usize) = (None, 0);
    let mut dropping = false;
    for (i, c) in text.char_indices() {
        // A mark goes with the character before it and does not count: `a.B` and `a..B` differ
        // (SB7), so `.́.́` is a run of two.
        let mark = is_passed_over(c) && run.0.is_some();
        if !mark {
            let key = (!separator(c)).then(|| RunKey::of(c));
            run = if key.is_some() && key == run.0 {
                (key, run.1 + 1)
            } else {
                (key, 1)
            };
            dropping = run.1 > max_run.max(2);
        }
        if dropping {
            shortened = true;
            continue;
        }
        short.push(c);
        origin.resize(short.len(), i);
    }
    shortened.then_some((short, origin))
}

/// Does the sentence that UAX #29 ended with `before` in fact go on into `next`?
fn continues(before: &str, next: &str, lang: Lang) -> bool {
    let before = before.trim_end_matches(is_space);
    let body = before.trim_end_matches(is_closing);
    let next_first = next
        .trim_start_matches(|c: char| is_space(c) || is_opening(c))
        .chars()
        .next();
    let Some(next_first) = next_first else {
        return true;
    };
    let next_lower = next_first.is_lowercase();
    let next_digit = next_first.is_ascii_digit();

    if body.ends_with(['?', '!', '…']) || body.ends_with("...") {
        // "Why?" he asked. / I was thinking... maybe not.
        return next_lower;
    }
    let Some(stem) = body.strip_suffix('.') else {
        return false;
    };
    let token = stem
        .rsplit(|c: char| is_space(c) || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("")
        .trim_start_matches(|c: char| is_opening(c) || is_closing(c));
    if token.is_empty() {
        return false;
    }
    if next_lower {
        return true;
    }
    match abbreviations::lookup(lang, token) {
        Some(Abbreviation::Always) => return true,
        Some(Abbreviation::BeforeNumber) if next_digit => return true,
        _ => {}
    }
    let mut chars = token.chars();
    let single_upper = chars.next().is_some_and(|c| c.is_uppercase()) && chars.next().is_none();
    if single_upper {
        // An initial: J. R. R. Tolkien.
        return true;
    }
    if token.len() <= 2 && token.chars().all(|c| c.is_ascii_digit()) {
        let first_token = stem.trim_start_matches(is_opening) == token;
        // "1. Introduction" as a list marker, or "am 3. Oktober" where ordinals take a dot.
        return first_token || abbreviations::has_dot_ordinals(lang);
    }
    false
}

fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '(' | '[' | '„' | '‹' | '¿' | '¡'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cuts(text: &str, max_run: usize) -> Vec<usize> {
        let mut cuts = Vec::new();
        boundaries_with(text, Lang::EN, &mut cuts, max_run);
        cuts
    }

    #[test]
    fn cutting_runs_short_keeps_every_boundary() {
        let units = [
            ".",
            "?",
            "!",
            "…",
            " ",
            "\u{a0}",
            "\t",
            "\u{2028}",
            "\u{85}",
            ")",
            "\"",
            "’",
            "‘",
            "»",
            "a",
            "B",
            "1",
            "é",
            "中",
            "\u{301}",
            "e.g.",
            "Mr.",
            "“",
            "(",
            "-",
            "Ὄ",
            "[]",
            "()",
            "’”",
            "「」",
            " \u{a0}",
            "\t\u{3000}",
            "[\u{301}",
            "]\u{ad}",
            "\u{200b}",
            ".\u{301}",
            "\u{2029}\u{301}",
        ];
        // Every text of up to three runs of up to twelve repeats.
        for a in units {
            for b in units {
                for c in ["a", "B", ".", " ", "1", "\u{2029}"] {
                    for n in [1, 2, 3, 9, 12] {
                        let text = format!("Go{}{}{}x", a.repeat(n), b.repeat(n + 1), c.repeat(n));
                        assert_eq!(cuts(&text, 2), cuts(&text, usize::MAX), "{text:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_sentence_passed_over_has_no_boundary_inside() {
        let units = [
            ".", "?", "!", "…", " ", "\u{a0}", "\t", "\n", "\u{2028}", "\u{2029}", "\u{85}",
            "\u{b}", "\u{c}", ")", "\"", "'", "’", "‘", "»", "“", "」", "a", "B", "1", "é", "中",
            "\u{301}", "-", "—", ";", "։", "।", "。", "！", "．", "\u{1367}", "e.g.",
        ];
        let mut passed = 0;
        for a in units {
            for b in units {
                for c in units {
                    for d in ["", ".", "!?", ".”", "?' ", ". \n"] {
                        let text = format!("Go {a}{b} x{c}{d}");
                        if surely_one_sentence(&text) {
                            passed += 1;
                            let flat = text.replace(['\n', '\r'], " ");
                            assert_eq!(flat.split_sentence_bounds().count(), 1, "{text:?}");
                        }
                    }
                }
            }
        }
        assert!(passed > 10_000, "{passed}");
        for line in [
            "He said, “I’m done.”",
            "It costs 30 francs, not 40 — or so they say!",
            "Ça m’étonne.",
        ] {
            assert!(surely_one_sentence(line), "{line}");
        }
        for line in ["Dr. Who came.", "One. Two", "Why? No", "Wait… what"] {
            assert!(!surely_one_sentence(line), "{line}");
        }
    }

    #[test]
    fn long_runs_of_mixed_brackets_and_spaces_after_a_full_stop_are_fast() {
        // Found by the fuzzer: 19,000 pairs of brackets took 25 seconds to segment.
        for run in ["[]", "(“”)", "「」", " \u{a0}\u{3000}", "[\u{301}]\u{ad}"] {
            let text = format!(
                "It ended.{} Then. {} C",
                run.repeat(20_000),
                run.repeat(20_000)
            );
            let start = std::time::Instant::now();
            let found = cuts(&text, MAX_RUN);
            assert!(start.elapsed().as_secs() < 5, "{run:?}");
            assert_eq!(found.len(), 2, "{run:?}");
        }
    }

    #[test]
    fn a_long_run_of_quotes_after_a_full_stop_is_fast() {
        // Found by the fuzzer: 17,000 quotes after a full stop took 25 seconds to segment.
        let text = format!(
            "It ended.{} Then b. {} c",
            "‘".repeat(50_000),
            " ".repeat(50_000)
        );
        let start = std::time::Instant::now();
        assert_eq!(cuts(&text, MAX_RUN).len(), 1);
        assert!(start.elapsed().as_secs() < 5);
    }
}

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
    // A wrapped paragraph's line breaks are spaces here: UAX #29 would break at every one.
    let flat: String = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    let pieces: Vec<(usize, &str)> = flat.split_sentence_bound_indices().collect();
    for pair in pieces.windows(2) {
        let (_, before) = pair[0];
        let (next_start, next) = pair[1];
        if !continues(before, next, lang) {
            cuts.push(next_start);
        }
    }
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

//! Latin-script terms inside text of any script: names and technical terms (OpenAI, GPT-3,
//! AlexNet) that a translation keeps as they are, so they anchor an alignment and a missing one is
//! worth flagging.

use crate::lang::is_han;

/// A term and its byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term<'t> {
    /// The term as written.
    pub text: &'t str,
    /// Byte offset of the term in the text searched.
    pub start: usize,
    /// Byte offset of the term's end (exclusive).
    pub end: usize,
}

/// Runs of Latin letters and digits (with inner `-`, `.`, `'`, `&`) that contain a letter.
pub fn terms(text: &str) -> Vec<Term<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let is_core =
            c.is_ascii_alphanumeric() || ('\u{c0}'..='\u{24f}').contains(&c) && c.is_alphabetic();
        let next_core = chars
            .peek()
            .is_some_and(|&(_, n)| n.is_ascii_alphanumeric());
        let joins = matches!(c, '-' | '.' | '\'' | '&') && start.is_some() && next_core;
        if is_core || joins {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            push_term(text, s, i, &mut out);
        }
    }
    if let Some(s) = start {
        push_term(text, s, text.len(), &mut out);
    }
    out
}

fn push_term<'t>(text: &'t str, start: usize, end: usize, out: &mut Vec<Term<'t>>) {
    let t = &text[start..end];
    if t.chars().any(|c| c.is_alphabetic()) {
        out.push(Term {
            text: t,
            start,
            end,
        });
    }
}

/// Terms worth checking in a translation: in CJK text every Latin run is one (it was kept
/// untranslated on purpose); in Latin-script text only words that look like names or product
/// terms (an inner capital or digit, or all capitals): `OpenAI`, `GPT-3`, `DNN`, not `Welcome`.
pub fn name_like_terms(text: &str) -> Vec<Term<'_>> {
    let cjk_text = text.chars().any(is_han);
    terms(text)
        .into_iter()
        .filter(|t| !number_with_suffix(t.text))
        .filter(|t| {
            if cjk_text {
                return true;
            }
            let letters: Vec<char> = t.text.chars().filter(|c| c.is_alphabetic()).collect();
            let inner_upper = t.text.chars().skip(1).any(|c| c.is_uppercase());
            let has_digit = t.text.chars().any(|c| c.is_ascii_digit());
            let all_upper = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
            inner_upper || has_digit || all_upper
        })
        .collect()
}

/// A number with a unit, suffix or prefix is a quantity, not a name: 1940s, 1x, 3rd, 200-odd,
/// mid-2010s, 3K, 7cm. Its number is compared as a number.
fn number_with_suffix(term: &str) -> bool {
    let core = match term.split_once('-') {
        Some((prefix, rest)) if prefix.chars().all(|c| c.is_ascii_lowercase()) => rest,
        _ => term,
    };
    core.starts_with(|c: char| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(v: Vec<Term<'_>>) -> Vec<&str> {
        v.into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn latin_runs_in_chinese() {
        assert_eq!(
            texts(terms("伊利亚是GPT-3及ChatGPT的基石,OpenAI的U.S.团队。")),
            ["GPT-3", "ChatGPT", "OpenAI", "U.S"]
        );
    }

    #[test]
    fn name_like_terms_in_english() {
        assert_eq!(
            texts(name_like_terms(
                "Welcome to OpenAI, where GPT-3 and DNN research began in 2012."
            )),
            ["OpenAI", "GPT-3", "DNN"]
        );
        assert_eq!(
            texts(name_like_terms(
                "In the 1940s, at 1x speed, 200-odd and mid-2010s in 3D at 3K and GPT-4."
            )),
            ["GPT-4"]
        );
    }
}

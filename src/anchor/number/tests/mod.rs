mod chinese;
mod digits;
mod percent;
mod words;

use super::*;

fn keys(text: &str, lang: &str) -> Vec<String> {
    extract_numbers(text, lang)
        .iter()
        .map(NumberMention::key)
        .collect()
}

fn spans<'t>(text: &'t str, lang: &str) -> Vec<&'t str> {
    extract_numbers(text, lang)
        .iter()
        .map(|m| &text[m.start..m.end])
        .collect()
}

#[track_caller]
fn check(text: &str, lang: &str, expected: &[&str]) {
    assert_eq!(keys(text, lang), expected, "{lang}: {text}");
}

fn mention(value: f64, kind: NumberKind) -> (f64, bool, NumberKind) {
    (value, false, kind)
}

#[test]
fn key_formats_canonically() {
    let m = |value: f64, percent: bool| NumberMention {
        value,
        percent,
        kind: NumberKind::Digits,
        ordinal: false,
        start: 0,
        end: 0,
    };
    assert_eq!(m(2012.0, false).key(), "2012");
    assert_eq!(m(3.5, false).key(), "3.5");
    assert_eq!(m(1e8, false).key(), "100000000");
    assert_eq!(m(35.0, true).key(), "35%");
    assert_eq!(m(0.1 + 0.2, false).key(), "0.3");
    assert_eq!(m(1.0 / 3.0, false).key(), "0.333333");
    assert_eq!(m(1.2 * 1e12, false).key(), "1200000000000");
    assert_eq!(m(-0.0, false).key(), "0");
}

#[test]
fn mention_fields() {
    let ms = extract_numbers("GPT-3 和 thirty", "en");
    let got: Vec<_> = ms.iter().map(|m| (m.value, m.percent, m.kind)).collect();
    assert_eq!(
        got,
        [
            mention(3.0, NumberKind::Digits),
            mention(30.0, NumberKind::Words)
        ]
    );
    assert_eq!(spans("GPT-3 和 thirty", "en"), ["3", "thirty"]);
}

#[test]
fn empty_and_number_free_text() {
    check("", "en", &[]);
    check("No numbers here.", "en", &[]);
    check("这里没有数字。", "zh", &[]);
}

/// Spans must be in order, non-overlapping and on char boundaries for any input; a tiny
/// deterministic generator over tricky characters stands in for a fuzzer.
#[test]
fn spans_are_ordered_and_valid_on_arbitrary_input() {
    let alphabet: Vec<char> =
        "0123456789０９,.，．%％ -\u{a0}\u{202f}一二两三十百千万亿億兆零〇○第几多点分之年月\
         萬만억천조백aAonetwhundrmilbsécntéü"
            .chars()
            .collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..20_000 {
        let len = (next() % 24) as usize;
        let s: String = (0..len)
            .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
            .collect();
        for lang in ["en", "zh", "ja", "ko", "de", "fr", "es", "ru"] {
            let ms = extract_numbers(&s, lang);
            let mut last = 0;
            for m in &ms {
                assert!(m.start >= last && m.start < m.end, "{lang} {s:?} {ms:?}");
                assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
                assert!(m.value.is_finite() && m.value >= 0.0, "{s:?}");
                last = m.end;
            }
        }
    }
}

//! Numbers as alignment anchors and fidelity checks.
//!
//! A quantity survives translation unchanged, so a number present on one side of a sentence
//! pair and missing or different on the other is strong evidence of a translation error, and
//! a number shared by two sentences is cheap evidence that they belong together. To compare
//! numbers across languages we have to see through scripts (２０１２, 二〇一二), separator
//! conventions (1,000.5 vs 1.000,5 vs 1 000,5) and spelled-out forms (三十五, thirty-five),
//! and reduce every mention to one canonical [`NumberMention::key`].
//!
//! The scanner makes a single left-to-right pass over the bytes and allocates nothing but the
//! output vector, because it runs on every sentence of corpora with millions of sentences.
//!
//! It deliberately favours precision over recall: a spurious number shows up as a false
//! "number missing in the translation" alarm on a correct translation, which costs more user
//! trust than a check that silently does not fire. Ambiguous forms (一个, "one", 十分 "very",
//! idioms such as 三心二意, approximations such as 几十 or 三四个) are therefore dropped rather
//! than guessed.

mod calendar;
mod chinese;
mod digits;
mod idioms;
mod ordinal;
mod suffix;
mod words;

#[cfg(test)]
mod tests;

use chinese::is_cjk_trigger;
use words::is_latin_letter;

/// One quantity found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NumberMention {
    pub value: f64,
    pub(crate) percent: bool,
    pub kind: NumberKind,
    /// A rank rather than a count: 第二, "second", 2nd, "zweite", "Chapter 2". An ordinal and a
    /// cardinal of one value are different numbers (the third time is not three times); the
    /// value and [`Self::key`] are the same for both, since the aligner may pair them.
    pub ordinal: bool,
    /// Byte span in the text.
    pub start: usize,
    pub end: usize,
}

/// How the quantity was written. Spelled-out numbers are often legitimately rendered as
/// digits in the translation (and vice versa), so callers may want to weigh a mismatch
/// differently depending on the kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum NumberKind {
    /// Written with digits, including digits combined with 万/亿 or a percent sign.
    Digits,
    /// Spelled out: 三十五, thirty-five, 二〇一二.
    Words,
}

impl NumberMention {
    /// Canonical key for comparing quantities across languages: the value printed with at most 6
    /// decimals and no trailing zeros ("2012", "3.5", "100000000"), suffixed with "%" when percent.
    pub fn key(&self) -> String {
        key(self.value, self.percent)
    }
}

/// The canonical key of a quantity (see [`NumberMention::key`]).
pub fn key(value: f64, percent: bool) -> String {
    let mut v = value;
    // Products such as 1.2 × 10⁹ may land one ulp off an integer; snap them back so both
    // sides of a pair print the same key.
    let r = v.round();
    if (v - r).abs() <= 1e-9 * r.abs().max(1.0) {
        v = r;
    }
    let mut s = format!("{v:.6}");
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    if s == "-0" {
        s = "0".to_string();
    }
    if percent {
        s.push('%');
    }
    s
}

/// `lang` is an ISO 639-1 code ("zh", "en", "de", …); unknown codes use the English conventions.
///
/// Mentions come in text order with disjoint spans. Forms too ambiguous to be trusted as
/// quantities (see the module documentation) are left out rather than guessed.
pub(crate) fn extract_numbers(text: &str, lang: &str) -> Vec<NumberMention> {
    let mut scanner = Scanner {
        text,
        b: text.as_bytes(),
        lang: Lang::from_code(lang),
        out: Vec::new(),
        prev_word: (0, 0),
    };
    scanner.run();
    if scanner.lang == Lang::Zh {
        return calendar::gregorian(text, scanner.out);
    }
    scanner.out
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Lang {
    En,
    Zh,
    Ja,
    Ko,
    De,
    Fr,
    Es,
    Ru,
    Is,
    /// A language without number words here that writes a decimal comma (Italian, Portuguese,
    /// Dutch, Polish, …): 50.000 is fifty thousand, 1,5 one and a half.
    CommaDecimal,
    /// The same, where a plain space also groups thousands (Polish, Czech, Swedish, …).
    CommaDecimalSpaced,
    Other,
}

impl Lang {
    /// Region and script subtags ("zh-Hant", "en_US") do not change number conventions here,
    /// so only the primary subtag is looked at.
    fn from_code(code: &str) -> Lang {
        const CODES: [(&str, Lang); 22] = [
            ("en", Lang::En),
            ("eng", Lang::En),
            ("zh", Lang::Zh),
            ("zho", Lang::Zh),
            ("chi", Lang::Zh),
            ("cmn", Lang::Zh),
            ("ja", Lang::Ja),
            ("jpn", Lang::Ja),
            ("ko", Lang::Ko),
            ("kor", Lang::Ko),
            ("de", Lang::De),
            ("deu", Lang::De),
            ("ger", Lang::De),
            ("fr", Lang::Fr),
            ("fra", Lang::Fr),
            ("fre", Lang::Fr),
            ("es", Lang::Es),
            ("spa", Lang::Es),
            ("ru", Lang::Ru),
            ("rus", Lang::Ru),
            ("is", Lang::Is),
            ("isl", Lang::Is),
        ];
        // CLDR's decimal and grouping separators of each language's main locale.
        const COMMA_DECIMAL: [&str; 17] = [
            "it", "pt", "nl", "sl", "hr", "sr", "bs", "mk", "ro", "el", "tr", "da", "id", "vi",
            "ca", "gl", "eu",
        ];
        const COMMA_DECIMAL_SPACED: [&str; 16] = [
            "pl", "cs", "sk", "uk", "be", "bg", "sv", "nb", "nn", "no", "fi", "et", "lv", "lt",
            "hu", "kk",
        ];
        let base = code.trim().split(['-', '_']).next().unwrap_or("");
        let is = |list: &[&str]| list.iter().any(|c| base.eq_ignore_ascii_case(c));
        if let Some(&(_, lang)) = CODES.iter().find(|(c, _)| base.eq_ignore_ascii_case(c)) {
            lang
        } else if is(&COMMA_DECIMAL) {
            Lang::CommaDecimal
        } else if is(&COMMA_DECIMAL_SPACED) {
            Lang::CommaDecimalSpaced
        } else {
            Lang::Other
        }
    }

    fn comma_decimal(self) -> bool {
        matches!(
            self,
            Lang::De
                | Lang::Fr
                | Lang::Es
                | Lang::Ru
                | Lang::Is
                | Lang::CommaDecimal
                | Lang::CommaDecimalSpaced
        )
    }

    /// Plain spaces group thousands only where that is the norm; elsewhere "in 2012 300
    /// people" style collisions would merge unrelated numbers.
    fn space_groups(self) -> bool {
        matches!(self, Lang::Fr | Lang::Ru | Lang::CommaDecimalSpaced)
    }

    fn english_words(self) -> bool {
        matches!(
            self,
            Lang::En | Lang::Other | Lang::CommaDecimal | Lang::CommaDecimalSpaced
        )
    }
}

/// One left-to-right pass over a text. Its methods live in the submodules by notation (digits,
/// CJK numerals, words, suffixes) but share one scanner, because a number may switch notation
/// midway (2万5千, 3.5 billion, 百分之3.5). Each returns the byte position after what it read.
struct Scanner<'a> {
    text: &'a str,
    b: &'a [u8],
    lang: Lang,
    out: Vec<NumberMention>,
    /// Byte span of the previous Latin-script word, for the few words whose meaning depends
    /// on the word before ("a second", "pour cent").
    prev_word: (usize, usize),
}

impl Scanner<'_> {
    fn run(&mut self) {
        let n = self.b.len();
        let mut i = 0;
        while i < n {
            let c = self.b[i];
            if c < 0x80 {
                i = if c.is_ascii_digit() {
                    self.digits(i)
                } else if c.is_ascii_alphabetic() {
                    self.word(i)
                } else {
                    i + 1
                };
                continue;
            }
            let ch = self.char_at(i);
            i = if ('０'..='９').contains(&ch) {
                self.digits(i)
            } else if is_latin_letter(ch) {
                self.word(i)
            } else if is_cjk_trigger(ch, self.lang) {
                self.cjk(i, ch)
            } else {
                i + ch.len_utf8()
            };
        }
    }

    #[inline]
    fn char_at(&self, i: usize) -> char {
        self.text[i..].chars().next().unwrap_or('\0')
    }

    fn push(&mut self, value: f64, percent: bool, kind: NumberKind, start: usize, end: usize) {
        // Hundreds of digits overflow f64; such a "number" is an identifier, not a quantity.
        if !value.is_finite() {
            return;
        }
        self.out.push(NumberMention {
            value,
            percent,
            kind,
            ordinal: false,
            start,
            end,
        });
    }

    /// Make the mention just pushed at `start`, if any, an ordinal.
    fn mark_ordinal(&mut self, start: usize) {
        if let Some(m) = self.out.last_mut().filter(|m| m.start == start) {
            m.ordinal = true;
        }
    }
}

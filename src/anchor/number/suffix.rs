//! Words and signs after a number that change its value: magnitudes ("3.5 billion",
//! "2,5 Millionen") and percent ("35 %", "35 Prozent").

use super::digits::{sep_at, Sep};
use super::{Lang, Scanner};

/// Words that turn a preceding number into a percentage. All languages are tried because
/// mislabelled or mixed-language sentences are common and these words cannot be mistaken.
const PERCENT_WORDS: &[(&str, bool)] = &[
    ("percent", false),
    ("per cent", false),
    ("pct", false),
    ("prozent", false),
    ("pour cent", false),
    ("pourcent", false),
    ("por ciento", false),
    ("por cien", false),
    ("процент", true),
    ("prósent", true),
    ("퍼센트", true),
    ("パーセント", true),
];

/// (word, multiplier, matches as a prefix of an inflected form).
type Scale = (&'static str, f64, bool);

const EN_SCALES: &[Scale] = &[
    ("hundred", 1e2, false),
    ("thousand", 1e3, false),
    ("million", 1e6, false),
    ("billion", 1e9, false),
    ("trillion", 1e12, false),
    ("bn", 1e9, false),
];
/// "four decades" is forty years (四十年), in English whether spelled out or in digits.
const EN_DECADES: &[Scale] = &[("decades", 1e1, false), ("decade", 1e1, false)];
// In German, French and Spanish "Billion"/"billion"/"billón" is the long-scale 10¹², which is
// exactly the kind of slip a fidelity check should catch, so it must not be read as 10⁹.
const DE_SCALES: &[Scale] = &[
    ("hundert", 1e2, false),
    ("tausend", 1e3, false),
    ("million", 1e6, false),
    ("millionen", 1e6, false),
    ("milliarde", 1e9, false),
    ("milliarden", 1e9, false),
    ("billion", 1e12, false),
    ("billionen", 1e12, false),
    ("mio", 1e6, false),
    ("mrd", 1e9, false),
    ("tsd", 1e3, false),
];
const FR_SCALES: &[Scale] = &[
    ("mille", 1e3, false),
    ("million", 1e6, false),
    ("millions", 1e6, false),
    ("milliard", 1e9, false),
    ("milliards", 1e9, false),
    ("billion", 1e12, false),
    ("billions", 1e12, false),
];
const ES_SCALES: &[Scale] = &[
    ("mil", 1e3, false),
    ("millón", 1e6, false),
    ("millon", 1e6, false),
    ("millones", 1e6, false),
    ("millardo", 1e9, false),
    ("millardos", 1e9, false),
    ("billón", 1e12, false),
    ("billon", 1e12, false),
    ("billones", 1e12, false),
];
const RU_SCALES: &[Scale] = &[
    ("тыс", 1e3, true),
    ("млн", 1e6, false),
    ("миллион", 1e6, true),
    ("млрд", 1e9, false),
    ("миллиард", 1e9, true),
    ("трлн", 1e12, false),
    ("триллион", 1e12, true),
];
const IS_SCALES: &[Scale] = &[
    ("þúsund", 1e3, true),
    ("milljón", 1e6, true),
    ("milljarð", 1e9, true),
];

fn scale_table(lang: Lang) -> &'static [Scale] {
    match lang {
        Lang::En | Lang::Other | Lang::CommaDecimal | Lang::CommaDecimalSpaced => EN_SCALES,
        Lang::De => DE_SCALES,
        Lang::Fr => FR_SCALES,
        Lang::Es => ES_SCALES,
        Lang::Ru => RU_SCALES,
        Lang::Is => IS_SCALES,
        // CJK magnitudes (万, 億, 만) are handled by the numeral grammar.
        Lang::Zh | Lang::Ja | Lang::Ko => &[],
    }
}

impl Scanner<'_> {
    /// One space between a number and its unit or percent sign is normal ("35 %", "3.5
    /// billion"); French typography puts a narrow NBSP there.
    fn skip_gap(&self, p: usize) -> usize {
        match sep_at(self.b, p) {
            Some((Sep::Space | Sep::Thin, l)) => p + l,
            _ => p,
        }
    }

    /// Magnitude words after a number ("3.5 billion", "2,5 Millionen", "dos mil millones"),
    /// chained while they grow. Returns the multiplier and the new end.
    pub(super) fn scales_after(&self, pos: usize, min: f64) -> (f64, usize) {
        self.scales_in(scale_table(self.lang), pos, min)
    }

    /// "decades" after an English number: ten times it.
    pub(super) fn decades_after(&self, pos: usize) -> (f64, usize) {
        if self.lang.english_words() {
            self.scales_in(EN_DECADES, pos, 0.0)
        } else {
            (1.0, pos)
        }
    }

    fn scales_in(&self, table: &[Scale], pos: usize, min: f64) -> (f64, usize) {
        let (mut mult, mut end, mut last) = (1.0, pos, 0.0);
        'chain: loop {
            let p = self.skip_gap(end);
            match self.b.get(p) {
                Some(&c) if c.is_ascii_alphabetic() || c >= 0x80 => {}
                _ => break,
            }
            for &(w, v, prefix) in table {
                if v > last && v >= min {
                    if let Some(e) = self.match_word(p, w, prefix) {
                        mult *= v;
                        last = v;
                        end = e;
                        continue 'chain;
                    }
                }
            }
            break;
        }
        (mult, end)
    }

    pub(super) fn percent_after(&self, pos: usize) -> (usize, bool) {
        let p = self.skip_gap(pos);
        let b = self.b;
        match b.get(p) {
            Some(b'%') => return (p + 1, true),
            Some(0xEF) if b[p..].starts_with("％".as_bytes()) => return (p + 3, true),
            Some(&c) if c.is_ascii_alphabetic() || c >= 0x80 => {}
            _ => return (pos, false),
        }
        for &(w, prefix) in PERCENT_WORDS {
            if let Some(e) = self.match_word(p, w, prefix) {
                return (e, true);
            }
        }
        (pos, false)
    }
}

//! Arabic digits, ASCII or full-width, and the separators between them, whose meaning depends
//! on the language (1.000 is a thousand in German and one in English). A magnitude after the
//! digits continues the same number, so 3.5万 is handed to the CJK numeral grammar and
//! "1.2 billion" to the scale words.

use super::chinese::Tok;
use super::{NumberKind, Scanner};

/// ASCII or full-width digit at `i`: (value, byte length).
#[inline]
pub(super) fn digit_at(b: &[u8], i: usize) -> Option<(u8, usize)> {
    match *b.get(i)? {
        c @ b'0'..=b'9' => Some((c - b'0', 1)),
        // U+FF10..U+FF19 is EF BC 90..99.
        0xEF if b.get(i + 1) == Some(&0xBC) => match b.get(i + 2) {
            Some(&d @ 0x90..=0x99) => Some((d - 0x90, 3)),
            _ => None,
        },
        _ => None,
    }
}

struct Run {
    value: f64,
    len: i32,
    lead_zero: bool,
    end: usize,
}

fn run_at(b: &[u8], i: usize) -> Option<Run> {
    let (d0, l0) = digit_at(b, i)?;
    let mut value = f64::from(d0);
    let mut len = 1;
    let mut p = i + l0;
    while let Some((d, l)) = digit_at(b, p) {
        value = value * 10.0 + f64::from(d);
        len += 1;
        p += l;
    }
    Some(Run {
        value,
        len,
        lead_zero: d0 == 0,
        end: p,
    })
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Sep {
    Comma,
    Dot,
    Space,
    /// NBSP, narrow NBSP, thin space: typographic thousands separators that, unlike a plain
    /// space, are practically never used between two unrelated numbers.
    Thin,
}

pub(super) fn sep_at(b: &[u8], i: usize) -> Option<(Sep, usize)> {
    match *b.get(i)? {
        b',' => Some((Sep::Comma, 1)),
        b'.' => Some((Sep::Dot, 1)),
        b' ' => Some((Sep::Space, 1)),
        0xC2 if b.get(i + 1) == Some(&0xA0) => Some((Sep::Thin, 2)),
        0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x89 | 0xAF)) => {
            Some((Sep::Thin, 3))
        }
        // Full-width full stop, used as a decimal point next to full-width digits.
        0xEF if b.get(i + 1) == Some(&0xBC) && b.get(i + 2) == Some(&0x8E) => Some((Sep::Dot, 3)),
        _ => None,
    }
}

pub(super) fn pow10(n: i32) -> f64 {
    10f64.powi(n)
}

enum Arabic {
    Single {
        mant: f64,
        frac: i32,
        end: usize,
    },
    /// Dates, versions, lists ("12.03.2020", "1,2,3" in German): every run is its own number.
    Seq(Sep),
}

impl Scanner<'_> {
    /// "1.000" is a thousand in German and one in English, so the language decides which
    /// separator groups thousands and which is the decimal point. Anything that is not a
    /// consistent grouping falls back to a list, a version or a date rather than a guess.
    fn scan_arabic(&self, i: usize) -> Option<Arabic> {
        let b = self.b;
        let r0 = run_at(b, i)?;
        let (group, dec) = if self.lang.comma_decimal() {
            (Sep::Dot, Sep::Comma)
        } else {
            (Sep::Comma, Sep::Dot)
        };
        let spacey = |s: Sep| s == Sep::Thin || (s == Sep::Space && self.lang.space_groups());
        let mut mant = r0.value;
        let mut end = r0.end;
        let mut grouped = false;

        if let Some((s, l)) = sep_at(b, end) {
            let spaced = spacey(s);
            if s == group || spaced {
                if let Some(r1) = run_at(b, end + l) {
                    // A thousands separator must be followed by exactly three digits every time;
                    // walk the whole chain before deciding, so "1,000,00" is not half-merged.
                    let head_ok = r0.len <= 3 && !r0.lead_zero;
                    let (mut m, mut q, mut all3, mut nseg) = (mant, end, true, 0);
                    let mut good = (mant, end);
                    while let Some((s2, l2)) = sep_at(b, q) {
                        let same = if spaced { spacey(s2) } else { s2 == s };
                        if !same {
                            break;
                        }
                        let Some(r) = run_at(b, q + l2) else { break };
                        nseg += 1;
                        if r.len != 3 {
                            all3 = false;
                        }
                        if all3 {
                            m = m * 1000.0 + r.value;
                            good = (m, r.end);
                        }
                        q = r.end;
                        // Decided once the chain is no grouping and has a second segment
                        // (below only `nseg == 1` is asked then): walking on would make a long
                        // list such as "1,5,1,5,…" cost its length at each of its numbers.
                        if (!all3 || !head_ok) && nseg >= 2 {
                            break;
                        }
                    }
                    if spaced {
                        // A space is never a decimal or list separator, so keep the valid part.
                        if head_ok && good.1 > end {
                            (mant, end, grouped) = (good.0, good.1, true);
                        }
                    } else if head_ok && all3 {
                        (mant, end, grouped) = (good.0, good.1, true);
                    } else if s == Sep::Dot {
                        // Comma-decimal language, but not a thousands grouping: "GPT-3.5" is a
                        // version number, "12.03.2020" a date.
                        if nseg == 1 {
                            return Some(Arabic::Single {
                                mant: r0.value * pow10(r1.len) + r1.value,
                                frac: r1.len,
                                end: r1.end,
                            });
                        }
                        return Some(Arabic::Seq(Sep::Dot));
                    } else {
                        // "1,2" or "12,3456" in a dot-decimal language: a list.
                        return Some(Arabic::Single { mant, frac: 0, end });
                    }
                }
            }
        }

        let mut frac = 0;
        if let Some((s, l)) = sep_at(b, end) {
            if s == dec {
                if let Some(rf) = run_at(b, end + l) {
                    let again = matches!(sep_at(b, rf.end), Some((s2, l2))
                        if s2 == dec && digit_at(b, rf.end + l2).is_some());
                    if again && !grouped {
                        return Some(Arabic::Seq(dec));
                    }
                    mant = mant * pow10(rf.len) + rf.value;
                    frac = rf.len;
                    end = rf.end;
                }
            }
        }
        Some(Arabic::Single { mant, frac, end })
    }

    fn emit_sequence(&mut self, i: usize, sep: Sep) -> usize {
        let mut p = i;
        loop {
            let Some(r) = run_at(self.b, p) else { return p };
            self.push(r.value, false, NumberKind::Digits, p, r.end);
            match sep_at(self.b, r.end) {
                Some((s, l)) if s == sep && digit_at(self.b, r.end + l).is_some() => p = r.end + l,
                _ => return r.end,
            }
        }
    }

    /// An Arabic number used as a coefficient inside a CJK numeral (2万5千, 1亿2000万):
    /// (value, end, is a single digit).
    pub(super) fn arabic_atom(&self, q: usize) -> Option<(f64, usize, bool)> {
        match self.scan_arabic(q)? {
            Arabic::Single { mant, frac, end } => {
                let single = frac == 0 && digit_at(self.b, q).map(|(_, l)| q + l) == Some(end);
                Some((mant / pow10(frac), end, single))
            }
            Arabic::Seq(_) => None,
        }
    }

    /// Whether a CJK magnitude continues the number ending at `p` (3.5万, 20多万, 5천만).
    fn unit_follows(&self, p: usize) -> bool {
        match self.cjk_tok(p) {
            Some((Tok::Small(u) | Tok::Big(u), _, _)) => u >= 100.0,
            Some((Tok::More, e, _)) => matches!(
                self.cjk_tok(e),
                Some((Tok::Small(u) | Tok::Big(u), _, _)) if u >= 100.0
            ),
            _ => false,
        }
    }

    /// A fraction sign right after a whole number, or after one space: its value and end.
    fn vulgar_fraction_after(&self, p: usize) -> Option<(f64, usize)> {
        let q = if self.b.get(p) == Some(&b' ') {
            p + 1
        } else {
            p
        };
        let c = self.text.get(q..)?.chars().next()?;
        let value = match c {
            '½' => 0.5,
            '¼' => 0.25,
            '¾' => 0.75,
            '⅓' => 1.0 / 3.0,
            '⅔' => 2.0 / 3.0,
            '⅕' => 0.2,
            '⅛' => 0.125,
            _ => return None,
        };
        Some((value, q + c.len_utf8()))
    }

    pub(super) fn digits(&mut self, i: usize) -> usize {
        let (mant, frac, end) = match self.scan_arabic(i) {
            Some(Arabic::Single { mant, frac, end }) => (mant, frac, end),
            Some(Arabic::Seq(sep)) => return self.emit_sequence(i, sep),
            None => return i + 1,
        };
        // 1 ½ m, 2¾: a whole number and a fraction sign are one quantity (1,50 m).
        let (mant, frac, end) = match (frac, self.vulgar_fraction_after(end)) {
            (0, Some((f, e))) => (mant + f, 0, e),
            _ => (mant, frac, end),
        };
        let (value, end) = if self.unit_follows(end) {
            let r = self.parse_cjk(i, Some((mant / pow10(frac), end)));
            if r.approx {
                return self.skip_numeral(r.end);
            }
            (r.value, r.end)
        } else {
            // Multiply before dividing so 1.2 billion is exactly 1 200 000 000.
            let (m, e) = self.scales_after(end, 0.0);
            let (d, e) = self.decades_after(e);
            (mant * m * d / pow10(frac), e)
        };
        if self.approx_suffix(end) {
            return self.skip_numeral(end);
        }
        let (end, percent) = self.percent_after(end);
        self.push(value, percent, NumberKind::Digits, i, end);
        if !percent && (self.ordinal_suffix_at(end) || self.after_label(i)) {
            self.mark_ordinal(i);
        }
        end
    }
}

//! Chinese and Japanese numerals (三十五, 二〇一二, 两万五), alone or mixed with Arabic digits
//! (2万5千, 1亿2000万), and Korean magnitudes after digits (1억 2천만).

use super::digits::{digit_at, pow10};
use super::{Lang, NumberKind, Scanner};

/// Characters at which a CJK numeral, an ordinal (第), a percentage (百分之), an estimate
/// (几, 数百, 上千, 何十), a count of people (俩, 仨), a half (半) or a pair (双胞胎, 双倍) can start.
pub(super) fn is_cjk_trigger(c: char, lang: Lang) -> bool {
    match c {
        '〇' | '零' | '一' | '二' | '两' | '兩' | '三' | '四' | '五' => true,
        '俩' | '倆' | '仨' | '半' | '双' | '雙' => true,
        '六' | '七' | '八' | '九' | '十' | '百' | '千' => true,
        '万' | '萬' | '亿' | '億' => true,
        '第' | '几' | '幾' | '数' | '數' | '上' | '何' => true,
        '兆' => lang == Lang::Ja,
        _ => false,
    }
}

#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) enum Tok {
    /// An Arabic number starts here; the caller parses it.
    Arabic,
    Digit(u8),
    /// 两 is 2 but, unlike 二, never appears in digit-by-digit strings.
    Two,
    Small(f64),
    Big(f64),
    Point,
    /// 多/余 inside a numeral (二十多万 "over 200,000").
    More,
}

pub(super) struct Cjk {
    pub(super) value: f64,
    pub(super) end: usize,
    pub(super) arabic: bool,
    /// A lone 一/两/零 or a bare 百/千/万/亿: too ambiguous to report.
    weak: bool,
    /// 三四个, 十七八岁, 十几: a range or estimate, not a quantity.
    pub(super) approx: bool,
}

impl Scanner<'_> {
    pub(super) fn cjk_tok(&self, q: usize) -> Option<(Tok, usize, bool)> {
        let b0 = *self.b.get(q)?;
        if b0 < 0x80 {
            return b0.is_ascii_digit().then_some((Tok::Arabic, q, false));
        }
        if digit_at(self.b, q).is_some() {
            return Some((Tok::Arabic, q, false));
        }
        let c = self.char_at(q);
        let e = q + c.len_utf8();
        let (tok, korean) = match c {
            '〇' | '零' | '○' => (Tok::Digit(0), false),
            '一' => (Tok::Digit(1), false),
            '二' => (Tok::Digit(2), false),
            '两' | '兩' => (Tok::Two, false),
            '三' => (Tok::Digit(3), false),
            '四' => (Tok::Digit(4), false),
            '五' => (Tok::Digit(5), false),
            '六' => (Tok::Digit(6), false),
            '七' => (Tok::Digit(7), false),
            '八' => (Tok::Digit(8), false),
            '九' => (Tok::Digit(9), false),
            '十' => (Tok::Small(10.0), false),
            '百' => (Tok::Small(100.0), false),
            '千' => (Tok::Small(1000.0), false),
            '万' | '萬' => (Tok::Big(1e4), false),
            '亿' | '億' => (Tok::Big(1e8), false),
            // In Chinese 兆 is mostly "mega" (兆字节, 兆赫); only Japanese uses it for 10¹².
            '兆' if self.lang == Lang::Ja => (Tok::Big(1e12), false),
            '백' => (Tok::Small(100.0), true),
            '천' => (Tok::Small(1000.0), true),
            '만' => (Tok::Big(1e4), true),
            '억' => (Tok::Big(1e8), true),
            '조' => (Tok::Big(1e12), true),
            '点' | '點' => (Tok::Point, false),
            '多' | '余' | '餘' => (Tok::More, false),
            _ => return None,
        };
        Some((tok, e, korean))
    }

    /// 几/来 right after a numeral make it an estimate (十几, 二十来岁).
    pub(super) fn approx_suffix(&self, p: usize) -> bool {
        matches!(self.char_at(p), '几' | '幾' | '来' | '來')
    }

    /// Skips the rest of an estimate (几十万, 三四十) so none of its parts is reported.
    pub(super) fn skip_numeral(&self, mut p: usize) -> usize {
        loop {
            match self.cjk_tok(p) {
                Some((Tok::Arabic, ..)) | None => {}
                Some((_, e, _)) => {
                    p = e;
                    continue;
                }
            }
            if self.approx_suffix(p) {
                p += 3;
                continue;
            }
            return p;
        }
    }

    /// Units that are really prefixes of another word: 千米 (km), 千克 (kg), 百分之 (percent).
    fn unit_blocked(&self, u: f64, te: usize) -> bool {
        let rest = &self.text[te..];
        if u == 1000.0 {
            matches!(
                rest.chars().next(),
                Some('米' | '克' | '瓦' | '卡' | '焦' | '帕' | '赫' | '伏' | '兆')
            )
        } else if u == 100.0 {
            ["分之", "分点", "分點", "分比", "分百"]
                .iter()
                .any(|p| rest.starts_with(p))
        } else {
            false
        }
    }

    /// Korean puts a space inside large numbers: "1억 2천만".
    fn korean_gap(&self, q: usize) -> Option<usize> {
        if self.b.get(q) != Some(&b' ') {
            return None;
        }
        let (_, e, _) = self.arabic_atom(q + 1)?;
        match self.cjk_tok(e) {
            Some((Tok::Small(_) | Tok::Big(_), _, true)) => Some(q + 1),
            _ => None,
        }
    }

    /// Digit-by-digit numerals as used for years (二〇一二). Two digits in a row are a range
    /// (三四个 "three or four"), not a number.
    fn digit_string(&self, start: usize) -> Option<Cjk> {
        let (mut q, mut n, mut v) = (start, 0, 0.0);
        while let Some((Tok::Digit(d), e, _)) = self.cjk_tok(q) {
            v = v * 10.0 + f64::from(d);
            n += 1;
            q = e;
        }
        match n {
            0 | 1 => None,
            _ => Some(Cjk {
                value: v,
                end: q,
                arabic: false,
                weak: false,
                // 一九六几年 is some year of the 1960s.
                approx: n == 2 || self.approx_suffix(q),
            }),
        }
    }

    /// Parses a Chinese-style numeral starting at `start`, optionally after an Arabic
    /// coefficient already read (`first`). Arabic and Chinese parts mix freely (2万5千).
    pub(super) fn parse_cjk(&self, start: usize, first: Option<(f64, usize)>) -> Cjk {
        if first.is_none() {
            if let Some(r) = self.digit_string(start) {
                return r;
            }
        }
        let (mut total, mut wan, mut sec) = (0.0f64, 0.0f64, 0.0f64);
        let mut pend: Option<f64> = None;
        // The pending value was a single CJK digit: a following digit means a range (十七八).
        let mut pend_digit: Option<u8> = None;
        // Unit directly before a lone trailing digit: 两万五 is 25 000, 三百五 is 350.
        let mut abbrev = 0.0;
        let mut prev_unit = 0.0;
        let mut last_small = f64::INFINITY;
        let (mut seen_wan, mut seen_yi, mut seen_zhao) = (false, false, false);
        let (mut used, mut first_weak, mut arabic, mut approx) = (0u32, false, false, false);
        let mut pointed = false;
        let (mut q, mut end) = (start, start);
        if let Some((v, e)) = first {
            pend = Some(v);
            arabic = true;
            q = e;
            end = e;
            used = 1;
        }
        while let Some((tok, te, korean)) = self.cjk_tok(q) {
            // Korean magnitudes only ever follow Arabic digits here (10만, 5천만).
            if korean && !arabic {
                break;
            }
            match tok {
                Tok::Arabic => {
                    if pend.is_some() || used == 0 {
                        break;
                    }
                    let Some((v, e, single)) = self.arabic_atom(q) else {
                        break;
                    };
                    abbrev = if single { prev_unit } else { 0.0 };
                    pend = Some(v);
                    pend_digit = None;
                    prev_unit = 0.0;
                    arabic = true;
                    q = e;
                    end = e;
                    used += 1;
                }
                Tok::Digit(_) | Tok::Two => {
                    let d = if let Tok::Digit(d) = tok { d } else { 2 };
                    if pend.is_some() {
                        if pend_digit.is_some_and(|p| d == p + 1) {
                            approx = true;
                        }
                        break;
                    }
                    // 两 ends a numeral as the unit tael, not as a digit: 五十两 is fifty taels
                    // (fifty-two is 五十二); inside one it starts a place (两万两千).
                    if tok == Tok::Two
                        && used > 0
                        && !matches!(self.cjk_tok(te), Some((Tok::Small(_) | Tok::Big(_), ..)))
                    {
                        break;
                    }
                    if d == 0 && used > 0 {
                        // 一百零五: 零 only marks a skipped place.
                        prev_unit = 0.0;
                        q = te;
                        continue;
                    }
                    if used == 0 && (d <= 1 || tok == Tok::Two) {
                        first_weak = true;
                    }
                    abbrev = prev_unit;
                    pend = Some(f64::from(d));
                    pend_digit = Some(d);
                    prev_unit = 0.0;
                    q = te;
                    end = te;
                    used += 1;
                }
                Tok::Small(u) => {
                    if u >= last_small || self.unit_blocked(u, te) {
                        break;
                    }
                    let m = match pend.take() {
                        Some(v) => v,
                        None if u == 10.0 || used == 0 => 1.0,
                        None => break,
                    };
                    if used == 0 && u > 10.0 {
                        first_weak = true;
                    }
                    sec += m * u;
                    last_small = u;
                    pend_digit = None;
                    abbrev = 0.0;
                    prev_unit = u;
                    q = te;
                    end = te;
                    used += 1;
                }
                Tok::Big(u) => {
                    let chunk = sec + pend.unwrap_or(0.0);
                    let implicit = used == 0;
                    if implicit {
                        first_weak = true;
                    }
                    let coef = |c: f64| {
                        if c > 0.0 {
                            Some(c)
                        } else if implicit {
                            Some(1.0)
                        } else {
                            None
                        }
                    };
                    if u == 1e4 {
                        if seen_wan {
                            break;
                        }
                        let Some(c) = coef(chunk) else { break };
                        wan = c * 1e4;
                        seen_wan = true;
                    } else if u == 1e8 {
                        // 万亿 = 10¹²: the 万 chunk multiplies 亿.
                        if seen_yi {
                            break;
                        }
                        let Some(c) = coef(wan + chunk) else { break };
                        total += c * 1e8;
                        wan = 0.0;
                        seen_wan = false;
                        seen_yi = true;
                    } else {
                        if seen_zhao || seen_yi || seen_wan {
                            break;
                        }
                        let Some(c) = coef(chunk) else { break };
                        total += c * 1e12;
                        seen_zhao = true;
                    }
                    sec = 0.0;
                    pend = None;
                    pend_digit = None;
                    last_small = f64::INFINITY;
                    abbrev = 0.0;
                    prev_unit = u;
                    q = te;
                    end = te;
                    used += 1;
                    if korean {
                        if let Some(nq) = self.korean_gap(q) {
                            q = nq;
                        }
                    }
                }
                Tok::Point => {
                    // 三点五 and 十二点五 are decimals, but 三点 is three o'clock and 三点五分 3:05.
                    let whole = sec + pend.unwrap_or(0.0);
                    if arabic || pointed || seen_wan || seen_yi || seen_zhao || used == 0 {
                        break;
                    }
                    let (mut f, mut nd, mut r) = (0.0, 0, te);
                    while let Some((Tok::Digit(d), e, _)) = self.cjk_tok(r) {
                        f = f * 10.0 + f64::from(d);
                        nd += 1;
                        r = e;
                    }
                    let clock = matches!(self.char_at(r), '分' | '刻' | '时' | '時' | '钟' | '鐘')
                        || matches!(self.cjk_tok(r), Some((Tok::Small(_), ..)));
                    if nd == 0 || clock {
                        break;
                    }
                    pend = Some(whole + f / pow10(nd));
                    sec = 0.0;
                    // Only 万/亿 may follow a fraction (三点五万).
                    last_small = 0.0;
                    pend_digit = None;
                    abbrev = 0.0;
                    pointed = true;
                    first_weak = false;
                    q = r;
                    end = r;
                    used += 1;
                }
                Tok::More => {
                    if used == 0
                        || !matches!(self.cjk_tok(te), Some((Tok::Small(_) | Tok::Big(_), ..)))
                    {
                        break;
                    }
                    prev_unit = 0.0;
                    q = te;
                }
            }
        }
        let mut value = total + wan + sec;
        if let Some(p) = pend {
            value += if abbrev >= 100.0 {
                p * abbrev / 10.0
            } else {
                p
            };
        }
        if self.approx_suffix(end) {
            approx = true;
        }
        Cjk {
            value,
            end,
            arabic,
            weak: !arabic && used == 1 && first_weak,
            approx,
        }
    }

    /// Entry point for a CJK trigger character. Prefixes that change the meaning of what
    /// follows (第, 百分之, 几, 数, 上) are dealt with before the numeral itself.
    pub(super) fn cjk(&mut self, i: usize, c: char) -> usize {
        let after = i + c.len_utf8();
        match c {
            '几' | '幾' => return self.skip_numeral(after),
            // 数百 "several hundred", 上万 "tens of thousands", 何十 "dozens": estimates.
            '数' | '數' | '上' | '何' => {
                return match self.cjk_tok(after) {
                    Some((Tok::Small(_) | Tok::Big(_), _, false)) => self.skip_numeral(after),
                    _ => after,
                };
            }
            '第' => {
                match self.cjk_tok(after) {
                    Some((Tok::Digit(_) | Tok::Two | Tok::Small(_) | Tok::Big(_), _, false)) => {}
                    _ => return after,
                }
                let r = self.parse_cjk(after, None);
                if r.approx {
                    return self.skip_numeral(r.end);
                }
                if r.end == after {
                    return after;
                }
                // An ordinal makes even a lone 一 unambiguous (第一次).
                self.push(r.value, false, NumberKind::Words, i, r.end);
                self.mark_ordinal(i);
                return r.end;
            }
            '百' if self.text[i..].starts_with("百分之") => {
                let p = i + "百分之".len();
                if digit_at(self.b, p).is_some() {
                    let n = self.out.len();
                    let e = self.digits(p);
                    if self.out.len() == n + 1 {
                        if let Some(m) = self.out.last_mut() {
                            m.percent = true;
                            m.start = i;
                        }
                    }
                    return e;
                }
                if !matches!(
                    self.cjk_tok(p),
                    Some((Tok::Digit(_) | Tok::Two | Tok::Small(_), ..))
                ) {
                    return p;
                }
                let r = self.parse_cjk(p, None);
                if r.approx {
                    return self.skip_numeral(r.end);
                }
                if r.end == p {
                    return p;
                }
                self.push(r.value, true, NumberKind::Words, i, r.end);
                return r.end;
            }
            // 我们俩, 他们仨: the word is the count (but 伎俩 is a trick).
            '俩' | '倆' | '仨' => {
                if !self.text[..i].ends_with('伎') {
                    let value = if c == '仨' { 3.0 } else { 2.0 };
                    self.push(value, false, NumberKind::Words, i, after);
                }
                return after;
            }
            '半' => return self.half(i, after),
            '双' | '雙' => return self.pair(i, after),
            _ => {}
        }
        let r = self.parse_cjk(i, None);
        // Before the traps: 十分之一 is a tenth, not 十分 "very".
        if let Some(e) = self.fraction(i, &r) {
            return e;
        }
        if let Some(e) = self.trap_at(i, c) {
            return e;
        }
        if r.end == i {
            return after;
        }
        if r.approx {
            return self.skip_numeral(r.end);
        }
        if r.weak {
            // A lone 两 that counts something (两个哥哥, 两天) is two; elsewhere it is "both"
            // (两边, 两者) or part of an idiom.
            if matches!(c, '两' | '兩') && !self.after_numeral(i) && self.counts_at(r.end) {
                self.push(r.value, false, NumberKind::Words, i, r.end);
            }
            return r.end;
        }
        if !r.arabic && self.in_a_name(i, &r) {
            return r.end;
        }
        let kind = if r.arabic {
            NumberKind::Digits
        } else {
            NumberKind::Words
        };
        let (end, percent) = self.percent_after(r.end);
        self.push(r.value, percent, kind, i, end);
        end
    }

    /// A fraction N分之M (三分之二 is two thirds, 十分之一 a tenth) whose denominator, the numeral
    /// at `i`, is `denominator`: its end. 百分之 is a percentage, dealt with before.
    fn fraction(&mut self, i: usize, denominator: &Cjk) -> Option<usize> {
        if denominator.end == i || denominator.approx || denominator.value <= 0.0 {
            return None;
        }
        let p = denominator.end
            + self.text[denominator.end..]
                .strip_prefix("分之")
                .map(|_| "分之".len())?;
        let numerator = self.parse_cjk(p, None);
        if numerator.end == p || numerator.approx {
            return None;
        }
        self.push(
            numerator.value / denominator.value,
            false,
            NumberKind::Words,
            i,
            numerator.end,
        );
        Some(numerator.end)
    }
}

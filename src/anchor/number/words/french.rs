//! French number words, vigesimal from soixante-dix to quatre-vingt-dix-neuf.

use crate::anchor::number::Scanner;

#[derive(Clone, Copy, PartialEq, Debug)]
enum FrTok {
    Num(u32),
    Vingt,
    Cent,
    Mille,
    Et,
    Ord(u32),
}

fn fr_tok(w: &str) -> Option<FrTok> {
    use FrTok::*;
    Some(match w {
        "un" | "une" => Num(1),
        "deux" => Num(2),
        "trois" => Num(3),
        "quatre" => Num(4),
        "cinq" => Num(5),
        "six" => Num(6),
        "sept" => Num(7),
        "huit" => Num(8),
        "neuf" => Num(9),
        "dix" => Num(10),
        "onze" => Num(11),
        "douze" => Num(12),
        "treize" => Num(13),
        "quatorze" => Num(14),
        "quinze" => Num(15),
        "seize" => Num(16),
        "vingt" | "vingts" => Vingt,
        "trente" => Num(30),
        "quarante" => Num(40),
        "cinquante" => Num(50),
        "soixante" => Num(60),
        "cent" | "cents" => Cent,
        "mille" => Mille,
        "et" => Et,
        "unième" => Ord(1),
        "deuxième" => Ord(2),
        "troisième" => Ord(3),
        "quatrième" => Ord(4),
        "cinquième" => Ord(5),
        "sixième" => Ord(6),
        "septième" => Ord(7),
        "huitième" => Ord(8),
        "neuvième" => Ord(9),
        "dixième" => Ord(10),
        "onzième" => Ord(11),
        "douzième" => Ord(12),
        "treizième" => Ord(13),
        "quatorzième" => Ord(14),
        "quinzième" => Ord(15),
        "seizième" => Ord(16),
        "vingtième" => Ord(20),
        "trentième" => Ord(30),
        "quarantième" => Ord(40),
        "cinquantième" => Ord(50),
        "soixantième" => Ord(60),
        "centième" => Ord(100),
        "millième" => Ord(1000),
        _ => return None,
    })
}

impl Scanner<'_> {
    /// French is vigesimal in places (quatre-vingt-dix-sept = 4 × 20 + 10 + 7), so the rules
    /// for what may follow depend on the value of the previous word, not just its class.
    pub(super) fn fr_number(&self, s: usize, e: usize) -> Option<(f64, usize)> {
        let mut buf = [0u8; 48];
        let first = fr_tok(self.lower(s, e, &mut buf)?)?;
        match first {
            FrTok::Num(1) => return self.article_scale(e),
            FrTok::Et => return None,
            FrTok::Cent if self.prev_word_is(s, &["pour"]) => return None,
            _ => {}
        }
        let (mut total, mut cur) = (0.0f64, 0.0f64);
        // Value of the previous additive token (4 for quatre, 60 for soixante…), 0 at start,
        // -1 after cent/mille, -2 after "et".
        let mut prev: i64 = 0;
        let (mut end, mut n) = (s, 0u32);
        let (mut tok, mut we) = (first, e);
        loop {
            let mut done = false;
            let ord = matches!(tok, FrTok::Ord(_));
            match tok {
                FrTok::Num(v) | FrTok::Ord(v) if v < 100 => {
                    let v64 = i64::from(v);
                    let ok = match prev {
                        0 => n == 0,
                        -1 => true,
                        -2 => v == 1 || v == 11,
                        // soixante-dix, quatre-vingt-dix-neuf
                        60 | 80 => v < 20,
                        20..=50 => (1..10).contains(&v),
                        // dix-sept
                        10 => (7..10).contains(&v),
                        _ => false,
                    };
                    if !ok {
                        break;
                    }
                    cur += f64::from(v);
                    prev = v64;
                    done = ord;
                }
                FrTok::Vingt => {
                    if prev == 4 {
                        cur += 76.0;
                        prev = 80;
                    } else if prev == -1 || (prev == 0 && n == 0) {
                        cur += 20.0;
                        prev = 20;
                    } else {
                        break;
                    }
                }
                FrTok::Cent | FrTok::Ord(100) => {
                    if (2..10).contains(&prev) {
                        cur += (prev * 99) as f64;
                    } else if prev == -1 || (prev == 0 && n == 0) {
                        cur += 100.0;
                    } else {
                        break;
                    }
                    prev = -1;
                    done = ord;
                }
                FrTok::Mille | FrTok::Ord(1000) => {
                    if total > 0.0 || prev == -2 {
                        break;
                    }
                    total = cur.max(1.0) * 1000.0;
                    cur = 0.0;
                    prev = -1;
                    done = ord;
                }
                FrTok::Et => {
                    if !(20..=60).contains(&prev) {
                        break;
                    }
                    match self.next_token(we, true, fr_tok) {
                        Some((ne, t @ (FrTok::Num(1 | 11) | FrTok::Ord(1)))) => {
                            prev = -2;
                            we = ne;
                            tok = t;
                            continue;
                        }
                        _ => break,
                    }
                }
                _ => break,
            }
            end = we;
            n += 1;
            if done {
                break;
            }
            match self.next_token(we, true, fr_tok) {
                Some((ne, t)) => {
                    we = ne;
                    tok = t;
                }
                None => break,
            }
        }
        // A lone "neuf" is as often "new" as "nine".
        if n == 0 || (n == 1 && first == FrTok::Num(9)) {
            return None;
        }
        let (m, end) = self.scales_after(end, 0.0);
        Some(((total + cur) * m, end))
    }
}

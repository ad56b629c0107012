//! English number words, cardinal and ordinal; also the default for unknown languages.

use crate::anchor::number::Scanner;

#[derive(Clone, Copy, PartialEq, Debug)]
enum EnTok {
    Num(u32),
    Hundred,
    Scale(f64),
    Dozen,
    Ord(f64),
    And,
    A,
}

fn en_tok(w: &str) -> Option<EnTok> {
    use EnTok::*;
    Some(match w {
        "zero" => Num(0),
        "one" => Num(1),
        "two" => Num(2),
        "three" => Num(3),
        "four" => Num(4),
        "five" => Num(5),
        "six" => Num(6),
        "seven" => Num(7),
        "eight" => Num(8),
        "nine" => Num(9),
        "ten" => Num(10),
        "eleven" => Num(11),
        "twelve" => Num(12),
        "thirteen" => Num(13),
        "fourteen" => Num(14),
        "fifteen" => Num(15),
        "sixteen" => Num(16),
        "seventeen" => Num(17),
        "eighteen" => Num(18),
        "nineteen" => Num(19),
        "twenty" => Num(20),
        "thirty" => Num(30),
        "forty" => Num(40),
        "fifty" => Num(50),
        "sixty" => Num(60),
        "seventy" => Num(70),
        "eighty" => Num(80),
        "ninety" => Num(90),
        "hundred" => Hundred,
        "thousand" => Scale(1e3),
        "million" => Scale(1e6),
        "billion" => Scale(1e9),
        "trillion" => Scale(1e12),
        "dozen" => Dozen,
        "and" => And,
        "a" => A,
        // A decade ("the eighties", 八十年代) is its number: it ends the numeral as an ordinal does.
        "twenties" => Ord(20.0),
        "thirties" => Ord(30.0),
        "forties" => Ord(40.0),
        "fifties" => Ord(50.0),
        "sixties" => Ord(60.0),
        "seventies" => Ord(70.0),
        "eighties" => Ord(80.0),
        "nineties" => Ord(90.0),
        "first" => Ord(1.0),
        "second" => Ord(2.0),
        "third" => Ord(3.0),
        "fourth" => Ord(4.0),
        "fifth" => Ord(5.0),
        "sixth" => Ord(6.0),
        "seventh" => Ord(7.0),
        "eighth" => Ord(8.0),
        "ninth" => Ord(9.0),
        "tenth" => Ord(10.0),
        "eleventh" => Ord(11.0),
        "twelfth" => Ord(12.0),
        "thirteenth" => Ord(13.0),
        "fourteenth" => Ord(14.0),
        "fifteenth" => Ord(15.0),
        "sixteenth" => Ord(16.0),
        "seventeenth" => Ord(17.0),
        "eighteenth" => Ord(18.0),
        "nineteenth" => Ord(19.0),
        "twentieth" => Ord(20.0),
        "thirtieth" => Ord(30.0),
        "fortieth" => Ord(40.0),
        "fiftieth" => Ord(50.0),
        "sixtieth" => Ord(60.0),
        "seventieth" => Ord(70.0),
        "eightieth" => Ord(80.0),
        "ninetieth" => Ord(90.0),
        "hundredth" => Ord(100.0),
        "thousandth" => Ord(1e3),
        "millionth" => Ord(1e6),
        "billionth" => Ord(1e9),
        _ => return None,
    })
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum EnPrev {
    Start,
    A,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
    And,
}

impl Scanner<'_> {
    /// English numerals span several words ("two hundred and five"), so a small state machine
    /// decides which word may follow which; the number ends at the first word that may not.
    /// `word` is the word at `s..e`, lower-cased.
    pub(super) fn en_number(&self, s: usize, word: &str, e: usize) -> Option<(f64, usize)> {
        // "seventeenth" is the longest English number word.
        if e - s > 11 {
            return None;
        }
        if word == "half" {
            return Some((0.5, e));
        }
        let first = en_tok(word)?;
        let (mut total, mut cur) = (0.0f64, 0.0f64);
        let mut prev = EnPrev::Start;
        let mut last_scale = f64::INFINITY;
        let (mut end, mut n) = (s, 0u32);
        let (mut tok, mut we) = (first, e);
        loop {
            let small = matches!(prev, EnPrev::Unit | EnPrev::Teen | EnPrev::Tens);
            let mut done = false;
            match tok {
                EnTok::A => {
                    if prev != EnPrev::Start {
                        break;
                    }
                    cur = 1.0;
                    prev = EnPrev::A;
                }
                EnTok::Num(v) => {
                    let ok = match prev {
                        EnPrev::Start | EnPrev::Hundred | EnPrev::Scale | EnPrev::And => true,
                        EnPrev::Tens => (1..10).contains(&v),
                        _ => false,
                    };
                    if !ok {
                        break;
                    }
                    cur += f64::from(v);
                    prev = match v {
                        0..=9 => EnPrev::Unit,
                        10..=19 => EnPrev::Teen,
                        _ => EnPrev::Tens,
                    };
                }
                EnTok::Hundred => {
                    if !(small || prev == EnPrev::A) || cur >= 100.0 {
                        break;
                    }
                    cur *= 100.0;
                    prev = EnPrev::Hundred;
                }
                EnTok::Scale(sv) => {
                    if !(small || matches!(prev, EnPrev::A | EnPrev::Hundred)) || sv >= last_scale {
                        break;
                    }
                    total += cur * sv;
                    cur = 0.0;
                    last_scale = sv;
                    prev = EnPrev::Scale;
                }
                EnTok::Dozen => {
                    if !(small || prev == EnPrev::A) {
                        break;
                    }
                    cur *= 12.0;
                    done = true;
                }
                EnTok::Ord(v) => {
                    let ok = if v < 100.0 {
                        match prev {
                            EnPrev::Start | EnPrev::Hundred | EnPrev::Scale | EnPrev::And => true,
                            EnPrev::Tens => v < 10.0,
                            _ => false,
                        }
                    } else if v == 100.0 {
                        prev == EnPrev::Start || ((small || prev == EnPrev::A) && cur < 100.0)
                    } else {
                        (prev == EnPrev::Start
                            || small
                            || matches!(prev, EnPrev::A | EnPrev::Hundred))
                            && v < last_scale
                    };
                    if !ok {
                        break;
                    }
                    if v < 100.0 {
                        cur += v;
                    } else if v == 100.0 {
                        cur = cur.max(1.0) * 100.0;
                    } else {
                        total += cur.max(1.0) * v;
                        cur = 0.0;
                    }
                    done = true;
                }
                EnTok::And => {
                    // "two hundred and five": "and" belongs to the number only between a
                    // magnitude and a following number word.
                    if !matches!(prev, EnPrev::Hundred | EnPrev::Scale) {
                        break;
                    }
                    match self.next_token(we, true, en_tok) {
                        Some((ne, t @ (EnTok::Num(_) | EnTok::Ord(_)))) => {
                            prev = EnPrev::And;
                            we = ne;
                            tok = t;
                            continue;
                        }
                        _ => break,
                    }
                }
            }
            end = we;
            n += 1;
            if done {
                break;
            }
            match self.next_token(we, true, en_tok) {
                Some((ne, t)) => {
                    we = ne;
                    tok = t;
                }
                None => break,
            }
        }
        // "two and a half", "one and a half": the half belongs to the number.
        let (cur, end) = match self.text[end..].strip_prefix(" and a half") {
            Some(rest) if n > 0 && !rest.starts_with(|c: char| c.is_alphabetic()) => {
                (cur + 0.5, end + " and a half".len())
            }
            _ => (cur, end),
        };
        if cur.fract() == 0.5 && n == 1 {
            let (decades, end) = self.decades_after(end);
            return Some(((total + cur) * decades, end));
        }
        if n == 0 || (n == 1 && matches!(first, EnTok::A | EnTok::Num(1))) {
            // "a" alone is an article; "one" alone is usually a pronoun ("one of them").
            return None;
        }
        if n == 1 && first == EnTok::Ord(2.0) {
            // "a second", "per second": the unit of time.
            let time = ["a", "per", "each", "every", "one", "split", "this", "that"];
            if self.prev_word_is(s, &time) {
                return None;
            }
        }
        let (decades, end) = self.decades_after(end);
        Some(((total + cur) * decades, end))
    }

    /// A word that is a count of its own ("twice", "thrice", "twins", "triplets") or that starts
    /// a fraction ("one-tenth", "two thirds", "three-quarters", "a third of"): its value and end.
    /// `word` is the word ending at `e`, lower-cased.
    pub(super) fn en_count(&self, word: &str, e: usize) -> Option<(f64, usize)> {
        match word {
            "twice" | "twin" | "twins" => return Some((2.0, e)),
            "thrice" | "triplets" => return Some((3.0, e)),
            "quadruplets" => return Some((4.0, e)),
            _ => {}
        }
        self.en_fraction(word, e)
    }

    /// The fraction whose numerator is `word`, ending at `e`: one takes a singular denominator and
    /// more a plural one; "a" only before "of" ("a third time" is an ordinal). "second" and
    /// "half" are left out: "one second" is time, and a half is read on its own.
    fn en_fraction(&self, word: &str, e: usize) -> Option<(f64, usize)> {
        let (numerator, article) = match en_tok(word)? {
            EnTok::A => (1.0, true),
            EnTok::Num(n @ 1..=19) => (f64::from(n), false),
            _ => return None,
        };
        let (end, (denominator, plural)) = self.next_token(e, true, en_denominator)?;
        let fits = if article {
            !plural && self.text[end..].starts_with(" of ")
        } else {
            plural == (numerator > 1.0)
        };
        fits.then_some((numerator / denominator, end))
    }
}

/// A fraction's denominator ("third", "quarters") and whether it is plural.
fn en_denominator(w: &str) -> Option<(f64, bool)> {
    let (singular, plural) = match w.strip_suffix('s') {
        Some(stem) => (stem, true),
        None => (w, false),
    };
    let value = match singular {
        "quarter" => 4.0,
        _ => match en_tok(singular)? {
            EnTok::Ord(v) if v >= 3.0 => v,
            _ => return None,
        },
    };
    Some((value, plural))
}

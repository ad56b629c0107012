//! Spelled-out numbers in English, German, French and Spanish, one grammar per language because
//! each composes numbers its own way (two hundred and five, zweihundertfünf, deux cent cinq,
//! doscientos cinco). Also the reading of Latin-script words that the magnitude and percent
//! words after digits rely on.

mod english;
mod french;
mod german;
mod spanish;

use super::{Lang, NumberKind, Scanner};

/// Latin (with diacritics), Greek and Cyrillic letters: the scripts whose words we read as
/// words. CJK ideographs are alphabetic too but must be looked at one by one.
#[inline]
pub(super) fn is_latin_letter(c: char) -> bool {
    match c as u32 {
        0x41..=0x5A | 0x61..=0x7A => true,
        // Latin-1 letters and Latin Extended-A/B, minus × and ÷.
        0xC0..=0x24F => c != '×' && c != '÷',
        // Cyrillic, minus the thousands sign and combining marks.
        0x400..=0x481 | 0x48A..=0x52F => true,
        cp => cp < 0x530 && c.is_alphabetic(),
    }
}

impl Scanner<'_> {
    pub(super) fn word(&mut self, i: usize) -> usize {
        let we = self.word_end(i);
        // An English word is lower-cased once for both readings.
        let mut buf = [0u8; 48];
        let english = if self.lang.english_words() {
            self.lower(i, we, &mut buf)
        } else {
            None
        };
        // A fraction ("two-thirds") or a multiple ("twice", "twins") is a count, never an
        // ordinal, though it may end in one ("one-tenth").
        if let Some((value, end)) = english.and_then(|word| self.en_count(word, we)) {
            self.prev_word = (i, we);
            self.push(value, false, NumberKind::Words, i, end);
            return end;
        }
        let found = match self.lang {
            l if l.english_words() => english.and_then(|word| self.en_number(i, word, we)),
            Lang::De => self.de_number(i, we),
            Lang::Fr => self.fr_number(i, we),
            Lang::Es => self.es_number(i, we),
            _ => None,
        }
        .or_else(|| Some((self.ordinal_word(i, we)?, we)));
        let ordinal = found.is_some_and(|(_, end)| self.spelled_ordinal(i, end));
        self.prev_word = (i, we);
        match found {
            Some((value, end)) => {
                let (end, percent) = self.percent_after(end);
                self.push(value, percent, NumberKind::Words, i, end);
                if ordinal && !percent {
                    self.mark_ordinal(i);
                }
                end
            }
            None => we,
        }
    }

    fn word_end(&self, mut p: usize) -> usize {
        let b = self.b;
        while p < b.len() {
            let c = b[p];
            if c < 0x80 {
                if c.is_ascii_alphabetic() {
                    p += 1;
                    continue;
                }
                break;
            }
            // Two-byte sequences cover everything `is_latin_letter` accepts; decode them inline
            // because Cyrillic and accented text spends most of its time here.
            if (0xC2..0xE0).contains(&c) {
                match b.get(p + 1) {
                    Some(&c1) if c1 & 0xC0 == 0x80 => {
                        let cp = (u32::from(c & 0x1F) << 6) | u32::from(c1 & 0x3F);
                        if !char::from_u32(cp).is_some_and(is_latin_letter) {
                            break;
                        }
                        p += 2;
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }
        p
    }

    /// Lower-cases a word into a stack buffer. Number words are short, so longer words are
    /// rejected without being looked at.
    pub(super) fn lower<'b>(&self, s: usize, e: usize, buf: &'b mut [u8; 48]) -> Option<&'b str> {
        let w = &self.text[s..e];
        if w.len() > buf.len() {
            return None;
        }
        if w.is_ascii() {
            let out = &mut buf[..w.len()];
            out.copy_from_slice(w.as_bytes());
            out.make_ascii_lowercase();
            return std::str::from_utf8(out).ok();
        }
        let mut n = 0;
        for c in w.chars() {
            for l in c.to_lowercase() {
                let k = l.len_utf8();
                if n + k > buf.len() {
                    return None;
                }
                l.encode_utf8(&mut buf[n..n + k]);
                n += k;
            }
        }
        std::str::from_utf8(&buf[..n]).ok()
    }

    /// The next word of a multi-word numeral: exactly one space (or hyphen) away.
    fn next_word(&self, pos: usize, hyphen: bool) -> Option<(usize, usize)> {
        let c = *self.b.get(pos)?;
        if !(c == b' ' || (hyphen && c == b'-')) {
            return None;
        }
        let s = pos + 1;
        let e = self.word_end(s);
        (e > s).then_some((s, e))
    }

    /// The next word of a multi-word numeral ([`Self::next_word`]) as a token of the language:
    /// its end and the token.
    fn next_token<T>(
        &self,
        pos: usize,
        hyphen: bool,
        tok: impl Fn(&str) -> Option<T>,
    ) -> Option<(usize, T)> {
        let (s, e) = self.next_word(pos, hyphen)?;
        let mut buf = [0u8; 48];
        Some((e, tok(self.lower(s, e, &mut buf)?)?))
    }

    pub(super) fn prev_word_is(&self, s: usize, words: &[&str]) -> bool {
        let (ps, pe) = self.prev_word;
        pe > ps
            && pe + 1 == s
            && words
                .iter()
                .any(|w| self.text[ps..pe].eq_ignore_ascii_case(w))
    }

    /// Case-insensitive match of `word` (lower case) at `p`, ending at a word boundary, or
    /// followed by any inflection when `prefix`.
    pub(super) fn match_word(&self, p: usize, word: &str, prefix: bool) -> Option<usize> {
        let rest = self.text.get(p..)?;
        let mut it = rest.char_indices();
        for wc in word.chars() {
            let (_, tc) = it.next()?;
            if tc != wc && tc.to_lowercase().next() != Some(wc) {
                return None;
            }
        }
        let end = p + it.next().map_or(rest.len(), |(k, _)| k);
        if prefix {
            Some(self.word_end(end))
        } else if self.word_end(end) == end {
            Some(end)
        } else {
            None
        }
    }

    /// "eine Million", "un milliard", "un millón": the article stands for 1.
    fn article_scale(&self, e: usize) -> Option<(f64, usize)> {
        let (m, end) = self.scales_after(e, 1e6);
        (end > e).then_some((m, end))
    }
}

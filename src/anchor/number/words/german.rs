//! German number words, written as one compound below a million.

use crate::anchor::number::Scanner;

fn de_unit(w: &str) -> Option<u64> {
    Some(match w {
        "ein" => 1,
        "zwei" => 2,
        "drei" => 3,
        "vier" => 4,
        "fünf" => 5,
        "sechs" => 6,
        "sieben" => 7,
        "acht" => 8,
        "neun" => 9,
        _ => return None,
    })
}

fn de_lt100(w: &str) -> Option<u64> {
    let v = match w {
        "eins" => 1,
        "zwei" => 2,
        "drei" => 3,
        "vier" => 4,
        "fünf" => 5,
        "sechs" => 6,
        "sieben" => 7,
        "acht" => 8,
        "neun" => 9,
        "zehn" => 10,
        "elf" => 11,
        "zwölf" => 12,
        "dreizehn" => 13,
        "vierzehn" => 14,
        "fünfzehn" => 15,
        "sechzehn" => 16,
        "siebzehn" => 17,
        "achtzehn" => 18,
        "neunzehn" => 19,
        "zwanzig" => 20,
        "dreißig" | "dreissig" => 30,
        "vierzig" => 40,
        "fünfzig" => 50,
        "sechzig" => 60,
        "siebzig" => 70,
        "achtzig" => 80,
        "neunzig" => 90,
        _ => {
            // einundzwanzig: unit + "und" + tens, written as one word.
            let p = w.find("und")?;
            let u = de_unit(&w[..p])?;
            let t = de_lt100(&w[p + 3..])?;
            return (t >= 20 && t % 10 == 0).then_some(t + u);
        }
    };
    Some(v)
}

fn de_lt1000(w: &str) -> Option<u64> {
    scaled(w, "hundert", 100, de_unit, de_lt100)
}

/// German writes numbers below a million as one compound word (dreihundertfünfundzwanzig),
/// so they are parsed morphologically rather than token by token.
fn de_value(w: &str) -> Option<u64> {
    scaled(w, "tausend", 1000, de_lt1000, de_lt1000)
}

/// `head` × `scale` + `rest` for a compound around the scale word (drei|hundert|fünf), the head
/// being one when the word starts with the scale (hundertfünf); without the scale word, `rest`
/// alone.
fn scaled(
    w: &str,
    scale_word: &str,
    scale: u64,
    head: fn(&str) -> Option<u64>,
    rest: fn(&str) -> Option<u64>,
) -> Option<u64> {
    let Some(p) = w.find(scale_word) else {
        return rest(w);
    };
    let h = if p == 0 { 1 } else { head(&w[..p])? };
    let tail = &w[p + scale_word.len()..];
    let r = if tail.is_empty() { 0 } else { rest(tail)? };
    Some(h * scale + r)
}

impl Scanner<'_> {
    pub(super) fn de_number(&self, s: usize, e: usize) -> Option<(f64, usize)> {
        // Every German number word and article starts with one of these letters; checking
        // that first keeps the compound parser off most nouns.
        if !b"adefhnstvz".contains(&self.b[s].to_ascii_lowercase()) {
            return None;
        }
        let mut buf = [0u8; 48];
        let w = self.lower(s, e, &mut buf)?;
        if matches!(w, "ein" | "eine" | "einer" | "einen" | "einem" | "eines") {
            return self.article_scale(e);
        }
        // Ein Achttausender, zwei Sechstausendern: a peak of so many thousand metres, written
        // as the number (« 8000 ») in French and English.
        let w = ["tausender", "tausendern", "tausenders"]
            .iter()
            .find_map(|s| {
                w.strip_suffix(s)
                    .map(|head| &w[..head.len() + "tausend".len()])
            })
            .unwrap_or(w);
        let v = de_value(w)?;
        if v == 1 {
            // "eins" alone is as ambiguous as English "one".
            return None;
        }
        let (m, end) = self.scales_after(e, 0.0);
        Some((v as f64 * m, end))
    }
}

//! Chinese ways of writing a year or a decade that hold more than one numeral, or none:
//! 20世纪40年代 is the 1940s, 民国三十八年 the year 1949 (years of the Republic of China, still
//! official in Taiwan), 民国元年 its first year, 1912.

use super::{NumberKind, NumberMention};

const ROC_ERAS: [&str; 2] = ["民国", "民國"];
const ROC_FIRST_YEARS: [&str; 2] = ["民国元年", "民國元年"];
/// Year N of the Republic of China is year 1911 + N.
const ROC_YEAR_ZERO: f64 = 1911.0;

/// The mentions of a Chinese text with its centuries' decades joined into one year and its
/// Republic years given as Gregorian years.
pub(super) fn gregorian(text: &str, mentions: Vec<NumberMention>) -> Vec<NumberMention> {
    // Tokenizing runs this on every Chinese sentence: most have neither marker.
    if !text.contains("世纪") && !ROC_ERAS.iter().any(|era| text.contains(era)) {
        return mentions;
    }
    let mut out: Vec<NumberMention> = Vec::with_capacity(mentions.len());
    let mut it = mentions.into_iter().peekable();
    while let Some(mut n) = it.next() {
        let whole = n.value.fract() == 0.0;
        if let Some(decade) = it.next_if(|d| {
            text[n.end..].starts_with("世纪")
                && d.start == n.end + "世纪".len()
                && text[d.end..].starts_with("年代")
                && d.value.fract() == 0.0
        }) {
            let year = (n.value - 1.0) * 100.0 + decade.value;
            if whole && year > 0.0 {
                n.value = year;
                n.end = decade.end;
            } else {
                out.push(n);
                n = decade;
            }
        } else if whole
            && n.value >= 1.0
            && ROC_ERAS.iter().any(|era| text[..n.start].ends_with(era))
            && text[n.end..].starts_with('年')
        {
            n.value += ROC_YEAR_ZERO;
            n.kind = NumberKind::Digits;
        }
        out.push(n);
    }
    for first_year in ROC_FIRST_YEARS {
        for (start, _) in text.match_indices(first_year) {
            out.push(NumberMention {
                value: ROC_YEAR_ZERO + 1.0,
                percent: false,
                kind: NumberKind::Digits,
                ordinal: false,
                start,
                end: start + first_year.len(),
            });
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

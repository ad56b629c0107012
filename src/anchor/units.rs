//! Quantities a translation converts: 二十英尺 → "six meters", 60 kg → "130 pounds",
//! 3 yards → 2,75 m, 半年 → "six months". A number whose unit differs from the other side's is matched by what it
//! measures, within the rounding translators allow, instead of being reported as changed.

use super::bead_anchors::{Anchor, AnchorKind};

/// Converted figures are rounded: 20 ft (6.096 m) becomes "six metres", 60 kg (132 lb)
/// "130 pounds". Agreement within this share of the larger value counts as the same quantity.
const TOLERANCE: f64 = 0.05;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dimension {
    Length,
    Mass,
    /// In days.
    Time,
}

/// Unit names and symbols as written after a number, lowercase, with what one of them is in
/// metres, kilograms or days. Words that are also common words ("in", "t", French "mille") are
/// left out, and so are 月 and 日, which after a number name a month or a day of the month.
const UNITS: &[(&str, Dimension, f64)] = {
    use Dimension::{Length, Mass, Time};
    &[
        ("year", Time, 365.25),
        ("years", Time, 365.25),
        ("jahr", Time, 365.25),
        ("jahre", Time, 365.25),
        ("jahren", Time, 365.25),
        ("ans", Time, 365.25),
        ("année", Time, 365.25),
        ("années", Time, 365.25),
        ("年", Time, 365.25),
        ("month", Time, 30.44),
        ("months", Time, 30.44),
        ("monat", Time, 30.44),
        ("monate", Time, 30.44),
        ("monaten", Time, 30.44),
        ("mois", Time, 30.44),
        ("个月", Time, 30.44),
        ("個月", Time, 30.44),
        ("week", Time, 7.0),
        ("weeks", Time, 7.0),
        ("woche", Time, 7.0),
        ("wochen", Time, 7.0),
        ("semaine", Time, 7.0),
        ("semaines", Time, 7.0),
        ("周", Time, 7.0),
        ("週", Time, 7.0),
        ("星期", Time, 7.0),
        ("个星期", Time, 7.0),
        ("個星期", Time, 7.0),
        ("day", Time, 1.0),
        ("days", Time, 1.0),
        ("tag", Time, 1.0),
        ("tage", Time, 1.0),
        ("tagen", Time, 1.0),
        ("jour", Time, 1.0),
        ("jours", Time, 1.0),
        ("天", Time, 1.0),
        ("hour", Time, 1.0 / 24.0),
        ("hours", Time, 1.0 / 24.0),
        ("stunde", Time, 1.0 / 24.0),
        ("stunden", Time, 1.0 / 24.0),
        ("heure", Time, 1.0 / 24.0),
        ("heures", Time, 1.0 / 24.0),
        ("小时", Time, 1.0 / 24.0),
        ("小時", Time, 1.0 / 24.0),
        ("个小时", Time, 1.0 / 24.0),
        ("個小時", Time, 1.0 / 24.0),
        ("钟头", Time, 1.0 / 24.0),
        ("个钟头", Time, 1.0 / 24.0),
        ("minute", Time, 1.0 / 1440.0),
        ("minutes", Time, 1.0 / 1440.0),
        ("minuten", Time, 1.0 / 1440.0),
        ("分钟", Time, 1.0 / 1440.0),
        ("分鐘", Time, 1.0 / 1440.0),
        ("m", Length, 1.0),
        ("meter", Length, 1.0),
        ("meters", Length, 1.0),
        ("metre", Length, 1.0),
        ("metres", Length, 1.0),
        ("mètre", Length, 1.0),
        ("mètres", Length, 1.0),
        ("metern", Length, 1.0),
        ("米", Length, 1.0),
        ("公尺", Length, 1.0),
        ("km", Length, 1000.0),
        ("kilometer", Length, 1000.0),
        ("kilometers", Length, 1000.0),
        ("kilometre", Length, 1000.0),
        ("kilometres", Length, 1000.0),
        ("kilomètre", Length, 1000.0),
        ("kilomètres", Length, 1000.0),
        ("kilometern", Length, 1000.0),
        ("公里", Length, 1000.0),
        ("千米", Length, 1000.0),
        ("cm", Length, 0.01),
        ("centimeter", Length, 0.01),
        ("centimeters", Length, 0.01),
        ("centimetre", Length, 0.01),
        ("centimetres", Length, 0.01),
        ("centimètre", Length, 0.01),
        ("centimètres", Length, 0.01),
        ("zentimeter", Length, 0.01),
        ("zentimetern", Length, 0.01),
        ("厘米", Length, 0.01),
        ("公分", Length, 0.01),
        ("mm", Length, 0.001),
        ("millimeter", Length, 0.001),
        ("millimeters", Length, 0.001),
        ("millimetre", Length, 0.001),
        ("millimetres", Length, 0.001),
        ("millimètre", Length, 0.001),
        ("millimètres", Length, 0.001),
        ("毫米", Length, 0.001),
        ("ft", Length, 0.3048),
        ("foot", Length, 0.3048),
        ("feet", Length, 0.3048),
        ("pied", Length, 0.3048),
        ("pieds", Length, 0.3048),
        ("fuss", Length, 0.3048),
        ("fuß", Length, 0.3048),
        ("英尺", Length, 0.3048),
        ("呎", Length, 0.3048),
        ("inch", Length, 0.0254),
        ("inches", Length, 0.0254),
        ("pouce", Length, 0.0254),
        ("pouces", Length, 0.0254),
        ("zoll", Length, 0.0254),
        ("英寸", Length, 0.0254),
        ("吋", Length, 0.0254),
        ("yd", Length, 0.9144),
        ("yard", Length, 0.9144),
        ("yards", Length, 0.9144),
        ("码", Length, 0.9144),
        ("碼", Length, 0.9144),
        ("mile", Length, 1609.344),
        ("miles", Length, 1609.344),
        ("meile", Length, 1609.344),
        ("meilen", Length, 1609.344),
        ("英里", Length, 1609.344),
        ("kg", Mass, 1.0),
        ("kilogram", Mass, 1.0),
        ("kilograms", Mass, 1.0),
        ("kilogramme", Mass, 1.0),
        ("kilogrammes", Mass, 1.0),
        ("kilo", Mass, 1.0),
        ("kilos", Mass, 1.0),
        ("公斤", Mass, 1.0),
        ("千克", Mass, 1.0),
        ("g", Mass, 0.001),
        ("gram", Mass, 0.001),
        ("grams", Mass, 0.001),
        ("gramme", Mass, 0.001),
        ("grammes", Mass, 0.001),
        ("克", Mass, 0.001),
        ("lb", Mass, 0.453_592_37),
        ("lbs", Mass, 0.453_592_37),
        ("pound", Mass, 0.453_592_37),
        ("pounds", Mass, 0.453_592_37),
        ("livre", Mass, 0.453_592_37),
        ("livres", Mass, 0.453_592_37),
        ("pfund", Mass, 0.453_592_37),
        ("磅", Mass, 0.453_592_37),
        ("oz", Mass, 0.028_349_523),
        ("ounce", Mass, 0.028_349_523),
        ("ounces", Mass, 0.028_349_523),
        ("盎司", Mass, 0.028_349_523),
        ("斤", Mass, 0.5),
        ("吨", Mass, 1000.0),
        ("噸", Mass, 1000.0),
        ("tonne", Mass, 1000.0),
        ("tonnes", Mass, 1000.0),
    ]
};

/// A measured quantity in metres or kilograms.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Quantity {
    dimension: Dimension,
    value: f64,
    /// What one unit is in the base unit: conversions are between different units.
    factor: f64,
}

/// The quantity a number anchor measures: its value and the unit right after it (after spaces
/// or a hyphen: "20 ft", "six-meter", "二十英尺").
fn quantity(sentence: &str, anchor: &Anchor) -> Option<Quantity> {
    if !matches!(anchor.kind, AnchorKind::Number | AnchorKind::NumberWord) {
        return None;
    }
    let value: f64 = anchor.key.parse().ok()?;
    let rest = sentence
        .get(anchor.end..)?
        .trim_start_matches([' ', '-', '\u{a0}']);
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic() && !crate::lang::is_han(*c))
        .flat_map(char::to_lowercase)
        .collect();
    let unit = if word.is_empty() {
        // Han units are written without a space and may be followed by anything.
        UNITS
            .iter()
            .filter(|(name, ..)| !name.is_ascii() && rest.starts_with(name))
            .max_by_key(|(name, ..)| name.len())
    } else {
        UNITS.iter().find(|(name, ..)| *name == word)
    };
    let &(_, dimension, factor) = unit?;
    Some(Quantity {
        dimension,
        value: value * factor,
        factor,
    })
}

/// Mark as matched the numbers of a bead that are left unmatched only because one side converted
/// them to another unit.
pub(crate) fn match_conversions(
    src: &mut [Anchor],
    src_text: &[&str],
    tgt: &mut [Anchor],
    tgt_text: &[&str],
) {
    let quantities = |anchors: &[Anchor], text: &[&str]| -> Vec<Option<Quantity>> {
        anchors
            .iter()
            .map(|a| quantity(text.get(a.sentence)?, a))
            .collect()
    };
    let src_q = quantities(src, src_text);
    let tgt_q = quantities(tgt, tgt_text);
    let mut tgt_free: Vec<bool> = tgt.iter().map(|a| !a.matched).collect();
    for (a, q) in src.iter_mut().zip(&src_q) {
        let Some(q) = q.filter(|_| !a.matched) else {
            continue;
        };
        let converted = tgt_q.iter().zip(&tgt_free).position(|(t, &free)| {
            free && t.is_some_and(|t| t.factor != q.factor && t.same_as(&q))
        });
        if let Some(k) = converted {
            a.matched = true;
            tgt[k].matched = true;
            tgt_free[k] = false;
        }
    }
    // A conversion given alongside ("12 pouces (305 mm)", "60 ft = 18,29 m") restates a
    // quantity already matched: it is no number of its own.
    let matched: Vec<Quantity> = [(&*src, &src_q), (&*tgt, &tgt_q)]
        .into_iter()
        .flat_map(|(anchors, qs)| anchors.iter().zip(qs))
        .filter(|(a, _)| a.matched)
        .filter_map(|(_, q)| *q)
        .collect();
    for (anchors, qs) in [(src, &src_q), (tgt, &tgt_q)] {
        for (a, q) in anchors.iter_mut().zip(qs) {
            if let Some(q) = q {
                if !a.matched && matched.iter().any(|m| m.factor != q.factor && m.same_as(q)) {
                    a.matched = true;
                }
            }
        }
    }
}

impl Quantity {
    fn same_as(&self, other: &Quantity) -> bool {
        self.dimension == other.dimension
            && (self.value - other.value).abs()
                <= TOLERANCE * self.value.abs().max(other.value.abs())
    }
}

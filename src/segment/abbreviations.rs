//! Words after which a full stop does not end a sentence, per language. Tokens are compared in
//! lowercase without their final dot (`e.g.` → `e.g`).

use crate::lang::Lang;

/// How an abbreviation behaves before the next word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Abbreviation {
    /// Never ends a sentence (titles before names, "e.g.", "vs.").
    Always,
    /// Does not end a sentence before a number ("No. 5", "Jan. 12", "S. 34").
    BeforeNumber,
}

const EN_ALWAYS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "sen", "rep", "gov", "rev", "hon",
    "capt", "lt", "col", "sgt", "mt", "ft", "messrs", "e.g", "i.e", "cf", "vs", "viz", "al",
    "approx", "dept", "esp", "fig", "figs", "eq", "ref", "refs",
];
const EN_BEFORE_NUMBER: &[&str] = &[
    "no", "nos", "p", "pp", "vol", "vols", "ch", "chap", "sec", "art", "op", "ed", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ca", "c", "v",
];
const DE_ALWAYS: &[&str] = &[
    "z.b", "bzw", "vgl", "d.h", "u.a", "hr", "fr", "dr", "prof", "st", "sog", "ggf", "evtl",
    "inkl", "zb", "dh", "ua", "z.t", "u.u", "o.ä", "m.e", "v.a", "sta", "hl", "gebr", "dipl",
    "ing", "mag", "bzgl",
];
const DE_BEFORE_NUMBER: &[&str] = &[
    "nr", "s", "abs", "bd", "ca", "jh", "jhd", "kap", "abb", "tab", "jan", "feb", "mär", "apr",
    "aug", "sept", "sep", "okt", "nov", "dez", "pt", "max", "min",
];
const FR_ALWAYS: &[&str] = &[
    "m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "st", "ste", "cf", "p.ex", "av", "mgr",
];
const FR_BEFORE_NUMBER: &[&str] = &[
    "n", "no", "p", "pp", "vol", "ch", "chap", "art", "env", "janv", "févr", "avr", "juil", "sept",
    "oct", "nov", "déc", "ca",
];
const ES_ALWAYS: &[&str] = &[
    "sr", "sra", "srta", "sres", "dr", "dra", "ud", "uds", "d", "dña", "p.ej", "vs", "cf",
];
const ES_BEFORE_NUMBER: &[&str] = &["n", "núm", "p", "pág", "págs", "vol", "cap", "art", "ca"];
const RU_ALWAYS: &[&str] = &["т.е", "т.к", "т.н", "др", "проф", "им", "ул", "г-н", "г-жа"];
const RU_BEFORE_NUMBER: &[&str] = &["г", "гг", "с", "стр", "т", "рис", "см", "ок", "№"];

pub fn lookup(lang: Lang, token: &str) -> Option<Abbreviation> {
    let (always, before_number): (&[&str], &[&str]) = match lang {
        Lang::DE => (DE_ALWAYS, DE_BEFORE_NUMBER),
        Lang::FR => (FR_ALWAYS, FR_BEFORE_NUMBER),
        Lang::ES => (ES_ALWAYS, ES_BEFORE_NUMBER),
        Lang::RU => (RU_ALWAYS, RU_BEFORE_NUMBER),
        _ => (EN_ALWAYS, EN_BEFORE_NUMBER),
    };
    let token = token.to_lowercase();
    if always.contains(&token.as_str()) {
        Some(Abbreviation::Always)
    } else if before_number.contains(&token.as_str()) {
        Some(Abbreviation::BeforeNumber)
    } else {
        None
    }
}

/// Languages that write ordinals with a full stop ("3. Oktober"), so a short number followed by a
/// dot is not a sentence end.
pub fn has_dot_ordinals(lang: Lang) -> bool {
    matches!(
        lang.code(),
        "de" | "is"
            | "da"
            | "nb"
            | "no"
            | "fi"
            | "cs"
            | "sk"
            | "pl"
            | "hu"
            | "sl"
            | "hr"
            | "et"
            | "lv"
            | "lt"
    )
}

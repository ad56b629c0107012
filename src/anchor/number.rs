//! Numbers as alignment anchors and fidelity checks.
//!
//! A quantity survives translation unchanged, so a number present on one side of a sentence
//! pair and missing or different on the other is strong evidence of a translation error, and
//! a number shared by two sentences is cheap evidence that they belong together. To compare
//! numbers across languages we have to see through scripts (２０１２, 二〇一二), separator
//! conventions (1,000.5 vs 1.000,5 vs 1 000,5) and spelled-out forms (三十五, thirty-five),
//! and reduce every mention to one canonical [`NumberMention::key`].
//!
//! The scanner makes a single left-to-right pass over the bytes and allocates nothing but the
//! output vector, because it runs on every sentence of corpora with millions of sentences.
//!
//! It deliberately favours precision over recall: a spurious number shows up as a false
//! "number missing in the translation" alarm on a correct translation, which costs more user
//! trust than a check that silently does not fire. Ambiguous forms (一个, "one", 十分 "very",
//! idioms such as 三心二意, approximations such as 几十 or 三四个) are therefore dropped rather
//! than guessed.

/// One quantity found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    pub value: f64,
    pub percent: bool,
    pub kind: NumberKind,
    /// Byte span in the text.
    pub start: usize,
    pub end: usize,
}

/// How the quantity was written. Spelled-out numbers are often legitimately rendered as
/// digits in the translation (and vice versa), so callers may want to weigh a mismatch
/// differently depending on the kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberKind {
    /// Written with digits, including digits combined with 万/亿 or a percent sign.
    Digits,
    /// Spelled out: 三十五, thirty-five, 二〇一二.
    Words,
}

impl NumberMention {
    /// Canonical key for comparing quantities across languages: the value printed with at most 6
    /// decimals and no trailing zeros ("2012", "3.5", "100000000"), suffixed with "%" when percent.
    pub fn key(&self) -> String {
        let mut v = self.value;
        // Products such as 1.2 × 10⁹ may land one ulp off an integer; snap them back so both
        // sides of a pair print the same key.
        let r = v.round();
        if (v - r).abs() <= 1e-9 * r.abs().max(1.0) {
            v = r;
        }
        let mut s = format!("{v:.6}");
        if s.contains('.') {
            while s.ends_with('0') {
                s.pop();
            }
            if s.ends_with('.') {
                s.pop();
            }
        }
        if s == "-0" {
            s = "0".to_string();
        }
        if self.percent {
            s.push('%');
        }
        s
    }
}

/// `lang` is an ISO 639-1 code ("zh", "en", "de", …); unknown codes use the English conventions.
///
/// Mentions come in text order with disjoint spans. Forms too ambiguous to be trusted as
/// quantities (see the module documentation) are left out rather than guessed.
pub fn extract_numbers(text: &str, lang: &str) -> Vec<NumberMention> {
    let mut scanner = Scanner {
        text,
        b: text.as_bytes(),
        lang: Lang::from_code(lang),
        out: Vec::new(),
        prev_word: (0, 0),
    };
    scanner.run();
    scanner.out
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Lang {
    En,
    Zh,
    Ja,
    Ko,
    De,
    Fr,
    Es,
    Ru,
    Is,
    Other,
}

impl Lang {
    /// Region and script subtags ("zh-Hant", "en_US") do not change number conventions here,
    /// so only the primary subtag is looked at.
    fn from_code(code: &str) -> Lang {
        const CODES: [(&str, Lang); 22] = [
            ("en", Lang::En),
            ("eng", Lang::En),
            ("zh", Lang::Zh),
            ("zho", Lang::Zh),
            ("chi", Lang::Zh),
            ("cmn", Lang::Zh),
            ("ja", Lang::Ja),
            ("jpn", Lang::Ja),
            ("ko", Lang::Ko),
            ("kor", Lang::Ko),
            ("de", Lang::De),
            ("deu", Lang::De),
            ("ger", Lang::De),
            ("fr", Lang::Fr),
            ("fra", Lang::Fr),
            ("fre", Lang::Fr),
            ("es", Lang::Es),
            ("spa", Lang::Es),
            ("ru", Lang::Ru),
            ("rus", Lang::Ru),
            ("is", Lang::Is),
            ("isl", Lang::Is),
        ];
        let base = code.trim().split(['-', '_']).next().unwrap_or("");
        CODES
            .iter()
            .find(|(c, _)| base.eq_ignore_ascii_case(c))
            .map_or(Lang::Other, |&(_, l)| l)
    }

    fn comma_decimal(self) -> bool {
        matches!(self, Lang::De | Lang::Fr | Lang::Es | Lang::Ru | Lang::Is)
    }

    /// Plain spaces group thousands only where that is the norm; elsewhere "in 2012 300
    /// people" style collisions would merge unrelated numbers.
    fn space_groups(self) -> bool {
        matches!(self, Lang::Fr | Lang::Ru)
    }

    fn english_words(self) -> bool {
        matches!(self, Lang::En | Lang::Other)
    }
}

// ---------------------------------------------------------------------------------------------
// Byte-level helpers
// ---------------------------------------------------------------------------------------------

/// ASCII or full-width digit at `i`: (value, byte length).
#[inline]
fn digit_at(b: &[u8], i: usize) -> Option<(u8, usize)> {
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
enum Sep {
    Comma,
    Dot,
    Space,
    /// NBSP, narrow NBSP, thin space: typographic thousands separators that, unlike a plain
    /// space, are practically never used between two unrelated numbers.
    Thin,
}

fn sep_at(b: &[u8], i: usize) -> Option<(Sep, usize)> {
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

fn pow10(n: i32) -> f64 {
    10f64.powi(n)
}

/// Latin (with diacritics), Greek and Cyrillic letters: the scripts whose words we read as
/// words. CJK ideographs are alphabetic too but must be looked at one by one.
#[inline]
fn is_latin_letter(c: char) -> bool {
    match c as u32 {
        0x41..=0x5A | 0x61..=0x7A => true,
        // Latin-1 letters and Latin Extended-A/B, minus × and ÷.
        0xC0..=0x24F => c != '×' && c != '÷',
        // Cyrillic, minus the thousands sign and combining marks.
        0x400..=0x481 | 0x48A..=0x52F => true,
        cp => cp < 0x530 && c.is_alphabetic(),
    }
}

/// Characters at which a CJK numeral, an ordinal (第), a percentage (百分之) or an estimate
/// (几, 数百, 上千, 何十) can start.
fn is_cjk_trigger(c: char, lang: Lang) -> bool {
    match c {
        '〇' | '零' | '一' | '二' | '两' | '兩' | '三' | '四' | '五' => true,
        '六' | '七' | '八' | '九' | '十' | '百' | '千' => true,
        '万' | '萬' | '亿' | '億' => true,
        '第' | '几' | '幾' | '数' | '數' | '上' | '何' => true,
        '兆' => lang == Lang::Ja,
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------------
// Word tables
// ---------------------------------------------------------------------------------------------

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
        Lang::En | Lang::Other => EN_SCALES,
        Lang::De => DE_SCALES,
        Lang::Fr => FR_SCALES,
        Lang::Es => ES_SCALES,
        Lang::Ru => RU_SCALES,
        Lang::Is => IS_SCALES,
        // CJK magnitudes (万, 億, 만) are handled by the numeral grammar.
        Lang::Zh | Lang::Ja | Lang::Ko => &[],
    }
}

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
    match w.find("hundert") {
        Some(p) => {
            let h = if p == 0 { 1 } else { de_unit(&w[..p])? };
            let rest = &w[p + "hundert".len()..];
            let r = if rest.is_empty() { 0 } else { de_lt100(rest)? };
            Some(h * 100 + r)
        }
        None => de_lt100(w),
    }
}

/// German writes numbers below a million as one compound word (dreihundertfünfundzwanzig),
/// so they are parsed morphologically rather than token by token.
fn de_value(w: &str) -> Option<u64> {
    match w.find("tausend") {
        Some(p) => {
            let th = if p == 0 { 1 } else { de_lt1000(&w[..p])? };
            let rest = &w[p + "tausend".len()..];
            let r = if rest.is_empty() { 0 } else { de_lt1000(rest)? };
            Some(th * 1000 + r)
        }
        None => de_lt1000(w),
    }
}

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

#[derive(Clone, Copy, PartialEq, Debug)]
enum EsTok {
    Num(u32),
    Mil,
    Y,
}

fn es_tok(w: &str) -> Option<EsTok> {
    use EsTok::*;
    Some(match w {
        "un" | "uno" | "una" => Num(1),
        "dos" => Num(2),
        "tres" => Num(3),
        "cuatro" => Num(4),
        "cinco" => Num(5),
        "seis" => Num(6),
        "siete" => Num(7),
        "ocho" => Num(8),
        "nueve" => Num(9),
        "diez" => Num(10),
        "once" => Num(11),
        "doce" => Num(12),
        "trece" => Num(13),
        "catorce" => Num(14),
        "quince" => Num(15),
        "dieciséis" | "dieciseis" => Num(16),
        "diecisiete" => Num(17),
        "dieciocho" => Num(18),
        "diecinueve" => Num(19),
        "veinte" => Num(20),
        "veintiuno" | "veintiún" | "veintiuna" => Num(21),
        "veintidós" | "veintidos" => Num(22),
        "veintitrés" | "veintitres" => Num(23),
        "veinticuatro" => Num(24),
        "veinticinco" => Num(25),
        "veintiséis" | "veintiseis" => Num(26),
        "veintisiete" => Num(27),
        "veintiocho" => Num(28),
        "veintinueve" => Num(29),
        "treinta" => Num(30),
        "cuarenta" => Num(40),
        "cincuenta" => Num(50),
        "sesenta" => Num(60),
        "setenta" => Num(70),
        "ochenta" => Num(80),
        "noventa" => Num(90),
        "cien" | "ciento" => Num(100),
        "doscientos" | "doscientas" => Num(200),
        "trescientos" | "trescientas" => Num(300),
        "cuatrocientos" | "cuatrocientas" => Num(400),
        "quinientos" | "quinientas" => Num(500),
        "seiscientos" | "seiscientas" => Num(600),
        "setecientos" | "setecientas" => Num(700),
        "ochocientos" | "ochocientas" => Num(800),
        "novecientos" | "novecientas" => Num(900),
        "mil" => Mil,
        "y" => Y,
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------------
// Chinese / Japanese traps
// ---------------------------------------------------------------------------------------------

/// What may follow a trap word for it to count as the trap.
#[derive(Clone, Copy)]
enum After {
    Any,
    /// Not a trap when followed by one of these characters (十分钟 is ten minutes).
    Not(&'static str),
    /// Only a trap when followed by one of these characters (千万别 is "by all means don't").
    Only(&'static str),
}

/// A word containing a numeral character that is not a quantity. `pre` is the part of the
/// word before the first numeral character, `word` the rest starting at that character.
struct Trap {
    pre: &'static str,
    word: &'static str,
    after: After,
}

const fn t(word: &'static str) -> Trap {
    Trap {
        pre: "",
        word,
        after: After::Any,
    }
}

const fn tp(pre: &'static str, word: &'static str) -> Trap {
    Trap {
        pre,
        word,
        after: After::Any,
    }
}

const fn ta(word: &'static str, after: After) -> Trap {
    Trap {
        pre: "",
        word,
        after,
    }
}

// Lone 一/两, bare 百/千/万 and two-digit runs (三四) are dropped by the grammar anyway, so these
// lists only need the words where that rule would still leave a number behind.
const TRAPS_1: &[Trap] = &[
    t("一五一十"),
    t("一干二净"),
    t("一清二楚"),
    t("一穷二白"),
    t("一来二去"),
    t("一石二鸟"),
    t("一举两得"),
    t("一言九鼎"),
    t("一波三折"),
    t("一日三秋"),
    t("一分为二"),
    t("一心二用"),
    t("一不做二不休"),
    tp("独", "一无二"),
    tp("說", "一不二"),
    tp("说", "一不二"),
    tp("数", "一数二"),
];
const TRAPS_2: &[Trap] = &[
    t("二手"),
    t("二话"),
    t("二話"),
    t("二胡"),
    t("二流"),
    t("二者"),
    t("二战"),
    t("二戰"),
    t("二把手"),
    t("二维码"),
    tp("不", "二"),
    tp("接", "二连三"),
    tp("接", "二連三"),
];
const TRAPS_3: &[Trap] = &[
    t("三心二意"),
    t("三番五次"),
    t("三番两次"),
    t("三五成群"),
    t("三长两短"),
    t("三言两语"),
    t("三天两头"),
    t("三三两两"),
    t("三明治"),
    t("三角"),
    t("三星"),
    t("三亚"),
    t("三思"),
    t("三菱"),
    t("三顾茅庐"),
    t("三教九流"),
    t("三令五申"),
    t("三头六臂"),
    t("三六九等"),
    t("三日月"),
    tp("再", "三"),
    tp("丢", "三落四"),
    tp("颠", "三倒四"),
    tp("不", "三不四"),
    tp("低", "三下四"),
    tp("朝", "三暮四"),
    tp("张", "三"),
];
const TRAPS_4: &[Trap] = &[
    t("四处"),
    t("四處"),
    ta("四周", After::Not("后後内內以前左")),
    t("四面八方"),
    t("四川"),
    t("四海"),
    t("四通八达"),
    t("四分五裂"),
    t("四平八稳"),
    t("四国"),
    t("四國"),
    tp("李", "四"),
];
const TRAPS_5: &[Trap] = &[
    t("五花八门"),
    t("五官"),
    t("五湖四海"),
    t("五金"),
    t("五颜六色"),
    t("五光十色"),
    t("五体投地"),
    t("五角大楼"),
    t("五脏六腑"),
    t("五彩缤纷"),
    t("五月雨"),
    t("五味杂陈"),
    t("五大三粗"),
];
const TRAPS_6: &[Trap] = &[t("六神无主"), t("六亲不认")];
const TRAPS_7: &[Trap] = &[
    t("七上八下"),
    t("七嘴八舌"),
    t("七零八落"),
    t("七拼八凑"),
    t("七手八脚"),
    t("七夕"),
    t("七喜"),
    tp("乱", "七八糟"),
    tp("亂", "七八糟"),
    tp("横", "七竖八"),
    tp("杂", "七杂八"),
];
const TRAPS_8: &[Trap] = &[
    t("八卦"),
    t("八成"),
    t("八字"),
    t("八仙"),
    t("八面玲珑"),
    t("八百屋"),
    t("八百長"),
    tp("胡说", "八道"),
    tp("胡說", "八道"),
];
const TRAPS_9: &[Trap] = &[
    t("九牛一毛"),
    t("九死一生"),
    t("九州"),
    t("九泉"),
    t("九霄云外"),
];
const TRAPS_10: &[Trap] = &[
    // 十分 is "very" (zh) or "enough" (ja); 十分钟 / 十分間 is ten minutes.
    ta("十分", After::Not("钟鐘間间")),
    t("十足"),
    t("十字"),
    t("十全十美"),
    t("十有八九"),
    t("十拿九稳"),
    t("十恶不赦"),
    t("十万火急"),
];
const TRAPS_100: &[Trap] = &[t("百万富翁"), t("百萬富翁")];
const TRAPS_1000: &[Trap] = &[
    // 千万 is ten million, but before an imperative it means "by all means".
    ta("千万", After::Only("别不要记莫勿可务")),
    ta("千萬", After::Only("別别不要記记莫勿可務")),
    t("千万富翁"),
];
const TRAPS_WAN: &[Trap] = &[t("万一"), t("萬一")];

fn traps_for(c: char) -> &'static [Trap] {
    match c {
        '一' => TRAPS_1,
        '二' => TRAPS_2,
        '三' => TRAPS_3,
        '四' => TRAPS_4,
        '五' => TRAPS_5,
        '六' => TRAPS_6,
        '七' => TRAPS_7,
        '八' => TRAPS_8,
        '九' => TRAPS_9,
        '十' => TRAPS_10,
        '百' => TRAPS_100,
        '千' => TRAPS_1000,
        '万' | '萬' => TRAPS_WAN,
        _ => &[],
    }
}

// ---------------------------------------------------------------------------------------------
// Scanner
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Debug)]
enum Tok {
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

enum Arabic {
    Single {
        mant: f64,
        frac: i32,
        end: usize,
    },
    /// Dates, versions, lists ("12.03.2020", "1,2,3" in German): every run is its own number.
    Seq(Sep),
}

struct Cjk {
    value: f64,
    end: usize,
    arabic: bool,
    /// A lone 一/两/零 or a bare 百/千/万/亿: too ambiguous to report.
    weak: bool,
    /// 三四个, 十七八岁, 十几: a range or estimate, not a quantity.
    approx: bool,
}

struct Scanner<'a> {
    text: &'a str,
    b: &'a [u8],
    lang: Lang,
    out: Vec<NumberMention>,
    /// Byte span of the previous Latin-script word, for the few words whose meaning depends
    /// on the word before ("a second", "pour cent").
    prev_word: (usize, usize),
}

impl<'a> Scanner<'a> {
    fn run(&mut self) {
        let n = self.b.len();
        let mut i = 0;
        while i < n {
            let c = self.b[i];
            if c < 0x80 {
                i = if c.is_ascii_digit() {
                    self.digits(i)
                } else if c.is_ascii_alphabetic() {
                    self.word(i)
                } else {
                    i + 1
                };
                continue;
            }
            let ch = self.char_at(i);
            i = if ('０'..='９').contains(&ch) {
                self.digits(i)
            } else if is_latin_letter(ch) {
                self.word(i)
            } else if is_cjk_trigger(ch, self.lang) {
                self.cjk(i, ch)
            } else {
                i + ch.len_utf8()
            };
        }
    }

    #[inline]
    fn char_at(&self, i: usize) -> char {
        self.text[i..].chars().next().unwrap_or('\0')
    }

    fn push(&mut self, value: f64, percent: bool, kind: NumberKind, start: usize, end: usize) {
        // Hundreds of digits overflow f64; such a "number" is an identifier, not a quantity.
        if !value.is_finite() {
            return;
        }
        self.out.push(NumberMention {
            value,
            percent,
            kind,
            start,
            end,
        });
    }

    /// One space between a number and its unit or percent sign is normal ("35 %", "3.5
    /// billion"); French typography puts a narrow NBSP there.
    fn skip_gap(&self, p: usize) -> usize {
        match sep_at(self.b, p) {
            Some((Sep::Space | Sep::Thin, l)) => p + l,
            _ => p,
        }
    }

    // --- Arabic digits --------------------------------------------------------------------

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
    fn arabic_atom(&self, q: usize) -> Option<(f64, usize, bool)> {
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

    fn digits(&mut self, i: usize) -> usize {
        let (mant, frac, end) = match self.scan_arabic(i) {
            Some(Arabic::Single { mant, frac, end }) => (mant, frac, end),
            Some(Arabic::Seq(sep)) => return self.emit_sequence(i, sep),
            None => return i + 1,
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
            (mant * m / pow10(frac), e)
        };
        if self.approx_suffix(end) {
            return self.skip_numeral(end);
        }
        let (end, percent) = self.percent_after(end);
        self.push(value, percent, NumberKind::Digits, i, end);
        end
    }

    // --- Words ----------------------------------------------------------------------------

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
    fn lower<'b>(&self, s: usize, e: usize, buf: &'b mut [u8; 48]) -> Option<&'b str> {
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

    fn prev_word_is(&self, s: usize, words: &[&str]) -> bool {
        let (ps, pe) = self.prev_word;
        pe > ps
            && pe + 1 == s
            && words
                .iter()
                .any(|w| self.text[ps..pe].eq_ignore_ascii_case(w))
    }

    /// Case-insensitive match of `word` (lower case) at `p`, ending at a word boundary, or
    /// followed by any inflection when `prefix`.
    fn match_word(&self, p: usize, word: &str, prefix: bool) -> Option<usize> {
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

    /// Magnitude words after a number ("3.5 billion", "2,5 Millionen", "dos mil millones"),
    /// chained while they grow. Returns the multiplier and the new end.
    fn scales_after(&self, pos: usize, min: f64) -> (f64, usize) {
        let table = scale_table(self.lang);
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

    fn percent_after(&self, pos: usize) -> (usize, bool) {
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

    fn word(&mut self, i: usize) -> usize {
        let we = self.word_end(i);
        let found = match self.lang {
            l if l.english_words() => self.en_number(i, we),
            Lang::De => self.de_number(i, we),
            Lang::Fr => self.fr_number(i, we),
            Lang::Es => self.es_number(i, we),
            _ => None,
        };
        self.prev_word = (i, we);
        match found {
            Some((value, end)) => {
                let (end, percent) = self.percent_after(end);
                self.push(value, percent, NumberKind::Words, i, end);
                end
            }
            None => we,
        }
    }

    fn en_next(&self, we: usize) -> Option<(usize, EnTok)> {
        let (s, e) = self.next_word(we, true)?;
        let mut buf = [0u8; 48];
        Some((e, en_tok(self.lower(s, e, &mut buf)?)?))
    }

    /// English numerals span several words ("two hundred and five"), so a small state machine
    /// decides which word may follow which; the number ends at the first word that may not.
    fn en_number(&self, s: usize, e: usize) -> Option<(f64, usize)> {
        // "seventeenth" is the longest English number word.
        if e - s > 11 {
            return None;
        }
        let mut buf = [0u8; 48];
        let first = en_tok(self.lower(s, e, &mut buf)?)?;
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
                    match self.en_next(we) {
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
            match self.en_next(we) {
                Some((ne, t)) => {
                    we = ne;
                    tok = t;
                }
                None => break,
            }
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
        Some((total + cur, end))
    }

    /// "eine Million", "un milliard", "un millón": the article stands for 1.
    fn article_scale(&self, e: usize) -> Option<(f64, usize)> {
        let (m, end) = self.scales_after(e, 1e6);
        (end > e).then_some((m, end))
    }

    fn de_number(&self, s: usize, e: usize) -> Option<(f64, usize)> {
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
        let v = de_value(w)?;
        if v == 1 {
            // "eins" alone is as ambiguous as English "one".
            return None;
        }
        let (m, end) = self.scales_after(e, 0.0);
        Some((v as f64 * m, end))
    }

    /// French is vigesimal in places (quatre-vingt-dix-sept = 4 × 20 + 10 + 7), so the rules
    /// for what may follow depend on the value of the previous word, not just its class.
    fn fr_number(&self, s: usize, e: usize) -> Option<(f64, usize)> {
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
                    match self.next_word(we, true) {
                        Some((ns, ne)) => {
                            let mut b2 = [0u8; 48];
                            match self.lower(ns, ne, &mut b2).and_then(fr_tok) {
                                Some(t @ (FrTok::Num(1 | 11) | FrTok::Ord(1))) => {
                                    prev = -2;
                                    we = ne;
                                    tok = t;
                                    continue;
                                }
                                _ => break,
                            }
                        }
                        None => break,
                    }
                }
                _ => break,
            }
            end = we;
            n += 1;
            if done {
                break;
            }
            let Some((ns, ne)) = self.next_word(we, true) else {
                break;
            };
            let mut b2 = [0u8; 48];
            match self.lower(ns, ne, &mut b2).and_then(fr_tok) {
                Some(t) => {
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

    fn es_number(&self, s: usize, e: usize) -> Option<(f64, usize)> {
        let mut buf = [0u8; 48];
        let first = es_tok(self.lower(s, e, &mut buf)?)?;
        match first {
            EsTok::Num(1) => return self.article_scale(e),
            EsTok::Y => return None,
            _ => {}
        }
        let (mut total, mut cur) = (0.0f64, 0.0f64);
        // Previous additive value, 0 at start, -1 after mil, -2 after "y".
        let mut prev: i64 = 0;
        let (mut end, mut n) = (s, 0u32);
        let (mut tok, mut we) = (first, e);
        loop {
            match tok {
                EsTok::Num(v) => {
                    let v64 = i64::from(v);
                    let ok = match prev {
                        0 => n == 0,
                        -1 => true,
                        -2 => (1..10).contains(&v),
                        p if p >= 100 => v < 100,
                        _ => false,
                    };
                    if !ok || (v == 1 && prev != -2) {
                        break;
                    }
                    cur += f64::from(v);
                    prev = v64;
                }
                EsTok::Mil => {
                    if total > 0.0 || prev == -2 {
                        break;
                    }
                    total = cur.max(1.0) * 1000.0;
                    cur = 0.0;
                    prev = -1;
                }
                EsTok::Y => {
                    if !(30..100).contains(&prev) || prev % 10 != 0 {
                        break;
                    }
                    let next = self.next_word(we, false).and_then(|(ns, ne)| {
                        let mut b2 = [0u8; 48];
                        self.lower(ns, ne, &mut b2)
                            .and_then(es_tok)
                            .map(|t| (ne, t))
                    });
                    match next {
                        Some((ne, t @ EsTok::Num(1..=9))) => {
                            prev = -2;
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
            let Some((ns, ne)) = self.next_word(we, false) else {
                break;
            };
            let mut b2 = [0u8; 48];
            match self.lower(ns, ne, &mut b2).and_then(es_tok) {
                Some(t) => {
                    we = ne;
                    tok = t;
                }
                None => break,
            }
        }
        if n == 0 {
            return None;
        }
        let (m, end) = self.scales_after(end, 0.0);
        Some(((total + cur) * m, end))
    }

    // --- Chinese / Japanese / Korean numerals ---------------------------------------------

    fn cjk_tok(&self, q: usize) -> Option<(Tok, usize, bool)> {
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
    fn approx_suffix(&self, p: usize) -> bool {
        matches!(self.char_at(p), '几' | '幾' | '来' | '來')
    }

    /// Skips the rest of an estimate (几十万, 三四十) so none of its parts is reported.
    fn skip_numeral(&self, mut p: usize) -> usize {
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
    fn parse_cjk(&self, start: usize, first: Option<(f64, usize)>) -> Cjk {
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

    fn trap_at(&self, i: usize, c: char) -> Option<usize> {
        let (before, rest) = self.text.split_at(i);
        if matches!(c, '二' | '三' | '四' | '五' | '六') {
            // Weekdays: 星期三, 周五 are names, not quantities.
            if ["星期", "礼拜", "禮拜", "周", "週"]
                .iter()
                .any(|p| before.ends_with(p))
            {
                return Some(i + c.len_utf8());
            }
        }
        for trap in traps_for(c) {
            if !before.ends_with(trap.pre) || !rest.starts_with(trap.word) {
                continue;
            }
            let next = rest[trap.word.len()..].chars().next();
            let hit = match trap.after {
                After::Any => true,
                After::Not(set) => !next.is_some_and(|n| set.contains(n)),
                After::Only(set) => next.is_some_and(|n| set.contains(n)),
            };
            if hit {
                return Some(i + trap.word.len());
            }
        }
        None
    }

    /// Entry point for a CJK trigger character. Prefixes that change the meaning of what
    /// follows (第, 百分之, 几, 数, 上) are dealt with before the numeral itself.
    fn cjk(&mut self, i: usize, c: char) -> usize {
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
            _ => {}
        }
        if let Some(e) = self.trap_at(i, c) {
            return e;
        }
        let r = self.parse_cjk(i, None);
        if r.end == i {
            return after;
        }
        if r.approx {
            return self.skip_numeral(r.end);
        }
        if r.weak {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str, lang: &str) -> Vec<String> {
        extract_numbers(text, lang)
            .iter()
            .map(NumberMention::key)
            .collect()
    }

    fn spans<'t>(text: &'t str, lang: &str) -> Vec<&'t str> {
        extract_numbers(text, lang)
            .iter()
            .map(|m| &text[m.start..m.end])
            .collect()
    }

    #[track_caller]
    fn check(text: &str, lang: &str, expected: &[&str]) {
        assert_eq!(keys(text, lang), expected, "{lang}: {text}");
    }

    fn mention(value: f64, kind: NumberKind) -> (f64, bool, NumberKind) {
        (value, false, kind)
    }

    // --- key ------------------------------------------------------------------------------

    #[test]
    fn key_formats_canonically() {
        let m = |value: f64, percent: bool| NumberMention {
            value,
            percent,
            kind: NumberKind::Digits,
            start: 0,
            end: 0,
        };
        assert_eq!(m(2012.0, false).key(), "2012");
        assert_eq!(m(3.5, false).key(), "3.5");
        assert_eq!(m(1e8, false).key(), "100000000");
        assert_eq!(m(35.0, true).key(), "35%");
        assert_eq!(m(0.1 + 0.2, false).key(), "0.3");
        assert_eq!(m(1.0 / 3.0, false).key(), "0.333333");
        assert_eq!(m(1.2 * 1e12, false).key(), "1200000000000");
        assert_eq!(m(-0.0, false).key(), "0");
    }

    // --- digits and separators ------------------------------------------------------------

    #[test]
    fn english_sentences() {
        check("In 2012, AlexNet won ImageNet.", "en", &["2012"]);
        check("GPT-3 and GPT-3.5", "en", &["3", "3.5"]);
        check("It cost $1.2 billion", "en", &["1200000000"]);
        check("It cost $1.2bn.", "en", &["1200000000"]);
        check("A 100 million dollar deal", "en", &["100000000"]);
        check("3.5 billion people", "en", &["3500000000"]);
    }

    #[test]
    fn english_separators() {
        check("1,000,000.5", "en", &["1000000.5"]);
        check("1,000", "en", &["1000"]);
        check("$5,000.00", "en", &["5000"]);
        check("1, 2, 3", "en", &["1", "2", "3"]);
        check("1,2,3", "en", &["1", "2", "3"]);
        check("12,3456", "en", &["12", "3456"]);
        check("1234,567", "en", &["1234", "567"]);
        check("0.5 and 0,5", "en", &["0.5", "0", "5"]);
        check("on 12.03.2020", "en", &["12", "3", "2020"]);
        check("version 3.10.2", "en", &["3", "10", "2"]);
        check("1\u{a0}000\u{a0}000 units", "en", &["1000000"]);
        // A plain space never groups digits in English.
        check("in 2012 300 people", "en", &["2012", "300"]);
    }

    #[test]
    fn german_separators() {
        check("3,5 %", "de", &["3.5%"]);
        check("1.000.000,5 Euro", "de", &["1000000.5"]);
        check("1.000 Menschen", "de", &["1000"]);
        check("GPT-3.5", "de", &["3.5"]);
        check("am 12.03.2020", "de", &["12", "3", "2020"]);
        check("die Werte 1,2,3", "de", &["1", "2", "3"]);
        check("1, 2 und 3", "de", &["1", "2", "3"]);
        check("Am 3. Oktober", "de", &["3"]);
        check("0,5 Liter", "de", &["0.5"]);
        // Plain spaces do not group in German, narrow NBSPs do.
        check("1\u{202f}000 Euro", "de", &["1000"]);
    }

    #[test]
    fn french_and_russian_spaces() {
        check("1 000 000,50 €", "fr", &["1000000.5"]);
        check("1\u{a0}000\u{a0}000,50\u{a0}€", "fr", &["1000000.5"]);
        check("1\u{202f}000 personnes", "fr", &["1000"]);
        check("35\u{202f}%", "fr", &["35%"]);
        check("en 2012 100 000 personnes", "fr", &["2012", "100000"]);
        check("1 000 000,5 рублей", "ru", &["1000000.5"]);
        check("3,5 %", "fr", &["3.5%"]);
    }

    #[test]
    fn spanish_and_icelandic_separators() {
        check("1.500.000,75 dólares", "es", &["1500000.75"]);
        check("3,5 millones", "es", &["3500000"]);
        check("1.000 manns", "is", &["1000"]);
        check("3,5 milljarðar", "is", &["3500000000"]);
    }

    #[test]
    fn full_width_digits() {
        check("２０１２年", "zh", &["2012"]);
        check("３５％", "ja", &["35%"]);
        check("１．５倍", "zh", &["1.5"]);
        assert_eq!(
            extract_numbers("２０１２", "zh")[0].kind,
            NumberKind::Digits
        );
    }

    #[test]
    fn ranges_signs_and_ordinal_suffixes() {
        check("5-10 years", "en", &["5", "10"]);
        check("5–10 years", "en", &["5", "10"]);
        check("-5 degrees", "en", &["5"]);
        check("1st, 2nd, 3rd and 21st", "en", &["1", "2", "3", "21"]);
        check("le 1er mai", "fr", &["1"]);
        check("COVID-19", "en", &["19"]);
        check("10:30, 24/7", "en", &["10", "30", "24", "7"]);
        check("the 1990s", "en", &["1990"]);
    }

    #[test]
    fn percentages() {
        check("35%", "en", &["35%"]);
        check("35 %", "en", &["35%"]);
        check("35 percent", "en", &["35%"]);
        check("35 per cent", "en", &["35%"]);
        check("35 Prozent", "de", &["35%"]);
        check("35 pour cent", "fr", &["35%"]);
        check("35 por ciento", "es", &["35%"]);
        check("35 процентов", "ru", &["35%"]);
        check("35 prósent", "is", &["35%"]);
        check("35퍼센트", "ko", &["35%"]);
        check("35パーセント", "ja", &["35%"]);
        check("３５％", "zh", &["35%"]);
        check("百分之三十五", "zh", &["35%"]);
        check("百分之3.5", "zh", &["3.5%"]);
        check("百分之百", "zh", &["100%"]);
        check("thirty-five percent", "en", &["35%"]);
        check("trente pour cent", "fr", &["30%"]);
        // Percentage points are not percentages.
        check("5 percentage points", "en", &["5"]);
        check("5 Prozentpunkte", "de", &["5"]);
        assert_eq!(spans("rose 35 % today", "en"), ["35 %"]);
        assert_eq!(spans("百分之三十五的人", "zh"), ["百分之三十五"]);
    }

    #[test]
    fn percent_spans_and_kinds() {
        let m = &extract_numbers("百分之三十五", "zh")[0];
        assert_eq!(
            (m.value, m.percent, m.kind),
            (35.0, true, NumberKind::Words)
        );
        let m = &extract_numbers("３５％", "zh")[0];
        assert_eq!(
            (m.value, m.percent, m.kind),
            (35.0, true, NumberKind::Digits)
        );
    }

    // --- Chinese --------------------------------------------------------------------------

    #[test]
    fn chinese_sentences() {
        check(
            "伊利亚于2022年当选皇家学会院士,2015年入选MIT科技评论35岁以下35人榜单",
            "zh",
            &["2022", "2015", "35", "35"],
        );
        check("5岁时搬到以色列", "zh", &["5"]);
        check("深度学习在未来5-10年继续取得进展", "zh", &["5", "10"]);
        check("二〇一二年", "zh", &["2012"]);
        check("二零一二年", "zh", &["2012"]);
        check("他们一起去了", "zh", &[]);
        check("十分重要", "zh", &[]);
        check("一百零五个人", "zh", &["105"]);
        check("第一次", "zh", &["1"]);
        check(
            "35岁，11月，2013年，5-10年",
            "zh",
            &["35", "11", "2013", "5", "10"],
        );
    }

    #[test]
    fn chinese_numerals() {
        check("三十五", "zh", &["35"]);
        check("一百零五", "zh", &["105"]);
        check("两千", "zh", &["2000"]);
        check("十", "zh", &["10"]);
        check("十五", "zh", &["15"]);
        check("第三", "zh", &["3"]);
        check("第二十一条", "zh", &["21"]);
        check("一百万", "zh", &["1000000"]);
        check("十亿", "zh", &["1000000000"]);
        check("万亿", "zh", &["1000000000000"]);
        check("三万亿", "zh", &["3000000000000"]);
        check("一千零五十", "zh", &["1050"]);
        check("九千九百九十九", "zh", &["9999"]);
        check("兩千萬", "zh", &["20000000"]);
        check("一九八四年", "zh", &["1984"]);
        check("三点五", "zh", &["3.5"]);
        check("零点五", "zh", &["0.5"]);
        check("三点五万", "zh", &["35000"]);
        check("十二点五", "zh", &["12.5"]);
        check("一百点二五", "zh", &["100.25"]);
        check("十二点五亿", "zh", &["1250000000"]);
        check("百分之十二点五", "zh", &["12.5%"]);
        assert_eq!(
            extract_numbers("三十五", "zh")[0],
            NumberMention {
                value: 35.0,
                percent: false,
                kind: NumberKind::Words,
                start: 0,
                end: "三十五".len(),
            }
        );
    }

    #[test]
    fn chinese_digits_with_magnitudes() {
        check("3.5万", "zh", &["35000"]);
        check("1亿", "zh", &["100000000"]);
        check("2万5千", "zh", &["25000"]);
        check("1亿2000万", "zh", &["120000000"]);
        check("5000万人", "zh", &["50000000"]);
        check("10万亿", "zh", &["10000000000000"]);
        check("1.5亿美元", "zh", &["150000000"]);
        check("二十多万人", "zh", &["200000"]);
        check("20多万人", "zh", &["200000"]);
        check("一百多人", "zh", &["100"]);
        // 千米 is a kilometre, not a thousand metres.
        check("5千米", "zh", &["5"]);
        let m = &extract_numbers("2万5千", "zh")[0];
        assert_eq!(
            (m.kind, m.start, m.end),
            (NumberKind::Digits, 0, "2万5千".len())
        );
    }

    #[test]
    fn chinese_abbreviated_forms() {
        check("两万五", "zh", &["25000"]);
        check("三百五", "zh", &["350"]);
        check("一千五百", "zh", &["1500"]);
        check("1万5", "zh", &["15000"]);
    }

    #[test]
    fn chinese_approximations_are_not_numbers() {
        check("几个人", "zh", &[]);
        check("十几个人", "zh", &[]);
        check("几十万", "zh", &[]);
        check("二十几岁", "zh", &[]);
        check("三四个人", "zh", &[]);
        check("十七八岁", "zh", &[]);
        check("五六十人", "zh", &[]);
        check("数百万人", "zh", &[]);
        check("上千人", "zh", &[]);
        check("成千上万", "zh", &[]);
        check("二十来岁", "zh", &[]);
        check("两三个", "zh", &[]);
        check("一两个", "zh", &[]);
        check("百分之几", "zh", &[]);
    }

    #[test]
    fn chinese_lone_one_and_two_are_dropped() {
        for s in [
            "一个",
            "一样",
            "统一",
            "一下",
            "两个人",
            "一些",
            "一起",
            "一直",
            "一定",
        ] {
            check(s, "zh", &[]);
        }
        check("一百", "zh", &["100"]);
        check("一万", "zh", &["10000"]);
        check("一亿", "zh", &["100000000"]);
        check("两百", "zh", &["200"]);
        check("五十两本钱", "zh", &["50"]);
        check("好像是在一九六几年吧", "zh", &[]);
        check("借了二十两给他们", "zh", &["20"]);
        check("两万两千", "zh", &["22000"]);
        check("一千两百", "zh", &["1200"]);
        check("三个人", "zh", &["3"]);
    }

    #[test]
    fn chinese_idioms_are_not_numbers() {
        for s in [
            "万一下雨",
            "千万不要忘记",
            "三心二意",
            "十分重要",
            "万物生长",
            "老百姓",
            "乱七八糟",
            "接二连三",
            "独一无二",
            "四面八方",
            "他四处走",
            "五花八门",
            "再三考虑",
            "星期三",
            "周五见",
            "百万富翁",
            "一言九鼎",
            "五官端正",
            "亿万富翁",
        ] {
            check(s, "zh", &[]);
        }
        // The same characters as quantities.
        check("十分钟", "zh", &["10"]);
        check("三千万人", "zh", &["30000000"]);
        check("千万人口", "zh", &["10000000"]);
        check("四周后", "zh", &["4"]);
    }

    #[test]
    fn chinese_clock_times_are_not_decimals() {
        check("三点钟", "zh", &["3"]);
        check("三点五分", "zh", &["3", "5"]);
        check("十二点三十分", "zh", &["12", "30"]);
    }

    #[test]
    fn chinese_fullwidth_comma_is_punctuation() {
        check("我有3，500人", "zh", &["3", "500"]);
        check("3,500人", "zh", &["3500"]);
    }

    // --- Japanese and Korean --------------------------------------------------------------

    #[test]
    fn japanese() {
        check("２０１２年に３５％増加した", "ja", &["2012", "35%"]);
        check("1兆2000億円", "ja", &["1200000000000"]);
        check("1億2000万円", "ja", &["120000000"]);
        check("三千円", "ja", &["3000"]);
        check("一つ", "ja", &[]);
        check("二つ", "ja", &["2"]);
        check("十分です", "ja", &[]);
        check("十分間", "ja", &["10"]);
        check("第3回", "ja", &["3"]);
        // 兆 is "mega" in Chinese (兆字节), not 10¹².
        check("5兆字节", "zh", &["5"]);
    }

    #[test]
    fn korean() {
        check("1억 2천만 원", "ko", &["120000000"]);
        check("10만 명", "ko", &["100000"]);
        check("5천만", "ko", &["50000000"]);
        check("3조 원", "ko", &["3000000000000"]);
        check("2012년에 35% 증가", "ko", &["2012", "35%"]);
        check("1,000원", "ko", &["1000"]);
        assert_eq!(spans("1억 2천만 원", "ko"), ["1억 2천만"]);
    }

    // --- English words --------------------------------------------------------------------

    #[test]
    fn english_number_words() {
        check("thirty-five", "en", &["35"]);
        check("two hundred and five", "en", &["205"]);
        check("a hundred and five", "en", &["105"]);
        check("a million", "en", &["1000000"]);
        check("a dozen eggs", "en", &["12"]);
        check("two dozen", "en", &["24"]);
        check("one hundred", "en", &["100"]);
        check("twenty-one", "en", &["21"]);
        check("a hundred thousand", "en", &["100000"]);
        check("two million three hundred thousand", "en", &["2300000"]);
        check("Seven", "en", &["7"]);
        check("zero", "en", &["0"]);
        assert_eq!(
            spans("two hundred and five people", "en"),
            ["two hundred and five"]
        );
        // "and" only belongs to the number when a number word follows.
        assert_eq!(spans("five hundred and more", "en"), ["five hundred"]);
    }

    #[test]
    fn english_ordinals() {
        check("the first time", "en", &["1"]);
        check("the twentieth century", "en", &["20"]);
        check("her thirty-fifth birthday", "en", &["35"]);
        check("the twenty-first century", "en", &["21"]);
        check("the hundredth", "en", &["100"]);
        check("the seventeenth", "en", &["17"]);
        check("the second time", "en", &["2"]);
    }

    #[test]
    fn english_ambiguous_words_are_dropped() {
        check("One of them said no one knew.", "en", &[]);
        check("a few people", "en", &[]);
        check("wait a second", "en", &[]);
        check("ten metres per second", "en", &["10"]);
        check("hundreds of people, thousands more", "en", &[]);
        check("the million-dollar question", "en", &[]);
        check("Once upon a time someone often went", "en", &[]);
    }

    #[test]
    fn unknown_languages_use_english_conventions() {
        check("1,000.5 and two hundred", "xx", &["1000.5", "200"]);
        // 1.000 is 1.0 with a dot decimal point; the comma then starts a list.
        check("1.000,5", "en-US", &["1", "5"]);
        check("1.000,5", "de-AT", &["1000.5"]);
        check("二十", "zh-Hant", &["20"]);
    }

    // --- German, French, Spanish words ----------------------------------------------------

    #[test]
    fn german_words() {
        check("dreihundertfünfundzwanzig", "de", &["325"]);
        check("einundzwanzig Jahre", "de", &["21"]);
        check("zwölf Apostel", "de", &["12"]);
        check("zweitausend", "de", &["2000"]);
        check("Fünf Jahre", "de", &["5"]);
        check("zwei Millionen", "de", &["2000000"]);
        check("eine Million", "de", &["1000000"]);
        check("1,2 Mrd. Euro", "de", &["1200000000"]);
        check("2,5 Millionen", "de", &["2500000"]);
        // German Billion is 10¹².
        check("5 Billionen", "de", &["5000000000000"]);
        check("ein Haus, eins, Zweifel, Achtung", "de", &[]);
        check("dreißig Prozent", "de", &["30%"]);
    }

    #[test]
    fn french_words() {
        check("trente-cinq", "fr", &["35"]);
        check("soixante-dix-sept", "fr", &["77"]);
        check("quatre-vingt-dix-neuf", "fr", &["99"]);
        check("quatre-vingts", "fr", &["80"]);
        check("vingt et un", "fr", &["21"]);
        check("soixante et onze", "fr", &["71"]);
        check("deux mille vingt-trois", "fr", &["2023"]);
        check("trois cents", "fr", &["300"]);
        check("dix-sept ans", "fr", &["17"]);
        check("un million", "fr", &["1000000"]);
        check("deux milliards", "fr", &["2000000000"]);
        check("la deuxième fois", "fr", &["2"]);
        check("cent pour cent", "fr", &["100%"]);
        // "neuf" alone is as often "new"; "un" alone is an article.
        check("un livre neuf", "fr", &[]);
        check("neuf cents", "fr", &["900"]);
    }

    #[test]
    fn spanish_words() {
        check("treinta y cinco", "es", &["35"]);
        check("mil doscientos", "es", &["1200"]);
        check("dos mil millones", "es", &["2000000000"]);
        check("un millón", "es", &["1000000"]);
        check("ciento veinte", "es", &["120"]);
        check("cien mil", "es", &["100000"]);
        check("veintidós", "es", &["22"]);
        check("uno de ellos", "es", &[]);
        check("3 mil millones", "es", &["3000000000"]);
    }

    #[test]
    fn russian_and_icelandic_magnitudes() {
        check("2,5 млрд рублей", "ru", &["2500000000"]);
        check("3 тыс. человек", "ru", &["3000"]);
        check("5 миллионов", "ru", &["5000000"]);
        check("árið 2012", "is", &["2012"]);
    }

    // --- invariants -----------------------------------------------------------------------

    #[test]
    fn mention_fields() {
        let ms = extract_numbers("GPT-3 和 thirty", "en");
        let got: Vec<_> = ms.iter().map(|m| (m.value, m.percent, m.kind)).collect();
        assert_eq!(
            got,
            [
                mention(3.0, NumberKind::Digits),
                mention(30.0, NumberKind::Words)
            ]
        );
        assert_eq!(spans("GPT-3 和 thirty", "en"), ["3", "thirty"]);
    }

    #[test]
    fn empty_and_number_free_text() {
        check("", "en", &[]);
        check("No numbers here.", "en", &[]);
        check("这里没有数字。", "zh", &[]);
    }

    /// Spans must be in order, non-overlapping and on char boundaries for any input; a tiny
    /// deterministic generator over tricky characters stands in for a fuzzer.
    #[test]
    fn spans_are_ordered_and_valid_on_arbitrary_input() {
        let alphabet: Vec<char> =
            "0123456789０９,.，．%％ -\u{a0}\u{202f}一二两三十百千万亿億兆零〇○第几多点分之年月\
             萬만억천조백aAonetwhundrmilbsécntéü"
                .chars()
                .collect();
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let len = (next() % 24) as usize;
            let s: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            for lang in ["en", "zh", "ja", "ko", "de", "fr", "es", "ru"] {
                let ms = extract_numbers(&s, lang);
                let mut last = 0;
                for m in &ms {
                    assert!(m.start >= last && m.start < m.end, "{lang} {s:?} {ms:?}");
                    assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
                    assert!(m.value.is_finite() && m.value >= 0.0, "{s:?}");
                    last = m.end;
                }
            }
        }
    }
}

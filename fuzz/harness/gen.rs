//! Hostile inputs: mutations of the seed corpora (`fuzz/seeds/`) and of fragments chosen to hit
//! the places text processing goes wrong — case mappings that change a character's length, mixed
//! scripts, control characters and every line break, numbers in every form, unbalanced quotes and
//! brackets, byte-order marks, very long lines, invalid UTF-8.

use std::path::Path;

use super::rng::Rng;

/// The seed files, by kind (the folders under `fuzz/seeds/`).
#[derive(Debug, Clone, Default)]
pub struct Seeds {
    pub text: Vec<String>,
    pub glossary: Vec<String>,
    pub gold: Vec<String>,
    pub baseline: Vec<String>,
}

impl Seeds {
    pub fn load(dir: &Path) -> Seeds {
        let read = |kind: &str| -> Vec<String> {
            let mut files: Vec<_> = std::fs::read_dir(dir.join(kind))
                .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
                .unwrap_or_default();
            files.sort();
            let texts: Vec<String> = files
                .iter()
                .filter_map(|p| std::fs::read(p).ok())
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .collect();
            if texts.is_empty() {
                vec![String::from("A seed. 一个种子。")]
            } else {
                texts
            }
        };
        Seeds {
            text: read("text"),
            glossary: read("glossary"),
            gold: read("gold"),
            baseline: read("baseline"),
        }
    }
}

/// Fragments that text processing gets wrong.
pub const FRAGMENTS: &[&str] = &[
    // Case mappings that change length or depend on context.
    "İ",
    "ı",
    "ẞ",
    "ß",
    "\u{212a}",
    "\u{212b}",
    "ς",
    "Σ",
    "ΌΣΟΣ",
    "ǅ",
    "ﬁ",
    "ŉ",
    "ΐ",
    "İstanbul",
    "STRASSE",
    "Straße",
    "\u{1e9e}TRASSE",
    "ᾼ",
    "Ω",
    "\u{2126}",
    // Scripts.
    "汉字",
    "神经网络",
    "伊利亚",
    "。",
    "！",
    "？",
    "，",
    "；",
    "：",
    "……",
    "——",
    "Привет, мир.",
    "Ёлка.",
    "مرحبا بالعالم.",
    "؟",
    "،",
    "שלום.",
    "नमस्ते।",
    "こんにちは。",
    "カタカナ",
    "한국어.",
    "ไทย",
    "😀",
    "👩\u{200d}💻",
    "🇨🇳",
    "e\u{301}",
    "\u{301}",
    "\u{200b}",
    "\u{200c}",
    "\u{200d}",
    "\u{200e}",
    "\u{200f}",
    "\u{202e}",
    "\u{2066}",
    "\u{fe0f}",
    "\u{10ffff}",
    "\u{e000}",
    "\u{fffd}",
    "\u{fffe}",
    "\u{ffff}",
    "\u{3000}",
    "\u{a0}",
    "\u{2009}",
    // Control characters and line breaks.
    "\u{1}",
    "\u{7}",
    "\u{8}",
    "\u{1b}[31m",
    "\u{1b}]0;title\u{7}",
    "\u{7f}",
    "\u{80}",
    "\u{85}",
    "\u{9b}",
    "\u{9f}",
    "\r",
    "\r\n",
    "\n",
    "\n\n",
    "\n\n\n",
    "\u{b}",
    "\u{c}",
    "\u{1c}",
    "\u{1d}",
    "\u{1e}",
    "\u{1f}",
    "\u{2028}",
    "\u{2029}",
    "\t",
    " ",
    "  ",
    "\u{feff}",
    // Numbers in all forms.
    "二〇一二",
    "二〇一二年",
    "2012年",
    "三十五",
    "两千",
    "一百万",
    "1万",
    "3.5亿",
    "百分之五十",
    "1,5",
    "50.000",
    "1.000.000,5",
    "10 000",
    "1,234,567",
    "½",
    "3½",
    "¼",
    "⅞",
    "-0",
    "−4",
    "1e10",
    "1e308",
    "1e999",
    "99999999999999999999999",
    "0.000000001",
    "٣٤٥",
    "١٢٣٫٥",
    "１２３",
    "５０％",
    "35%",
    "35 %",
    "12.5%",
    "Ⅻ",
    "②",
    "¹²",
    "thirty-five",
    "one hundred and twelve",
    "vingt-et-un",
    "quatre-vingt-dix",
    "einundzwanzig",
    "dreißig",
    "veintiuno",
    "a million",
    "1st",
    "2nd",
    "3rd",
    "21st",
    "1990s",
    "'90s",
    "3 km",
    "5 miles",
    "100 °F",
    "37 °C",
    "6 ft",
    "5 kg",
    "10 lb",
    "$5",
    "€6,40",
    "¥100",
    "10:30",
    "7.30",
    "2023-04-25",
    "04/25/2023",
    "3.",
    "No. 5",
    "v1.2.3",
    "0x1F",
    "1/2",
    "3/4",
    "1:2",
    "+49",
    // Quotes, brackets, sentence punctuation.
    "\"",
    "'",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "「",
    "」",
    "『",
    "』",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "（",
    "）",
    "【",
    "】",
    "<",
    ">",
    "&",
    "&amp;",
    "<seg>",
    "]]>",
    "<!--",
    ".",
    "!",
    "?",
    "...",
    "…",
    "?!",
    "¿",
    "¡",
    "Mr.",
    "Dr.",
    "e.g.",
    "U.S.",
    "i.e.",
    "etc.",
    "No.",
    "St.",
    // Structure.
    "Ravi:",
    "Ilya:",
    "Q:",
    "- ",
    "* ",
    "• ",
    "1. ",
    "1) ",
    "# ",
    "## ",
    "---",
    "===",
    "> ",
    // Names and terms.
    "OpenAI",
    "OpenAI's",
    "GPT-3",
    "GPT-4o",
    "AlexNet",
    "DNNresearch",
    "KPIs",
    "ChatGPT",
    "Ilya Sutskever",
    "McDonald's",
    "AT&T",
    "iPhone",
    "x86-64",
    "C++",
    "C#",
    "Ω-3",
    // CSV and JSON syntax.
    ",",
    ",,",
    "\"\"",
    "\"a,b\"",
    "\\",
    "\\u2028",
    "\\ud800",
    "\\\"",
    "null",
    "true",
    "[]",
    "{}",
    ":",
    "=",
    "+",
    "-",
    "@",
    "=SUM(A1)",
];

/// Words to build sentences from when no seed is used.
const WORDS: &[&str] = &[
    "the",
    "we",
    "learn",
    "network",
    "neural",
    "model",
    "data",
    "Ilya",
    "said",
    "and",
    "in",
    "我们",
    "学习",
    "的",
    "了",
    "是",
    "模型",
    "数据",
    "他说",
    "Die",
    "Straße",
    "und",
    "le",
    "café",
    "и",
    "в",
    "году",
    "في",
    "الساعة",
    "est",
    "war",
    "ist",
];

/// A random text: seeds, fragments and words, mutated.
pub fn text(rng: &mut Rng, seeds: &Seeds, max_len: usize) -> String {
    let mut s = match rng.below(4) {
        0 => {
            let n = rng.skewed(60) + 1;
            fragments(rng, n)
        }
        1 => sentences(rng),
        _ => rng.pick(&seeds.text),
    };
    let rounds = rng.range(1, 8);
    for _ in 0..rounds {
        mutate(rng, &mut s, seeds);
    }
    truncate(&mut s, max_len);
    s
}

/// Text as bytes: now and then not UTF-8 at all, or with a NUL.
pub fn text_bytes(rng: &mut Rng, seeds: &Seeds, max_len: usize) -> Vec<u8> {
    let s = text(rng, seeds, max_len);
    let mut b = s.into_bytes();
    corrupt_bytes(rng, &mut b);
    b
}

fn fragments(rng: &mut Rng, n: usize) -> String {
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(rng.pick(FRAGMENTS));
        if rng.one_in(3) {
            s.push(' ');
        }
    }
    s
}

fn sentences(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..rng.range(1, 12) {
        for _ in 0..rng.range(0, 15) {
            if rng.one_in(5) {
                s.push_str(rng.pick(FRAGMENTS));
            } else {
                s.push_str(rng.pick(WORDS));
            }
            if rng.below(3) > 0 {
                s.push(' ');
            }
        }
        s.push_str(rng.pick(&[". ", "。", "? ", "! ", "\n", "\n\n", "", "！", "…", ".\" "]));
    }
    s
}

/// A character boundary of `s` at random.
fn boundary(rng: &mut Rng, s: &str) -> usize {
    if s.is_empty() {
        return 0;
    }
    let mut at = rng.below(s.len() + 1);
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A range of `s` between character boundaries, mostly short.
fn span(rng: &mut Rng, s: &str) -> (usize, usize) {
    let a = boundary(rng, s);
    let mut b = (a + rng.skewed(s.len().max(1))).min(s.len());
    while !s.is_char_boundary(b) {
        b -= 1;
    }
    (a, b)
}

/// The most a long-line mutation inserts: far longer than any line a target reads whole, far
/// shorter than memory.
const MAX_REPEATED_BYTES: usize = 1 << 20;

/// One mutation in place.
pub fn mutate(rng: &mut Rng, s: &mut String, seeds: &Seeds) {
    match rng.below(14) {
        0 | 1 => {
            let at = boundary(rng, s);
            s.insert_str(at, rng.pick(FRAGMENTS));
        }
        2 => {
            let (a, b) = span(rng, s);
            s.replace_range(a..b, "");
        }
        3 => {
            let (a, b) = span(rng, s);
            let piece = s[a..b].to_owned();
            s.insert_str(b, &piece);
        }
        4 => {
            let (a, b) = span(rng, s);
            let up = s[a..b].to_uppercase();
            s.replace_range(a..b, &up);
        }
        5 => {
            let (a, b) = span(rng, s);
            let low = s[a..b].to_lowercase();
            s.replace_range(a..b, &low);
        }
        6 => {
            let (a, b) = span(rng, s);
            s.replace_range(a..b, rng.pick(FRAGMENTS));
        }
        7 => {
            // A long line: a fragment or a piece of the text many times over.
            let at = boundary(rng, s);
            let unit = if rng.one_in(2) {
                rng.pick(FRAGMENTS).to_string()
            } else {
                let (a, b) = span(rng, s);
                s[a..b].to_owned()
            };
            let max = if rng.one_in(8) { 20_000 } else { 500 };
            // Capped in bytes: a long span repeated 20,000 times would ask for gigabytes
            // (18 GB once, which the campaign did not survive) before the input is truncated.
            let times = rng.skewed(max).min(MAX_REPEATED_BYTES / unit.len().max(1));
            s.insert_str(at, &unit.repeat(times));
        }
        8 => {
            // Splice in a piece of another seed.
            let other = rng.pick(&seeds.text);
            let (a, b) = span(rng, &other);
            let at = boundary(rng, s);
            s.insert_str(at, &other[a..b]);
        }
        9 => {
            // Line breaks of another kind everywhere.
            let to = rng.pick(&["\r", "\r\n", "\u{2028}", "\u{85}", "\n\n", " ", ""]);
            *s = s.replace('\n', to);
        }
        10 => {
            // Swap case character by character.
            *s = s
                .chars()
                .map(|c| {
                    if rng.one_in(3) {
                        c.to_uppercase().next().unwrap_or(c)
                    } else {
                        c
                    }
                })
                .collect();
        }
        11 => {
            // Punctuation or whitespace stripped or doubled.
            let drop = rng.one_in(2);
            *s = s
                .chars()
                .flat_map(|c| {
                    let punct = c.is_ascii_punctuation() || "。！？，；：“”「」".contains(c);
                    let n = if !punct || rng.below(4) > 0 {
                        1
                    } else if drop {
                        0
                    } else {
                        2
                    };
                    std::iter::repeat_n(c, n)
                })
                .collect();
        }
        12 => {
            let at = boundary(rng, s);
            s.insert(at, char::from_u32(rng.below(0x80) as u32).unwrap_or('?'));
        }
        _ => {
            let at = boundary(rng, s);
            let c = random_char(rng);
            s.insert(at, c);
        }
    }
}

fn random_char(rng: &mut Rng) -> char {
    let ranges: &[(u32, u32)] = &[
        (0x1, 0x7f),
        (0x80, 0x24f),
        (0x370, 0x52f),
        (0x600, 0x6ff),
        (0x2000, 0x206f),
        (0x3000, 0x30ff),
        (0x4e00, 0x9fff),
        (0xff00, 0xffff),
        (0x1f300, 0x1faff),
        (0x1, 0x10ffff),
    ];
    let (lo, hi) = rng.pick(ranges);
    char::from_u32(lo + rng.below((hi - lo + 1) as usize) as u32).unwrap_or('\u{fffd}')
}

/// Byte-level damage, rarely: invalid UTF-8, a NUL, a cut in the middle of a character.
pub fn corrupt_bytes(rng: &mut Rng, b: &mut Vec<u8>) {
    if !rng.one_in(12) {
        return;
    }
    match rng.below(4) {
        0 if !b.is_empty() => {
            let at = rng.below(b.len());
            b[at] ^= 1 << rng.below(8);
        }
        1 => {
            let at = rng.below(b.len() + 1);
            b.insert(at, rng.pick(&[0u8, 0x80, 0xc0, 0xed, 0xf5, 0xff]));
        }
        2 if !b.is_empty() => {
            let at = rng.below(b.len());
            b.truncate(at);
        }
        _ => b.push(0xe4),
    }
}

pub fn truncate(s: &mut String, max_len: usize) {
    if s.len() > max_len {
        let mut at = max_len;
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        s.truncate(at);
    }
}

/// Several of `items` joined.
fn some_of(rng: &mut Rng, items: &[&str], n: usize, sep: &str) -> String {
    (0..n)
        .map(|_| rng.pick(items))
        .collect::<Vec<_>>()
        .join(sep)
}

/// An input for the pair targets: a header line `SRC_LANG TGT_LANG SPLIT`, the source text, NUL,
/// the target text, and optionally NUL and a glossary.
pub fn pair(rng: &mut Rng, seeds: &Seeds, max_len: usize) -> Vec<u8> {
    let langs = [
        "zh", "en", "de", "fr", "ru", "ja", "ar", "es", "ko", "is", "auto", "xx",
    ];
    let src_lang = if rng.one_in(2) {
        "zh"
    } else {
        rng.pick(&langs)
    };
    let tgt_lang = if rng.one_in(2) {
        "en"
    } else {
        rng.pick(&langs)
    };
    let split = if rng.one_in(4) { "lines" } else { "auto" };
    let mut out = format!("{src_lang} {tgt_lang} {split}\n");
    let (src, tgt) = if rng.one_in(3) {
        // The bundled pair's samples, each mutated a little: near-translations.
        let mut src = seeds
            .text
            .iter()
            .find(|t| t.contains("GPT之父"))
            .cloned()
            .unwrap_or_default();
        let mut tgt = seeds
            .text
            .iter()
            .find(|t| t.contains("Father of GPT"))
            .cloned()
            .unwrap_or_default();
        for _ in 0..rng.range(0, 4) {
            mutate(rng, &mut src, seeds);
            mutate(rng, &mut tgt, seeds);
        }
        (src, tgt)
    } else {
        (text(rng, seeds, max_len / 2), text(rng, seeds, max_len / 2))
    };
    out.push_str(&src);
    out.push('\0');
    out.push_str(&tgt);
    truncate(&mut out, max_len);
    if rng.one_in(3) {
        out.push('\0');
        out.push_str(&glossary_text(rng, seeds));
    }
    out.into_bytes()
}

fn glossary_text(rng: &mut Rng, seeds: &Seeds) -> String {
    let mut g = rng.pick(&seeds.glossary);
    for _ in 0..rng.range(0, 6) {
        match rng.below(3) {
            0 => mutate(rng, &mut g, seeds),
            1 => {
                let n = rng.range(1, 3);
                let a = some_of(rng, FRAGMENTS, n, "");
                let b = some_of(rng, FRAGMENTS, n, "");
                g.push_str(&format!("{a},{b}\n"));
            }
            _ => {
                let at = boundary(rng, &g);
                let syntax = rng.pick(&[
                    "\"", ",", "\n", "\r\n", "\r", "#", "\"\"", "\u{feff}", ",,,", " \" ",
                ]);
                g.insert_str(at, syntax);
            }
        }
    }
    g
}

/// A glossary file's bytes.
pub fn glossary(rng: &mut Rng, seeds: &Seeds) -> Vec<u8> {
    let mut b = glossary_text(rng, seeds).into_bytes();
    corrupt_bytes(rng, &mut b);
    b
}

/// A bead file's bytes: seeds mutated, or lines made of hostile tokens.
pub fn gold(rng: &mut Rng, seeds: &Seeds) -> Vec<u8> {
    let tokens = [
        "[",
        "]",
        ":",
        ",",
        " ",
        "0",
        "1",
        "2",
        "17",
        "-1",
        "+3",
        "99999999999999999999999",
        "18446744073709551615",
        "18446744073709551616",
        "0.5",
        "NaN",
        "inf",
        "-inf",
        "1e999",
        "\n",
        "\r\n",
        "\r",
        "\t",
        "\u{feff}",
        "[]",
        "[0]",
        "[0,1]",
        "[1,2,3]",
        "：",
        "［",
        "１",
        "\u{a0}",
        "\u{2028}",
        "#",
        "x",
    ];
    let mut s = if rng.one_in(2) {
        rng.pick(&seeds.gold)
    } else {
        String::new()
    };
    for _ in 0..rng.range(0, 10) {
        match rng.below(4) {
            0 => {
                let ids = ["0", "1", "2", "3", " 4", "5 ", "10"];
                let (m, n) = (rng.below(4), rng.below(4));
                let src = some_of(rng, &ids, m, ",");
                let tgt = some_of(rng, &ids, n, ",");
                let score = if rng.one_in(2) { ":0.9" } else { "" };
                let line = format!("[{src}]:[{tgt}]{score}\n");
                s.push_str(&line);
            }
            1 => {
                let at = boundary(rng, &s);
                s.insert_str(at, rng.pick(&tokens));
            }
            2 => {
                let n = rng.range(1, 12);
                s.push_str(&some_of(rng, &tokens, n, ""));
            }
            _ => mutate(rng, &mut s, seeds),
        }
    }
    let mut b = s.into_bytes();
    corrupt_bytes(rng, &mut b);
    b
}

/// A baseline (check JSON) file's bytes: the seed with values swapped for hostile ones.
pub fn baseline(rng: &mut Rng, seeds: &Seeds) -> Vec<u8> {
    let values = [
        "null",
        "true",
        "0",
        "-1",
        "1e999",
        "18446744073709551616",
        "4294967296",
        "1.5",
        "\"\"",
        "\"omission\"",
        "\"addition\"",
        "\"number-mismatch\"",
        "\"glossary\"",
        "\"bogus\"",
        "\"source\"",
        "\"target\"",
        "\"\\ud800\"",
        "\"\\udc00\\ud800\"",
        "\"\\u0000\"",
        "\"İ\u{212a}ς\"",
        "[]",
        "{}",
        "[[[[[[[[]]]]]]]]",
        "{\"text\":\"x\"}",
        "{\"text\":\"\\n\\r\\u2028\"}",
        "[{\"side\":\"source\",\"text\":\"2015\"}]",
    ];
    let mut s = rng.pick(&seeds.baseline);
    for _ in 0..rng.range(0, 6) {
        match rng.below(6) {
            0 => {
                // Replace a value after a key.
                let keys: Vec<usize> = s.match_indices("\": ").map(|(i, _)| i + 3).collect();
                if let Some(&at) = keys.get(rng.below(keys.len().max(1))) {
                    let end = s[at..].find([',', '\n', '}']).map_or(s.len(), |e| at + e);
                    s.replace_range(at..end, rng.pick(&values));
                }
            }
            1 => {
                let deep = rng.skewed(300);
                let at = boundary(rng, &s);
                s.insert_str(at, &format!("{}{}", "[".repeat(deep), "]".repeat(deep)));
            }
            2 => {
                let at = boundary(rng, &s);
                s.insert_str(at, rng.pick(&values));
            }
            3 => {
                let at = boundary(rng, &s);
                s.insert_str(at, rng.pick(&["\"", "{", "}", "[", "]", ",", ":", "\\"]));
            }
            _ => mutate(rng, &mut s, seeds),
        }
    }
    let mut b = s.into_bytes();
    corrupt_bytes(rng, &mut b);
    b
}

/// An input for the case-insensitive term search: a line of `|`-separated terms (pieces of the
/// text with their case changed, or fragments), then the text.
pub fn terms_and_text(rng: &mut Rng, seeds: &Seeds, max_len: usize) -> Vec<u8> {
    let text = text(rng, seeds, max_len);
    let mut terms = Vec::new();
    for _ in 0..rng.range(0, 12) {
        let term = if rng.one_in(3) || text.is_empty() {
            rng.pick(FRAGMENTS).to_string()
        } else {
            let a = boundary(rng, &text);
            let mut b = (a + rng.range(1, 24)).min(text.len());
            while !text.is_char_boundary(b) {
                b -= 1;
            }
            let t = &text[a..b];
            match rng.below(3) {
                0 => t.to_uppercase(),
                1 => t.to_lowercase(),
                _ => t.to_owned(),
            }
        };
        terms.push(term.replace(['|', '\n'], " "));
    }
    format!("{}\n{text}", terms.join("|")).into_bytes()
}

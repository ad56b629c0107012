//! Languages: the ISO 639-1 code a document is in, what its script implies for segmentation and
//! counting, and detection with lingua (restricted to the languages compiled in) backed by a
//! script-based guess for short or mixed text.

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};

use crate::error::Error;

/// A language, by its two-letter ISO 639-1 code. Every ISO 639-1 language is accepted so that any
/// language pair can be aligned; the ones below get language-specific rules, the rest the generic
/// ones (the README lists which).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang([u8; 2]);

impl Lang {
    pub const ZH: Lang = Lang(*b"zh");
    pub const JA: Lang = Lang(*b"ja");
    pub const KO: Lang = Lang(*b"ko");
    pub const EN: Lang = Lang(*b"en");
    pub const DE: Lang = Lang(*b"de");
    pub const FR: Lang = Lang(*b"fr");
    pub const ES: Lang = Lang(*b"es");
    pub const RU: Lang = Lang(*b"ru");
    pub const IS: Lang = Lang(*b"is");

    pub fn code(&self) -> &str {
        // Construction guarantees two ASCII lowercase letters.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// Written without spaces between words, sentences ended by full-width punctuation.
    pub fn is_cjk_sentence_style(&self) -> bool {
        matches!(*self, Lang::ZH | Lang::JA)
    }

    /// Sentence text is joined with nothing (not a space) when beads merge sentences.
    pub fn joins_without_space(&self) -> bool {
        self.is_cjk_sentence_style()
    }

    /// BCP 47 tag for `lang` attributes and TMX: Chinese is written in simplified script here.
    pub fn bcp47(&self) -> &str {
        match *self {
            Lang::ZH => "zh-Hans",
            _ => self.code(),
        }
    }

    /// The language's English name (ISO 639).
    pub fn name(&self) -> &'static str {
        iso_639_1()
            .iter()
            .find(|(code, _)| code.as_bytes() == self.0)
            .map_or("unknown", |(_, name)| name)
    }
}

/// Every ISO 639-1 code with its English name, from data/iso639-1.tsv.
fn iso_639_1() -> &'static [(&'static str, &'static str)] {
    static CODES: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    CODES.get_or_init(|| {
        include_str!("../data/iso639-1.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .collect()
    })
}

impl FromStr for Lang {
    type Err = Error;

    fn from_str(s: &str) -> Result<Lang, Error> {
        let lower = s.trim().to_ascii_lowercase();
        // A BCP 47 tag names its language first (zh-Hans, pt-BR, en_US); a name is accepted too.
        let primary = lower.split(['-', '_']).next().unwrap_or("");
        iso_639_1()
            .iter()
            .find(|(code, name)| *code == primary || name.eq_ignore_ascii_case(&lower))
            .map(|(code, _)| Lang([code.as_bytes()[0], code.as_bytes()[1]]))
            .ok_or_else(|| {
                Error::Usage(format!(
                    "unknown language '{}': expected an ISO 639-1 code such as zh, en, de",
                    crate::text::visible(s)
                ))
            })
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lang({})", self.code())
    }
}

impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// What `--lang auto` decided and how sure it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
    pub lang: Lang,
    /// lingua's confidence in 0..1 for the language chosen (0 when the script guess was used).
    pub confidence: f64,
    /// Why lingua's answer was not used, when the script guess decided instead.
    pub fallback_reason: Option<String>,
}

/// The languages lingua is built with (see Cargo.toml: one feature each).
const COMPILED: [(Language, Lang); 9] = [
    (Language::Chinese, Lang::ZH),
    (Language::Japanese, Lang::JA),
    (Language::Korean, Lang::KO),
    (Language::English, Lang::EN),
    (Language::German, Lang::DE),
    (Language::French, Lang::FR),
    (Language::Spanish, Lang::ES),
    (Language::Russian, Lang::RU),
    (Language::Icelandic, Lang::IS),
];

fn detector() -> &'static LanguageDetector {
    static DETECTOR: OnceLock<LanguageDetector> = OnceLock::new();
    DETECTOR.get_or_init(|| {
        let languages: Vec<Language> = COMPILED.iter().map(|(l, _)| *l).collect();
        LanguageDetectorBuilder::from_languages(&languages).build()
    })
}

/// Detection reads at most this much text: enough for a sure answer, and it keeps detection of a
/// large file as cheap as that of a small one.
const SAMPLE_BYTES: usize = 16 * 1024;
/// Below this many letters lingua's answer is a guess; the script decides instead.
const MIN_LETTERS: usize = 12;
const MIN_CONFIDENCE: f64 = 0.5;

/// Detect the language of a whole document.
pub fn detect(text: &str) -> Detection {
    let sample = sample(text);
    let scripts = ScriptCounts::of(sample);
    let guess = scripts.guess();
    if scripts.letters() < MIN_LETTERS {
        return Detection {
            lang: guess,
            confidence: 0.0,
            fallback_reason: Some(format!(
                "too little text to detect ({} letters)",
                scripts.letters()
            )),
        };
    }
    // Han-script text quoting many Latin names (OpenAI, GPT-3) is still Chinese: lingua weighs
    // every word alike, so strip Latin runs when the Han script dominates what remains.
    let for_lingua: String;
    let input = if scripts.han + scripts.kana + scripts.hangul > scripts.letters() / 5 {
        for_lingua = sample
            .chars()
            .filter(|c| !c.is_ascii_alphabetic())
            .collect();
        for_lingua.as_str()
    } else {
        sample
    };
    let values = detector().compute_language_confidence_values(input);
    let Some(&(language, confidence)) = values.first() else {
        return Detection {
            lang: guess,
            confidence: 0.0,
            fallback_reason: Some("lingua gave no answer".into()),
        };
    };
    let lang = COMPILED
        .iter()
        .find(|(l, _)| *l == language)
        .map(|(_, c)| *c)
        .unwrap_or(guess);
    if confidence < MIN_CONFIDENCE {
        return Detection {
            lang: guess,
            confidence,
            fallback_reason: Some(format!(
                "lingua unsure ({} at {:.2})",
                lang.name(),
                confidence
            )),
        };
    }
    Detection {
        lang,
        confidence,
        fallback_reason: None,
    }
}

/// Is one sentence in `lang`? Used by checks for untranslated text; `None` when too short to say.
pub fn sentence_language(text: &str) -> Option<Lang> {
    let scripts = ScriptCounts::of(text);
    if scripts.letters() < MIN_LETTERS {
        return None;
    }
    let language = detector().detect_language_of(text)?;
    COMPILED
        .iter()
        .find(|(l, _)| *l == language)
        .map(|(_, c)| *c)
}

fn sample(text: &str) -> &str {
    if text.len() <= SAMPLE_BYTES {
        return text;
    }
    let mut end = SAMPLE_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[derive(Debug, Default)]
struct ScriptCounts {
    han: usize,
    kana: usize,
    hangul: usize,
    cyrillic: usize,
    latin: usize,
    other: usize,
}

impl ScriptCounts {
    fn of(text: &str) -> ScriptCounts {
        let mut counts = ScriptCounts::default();
        for c in text.chars().filter(|c| c.is_alphabetic()) {
            match c {
                _ if is_han(c) => counts.han += 1,
                '\u{3040}'..='\u{30ff}' | '\u{31f0}'..='\u{31ff}' => counts.kana += 1,
                '\u{ac00}'..='\u{d7af}' | '\u{1100}'..='\u{11ff}' | '\u{3130}'..='\u{318f}' => {
                    counts.hangul += 1
                }
                '\u{0400}'..='\u{04ff}' => counts.cyrillic += 1,
                _ if c.is_ascii_alphabetic() || ('\u{00c0}'..='\u{024f}').contains(&c) => {
                    counts.latin += 1
                }
                _ => counts.other += 1,
            }
        }
        counts
    }

    fn letters(&self) -> usize {
        self.han + self.kana + self.hangul + self.cyrillic + self.latin + self.other
    }

    /// The language a script most likely means: Han → zh, kana → ja, Hangul → ko, Cyrillic → ru,
    /// otherwise English.
    fn guess(&self) -> Lang {
        let cjk = self.han + self.kana;
        if self.hangul > 0 && self.hangul >= cjk {
            Lang::KO
        } else if self.kana > 0 && self.kana * 10 >= cjk {
            Lang::JA
        } else if self.han > 0 && self.han * 4 >= self.latin {
            Lang::ZH
        } else if self.cyrillic > self.latin {
            Lang::RU
        } else {
            Lang::EN
        }
    }
}

/// CJK unified ideographs (and extensions, compatibility ideographs, 〇).
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4e00}'..='\u{9fff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{20000}'..='\u{2ebef}'
        | '\u{f900}'..='\u{faff}'
        | '\u{3007}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_and_print() {
        assert_eq!("ZH".parse::<Lang>().unwrap(), Lang::ZH);
        assert_eq!("zh-Hans".parse::<Lang>().unwrap(), Lang::ZH);
        assert_eq!("it".parse::<Lang>().unwrap().code(), "it");
        assert!("english!".parse::<Lang>().is_err());
        assert!("".parse::<Lang>().is_err());
        assert_eq!("English".parse::<Lang>().unwrap(), Lang::EN);
        assert_eq!("pt-BR".parse::<Lang>().unwrap().name(), "Portuguese");
        let e = "xx".parse::<Lang>().unwrap_err().to_string();
        assert!(e.contains("unknown language 'xx'"), "{e}");
        assert!("qq".parse::<Lang>().is_err(), "not an ISO 639-1 code");
        assert_eq!(Lang::ZH.bcp47(), "zh-Hans");
    }

    #[test]
    fn chinese_full_of_latin_names_is_chinese() {
        let text =
            "OpenAI的ChatGPT和GPT-3、GPT-4以及AlexNet都来自Ilya Sutskever和Geoffrey Hinton的研究。";
        let d = detect(text);
        assert_eq!(d.lang, Lang::ZH, "{d:?}");
    }

    #[test]
    fn detects_european_languages() {
        let de = "Die Besteigung des Gipfels dauerte drei Tage, weil das Wetter sehr schlecht war.";
        let fr = "L'ascension du sommet a duré trois jours, parce que le temps était très mauvais.";
        let en = "The ascent of the summit took three days because the weather was very bad.";
        assert_eq!(detect(de).lang, Lang::DE);
        assert_eq!(detect(fr).lang, Lang::FR);
        assert_eq!(detect(en).lang, Lang::EN);
    }

    #[test]
    fn short_text_falls_back_to_script() {
        let d = detect("你好");
        assert_eq!(d.lang, Lang::ZH);
        assert!(d.fallback_reason.is_some());
        let d = detect("OK");
        assert_eq!(d.lang, Lang::EN);
        assert!(d.fallback_reason.is_some());
    }

    #[test]
    fn japanese_and_korean_by_script() {
        assert_eq!(ScriptCounts::of("これは日本語の文章です").guess(), Lang::JA);
        assert_eq!(
            ScriptCounts::of("이것은 한국어 문장입니다").guess(),
            Lang::KO
        );
    }
}

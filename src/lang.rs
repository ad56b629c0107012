//! Languages: the ISO 639-1 code a document is in, what its script implies for segmentation and
//! counting, and detection: whatlang's trigrams for about 70 languages, lingua (restricted to the
//! nine languages compiled in) for Japanese, Korean, Icelandic and among English, German, French
//! and Spanish on short text, distinctive letters and words for Maltese and Irish, and the script
//! for Chinese (Han without kana or Hangul) and as a guess for short text.

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
    /// Chinese (`zh`).
    pub const ZH: Lang = Lang(*b"zh");
    /// Japanese (`ja`).
    pub const JA: Lang = Lang(*b"ja");
    /// Korean (`ko`).
    pub const KO: Lang = Lang(*b"ko");
    /// English (`en`).
    pub const EN: Lang = Lang(*b"en");
    /// German (`de`).
    pub const DE: Lang = Lang(*b"de");
    /// French (`fr`).
    pub const FR: Lang = Lang(*b"fr");
    /// Spanish (`es`).
    pub const ES: Lang = Lang(*b"es");
    /// Russian (`ru`).
    pub const RU: Lang = Lang(*b"ru");
    /// Icelandic (`is`).
    pub const IS: Lang = Lang(*b"is");

    /// The two-letter lowercase code, such as `zh`.
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
    /// The language decided.
    pub lang: Lang,
    /// The deciding detector's confidence in 0..1 for the language chosen (0 when the script
    /// guess was used). When whatlang picked the family and lingua the language, the lower of
    /// the two: lingua's confidence among its nine languages says nothing about the others.
    pub confidence: f64,
    /// Which detector decided.
    pub method: Method,
    /// Why no detector's answer was used, when the script guess decided instead.
    pub fallback_reason: Option<String>,
}

impl Detection {
    /// Below this confidence a detection is reported as unsure (whatlang's own threshold for a
    /// reliable answer is 0.9; on documents a right answer is 1.00 almost always).
    pub const UNSURE_BELOW: f64 = 0.8;

    /// The answer is a guess: the script decided, or the detector's confidence is low.
    pub fn is_unsure(&self) -> bool {
        self.fallback_reason.is_some() || self.confidence < Detection::UNSURE_BELOW
    }
}

/// How a language was detected (the README lists which languages each one covers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// lingua, restricted to the nine languages compiled in: Chinese, Japanese and Korean text,
    /// Icelandic, and choosing among English, German, French and Spanish.
    Lingua,
    /// whatlang's trigram models (about 70 languages, a few hundred kB).
    Whatlang,
    /// Letters or words no other language uses: Maltese and Irish, which neither detector knows.
    Letters,
    /// The script alone: Han text without kana or Hangul is Chinese; and the guess for text
    /// too short or too mixed to detect.
    Script,
}

impl Method {
    /// The detector's name as messages show it, such as `lingua`.
    pub fn name(self) -> &'static str {
        match self {
            Method::Lingua => "lingua",
            Method::Whatlang => "whatlang",
            Method::Letters => "distinctive letters",
            Method::Script => "script",
        }
    }
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

/// whatlang's languages (ISO 639-3) under their ISO 639-1 codes. Mandarin is Chinese; Persian
/// (pes) is fa, Norwegian Bokmål nb.
#[rustfmt::skip]
const WHATLANG_CODES: [(&str, &str); 69] = [
    ("afr", "af"), ("aka", "ak"), ("amh", "am"), ("ara", "ar"), ("aze", "az"), ("bel", "be"),
    ("ben", "bn"), ("bul", "bg"), ("cat", "ca"), ("ces", "cs"), ("cmn", "zh"), ("dan", "da"),
    ("deu", "de"), ("ell", "el"), ("eng", "en"), ("epo", "eo"), ("est", "et"), ("fin", "fi"),
    ("fra", "fr"), ("guj", "gu"), ("heb", "he"), ("hin", "hi"), ("hrv", "hr"), ("hun", "hu"),
    ("hye", "hy"), ("ind", "id"), ("ita", "it"), ("jav", "jv"), ("jpn", "ja"), ("kan", "kn"),
    ("kat", "ka"), ("khm", "km"), ("kor", "ko"), ("lat", "la"), ("lav", "lv"), ("lit", "lt"),
    ("mal", "ml"), ("mar", "mr"), ("mkd", "mk"), ("mya", "my"), ("nep", "ne"), ("nld", "nl"),
    ("nob", "nb"), ("ori", "or"), ("pan", "pa"), ("pes", "fa"), ("pol", "pl"), ("por", "pt"),
    ("ron", "ro"), ("rus", "ru"), ("sin", "si"), ("slk", "sk"), ("slv", "sl"), ("sna", "sn"),
    ("spa", "es"), ("srp", "sr"), ("swe", "sv"), ("tam", "ta"), ("tel", "te"), ("tgl", "tl"),
    ("tha", "th"), ("tuk", "tk"), ("tur", "tr"), ("ukr", "uk"), ("urd", "ur"), ("uzb", "uz"),
    ("vie", "vi"), ("yid", "yi"), ("zul", "zu"),
];

fn from_whatlang(lang: whatlang::Lang) -> Option<Lang> {
    let code = lang.code();
    WHATLANG_CODES
        .iter()
        .find(|(three, _)| *three == code)
        .and_then(|(_, two)| two.parse().ok())
}

fn from_lingua(language: Language) -> Option<Lang> {
    COMPILED
        .iter()
        .find(|(l, _)| *l == language)
        .map(|(_, c)| *c)
}

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
/// Below this many letters a detector's answer is a guess; the script decides instead.
const MIN_LETTERS: usize = 12;
/// Below this lingua confidence the script decides (lingua's confidence is relative to its nine
/// languages, so a low one means none of them fits).
const MIN_CONFIDENCE: f64 = 0.5;

/// Detect the language of a whole document.
pub fn detect(text: &str) -> Detection {
    let sample = sample(text);
    let scripts = ScriptCounts::of(sample);
    let guess = scripts.guess(sample);
    let script_guess = |why: String, confidence: f64| Detection {
        lang: guess,
        confidence,
        method: Method::Script,
        fallback_reason: Some(why),
    };
    if scripts.letters() < MIN_LETTERS {
        return script_guess(
            format!("too little text to detect ({} letters)", scripts.letters()),
            0.0,
        );
    }
    match identify(sample, &scripts) {
        None => script_guess("no detector gave an answer".into(), 0.0),
        Some(found) if found.lingua_confidence < MIN_CONFIDENCE => script_guess(
            format!(
                "lingua unsure ({} at {:.2})",
                found.lang.name(),
                found.lingua_confidence
            ),
            found.confidence,
        ),
        Some(found) => Detection {
            lang: found.lang,
            confidence: found.confidence,
            method: found.method,
            fallback_reason: None,
        },
    }
}

/// A detector's answer.
struct Identified {
    lang: Lang,
    /// How sure of the language (see [`Detection::confidence`]).
    confidence: f64,
    method: Method,
    /// lingua's own confidence among its languages (1 when lingua was not asked).
    lingua_confidence: f64,
}

/// The language of `text` by the detector that serves it best, with its confidence:
/// - Han text without kana or Hangul: Chinese, by the script;
/// - other Han, kana or Hangul text: lingua (on the text without its Latin words);
/// - Maltese and Irish, which neither detector knows: their own letters and words;
/// - otherwise whatlang, and lingua to choose when whatlang's answer is one of lingua's Latin
///   languages (English, German, French, Spanish: lingua tells them apart better on short text)
///   on text shorter than a few sentences or that whatlang is not sure of, when whatlang is
///   unsure of Latin-script text, or when the text has the Icelandic letter þ (whatlang has no
///   Icelandic).
fn identify(text: &str, scripts: &ScriptCounts) -> Option<Identified> {
    // Han-script text quoting many Latin names (OpenAI, GPT-3) is still Chinese: lingua weighs
    // every word alike, so strip Latin runs when the Han script dominates what remains.
    if scripts.han + scripts.kana + scripts.hangul > scripts.letters() / 5 {
        if scripts.kana == 0 && scripts.hangul == 0 {
            // Han without kana or Hangul is Chinese (Japanese prose always has kana): lingua
            // would weigh Chinese against Japanese n-grams to say so, at most of the cost of
            // aligning a short document.
            return Some(Identified {
                lang: Lang::ZH,
                confidence: 1.0,
                method: Method::Script,
                lingua_confidence: 1.0,
            });
        }
        let without_latin: String = text.chars().filter(|c| !c.is_ascii_alphabetic()).collect();
        return lingua_top(&without_latin).map(|(lang, confidence)| Identified {
            lang,
            confidence,
            method: Method::Lingua,
            lingua_confidence: confidence,
        });
    }
    if let Some(lang) = by_distinctive_letters(text, scripts) {
        return Some(Identified {
            lang,
            confidence: 1.0,
            method: Method::Letters,
            lingua_confidence: 1.0,
        });
    }
    let icelandic_letters = text.chars().any(|c| matches!(c, 'þ' | 'Þ'));
    let info = whatlang::detect(text);
    let family = info.as_ref().and_then(|i| from_whatlang(i.lang()));
    // whatlang on a few words of Latin script is a guess among seventy languages ("About Ilya
    // Ravi:" came out Croatian): there lingua's choice among the common ones is the better bet,
    // and the low confidence carried over marks it unsure. From a sentence on, whatlang's
    // answer stands (a Dutch sentence it is unsure of is still not German).
    let whatlang_guesses = info.as_ref().is_none_or(|i| !i.is_reliable())
        && scripts.latin * 2 >= scripts.letters()
        && scripts.letters() < FEW_WORDS_LETTERS;
    // On a sentence or more whatlang tells English, German, French and Spanish apart as well as
    // lingua, at a fraction of the cost; lingua chooses on shorter text and when whatlang doubts.
    let whatlang_sure = info
        .as_ref()
        .is_some_and(|i| i.is_reliable() && i.confidence() >= WHATLANG_SURE)
        && scripts.letters() >= WHATLANG_SURE_LETTERS;
    let lingua_decides = icelandic_letters
        || whatlang_guesses
        || (!whatlang_sure && matches!(family, Some(Lang::EN | Lang::DE | Lang::FR | Lang::ES)));
    if lingua_decides {
        if let Some((lang, confidence)) = lingua_top(text) {
            // Icelandic is lingua's alone; otherwise whatlang's doubt about the family stays.
            let family_confidence = match &info {
                Some(i) if lang != Lang::IS => i.confidence(),
                _ => 1.0,
            };
            return Some(Identified {
                lang,
                confidence: confidence.min(family_confidence),
                method: Method::Lingua,
                lingua_confidence: confidence,
            });
        }
    }
    Some(Identified {
        lang: family?,
        confidence: info?.confidence(),
        method: Method::Whatlang,
        lingua_confidence: 1.0,
    })
}

/// Fewer letters than this are a few words, not a sentence.
const FEW_WORDS_LETTERS: usize = 40;
/// From this many letters on, and at least [`WHATLANG_SURE`] confidence, whatlang's choice
/// among English, German, French and Spanish stands without lingua.
const WHATLANG_SURE_LETTERS: usize = 120;
const WHATLANG_SURE: f64 = 0.95;

fn lingua_top(text: &str) -> Option<(Lang, f64)> {
    let values = detector().compute_language_confidence_values(text);
    let &(language, confidence) = values.first()?;
    Some((from_lingua(language)?, confidence))
}

/// Maltese and Irish by what no other language writes, as neither detector knows them:
/// Maltese by ħ, ġ and ċ (ż alone is also Polish); Irish by its function words (agus "and",
/// tá/bhí "is/was", níl, bhfuil, raibh, …), which no other language uses this often.
fn by_distinctive_letters(text: &str, scripts: &ScriptCounts) -> Option<Lang> {
    if scripts.latin * 2 < scripts.letters() {
        return None;
    }
    let maltese = text
        .chars()
        .filter(|c| matches!(c, 'ħ' | 'Ħ' | 'ġ' | 'Ġ' | 'ċ' | 'Ċ'))
        .count();
    if maltese >= 2 && maltese * 100 >= scripts.latin {
        return Some("mt".parse().expect("an ISO 639-1 code"));
    }
    const IRISH: [&str; 17] = [
        "agus", "tá", "atá", "bhí", "níl", "bhfuil", "raibh", "freisin", "chomh", "leis", "sé",
        "sí", "siad", "ní", "nach", "mar", "seo",
    ];
    let mut words = 0;
    let mut irish = 0;
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        let lower = word.to_lowercase();
        irish += usize::from(IRISH.contains(&lower.as_str()));
    }
    (irish >= 2 && irish * 8 >= words).then(|| "ga".parse().expect("an ISO 639-1 code"))
}

/// The language of one sentence, by the same detectors as [`detect`]. Used by checks for
/// untranslated text; `None` when too short to say.
pub fn sentence_language(text: &str) -> Option<Lang> {
    let scripts = ScriptCounts::of(text);
    if scripts.letters() < MIN_LETTERS {
        return None;
    }
    identify(text, &scripts).map(|found| found.lang)
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
    /// Greek → el, Arabic → ar, Hebrew → he, Devanagari → hi, Thai → th, otherwise English.
    fn guess(&self, text: &str) -> Lang {
        if self.other > self.latin + self.cyrillic + self.han + self.kana + self.hangul {
            use whatlang::Script;
            let code = match whatlang::detect_script(text) {
                Some(Script::Greek) => "el",
                Some(Script::Arabic) => "ar",
                Some(Script::Hebrew) => "he",
                Some(Script::Devanagari) => "hi",
                Some(Script::Thai) => "th",
                _ => "en",
            };
            return code.parse().expect("an ISO 639-1 code");
        }
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

    /// A heading of a few words is no sentence: whatlang's guess among seventy languages
    /// (Croatian) gives way to lingua's among the common ones, and it is marked unsure.
    #[test]
    fn a_few_english_words_stay_english_and_unsure() {
        let d = detect("About Ilya\nRavi:");
        assert_eq!(d.lang, Lang::EN, "{d:?}");
        assert!(d.is_unsure(), "{d:?}");
    }

    /// One sentence a language the nine lingua languages do not include (each was taken for one of
    /// them before whatlang: Italian for English, Portuguese for Spanish, Ukrainian for Russian),
    /// from each family, script and detection method.
    #[test]
    fn detects_languages_outside_linguas_nine() {
        let sentences = [
            ("it", "Il treno per Firenze è partito con un'ora di ritardo perché la neve aveva bloccato i binari durante la notte."),
            ("pt", "O trem para São Paulo saiu com uma hora de atraso porque a chuva tinha alagado os trilhos durante a noite."),
            ("ro", "Trenul spre Brașov a plecat cu o oră întârziere pentru că zăpada blocase șinele în timpul nopții."),
            ("nl", "De trein naar Utrecht vertrok een uur te laat omdat de sneeuw 's nachts de sporen had geblokkeerd."),
            ("sv", "Tåget till Göteborg avgick en timme för sent eftersom snön hade blockerat spåren under natten."),
            ("pl", "Pociąg do Krakowa odjechał z godzinnym opóźnieniem, ponieważ w nocy śnieg zasypał tory."),
            ("cs", "Vlak do Brna odjel s hodinovým zpožděním, protože sníh v noci zavál koleje."),
            ("lt", "Traukinys į Vilnių išvyko valanda vėliau, nes naktį sniegas užpustė bėgius."),
            ("sk", "Vlak do Košíc odišiel s hodinovým meškaním, pretože sneh v noci zasypal koľajnice."),
            ("sl", "Vlak za Maribor je odpeljal z enourno zamudo, ker je sneg ponoči zasul tire."),
            ("hr", "Vlak za Split krenuo je s jednim satom zakašnjenja jer je snijeg tijekom noći zatrpao pruge."),
            ("lv", "Vilciens uz Daugavpili atiet ar stundas nokavēšanos, jo naktī sniegs bija aizputinājis sliedes."),
            ("et", "Rong Tartusse väljus tunnise hilinemisega, sest lumi oli öösel rööpad kinni katnud."),
            ("fi", "Juna Tampereelle lähti tunnin myöhässä, koska lumi oli tukkinut raiteet yöllä."),
            ("hu", "A debreceni vonat egy órás késéssel indult, mert a hó éjszaka betemette a síneket."),
            ("el", "Το τρένο για τη Θεσσαλονίκη έφυγε με μία ώρα καθυστέρηση επειδή το χιόνι είχε κλείσει τις γραμμές τη νύχτα."),
            ("uk", "Потяг до Львова вирушив із годинним запізненням, бо вночі сніг замів колії, і ніхто не знав, що робити."),
            ("bg", "Влакът за Пловдив тръгна с един час закъснение, защото през нощта снегът беше затрупал релсите."),
            ("tr", "İstanbul treni bir saat gecikmeyle kalktı çünkü gece boyunca kar rayları kapatmıştı."),
            ("vi", "Chuyến tàu đi Hà Nội khởi hành trễ một tiếng vì tuyết đã phủ kín đường ray suốt đêm."),
            ("id", "Kereta api ke Surabaya berangkat terlambat satu jam karena hujan deras membanjiri rel sepanjang malam."),
            ("ar", "غادر القطار إلى القاهرة متأخرا ساعة كاملة لأن المطر الغزير أغلق السكة طوال الليل."),
            ("hi", "दिल्ली जाने वाली रेलगाड़ी एक घंटे की देरी से रवाना हुई क्योंकि रात भर भारी बारिश होती रही।"),
            ("th", "รถไฟไปเชียงใหม่ออกช้าไปหนึ่งชั่วโมงเพราะฝนตกหนักตลอดทั้งคืน"),
            ("mt", "Ix-xarabank għall-Imdina telaq b'siegħa dewmien għax ix-xita qawwija ħassret it-triq matul il-lejl."),
            ("ga", "Bhí an traein go Gaillimh uair an chloig déanach mar bhí an sneachta trom agus níl aon duine sásta leis."),
            ("ko", "서울로 가는 기차는 밤새 내린 눈 때문에 한 시간 늦게 출발했습니다."),
            ("is", "Flugvélin til Akureyrar fór klukkutíma of seint því að snjórinn hafði lokað flugbrautinni um nóttina."),
        ];
        for (code, text) in sentences {
            let d = detect(text);
            assert_eq!(d.lang.code(), code, "{text}: {d:?}");
            assert!(d.fallback_reason.is_none(), "{text}: {d:?}");
            assert_eq!(sentence_language(text), code.parse().ok(), "{text}");
        }
    }

    #[test]
    fn every_whatlang_language_has_an_iso_639_1_code() {
        for &lang in whatlang::Lang::all() {
            assert!(from_whatlang(lang).is_some(), "{lang:?}");
        }
    }

    #[test]
    fn unsure_detections_say_so() {
        // Two words shared by many Latin-script languages: an answer, but not a sure one.
        let d = detect("Radio Taxi Hotel Internet");
        assert!(d.is_unsure(), "{d:?}");
        let d =
            detect("The ascent of the summit took three days because the weather was very bad.");
        assert!(!d.is_unsure(), "{d:?}");
    }

    /// The cheap detectors decide where they are as good as lingua: Han without kana is
    /// Chinese by the script, and whatlang's sure answer on a few sentences stands; Japanese,
    /// and a single short sentence of English, still go to lingua.
    #[test]
    fn lingua_only_where_the_cheap_detectors_are_not_enough() {
        let zh = detect("我是想研究一下她的结构，这也是在她的许可之下。假如不乐意可以早说。");
        assert_eq!((zh.lang, zh.method), (Lang::ZH, Method::Script), "{zh:?}");
        assert!(!zh.is_unsure(), "{zh:?}");
        let ja = detect("私は彼女の構造を研究したかったのですが、それも彼女の許可の下でした。");
        assert_eq!((ja.lang, ja.method), (Lang::JA, Method::Lingua), "{ja:?}");
        let en = "I did want to study her anatomy, but that was with her permission, too. \
                  If she didn't like the idea, she could have told me before. \
                  She laughed hard for a while and said she simply couldn't bear the sight of it.";
        let d = detect(en);
        assert_eq!((d.lang, d.method), (Lang::EN, Method::Whatlang), "{d:?}");
        assert!(!d.is_unsure(), "{d:?}");
        let d = detect("The ascent of the summit took three days.");
        assert_eq!((d.lang, d.method), (Lang::EN, Method::Lingua), "{d:?}");
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
        assert_eq!(
            ScriptCounts::of("これは日本語の文章です").guess(""),
            Lang::JA
        );
        assert_eq!(
            ScriptCounts::of("이것은 한국어 문장입니다").guess(""),
            Lang::KO
        );
    }
}

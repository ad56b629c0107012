//! Language detection accuracy, per language, on paragraph-sized (~300 characters) and
//! sentence-sized (~60 characters) samples: `bialign::lang::detect` against lingua restricted to
//! the nine languages it is compiled with (what `detect` was before whatlang), and the time
//! `detect` takes on a whole document.
//!
//! ```text
//! python3 examples/language_samples.py /tmp/language-samples   # see its header for packages
//! cargo run --release --example detect_languages -- /tmp/language-samples
//! ```
//!
//! DIR holds `<code>.txt` files (ISO 639-1 code): running text in that language, paragraphs
//! separated by blank lines. Each paragraph gives one paragraph sample (its first ~300
//! characters, cut at a space where the script has spaces) and up to three sentence samples (its
//! first ~60-character pieces). A sample is right when the detected language is the file's.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use bialign::lang::{self, Lang};
use lingua::{Language, LanguageDetectorBuilder};

const PARAGRAPH_CHARS: usize = 300;
const SENTENCE_CHARS: usize = 60;
const SENTENCES_PER_PARAGRAPH: usize = 3;

/// What `lang::detect` used before: lingua with the languages of Cargo.toml's features.
const LINGUA_NINE: [(Language, &str); 9] = [
    (Language::Chinese, "zh"),
    (Language::Japanese, "ja"),
    (Language::Korean, "ko"),
    (Language::English, "en"),
    (Language::German, "de"),
    (Language::French, "fr"),
    (Language::Spanish, "es"),
    (Language::Russian, "ru"),
    (Language::Icelandic, "is"),
];

#[derive(Default)]
struct Score {
    samples: usize,
    before: usize,
    after: usize,
    /// Right answers `detect` called unsure, and wrong ones it did not.
    unsure_right: usize,
    sure_wrong: usize,
    /// The wrong answers `detect` gave, by language.
    wrong: BTreeMap<String, usize>,
}

impl Score {
    fn pct(n: usize, of: usize) -> f64 {
        100.0 * n as f64 / of.max(1) as f64
    }

    fn most_wrong(&self) -> String {
        let mut wrong: Vec<_> = self.wrong.iter().collect();
        wrong.sort_by(|a, b| b.1.cmp(a.1));
        wrong
            .iter()
            .take(2)
            .map(|(l, n)| format!("{l}×{n}"))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| {
        eprintln!("usage: detect_languages DIR (see examples/language_samples.py)");
        std::process::exit(2);
    }));
    let nine: Vec<Language> = LINGUA_NINE.iter().map(|(l, _)| *l).collect();
    let lingua = LanguageDetectorBuilder::from_languages(&nine).build();
    let before = |text: &str| {
        lingua
            .detect_language_of(text)
            .and_then(|l| LINGUA_NINE.iter().find(|(x, _)| *x == l))
            .map_or("--", |(_, code)| code)
            .to_owned()
    };

    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();

    println!(
        "{:<4} {:>5} {:>7} {:>7} {:>7} {:>7}   {:>5} {:>7} {:>7} {:>7} {:>7}  {:>13}  sentences taken for",
        "lang", "paras", "before", "after", "unsure+", "sure-", "sents", "before", "after",
        "unsure+", "sure-", "doc ms b/a"
    );
    for path in files {
        let code = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let Ok(expected) = code.parse::<Lang>() else {
            continue;
        };
        let text = std::fs::read_to_string(&path).expect("a UTF-8 sample file");
        let mut paragraphs = Score::default();
        let mut sentences = Score::default();
        for para in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
            let chars: Vec<char> = para.chars().collect();
            let (head, _) = piece(&chars, 0, PARAGRAPH_CHARS);
            score(&mut paragraphs, &head, expected, &before);
            let mut at = 0;
            for _ in 0..SENTENCES_PER_PARAGRAPH {
                if at + SENTENCE_CHARS / 2 > chars.len() {
                    break;
                }
                let (sentence, next) = piece(&chars, at, SENTENCE_CHARS);
                score(&mut sentences, &sentence, expected, &before);
                at = next;
            }
        }
        // The whole file as one document (detect reads its first 16 KiB), timed over 20 runs.
        let start = Instant::now();
        for _ in 0..20 {
            std::hint::black_box(lang::detect(&text));
        }
        let doc_ms = start.elapsed().as_secs_f64() * 1000.0 / 20.0;
        let sample = &text[..floor_boundary(&text, 16 * 1024)];
        let start = Instant::now();
        for _ in 0..20 {
            std::hint::black_box(lingua.compute_language_confidence_values(sample));
        }
        let doc_ms_before = start.elapsed().as_secs_f64() * 1000.0 / 20.0;
        let (p, s) = (&paragraphs, &sentences);
        println!(
            "{:<4} {:>5} {:>6.1}% {:>6.1}% {:>6.1}% {:>6.1}%   {:>5} {:>6.1}% {:>6.1}% {:>6.1}% {:>6.1}%  {:>6.2} {:>6.2}  {}",
            code,
            p.samples,
            Score::pct(p.before, p.samples),
            Score::pct(p.after, p.samples),
            Score::pct(p.unsure_right, p.samples),
            Score::pct(p.sure_wrong, p.samples),
            s.samples,
            Score::pct(s.before, s.samples),
            Score::pct(s.after, s.samples),
            Score::pct(s.unsure_right, s.samples),
            Score::pct(s.sure_wrong, s.samples),
            doc_ms_before,
            doc_ms,
            s.most_wrong(),
        );
    }
    println!(
        "\nbefore: lingua with its nine languages; after: lang::detect. unsure+: right but called \
         unsure; sure-: wrong and not called unsure (share of all samples). doc ms: detecting the \
         whole file (its first 16 KiB), before / after."
    );
}

fn score(score: &mut Score, sample: &str, expected: Lang, before: &dyn Fn(&str) -> String) {
    score.samples += 1;
    score.before += usize::from(before(sample) == expected.code());
    let d = lang::detect(sample);
    let right = d.lang == expected;
    score.after += usize::from(right);
    score.unsure_right += usize::from(right && d.is_unsure());
    score.sure_wrong += usize::from(!right && !d.is_unsure());
    if !right {
        *score.wrong.entry(d.lang.code().to_owned()).or_default() += 1;
    }
}

/// About `len` characters of `chars` from `at`, ended at a space when the text has spaces, and
/// where the next piece starts.
fn piece(chars: &[char], at: usize, len: usize) -> (String, usize) {
    let end = (at + len).min(chars.len());
    let cut = (at + len / 2..end)
        .rev()
        .find(|&i| chars[i] == ' ')
        .filter(|_| end < chars.len())
        .unwrap_or(end);
    let next = if cut < chars.len() && chars[cut] == ' ' {
        cut + 1
    } else {
        cut
    };
    (chars[at..cut].iter().collect(), next)
}

/// The largest char boundary of `text` at or before `at` (str::floor_char_boundary is unstable).
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

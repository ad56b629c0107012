//! Which numbers are ordinals (ranks: 第二, "second", 2nd, "zweite", "Chapter 2") rather than
//! counts, and the German and French ordinal words the cardinal grammars do not read.

use super::words::is_latin_letter;
use super::{Lang, Scanner};

/// Nouns that make the number after them a rank: "Chapter 3" and "Chapter Three" are the third
/// chapter (第三章). Words that also take a count after them ("day 3" of a schedule is rare,
/// "every day 3 times" is not) are left out.
const LABELS: &[&str] = &[
    "chapter",
    "part",
    "book",
    "volume",
    "act",
    "scene",
    "section",
    "article",
    "episode",
    "season",
    "round",
    "stage",
    "phase",
    "level",
    "lesson",
    "page",
    "no",
    "kapitel",
    "teil",
    "band",
    "buch",
    "akt",
    "szene",
    "abschnitt",
    "artikel",
    "folge",
    "staffel",
    "runde",
    "stufe",
    "seite",
    "nr",
    "chapitre",
    "partie",
    "tome",
    "livre",
    "acte",
    "scène",
    "épisode",
    "saison",
    "étape",
    "niveau",
    "leçon",
    "numéro",
];

/// German ordinal stems with the endings they take (erste, ersten, erster, erstes, erstem).
/// "achten" is left out: it is mostly the verb (to respect).
const DE_ORDINALS: &[(&str, u32)] = &[
    ("erst", 1),
    ("zweit", 2),
    ("dritt", 3),
    ("viert", 4),
    ("fünft", 5),
    ("sechst", 6),
    ("siebt", 7),
    ("acht", 8),
    ("neunt", 9),
    ("zehnt", 10),
    ("elft", 11),
    ("zwölft", 12),
];

impl Scanner<'_> {
    /// A German or French ordinal word the cardinal grammar does not read (erste, dritten,
    /// premier, seconde): its value.
    pub(super) fn ordinal_word(&self, s: usize, e: usize) -> Option<f64> {
        // Only these languages have such words: no other language's words are lower-cased.
        if !matches!(self.lang, Lang::De | Lang::Fr) {
            return None;
        }
        let mut buf = [0u8; 48];
        let w = self.lower(s, e, &mut buf)?;
        match self.lang {
            Lang::De => DE_ORDINALS.iter().find_map(|&(stem, v)| {
                let ending = w.strip_prefix(stem)?;
                let ok =
                    matches!(ending, "e" | "er" | "es" | "em") || ending == "en" && stem != "acht";
                ok.then_some(f64::from(v))
            }),
            Lang::Fr => match w {
                "premier" | "première" | "premiers" | "premières" => Some(1.0),
                // "une seconde" is a second of time.
                "second" | "seconde" | "seconds" | "secondes"
                    if !self.prev_word_is(s, &["une", "la", "quelques", "chaque", "par"])
                        || w == "second" =>
                {
                    Some(2.0)
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// Is the spelled-out number at `s..e` an ordinal: does it end in an ordinal word
    /// (twenty-first, vingt et unième, dritte), or follow a label (Chapter Three)?
    pub(super) fn spelled_ordinal(&self, s: usize, e: usize) -> bool {
        let last = self.text[s..e]
            .rsplit([' ', '-'])
            .next()
            .unwrap_or("")
            .to_lowercase();
        let ends_in_ordinal = match self.lang {
            // Decades ("the eighties") end a numeral like an ordinal but are counts.
            l if l.english_words() => {
                ["first", "second", "third"].contains(&last.as_str())
                    || last.ends_with("th") && !last.ends_with("ies")
            }
            Lang::Fr => {
                last.ends_with("ième") || last.starts_with("premi") || last.starts_with("second")
            }
            Lang::De => self.ordinal_word_is(&last),
            _ => false,
        };
        ends_in_ordinal || self.after_label(s)
    }

    fn ordinal_word_is(&self, word: &str) -> bool {
        DE_ORDINALS.iter().any(|&(stem, _)| {
            word.strip_prefix(stem)
                .is_some_and(|ending| matches!(ending, "e" | "en" | "er" | "es" | "em"))
        })
    }

    /// Does a label noun ([`LABELS`]) come right before `s`, one space away?
    pub(super) fn after_label(&self, s: usize) -> bool {
        self.prev_word_is(s, LABELS)
    }

    /// Does an ordinal ending follow the digits ending at `end`: 1st, 22nd, 3rd, 4th; French
    /// 1er, 1re, 2e, 2ème?
    pub(super) fn ordinal_suffix_at(&self, end: usize) -> bool {
        let rest = &self.text[end..];
        let suffix_len = rest
            .char_indices()
            .find(|&(_, c)| !is_latin_letter(c))
            .map_or(rest.len(), |(k, _)| k);
        let suffix = rest[..suffix_len].to_lowercase();
        match self.lang {
            l if l.english_words() => matches!(suffix.as_str(), "st" | "nd" | "rd" | "th"),
            Lang::Fr => matches!(suffix.as_str(), "er" | "re" | "e" | "ème" | "eme" | "è"),
            _ => false,
        }
    }
}

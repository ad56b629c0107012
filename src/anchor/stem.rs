//! Light English lemmatisation shared by the dictionary generator and the aligner.
//!
//! Lexical anchors only work if a gloss word from CC-CEDICT ("to train", "networks") and a word
//! of running English text ("trained", "network") reduce to the same key, so the one [`lemma`]
//! function is used on both sides. It is a deliberately conservative Porter-lite: it undoes
//! inflection (plurals, -ed, -ing, possessives, common irregular forms, comparatives of a fixed
//! set of adjectives) and never strips derivational suffixes, because a missed match only costs a
//! little evidence while a false conflation adds noise to every sentence pair it touches.
//!
//! Keys are stems, not always dictionary words: a final silent `e` is dropped from words of five
//! letters or more ("house" → "hous") so that "housed"/"housing"/"houses" meet "house" without
//! having to guess where an `e` was removed. [`lemma`] is meant to be applied once, to surface
//! words; it is not idempotent on its own output.

use fnv::{FnvHashMap, FnvHashSet};
use std::cell::RefCell;
use std::sync::OnceLock;

/// Reduces a surface word to its matching key: lowercased, inflection removed.
pub fn lemma(word: &str) -> String {
    let mut w = normalise_apostrophes(word);
    strip_clitics(&mut w);
    w.retain(|c| c != '\'');
    if w.is_empty() || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        // Non-English letters (é, ß, Cyrillic, …): English suffix rules would do harm.
        return w;
    }
    if is_invariant(&w) {
        return w;
    }
    if let Some(base) = irregular(&w) {
        return drop_silent_e(base.to_owned());
    }
    if let Some(base) = comparative(&w) {
        return drop_silent_e(base);
    }
    drop_silent_e(strip_inflection(w))
}

/// True for English function words, given as lemmas (the output of [`lemma`]).
///
/// Function words occur in nearly every sentence and every third gloss, so as anchors they would
/// only add noise. The list includes the light verbs (be, have, do, get, make, take) whose meaning
/// comes from their object.
pub fn is_stopword(lemma: &str) -> bool {
    static SET: OnceLock<FnvHashSet<String>> = OnceLock::new();
    // The list is written as surface words and lemmatised here, so it stays right whatever the
    // stemmer does to them ("these" → "thes").
    SET.get_or_init(|| STOPWORDS.split_whitespace().map(self::lemma).collect())
        .contains(lemma)
}

/// The content-word lemmas of running English text, in order, with repetitions.
///
/// One-letter lemmas and stopwords are dropped; see [`english_words`] for what counts as a word.
pub(crate) fn english_content_lemmas(text: &str) -> Vec<String> {
    // Words repeat (Zipf): a thread's documents ask for the same few thousand again and again,
    // and a lookup costs a tenth of lemmatising. `None` marks a word that yields no content lemma.
    thread_local! {
        static KNOWN: RefCell<FnvHashMap<Box<str>, Option<Box<str>>>> =
            RefCell::new(FnvHashMap::default());
    }
    KNOWN.with_borrow_mut(|known| {
        if known.len() > MAX_REMEMBERED_WORDS {
            known.clear();
        }
        english_words(text)
            .filter_map(|word| {
                if let Some(content) = known.get(word) {
                    return content.as_deref().map(str::to_owned);
                }
                let l = lemma(word);
                let content = (l.chars().nth(1).is_some() && !is_stopword(&l)).then_some(l);
                known.insert(word.into(), content.as_deref().map(Box::from));
                content
            })
            .collect()
    })
}

/// How many words a thread remembers the lemmas of before it starts afresh (a few MB).
const MAX_REMEMBERED_WORDS: usize = 1 << 16;

/// Splits English text into words: maximal runs of Latin letters and apostrophes, so
/// punctuation and hyphens split or vanish ("bull's-eye" → "bull's", "eye"). Tokens mixing letters
/// and digits ("1st", "MP3", "19th") are dropped whole rather than leaving letter fragments.
///
/// Public so that the lexicon generator tokenises glosses exactly as the aligner tokenises text.
pub fn english_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(is_latin_letter(c) || is_apostrophe(c) || c.is_ascii_digit()))
        .filter(|w| w.chars().any(is_latin_letter) && !w.bytes().any(|b| b.is_ascii_digit()))
}

/// Latin letters, accented ones included. Not `char::is_alphabetic`: Han characters and kana
/// are alphabetic too, and glosses and translations quote them.
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || c.is_alphabetic() && matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}')
}

/// Lowercases, maps typographic apostrophes to `'` and trims quote marks from both ends.
fn normalise_apostrophes(word: &str) -> String {
    let lower = if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.chars()
            .map(|c| if is_apostrophe(c) { '\'' } else { c })
            .collect::<String>()
            .to_lowercase()
    };
    lower.trim_matches('\'').to_owned()
}

/// Removes possessive `'s` and contracted auxiliaries, keeping the host word.
fn strip_clitics(w: &mut String) {
    if let Some(host) = w.strip_suffix("n't") {
        let host = match host {
            "ca" => "can",
            "wo" => "will",
            "sha" => "shall",
            "ai" => "be",
            h => h,
        };
        *w = host.to_owned();
        return;
    }
    for clitic in ["'s", "'re", "'ve", "'ll", "'d", "'m"] {
        if w.len() > clitic.len() && w.ends_with(clitic) {
            w.truncate(w.len() - clitic.len());
            return;
        }
    }
}

/// Words that look inflected but are not, or whose naive stem would collide with another word.
fn is_invariant(w: &str) -> bool {
    matches!(
        w,
        "news"
            | "series"
            | "species"
            | "lens"
            | "means"
            | "physics"
            | "mathematics"
            | "economics"
            | "politics"
            | "ethics"
            | "always"
            | "perhaps"
            | "whereas"
            | "thus"
            | "yes"
            | "less"
            | "unless"
    )
}

/// Irregular inflections, mapped to their base form.
fn irregular(w: &str) -> Option<&'static str> {
    Some(match w {
        "am" | "is" | "are" | "was" | "were" | "been" | "being" => "be",
        "has" | "had" | "having" => "have",
        "does" | "did" | "done" | "doing" => "do",
        "goes" | "went" | "gone" | "going" => "go",
        "used" | "uses" | "using" => "use",
        "died" | "dying" => "die",
        "lied" | "lying" => "lie",
        "tied" | "tying" => "tie",
        "agreed" => "agree",
        "freed" => "free",
        "owed" => "owe",
        "arose" | "arisen" => "arise",
        "awoke" | "awoken" => "awake",
        "bore" | "borne" => "bear",
        "beaten" => "beat",
        "became" => "become",
        "began" | "begun" => "begin",
        "bent" => "bend",
        "bitten" => "bite",
        "bled" => "bleed",
        "blew" | "blown" => "blow",
        "broke" | "broken" => "break",
        "bred" => "breed",
        "brought" => "bring",
        "built" => "build",
        "burnt" => "burn",
        "bought" => "buy",
        "caught" => "catch",
        "chose" | "chosen" => "choose",
        "clung" => "cling",
        "came" => "come",
        "crept" => "creep",
        "dealt" => "deal",
        "dug" => "dig",
        "drew" | "drawn" => "draw",
        "dreamt" => "dream",
        "drank" | "drunk" => "drink",
        "drove" | "driven" => "drive",
        "ate" | "eaten" => "eat",
        "fell" | "fallen" => "fall",
        "fed" => "feed",
        "felt" => "feel",
        "fought" => "fight",
        "found" => "find",
        "fled" => "flee",
        "flew" | "flown" => "fly",
        "forbade" | "forbidden" => "forbid",
        "forgot" | "forgotten" => "forget",
        "forgave" | "forgiven" => "forgive",
        "froze" | "frozen" => "freeze",
        "got" | "gotten" => "get",
        "gave" | "given" => "give",
        "grew" | "grown" => "grow",
        "hung" => "hang",
        "heard" => "hear",
        "hid" | "hidden" => "hide",
        "held" => "hold",
        "kept" => "keep",
        "knelt" => "kneel",
        "knew" | "known" => "know",
        "laid" => "lay",
        "led" => "lead",
        "leapt" => "leap",
        "learnt" => "learn",
        "lent" => "lend",
        "lain" => "lie",
        "lit" => "light",
        "lost" => "lose",
        "made" => "make",
        "meant" => "mean",
        "met" => "meet",
        "paid" => "pay",
        "proven" => "prove",
        "rode" | "ridden" => "ride",
        "rang" | "rung" => "ring",
        "risen" => "rise",
        "ran" => "run",
        "said" => "say",
        "saw" | "seen" => "see",
        "sought" => "seek",
        "sold" => "sell",
        "sent" => "send",
        "shook" | "shaken" => "shake",
        "shone" => "shine",
        "shot" => "shoot",
        "shown" => "show",
        "shrank" | "shrunk" => "shrink",
        "sang" | "sung" => "sing",
        "sank" | "sunk" => "sink",
        "sat" => "sit",
        "slept" => "sleep",
        "slid" => "slide",
        "spoke" | "spoken" => "speak",
        "sped" => "speed",
        "spent" => "spend",
        "spun" => "spin",
        "spat" => "spit",
        "sprang" | "sprung" => "spring",
        "stood" => "stand",
        "stole" | "stolen" => "steal",
        "stuck" => "stick",
        "stung" => "sting",
        "struck" | "stricken" => "strike",
        "swore" | "sworn" => "swear",
        "swept" => "sweep",
        "swam" | "swum" => "swim",
        "swung" => "swing",
        "took" | "taken" => "take",
        "taught" => "teach",
        "tore" | "torn" => "tear",
        "told" => "tell",
        "thought" => "think",
        "threw" | "thrown" => "throw",
        "understood" => "understand",
        "undertook" | "undertaken" => "undertake",
        "overcame" => "overcome",
        "mistook" | "mistaken" => "mistake",
        "woke" | "woken" => "wake",
        "wore" | "worn" => "wear",
        "wove" | "woven" => "weave",
        "wept" => "weep",
        "won" => "win",
        "withdrew" | "withdrawn" => "withdraw",
        "wrote" | "written" => "write",
        "better" | "best" => "good",
        "worse" | "worst" => "bad",
        "men" => "man",
        "women" => "woman",
        "children" => "child",
        "feet" => "foot",
        "teeth" => "tooth",
        "geese" => "goose",
        "mice" => "mouse",
        "wives" => "wife",
        "knives" => "knife",
        "leaves" => "leaf",
        "wolves" => "wolf",
        "halves" => "half",
        "selves" => "self",
        "shelves" => "shelf",
        "thieves" => "thief",
        "loaves" => "loaf",
        "calves" => "calf",
        "businessmen" => "businessman",
        "policemen" => "policeman",
        "chairmen" => "chairman",
        "spokesmen" => "spokesman",
        "fishermen" => "fisherman",
        "firemen" => "fireman",
        "gentlemen" => "gentleman",
        "salesmen" => "salesman",
        "statesmen" => "statesman",
        "craftsmen" => "craftsman",
        "phenomena" => "phenomenon",
        "criteria" => "criterion",
        "analyses" => "analysis",
        "crises" => "crisis",
        "theses" => "thesis",
        "hypotheses" => "hypothesis",
        "diagnoses" => "diagnosis",
        "indices" => "index",
        "matrices" => "matrix",
        "fungi" => "fungus",
        "nuclei" => "nucleus",
        "stimuli" => "stimulus",
        _ => return None,
    })
}

/// Adjectives whose -er/-est forms are reduced. A closed list because the suffixes are far more
/// often part of the word ("water", "interest", "forest") than an inflection.
const ADJECTIVES: &[&str] = &[
    "angry", "big", "brave", "bright", "busy", "calm", "cheap", "clean", "clear", "close", "cold",
    "cool", "dark", "deep", "dirty", "dry", "early", "easy", "fast", "fat", "few", "fine", "funny",
    "great", "happy", "hard", "healthy", "heavy", "high", "hot", "hungry", "kind", "large", "late",
    "lazy", "long", "loud", "low", "lucky", "mad", "near", "new", "nice", "noisy", "old", "poor",
    "pretty", "pure", "quick", "quiet", "rare", "rich", "sad", "safe", "sharp", "short", "simple",
    "slow", "small", "smart", "soft", "strong", "sweet", "tall", "thick", "thin", "tiny", "true",
    "ugly", "warm", "weak", "wealthy", "wet", "wide", "wise", "young",
];

fn comparative(w: &str) -> Option<String> {
    let stem = w.strip_suffix("est").or_else(|| w.strip_suffix("er"))?;
    let b = stem.as_bytes();
    let mut candidates = vec![stem.to_owned(), format!("{stem}e")];
    if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
        candidates.push(stem[..stem.len() - 1].to_owned());
    }
    if let Some(s) = stem.strip_suffix('i') {
        candidates.push(format!("{s}y"));
    }
    candidates
        .into_iter()
        .find(|c| ADJECTIVES.contains(&c.as_str()))
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Regular plural, -ed and -ing. `w` is lowercase ASCII.
fn strip_inflection(mut w: String) -> String {
    let n = w.len();
    if n >= 5 && (w.ends_with("ies") || w.ends_with("ied")) {
        w.truncate(n - 3);
        w.push('y');
    } else if w.ends_with("sses")
        || n >= 5
            && ["xes", "ches", "shes", "zzes"]
                .iter()
                .any(|s| w.ends_with(s))
        || n >= 6 && w.ends_with("oes")
    {
        w.truncate(n - 2);
    } else if w.ends_with('s') {
        if n >= 4 && !["ss", "us", "is"].iter().any(|s| w.ends_with(s)) {
            w.truncate(n - 1);
        }
    } else if w.ends_with("eed") {
        // need, speed, proceed: far more common than agreed/freed (handled as irregulars).
    } else if let Some(stem) = w.strip_suffix("ed").or_else(|| w.strip_suffix("ing")) {
        // A stem ending in j or q is pinyin, not English: "Beijing", "Chongqing".
        if stem.len() >= 3 && stem.bytes().any(is_vowel) && !stem.ends_with(['j', 'q']) {
            return restore_stem(stem);
        }
    }
    w
}

/// Undoes the spelling changes made when -ed/-ing was attached: doubled final consonants
/// ("stopped") and a dropped `e` in short words ("hoped"), which the five-letter silent-e rule
/// does not cover.
fn restore_stem(stem: &str) -> String {
    let b = stem.as_bytes();
    let n = b.len();
    let last = b[n - 1];
    if n >= 4 && last == b[n - 2] && b"bdgmnprt".contains(&last) {
        return stem[..n - 1].to_owned();
    }
    let cvc = |i: usize| !is_vowel(b[i]) && is_vowel(b[i + 1]) && !is_vowel(b[i + 2]);
    if n == 3 && cvc(0) && !b"wxy".contains(&last) {
        return format!("{stem}e");
    }
    stem.to_owned()
}

/// Drops a final silent `e` from words of five or more letters: "house", "housed" and "housing"
/// all become "hous". Four-letter words keep it so that short stems stay distinct ("note" is not
/// "not", "hope" is not "hop"). A final "ie" becomes "y", because "-ies" cannot tell "movies"
/// from "studies".
fn drop_silent_e(mut w: String) -> String {
    let b = w.as_bytes();
    if b.len() >= 5 && b[b.len() - 1] == b'e' {
        let prev = b[b.len() - 2];
        if prev == b'i' {
            w.truncate(w.len() - 2);
            w.push('y');
        } else if !is_vowel(prev) || prev == b'u' {
            w.pop();
        }
    }
    w
}

/// Function words (determiners, pronouns, auxiliaries and light verbs, prepositions,
/// conjunctions, adverbs of degree, time and connection), written as surface forms and
/// lemmatised once when first needed.
const STOPWORDS: &str = "\
a an the this that these those all any both each every either neither few many much more \
most less least other another some such same own several no none one ones \
i me my mine myself we us our ours ourselves you your yours yourself yourselves he him \
his himself she her hers herself it its itself they them their theirs themselves oneself \
who whom whose which what whatever whoever whichever something anything nothing \
everything someone anyone everyone somebody anybody everybody nobody \
be am is are was were been being have has had do does did will would shall should can \
could may might must ought get got make made take took let \
of in on at by for with about against between into through during before after above \
below to from up down out off over under across along among around behind beside besides \
beyond near toward towards upon within without via per than onto since till until \
and or but nor if because as while although though whereas whether so yet unless whereby \
not here there where when why how then once again further only too very just also even \
still already ever never now always often thus therefore however hence indeed quite \
rather almost else etc";

#[cfg(test)]
mod tests {
    use super::*;

    fn meet(a: &str, b: &str) {
        assert_eq!(lemma(a), lemma(b), "{a} and {b} should share a lemma");
    }

    fn differ(a: &str, b: &str) {
        assert_ne!(lemma(a), lemma(b), "{a} and {b} should not be conflated");
    }

    #[test]
    fn plurals_meet_their_singulars() {
        meet("networks", "network");
        meet("studies", "study");
        meet("cities", "city");
        meet("classes", "class");
        meet("boxes", "box");
        meet("churches", "church");
        meet("wishes", "wish");
        meet("heroes", "hero");
        meet("houses", "house");
        meet("ideas", "idea");
        meet("days", "day");
        meet("shoes", "shoe");
        meet("movies", "movie");
        meet("employees", "employee");
        assert_eq!(lemma("networks"), "network");
        assert_eq!(lemma("studies"), "study");
    }

    #[test]
    fn words_ending_in_s_are_not_plurals() {
        for w in [
            "bus", "glass", "analysis", "famous", "news", "series", "species", "gas",
        ] {
            assert_eq!(lemma(w), w);
        }
    }

    #[test]
    fn past_tense_and_participles_meet_the_verb() {
        meet("trained", "train");
        meet("training", "train");
        meet("stopped", "stop");
        meet("stopping", "stop");
        meet("planned", "plan");
        meet("hoped", "hope");
        meet("hoping", "hope");
        meet("making", "make");
        meet("caused", "cause");
        meet("causes", "cause");
        meet("created", "create");
        meet("changing", "change");
        meet("received", "receive");
        meet("continued", "continue");
        meet("studied", "study");
        meet("studying", "study");
        meet("played", "play");
        meet("fixed", "fix");
        meet("added", "add");
        meet("called", "call");
        meet("invested", "invest");
        meet("investing", "invest");
        assert_eq!(lemma("trained"), "train");
        assert_eq!(lemma("invested"), "invest");
    }

    #[test]
    fn short_and_non_inflected_words_survive() {
        for w in [
            "need", "speed", "red", "bed", "thing", "king", "string", "bring", "sing",
        ] {
            assert_eq!(lemma(w), w);
        }
        differ("hoped", "hopped");
        differ("note", "not");
    }

    #[test]
    fn irregular_forms_meet_their_base() {
        meet("went", "go");
        meet("gone", "go");
        meet("was", "be");
        meet("were", "be");
        meet("men", "man");
        meet("children", "child");
        meet("wrote", "write");
        meet("written", "writes");
        meet("thought", "think");
        meet("better", "good");
        meet("used", "use");
        meet("using", "use");
    }

    #[test]
    fn comparatives_only_for_known_adjectives() {
        meet("bigger", "big");
        meet("biggest", "big");
        meet("larger", "large");
        meet("happiest", "happy");
        meet("easier", "easy");
        meet("highest", "high");
        for w in [
            "water", "paper", "number", "interest", "forest", "letter", "honest",
        ] {
            assert_eq!(lemma(w), w, "{w} is not a comparative");
        }
    }

    #[test]
    fn possessives_contractions_and_case() {
        meet("Network's", "network");
        meet("students'", "student");
        meet("China\u{2019}s", "china");
        assert_eq!(lemma("don't"), "do");
        assert_eq!(lemma("can't"), "can");
        assert_eq!(lemma("won't"), "will");
        assert_eq!(lemma("NETWORKS"), "network");
    }

    #[test]
    fn non_ascii_words_are_only_lowercased() {
        assert_eq!(lemma("Café"), "café");
        assert_eq!(lemma("Städte"), "städte");
    }

    #[test]
    fn stopwords_are_recognised_as_lemmas() {
        for w in ["the", "were", "these", "during", "made", "whose", "its"] {
            assert!(is_stopword(&lemma(w)), "{w}");
        }
        for w in ["network", "train", "invest", "note", "use", "three"] {
            assert!(!is_stopword(&lemma(w)), "{w}");
        }
    }

    #[test]
    fn content_lemmas_of_running_text() {
        assert_eq!(
            english_content_lemmas("The networks were trained in 2019, weren't they?"),
            ["network", "train"]
        );
        assert_eq!(
            english_content_lemmas("a bull's-eye: the target"),
            ["bull", "eye", "target"]
        );
        assert_eq!(
            english_content_lemmas("“Neural” networks…"),
            ["neural", "network"]
        );
        assert!(english_content_lemmas("1998 — 42% x").is_empty());
        assert_eq!(
            english_content_lemmas("the 21st century, MP3s"),
            ["century"]
        );
        assert_eq!(
            english_content_lemmas("the Four Books 四書 in Confucianism"),
            ["four", "book", "confucianism"]
        );
        assert_eq!(
            english_content_lemmas("Beijing, Chongqing"),
            ["beijing", "chongqing"]
        );
    }
}

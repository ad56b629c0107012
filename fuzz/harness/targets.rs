//! The fuzz targets. Each takes the raw bytes of one input, runs a part of the library on it
//! and checks the properties that part promises; a broken property is a panic, like a crash.

use std::path::Path;

use bialign::align::AlignOptions;
use bialign::aligned::BeadRecord;
use bialign::anchor::bead_anchors::AnchorKind;
use bialign::anchor::caseless::{fold, Folded, TermSet};
use bialign::anchor::compare;
use bialign::anchor::glossary::{self, Glossary, GlossaryEntry};
use bialign::anchor::latin;
use bialign::check::{self, baseline, CheckOptions, CheckReport};
use bialign::document::{is_space, Document};
use bialign::pipeline::{self, LangChoice};
use bialign::render::tsv;
use bialign::report::{self, format::Format, ReportOptions};
use bialign::segment::{self, Sentence, Split};
use bialign::AlignedPair;
use bialign::{eval, text, Lang};

use super::gen::{self, Seeds};
use super::rng::Rng;

/// What a target's inputs are, and so how they are generated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Terms,
    Pair,
    Glossary,
    Gold,
    Baseline,
}

pub struct Target {
    pub name: &'static str,
    pub kind: Kind,
    /// Largest input generated, in bytes.
    pub max_len: usize,
    pub run: fn(&[u8]),
}

pub const TARGETS: &[Target] = &[
    Target {
        name: "segment",
        kind: Kind::Text,
        max_len: 64 * 1024,
        run: segment_target,
    },
    Target {
        name: "anchors",
        kind: Kind::Text,
        max_len: 16 * 1024,
        run: anchors_target,
    },
    Target {
        name: "caseless",
        kind: Kind::Terms,
        max_len: 16 * 1024,
        run: caseless_target,
    },
    Target {
        name: "align",
        kind: Kind::Pair,
        max_len: 6 * 1024,
        run: align_target,
    },
    Target {
        name: "glossary",
        kind: Kind::Glossary,
        max_len: 16 * 1024,
        run: glossary_target,
    },
    Target {
        name: "gold",
        kind: Kind::Gold,
        max_len: 16 * 1024,
        run: gold_target,
    },
    Target {
        name: "baseline",
        kind: Kind::Baseline,
        max_len: 64 * 1024,
        run: baseline_target,
    },
];

pub fn target(name: &str) -> Option<&'static Target> {
    TARGETS.iter().find(|t| t.name == name)
}

/// A new input for `target`.
pub fn generate(target: &Target, rng: &mut Rng, seeds: &Seeds) -> Vec<u8> {
    let mut input = match target.kind {
        Kind::Text => gen::text_bytes(rng, seeds, target.max_len),
        Kind::Terms => gen::terms_and_text(rng, seeds, target.max_len),
        Kind::Pair => gen::pair(rng, seeds, target.max_len),
        Kind::Glossary => gen::glossary(rng, seeds),
        Kind::Gold => gen::gold(rng, seeds),
        Kind::Baseline => gen::baseline(rng, seeds),
    };
    // Mutations can make a file grow far past what is worth an execution's time.
    input.truncate(target.max_len.max(1024) * 2);
    input
}

const LANGS: [Lang; 9] = [
    Lang::ZH,
    Lang::JA,
    Lang::KO,
    Lang::EN,
    Lang::DE,
    Lang::FR,
    Lang::ES,
    Lang::RU,
    Lang::IS,
];

fn lossy(input: &[u8]) -> String {
    String::from_utf8_lossy(input).into_owned()
}

// ---------------------------------------------------------------------------------------------
// segment

fn segment_target(input: &[u8]) {
    // A file as the command line reads it: refused (binary, not UTF-8, empty) or segmented.
    let doc = match Document::from_bytes("fuzz.txt", input.to_vec()) {
        Ok(doc) => doc,
        Err(_) => Document::from_text("fuzz.txt", lossy(input).replace('\0', " ")),
    };
    for lang in LANGS {
        let sentences = segment::split(&doc, lang, Split::Auto);
        check_sentences(&doc, &sentences, lang);
        check_nothing_lost(&doc, &sentences);
    }
    let lines = segment::split(&doc, Lang::EN, Split::Lines);
    check_sentences(&doc, &lines, Lang::EN);
    let expected_lines = if doc.text.is_empty() {
        0
    } else {
        doc.line_of(doc.text.len()) - usize::from(doc.text.ends_with(['\n', '\r']))
    };
    assert_eq!(
        lines.len(),
        expected_lines,
        "--split lines: one sentence a line"
    );
    check_segments_jsonl(&lines);
}

/// Spans slice the file to exactly the sentence, in order, without surrounding space, with the
/// right line and dense, non-decreasing paragraphs.
fn check_sentences(doc: &Document, sentences: &[Sentence], lang: Lang) {
    let mut last_end = 0;
    let mut paragraph = 0;
    for (k, s) in sentences.iter().enumerate() {
        assert!(
            s.start <= s.end && s.end <= doc.text.len(),
            "{lang}: span {k}"
        );
        assert_eq!(&doc.text[s.start..s.end], s.text, "{lang}: sentence {k}");
        assert!(
            s.start >= last_end,
            "{lang}: sentence {k} overlaps the one before"
        );
        assert_eq!(s.line, doc.line_of(s.start), "{lang}: line of sentence {k}");
        assert_eq!(
            s.text.trim_matches(is_space),
            s.text,
            "{lang}: sentence {k} has surrounding space"
        );
        if k == 0 {
            assert!(s.paragraph == 0, "{lang}: paragraphs start at 0");
        } else {
            assert!(
                s.paragraph == paragraph || s.paragraph == paragraph + 1,
                "{lang}: paragraph of sentence {k} jumps from {paragraph} to {}",
                s.paragraph
            );
        }
        paragraph = s.paragraph;
        last_end = s.end;
    }
}

/// Everything between the sentences is white space: segmenting loses no text.
fn check_nothing_lost(doc: &Document, sentences: &[Sentence]) {
    let mut at = 0;
    for s in sentences
        .iter()
        .map(|s| (s.start, s.end))
        .chain([(doc.text.len(), 0)])
    {
        let between = &doc.text[at..s.0];
        assert!(
            between.chars().all(is_space),
            "text lost between sentences at byte {at}: {between:?}"
        );
        at = s.1;
    }
}

/// `segment --format jsonl` reads back as the sentences, one a line for every line reader.
fn check_segments_jsonl(sentences: &[Sentence]) {
    let mut out = Vec::new();
    report::segments::write_jsonl(&mut out, sentences).expect("write to memory");
    let out = String::from_utf8(out).expect("jsonl is UTF-8");
    let lines: Vec<&str> = out.split_terminator('\n').collect();
    assert_eq!(
        lines.len(),
        sentences.len(),
        "segment jsonl: one line a sentence"
    );
    for (line, s) in lines.iter().zip(sentences) {
        assert!(
            !line.contains(text::is_line_break),
            "segment jsonl: a line break in {line:?}"
        );
        let v: serde_json::Value = serde_json::from_str(line).expect("segment jsonl parses");
        assert_eq!(v["text"].as_str(), Some(s.text.as_str()));
        assert_eq!(v["start"].as_u64(), Some(s.start as u64));
        assert_eq!(v["end"].as_u64(), Some(s.end as u64));
    }
}

// ---------------------------------------------------------------------------------------------
// anchors

fn anchors_target(input: &[u8]) {
    let text = lossy(input);
    for lang in LANGS {
        // The numbers (and month names) as a bead's anchors: what every view and check sees.
        let sides = [text.as_str()];
        let anchors = compare::compare_bead(&sides, lang, &[], lang, &Glossary::default()).src;
        let mut last_end = 0;
        for n in anchors
            .iter()
            .filter(|a| matches!(a.kind, AnchorKind::Number | AnchorKind::NumberWord))
        {
            assert!(n.start < n.end, "{lang}: empty number span");
            assert!(
                n.start >= last_end,
                "{lang}: number spans overlap or go back"
            );
            assert!(text.is_char_boundary(n.start) && text.is_char_boundary(n.end));
            assert!(n.end <= text.len());
            assert!(!n.key.is_empty(), "{lang}: a number without a value");
            last_end = n.end;
        }
        let mut tokens = Vec::new();
        bialign::anchor::tokenize(&text, lang, Lang::EN, &mut tokens);
        bialign::anchor::tokenize(&text, lang, Lang::ZH, &mut tokens);
    }
    for t in latin::terms(&text)
        .iter()
        .chain(&latin::name_like_terms(&text))
    {
        assert_eq!(&text[t.start..t.end], t.text, "latin term span");
    }
    let _ = bialign::anchor::is_noise(&text);
    // A name taken from a text is present in it.
    let names = latin::name_like_terms(&text);
    let keys: Vec<&str> = names.iter().map(|t| t.text).collect();
    let present = compare::terms_present(&text, &keys);
    assert_eq!(present.len(), keys.len());
    for (key, found) in keys.iter().zip(present) {
        assert!(found, "term {key:?} of the text is not found in it");
    }
    // Bead comparison: the text's lines as the sentences of both sides, in two languages.
    let lines: Vec<&str> = text.lines().take(40).collect();
    let half = lines.len() / 2;
    let glossary = glossary_from_words(&text);
    for (sl, tl) in [
        (Lang::ZH, Lang::EN),
        (Lang::EN, Lang::DE),
        (Lang::JA, Lang::FR),
    ] {
        let anchors = compare::compare_bead(&lines[..half], sl, &lines[half..], tl, &glossary);
        for (side, a) in anchors
            .src
            .iter()
            .map(|a| (0, a))
            .chain(anchors.tgt.iter().map(|a| (1, a)))
        {
            let sentence = if side == 0 {
                lines[a.sentence]
            } else {
                lines[half + a.sentence]
            };
            assert!(
                a.start <= a.end && sentence.get(a.start..a.end).is_some(),
                "anchor span {}..{} in {sentence:?}",
                a.start,
                a.end
            );
        }
    }
}

/// A glossary of some words of the text, each term paired with its upper case.
fn glossary_from_words(text: &str) -> Glossary {
    let entries = text
        .split_whitespace()
        .step_by(3)
        .take(20)
        .enumerate()
        .map(|(k, w)| GlossaryEntry {
            src: w.to_owned(),
            tgt: w.to_uppercase(),
            line: k + 1,
        })
        .collect();
    Glossary::new(entries)
}

// ---------------------------------------------------------------------------------------------
// caseless

fn caseless_target(input: &[u8]) {
    let all = lossy(input);
    let (terms_line, text) = all.split_once('\n').unwrap_or((all.as_str(), ""));
    let terms: Vec<&str> = terms_line.split('|').collect();
    let set = TermSet::new(terms.iter().copied());
    let folded = Folded::new(text);
    let folded_text = fold(text);
    // Every occurrence is whole characters of the original whose folding holds the term, and
    // every term whose folding is in the folded text is found.
    let found = set.first_occurrences(&folded, |_, _| true);
    for &(k, o) in &found {
        let slice = text
            .get(o.start..o.end)
            .unwrap_or_else(|| panic!("occurrence {}..{} not on char boundaries", o.start, o.end));
        assert!(
            fold(slice).contains(&fold(terms[k])),
            "term {:?} found at {slice:?}",
            terms[k]
        );
    }
    for (k, term) in terms.iter().enumerate() {
        let f = fold(term);
        let expected = !f.is_empty() && folded_text.contains(&f);
        assert_eq!(
            found.iter().any(|&(j, _)| j == k),
            expected,
            "term {term:?}: found by the automaton vs. in the folded text"
        );
    }
    // At word edges: a subset, and the same as the one-term search.
    let at_edges = set.first_at_word_edges(&folded);
    for &(k, o) in &at_edges {
        assert!(found.iter().any(|&(j, _)| j == k));
        assert!(text.get(o.start..o.end).is_some());
        assert_eq!(
            glossary::find_term(text, terms[k]),
            Some((o.start, o.end)),
            "term {:?}: glossary search disagrees",
            terms[k]
        );
    }
    for (k, term) in terms.iter().enumerate() {
        if !at_edges.iter().any(|&(j, _)| j == k) {
            assert_eq!(glossary::find_term(text, term), None, "term {term:?}");
        }
        assert_eq!(
            glossary::contains_term(text, term),
            glossary::find_term(text, term).is_some()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// align

fn parse_lang(s: Option<&str>, default: Lang) -> LangChoice {
    match s {
        Some("auto") => LangChoice::Auto,
        Some(code) => code
            .parse()
            .map(LangChoice::Fixed)
            .unwrap_or(LangChoice::Fixed(default)),
        None => LangChoice::Fixed(default),
    }
}

fn align_target(input: &[u8]) {
    let all = lossy(input);
    let (header, rest) = all.split_once('\n').unwrap_or(("", all.as_str()));
    let mut words = header.split(' ');
    let src_lang = parse_lang(words.next(), Lang::ZH);
    let tgt_lang = parse_lang(words.next(), Lang::EN);
    let split = if words.next() == Some("lines") {
        Split::Lines
    } else {
        Split::Auto
    };
    let mut parts = rest.splitn(3, '\0');
    let src = parts.next().unwrap_or("");
    let tgt = parts.next().unwrap_or("");
    let glossary = parts
        .next()
        .and_then(|g| Glossary::parse(Path::new("g.csv"), g).ok())
        .unwrap_or_default();
    let options = AlignOptions {
        glossary,
        no_learning: false,
        table: None,
    };
    let result = pipeline::align_documents(
        Document::from_text("src.txt", src),
        Document::from_text("tgt.txt", tgt),
        [src_lang, tgt_lang],
        split,
        &options,
    );
    let pair = &result.pair;
    for (doc, side) in [(&result.src_doc, &pair.src), (&result.tgt_doc, &pair.tgt)] {
        check_sentences(doc, &side.sentences, side.lang);
    }
    let (n_src, n_tgt) = (pair.src.sentences.len(), pair.tgt.sentences.len());
    let a = &pair.alignment;
    assert!(
        a.is_partition_of(n_src, n_tgt),
        "not a partition: {:?}",
        a.beads
    );
    for b in &a.beads {
        assert!((0.0..=1.0).contains(&b.score), "score {}", b.score);
    }
    assert_eq!(a.src_unpaired.len(), n_src);
    assert_eq!(a.tgt_unpaired.len(), n_tgt);
    for p in a.src_unpaired.iter().chain(&a.tgt_unpaired) {
        assert!((0.0..=1.0).contains(p), "unpaired probability {p}");
    }
    check_reports(pair);
    check_findings(&result);
}

/// csv, jsonl, tsv and tmx read back (with the csv, serde_json and quick-xml readers and the
/// crate's tsv unescape) as the same pairs; the other formats write without failing.
fn check_reports(pair: &AlignedPair) {
    let records: Vec<BeadRecord> = pair.records().collect();
    for keep_unpaired in [false, true] {
        let opts = ReportOptions {
            keep_unpaired,
            ..ReportOptions::default()
        };
        let kept: Vec<&BeadRecord> = records
            .iter()
            .filter(|r| keep_unpaired || (!r.src_ids.is_empty() && !r.tgt_ids.is_empty()))
            .collect();
        check_tsv(&write(Format::Tsv, pair, &opts), &kept);
        check_tmx(&write(Format::Tmx, pair, &opts), &kept, pair);
    }
    let opts = ReportOptions::default();
    check_csv(&write(Format::Csv, pair, &opts), &records, false);
    let safe = ReportOptions {
        csv_safe: true,
        ..ReportOptions::default()
    };
    check_csv(&write(Format::Csv, pair, &safe), &records, true);
    check_jsonl(&write(Format::Jsonl, pair, &opts), &records);
    for format in [Format::Beads, Format::Html, Format::Terminal] {
        write(format, pair, &opts);
    }
    let colored = ReportOptions {
        color: true,
        width: 20,
        ..ReportOptions::default()
    };
    write(Format::Terminal, pair, &colored);
    let (mut s, mut t) = (Vec::new(), Vec::new());
    report::moses::write(&mut s, &mut t, pair, &opts).expect("moses writes to memory");
    let (s, t) = (String::from_utf8(s).unwrap(), String::from_utf8(t).unwrap());
    assert_eq!(
        s.lines().count(),
        t.lines().count(),
        "moses files of unequal length"
    );
    assert!(!s.contains(|c: char| c != '\n' && text::is_line_break(c)));
    assert!(!t.contains(|c: char| c != '\n' && text::is_line_break(c)));
}

fn write(format: Format, pair: &AlignedPair, opts: &ReportOptions) -> String {
    let mut out = Vec::new();
    format
        .write(&mut out, pair, opts)
        .unwrap_or_else(|e| panic!("{format} fails to write: {e}"));
    String::from_utf8(out).unwrap_or_else(|_| panic!("{format} output is not UTF-8"))
}

fn ids(ids: &[usize]) -> String {
    ids.iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

fn check_csv(out: &str, records: &[BeadRecord], safe: bool) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(out.as_bytes());
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .expect("csv parses");
    assert_eq!(rows.len(), records.len(), "csv: one row a bead");
    let unsafe_cell = |cell: &str, original: &str| {
        if safe && original.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            assert_eq!(cell.strip_prefix('\''), Some(original), "csv-safe cell");
        } else {
            assert_eq!(cell, original, "csv cell");
        }
    };
    for (row, r) in rows.iter().zip(records) {
        assert_eq!(row.len(), 16);
        assert_eq!(&row[0], r.bead.to_string());
        assert_eq!(&row[1], ids(&r.src_ids));
        assert_eq!(&row[2], ids(&r.tgt_ids));
        assert_eq!(&row[3], r.kind);
        unsafe_cell(&row[5], &r.src);
        unsafe_cell(&row[6], &r.tgt);
        let opt = |v: Option<usize>| v.map_or(String::new(), |v| v.to_string());
        assert_eq!(&row[7], opt(r.src_span.map(|s| s.0)));
        assert_eq!(&row[8], opt(r.src_span.map(|s| s.1)));
        assert_eq!(&row[9], opt(r.tgt_span.map(|s| s.0)));
        assert_eq!(&row[10], opt(r.tgt_span.map(|s| s.1)));
        unsafe_cell(&row[13], &r.flags.join(";"));
        assert_eq!(&row[14], opt(r.src_paragraph));
        assert_eq!(&row[15], opt(r.tgt_paragraph));
    }
}

fn check_jsonl(out: &str, records: &[BeadRecord]) {
    let lines: Vec<&str> = out.split_terminator('\n').collect();
    assert_eq!(lines.len(), records.len(), "jsonl: one line a bead");
    for (line, r) in lines.iter().zip(records) {
        assert!(
            !line.contains(text::is_line_break),
            "jsonl: a line break in {line:?}"
        );
        let v: serde_json::Value = serde_json::from_str(line).expect("jsonl parses");
        assert_eq!(v["bead"].as_u64(), Some(r.bead as u64));
        assert_eq!(v["src"].as_str(), Some(r.src.as_str()), "jsonl src");
        assert_eq!(v["tgt"].as_str(), Some(r.tgt.as_str()), "jsonl tgt");
        let id_list = |v: &serde_json::Value| -> Vec<usize> {
            v.as_array()
                .expect("ids are an array")
                .iter()
                .map(|i| i.as_u64().expect("an id") as usize)
                .collect()
        };
        assert_eq!(id_list(&v["src_ids"]), r.src_ids);
        assert_eq!(id_list(&v["tgt_ids"]), r.tgt_ids);
        assert_eq!(v["src_start"].as_u64(), r.src_span.map(|s| s.0 as u64));
        assert_eq!(v["tgt_end"].as_u64(), r.tgt_span.map(|s| s.1 as u64));
        let flags: Vec<&str> = v["flags"]
            .as_array()
            .expect("flags")
            .iter()
            .map(|f| f.as_str().expect("a flag"))
            .collect();
        assert_eq!(flags, r.flags);
    }
}

fn check_tsv(out: &str, kept: &[&BeadRecord]) {
    let lines: Vec<&str> = out.split_terminator('\n').collect();
    assert_eq!(lines.len(), kept.len(), "tsv: one line a pair");
    for (line, r) in lines.iter().zip(kept) {
        assert!(
            !line.contains(text::is_line_break),
            "tsv: a line break in {line:?}"
        );
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 3, "tsv: three fields in {line:?}");
        assert_eq!(tsv::unescape(fields[0]), r.src, "tsv src");
        assert_eq!(tsv::unescape(fields[1]), r.tgt, "tsv tgt");
        assert!(fields[2].parse::<f64>().is_ok());
    }
}

fn check_tmx(out: &str, kept: &[&BeadRecord], pair: &AlignedPair) {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(out);
    // Each <tu>: its variants as (xml:lang, seg text).
    let mut units: Vec<Vec<(String, String)>> = Vec::new();
    let mut lang = String::new();
    let mut in_seg = false;
    loop {
        match reader.read_event().expect("tmx parses") {
            Event::Start(e) => match e.name().as_ref() {
                b"tu" => units.push(Vec::new()),
                b"tuv" => {
                    lang = e
                        .try_get_attribute("xml:lang")
                        .expect("attribute parses")
                        .expect("tuv has xml:lang")
                        .unescape_value()
                        .expect("attribute unescapes")
                        .into_owned();
                }
                b"seg" => {
                    in_seg = true;
                    units
                        .last_mut()
                        .expect("seg in a tu")
                        .push((lang.clone(), String::new()));
                }
                _ => {}
            },
            Event::End(e) if e.name().as_ref() == b"seg" => in_seg = false,
            Event::Text(t) if in_seg => {
                let text = t.unescape().expect("seg text unescapes");
                units
                    .last_mut()
                    .unwrap()
                    .last_mut()
                    .unwrap()
                    .1
                    .push_str(&text);
            }
            Event::CData(_) => panic!("tmx: unexpected CDATA"),
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(units.len(), kept.len(), "tmx: one tu a pair");
    for (unit, r) in units.iter().zip(kept) {
        let mut expected = Vec::new();
        if !r.src_ids.is_empty() {
            expected.push((
                pair.src.lang.bcp47().to_owned(),
                bialign::report::tmx::xml_safe(&r.src),
            ));
        }
        if !r.tgt_ids.is_empty() {
            expected.push((
                pair.tgt.lang.bcp47().to_owned(),
                bialign::report::tmx::xml_safe(&r.tgt),
            ));
        }
        assert_eq!(unit, &expected, "tmx: the variants of bead {}", r.bead);
    }
}

/// `check` runs on the pair, and its JSON output read back as a baseline gives the same keys.
fn check_findings(result: &pipeline::PairResult) {
    let findings = check::check(result, &CheckOptions::default());
    let keys: Vec<baseline::FindingKey> = findings.iter().map(baseline::FindingKey::of).collect();
    let report = CheckReport::new(&result.pair, findings);
    let mut out = Vec::new();
    check::format::json::write(&mut out, &report).expect("json to memory");
    let text = String::from_utf8(out).expect("json is UTF-8");
    let read = baseline::parse(Path::new("base.json"), &text).expect("own JSON reads back");
    assert_eq!(read, keys, "baseline keys after a round trip");
    let (a, b) = baseline::pair_up(&keys, &read);
    assert!(a.iter().chain(&b).all(|&p| p), "a baseline matches itself");
}

// ---------------------------------------------------------------------------------------------
// parsers: never a panic, Ok or a typed Err

fn glossary_target(input: &[u8]) {
    let text = lossy(input);
    let path = Path::new("glossary.csv");
    if let Ok(g) = Glossary::parse(path, &text) {
        for e in g.entries() {
            assert!(!e.src.is_empty() && !e.tgt.is_empty(), "empty term: {e:?}");
            assert!(
                !e.src.contains('\n') && !e.tgt.contains('\n'),
                "a term runs over lines: {e:?}"
            );
            assert!(e.line >= 1, "line 0: {e:?}");
        }
        for (k, (s, e)) in g.find_src_terms(&text) {
            assert!(k < g.entries().len() && text.get(s..e).is_some());
        }
        for (k, (s, e)) in g.find_tgt_terms(&text) {
            assert!(k < g.entries().len() && text.get(s..e).is_some());
        }
    }
}

fn gold_target(input: &[u8]) {
    let text = lossy(input);
    if let Ok(beads) = eval::parse_beads(Path::new("gold.beads"), &text) {
        let tally = eval::score(&beads, &beads);
        let pairs = beads
            .iter()
            .filter(|(s, t)| !s.is_empty() && !t.is_empty())
            .count();
        let nonempty = beads
            .iter()
            .filter(|(s, t)| !s.is_empty() || !t.is_empty())
            .count();
        assert_eq!(
            tally.precision.tp_strict, nonempty,
            "beads match themselves"
        );
        assert_eq!(
            tally.recall.tp_strict, pairs,
            "pairs recalled by themselves"
        );
        let _ = (tally.strict(), tally.lax());
    }
}

fn baseline_target(input: &[u8]) {
    let text = lossy(input);
    if let Ok(keys) = baseline::parse(Path::new("base.json"), &text) {
        let (a, b) = baseline::pair_up(&keys, &keys);
        assert!(a.iter().chain(&b).all(|&p| p), "a baseline matches itself");
    }
}

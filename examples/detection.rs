//! Detection benchmark for `bialign check`: inject errors into the target side of gold-aligned
//! documents and measure, per kind of finding, how many injected errors are found (recall) and
//! how many findings are right (precision).
//!
//! ```text
//! cargo run --release --example detection [-- DIR [COPIES [SEED [SENSITIVITY]]]]
//! DETECTION_FEATURES=f.tsv cargo run --release --example detection -- DIR   # calibration data
//! DETECTION_TABLE=t.tsv cargo run --release --example detection -- DIR      # with a `--table`
//! cargo run --release --example detection -- --fit f.tsv…                  # fit the coefficients
//! ```
//!
//! DIR defaults to `../shared/eval/mac-dev-zh-en` (an evaluation folder: `LANGS` and documents
//! `<doc>.src`, `<doc>.tgt`, `<doc>.gold`, one sentence a line; or the corpus layout, e.g.
//! `corpora/ilya-stanford`). The text is read from there and never written anywhere. When DIR is
//! missing the benchmark says so and stops.
//!
//! Each document is copied 2 × COPIES times (COPIES defaults to 60). Half of the copies get one
//! injection of each of the five kinds below, at gold beads at least [`MIN_GAP`] beads apart, so
//! a copy stays a realistic document with a handful of errors; the other half get one
//! untranslated sentence alone (a copied source sentence shifts the alignment around it, which
//! would blur the measurement of the other kinds). Injections, with a seeded PRNG:
//! - drop: the target sentence of a gold bead with one target sentence is deleted (an omission of
//!   the bead's source sentences);
//! - add: a sentence from another document's target (with a single document, one from at least
//!   [`FAR`] sentences away) is inserted between two gold beads (an addition);
//! - number: a number the target shares with its source in a gold bead is changed (digits to
//!   other digits, a spelled-out number to another one: "three" → "seven", "third" → "fifth");
//! - name: one occurrence of a capitalised name the target spells the same way at least three
//!   times (never in lowercase) gets a one-letter typo: a letter dropped, doubled or swapped with
//!   its neighbour (Qingyang → Qingyng);
//! - clause: a clause holding a quarter to two thirds of a target sentence of a gold bead with one
//!   target sentence is deleted (split as `check` splits clauses; a last clause leaves its
//!   closing punctuation to the one before): a partial omission of the bead's source;
//! - copy: a target sentence is replaced by its source sentence (untranslated).
//!
//! A finding is a hit when its kind is the injection's and it points at the injected place: the
//! dropped bead's source sentences, the inserted or edited target sentence.
//! - recall: injections hit / injections;
//! - precision: right findings / findings of the kind, over the copies with an injection of that
//!   kind. A finding is right when it is a hit, or, for omissions and additions, when it points at
//!   a sentence the published translation itself leaves unpaired (a gold bead with an empty side:
//!   a real omission or addition). Every other finding counts against precision, including real
//!   discrepancies of the published translation that the gold beads do not record (a changed
//!   constant, a dropped chapter number): those are listed by kind for the unmodified documents;
//! - precision (new findings): hits / findings not already reported on the unmodified document,
//!   matched as `--baseline` matches them: what a CI job with a baseline would report.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use bialign::align::AlignOptions;
use bialign::anchor::bead_anchors::AnchorKind;
use bialign::anchor::compare;
use bialign::anchor::glossary::Glossary;
use bialign::anchor::latin;
use bialign::check::baseline::{pair_up, FindingKey};
use bialign::check::{self, partial, unpaired, CheckOptions, Finding, Kind};
use bialign::eval::{read_beads, EvalSet, IndexBead};
use bialign::names::Named;
use bialign::pipeline::{align_documents, LangChoice};
use bialign::{Document, Lang, Split};

const DEFAULT_COPIES: usize = 60;
/// Confidence thresholds of the omission precision-recall curve.
const THRESHOLDS: [f64; 11] = [0.03, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
/// Injection sites in one copy are at least this many gold beads apart.
const MIN_GAP: usize = 4;
const DEFAULT_SEED: u64 = 0x5eed_b1a1_9e00_0001;
/// With a single document, an "added" sentence is one from at least this many sentences away.
const FAR: usize = 50;

/// SplitMix64: small, seeded, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        (!items.is_empty()).then(|| &items[self.below(items.len())])
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Injection {
    Drop,
    Add,
    Number,
    Name,
    Clause,
    Copy,
}

impl Injection {
    const ALL: [Injection; 6] = [
        Injection::Drop,
        Injection::Add,
        Injection::Number,
        Injection::Name,
        Injection::Clause,
        Injection::Copy,
    ];
    /// The kinds an even copy gets, one of each; odd copies get the rest.
    const TOGETHER: usize = 5;

    fn kind(self) -> Kind {
        match self {
            Injection::Drop => Kind::Omission,
            Injection::Add => Kind::Addition,
            Injection::Number => Kind::NumberMismatch,
            Injection::Name => Kind::TermMismatch,
            Injection::Clause => Kind::PartialOmission,
            Injection::Copy => Kind::Untranslated,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Injection::Drop => "drop a target sentence",
            Injection::Add => "add a foreign sentence",
            Injection::Number => "change a number",
            Injection::Name => "misspell a name",
            Injection::Clause => "drop a clause",
            Injection::Copy => "leave a sentence untranslated",
        }
    }
}

#[derive(Clone)]
struct Doc {
    name: String,
    src: Vec<String>,
    tgt: Vec<String>,
    gold: Vec<IndexBead>,
    src_lang: Lang,
    tgt_lang: Lang,
}

/// Where an injection went, in the injected copy.
struct Placed {
    what: Injection,
    /// Source sentences (drop) or the target sentence (others) a hit must point at.
    src: Vec<usize>,
    tgt: Option<usize>,
}

/// A planned change to the original target lines.
enum Edit {
    Drop(usize),
    InsertAfter(Option<usize>, String),
    Replace(usize, String, Injection),
}

#[derive(Default, Clone, Copy)]
struct Tally {
    injected: usize,
    found: usize,
    findings: usize,
    hits: usize,
    /// Hits, and findings at what the published translation itself leaves unpaired.
    right: usize,
    new_findings: usize,
    new_hits: usize,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "--fit") {
        fit(&args[1..]);
        return;
    }
    if args.first().is_some_and(|a| a == "--plot") {
        plot(&args[1], &args[2]);
        return;
    }
    let dir = args.first().map(PathBuf::from).unwrap_or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/mac-dev-zh-en")
    });
    let copies: usize = args
        .get(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(DEFAULT_COPIES);
    // Another seed places the injections elsewhere: how much the figures move with it.
    let seed: u64 = args
        .get(2)
        .and_then(|s| match s.strip_prefix("0x") {
            Some(hex) => u64::from_str_radix(hex, 16).ok(),
            None => s.parse().ok(),
        })
        .unwrap_or(DEFAULT_SEED);
    let sensitivity: unpaired::Sensitivity = args
        .get(3)
        .map(|s| s.parse().expect("strict, normal or review"))
        .unwrap_or_default();
    if !dir.join("LANGS").is_file() {
        println!(
            "skipping the detection benchmark: {} is not there (it needs the gold-aligned \
             evaluation documents, which are not part of the repository)",
            dir.display()
        );
        return;
    }
    let set = match EvalSet::open(&dir) {
        Ok(s) => s,
        Err(e) => {
            println!("skipping the detection benchmark: {e}");
            return;
        }
    };
    let docs: Vec<Doc> = set
        .docs
        .iter()
        .map(|d| Doc {
            name: d.name.clone(),
            src: lines(&d.src),
            tgt: lines(&d.tgt),
            gold: read_beads(&d.gold).expect("gold beads"),
            src_lang: set.src_lang,
            tgt_lang: set.tgt_lang,
        })
        .collect();
    // Documents the way translators check them: cut into pieces of so many gold beads, and
    // given paragraphs (a blank line on both sides after every so many gold beads).
    let env_number = |name: &str| {
        std::env::var(name)
            .ok()
            .map(|v| v.parse::<usize>().expect("a whole number"))
    };
    let piece = env_number("DETECTION_PIECE");
    let paragraph = env_number("DETECTION_PARAGRAPH");
    let docs: Vec<Doc> = docs
        .iter()
        .flat_map(|d| match piece {
            Some(size) => pieces(d, size),
            None => vec![d.clone()],
        })
        .map(|d| match paragraph {
            Some(size) => with_paragraphs(&d, size),
            None => d,
        })
        .collect();

    // Calibration data for the omission and addition evidence (see `fit`).
    let mut features_out = std::env::var_os("DETECTION_FEATURES").map(|path| {
        std::io::BufWriter::new(
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .expect("a writable features file"),
        )
    });
    let mut rng = Rng(seed);
    let mut tallies: HashMap<Injection, Tally> = HashMap::new();
    let mut unavailable: HashSet<(String, Injection)> = HashSet::new();
    let mut clean_counts: HashMap<Kind, usize> = HashMap::new();
    let started = std::time::Instant::now();
    let mut dropped_paragraphs = Tally::default();
    let mut curve = [Tally::default(); THRESHOLDS.len()];
    for (d, doc) in docs.iter().enumerate() {
        let clean = run_check(doc, &doc.tgt, sensitivity);
        for f in &clean {
            *clean_counts.entry(f.kind).or_insert(0usize) += 1;
        }
        let clean_keys: Vec<FindingKey> = clean.iter().map(FindingKey::of).collect();
        let sites = Sites::find(doc);
        for what in Injection::ALL {
            if sites.of(what).is_empty() {
                unavailable.insert((doc.name.clone(), what));
            }
        }
        for c in 0..2 * copies {
            // Even copies get one error of each of the four kinds the checks are built for; odd
            // copies one untranslated sentence alone (a copied source sentence shifts the
            // alignment around it, which would blur the measurement of the other kinds).
            let kinds: &[Injection] = if c % 2 == 0 {
                &Injection::ALL[..Injection::TOGETHER]
            } else {
                &Injection::ALL[Injection::TOGETHER..]
            };
            let edits = plan(doc, &docs, d, &sites, kinds, &mut rng);
            let (tgt, placed, moved) = apply(doc, &edits);
            // What the published translation itself leaves unpaired (gold beads with an empty
            // side), in this copy's numbering: findings there are right, not false alarms.
            let natural_src: Vec<usize> = doc
                .gold
                .iter()
                .filter(|b| b.1.is_empty())
                .flat_map(|b| b.0.iter().copied())
                .collect();
            let natural_tgt: Vec<usize> = doc
                .gold
                .iter()
                .filter(|b| b.0.is_empty())
                .flat_map(|b| b.1.iter().filter_map(|&j| moved[j]))
                .collect();
            let natural = |f: &Finding| match f.kind {
                Kind::Omission => f.source.sentences.iter().any(|i| natural_src.contains(i)),
                Kind::Addition => f.target.sentences.iter().any(|j| natural_tgt.contains(j)),
                _ => false,
            };
            let (result, findings) = run_check_full(doc, &tgt, sensitivity);
            if let Some(w) = features_out.as_mut().filter(|_| c % 2 == 0) {
                let dropped: Vec<usize> = placed
                    .iter()
                    .filter(|p| p.what == Injection::Drop)
                    .flat_map(|p| p.src.iter().copied())
                    .collect();
                let added: Vec<usize> = placed
                    .iter()
                    .filter(|p| p.what == Injection::Add)
                    .filter_map(|p| p.tgt)
                    .collect();
                let clipped: Vec<usize> = placed
                    .iter()
                    .filter(|p| p.what == Injection::Clause)
                    .flat_map(|p| p.src.iter().copied())
                    .collect();
                let src_label = |i: usize| dropped.contains(&i) || natural_src.contains(&i);
                let tgt_label = |j: usize| added.contains(&j) || natural_tgt.contains(&j);
                let clause_label = |i: usize| clipped.contains(&i);
                write_features(w, &result, &src_label, &tgt_label, &clause_label);
            }
            let keys: Vec<FindingKey> = findings.iter().map(FindingKey::of).collect();
            let (pre_existing, _) = pair_up(&keys, &clean_keys);
            // The precision-recall curve of omissions over the findings' confidence.
            let drops: Vec<&Placed> = placed
                .iter()
                .filter(|p| p.what == Injection::Drop)
                .collect();
            if !drops.is_empty() {
                for (point, &threshold) in curve.iter_mut().zip(&THRESHOLDS) {
                    let kept = |f: &Finding| {
                        f.kind == Kind::Omission && f.confidence.unwrap_or(1.0) >= threshold
                    };
                    let clean_kept: Vec<FindingKey> = clean
                        .iter()
                        .filter(|f| kept(f))
                        .map(FindingKey::of)
                        .collect();
                    let mine: Vec<&Finding> = findings.iter().filter(|f| kept(f)).collect();
                    let mine_keys: Vec<FindingKey> =
                        mine.iter().map(|f| FindingKey::of(f)).collect();
                    let (old, _) = pair_up(&mine_keys, &clean_kept);
                    point.injected += drops.len();
                    point.found += drops
                        .iter()
                        .filter(|p| mine.iter().any(|f| hits(f, p)))
                        .count();
                    for (f, old) in mine.iter().zip(&old) {
                        let hit = drops.iter().any(|p| hits(f, p));
                        point.findings += 1;
                        point.hits += usize::from(hit);
                        point.right += usize::from(hit || natural(f));
                        if !old {
                            point.new_findings += 1;
                            point.new_hits += usize::from(hit);
                        }
                    }
                }
            }
            if std::env::var_os("DETECTION_DEBUG").is_some() {
                debug(doc, &result, &findings, &pre_existing, &placed);
            }
            for &what in Injection::ALL
                .iter()
                .filter(|w| placed.iter().any(|p| p.what == **w))
            {
                let t = tallies.entry(what).or_default();
                let mine: Vec<&Placed> = placed.iter().filter(|p| p.what == what).collect();
                t.injected += mine.len();
                t.found += mine
                    .iter()
                    .filter(|p| findings.iter().any(|f| hits(f, p)))
                    .count();
                for (f, old) in findings.iter().zip(&pre_existing) {
                    if f.kind != what.kind() {
                        continue;
                    }
                    let hit = mine.iter().any(|p| hits(f, p));
                    t.findings += 1;
                    t.hits += usize::from(hit);
                    t.right += usize::from(hit || natural(f));
                    if !old {
                        t.new_findings += 1;
                        t.new_hits += usize::from(hit);
                    }
                }
            }
        }
        if paragraph.is_some() {
            let t = paragraph_drops(doc, sensitivity, &clean_keys);
            let total = &mut dropped_paragraphs;
            total.injected += t.injected;
            total.found += t.found;
            total.findings += t.findings;
            total.hits += t.hits;
            total.right += t.right;
            total.new_findings += t.new_findings;
            total.new_hits += t.new_hits;
        }
    }
    let elapsed = started.elapsed();

    println!(
        "Detection benchmark: {} documents of {}, {copies} injected copies each, seed {seed:#x}, sensitivity {sensitivity} ({:.1} s)\n",
        docs.len(),
        dir.display(),
        elapsed.as_secs_f64()
    );
    println!(
        "| injection | finding kind | injected | recall | precision | precision (new findings) |"
    );
    println!("|---|---|---:|---:|---:|---:|");
    let ratio = |a: usize, b: usize| {
        if b == 0 {
            "–".to_owned()
        } else {
            format!("{:.3} ({a}/{b})", a as f64 / b as f64)
        }
    };
    for what in Injection::ALL {
        let t = tallies.get(&what).copied().unwrap_or_default();
        println!(
            "| {} | `{}` | {} | {} | {} | {} |",
            what.label(),
            what.kind(),
            t.injected,
            ratio(t.found, t.injected),
            ratio(t.right, t.findings),
            ratio(t.new_hits, t.new_findings),
        );
    }
    if paragraph.is_some() {
        let t = dropped_paragraphs;
        println!(
            "| drop a paragraph (found: half its sentences reported) | `omission` | {} | {} | {} | {} |",
            t.injected,
            ratio(t.found, t.injected),
            ratio(t.right, t.findings),
            ratio(t.new_hits, t.new_findings),
        );
    }
    println!("\nOmissions by confidence (a finding counts when its confidence is at least the threshold):\n");
    println!("| threshold | recall | precision | precision (new findings) |");
    println!("|---:|---:|---:|---:|");
    for (t, threshold) in curve.iter().zip(THRESHOLDS) {
        println!(
            "| {threshold:.2} | {} | {} | {} |",
            ratio(t.found, t.injected),
            ratio(t.right, t.findings),
            ratio(t.new_hits, t.new_findings)
        );
    }
    if let Some(path) = std::env::var_os("DETECTION_CURVE") {
        // label, threshold, recall, precision, precision of new findings: for `--plot`.
        let label = std::env::var("DETECTION_LABEL").unwrap_or_else(|_| dir.display().to_string());
        let mut out = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .expect("a writable curve file");
        let share = |a: usize, b: usize| {
            if b == 0 {
                f64::NAN
            } else {
                a as f64 / b as f64
            }
        };
        for (t, threshold) in curve.iter().zip(THRESHOLDS) {
            use std::io::Write;
            writeln!(
                out,
                "{label}\t{threshold}\t{:.4}\t{:.4}\t{:.4}",
                share(t.found, t.injected),
                share(t.right, t.findings),
                share(t.new_hits, t.new_findings)
            )
            .expect("curve written");
        }
    }
    println!("\nFindings on the unmodified documents:");
    for kind in Kind::ALL {
        println!(
            "- `{kind}`: {}",
            clean_counts.get(&kind).copied().unwrap_or(0)
        );
    }
    let mut missing: Vec<_> = unavailable.into_iter().collect();
    missing.sort_by(|a, b| a.0.cmp(&b.0));
    for (doc, what) in missing {
        println!("\nnote: {doc} has no site to {}", what.label());
    }
}

/// One line per sentence of both sides: side, label (1: it has no counterpart), whether the
/// alignment leaves it alone, and the features of [`unpaired::features`].
fn write_features(
    w: &mut impl std::io::Write,
    result: &bialign::pipeline::PairResult,
    src_label: &dyn Fn(usize) -> bool,
    tgt_label: &dyn Fn(usize) -> bool,
    clause_label: &dyn Fn(usize) -> bool,
) {
    let cx = check::Context {
        pair: &result.pair,
        src_doc: &result.src_doc,
        tgt_doc: &result.tgt_doc,
    };
    for (side, label, name) in [
        (check::SideName::Source, src_label, "src"),
        (check::SideName::Target, tgt_label, "tgt"),
    ] {
        for (i, e) in unpaired::evidence(&cx, side).iter().enumerate() {
            let x = unpaired::features(e);
            let x: Vec<String> = x.iter().map(|v| format!("{v:.4}")).collect();
            writeln!(
                w,
                "{name}\t{}\t{}\t{}",
                u8::from(label(i)),
                u8::from(e.alone),
                x.join("\t")
            )
            .expect("features written");
        }
    }
    for e in partial::evidence(&cx) {
        let bead = &result.pair.alignment.beads[e.bead];
        let x: Vec<String> = partial::features(&e)
            .iter()
            .map(|v| format!("{v:.4}"))
            .collect();
        writeln!(
            w,
            "part\t{}\t0\t{}",
            u8::from(bead.src.clone().any(clause_label)),
            x.join("\t")
        )
        .expect("features written");
    }
}

/// Fit the logistic coefficients of [`unpaired::PAIRED`] and [`unpaired::ALONE`] on feature
/// files written with `DETECTION_FEATURES`, by Newton's method with a little L2 shrinkage, and
/// print them with the log-loss and calibration by decile.
fn fit(files: &[String]) {
    let mut rows: Vec<(String, bool, bool, Vec<f64>)> = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file).expect("a readable features file");
        for line in text.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            let x: Vec<f64> = std::iter::once(1.0)
                .chain(
                    cols[3..]
                        .iter()
                        .map(|v| v.parse::<f64>().expect("a number")),
                )
                .collect();
            rows.push((cols[0].to_owned(), cols[1] == "1", cols[2] == "1", x));
        }
    }
    /// Which rows (side, left alone by the alignment) a set of coefficients is fitted on.
    type Belongs<'a> = &'a dyn Fn(&str, bool) -> bool;
    let groups: [(&str, Belongs); 3] = [
        ("PAIRED", &|side, alone| side != "part" && !alone),
        ("ALONE", &|side, alone| side != "part" && alone),
        ("partial::COEFFICIENTS", &|side, _| side == "part"),
    ];
    for (name, belongs) in groups {
        let data: Vec<(bool, &Vec<f64>)> = rows
            .iter()
            .filter(|r| belongs(&r.0, r.2))
            .map(|r| (r.1, &r.3))
            .collect();
        let w = logistic(&data);
        let positives = data.iter().filter(|d| d.0).count();
        println!(
            "{name}: {} sentences, {positives} without a counterpart\npub const {name}: [f64; FEATURES + 1] = {:?};",
            data.len(),
            w.iter().map(|v| (v * 1000.0).round() / 1000.0).collect::<Vec<_>>()
        );
        let mut deciles = vec![(0usize, 0usize, 0.0f64); 10];
        for (y, x) in &data {
            let p = sigmoid(dot(&w, x));
            let d = ((p * 10.0) as usize).min(9);
            deciles[d].0 += 1;
            deciles[d].1 += usize::from(*y);
            deciles[d].2 += p;
        }
        for (d, (n, pos, sum)) in deciles.iter().enumerate() {
            if *n > 0 {
                println!(
                    "  predicted {:.1}-{:.1}: {n} sentences, mean prediction {:.3}, observed {:.3}",
                    d as f64 / 10.0,
                    (d + 1) as f64 / 10.0,
                    sum / *n as f64,
                    *pos as f64 / *n as f64
                );
            }
        }
    }
}

/// Draw the curves of a `DETECTION_CURVE` file (precision of new findings against recall, one
/// line per label, a dot per threshold) as an SVG.
fn plot(input: &str, output: &str) {
    let text = std::fs::read_to_string(input).expect("a readable curve file");
    // Per label: (threshold, recall, precision of new findings).
    type Points = Vec<(f64, f64, f64)>;
    let mut series: Vec<(String, Points)> = Vec::new();
    for line in text.lines() {
        let c: Vec<&str> = line.split('\t').collect();
        let (label, threshold, recall, new_precision) = (
            c[0].to_owned(),
            c[1].parse::<f64>().expect("a threshold"),
            c[2].parse::<f64>().expect("a recall"),
            c[4].parse::<f64>().expect("a precision"),
        );
        if recall.is_nan() || new_precision.is_nan() {
            continue;
        }
        match series.iter_mut().find(|s| s.0 == label) {
            Some(s) => s.1.push((threshold, recall, new_precision)),
            None => series.push((label, vec![(threshold, recall, new_precision)])),
        }
    }
    let (w, h, m) = (640.0, 480.0, 60.0);
    let x = |r: f64| m + r * (w - 2.0 * m);
    let y = |p: f64| h - m - p * (h - 2.0 * m);
    let colours = [
        "#1b6ca8", "#d1495b", "#2e933c", "#edae49", "#6a4c93", "#555555",
    ];
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
    );
    for k in 0..=10 {
        let v = k as f64 / 10.0;
        svg += &format!(
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#ddd\"/><line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#ddd\"/>\n<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{v:.1}</text><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{v:.1}</text>\n",
            x(v), y(0.0), x(v), y(1.0), x(0.0), y(v), x(1.0), y(v),
            x(v), h - m + 18.0, m - 6.0, y(v) + 4.0
        );
    }
    svg += &format!(
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">recall of dropped sentences</text>\n<text x=\"16\" y=\"{:.1}\" transform=\"rotate(-90 16 {:.1})\" text-anchor=\"middle\">precision of new omission findings</text>\n<text x=\"{:.1}\" y=\"24\" text-anchor=\"middle\" font-size=\"14\">Omissions: precision against recall as the confidence threshold falls from 0.9 to 0.03</text>\n",
        w / 2.0, h - 16.0, h / 2.0, h / 2.0, w / 2.0
    );
    for (k, (label, points)) in series.iter().enumerate() {
        let colour = colours[k % colours.len()];
        let path: Vec<String> = points
            .iter()
            .map(|&(_, r, p)| format!("{:.1},{:.1}", x(r), y(p)))
            .collect();
        svg += &format!(
            "<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{}\"/>\n",
            path.join(" ")
        );
        for &(t, r, p) in points {
            svg += &format!(
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"{colour}\"><title>{label}: threshold {t}, recall {r:.3}, precision {p:.3}</title></circle>\n",
                x(r), y(p)
            );
        }
        svg += &format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"12\" height=\"12\" fill=\"{colour}\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text>\n",
            m + 10.0,
            y(0.02) - 18.0 * (series.len() - k) as f64,
            m + 28.0,
            y(0.02) - 18.0 * (series.len() - k) as f64 + 10.0,
            label.replace('&', "&amp;").replace('<', "&lt;")
        );
    }
    svg += "</svg>\n";
    std::fs::write(output, svg).expect("the SVG written");
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Logistic regression by Newton's method (ridge 1e-3 keeps constant features finite).
fn logistic(data: &[(bool, &Vec<f64>)]) -> Vec<f64> {
    let k = data.first().map_or(0, |d| d.1.len());
    let mut w = vec![0.0; k];
    for _ in 0..50 {
        let mut grad = vec![0.0; k];
        let mut hess = vec![vec![0.0; k]; k];
        for (y, x) in data {
            let p = sigmoid(dot(&w, x));
            let r = p - f64::from(u8::from(*y));
            for a in 0..k {
                grad[a] += r * x[a];
                for b in 0..k {
                    hess[a][b] += p * (1.0 - p) * x[a] * x[b];
                }
            }
        }
        for a in 0..k {
            grad[a] += 1e-3 * w[a];
            hess[a][a] += 1e-3;
        }
        let step = solve(hess, grad);
        for a in 0..k {
            w[a] -= step[a];
        }
        if step.iter().map(|s| s.abs()).fold(0.0, f64::max) < 1e-8 {
            break;
        }
    }
    w
}

/// Gaussian elimination with partial pivoting.
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Vec<f64> {
    let n = b.len();
    for c in 0..n {
        let p = (c..n)
            .max_by(|&i, &j| a[i][c].abs().total_cmp(&a[j][c].abs()))
            .expect("a row");
        a.swap(c, p);
        b.swap(c, p);
        let pivot = a[c].clone();
        for r in c + 1..n {
            let f = a[r][c] / pivot[c];
            for (x, p) in a[r].iter_mut().zip(&pivot).skip(c) {
                *x -= f * p;
            }
            b[r] -= f * b[c];
        }
    }
    let mut x = vec![0.0; n];
    for r in (0..n).rev() {
        let s: f64 = (r + 1..n).map(|k| a[r][k] * x[k]).sum();
        x[r] = (b[r] - s) / a[r][r];
    }
    x
}

/// Each paragraph of the document (gold beads between blank lines) dropped from the target in
/// turn, one copy each: found when omission findings cover at least half its source sentences.
fn paragraph_drops(
    doc: &Doc,
    sensitivity: unpaired::Sensitivity,
    clean_keys: &[FindingKey],
) -> Tally {
    let blank = |b: &IndexBead| {
        b.0.iter().all(|&i| doc.src[i].trim().is_empty())
            && b.1.iter().all(|&j| doc.tgt[j].trim().is_empty())
    };
    let mut paragraphs: Vec<Vec<&IndexBead>> = vec![Vec::new()];
    for b in &doc.gold {
        if blank(b) {
            paragraphs.push(Vec::new());
        } else if let Some(last) = paragraphs.last_mut() {
            last.push(b);
        }
    }
    let natural: Vec<usize> = doc
        .gold
        .iter()
        .filter(|b| b.1.is_empty())
        .flat_map(|b| b.0.iter().copied())
        .collect();
    let mut t = Tally::default();
    for beads in paragraphs
        .iter()
        .filter(|p| p.iter().any(|b| !b.1.is_empty()))
    {
        let src: Vec<usize> = beads.iter().flat_map(|b| b.0.iter().copied()).collect();
        let dropped: Vec<usize> = beads.iter().flat_map(|b| b.1.iter().copied()).collect();
        if src.is_empty() {
            continue;
        }
        let tgt: Vec<String> = doc
            .tgt
            .iter()
            .enumerate()
            .filter(|(j, _)| !dropped.contains(j))
            .map(|(_, l)| l.clone())
            .collect();
        let findings = run_check(doc, &tgt, sensitivity);
        let keys: Vec<FindingKey> = findings.iter().map(FindingKey::of).collect();
        let (pre_existing, _) = pair_up(&keys, clean_keys);
        let reported: HashSet<usize> = findings
            .iter()
            .filter(|f| f.kind == Kind::Omission)
            .flat_map(|f| f.source.sentences.iter().copied())
            .collect();
        t.injected += 1;
        t.found +=
            usize::from(2 * src.iter().filter(|i| reported.contains(i)).count() >= src.len());
        for (f, old) in findings.iter().zip(&pre_existing) {
            if f.kind != Kind::Omission {
                continue;
            }
            let hit = f.source.sentences.iter().any(|i| src.contains(i));
            t.findings += 1;
            t.hits += usize::from(hit);
            t.right += usize::from(hit || f.source.sentences.iter().any(|i| natural.contains(i)));
            if !old {
                t.new_findings += 1;
                t.new_hits += usize::from(hit);
            }
        }
    }
    t
}

/// The document cut into consecutive pieces of `size` gold beads (the last may be shorter),
/// each a document of its own; pieces with fewer than three pair beads are left out.
fn pieces(doc: &Doc, size: usize) -> Vec<Doc> {
    doc.gold
        .chunks(size.max(1))
        .enumerate()
        .filter(|(_, beads)| {
            beads
                .iter()
                .filter(|b| !b.0.is_empty() && !b.1.is_empty())
                .count()
                >= 3
        })
        .map(|(k, beads)| {
            let first = |side: fn(&IndexBead) -> &Vec<usize>| {
                beads.iter().flat_map(side).copied().min().unwrap_or(0)
            };
            let last = |side: fn(&IndexBead) -> &Vec<usize>| {
                beads
                    .iter()
                    .flat_map(side)
                    .copied()
                    .max()
                    .map_or(0, |x| x + 1)
            };
            let (s0, s1) = (first(|b| &b.0), last(|b| &b.0));
            let (t0, t1) = (first(|b| &b.1), last(|b| &b.1));
            Doc {
                name: format!("{}#{k}", doc.name),
                src: doc.src[s0..s1.max(s0)].to_vec(),
                tgt: doc.tgt[t0..t1.max(t0)].to_vec(),
                gold: beads
                    .iter()
                    .map(|b| {
                        (
                            b.0.iter().map(|i| i - s0).collect(),
                            b.1.iter().map(|j| j - t0).collect(),
                        )
                    })
                    .collect(),
                ..doc.clone()
            }
        })
        .collect()
}

/// The document with a blank line on both sides after every `size` gold beads: paragraphs, as
/// `--split lines` reads them. The two blank lines are a gold bead of their own.
fn with_paragraphs(doc: &Doc, size: usize) -> Doc {
    let size = size.max(1);
    // Where each paragraph break goes: before the first sentence of bead k on each side.
    let first = |k: usize, side: fn(&IndexBead) -> &Vec<usize>, len: usize| {
        doc.gold[k..]
            .iter()
            .find_map(|b| side(b).iter().min().copied())
            .unwrap_or(len)
    };
    let breaks: Vec<(usize, usize, usize)> = (size..doc.gold.len())
        .step_by(size)
        .map(|k| {
            (
                k,
                first(k, |b| &b.0, doc.src.len()),
                first(k, |b| &b.1, doc.tgt.len()),
            )
        })
        .collect();
    let with_blanks = |lines: &[String], at: Vec<usize>| -> (Vec<String>, Vec<usize>, Vec<usize>) {
        let (mut out, mut moved, mut blanks) = (Vec::new(), Vec::new(), Vec::new());
        let mut next = at.iter().peekable();
        for (i, line) in lines.iter().enumerate() {
            while next.peek().is_some_and(|&&b| b <= i) {
                next.next();
                blanks.push(out.len());
                out.push(String::new());
            }
            moved.push(out.len());
            out.push(line.clone());
        }
        for _ in next {
            blanks.push(out.len());
            out.push(String::new());
        }
        (out, moved, blanks)
    };
    let (src, src_moved, src_blanks) = with_blanks(&doc.src, breaks.iter().map(|b| b.1).collect());
    let (tgt, tgt_moved, tgt_blanks) = with_blanks(&doc.tgt, breaks.iter().map(|b| b.2).collect());
    let mut gold = Vec::new();
    let mut blank = 0;
    for (k, b) in doc.gold.iter().enumerate() {
        if breaks.get(blank).is_some_and(|br| br.0 == k) {
            gold.push((vec![src_blanks[blank]], vec![tgt_blanks[blank]]));
            blank += 1;
        }
        gold.push((
            b.0.iter().map(|&i| src_moved[i]).collect(),
            b.1.iter().map(|&j| tgt_moved[j]).collect(),
        ));
    }
    Doc {
        src,
        tgt,
        gold,
        ..doc.clone()
    }
}

fn lines(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("readable document");
    text.lines().map(str::to_owned).collect()
}

/// The aligner's options: the defaults, with the translation table named by `DETECTION_TABLE`
/// (from `bialign learn`) when it is set.
fn align_options() -> &'static AlignOptions {
    static OPTIONS: std::sync::OnceLock<AlignOptions> = std::sync::OnceLock::new();
    OPTIONS.get_or_init(|| AlignOptions {
        table: std::env::var_os("DETECTION_TABLE").map(|path| {
            let table = bialign::table::TranslationTable::read(Path::new(&path))
                .unwrap_or_else(|e| panic!("DETECTION_TABLE: {e}"));
            std::sync::Arc::new(table)
        }),
        ..AlignOptions::default()
    })
}

fn run_check(doc: &Doc, tgt: &[String], sensitivity: unpaired::Sensitivity) -> Vec<Finding> {
    run_check_full(doc, tgt, sensitivity).1
}

fn run_check_full(
    doc: &Doc,
    tgt: &[String],
    sensitivity: unpaired::Sensitivity,
) -> (bialign::pipeline::PairResult, Vec<Finding>) {
    let src_doc = Document::from_text(format!("{}.src", doc.name), doc.src.join("\n"));
    let tgt_doc = Document::from_text(format!("{}.tgt", doc.name), tgt.join("\n"));
    let result = align_documents(
        src_doc,
        tgt_doc,
        [
            LangChoice::Fixed(doc.src_lang),
            LangChoice::Fixed(doc.tgt_lang),
        ],
        Split::Lines,
        align_options(),
    );
    let options = CheckOptions {
        sensitivity,
        ..CheckOptions::default()
    };
    let findings = check::check(&result, &options);
    (result, findings)
}

fn hits(f: &Finding, p: &Placed) -> bool {
    if f.kind != p.what.kind() {
        return false;
    }
    match p.what {
        Injection::Drop | Injection::Clause => f.source.sentences.iter().any(|s| p.src.contains(s)),
        _ => p.tgt.is_some_and(|t| f.target.sentences.contains(&t)),
    }
}

/// Candidate places for each injection in one document.
struct Sites {
    /// Gold pair beads with exactly one target sentence.
    drop: Vec<usize>,
    /// Gold bead boundaries (insert after the target sentence of bead k).
    add: Vec<usize>,
    /// (gold bead, target sentence, byte span, written as words) of numbers shared with the source.
    number: Vec<(usize, usize, (usize, usize), bool)>,
    /// (gold bead, target sentence, byte span) of names.
    name: Vec<(usize, usize, (usize, usize))>,
    /// Gold 1-1 beads whose source is long enough to be recognised as a language.
    copy: Vec<usize>,
    /// (gold bead, target sentence, the sentence without one of its clauses) of pair beads with
    /// one target sentence.
    clause: Vec<(usize, usize, String)>,
}

impl Sites {
    fn of(&self, what: Injection) -> Vec<usize> {
        match what {
            Injection::Drop => self.drop.clone(),
            Injection::Add => self.add.clone(),
            Injection::Number => self.number.iter().map(|x| x.0).collect(),
            Injection::Name => self.name.iter().map(|x| x.0).collect(),
            Injection::Clause => self.clause.iter().map(|x| x.0).collect(),
            Injection::Copy => self.copy.clone(),
        }
    }

    fn find(doc: &Doc) -> Sites {
        let pair = |b: &IndexBead| !b.0.is_empty() && !b.1.is_empty();
        let drop = (0..doc.gold.len())
            .filter(|&k| pair(&doc.gold[k]) && doc.gold[k].1.len() == 1)
            .collect();
        let add = (0..doc.gold.len())
            .filter(|&k| pair(&doc.gold[k]))
            .collect();
        let mut number = Vec::new();
        for (k, b) in doc.gold.iter().enumerate().filter(|(_, b)| pair(b)) {
            let src: Vec<&str> = b.0.iter().map(|&i| doc.src[i].as_str()).collect();
            let tgt: Vec<&str> = b.1.iter().map(|&j| doc.tgt[j].as_str()).collect();
            let anchors =
                compare::compare_bead(&src, doc.src_lang, &tgt, doc.tgt_lang, &Glossary::default());
            for a in anchors.tgt.iter().filter(|a| {
                a.matched && matches!(a.kind, AnchorKind::Number | AnchorKind::NumberWord)
            }) {
                number.push((
                    k,
                    b.1[a.sentence],
                    (a.start, a.end),
                    a.kind == AnchorKind::NumberWord,
                ));
            }
        }
        // Names: capitalised words spelled the same at least three times, never in lowercase.
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut lower: HashSet<String> = HashSet::new();
        for line in &doc.tgt {
            for t in latin::terms(line) {
                if t.text.starts_with(char::is_uppercase) {
                    *seen.entry(t.text.to_owned()).or_default() += 1;
                } else {
                    lower.insert(t.text.to_lowercase());
                }
            }
        }
        let names: HashSet<&str> = seen
            .iter()
            .filter(|(w, &n)| {
                n >= 3
                    && w.chars().count() >= 5
                    && w.chars().all(char::is_alphabetic)
                    && !w.chars().all(char::is_uppercase)
                    && !lower.contains(&w.to_lowercase())
            })
            .map(|(w, _)| w.as_str())
            .collect();
        let mut name = Vec::new();
        for (k, b) in doc.gold.iter().enumerate().filter(|(_, b)| pair(b)) {
            for &j in &b.1 {
                for t in latin::terms(&doc.tgt[j]) {
                    if names.contains(t.text) {
                        name.push((k, j, (t.start, t.end)));
                    }
                }
            }
        }
        let copy = (0..doc.gold.len())
            .filter(|&k| {
                let b = &doc.gold[k];
                b.0.len() == 1
                    && b.1.len() == 1
                    && doc.src[b.0[0]]
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .count()
                        >= 12
            })
            .collect();
        let clause = doc
            .gold
            .iter()
            .enumerate()
            .filter(|(_, b)| pair(b) && b.1.len() == 1)
            .flat_map(|(k, b)| {
                let j = b.1[0];
                without_a_clause(&doc.tgt[j])
                    .into_iter()
                    .map(move |text| (k, j, text))
            })
            .collect();
        Sites {
            drop,
            add,
            number,
            name,
            copy,
            clause,
        }
    }
}

/// One injection of each kind, at gold beads at least [`MIN_GAP`] apart.
fn plan(
    doc: &Doc,
    docs: &[Doc],
    d: usize,
    sites: &Sites,
    kinds: &[Injection],
    rng: &mut Rng,
) -> Vec<Edit> {
    let mut used: Vec<usize> = Vec::new();
    let free = |k: usize, used: &[usize]| used.iter().all(|&u| u.abs_diff(k) >= MIN_GAP);
    let mut edits = Vec::new();
    for &what in kinds {
        for _attempt in 0..50 {
            let edit = match what {
                Injection::Drop => {
                    let Some(&k) = rng.pick(&sites.drop) else {
                        break;
                    };
                    free(k, &used).then(|| (k, Edit::Drop(doc.gold[k].1[0])))
                }
                Injection::Add => {
                    let Some(&k) = rng.pick(&sites.add) else {
                        break;
                    };
                    // From another document; with only one, from far away in this one.
                    let (other, far) = if docs.len() > 1 {
                        (&docs[(d + 1 + rng.below(docs.len() - 1)) % docs.len()], 0)
                    } else {
                        (doc, FAR)
                    };
                    let here = doc.gold[k].1.last().copied().unwrap_or(0);
                    let foreign: Vec<&String> = other
                        .tgt
                        .iter()
                        .enumerate()
                        .filter(|(j, l)| l.chars().count() >= 30 && j.abs_diff(here) >= far)
                        .map(|(_, l)| l)
                        .collect();
                    let Some(line) = rng.pick(&foreign) else {
                        break;
                    };
                    let after = doc.gold[k].1.last().copied();
                    free(k, &used).then(|| (k, Edit::InsertAfter(after, (*line).clone())))
                }
                Injection::Number => {
                    let Some(&(k, j, (s, e), words)) = rng.pick(&sites.number) else {
                        break;
                    };
                    let line = &doc.tgt[j];
                    let Some(new) = changed_number(&line[s..e], words, doc.tgt_lang, rng) else {
                        continue;
                    };
                    let text = format!("{}{}{}", &line[..s], new, &line[e..]);
                    free(k, &used).then_some((k, Edit::Replace(j, text, Injection::Number)))
                }
                Injection::Name => {
                    let Some(&(k, j, (s, e))) = rng.pick(&sites.name) else {
                        break;
                    };
                    let line = &doc.tgt[j];
                    let Some(typo) = typo(&line[s..e], rng) else {
                        continue;
                    };
                    let text = format!("{}{}{}", &line[..s], typo, &line[e..]);
                    free(k, &used).then_some((k, Edit::Replace(j, text, Injection::Name)))
                }
                Injection::Clause => {
                    let Some((k, j, text)) = rng.pick(&sites.clause) else {
                        break;
                    };
                    free(*k, &used)
                        .then(|| (*k, Edit::Replace(*j, text.clone(), Injection::Clause)))
                }
                Injection::Copy => {
                    let Some(&k) = rng.pick(&sites.copy) else {
                        break;
                    };
                    let b = &doc.gold[k];
                    let text = doc.src[b.0[0]].clone();
                    free(k, &used).then(|| (k, Edit::Replace(b.1[0], text, Injection::Copy)))
                }
            };
            if let Some((k, edit)) = edit {
                used.push(k);
                edits.push((what, k, edit));
                break;
            }
        }
    }
    edits.into_iter().map(|(_, _, e)| e).collect()
}

/// Apply the edits to the target lines; where each injection ended up.
fn apply(doc: &Doc, edits: &[Edit]) -> (Vec<String>, Vec<Placed>, Vec<Option<usize>>) {
    let mut out = Vec::new();
    let mut placed = Vec::new();
    let mut moved = vec![None; doc.tgt.len()];
    let insert = |after: Option<usize>, out: &mut Vec<String>, placed: &mut Vec<Placed>| {
        for e in edits {
            if let Edit::InsertAfter(a, text) = e {
                if *a == after {
                    placed.push(Placed {
                        what: Injection::Add,
                        src: Vec::new(),
                        tgt: Some(out.len()),
                    });
                    out.push(text.clone());
                }
            }
        }
    };
    insert(None, &mut out, &mut placed);
    for (j, line) in doc.tgt.iter().enumerate() {
        let dropped = edits.iter().any(|e| matches!(e, Edit::Drop(x) if *x == j));
        if dropped {
            let bead = doc.gold.iter().find(|b| b.1.contains(&j)).expect("in gold");
            placed.push(Placed {
                what: Injection::Drop,
                src: bead.0.clone(),
                tgt: None,
            });
        } else if let Some((text, what)) = edits.iter().find_map(|e| match e {
            Edit::Replace(x, text, what) if *x == j => Some((text, *what)),
            _ => None,
        }) {
            // A dropped clause is an omission of the bead's source sentences.
            let src = match what {
                Injection::Clause => doc
                    .gold
                    .iter()
                    .find(|b| b.1.contains(&j))
                    .map(|b| b.0.clone())
                    .unwrap_or_default(),
                _ => Vec::new(),
            };
            placed.push(Placed {
                what,
                src,
                tgt: Some(out.len()),
            });
            moved[j] = Some(out.len());
            out.push(text.clone());
        } else {
            moved[j] = Some(out.len());
            out.push(line.clone());
        }
        insert(Some(j), &mut out, &mut placed);
    }
    (out, placed, moved)
}

/// The sentence without one of its clauses (split as `check` splits them), each way that drops
/// a clause holding at least a quarter of the sentence and leaves at least a third: a dropped
/// clause a reader would miss, not a dropped "he said".
fn without_a_clause(line: &str) -> Vec<String> {
    let clauses = partial::clauses_of(line);
    let chars = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
    let total = chars(line);
    let mut out = Vec::new();
    if clauses.len() < 2 {
        return out;
    }
    for (c, span) in clauses.iter().enumerate() {
        let n = chars(&line[span.clone()]);
        if n * 4 < total || n * 3 > total * 2 {
            continue;
        }
        let text = if c + 1 < clauses.len() {
            format!("{}{}", &line[..span.start], &line[clauses[c + 1].start..])
        } else {
            // The last clause: the one before it loses its separator and takes the sentence's
            // closing punctuation.
            let before = &line[..clauses[c - 1].end];
            let sep = before.chars().next_back().map_or(0, char::len_utf8);
            let clause = &line[span.clone()];
            let close = clause.trim_end_matches(|ch: char| !ch.is_alphanumeric());
            format!(
                "{}{}",
                &before[..before.len() - sep],
                &clause[close.len()..]
            )
        };
        out.push(text);
    }
    out
}

/// Another value written the same way: digits stay digits, words stay words (an ordinal stays an
/// ordinal). `None` when no replacement reads as a different number.
fn changed_number(text: &str, words: bool, lang: Lang, rng: &mut Rng) -> Option<String> {
    let old = numbers(text, lang);
    let old_value = old.first()?.clone();
    let candidate = if !words {
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        if digits.len() != text.len() {
            // Keep it simple: only plain digit runs are rewritten.
            return None;
        }
        let v: u64 = digits.parse().ok()?;
        (v + 1 + rng.below(9) as u64).to_string()
    } else {
        const CARDINALS: [&str; 14] = [
            "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve",
            "twenty", "thirty", "forty", "fifty",
        ];
        const ORDINALS: [&str; 8] = [
            "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        ];
        let lower = text.to_lowercase();
        let ordinal = lower.ends_with("first")
            || lower.ends_with("second")
            || lower.ends_with("third")
            || lower.ends_with("th");
        let list: &[&str] = if ordinal { &ORDINALS } else { &CARDINALS };
        let word = list[rng.below(list.len())];
        if text.starts_with(char::is_uppercase) {
            let mut c = word.chars();
            let first = c.next()?.to_uppercase().collect::<String>();
            format!("{first}{}", c.as_str())
        } else {
            word.to_owned()
        }
    };
    let new = numbers(&candidate, lang);
    (new.len() == 1 && new[0] != old_value).then_some(candidate)
}

/// The values of the numbers in `text`, as `check` compares them (an ordinal's with its ending).
fn numbers(text: &str, lang: Lang) -> Vec<String> {
    compare::compare_bead(&[text], lang, &[], lang, &Glossary::default())
        .src
        .into_iter()
        .filter(|a| matches!(a.kind, AnchorKind::Number | AnchorKind::NumberWord))
        .map(|a| a.key)
        .collect()
}

/// A one-letter typo inside a name: a letter dropped, doubled, or swapped with its neighbour.
fn typo(name: &str, rng: &mut Rng) -> Option<String> {
    let chars: Vec<char> = name.chars().collect();
    if chars.len() < 4 {
        return None;
    }
    let i = 1 + rng.below(chars.len() - 2);
    let mut out = chars.clone();
    match rng.below(3) {
        0 => {
            out.remove(i);
        }
        1 => out.insert(i, chars[i]),
        _ => {
            if chars[i] == chars[i + 1] {
                return None;
            }
            out.swap(i, i + 1);
        }
    }
    Some(out.into_iter().collect())
}

/// With DETECTION_DEBUG set: each missed injection with the beads around it, and each finding that
/// hit nothing.
fn debug(
    doc: &Doc,
    result: &bialign::pipeline::PairResult,
    findings: &[Finding],
    pre_existing: &[bool],
    placed: &[Placed],
) {
    let only: Option<String> = std::env::var("DETECTION_DEBUG")
        .ok()
        .filter(|s| !s.is_empty() && s != "1");
    let beads = &result.pair.alignment.beads;
    let show = |k: usize| {
        let b = &beads[k];
        let s: Vec<&str> = b
            .src
            .clone()
            .map(|i| result.pair.src.sentences[i].text.as_str())
            .collect();
        let t: Vec<&str> = b
            .tgt
            .clone()
            .map(|i| result.pair.tgt.sentences[i].text.as_str())
            .collect();
        format!(
            "    bead {k} {}-{} score {:.2}: {} ||| {}",
            b.src.len(),
            b.tgt.len(),
            b.score,
            s.join(""),
            t.join(" ")
        )
    };
    for p in placed {
        if only.as_deref().is_some_and(|o| o != p.what.kind().name()) {
            continue;
        }
        if findings.iter().any(|f| hits(f, p)) {
            continue;
        }
        println!(
            "MISS {} {:?} src {:?} tgt {:?}",
            doc.name, p.what, p.src, p.tgt
        );
        let k = beads.iter().position(|b| match p.what {
            Injection::Drop => p.src.iter().any(|s| b.src.contains(s)),
            _ => p.tgt.is_some_and(|t| b.tgt.contains(&t)),
        });
        if let Some(k) = k {
            println!("MISSBEAD {}-{}", beads[k].src.len(), beads[k].tgt.len());
            for j in k.saturating_sub(1)..(k + 2).min(beads.len()) {
                println!("{}", show(j));
            }
        }
    }
    for (f, &old) in findings.iter().zip(pre_existing) {
        if old {
            continue;
        }
        if only.as_deref().is_some_and(|o| o != f.kind.name()) {
            continue;
        }
        if matches!(f.kind, Kind::LowConfidence | Kind::LengthOutlier)
            || placed.iter().any(|p| hits(f, p))
        {
            continue;
        }
        let near: Vec<String> = placed
            .iter()
            .map(|p| format!("{:?} src {:?} tgt {:?}", p.what, p.src, p.tgt))
            .collect();
        println!(
            "FALSE {} {}: {} [injected: {}]",
            doc.name,
            f.kind,
            f.message,
            near.join("; ")
        );
        for j in f.bead.saturating_sub(1)..(f.bead + 2).min(beads.len()) {
            println!("{}", show(j));
        }
    }
}

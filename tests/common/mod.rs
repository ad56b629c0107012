//! What the integration tests share: the binary, paths into the bundled corpus, and for the
//! report tests the fixture pair with its hand-made alignment.
#![allow(dead_code)] // Each test file uses its own part of this.

use std::path::{Path, PathBuf};

use bialign::align::{Alignment, Bead};
use bialign::anchor::glossary::Glossary;
use bialign::{eval, segment, Document, Lang};
use bialign::{AlignedPair, Side};

pub const FIXTURE: &str = "tests/fixtures/reports";
pub const CORPUS: &str = "corpora/ilya-stanford";

/// A file of the bundled corpus.
pub fn corpus(name: &str) -> String {
    format!("{CORPUS}/{name}")
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(FIXTURE).join(name)
}

/// Standard base64, as docpairs files carry their texts.
pub fn base64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

pub fn bialign() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("bialign").unwrap();
    // The environment of whoever runs the tests must not change what the tests see.
    cmd.env_remove("NO_COLOR")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env_remove("COLUMNS")
        .env("TERM", "xterm");
    cmd
}

/// Run `bialign COMMAND ARGS… --format json`: the parsed output and the exit status, which
/// must be 0 or 1 (a verdict, not an error).
pub fn json_verdict(command: &str, args: &[&str]) -> (serde_json::Value, i32) {
    let out = bialign()
        .arg(command)
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let code = out.status.code().unwrap();
    assert!(
        code == 0 || code == 1,
        "exit {code}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (serde_json::from_slice(&out.stdout).unwrap(), code)
}

/// `bialign align` on the fixture, languages given, plus `args`.
pub fn align_fixture(args: &[&str]) -> assert_cmd::Command {
    let mut cmd = bialign();
    cmd.args(["align", "--src-lang", "zh", "--tgt-lang", "en"])
        .arg(fixture("zh.txt"))
        .arg(fixture("en.txt"))
        .args(args);
    cmd
}

/// The sentences of a file as the aligner sees them.
pub fn sentences(path: &Path, lang: Lang) -> Vec<String> {
    let doc = Document::read(path).unwrap();
    segment::segment(&doc, lang)
        .into_iter()
        .map(|s| s.text.to_string())
        .collect()
}

/// The fixture with its intended alignment (`gold.beads`, scores included) and glossary, so
/// that what the formats print does not depend on the aligner.
pub fn fixture_pair() -> AlignedPair {
    let side = |file: &str, lang: Lang| {
        let doc = Document::read(&fixture(file)).unwrap();
        Side {
            name: file.to_string(),
            lang,
            sentences: segment::segment(&doc, lang),
        }
    };
    let src = side("zh.txt", Lang::ZH);
    let tgt = side("en.txt", Lang::EN);
    let gold_path = fixture("gold.beads");
    let gold_text = std::fs::read_to_string(&gold_path).unwrap();
    let ids = eval::parse_beads(&gold_path, &gold_text).unwrap();
    // Consecutive ids as ranges; an empty side sits where the previous bead ended.
    let (mut i, mut j) = (0, 0);
    let mut beads = Vec::new();
    for ((s, t), line) in ids.iter().zip(gold_text.lines()) {
        let src = i..i + s.len();
        let tgt = j..j + t.len();
        assert!(s.iter().copied().eq(src.clone()) && t.iter().copied().eq(tgt.clone()));
        (i, j) = (src.end, tgt.end);
        let score = line.rsplit(':').next().unwrap().parse().unwrap();
        beads.push(Bead { src, tgt, score });
    }
    let alignment = Alignment {
        beads,
        length_ratio: 1.9,
        src_unpaired: vec![0.0; src.sentences.len()],
        tgt_unpaired: vec![0.0; tgt.sentences.len()],
        src_alone_margin: vec![f64::INFINITY; src.sentences.len()],
        tgt_alone_margin: vec![f64::INFINITY; tgt.sentences.len()],
    };
    assert!(alignment.is_partition_of(src.sentences.len(), tgt.sentences.len()));
    AlignedPair::new(
        src,
        tgt,
        alignment,
        Glossary::read(&fixture("glossary.csv")).unwrap(),
    )
}

/// A test that cannot run here says why and passes — except under CI (`CI` set, as CI services
/// and `.ci/run` set it), where what it needs must be there, so a missing browser, Java runtime
/// or evaluation set fails the run instead of passing it silently.
pub fn skip(why: &str) {
    if std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false" && v != "0") {
        panic!("CI is set, so this test may not skip: {why}");
    }
    eprintln!("skipping: {why}");
}

//! Hostile but ordinary input: text whose lowercase has other byte lengths, and beads so long
//! that anything done once per anchor over the whole bead would take minutes.

mod common;

use common::{bialign, json_verdict};

/// Ten İ (2 bytes, lowercase 3) and ten ẞ (3 bytes, lowercase 2): the lowercased copy has the
/// length of the original, but every offset between them is shifted.
fn shifting_case() -> String {
    format!("{} AI 中文{}.\n", "İ".repeat(10), "ẞ".repeat(10))
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn text_whose_lowercase_changes_length_is_aligned_in_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let s = write(&dir, "s", "我们研究AI。\n");
    let t = write(&dir, "t", &shifting_case());
    let t2 = write(&dir, "t2", &shifting_case().replace("AI", "AI and AI"));
    let langs = ["--src-lang", "zh", "--tgt-lang", "en"];

    let out = bialign()
        .arg("align")
        .args(langs)
        .args([&s, &t, "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.lines().nth(1).unwrap().contains("我们研究AI。"),
        "{csv}"
    );

    // "AI" is in both: no term finding, whatever the İ and ẞ around it do to offsets.
    let (report, code) = json_verdict("check", &[&langs[..], &[&s, &t]].concat());
    assert_eq!(code, 0, "{report:#}");
    let (_, code) = json_verdict("diff", &[&langs[..], &[&s, &t, &t2]].concat());
    assert_eq!(code, 0);
}

#[test]
fn glossary_terms_are_found_at_their_place_in_the_original() {
    let dir = tempfile::tempdir().unwrap();
    let s = write(&dir, "s", "İ中ẞ。\n");
    let t = write(&dir, "t", "Nothing here.\n");
    let g = write(&dir, "g.csv", "中,China\n");
    let (report, code) = json_verdict(
        "check",
        &[
            "--src-lang",
            "zh",
            "--tgt-lang",
            "en",
            "--glossary",
            &g,
            &s,
            &t,
        ],
    );
    assert_eq!(code, 1);
    let glossary: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "glossary")
        .collect();
    assert_eq!(glossary.len(), 1, "{report:#}");
    let anchor = &glossary[0]["anchors"][0];
    assert_eq!(anchor["text"], "中");
    assert_eq!(anchor["start"], 2);
    assert_eq!(anchor["column"], 2);
}

/// A Chinese line naming `n` people, and an English line that names none of them.
fn names_untranslated(n: usize) -> (String, String) {
    let zh: String = (0..n)
        .map(|i| format!("我们和Person{i}X讨论了问题，"))
        .collect();
    let en = "We talked with all of them about it, ".repeat(n);
    (format!("{zh}。\n"), format!("{}.\n", en.trim_end()))
}

#[test]
fn a_bead_full_of_missing_names_is_one_finding_listing_them_all() {
    let dir = tempfile::tempdir().unwrap();
    let (zh, en) = names_untranslated(400);
    let s = write(&dir, "s", &zh);
    let t = write(&dir, "t", &en);
    let (report, code) = json_verdict("check", &["--src-lang", "zh", "--tgt-lang", "en", &s, &t]);
    assert_eq!(code, 1);
    let terms: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "term-mismatch")
        .collect();
    // Each finding carries the bead's text: one per name would make the report grow with the
    // square of the line's length.
    assert_eq!(terms.len(), 1, "{} term findings", terms.len());
    assert_eq!(terms[0]["anchors"].as_array().unwrap().len(), 400);
    let message = terms[0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("400 differences in one bead: “Person0X” in the source is missing"),
        "{message}"
    );
}

#[test]
fn a_few_missing_names_are_a_finding_each() {
    let dir = tempfile::tempdir().unwrap();
    let (zh, en) = names_untranslated(3);
    let s = write(&dir, "s", &zh);
    let t = write(&dir, "t", &en);
    let (report, _) = json_verdict("check", &["--src-lang", "zh", "--tgt-lang", "en", &s, &t]);
    let terms = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "term-mismatch")
        .count();
    assert_eq!(terms, 3);
}

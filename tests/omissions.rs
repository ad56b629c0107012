//! Omissions where translators look for them: a paragraph, a sentence of a paragraph, a sentence
//! carrying a year, in a one-page article (tests/fixtures/omissions) and in the README's example.

mod common;

use common::{bialign, fixture, json_verdict};
use serde_json::Value;

const ARTICLE_ZH: &str = "tests/fixtures/omissions/article.zh.txt";

fn article_en() -> String {
    std::fs::read_to_string("tests/fixtures/omissions/article.en.txt").unwrap()
}

/// `check` of the Chinese article against `en` (written to a temporary file), at `sensitivity`.
fn check_article(en: &str, sensitivity: &str) -> (Value, i32) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("en.txt");
    std::fs::write(&path, en).unwrap();
    json_verdict(
        "check",
        &[
            "--sensitivity",
            sensitivity,
            ARTICLE_ZH,
            path.to_str().unwrap(),
        ],
    )
}

/// The source sentences and confidence of each omission finding.
fn omissions(report: &Value) -> Vec<(Vec<u64>, f64)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "omission")
        .map(|f| {
            let ids = f["source"]["sentences"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i.as_u64().unwrap())
                .collect();
            (ids, f["confidence"].as_f64().unwrap())
        })
        .collect()
}

#[test]
fn the_readme_example_reports_the_paragraph_only_the_chinese_has() {
    let (report, code) = json_verdict(
        "check",
        &[
            fixture("zh.txt").to_str().unwrap(),
            fixture("en.txt").to_str().unwrap(),
        ],
    );
    assert_eq!(code, 1);
    let found = omissions(&report);
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(found[0].0, [5]);
    let f = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "omission")
        .unwrap();
    assert!(f["source"]["text"]
        .as_str()
        .unwrap()
        .starts_with("这一段话只在中文版里出现"));
    assert_eq!(f["severity"], "error");
}

#[test]
fn the_unmodified_article_has_no_findings_even_for_review() {
    let (report, code) = check_article(&article_en(), "review");
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["findings"].as_array().unwrap().len(), 0);
}

#[test]
fn a_dropped_middle_paragraph_is_one_omission() {
    let en = article_en();
    let paragraphs: Vec<&str> = en.split("\n\n").collect();
    let without = [paragraphs[0], paragraphs[1], paragraphs[3]].join("\n\n");
    let (report, code) = check_article(&without, "normal");
    assert_eq!(code, 1);
    let found = omissions(&report);
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(found[0].0, [7, 8, 9, 10]);
    assert!(found[0].1 >= 0.9, "confidence {}", found[0].1);
}

#[test]
fn a_sentence_dropped_from_a_six_sentence_paragraph_is_found() {
    let en = article_en().replace(
        " On the top floor there is a café that looks out over the whole river.",
        "",
    );
    let (report, _) = check_article(&en, "normal");
    let found = omissions(&report);
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(found[0].0, [5]);
}

#[test]
fn a_dropped_sentence_with_a_year_is_an_omission_not_only_a_number_mismatch() {
    let en = article_en().replace("The trial began in March 2024. ", "");
    let (report, _) = check_article(&en, "normal");
    let found = omissions(&report);
    assert_eq!(found.len(), 1, "{report:#}");
    // 这个试点始于2024年3月。, held by the neighbouring sentence's bead.
    assert_eq!(found[0].0, [12]);
    let omission = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "omission")
        .unwrap();
    assert!(omission["message"]
        .as_str()
        .unwrap()
        .contains("covers only the sentences beside it"));
}

#[test]
fn sensitivity_is_checked_and_trades_findings() {
    let out = bialign()
        .args(["check", "--sensitivity", "paranoid", ARTICLE_ZH, ARTICLE_ZH])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("[possible values: strict, normal, review]"),
        "{stderr}"
    );
    // Every sentence dropped in turn from the first paragraph: review finds at least what
    // normal finds, and normal at least what strict finds.
    let en = article_en();
    let sentences = [
        " The building has six floors and a floor area of about 20,000 square meters.",
        " The ground floor is a children's reading area, its walls covered with animals and stars.",
        " The second and third floors hold more than 400,000 books.",
    ];
    for dropped in sentences {
        let variant = en.replace(dropped, "");
        let counts: Vec<usize> = ["strict", "normal", "review"]
            .iter()
            .map(|s| omissions(&check_article(&variant, s).0).len())
            .collect();
        assert!(
            counts[0] <= counts[1] && counts[1] <= counts[2],
            "{counts:?}"
        );
    }
}

#[test]
fn a_clause_dropped_from_a_sentence_is_a_partial_omission_at_the_clause() {
    let en = article_en().replace(
        "The building has six floors and a floor area of about 20,000 square meters.",
        "The building has six floors.",
    );
    let (report, _) = check_article(&en, "review");
    let partial: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "partial-omission")
        .collect();
    assert_eq!(partial.len(), 1, "{report:#}");
    let f = partial[0];
    assert_eq!(f["source"]["text"], "面积约两万平方米。");
    let source = std::fs::read_to_string(ARTICLE_ZH).unwrap();
    let (start, end) = (
        f["source"]["start"].as_u64().unwrap() as usize,
        f["source"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        &source[start..end],
        "面积约两万平方米。",
        "the span is the clause"
    );
    let confidence = f["confidence"].as_f64().unwrap();
    assert!((0.2..1.0).contains(&confidence), "{confidence}");
    assert!(
        f["target"]["text"]
            .as_str()
            .unwrap()
            .starts_with("The building has six floors."),
        "{f:#}"
    );
}

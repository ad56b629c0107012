//! `bialign check` as a user and a CI job run it: on the bundled corpus and its edited fixtures,
//! with baselines, in every format, and on bad input.

mod common;

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use serde_json::Value;

use common::{bialign, corpus, json_verdict};

/// Run `check` with `--format json`; the parsed output and the exit status.
fn check_json(args: &[&str]) -> (Value, i32) {
    let args: Vec<&str> = args.iter().copied().chain(["--quiet"]).collect();
    json_verdict("check", &args)
}

fn findings(v: &Value) -> &Vec<Value> {
    v["findings"].as_array().unwrap()
}

/// (kind, source text, target text) of the findings at or above warning.
fn serious(v: &Value) -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> = findings(v)
        .iter()
        .filter(|f| f["severity"] != "note")
        .map(|f| {
            (
                f["kind"].as_str().unwrap().to_owned(),
                f["source"]["text"].as_str().unwrap().to_owned(),
                f["target"]["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    out.sort();
    out
}

fn of_kind<'v>(v: &'v Value, kind: &str) -> Vec<&'v Value> {
    findings(v).iter().filter(|f| f["kind"] == kind).collect()
}

fn baseline_of(dir: &Path, tgt: &str) -> PathBuf {
    let (v, _) = check_json(&[&corpus("zh.txt"), tgt]);
    let path = dir.join("baseline.json");
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    path
}

const DROPPED_ZH: &str = "当然,自OpenAI成立以来,ChatGPT花了7年时间才最终面世。";
const ADDED_EN: &str = "This transcript has been edited for length and clarity.";

#[test]
fn edited_translation_against_its_baseline_reports_exactly_the_edits() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = baseline_of(dir.path(), &corpus("en.txt"));
    let (v, code) = check_json(&[
        &corpus("zh.txt"),
        &corpus("en.edited.txt"),
        "--baseline",
        baseline.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    let errors: Vec<(String, String, String)> = serious(&v)
        .into_iter()
        .filter(|(k, _, _)| k == "omission" || k == "number-mismatch")
        .collect();
    assert_eq!(
        errors,
        vec![
            (
                "number-mismatch".to_owned(),
                "伊利亚出生在俄罗斯,5岁时搬到以色列长大。".to_owned(),
                "Ilya was born in Russia and moved to Israel at the age of 6, where he grew up."
                    .to_owned()
            ),
            ("omission".to_owned(), DROPPED_ZH.to_owned(), String::new()),
        ]
    );
    // Every error is new; the summary section left untranslated on purpose is in the baseline.
    assert_eq!(v["summary"]["error"], 2);
    assert!(v["summary"]["baselined"].as_u64().unwrap() >= 5);

    let number = &of_kind(&v, "number-mismatch")[0];
    assert_eq!(
        number["message"],
        "number differs: 5 in the source, 6 in the translation"
    );
    let anchors = number["anchors"].as_array().unwrap();
    assert_eq!(anchors[0]["side"], "source");
    assert_eq!(anchors[0]["text"], "5");
    assert_eq!(anchors[0]["line"], 67);
    assert_eq!(anchors[1]["side"], "target");
    assert_eq!(anchors[1]["text"], "6");
    assert_eq!(anchors[1]["file"], corpus("en.edited.txt"));
    assert_eq!(anchors[1]["line"], 17);

    let omission = &of_kind(&v, "omission")[0];
    assert_eq!(omission["source"]["line"], 77);
    assert_eq!(omission["source"]["column"], 1);
    // The omission's place in the translation: where the dropped sentence stood.
    assert_eq!(omission["target"]["line"], 27);
    assert_eq!(omission["target"]["start"], omission["target"]["end"]);

    let term = of_kind(&v, "term-mismatch");
    assert!(
        term.iter().any(|f| f["message"]
            == "“OpenAI” in the source is spelled “OpenAl” in the translation"
            && f["target"]["line"] == 19),
        "{term:?}"
    );
    let added = of_kind(&v, "addition");
    assert!(
        added
            .iter()
            .any(|f| f["target"]["text"] == ADDED_EN && f["target"]["line"] == 31),
        "{added:?}"
    );
}

#[test]
fn revised_source_against_the_old_translation() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.json");
    let (v, _) = check_json(&[&corpus("zh.txt"), &corpus("en.txt")]);
    std::fs::write(&base, v.to_string()).unwrap();
    let (v, code) = check_json(&[
        &corpus("zh.edited.txt"),
        &corpus("en.txt"),
        "--baseline",
        base.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    let number = of_kind(&v, "number-mismatch");
    assert_eq!(number.len(), 1, "{number:?}");
    assert_eq!(
        number[0]["message"],
        "number differs: 2013 in the source, 2014 in the translation"
    );
    assert_eq!(number[0]["source"]["line"], 79);
    assert_eq!(number[0]["target"]["line"], 29);
    let omission = of_kind(&v, "omission");
    assert_eq!(omission.len(), 1, "{omission:?}");
    assert_eq!(
        omission[0]["source"]["text"],
        "他目前还是OpenAI董事会的成员。"
    );
    assert_eq!(omission[0]["source"]["line"], 81);
}

#[test]
fn exit_status_follows_fail_on_ignore_and_baseline() {
    let zh = corpus("zh.txt");
    let en = corpus("en.txt");
    // The English leaves the Chinese summary untranslated on purpose: omissions, errors.
    bialign().args(["check", &zh, &en, "-q"]).assert().code(1);
    bialign()
        .args(["check", &zh, &en, "-q", "--fail-on", "never"])
        .assert()
        .code(0);
    bialign()
        .args(["check", &zh, &en, "-q", "--ignore", "omission"])
        .assert()
        .code(0);
    let dir = tempfile::tempdir().unwrap();
    let baseline = baseline_of(dir.path(), &en);
    let b = baseline.to_str().unwrap();
    // Against itself nothing is new, not even a warning.
    bialign()
        .args([
            "check",
            &zh,
            &en,
            "-q",
            "--baseline",
            b,
            "--fail-on",
            "warning",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("no findings"));
    bialign()
        .args([
            "check",
            &zh,
            &corpus("en.edited.txt"),
            "-q",
            "--baseline",
            b,
        ])
        .assert()
        .code(1);
    // Ignoring what the edit introduced that is an error passes again, unless warnings fail
    // too (the misspelt name is one).
    let edited = corpus("en.edited.txt");
    let ignoring = [
        "check",
        &zh,
        &edited,
        "-q",
        "--baseline",
        b,
        "--ignore",
        "omission,number-mismatch",
    ];
    bialign().args(ignoring).assert().code(0);
    bialign()
        .args(ignoring)
        .args(["--fail-on", "warning"])
        .assert()
        .code(1);
}

#[test]
fn baseline_matches_by_text_not_position() {
    // Two paragraphs inserted at the top of the translation move every line; the baseline
    // still recognises every finding.
    let dir = tempfile::tempdir().unwrap();
    let en = std::fs::read_to_string(corpus("en.txt")).unwrap();
    let shifted = dir.path().join("en.txt");
    std::fs::write(&shifted, format!("\n\n{en}")).unwrap();
    let baseline = baseline_of(dir.path(), &corpus("en.txt"));
    let (v, code) = check_json(&[
        &corpus("zh.txt"),
        shifted.to_str().unwrap(),
        "--baseline",
        baseline.to_str().unwrap(),
    ]);
    let (clean, _) = check_json(&[&corpus("zh.txt"), &corpus("en.txt")]);
    assert!(
        serious(&v).is_empty(),
        "only notes may differ: {:?}",
        serious(&v)
    );
    assert_eq!(code, 0);
    let clean_serious = serious(&clean).len() as u64;
    assert!(v["summary"]["baselined"].as_u64().unwrap() >= clean_serious);
}

#[test]
fn json_schema_and_locations() {
    let (v, _) = check_json(&[&corpus("zh.txt"), &corpus("en.edited.txt")]);
    assert_eq!(v["version"], 2);
    assert_eq!(v["tool"]["name"], "bialign");
    assert_eq!(v["source"]["file"], corpus("zh.txt"));
    assert_eq!(v["source"]["lang"], "zh");
    assert_eq!(v["target"]["lang"], "en");
    let zh = std::fs::read_to_string(corpus("zh.txt")).unwrap();
    let en = std::fs::read_to_string(corpus("en.edited.txt")).unwrap();
    for f in findings(&v) {
        for key in ["kind", "severity", "message", "bead", "source", "target"] {
            assert!(!f[key].is_null(), "{key} missing in {f}");
        }
        for (side, text) in [("source", &zh), ("target", &en)] {
            let e = &f[side];
            let (s, t) = (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
            );
            let one_sentence = e["sentences"].as_array().unwrap().len() == 1;
            if one_sentence {
                assert_eq!(&text[s..t], e["text"].as_str().unwrap());
            }
            assert!(e["line"].as_u64().unwrap() >= 1 && e["column"].as_u64().unwrap() >= 1);
        }
        for a in f["anchors"].as_array().unwrap() {
            let text = if a["side"] == "source" { &zh } else { &en };
            let (s, t) = (
                a["start"].as_u64().unwrap() as usize,
                a["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[s..t], a["text"].as_str().unwrap());
        }
    }
}

#[test]
fn human_format_groups_by_kind_and_honours_colour() {
    let args = ["check", &corpus("zh.txt"), &corpus("en.edited.txt"), "-q"];
    let out = bialign()
        .args(args)
        .args(["--color", "never"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{1b}'));
    assert!(text.contains("Number mismatches (1)"), "{text}");
    assert!(text.contains("moved to Israel at the age of [6], where he grew up."));
    assert!(text.contains("Omissions: source sentences without a translation"));
    assert!(text.contains(&format!("{}:77:1", corpus("zh.txt"))));
    assert!(text.contains("Summary:"));
    let omissions = text.find("Omissions").unwrap();
    let numbers = text.find("Number mismatches").unwrap();
    assert!(omissions < numbers, "grouped in the documented order");

    let coloured = bialign()
        .args(args)
        .args(["--color", "always"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let coloured = String::from_utf8(coloured.stdout).unwrap();
    assert!(
        coloured.contains("\u{1b}[1;4;33m6\u{1b}[0m"),
        "--color always beats NO_COLOR"
    );
    // Not a terminal: `auto` stays plain.
    let auto = bialign().args(args).output().unwrap();
    assert!(!String::from_utf8(auto.stdout).unwrap().contains('\u{1b}'));
}

#[test]
fn github_annotations_escape_and_summary_is_written() {
    let dir = tempfile::tempdir().unwrap();
    // A file name with every character workflow commands need escaped in a property.
    let en = dir.path().join("en,v2:50%.txt");
    std::fs::copy(corpus("en.edited.txt"), &en).unwrap();
    let summary = dir.path().join("summary.md");
    std::fs::write(&summary, "# earlier step\n").unwrap();
    let out = bialign()
        .args(["check", &corpus("zh.txt"), en.to_str().unwrap(), "-q"])
        .args(["--format", "github"])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let escaped_file = format!(
        "{}/en%2Cv2%3A50%25.txt",
        dir.path().display().to_string().replace(':', "%3A")
    );
    let number = text
        .lines()
        .find(|l| l.contains("title=bialign number-mismatch"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        number.starts_with(&format!(
            "::error file={escaped_file},line=17,col=176,endLine=17,endColumn=176,title=bialign number-mismatch::number differs: 5 in the source, 6 in the translation%0Asource ({}:67): ",
            corpus("zh.txt")
        )),
        "{number}"
    );
    assert!(!number.contains('\n') && !number.contains('\r'));
    assert!(text
        .lines()
        .any(|l| l.starts_with("::warning file=") && l.contains("title=bialign term-mismatch")));
    let last = text.lines().last().unwrap();
    assert!(
        last.starts_with("bialign check: ") && last.contains(" errors, "),
        "{last}"
    );
    let md = std::fs::read_to_string(&summary).unwrap();
    assert!(md.starts_with("# earlier step\n## bialign check:"), "{md}");
    assert!(md.contains("| number-mismatch | error | 1 |"), "{md}");
    assert!(md.contains("number differs: 5 in the source, 6 in the translation"));
}

#[test]
fn glossary_and_untranslated() {
    let dir = tempfile::tempdir().unwrap();
    let glossary = dir.path().join("glossary.csv");
    std::fs::write(
        &glossary,
        "source,target\n谷歌大脑,Google Brain\n年度创新奖,Innovation Award\n",
    )
    .unwrap();
    // One sentence of the translation left in Chinese.
    let en = std::fs::read_to_string(corpus("en.txt")).unwrap();
    let left = "The impact ChatGPT has had on the world since its release last November is hard to overstate.";
    let zh_sentence = "ChatGPT自去年11月发布以来对世界的影响难以估量。";
    let tgt = dir.path().join("en.txt");
    std::fs::write(&tgt, en.replacen(left, zh_sentence, 1)).unwrap();
    let (v, code) = check_json(&[
        &corpus("zh.txt"),
        tgt.to_str().unwrap(),
        "--glossary",
        glossary.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    let g = of_kind(&v, "glossary");
    assert_eq!(g.len(), 1, "{g:?}");
    assert_eq!(
        g[0]["message"],
        "glossary: “年度创新奖” is to be translated as “Innovation Award”, which the translation does not have"
    );
    assert_eq!(g[0]["target"]["line"], 29);
    let u = of_kind(&v, "untranslated");
    assert_eq!(u.len(), 1, "{u:?}");
    assert_eq!(u[0]["target"]["text"], zh_sentence);
    assert_eq!(u[0]["target"]["line"], 21);
    assert_eq!(u[0]["severity"], "error");
}

#[test]
fn bad_input_is_one_line_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let zh = corpus("zh.txt");
    let en = corpus("en.txt");
    let one_line = |out: &std::process::Output| {
        let err = String::from_utf8(out.stderr.clone()).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(out.stdout.is_empty());
        err
    };

    let missing = dir.path().join("nope.txt");
    let out = bialign()
        .args(["check", &zh, missing.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(one_line(&out).contains("nope.txt: cannot read"));

    let csv = dir.path().join("base.json");
    std::fs::write(&csv, "kind,text\nomission,x\n").unwrap();
    let out = bialign()
        .args(["check", &zh, &en, "--baseline", csv.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = one_line(&out);
    assert!(
        err.starts_with(&format!(
            "bialign: {}:1: not a bialign check JSON output",
            csv.display()
        )),
        "{err}"
    );

    let other_json = dir.path().join("other.json");
    std::fs::write(&other_json, "{\n  \"results\": []\n}\n").unwrap();
    let out = bialign()
        .args([
            "check",
            &zh,
            &en,
            "--baseline",
            other_json.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(one_line(&out).contains("other.json:"));

    let glossary = dir.path().join("g.csv");
    std::fs::write(&glossary, "谷歌大脑,Google Brain\n只有一列\n").unwrap();
    let out = bialign()
        .args(["check", &zh, &en, "--glossary", glossary.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(one_line(&out).contains("g.csv:2: expected two non-empty fields"));

    let out = bialign()
        .args(["check", &zh, &en, "--ignore", "typo"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = one_line(&out);
    assert!(err.contains("invalid value 'typo' for '--ignore"), "{err}");
    assert!(
        err.contains("possible values: omission, partial-omission"),
        "{err}"
    );
}

/// `(id, count)` of every `data-count-of` in a page.
fn html_counts(page: &str) -> Vec<(String, usize)> {
    page.split("data-count-of=\"")
        .skip(1)
        .map(|piece| {
            let id = piece[..piece.find('"').unwrap()].to_owned();
            let after = &piece[piece.find('>').unwrap() + 1..];
            let n: String = after.chars().take_while(char::is_ascii_digit).collect();
            (id, n.parse().unwrap())
        })
        .collect()
}

/// The class attribute of bead row `k`.
fn row_class(page: &str, k: usize) -> String {
    let at = page
        .find(&format!("<tr id=\"b{k}\" class=\""))
        .unwrap_or_else(|| panic!("no row b{k}"));
    let c = &page[at + format!("<tr id=\"b{k}\" class=\"").len()..];
    c[..c.find('"').unwrap()].to_owned()
}

#[test]
fn html_marks_every_finding_on_the_report_page() {
    let (v, _) = check_json(&[&corpus("zh.txt"), &corpus("en.edited.txt")]);
    let out = bialign()
        .args(["check", "--quiet", "--format", "html"])
        .args([corpus("zh.txt"), corpus("en.edited.txt")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.trim_end().ends_with("</html>"));
    assert!(page.contains("bialign · check report"));
    // The header counts findings by kind as the JSON does, severity in words.
    let counts = html_counts(&page);
    for (kind, n) in v["summary"]["by_kind"].as_object().unwrap() {
        let id = format!("finding-{kind}");
        assert!(
            counts.contains(&(id.clone(), n.as_u64().unwrap() as usize)),
            "{id}: {counts:?}"
        );
    }
    assert!(page.contains("<small>error</small>") && page.contains("<small>warning</small>"));
    assert!(page.contains(&format!(
        "Findings: {} errors",
        v["summary"]["error"].as_u64().unwrap()
    )));
    // Every finding's bead row is marked with its kind and carries its message.
    for f in findings(&v) {
        let k = f["bead"].as_u64().unwrap() as usize;
        let class = row_class(&page, k);
        let kind = f["kind"].as_str().unwrap();
        assert!(
            class.split(' ').any(|c| c == "has-finding")
                && class.split(' ').any(|c| c == format!("finding-{kind}")),
            "bead {k}: {class}"
        );
        let row = &page[page.find(&format!("<tr id=\"b{k}\"")).unwrap()..];
        let row = &row[..row.find("</tr>").unwrap()];
        let message = f["message"]
            .as_str()
            .unwrap()
            .replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('\'', "&#39;");
        assert!(row.contains(&message), "bead {k} lacks {message:?}: {row}");
        assert!(row.contains(&format!(
            "{} · {kind}",
            if f["severity"] == "note" {
                "note"
            } else {
                f["severity"].as_str().unwrap()
            }
        )));
    }
    // The summary lists each finding, linked to its row.
    let list = &page[page.find("<ol class=\"finding-list\">").unwrap()..];
    let list = &list[..list.find("</ol>").unwrap()];
    assert_eq!(list.matches("<li><a href=\"#b").count(), findings(&v).len());
    // The dropped sentence is in a marked omission row.
    let dropped = findings(&v)
        .iter()
        .find(|f| f["kind"] == "omission" && f["source"]["text"] == DROPPED_ZH)
        .unwrap();
    let k = dropped["bead"].as_u64().unwrap() as usize;
    assert!(row_class(&page, k).contains("omission"));
}

#[test]
fn html_keeps_markup_in_the_texts_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("<b>zh.txt");
    let tgt = dir.path().join("en.txt");
    std::fs::write(
        &src,
        "他在网页里写下<script>alert(1)</script>这样的代码。\n\n他今年35岁,住在北京。\n\n最后一切正常。\n",
    )
    .unwrap();
    std::fs::write(
        &tgt,
        "He wrote <script>alert(1)</script> into the page.\n\nHe is 36 years old and lives in Beijing.\n\nIn the end all was well.\n",
    )
    .unwrap();
    let out = bialign()
        .args(["check", "--quiet", "--format", "html"])
        .args(["--src-lang", "zh", "--tgt-lang", "en"])
        .arg(&src)
        .arg(&tgt)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(!page.to_lowercase().contains("<script"), "{page}");
    assert!(!page.contains("<b>zh.txt"));
    // (In the source, the Latin words and the number are marked as anchors.)
    assert!(page.contains("He wrote &lt;script&gt;alert("));
    assert!(page.contains("&lt;b&gt;zh.txt"));
    assert!(page.contains("number differs: 35 in the source, 36 in the translation"));
    assert!(html_counts(&page).contains(&("finding-number-mismatch".to_owned(), 1)));
    assert!(page.contains("lang=\"zh-Hans\"") && page.contains("lang=\"en\""));
}

#[test]
fn output_name_chooses_the_format_unless_format_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let (zh, en) = (corpus("zh.txt"), corpus("en.edited.txt"));
    let run = |name: &str, format: Option<&str>| -> String {
        let path = dir.path().join(name);
        let mut cmd = bialign();
        cmd.args(["check", &zh, &en, "-q", "-o", path.to_str().unwrap()]);
        if let Some(f) = format {
            cmd.args(["--format", f]);
        }
        cmd.assert().code(1);
        std::fs::read_to_string(&path).unwrap()
    };
    let json: Value = serde_json::from_str(&run("findings.JSON", None)).unwrap();
    assert_eq!(json["version"], 2);
    assert!(!of_kind(&json, "number-mismatch").is_empty());
    assert!(run("findings.html", None).starts_with("<!DOCTYPE html>"));
    let human = run("findings.txt", None);
    assert!(human.contains("Number mismatches") && human.contains("Summary:"));
    // An explicit format wins over the name.
    assert!(run("annotations.json", Some("github")).starts_with("::"));
}

#[test]
fn ocr_debris_is_not_reported_as_an_addition() {
    let dir = tempfile::tempdir().unwrap();
    let de = "Im Frühjahr erreichte die Expedition das Basislager am Fuss des Berges.
Das Wetter blieb wochenlang schlecht, und der Schnee fiel fast jeden Tag.
Erst Ende Mai konnten die Träger die Lasten zum zweiten Lager bringen.
Am 18. Mai standen zwei Bergsteiger auf dem Gipfel des Lhotse.
Der Abstieg über den Südsattel dauerte zwei volle Tage.
Die Mannschaft kehrte ohne Unfall nach Kathmandu zurück.
Die Ergebnisse der Vermessung werden im nächsten Jahr veröffentlicht.
Man rechnet mit einer neuen Höhe von etwa 8510 Metern.
";
    let fr = "Au printemps, l'expédition atteignit le camp de base au pied de la montagne.
Le temps resta mauvais pendant des semaines, et la neige tomba presque chaque jour.
Ce n'est qu'à la fin de mai que les porteurs purent monter les charges au deuxième camp.
Le 18 mai, deux alpinistes se tenaient au sommet du Lhotse.
JfV
1Ê+ :
* , *^
La descente par le col Sud dura deux jours entiers.
L'équipe revint à Katmandou sans accident.
Les résultats des mesures seront publiés l'année prochaine.
On s'attend à une nouvelle altitude d'environ 8510 mètres.
";
    let (src, tgt) = (dir.path().join("de.txt"), dir.path().join("fr.txt"));
    std::fs::write(&src, de).unwrap();
    std::fs::write(&tgt, fr).unwrap();
    let (v, _) = check_json(&[
        src.to_str().unwrap(),
        tgt.to_str().unwrap(),
        "--split",
        "lines",
        "--src-lang",
        "de",
        "--tgt-lang",
        "fr",
    ]);
    // The aligner leaves the three lines of debris alone, and they are not findings.
    assert!(of_kind(&v, "addition").is_empty(), "{v:#}");
    assert!(serious(&v).is_empty(), "{v:#}");
}

#[test]
fn numbers_follow_the_languages_conventions() {
    // 50.000 is fifty thousand in Italian, 1,5 one and a half: the English matches it.
    let dir = tempfile::tempdir().unwrap();
    let it = dir.path().join("it.txt");
    let en = dir.path().join("en.txt");
    std::fs::write(
        &it,
        "La città ha 50.000 abitanti e ogni fontana versa 1,5 litri d'acqua al minuto.\n",
    )
    .unwrap();
    let run = |english: &str| {
        std::fs::write(&en, english).unwrap();
        bialign()
            .args(["check", "--src-lang", "it", "--tgt-lang", "en", "-q"])
            .args([
                it.to_str().unwrap(),
                en.to_str().unwrap(),
                "--format",
                "json",
            ])
            .output()
            .unwrap()
    };
    let same = run(
        "The city has 50,000 inhabitants and every fountain pours 1.5 litres of water a minute.\n",
    );
    assert_eq!(
        same.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&same.stdout)
    );
    let changed =
        run("The city has 50 inhabitants and every fountain pours 1.5 litres of water a minute.\n");
    assert_eq!(changed.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&changed.stdout).unwrap();
    assert_eq!(of_kind(&v, "number-mismatch").len(), 1, "{v:#}");
}

//! `bialign diff` on the bundled corpus and its edited fixtures: a new version of the
//! translation, a new version of the source, every format, exit statuses, bad input.

mod common;

use serde_json::Value;

use common::{bialign, corpus, json_verdict};

fn diff_json(args: &[&str]) -> (Value, i32) {
    json_verdict("diff", args)
}

/// A change's word diff as `[-old-]{+new+}` text.
fn plain(change: &Value) -> String {
    change["words"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let t = p["text"].as_str().unwrap();
            match p["op"].as_str().unwrap() {
                "equal" => t.to_owned(),
                "delete" => format!("[-{t}-]"),
                "insert" => format!("{{+{t}+}}"),
                other => panic!("op {other}"),
            }
        })
        .collect()
}

fn translation_edit() -> (Value, i32) {
    diff_json(&[
        &corpus("zh.txt"),
        &corpus("en.txt"),
        &corpus("en.edited.txt"),
    ])
}

#[test]
fn translation_edit_changes_per_source_sentence() {
    let (v, code) = translation_edit();
    assert_eq!(code, 1, "the edit introduced errors");
    assert_eq!(v["version"], 2);
    assert_eq!(v["mode"], "translation");
    let changes = v["changes"].as_array().unwrap();
    let find = |needle: &str| -> &Value {
        changes
            .iter()
            .find(|c| plain(c).contains(needle))
            .unwrap_or_else(|| panic!("no change with {needle}: {changes:#?}"))
    };

    let age = find("[-5-]{+6+}");
    assert_eq!(age["status"], "changed");
    assert_eq!(
        age["source"]["text"],
        "伊利亚出生在俄罗斯,5岁时搬到以色列长大。"
    );
    assert_eq!(age["source"]["line"], 67);
    assert_eq!(age["old"]["line"], 17);
    assert_eq!(age["new"]["line"], 17);
    assert_eq!(
        plain(age),
        "Ilya was born in Russia and moved to Israel at the age of [-5-]{+6+}, where he grew up."
    );

    let name = find("[-OpenAI-]{+OpenAl+}");
    assert_eq!(name["status"], "changed");
    assert_eq!(name["new"]["line"], 19);

    let dropped = changes
        .iter()
        .find(|c| c["status"] == "removed")
        .expect("the dropped sentence");
    assert_eq!(
        dropped["source"]["text"],
        "当然,自OpenAI成立以来,ChatGPT花了7年时间才最终面世。"
    );
    assert_eq!(
        dropped["old"]["text"],
        "And of course, it took 7 years from the founding of OpenAI for ChatGPT finally to see the light of day."
    );
    assert_eq!(dropped["old"]["line"], 27);
    assert_eq!(dropped["new"]["text"], "");

    let reworded = find("{+join me in giving+}");
    assert_eq!(reworded["source"]["line"], 81);
    assert!(
        plain(reworded).contains("[-round of applause and -]"),
        "{}",
        plain(reworded)
    );

    // The added sentence is new text wherever the alignment puts it.
    find("{+This transcript has been edited for length and clarity.+}");
    // Nothing else changed.
    assert_eq!(
        v["summary"]["changed"].as_u64().unwrap()
            + v["summary"]["added"].as_u64().unwrap()
            + v["summary"]["removed"].as_u64().unwrap(),
        changes.len() as u64
    );
    assert!(changes.len() <= 5, "{changes:#?}");

    let kinds = |list: &Value| -> Vec<String> {
        let mut k: Vec<String> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["kind"].as_str().unwrap().to_owned())
            .collect();
        k.sort();
        k
    };
    let introduced = kinds(&v["introduced"]);
    for kind in ["number-mismatch", "omission", "term-mismatch"] {
        assert!(introduced.contains(&kind.to_owned()), "{introduced:?}");
    }
    assert_eq!(
        introduced
            .iter()
            .filter(|k| *k == "number-mismatch" || *k == "omission")
            .count(),
        2,
        "{introduced:?}"
    );
    assert!(kinds(&v["fixed"])
        .iter()
        .all(|k| k != "omission" && k != "number-mismatch"));
}

#[test]
fn terminal_marks_words_with_and_without_colour() {
    let args = [
        "diff",
        &corpus("zh.txt"),
        &corpus("en.txt"),
        &corpus("en.edited.txt"),
    ];
    let plain = bialign().args(args).output().unwrap();
    assert_eq!(plain.status.code(), Some(1));
    let text = String::from_utf8(plain.stdout).unwrap();
    assert!(!text.contains('\u{1b}'));
    assert!(
        text.contains("moved to Israel at the age of [-5-]{+6+}, where he grew up."),
        "{text}"
    );
    assert!(text.contains("the then newly founded [-OpenAI-]{+OpenAl+}."));
    assert!(text.contains("Introduced by the edit"));
    assert!(text.contains("number differs: 5 in the source, 6 in the translation"));

    let coloured = bialign()
        .args(args)
        .args(["--color", "always"])
        .output()
        .unwrap();
    let text = String::from_utf8(coloured.stdout).unwrap();
    assert!(
        text.contains("\u{1b}[9;31m5\u{1b}[0m\u{1b}[4;32m6\u{1b}[0m"),
        "{text}"
    );
    assert!(!text.contains("[-5-]"));
}

#[test]
fn same_translation_has_no_changes() {
    let (v, code) = diff_json(&[&corpus("zh.txt"), &corpus("en.txt"), &corpus("en.txt")]);
    assert_eq!(code, 0);
    assert!(v["changes"].as_array().unwrap().is_empty());
    assert!(v["introduced"].as_array().unwrap().is_empty());
    assert!(v["fixed"].as_array().unwrap().is_empty());
}

#[test]
fn reverting_the_edit_fixes_what_it_introduced() {
    let (v, code) = diff_json(&[
        &corpus("zh.txt"),
        &corpus("en.edited.txt"),
        &corpus("en.txt"),
    ]);
    assert_eq!(code, 0, "a revert introduces no errors");
    let fixed: Vec<&str> = v["fixed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert!(
        fixed.contains(&"number-mismatch") && fixed.contains(&"omission"),
        "{fixed:?}"
    );
}

#[test]
fn source_revision_stale_and_untranslated() {
    let (v, code) = diff_json(&[
        "--source",
        &corpus("zh.txt"),
        &corpus("zh.edited.txt"),
        &corpus("en.txt"),
    ]);
    assert_eq!(code, 1);
    assert_eq!(v["mode"], "source");
    let changes = v["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 2, "{changes:#?}");

    let figure = &changes[0];
    assert_eq!(figure["status"], "changed");
    assert_eq!(figure["old"]["line"], 79);
    assert_eq!(figure["new"]["line"], 79);
    assert!(plain(figure).contains("[-2014-]{+2013+}年获得多伦多大学年度创新奖"));
    assert!(figure["target"]["text"]
        .as_str()
        .unwrap()
        .contains("Innovator of the Year award in 2014"));
    assert_eq!(figure["target"]["line"], 29);

    let new = &changes[1];
    assert_eq!(new["status"], "added");
    assert_eq!(new["new"]["text"], "他目前还是OpenAI董事会的成员。");
    assert_eq!(new["new"]["line"], 81);
    assert_eq!(new["target"]["text"], "");
    assert_eq!(new["target"]["file"], corpus("en.txt"));
    assert_eq!(
        new["target"]["line"], 31,
        "its translation belongs after line 29"
    );

    assert_eq!(v["summary"]["untranslated"], 1);
    assert_eq!(
        v["summary"]["stale"].as_array().unwrap().len(),
        figure["target"]["sentences"].as_array().unwrap().len()
    );

    let (same, code) = diff_json(&[
        "--source",
        &corpus("zh.txt"),
        &corpus("zh.txt"),
        &corpus("en.txt"),
    ]);
    assert_eq!(code, 0);
    assert!(same["changes"].as_array().unwrap().is_empty());
}

#[test]
fn source_revision_in_terminal_and_github() {
    let args = [
        "diff",
        "--source",
        &corpus("zh.txt"),
        &corpus("zh.edited.txt"),
        &corpus("en.txt"),
    ];
    let out = bialign().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[-2014-]{+2013+}"), "{text}");
    assert!(text.contains("{+他目前还是OpenAI董事会的成员。+}"));
    assert!(text.contains(&format!("stale {}:29", corpus("en.txt"))));
    assert!(text.contains(&format!("it belongs at {}:31:1", corpus("en.txt"))));

    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    let out = bialign()
        .args(args)
        .args(["--format", "github"])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with(&format!(
            "::error file={},line=29,col=1,endLine=29,",
            corpus("en.txt")
        )) && lines[0]
            .contains(",title=bialign stale translation::its source sentence was changed ("),
        "{text}"
    );
    assert!(lines[0].contains("[-2014-]{+2013+}"));
    assert!(lines[1].starts_with(&format!(
        "::error file={},line=31,col=1,title=bialign untranslated source sentence::new source sentence without a translation ({}:81):%0A他目前还是OpenAI董事会的成员。",
        corpus("en.txt"),
        corpus("zh.edited.txt")
    )), "{text}");
    let md = std::fs::read_to_string(&summary).unwrap();
    assert!(md.contains("## bialign diff --source"), "{md}");
    assert!(md.contains("| added |"), "{md}");
}

#[test]
fn translation_edit_on_github_annotates_what_it_introduced() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    let out = bialign()
        .args([
            "diff",
            &corpus("zh.txt"),
            &corpus("en.txt"),
            &corpus("en.edited.txt"),
            "--format",
            "github",
        ])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines().any(|l| l.starts_with(&format!(
            "::error file={},line=17,col=176",
            corpus("en.edited.txt")
        )) && l.contains("title=bialign number-mismatch")),
        "{text}"
    );
    let md = std::fs::read_to_string(&summary).unwrap();
    assert!(
        md.contains("| changed |") && md.contains("[-5-]{+6+}"),
        "{md}"
    );
    assert!(md.contains("### Introduced"));
}

#[test]
fn bad_input() {
    let out = bialign()
        .args(["diff", &corpus("zh.txt"), &corpus("en.txt"), "missing.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1);
    assert!(err.contains("missing.txt: cannot read"), "{err}");
    assert!(out.stdout.is_empty());

    let out = bialign()
        .args(["diff", &corpus("zh.txt"), &corpus("en.txt")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "two files are not enough");
}

#[test]
fn html_shows_old_and_new_side_by_side() {
    let (v, _) = translation_edit();
    let out = bialign()
        .args(["diff", "--format", "html"])
        .args([corpus("zh.txt"), corpus("en.txt"), corpus("en.edited.txt")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.trim_end().ends_with("</html>"));
    // One row per change; the changed number deleted in the old, inserted in the new.
    assert_eq!(
        page.matches("<tr id=\"c").count(),
        v["changes"].as_array().unwrap().len()
    );
    assert!(page.contains("at the age of <del>5</del>, where"));
    assert!(page.contains("at the age of <ins>6</ins>, where"));
    assert!(page.contains("lang=\"zh-Hans\"") && page.contains("lang=\"en\""));
    // The introduced findings are listed with severity and kind in words.
    let introduced = &page[page.find("id=\"introduced\"").unwrap()..];
    let introduced = &introduced[..introduced.find("</section>").unwrap()];
    assert_eq!(
        introduced.matches("<li>").count(),
        v["introduced"].as_array().unwrap().len()
    );
    assert!(introduced.contains("error · number-mismatch"));
    assert!(introduced.contains("number differs: 5 in the source, 6 in the translation"));

    // Markup in an edit stays text.
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("en.txt");
    let en = std::fs::read_to_string(corpus("en.txt")).unwrap();
    std::fs::write(
        &new,
        en.replacen(
            "where he grew up",
            "where he <script>alert(1)</script> grew up",
            1,
        ),
    )
    .unwrap();
    let out = bialign()
        .args(["diff", "--format", "html"])
        .args([corpus("zh.txt"), corpus("en.txt")])
        .arg(&new)
        .output()
        .unwrap();
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(!page.to_lowercase().contains("<script"));
    assert!(
        page.contains("<ins>&lt;script&gt;alert(1)&lt;/script&gt; </ins>"),
        "{page}"
    );

    // A new source: the stale translation and the untranslated sentence are said in words.
    let out = bialign()
        .args(["diff", "--source", "--format", "html"])
        .args([corpus("zh.txt"), corpus("zh.edited.txt"), corpus("en.txt")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains("<del>2014</del>") && page.contains("<ins>2013</ins>"));
    assert!(page.contains(">stale</span>") && page.contains(">untranslated</span>"));
}

#[test]
fn output_name_chooses_the_format() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edit.json");
    bialign()
        .args([
            "diff",
            &corpus("zh.txt"),
            &corpus("en.txt"),
            &corpus("en.edited.txt"),
        ])
        .args(["-o", path.to_str().unwrap()])
        .assert()
        .code(1);
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(v, translation_edit().0);
}

/// diff detects silently, but says when both files come out in one language.
#[test]
fn a_same_language_pair_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src.txt");
    let old = dir.path().join("old.txt");
    let new = dir.path().join("new.txt");
    std::fs::write(&src, "Il treno per Firenze è partito con un'ora di ritardo perché la neve aveva bloccato i binari durante la notte. I passeggeri hanno aspettato in stazione.\n").unwrap();
    std::fs::write(&old, "Il treno è partito in ritardo perché la neve aveva bloccato i binari. I passeggeri hanno aspettato.\n").unwrap();
    std::fs::write(&new, "Il treno è partito tardi perché la neve aveva bloccato i binari. I passeggeri hanno aspettato.\n").unwrap();
    let out = bialign()
        .args(["diff", "--format", "json"])
        .args([&src, &old, &new])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("warning: both files taken to be in Italian (it)"),
        "{err}"
    );
    // -q: nothing on stderr but errors, as in every command.
    let quiet = bialign()
        .args(["diff", "--format", "json", "-q"])
        .args([&src, &old, &new])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(quiet.stderr).unwrap(), "");
}

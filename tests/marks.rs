//! The marks of the align views are the mismatches `check` reports: no view marks an anchor
//! that `check` does not stand behind. And the number words that decide those mismatches:
//! 两, 俩, 仨, 半, and ordinals, which meet ordinals (第三 is "third", not "three").

mod common;

use std::collections::HashSet;
use std::path::Path;

use bialign::align::AlignOptions;
use bialign::check::{check, CheckOptions, Kind, SideName};
use bialign::pipeline::{align_documents, align_files, LangChoice, PairRequest, PairResult};
use bialign::report::{self, ReportOptions};
use bialign::{Document, Lang, Split};

use common::corpus;

fn align(src: &Path, tgt: &Path, langs: [Lang; 2]) -> PairResult {
    align_files(&PairRequest {
        src,
        tgt,
        src_lang: LangChoice::Fixed(langs[0]),
        tgt_lang: LangChoice::Fixed(langs[1]),
        split: Split::Auto,
        options: &AlignOptions::default(),
    })
    .unwrap()
}

fn is_anchor_finding(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::NumberMismatch | Kind::TermMismatch | Kind::Glossary
    )
}

/// Every anchor a view marks is an anchor of a `check` finding on the same bead, and the csv
/// flags, the html marks and the terminal labels all count the same mismatches. Returns how many
/// anchors were marked.
fn views_mark_only_findings(result: &PairResult) -> usize {
    let pair = &result.pair;
    let findings = check(result, &CheckOptions::default());
    let reported: HashSet<(usize, SideName, usize)> = findings
        .iter()
        .filter(|f| is_anchor_finding(f.kind))
        .flat_map(|f| f.anchors.iter().map(|a| (f.bead, a.side, a.location.start)))
        .collect();
    let mut marked = 0;
    let mut marked_beads = 0;
    for (k, bead) in pair.alignment.beads.iter().enumerate() {
        let anchors = pair.anchors(k);
        let mut any = false;
        for (side, a) in anchors.flagged() {
            let (name, sentences, first) = match side {
                bialign::anchor::bead_anchors::Side::Src => {
                    (SideName::Source, &pair.src.sentences, bead.src.start)
                }
                bialign::anchor::bead_anchors::Side::Tgt => {
                    (SideName::Target, &pair.tgt.sentences, bead.tgt.start)
                }
            };
            let start = sentences[first + a.sentence].start + a.start;
            assert!(
                reported.contains(&(k, name, start)),
                "bead {k}: {name:?} anchor {:?} is marked but check does not report it",
                a.key
            );
            marked += 1;
            any = true;
        }
        marked_beads += usize::from(any);
    }

    let opts = ReportOptions::default();
    let mut csv = Vec::new();
    report::csv::write(&mut csv, pair, &opts).unwrap();
    let flags: usize = csv::Reader::from_reader(csv.as_slice())
        .records()
        .map(|r| {
            let r = r.unwrap();
            r[13].split(';').filter(|f| !f.is_empty()).count()
        })
        .sum();
    assert_eq!(flags, marked, "csv flags");

    let mut html = Vec::new();
    report::html::write(&mut html, pair, &opts).unwrap();
    let html = String::from_utf8(html).unwrap();
    assert_eq!(
        html.matches("<span class=\"tag mismatch\">").count(),
        marked_beads,
        "html rows with mismatches"
    );
    // The rows, after the legend's examples.
    let rows = &html[html.find("<table").unwrap()..];
    let marks = rows.matches("<del class=\"anchor\"").count()
        + rows.matches("<ins class=\"anchor\"").count();
    assert_eq!(marks, marked, "html marks");

    let mut terminal = Vec::new();
    // Wide enough that the summary line is not wrapped.
    let wide = ReportOptions {
        width: 1000,
        ..ReportOptions::default()
    };
    report::terminal::write(&mut terminal, pair, &wide).unwrap();
    let terminal = String::from_utf8(terminal).unwrap();
    assert!(
        terminal.contains(&format!("{marked_beads} with mismatches")),
        "terminal summary"
    );
    assert_eq!(
        terminal.matches("[-").count() + terminal.matches("{+").count(),
        marked,
        "terminal marks"
    );
    marked
}

#[test]
fn views_mark_only_what_check_reports_on_the_corpus() {
    let zh = corpus("zh.txt");
    let en = corpus("en.txt");
    // The faithful translation: the views used to mark 22 beads ("first" as 1, 十分之一, 许多十年
    // as 10, OK, AI, U.S., PhD, KPIs), none of which check reports.
    let faithful = align(Path::new(&zh), Path::new(&en), [Lang::ZH, Lang::EN]);
    assert_eq!(views_mark_only_findings(&faithful), 0);
    // The edited translation changes an age (5 → 6) and misspells OpenAI: both marked.
    let edited = align(
        Path::new(&zh),
        Path::new(&corpus("en.edited.txt")),
        [Lang::ZH, Lang::EN],
    );
    assert!(views_mark_only_findings(&edited) >= 4);
}

#[test]
fn views_mark_only_what_check_reports_between_german_and_french() {
    let result = align(
        Path::new("tests/fixtures/marks/de.txt"),
        Path::new("tests/fixtures/marks/fr.txt"),
        [Lang::DE, Lang::FR],
    );
    // The two errors of the fixture, 8848 → 8884 and zwei → trois, and nothing else: not the
    // dates (1. Mai ↔ 1er mai), not the ordinals, not d'Autriche.
    assert_eq!(views_mark_only_findings(&result), 4);
    let mut flags: Vec<String> = result.pair.records().flat_map(|r| r.flags).collect();
    flags.sort();
    assert_eq!(
        flags,
        [
            "number-only-in-src:2",
            "number-only-in-src:8848",
            "number-only-in-tgt:3",
            "number-only-in-tgt:8884",
        ]
    );
}

/// The number findings of a pair given one sentence a line.
fn number_findings(langs: [Lang; 2], src: &[&str], tgt: &[&str]) -> Vec<String> {
    let result = align_documents(
        Document::from_text("src.txt", src.join("\n")),
        Document::from_text("tgt.txt", tgt.join("\n")),
        [LangChoice::Fixed(langs[0]), LangChoice::Fixed(langs[1])],
        Split::Lines,
        &AlignOptions::default(),
    );
    check(&result, &CheckOptions::default())
        .into_iter()
        .filter(|f| f.kind == Kind::NumberMismatch)
        .map(|f| f.message)
        .collect()
}

fn zh_en(zh: &str, en: &str) -> Vec<String> {
    number_findings([Lang::ZH, Lang::EN], &[zh], &[en])
}

#[test]
fn liang_that_counts_is_two() {
    // From the corpus: "there are two answers".
    let zh = "至于公民义务,我会这样回答,有两个答案。";
    assert!(zh_en(
        zh,
        "As for civic obligations, I'd answer like this: there are two answers."
    )
    .is_empty());
    assert_eq!(
        zh_en(
            zh,
            "As for civic obligations, I'd answer like this: there are three answers."
        ),
        ["number differs: 两 (2) in the source, three (3) in the translation"]
    );
    assert_eq!(
        zh_en("他有两个哥哥。", "He has three older brothers."),
        ["number differs: 两 (2) in the source, three (3) in the translation"]
    );
    assert_eq!(
        zh_en("会议持续了两天。", "The meeting lasted three days."),
        ["number differs: 两 (2) in the source, three (3) in the translation"]
    );
    // 两 that counts nothing is "both": no number.
    assert!(zh_en(
        "两者都很重要,三者缺一不可。",
        "Both matter, and all three are needed."
    )
    .is_empty());
}

#[test]
fn lia_and_sa_count_people() {
    assert_eq!(
        zh_en(
            "他们俩在斯坦福读书时就认识了。",
            "The three of them had known each other since their Stanford days."
        ),
        ["number differs: 俩 (2) in the source, three (3) in the translation"]
    );
    assert!(zh_en(
        "他们俩在斯坦福读书时就认识了。",
        "The two of them had known each other since their Stanford days."
    )
    .is_empty());
    assert_eq!(
        zh_en(
            "我们仨一起创办了这家公司。",
            "The two of us founded the company together."
        ),
        ["number differs: 仨 (3) in the source, two (2) in the translation"]
    );
    // 伎俩 is a trick.
    assert!(zh_en(
        "这是他的老伎俩。",
        "It is his old trick, played three times."
    )
    .is_empty());
}

#[test]
fn ban_is_half() {
    assert_eq!(
        zh_en("访谈持续了一个半小时。", "The interview lasted two hours."),
        ["number differs: 一个半 (1.5) in the source, two (2) in the translation"]
    );
    assert!(zh_en(
        "访谈持续了一个半小时。",
        "The interview lasted one and a half hours."
    )
    .is_empty());
    assert!(zh_en("他等了半个小时。", "He waited half an hour.").is_empty());
    assert_eq!(
        zh_en("他等了半个小时。", "He waited two hours."),
        ["number differs: 半 (0.5) in the source, two (2) in the translation"]
    );
    // A half is converted: 半年 is six months, 半小时 thirty minutes.
    assert!(zh_en("半年后他离开了谷歌。", "Six months later he left Google.").is_empty());
    assert!(zh_en("他们谈了半小时。", "They talked for thirty minutes.").is_empty());
    // 半天 is "ages" and 半点 "the least bit": no number.
    assert!(zh_en("他想了半天。", "He thought about it for three hours.").is_empty());
}

#[test]
fn ordinals_meet_ordinals() {
    let zh = "这是他第三次来斯坦福演讲。";
    assert!(zh_en(zh, "This was his third talk at Stanford.").is_empty());
    // The third time is not three times (the same value, read as a count, used to match).
    assert_eq!(
        zh_en(zh, "He has given three talks at Stanford."),
        ["number differs: 第三 (3rd) in the source, three (3) in the translation"]
    );
    assert_eq!(
        zh_en(zh, "This was his second talk at Stanford."),
        ["number differs: 第三 (3rd) in the source, second (2nd) in the translation"]
    );
    // Chinese ranks with plain numbers, and labels and dates rank in digits.
    assert!(zh_en(
        "那天是他二十一岁生日。",
        "It was his twenty-first birthday."
    )
    .is_empty());
    assert!(zh_en("第三章 深度学习", "Chapter 3: Deep Learning").is_empty());
    assert!(zh_en("第三章 深度学习", "Chapter Three: Deep Learning").is_empty());
    assert!(zh_en("他在5月21日到达。", "He arrived on May 21st.").is_empty());
}

#[test]
fn shuang_and_dui_count_pairs() {
    // 双 counts a pair's members in 双胞胎 (twins) and 双倍 (double).
    assert_eq!(
        zh_en("她生了一对双胞胎。", "She gave birth to triplets."),
        ["number differs: 双 (2) in the source, triplets (3) in the translation"]
    );
    assert!(zh_en("她生了一对双胞胎。", "She gave birth to twins.").is_empty());
    assert_eq!(
        zh_en("他的工资是我的双倍。", "His salary is three times mine."),
        ["number differs: 双 (2) in the source, three (3) in the translation"]
    );
    assert!(zh_en("他的工资是我的双倍。", "His salary is twice mine.").is_empty());
    // After a numeral, 双 and 对 are measure words: the numeral is the count.
    assert_eq!(
        zh_en("他买了三双鞋。", "He bought two pairs of shoes."),
        ["number differs: 三 (3) in the source, two (2) in the translation"]
    );
    assert_eq!(
        zh_en("晚宴来了五对夫妇。", "Four couples came to the dinner."),
        ["number differs: 五 (5) in the source, Four (4) in the translation"]
    );
    // "Both" and "dual" are no count, and 对 alone is "right" or "towards".
    assert!(zh_en("双方都同意了。", "All three parties agreed.").is_empty());
    assert!(zh_en(
        "你说得对,三个人都同意。",
        "You are right, and all three agreed."
    )
    .is_empty());
}

#[test]
fn twice_and_thrice_are_counts() {
    assert!(zh_en("他来过两次。", "He came twice.").is_empty());
    assert_eq!(
        zh_en("他来过三次。", "He came twice."),
        ["number differs: 三 (3) in the source, twice (2) in the translation"]
    );
}

#[test]
fn fractions_are_their_value() {
    // 十分之一 is a tenth, not 十分 "very".
    let zh = "只有十分之一的人通过了。";
    assert!(zh_en(zh, "Only one-tenth of the people passed.").is_empty());
    assert!(zh_en(zh, "Only a tenth of the people passed.").is_empty());
    assert!(zh_en(zh, "Only 10% of the people passed.").is_empty());
    assert_eq!(
        zh_en(zh, "Only one-fifth of the people passed."),
        ["number differs: 十分之一 (0.1) in the source, one-fifth (0.2) in the translation"]
    );
    let zh = "三分之二的人同意。";
    assert!(zh_en(zh, "Two-thirds of the people agreed.").is_empty());
    assert!(zh_en(zh, "67% of the people agreed.").is_empty());
    assert_eq!(
        zh_en(zh, "A quarter of the people agreed."),
        ["number differs: 三分之二 (0.666667) in the source, A quarter (0.25) in the translation"]
    );
    assert_eq!(
        zh_en(zh, "60% of the people agreed."),
        ["number differs: 三分之二 (0.666667) in the source, 60% in the translation"]
    );
    // A percentage meets its fraction.
    assert!(zh_en("只有百分之二十的人通过了。", "Only a fifth of them passed.").is_empty());
    // "a third" before anything but "of" is a rank; "one second" is time.
    assert!(zh_en("他十分高兴。", "He was very happy.").is_empty());
    assert!(zh_en("这是他第三次来。", "This was a third visit.").is_empty());
}

fn de_fr(de: &str, fr: &str) -> Vec<String> {
    number_findings([Lang::DE, Lang::FR], &[de], &[fr])
}

#[test]
fn german_and_french_ordinals() {
    let de = "Zum dritten Mal stand er auf dem Gipfel.";
    assert!(de_fr(de, "Pour la troisième fois, il était au sommet.").is_empty());
    assert_eq!(
        de_fr(de, "Il fut trois fois au sommet."),
        ["number differs: dritten (3rd) in the source, trois (3) in the translation"]
    );
    assert_eq!(
        de_fr(
            "Er war der dritte von vier Brüdern.",
            "Il était le deuxième de quatre frères."
        ),
        ["number differs: dritte (3rd) in the source, deuxième (2nd) in the translation"]
    );
    assert!(de_fr(
        "Zum ersten Mal war er allein.",
        "Pour la première fois, il était seul."
    )
    .is_empty());
    // Dates: German writes the day as a cardinal with a point, French as 1er.
    assert!(de_fr(
        "Am 1. Mai 1921 brachen sie auf.",
        "Le 1er mai 1921, ils partirent."
    )
    .is_empty());
}

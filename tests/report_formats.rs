//! Every format of `bialign align`, rendered from the fixture and its hand-made alignment
//! (tests/fixtures/reports: a 1-2, a 2-1, an omission, an addition, a changed year, Latin names,
//! a glossary miss and a `<script>` in the text). Snapshots pin the exact output; the other tests
//! state what must hold whatever the snapshot says.

mod common;

use bialign::report::format::Format;
use bialign::report::terminal::text_width;
use bialign::report::{moses, ReportOptions};
use bialign::AlignedPair;

fn render(format: Format, pair: &AlignedPair, opts: &ReportOptions) -> String {
    let mut out = Vec::new();
    format.write(&mut out, pair, opts).unwrap();
    String::from_utf8(out).unwrap()
}

fn plain() -> ReportOptions {
    ReportOptions {
        width: 100,
        ..ReportOptions::default()
    }
}

fn keep_unpaired() -> ReportOptions {
    ReportOptions {
        keep_unpaired: true,
        ..plain()
    }
}

#[test]
fn csv_snapshot() {
    insta::assert_snapshot!(render(Format::Csv, &common::fixture_pair(), &plain()));
}

#[test]
fn tsv_snapshot() {
    let pair = common::fixture_pair();
    insta::assert_snapshot!("tsv", render(Format::Tsv, &pair, &plain()));
    insta::assert_snapshot!(
        "tsv_keep_unpaired",
        render(Format::Tsv, &pair, &keep_unpaired())
    );
}

#[test]
fn jsonl_snapshot() {
    insta::assert_snapshot!(render(Format::Jsonl, &common::fixture_pair(), &plain()));
}

#[test]
fn tmx_snapshot() {
    insta::assert_snapshot!(render(Format::Tmx, &common::fixture_pair(), &plain()));
}

#[test]
fn beads_snapshot() {
    insta::assert_snapshot!(render(Format::Beads, &common::fixture_pair(), &plain()));
}

#[test]
fn moses_snapshot() {
    let pair = common::fixture_pair();
    let (mut src, mut tgt) = (Vec::new(), Vec::new());
    moses::write(&mut src, &mut tgt, &pair, &plain()).unwrap();
    let (src, tgt) = (
        String::from_utf8(src).unwrap(),
        String::from_utf8(tgt).unwrap(),
    );
    assert_eq!(src.lines().count(), tgt.lines().count());
    insta::assert_snapshot!(format!("== zh ==\n{src}== en ==\n{tgt}"));
}

#[test]
fn html_snapshot() {
    let html = render(Format::Html, &common::fixture_pair(), &plain());
    // The stylesheet is long and changes with every touch of design; the page is the rest.
    let body = &html[html.find("<body>").unwrap()..];
    insta::assert_snapshot!(body);
}

#[test]
fn terminal_snapshots() {
    let pair = common::fixture_pair();
    insta::assert_snapshot!("terminal_plain", render(Format::Terminal, &pair, &plain()));
    let color = ReportOptions {
        color: true,
        width: 80,
        ..plain()
    };
    insta::assert_snapshot!("terminal_color", render(Format::Terminal, &pair, &color));
}

#[test]
fn html_shows_markup_in_the_text_as_text() {
    let html = render(Format::Html, &common::fixture_pair(), &plain());
    assert!(!html.contains("<script"), "the page has no script element");
    assert!(html.contains("&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt;"));
    assert!(
        !html.contains("src=") && !html.contains("href=\"http"),
        "nothing external"
    );
}

#[test]
fn html_marks_mismatches_in_words_not_only_in_colour() {
    let html = render(Format::Html, &common::fixture_pair(), &plain());
    // The changed year: deleted in the source, inserted in the translation, said in words.
    assert!(html.contains(
        "<del class=\"anchor\" title=\"number 2015: not in the translation\">2015</del>"
    ));
    assert!(
        html.contains("<ins class=\"anchor\" title=\"number 2016: not in the source\">2016</ins>")
    );
    assert!(html.contains("<li>number <q>2015</q> only in the source</li>"));
    // The glossary term whose required translation is missing.
    assert!(html.contains("<li>glossary term <q>fortune</q> only in the source</li>"));
    // Names on both sides are highlighted as matched.
    assert!(html.contains(
        "<mark class=\"anchor\" title=\"name OpenAI: also in the translation\">OpenAI</mark>"
    ));
    // Omission and addition rows carry a label, and the unsure row says so.
    assert!(html.contains("<span class=\"tag omission\">omission</span>"));
    assert!(html.contains("<span class=\"tag addition\">addition</span>"));
    assert!(html.contains("class=\"bead kind-1-1 low"));
    // A rule where a paragraph starts on either side: the translator's note is one.
    assert!(html.contains("<tr id=\"b1\" class=\"bead kind-0-1 addition paragraph-start\">"));
    assert!(html.contains(">unsure</span>"));
    // Each cell says its language.
    assert_eq!(
        html.matches("<td class=\"src\" lang=\"zh-Hans\"").count(),
        8
    );
    assert_eq!(html.matches("<td class=\"tgt\" lang=\"en\"").count(), 8);
}

#[test]
fn terminal_without_colour_brackets_mismatches_and_has_no_escapes() {
    let out = render(Format::Terminal, &common::fixture_pair(), &plain());
    assert!(!out.contains('\x1b'));
    assert!(out.contains("[-2015-]"), "{out}");
    assert!(out.contains("{+2016+}"), "{out}");
    assert!(out.contains("omission") && out.contains("addition") && out.contains("unsure"));
}

/// `less -R` passes SGR sequences (`ESC [ params m`) and nothing else.
fn strip_sgr(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(k) = rest.find('\x1b') {
        out.push_str(&rest[..k]);
        let seq = &rest[k + 1..];
        let end = seq.find('m').expect("an SGR sequence ends with m");
        let params = seq[..end].strip_prefix('[').expect("CSI");
        assert!(
            params.chars().all(|c| c.is_ascii_digit() || c == ';'),
            "only SGR codes: {params:?}"
        );
        rest = &seq[end + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn terminal_fits_its_width_in_colour_and_out() {
    let pair = common::fixture_pair();
    for width in [40, 60, 80, 120] {
        for color in [false, true] {
            let opts = ReportOptions {
                color,
                width,
                ..plain()
            };
            let text = strip_sgr(&render(Format::Terminal, &pair, &opts));
            for line in text.lines() {
                assert!(text_width(line) <= width, "{width}: {line:?}");
            }
        }
    }
}

#[test]
fn colour_changes_how_not_what() {
    // Wide enough that nothing wraps, so brackets cannot move text between lines.
    let pair = common::fixture_pair();
    let opts = |color| ReportOptions {
        color,
        width: 600,
        ..plain()
    };
    let coloured = strip_sgr(&render(Format::Terminal, &pair, &opts(true)));
    let bracketed = render(Format::Terminal, &pair, &opts(false));
    let unbracketed = bracketed
        .replace("[-", "")
        .replace("-]", "")
        .replace("{+", "")
        .replace("+}", "");
    // Brackets take columns, so padding differs; words and lines may not.
    let squeeze = |s: &str| {
        s.lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
    };
    assert_eq!(squeeze(&coloured), squeeze(&unbracketed));
}

#[test]
fn unpaired_beads_are_left_out_unless_kept() {
    let pair = common::fixture_pair();
    let paired = pair.alignment.beads.iter().filter(|b| b.is_pair()).count();
    let all = pair.alignment.beads.len();
    assert_eq!(render(Format::Tsv, &pair, &plain()).lines().count(), paired);
    assert_eq!(
        render(Format::Tsv, &pair, &keep_unpaired()).lines().count(),
        all
    );
    let tus = |opts| render(Format::Tmx, &pair, &opts).matches("<tu ").count();
    assert_eq!(tus(plain()), paired);
    assert_eq!(tus(keep_unpaired()), all);
}

#[test]
fn the_summary_counts_kinds_mismatches_and_unsure_beads() {
    let s = common::fixture_pair().summary();
    let kinds: Vec<String> = s.kinds.iter().map(|(k, n)| format!("{k}:{n}")).collect();
    // Pairs by shape, then omissions and additions.
    assert_eq!(kinds, ["1-1:4", "1-2:1", "2-1:1", "1-0:1", "0-1:1"]);
    assert_eq!((s.beads, s.flagged, s.low_confidence), (8, 2, 1));

    // Omissions and additions are counted even when there are none.
    let mut pair = common::fixture_pair();
    pair.alignment.beads.retain(|b| b.is_pair());
    let kinds: Vec<String> = pair
        .summary()
        .kinds
        .iter()
        .map(|(k, n)| format!("{k}:{n}"))
        .collect();
    assert_eq!(kinds, ["1-1:4", "1-2:1", "2-1:1", "1-0:0", "0-1:0"]);
}

use proptest::prelude::*;

use super::*;

fn sentences(text: &str, lang: Lang) -> Vec<String> {
    segment(&Document::from_text("t", text), lang)
        .into_iter()
        .map(|s| s.text.to_string())
        .collect()
}

#[test]
fn chinese_enders_keep_closing_quotes() {
    assert_eq!(
        sentences("他说：“我们走吧。”她没有回答！真的吗？", Lang::ZH),
        ["他说：“我们走吧。”", "她没有回答！", "真的吗？"]
    );
}

#[test]
fn chinese_does_not_split_inside_a_closed_quotation() {
    assert_eq!(
        sentences("他说：“好。我们走吧。”然后走了。", Lang::ZH),
        ["他说：“好。我们走吧。”", "然后走了。"]
    );
}

#[test]
fn chinese_unclosed_quotation_splits_normally() {
    assert_eq!(
        sentences("他说：“好。我们走吧。\n\n下一段。", Lang::ZH),
        ["他说：“好。", "我们走吧。", "下一段。"]
    );
}

#[test]
fn chinese_ellipsis_mid_sentence_does_not_split() {
    assert_eq!(
        sentences("当然……也许吧。好的。", Lang::ZH),
        ["当然……也许吧。", "好的。"]
    );
    assert_eq!(
        sentences("“当然……”他笑了。", Lang::ZH),
        ["“当然……”", "他笑了。"]
    );
    assert_eq!(
        sentences("我们拭目以待。。。下次见", Lang::ZH),
        ["我们拭目以待。。。", "下次见"]
    );
}

#[test]
fn chinese_half_width_and_semicolons() {
    assert_eq!(
        sentences("这是GPT-3.5吗?是的;还有www.example.com.好", Lang::ZH),
        ["这是GPT-3.5吗?", "是的;", "还有www.example.com.", "好"]
    );
    assert_eq!(sentences("第一；第二。", Lang::ZH), ["第一；", "第二。"]);
}

#[test]
fn chinese_colon_before_quotation_is_not_an_end() {
    assert_eq!(sentences("原因如下：人脑是最好的例子。", Lang::ZH).len(), 1);
}

#[test]
fn english_abbreviations_initials_and_decimals() {
    let text = "Mr. Smith met Dr. Jones at 3.14 p.m. yesterday. J. R. R. Tolkien wrote it. \
                GPT-3.5 is out, e.g. in the U.S. now. See No. 5 for details. It ends here.";
    assert_eq!(
        sentences(text, Lang::EN),
        [
            "Mr. Smith met Dr. Jones at 3.14 p.m. yesterday.",
            "J. R. R. Tolkien wrote it.",
            "GPT-3.5 is out, e.g. in the U.S. now.",
            "See No. 5 for details.",
            "It ends here."
        ]
    );
}

#[test]
fn english_quotes_questions_and_ellipses() {
    assert_eq!(
        sentences(
            "\"Why?\" he asked. \"Because.\" She left... and never came back. Well... No.",
            Lang::EN
        ),
        [
            "\"Why?\" he asked.",
            "\"Because.\"",
            "She left... and never came back.",
            "Well...",
            "No."
        ]
    );
}

#[test]
fn german_ordinals_and_abbreviations() {
    assert_eq!(
        sentences(
            "Am 3. Oktober stiegen wir z.B. zum Gipfel. Es war kalt.",
            Lang::DE
        ),
        ["Am 3. Oktober stiegen wir z.B. zum Gipfel.", "Es war kalt."]
    );
}

#[test]
fn structure_is_a_hard_boundary() {
    let text = "首页 专业知识 GPT之父\n\n关于Ilya的介绍\n\nRavi:\n\n欢迎大家。今天很荣幸\n\nIlya:\n\n是的。";
    assert_eq!(
        sentences(text, Lang::ZH),
        [
            "首页 专业知识 GPT之父",
            "关于Ilya的介绍",
            "Ravi:",
            "欢迎大家。",
            "今天很荣幸",
            "Ilya:",
            "是的。"
        ]
    );
}

#[test]
fn inline_speaker_labels_become_sentences() {
    let text = "Ravi: Welcome to the seminar. It is an honour.\nIlya: Thank you.\nRavi: So.";
    assert_eq!(
        sentences(text, Lang::EN),
        [
            "Ravi:",
            "Welcome to the seminar.",
            "It is an honour.",
            "Ilya:",
            "Thank you.",
            "Ravi:",
            "So."
        ]
    );
}

#[test]
fn paragraphs_are_lines_and_turns() {
    let text = "Title\n\nRavi: Welcome. It is an honour.\nIlya: Thank you.\nRavi: So.\n\nA wrapped paragraph that goes on for a while and\nends on the next line. Then more.\n";
    let doc = Document::from_text("t", text);
    let got: Vec<(&str, usize)> = segment(&doc, Lang::EN)
        .iter()
        .map(|s| (&text[s.start..s.end], s.paragraph))
        .collect();
    assert_eq!(
        got,
        [
            ("Title", 0),
            ("Ravi:", 1),
            ("Welcome.", 2),
            ("It is an honour.", 2),
            ("Ilya:", 3),
            ("Thank you.", 4),
            ("Ravi:", 5),
            ("So.", 6),
            (
                "A wrapped paragraph that goes on for a while and\nends on the next line.",
                7
            ),
            ("Then more.", 7),
        ]
    );
}

#[test]
fn pre_split_paragraphs_are_separated_by_blank_lines() {
    let doc = Document::from_text("t", "\na\nb\n\n\nc\n");
    let got: Vec<(String, usize)> = lines(&doc)
        .into_iter()
        .map(|s| (s.text.to_string(), s.paragraph))
        .collect();
    let expected = [("", 0), ("a", 0), ("b", 0), ("", 0), ("", 0), ("c", 1)];
    assert_eq!(got, expected.map(|(t, p)| (t.to_owned(), p)));
}

#[test]
fn spans_point_into_original_bytes_with_bom_and_crlf() {
    let text = "\u{feff}First one.  Second one.\r\n\r\n  Third\r\n";
    let doc = Document::from_text("t", text);
    let got = segment(&doc, Lang::EN);
    assert_eq!(got.len(), 3);
    for s in &got {
        assert_eq!(&text[s.start..s.end], s.text);
    }
    assert_eq!((got[0].line, got[1].line, got[2].line), (1, 1, 3));
    assert_eq!(got[2].text, "Third");
}

#[test]
fn lines_mode_keeps_every_line_as_an_index() {
    let doc = Document::from_text("t", "a\r\n\nb\n");
    let got = lines(&doc);
    let texts: Vec<&str> = got.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, ["a", "", "b"]);
    assert_eq!(got[2].line, 3);
}

fn non_space(text: &str) -> String {
    text.chars().filter(|&c| !is_space(c)).collect()
}

fn check_partition(text: &str, lang: Lang) -> Result<(), TestCaseError> {
    let doc = Document::from_text("t", text);
    let got = segment(&doc, lang);
    let mut last_end = 0;
    for s in &got {
        prop_assert!(s.start >= last_end, "overlap or disorder at {}", s.start);
        prop_assert!(s.start < s.end);
        prop_assert_eq!(&text[s.start..s.end], s.text.as_str());
        prop_assert!(!s.text.starts_with(is_space) && !s.text.ends_with(is_space));
        prop_assert_eq!(s.line, doc.line_of(s.start));
        last_end = s.end;
    }
    let joined: String = got.iter().map(|s| non_space(&s.text)).collect();
    prop_assert_eq!(joined, non_space(text));
    Ok(())
}

/// Text made of the pieces segmentation cares about, so that boundaries are hit often.
fn tricky_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("。"),
        Just("！"),
        Just("?"),
        Just("."),
        Just("…"),
        Just("……"),
        Just("“"),
        Just("”"),
        Just("「"),
        Just("」"),
        Just("\""),
        Just("'"),
        Just("("),
        Just(")"),
        Just("："),
        Just(":"),
        Just("\n"),
        Just("\n\n"),
        Just("\r\n"),
        Just(" "),
        Just("\u{3000}"),
        Just("\u{feff}"),
        Just("Mr."),
        Just("e.g."),
        Just("J."),
        Just("3.14"),
        Just("1."),
        Just("Ravi:"),
        Just("伊利亚："),
        Just("我们"),
        Just("好的"),
        Just("word"),
        Just("Word"),
        Just("• "),
        Just("2012"),
        Just("\t"),
    ];
    prop::collection::vec(
        prop_oneof![piece.prop_map(String::from), any::<String>()],
        0..40,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_character_in_exactly_one_sentence_zh(text in tricky_text()) {
        check_partition(&text, Lang::ZH)?;
    }

    #[test]
    fn every_character_in_exactly_one_sentence_en(text in tricky_text()) {
        check_partition(&text, Lang::EN)?;
    }

    #[test]
    fn every_character_in_exactly_one_sentence_de(text in tricky_text()) {
        check_partition(&text, Lang::DE)?;
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in any::<String>()) {
        check_partition(&text, Lang::JA)?;
        check_partition(&text, Lang::FR)?;
    }
}

//! Whatever the input, an alignment is a partition: beads in order, none empty on both sides,
//! every sentence of both sides in exactly one bead, each confidence in 0..1.

use bialign::align::{align, AlignOptions};
use bialign::Lang;
use proptest::prelude::*;

fn zh_sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("我们"),
            Just("神经网络"),
            Just("2012年"),
            Just("OpenAI"),
            Just("学习"),
            Just("的"),
            Just("三十五"),
            Just("吗？"),
            Just("。"),
            Just("伊利亚"),
            Just("，")
        ],
        0..12,
    )
    .prop_map(|v| v.concat())
}

fn en_sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("we "),
            Just("neural network "),
            Just("in 2012 "),
            Just("OpenAI "),
            Just("learn "),
            Just("the "),
            Just("thirty-five "),
            Just("? "),
            Just(". "),
            Just("Ilya "),
            Just("Sutskever ")
        ],
        0..14,
    )
    .prop_map(|v| v.concat())
}

fn check(
    src: &[String],
    tgt: &[String],
    src_lang: Lang,
    tgt_lang: Lang,
) -> Result<(), TestCaseError> {
    let s: Vec<&str> = src.iter().map(String::as_str).collect();
    let t: Vec<&str> = tgt.iter().map(String::as_str).collect();
    let a = align(&s, &t, src_lang, tgt_lang, &AlignOptions::default());
    prop_assert!(a.is_partition_of(s.len(), t.len()), "{:?}", a.beads);
    for b in &a.beads {
        prop_assert!((0.0..=1.0).contains(&b.score), "score {}", b.score);
        prop_assert!(b.src.len() <= 5 && b.tgt.len() <= 5);
    }
    prop_assert!(a.length_ratio.is_finite() && a.length_ratio > 0.0);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn zh_en_alignments_partition_both_sides(
        src in prop::collection::vec(zh_sentence(), 0..40),
        tgt in prop::collection::vec(en_sentence(), 0..50),
    ) {
        check(&src, &tgt, Lang::ZH, Lang::EN)?;
    }

    #[test]
    fn en_zh_alignments_partition_both_sides(
        src in prop::collection::vec(en_sentence(), 0..30),
        tgt in prop::collection::vec(zh_sentence(), 0..30),
    ) {
        check(&src, &tgt, Lang::EN, Lang::ZH)?;
    }

    #[test]
    fn arbitrary_text_partitions(
        src in prop::collection::vec(any::<String>(), 0..25),
        tgt in prop::collection::vec(any::<String>(), 0..25),
    ) {
        check(&src, &tgt, Lang::DE, Lang::FR)?;
    }
}

#[test]
fn empty_sides_are_all_omissions_or_additions() {
    let a = align(
        &["一。", "二。"],
        &[],
        Lang::ZH,
        Lang::EN,
        &AlignOptions::default(),
    );
    assert_eq!(a.beads.len(), 2);
    assert!(a.beads.iter().all(|b| b.src.len() == 1 && b.tgt.is_empty()));
    let a = align(&[], &[], Lang::ZH, Lang::EN, &AlignOptions::default());
    assert!(a.beads.is_empty());
}

#[test]
fn ocr_debris_is_no_text_but_short_sentences_are() {
    for debris in [
        "JfV", ",r", "m", "é » .", "â", "1Ê+ :", "**&gt;", "* , *^", "24 a !", "- _-", "1956",
    ] {
        assert!(bialign::anchor::is_noise(debris), "{debris:?}");
    }
    for text in ["No.", "Oh!", "Лес.", "好。", "はい。", "Lhotsé ( 8501 m )"] {
        assert!(!bialign::anchor::is_noise(text), "{text:?}");
    }
}

#[test]
fn ocr_debris_in_a_translation_stands_alone() {
    let de = [
        "Im Frühjahr erreichte die Expedition das Basislager am Fuss des Berges.",
        "Das Wetter blieb wochenlang schlecht, und der Schnee fiel fast jeden Tag.",
        "Erst Ende Mai konnten die Träger die Lasten zum zweiten Lager bringen.",
        "Am 18. Mai standen zwei Bergsteiger auf dem Gipfel des Lhotse.",
        "Der Abstieg über den Südsattel dauerte zwei volle Tage.",
        "Die Mannschaft kehrte ohne Unfall nach Kathmandu zurück.",
        "Die Ergebnisse der Vermessung werden im nächsten Jahr veröffentlicht.",
        "Man rechnet mit einer neuen Höhe von etwa 8510 Metern.",
    ];
    let fr = [
        "Au printemps, l'expédition atteignit le camp de base au pied de la montagne.",
        "Le temps resta mauvais pendant des semaines, et la neige tomba presque chaque jour.",
        "Ce n'est qu'à la fin de mai que les porteurs purent monter les charges au deuxième camp.",
        "Le 18 mai, deux alpinistes se tenaient au sommet du Lhotse.",
        "JfV",
        ",r",
        "m",
        "é » .",
        "1Ê+ :",
        "* , *^",
        "La descente par le col Sud dura deux jours entiers.",
        "L'équipe revint à Katmandou sans accident.",
        "Les résultats des mesures seront publiés l'année prochaine.",
        "On s'attend à une nouvelle altitude d'environ 8510 mètres.",
    ];
    let a = align(&de, &fr, Lang::DE, Lang::FR, &AlignOptions::default());
    let shapes: Vec<(Vec<usize>, Vec<usize>)> = a
        .beads
        .iter()
        .map(|b| (b.src.clone().collect(), b.tgt.clone().collect()))
        .collect();
    let mut expected: Vec<(Vec<usize>, Vec<usize>)> = (0..4).map(|k| (vec![k], vec![k])).collect();
    expected.extend((4..10).map(|j| (vec![], vec![j])));
    expected.extend((4..8).map(|k| (vec![k], vec![k + 6])));
    assert_eq!(shapes, expected);
}

//! The bundled corpus is consistent: the reference sentences cover their texts exactly, and the
//! gold alignment partitions both sides.

use std::path::Path;

use bialign::eval::parse_beads;

const DIR: &str = "corpora/ilya-stanford";

fn read(name: &str) -> String {
    std::fs::read_to_string(Path::new(DIR).join(name)).unwrap()
}

fn non_space(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn reference_sentences_cover_their_texts() {
    for (text, sentences) in [("zh.txt", "zh.sentences"), ("en.txt", "en.sentences")] {
        let text = read(text);
        let sentences = read(sentences);
        assert_eq!(non_space(&sentences), non_space(&text), "{text:.40}");
        assert!(sentences.lines().all(|l| !l.is_empty() && l.trim() == l));
    }
}

#[test]
fn gold_beads_partition_both_sides() {
    let beads = parse_beads(Path::new("gold.beads"), &read("gold.beads")).unwrap();
    let (mut i, mut j) = (0, 0);
    for (s, t) in &beads {
        assert!(!s.is_empty() || !t.is_empty());
        assert_eq!(s, &(i..i + s.len()).collect::<Vec<_>>());
        assert_eq!(t, &(j..j + t.len()).collect::<Vec<_>>());
        i += s.len();
        j += t.len();
    }
    assert_eq!(i, read("zh.sentences").lines().count());
    assert_eq!(j, read("en.sentences").lines().count());
}

#[test]
fn english_leaves_out_the_page_furniture() {
    let en = read("en.txt");
    let zh = read("zh.txt");
    assert!(zh.contains("访谈要点") && zh.contains("相关推荐"));
    assert!(en.contains("Ravi:") && en.contains("Ilya:"));
    // The summary's numbered points "1)" … "15)" have no English counterpart.
    let numbered = |t: &str| {
        t.lines()
            .filter(|l| {
                l.split(')')
                    .next()
                    .is_some_and(|n| n.parse::<u32>().is_ok())
            })
            .count()
    };
    assert_eq!(numbered(&zh), 15);
    assert_eq!(numbered(&en), 0);
}

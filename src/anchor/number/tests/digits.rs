use super::*;

#[test]
fn english_sentences() {
    check("In 2012, AlexNet won ImageNet.", "en", &["2012"]);
    check("GPT-3 and GPT-3.5", "en", &["3", "3.5"]);
    check("It cost $1.2 billion", "en", &["1200000000"]);
    check("It cost $1.2bn.", "en", &["1200000000"]);
    check("A 100 million dollar deal", "en", &["100000000"]);
    check("3.5 billion people", "en", &["3500000000"]);
}

#[test]
fn english_separators() {
    check("1,000,000.5", "en", &["1000000.5"]);
    check("1,000", "en", &["1000"]);
    check("$5,000.00", "en", &["5000"]);
    check("1, 2, 3", "en", &["1", "2", "3"]);
    check("1,2,3", "en", &["1", "2", "3"]);
    check("12,3456", "en", &["12", "3456"]);
    check("1234,567", "en", &["1234", "567"]);
    check("0.5 and 0,5", "en", &["0.5", "0", "5"]);
    check("on 12.03.2020", "en", &["12", "3", "2020"]);
    check("version 3.10.2", "en", &["3", "10", "2"]);
    check("1\u{a0}000\u{a0}000 units", "en", &["1000000"]);
    // A plain space never groups digits in English.
    check("in 2012 300 people", "en", &["2012", "300"]);
}

#[test]
fn german_separators() {
    check("3,5 %", "de", &["3.5%"]);
    check("1.000.000,5 Euro", "de", &["1000000.5"]);
    check("1.000 Menschen", "de", &["1000"]);
    check("GPT-3.5", "de", &["3.5"]);
    check("am 12.03.2020", "de", &["12", "3", "2020"]);
    check("die Werte 1,2,3", "de", &["1", "2", "3"]);
    check("1, 2 und 3", "de", &["1", "2", "3"]);
    check("Am 3. Oktober", "de", &["3"]);
    check("0,5 Liter", "de", &["0.5"]);
    // Plain spaces do not group in German, narrow NBSPs do.
    check("1\u{202f}000 Euro", "de", &["1000"]);
}

#[test]
fn french_and_russian_spaces() {
    check("1 000 000,50 €", "fr", &["1000000.5"]);
    check("1\u{a0}000\u{a0}000,50\u{a0}€", "fr", &["1000000.5"]);
    check("1\u{202f}000 personnes", "fr", &["1000"]);
    check("35\u{202f}%", "fr", &["35%"]);
    check("en 2012 100 000 personnes", "fr", &["2012", "100000"]);
    check("1 000 000,5 рублей", "ru", &["1000000.5"]);
    check("3,5 %", "fr", &["3.5%"]);
}

#[test]
fn spanish_and_icelandic_separators() {
    check("1.500.000,75 dólares", "es", &["1500000.75"]);
    check("3,5 millones", "es", &["3500000"]);
    check("1.000 manns", "is", &["1000"]);
    check("3,5 milljarðar", "is", &["3500000000"]);
}

#[test]
fn other_languages_follow_their_own_separators() {
    // Italian, Portuguese, Dutch: a dot groups thousands, a comma is the decimal point.
    check("50.000 abitanti", "it", &["50000"]);
    check("1,5 litri", "it", &["1.5"]);
    check("1.234.567,89 euros", "pt", &["1234567.89"]);
    check("3,5 procent", "nl", &["3.5"]);
    // Polish and Swedish also group with a plain space.
    check("50 000 mieszkańców", "pl", &["50000"]);
    check("1 000,5 kronor", "sv", &["1000.5"]);
    // English and languages without a rule here keep the dot: 50.000 is fifty.
    check("50.000", "en", &["50"]);
    check("50.000", "ga", &["50"]);
}

#[test]
fn full_width_digits() {
    check("２０１２年", "zh", &["2012"]);
    check("３５％", "ja", &["35%"]);
    check("１．５倍", "zh", &["1.5"]);
    assert_eq!(
        extract_numbers("２０１２", "zh")[0].kind,
        NumberKind::Digits
    );
}

#[test]
fn ranges_signs_and_ordinal_suffixes() {
    check("5-10 years", "en", &["5", "10"]);
    check("5–10 years", "en", &["5", "10"]);
    check("-5 degrees", "en", &["5"]);
    check("1st, 2nd, 3rd and 21st", "en", &["1", "2", "3", "21"]);
    check("le 1er mai", "fr", &["1"]);
    check("COVID-19", "en", &["19"]);
    check("10:30, 24/7", "en", &["10", "30", "24", "7"]);
    check("the 1990s", "en", &["1990"]);
}

#[test]
fn whole_numbers_with_a_fraction_sign() {
    check("Hier war das Wasser etwa 1 ½ m tief.", "de", &["1.5"]);
    check("It took 2¾ hours and 3 ¼ more.", "en", &["2.75", "3.25"]);
    // A decimal is not followed by a fraction: 1.5 ½ stays two numbers at most.
    check("1.5 ½", "en", &["1.5"]);
}

#[test]
fn long_lists_and_chains_take_linear_time() {
    // Found by the fuzzer: "1,51,51,5…" walked the rest of the list at each of its numbers.
    let list = "1,5".repeat(20_000);
    let start = std::time::Instant::now();
    for lang in ["en", "de", "fr"] {
        assert!(!extract_numbers(&list, lang).is_empty());
    }
    let chain = format!("1{}", ",000".repeat(20_000));
    assert!(extract_numbers(&chain, "en").len() <= 1);
    assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
    // The same numbers as before for short ones.
    check(
        "1,51,5 and 1234,567,890",
        "en",
        &["1", "51", "5", "1234", "567890"],
    );
    check("1.5.1.5", "de", &["1", "5", "1", "5"]);
}

use super::*;

#[test]
fn english_number_words() {
    check("thirty-five", "en", &["35"]);
    check("two hundred and five", "en", &["205"]);
    check("a hundred and five", "en", &["105"]);
    check("a million", "en", &["1000000"]);
    check("a dozen eggs", "en", &["12"]);
    check("two dozen", "en", &["24"]);
    check("one hundred", "en", &["100"]);
    check("twenty-one", "en", &["21"]);
    check("a hundred thousand", "en", &["100000"]);
    check("two million three hundred thousand", "en", &["2300000"]);
    check("Seven", "en", &["7"]);
    check("zero", "en", &["0"]);
    assert_eq!(
        spans("two hundred and five people", "en"),
        ["two hundred and five"]
    );
    // "and" only belongs to the number when a number word follows.
    assert_eq!(spans("five hundred and more", "en"), ["five hundred"]);
}

#[test]
fn english_ordinals() {
    check("the first time", "en", &["1"]);
    check("the twentieth century", "en", &["20"]);
    check("her thirty-fifth birthday", "en", &["35"]);
    check("the twenty-first century", "en", &["21"]);
    check("the hundredth", "en", &["100"]);
    check("the seventeenth", "en", &["17"]);
    check("the second time", "en", &["2"]);
}

#[test]
fn english_ambiguous_words_are_dropped() {
    check("One of them said no one knew.", "en", &[]);
    check("a few people", "en", &[]);
    check("wait a second", "en", &[]);
    check("ten metres per second", "en", &["10"]);
    check("hundreds of people, thousands more", "en", &[]);
    check("the million-dollar question", "en", &[]);
    check("Once upon a time someone often went", "en", &[]);
}

#[test]
fn unknown_languages_use_english_conventions() {
    check("1,000.5 and two hundred", "xx", &["1000.5", "200"]);
    // 1.000 is 1.0 with a dot decimal point; the comma then starts a list.
    check("1.000,5", "en-US", &["1", "5"]);
    check("1.000,5", "de-AT", &["1000.5"]);
    check("二十", "zh-Hant", &["20"]);
}

// --- German, French, Spanish words ----------------------------------------------------

#[test]
fn german_words() {
    check("dreihundertfünfundzwanzig", "de", &["325"]);
    check("einundzwanzig Jahre", "de", &["21"]);
    check("zwölf Apostel", "de", &["12"]);
    check("zweitausend", "de", &["2000"]);
    check("Fünf Jahre", "de", &["5"]);
    check("zwei Millionen", "de", &["2000000"]);
    check("eine Million", "de", &["1000000"]);
    check("1,2 Mrd. Euro", "de", &["1200000000"]);
    check("2,5 Millionen", "de", &["2500000"]);
    // German Billion is 10¹².
    check("5 Billionen", "de", &["5000000000000"]);
    check("ein Haus, eins, Zweifel, Achtung", "de", &[]);
    check("dreißig Prozent", "de", &["30%"]);
}

#[test]
fn french_words() {
    check("trente-cinq", "fr", &["35"]);
    check("soixante-dix-sept", "fr", &["77"]);
    check("quatre-vingt-dix-neuf", "fr", &["99"]);
    check("quatre-vingts", "fr", &["80"]);
    check("vingt et un", "fr", &["21"]);
    check("soixante et onze", "fr", &["71"]);
    check("deux mille vingt-trois", "fr", &["2023"]);
    check("trois cents", "fr", &["300"]);
    check("dix-sept ans", "fr", &["17"]);
    check("un million", "fr", &["1000000"]);
    check("deux milliards", "fr", &["2000000000"]);
    check("la deuxième fois", "fr", &["2"]);
    check("cent pour cent", "fr", &["100%"]);
    // "neuf" alone is as often "new"; "un" alone is an article.
    check("un livre neuf", "fr", &[]);
    check("neuf cents", "fr", &["900"]);
}

#[test]
fn spanish_words() {
    check("treinta y cinco", "es", &["35"]);
    check("mil doscientos", "es", &["1200"]);
    check("dos mil millones", "es", &["2000000000"]);
    check("un millón", "es", &["1000000"]);
    check("ciento veinte", "es", &["120"]);
    check("cien mil", "es", &["100000"]);
    check("veintidós", "es", &["22"]);
    check("uno de ellos", "es", &[]);
    check("3 mil millones", "es", &["3000000000"]);
}

#[test]
fn russian_and_icelandic_magnitudes() {
    check("2,5 млрд рублей", "ru", &["2500000000"]);
    check("3 тыс. человек", "ru", &["3000"]);
    check("5 миллионов", "ru", &["5000000"]);
    check("árið 2012", "is", &["2012"]);
}

#[test]
fn german_peaks_named_by_their_thousands() {
    check(
        "Obwohl noch kein Achttausender, ist er hart.",
        "de",
        &["8000"],
    );
    check("mit sechs kotierten Siebentausendern", "de", &["6", "7000"]);
    check(
        "zwei kleine Sechstausender und ein Viertausenders Gipfel",
        "de",
        &["2", "6000", "4000"],
    );
}

/// Each number of `text` as its key, ending in "th" when it is an ordinal.
fn ranks(text: &str, lang: &str) -> Vec<String> {
    extract_numbers(text, lang)
        .iter()
        .map(|m| format!("{}{}", m.key(), if m.ordinal { "th" } else { "" }))
        .collect()
}

#[test]
fn ordinals_are_marked_as_ranks() {
    assert_eq!(ranks("the third time, three times", "en"), ["3th", "3"]);
    assert_eq!(ranks("her twenty-first birthday", "en"), ["21th"]);
    // A decade is a count, even though it ends a numeral as an ordinal does.
    assert_eq!(ranks("the eighties", "en"), ["80"]);
    assert_eq!(
        ranks("Chapter Three, chapter 4, on the 21st", "en"),
        ["3th", "4th", "21th"]
    );
    assert_eq!(ranks("第三次, 三次", "zh"), ["3th", "3"]);
    assert_eq!(
        ranks("Zum dritten Mal, am ersten Tag, drei Tage", "de"),
        ["3th", "1th", "3"]
    );
    // "achten" is mostly the verb; "erst" alone is "only".
    assert_eq!(
        ranks("Sie achten darauf, erst dann", "de"),
        Vec::<String>::new()
    );
    assert_eq!(
        ranks(
            "la troisième fois, la première, le 1er mai, une seconde",
            "fr"
        ),
        ["3th", "1th", "1th"]
    );
}

#[test]
fn halves() {
    check("half an hour", "en", &["0.5"]);
    check("two and a half hours", "en", &["2.5"]);
    check("one and a half", "en", &["1.5"]);
    check(
        "半年, 一半, 两个半小时, 一个半月",
        "zh",
        &["0.5", "0.5", "2.5", "1.5"],
    );
    check("想了半天, 没有半点", "zh", &[]);
    check("我们俩, 他们仨, 伎俩", "zh", &["2", "3"]);
}

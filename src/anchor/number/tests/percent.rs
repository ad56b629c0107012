use super::*;

#[test]
fn percentages() {
    check("35%", "en", &["35%"]);
    check("35 %", "en", &["35%"]);
    check("35 percent", "en", &["35%"]);
    check("35 per cent", "en", &["35%"]);
    check("35 Prozent", "de", &["35%"]);
    check("35 pour cent", "fr", &["35%"]);
    check("35 por ciento", "es", &["35%"]);
    check("35 процентов", "ru", &["35%"]);
    check("35 prósent", "is", &["35%"]);
    check("35퍼센트", "ko", &["35%"]);
    check("35パーセント", "ja", &["35%"]);
    check("３５％", "zh", &["35%"]);
    check("百分之三十五", "zh", &["35%"]);
    check("百分之3.5", "zh", &["3.5%"]);
    check("百分之百", "zh", &["100%"]);
    check("thirty-five percent", "en", &["35%"]);
    check("trente pour cent", "fr", &["30%"]);
    // Percentage points are not percentages.
    check("5 percentage points", "en", &["5"]);
    check("5 Prozentpunkte", "de", &["5"]);
    assert_eq!(spans("rose 35 % today", "en"), ["35 %"]);
    assert_eq!(spans("百分之三十五的人", "zh"), ["百分之三十五"]);
}

#[test]
fn percent_spans_and_kinds() {
    let m = &extract_numbers("百分之三十五", "zh")[0];
    assert_eq!(
        (m.value, m.percent, m.kind),
        (35.0, true, NumberKind::Words)
    );
    let m = &extract_numbers("３５％", "zh")[0];
    assert_eq!(
        (m.value, m.percent, m.kind),
        (35.0, true, NumberKind::Digits)
    );
}

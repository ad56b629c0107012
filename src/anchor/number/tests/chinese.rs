use super::*;

#[test]
fn chinese_sentences() {
    check(
        "伊利亚于2022年当选皇家学会院士,2015年入选MIT科技评论35岁以下35人榜单",
        "zh",
        &["2022", "2015", "35", "35"],
    );
    check("5岁时搬到以色列", "zh", &["5"]);
    check("深度学习在未来5-10年继续取得进展", "zh", &["5", "10"]);
    check("二〇一二年", "zh", &["2012"]);
    check("二零一二年", "zh", &["2012"]);
    check("他们一起去了", "zh", &[]);
    check("十分重要", "zh", &[]);
    check("一百零五个人", "zh", &["105"]);
    check("第一次", "zh", &["1"]);
    check(
        "35岁，11月，2013年，5-10年",
        "zh",
        &["35", "11", "2013", "5", "10"],
    );
}

#[test]
fn chinese_numerals() {
    check("三十五", "zh", &["35"]);
    check("一百零五", "zh", &["105"]);
    check("两千", "zh", &["2000"]);
    check("十", "zh", &["10"]);
    check("十五", "zh", &["15"]);
    check("第三", "zh", &["3"]);
    check("第二十一条", "zh", &["21"]);
    check("一百万", "zh", &["1000000"]);
    check("十亿", "zh", &["1000000000"]);
    check("万亿", "zh", &["1000000000000"]);
    check("三万亿", "zh", &["3000000000000"]);
    check("一千零五十", "zh", &["1050"]);
    check("九千九百九十九", "zh", &["9999"]);
    check("兩千萬", "zh", &["20000000"]);
    check("一九八四年", "zh", &["1984"]);
    check("三点五", "zh", &["3.5"]);
    check("零点五", "zh", &["0.5"]);
    check("三点五万", "zh", &["35000"]);
    check("十二点五", "zh", &["12.5"]);
    check("一百点二五", "zh", &["100.25"]);
    check("十二点五亿", "zh", &["1250000000"]);
    check("百分之十二点五", "zh", &["12.5%"]);
    assert_eq!(
        extract_numbers("三十五", "zh")[0],
        NumberMention {
            value: 35.0,
            percent: false,
            kind: NumberKind::Words,
            ordinal: false,
            start: 0,
            end: "三十五".len(),
        }
    );
}

#[test]
fn chinese_digits_with_magnitudes() {
    check("3.5万", "zh", &["35000"]);
    check("1亿", "zh", &["100000000"]);
    check("2万5千", "zh", &["25000"]);
    check("1亿2000万", "zh", &["120000000"]);
    check("5000万人", "zh", &["50000000"]);
    check("10万亿", "zh", &["10000000000000"]);
    check("1.5亿美元", "zh", &["150000000"]);
    check("二十多万人", "zh", &["200000"]);
    check("20多万人", "zh", &["200000"]);
    check("一百多人", "zh", &["100"]);
    // 千米 is a kilometre, not a thousand metres.
    check("5千米", "zh", &["5"]);
    let m = &extract_numbers("2万5千", "zh")[0];
    assert_eq!(
        (m.kind, m.start, m.end),
        (NumberKind::Digits, 0, "2万5千".len())
    );
}

#[test]
fn chinese_abbreviated_forms() {
    check("两万五", "zh", &["25000"]);
    check("三百五", "zh", &["350"]);
    check("一千五百", "zh", &["1500"]);
    check("1万5", "zh", &["15000"]);
}

#[test]
fn chinese_approximations_are_not_numbers() {
    check("几个人", "zh", &[]);
    check("十几个人", "zh", &[]);
    check("几十万", "zh", &[]);
    check("二十几岁", "zh", &[]);
    check("三四个人", "zh", &[]);
    check("十七八岁", "zh", &[]);
    check("五六十人", "zh", &[]);
    check("数百万人", "zh", &[]);
    check("上千人", "zh", &[]);
    check("成千上万", "zh", &[]);
    check("二十来岁", "zh", &[]);
    check("两三个", "zh", &[]);
    check("一两个", "zh", &[]);
    check("百分之几", "zh", &[]);
}

#[test]
fn chinese_lone_one_and_two_are_dropped() {
    for s in [
        "一个", "一样", "统一", "一下", "两者", "两边", "两人", "一些", "一起", "一直", "一定",
    ] {
        check(s, "zh", &[]);
    }
    // 两 that counts with a measure word is two.
    check("两个人", "zh", &["2"]);
    check("会议持续了两天", "zh", &["2"]);
    check("一百", "zh", &["100"]);
    check("一万", "zh", &["10000"]);
    check("一亿", "zh", &["100000000"]);
    check("两百", "zh", &["200"]);
    check("五十两本钱", "zh", &["50"]);
    check("借了二十两给他们", "zh", &["20"]);
    check("两万两千", "zh", &["22000"]);
    check("一千两百", "zh", &["1200"]);
    check("好像是在一九六几年吧", "zh", &[]);
    check("三个人", "zh", &["3"]);
}

#[test]
fn chinese_idioms_are_not_numbers() {
    for s in [
        "万一下雨",
        "千万不要忘记",
        "三心二意",
        "十分重要",
        "万物生长",
        "老百姓",
        "乱七八糟",
        "接二连三",
        "独一无二",
        "四面八方",
        "他四处走",
        "五花八门",
        "再三考虑",
        "星期三",
        "周五见",
        "百万富翁",
        "一言九鼎",
        "五官端正",
        "亿万富翁",
    ] {
        check(s, "zh", &[]);
    }
    // The same characters as quantities.
    check("十分钟", "zh", &["10"]);
    check("三千万人", "zh", &["30000000"]);
    check("千万人口", "zh", &["10000000"]);
    check("四周后", "zh", &["4"]);
}

#[test]
fn chinese_clock_times_are_not_decimals() {
    check("三点钟", "zh", &["3"]);
    check("三点五分", "zh", &["3", "5"]);
    check("十二点三十分", "zh", &["12", "30"]);
}

#[test]
fn chinese_fullwidth_comma_is_punctuation() {
    check("我有3，500人", "zh", &["3", "500"]);
    check("3,500人", "zh", &["3500"]);
}

// --- Japanese and Korean --------------------------------------------------------------

#[test]
fn japanese() {
    check("２０１２年に３５％増加した", "ja", &["2012", "35%"]);
    check("1兆2000億円", "ja", &["1200000000000"]);
    check("1億2000万円", "ja", &["120000000"]);
    check("三千円", "ja", &["3000"]);
    check("一つ", "ja", &[]);
    check("二つ", "ja", &["2"]);
    check("十分です", "ja", &[]);
    check("十分間", "ja", &["10"]);
    check("第3回", "ja", &["3"]);
    // 兆 is "mega" in Chinese (兆字节), not 10¹².
    check("5兆字节", "zh", &["5"]);
}

#[test]
fn korean() {
    check("1억 2천만 원", "ko", &["120000000"]);
    check("10만 명", "ko", &["100000"]);
    check("5천만", "ko", &["50000000"]);
    check("3조 원", "ko", &["3000000000000"]);
    check("2012년에 35% 증가", "ko", &["2012", "35%"]);
    check("1,000원", "ko", &["1000"]);
    assert_eq!(spans("1억 2천만 원", "ko"), ["1억 2천만"]);
}

#[test]
fn numerals_in_names_are_not_quantities() {
    check("罗小四等人回到队里，就去问队长可见过王二。", "zh", &[]);
    check("张三和李四是老三的朋友。", "zh", &[]);
    // A measure word after the numeral makes it a count, even after a surname-like character.
    check("张三个月没来，李四十岁了。", "zh", &["3", "40"]);
    check("于三月出发，共王二十人。", "zh", &["3", "20"]);
    // Elsewhere a bare numeral still counts.
    check("他们选了三，我选了四。", "zh", &["3", "4"]);
}

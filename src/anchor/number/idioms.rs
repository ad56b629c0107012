//! Words that contain a numeral character but are not quantities: idioms (三心二意), names
//! (四川, 三明治, and people: 王二, 小四), fixed expressions (十分 "very", 万一 "in case") and weekdays (星期三).

use super::chinese::{is_cjk_trigger, Cjk};
use super::{Lang, NumberKind, Scanner};

/// What may follow a trap word for it to count as the trap.
#[derive(Clone, Copy)]
enum After {
    Any,
    /// Not a trap when followed by one of these characters (十分钟 is ten minutes).
    Not(&'static str),
    /// Only a trap when followed by one of these characters (千万别 is "by all means don't").
    Only(&'static str),
}

/// A word containing a numeral character that is not a quantity. `pre` is the part of the
/// word before the first numeral character, `word` the rest starting at that character.
struct Trap {
    pre: &'static str,
    word: &'static str,
    after: After,
}

const fn t(word: &'static str) -> Trap {
    Trap {
        pre: "",
        word,
        after: After::Any,
    }
}

const fn tp(pre: &'static str, word: &'static str) -> Trap {
    Trap {
        pre,
        word,
        after: After::Any,
    }
}

const fn ta(word: &'static str, after: After) -> Trap {
    Trap {
        pre: "",
        word,
        after,
    }
}

// Lone 一/两, bare 百/千/万 and two-digit runs (三四) are dropped by the grammar anyway, so these
// lists only need the words where that rule would still leave a number behind.
const TRAPS_1: &[Trap] = &[
    t("一五一十"),
    t("一干二净"),
    t("一清二楚"),
    t("一穷二白"),
    t("一来二去"),
    t("一石二鸟"),
    t("一举两得"),
    t("一言九鼎"),
    t("一波三折"),
    t("一日三秋"),
    t("一分为二"),
    t("一心二用"),
    t("一不做二不休"),
    tp("独", "一无二"),
    tp("說", "一不二"),
    tp("说", "一不二"),
    tp("数", "一数二"),
];
const TRAPS_2: &[Trap] = &[
    t("二手"),
    t("二话"),
    t("二話"),
    t("二胡"),
    t("二流"),
    t("二者"),
    t("二战"),
    t("二戰"),
    t("二把手"),
    t("二维码"),
    tp("不", "二"),
    tp("接", "二连三"),
    tp("接", "二連三"),
];
const TRAPS_3: &[Trap] = &[
    t("三心二意"),
    t("三番五次"),
    t("三番两次"),
    t("三五成群"),
    t("三长两短"),
    t("三言两语"),
    t("三天两头"),
    t("三三两两"),
    t("三明治"),
    t("三角"),
    t("三星"),
    t("三亚"),
    t("三思"),
    t("三菱"),
    t("三顾茅庐"),
    t("三教九流"),
    t("三令五申"),
    t("三头六臂"),
    t("三六九等"),
    t("三日月"),
    tp("再", "三"),
    tp("丢", "三落四"),
    tp("颠", "三倒四"),
    tp("不", "三不四"),
    tp("低", "三下四"),
    tp("朝", "三暮四"),
];
const TRAPS_4: &[Trap] = &[
    t("四处"),
    t("四處"),
    ta("四周", After::Not("后後内內以前左")),
    t("四面八方"),
    t("四川"),
    t("四海"),
    t("四通八达"),
    t("四分五裂"),
    t("四平八稳"),
    t("四国"),
    t("四國"),
];
const TRAPS_5: &[Trap] = &[
    t("五花八门"),
    t("五官"),
    t("五湖四海"),
    t("五金"),
    t("五颜六色"),
    t("五光十色"),
    t("五体投地"),
    t("五角大楼"),
    t("五脏六腑"),
    t("五彩缤纷"),
    t("五月雨"),
    t("五味杂陈"),
    t("五大三粗"),
];
const TRAPS_6: &[Trap] = &[t("六神无主"), t("六亲不认")];
const TRAPS_7: &[Trap] = &[
    t("七上八下"),
    t("七嘴八舌"),
    t("七零八落"),
    t("七拼八凑"),
    t("七手八脚"),
    t("七夕"),
    t("七喜"),
    tp("乱", "七八糟"),
    tp("亂", "七八糟"),
    tp("横", "七竖八"),
    tp("杂", "七杂八"),
];
const TRAPS_8: &[Trap] = &[
    t("八卦"),
    t("八成"),
    t("八字"),
    t("八仙"),
    t("八面玲珑"),
    t("八百屋"),
    t("八百長"),
    tp("胡说", "八道"),
    tp("胡說", "八道"),
];
const TRAPS_9: &[Trap] = &[
    t("九牛一毛"),
    t("九死一生"),
    t("九州"),
    t("九泉"),
    t("九霄云外"),
];
const TRAPS_10: &[Trap] = &[
    // 十分 is "very" (zh) or "enough" (ja); 十分钟 / 十分間 is ten minutes.
    ta("十分", After::Not("钟鐘間间")),
    t("十足"),
    t("十字"),
    t("十全十美"),
    t("十有八九"),
    t("十拿九稳"),
    t("十恶不赦"),
    t("十万火急"),
];
const TRAPS_100: &[Trap] = &[t("百万富翁"), t("百萬富翁")];
const TRAPS_1000: &[Trap] = &[
    // 千万 is ten million, but before an imperative it means "by all means".
    ta("千万", After::Only("别不要记莫勿可务")),
    ta("千萬", After::Only("別别不要記记莫勿可務")),
    t("千万富翁"),
];
const TRAPS_WAN: &[Trap] = &[t("万一"), t("萬一")];

fn traps_for(c: char) -> &'static [Trap] {
    match c {
        '一' => TRAPS_1,
        '二' => TRAPS_2,
        '三' => TRAPS_3,
        '四' => TRAPS_4,
        '五' => TRAPS_5,
        '六' => TRAPS_6,
        '七' => TRAPS_7,
        '八' => TRAPS_8,
        '九' => TRAPS_9,
        '十' => TRAPS_10,
        '百' => TRAPS_100,
        '千' => TRAPS_1000,
        '万' | '萬' => TRAPS_WAN,
        _ => &[],
    }
}

impl Scanner<'_> {
    /// 王二, 张三, 小四, 老三: a small numeral right after a common surname or a nickname prefix,
    /// and not counting anything (no measure word follows), is part of a name. Chinese counts
    /// nouns through measure words (三个人, 四十岁), so a bare numeral there names someone.
    pub(super) fn in_a_name(&self, start: usize, r: &Cjk) -> bool {
        if r.value >= 100.0 || self.lang != Lang::Zh {
            return false;
        }
        let before = self.text[..start].chars().next_back();
        if !before.is_some_and(|c| NAME_PREFIXES.contains(c) || SURNAMES.contains(c)) {
            return false;
        }
        let after = self.text[r.end..].chars().next();
        !after.is_some_and(|c| MEASURE_WORDS.contains(c) || is_cjk_trigger(c, self.lang))
    }

    pub(super) fn trap_at(&self, i: usize, c: char) -> Option<usize> {
        let (before, rest) = self.text.split_at(i);
        if matches!(c, '二' | '三' | '四' | '五' | '六') {
            // Weekdays: 星期三, 周五 are names, not quantities.
            if ["星期", "礼拜", "禮拜", "周", "週"]
                .iter()
                .any(|p| before.ends_with(p))
            {
                return Some(i + c.len_utf8());
            }
        }
        for trap in traps_for(c) {
            if !before.ends_with(trap.pre) || !rest.starts_with(trap.word) {
                continue;
            }
            let next = rest[trap.word.len()..].chars().next();
            let hit = match trap.after {
                After::Any => true,
                After::Not(set) => !next.is_some_and(|n| set.contains(n)),
                After::Only(set) => next.is_some_and(|n| set.contains(n)),
            };
            if hit {
                return Some(i + trap.word.len());
            }
        }
        None
    }
}

/// Prefixes of familiar names (小四, 老三, 阿二).
const NAME_PREFIXES: &str = "小老阿";
/// The hundred most common Chinese surnames (simplified and traditional forms), less the ones
/// that are numerals themselves (万).
const SURNAMES: &str = "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許\
    韩韓冯馮邓鄧曹彭曾肖田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石\
    廖贾賈夏韦韋傅方白邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵钱錢严嚴覃武戴莫孔向汤湯";
/// Measure words and units a counted numeral is followed by; after one of these a numeral
/// counts something even after a surname-like character (马三匹 is rare, 周三天 is not).
/// Measure words after which a lone 两 counts things: 两个, 两天, 两本. Left out are those that
/// make 两 part of another word or an estimate (两口子 a couple, 两成 20%, 两多), and 人: 两人
/// is as often "both" or "the pair" as "two people".
const COUNTED: &str = "个個岁歲年月天次名位只隻条條张張本件块塊元斤米里分点點倍层層辆輛匹\
    家所座间間把双雙对對页頁篇首句遍回趟声聲步周小时時秒克吨噸种種份场場部台杯瓶碗";

/// What half of something is counted in: 半个月, 半年, 半小时, 半杯. Left out: 半天 ("ages"),
/// 半点 ("the least bit"), 半夜 (midnight), 半路, 半导体.
const HALVED: &[&str] = &[
    "个", "個", "年", "月", "周", "週", "小时", "小時", "钟头", "鐘頭", "分钟", "分鐘", "秒", "杯",
    "瓶", "碗", "斤", "公里", "张", "張", "块", "塊", "页", "頁",
];

impl Scanner<'_> {
    /// Does a measure word that counts things follow at `p`?
    pub(super) fn counts_at(&self, p: usize) -> bool {
        self.text[p..]
            .chars()
            .next()
            .is_some_and(|c| COUNTED.contains(c))
    }

    /// Does a numeral end right before `i`? Then a 两 at `i` is the unit tael (五十两本钱,
    /// fifty taels of capital), not two.
    pub(super) fn after_numeral(&self, i: usize) -> bool {
        self.text[..i].chars().next_back().is_some_and(|p| {
            p.is_ascii_digit() || "〇零一二三四五六七八九十百千万萬亿億".contains(p)
        })
    }

    /// 半 at `i`: a half where it halves a measure (半年, 半个小时) or is 一半 ("half"), and the
    /// half of 两个半小时 (two and a half hours) joins the number before its measure word.
    pub(super) fn half(&mut self, i: usize, after: usize) -> usize {
        let before = &self.text[..i];
        if let Some(stem) = before
            .strip_suffix('个')
            .or_else(|| before.strip_suffix('個'))
        {
            match self.out.last_mut() {
                Some(m) if m.end == stem.len() && !m.percent && m.value.fract() == 0.0 => {
                    m.value += 0.5;
                    m.end = after;
                }
                // 一个半 (one and a half): the lone 一 was no number of its own.
                _ if stem.ends_with('一') => {
                    let start = stem.len() - '一'.len_utf8();
                    self.push(1.5, false, NumberKind::Words, start, after);
                }
                _ => {}
            }
            return after;
        }
        if let Some(stem) = before.strip_suffix('一') {
            self.push(0.5, false, NumberKind::Words, stem.len(), after);
        } else if HALVED.iter().any(|u| self.text[after..].starts_with(u)) {
            self.push(0.5, false, NumberKind::Words, i, after);
        }
        after
    }

    /// 双 at `i`: two where it counts a pair's members (双胞胎 twins, 双倍 double, 双人
    /// two-person); elsewhere it is "both" (双方, 双手) or "dual" (双语, 双重), and after a
    /// numeral a measure word (三双鞋).
    pub(super) fn pair(&mut self, i: usize, after: usize) -> usize {
        if ["胞胎", "倍", "人"]
            .iter()
            .any(|w| self.text[after..].starts_with(w))
        {
            self.push(2.0, false, NumberKind::Words, i, after);
        }
        after
    }
}

const MEASURE_WORDS: &str =
    "个個岁歲年月日天号號次人名位只隻条條张張本件块塊元斤米里分点點倍层層辆輛匹头頭\
    口家所座间間把双雙对對页頁篇首句遍回趟声聲步周小时時秒度克吨噸成多余餘来來";

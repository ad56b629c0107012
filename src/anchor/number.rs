// TEMPORARY STUB (lead): replaced by the numbers module.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    pub value: f64,
    pub percent: bool,
    pub kind: NumberKind,
    pub start: usize,
    pub end: usize,
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberKind {
    Digits,
    Words,
}
impl NumberMention {
    pub fn key(&self) -> String {
        format!("{}", self.value)
    }
}
pub fn extract_numbers(text: &str, _lang: &str) -> Vec<NumberMention> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_ascii_digit() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(NumberMention {
                value: text[s..i].parse().unwrap_or(0.0),
                percent: false,
                kind: NumberKind::Digits,
                start: s,
                end: i,
            });
        }
    }
    out
}

//! Sentence boundaries in Chinese and Japanese: after 。！？；(full or half width), with closing
//! quotes and brackets kept on the sentence they close, never inside a quotation that closes
//! within the block, and after an ellipsis only where it ends the block or a quotation.

use crate::document::is_space;
use crate::lang::is_han;

use super::blocks::is_closing;

fn is_ender(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';' | '．' | '｡')
}

fn is_ellipsis(c: char) -> bool {
    matches!(c, '…' | '⋯')
}

/// The closing mark of a pair, for an opening one.
fn closer_of(c: char) -> Option<char> {
    Some(match c {
        '“' => '”',
        '‘' => '’',
        '「' => '」',
        '『' => '』',
        '（' => '）',
        '(' => ')',
        '【' => '】',
        '《' => '》',
        '〈' => '〉',
        '〔' => '〕',
        '"' => '"',
        _ => return None,
    })
}

/// Push the byte offsets in `text` where a new sentence starts (excluding 0 and `text.len()`).
pub fn boundaries(text: &str, cuts: &mut Vec<usize>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let depth = quotation_depth(&chars);
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        let starts_run = is_ender(c) || is_ellipsis(c) || is_ascii_period_end(&chars, i);
        if !starts_run {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut has_ender = false;
        let mut dots = 0;
        while j < chars.len()
            && (is_ender(chars[j].1) || is_ellipsis(chars[j].1) || chars[j].1 == '.')
        {
            has_ender |= is_ender(chars[j].1);
            dots += usize::from(chars[j].1 == '.');
            j += 1;
        }
        // "..." is an ellipsis; a single full stop ends the sentence.
        has_ender |= dots == 1;
        let closers_from = j;
        // Straight quotes after the end may open the next quotation; curly ones only close.
        while j < chars.len()
            && is_closing(chars[j].1)
            && (depth[j] > 0 || !matches!(chars[j].1, '"' | '\''))
        {
            j += 1;
        }
        let closed_quote = j > closers_from;
        let at_end = chars[j..].iter().all(|&(_, c)| is_space(c));
        // An ellipsis trails off mid-sentence unless it ends the block or a quotation.
        let ends = (has_ender || closed_quote || at_end) && depth_after(&depth, j) == 0;
        if ends && !at_end {
            cuts.push(chars.get(j).map_or(text.len(), |&(b, _)| b));
        }
        i = j.max(i + 1);
    }
}

/// Depth of quotation after position `j` (the depth of the char at `j`, or 0 past the end).
fn depth_after(depth: &[u32], j: usize) -> u32 {
    depth.get(j).copied().unwrap_or(0)
}

/// An ASCII full stop ends a Chinese sentence when it follows a Han character or a lowercase word
/// and is followed by space, Han or the end; never inside numbers, versions or addresses.
fn is_ascii_period_end(chars: &[(usize, char)], i: usize) -> bool {
    if chars[i].1 != '.' {
        return false;
    }
    let before = i.checked_sub(1).map(|k| chars[k].1);
    let after = chars.get(i + 1).map(|&(_, c)| c);
    let before_ok = before.is_some_and(|c| is_han(c) || c.is_ascii_lowercase() || is_closing(c));
    let after_ok = after.is_none_or(|c| is_space(c) || is_han(c) || is_closing(c) || c == '.');
    before_ok && after_ok
}

/// For each char, how many quotations or brackets enclose it, counting only pairs that close in
/// this block: an opening mark that never closes (a quotation running past its paragraph) does
/// not stop the sentences inside it from splitting. A closing mark counts as inside its pair.
fn quotation_depth(chars: &[(usize, char)]) -> Vec<u32> {
    let mut open: Vec<(usize, char)> = Vec::new();
    let mut delta = vec![0i32; chars.len() + 1];
    for (i, &(_, c)) in chars.iter().enumerate() {
        // A straight double quote closes the one open before it, else opens.
        let closes = if c == '"' {
            open.last().is_some_and(|&(_, want)| want == '"')
        } else {
            is_closing(c)
        };
        if closes {
            if let Some(k) = open.iter().rposition(|&(_, want)| want == c) {
                let (opened_at, _) = open[k];
                open.truncate(k);
                delta[opened_at + 1] += 1;
                delta[i + 1] -= 1;
            }
        } else if let Some(want) = closer_of(c) {
            open.push((i, want));
        }
    }
    let mut depth = Vec::with_capacity(chars.len());
    let mut d = 0i32;
    for step in &delta[..chars.len()] {
        d += step;
        depth.push(d.max(0) as u32);
    }
    depth
}

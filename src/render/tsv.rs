//! TSV fields: backslash, tab, newline and carriage return in the text are written `\\`, `\t`,
//! `\n`, `\r`, vertical tab and form feed `\v`, `\f`, and the other characters some reader
//! takes for a line break ([`crate::text::is_line_break`]: FS, GS, RS, NEL, U+2028, U+2029)
//! `\u001c` …, so that a line holds exactly its fields for any reader (Python's `splitlines`
//! included) and the text can be restored. `align --format tsv` and `batch --format tsv` write
//! them.

/// A text as one TSV field.
pub(crate) fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => s.push_str("\\\\"),
            '\t' => s.push_str("\\t"),
            '\n' => s.push_str("\\n"),
            '\r' => s.push_str("\\r"),
            '\u{b}' => s.push_str("\\v"),
            '\u{c}' => s.push_str("\\f"),
            c if crate::text::is_line_break(c) => s.push_str(&format!("\\u{:04x}", c as u32)),
            c => s.push(c),
        }
    }
    s
}

/// The inverse of `escape`.
pub fn unescape(field: &str) -> String {
    let mut s = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            s.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => s.push('\t'),
            Some('n') => s.push('\n'),
            Some('r') => s.push('\r'),
            Some('v') => s.push('\u{b}'),
            Some('f') => s.push('\u{c}'),
            Some('u') => {
                let hex: String = chars.clone().take(4).collect();
                match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    Some(c) if hex.len() == 4 => {
                        s.push(c);
                        chars.nth(3);
                    }
                    _ => s.push('u'),
                }
            }
            Some(other) => s.push(other),
            None => s.push('\\'),
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_would_break_a_line_and_undoes_it() {
        let text = "a\tb\nc\\d\r\ne";
        let e = escape(text);
        assert_eq!(e, "a\\tb\\nc\\\\d\\r\\ne");
        assert!(!e.contains(['\t', '\n', '\r']));
        assert_eq!(unescape(&e), text);
    }

    #[test]
    fn escapes_every_line_break_a_reader_may_see() {
        let text = "a\u{b}b\u{c}c\u{1c}d\u{1d}e\u{1e}f\u{85}g\u{2028}h\u{2029}i\\u2028";
        let e = escape(text);
        assert_eq!(
            e,
            "a\\vb\\fc\\u001cd\\u001de\\u001ef\\u0085g\\u2028h\\u2029i\\\\u2028"
        );
        assert!(!e.contains(crate::text::is_line_break));
        assert_eq!(unescape(&e), text);
    }
}

//! Characters that must not reach a terminal as they are, or that break line-based formats: the
//! one place that knows them.

use std::path::Path;

/// Text fit for a terminal: line breaks and tabs become spaces, and every other control character
/// (C0, DEL, C1: ESC, BEL, backspace, CSI …), which could move the cursor, change colours or set
/// the window title, becomes U+FFFD, which shows where it was.
pub fn visible(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// A file name for a message or a report header: [`visible`], since a name may hold anything but
/// `/` and NUL.
pub(crate) fn shown_path(path: &Path) -> String {
    visible(&path.display().to_string())
}

/// Is `c` a line break for some common reader of line-based files? The set of Python's
/// `str.splitlines`, the widest in use: LF, CR, VT, FF, the information separators FS, GS and RS,
/// NEL, and the Unicode line and paragraph separators.
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\u{b}'
            | '\u{c}'
            | '\u{1c}'
            | '\u{1d}'
            | '\u{1e}'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `text` on one line: each line break (CRLF counts as one) becomes a space.
pub(crate) fn flatten_lines(text: &str) -> String {
    text.replace("\r\n", " ").replace(is_line_break, " ")
}

/// Where a line ends in `text` from byte `from`: the byte offset of its line break and the offset
/// where the next line starts, or `None` on the last line (without a line break). A line break
/// for a document is LF, CRLF or a lone CR (old Mac files).
pub(crate) fn next_line_break(text: &str, from: usize) -> Option<(usize, usize)> {
    let at = from
        + text.as_bytes()[from..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')?;
    let next = if text.as_bytes()[at..].starts_with(b"\r\n") {
        at + 2
    } else {
        at + 1
    };
    Some((at, next))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_cannot_reach_the_terminal() {
        assert_eq!(visible("a\u{1b}[2Jb\nc"), "a\u{fffd}[2Jb c");
        assert_eq!(
            visible("\u{7}\u{7f}\u{9b}x\t"),
            "\u{fffd}\u{fffd}\u{fffd}x "
        );
        assert_eq!(
            shown_path(Path::new("a\u{1b}]0;t\u{7}.txt")),
            "a\u{fffd}]0;t\u{fffd}.txt"
        );
    }

    #[test]
    fn every_line_break_is_flattened() {
        assert_eq!(flatten_lines("a\r\nb\nc\u{2028}d"), "a b c d");
        let all = "0\n1\r2\u{b}3\u{c}4\u{1c}5\u{1d}6\u{1e}7\u{85}8\u{2028}9\u{2029}";
        assert_eq!(flatten_lines(all), "0 1 2 3 4 5 6 7 8 9 ");
    }

    #[test]
    fn lines_end_at_lf_crlf_and_a_lone_cr() {
        let text = "a\nb\r\nc\rd";
        assert_eq!(next_line_break(text, 0), Some((1, 2)));
        assert_eq!(next_line_break(text, 2), Some((3, 5)));
        assert_eq!(next_line_break(text, 5), Some((6, 7)));
        assert_eq!(next_line_break(text, 7), None);
    }
}

//! JSON shared by the commands: JSON Lines that every line reader splits where the writer meant
//! (`write_json_line`), and the `tool` object that heads the JSON of `check` and `diff`.

use std::io::{self, Write};

use serde::Serialize;

/// Who wrote a JSON document: `{"name": "bialign", "version": …}`.
#[derive(Serialize)]
pub(crate) struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

pub(crate) const TOOL: Tool = Tool {
    name: "bialign",
    version: env!("CARGO_PKG_VERSION"),
};

/// One JSON value on one line, for JSON Lines. JSON escapes the control characters but writes
/// NEL, U+2028 and U+2029 as they are, and line readers such as Python's `splitlines` break
/// lines there: they are written `\u0085`, `\u2028`, `\u2029`.
pub(crate) fn write_json_line(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    struct OneLine;
    impl serde_json::ser::Formatter for OneLine {
        fn write_string_fragment<W: ?Sized + std::io::Write>(
            &mut self,
            writer: &mut W,
            fragment: &str,
        ) -> std::io::Result<()> {
            let mut from = 0;
            for (i, c) in fragment.char_indices() {
                if crate::text::is_line_break(c) {
                    writer.write_all(&fragment.as_bytes()[from..i])?;
                    write!(writer, "\\u{:04x}", c as u32)?;
                    from = i + c.len_utf8();
                }
            }
            writer.write_all(&fragment.as_bytes()[from..])
        }
    }
    value.serialize(&mut serde_json::Serializer::with_formatter(
        &mut *out, OneLine,
    ))?;
    out.write_all(b"\n")
}

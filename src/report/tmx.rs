//! TMX 1.4, the translation-memory exchange format CAT tools import: one `<tu>` per translation
//! pair, one `<tuv xml:lang="…"><seg>…</seg></tuv>` per side, BCP 47 language tags. Written with
//! quick-xml, which escapes text and attributes; characters XML 1.0 forbids (most C0 controls)
//! become U+FFFD so the file always parses.

use std::io::{self, Write};

use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;

use super::ReportOptions;
use crate::aligned::AlignedPair;

/// Writes the pair as a TMX 1.4 translation memory, one translation unit per sentence pair.
pub fn write(out: &mut dyn Write, pair: &AlignedPair, opts: &ReportOptions) -> io::Result<()> {
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let src_lang = pair.src.lang.bcp47();
    let tgt_lang = pair.tgt.lang.bcp47();
    w.create_element("tmx")
        .with_attribute(("version", "1.4"))
        .write_inner_content(|w| {
            w.create_element("header")
                .with_attributes([
                    ("creationtool", "bialign"),
                    ("creationtoolversion", env!("CARGO_PKG_VERSION")),
                    ("segtype", "sentence"),
                    ("o-tmf", "bialign"),
                    ("adminlang", "en"),
                    ("srclang", src_lang),
                    ("datatype", "plaintext"),
                ])
                .write_empty()?;
            w.create_element("body").write_inner_content(|w| {
                for r in pair.records() {
                    let (has_src, has_tgt) = (!r.src_ids.is_empty(), !r.tgt_ids.is_empty());
                    let paired = has_src && has_tgt;
                    if !paired && !opts.keep_unpaired {
                        continue;
                    }
                    // The bead's number, 0-based as in every format (CSV, JSONL, HTML, the
                    // terminal view and `check`'s findings), so a unit can be found in the others.
                    let tuid = r.bead.to_string();
                    w.create_element("tu")
                        .with_attribute(("tuid", tuid.as_str()))
                        .write_inner_content(|w| {
                            let score = format!("{:.4}", r.score);
                            for (name, value) in
                                [("x-bialign-kind", &r.kind), ("x-bialign-score", &score)]
                            {
                                w.create_element("prop")
                                    .with_attribute(("type", name))
                                    .write_text_content(BytesText::new(value))?;
                            }
                            // An unpaired bead (only with --keep-unpaired) has a variant for the
                            // side that has text only.
                            for (present, lang, text) in
                                [(has_src, src_lang, &r.src), (has_tgt, tgt_lang, &r.tgt)]
                            {
                                if !present {
                                    continue;
                                }
                                let text = xml_safe(text);
                                w.create_element("tuv")
                                    .with_attribute(("xml:lang", lang))
                                    .write_inner_content(|w| {
                                        w.create_element("seg")
                                            .write_text_content(BytesText::new(&text))?;
                                        Ok(())
                                    })?;
                            }
                            Ok(())
                        })?;
                }
                Ok(())
            })?;
            Ok(())
        })?;
    w.get_mut().write_all(b"\n")
}

/// Text with the characters XML 1.0 does not allow replaced by U+FFFD: what a TMX segment holds.
pub fn xml_safe(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => '\u{fffd}',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_replaced() {
        assert_eq!(xml_safe("a\u{1}b\tc\u{1b}"), "a\u{fffd}b\tc\u{fffd}");
    }
}

//! A text file as read: its exact bytes (as UTF-8), where its lines start, and its language.
//! Everything downstream points back into these bytes by offset.

mod slice;

use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use slice::TextSlice;

use crate::error::{Error, Result};

/// A text file as read: its text and the line index that spans and positions point into.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as the user gave it (`-` for standard input); used in messages and reports.
    pub path: PathBuf,
    /// The file's bytes, BOM and CRLF included, so spans are offsets into the original file.
    /// Shared with the sentences cut from it ([`Document::slice`]).
    pub text: Arc<str>,
    line_starts: Vec<usize>,
    /// Every [`CHAR_MARK_SPACING`] bytes, a character boundary and the characters before it, so
    /// that a column on a line of a megabyte is counted from near it, not from the line's start.
    char_marks: Vec<(usize, usize)>,
}

const CHAR_MARK_SPACING: usize = 4096;

impl Document {
    /// Read a file (`-` reads standard input) and refuse what is not text.
    pub fn read(path: &Path) -> Result<Document> {
        let bytes = if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|source| Error::Read {
                    path: path.to_owned(),
                    source,
                })?;
            bytes
        } else {
            if path.is_dir() {
                return Err(Error::IsDirectory {
                    path: path.to_owned(),
                });
            }
            std::fs::read(path).map_err(|source| Error::Read {
                path: path.to_owned(),
                source,
            })?
        };
        Document::from_bytes(path, bytes)
    }

    /// Read several files that are used together. Standard input can be only one of them: that
    /// is refused before anything is read (the second `-` would find it used up and empty).
    pub fn read_each<const N: usize>(paths: [&Path; N]) -> Result<[Document; N]> {
        if paths.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
            return Err(Error::Usage(
                "`-` is given for more than one file: only one of them can come from standard \
                 input"
                    .into(),
            ));
        }
        let docs: Vec<Document> = paths
            .iter()
            .map(|p| Document::read(p))
            .collect::<Result<_>>()?;
        Ok(docs.try_into().expect("one document a path"))
    }

    /// A document from a file's bytes; fails when they hold a NUL byte ([`Error::Binary`]), are not
    /// UTF-8 ([`Error::InvalidUtf8`]) or hold only whitespace ([`Error::Empty`]).
    pub fn from_bytes(path: impl Into<PathBuf>, bytes: Vec<u8>) -> Result<Document> {
        let path = path.into();
        if let Some(offset) = bytes.iter().position(|&b| b == 0) {
            return Err(Error::Binary { path, offset });
        }
        let text = String::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
            path: path.clone(),
            offset: e.utf8_error().valid_up_to(),
        })?;
        if text.chars().all(is_space) {
            return Err(Error::Empty { path });
        }
        Ok(Document::from_text(path, text))
    }

    /// A document from text already in memory (tests, library users).
    pub fn from_text(path: impl Into<PathBuf>, text: impl Into<String>) -> Document {
        let text = text.into();
        // LF, CRLF and a lone CR (old Mac files) all end a line.
        let mut line_starts = vec![0];
        let mut at = 0;
        while let Some((_, next)) = crate::text::next_line_break(&text, at) {
            line_starts.push(next);
            at = next;
        }
        let mut char_marks = vec![(0, 0)];
        for (chars, (i, _)) in text.char_indices().enumerate() {
            if i >= char_marks.len() * CHAR_MARK_SPACING {
                char_marks.push((i, chars));
            }
        }
        Document {
            path: path.into(),
            text: Arc::from(text),
            line_starts,
            char_marks,
        }
    }

    /// How many characters the text has before byte `offset`.
    fn chars_before(&self, offset: usize) -> usize {
        let k = self.char_marks.partition_point(|&(at, _)| at <= offset) - 1;
        let (at, chars) = self.char_marks[k];
        chars + self.text[at..offset].chars().count()
    }

    /// 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }

    /// 1-based column of a byte offset, counted in characters as editors and CI annotations do.
    pub fn column_of(&self, offset: usize) -> usize {
        let line_start = self.line_starts[self.line_of(offset) - 1];
        self.chars_before(offset) - self.chars_before(line_start) + 1
    }

    /// `text[range]`, sharing the text rather than copying it.
    pub fn slice(&self, range: Range<usize>) -> TextSlice {
        TextSlice::new(self.text.clone(), range)
    }

    /// The file name for messages and report headers.
    pub fn display_name(&self) -> String {
        self.path.display().to_string()
    }
}

/// Read a small text input (a glossary, gold beads, a `LANGS` file): invalid UTF-8 is refused
/// with its byte offset.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.into(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        path: path.into(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Whitespace for segmentation: Unicode white space plus the byte-order mark, which a file may
/// carry at its start and which is never part of a sentence.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_are_one_based() {
        let doc = Document::from_text("t", "ab\n你好\r\nx");
        assert_eq!(doc.line_of(0), 1);
        assert_eq!(doc.line_of(2), 1);
        assert_eq!(doc.line_of(3), 2);
        assert_eq!(doc.column_of(6), 2); // 好
        assert_eq!(doc.line_of(doc.text.len() - 1), 3);
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        let doc = Document::from_text("t", "a\rb\r\nc\n\rd");
        assert_eq!(doc.line_of(2), 2); // b
        assert_eq!(doc.line_of(5), 3); // c
        assert_eq!(doc.line_of(8), 5); // d
        assert_eq!(doc.column_of(8), 1);
    }

    #[test]
    fn columns_on_a_long_line_count_characters() {
        // Past several char marks, with characters of 1, 2, 3 and 4 bytes.
        let line = "aé中😀".repeat(3000);
        let text = format!("x\n{line}\n");
        let doc = Document::from_text("t", text.as_str());
        for (chars, (i, _)) in line.char_indices().enumerate().step_by(997) {
            assert_eq!(doc.column_of(2 + i), chars + 1);
        }
        assert_eq!(doc.column_of(2 + line.len()), line.chars().count() + 1);
    }

    #[test]
    fn refuses_binary_invalid_and_empty() {
        let e = Document::from_bytes("b.bin", vec![b'a', 0, b'b']).unwrap_err();
        assert_eq!(
            e.to_string(),
            "b.bin: looks like a binary file (NUL byte at byte 1)"
        );
        let e = Document::from_bytes("u.txt", vec![b'a', b'b', 0xff, b'c']).unwrap_err();
        assert_eq!(e.to_string(), "u.txt: not valid UTF-8 at byte 2");
        let e = Document::from_bytes("e.txt", b" \n\t\n".to_vec()).unwrap_err();
        assert_eq!(e.to_string(), "e.txt: file is empty");
        let e = Document::from_bytes("bom.txt", "\u{feff}\n".as_bytes().to_vec()).unwrap_err();
        assert!(matches!(e, Error::Empty { .. }));
    }
}

//! A user's glossary: CSV rows `source term,target term` that a translation must respect. An
//! optional header row `src,tgt` (or `source,target`) is skipped; `#` lines are comments.

use std::path::Path;

use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlossaryEntry {
    pub src: String,
    pub tgt: String,
    /// 1-based line in the glossary file, for messages.
    pub line: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Glossary {
    pub entries: Vec<GlossaryEntry>,
}

impl Glossary {
    pub fn read(path: &Path) -> Result<Glossary> {
        let text = std::fs::read(path).map_err(|source| Error::Read {
            path: path.into(),
            source,
        })?;
        let text = String::from_utf8(text).map_err(|e| Error::InvalidUtf8 {
            path: path.into(),
            offset: e.utf8_error().valid_up_to(),
        })?;
        Glossary::parse(path, &text)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Glossary> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .comment(Some(b'#'))
            .trim(csv::Trim::All)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let mut entries = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| {
                let line = e.position().map_or(0, |p| p.line() as usize);
                Error::syntax(path, line, format!("not valid CSV: {e}"))
            })?;
            let line = record.position().map_or(0, |p| p.line() as usize);
            if record.iter().all(str::is_empty) {
                continue;
            }
            if record.len() != 2 || record[0].is_empty() || record[1].is_empty() {
                return Err(Error::syntax(
                    path,
                    line,
                    format!(
                        "expected two non-empty fields `source term,target term`, found {} field(s)",
                        record.len()
                    ),
                ));
            }
            let header = entries.is_empty()
                && matches!(
                    (
                        record[0].to_lowercase().as_str(),
                        record[1].to_lowercase().as_str()
                    ),
                    ("src", "tgt") | ("source", "target")
                );
            if !header {
                entries.push(GlossaryEntry {
                    src: record[0].into(),
                    tgt: record[1].into(),
                    line,
                });
            }
        }
        Ok(Glossary { entries })
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Does `text` contain `term`? Case-insensitive, and for Latin-script terms only at word edges,
/// so that the glossary term "AI" is not found in "said".
pub fn contains_term(text: &str, term: &str) -> bool {
    find_term(text, term).is_some()
}

/// The byte span of the first occurrence of `term` in `text` (see [`contains_term`]).
pub fn find_term(text: &str, term: &str) -> Option<(usize, usize)> {
    let hay = text.to_lowercase();
    let needle = term.to_lowercase();
    if needle.is_empty() || hay.len() != text.len() {
        // Lowercasing changed byte lengths (rare scripts): fall back to an exact search.
        return text.find(term).map(|s| (s, s + term.len()));
    }
    let word_char = |c: char| c.is_alphanumeric() && c.is_ascii();
    let mut from = 0;
    while let Some(pos) = hay[from..].find(&needle) {
        let start = from + pos;
        let end = start + needle.len();
        let before_ok = !hay[..start].chars().next_back().is_some_and(word_char)
            || !needle.starts_with(word_char);
        let after_ok =
            !hay[end..].chars().next().is_some_and(word_char) || !needle.ends_with(word_char);
        if before_ok && after_ok {
            return Some((start, end));
        }
        from = start + needle.chars().next().map_or(1, char::len_utf8);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_with_header_comments_and_quotes() {
        let g = Glossary::parse(
            Path::new("g.csv"),
            "src,tgt\n# names\n伊利亚,Ilya\n\"深度学习\",\"deep learning\"\n",
        )
        .unwrap();
        assert_eq!(g.entries.len(), 2);
        assert_eq!(g.entries[1].tgt, "deep learning");
        assert_eq!(g.entries[1].line, 4);
    }

    #[test]
    fn bad_row_names_its_line() {
        let e = Glossary::parse(Path::new("g.csv"), "伊利亚,Ilya\n只有一列\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "g.csv:2: expected two non-empty fields `source term,target term`, found 1 field(s)"
        );
    }

    #[test]
    fn terms_match_at_word_edges() {
        assert!(contains_term("The AI said so", "ai"));
        assert!(!contains_term("He said so", "ai"));
        assert!(contains_term("我们的深度学习研究", "深度学习"));
        assert_eq!(
            find_term("Deep Learning works", "deep learning"),
            Some((0, 13))
        );
    }
}

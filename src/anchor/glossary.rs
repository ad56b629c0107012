//! A user's glossary: CSV rows `source term,target term` that a translation must respect. An
//! optional header row `src,tgt` (or `source,target`) is skipped; `#` lines are comments.

use std::path::Path;

use super::caseless::{fold, Folded, Occurrence, TermSet};
use crate::error::{Error, Result};

/// One glossary row: a source term and the translation it must have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlossaryEntry {
    /// The source term as written in the glossary.
    pub src: String,
    /// The target term the translation must use for it.
    pub tgt: String,
    /// 1-based line in the glossary file, for messages.
    pub line: usize,
}

/// A user's glossary, with its terms ready to be found in sentences case-insensitively.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    entries: Vec<GlossaryEntry>,
    /// The entries' source and target terms, each found in one pass over a text.
    src_terms: TermSet,
    tgt_terms: TermSet,
}

impl PartialEq for Glossary {
    fn eq(&self, other: &Glossary) -> bool {
        self.entries == other.entries
    }
}

impl Eq for Glossary {}

impl Glossary {
    /// Reads and parses a glossary file; fails when it cannot be read or a row is malformed.
    pub fn read(path: &Path) -> Result<Glossary> {
        Glossary::parse(path, &crate::document::read_text(path)?)
    }

    /// Parses glossary CSV `text` read from `path` (named in messages); fails with
    /// [`Error::Syntax`] on a malformed row or an unclosed quote.
    pub fn parse(path: &Path, text: &str) -> Result<Glossary> {
        let text = text.trim_start_matches('\u{feff}');
        // A term is one line. CSV lets a quoted field run on over line breaks, so a quote left
        // open would swallow the rows after it as one long "term" and report each of them as a
        // glossary violation: refuse it where it opens. Lines end where the CSV reader ends
        // them: at LF, CRLF and a lone CR.
        for (k, line) in csv_lines(text).enumerate() {
            if !line.starts_with('#') && ends_in_quote(line) {
                return Err(Error::syntax(
                    path,
                    k + 1,
                    "unterminated quote: a quoted term must end on its own line",
                ));
            }
        }
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .comment(Some(b'#'))
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
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
        Ok(Glossary::new(entries))
    }

    /// A glossary of `entries`, in the order given.
    pub fn new(entries: Vec<GlossaryEntry>) -> Glossary {
        // A glossary term is found whatever its case, so terms that fold alike (GPT-3, gpt-3)
        // are copies of one term here and share one search: the sets get the folded terms
        // (folding is idempotent: `caseless::tests::folding_twice_changes_nothing`).
        let terms = |side: fn(&GlossaryEntry) -> &str| {
            let folded: Vec<String> = entries.iter().map(|e| fold(side(e))).collect();
            TermSet::new(folded.iter().map(String::as_str))
        };
        let src_terms = terms(|e| &e.src);
        let tgt_terms = terms(|e| &e.tgt);
        Glossary {
            entries,
            src_terms,
            tgt_terms,
        }
    }

    /// The entries, in file order.
    pub fn entries(&self) -> &[GlossaryEntry] {
        &self.entries
    }

    /// True when the glossary has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries whose source term is in `text`, each with its first occurrence (see
    /// [`find_term`]), in entry order.
    pub fn find_src_terms(&self, text: &str) -> Vec<(usize, (usize, usize))> {
        spans(self.src_terms.first_at_word_edges(&Folded::new(text)))
    }

    /// The entries whose target term is in `text`, each with its first occurrence.
    pub fn find_tgt_terms(&self, text: &str) -> Vec<(usize, (usize, usize))> {
        spans(self.tgt_terms.first_at_word_edges(&Folded::new(text)))
    }
}

/// The lines of `text` without their line breaks: LF, CRLF and a lone CR, as the `csv` crate
/// (and [`crate::document::Document`]) ends them.
fn csv_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= text.len() {
            return None;
        }
        let (end, next) =
            crate::text::next_line_break(text, at).unwrap_or((text.len(), text.len()));
        let line = &text[at..end];
        at = next;
        Some(line)
    })
}

/// Does a CSV line end inside a quoted field? A field is quoted when it starts with `"`, and
/// `""` inside it is a quote character, as the `csv` crate reads it.
fn ends_in_quote(line: &str) -> bool {
    let mut quoted = false;
    let mut field_start = true;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                } else {
                    quoted = false;
                }
            }
            continue;
        }
        match c {
            '"' if field_start => quoted = true,
            ',' => {
                field_start = true;
                continue;
            }
            _ => {}
        }
        field_start = false;
    }
    quoted
}

fn spans(found: Vec<(usize, Occurrence)>) -> Vec<(usize, (usize, usize))> {
    found
        .into_iter()
        .map(|(k, o)| (k, (o.start, o.end)))
        .collect()
}

/// Does `text` contain `term`? Case-insensitive, and for Latin-script terms only at word edges,
/// so that the glossary term "AI" is not found in "said".
pub fn contains_term(text: &str, term: &str) -> bool {
    find_term(text, term).is_some()
}

/// The byte span of the first occurrence of `term` in `text` (see [`contains_term`]).
pub fn find_term(text: &str, term: &str) -> Option<(usize, usize)> {
    let found = TermSet::new([term]).first_at_word_edges(&Folded::new(text));
    spans(found).pop().map(|(_, span)| span)
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
        assert_eq!(g.entries().len(), 2);
        assert_eq!(g.entries()[1].tgt, "deep learning");
        assert_eq!(g.entries()[1].line, 4);
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
    fn an_unterminated_quote_is_refused_where_it_opens() {
        for (text, line) in [
            ("伊利亚,Ilya\n\"深度学习,deep learning\n谷歌,Google\n", 2),
            ("伊利亚,\"Ilya\nSutskever\"\n", 1),
            ("a,b\nc,\"d", 2),
            // A lone CR ends a line for the CSV reader too (found by the fuzzer: the quote
            // opened after it ran over the next line break into the next row).
            ("E,t\r\"n\nΣ\",s", 2),
            ("a,b\r\nc,\"d\re\",f\r\n", 2),
        ] {
            let e = Glossary::parse(Path::new("g.csv"), text).unwrap_err();
            assert!(
                e.to_string()
                    .starts_with(&format!("g.csv:{line}: unterminated quote")),
                "{e}"
            );
        }
        // Quotes that close, doubled quotes and a quote inside an unquoted field are fine.
        let g = Glossary::parse(
            Path::new("g.csv"),
            "\"a \"\"b\"\"\",x\n5\" screen,5寸屏幕\n",
        )
        .unwrap();
        assert_eq!(g.entries()[0].src, "a \"b\"");
        assert_eq!(g.entries()[1].src, "5\" screen");
    }

    #[test]
    fn terms_that_differ_in_case_are_found_alike() {
        let g = Glossary::parse(
            Path::new("g.csv"),
            "GPT-3,GPT-3\ngpt-3,gpt-3\nOpenAI,OpenAI\nGpt-3,Gpt-3\n",
        )
        .unwrap();
        let found = g.find_src_terms("xgpt-3, then GPT-3 and OpenAI");
        assert_eq!(
            found,
            vec![(0, (13, 18)), (1, (13, 18)), (2, (23, 29)), (3, (13, 18))]
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

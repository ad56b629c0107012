//! Where `bialign learn` reads its document pairs from, one at a time so that a corpus of any
//! size streams through:
//!
//! - two files, a text and its translation;
//! - an evaluation folder as `bialign eval` reads it (`LANGS`, `<doc>.src`/`<doc>.tgt`, one
//!   sentence a line; or the corpus layout `<lang>.sentences`);
//! - a batch file of JSON lines (`.jsonl`): `{"id", "src", "tgt"}` with the texts, or
//!   `"src_path"`/`"tgt_path"` (relative to the batch file's folder), and optionally `"src_lang"`,
//!   `"tgt_lang"`;
//! - a docpairs file (`.tsv`): `url1<TAB>url2<TAB>base64(text1)<TAB>base64(text2)` a line.
//!
//! The batch readers are deliberately small: the `batch` command's parser is meant to replace
//! them, so that both commands accept the same files.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use crate::document::Document;
use crate::error::{Error, Result};
use crate::eval::EvalSet;
use crate::pipeline::LangChoice;
use crate::segment::Split;

/// One document pair to learn from.
#[derive(Debug)]
pub struct DocPair {
    /// Where it comes from, for messages.
    pub name: String,
    pub src: Document,
    pub tgt: Document,
    pub langs: [LangChoice; 2],
    pub split: Split,
}

/// One input as given on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A text and its translation.
    Pair(PathBuf, PathBuf),
    /// An evaluation folder.
    Folder(PathBuf),
    /// JSON lines, one document pair each.
    Jsonl(PathBuf),
    /// `url1<TAB>url2<TAB>base64(text1)<TAB>base64(text2)` lines.
    DocPairs(PathBuf),
}

impl Input {
    /// Sort command-line paths into inputs: a folder is an evaluation folder, a `.jsonl` file a
    /// batch file, a `.tsv` file a docpairs file, and the other files pair up in order.
    pub fn classify(paths: &[PathBuf]) -> Result<Vec<Input>> {
        let mut inputs = Vec::new();
        let mut pending: Option<&PathBuf> = None;
        for path in paths {
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            let input = if path.is_dir() {
                Input::Folder(path.clone())
            } else if ext.eq_ignore_ascii_case("jsonl") {
                Input::Jsonl(path.clone())
            } else if ext.eq_ignore_ascii_case("tsv") {
                Input::DocPairs(path.clone())
            } else if let Some(src) = pending.take() {
                Input::Pair(src.clone(), path.clone())
            } else {
                pending = Some(path);
                continue;
            };
            if let (Some(src), false) = (pending, matches!(input, Input::Pair(..))) {
                return Err(Error::Usage(format!(
                    "{}: a text file needs its translation right after it",
                    src.display()
                )));
            }
            inputs.push(input);
        }
        if let Some(src) = pending {
            return Err(Error::Usage(format!(
                "{}: a text file needs its translation right after it",
                src.display()
            )));
        }
        Ok(inputs)
    }
}

/// The document pairs of `inputs`, read as they are asked for. Languages and segmentation not
/// fixed by an input (a folder's `LANGS`, a batch line's `src_lang`) are `langs` and `split`.
pub fn documents(
    inputs: Vec<Input>,
    langs: [LangChoice; 2],
    split: Split,
) -> impl Iterator<Item = Result<DocPair>> {
    inputs
        .into_iter()
        .flat_map(move |input| -> Box<dyn Iterator<Item = Result<DocPair>>> {
            match input {
                Input::Pair(src, tgt) => Box::new(std::iter::once_with(move || {
                    let [s, t] = Document::read_each([&src, &tgt])?;
                    Ok(DocPair {
                        name: format!("{} {}", src.display(), tgt.display()),
                        src: s,
                        tgt: t,
                        langs,
                        split,
                    })
                })),
                Input::Folder(dir) => match EvalSet::open(&dir) {
                    Err(e) => Box::new(std::iter::once(Err(e))),
                    Ok(set) => {
                        let fixed = [
                            LangChoice::Fixed(set.src_lang),
                            LangChoice::Fixed(set.tgt_lang),
                        ];
                        Box::new(set.docs.into_iter().map(move |doc| {
                            let [s, t] = Document::read_each([&doc.src, &doc.tgt])?;
                            Ok(DocPair {
                                name: doc.src.display().to_string(),
                                src: s,
                                tgt: t,
                                langs: fixed,
                                split: Split::Lines,
                            })
                        }))
                    }
                },
                Input::Jsonl(path) => lines_of(path, move |path, line, text| {
                    jsonl_pair(path, line, text, langs, split)
                }),
                Input::DocPairs(path) => lines_of(path, move |path, line, text| {
                    docpairs_pair(path, line, text, langs, split)
                }),
            }
        })
}

/// The non-blank lines of a file, each parsed by `parse` with its 1-based number.
fn lines_of(
    path: PathBuf,
    parse: impl Fn(&Path, usize, &str) -> Result<DocPair> + 'static,
) -> Box<dyn Iterator<Item = Result<DocPair>>> {
    let file = match File::open(&path) {
        Ok(f) => f,
        Err(source) => return Box::new(std::iter::once(Err(Error::Read { path, source }))),
    };
    let mut failed = false;
    Box::new(
        BufReader::new(file)
            .lines()
            .enumerate()
            .map_while(move |(k, line)| {
                if failed {
                    return None;
                }
                let result = match line {
                    Ok(line) if line.trim().is_empty() => None,
                    Ok(line) => Some(parse(&path, k + 1, line.trim_end_matches('\r'))),
                    Err(source) => Some(Err(Error::Read {
                        path: path.clone(),
                        source,
                    })),
                };
                failed = matches!(result, Some(Err(_)));
                Some(result)
            })
            .flatten(),
    )
}

#[derive(serde::Deserialize)]
struct JsonPair {
    id: Option<serde_json::Value>,
    src: Option<String>,
    tgt: Option<String>,
    src_path: Option<PathBuf>,
    tgt_path: Option<PathBuf>,
    src_lang: Option<String>,
    tgt_lang: Option<String>,
}

fn jsonl_pair(
    path: &Path,
    line: usize,
    text: &str,
    langs: [LangChoice; 2],
    split: Split,
) -> Result<DocPair> {
    let bad = |message: String| Error::syntax(path, line, message);
    let record: JsonPair =
        serde_json::from_str(text).map_err(|e| bad(format!("not a document pair: {e}")))?;
    let id = match &record.id {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
        None => line.to_string(),
    };
    let folder = path.parent().unwrap_or(Path::new(""));
    let side = |text: Option<String>, file: Option<PathBuf>, which: &str| -> Result<Document> {
        match (text, file) {
            (Some(text), None) => Document::from_bytes(
                format!("{}:{line} ({which} of {id})", path.display()),
                text.into_bytes(),
            ),
            (None, Some(file)) => Document::read(&folder.join(file)),
            _ => Err(bad(format!(
                "expected `{which}` (the text) or `{which}_path`, not both or neither"
            ))),
        }
    };
    let lang = |code: Option<String>, default: LangChoice| -> Result<LangChoice> {
        code.map_or(Ok(default), |c| {
            c.parse::<LangChoice>().map_err(|e| bad(e.to_string()))
        })
    };
    Ok(DocPair {
        name: format!("{}:{line} ({id})", path.display()),
        langs: [
            lang(record.src_lang, langs[0])?,
            lang(record.tgt_lang, langs[1])?,
        ],
        src: side(record.src, record.src_path, "src")?,
        tgt: side(record.tgt, record.tgt_path, "tgt")?,
        split,
    })
}

fn docpairs_pair(
    path: &Path,
    line: usize,
    text: &str,
    langs: [LangChoice; 2],
    split: Split,
) -> Result<DocPair> {
    let fields: Vec<&str> = text.split('\t').collect();
    let [src_url, _, src, tgt] = fields[..] else {
        return Err(Error::syntax(
            path,
            line,
            format!(
                "expected url1<TAB>url2<TAB>base64(text1)<TAB>base64(text2), found {} fields",
                fields.len()
            ),
        ));
    };
    let side = |encoded: &str, which: &str| -> Result<Document> {
        let bytes = decode_base64(encoded.trim()).ok_or_else(|| {
            Error::syntax(path, line, format!("the {which} text is not valid base64"))
        })?;
        Document::from_bytes(format!("{}:{line} ({which})", path.display()), bytes)
    };
    Ok(DocPair {
        name: format!("{}:{line} ({src_url})", path.display()),
        src: side(src, "source")?,
        tgt: side(tgt, "target")?,
        langs,
        split,
    })
}

/// Standard base64 (`+/`, padding optional; the URL-safe `-_` accepted too).
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // A lone trailing character carries less than a byte: not base64.
    (bits < 6).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_as_python_encodes_it() {
        assert_eq!(decode_base64("aGVsbG8=").unwrap(), b"hello");
        assert_eq!(decode_base64("aGVsbG8").unwrap(), b"hello");
        assert_eq!(decode_base64("5LyK5Yip5Lqa").unwrap(), "伊利亚".as_bytes());
        assert!(decode_base64("a").is_none());
        assert!(decode_base64("a b").is_none());
    }

    #[test]
    fn batch_lines_name_their_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.jsonl");
        std::fs::write(
            &path,
            "{\"id\":\"a\",\"src\":\"你好。\",\"tgt\":\"Hello.\"}\n\n{\"id\":2,\"src\":\"x\"}\n",
        )
        .unwrap();
        let docs: Vec<Result<DocPair>> = documents(
            vec![Input::Jsonl(path)],
            [LangChoice::Auto, LangChoice::Auto],
            Split::Auto,
        )
        .collect();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].as_ref().unwrap().tgt.text, "Hello.");
        let e = docs[1].as_ref().unwrap_err().to_string();
        assert!(
            e.ends_with("b.jsonl:3: expected `tgt` (the text) or `tgt_path`, not both or neither"),
            "{e}"
        );
    }

    #[test]
    fn files_pair_up_in_order() {
        let p = |s: &str| PathBuf::from(s);
        assert_eq!(
            Input::classify(&[p("a.zh"), p("a.en"), p("b.jsonl")]).unwrap(),
            vec![
                Input::Pair(p("a.zh"), p("a.en")),
                Input::Jsonl(p("b.jsonl"))
            ]
        );
        assert!(Input::classify(&[p("a.zh"), p("b.jsonl"), p("a.en")]).is_err());
        assert!(Input::classify(&[p("a.zh")]).is_err());
    }
}

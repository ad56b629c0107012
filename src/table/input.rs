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
//! Batch files are read by the `batch` command's own parser, so both commands accept the same
//! files.

use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;

use crate::batch::{self, input::Defaults, InputFormat};
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
    /// The source document.
    pub src: Document,
    /// The target document.
    pub tgt: Document,
    /// The languages of the two sides, given or to be detected.
    pub langs: [LangChoice; 2],
    /// How both documents are cut into sentences.
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
                Input::Jsonl(path) => batch_file(path, InputFormat::Jsonl, langs, split),
                Input::DocPairs(path) => batch_file(path, InputFormat::Docpairs, langs, split),
            }
        })
}

/// The records of a batch file, read as `bialign batch` reads them; a bad record stops
/// learning with its line (a table learned around holes would hide them).
fn batch_file(
    path: PathBuf,
    format: InputFormat,
    langs: [LangChoice; 2],
    split: Split,
) -> Box<dyn Iterator<Item = Result<DocPair>>> {
    let file = match File::open(&path) {
        Ok(f) => f,
        Err(source) => return Box::new(std::iter::once(Err(Error::Read { path, source }))),
    };
    let mut reader = BufReader::new(file);
    let defaults = Defaults {
        langs,
        split,
        base_dir: batch::input::base_dir(&path),
    };
    let mut line_number = 0;
    let mut failed = false;
    Box::new(std::iter::from_fn(move || {
        if failed {
            return None;
        }
        let result = match batch::input::next_line(&mut reader, &mut line_number) {
            Ok(None) => return None,
            Err(source) => Err(Error::Read {
                path: path.clone(),
                source,
            }),
            Ok(Some(line)) => {
                let number = line.number;
                let bad = |reason: String| Error::syntax(&path, number, reason);
                batch::input::parse(format, &line, &defaults)
                    .map_err(|b| bad(b.reason))
                    .and_then(|record| {
                        let name = format!("{}:{number} ({})", path.display(), record.id);
                        Ok(DocPair {
                            name,
                            src: record.src.read("src").map_err(bad)?,
                            tgt: record.tgt.read("tgt").map_err(bad)?,
                            langs: record.langs,
                            split: record.split,
                        })
                    })
            }
        };
        failed = result.is_err();
        Some(result)
    }))
}

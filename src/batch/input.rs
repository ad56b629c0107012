//! Batch input: one document pair a line, as JSON Lines or as web-crawl document pairs, read a
//! line at a time and parsed into [`Record`]s. A line that cannot be a record becomes a
//! [`BadRecord`] with a one-line reason; it never stops the reading.

use std::io::{self, BufRead};
use std::path::{Path, PathBuf};

use base64::Engine as _;
use serde_json::{Map, Value};

use crate::document::Document;
use crate::error::Error;
use crate::names::Named;
use crate::pipeline::LangChoice;
use crate::segment::Split;

/// How input lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// `{"id": …, "src": …, "tgt": …}` (or `src_path` / `tgt_path`), other fields carried along.
    #[default]
    Jsonl,
    /// `url1<TAB>url2<TAB>base64(text1)<TAB>base64(text2)`, as web-crawl pipelines write them.
    Docpairs,
}

impl crate::names::Named for InputFormat {
    const WHAT: &'static str = "input format";
    const VALUES: &'static [(&'static str, Self)] = &[
        ("jsonl", InputFormat::Jsonl),
        ("docpairs", InputFormat::Docpairs),
    ];
}

/// Fields of a JSON record that bialign reads; everything else is carried to the output.
const READ_FIELDS: [&str; 8] = [
    "id", "src", "tgt", "src_path", "tgt_path", "src_lang", "tgt_lang", "split",
];

/// Fields bialign writes in its output: a record may not carry a field of the same name, or the
/// output would have it twice. (`url1` and `url2` are written only for docpairs, which carry
/// nothing else.)
pub const WRITTEN_FIELDS: [&str; 4] = ["bialign_schema", "stats", "beads", "line"];
/// Written only on the output line of a bad record.
pub const ERROR_FIELD: &str = "error";

/// One input line, before parsing: its 1-based number and its bytes without the line ending.
#[derive(Debug, Clone)]
pub struct RawLine {
    /// 1-based line number in the input.
    pub number: usize,
    /// The line's bytes, without the line ending.
    pub bytes: Vec<u8>,
}

/// Read the next line that is not blank, or `None` at the end. Lines end at LF; a CR before it
/// is dropped. `line_number` counts every line read, blank ones included.
pub fn next_line(input: &mut dyn BufRead, line_number: &mut usize) -> io::Result<Option<RawLine>> {
    loop {
        let mut bytes = Vec::new();
        if input.read_until(b'\n', &mut bytes)? == 0 {
            return Ok(None);
        }
        *line_number += 1;
        if bytes.last() == Some(&b'\n') {
            bytes.pop();
        }
        if bytes.last() == Some(&b'\r') {
            bytes.pop();
        }
        if !bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(Some(RawLine {
                number: *line_number,
                bytes,
            }));
        }
    }
}

/// Where one side's text comes from.
#[derive(Debug, Clone)]
pub enum Text {
    /// The bytes themselves (a JSON string, or decoded base64), checked as a document later.
    Bytes(Vec<u8>),
    /// A file to read, resolved against the input file's folder.
    Path(PathBuf),
}

impl Text {
    /// The document, or a one-line reason it cannot be one. `side` names a text given inline
    /// ("src: not valid UTF-8 at byte 7").
    pub fn read(self, side: &str) -> Result<Document, String> {
        match self {
            Text::Bytes(bytes) => Document::from_bytes(side, bytes).map_err(|e| match e {
                Error::Empty { .. } => format!("{side}: text is empty"),
                e => e.to_string(),
            }),
            Text::Path(path) => Document::read(&path).map_err(|e| e.to_string()),
        }
    }
}

/// A document pair to align.
#[derive(Debug, Clone)]
pub struct Record {
    /// The record's id, written with its results.
    pub id: String,
    /// For docpairs: the two URLs the id is made of, written as two TSV columns.
    pub urls: Option<(String, String)>,
    /// Fields bialign does not read, in the order they came (docpairs: `url1`, `url2`).
    pub carried: Map<String, Value>,
    /// The source text, inline or as a file path.
    pub src: Text,
    /// The target text, inline or as a file path.
    pub tgt: Text,
    /// The languages of the two sides: the record's own, else the batch defaults.
    pub langs: [LangChoice; 2],
    /// How both texts are cut into sentences: the record's own, else the batch default.
    pub split: Split,
}

/// A line that is not a record, or a record that cannot be aligned.
#[derive(Debug, Clone)]
pub struct BadRecord {
    /// 1-based line number of the record in the input.
    pub line: usize,
    /// The id, when the line got as far as having one.
    pub id: Option<String>,
    /// Fields bialign does not read, carried to the error line as they came.
    pub carried: Map<String, Value>,
    /// One line, without the line number.
    pub reason: String,
}

/// What applies to every record unless the record says otherwise.
#[derive(Debug, Clone)]
pub struct Defaults {
    /// The languages of the two sides.
    pub langs: [LangChoice; 2],
    /// How texts are cut into sentences.
    pub split: Split,
    /// Relative `src_path` / `tgt_path` are found from here (the input file's folder).
    pub base_dir: PathBuf,
}

/// Parse one line. `Err` carries as much of the record as could be read (its id and fields).
pub fn parse(
    format: InputFormat,
    line: &RawLine,
    defaults: &Defaults,
) -> Result<Record, BadRecord> {
    match format {
        InputFormat::Jsonl => parse_json(line, defaults),
        InputFormat::Docpairs => parse_docpair(line, defaults),
    }
}

fn bad(line: &RawLine, reason: impl Into<String>) -> BadRecord {
    BadRecord {
        line: line.number,
        id: None,
        carried: Map::new(),
        reason: reason.into(),
    }
}

fn parse_json(line: &RawLine, defaults: &Defaults) -> Result<Record, BadRecord> {
    let value: Value =
        serde_json::from_slice(&line.bytes).map_err(|e| bad(line, json_reason(&e)))?;
    let Value::Object(mut fields) = value else {
        return Err(bad(line, "not a JSON object"));
    };
    let id = match fields.remove("id") {
        Some(Value::String(id)) => id,
        Some(_) => return Err(bad(line, "`id` is not a string")),
        None => return Err(bad(line, "no `id`")),
    };
    let mut known = Map::new();
    let mut carried = Map::new();
    for (name, value) in fields {
        if READ_FIELDS.contains(&name.as_str()) {
            known.insert(name, value);
        } else {
            carried.insert(name, value);
        }
    }
    // From here on the error line can say which record it is and carry its fields.
    let fail = |carried: Map<String, Value>, reason: String| BadRecord {
        line: line.number,
        id: Some(id.clone()),
        carried,
        reason,
    };
    if let Some(name) = carried
        .keys()
        .find(|k| WRITTEN_FIELDS.contains(&k.as_str()) || k.as_str() == ERROR_FIELD)
    {
        let reason = format!("field `{name}` is one bialign writes: rename it");
        let mut carried = carried.clone();
        carried.retain(|k, _| !WRITTEN_FIELDS.contains(&k.as_str()) && k != ERROR_FIELD);
        return Err(fail(carried, reason));
    }
    let side = |text: &str, path: &str| -> Result<Text, String> {
        match (known.get(text), known.get(path)) {
            (Some(_), Some(_)) => Err(format!("both `{text}` and `{path}`: give one")),
            (Some(Value::String(s)), None) => Ok(Text::Bytes(s.clone().into_bytes())),
            (Some(_), None) => Err(format!("`{text}` is not a string")),
            (None, Some(Value::String(p))) => Ok(Text::Path(defaults.base_dir.join(p))),
            (None, Some(_)) => Err(format!("`{path}` is not a string")),
            (None, None) => Err(format!("no `{text}` (or `{path}`)")),
        }
    };
    let lang = |name: &str, default: LangChoice| -> Result<LangChoice, String> {
        match known.get(name) {
            None | Some(Value::Null) => Ok(default),
            Some(Value::String(s)) => s.parse().map_err(|e| format!("`{name}`: {e}")),
            Some(_) => Err(format!("`{name}` is not a string")),
        }
    };
    let split = match known.get("split") {
        None | Some(Value::Null) => Ok(defaults.split),
        Some(Value::String(s)) => Split::from_name(s).map_err(|e| format!("`split`: {e}")),
        Some(other) => Err(format!("`split` is {other}, not a string")),
    };
    let parsed = (|| {
        Ok::<_, String>((
            side("src", "src_path")?,
            side("tgt", "tgt_path")?,
            [
                lang("src_lang", defaults.langs[0])?,
                lang("tgt_lang", defaults.langs[1])?,
            ],
            split?,
        ))
    })();
    match parsed {
        Ok((src, tgt, langs, split)) => Ok(Record {
            id: id.clone(),
            urls: None,
            carried,
            src,
            tgt,
            langs,
            split,
        }),
        Err(reason) => Err(fail(carried, reason)),
    }
}

/// serde_json's message without its "at line 1 column N" (a record is one line), with the
/// column in front.
fn json_reason(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let message = match message.rfind(" at line ") {
        Some(at) => &message[..at],
        None => &message,
    };
    format!("invalid JSON at column {}: {message}", e.column())
}

fn parse_docpair(line: &RawLine, defaults: &Defaults) -> Result<Record, BadRecord> {
    let fields: Vec<&[u8]> = line.bytes.split(|&b| b == b'\t').collect();
    let [url1, url2, text1, text2] = fields[..] else {
        return Err(bad(
            line,
            format!(
                "expected 4 tab-separated fields (url1, url2, base64 text1, base64 text2), found {}",
                fields.len()
            ),
        ));
    };
    let url = |bytes: &[u8], name: &str| {
        String::from_utf8(bytes.to_vec()).map_err(|e| {
            bad(
                line,
                format!(
                    "{name} is not valid UTF-8 at byte {}",
                    e.utf8_error().valid_up_to()
                ),
            )
        })
    };
    let (url1, url2) = (url(url1, "url1")?, url(url2, "url2")?);
    let id = format!("{url1}\t{url2}");
    let mut carried = Map::new();
    carried.insert("url1".into(), Value::String(url1.clone()));
    carried.insert("url2".into(), Value::String(url2.clone()));
    let decode = |bytes: &[u8], name: &str| {
        base64::engine::general_purpose::STANDARD
            .decode(bytes)
            .map_err(|e| BadRecord {
                line: line.number,
                id: Some(id.clone()),
                carried: carried.clone(),
                reason: format!("{name} is not valid base64: {e}"),
            })
    };
    let src = decode(text1, "text1")?;
    let tgt = decode(text2, "text2")?;
    Ok(Record {
        id: id.clone(),
        urls: Some((url1, url2)),
        carried,
        src: Text::Bytes(src),
        tgt: Text::Bytes(tgt),
        langs: defaults.langs,
        split: defaults.split,
    })
}

/// The folder relative `src_path` / `tgt_path` start from: the input file's, or for standard
/// input the current one.
pub fn base_dir(input: &Path) -> PathBuf {
    if input.as_os_str() == "-" {
        return PathBuf::new();
    }
    input.parent().map(Path::to_path_buf).unwrap_or_default()
}

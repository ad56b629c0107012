//! The formats of `bialign align`: their names, which one a file name asks for, and where each
//! writes. The one place that lists them all.

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use super::{beads, csv, html, jsonl, moses, terminal, tmx, tsv, ReportOptions};
use crate::aligned::AlignedPair;
use crate::error::{Error, Result};
use crate::names::{names, Named};
use crate::output;

/// An output format of `bialign align` (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One row per bead with every field, header first ([`super::csv`]).
    Csv,
    /// `src<TAB>tgt<TAB>score`, one bead a line ([`super::tsv`]).
    Tsv,
    /// Two line-aligned plain-text files, one for each side ([`super::moses`]).
    Moses,
    /// One JSON object per bead ([`super::jsonl`]).
    Jsonl,
    /// A TMX translation memory ([`super::tmx`]).
    Tmx,
    /// The Vecalign / Bertalign bead format ([`super::beads`]).
    Beads,
    /// The side-by-side HTML report page ([`super::html`]).
    Html,
    /// The side-by-side view for a terminal ([`super::terminal`]).
    Terminal,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 8] = [
        Format::Csv,
        Format::Tsv,
        Format::Moses,
        Format::Jsonl,
        Format::Tmx,
        Format::Beads,
        Format::Html,
        Format::Terminal,
    ];

    /// The format a file name's extension asks for (`.csv`, `.tsv`, `.jsonl`, `.tmx`, `.html`,
    /// `.htm`, `.beads`), case-insensitively.
    pub(crate) fn from_extension(path: &Path) -> Option<Format> {
        let ext = crate::output::extension(path)?;
        Some(match ext.as_str() {
            "csv" => Format::Csv,
            "tsv" => Format::Tsv,
            "jsonl" => Format::Jsonl,
            "tmx" => Format::Tmx,
            "html" | "htm" => Format::Html,
            "beads" => Format::Beads,
            _ => return None,
        })
    }

    /// The format to write: the one asked for, else the one `-o`'s extension names, else for
    /// standard output `terminal` when `for_a_person` (standard output is a terminal, or colour was
    /// asked for with `--color always`, as when piping into `less -R`) and `csv` otherwise. Refuses what
    /// cannot work (Moses to standard output, an output name that says no format) before any
    /// work is done.
    pub fn resolve(
        asked: Option<Format>,
        output: Option<&Path>,
        for_a_person: bool,
    ) -> Result<Format> {
        let to_file = output.filter(|p| p.as_os_str() != "-");
        let format = match (asked, to_file) {
            (Some(f), _) => f,
            (None, Some(path)) => Format::from_extension(path).ok_or_else(|| {
                Error::Usage(format!(
                    "{}: cannot tell the format from the file name; give --format ({}) \
                     or use an extension: .csv .tsv .jsonl .tmx .html .beads",
                    path.display(),
                    names::<Format>().collect::<Vec<_>>().join(", ")
                ))
            })?,
            (None, None) if for_a_person => Format::Terminal,
            (None, None) => Format::Csv,
        };
        if format == Format::Moses && to_file.is_none() {
            return Err(Error::Usage(
                "--format moses writes two files: give -o PREFIX to write PREFIX.<src-lang> \
                 and PREFIX.<tgt-lang>"
                    .into(),
            ));
        }
        Ok(format)
    }

    /// Write a one-stream format (Moses, which needs two, is written by [`write_report`]).
    pub fn write(
        self,
        out: &mut dyn Write,
        pair: &AlignedPair,
        opts: &ReportOptions,
    ) -> io::Result<()> {
        match self {
            Format::Csv => csv::write(out, pair, opts),
            Format::Tsv => tsv::write(out, pair, opts),
            Format::Moses => Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "moses writes two files: use write_report with an output prefix",
            )),
            Format::Jsonl => jsonl::write(out, pair, opts),
            Format::Tmx => tmx::write(out, pair, opts),
            Format::Beads => beads::write(out, pair, opts),
            Format::Html => html::write(out, pair, opts),
            Format::Terminal => terminal::write(out, pair, opts),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Named for Format {
    const WHAT: &'static str = "format";
    const VALUES: &'static [(&'static str, Format)] = &[
        ("csv", Format::Csv),
        ("tsv", Format::Tsv),
        ("moses", Format::Moses),
        ("jsonl", Format::Jsonl),
        ("tmx", Format::Tmx),
        ("beads", Format::Beads),
        ("html", Format::Html),
        ("terminal", Format::Terminal),
        ("human", Format::Terminal),
    ];
}

impl FromStr for Format {
    type Err = Error;

    fn from_str(s: &str) -> Result<Format> {
        Format::from_name(&s.to_ascii_lowercase()).map_err(|e| Error::Usage(e.to_string()))
    }
}

/// The files a run writes for `-o PATH`: the path itself, or for Moses `PATH.<src-lang>` and
/// `PATH.<tgt-lang>`.
pub fn output_paths(format: Format, path: &Path, pair: &AlignedPair) -> Vec<PathBuf> {
    match format {
        Format::Moses => moses::paths(path, pair).into(),
        _ => vec![path.to_owned()],
    }
}

/// Write the report where it was asked for: standard output (`None` or `-`) or atomically to
/// the file(s) `-o` names, so a failure leaves none of them. None of them may be one of
/// `inputs`, the files the run read.
pub fn write_report(
    format: Format,
    output: Option<&Path>,
    inputs: &[&Path],
    pair: &AlignedPair,
    opts: &ReportOptions,
) -> Result<()> {
    match output.filter(|p| p.as_os_str() != "-") {
        None => output::write_to(None, inputs, |out| format.write(out, pair, opts)),
        Some(path) if format == Format::Moses => {
            let paths = output_paths(format, path, pair);
            output::write_files(&paths, inputs, |outs| match outs {
                [src, tgt] => moses::write(src, tgt, pair, opts),
                _ => Err(io::Error::other("moses writes two files")),
            })
        }
        Some(path) => output::write_to(Some(path), inputs, |out| format.write(out, pair, opts)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>().unwrap(), f);
        }
        assert!("xlsx".parse::<Format>().is_err());
    }

    #[test]
    fn inferred_from_the_output_name_else_from_stdout() {
        let p = |s: &str| Some(Path::new(s).to_owned());
        let resolve =
            |asked, out: Option<PathBuf>, tty| Format::resolve(asked, out.as_deref(), tty);
        assert_eq!(resolve(None, p("r.HTML"), true).unwrap(), Format::Html);
        assert_eq!(resolve(None, p("a/b.htm"), false).unwrap(), Format::Html);
        assert_eq!(resolve(None, p("x.jsonl"), false).unwrap(), Format::Jsonl);
        assert_eq!(resolve(None, p("x.tmx"), false).unwrap(), Format::Tmx);
        assert_eq!(resolve(None, p("x.tsv"), false).unwrap(), Format::Tsv);
        assert_eq!(resolve(None, p("x.beads"), false).unwrap(), Format::Beads);
        assert_eq!(resolve(None, p("x.csv"), true).unwrap(), Format::Csv);
        assert_eq!(
            resolve(Some(Format::Tsv), p("x.csv"), false).unwrap(),
            Format::Tsv
        );
        assert_eq!(resolve(None, None, true).unwrap(), Format::Terminal);
        assert_eq!(resolve(None, None, false).unwrap(), Format::Csv);
        assert_eq!(resolve(None, p("-"), true).unwrap(), Format::Terminal);
        assert!(resolve(None, p("out.txt"), false).is_err());
        assert!(resolve(None, p("corpus"), false).is_err());
        assert_eq!(
            resolve(Some(Format::Moses), p("corpus"), false).unwrap(),
            Format::Moses
        );
        assert!(resolve(Some(Format::Moses), None, false).is_err());
        assert!(resolve(Some(Format::Moses), p("-"), false).is_err());
    }
}

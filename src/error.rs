//! The library's error type. Every message names the file (and where it helps, the line or byte)
//! so the binary can print it as one line and exit with status 2.

use std::io;
use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: cannot read: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },

    #[error("{}: cannot write: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },

    #[error("{}: is a directory, expected a text file", path.display())]
    IsDirectory { path: PathBuf },

    #[error("{}: not valid UTF-8 at byte {offset}", path.display())]
    InvalidUtf8 { path: PathBuf, offset: usize },

    #[error("{}: looks like a binary file (NUL byte at byte {offset})", path.display())]
    Binary { path: PathBuf, offset: usize },

    #[error("{}: file is empty", path.display())]
    Empty { path: PathBuf },

    /// A malformed line in a structured input (glossary, gold beads, LANGS, baseline).
    #[error("{}:{line}: {message}", path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        message: String,
    },

    /// Inputs that are each fine but cannot be used together or as asked.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    pub fn syntax(path: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Error {
        Error::Syntax {
            path: path.into(),
            line,
            message: message.into(),
        }
    }
}

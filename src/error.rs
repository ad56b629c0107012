//! The library's error type. Every message names the file (and where it helps, the line or byte)
//! so the binary can print it as one line and exit with status 2.

use std::io;
use std::path::PathBuf;

/// The library's result type: [`Error`] unless a function says otherwise.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why a library call failed. The `Display` text is one line that names the file.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be opened or read.
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        source: io::Error,
    },

    /// An output file could not be created or written.
    #[error("{}: cannot write: {source}", path.display())]
    Write {
        /// The output file.
        path: PathBuf,
        /// The operating system's error.
        source: io::Error,
    },

    /// A text file was expected and the path names a directory.
    #[error("{}: is a directory, expected a text file", path.display())]
    IsDirectory {
        /// The directory.
        path: PathBuf,
    },

    /// The file is not UTF-8 text.
    #[error("{}: not valid UTF-8 at byte {offset}", path.display())]
    InvalidUtf8 {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },

    /// The file holds a NUL byte, so it is taken for a binary file.
    #[error("{}: looks like a binary file (NUL byte at byte {offset})", path.display())]
    Binary {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first NUL byte.
        offset: usize,
    },

    /// The file has no text to align.
    #[error("{}: file is empty", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },

    /// A malformed line in a structured input (glossary, gold beads, LANGS, baseline).
    #[error("{}:{line}: {message}", path.display())]
    Syntax {
        /// The input file.
        path: PathBuf,
        /// 1-based line number of the malformed line.
        line: usize,
        /// What is wrong with the line.
        message: String,
    },

    /// Inputs that are each fine but cannot be used together or as asked.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// An [`Error::Syntax`] at `line` (1-based) of `path`.
    pub fn syntax(path: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Error {
        Error::Syntax {
            path: path.into(),
            line,
            message: message.into(),
        }
    }
}

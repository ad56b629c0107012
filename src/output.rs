//! Where output goes: standard output, or a file written atomically (a temporary file in the same
//! folder, renamed into place only when everything was written), so a failed run never leaves a
//! truncated file behind.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Run `write` against the destination: `None` or `-` is standard output.
pub fn write_to(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    match path {
        None => write_stdout(write),
        Some(p) if p.as_os_str() == "-" => write_stdout(write),
        Some(p) => write_file_atomically(p, write),
    }
}

fn write_stdout(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<()> {
    let stdout = io::stdout();
    let mut out = PipeWatch {
        inner: BufWriter::new(stdout.lock()),
        broken: false,
    };
    let result = write(&mut out).and_then(|()| out.flush());
    match result {
        // A reader that stopped early (`| head`) is not an error of ours. Writers such as csv's
        // wrap the error they met, so the writer itself remembers what happened.
        Err(_) if out.broken => Ok(()),
        other => other.map_err(|source| Error::Write {
            path: "<stdout>".into(),
            source,
        }),
    }
}

/// A writer that notes when its reader has gone away.
struct PipeWatch<W> {
    inner: W,
    broken: bool,
}

impl<W: Write> PipeWatch<W> {
    fn note<T>(&mut self, r: io::Result<T>) -> io::Result<T> {
        if matches!(&r, Err(e) if e.kind() == io::ErrorKind::BrokenPipe) {
            self.broken = true;
        }
        r
    }
}

impl<W: Write> Write for PipeWatch<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let r = self.inner.write(buf);
        self.note(r)
    }

    fn flush(&mut self) -> io::Result<()> {
        let r = self.inner.flush();
        self.note(r)
    }
}

pub fn write_file_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    write_files_atomically(&[path.to_owned()], |outs| match outs {
        [out] => write(out),
        _ => unreachable!("one path, one writer"),
    })
}

/// Write several files that belong together (the two sides of a Moses corpus): all are written
/// to temporary files in their folders first and renamed into place only when every one is
/// complete. On failure none of them is left, not even one already renamed.
pub fn write_files_atomically(
    paths: &[PathBuf],
    write: impl FnOnce(&mut [BufWriter<File>]) -> io::Result<()>,
) -> Result<()> {
    let mut temps = Vec::with_capacity(paths.len());
    for path in paths {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
            _ => PathBuf::from("."),
        };
        let name = path.file_name().ok_or_else(|| {
            Error::Usage(format!("{}: not a file name to write to", path.display()))
        })?;
        temps.push(dir.join(format!(
            ".{}.{}.tmp",
            name.to_string_lossy(),
            std::process::id()
        )));
    }
    let mut renamed = 0;
    // The index of the file an error concerns, for the message.
    let mut failed_at = 0;
    let result = (|| {
        let mut outs = Vec::with_capacity(temps.len());
        for (k, tmp) in temps.iter().enumerate() {
            failed_at = k;
            outs.push(BufWriter::new(File::create(tmp)?));
        }
        failed_at = 0;
        write(&mut outs)?;
        for (k, out) in outs.into_iter().enumerate() {
            failed_at = k;
            let file = out.into_inner().map_err(|e| e.into_error())?;
            file.sync_all()?;
        }
        for (k, (tmp, path)) in temps.iter().zip(paths).enumerate() {
            failed_at = k;
            std::fs::rename(tmp, path)?;
            renamed += 1;
        }
        Ok(())
    })();
    if result.is_err() {
        for tmp in &temps[renamed..] {
            let _ = std::fs::remove_file(tmp);
        }
        for path in &paths[..renamed] {
            let _ = std::fs::remove_file(path);
        }
    }
    result.map_err(|source| Error::Write {
        path: paths[failed_at].clone(),
        source,
    })
}

/// The extension of an output file name in lowercase, which says what format to write; `None`
/// for standard output (`-`) and names without one.
pub fn extension(path: &Path) -> Option<String> {
    if path.as_os_str() == "-" {
        return None;
    }
    Some(path.extension()?.to_str()?.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failed_write_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        let r = write_file_atomically(&path, |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("boom"))
        });
        assert!(r.is_err());
        assert!(!path.exists());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        write_file_atomically(&path, |w| w.write_all(b"whole")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "whole");
    }

    #[test]
    fn files_written_together_are_left_together_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let paths = [dir.path().join("c.zh"), dir.path().join("c.en")];
        let r = write_files_atomically(&paths, |outs| {
            outs[0].write_all(b"zh\n")?;
            outs[1].write_all(b"en\n")?;
            Err(io::Error::other("boom"))
        });
        assert!(r.is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);

        // The second file cannot be renamed into place (a directory is in the way): the first,
        // already renamed, is taken back.
        std::fs::create_dir(&paths[1]).unwrap();
        std::fs::write(paths[1].join("keep"), "x").unwrap();
        let r = write_files_atomically(&paths, |outs| {
            outs[0].write_all(b"zh\n")?;
            outs[1].write_all(b"en\n")
        });
        assert!(r.is_err());
        assert!(!paths[0].exists());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

        std::fs::remove_dir_all(&paths[1]).unwrap();
        write_files_atomically(&paths, |outs| {
            outs[0].write_all(b"zh\n")?;
            outs[1].write_all(b"en\n")
        })
        .unwrap();
        assert_eq!(std::fs::read_to_string(&paths[0]).unwrap(), "zh\n");
        assert_eq!(std::fs::read_to_string(&paths[1]).unwrap(), "en\n");
    }
}

//! Where output goes: standard output, or files named with `-o`.
//!
//! A regular file (or a new one) is written atomically: to a temporary file in the same folder,
//! renamed into place only when everything was written, so a failed run never leaves a truncated
//! file behind and keeps the old one. The temporary file is removed on every way out: an error, a
//! panic (a guard removes it as the stack unwinds) and SIGINT, SIGTERM or SIGHUP (see
//! [`clean_up_on_signals`]). A symlink is followed, so the file it points to is replaced and the
//! link stays; a special file (a terminal, `/dev/null`, a FIFO) is written directly, as
//! `sort -o` does, since renaming over it would replace the device or pipe with a regular file.
//! A file the run reads is never written.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::{Error, Result};

/// Run `write` against the destination: `None` or `-` is standard output. `inputs` are the files
/// the run reads, which the destination must not be.
pub fn write_to(
    path: Option<&Path>,
    inputs: &[&Path],
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    match path {
        None => write_stdout(write),
        Some(p) if p.as_os_str() == "-" => write_stdout(write),
        Some(p) => write_files(&[p.to_owned()], inputs, |outs| match outs {
            [out] => write(out),
            _ => unreachable!("one path, one writer"),
        }),
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

/// Write several files that belong together (the two sides of a Moses corpus): all are written
/// to temporary files in their folders first and renamed into place only when every one is
/// complete. On failure none of them is left, not even one already renamed (a special file
/// written directly cannot be taken back). Refused before anything is written when one of the
/// paths is one of `inputs`.
pub(crate) fn write_files(
    paths: &[PathBuf],
    inputs: &[&Path],
    write: impl FnOnce(&mut [BufWriter<File>]) -> io::Result<()>,
) -> Result<()> {
    let mut sinks = Vec::with_capacity(paths.len());
    for path in paths {
        let sink = Sink::for_path(path)?;
        refuse_input(path, sink.target(), inputs)?;
        sinks.push(sink);
    }
    let mut renamed: Vec<PathBuf> = Vec::new();
    // The index of the file an error concerns, for the message.
    let mut failed_at = 0;
    let result = (|| {
        let mut outs = Vec::with_capacity(sinks.len());
        for (k, sink) in sinks.iter_mut().enumerate() {
            failed_at = k;
            outs.push(BufWriter::new(sink.open()?));
        }
        failed_at = 0;
        write(&mut outs)?;
        for (k, out) in outs.into_iter().enumerate() {
            failed_at = k;
            let file = out.into_inner().map_err(|e| e.into_error())?;
            if sinks[k].is_atomic() {
                file.sync_all()?;
            }
        }
        for (k, sink) in sinks.iter_mut().enumerate() {
            failed_at = k;
            if sink.commit()? {
                renamed.push(sink.target().to_owned());
            }
        }
        Ok(())
    })();
    if result.is_err() {
        // The temporary files not renamed yet go with their guards; the ones renamed are taken
        // back so that the files stay together.
        for target in renamed {
            let _ = std::fs::remove_file(target);
        }
    }
    result.map_err(|source| Error::Write {
        path: paths[failed_at].clone(),
        source,
    })
}

/// Where one output file is written.
enum Sink {
    /// A regular file, new or replaced: written to `temp`, renamed to `target` when complete.
    Atomic {
        target: PathBuf,
        temp: Option<Temporary>,
    },
    /// A device, FIFO or socket: opened and written as it is.
    Direct { target: PathBuf },
}

impl Sink {
    fn for_path(path: &Path) -> Result<Sink> {
        // What the path is, the kernel says through every link (`/dev/stdout` leads to
        // `pipe:[…]`, which is no path to follow by hand); links are followed here only to find
        // where a regular or new file is renamed into place.
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                return Err(Error::IsDirectory {
                    path: path.to_owned(),
                })
            }
            Ok(m) if !m.is_file() => {
                return Ok(Sink::Direct {
                    target: path.to_owned(),
                })
            }
            _ => {}
        }
        let target = follow_symlinks(path).map_err(|source| Error::Write {
            path: path.to_owned(),
            source,
        })?;
        Ok(Sink::Atomic { target, temp: None })
    }

    fn target(&self) -> &Path {
        match self {
            Sink::Atomic { target, .. } | Sink::Direct { target } => target,
        }
    }

    fn is_atomic(&self) -> bool {
        matches!(self, Sink::Atomic { .. })
    }

    fn open(&mut self) -> io::Result<File> {
        match self {
            Sink::Atomic { target, temp } => {
                let dir = match target.parent() {
                    Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
                    _ => PathBuf::from("."),
                };
                let name = target.file_name().ok_or_else(|| {
                    io::Error::new(io::ErrorKind::InvalidInput, "not a file name to write to")
                })?;
                let path = dir.join(format!(
                    ".{}.{}.tmp",
                    name.to_string_lossy(),
                    std::process::id()
                ));
                let (guard, file) = Temporary::create(path)?;
                *temp = Some(guard);
                Ok(file)
            }
            Sink::Direct { target } => File::create(target),
        }
    }

    /// Put the written file in place; `true` when it was renamed there (not written directly).
    fn commit(&mut self) -> io::Result<bool> {
        match self {
            Sink::Atomic { target, temp } => {
                if let Some(temp) = temp.take() {
                    temp.rename_to(target)?;
                }
                Ok(true)
            }
            Sink::Direct { .. } => Ok(false),
        }
    }
}

/// The file a path leads to through any symlinks (a symlink's target may not exist yet: it is
/// where the new file goes). Relative targets are relative to the link's folder.
fn follow_symlinks(path: &Path) -> io::Result<PathBuf> {
    let mut p = path.to_owned();
    // As many links as Linux follows before it gives up with ELOOP.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = std::fs::read_link(&p)?;
                p = match p.parent() {
                    Some(dir) => dir.join(target),
                    None => target,
                };
            }
            _ => return Ok(p),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Refuse an output that is a file the run reads (`check zh.txt en.txt -o en.txt` would replace
/// the translation with the report): the same file, however it is named.
fn refuse_input(path: &Path, target: &Path, inputs: &[&Path]) -> Result<()> {
    let Ok(out) = std::fs::metadata(target) else {
        return Ok(()); // A file yet to be made is no input.
    };
    for input in inputs.iter().filter(|i| i.as_os_str() != "-") {
        if std::fs::metadata(input).is_ok_and(|i| same_file(&out, &i, target, input)) {
            return Err(Error::Usage(format!(
                "{}: is also an input ({}); write the output to another file",
                crate::text::shown_path(path),
                crate::text::shown_path(input)
            )));
        }
    }
    Ok(())
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata, _: &Path, _: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &std::fs::Metadata, _: &std::fs::Metadata, a: &Path, b: &Path) -> bool {
    matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b)
}

/// The temporary files being written, for the signal handler to remove.
static TEMPORARIES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn temporaries() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    // A panic while the list was held leaves it as it was: still the files to remove.
    TEMPORARIES.lock().unwrap_or_else(|e| e.into_inner())
}

/// A temporary output file, removed when dropped unless it was renamed into place.
struct Temporary {
    path: PathBuf,
}

impl Temporary {
    fn create(path: PathBuf) -> io::Result<(Temporary, File)> {
        // Listed before it exists, so a signal between the two cannot leave it behind.
        temporaries().push(path.clone());
        let guard = Temporary { path };
        let file = File::create(&guard.path)?;
        Ok((guard, file))
    }

    fn rename_to(self, target: &Path) -> io::Result<()> {
        std::fs::rename(&self.path, target)
        // On success the drop below finds nothing to remove and takes it off the list.
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
        temporaries().retain(|p| *p != self.path);
    }
}

/// Remove the temporary files of an interrupted run: on SIGINT, SIGTERM or SIGHUP, remove them
/// and end the process as the signal would have (so a shell sees status 130 or 143 and a loop
/// around the command stops). For programs; call once, early.
#[cfg(unix)]
pub fn clean_up_on_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            // Held to the end, so that no new temporary file is made after these are removed.
            let list = temporaries();
            for path in list.iter() {
                let _ = std::fs::remove_file(path);
            }
            let _ = signal_hook::low_level::emulate_default_handler(signal);
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

#[cfg(not(unix))]
pub fn clean_up_on_signals() -> io::Result<()> {
    Ok(())
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
        let r = write_to(Some(&path), &[], |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("boom"))
        });
        assert!(r.is_err());
        assert!(!path.exists());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        write_to(Some(&path), &[], |w| w.write_all(b"whole")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "whole");
    }

    #[test]
    fn a_panic_while_writing_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        std::fs::write(&path, "old").unwrap();
        let r = std::panic::catch_unwind(|| {
            write_to(Some(&path), &[], |w| {
                w.write_all(b"half")?;
                w.flush()?;
                panic!("a bug while writing")
            })
        });
        assert!(r.is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert!(!temporaries().iter().any(|p| p.starts_with(dir.path())));
    }

    #[test]
    fn files_written_together_are_left_together_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let paths = [dir.path().join("c.zh"), dir.path().join("c.en")];
        let r = write_files(&paths, &[], |outs| {
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
        let r = write_files(&paths, &[], |outs| {
            outs[0].write_all(b"zh\n")?;
            outs[1].write_all(b"en\n")
        });
        assert!(r.is_err());
        assert!(!paths[0].exists());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

        std::fs::remove_dir_all(&paths[1]).unwrap();
        write_files(&paths, &[], |outs| {
            outs[0].write_all(b"zh\n")?;
            outs[1].write_all(b"en\n")
        })
        .unwrap();
        assert_eq!(std::fs::read_to_string(&paths[0]).unwrap(), "zh\n");
        assert_eq!(std::fs::read_to_string(&paths[1]).unwrap(), "en\n");
    }
}

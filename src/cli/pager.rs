//! A pager for what a person reads on a terminal, the way git and delta do it: `--paging auto`
//! pages when the report is taller than the terminal, `always` whenever it goes to standard
//! output, `never` not at all. The pager is `$BIALIGN_PAGER`, else `$PAGER`, else `less`; `less`
//! gets `-FRX` (quit if one screen, keep colours, leave the text on the screen) unless `$LESS`
//! says otherwise.

use std::io::{self, IsTerminal, Write};
use std::process::{Command, Stdio};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paging {
    Auto,
    Always,
    Never,
}

impl bialign::names::Named for Paging {
    const WHAT: &'static str = "paging";
    const VALUES: &'static [(&'static str, Self)] = &[
        ("auto", Paging::Auto),
        ("always", Paging::Always),
        ("never", Paging::Never),
    ];
}

impl Paging {
    /// Whether a report going to standard output should be rendered for the pager.
    pub fn wanted(self) -> bool {
        match self {
            Paging::Never => false,
            Paging::Always => true,
            Paging::Auto => io::stdout().is_terminal(),
        }
    }
}

/// Show `text` through the pager when `paging` asks for it, else print it.
pub fn show(text: &[u8], paging: Paging) -> io::Result<()> {
    let tall = || {
        let rows = console::Term::stdout()
            .size_checked()
            .map_or(24, |(rows, _)| rows);
        text.iter().filter(|&&b| b == b'\n').count() >= usize::from(rows)
    };
    let page = match paging {
        Paging::Never => false,
        Paging::Always => true,
        Paging::Auto => io::stdout().is_terminal() && tall(),
    };
    if page {
        if let Some(result) = through_pager(text) {
            return result;
        }
    }
    let mut out = io::stdout().lock();
    match out.write_all(text).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// `None` when no pager could be started (the text is then printed).
fn through_pager(text: &[u8]) -> Option<io::Result<()>> {
    let command = std::env::var("BIALIGN_PAGER")
        .or_else(|_| std::env::var("PAGER"))
        .ok()
        .filter(|c| !c.trim().is_empty())
        .unwrap_or_else(|| "less".to_owned());
    let mut shell = if cfg!(windows) {
        let mut c = Command::new("cmd");
        c.args(["/C", &command]);
        c
    } else {
        let mut c = Command::new("sh");
        c.args(["-c", &command]);
        c
    };
    if std::env::var_os("LESS").is_none() {
        shell.env("LESS", "FRX");
    }
    let mut child = shell.stdin(Stdio::piped()).spawn().ok()?;
    let written = child
        .stdin
        .take()
        .map_or(Ok(()), |mut stdin| stdin.write_all(text));
    let waited = child.wait();
    Some(match written {
        // The reader quit before the end (q in less): not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(e),
        Ok(()) => waited.map(|_| ()),
    })
}

/// The width to lay the terminal view out for: `COLUMNS` when set, else the size of the terminal
/// on standard output or standard error (so `| less -R` still fits the screen), else the view's
/// default.
pub fn terminal_width() -> usize {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
    {
        return n;
    }
    [console::Term::stdout(), console::Term::stderr()]
        .iter()
        .find_map(|t| t.size_checked())
        .map_or(bialign::report::terminal::DEFAULT_WIDTH, |(_, cols)| {
            usize::from(cols)
        })
}

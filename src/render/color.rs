//! `--color auto|always|never`: whether the terminal view, `check` and `diff` colour their
//! output, and the few styles `check` and `diff` use ([`Paint`]).

use std::ffi::OsStr;
use std::str::FromStr;

use crate::error::Error;
use crate::names::Named;

/// When to colour output (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorChoice {
    /// Colour when writing to a terminal, unless `NO_COLOR` is set or `TERM=dumb`.
    #[default]
    Auto,
    /// Always colour, whatever the environment says (an explicit flag beats `NO_COLOR`, as
    /// no-color.org recommends).
    Always,
    /// Never colour.
    Never,
}

impl ColorChoice {
    /// Decide from the process environment.
    pub fn resolve(self, to_terminal: bool) -> bool {
        self.resolve_with(
            to_terminal,
            std::env::var_os("NO_COLOR").as_deref(),
            std::env::var_os("TERM").as_deref(),
        )
    }

    /// Decide from the given environment values.
    pub(crate) fn resolve_with(
        self,
        to_terminal: bool,
        no_color: Option<&OsStr>,
        term: Option<&OsStr>,
    ) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                let no_color = no_color.is_some_and(|v| !v.is_empty());
                let dumb = term.is_some_and(|t| t == "dumb");
                to_terminal && !no_color && !dumb
            }
        }
    }
}

impl Named for ColorChoice {
    const WHAT: &'static str = "colour choice";
    const VALUES: &'static [(&'static str, ColorChoice)] = &[
        ("auto", ColorChoice::Auto),
        ("always", ColorChoice::Always),
        ("never", ColorChoice::Never),
    ];
}

impl FromStr for ColorChoice {
    type Err = Error;

    fn from_str(s: &str) -> Result<ColorChoice, Error> {
        ColorChoice::from_name(s).map_err(|e| Error::Usage(e.to_string()))
    }
}

/// ANSI styles, or nothing when colour is off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paint {
    /// Whether styles are written; when false every method returns the text unchanged.
    pub on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }

    pub(crate) fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
    pub(crate) fn dim(&self, s: &str) -> String {
        self.wrap("2", s)
    }
    pub(crate) fn red(&self, s: &str) -> String {
        self.wrap("31", s)
    }
    pub(crate) fn green(&self, s: &str) -> String {
        self.wrap("32", s)
    }
    pub(crate) fn yellow(&self, s: &str) -> String {
        self.wrap("33", s)
    }
    pub(crate) fn blue(&self, s: &str) -> String {
        self.wrap("34", s)
    }
    pub(crate) fn cyan(&self, s: &str) -> String {
        self.wrap("36", s)
    }
    /// Text an edit removed: red and struck through, or `[-…-]` without colour.
    pub fn deleted(&self, s: &str) -> String {
        if self.on {
            self.wrap("9;31", s)
        } else {
            format!("[-{s}-]")
        }
    }
    /// Text an edit added: green and underlined, or `{+…+}` without colour.
    pub fn inserted(&self, s: &str) -> String {
        if self.on {
            self.wrap("4;32", s)
        } else {
            format!("{{+{s}+}}")
        }
    }
    /// A number or term a finding is about: bold yellow, or `[…]` without colour.
    pub fn marked(&self, s: &str) -> String {
        if self.on {
            self.wrap("1;4;33", s)
        } else {
            format!("[{s}]")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_follows_the_terminal_and_the_environment() {
        let auto = ColorChoice::Auto;
        let some = |s: &'static str| Some(OsStr::new(s));
        assert!(auto.resolve_with(true, None, some("xterm-256color")));
        assert!(!auto.resolve_with(false, None, some("xterm")));
        assert!(!auto.resolve_with(true, some("1"), some("xterm")));
        // NO_COLOR counts only when it is not empty.
        assert!(auto.resolve_with(true, some(""), some("xterm")));
        assert!(!auto.resolve_with(true, None, some("dumb")));
        assert!(ColorChoice::Always.resolve_with(false, some("1"), some("dumb")));
        assert!(!ColorChoice::Never.resolve_with(true, None, None));
        assert_eq!("never".parse::<ColorChoice>().unwrap(), ColorChoice::Never);
        assert!("sometimes".parse::<ColorChoice>().is_err());
    }

    #[test]
    fn paint_marks_without_colour() {
        let plain = Paint { on: false };
        assert_eq!(plain.deleted("a"), "[-a-]");
        assert_eq!(plain.inserted("b"), "{+b+}");
        assert_eq!(plain.marked("5"), "[5]");
        assert_eq!(Paint { on: true }.red("x"), "\x1b[31mx\x1b[0m");
    }
}

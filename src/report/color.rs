//! `--color auto|always|never`: whether the terminal view (and later the check and diff views)
//! colour their output.

use std::ffi::OsStr;
use std::str::FromStr;

use crate::error::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorChoice {
    /// Colour when writing to a terminal, unless `NO_COLOR` is set or `TERM=dumb`.
    #[default]
    Auto,
    /// Always colour, whatever the environment says (an explicit flag beats `NO_COLOR`, as
    /// no-color.org recommends).
    Always,
    Never,
}

impl ColorChoice {
    pub const NAMES: [&'static str; 3] = ["auto", "always", "never"];

    /// Decide from the process environment.
    pub fn resolve(self, to_terminal: bool) -> bool {
        self.resolve_with(
            to_terminal,
            std::env::var_os("NO_COLOR").as_deref(),
            std::env::var_os("TERM").as_deref(),
        )
    }

    /// Decide from the given environment values.
    pub fn resolve_with(
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

impl FromStr for ColorChoice {
    type Err = Error;

    fn from_str(s: &str) -> Result<ColorChoice, Error> {
        match s {
            "auto" => Ok(ColorChoice::Auto),
            "always" => Ok(ColorChoice::Always),
            "never" => Ok(ColorChoice::Never),
            _ => Err(Error::Usage(format!(
                "unknown colour choice '{s}': expected auto, always or never"
            ))),
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
}

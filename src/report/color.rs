//! Whether to colour terminal output, and the few styles the terminal formats use.
//!
//! `--color auto` colours only when the stream is a terminal, `NO_COLOR` is unset or empty and
//! `TERM` is not `dumb`; `always` and `never` override all of that (an explicit flag beats the
//! environment, as the NO_COLOR convention asks).

use std::str::FromStr;

use crate::error::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

impl FromStr for ColorChoice {
    type Err = Error;

    fn from_str(s: &str) -> Result<ColorChoice, Error> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Ok(ColorChoice::Auto),
            "always" => Ok(ColorChoice::Always),
            "never" => Ok(ColorChoice::Never),
            _ => Err(Error::Usage(format!(
                "unknown colour choice '{s}': expected auto, always or never"
            ))),
        }
    }
}

impl ColorChoice {
    /// Decide for a stream; `is_terminal` is whether that stream is a terminal.
    pub fn enabled(self, is_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
                let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
                is_terminal && !no_color && !dumb
            }
        }
    }
}

/// ANSI styles, or nothing when colour is off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paint {
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

    pub fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
    pub fn dim(&self, s: &str) -> String {
        self.wrap("2", s)
    }
    pub fn red(&self, s: &str) -> String {
        self.wrap("31", s)
    }
    pub fn green(&self, s: &str) -> String {
        self.wrap("32", s)
    }
    pub fn yellow(&self, s: &str) -> String {
        self.wrap("33", s)
    }
    pub fn blue(&self, s: &str) -> String {
        self.wrap("34", s)
    }
    pub fn cyan(&self, s: &str) -> String {
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
    fn explicit_choices_win() {
        assert!(ColorChoice::Always.enabled(false));
        assert!(!ColorChoice::Never.enabled(true));
        assert!(!ColorChoice::Auto.enabled(false));
        assert_eq!(
            "ALWAYS".parse::<ColorChoice>().unwrap(),
            ColorChoice::Always
        );
        let plain = Paint { on: false };
        assert_eq!(plain.deleted("a"), "[-a-]");
        assert_eq!(plain.inserted("b"), "{+b+}");
        assert_eq!(Paint { on: true }.red("x"), "\x1b[31mx\x1b[0m");
    }
}

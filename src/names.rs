//! The names a user types for the values of options (`--format terminal`, `--fail-on note`,
//! `--split lines`): one idiom for every enum that has them, so that the library, its error
//! messages and the command line's help and parsing all read one table.

use std::fmt;

/// An enum whose values have names on the command line and in files.
pub trait Named: Copy + PartialEq + 'static {
    /// What the values are called in messages: "format", "severity", …
    const WHAT: &'static str;
    /// Every value with its names: the first name given for a value is its name, any later one
    /// for the same value an alias that is accepted but not shown.
    const VALUES: &'static [(&'static str, Self)];

    /// The value's name.
    fn name(self) -> &'static str {
        Self::VALUES
            .iter()
            .find(|(_, v)| *v == self)
            .map(|(name, _)| *name)
            .expect("every value has a name")
    }

    /// The value of a name (or alias), exactly as written.
    fn from_name(name: &str) -> Result<Self, UnknownName> {
        Self::VALUES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
            .ok_or_else(|| UnknownName {
                what: Self::WHAT,
                given: name.to_owned(),
                expected: names::<Self>().collect::<Vec<_>>().join(", "),
            })
    }
}

/// The value of a name as a person types it or a file holds it: surrounding space and case
/// do not count. An unknown name is a usage error.
pub fn parse_loosely<T: Named>(s: &str) -> crate::Result<T> {
    T::from_name(&s.trim().to_ascii_lowercase()).map_err(|e| crate::Error::Usage(e.to_string()))
}

/// The names of `T`'s values, aliases left out, in the order of [`Named::VALUES`].
pub fn names<T: Named>() -> impl Iterator<Item = &'static str> {
    T::VALUES
        .iter()
        .enumerate()
        .filter(|(k, (_, v))| !T::VALUES[..*k].iter().any(|(_, w)| w == v))
        .map(|(_, (name, _))| *name)
}

/// The aliases of `value`: its names after the first.
pub fn aliases<T: Named>(value: T) -> impl Iterator<Item = &'static str> {
    T::VALUES
        .iter()
        .filter(move |(_, v)| *v == value)
        .skip(1)
        .map(|(name, _)| *name)
}

/// A name that is none of an enum's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    what: &'static str,
    given: String,
    expected: String,
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {} '{}' (expected one of: {})",
            self.what, self.given, self.expected
        )
    }
}

impl std::error::Error for UnknownName {}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy, PartialEq, Debug)]
    enum Shade {
        Light,
        Dark,
    }

    impl Named for Shade {
        const WHAT: &'static str = "shade";
        const VALUES: &'static [(&'static str, Self)] = &[
            ("light", Shade::Light),
            ("dark", Shade::Dark),
            ("dim", Shade::Dark),
        ];
    }

    #[test]
    fn names_aliases_and_errors() {
        assert_eq!(names::<Shade>().collect::<Vec<_>>(), ["light", "dark"]);
        assert_eq!(aliases(Shade::Dark).collect::<Vec<_>>(), ["dim"]);
        assert_eq!(Shade::Dark.name(), "dark");
        assert_eq!(Shade::from_name("dim"), Ok(Shade::Dark));
        assert_eq!(
            Shade::from_name("Dark").unwrap_err().to_string(),
            "unknown shade 'Dark' (expected one of: light, dark)"
        );
    }
}

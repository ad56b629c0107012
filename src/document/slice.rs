//! A piece of a document's text that shares the document's bytes instead of copying them.

use std::fmt;
use std::ops::{Deref, Range};
use std::sync::Arc;

use serde::{Serialize, Serializer};

/// Text that is a slice of a larger shared text: reads as a `&str` (it dereferences to one), and
/// compares, prints and serialises as one. Cloning it shares the text. A sentence of a document
/// holds one, so that a million sentences cost a pointer and a range each rather than a second
/// copy of the document.
#[derive(Clone)]
pub struct TextSlice {
    source: Arc<str>,
    start: usize,
    end: usize,
}

impl TextSlice {
    /// `source[range]`, sharing `source`. Panics, as slicing a `str` does, when `range` is out of
    /// bounds or not on character boundaries.
    pub fn new(source: Arc<str>, range: Range<usize>) -> TextSlice {
        assert!(
            source.get(range.clone()).is_some(),
            "{range:?} is not a slice of a text of {} bytes on character boundaries",
            source.len()
        );
        TextSlice {
            source,
            start: range.start,
            end: range.end,
        }
    }

    /// The text of the slice.
    pub fn as_str(&self) -> &str {
        // Checked when made, and `source` never changes.
        &self.source[self.start..self.end]
    }
}

/// A text of its own (for tests and library users that have no document).
impl From<&str> for TextSlice {
    fn from(text: &str) -> TextSlice {
        TextSlice::from(Arc::<str>::from(text))
    }
}

impl From<String> for TextSlice {
    fn from(text: String) -> TextSlice {
        TextSlice::from(Arc::<str>::from(text))
    }
}

impl From<Arc<str>> for TextSlice {
    fn from(source: Arc<str>) -> TextSlice {
        let end = source.len();
        TextSlice {
            source,
            start: 0,
            end,
        }
    }
}

impl Deref for TextSlice {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for TextSlice {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for TextSlice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for TextSlice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

/// Equal when the texts are, wherever they are sliced from.
impl PartialEq for TextSlice {
    fn eq(&self, other: &TextSlice) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for TextSlice {}

impl std::hash::Hash for TextSlice {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

macro_rules! eq_with_text {
    ($($other:ty),*) => {$(
        impl PartialEq<$other> for TextSlice {
            fn eq(&self, other: &$other) -> bool {
                self.as_str() == AsRef::<str>::as_ref(other)
            }
        }
        impl PartialEq<TextSlice> for $other {
            fn eq(&self, other: &TextSlice) -> bool {
                AsRef::<str>::as_ref(self) == other.as_str()
            }
        }
    )*};
}

eq_with_text!(str, &str, String);

impl Serialize for TextSlice {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slice_reads_compares_and_serialises_as_its_text() {
        let source: Arc<str> = Arc::from("一句。Another one.");
        let first = TextSlice::new(source.clone(), 0..9);
        let second = TextSlice::new(source, 9..21);
        assert_eq!(first, "一句。");
        assert_eq!("Another one.", second);
        assert_eq!(second.split_whitespace().count(), 2);
        assert_eq!(format!("{first} / {second:?}"), "一句。 / \"Another one.\"");
        assert_eq!(serde_json::to_string(&second).unwrap(), "\"Another one.\"");
        assert_eq!(TextSlice::from("Another one."), second);
    }

    #[test]
    #[should_panic]
    fn a_range_inside_a_character_is_refused() {
        TextSlice::new(Arc::from("一句"), 0..1);
    }
}

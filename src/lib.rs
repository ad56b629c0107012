//! bialign: line a text up with its translation sentence by sentence, and show where they disagree.
//!
//! The pipeline, one module per stage:
//! [`document`] (bytes, lines) → [`lang`] (detection) → [`segment`] (sentences with spans) →
//! [`anchor`] (numbers, names, lexicon) → [`align`] (beads) → [`report`] (formats) / [`eval`].

pub mod align;
pub mod anchor;
pub mod batch;
pub mod check;
pub mod diff;
pub mod document;
pub mod error;
pub mod eval;
pub mod exit_codes;
pub mod lang;
pub mod output;
pub mod pipeline;
pub mod report;
pub mod segment;
pub mod table;
pub mod text;

pub use document::Document;
pub use error::{Error, Result};
pub use lang::Lang;
pub use segment::{Sentence, Split};

//! bialign: line a text up with its translation sentence by sentence, and show where they disagree.
//!
//! The pipeline, one module per stage:
//! [`document`] (bytes, lines) → [`lang`] (detection) → [`segment`] (sentences with spans) →
//! [`anchor`] (numbers, names, lexicon) → [`align`] (beads) → [`aligned`] (the result: an
//! [`AlignedPair`] of both sides, their beads and each bead's anchors) → [`report`] (formats) /
//! [`eval`]; [`check`] turns an aligned pair into fidelity findings, [`diff`] compares versions,
//! [`batch`] runs the pipeline over many document pairs and [`table`] learns a translation table
//! from them. [`pipeline`] wires the stages together; [`render`] is the kit the views of every
//! command share.
//!
//! Align two texts and print their sentence pairs:
//!
//! ```
//! use bialign::align::AlignOptions;
//! use bialign::pipeline::{align_documents, LangChoice};
//! use bialign::{Document, Lang, Split};
//!
//! let zh = Document::from_text("zh.txt", "我们在2012年训练了一个神经网络。它赢得了比赛。");
//! let en = Document::from_text("en.txt", "In 2012 we trained a neural network. It won the contest.");
//! let langs = [LangChoice::Fixed(Lang::ZH), LangChoice::Fixed(Lang::EN)];
//! let result = align_documents(zh, en, langs, Split::Auto, &AlignOptions::default());
//! let pair = &result.pair;
//! for bead in &pair.alignment.beads {
//!     let text = |side: &bialign::Side, ids: std::ops::Range<usize>| {
//!         side.sentences[ids].iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join(" ")
//!     };
//!     println!("{} ⇔ {}", text(&pair.src, bead.src.clone()), text(&pair.tgt, bead.tgt.clone()));
//! }
//! assert_eq!(pair.alignment.beads.len(), 2);
//! assert_eq!(pair.src.sentences[0].text, "我们在2012年训练了一个神经网络。");
//! ```
//!
//! Check the translation the way `bialign check` does:
//!
//! ```
//! # use bialign::align::AlignOptions;
//! # use bialign::pipeline::{align_documents, LangChoice};
//! # use bialign::{Document, Lang, Split};
//! use bialign::check::{check, CheckOptions, Kind};
//!
//! let zh = Document::from_text("zh.txt", "他有两个哥哥。会议持续了三天。");
//! let en = Document::from_text("en.txt", "He has three older brothers. The meeting lasted three days.");
//! let langs = [LangChoice::Fixed(Lang::ZH), LangChoice::Fixed(Lang::EN)];
//! let result = align_documents(zh, en, langs, Split::Auto, &AlignOptions::default());
//! let findings = check(&result, &CheckOptions::default());
//! assert!(findings.iter().any(|f| f.kind == Kind::NumberMismatch && f.bead == 0));
//! ```

#![warn(missing_docs)]

pub mod align;
pub mod aligned;
pub mod anchor;
pub mod batch;
pub mod check;
pub mod diff;
pub mod document;
pub mod error;
pub mod eval;
pub mod exit_codes;
pub mod lang;
pub mod names;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod report;
pub mod segment;
pub mod table;
pub mod text;

pub use aligned::{AlignedPair, Side};
pub use document::Document;
pub use error::{Error, Result};
pub use lang::Lang;
pub use segment::{Sentence, Split};

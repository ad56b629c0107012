//! The stages wired together for one document pair, as the commands use them.

use std::path::Path;

use crate::align::{self, AlignOptions};
use crate::aligned::{AlignedPair, Side};
use crate::document::Document;
use crate::error::Result;
use crate::lang::{self, Detection, Lang};
use crate::segment::{self, Split};

/// A language given by the user, or to be detected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LangChoice {
    /// Detect the language from the text.
    #[default]
    Auto,
    /// Use this language.
    Fixed(Lang),
}

impl std::str::FromStr for LangChoice {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<LangChoice> {
        if s.eq_ignore_ascii_case("auto") {
            Ok(LangChoice::Auto)
        } else {
            s.parse().map(LangChoice::Fixed)
        }
    }
}

/// Decide a document's language; a detection is returned so the caller can say what it chose.
pub fn resolve_lang(choice: LangChoice, doc: &Document) -> (Lang, Option<Detection>) {
    match choice {
        LangChoice::Fixed(lang) => (lang, None),
        LangChoice::Auto => {
            let d = lang::detect(&doc.text);
            (d.lang, Some(d))
        }
    }
}

/// The language both sides were taken to be in, when they are the same and at least one was
/// detected: a text and its translation in one language is almost always a wrong detection (or
/// the wrong file), while languages given by the user are taken as meant.
pub fn same_language(langs: [Lang; 2], choices: [LangChoice; 2]) -> Option<Lang> {
    let detected = choices.contains(&LangChoice::Auto);
    (detected && langs[0] == langs[1]).then_some(langs[0])
}

/// Read, segment and align two files.
pub struct PairRequest<'a> {
    /// The source file.
    pub src: &'a Path,
    /// The target file.
    pub tgt: &'a Path,
    /// The source language, given or to be detected.
    pub src_lang: LangChoice,
    /// The target language, given or to be detected.
    pub tgt_lang: LangChoice,
    /// How both files are cut into sentences.
    pub split: Split,
    /// How to align.
    pub options: &'a AlignOptions,
}

/// A document pair read, segmented and aligned.
pub struct PairResult {
    /// The alignment and both sides' sentences.
    pub pair: AlignedPair,
    /// The source document, for line and column lookups.
    pub src_doc: Document,
    /// The target document, for line and column lookups.
    pub tgt_doc: Document,
    /// Detections made for `auto` languages (source, target).
    pub detections: [Option<Detection>; 2],
}

/// The steps of [`align_files_with`], for a caller that shows progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading both files.
    Reading,
    /// Detecting the languages not given.
    Detecting,
    /// Cutting both texts into sentences.
    Segmenting,
    /// Aligning the sentences.
    Aligning,
}

impl Stage {
    /// The stage as a progress message, such as `detecting languages`.
    pub fn describe(self) -> &'static str {
        match self {
            Stage::Reading => "reading",
            Stage::Detecting => "detecting languages",
            Stage::Segmenting => "segmenting",
            Stage::Aligning => "aligning",
        }
    }
}

/// Reads, segments and aligns two files; fails when either cannot be read as text.
pub fn align_files(req: &PairRequest<'_>) -> Result<PairResult> {
    align_files_with(req, &mut |_| {})
}

/// [`align_files`], telling `on_stage` as each step starts.
pub fn align_files_with(
    req: &PairRequest<'_>,
    on_stage: &mut dyn FnMut(Stage),
) -> Result<PairResult> {
    on_stage(Stage::Reading);
    let [src_doc, tgt_doc] = Document::read_each([req.src, req.tgt])?;
    Ok(align_documents_with(
        src_doc,
        tgt_doc,
        [req.src_lang, req.tgt_lang],
        req.split,
        req.options,
        on_stage,
    ))
}

/// Segment and align two documents already in memory (what [`align_files`] does after reading;
/// also for library users and benchmarks that build documents themselves).
pub fn align_documents(
    src_doc: Document,
    tgt_doc: Document,
    langs: [LangChoice; 2],
    split: Split,
    options: &AlignOptions,
) -> PairResult {
    align_documents_with(src_doc, tgt_doc, langs, split, options, &mut |_| {})
}

/// [`align_documents`], telling `on_stage` as each step starts.
pub(crate) fn align_documents_with(
    src_doc: Document,
    tgt_doc: Document,
    langs: [LangChoice; 2],
    split: Split,
    options: &AlignOptions,
    on_stage: &mut dyn FnMut(Stage),
) -> PairResult {
    on_stage(Stage::Detecting);
    let (src_lang, src_detect) = resolve_lang(langs[0], &src_doc);
    let (tgt_lang, tgt_detect) = resolve_lang(langs[1], &tgt_doc);
    on_stage(Stage::Segmenting);
    let src = segment::split(&src_doc, src_lang, split);
    let tgt = segment::split(&tgt_doc, tgt_lang, split);
    on_stage(Stage::Aligning);
    let alignment = {
        let s: Vec<&str> = src.iter().map(|s| s.text.as_str()).collect();
        let t: Vec<&str> = tgt.iter().map(|s| s.text.as_str()).collect();
        let sp: Vec<usize> = src.iter().map(|s| s.paragraph).collect();
        let tp: Vec<usize> = tgt.iter().map(|s| s.paragraph).collect();
        align::align_with_paragraphs(&s, &t, &sp, &tp, src_lang, tgt_lang, options)
    };
    let pair = AlignedPair::new(
        Side {
            name: src_doc.display_name(),
            lang: src_lang,
            sentences: src,
        },
        Side {
            name: tgt_doc.display_name(),
            lang: tgt_lang,
            sentences: tgt,
        },
        alignment,
        options.glossary.clone(),
    );
    PairResult {
        pair,
        src_doc,
        tgt_doc,
        detections: [src_detect, tgt_detect],
    }
}

//! The alignment page: the two texts side by side, one table row per bead, which `align` writes
//! as its HTML report and `check` writes with its findings marked (an `Overlay`).
//!
//! The header names both files and languages, gives the length ratio, and counts beads by kind,
//! beads with mismatches and unsure beads; each count is a link that shows only its rows (CSS
//! `:target`, no script). Anchors are `<mark>`ed where both sides have them; one that only one
//! side has is `<del>` in the source or `<ins>` in the translation, with a title and a line in
//! the bead's cell saying so in words. Omissions and additions are labelled, not only coloured.
//! Every piece of text goes through `super::escape`.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::{filter_targets, page_end, page_head, page_start, Esc, Filter};
use crate::align::{Bead, BeadKind};
use crate::aligned::{AlignedPair, Side, Summary, LOW_CONFIDENCE};
use crate::anchor::bead_anchors::{Anchor, AnchorKind, Side as AnchorSide};
use crate::render::pieces::{pieces, Piece};

/// The fragment id of the rows of a bead kind, e.g. `kind-1-0`.
pub fn kind_id(kind: BeadKind) -> String {
    format!("kind-{}-{}", kind.src, kind.tgt)
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

fn kind_label(kind: BeadKind, n: usize) -> String {
    match (kind.src, kind.tgt) {
        (_, 0) => plural(n, "omission"),
        (0, _) => plural(n, "addition"),
        _ => plural(n, "bead"),
    }
}

/// What a page built on the alignment report adds to it (`bialign check` marks its findings);
/// the plain report adds nothing. Markup in here is built with [`super::escape`].
#[derive(Debug, Clone, Default)]
pub(crate) struct Overlay {
    /// What the page is, above the title (plain text); "alignment report" when `None`.
    pub(crate) brand: Option<String>,
    /// Markup appended to the page header.
    pub header: String,
    /// More row filters, after the report's own.
    pub(crate) filters: Vec<Filter>,
    /// Additions to bead rows, by bead index.
    pub beads: BTreeMap<usize, BeadOverlay>,
}

/// What an overlay adds to one bead's row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct BeadOverlay {
    /// Classes for the row (filters select rows by them).
    pub(crate) classes: Vec<String>,
    /// Markup appended to the row's kind cell.
    pub html: String,
}

/// The report page with an overlay's additions.
pub(crate) fn write_page(
    out: &mut dyn Write,
    pair: &AlignedPair,
    overlay: &Overlay,
) -> io::Result<()> {
    let summary = pair.summary();
    let mut filters: Vec<Filter> = summary
        .kinds
        .iter()
        .map(|(kind, n)| Filter {
            id: kind_id(*kind),
            note: format!("Showing only the {n} {} ({kind}).", kind_label(*kind, *n)),
        })
        .collect();
    filters.push(Filter {
        id: "flagged".into(),
        note: format!(
            "Showing only the {} {} with anchor mismatches.",
            summary.flagged,
            plural(summary.flagged, "bead")
        ),
    });
    filters.push(Filter {
        id: "low".into(),
        note: format!(
            "Showing only the {} unsure {}.",
            summary.low_confidence,
            plural(summary.low_confidence, "bead")
        ),
    });
    filters.extend(overlay.filters.iter().cloned());
    let title = format!("{} ↔ {} · bialign", pair.src.name, pair.tgt.name);
    page_start(out, &title, &filters)?;
    header(out, pair, &summary, overlay)?;
    writeln!(out, "<main>")?;
    filter_targets(out, &filters, "Show all beads")?;
    table(out, pair, overlay)?;
    writeln!(out, "</main>")?;
    page_end(
        out,
        &format!(
            "Scores are the aligner's confidence in each bead, 0 to 1; beads under \
             {LOW_CONFIDENCE} are marked unsure. Line numbers are those of the files."
        ),
    )
}

fn header(
    out: &mut dyn Write,
    pair: &AlignedPair,
    s: &Summary,
    overlay: &Overlay,
) -> io::Result<()> {
    let side = |label: &str, side: &Side| {
        format!(
            "<div><dt>{label}</dt><dd><span class=\"file\">{}</span> · {} <code>{}</code> · {} sentences</dd></div>",
            Esc(&side.name),
            Esc(side.lang.name()),
            Esc(side.lang.bcp47()),
            side.sentences.len()
        )
    };
    page_head(
        out,
        overlay.brand.as_deref().unwrap_or("alignment report"),
        (&pair.src.name, &pair.tgt.name),
        ("↔", "aligned with"),
    )?;
    writeln!(
        out,
        "{}\n{}\n\
         <div><dt>Length ratio</dt><dd>{:.2} translation characters per source character</dd></div>\n</dl>",
        side("Source", &pair.src),
        side("Translation", &pair.tgt),
        pair.alignment.length_ratio
    )?;
    writeln!(out, "<nav class=\"counts\" aria-label=\"Beads by kind\">")?;
    let count = |out: &mut dyn Write, id: &str, class: &str, n: usize, label: &str, kind: &str| {
        writeln!(
            out,
            "<a class=\"count {class}\" href=\"#{id}\"><b data-count-of=\"{id}\">{n}</b> {label}{kind}</a>"
        )
    };
    count(out, "all", "all", s.beads, "beads in all", "")?;
    for (kind, n) in &s.kinds {
        let class = match (kind.src, kind.tgt) {
            (_, 0) => "omission",
            (0, _) => "addition",
            _ => "pair",
        };
        let shape = format!(" <small>{kind}</small>");
        count(
            out,
            &kind_id(*kind),
            class,
            *n,
            &kind_label(*kind, *n),
            &shape,
        )?;
    }
    count(out, "flagged", "flagged", s.flagged, "with mismatches", "")?;
    count(
        out,
        "low",
        "low",
        s.low_confidence,
        "unsure",
        &format!(" <small>score &lt; {LOW_CONFIDENCE}</small>"),
    )?;
    writeln!(out, "</nav>")?;
    writeln!(
        out,
        "<p class=\"legend\"><span class=\"key\"><mark class=\"anchor\">2015</mark> on both sides</span> \
         <span class=\"key\"><del class=\"anchor\">2015</del> only in the source</span> \
         <span class=\"key\"><ins class=\"anchor\">2016</ins> only in the translation</span> \
         <span class=\"key\">Anchors are numbers, Latin-script names and glossary terms.</span></p>"
    )?;
    writeln!(out, "{}</header>", overlay.header)
}

fn table(out: &mut dyn Write, pair: &AlignedPair, overlay: &Overlay) -> io::Result<()> {
    writeln!(
        out,
        "<table class=\"beads\">\n<colgroup><col class=\"c-num\"><col class=\"c-meta\"><col class=\"c-text\"><col class=\"c-text\"></colgroup>\n\
         <thead><tr><th scope=\"col\" class=\"num\">#</th><th scope=\"col\" class=\"meta\">Kind · score</th>\
         <th scope=\"col\" class=\"src\">{} <small>{}</small></th><th scope=\"col\" class=\"tgt\">{} <small>{}</small></th></tr></thead>\n<tbody>",
        Esc(&pair.src.name),
        Esc(pair.src.lang.name()),
        Esc(&pair.tgt.name),
        Esc(pair.tgt.lang.name())
    )?;
    for (k, bead) in pair.alignment.beads.iter().enumerate() {
        row(out, pair, k, bead, overlay.beads.get(&k))?;
    }
    writeln!(out, "</tbody>\n</table>")
}

/// Does bead `k` open a paragraph on either side (its first sentence is the first of its
/// paragraph)? The page draws a rule there, so paragraphs read as groups of beads.
fn starts_paragraph(pair: &AlignedPair, k: usize) -> bool {
    let bead = &pair.alignment.beads[k];
    let opens = |sentences: &[crate::segment::Sentence], first: Option<usize>| {
        first.is_some_and(|i| i == 0 || sentences[i - 1].paragraph != sentences[i].paragraph)
    };
    k > 0
        && (opens(
            &pair.src.sentences,
            (!bead.src.is_empty()).then_some(bead.src.start),
        ) || opens(
            &pair.tgt.sentences,
            (!bead.tgt.is_empty()).then_some(bead.tgt.start),
        ))
}

fn row(
    out: &mut dyn Write,
    pair: &AlignedPair,
    k: usize,
    bead: &Bead,
    extra: Option<&BeadOverlay>,
) -> io::Result<()> {
    // Anchors are compared across a pair; an omission or addition is unmatched as a whole.
    let anchors = pair.anchors(k);
    let kind = bead.kind();
    let mut classes = vec!["bead".to_string(), kind_id(kind)];
    let mut tags = Vec::new();
    if bead.tgt.is_empty() {
        classes.push("omission".into());
        tags.push("<span class=\"tag omission\">omission</span>".to_string());
    }
    if bead.src.is_empty() {
        classes.push("addition".into());
        tags.push("<span class=\"tag addition\">addition</span>".to_string());
    }
    let mismatches: Vec<String> = anchors
        .flagged()
        .map(|(side, a)| {
            let whose = match side {
                AnchorSide::Src => "only in the source",
                AnchorSide::Tgt => "only in the translation",
            };
            format!("<li>{} <q>{}</q> {whose}</li>", what(a.kind), Esc(&a.key))
        })
        .collect();
    if !mismatches.is_empty() {
        classes.push("flagged".into());
        let n = mismatches.len();
        let s = if n == 1 { "" } else { "es" };
        tags.push(format!(
            "<span class=\"tag mismatch\">{n} mismatch{s}</span>"
        ));
    }
    if let Some(extra) = extra {
        classes.extend(extra.classes.iter().cloned());
    }
    if bead.score < LOW_CONFIDENCE {
        classes.push("low".into());
        tags.push(format!(
            "<span class=\"tag low\" title=\"score below {LOW_CONFIDENCE}\">unsure</span>"
        ));
    }
    if starts_paragraph(pair, k) {
        classes.push("paragraph-start".into());
    }
    writeln!(
        out,
        "<tr id=\"b{k}\" class=\"{}\">\n<th scope=\"row\" class=\"num\"><a href=\"#b{k}\" title=\"Link to bead {k}\">{k}</a></th>\n\
         <td class=\"meta\"><span class=\"kind\" title=\"{} source {}, {} translation {}\">{kind}</span> \
         <span class=\"score\" title=\"aligner confidence\">{:.2}</span>{}{}{}</td>",
        classes.join(" "),
        kind.src,
        plural(kind.src, "sentence"),
        kind.tgt,
        plural(kind.tgt, "sentence"),
        bead.score,
        if tags.is_empty() { String::new() } else { format!(" {}", tags.join(" ")) },
        if mismatches.is_empty() {
            String::new()
        } else {
            format!("<ul class=\"why\">{}</ul>", mismatches.concat())
        },
        extra.map_or("", |e| e.html.as_str())
    )?;
    cell(out, &pair.src, bead.src.clone(), &anchors.src, true)?;
    cell(out, &pair.tgt, bead.tgt.clone(), &anchors.tgt, false)?;
    writeln!(out, "</tr>")
}

fn what(kind: AnchorKind) -> &'static str {
    match kind {
        AnchorKind::Number | AnchorKind::NumberWord => "number",
        AnchorKind::Term => "name",
        AnchorKind::Glossary => "glossary term",
    }
}

/// One side of a bead: its sentences, each with its line number in the file.
fn cell(
    out: &mut dyn Write,
    side: &Side,
    range: std::ops::Range<usize>,
    anchors: &[Anchor],
    is_src: bool,
) -> io::Result<()> {
    let class = if is_src { "src" } else { "tgt" };
    write!(
        out,
        "<td class=\"{class}\" lang=\"{}\" data-label=\"{}\">",
        Esc(side.lang.bcp47()),
        Esc(&side.name)
    )?;
    if range.is_empty() {
        let text = if is_src {
            "Not in the source"
        } else {
            "Not translated"
        };
        write!(out, "<p class=\"gap\" lang=\"en\">{text}</p>")?;
    }
    let (other, mark_only) = if is_src {
        ("the translation", "del")
    } else {
        ("the source", "ins")
    };
    for (i, sentence) in side.sentences[range].iter().enumerate() {
        write!(
            out,
            "<p class=\"s\"><span class=\"ln\" title=\"{} line {line}\">{line}</span><span class=\"t\">",
            Esc(&side.name),
            line = sentence.line
        )?;
        for piece in pieces(&sentence.text, i, anchors) {
            match piece {
                Piece::Text(t) => write!(out, "{}", Esc(t))?,
                Piece::Anchor(t, a) if a.matched => write!(
                    out,
                    "<mark class=\"anchor\" title=\"{} {}: also in {other}\">{}</mark>",
                    what(a.kind),
                    Esc(&a.key),
                    Esc(t)
                )?,
                Piece::Anchor(t, a) => write!(
                    out,
                    "<{mark_only} class=\"anchor\" title=\"{} {}: not in {other}\">{}</{mark_only}>",
                    what(a.kind),
                    Esc(&a.key),
                    Esc(t)
                )?,
            }
        }
        write!(out, "</span></p>")?;
    }
    writeln!(out, "</td>")
}

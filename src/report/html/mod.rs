//! The HTML report: one self-contained page (inline CSS, no scripts, fonts or images) with the
//! two texts side by side, one table row per bead.
//!
//! The header names both files and languages, gives the length ratio, and counts beads by kind,
//! beads with mismatches and unsure beads; each count is a link that shows only its rows (CSS
//! `:target`, no script). Anchors are `<mark>`ed where both sides have them; one that only one
//! side has is `<del>` in the source or `<ins>` in the translation, with a title and a line in
//! the bead's cell saying so in words. Omissions and additions are labelled, not only coloured.
//! Every piece of text goes through [`escape`].

use std::collections::BTreeMap;
use std::fmt::{self, Display};
use std::io::{self, Write};

use super::pieces::{pieces, Piece};
use super::ReportOptions;
use crate::align::{Bead, BeadKind};
use crate::aligned::{AlignedPair, Side, Summary, LOW_CONFIDENCE};
use crate::anchor::bead_anchors::{Anchor, AnchorKind, Side as AnchorSide};

const STYLE: &str = include_str!("style.css");

/// Text made safe for HTML element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            '\'' => s.push_str("&#39;"),
            c => s.push(c),
        }
    }
    s
}

/// `Display` that escapes, for use in `write!`.
pub struct Esc<'a>(pub &'a str);

impl Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&escape(self.0))
    }
}

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
/// the plain report adds nothing. Markup in here is built with [`escape`].
#[derive(Debug, Clone, Default)]
pub struct Overlay {
    /// What the page is, above the title (plain text); "alignment report" when `None`.
    pub brand: Option<String>,
    /// Markup appended to the page header.
    pub header: String,
    /// More row filters, after the report's own.
    pub filters: Vec<Filter>,
    /// Additions to bead rows, by bead index.
    pub beads: BTreeMap<usize, BeadOverlay>,
}

/// A row filter: a link to `#id` shows only the rows with class `id`, and says so with `note`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    pub id: String,
    /// Plain text, e.g. "Showing only the 2 beads with omissions."
    pub note: String,
}

/// What an overlay adds to one bead's row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BeadOverlay {
    /// Classes for the row (filters select rows by them).
    pub classes: Vec<String>,
    /// Markup appended to the row's kind cell.
    pub html: String,
}

pub fn write(out: &mut dyn Write, pair: &AlignedPair, _opts: &ReportOptions) -> io::Result<()> {
    write_page(out, pair, &Overlay::default())
}

/// The report page with an overlay's additions.
pub fn write_page(out: &mut dyn Write, pair: &AlignedPair, overlay: &Overlay) -> io::Result<()> {
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

/// The start of a bialign page, up to `<body>`: the title (plain text), the one style sheet,
/// and a rule per filter: when its target is in the URL, rows without its class are hidden and
/// its note appears.
pub fn page_start(out: &mut dyn Write, title: &str, filters: &[Filter]) -> io::Result<()> {
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"bialign {}\">\n\
         <title>{}</title>\n<style>\n{STYLE}",
        env!("CARGO_PKG_VERSION"),
        Esc(title),
    )?;
    for Filter { id, .. } in filters {
        writeln!(
            out,
            "#{id}:target ~ table tbody tr:not(.{id}) {{ display: none; }}\n\
             #{id}:target ~ .filter-note {{ display: block; }}\n\
             #{id}:target ~ .filter-note .only-{id} {{ display: inline; }}"
        )?;
    }
    writeln!(out, "</style>\n</head>\n<body>")
}

/// The end of a bialign page: a footer with `note` (markup: fixed text, or built with
/// [`escape`]).
pub fn page_end(out: &mut dyn Write, note: &str) -> io::Result<()> {
    writeln!(
        out,
        "<footer><p>Made by bialign {}. {note}</p></footer>\n</body>\n</html>",
        env!("CARGO_PKG_VERSION"),
    )
}

/// The targets of the filters (siblings before the table, which the filter rules need) and
/// the note saying what a filter shows, with a link back to everything (`show_all`).
pub fn filter_targets(out: &mut dyn Write, filters: &[Filter], show_all: &str) -> io::Result<()> {
    writeln!(out, "<span id=\"all\" class=\"filter-target\"></span>")?;
    for f in filters {
        writeln!(
            out,
            "<span id=\"{}\" class=\"filter-target\"></span>",
            Esc(&f.id)
        )?;
    }
    let notes: Vec<String> = filters
        .iter()
        .map(|f| {
            format!(
                "<span class=\"only-{}\">{}</span>",
                Esc(&f.id),
                Esc(&f.note)
            )
        })
        .collect();
    writeln!(
        out,
        "<p class=\"filter-note\" role=\"status\">{} <a href=\"#all\">{}</a></p>",
        notes.join(" "),
        Esc(show_all)
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
    writeln!(
        out,
        "<header class=\"page-head\">\n<p class=\"brand\">bialign · {}</p>\n\
         <h1><span class=\"file\">{}</span> <span class=\"arrow\" aria-label=\"aligned with\">↔</span> \
         <span class=\"file\">{}</span></h1>\n<dl class=\"facts\">\n{}\n{}\n\
         <div><dt>Length ratio</dt><dd>{:.2} translation characters per source character</dd></div>\n</dl>",
        Esc(overlay.brand.as_deref().unwrap_or("alignment report")),
        Esc(&pair.src.name),
        Esc(&pair.tgt.name),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<script>alert("x & 'y'")</script>"#),
            "&lt;script&gt;alert(&quot;x &amp; &#39;y&#39;&quot;)&lt;/script&gt;"
        );
        assert_eq!(escape("伊利亚"), "伊利亚");
    }
}

//! The HTML report: one self-contained page (inline CSS, no scripts, fonts or images) with the
//! two texts side by side, one table row per bead.
//!
//! The header names both files and languages, gives the length ratio, and counts beads by kind,
//! beads with mismatches and unsure beads; each count is a link that shows only its rows (CSS
//! `:target`, no script). Anchors are `<mark>`ed where both sides have them; one that only one
//! side has is `<del>` in the source or `<ins>` in the translation, with a title and a line in
//! the bead's cell saying so in words. Omissions and additions are labelled, not only coloured.
//! Every piece of text goes through [`escape`].

use std::fmt::{self, Display};
use std::io::{self, Write};

use super::pieces::{pieces, Piece};
use super::{AlignedPair, ReportOptions, Side, Summary, LOW_CONFIDENCE};
use crate::align::{Bead, BeadKind};
use crate::anchor::compare::{Anchor, AnchorKind, BeadAnchors, Side as AnchorSide};

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
struct Esc<'a>(&'a str);

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

pub fn write(out: &mut dyn Write, pair: &AlignedPair, _opts: &ReportOptions) -> io::Result<()> {
    let summary = pair.summary();
    head(out, pair, &summary)?;
    header(out, pair, &summary)?;
    writeln!(out, "<main>")?;
    filters(out, &summary)?;
    table(out, pair)?;
    writeln!(out, "</main>")?;
    writeln!(
        out,
        "<footer><p>Made by bialign {}. Scores are the aligner's confidence in each bead, 0 to 1; \
         beads under {LOW_CONFIDENCE} are marked unsure. Line numbers are those of the files.</p>\
         </footer>\n</body>\n</html>",
        env!("CARGO_PKG_VERSION")
    )
}

fn head(out: &mut dyn Write, pair: &AlignedPair, summary: &Summary) -> io::Result<()> {
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"bialign {}\">\n\
         <title>{} ↔ {} · bialign</title>\n<style>\n{STYLE}",
        env!("CARGO_PKG_VERSION"),
        Esc(&pair.src.name),
        Esc(&pair.tgt.name)
    )?;
    // One rule per filter: when its target is in the URL, rows of other kinds are hidden and
    // the note saying what is shown appears.
    let mut ids: Vec<(String, String)> = summary
        .kinds
        .iter()
        .map(|(k, _)| (kind_id(*k), kind_id(*k)))
        .collect();
    ids.push(("flagged".into(), "flagged".into()));
    ids.push(("low".into(), "low".into()));
    for (id, class) in &ids {
        writeln!(
            out,
            "#{id}:target ~ table tbody tr:not(.{class}) {{ display: none; }}\n\
             #{id}:target ~ .filter-note {{ display: block; }}\n\
             #{id}:target ~ .filter-note .only-{id} {{ display: inline; }}"
        )?;
    }
    writeln!(out, "</style>\n</head>\n<body>")
}

fn header(out: &mut dyn Write, pair: &AlignedPair, s: &Summary) -> io::Result<()> {
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
        "<header class=\"page-head\">\n<p class=\"brand\">bialign · alignment report</p>\n\
         <h1><span class=\"file\">{}</span> <span class=\"arrow\" aria-label=\"aligned with\">↔</span> \
         <span class=\"file\">{}</span></h1>\n<dl class=\"facts\">\n{}\n{}\n\
         <div><dt>Length ratio</dt><dd>{:.2} translation characters per source character</dd></div>\n</dl>",
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
         <span class=\"key\">Anchors are numbers, Latin-script names and glossary terms.</span></p>\n</header>"
    )
}

fn filters(out: &mut dyn Write, s: &Summary) -> io::Result<()> {
    let mut targets = vec!["all".to_string()];
    let mut notes = Vec::new();
    for (kind, n) in &s.kinds {
        let id = kind_id(*kind);
        notes.push(format!(
            "<span class=\"only-{id}\">Showing only the {n} {} ({kind}).</span>",
            kind_label(*kind, *n)
        ));
        targets.push(id);
    }
    targets.push("flagged".into());
    targets.push("low".into());
    notes.push(format!(
        "<span class=\"only-flagged\">Showing only the {} {} with anchor mismatches.</span>",
        s.flagged,
        plural(s.flagged, "bead")
    ));
    notes.push(format!(
        "<span class=\"only-low\">Showing only the {} unsure {}.</span>",
        s.low_confidence,
        plural(s.low_confidence, "bead")
    ));
    for id in &targets {
        writeln!(out, "<span id=\"{id}\" class=\"filter-target\"></span>")?;
    }
    writeln!(
        out,
        "<p class=\"filter-note\" role=\"status\">{} <a href=\"#all\">Show all beads</a></p>",
        notes.join(" ")
    )
}

fn table(out: &mut dyn Write, pair: &AlignedPair) -> io::Result<()> {
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
        row(out, pair, k, bead)?;
    }
    writeln!(out, "</tbody>\n</table>")
}

fn row(out: &mut dyn Write, pair: &AlignedPair, k: usize, bead: &Bead) -> io::Result<()> {
    // Anchors are compared across a pair; an omission or addition is unmatched as a whole.
    let anchors = if bead.is_pair() {
        pair.anchors(bead)
    } else {
        BeadAnchors::default()
    };
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
        .unmatched()
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
    if bead.score < LOW_CONFIDENCE {
        classes.push("low".into());
        tags.push(format!(
            "<span class=\"tag low\" title=\"score below {LOW_CONFIDENCE}\">unsure</span>"
        ));
    }
    writeln!(
        out,
        "<tr id=\"b{k}\" class=\"{}\">\n<th scope=\"row\" class=\"num\"><a href=\"#b{k}\" title=\"Link to bead {k}\">{k}</a></th>\n\
         <td class=\"meta\"><span class=\"kind\" title=\"{} source {}, {} translation {}\">{kind}</span> \
         <span class=\"score\" title=\"aligner confidence\">{:.2}</span>{}{}</td>",
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
        }
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

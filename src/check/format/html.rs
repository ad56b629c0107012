//! `--format html`: the alignment page ([`crate::render::html::alignment`]) with the findings marked.
//!
//! The header gains a findings summary: the verdict, counts by kind (each a link that shows only
//! the rows with findings of that kind) and the list of findings, each linking to its row. Every
//! bead row a finding concerns gets the class `has-finding` (a bar at its edge) and a tag naming
//! the kind and the severity in words; the finding's message is written in the row of its first
//! bead. Escaping and style are the kit's ([`crate::render::html`]).

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::aligned::AlignedPair;
use crate::check::{fails, CheckReport, Counts, FailOn, Finding, Kind};
use crate::names::Named;
use crate::render::html::alignment::{write_page, BeadOverlay, Overlay};
use crate::render::html::{escape, finding_line, finding_tag, Filter};

/// The fragment id and row class of the beads with findings of `kind`, e.g. `finding-omission`.
pub fn kind_id(kind: Kind) -> String {
    format!("finding-{}", kind.name())
}

/// The row class of every bead with a finding, and its filter's id.
pub const HAS_FINDING: &str = "has-finding";

/// Writes the side-by-side report page of `pair` with the findings of `report` marked.
pub fn write(
    out: &mut dyn Write,
    pair: &AlignedPair,
    report: &CheckReport,
    fail_on: FailOn,
) -> io::Result<()> {
    write_page(out, pair, &overlay(pair, report, fail_on))
}

/// The beads a finding concerns: those holding its sentences, and its own bead.
fn beads_of(pair: &AlignedPair, f: &Finding) -> Vec<usize> {
    let mut beads: Vec<usize> = pair
        .alignment
        .beads
        .iter()
        .enumerate()
        .filter(|(_, b)| {
            f.source.sentences.iter().any(|i| b.src.contains(i))
                || f.target.sentences.iter().any(|j| b.tgt.contains(j))
        })
        .map(|(k, _)| k)
        .collect();
    if !beads.contains(&f.bead) && f.bead < pair.alignment.beads.len() {
        beads.push(f.bead);
    }
    beads.sort_unstable();
    beads
}

fn overlay(pair: &AlignedPair, report: &CheckReport, fail_on: FailOn) -> Overlay {
    let mut beads: BTreeMap<usize, BeadOverlay> = BTreeMap::new();
    let mut firsts = Vec::with_capacity(report.findings.len());
    for f in &report.findings {
        let concerned = beads_of(pair, f);
        let first = concerned.first().copied().unwrap_or(f.bead);
        firsts.push(first);
        for &k in &concerned {
            let row = beads.entry(k).or_default();
            for class in [HAS_FINDING.to_owned(), kind_id(f.kind)] {
                if !row.classes.contains(&class) {
                    row.classes.push(class);
                }
            }
            row.html.push_str(&if k == first {
                format!("<p class=\"finding\">{}</p>", finding_line(f))
            } else {
                format!(
                    "<p class=\"finding\">{} <span class=\"msg\">continued from bead \
                     <a href=\"#b{first}\">{first}</a></span></p>",
                    finding_tag(f)
                )
            });
        }
    }

    let counts = Counts::of(&report.findings);
    let by_kind: Vec<(Kind, usize)> = Kind::ALL
        .into_iter()
        .map(|k| (k, report.findings.iter().filter(|f| f.kind == k).count()))
        .filter(|&(_, n)| n > 0)
        .collect();
    let mut filters: Vec<Filter> = by_kind
        .iter()
        .map(|&(k, n)| Filter {
            id: kind_id(k),
            note: format!("Showing only the beads with {} findings ({n}).", k.name()),
        })
        .collect();
    filters.push(Filter {
        id: HAS_FINDING.to_owned(),
        note: format!("Showing only the {} beads with findings.", beads.len()),
    });

    let mut h = String::new();
    let verdict = if fails(&report.findings, fail_on) {
        "fail"
    } else {
        "pass"
    };
    let mut summary = if counts.total() == 0 {
        "no findings".to_owned()
    } else {
        counts.to_string()
    };
    if report.baselined > 0 {
        summary.push_str(&format!(
            " ({} more in the baseline, not shown)",
            report.baselined
        ));
    }
    h.push_str(&format!(
        "<section class=\"findings-summary\" aria-labelledby=\"findings-h\">\n\
         <h2 id=\"findings-h\">Findings: {} · <span class=\"verdict {verdict}\">{verdict}</span></h2>\n",
        escape(&summary)
    ));
    h.push_str("<nav class=\"counts\" aria-label=\"Findings by kind\">\n");
    h.push_str(&format!(
        "<a class=\"count finding\" href=\"#{HAS_FINDING}\"><b data-count-of=\"{HAS_FINDING}\">{}</b> beads with findings</a>\n",
        beads.len()
    ));
    for &(k, n) in &by_kind {
        let id = kind_id(k);
        h.push_str(&format!(
            "<a class=\"count finding sev-{sev}\" href=\"#{id}\"><b data-count-of=\"{id}\">{n}</b> {} <small>{}</small></a>\n",
            k.name(),
            k.severity().word(),
            sev = k.severity().as_str(),
        ));
    }
    h.push_str("</nav>\n");
    if !report.findings.is_empty() {
        h.push_str("<ol class=\"finding-list\">\n");
        for (f, first) in report.findings.iter().zip(&firsts) {
            h.push_str(&format!(
                "<li><a href=\"#b{first}\">bead {first}</a> {}</li>\n",
                finding_line(f)
            ));
        }
        h.push_str("</ol>\n");
    }
    h.push_str("</section>\n");

    Overlay {
        brand: Some("check report".to_owned()),
        header: h,
        filters,
        beads,
    }
}

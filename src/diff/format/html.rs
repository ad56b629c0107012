//! `--format html`: one self-contained page (the kit's frame, style sheet and escaping), each
//! changed passage a row with the old and new text side by side, removed words `<del>` in the
//! old and added words `<ins>` in the new; then, for a translation, the findings the edit
//! introduced and fixed. The status of each row is a word, not only a colour, and every text
//! carries its language.

use std::io::{self, Write};

use crate::check::{Excerpt, FailOn, Finding};
use crate::diff::source::SourceDiff;
use crate::diff::words::{Op, Piece};
use crate::diff::{Status, StatusCounts, TranslationDiff};
use crate::lang::Lang;
use crate::render::html::{
    escape, filter_targets, finding_line, page_end, page_head, page_start, Esc, Filter,
};

/// The BCP 47 tag for a language code of a report (`zh` → `zh-Hans`).
fn bcp47(code: &str) -> String {
    code.parse::<Lang>()
        .map_or_else(|_| code.to_owned(), |l| l.bcp47().to_owned())
}

fn status_id(s: Status) -> String {
    format!("st-{}", s.as_str())
}

/// Row filters by status, for the statuses present.
fn filters(counts: StatusCounts) -> Vec<Filter> {
    Status::ALL
        .into_iter()
        .map(|s| (s, counts.get(s)))
        .filter(|&(_, n)| n > 0)
        .map(|(s, n)| Filter {
            id: status_id(s),
            note: format!("Showing only the {n} {} passages.", s.as_str()),
        })
        .collect()
}

/// The pieces of one side: what both have as text, what only this side has marked with `tag`
/// (`del` for the old side, `ins` for the new).
fn marked(pieces: &[Piece], keep: Op, tag: &str) -> String {
    let mut s = String::new();
    for p in pieces {
        if p.op == Op::Equal {
            s.push_str(&escape(&p.text));
        } else if p.op == keep {
            s.push_str(&format!("<{tag}>{}</{tag}>", escape(&p.text)));
        }
    }
    s
}

/// A cell: `file:line` and the text (markup), or a note in words when the side has nothing.
fn cell(class: &str, lang: &str, e: &Excerpt, body: &str, empty: &str) -> String {
    if e.text.is_empty() {
        return format!(
            "<td class=\"{class}\" lang=\"en\"><p class=\"gap\">{}</p></td>",
            Esc(empty)
        );
    }
    format!(
        "<td class=\"{class}\" lang=\"{}\"><p class=\"s\"><span class=\"ln\" title=\"{} line {line}\">{line}</span>\
         <span class=\"t\">{body}</span></p></td>",
        Esc(&bcp47(lang)),
        Esc(&e.location.file),
        line = e.location.line,
    )
}

fn place(e: &Excerpt) -> String {
    format!("{}:{}", e.location.file, e.location.line)
}

/// The count links: all changes (`all_label`), then each status, each a filter of the rows.
fn counts_nav(
    out: &mut dyn Write,
    total: usize,
    counts: StatusCounts,
    all_label: &str,
) -> io::Result<()> {
    writeln!(
        out,
        "<nav class=\"counts\" aria-label=\"Passages by status\">"
    )?;
    let mut items = vec![("all".to_owned(), total, all_label)];
    for s in Status::ALL {
        items.push((status_id(s), counts.get(s), s.as_str()));
    }
    for (id, n, label) in items {
        writeln!(
            out,
            "<a class=\"count\" href=\"#{id}\"><b data-count-of=\"{id}\">{n}</b> {}</a>",
            Esc(label)
        )?;
    }
    writeln!(out, "</nav>")
}

fn head(
    out: &mut dyn Write,
    brand: &str,
    title: (&str, &str),
    facts: &[(&str, String)],
    filters: &[Filter],
) -> io::Result<()> {
    page_start(
        out,
        &format!("{} → {} · bialign", title.0, title.1),
        filters,
    )?;
    page_head(out, brand, title, ("→", "revised as"))?;
    for (dt, dd) in facts {
        writeln!(out, "<div><dt>{}</dt><dd>{}</dd></div>", Esc(dt), Esc(dd))?;
    }
    writeln!(out, "</dl>")
}

fn table_start(out: &mut dyn Write, columns: [(&str, &str); 3]) -> io::Result<()> {
    write!(
        out,
        "<table class=\"beads diff\">\n<colgroup><col class=\"c-num\"><col class=\"c-meta\">\
         <col class=\"c-text\"><col class=\"c-text\"><col class=\"c-text\"></colgroup>\n\
         <thead><tr><th scope=\"col\" class=\"num\">#</th><th scope=\"col\" class=\"meta\">Status</th>"
    )?;
    for (name, note) in columns {
        write!(
            out,
            "<th scope=\"col\">{} <small>{}</small></th>",
            Esc(name),
            Esc(note)
        )?;
    }
    writeln!(out, "</tr></thead>\n<tbody>")
}

fn row_start(out: &mut dyn Write, k: usize, status: Status) -> io::Result<()> {
    write!(
        out,
        "<tr id=\"c{k}\" class=\"bead {}\"><th scope=\"row\" class=\"num\"><a href=\"#c{k}\">{k}</a></th>\
         <td class=\"meta\"><span class=\"status {s}\">{s}</span></td>",
        status_id(status),
        s = status.as_str()
    )
}

pub(crate) fn translation(
    out: &mut dyn Write,
    d: &TranslationDiff,
    fail_on: FailOn,
) -> io::Result<()> {
    let counts = d.status_counts();
    let filters = filters(counts);
    let verdict = if d.fails(fail_on) { "fail" } else { "pass" };
    head(
        out,
        "diff report",
        (&d.old.file, &d.new.file),
        &[
            (
                "Source",
                format!(
                    "{} · {}",
                    d.source.file,
                    crate::check::count_noun(d.source.sentences, "sentence", "sentences")
                ),
            ),
            (
                "Translations",
                format!(
                    "{} sentences before, {} after",
                    d.old.sentences, d.new.sentences
                ),
            ),
            (
                "Findings",
                format!(
                    "{} introduced, {} fixed · {verdict}",
                    d.introduced.len(),
                    d.fixed.len()
                ),
            ),
        ],
        &filters,
    )?;
    counts_nav(out, d.changes.len(), counts, "passages changed in all")?;
    writeln!(
        out,
        "<p class=\"legend\">{} passages unchanged. <a href=\"#introduced\">{} findings introduced</a> · \
         <a href=\"#fixed\">{} fixed</a></p>\n</header>\n<main>",
        d.unchanged,
        d.introduced.len(),
        d.fixed.len()
    )?;
    filter_targets(out, &filters, "Show all passages")?;
    table_start(
        out,
        [
            (&d.source.file, "source"),
            (&d.old.file, "before"),
            (&d.new.file, "after"),
        ],
    )?;
    for (k, c) in d.changes.iter().enumerate() {
        row_start(out, k, c.status)?;
        writeln!(
            out,
            "{}{}{}</tr>",
            cell(
                "src",
                &d.source.lang,
                &c.source,
                &escape(&c.source.text),
                "No source: text the translation adds"
            ),
            cell(
                "tgt",
                &d.old.lang,
                &c.old,
                &marked(&c.words, Op::Delete, "del"),
                "No translation before"
            ),
            cell(
                "tgt",
                &d.new.lang,
                &c.new,
                &marked(&c.words, Op::Insert, "ins"),
                "No translation now"
            ),
        )?;
    }
    writeln!(out, "</tbody>\n</table>")?;
    findings(
        out,
        "introduced",
        "Introduced by the edit",
        &d.introduced,
        d,
    )?;
    findings(out, "fixed", "Fixed by the edit", &d.fixed, d)?;
    writeln!(out, "</main>")?;
    page_end(
        out,
        "Passages are the stretches of the source on which the alignments of both versions agree. \
         Line numbers are those of the files.",
    )
}

fn findings(
    out: &mut dyn Write,
    id: &str,
    title: &str,
    list: &[Finding],
    d: &TranslationDiff,
) -> io::Result<()> {
    writeln!(
        out,
        "<section class=\"findings\" id=\"{id}\"><h2>{} ({})</h2>",
        Esc(title),
        list.len()
    )?;
    if list.is_empty() {
        return writeln!(out, "<p>None.</p></section>");
    }
    writeln!(out, "<ul class=\"findings\">")?;
    for f in list {
        writeln!(
            out,
            "<li>{} <span class=\"where\">{} → {}</span>",
            finding_line(f),
            Esc(&place(&f.source)),
            Esc(&place(&f.target))
        )?;
        for (e, lang) in [(&f.source, &d.source.lang), (&f.target, &d.new.lang)] {
            if !e.text.is_empty() {
                writeln!(
                    out,
                    "<p class=\"s\" lang=\"{}\"><span class=\"t\">{}</span></p>",
                    Esc(&bcp47(lang)),
                    Esc(&e.text)
                )?;
            }
        }
        writeln!(out, "</li>")?;
    }
    writeln!(out, "</ul></section>")
}

pub(crate) fn source(out: &mut dyn Write, d: &SourceDiff) -> io::Result<()> {
    let counts = d.status_counts();
    let filters = filters(counts);
    let verdict = if d.fails() { "fail" } else { "pass" };
    head(
        out,
        "source diff report",
        (&d.old.file, &d.new.file),
        &[
            (
                "Translation",
                format!(
                    "{} · {}",
                    d.target.file,
                    crate::check::count_noun(d.target.sentences, "sentence", "sentences")
                ),
            ),
            ("To do", format!("{} · {verdict}", d.to_do())),
        ],
        &filters,
    )?;
    counts_nav(out, d.changes.len(), counts, "sentences changed in all")?;
    writeln!(
        out,
        "<p class=\"legend\">{} sentences unchanged.</p>\n</header>\n<main>",
        d.unchanged
    )?;
    filter_targets(out, &filters, "Show all sentences")?;
    table_start(
        out,
        [
            (&d.old.file, "before"),
            (&d.new.file, "after"),
            (&d.target.file, "translation"),
        ],
    )?;
    for (k, c) in d.changes.iter().enumerate() {
        row_start(out, k, c.status)?;
        let target = match c.status {
            Status::Added => format!(
                "<td class=\"tgt\" lang=\"en\"><p class=\"gap\"><span class=\"tag sev-error\">untranslated</span> \
                 no translation yet; it belongs at {}:{}:{}</p></td>",
                Esc(&c.target.location.file),
                c.target.location.line,
                c.target.location.column
            ),
            _ if c.target.text.is_empty() => {
                "<td class=\"tgt\" lang=\"en\"><p class=\"gap\">It had no translation.</p></td>"
                    .to_owned()
            }
            _ => cell(
                "tgt",
                &d.target.lang,
                &c.target,
                &format!(
                    "<span class=\"tag sev-error\" lang=\"en\">stale</span> {}",
                    escape(&c.target.text)
                ),
                "",
            ),
        };
        writeln!(
            out,
            "{}{}{target}</tr>",
            cell(
                "src",
                &d.old.lang,
                &c.old,
                &marked(&c.words, Op::Delete, "del"),
                "Not in the old source"
            ),
            cell(
                "src",
                &d.new.lang,
                &c.new,
                &marked(&c.words, Op::Insert, "ins"),
                "Not in the new source"
            ),
        )?;
    }
    writeln!(out, "</tbody>\n</table>\n</main>")?;
    page_end(
        out,
        "A target sentence is stale when the source sentence it translates changed or went. \
         Line numbers are those of the files.",
    )
}

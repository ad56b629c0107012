//! HTML pages: escaping, and the frame every bialign page shares (one self-contained page, inline
//! CSS, no scripts, fonts or images; a header naming the two files; row filters by CSS `:target`;
//! a footer), and a finding as a line of markup. [`alignment`] is the page of an aligned pair.

pub mod alignment;

use std::fmt::{self, Display};
use std::io::{self, Write};

use crate::check::finding::Finding;
use crate::names::Named;

const STYLE: &str = include_str!("style.css");

/// Text made safe for HTML element content and quoted attribute values.
pub(crate) fn escape(text: &str) -> String {
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
pub(crate) struct Esc<'a>(pub &'a str);

impl Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&escape(self.0))
    }
}

/// A row filter: a link to `#id` shows only the rows with class `id`, and says so with `note`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Filter {
    pub id: String,
    /// Plain text, e.g. "Showing only the 2 beads with omissions."
    pub note: String,
}

/// The start of a bialign page, up to `<body>`: the title (plain text), the one style sheet,
/// and a rule per filter: when its target is in the URL, rows without its class are hidden and
/// its note appears.
pub(crate) fn page_start(out: &mut dyn Write, title: &str, filters: &[Filter]) -> io::Result<()> {
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
pub(crate) fn page_end(out: &mut dyn Write, note: &str) -> io::Result<()> {
    writeln!(
        out,
        "<footer><p>Made by bialign {}. {note}</p></footer>\n</body>\n</html>",
        env!("CARGO_PKG_VERSION"),
    )
}

/// The targets of the filters (siblings before the table, which the filter rules need) and
/// the note saying what a filter shows, with a link back to everything (`show_all`).
pub(crate) fn filter_targets(
    out: &mut dyn Write,
    filters: &[Filter],
    show_all: &str,
) -> io::Result<()> {
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

/// The top of a page's header: what the page is (`brand`, plain text) and the two files it is
/// about with the arrow between them and what the arrow says (`arrow`: the sign and its words),
/// up to the opening of the list of facts, which the caller writes and closes.
pub(crate) fn page_head(
    out: &mut dyn Write,
    brand: &str,
    files: (&str, &str),
    arrow: (&str, &str),
) -> io::Result<()> {
    writeln!(
        out,
        "<header class=\"page-head\">\n<p class=\"brand\">bialign · {}</p>\n\
         <h1><span class=\"file\">{}</span> <span class=\"arrow\" aria-label=\"{}\">{}</span> \
         <span class=\"file\">{}</span></h1>\n<dl class=\"facts\">",
        Esc(brand),
        Esc(files.0),
        Esc(arrow.1),
        Esc(arrow.0),
        Esc(files.1)
    )
}

/// The severity and kind of a finding as a tag, in words.
pub(crate) fn finding_tag(f: &Finding) -> String {
    format!(
        "<span class=\"tag sev-{}\">{} · {}</span>",
        f.severity.as_str(),
        f.severity.word(),
        f.kind.name()
    )
}

/// A finding on one line: its tag and message.
pub(crate) fn finding_line(f: &Finding) -> String {
    format!(
        "{} <span class=\"msg\">{}</span>",
        finding_tag(f),
        Esc(&f.message)
    )
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

//! A sentence cut into plain text and anchors, for the views that highlight anchors (HTML,
//! terminal): those matched on the other side and those flagged as mismatches. An anchor that is
//! neither (一个 left as "a") stays plain text, since `check` does not call it a mismatch. Where
//! anchors overlap (a glossary term that is also a Latin name), the first one found wins, a
//! mismatch before a match, so a mismatch is never hidden.

use crate::anchor::bead_anchors::Anchor;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    Text(&'a str),
    Anchor(&'a str, &'a Anchor),
}

/// The pieces of `text`, sentence `index` of its bead side, given that side's anchors.
pub(crate) fn pieces<'a>(text: &'a str, index: usize, anchors: &'a [Anchor]) -> Vec<Piece<'a>> {
    let mut own: Vec<&Anchor> = anchors
        .iter()
        .filter(|a| {
            a.sentence == index
                && (a.matched || a.flagged)
                && a.start < a.end
                && text.get(a.start..a.end).is_some()
        })
        .collect();
    own.sort_by_key(|a| (a.start, !a.flagged, std::cmp::Reverse(a.end)));
    let mut out = Vec::new();
    let mut at = 0;
    for a in own {
        if a.start < at {
            continue;
        }
        if a.start > at {
            out.push(Piece::Text(&text[at..a.start]));
        }
        out.push(Piece::Anchor(&text[a.start..a.end], a));
        at = a.end;
    }
    if at < text.len() {
        out.push(Piece::Text(&text[at..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anchor::bead_anchors::AnchorKind;

    fn anchor(sentence: usize, start: usize, end: usize, matched: bool) -> Anchor {
        Anchor {
            kind: AnchorKind::Term,
            key: String::new(),
            sentence,
            start,
            end,
            matched,
            flagged: !matched,
        }
    }

    #[test]
    fn cuts_around_anchors_of_this_sentence_only() {
        let text = "in 2015 at OpenAI";
        let anchors = [
            anchor(0, 3, 7, false),
            anchor(1, 0, 2, true),
            anchor(0, 11, 17, true),
        ];
        let got = pieces(text, 0, &anchors);
        assert_eq!(got.len(), 4);
        assert_eq!(got[0], Piece::Text("in "));
        assert!(matches!(got[1], Piece::Anchor("2015", a) if !a.matched));
        assert_eq!(got[2], Piece::Text(" at "));
        assert!(matches!(got[3], Piece::Anchor("OpenAI", a) if a.matched));
        let joined: String = got
            .iter()
            .map(|p| match p {
                Piece::Text(t) | Piece::Anchor(t, _) => *t,
            })
            .collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn overlaps_keep_the_mismatch_and_bad_spans_are_ignored() {
        let text = "GPT-4o";
        let anchors = [
            anchor(0, 0, 6, true),
            anchor(0, 0, 5, false),
            anchor(0, 2, 40, false),
        ];
        let got = pieces(text, 0, &anchors);
        assert!(matches!(got[0], Piece::Anchor("GPT-4", a) if !a.matched));
        assert_eq!(got[1], Piece::Text("o"));
    }

    #[test]
    fn an_unmatched_anchor_that_is_no_mismatch_is_plain_text() {
        let text = "the first half";
        let first = Anchor {
            flagged: false,
            ..anchor(0, 4, 9, false)
        };
        assert_eq!(pieces(text, 0, &[first]), [Piece::Text(text)]);
    }
}

#!/usr/bin/env python3
"""Build the sample texts `cargo run --release --example detect_languages -- DIR` reads.

    apt-get install -y manpages-cs manpages-da manpages-de manpages-el manpages-es manpages-fi \
        manpages-fr manpages-hu manpages-id manpages-it manpages-nl manpages-pl manpages-pt-br \
        manpages-ro manpages-ru manpages-sv manpages-uk manpages-vi manpages-tr manpages-ja \
        manpages-zh
    pip install faker            # Arabic, Greek and Thai word lists
    python3 examples/language_samples.py DIR

writes DIR/<code>.txt: prose paragraphs, separated by blank lines, for each language. The text is
third-party (Debian's translated manual pages, from /usr/share/man/<locale>/man1, with their troff
markup stripped; English from /usr/share/man/man1), so it is built at run time and never
committed. Translated manual pages keep some English: a paragraph is left out when the English
page of the same name has it too (left untranslated), or when English function words are a tenth
of its words, or, in a non-Latin script, when most of its letters are Latin. Option names and
commands stay inside translated paragraphs, which counts against a detector: the figures are a
floor. Arabic and Thai have no manual pages:
their samples are faker's lorem text, real words of the language in random order (Greek's five
pages are topped up the same way), which is easier than prose.
"""

import glob
import gzip
import os
import re
import sys

# ISO 639-1 code -> directory under /usr/share/man.
MAN_LOCALES = {
    "cs": "cs", "da": "da", "de": "de", "el": "el", "en": "", "es": "es", "fi": "fi",
    "fr": "fr", "hu": "hu", "id": "id", "it": "it", "ja": "ja", "nl": "nl", "pl": "pl",
    "pt": "pt_BR", "ro": "ro", "ru": "ru", "sv": "sv", "tr": "tr", "uk": "uk", "vi": "vi",
    "zh": "zh_CN",
}
# Languages without (enough) manual pages: faker's word lists.
FAKER_LOCALES = {"ar": "ar_AA", "th": "th_TH", "el": "el_GR"}
PARAGRAPHS = 150  # per language
MIN_CHARS = 200   # a paragraph shorter than this is a heading or an option list entry

ESCAPES = [
    (r'\\".*$', ""),                      # comment
    (r"\\f(\[[^\]]*\]|\(..|.)", ""),      # font change
    (r"\\s[+-]?\d", ""),                  # size change
    (r"\\\*(\[[^\]]*\]|\(..|.)", ""),     # string
    (r"\\\((em|en)", "—"),
    (r"\\\(aq", "'"), (r"\\\(dq", '"'), (r"\\\((lq|rq|Fo|Fc)", '"'),
    (r"\\\(..", ""),                      # other special characters
    (r"\\\[[^\]]*\]", ""),
    (r"\\-", "-"), (r"\\e", "\\\\"), (r"\\[&c:|^%]", ""), (r"\\ ", " "),
]


def strip_troff(source):
    """Prose paragraphs of a man page: text lines joined, broken at requests and blank lines."""
    paragraphs, current = [], []
    for line in source.splitlines():
        if line.startswith((".", "'")) or not line.strip():
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        for pattern, repl in ESCAPES:
            line = re.sub(pattern, repl, line)
        current.append(line.strip())
    if current:
        paragraphs.append(" ".join(current))
    return [p for p in paragraphs if len(p) >= MIN_CHARS and letters_share(p) > 0.6]


def letters_share(text):
    return sum(c.isalpha() for c in text) / max(1, len(text))


# Frequent in English, rare as words of the other languages sampled (not "a", "is", "to", "in").
ENGLISH_WORDS = set("the and of that for with this are by not which from when you".split())
NON_LATIN = {"el", "ja", "ru", "uk", "zh"}


def looks_english(paragraph, code):
    letters = [c for c in paragraph if c.isalpha()]
    if code in NON_LATIN:
        return sum(c.isascii() for c in letters) * 2 > len(letters)
    words = re.findall(r"\w+", paragraph.lower())
    return sum(w in ENGLISH_WORDS for w in words) * 10 >= len(words)


def read_page(path):
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return strip_troff(f.read())
    except (OSError, UnicodeDecodeError):
        return []


def from_man(code, locale):
    folder = os.path.join("/usr/share/man", locale, "man1")
    out = []
    for path in sorted(glob.glob(os.path.join(folder, "*.gz"))):
        paragraphs = read_page(path)
        if code != "en":
            english = set(read_page(os.path.join("/usr/share/man/man1", os.path.basename(path))))
            paragraphs = [
                p for p in paragraphs if p not in english and not looks_english(p, code)
            ]
        out.extend(paragraphs)
        if len(out) >= PARAGRAPHS:
            break
    return out[:PARAGRAPHS]


def from_faker(locale, count):
    from faker import Faker

    fake = Faker(locale)
    fake.seed_instance(1)
    return [fake.paragraph(nb_sentences=8) for _ in range(count)]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    for code, locale in sorted(MAN_LOCALES.items()):
        paragraphs = from_man(code, locale)
        if code in FAKER_LOCALES and len(paragraphs) < PARAGRAPHS:
            paragraphs += from_faker(FAKER_LOCALES[code], PARAGRAPHS - len(paragraphs))
        write(out_dir, code, paragraphs)
    for code, locale in FAKER_LOCALES.items():
        if code not in MAN_LOCALES:
            write(out_dir, code, from_faker(locale, PARAGRAPHS))


def write(out_dir, code, paragraphs):
    if not paragraphs:
        print(f"{code}: no text (package not installed?)", file=sys.stderr)
        return
    with open(os.path.join(out_dir, f"{code}.txt"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(paragraphs) + "\n")
    print(f"{code}: {len(paragraphs)} paragraphs", file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Consistency check for this corpus folder (stdlib only).

Verifies that
  * zh.sentences / en.sentences partition the non-whitespace text of
    zh.txt / en.txt: every line is a trimmed, non-empty substring of one
    line of the text, the lines occur in file order, and only whitespace
    lies between consecutive sentences;
  * gold.beads is a true partition: beads in order, consecutive indices
    inside a bead, every sentence of both sides in exactly one bead.

Usage: python3 check.py [folder]   (default: the folder of this script)
Exit status 0 if everything holds, 1 otherwise.
"""
import os
import re
import sys
from collections import Counter

BEAD_RE = re.compile(r"^\[(\d+(?:,\d+)*)?\]:\[(\d+(?:,\d+)*)?\]$")


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    text = data.decode("utf-8")  # raises on invalid UTF-8
    return text


def check_sentences(txt_path, sent_path, errors):
    text = read(txt_path)
    raw = read(sent_path)
    if "\r" in raw:
        errors.append(f"{sent_path}: contains CR characters")
    if not raw.endswith("\n"):
        errors.append(f"{sent_path}: no final newline")
    sents = raw.split("\n")[:-1] if raw.endswith("\n") else raw.split("\n")
    lines = text.split("\n")
    li, col = 0, 0  # cursor: line index, column in that line
    for n, s in enumerate(sents):
        if not s or s != s.strip():
            errors.append(f"{sent_path}:{n}: empty or untrimmed line {s!r}")
            continue
        # skip whitespace (including line breaks) from the cursor
        while li < len(lines):
            rest = lines[li][col:]
            if rest.strip():
                col += len(rest) - len(rest.lstrip())
                break
            li, col = li + 1, 0
        if li >= len(lines) or not lines[li].startswith(s, col):
            where = lines[li][col:col + 40] if li < len(lines) else "<EOF>"
            errors.append(f"{sent_path}:{n}: {s[:40]!r} does not match text at "
                          f"{txt_path} line {li + 1}: {where!r}")
            return sents
        col += len(s)
    # nothing but whitespace may remain
    tail = "\n".join([lines[li][col:]] + lines[li + 1:]) if li < len(lines) else ""
    if tail.strip():
        errors.append(f"{sent_path}: text left over after last sentence: {tail.strip()[:60]!r}")
    a = "".join(ch for ch in text if not ch.isspace())
    b = "".join(ch for s in sents for ch in s if not ch.isspace())
    if a != b:
        errors.append(f"{sent_path}: concatenated sentences != non-whitespace text of {txt_path}")
    return sents


def check_beads(path, n_src, n_tgt, errors):
    raw = read(path)
    if not raw.endswith("\n"):
        errors.append(f"{path}: no final newline")
    nxt = [0, 0]
    kinds = Counter()
    for ln, line in enumerate(raw.splitlines(), 1):
        m = BEAD_RE.match(line)
        if not m:
            errors.append(f"{path}:{ln}: malformed bead {line!r}")
            continue
        sides = [[int(x) for x in g.split(",")] if g else [] for g in m.groups()]
        if not sides[0] and not sides[1]:
            errors.append(f"{path}:{ln}: empty bead")
        for k in (0, 1):
            for idx in sides[k]:
                if idx != nxt[k]:
                    errors.append(f"{path}:{ln}: side {k} expected index {nxt[k]}, got {idx}")
                nxt[k] = idx + 1
        kinds[f"{len(sides[0])}-{len(sides[1])}"] += 1
    if nxt[0] != n_src:
        errors.append(f"{path}: source covered up to {nxt[0]}, but {n_src} sentences")
    if nxt[1] != n_tgt:
        errors.append(f"{path}: target covered up to {nxt[1]}, but {n_tgt} sentences")
    return kinds


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    errors = []
    src, tgt = read(os.path.join(d, "LANGS")).split()
    s_src = check_sentences(os.path.join(d, f"{src}.txt"), os.path.join(d, f"{src}.sentences"), errors)
    s_tgt = check_sentences(os.path.join(d, f"{tgt}.txt"), os.path.join(d, f"{tgt}.sentences"), errors)
    kinds = check_beads(os.path.join(d, "gold.beads"), len(s_src), len(s_tgt), errors)
    print(f"{src}.sentences: {len(s_src)}  {tgt}.sentences: {len(s_tgt)}  beads: {sum(kinds.values())}")
    print("bead kinds: " + ", ".join(f"{k}: {v}" for k, v in sorted(kinds.items(), key=lambda kv: -kv[1])))
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

"""Footnote markers glued to words in PDF text (`houden2`, `herkomstland.1`, `landen**`).

A marker is taken out of the line and replaced by a placeholder character
(U+FFFF, which XML forbids and the decoder therefore never lets through), so that
joining lines and dehyphenation work on clean words; `take_markers` then removes
the placeholders and reports where each marker stood in the final text.

Real numbers stay: `2.000`, `1.325`, `11.11.11`, `G20-top`, `71ste`, `EUR 35 mln`,
`art. 5`, `nr. 1280`.
"""

from __future__ import annotations

import re

PLACEHOLDER = "\uffff"
_ANY_DIGIT = re.compile(r"\d")
_ABBREVIATIONS = frozenset({"nr", "art", "blz", "p", "pag", "lid", "no", "vol", "hfst", "par"})

# letters, then one or two digits: Zaken2. houden2 Parijs25, gedood11) MIL32)
_GLUED_TO_WORD = re.compile(r"(?<=[^\W\d_]{2})(\d{1,3})(?=[\s,;:)!?]|\.(?!\d)|$)")  # not NL24.12345
# after punctuation that follows a word: herkomstland.1  km,2  wereld.”23
_AFTER_PUNCT = re.compile(r"(?<=[^\W\d_])([.,;:!?]|[.,;:!?]?[”’\")\]][.,;:!?]?)(\d{1,3})(?=\s|$)")
# at the end of the line, after a space: augustus 2016. 1   ken. 17
_LINE_END = re.compile(r"(\w+)([.!?][”’\"]?) +(\d{1,2})$")
# asterisks glued to a word or quote: ‘push backs’*  landen**
_ASTERISKS = re.compile(r"(?<=[^\s*])(\*{1,3})(?=[\s,.;:)]|$)")


def mark_line(line: str) -> tuple[str, list[str]]:
    """The line with each footnote marker replaced by PLACEHOLDER, and the labels in order."""
    if "*" not in line and not _ANY_DIGIT.search(line):
        return line, []
    found: list[tuple[int, int, str]] = []  # (start, end, label) of the marker in `line`

    for match in _GLUED_TO_WORD.finditer(line):
        found.append((match.start(1), match.end(1), match.group(1)))
    for match in _AFTER_PUNCT.finditer(line):
        if not _ends_with_abbreviation(line[: match.start(1)], match.group(1)):
            found.append((match.start(2), match.end(2), match.group(2)))
    end_match = _LINE_END.search(line, max(0, len(line) - 40)) if line[-1:].isdigit() else None
    if end_match and end_match.group(1).lower() not in _ABBREVIATIONS:
        found.append((end_match.end(2), end_match.end(3), end_match.group(3)))
    for match in _ASTERISKS.finditer(line):
        found.append((match.start(1), match.end(1), match.group(1)))

    if not found:
        return line, []
    found.sort()
    pieces, labels, position = [], [], 0
    for start, end, label in found:
        if start < position:  # overlapping matches of two patterns: keep the first
            continue
        pieces.append(line[position:start])
        pieces.append(PLACEHOLDER)
        labels.append(label)
        position = end
    pieces.append(line[position:])
    return "".join(pieces), labels


def _ends_with_abbreviation(before: str, punct: str) -> bool:
    if not punct.startswith("."):
        return False
    word = re.search(r"(\w+)$", before)
    return bool(word) and word.group(1).lower() in _ABBREVIATIONS


def take_markers(text: str, labels: list[str]) -> tuple[str, list[tuple[int, str]]]:
    """Remove the placeholders from `text`: the clean text and (offset, label) per marker."""
    if PLACEHOLDER not in text:
        return text, []
    parts = text.split(PLACEHOLDER)
    clean, markers = parts[0], []
    for label, part in zip(labels, parts[1:]):
        if clean.endswith(" ") and (part.startswith(" ") or not part):
            clean = clean.rstrip(" ")
        markers.append((len(clean), label))
        clean += part
    return clean.strip(), markers

"""Footnotes at the foot of a page (or column) of raw PDF text.

A footnote is typeset below the body, apart from it, and opens with the marker
that stands as a superscript in the body; `pdftotext` prints that superscript
as digits glued to the word (`houden2`) or after the punctuation
(`herkomstland.1`). So the foot of a page is a footnote area when, after a
blank line, it consists only of paragraphs opening with a marker (`2 Zie ...`,
or `2Zie ...` where the superscript touched the text) and their continuation
lines, and the first of them opens with a marker the body printed. Page
furniture below it (a footer, blank lines) has been taken off before.
"""

from __future__ import annotations

import re

from ..model import BlockKind
from .drafts import Draft
from .textfile import SourceLine

_NOTE_START = re.compile(r"^(\d{1,3}|\*{1,3})(?:\s+|(?=[^\W\d_]))(\S.*)$")


def foot_notes(lines: list[SourceLine], markers: set[str]) -> tuple[list[SourceLine], list[Draft]]:
    """Split the footnote area off the end of `lines`: (the lines above it, one NOTE per note).

    `markers` are the labels of the footnote markers the body printed so far and
    whose note has not been found yet.
    """
    texts = [line.text.strip() for line in lines]
    for start in range(len(lines)):
        if start and texts[start - 1]:
            continue
        opening = _NOTE_START.match(texts[start])
        if opening and opening.group(1) in markers:
            notes = _notes(lines[start:], texts[start:])
            if notes is not None:
                return lines[:start], notes
    return lines, []


def _notes(lines: list[SourceLine], texts: list[str]) -> list[Draft] | None:
    """One NOTE per note if every paragraph of `lines` opens with a marker, else None."""
    notes: list[Draft] = []
    after_blank = True
    for line, text in zip(lines, texts):
        if not text:
            after_blank = True
            continue
        opening = _NOTE_START.match(text)
        if opening and (after_blank or _follows(notes, opening.group(1))):
            notes.append(Draft(BlockKind.NOTE, label=opening.group(1)))
            notes[-1].add(line.number, opening.group(2))
        elif after_blank:
            return None
        else:
            notes[-1].add(line.number, text)
        after_blank = False
    return notes


def _follows(notes: list[Draft], label: str) -> bool:
    """`label` is the next note's marker (`3` after `2`, `**` after `*`): a new note, not a line of this one."""
    previous = notes[-1].label if notes else None
    if previous is None:
        return False
    if previous.isdigit() and label.isdigit():
        return int(label) == int(previous) + 1
    return label == previous + "*"

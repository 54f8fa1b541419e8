"""Footnotes at the foot of a page (or column) of raw PDF text.

A footnote is typeset below the body, apart from it, and opens with the marker
that stands as a superscript in the body; `pdftotext` prints that superscript
as digits glued to the word (`houden2`) or after the punctuation
(`herkomstland.1`). So the foot of a page is a footnote area when, after a
blank line, it consists only of paragraphs opening with a marker (`2 Zie ...`;
`2Zie ...` where the superscript touched the text; or the marker alone on its
line, the text below it, where `-layout` printed a superscript label a line
higher) and their continuation lines, and the first of them opens with a marker
the body printed. Page furniture below it has been taken off before.

Two things `pdftotext` does to this are undone here, each reported:

- a note that runs on to the next page: there its rest stands above the next
  note area, every line indented (the note's hanging indent in `-layout` text),
  in lower case, after a note that ended mid-sentence; it is added to that note;
- plain `pdftotext` sometimes joins the last body line of a page with the first
  note line (`versnip1 Kamerstuk ...`): a marker the body already printed, a
  second time in a line followed by a note, starts the note there; glued to a
  word it means `pdftotext` dropped a line-end hyphen (it joins lines without
  a space only then), which is put back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import BlockKind
from .drafts import Draft, ends_sentence
from .notemarks import mark_line
from .textfile import SourceLine

_NOTE_START = re.compile(r"^(\d{1,3}|\*{1,3})(?:\s+|(?=[^\W\d_]))(\S.*)$")
_LABEL_ONLY = re.compile(r"^(\d{1,3}|\*{1,3})(?:\s+(?:\d{1,3}|\*{1,3}))*$")  # `1`, or plain text's `1 2`
_INSIDE_START = re.compile(r"(?:(?<=[^\W\d_])|(?<= ))(\d{1,2})(?: (?=[^\W\d_])|$)")
FOOT_LINES = 12  # a joined note start is looked for among the last this many lines of text


@dataclass
class FootNotes:
    body: list[SourceLine]  # the lines above the note area
    notes: list[Draft] = field(default_factory=list)
    continued: list[SourceLine] = field(default_factory=list)  # the rest of the open note from the page before
    warnings: list[str] = field(default_factory=list)


def foot_notes(lines: list[SourceLine], pending: set[str], open_note: Draft | None = None) -> FootNotes:
    """Split the footnote area off the end of `lines`.

    `pending`: labels of the footnote markers the body printed before these lines
    whose note has not been found yet; `open_note`: the last note of the page
    before, when it ended mid-sentence.
    """
    open_note = open_note if open_note is not None and not ends_sentence(open_note.last_text) else None
    found = _note_area(lines, pending | marker_labels(lines), open_note)
    if found is None:
        found = _joined_note_start(lines, pending)
    return found or FootNotes(list(lines))


def _note_area(lines: list[SourceLine], markers: set[str], open_note: Draft | None = None) -> FootNotes | None:
    texts = [line.text.strip() for line in lines]
    for start in range(len(lines)):
        if start and texts[start - 1] or not texts[start]:
            continue
        opening = _NOTE_START.match(texts[start]) or _LABEL_ONLY.match(texts[start])
        if opening and opening.group(1) in markers:
            notes = _notes(lines[start:], texts[start:], markers)
            if notes is not None:
                return FootNotes(lines[:start], notes.notes, warnings=notes.warnings)
        elif open_note is not None and texts[start][0].islower():
            found = _continued(lines, texts, start, markers)
            if found is not None:
                found.warnings.append(f"note {open_note.label} continued on the next page: its rest joined to it")
                return found
    return None


def _continued(lines: list[SourceLine], texts: list[str], start: int, markers: set[str]) -> FootNotes | None:
    """The rest of a note from the page before at `start`, and the notes after it.

    It runs to the next note opening (in the same paragraph: a body paragraph holds
    none) or, every line indented like a note's hanging indent in `-layout` text,
    to a blank line.
    """
    end = start
    while end < len(lines) and texts[end] and not _opens_note(texts[end], markers):
        end += 1
    closed = end < len(lines) and bool(texts[end])
    if not closed and not all(line.text[:1] == " " for line in lines[start:end]):
        return None
    rest = [index for index in range(end, len(lines)) if texts[index]]
    notes = _notes(lines[end:], texts[end:], markers) if rest else FootNotes([])
    if notes is None:
        return None
    return FootNotes(lines[:start], notes.notes, continued=lines[start:end], warnings=notes.warnings)


def _opens_note(text: str, markers: set[str]) -> bool:
    opening = _NOTE_START.match(text) or _LABEL_ONLY.match(text)
    return bool(opening) and opening.group(1) in markers


def _notes(lines: list[SourceLine], texts: list[str], markers: set[str]) -> FootNotes | None:
    """One NOTE per note if every paragraph of `lines` opens with a marker, else None."""
    found = FootNotes([])
    labels: list[str] = []  # labels printed on lines of their own, waiting for their text
    paragraphs = _paragraphs(lines, texts)
    for paragraph in paragraphs:
        index = 0
        while index < len(paragraph):
            line, text = paragraph[index]
            alone = _LABEL_ONLY.match(text)
            opening = None if alone else _NOTE_START.match(text)
            if alone:
                labels.extend(text.split())
            elif labels and len(labels) == 1:
                found.notes.append(Draft(BlockKind.NOTE, label=labels.pop()))
                found.notes[-1].add(line.number, text)
            elif labels:  # plain text: `1` `2` on lines of their own, then the texts
                texts_apart = _one_per_label(paragraph[index:], len(labels))
                if texts_apart is None:
                    return None
                for label, lines_of_note in zip(labels, texts_apart):
                    found.notes.append(Draft(BlockKind.NOTE, label=label))
                    for line, text in lines_of_note:
                        found.notes[-1].add(line.number, text)
                found.warnings.append(
                    f"note labels {', '.join(labels)} printed apart from their texts: paired in order"
                )
                labels = []
                break
            elif opening and (index == 0 or opening.group(1) in markers or _follows(found.notes, opening.group(1))):
                found.notes.append(Draft(BlockKind.NOTE, label=opening.group(1)))
                found.notes[-1].add(line.number, opening.group(2))
            elif index == 0 or not found.notes:
                return None
            else:
                found.notes[-1].add(line.number, text)
            index += 1
    return found if found.notes and not labels else None


def _one_per_label(lines: list[tuple[SourceLine, str]], count: int) -> list[list[tuple[SourceLine, str]]] | None:
    """The lines cut into `count` notes: one line each, or cut after the lines that end a sentence."""
    if len(lines) == count:
        return [[line] for line in lines]
    groups: list[list[tuple[SourceLine, str]]] = [[]]
    for line in lines:
        groups[-1].append(line)
        if ends_sentence(line[1]):
            groups.append([])
    groups = [group for group in groups if group]
    return groups if len(groups) == count else None


def _paragraphs(lines: list[SourceLine], texts: list[str]) -> list[list[tuple[SourceLine, str]]]:
    paragraphs: list[list[tuple[SourceLine, str]]] = [[]]
    for line, text in zip(lines, texts):
        if text:
            paragraphs[-1].append((line, text))
        elif paragraphs[-1]:
            paragraphs.append([])
    return [paragraph for paragraph in paragraphs if paragraph]


def _follows(notes: list[Draft], label: str) -> bool:
    """`label` is the next note's marker (`3` after `2`, `**` after `*`): a new note, not a line of this one."""
    previous = notes[-1].label if notes else None
    if previous is None:
        return False
    if previous.isdigit() and label.isdigit():
        return int(label) == int(previous) + 1
    return label == previous + "*"


def _joined_note_start(lines: list[SourceLine], markers: set[str]) -> FootNotes | None:
    """Plain `pdftotext` joined the last body line and the first note line: split them again."""
    seen = [set(markers)]
    for line in lines:
        seen.append(seen[-1] | marker_labels([line]))
    text_rows = [index for index, line in enumerate(lines) if line.text.strip()]
    first = text_rows[-FOOT_LINES] if len(text_rows) >= FOOT_LINES else 0
    for index in range(len(lines) - 1, first - 1, -1):
        text = lines[index].text.rstrip()
        for match in reversed(list(_INSIDE_START.finditer(text))):
            if match.group(1) not in seen[index]:
                continue
            glued = text[match.start() - 1] != " "
            body = text[: match.start()].rstrip() + ("-" if glued else "")
            number, page_start = lines[index].number, lines[index].page_start
            split = [
                SourceLine(number, body, page_start),
                SourceLine(number, ""),
                SourceLine(number, text[match.start() :]),
            ]
            candidate = lines[:index] + split + lines[index + 1 :]
            area = _note_area(candidate[index + 2 :], seen[-1])
            if area is not None and not area.body:
                what = "a dropped line-end hyphen put back" if glued else "split"
                area.warnings.append(f"a body line joined with note {match.group(1)} by the extraction: {what}")
                return FootNotes(candidate[: index + 1], area.notes, warnings=area.warnings)
    return None


def marker_labels(lines: list[SourceLine]) -> set[str]:
    """Labels of the footnote markers printed in `lines` (`houden2`, `land.1`)."""
    return {label for line in lines for label in mark_line(" ".join(line.text.split()))[1]}

"""Footnotes: smaller type at the foot of a page, each starting with a marker of the body.

The foot area of a page is the run of lines below its lowest body-size line, set
smaller than the body (`SMALL` of its size) and starting near the body's left edge.
A line there starts a note when it begins with a label (a superscript, or `1`, `*`
before the text) that matches a body marker not yet given its note; any other line
continues the note above it. An area whose first line starts no note carries on the
last note of an earlier page (a note run over a page break) when that note stops
mid-sentence. A foot area with no matching marker and nothing to carry on is no note
area: its lines stay body text (small print at the end of a letter).

Body markers are superscripts; where the foot area prints a label that no
superscript matches, a marker glued to a word in body type (`houden3`,
`herkomstland.3`, found by `notemarks.mark_line`) with that label counts, in lines
without superscripts, once the foot area proves to be notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..drafts import ends_sentence
from ..notemarks import mark_line
from .lines import TextLine

SMALL = 0.92
_LABEL = re.compile(r"^(\d{1,3}|\*{1,3}|[†‡§])\s+(\S.*)$")


@dataclass
class Note:
    label: str | None  # None: the continuation of the previous page's last note
    lines: list[TextLine] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # line texts, the label taken off the first


def foot_lines(lines: list[TextLine], body_size: float, left: float) -> list[TextLine]:
    """The small lines below every body-size line of a page, top to bottom."""
    normal = [line.y for line in lines if line.size >= SMALL * body_size and not line.rotated]
    lowest = min(normal) if normal else float("inf")
    reach = left + 3 * body_size
    foot = [
        line
        for line in lines
        if line.size < SMALL * body_size and line.y < lowest and line.x0 <= reach and not line.rotated
    ]
    return sorted(foot, key=lambda line: -line.y)


def split_notes(foot: list[TextLine], pending: list[str], can_continue: bool) -> list[Note] | None:
    """The notes of one foot area (None if it is not one); labels used are removed from `pending`."""
    notes: list[Note] = []
    wanted = list(pending)
    for line in foot:
        label, text = _label(line)
        if label is not None and label in wanted:
            wanted.remove(label)
            notes.append(Note(label, [line], [text]))
        elif notes:
            notes[-1].lines.append(line)
            notes[-1].texts.append(line.text)
        elif can_continue:
            notes.append(Note(None, [line], [line.text]))
        else:
            return None
    if not any(note.label for note in notes) and not can_continue:
        return None
    for note in notes:
        if note.label is not None:
            pending.remove(note.label)
    return notes


def _label(line: TextLine) -> tuple[str | None, str]:
    if line.starts_with_marker and line.labels:
        return line.labels[0], line.text[1:].lstrip()
    match = _LABEL.match(line.text)
    return (match.group(1), match.group(2)) if match else (None, line.text)


def find_notes(lines_of: dict[int, list[TextLine]], body_size: float, left: float) -> dict[int, list[Note]]:
    """The notes of each page (by page index); their lines are removed from `lines_of`."""
    notes_of: dict[int, list[Note]] = {}
    pending: list[str] = []
    for index, lines in lines_of.items():
        foot = foot_lines(lines, body_size, left)
        if not foot:
            pending.extend(label for line in lines for label in line.labels)
            continue
        in_foot = {id(line) for line in foot}
        body = [line for line in lines if id(line) not in in_foot]
        pending.extend(label for line in body for label in line.labels)
        glued = _glued_markers(body, [label for label in _foot_labels(foot) if label not in pending])
        trial = pending + [label for _, _, labels in glued for label in labels]
        notes = split_notes(foot, trial, _unfinished(notes_of))
        if not notes:
            continue
        used = {note.label for note in notes}
        for line, marked, labels in glued:
            if all(label in used for label in labels):
                line.text, line.labels = marked, labels
        unused = [label for _, _, labels in glued for label in labels if label not in used]
        pending = [label for label in trial if label not in unused]
        notes_of[index] = notes
        lines_of[index] = body
    return notes_of


def _unfinished(notes_of: dict[int, list[Note]]) -> bool:
    """The last note so far stops mid-sentence, so the next page's foot may carry it on."""
    if not notes_of:
        return False
    last = list(notes_of.values())[-1][-1]
    return not ends_sentence(last.texts[-1]) or last.texts[-1].endswith("-")


def _foot_labels(foot: list[TextLine]) -> list[str]:
    """The labels the foot lines start with."""
    return [label for label, _ in map(_label, foot) if label is not None]


def _glued_markers(body: list[TextLine], wanted: list[str]) -> list[tuple[TextLine, str, list[str]]]:
    """Lines without superscripts that carry glued markers with wanted labels: (line, marked text, labels)."""
    found = []
    if not wanted:
        return found
    for line in body:
        if line.labels or not any(c.isdigit() or c == "*" for c in line.text):
            continue
        marked, labels = mark_line(line.text)
        if labels and all(label in wanted for label in labels):
            found.append((line, marked, labels))
    return found

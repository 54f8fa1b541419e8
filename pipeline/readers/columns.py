"""Columns of `pdftotext -layout` text: find the gutter, read column by column.

`pdftotext -layout` keeps every text line at its horizontal position, so the
columns of a page share each printed row (`left text    right text`) and
reading the rows in order interleaves them. A column starts at one character
position on several consecutive rows, with at least two spaces before it (the
gutter), and the text left of it fills its column (prose, not a table). A row
whose text runs through that position (a title set across the page) is full
width; consecutive rows that do not are read left part first, then right part.
The right part may have a gutter of its own (two columns and a side box).

`-layout` places a row that shares its height with no other text by its own
reckoning: the first line of a right column, set beside a taller heading, can
come out indented but starting left of the gutter. Such a row, indented and no
wider than the right column, is read as the right column's (and reported).

A column much narrower than the other is a side box beside the body, not the
body's continuation: it is returned as a box.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from .drafts import ends_sentence
from .notemarks import mark_line
from .textfile import SourceLine

MIN_ROWS = 3  # a gutter has text on both sides on at least this many consecutive rows
MIN_GUTTER_AT = 15  # the right column starts at least this far in (not an indent)
FILLED_SHARE = 0.5  # the left column's lines fill at least this share of its width (prose, not a table)
BOX_WIDTH_RATIO = 1.6  # a column this many times narrower than the other is a side box
MIN_INDENT = 4  # a row indented this much may be a displaced right-column row
MAX_DEPTH = 3
GUTTER_SLACK = 2

_CELL_START = re.compile(r"(?<=\S)\s{2,}(?=\S)|^\s{2,}(?=\S)")


@dataclass
class Segment:
    """Lines read in one go: a full-width stretch or one column of a multi-column stretch."""

    lines: list[SourceLine] = field(default_factory=list)
    box: bool = False  # a side box printed beside the body


@dataclass
class Split:
    segments: list[Segment]
    gutters: list[int]  # character positions where a right column starts (in its parent's text)
    displaced: int = 0  # rows read as a right column's though printed left of its gutter


def gutter(lines: list[SourceLine]) -> int | None:
    """The character position where a right column starts, or None for one column."""
    rows = [line.text.rstrip() for line in lines]
    starts: dict[int, list[int]] = {}
    for index, text in enumerate(rows):
        for match in _CELL_START.finditer(text):
            if match.end() >= MIN_GUTTER_AT:
                starts.setdefault(match.end(), []).append(index)
    for at, indices in sorted(starts.items(), key=lambda item: -len(item[1])):
        if len(indices) < MIN_ROWS:
            break
        if _longest_block(rows, indices, at) < MIN_ROWS:
            continue
        lefts = [len(text[:at].strip()) for text in rows if text[:at].strip() and _split_point(text, at) is not None]
        if lefts and statistics.median(lefts) >= FILLED_SHARE * (at - 2):
            return at
    return None


def _longest_block(rows: list[str], indices: list[int], at: int) -> int:
    """Most rows with a cell at `at` that follow each other with no row running through `at` between."""
    best = count = 0
    previous = None
    for index in indices:
        between = rows[previous + 1 : index] if previous is not None else []
        if previous is None or any(text.strip() and _split_point(text, at) is None for text in between):
            count = 0
        count += 1
        best = max(best, count)
        previous = index
    return best


def _split_point(text: str, at: int) -> int | None:
    """Where the row's right column starts (a gap of two spaces or more near `at`), None if text runs through.

    Columns of one page may start a character or two apart (`-layout` rounds each
    row's positions), so a gap near `at` counts.
    """
    if len(text) <= at - 2:
        return len(text)
    for match in _CELL_START.finditer(text):
        if abs(match.end() - at) <= GUTTER_SLACK:
            return match.end()
    if not text[: at + GUTTER_SLACK].strip():
        return at  # right column only, indented within it
    return None


def split_columns(lines: list[SourceLine], depth: int = 0) -> Split:
    """The lines as segments in reading order."""
    at = gutter(lines) if depth < MAX_DEPTH else None
    if at is None:
        return Split([Segment(list(lines))], [])
    right_width = max(len(line.text.rstrip()) - at for line in lines)
    groups: list[tuple[bool, list[SourceLine]]] = []  # (two columns?, rows)
    displaced = 0
    for line in lines:
        text = line.text.rstrip()
        point = _split_point(text, at) if text.strip() else (at if groups and groups[-1][0] else None)
        if point is None and _displaced(text, at, right_width):
            line, point = SourceLine(line.number, " " * at + text.strip(), line.page_start), at
            displaced += 1
        if not groups or groups[-1][0] != (point is not None):
            groups.append((point is not None, []))
        groups[-1][1].append((line, point))
    split = Split([], [at], displaced)
    for two, rows in groups:
        if not two:
            split.segments.append(Segment([line for line, _ in rows]))
            continue
        left = _column([SourceLine(line.number, line.text[:point], line.page_start) for line, point in rows], rows)
        right = _column([SourceLine(line.number, line.text[point:]) for line, point in rows], rows)
        left, right = split_columns(left, depth + 1), split_columns(right, depth + 1)
        _mark_side_box(left.segments, right.segments)
        for part in (left, right):
            split.segments.extend(part.segments)
            split.gutters.extend(part.gutters)
            split.displaced += part.displaced
    split.segments = [segment for segment in split.segments if any(line.text.strip() for line in segment.lines)]
    return split


def _column(lines: list[SourceLine], rows: list[tuple[SourceLine, int]]) -> list[SourceLine]:
    """One column's lines, without the blank rows that are only the other column's lines.

    Where the columns' baselines differ, `-layout` prints their lines on rows of
    their own; a blank row of this column after a line that ends no sentence is
    such a row, not a paragraph gap.
    """
    kept: list[SourceLine] = []
    for line, (row, _) in zip(lines, rows):
        if line.text.strip() or not row.text.strip():
            kept.append(line)
            continue
        previous = next((k.text.strip() for k in reversed(kept) if k.text.strip()), "")
        if not previous or ends_sentence(mark_line(previous)[0]):  # `ten.98`: a marker after the stop
            kept.append(line)
    return kept


def _displaced(text: str, at: int, right_width: int) -> bool:
    indent = len(text) - len(text.lstrip())
    return MIN_INDENT <= indent < at and len(text.strip()) <= right_width


def _mark_side_box(left: list[Segment], right: list[Segment]) -> None:
    if len(left) != 1 or len(right) != 1:
        return
    widths = [_width(left[0]), _width(right[0])]
    if min(widths) and max(widths) >= BOX_WIDTH_RATIO * min(widths):
        (left[0] if widths[0] < widths[1] else right[0]).box = True


def _width(segment: Segment) -> float:
    lengths = [len(line.text.strip()) for line in segment.lines if line.text.strip()]
    return statistics.median(lengths) if lengths else 0.0

"""Two-column pages of `pdftotext -layout` text: find the gutter, read column by column.

`pdftotext -layout` keeps every text line at its horizontal position, so the two
columns of a page share each printed row (`left text    right text`) and reading
the rows in order interleaves the columns. The right column starts at one
character position on many rows, with at least two spaces before it (the
gutter); a row whose text runs through that position (a title or heading set
across the page) is full width. Consecutive two-column rows are read left
column first, then right column; full-width rows stay where they are.

A column much narrower than the other is a side box beside the body, not the
body's continuation: it is returned as a box.
"""

from __future__ import annotations

import statistics
from collections import Counter
import re
from dataclasses import dataclass, field

from .textfile import SourceLine

MIN_ROWS = 4  # a gutter needs text on both sides on at least this many rows ...
MIN_ROW_SHARE = 0.3  # ... and this share of the page's rows
MIN_GUTTER_AT = 15  # the right column starts at least this far in (not an indent)
FILLED_SHARE = 0.5  # the left column's lines fill at least this share of its width (prose, not a table)
BOX_WIDTH_RATIO = 1.6  # a column this many times narrower than the other is a side box

_CELL_START = re.compile(r"(?<=\S)\s{2,}(?=\S)|^\s{2,}(?=\S)")


@dataclass
class Segment:
    """Lines read in one go: a full-width stretch or one column of a two-column stretch."""

    lines: list[SourceLine] = field(default_factory=list)
    column: int = 0  # 0: full width or the left column, 1: the right column
    box: bool = False  # a side box printed beside the body


def gutter(lines: list[SourceLine]) -> int | None:
    """The character position where a page's right column starts, or None for one column."""
    rows = [line.text.rstrip() for line in lines if line.text.strip()]
    starts = Counter(match.end() for text in rows for match in _CELL_START.finditer(text))
    candidates = [(count, at) for at, count in starts.items() if at >= MIN_GUTTER_AT]
    needed = max(MIN_ROWS, MIN_ROW_SHARE * len(rows))
    for count, at in sorted(candidates, reverse=True):
        if count < needed:
            break
        lefts = [text[:at].strip() for text in rows if _splits(text, at) and text[:at].strip()]
        both = [left for left, text in zip(lefts, rows) if text[at:].strip()]
        if len(both) >= MIN_ROWS and statistics.median(len(left) for left in lefts) >= FILLED_SHARE * (at - 2):
            return at
    return None


def _splits(text: str, at: int) -> bool:
    """The row has no text running through the gutter at `at`."""
    return len(text) <= at - 2 or text[at - 2 : at] == "  "


def split_columns(lines: list[SourceLine]) -> tuple[list[Segment], int | None]:
    """The page's lines as segments in reading order, and the gutter position (None: one column)."""
    at = gutter(lines)
    if at is None:
        return [Segment(list(lines))], None
    groups: list[tuple[bool, list[SourceLine]]] = []  # (two columns?, rows)
    for line in lines:
        text = line.text.rstrip()
        two = _splits(text, at) if text.strip() else bool(groups) and groups[-1][0]
        if not groups or groups[-1][0] != two:
            groups.append((two, []))
        groups[-1][1].append(line)
    segments: list[Segment] = []
    for two, rows in groups:
        if not two:
            segments.append(Segment(rows))
            continue
        segments.append(Segment([SourceLine(row.number, row.text[:at], row.page_start) for row in rows], 0))
        segments.append(Segment([SourceLine(row.number, row.text[at:]) for row in rows], 1))
    _mark_side_boxes(segments)
    return [segment for segment in segments if any(line.text.strip() for line in segment.lines)], at


def _mark_side_boxes(segments: list[Segment]) -> None:
    for left, right in zip(segments, segments[1:]):
        if left.column != 0 or right.column != 1:
            continue
        widths = [_width(left), _width(right)]
        if min(widths) and max(widths) >= BOX_WIDTH_RATIO * min(widths):
            (left if widths[0] < widths[1] else right).box = True


def _width(segment: Segment) -> float:
    lengths = [len(line.text.strip()) for line in segment.lines if line.text.strip()]
    return statistics.median(lengths) if lengths else 0.0

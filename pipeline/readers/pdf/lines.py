"""Text lines of a PDF page with their position, size and style.

`rows` groups a page's fragments (see `fragments`) by baseline; `page_lines` cuts the
rows into `TextLine`s where a gap spans a gutter between columns (see `gutters`) or
is very wide (a header's text and its page number). A fragment set smaller and
raised against its line and reading like a note marker (`1`, `12`, `*`, `†`) is a
superscript note marker: it becomes the PLACEHOLDER of `notemarks` in the line's
text, its label in `labels`. Coordinates are PDF points, y upwards from the bottom.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..notemarks import PLACEHOLDER
from .fragments import Fragment
from .gutters import spans_gutter

_MARKER = re.compile(r"^(\d{1,3}|\*{1,3}|[†‡§])$")
SUPERSCRIPT_SIZE = 0.85  # a marker is set at most this size of its line
SUPERSCRIPT_RISE = 0.15  # and raised at least this share of the line's size
WORD_GAP = 0.15  # a gap wider than this share of the size between fragments is a space
WIDE_GAP = 3.0  # a gap this many sizes wide separates two lines even without a gutter
LABEL_GAP = 3.0  # a note label may stand this many sizes before its text
BASELINE_TOLERANCE = 0.2  # fragments this close (share of the size) share a baseline


@dataclass
class TextLine:
    page: int  # 1-based page index in the file
    x0: float
    x1: float
    y: float  # baseline of the line's main text
    size: float  # font size of its main text
    bold: bool
    italic: bool
    text: str  # superscript markers as PLACEHOLDER
    labels: list[str] = field(default_factory=list)
    rotated: bool = False

    @property
    def plain(self) -> str:
        """The text without marker placeholders."""
        return self.text.replace(PLACEHOLDER, "")

    @property
    def starts_with_marker(self) -> bool:
        return self.text.startswith(PLACEHOLDER)


def rows(fragments: list[Fragment]) -> list[list[Fragment]]:
    """Upright fragments on one baseline (within BASELINE_TOLERANCE of their size), top to bottom."""
    found: list[list[Fragment]] = []
    for fragment in sorted((f for f in fragments if not f.rotated), key=lambda f: -f.y):
        if found and found[-1][0].y - fragment.y <= BASELINE_TOLERANCE * max(fragment.size, found[-1][0].size):
            found[-1].append(fragment)
        else:
            found.append([fragment])
    return found


def page_lines(page_index: int, page_rows: list[list[Fragment]], rotated: list[Fragment], gutters) -> list[TextLine]:
    """Rows cut into lines at gutters, raised markers joined to their line, top to bottom."""
    groups = [group for row in page_rows for group in _split_row(row, gutters)]
    groups = _attach_raised_markers(groups)
    lines = [_line(page_index, group) for group in groups]
    lines += [_line(page_index, [f]) for f in rotated]
    lines.sort(key=lambda line: (-round(line.y, 1), line.x0))
    return lines


def _split_row(row: list[Fragment], gutters: list[tuple[float, float]]) -> list[list[Fragment]]:
    """A row cut where a gap spans a gutter, or is wider than WIDE_GAP times the size."""
    row.sort(key=lambda f: f.x0)
    groups: list[list[Fragment]] = [[row[0]]]
    for fragment in row[1:]:
        previous = groups[-1][-1]
        gap, size = fragment.x0 - previous.x1, max(fragment.size, previous.size)
        if gap > WIDE_GAP * size or (gap > WORD_GAP * size and spans_gutter(previous.x1, fragment.x0, gutters)):
            groups.append([fragment])
        else:
            groups[-1].append(fragment)
    return groups


def _attach_raised_markers(groups: list[list[Fragment]]) -> list[list[Fragment]]:
    """A lone small marker raised above a line's baseline, beside or inside it, joins that line."""
    kept: list[list[Fragment]] = []
    markers: list[Fragment] = []
    for group in groups:
        if len(group) == 1 and _MARKER.match(group[0].text.strip()):
            markers.append(group[0])
        else:
            kept.append(group)
    for marker in markers:
        host = _host(marker, kept)
        if host is None:
            kept.append([marker])
        else:
            host.append(marker)
            host.sort(key=lambda f: f.x0)
    return kept


def _host(marker: Fragment, groups: list[list[Fragment]]) -> list[Fragment] | None:
    best, best_rise = None, 0.0
    for group in groups:
        size = max(f.size for f in group)
        y = group[0].y
        rise = marker.y - y
        if marker.size > SUPERSCRIPT_SIZE * size or not SUPERSCRIPT_RISE * size <= rise <= 0.7 * size:
            continue
        x0, x1 = group[0].x0, max(f.x1 for f in group)
        if x0 - LABEL_GAP * size <= marker.x0 <= x1 + 0.5 * size and (best is None or rise < best_rise):
            best, best_rise = group, rise
    return best


def _line(page_index: int, fragments: list[Fragment]) -> TextLine:
    main = max(fragments, key=lambda f: (f.size, len(f.text.strip())))
    size = max(f.size for f in fragments if abs(f.y - main.y) < 0.1 * main.size) if fragments else main.size
    text, labels = "", []
    previous: Fragment | None = None
    weights = {True: 0, False: 0}
    italics = {True: 0, False: 0}
    for fragment in fragments:
        marker = _is_marker(fragment, size, main.y, text)
        if previous is not None and fragment.x0 - previous.x1 > WORD_GAP * size:
            if not text.endswith(" ") and not fragment.text.startswith(" ") and not marker:
                text += " "
        if marker:
            text = text.rstrip(" ") if not text.endswith(PLACEHOLDER) else text
            text += PLACEHOLDER
            labels.append(fragment.text.strip())
        else:
            text += fragment.text
            weights[fragment.bold] += len(fragment.text)
            italics[fragment.italic] += len(fragment.text)
        previous = fragment
    x0, x1 = fragments[0].x0, max(f.x1 for f in fragments)
    text = " ".join(text.split())
    return TextLine(
        page_index,
        x0,
        x1,
        main.y,
        size,
        weights[True] > weights[False],
        italics[True] > italics[False],
        text,
        labels,
        rotated=main.rotated,
    )


def _is_marker(fragment: Fragment, size: float, baseline: float, before: str) -> bool:
    """Small, raised, marker-like, and not an ordinal or unit after a digit (`1e`, `m2`)."""
    if fragment.size > SUPERSCRIPT_SIZE * size or fragment.y < baseline + SUPERSCRIPT_RISE * size:
        return False
    if not _MARKER.match(fragment.text.strip()):
        return False
    return not before.rstrip()[-1:].isdigit() if before.strip() else True

"""Columns: vertical strips of text separated by empty gutters, found over the whole document.

The x-axis is covered by the lines' extents; where hardly any line crosses
(`GUTTER_SHARE` of the lines), there is a gutter. A strip whose text is mostly body
type (body size, upright) is a body column; another strip (smaller or italic type
beside the body) holds side boxes and pull quotes. A line crossing a gutter (a title
over two columns) spans: on its page it separates the bands read one after another,
each band column by column.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lines import TextLine

BIN = 2.0  # points per coverage bin
GUTTER_SHARE = 0.04
MIN_GUTTER = 4.0
BODY_SHARE = 0.5  # a body column is mostly body type ...
MIN_BODY_CHARS = 0.2  # ... and holds at least this share of the body type of the fullest column
SPANNING = -1


@dataclass(frozen=True)
class Strip:
    x0: float
    x1: float
    body: bool


def find_strips(lines: list[TextLine], body_size: float) -> list[Strip]:
    if not lines:
        return []
    width = max(line.x1 for line in lines) + BIN
    coverage = [0] * (int(width / BIN) + 2)
    for line in lines:
        for b in range(int(line.x0 / BIN), int(line.x1 / BIN) + 1):
            coverage[b] += 1
    threshold = max(1, GUTTER_SHARE * len(lines))
    runs: list[list[float]] = []
    for b, count in enumerate(coverage):
        if count <= threshold:
            continue
        x = b * BIN
        if runs and x - runs[-1][1] <= MIN_GUTTER:
            runs[-1][1] = x + BIN
        else:
            runs.append([x, x + BIN])
    strips = [Strip(x0, x1, False) for x0, x1 in runs]
    counts = [_chars(strip, lines, body_size) for strip in strips]
    most = max((body for body, _ in counts), default=0)
    return [
        Strip(s.x0, s.x1, body >= BODY_SHARE * chars and body >= MIN_BODY_CHARS * most)
        for s, (body, chars) in zip(strips, counts)
    ]


def _chars(strip: Strip, lines: list[TextLine], body_size: float) -> tuple[int, int]:
    """Characters of body type, and all characters, in the strip."""
    inside = [line for line in lines if strip_of(line, [strip]) == 0]
    body = sum(len(line.text) for line in inside if _body_type(line, body_size))
    return body, sum(len(line.text) for line in inside)


def _body_type(line: TextLine, body_size: float) -> bool:
    return abs(line.size - body_size) <= 0.03 * body_size and not line.italic


def strip_of(line: TextLine, strips: list[Strip]) -> int:
    """Index of the strip holding `line`, or SPANNING when it crosses a gutter."""
    middle = (line.x0 + line.x1) / 2
    for index, strip in enumerate(strips):
        if strip.x0 - BIN <= line.x0 and line.x1 <= strip.x1 + BIN:
            return index
    for index, strip in enumerate(strips):
        if strip.x0 <= middle <= strip.x1 and line.x1 - line.x0 < 1.2 * (strip.x1 - strip.x0):
            return index
    return SPANNING


def reading_order(lines: list[TextLine], strips: list[Strip]) -> list[tuple[tuple[int, int], TextLine]]:
    """Body lines of one page in reading order, each with its (band, strip) frame."""
    placed = [(strip_of(line, strips), line) for line in lines]
    spanning = sorted((line.y for index, line in placed if index == SPANNING), reverse=True)
    ordered = []
    for index, line in placed:
        band = sum(1 for y in spanning if y > line.y + 0.01)
        ordered.append(((band, index), line))
    # a spanning line closes its band: the columns above it are read first
    ordered.sort(key=lambda item: (item[0][0], item[0][1] if item[0][1] != SPANNING else len(strips), -item[1].y))
    return ordered

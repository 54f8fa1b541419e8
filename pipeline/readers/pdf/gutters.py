"""Gutters: vertical bands between columns that the rows of text leave empty.

Counted over every row of the document (pages share their geometry): a stretch of
x where rows cross at most `EMPTY_SHARE` as often as they cross the text beside it
on both sides, at least `MIN_WIDTH` wide. Word gaps, even in justified narrow
columns, fall at different places on each row and leave no gutter; notes or a title
set across the columns only lower the contrast. A row is cut only at a gap that
spans most of a gutter (see `lines`), so two columns sharing a baseline become two
lines while a justified line's wide word gaps do not cut it.
"""

from __future__ import annotations

from itertools import accumulate

BIN = 2.0  # points per coverage bin
EMPTY_SHARE = 0.5
MIN_WIDTH = 4.0
MIN_ROWS = 2  # text beside a gutter crossed by fewer rows than this is too thin to tell
WINDOW = 60.0  # points on each side where the text beside a gutter is looked for


def find_gutters(rows: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """Gutters (x0, x1) of rows given as lists of fragment extents (x0, x1)."""
    if not rows:
        return []
    right_edge = max(x1 for row in rows for _, x1 in row)
    size = int(right_edge / BIN) + 2
    delta = [0] * (size + 1)
    for row in rows:
        for start, end in _union(row):
            delta[max(0, int(start / BIN))] += 1
            delta[min(size, int(end / BIN) + 1)] -= 1
    coverage = list(accumulate(delta))[:size]
    window = int(WINDOW / BIN)
    gutters: list[tuple[float, float]] = []
    run_start = None
    for b in range(size + 1):
        empty = b < size and _is_gutter_bin(coverage, b, window)
        if empty and run_start is None:
            run_start = b
        elif not empty and run_start is not None:
            if (b - run_start) * BIN >= MIN_WIDTH:
                gutters.append((run_start * BIN, b * BIN))
            run_start = None
    return gutters


def _is_gutter_bin(coverage: list[int], b: int, window: int) -> bool:
    left = max(coverage[max(0, b - window) : b], default=0)
    right = max(coverage[b + 1 : b + 1 + window], default=0)
    beside = min(left, right)
    return beside >= MIN_ROWS and coverage[b] <= EMPTY_SHARE * beside


def _union(extents: list[tuple[float, float]]) -> list[tuple[float, float]]:
    merged: list[list[float]] = []
    for start, end in sorted(extents):
        if merged and start <= merged[-1][1] + BIN:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def spans_gutter(x0: float, x1: float, gutters: list[tuple[float, float]]) -> bool:
    """Whether the gap from x0 to x1 covers most of a gutter."""
    return any(min(x1, g1) - max(x0, g0) >= 0.7 * (g1 - g0) for g0, g1 in gutters)

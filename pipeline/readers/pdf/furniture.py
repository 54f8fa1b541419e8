"""Running headers, footers and page numbers: near an edge and repeated across pages.

A line is page furniture when it lies in the top or bottom band of its page
(`EDGE_BAND` of the page height), set off from the text by a wider gap than the
line spacing, nothing but furniture stands between it and the edge, and the same text, once numbers and roman numerals are masked, stands at the
same height on another page (`Kamerbrief | Pagina 3 van 12` and `... Pagina 4 van
12` are one running line). Rotated text up the margin repeated on another page is a
running line as well. A line that is a page number by itself (`3`, `- 3 -`,
`3/12`, `Pagina 3 van 12`, `blz. 3`, `iii`) is a page number even when nothing
repeats it (a one-page document, a last page without header). No list of known
strings.
"""

from __future__ import annotations

from collections import defaultdict

from ...model import BlockKind
from ..pagefurniture import masked, page_number
from .lines import TextLine
from .pages import Page

EDGE_BAND = 0.13
SAME_HEIGHT = 2.0  # points: a running line stands at the same height on every page
GROUP_GAP = 1.6  # lines of one header or footer are at most this many sizes apart


_RUNNING = {"top": BlockKind.FW_HEADER, "bottom": BlockKind.FW_FOOTER}


def find_furniture(pages: list[Page]) -> dict[int, BlockKind]:
    """FW_HEADER, FW_FOOTER or PAGE_NUMBER per furniture line, keyed by id(line).

    Walking from each edge inward, lines are furniture while they are running lines
    (the same masked text at the same height on another page) or a page number; the
    first other line ends the walk, so a repeated footnote or body line above the
    footer is never taken.
    """
    positions: dict[tuple[str, str], list[tuple[int, float]]] = defaultdict(list)
    for page in pages:
        for zone, line in _edge_lines(page):
            positions[zone, masked(line.plain)].append((page.index, line.y))
    kinds: dict[int, BlockKind] = {}
    for page in pages:
        walking = {"top": True, "bottom": True}
        for zone, line in _edge_lines(page):
            if not walking[zone]:
                continue
            others = positions[zone, masked(line.plain)]
            repeated = any(index != page.index and abs(y - line.y) <= SAME_HEIGHT for index, y in others)
            number = page_number(line.plain) is not None
            if repeated or number:
                kinds[id(line)] = BlockKind.PAGE_NUMBER if number else _RUNNING[zone]
            else:
                walking[zone] = False
    kinds.update(_running_margin_text(pages))
    return kinds


def _running_margin_text(pages: list[Page]) -> dict[int, BlockKind]:
    """Rotated text (a reference up the margin) repeated on another page is a running line too."""
    rotated = [(page.index, line) for page in pages for line in page.lines if line.rotated]
    pages_of: dict[str, set[int]] = defaultdict(set)
    for index, line in rotated:
        pages_of[masked(line.plain)].add(index)
    return {id(line): BlockKind.FW_HEADER for _, line in rotated if len(pages_of[masked(line.plain)]) >= 2}


def _edge_lines(page: Page) -> list[tuple[str, TextLine]]:
    """The lines set off at the top of the page, from the top down, then those at the bottom, upwards.

    From each edge: the outermost line(s) and the lines following them at no more than
    GROUP_GAP times their size; the first wider gap separates furniture from the text.
    """
    found = []
    for zone, inward in (("top", -1), ("bottom", 1)):
        ordered = sorted(page.lines, key=lambda line: inward * line.y)
        previous = None
        for line in ordered:
            inside = line.y >= page.height * (1 - EDGE_BAND) if zone == "top" else line.y <= page.height * EDGE_BAND
            if not inside:
                break
            if previous is not None and abs(line.y - previous.y) > GROUP_GAP * max(line.size, previous.size):
                break
            found.append((zone, line))
            previous = line
    return found

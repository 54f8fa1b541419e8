"""Running headers, footers and page numbers in raw PDF text, found by repetition.

A running header or footer is set by the document's page template: the same
text, at the same edge, on page after page; only the page number in it
changes. So a line is page furniture when it stands among the first (or last)
few lines of its page and the same line, with numbers masked, stands at the
same edge of enough other pages; the furniture ends where a blank line sets it
apart from the text. A line that is nothing but a page number (`3`, `- 3 -`,
`3/12`, `Pagina 3 van 12`, `blz. 3`, `iii`) is furniture at a page edge, and
anywhere on its page, standing apart, when the numbers count the pages (plain
`pdftotext` prints a side box after the footer); where they count, a number that
does not fit (a note label alone on its line) is not a page number. No list of
known header texts is used.

`pdftotext -layout` prints a header's left and right parts on one line, far
apart; each part becomes its own block (a page number part a PAGE_NUMBER).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from ..model import BlockKind
from .drafts import Draft

EDGE_LINES = 3  # furniture is among the first or last this many lines of a page
MIN_PAGE_SHARE = 0.4  # ... and repeats on at least this share of the pages (and on two)

_ROMAN = r"(?=[ivxlcdm]+\b)m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
_PAGE_NUMBER = re.compile(
    rf"""^(?:
        (?P<bare>\d{{1,4}}|{_ROMAN})
      | [-–—]\s*(?P<dashed>\d{{1,4}}|{_ROMAN})\s*[-–—]
      | (?P<of>\d{{1,4}})\s*/\s*\d{{1,4}}
      | (?:pagina|page|pag\.?|blz\.?|bladzijde|p\.)\s*(?P<word>\d{{1,4}}|{_ROMAN})(?:\s*(?:van|of|/)\s*\d{{1,4}})?
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_NUMBER = re.compile(rf"\d+|\b{_ROMAN}\b", re.IGNORECASE)
_CELL_GAP = re.compile(r"\s{3,}")


def page_number(text: str) -> str | None:
    """The printed page number when `text` is nothing but a page number, else None."""
    match = _PAGE_NUMBER.match(" ".join(text.split()))
    if not match or not match.group(0):
        return None
    return next(group for group in match.groups() if group)


def masked(text: str) -> str:
    """The line as compared across pages: numbers masked, case and spacing ignored."""
    return _NUMBER.sub("#", " ".join(text.split()).lower())


@dataclass
class PageFurniture:
    """The furniture of one page: which of its lines, their blocks, and the page number it prints."""

    rows: set[int] = field(default_factory=set)  # indices of the furniture lines in the page
    header: list[Draft] = field(default_factory=list)
    footer: list[Draft] = field(default_factory=list)
    number: str | None = None  # the printed page number, where a furniture line gives one


@dataclass(frozen=True)
class EdgeLine:
    row: int  # index in the page's lines
    number: int
    text: str
    apart: tuple[bool, bool]  # a blank line (or the page edge) above it, below it


def page_edge_lines(lines: list[tuple[int, str]]) -> list[EdgeLine]:
    """The non-blank lines of a page (its (line number, text) pairs), each knowing whether it stands apart."""
    found = []
    for index, (number, text) in enumerate(lines):
        if text.strip():
            above = index == 0 or not lines[index - 1][1].strip()
            below = index == len(lines) - 1 or not lines[index + 1][1].strip()
            found.append(EdgeLine(index, number, text, (above, below)))
    return found


def find_furniture(pages: list[list[EdgeLine]]) -> tuple[list[PageFurniture], list[str]]:
    """Per page (its non-blank lines): the furniture at its edges.

    Returns the furniture per page and the masked texts taken as running headers or
    footers by repetition (for the document's warnings).
    """
    top_counts = Counter(key for page in pages for key in {masked(line.text) for line in page[:EDGE_LINES]})
    bottom_counts = Counter(key for page in pages for key in {masked(line.text) for line in page[-EDGE_LINES:]})
    needed = max(2, math.ceil(MIN_PAGE_SHARE * len(pages)))
    repeated: set[str] = set()
    counting, offset = _counting_numbers(pages)
    found = []
    for index, (page, counted) in enumerate(zip(pages, counting)):
        expected = None if offset is None else index + offset
        top = _edge_run(page, top_counts, needed, repeated, inward=1, expected=expected)
        bottom = _edge_run(page[top:][::-1], bottom_counts, needed, repeated, inward=0, expected=expected)
        taken = set(range(top)) | set(range(len(page) - bottom, len(page))) | counted
        furniture = PageFurniture(rows={page[i].row for i in taken})
        for i in sorted(taken):
            at_top = i < top or (i < len(page) / 2 and i < len(page) - bottom)
            part = furniture.header if at_top else furniture.footer
            part.extend(_cells(page[i].number, page[i].text, BlockKind.FW_HEADER if at_top else BlockKind.FW_FOOTER))
        numbers = [_printed(d) for d in furniture.footer + furniture.header if d.kind is BlockKind.PAGE_NUMBER]
        furniture.number = numbers[0] if numbers else None
        found.append(furniture)
    return found, sorted(repeated)


def _counting_numbers(pages: list[list[EdgeLine]]) -> tuple[list[set[int]], int | None]:
    """Per page, the lines standing apart that print the number counting the pages (wherever they stand),
    and the page number of the first page (None where the pages show no such count).

    Plain `pdftotext` may print a side box after the footer, so a page number is
    not always at the edge; a number that goes up by one from page to page, on a
    line of its own, is the page number all the same.
    """
    votes: Counter = Counter()
    distance: Counter = Counter()  # how far from the page edges the lines of each count stand, in all
    candidates = []
    for index, page in enumerate(pages):
        here = {}
        for position, line in enumerate(page):
            value = _value(page_number(line.text)) if line.apart == (True, True) else None
            if value is not None:
                here[position] = value
                votes[value - index] += 1
                distance[value - index] += _from_edge(position, page)
        candidates.append(here)
    if not votes or len(pages) < 2:
        return [set() for _ in pages], None
    # the count most pages show; between equals (note labels alone on their lines also count up), the outer one
    offset = max(votes, key=lambda offset: (votes[offset], -distance[offset]))
    if votes[offset] < max(2, math.ceil(len(pages) / 2)):
        return [set() for _ in pages], None
    counted = []
    for index, (page, here) in enumerate(zip(pages, candidates)):
        matching = [p for p, value in here.items() if value == index + offset]
        counted.append({min(matching, key=lambda p: _from_edge(p, page))} if matching else set())
    return counted, offset


def _from_edge(position: int, page: list[EdgeLine]) -> int:
    return min(position, len(page) - 1 - position)


def _value(printed: str | None) -> int | None:
    if printed is None:
        return None
    if printed.isdigit():
        return int(printed)
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    digits = [values[c] for c in printed.lower()]
    return sum(-d if d < following else d for d, following in zip(digits, digits[1:] + [0]))


def _edge_run(
    lines: list[EdgeLine], counts: Counter, needed: int, repeated: set[str], inward: int, expected: int | None
) -> int:
    """How many lines from the edge (lines[0] is outermost) are furniture.

    A page template sets its header and footer apart from the text block, so the
    furniture ends where a blank line separates it from the body (`inward`: the
    side of a line that faces the body, 1 below it, 0 above it).
    """
    taken, keys = 0, []
    for line in lines[:EDGE_LINES]:
        key = masked(line.text)
        printed = page_number(line.text)
        numbers_page = printed is not None and (expected is None or _value(printed) == expected)
        if not (counts[key] >= needed and _has_letters(line.text)) and not numbers_page:
            break
        keys.append(key)
        taken += 1
    while taken and not lines[taken - 1].apart[inward]:
        taken -= 1
    repeated.update(key for key in keys[:taken] if not page_number(key.replace("#", "1")))
    return taken


def _has_letters(text: str) -> bool:
    """A repeated line of punctuation alone (a rule drawn as `_____`) is not a header."""
    return any(c.isalnum() for c in text)


def _printed(draft: Draft) -> str | None:
    return draft.label or page_number(draft.texts[0])


def _cells(number: int, text: str, running: BlockKind) -> list[Draft]:
    """The parts of a furniture line (far apart in `-layout` text), each its own block."""
    drafts = []
    for cell in _CELL_GAP.split(text.strip()):
        printed = page_number(cell)
        if printed is None:
            draft = Draft(running)
            draft.add(number, cell)
        elif printed == cell:  # a bare number: the label is the whole text (as the corpus reader does)
            draft = Draft(BlockKind.PAGE_NUMBER, numbers=[number], label=cell)
        else:
            draft = Draft(BlockKind.PAGE_NUMBER)
            draft.add(number, " ".join(cell.split()))
        drafts.append(draft)
    return drafts

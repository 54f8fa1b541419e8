"""Running headers, footers and page numbers: near an edge and repeated across pages.

A line is page furniture when it lies in the top or bottom band of its page
(`EDGE_BAND` of the page height) and the same text, once numbers and roman
numerals are masked, stands in the same band on another page (`Kamerbrief | Pagina 3
van 12` and `... Pagina 4 van 12` are one running line). A line that is a page number
by itself (`3`, `- 3 -`, `3/12`, `Pagina 3 van 12`, `blz. 3`, `iii`) and is the
outermost line of its band is a page number even when nothing repeats it (a
one-page document, a last page without header). No list of known strings.
"""

from __future__ import annotations

import re
from collections import Counter

from ...model import BlockKind
from .lines import TextLine
from .pages import Page

EDGE_BAND = 0.13
_ROMAN = r"[ivxlcdm]{1,7}"
PAGE_NUMBER = re.compile(
    r"^(?:(?:pagina|page|blz\.?|bladzijde|pag\.|p\.)\s*)?[-–—]?\s*(\d{1,4}|" + _ROMAN + r")\s*[-–—]?"
    r"(?:\s*(?:/|van|of)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_ROMAN_WORD = re.compile(r"\b" + _ROMAN + r"\b", re.IGNORECASE)


def masked(text: str) -> str:
    return " ".join(_ROMAN_WORD.sub("#", _DIGITS.sub("#", text.lower())).split())


def page_label(text: str) -> str | None:
    """The page number a page-number line prints (`3` of `Pagina 3 van 12`)."""
    match = PAGE_NUMBER.match(text.strip())
    return match.group(1) if match else None


def find_furniture(pages: list[Page]) -> dict[int, BlockKind]:
    """FW_HEADER or PAGE_NUMBER per furniture line, keyed by id(line)."""
    candidates: list[tuple[str, Page, TextLine]] = []
    for page in pages:
        for line in page.lines:
            zone = _zone(page, line)
            if zone:
                candidates.append((zone, page, line))
    pages_per_signature = Counter()
    for signature in {(zone, page.index, masked(line.plain)) for zone, page, line in candidates}:
        pages_per_signature[signature[0], signature[2]] += 1
    kinds: dict[int, BlockKind] = {}
    for zone, page, line in candidates:
        repeated = pages_per_signature[zone, masked(line.plain)] >= 2
        number = page_label(line.plain) is not None
        if repeated or (number and _outermost(page, line, zone)):
            kinds[id(line)] = BlockKind.PAGE_NUMBER if number else BlockKind.FW_HEADER
    return kinds


def _zone(page: Page, line: TextLine) -> str:
    if line.y >= page.height * (1 - EDGE_BAND):
        return "top"
    if line.y <= page.height * EDGE_BAND:
        return "bottom"
    return ""


def _outermost(page: Page, line: TextLine, zone: str) -> bool:
    ys = [other.y for other in page.lines]
    return line.y >= max(ys) - 0.5 if zone == "top" else line.y <= min(ys) + 0.5

"""What each line of each page is: furniture, body (in reading order), side item or note.

`analyse` runs the deciders over all pages (running lines in `furniture`, footnotes in
`notes`, body and side columns in `columns`) and hands `layout` one `PageParts` per
page. The body size is the size most characters are set in.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ...model import BlockKind
from ..pagefurniture import page_number
from .columns import SPANNING, Strip, find_strips, reading_order
from .furniture import find_furniture
from .lines import TextLine
from .notes import Note, find_notes
from .pages import Page


@dataclass
class PageParts:
    page: Page
    label: str | None
    top: list[tuple[BlockKind, TextLine]]
    body: list[tuple[tuple[int, int], TextLine]]
    side: list[list[TextLine]]
    notes: list[Note]
    bottom: list[tuple[BlockKind, TextLine]]


def analyse(pages: list[Page]) -> tuple[list[PageParts], list[str], float]:
    """Each page's furniture, body, side items and notes; warnings; the body font size."""
    warnings: list[str] = []
    furniture = find_furniture(pages)
    rest = {page.index: [line for line in page.lines if id(line) not in furniture] for page in pages}
    body_size = _body_size([line for lines in rest.values() for line in lines])
    left = min((line.x0 for lines in rest.values() for line in lines if abs(line.size - body_size) < 0.5), default=0)
    notes_of = find_notes(rest, body_size, left)
    strips = find_strips([line for lines in rest.values() for line in lines if not line.rotated], body_size)
    parts = []
    for page in pages:
        if not page.lines:
            warnings.append(f"page {page.index} has no text layer (an image?): nothing read from it")
        edges = [(furniture[id(line)], line) for line in page.lines if id(line) in furniture]
        top = [item for item in edges if item[1].y > page.height / 2]
        bottom = [item for item in edges if item[1].y <= page.height / 2]
        labels = [page_number(line.plain) for kind, line in edges if kind is BlockKind.PAGE_NUMBER]
        body, side = _body_and_side(rest[page.index], strips)
        parts.append(PageParts(page, next(iter(labels), None), top, body, side, notes_of.get(page.index, []), bottom))
        rotated = [line for item in side for line in item if line.rotated]
        warnings += [f"page {page.index}: rotated text kept as a box: {line.plain[:40]!r}" for line in rotated]
    return parts, warnings, body_size


def _body_size(lines: list[TextLine]) -> float:
    sizes = Counter()
    for line in lines:
        sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _body_and_side(lines: list[TextLine], strips: list[Strip]):
    ordered = reading_order([line for line in lines if not line.rotated], strips)
    body = [(frame, line) for frame, line in ordered if frame[1] == SPANNING or strips[frame[1]].body]
    side_lines = [line for frame, line in ordered if frame[1] != SPANNING and not strips[frame[1]].body]
    side_lines += [line for line in lines if line.rotated]
    return body, _side_items(side_lines)


def _side_items(lines: list[TextLine]) -> list[list[TextLine]]:
    """Side lines grouped into items: a wide gap or a change of type starts another."""
    items: list[list[TextLine]] = []
    for line in lines:
        previous = items[-1][-1] if items else None
        if (
            previous is None
            or previous.rotated
            or line.rotated
            or previous.y - line.y > 2.0 * max(line.size, previous.size)
            or previous.y < line.y
            or previous.italic != line.italic
            or abs(previous.size - line.size) > 0.1 * line.size
        ):
            items.append([line])
        else:
            items[-1].append(line)
    return items

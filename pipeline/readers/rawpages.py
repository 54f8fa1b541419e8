"""Raw `pdftotext` output (with `-layout` or without): pages -> furniture, notes and body stretches.

`pdftotext` ends every page with a form feed, so a text with form feeds is read
page by page (the last page may lack its form feed, e.g. when the text was
cut or concatenated). Per page, in reading order:

1. a PAGE_BREAK, labelled with the page number the page prints (where it prints one;
   the first page gets one only when it prints its number);
2. running headers and page numbers at its top (`pagefurniture`);
3. its body, split into columns where `-layout` text has a gutter (`columns`);
   the footnote area at the foot of each column becomes NOTE blocks (`footnotes`);
4. footers and page numbers at its bottom.

Body stretches come back as `Stretch`es for the paragraph reader; the first
stretch of a page or column carries `new_flow`, so that a paragraph the break
cut (it did not end its sentence) goes on in it. Everything guessed is
reported in the warnings: furniture taken by repetition, columns split at a
gutter, side boxes, markers whose note was not found.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import BlockKind
from .columns import split_columns
from .drafts import Draft
from .footnotes import foot_notes
from .notemarks import mark_line
from .pagefurniture import find_furniture, page_edge_lines
from .textfile import SourceLine


@dataclass
class Stretch:
    """Body lines of one page or column, blank lines kept; `box`: a side box beside the body."""

    lines: list[SourceLine]
    new_flow: bool  # the first line starts a page or column
    box: bool = False


def has_pages(source: list[SourceLine]) -> bool:
    """Raw extraction output: the text has form feeds."""
    return any(line.page_start for line in source)


def split_pages(source: list[SourceLine]) -> list[list[SourceLine]]:
    pages: list[list[SourceLine]] = [[]]
    for line in source:
        if line.page_start:
            pages.append([])
        pages[-1].append(line)
    return [page for page in pages if any(line.text.strip() for line in page)]


def read_pages(source: list[SourceLine]) -> tuple[list[Draft | Stretch], list[str]]:
    """Furniture, notes and body stretches of a raw PDF text in reading order, and the warnings."""
    pages = split_pages(source)
    edges = [page_edge_lines([(line.number, line.text) for line in page]) for page in pages]
    furniture, repeated = find_furniture(edges)
    warnings = []
    if repeated:
        shown = "; ".join(repr(key) for key in repeated)
        warnings.append(f"raw PDF text: lines repeated at the page edges taken as running headers/footers: {shown}")
    items: list[Draft | Stretch] = []
    pending: set[str] = set()  # markers printed in the body whose note has not been found yet
    for page_index, (page, edge) in enumerate(zip(pages, furniture), start=1):
        first = next(line.number for line in page if line.text.strip())
        if page_index > 1 or edge.number:  # before the first page, a break says something only with its number
            items.append(Draft(BlockKind.PAGE_BREAK, numbers=[first], label=edge.number))
        items.extend(edge.header)
        body = _without_furniture(page, edge.top, edge.bottom)
        segments, at = split_columns(body)
        if at is not None:
            warnings.append(f"raw PDF text: page {page_index} read as two columns split at character {at}")
        for segment in segments:
            lines, notes = foot_notes(segment.lines, pending | _markers(segment.lines))
            pending = (pending | _markers(lines)) - {note.label for note in notes}
            if segment.box:
                warnings.append(f"raw PDF text: page {page_index}: a narrow column taken as a side box")
            items.append(Stretch(lines, new_flow=True, box=segment.box))
            items.extend(notes)
        items.extend(edge.footer)
    if pending:
        shown = ", ".join(sorted(pending, key=lambda label: (len(label), label)))
        warnings.append(f"raw PDF text: no footnote text found for marker(s) {shown}")
    return items, warnings


def _without_furniture(page: list[SourceLine], top: int, bottom: int) -> list[SourceLine]:
    text_rows = [index for index, line in enumerate(page) if line.text.strip()]
    if top + bottom >= len(text_rows):
        return []
    start = text_rows[top - 1] + 1 if top else 0
    end = text_rows[len(text_rows) - bottom] if bottom else len(page)
    return page[start:end]


def _markers(lines: list[SourceLine]) -> set[str]:
    return {label for line in lines for label in mark_line(" ".join(line.text.split()))[1]}

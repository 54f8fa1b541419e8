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

Body stretches come back as `Stretch`es for the paragraph reader, one per page
or column; a paragraph the break cut (it did not end its sentence) goes on in
the next. Everything guessed is
reported in the warnings: furniture taken by repetition, columns split at a
gutter, side boxes, markers whose note was not found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import BlockKind
from .columns import split_columns
from .drafts import Draft
from .footnotes import FootNotes, foot_notes, marker_labels
from .pagefurniture import PageFurniture, find_furniture, page_edge_lines
from .textfile import SourceLine

_RAISED = re.compile(r"^ {2,}(\d{1,2}|\*{1,3})$")


@dataclass
class Stretch:
    """Body lines of one page or column, blank lines kept; `box`: a side box beside the body."""

    lines: list[SourceLine]
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
    furniture, repeated = find_furniture(
        [page_edge_lines([(line.number, line.text) for line in page]) for page in pages]
    )
    reader = PageReader()
    if repeated:
        shown = "; ".join(repr(key) for key in repeated)
        reader.warnings.append(f"lines repeated at the page edges taken as running headers/footers: {shown}")
    for number, (page, edge) in enumerate(zip(pages, furniture), start=1):
        reader.page(number, page, edge)
    if reader.pending:
        shown = ", ".join(sorted(reader.pending, key=lambda label: (len(label), label)))
        reader.warnings.append(f"no footnote text found for marker(s) {shown}")
    return reader.items, [f"raw PDF text: {warning}" for warning in reader.warnings]


class PageReader:
    """Reads the pages in order, keeping what runs across them: markers without their note, the last note."""

    def __init__(self) -> None:
        self.items: list[Draft | Stretch] = []
        self.warnings: list[str] = []
        self.printed: set[str] = set()  # labels of the markers the body printed so far
        self.noted: set[str] = set()  # labels of the notes found so far
        self.open_note: Draft | None = None  # the last note found, which may go on on the next page

    def page(self, number: int, lines: list[SourceLine], edge: PageFurniture) -> None:
        first = next(line.number for line in lines if line.text.strip())
        if number > 1 or edge.number:  # before the first page, a break says something only with its number
            self.items.append(Draft(BlockKind.PAGE_BREAK, numbers=[first], label=edge.number))
        self.items.extend(edge.header)
        body = [SourceLine(line.number, "") if row in edge.rows else line for row, line in enumerate(lines)]
        body, after_footer = _cut_after_footer(body, lines, edge)
        full_width = self.notes_across(number, body)
        if full_width is not None:
            body = full_width.body
        split = split_columns(body)
        if split.gutters:
            at = ", ".join(str(at) for at in split.gutters)
            self.warnings.append(f"page {number} read in columns, split at character(s) {at}")
        if split.displaced:
            self.warnings.append(
                f"page {number}: {split.displaced} row(s) printed left of the gutter read as the right column's"
            )
        for segment in split.segments:
            lines, raised = raised_markers(segment.lines)
            if raised:
                self.warnings.append(
                    f"page {number}: {raised} footnote marker(s) printed on a row of their own put back"
                )
            found = self.notes(number, lines)
            if segment.box:
                self.warnings.append(f"page {number}: a narrow column taken as a side box")
            self.items.append(Stretch(found.body, box=segment.box))
            self.items.extend(found.notes)
        if full_width is not None:
            self.items.extend(full_width.notes)
        self.items.extend(edge.footer)
        if after_footer:
            self.warnings.append(f"page {number}: text printed after the page footer read as a side box")
            self.items.append(Stretch(after_footer, box=True))

    def notes_across(self, number: int, body: list[SourceLine]) -> FootNotes | None:
        """Notes set across the whole page below its columns (taken off before the columns are split)."""
        found = foot_notes(body, self.pending, self.open_note)
        if not found.notes or split_columns(body[len(found.body) :]).gutters:
            return None
        return self.taken(number, found)

    def notes(self, number: int, lines: list[SourceLine]) -> FootNotes:
        found = self.taken(number, foot_notes(lines, self.pending, self.open_note))
        self.printed |= marker_labels(found.body)
        return found

    @property
    def pending(self) -> set[str]:
        """Markers printed in the body whose note has not been found yet."""
        return self.printed - self.noted

    def taken(self, number: int, found: FootNotes) -> FootNotes:
        for line in found.continued:
            self.open_note.add(line.number, line.text.strip())
        self.noted |= {note.label for note in found.notes}
        if found.notes:
            self.open_note = found.notes[-1]
        self.warnings.extend(f"page {number}: {warning}" for warning in found.warnings)
        return found


def raised_markers(lines: list[SourceLine]) -> tuple[list[SourceLine], int]:
    """Superscript markers `-layout` printed on a row of their own, put back where they stand.

    A superscript raised far enough gets a row to itself, at the character position
    where it follows its word: `   3` above (or below) `... van migranten.`. It is
    glued to the adjacent line at that position when a word ends there.
    """
    lines = list(lines)
    moved: set[int] = set()
    for index, line in enumerate(lines):
        marker = _RAISED.match(line.text)
        if not marker:
            continue
        at = marker.start(1)
        for neighbour in (index + 1, index - 1):
            if 0 <= neighbour < len(lines) and neighbour not in moved and _word_ends_at(lines[neighbour].text, at):
                text = lines[neighbour].text
                lines[neighbour] = replace(lines[neighbour], text=text[:at] + marker.group(1) + text[at:])
                moved.add(index)
                break
    return [line for index, line in enumerate(lines) if index not in moved], len(moved)


def _word_ends_at(text: str, at: int) -> bool:
    return 0 < at <= len(text) and not text[at - 1].isspace() and (at == len(text) or text[at] == " ")


def _cut_after_footer(
    body: list[SourceLine], lines: list[SourceLine], edge: PageFurniture
) -> tuple[list[SourceLine], list[SourceLine]]:
    """The page's body, and the text plain `pdftotext` printed after the footer (blocks outside the main flow)."""
    footer = [row for row in edge.rows if row > len(lines) / 2]
    if not footer:
        return body, []
    cut = min(footer)
    if not any(line.text.strip() for line in body[cut:]):
        return body, []
    return body[:cut], body[cut:]

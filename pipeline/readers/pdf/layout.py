"""PDF pages -> block drafts in reading order (the PDF counterpart of `pdftext.layout`).

Per page: a PAGE_BREAK (labelled with the printed page number, if any), the running
header, the body lines column by column, side boxes and pull quotes, footnotes, the
footer. Body lines become headings (larger or bold type), list items (a bullet) and
paragraphs. A paragraph goes on across a column or page break unless the next line
starts a new one (indented where the document indents; or the last line stopped short
after a full stop); within a column, a wider gap than the usual line spacing, an
indented first line, or a short line ending a sentence starts a new paragraph. What
stands between the parts of a paragraph (notes, furniture, boxes, the page break)
follows that paragraph, as in the text reader.
"""

from __future__ import annotations

import statistics
from collections import Counter

from ...model import BlockKind
from ..drafts import CLOSER_FIRST_LINE, NUMBERED, Draft, ends_sentence
from ..notemarks import PLACEHOLDER
from ..pagefurniture import page_number
from .lines import TextLine
from .notes import Note
from .regions import PageParts

HEADING_SIZE = 1.12  # a heading is set at least this much larger than the body ...
HEADING_MAX_CHARS = 120  # ... or bold, and this short
PARAGRAPH_GAP = 1.35  # a gap this many line spacings wide separates paragraphs
SHORT_LINE = 0.85  # a line ending before this share of its column stops short
_BULLETS = "•▪●◦‣–-"
_QUOTES = "“‘\"'«„"


class PdfLayout:
    """Walks the analysed pages and collects drafts in reading order."""

    def __init__(self, parts: list[PageParts], body_size: float):
        self.parts = parts
        self.body_size = body_size
        body_lines = [item for part in parts for item in part.body]
        self.leading = _leading(parts) or 1.2 * body_size
        self.column_left, self.column_right = _column_edges(body_lines)
        self.indents = self._uses_indents(body_lines)
        self.drafts: list[Draft] = []
        self.open: Draft | None = None
        self.open_kind: str = ""  # "paragraph" or "heading"
        self.deferred: list[Draft] = []
        self.previous: tuple[tuple[int, int, int], TextLine] | None = None
        self.last_note: Draft | None = None

    def drafts_in_order(self) -> list[Draft]:
        for part in self.parts:
            index = part.page.index
            self.interrupt(Draft(BlockKind.PAGE_BREAK, numbers=[index], label=part.label))
            for kind, line in part.top:
                self.interrupt(_furniture(kind, line))
            for frame, line in part.body:
                self.body_line((index, *frame), line)
            for item in part.side:
                self.interrupt(_side_draft(item, self.body_size))
            for note in part.notes:
                self.note(note)
            for kind, line in part.bottom:
                self.interrupt(_furniture(kind, line))
        self.close()
        _mark_closer(self.drafts)
        return self.drafts

    # -- bookkeeping, as in pdftext.PdfTextLayout -------------------------------------

    def interrupt(self, draft: Draft) -> None:
        if self.open is not None and self.open_kind == "paragraph":
            self.deferred.append(draft)
        else:
            self.close()
            self.drafts.append(draft)

    def close(self) -> None:
        self.open = None
        self.open_kind = ""
        self.drafts.extend(self.deferred)
        self.deferred = []

    def start(self, draft: Draft, kind: str) -> None:
        self.close()
        self.drafts.append(draft)
        self.open, self.open_kind = draft, kind

    def note(self, note: Note) -> None:
        if note.label is None and self.last_note is not None:
            for line, text in zip(note.lines, note.texts):
                self.last_note.add(line.page, text, _labels(line, text))
            return
        draft = Draft(BlockKind.NOTE, label=note.label)
        for line, text in zip(note.lines, note.texts):
            draft.add(line.page, text, _labels(line, text))
        self.last_note = draft
        self.interrupt(draft)

    # -- body lines ---------------------------------------------------------------------

    def body_line(self, frame: tuple[int, int, int], line: TextLine) -> None:
        previous = self.previous
        self.previous = (frame, line)
        if self._heading_style(line):
            if self.open_kind == "heading" and previous and self._same_heading(previous, frame, line):
                self.open.add(line.page, line.text, line.labels)
                return
            numbered = NUMBERED.match(line.text)
            label, text = (numbered.group(1), numbered.group(2)) if numbered else (None, line.text)
            draft = Draft(BlockKind.HEADING, label=label)
            draft.add(line.page, text, line.labels)
            self.start(draft, "heading")
            return
        bullet = line.text[:1] in _BULLETS and line.text[1:2] == " "
        if bullet:
            draft = Draft(BlockKind.LIST_ITEM, label=line.text[0])
            draft.add(line.page, line.text[2:], line.labels)
            self.start(draft, "paragraph")
            return
        if self.open_kind == "paragraph" and previous and self._continues(previous, frame, line):
            self.open.add(line.page, line.text, line.labels)
            return
        draft = Draft(BlockKind.PARAGRAPH)
        draft.add(line.page, line.text, line.labels)
        self.start(draft, "paragraph")

    def _heading_style(self, line: TextLine) -> bool:
        if len(line.plain) > HEADING_MAX_CHARS or line.italic:
            return False
        return line.size >= HEADING_SIZE * self.body_size or line.bold

    def _same_heading(self, previous, frame, line: TextLine) -> bool:
        """The next line of a heading: same frame, same weight, no more than a line apart."""
        before_frame, before = previous
        if before_frame != frame:
            return False
        return 0 < before.y - line.y <= 1.6 * max(line.size, before.size) and before.bold == line.bold

    def _continues(self, previous, frame, line: TextLine) -> bool:
        """Whether `line` carries on the open paragraph, whose last line was `previous`."""
        before_frame, before = previous
        indented = self._indented(frame[2], line)
        ended = ends_sentence(before.text)
        short = ended and before.x1 < self._right(before_frame) - (1 - SHORT_LINE) * self._width(before_frame)
        if before_frame == frame:
            gap = before.y - line.y
            if abs(gap) < 0.2 * line.size and line.x0 > before.x1:  # one line cut at a very wide word gap
                return True
            if gap <= 0 or gap > PARAGRAPH_GAP * self.leading:
                return False
            return not (self.indents and indented and ended) and not (short and line.text[:1].isupper())
        if self.indents:
            return not indented
        return not short

    def _indented(self, strip: int, line: TextLine) -> bool:
        return line.x0 - self.column_left.get(strip, line.x0) >= 0.6 * self.body_size

    def _right(self, frame) -> float:
        return self.column_right.get(frame[2], 0.0)

    def _width(self, frame) -> float:
        return self.column_right.get(frame[2], 0.0) - self.column_left.get(frame[2], 0.0)

    def _uses_indents(self, body_lines) -> bool:
        """Paragraphs start with an indented line (rather than with space above)."""
        starts = [line for (_band, strip), line in body_lines if self._indented(strip, line) and not line.bold]
        return len(starts) >= 2 and len(starts) < 0.4 * max(len(body_lines), 1)


def _leading(parts: list[PageParts]) -> float:
    gaps = []
    for part in parts:
        for (frame_a, a), (frame_b, b) in zip(part.body, part.body[1:]):
            if frame_a == frame_b and 0 < a.y - b.y < 3 * a.size and not a.bold and not b.bold:
                gaps.append(a.y - b.y)
    return statistics.median(gaps) if gaps else 0.0


def _column_edges(body_lines) -> tuple[dict[int, float], dict[int, float]]:
    left: dict[int, list[float]] = {}
    right: dict[int, list[float]] = {}
    for (_band, strip), line in body_lines:
        left.setdefault(strip, []).append(line.x0)
        right.setdefault(strip, []).append(line.x1)
    lefts = {strip: _low_mode(values) for strip, values in left.items()}
    rights = {strip: max(values) for strip, values in right.items()}
    return lefts, rights


def _low_mode(values: list[float]) -> float:
    """The most common left edge (rounded), the column's margin."""
    counts = Counter(round(v) for v in values)
    return float(counts.most_common(1)[0][0])


def _labels(line: TextLine, text: str) -> list[str]:
    """The marker labels still in `text` (a note's own label is taken off its first line)."""
    return line.labels[len(line.labels) - text.count(PLACEHOLDER) :]


def _furniture(kind: BlockKind, line: TextLine) -> Draft:
    draft = Draft(kind, label=page_number(line.plain) if kind is BlockKind.PAGE_NUMBER else None)
    draft.add(line.page, line.plain)
    return draft


def _side_draft(lines: list[TextLine], body_size: float) -> Draft:
    first = lines[0]
    quote = first.italic or first.size >= HEADING_SIZE * body_size or first.text[:1] in _QUOTES
    draft = Draft(BlockKind.PULL_QUOTE if quote and not first.rotated else BlockKind.BOX)
    for line in lines:
        draft.add(line.page, line.text, line.labels)
    return draft


def _mark_closer(drafts: list[Draft]) -> None:
    """The last paragraph, when it reads `De Minister van ...,` + name, is the closer."""
    paragraphs = [d for d in drafts if d.kind is BlockKind.PARAGRAPH]
    if paragraphs and 2 <= len(paragraphs[-1].texts) <= 3 and CLOSER_FIRST_LINE.match(paragraphs[-1].texts[0]):
        paragraphs[-1].kind = BlockKind.CLOSER

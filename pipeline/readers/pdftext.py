"""Reader for text extracted from PDFs (pdftotext output): lines -> block drafts.

What it understands (GUIDE §1), from the corpus extractions:

- a line starting with a single space (or after a form feed) starts a new page;
- a run of lines starting `2 Zie ...` / `* Mensen ...` directly before a page start
  is a footnote area: one NOTE per note;
- a paragraph interrupted by a page break, footnotes, page numbers, side boxes,
  pull quotes or display headings continues after them as one block; what
  interrupted it follows it, in input order;
- page numbers (a number alone), headings (short lines without final
  punctuation, `4.1. ...`, `1. Antwoord van het kabinet:`), bullets and numbered
  list items, a closing signature (`De Minister van ...,` + name);
- a double-spaced layout (a blank line after every body line, as in a
  multi-column brief): there the blank line does not end a paragraph, and the
  single-spaced runs of lines are side boxes (wider than the body column), pull
  quotes (in capitals) or display headings (short lines).

Raw `pdftotext` output (pages ended by form feeds, with or without `-layout`)
is first taken apart page by page by `rawpages`: running headers, footers and
page numbers (by repetition across pages), footnote areas, and the columns of
a `-layout` page; the paragraph rules above then read the body stretches, and
a paragraph a page or column break cut goes on across it.

It needs the decoded text; it adds blocks with dehyphenated text, NoteRefs and
source line ranges, and warnings naming what it guessed.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, replace
from typing import NamedTuple

from ..model import BlockKind
from .dehyphenate import Vocabulary
from .drafts import CLOSER_FIRST_LINE, NUMBERED, Draft, ends_sentence
from .notemarks import mark_line
from .rawpages import has_pages, read_pages
from .textfile import SourceLine

_NOTE_START = re.compile(r"^(\d{1,2}|\*{1,3})\s+(\S.*)$")
_PAGE_NUMBER = re.compile(r"^\d{1,3}$")
_SECTION_NUMBER = re.compile(r"^(\d{1,2}\.\d{1,2}\.?)\s+(\S.*)$")
_LIST_NUMBER = re.compile(r"^(\d{1,2}\.)\s+(?=[A-Z])(.*)$")
_BULLET = re.compile(r"^([•▪●◦‣–])\s*(.*)$")
_QUOTE_END = re.compile(r"[”\"][.,!?]?$")

HEADING_MAX_CHARS = 60  # a heading alone on its line in a single-spaced text
DISPLAY_MAX_CHARS = 30  # a line of a display heading in a multi-column layout
BOX_WIDTH_FACTOR = 1.25  # side boxes run this much wider than the body column
SHORT_LINE_FACTOR = 0.8  # a closed line this much shorter than the column ends a paragraph


@dataclass(frozen=True)
class Line:
    number: int
    text: str  # stripped, inner whitespace collapsed
    page_start: bool
    trailing_space: bool
    marked: str = ""  # `text` with footnote markers replaced by placeholders
    labels: tuple[str, ...] = ()  # the markers' labels

    @property
    def body(self) -> tuple[str, list[str]]:
        return self.marked, list(self.labels)


@dataclass
class Run:
    """Consecutive non-blank lines; a page start always begins a new run."""

    lines: list[Line]
    before_page_start: bool  # the next line starts a page (or the text ends)
    box: bool = False  # printed beside the body (a narrow column of raw `-layout` text)

    @property
    def first(self) -> Line:
        return self.lines[0]


def read_lines(source: list[SourceLine], space_starts_page: bool = True) -> list[Line | None]:
    """Source lines as `Line`s, None for blank ones.

    `space_starts_page`: a line indented by exactly one space starts a page, as in
    the tidied extractions of the corpus (raw text marks pages with form feeds).
    """
    lines: list[Line | None] = []
    for line in source:
        raw = line.text.replace("\t", " ")
        text = raw.strip()
        if not text:
            lines.append(None)
            continue
        page_start = line.page_start or (space_starts_page and raw.startswith(" ") and not raw.startswith("  "))
        text = " ".join(text.split())
        marked, labels = mark_line(text)
        lines.append(Line(line.number, text, page_start, raw.endswith(" "), marked, tuple(labels)))
    return lines


def split_runs(lines: list[Line | None]) -> list[Run]:
    runs: list[Run] = []
    current: list[Line] = []
    for line in lines:
        if line is not None and (not current or not line.page_start):
            current.append(line)
        elif line is not None:
            runs.append(Run(current, True))
            current = [line]
        elif current:
            runs.append(Run(current, False))
            current = []
    if current:
        runs.append(Run(current, True))
    return runs


def is_double_spaced(runs: list[Run]) -> bool:
    """Most body text in one-line runs: a blank line follows every line of the body."""
    single = sum(1 for run in runs if len(run.lines) == 1)
    return single > 2 * (len(runs) - single)


class PdfTextLayout:
    """Walks the runs of one document and collects drafts in reading order.

    `items` are the runs and the blocks already decided (page breaks, furniture,
    notes) in input order; `runs` the runs whose shape decides the spacing.
    """

    def __init__(self, items: list[Run | Draft], runs: list[Run], raw: bool = False):
        self.items = items
        self.raw = raw
        self.double = is_double_spaced(runs)
        single_widths = [len(run.first.text) for run in runs if len(run.lines) == 1]
        self.column = statistics.median(single_widths) if single_widths else 60.0
        self.drafts: list[Draft] = []
        self.open: Draft | None = None  # paragraph or list item that may continue
        self.deferred: list[Draft] = []  # what was printed inside the open paragraph
        self.interrupted = False
        self.last_heading: Draft | None = None  # a display heading that may go on
        self.last_heading_number = 0  # source line where it last went on

    def drafts_in_order(self) -> list[Draft]:
        last_text = max((i for i, item in enumerate(self.items) if isinstance(item, Run)), default=-1)
        for index, run in enumerate(self.items):
            if isinstance(run, Draft):
                self.interrupt(run)
            elif run.box:
                self.interrupt(_plain(BlockKind.BOX, run.lines))
            elif index == last_text and _is_closer(run):
                self.start(_plain(BlockKind.CLOSER, run.lines), can_continue=False)
            elif self.double:
                self.double_spaced_run(run)
            else:
                self.single_spaced_run(run)
        self.close()
        return self.drafts

    # -- bookkeeping ------------------------------------------------------------------

    def interrupt(self, draft: Draft) -> None:
        """A block printed where it stands, without ending the open paragraph."""
        if self.open is not None:
            self.deferred.append(draft)
            self.interrupted = True
        else:
            self.drafts.append(draft)

    def close(self) -> None:
        self.open = None
        self.interrupted = False
        self.drafts.extend(self.deferred)
        self.deferred = []

    def start(self, draft: Draft, can_continue: bool = True) -> None:
        self.close()
        self.drafts.append(draft)
        self.open = draft if can_continue else None
        self.last_heading = None

    def append(self, line: Line) -> None:
        self.open.add(line.number, *line.body)
        self.interrupted = False

    def continues_open(self, line: Line) -> bool:
        """The open paragraph stopped mid-sentence and this line carries it on."""
        if self.open is None or ends_sentence(self.open.last_text):
            return False
        if _BULLET.match(line.text):
            return False
        return line.page_start or _starts_lower(line.text) or self.open.last_text.endswith("-")

    # -- single-spaced layout: a blank line ends a paragraph ------------------------------

    def single_spaced_run(self, run: Run) -> None:
        lines = run.lines
        if self.raw and self.line_above_the_text(run):
            return
        if self.continues_open(run.first):
            width = max(len(line.text) for line in lines)
            heading = next((i for i in range(1, len(lines) - 1) if self.raw and _inline_heading(lines, i, width)), None)
            for line in lines[:heading]:
                self.append(line)
            self._after_body_run()
            if heading is not None:
                self.single_spaced_run(Run(lines[heading:], run.before_page_start))
            return
        if self.raw and self.heading_goes_on(run):
            return
        if self.raw and self.split_at_heading(run):
            return
        first = lines[0]
        numbered = NUMBERED.match(first.text)
        if len(lines) == 1 and _heading_like(first.marked, allow_colon=bool(numbered)):
            label, text = (numbered.group(1), numbered.group(2)) if numbered else (None, first.text)
            self.start(_marked(BlockKind.HEADING, first.number, text, label), can_continue=False)
            self.raw_heading(first)
            return
        for group in _paragraphs(lines):
            bullet = _BULLET.match(group[0].text)
            if bullet:
                draft = _marked(BlockKind.LIST_ITEM, group[0].number, bullet.group(2), bullet.group(1))
                rest = group[1:]
            else:
                draft, rest = Draft(BlockKind.PARAGRAPH), group
            self.start(draft)
            for line in rest:
                self.append(line)
        self._after_body_run()

    def line_above_the_text(self, run: Run) -> bool:
        """A lone short line opening a page, with a paragraph open: a heading set above the page's text
        (a header that does not repeat); the paragraph goes on after it."""
        first = run.first
        if not (first.page_start and len(run.lines) == 1 and self.open is not None):
            return False
        if not (first.text[0].isupper() and _heading_like(first.marked, allow_colon=False)):
            return False
        self.interrupt(_plain(BlockKind.HEADING, run.lines))
        return True

    def raw_heading(self, last: Line) -> None:
        """A heading just read from raw text, which a wrapped line apart from it may still go on."""
        if self.raw:
            self.last_heading, self.last_heading_number = self.drafts[-1], last.number

    def heading_goes_on(self, run: Run) -> bool:
        """The wrapped last line of the heading above (`-layout` put a row of the other column between)."""
        first, lines = run.first, run.lines
        if not (_starts_lower(first.text) and self._continues_heading(first) and not ends_sentence(first.marked)):
            return False
        if len(lines) > 1 and not (lines[1].text[0].isupper() or lines[1].text[0].isdigit()):
            return False
        self.last_heading.add(first.number, *first.body)
        self.last_heading = None
        if len(lines) > 1:
            self.single_spaced_run(Run(lines[1:], run.before_page_start))
        return True

    def split_at_heading(self, run: Run) -> bool:
        """Raw text sets a heading directly above its paragraph: read the lines before, it, and after apart."""
        lines = run.lines
        width = max(len(line.text) for line in lines)
        at = next((i for i in range(len(lines) - 1) if _inline_heading(lines, i, width)), None)
        if at is None:
            return False
        end = at + _inline_heading(lines, at, width)
        if at:
            self.single_spaced_run(Run(lines[:at], False))
        self.start(_plain(BlockKind.HEADING, lines[at:end]), can_continue=False)
        self.raw_heading(lines[end - 1])
        numbered = NUMBERED.match(self.drafts[-1].texts[0])
        if numbered:
            self.drafts[-1].label, self.drafts[-1].texts[0] = numbered.group(1), numbered.group(2)
        if end < len(lines):
            self.single_spaced_run(Run(lines[end:], run.before_page_start))
        return True

    def _after_body_run(self) -> None:
        if self.open is not None and ends_sentence(self.open.last_text):
            self.close()

    # -- double-spaced layout: body lines one per run -------------------------------------

    def double_spaced_run(self, run: Run) -> None:
        if len(run.lines) == 1:
            self.double_spaced_line(run.first)
            return
        lines, first = run.lines, run.first
        section = _SECTION_NUMBER.match(first.text)
        if self.open is None and _standalone_heading(first) and len(lines[1].text) > 1.5 * len(first.text):
            self.double_spaced_line(first)  # a heading set directly above its text
            self.double_spaced_run(Run(lines[1:], run.before_page_start))
        elif first.text[0] in "“\"'‘" and _capitals_share(lines) >= 0.8:
            self.pull_quote(run)
        elif section:
            self.section_heading(run, section)
        elif _BULLET.match(first.text):
            self.single_spaced_run(run)
        elif all(len(line.text) <= DISPLAY_MAX_CHARS for line in lines) and not any(
            line.text.endswith((".", ",", ";", "!")) for line in lines
        ):
            if self._continues_heading(first):
                for line in lines:
                    self.last_heading.add(line.number, *line.body)
                self.last_heading_number = lines[-1].number
            else:
                self.heading(_plain(BlockKind.HEADING, lines), lines[-1].number)
        elif statistics.median(len(line.text) for line in lines) > BOX_WIDTH_FACTOR * self.column:
            self.interrupt(_plain(BlockKind.BOX, lines))
        else:
            self.single_spaced_run(run)
            if self.open is not None and not self.open.last_text.endswith("-"):
                if ends_sentence(self.open.last_text) and not lines[-1].trailing_space:
                    self.close()

    def pull_quote(self, run: Run) -> None:
        """A quote in capitals, up to its closing quotation mark; what follows is read on."""
        lines = run.lines
        end = next((i for i, line in enumerate(lines) if _QUOTE_END.search(line.text)), len(lines) - 1)
        self.interrupt(_plain(BlockKind.PULL_QUOTE, lines[: end + 1]))
        if end + 1 < len(lines):
            self.double_spaced_run(Run(lines[end + 1 :], run.before_page_start))

    def section_heading(self, run: Run, section: re.Match) -> None:
        """`4.3. Hotspots` / `in de regio?`: short lines after the number, then body text."""
        lines = run.lines
        taken = 1
        while (
            taken < len(lines)
            and len(lines[taken].text) <= DISPLAY_MAX_CHARS
            and not lines[taken - 1].text.endswith(("?", ":"))
        ):
            taken += 1
        heading = _marked(BlockKind.HEADING, lines[0].number, section.group(2), section.group(1))
        for line in lines[1:taken]:
            heading.add(line.number, *line.body)
        self.heading(heading, lines[taken - 1].number)
        if taken < len(lines):
            self.single_spaced_run(Run(lines[taken:], run.before_page_start))

    def heading(self, draft: Draft, last_number: int) -> None:
        self.interrupt(draft)
        self.last_heading = draft
        self.last_heading_number = last_number

    def _continues_heading(self, line: Line) -> bool:
        return (
            self.last_heading is not None
            and line.number - self.last_heading_number <= 2
            and len(line.text) <= DISPLAY_MAX_CHARS
            and not ends_sentence(self.last_heading.last_text)
        )

    def double_spaced_line(self, line: Line) -> None:
        text = line.text
        if self._continues_heading(line) and not ends_sentence(line.marked) and not text.endswith(","):
            self.last_heading.add(line.number, *line.body)
            self.last_heading_number = line.number
            return
        list_start = _BULLET.match(text) or _LIST_NUMBER.match(text)
        if list_start:
            self.start(_marked(BlockKind.LIST_ITEM, line.number, list_start.group(2), list_start.group(1)))
        elif self.open is None and _standalone_heading(line):
            self.start(_marked(BlockKind.HEADING, line.number, text, None), can_continue=False)
            self.last_heading = self.drafts[-1]
            self.last_heading_number = line.number
        elif self.open is not None and not (self.interrupted and ends_sentence(self.open.last_text)):
            self.append(line)
        else:
            self.start(Draft(BlockKind.PARAGRAPH))
            self.append(line)
        if self.open is not None and ends_sentence(line.marked):
            if not line.trailing_space or len(text) < SHORT_LINE_FACTOR * self.column:
                self.close()


def _run_kind(run: Run) -> str:
    first = run.first.text
    if len(run.lines) == 1 and _PAGE_NUMBER.match(first):
        return "page_number"
    if _NOTE_START.match(first) and run.before_page_start:
        return "notes"
    return "text"


def _notes(run: Run) -> list[Draft]:
    notes: list[Draft] = []
    for line in run.lines:
        start = _NOTE_START.match(line.text)
        if start or not notes:
            notes.append(Draft(BlockKind.NOTE, label=start.group(1) if start else None))
        notes[-1].add(line.number, start.group(2) if start else line.text)
    return notes


def _starts_lower(text: str) -> bool:
    return text[0].islower() or text[0] in "(‘“\"'["


def _plain(kind: BlockKind, lines: list[Line]) -> Draft:
    draft = Draft(kind)
    for line in lines:
        draft.add(line.number, *line.body)
    return draft


def _marked(kind: BlockKind, number: int, text: str, label: str | None) -> Draft:
    """A one-line draft of `text`, its footnote markers replaced by placeholders."""
    draft = Draft(kind, label=label)
    draft.add(number, *mark_line(text))
    return draft


def _heading_like(text: str, allow_colon: bool) -> bool:
    if len(text) > HEADING_MAX_CHARS or text.endswith((",", ";", "-")):
        return False
    if text.endswith(":"):
        return allow_colon
    return not ends_sentence(text) and (text[0].isupper() or text[0].isdigit())


def _inline_heading(lines: list[Line], index: int, width: int) -> int:
    """How many lines from `index` form a heading set directly above its paragraph (0: none).

    Up to three short lines that end no sentence, between a sentence end (or the
    run's start) and a line opening with a capital.
    """
    first = lines[index]
    if index and not ends_sentence(lines[index - 1].marked):
        return 0
    if _BULLET.match(first.text) or not _heading_like(first.marked, allow_colon=bool(NUMBERED.match(first.text))):
        return 0
    for end in range(index + 1, min(index + 4, len(lines))):
        line = lines[end - 1]
        if len(line.text) >= SHORT_LINE_FACTOR * width or ends_sentence(line.marked) and end - 1 > index:
            return 0
        if line.text.endswith((",", ";", "-")):
            return 0
        following = lines[end].text[0]
        if following.isupper() or following.isdigit():
            return end - index
    return 0


def _standalone_heading(line: Line) -> bool:
    text = line.text
    return (
        len(text) <= DISPLAY_MAX_CHARS
        and len(text.split()) <= 3
        and text[0].isupper()
        and not line.trailing_space
        and not text.endswith((".", ",", ";", ":", "!", "?", "-"))
    )


def _capitals_share(lines: list[Line]) -> float:
    letters = [c for line in lines for c in line.text if c.isalpha()]
    return sum(c.isupper() for c in letters) / max(len(letters), 1)


def _paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Split a run where a short line ends a sentence and the next starts with a capital."""
    if len(lines) < 3:
        return [lines]
    width = max(len(line.text) for line in lines)
    groups: list[list[Line]] = [[lines[0]]]
    for previous, line in zip(lines, lines[1:]):
        short = len(previous.text) < 0.75 * width
        if short and ends_sentence(previous.marked) and line.text[0].isupper():
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def _is_closer(run: Run) -> bool:
    lines = run.lines
    return (
        2 <= len(lines) <= 3
        and bool(CLOSER_FIRST_LINE.match(lines[0].text))
        and all(len(line.text) <= 70 for line in lines)
        and len(lines[-1].text) <= 40
    )


class TextLayout(NamedTuple):
    """What the reader makes of a PDF text; `warnings` name what it guessed (for the document)."""

    drafts: list[Draft]
    vocabulary: Vocabulary
    warnings: list[str]


def read_layout(source: list[SourceLine]) -> TextLayout:
    """Block drafts of a PDF text in reading order, the document's vocabulary, and what was guessed."""
    if has_pages(source):
        return _raw_layout(source)
    lines = read_lines(source)
    runs = split_runs(lines)
    vocabulary = Vocabulary(line.text for line in lines if line is not None)
    return TextLayout(PdfTextLayout(_corpus_items(runs), runs).drafts_in_order(), vocabulary, [])


def layout(source: list[SourceLine]) -> tuple[list[Draft], Vocabulary]:
    """Block drafts of a PDF text in reading order, and the document's vocabulary."""
    drafts, vocabulary, _ = read_layout(source)
    return drafts, vocabulary


def _corpus_items(runs: list[Run]) -> list[Run | Draft]:
    """Tidied extraction (no form feeds): page starts, page numbers and notes told by the runs themselves."""
    items: list[Run | Draft] = []
    for run in runs:
        if run.first.page_start:
            items.append(Draft(BlockKind.PAGE_BREAK, numbers=[run.first.number]))
        kind = _run_kind(run)
        if kind == "page_number":
            items.append(Draft(BlockKind.PAGE_NUMBER, numbers=[run.first.number], label=run.first.text))
        elif kind == "notes":
            items.extend(_notes(run))
        else:
            items.append(run)
    return items


def _raw_layout(source: list[SourceLine]) -> TextLayout:
    """Raw pdftotext output: `rawpages` decides furniture, notes and columns; the runs are read as above."""
    pieces, warnings = read_pages(source)
    items: list[Run | Draft] = []
    runs: list[Run] = []
    texts: list[str] = []
    for piece in pieces:
        if isinstance(piece, Draft):
            items.append(piece)
            texts.extend(piece.texts)
            continue
        lines = read_lines(piece.lines, space_starts_page=False)
        first = next((i for i, line in enumerate(lines) if line is not None), None)
        if first is None:
            continue
        lines[first] = replace(lines[first], page_start=True)  # a page or column starts: a cut paragraph goes on
        stretch_runs = [replace(run, box=piece.box) for run in split_runs(lines)]
        items.extend(stretch_runs)
        runs.extend(run for run in stretch_runs if not run.box)
        texts.extend(line.text for run in stretch_runs for line in run.lines)
    vocabulary = Vocabulary(texts)
    return TextLayout(PdfTextLayout(items, runs, raw=True).drafts_in_order(), vocabulary, warnings)

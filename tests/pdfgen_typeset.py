"""The typesetter of the generated PDFs: frames, notes, furniture, and the ground truth.

`typeset(layout)` flows a text (see pdfgen_texts) through pages and columns, places
each note at the foot of the page where its marker stands (carrying what exceeds a
page's note space to the next page), and records the `Truth`; `render` draws it with
reportlab (invariant mode: the same layout gives the same bytes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pdfgen_texts import TEXTS
from pdfgen_words import MARKER, SUPERSCRIPT_SCALE, Breaker, Line, _words
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

_FONTS = {
    "Times": ("Times-Roman", "Times-Bold", "Times-Italic"),
    "Helvetica": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique"),
}
NOTE_INDENT = 14.0  # a note's text stands this far right of its label


@dataclass(frozen=True)
class Layout:
    name: str
    text: str  # a key of pdfgen_texts.TEXTS
    columns: int = 1
    page: tuple[float, float] = (420.0, 595.0)
    margin: float = 48.0
    family: str = "Times"
    size: float = 10.0
    note_size: float = 7.5
    header: str = ""  # running header, left; "" for none
    header_page: bool = False  # the page number stands in the header line, right
    footer_text: str = ""  # footer text left of the page number
    page_style: str = "plain"  # plain, dashes, slash, pagina, blz, roman
    heading_style: str = "size"  # size (larger) or bold (body size, bold)
    side: bool = False  # boxes and pull quotes beside the body (else left out)
    indent: bool = False  # first-line indent instead of space between paragraphs
    note_lines_cap: int = 12  # most note lines per page; the rest continues on the next
    note_label_super: bool = False  # note labels set as superscripts
    cut_at_breaks: bool = True
    repeat: int = 1  # typeset the text this many times (long documents)
    gutter: float = 16.0
    side_width: float = 96.0
    justify: bool = False  # lines filled to the column width by word spacing (Tw)
    header_from: int = 1  # the running header starts on this page (a letterhead page before)
    header_as_form: bool = False  # the running header is one form XObject placed on every page
    title: str = ""  # a title across all columns at the top of the first page
    glued_markers: bool = False  # note markers in body type glued to the word (`houden3`)
    word_objects: bool = False  # one text object per word, spaces only as gaps (as some tools write)


@dataclass
class Break:
    page: int  # 1-based page where the text continues
    kind: str  # "page" or "column"
    word: str | None  # the (unhyphenated) word cut by the break, if any
    sentence_cut: bool


@dataclass
class Truth:
    paragraphs: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)  # body sentences in order
    headings: list[str] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (label, text)
    boxes: list[str] = field(default_factory=list)
    pull_quotes: list[str] = field(default_factory=list)
    headers: list[list[str]] = field(default_factory=list)  # per page: strings on the header line
    footers: list[list[str]] = field(default_factory=list)  # per page: strings on the footer line
    page_numbers: list[str] = field(default_factory=list)  # the printed page-number strings
    breaks: list[Break] = field(default_factory=list)
    continued_notes: list[str] = field(default_factory=list)  # labels of notes split over two pages

    @property
    def pages(self) -> int:
        return len(self.headers)

    def all_text(self) -> str:
        """Every string typeset on the pages (note labels included)."""
        parts = self.paragraphs + self.headings + self.boxes + self.pull_quotes
        parts += [f"{label} {text}" for label, text in self.notes]
        parts += [s for page in self.headers + self.footers for s in page]
        return "\n".join(parts)


# -- pages -------------------------------------------------------------------------


@dataclass
class Op:
    x: float
    y: float
    text: str
    font: str
    size: float
    word_space: float = 0.0  # extra points per space (justified lines)


@dataclass
class Page:
    ops: list[Op] = field(default_factory=list)
    rects: list[tuple[float, float, float, float]] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # note labels whose markers stand here
    side_y: float = 0.0


class Typesetter:
    def __init__(self, layout: Layout, reserve: dict[int, float]):
        self.layout = layout
        self.reserve = reserve
        regular, bold, italic = _FONTS[layout.family]
        self.regular, self.bold, self.italic = regular, bold, italic
        self.leading = layout.size * 1.3
        width, height = layout.page
        self.top = height - layout.margin - 14
        self.bottom = layout.margin + 14
        body_width = width - 2 * layout.margin - (layout.side_width + layout.gutter if layout.side else 0)
        column = (body_width - layout.gutter * (layout.columns - 1)) / layout.columns
        self.columns = [layout.margin + i * (column + layout.gutter) for i in range(layout.columns)]
        self.column_width = column
        self.body_width = body_width
        self.side_x = layout.margin + body_width + layout.gutter
        self.pages: list[Page] = []
        self.truth = Truth()
        self.title_bottom = 0.0
        self.new_page()
        if layout.title:
            self.set_title(layout.title)

    # frames
    def new_page(self) -> None:
        self.pages.append(Page(side_y=self.top))
        self.column = 0
        self.y = self.frame_top()

    def frame_top(self) -> float:
        return self.title_bottom if len(self.pages) == 1 and self.title_bottom else self.top

    def frame_bottom(self) -> float:
        return self.bottom + self.reserve.get(len(self.pages), 0.0)

    def next_frame(self) -> str:
        if self.column + 1 < len(self.columns):
            self.column += 1
            self.y = self.frame_top()
            return "column"
        self.new_page()
        return "page"

    def at_top(self) -> bool:
        return self.y == self.frame_top()

    def room(self, height: float) -> bool:
        return self.y - height >= self.frame_bottom()

    # content
    def heading(self, text: str) -> None:
        size = self.layout.size * (1.3 if self.layout.heading_style == "size" else 1.0)
        font = self.bold if self.layout.heading_style == "bold" or size > self.layout.size else self.regular
        breaker = Breaker(_words(text), font, size, hyphenate=False)
        lines = []
        while not breaker.done():
            lines.append(breaker.next_line(self.column_width).text())
        height = size * 1.3
        gap = 0 if self.at_top() else self.leading
        if not self.room(gap + len(lines) * height + 2 * self.leading):
            self.next_frame()
            gap = 0
        for line in lines:
            self.y -= gap + height
            self.pages[-1].ops.append(Op(self.columns[self.column], self.y, line, font, size))
            gap = 0
        self.truth.headings.append(text)

    def set_title(self, text: str) -> None:
        """A title across the whole body width; the columns of page 1 start below it."""
        size = self.layout.size * 1.8
        self.y -= size
        self.pages[-1].ops.append(Op(self.columns[0], self.y, text, self.bold, size))
        self.truth.headings.append(text)
        self.title_bottom = self.y - size
        self.y = self.title_bottom

    def paragraph(self, sentences: list[str]) -> None:
        text = " ".join(sentences)
        self.truth.paragraphs.append(MARKER.sub("", text))
        self.truth.sentences.extend(MARKER.sub("", s) for s in sentences)
        breaker = Breaker(_words(text), self.regular, self.layout.size)
        if self.layout.indent:
            gap = 0.0
        else:
            gap = 0.0 if self.at_top() else self.leading * 0.6
        first = True
        previous: Line | None = None
        while not breaker.done():
            if not self.room(gap + self.leading):
                kind = self.next_frame()
                gap = 0.0
                if previous is not None:
                    ended = previous.text().rstrip("’”)\"'").endswith((".", "!", "?"))
                    self.truth.breaks.append(
                        Break(len(self.pages), kind, previous.cut, not ended or bool(previous.cut))
                    )
            self.y -= gap + self.leading
            gap = 0.0
            last_in_frame = not self.room(self.leading)
            indent = 14.0 if self.layout.indent and first else 0.0
            width = self.column_width - indent
            line = breaker.next_line(width, self.layout.cut_at_breaks and last_in_frame)
            self.draw_line(
                line, self.columns[self.column] + indent, width if self.layout.justify and not breaker.done() else 0
            )
            previous, first = line, False

    def draw_line(self, line: Line, x: float, justify_to: float = 0.0) -> None:
        """One string per stretch of normal text (as word processors write), superscripts apart.

        `justify_to`: fill the line to this width by widening its spaces (the PDF's Tw).
        """
        page = self.pages[-1]
        size, small = self.layout.size, self.layout.size * SUPERSCRIPT_SCALE
        spaces = len(line.words) - 1
        natural = sum(w.width(self.regular, size) for w in line.words) + spaces * stringWidth(" ", self.regular, size)
        extra = (justify_to - natural) / spaces if justify_to and spaces else 0.0
        pending = ""
        for index, word in enumerate(line.words):
            for text, sup in word.runs:
                if sup:
                    page.anchors.append(text)
                if not sup or self.layout.glued_markers:
                    pending += text
                    continue
                if pending:
                    page.ops.append(Op(x, self.y, pending, self.regular, size, extra))
                    x += stringWidth(pending, self.regular, size) + extra * pending.count(" ")
                    pending = ""
                page.ops.append(Op(x, self.y + size * 0.35, text, self.regular, small))
                x += stringWidth(text, self.regular, small)
            if index < len(line.words) - 1:
                pending += " "
                if self.layout.word_objects:  # each word placed on its own, no space characters
                    if pending.strip():
                        page.ops.append(Op(x, self.y, pending[:-1], self.regular, size))
                    x += stringWidth(pending, self.regular, size) + extra
                    pending = ""
        if pending:
            page.ops.append(Op(x, self.y, pending, self.regular, size, extra))

    def side_item(self, kind: str, text: str) -> None:
        if not self.layout.side:
            return
        if kind == "box":
            font, size, pad = self.regular if self.layout.family == "Helvetica" else "Helvetica", 8.0, 6.0
            self.truth.boxes.append(text)
        else:
            font, size, pad = self.italic, self.layout.size * 1.15, 0.0
            self.truth.pull_quotes.append(text)
        breaker = Breaker(_words(text), font, size)
        lines = []
        while not breaker.done():
            lines.append(breaker.next_line(self.layout.side_width - 2 * pad))
        height = len(lines) * size * 1.3 + 2 * pad
        page = self.pages[-1]
        if page.side_y - height < self.frame_bottom():
            return self._defer_side(kind, text)
        top = page.side_y
        if kind == "box":
            page.rects.append((self.side_x, top - height, self.layout.side_width, height))
        y = top - pad
        for line in lines:
            y -= size * 1.3
            page.ops.append(Op(self.side_x + pad, y, line.text(), font, size))
        page.side_y = top - height - self.leading

    def _defer_side(self, kind: str, text: str) -> None:
        raise ValueError(f"side {kind} does not fit beside the body: {text[:30]}")


def _roman(number: int) -> str:
    values = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for value, letters in values:
        while number >= value:
            out += letters
            number -= value
    return out


def page_number(style: str, number: int, total: int) -> str:
    return {
        "plain": str(number),
        "dashes": f"- {number} -",
        "slash": f"{number}/{total}",
        "pagina": f"Pagina {number} van {total}",
        "blz": f"blz. {number}",
        "roman": _roman(number),
    }[style]


# -- notes -------------------------------------------------------------------------


def _note_lines(layout: Layout, label: str, text: str, width: float) -> list[tuple[str, str, bool]]:
    """(label or "", line text, label is superscript) per line of a note."""
    font = _FONTS[layout.family][0]
    breaker = Breaker(_words(text), font, layout.note_size)
    lines, indent = [], NOTE_INDENT
    while not breaker.done():
        lines.append(("" if lines else label, breaker.next_line(width - indent).text(), layout.note_label_super))
    return lines


def _place_notes(layout: Layout, pages: list[Page], notes: dict[str, str], width: float):
    """Note lines per page (carrying what exceeds the cap to the next page), and split notes."""
    seen: set[str] = set()
    per_page: list[list[tuple[str, str, bool]]] = []
    carried: list[tuple[str, str, bool]] = []
    continued: list[str] = []
    for page in pages:
        queue = list(carried)
        for label in page.anchors:
            if label not in seen:
                seen.add(label)
                queue.extend(_note_lines(layout, label, notes[label], width))
        placed, carried = queue[: layout.note_lines_cap], queue[layout.note_lines_cap :]
        if carried and carried[0][0] == "" and placed:
            owner = next(line[0] for line in reversed(placed) if line[0])
            continued.append(owner)
        per_page.append(placed)
    while carried:  # notes left after the last page: add pages for them
        per_page.append(carried[: layout.note_lines_cap])
        carried = carried[layout.note_lines_cap :]
    return per_page, continued


def _note_height(layout: Layout, count: int) -> float:
    return count * layout.note_size * 1.25 + (layout.size if count else 0)


# -- the document --------------------------------------------------------------------


def typeset(layout: Layout) -> tuple[list[Page], Truth, list[list[tuple[str, str, bool]]], list[str]]:
    keys = layout.text.split("+")  # several texts, one after the other, repeated
    reserve: dict[int, float] = {}
    for _ in range(8):
        setter = Typesetter(layout, reserve)
        all_notes = {}
        for round_ in range(layout.repeat):
            items, notes = TEXTS[keys[round_ % len(keys)]]
            offset = len(all_notes)  # notes are numbered on through the repeated texts
            all_notes.update({str(offset + int(label)): text for label, text in notes.items()})
            for kind, content in items:
                if kind == "h":
                    setter.heading(content)
                elif kind == "p":
                    setter.paragraph([_renumbered(sentence, offset) for sentence in content])
                else:
                    setter.side_item(kind, content)
        per_page, continued = _place_notes(layout, setter.pages, all_notes, setter.body_width)
        wanted = {i + 1: _note_height(layout, len(lines)) for i, lines in enumerate(per_page)}
        merged = {page: max(reserve.get(page, 0.0), wanted.get(page, 0.0)) for page in set(reserve) | set(wanted)}
        if merged == reserve:
            break
        reserve = merged
    order = [label for page in setter.pages for label in page.anchors]
    setter.truth.notes = [(label, all_notes[label]) for label in dict.fromkeys(order)]
    setter.truth.continued_notes = continued
    while len(setter.pages) < len(per_page):
        setter.pages.append(Page())
    return setter.pages, setter.truth, per_page, continued


def _renumbered(sentence: str, offset: int) -> str:
    return MARKER.sub(lambda m: f"[^{offset + int(m.group(1))}]", sentence)


def render(layout: Layout, path: Path, **canvas_options) -> Truth:
    pages, truth, notes, _ = typeset(layout)
    width, height = layout.page
    pdf = canvas.Canvas(str(path), pagesize=layout.page, invariant=1, pageCompression=1, **canvas_options)
    pdf.setTitle(layout.name)
    total = len(pages)
    for number, (page, note_lines) in enumerate(zip(pages, notes), start=1):
        pdf.setFillGray(0.9)
        for x, y, w, h in page.rects:
            pdf.rect(x, y, w, h, stroke=0, fill=1)
        pdf.setFillGray(0)
        for op in page.ops:
            if op.word_space:
                text = pdf.beginText(op.x, op.y)
                text.setFont(op.font, op.size)
                text.setWordSpace(op.word_space)
                text.textOut(op.text)
                pdf.drawText(text)
            else:
                pdf.setFont(op.font, op.size)
                pdf.drawString(op.x, op.y, op.text)
        _draw_notes(pdf, layout, note_lines)
        truth.headers.append(_draw_header(pdf, layout, number, total, width, height))
        truth.footers.append(_draw_footer(pdf, layout, number, total, width))
        truth.page_numbers.append(page_number(layout.page_style, number, total))
        pdf.showPage()
    pdf.save()
    return truth


def _draw_notes(pdf: canvas.Canvas, layout: Layout, lines: list[tuple[str, str, bool]]) -> None:
    if not lines:
        return
    regular = _FONTS[layout.family][0]
    y = layout.margin + 14 + len(lines) * layout.note_size * 1.25
    pdf.setLineWidth(0.5)
    pdf.line(layout.margin, y + layout.note_size * 0.6, layout.margin + 60, y + layout.note_size * 0.6)
    for label, text, sup in lines:
        y -= layout.note_size * 1.25
        if label:
            size = layout.note_size * (SUPERSCRIPT_SCALE if sup else 1.0)
            pdf.setFont(regular, size)
            pdf.drawString(layout.margin, y + (layout.note_size * 0.35 if sup else 0), label)
        pdf.setFont(regular, layout.note_size)
        pdf.drawString(layout.margin + NOTE_INDENT, y, text)


def _draw_header(pdf: canvas.Canvas, layout: Layout, number: int, total: int, width: float, height: float) -> list[str]:
    strings = []
    y = height - layout.margin + 4
    if number < layout.header_from:
        return strings
    pdf.setFont("Helvetica", 7.5)
    if layout.header and layout.header_as_form:
        if number == layout.header_from:
            pdf.beginForm("header")
            pdf.setFont("Helvetica", 7.5)
            pdf.drawString(0, 0, layout.header)
            pdf.endForm()
        pdf.saveState()
        pdf.translate(layout.margin, y)
        pdf.doForm("header")
        pdf.restoreState()
        strings.append(layout.header)
    elif layout.header:
        pdf.drawString(layout.margin, y, layout.header)
        strings.append(layout.header)
    if layout.header_page:
        text = page_number(layout.page_style, number, total)
        pdf.drawRightString(width - layout.margin, y, text)
        strings.append(text)
    return strings


def _draw_footer(pdf: canvas.Canvas, layout: Layout, number: int, total: int, width: float) -> list[str]:
    strings = []
    y = layout.margin - 12
    pdf.setFont("Helvetica", 7.5)
    if layout.footer_text:
        pdf.drawString(layout.margin, y, layout.footer_text)
        strings.append(layout.footer_text)
    if not layout.header_page:
        text = page_number(layout.page_style, number, total)
        if layout.footer_text:
            pdf.drawRightString(width - layout.margin, y, text)
        else:
            pdf.drawCentredString(width / 2, y, text)
        strings.append(text)
    return strings

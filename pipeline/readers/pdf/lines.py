"""Text lines of a PDF page with their position, size and style, read with pdfium.

pdfium gives the page's text objects (one per text-showing operator, inside form
XObjects too); `page_lines` turns them into `TextLine`s: fragments on one baseline
that follow each other closely. A fragment set smaller and raised against its line
and reading like a note marker (`1`, `12`, `*`, `†`) is a superscript note marker: it
becomes the PLACEHOLDER of `notemarks` in the line's text, its label in `labels`.

pdfium reports a hyphen at the end of a line as U+0002; it is written back as `-`,
so that dehyphenation decides about it like about any other line-end hyphen.
Coordinates are PDF points, y upwards from the bottom of the page.
"""

from __future__ import annotations

import ctypes
import math
import re
from dataclasses import dataclass, field

import pypdfium2.raw as pdfium_c

from ..notemarks import PLACEHOLDER
from .gutters import spans_gutter

MAX_CHARS_PER_PAGE = 400_000
_MARKER = re.compile(r"^(\d{1,3}|\*{1,3}|[†‡§])$")
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_ITALIC_NAME = re.compile(r"italic|oblique", re.IGNORECASE)
# pdfium's line-end hyphen (U+0002) back to "-"; ligatures spelt out; line breaks as
# spaces; U+FFFE/U+FFFF (never text, and U+FFFF is the marker placeholder) dropped
_CLEAN = str.maketrans(
    {"\x02": "-", "\r": " ", "\n": " ", "\ufffe": None, "\uffff": None}
    | {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
_FORCE_BOLD = 1 << 18
_ITALIC_FLAG = 1 << 6
SUPERSCRIPT_SIZE = 0.85  # a marker is set at most this size of its line
SUPERSCRIPT_RISE = 0.15  # and raised at least this share of the line's size
WORD_GAP = 0.15  # a gap wider than this share of the size between fragments is a space
WIDE_GAP = 3.0  # a gap this many sizes wide separates two lines even without a gutter
LABEL_GAP = 3.0  # a note label may stand this many sizes before its text
BASELINE_TOLERANCE = 0.2  # fragments this close (share of the size) share a baseline


@dataclass
class Fragment:
    text: str
    x0: float
    x1: float
    y: float  # baseline
    size: float
    bold: bool
    italic: bool
    rotated: bool = False


@dataclass
class TextLine:
    page: int  # 1-based page index in the file
    x0: float
    x1: float
    y: float  # baseline of the line's main text
    size: float  # font size of its main text
    bold: bool
    italic: bool
    text: str  # superscript markers as PLACEHOLDER
    labels: list[str] = field(default_factory=list)
    rotated: bool = False

    @property
    def plain(self) -> str:
        """The text without marker placeholders."""
        return self.text.replace(PLACEHOLDER, "")

    @property
    def starts_with_marker(self) -> bool:
        return self.text.startswith(PLACEHOLDER)


class _Fonts:
    """Bold and italic per pdfium font handle, looked up once."""

    def __init__(self):
        self.cache: dict[int, tuple[bool, bool]] = {}

    def style(self, font) -> tuple[bool, bool]:
        key = ctypes.cast(font, ctypes.c_void_p).value or 0
        if key not in self.cache:
            length = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
            buffer = ctypes.create_string_buffer(max(length, 1))
            pdfium_c.FPDFFont_GetBaseFontName(font, buffer, length)
            name = buffer.value.decode("latin-1")
            flags = pdfium_c.FPDFFont_GetFlags(font)
            angle = ctypes.c_int(0)
            pdfium_c.FPDFFont_GetItalicAngle(font, angle)
            bold = (
                bool(_BOLD_NAME.search(name)) or bool(flags & _FORCE_BOLD) or pdfium_c.FPDFFont_GetWeight(font) >= 600
            )
            italic = bool(_ITALIC_NAME.search(name)) or bool(flags & _ITALIC_FLAG) or angle.value != 0
            self.cache[key] = (bold, italic)
        return self.cache[key]


def page_fragments(page, textpage, fonts: _Fonts) -> list[Fragment]:
    """The text fragments of one page (form XObjects included), in page coordinates."""
    fragments: list[Fragment] = []
    count = pdfium_c.FPDFPage_CountObjects(page.raw)
    objects = (pdfium_c.FPDFPage_GetObject(page.raw, i) for i in range(count))
    _collect(objects, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), textpage, fonts, fragments, [0])
    return fragments


def _collect(objects, outer, textpage, fonts: _Fonts, fragments: list[Fragment], chars: list[int]) -> None:
    for obj in objects:
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            matrix = _compose(outer, _matrix(obj))
            inner = (pdfium_c.FPDFFormObj_GetObject(obj, i) for i in range(pdfium_c.FPDFFormObj_CountObjects(obj)))
            _collect(inner, matrix, textpage, fonts, fragments, chars)
        elif kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            fragment = _fragment(obj, outer, textpage, fonts)
            if fragment is not None:
                chars[0] += len(fragment.text)
                if chars[0] > MAX_CHARS_PER_PAGE:
                    raise ValueError(f"more than {MAX_CHARS_PER_PAGE:,} characters on one page")
                fragments.append(fragment)


def _matrix(obj) -> tuple[float, ...]:
    m = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(obj, m)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(outer: tuple[float, ...], inner: tuple[float, ...]) -> tuple[float, ...]:
    """The matrix applying `inner` first, then `outer` (PDF row-vector convention)."""
    a1, b1, c1, d1, e1, f1 = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    )


def _fragment(obj, outer, textpage, fonts: _Fonts) -> Fragment | None:
    length = pdfium_c.FPDFTextObj_GetText(obj, textpage.raw, None, 0)
    if length <= 2:
        return None
    buffer = (ctypes.c_ushort * (length // 2))()
    pdfium_c.FPDFTextObj_GetText(obj, textpage.raw, buffer, length)
    text = bytes(buffer).decode("utf-16-le", errors="replace").rstrip("\x00").translate(_CLEAN)
    if not text.strip():
        return None
    a, b, c, d, e, f = _compose(outer, _matrix(obj))
    size = ctypes.c_float(0)
    pdfium_c.FPDFTextObj_GetFontSize(obj, size)
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    scale = math.sqrt(abs(a * d - b * c)) or 1.0
    x0, x1 = _transform_x(outer, left.value, bottom.value), _transform_x(outer, right.value, bottom.value)
    bold, italic = fonts.style(pdfium_c.FPDFTextObj_GetFont(obj))
    rotated = abs(b) > 0.1 * abs(a) or abs(c) > 0.1 * abs(d) or a <= 0
    return Fragment(text, min(x0, x1), max(x0, x1), f, size.value * scale, bold, italic, rotated)


def _transform_x(matrix: tuple[float, ...], x: float, y: float) -> float:
    a, b, c, d, e, f = matrix
    return a * x + c * y + e


def rows(fragments: list[Fragment]) -> list[list[Fragment]]:
    """Upright fragments on one baseline (within BASELINE_TOLERANCE of their size), top to bottom."""
    found: list[list[Fragment]] = []
    for fragment in sorted((f for f in fragments if not f.rotated), key=lambda f: -f.y):
        if found and found[-1][0].y - fragment.y <= BASELINE_TOLERANCE * max(fragment.size, found[-1][0].size):
            found[-1].append(fragment)
        else:
            found.append([fragment])
    return found


def page_lines(page_index: int, page_rows: list[list[Fragment]], rotated: list[Fragment], gutters) -> list[TextLine]:
    """Rows cut into lines at gutters, raised markers joined to their line, top to bottom."""
    groups = [group for row in page_rows for group in _split_row(row, gutters)]
    groups = _attach_raised_markers(groups)
    lines = [_line(page_index, group) for group in groups]
    lines += [_line(page_index, [f]) for f in rotated]
    lines.sort(key=lambda line: (-round(line.y, 1), line.x0))
    return lines


def _split_row(row: list[Fragment], gutters: list[tuple[float, float]]) -> list[list[Fragment]]:
    """A row cut where a gap spans a gutter, or is wider than WIDE_GAP times the size."""
    row.sort(key=lambda f: f.x0)
    groups: list[list[Fragment]] = [[row[0]]]
    for fragment in row[1:]:
        previous = groups[-1][-1]
        gap, size = fragment.x0 - previous.x1, max(fragment.size, previous.size)
        if gap > WIDE_GAP * size or (gap > WORD_GAP * size and spans_gutter(previous.x1, fragment.x0, gutters)):
            groups.append([fragment])
        else:
            groups[-1].append(fragment)
    return groups


def _attach_raised_markers(groups: list[list[Fragment]]) -> list[list[Fragment]]:
    """A lone small marker raised above a line's baseline, beside or inside it, joins that line."""
    kept: list[list[Fragment]] = []
    markers: list[Fragment] = []
    for group in groups:
        if len(group) == 1 and _MARKER.match(group[0].text.strip()):
            markers.append(group[0])
        else:
            kept.append(group)
    for marker in markers:
        host = _host(marker, kept)
        if host is None:
            kept.append([marker])
        else:
            host.append(marker)
            host.sort(key=lambda f: f.x0)
    return kept


def _host(marker: Fragment, groups: list[list[Fragment]]) -> list[Fragment] | None:
    best, best_rise = None, 0.0
    for group in groups:
        size = max(f.size for f in group)
        y = group[0].y
        rise = marker.y - y
        if marker.size > SUPERSCRIPT_SIZE * size or not SUPERSCRIPT_RISE * size <= rise <= 0.7 * size:
            continue
        x0, x1 = group[0].x0, max(f.x1 for f in group)
        if x0 - LABEL_GAP * size <= marker.x0 <= x1 + 0.5 * size and (best is None or rise < best_rise):
            best, best_rise = group, rise
    return best


def _line(page_index: int, fragments: list[Fragment]) -> TextLine:
    main = max(fragments, key=lambda f: (f.size, len(f.text.strip())))
    size = max(f.size for f in fragments if abs(f.y - main.y) < 0.1 * main.size) if fragments else main.size
    text, labels = "", []
    previous: Fragment | None = None
    weights = {True: 0, False: 0}
    italics = {True: 0, False: 0}
    for fragment in fragments:
        marker = _is_marker(fragment, size, main.y, text)
        if previous is not None and fragment.x0 - previous.x1 > WORD_GAP * size:
            if not text.endswith(" ") and not fragment.text.startswith(" ") and not marker:
                text += " "
        if marker:
            text = text.rstrip(" ") if not text.endswith(PLACEHOLDER) else text
            text += PLACEHOLDER
            labels.append(fragment.text.strip())
        else:
            text += fragment.text
            weights[fragment.bold] += len(fragment.text)
            italics[fragment.italic] += len(fragment.text)
        previous = fragment
    x0, x1 = fragments[0].x0, max(f.x1 for f in fragments)
    text = " ".join(text.split())
    return TextLine(
        page_index,
        x0,
        x1,
        main.y,
        size,
        weights[True] > weights[False],
        italics[True] > italics[False],
        text,
        labels,
        rotated=main.rotated,
    )


def _is_marker(fragment: Fragment, size: float, baseline: float, before: str) -> bool:
    """Small, raised, marker-like, and not an ordinal or unit after a digit (`1e`, `m2`)."""
    if fragment.size > SUPERSCRIPT_SIZE * size or fragment.y < baseline + SUPERSCRIPT_RISE * size:
        return False
    if not _MARKER.match(fragment.text.strip()):
        return False
    return not before.rstrip()[-1:].isdigit() if before.strip() else True

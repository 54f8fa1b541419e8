"""Text fragments of a PDF page, read with pdfium: text, extent, baseline, size, style.

pdfium gives a page's text objects (one per text-showing operator; inside form
XObjects too, placed by their matrices). Each becomes a `Fragment`. pdfium reports a
hyphen at the end of a line as U+0002; it is written back as `-`, so that
dehyphenation decides about it like about any other line-end hyphen. A page with more
than MAX_CHARS_PER_PAGE characters is refused (a content-stream bomb).
"""

from __future__ import annotations

import ctypes
import math
import re
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

MAX_CHARS_PER_PAGE = 400_000
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


class FontStyles:
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


def page_fragments(page, textpage, fonts: FontStyles) -> list[Fragment]:
    """The text fragments of one page (form XObjects included), in page coordinates."""
    fragments: list[Fragment] = []
    count = pdfium_c.FPDFPage_CountObjects(page.raw)
    objects = (pdfium_c.FPDFPage_GetObject(page.raw, i) for i in range(count))
    _collect(objects, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), textpage, fonts, fragments, [0])
    return fragments


def _collect(objects, outer, textpage, fonts: FontStyles, fragments: list[Fragment], chars: list[int]) -> None:
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


def _fragment(obj, outer, textpage, fonts: FontStyles) -> Fragment | None:
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

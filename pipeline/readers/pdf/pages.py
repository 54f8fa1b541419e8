"""The pages of an opened PDF as lists of `TextLine`s (see `lines`)."""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2 as pdfium

from ...errors import InputError
from .fragments import FontStyles, page_fragments
from .gutters import find_gutters
from .lines import TextLine, page_lines, rows


@dataclass
class Page:
    index: int  # 1-based
    width: float
    height: float
    lines: list[TextLine]


def read_pages(path: object, document) -> list[Page]:
    """Every page's lines; rows are cut into lines at the gutters found over all pages."""
    fonts = FontStyles()
    read = []
    for index in range(len(document)):
        try:
            page = document[index]
            textpage = page.get_textpage()
        except pdfium.PdfiumError:
            raise InputError(path, f"damaged PDF: page {index + 1} cannot be read") from None
        try:
            fragments = page_fragments(page, textpage, fonts)
        except ValueError as exc:
            raise InputError(path, f"page {index + 1}: {exc}; refused as hostile or broken") from None
        finally:
            textpage.close()
        width, height = page.get_size()
        page.close()
        read.append((width, height, rows(fragments), [f for f in fragments if f.rotated]))
    gutters = find_gutters([[(f.x0, f.x1) for f in row] for _, _, page_rows, _ in read for row in page_rows])
    return [
        Page(index, width, height, page_lines(index, page_rows, rotated, gutters))
        for index, (width, height, page_rows, rotated) in enumerate(read, start=1)
    ]

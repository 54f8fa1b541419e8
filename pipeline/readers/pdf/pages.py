"""The pages of an opened PDF as lists of `TextLine`s (see `lines`)."""

from __future__ import annotations

from dataclasses import dataclass

from ...errors import InputError
from .lines import TextLine, _Fonts, page_fragments, page_lines


@dataclass
class Page:
    index: int  # 1-based
    width: float
    height: float
    lines: list[TextLine]


def read_pages(path: object, document) -> list[Page]:
    fonts = _Fonts()
    pages = []
    for index in range(len(document)):
        page = document[index]
        textpage = page.get_textpage()
        try:
            fragments = page_fragments(page, textpage, fonts)
        except ValueError as exc:
            raise InputError(path, f"page {index + 1}: {exc}; refused as hostile or broken") from None
        finally:
            textpage.close()
        width, height = page.get_size()
        pages.append(Page(index + 1, width, height, page_lines(index + 1, fragments)))
        page.close()
    return pages

"""Reader for PDF files (`form: pdf`): the page layout, read with pypdfium2, -> blocks.

`safety` refuses what cannot be read whole (empty, truncated, damaged, encrypted, a
decompression bomb, no text layer at all); `pages` reads each page's text objects
(`fragments`) into lines with position, size and style (`lines`, cut at `gutters`);
`regions` decides what each line is (with `furniture`, `notes` and `columns`);
`layout` walks the pages into block drafts, which `drafts.build_blocks` finishes as
for every other form (dehyphenation, note markers, numbering).

For a PDF, `Block.lines` is the range of physical pages (1-based) the block's text
stands on, not line numbers: `(3, 4)` is a paragraph running from page 3 onto page 4.
`Source.encoding` is "pdf".

PDFium is not thread-safe, not even across documents: all pdfium work of a process
runs under one lock (parallel reading needs processes, as Dask workers are).
"""

from __future__ import annotations

import threading

from ...errors import InputError
from ...model import Block
from ..dehyphenate import Frequency, Vocabulary
from ..drafts import build_blocks
from .layout import PdfLayout
from .pages import read_pages
from .regions import analyse
from .safety import check_bytes, open_document

_PDFIUM = threading.Lock()


def read_pdf(path: object, raw: bytes, frequency: Frequency) -> tuple[tuple[Block, ...], tuple[str, ...]]:
    """The blocks of the PDF `raw` (read from `path`) and the warnings about it."""
    warnings = check_bytes(path, raw)
    with _PDFIUM:
        document = open_document(path, raw)
        try:
            pages = read_pages(path, document)
        finally:
            document.close()
    if not any(page.lines for page in pages):
        raise InputError(path, "PDF without a text layer (scanned or image-only): run OCR on it first")
    parts, layout_warnings, body_size = analyse(pages)
    drafts = PdfLayout(parts, body_size).drafts_in_order()
    vocabulary = Vocabulary(line.plain for page in pages for line in page.lines)
    return build_blocks(drafts, vocabulary, frequency), tuple(warnings + layout_warnings)


__all__ = ["read_pdf"]

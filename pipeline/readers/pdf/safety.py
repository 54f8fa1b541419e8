"""Checks on a PDF file before and while pdfium opens it: refuse what cannot be read whole.

Refused with an `InputError` naming the file and the reason: an empty file, a file that
is not a PDF, a truncated one (no `%%EOF` marker near its end: pages would be missing),
a damaged one pdfium cannot open, an encrypted one that needs a password, and a
decompression bomb: compressed streams that inflate past `MAX_INFLATED_BYTES` in all
(checked with bounded inflation before pdfium parses anything, so a bomb costs at most
that much work). A document with more pages than `MAX_PAGES` is refused too.
"""

from __future__ import annotations

import base64
import re
import zlib

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ...errors import InputError

MAX_INFLATED_BYTES = 256 * 1024 * 1024  # all compressed streams of one file, inflated
MAX_PAGES = 5000
_CHUNK = 1024 * 1024
_STREAM = re.compile(rb"stream\r?\n")
_DICT_LOOKBACK = 512  # bytes before `stream` searched for the stream's filter


def check_bytes(path: object, raw: bytes) -> None:
    """Refuse an empty, non-PDF, truncated or bomb file before pdfium parses it."""
    if not raw:
        raise InputError(path, "file is empty (0 bytes), not a PDF")
    if b"%PDF-" not in raw[:1024]:
        raise InputError(path, "not a PDF (no %PDF- header); give text files a .txt name or another form")
    if b"%%EOF" not in raw[-2048:]:
        raise InputError(path, "truncated or damaged PDF (no %%EOF end marker): pages may be missing")
    inflated = _inflated_size(raw, MAX_INFLATED_BYTES)
    if inflated > MAX_INFLATED_BYTES:
        raise InputError(
            path,
            f"refused as a decompression bomb: its {len(raw):,} bytes inflate to more than "
            f"{MAX_INFLATED_BYTES // (1024 * 1024)} MiB",
        )


def _inflated_size(raw: bytes, limit: int) -> int:
    """Total inflated size of the Flate streams in `raw`, counting no further than past `limit`."""
    total = 0
    view = memoryview(raw)
    for match in _STREAM.finditer(raw):
        if raw[max(0, match.start() - 3) : match.start()] == b"end":
            continue
        head = raw[max(0, match.start() - _DICT_LOOKBACK) : match.start()]
        if b"Flate" not in head:
            continue
        data = _ascii85(raw, match.end()) if b"ASCII85" in head else view[match.end() :]
        total += _inflate_bounded(data, limit - total)
        if total > limit:
            break
    return total


def _ascii85(raw: bytes, start: int) -> bytes:
    end = raw.find(b"~>", start)
    try:
        return base64.a85decode(raw[start : end if end >= 0 else len(raw)], ignorechars=b" \t\n\r")
    except ValueError:
        return b""


def _inflate_bounded(data, limit: int) -> int:
    """Bytes `data` inflates to, stopping once past `limit` (a zlib error ends the stream)."""
    inflater = zlib.decompressobj()
    size = position = 0
    try:
        while not inflater.eof and size <= limit:
            piece = inflater.unconsumed_tail or data[position : position + _CHUNK]
            if not inflater.unconsumed_tail:
                position += len(piece)
            if not piece:
                break
            size += len(inflater.decompress(piece, _CHUNK))
    except zlib.error:
        pass  # pdfium reports streams it cannot use; only the size matters here
    return size


def open_document(path: object, raw: bytes) -> pdfium.PdfDocument:
    """Open `raw` with pdfium, turning its errors into one-line reasons."""
    try:
        document = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as exc:
        code = pdfium_c.FPDF_GetLastError()
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise InputError(path, "encrypted PDF: it needs a password; give an unencrypted copy") from None
        raise InputError(path, f"damaged PDF that cannot be opened ({exc})") from None
    if len(document) == 0:
        document.close()
        raise InputError(path, "PDF without pages")
    if len(document) > MAX_PAGES:
        count = len(document)
        document.close()
        raise InputError(path, f"PDF of {count:,} pages; at most {MAX_PAGES:,} are read")
    return document

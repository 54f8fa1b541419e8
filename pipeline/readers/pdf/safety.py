"""Checks on a PDF file before and while pdfium opens it: refuse what cannot be read whole.

Refused with an `InputError` naming the file and the reason: an empty file, a file that
is not a PDF, a truncated one (no `%%EOF` marker near its end: pages would be missing),
a damaged one pdfium cannot open, an encrypted one that needs a password, and a
decompression bomb: a compressed stream (images aside, which text extraction never
decodes) that inflates past `BOMB_MIN_BYTES` and more than `BOMB_RATIO` times its
compressed size; text streams compress about tenfold. The check inflates in bounded
chunks before pdfium parses anything, so a bomb costs at most that much work. A
document with more pages than `MAX_PAGES` is refused too.
"""

from __future__ import annotations

import base64
import re
import zlib

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ...errors import InputError

BOMB_MIN_BYTES = 16 * 1024 * 1024  # a stream inflating past this ...
BOMB_RATIO = 100  # ... and more than this many times its compressed size is a bomb
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
    if _has_bomb_stream(raw):
        raise InputError(
            path,
            f"refused as a decompression bomb: a compressed stream inflates over {BOMB_RATIO}-fold, "
            f"past {BOMB_MIN_BYTES // (1024 * 1024)} MiB",
        )


def _has_bomb_stream(raw: bytes) -> bool:
    view = memoryview(raw)
    for match in _STREAM.finditer(raw):
        if raw[max(0, match.start() - 3) : match.start()] == b"end":
            continue
        head = raw[max(0, match.start() - _DICT_LOOKBACK) : match.start()]
        head = head[head.rfind(b"obj") + 1 :]  # this stream's own dictionary
        if b"Flate" not in head or b"/Image" in head:  # pdfium decodes no image to read text
            continue
        data = _ascii85(raw, match.end()) if b"ASCII85" in head else view[match.end() :]
        if _inflates_like_a_bomb(data):
            return True
    return False


def _ascii85(raw: bytes, start: int) -> bytes:
    end = raw.find(b"~>", start)
    try:
        return base64.a85decode(raw[start : end if end >= 0 else len(raw)], ignorechars=b" \t\n\r")
    except ValueError:
        return b""


def _inflates_like_a_bomb(data) -> bool:
    """Inflate `data` in bounded chunks, stopping as soon as it passes the bomb bounds."""
    inflater = zlib.decompressobj()
    size = position = 0
    try:
        while not inflater.eof:
            piece = inflater.unconsumed_tail or data[position : position + _CHUNK]
            if not inflater.unconsumed_tail:
                position += len(piece)
            if not piece:
                return False
            size += len(inflater.decompress(piece, _CHUNK))
            consumed = position - len(inflater.unconsumed_tail)
            if size > BOMB_MIN_BYTES and size > BOMB_RATIO * consumed:
                return True
    except zlib.error:
        pass  # pdfium reports streams it cannot use; only the size matters here
    return False


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

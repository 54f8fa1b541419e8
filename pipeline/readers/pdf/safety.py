"""Checks on a PDF file before and while pdfium opens it: refuse what cannot be read whole.

Refused with an `InputError` naming the file and the reason: an empty file, a file that
is not a PDF, a truncated one (no `%%EOF` marker near its end: pages would be missing),
a damaged one pdfium cannot open (a corrupt compressed stream is reported as a
warning: pdfium reads the rest), an encrypted one that needs a password, and a
decompression bomb: a compressed stream (images aside, which text extraction never
decodes) that inflates past `BOMB_MIN_BYTES` and more than `BOMB_RATIO` times its
compressed size; text streams compress about tenfold. The check inflates in bounded
chunks before pdfium parses anything, so a bomb costs at most that much work. A
document with more pages than `MAX_PAGES` is refused too. The streams of an encrypted
PDF (one that opens without a password) cannot be checked before pdfium decrypts
them; there the characters-per-page limit of `fragments` is the guard.
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


def check_bytes(path: object, raw: bytes) -> list[str]:
    """Refuse an empty, non-PDF, truncated or bomb file before pdfium parses it; warnings about damage."""
    if not raw:
        raise InputError(path, "file is empty (0 bytes), not a PDF")
    if b"%PDF-" not in raw[:1024]:
        raise InputError(path, "not a PDF (no %PDF- header); give text files a .txt name or another form")
    if b"%%EOF" not in raw[-2048:]:
        raise InputError(path, "truncated or damaged PDF (no %%EOF end marker): pages may be missing")
    if b"/Encrypt" in raw:  # streams are encrypted: pdfium decrypts them, they cannot be checked here
        return []
    bombs, corrupt = _scan_streams(raw)
    if bombs:
        raise InputError(
            path,
            f"refused as a decompression bomb: a compressed stream inflates over {BOMB_RATIO}-fold, "
            f"past {BOMB_MIN_BYTES // (1024 * 1024)} MiB",
        )
    if corrupt:
        return [f"damaged PDF: {corrupt} compressed stream(s) cannot be decompressed; text may be missing"]
    return []


def _scan_streams(raw: bytes) -> tuple[int, int]:
    """(bombs, corrupt streams) among the Flate streams of `raw`; stops at the first bomb."""
    view = memoryview(raw)
    corrupt = 0
    for match in _STREAM.finditer(raw):
        if raw[max(0, match.start() - 3) : match.start()] == b"end":
            continue
        head = raw[max(0, match.start() - _DICT_LOOKBACK) : match.start()]
        head = head[head.rfind(b"obj") + 1 :]  # this stream's own dictionary
        if b"Flate" not in head or b"/Image" in head:  # pdfium decodes no image to read text
            continue
        data = _ascii85(raw, match.end()) if b"ASCII85" in head else view[match.end() :]
        status = _inflate_bounded(data) if data is not None else _CORRUPT
        if status is _BOMB:
            return 1, corrupt
        corrupt += status is _CORRUPT
    return 0, corrupt


def _ascii85(raw: bytes, start: int) -> bytes | None:
    end = raw.find(b"~>", start)
    try:
        return base64.a85decode(raw[start : end if end >= 0 else len(raw)], ignorechars=b" \t\n\r")
    except ValueError:
        return None


_BOMB, _CORRUPT, _FINE = "bomb", "corrupt", "fine"


def _inflate_bounded(data) -> str:
    """Inflate `data` in bounded chunks, stopping as soon as it passes the bomb bounds."""
    inflater = zlib.decompressobj()
    size = position = 0
    try:
        while not inflater.eof:
            piece = inflater.unconsumed_tail or data[position : position + _CHUNK]
            if not inflater.unconsumed_tail:
                position += len(piece)
            if not piece:
                return _CORRUPT  # the stream ends before its compressed data does
            size += len(inflater.decompress(piece, _CHUNK))
            consumed = position - len(inflater.unconsumed_tail)
            if size > BOMB_MIN_BYTES and size > BOMB_RATIO * consumed:
                return _BOMB
    except zlib.error:
        return _CORRUPT
    return _FINE


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

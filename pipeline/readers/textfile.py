"""Bytes of an input file -> checked text and numbered source lines.

Accepts UTF-8 (with or without BOM) and UTF-16 with a BOM; text that is not
UTF-8 is decoded as cp1252 (or latin-1) with a warning when it reads as text in
it, else refused, naming the encoding charset-normalizer detects. Refuses
empty, whitespace-only, binary and absurdly long-lined files with an `InputError`
that names the file and the problem. Removes the control characters XML 1.0
forbids and says how many it removed; never drops anything silently.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import InputError

MAX_LINE_CHARS = 100_000
_BINARY_CONTROL_SHARE = 0.01  # more control characters than this: not a text file
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_CONTROL_FOR_BINARY_CHECK = re.compile("[\x00-\x08\x0e-\x1f]")


@dataclass(frozen=True)
class DecodedText:
    text: str  # newlines normalised to "\n"; form feeds kept (they mark pages)
    encoding: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceLine:
    """One line of the source (or the part of it after a form feed).

    `page_start` is true when a form feed put this text at the top of a new page.
    """

    number: int  # 1-based line number in the file
    text: str
    page_start: bool = False


def decode(path: object, raw: bytes) -> DecodedText:
    """Decode the bytes of `path` into checked text (see the module docstring)."""
    if not raw:
        raise InputError(path, "file is empty")
    text, encoding, warnings = _decode_bytes(path, raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _control_share(text) > _BINARY_CONTROL_SHARE:
        raise InputError(path, "looks like a binary file, not text")
    text, removed = _XML_FORBIDDEN.subn("", text)
    if removed:
        warnings.append(f"removed {removed} control character(s) that XML 1.0 does not allow")
    if not text.strip():
        raise InputError(path, "file contains only whitespace, no text")
    longest = max(len(line) for line in text.split("\n"))
    if longest > MAX_LINE_CHARS:
        raise InputError(
            path,
            f"a line of {longest:,} characters (at most {MAX_LINE_CHARS:,} expected): not text extracted from a document",
        )
    return DecodedText(text, encoding, tuple(warnings))


def _decode_bytes(path: object, raw: bytes) -> tuple[str, str, list[str]]:
    if raw.startswith(codecs.BOM_UTF8):
        return _strict(path, raw[len(codecs.BOM_UTF8) :], "utf-8"), "utf-8-sig", []
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(path, raw, "utf-16"), "utf-16", []
    if raw.count(0) > len(raw) * _BINARY_CONTROL_SHARE:
        raise InputError(path, "looks like a binary file, not text (it contains NUL bytes)")
    try:
        return raw.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    for encoding in ("cp1252", "latin-1"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, encoding, [f"not valid UTF-8: decoded as {encoding}; check accented letters"]
    guess = None if _odd_share(raw.decode("latin-1")) > 0.05 else _detected_encoding(raw)
    if guess:
        raise InputError(path, f"not UTF-8 but {guess}, which is not read here: convert the file to UTF-8")
    raise InputError(path, "looks like a binary file, not text (not UTF-8, and no text encoding fits)")


def _strict(path: object, raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            path,
            f"starts with a {encoding} byte-order mark but is not valid {encoding} ({exc.reason} at byte {exc.start})",
        ) from None


def _looks_like_text(text: str) -> bool:
    """Mostly letters, digits, spaces and punctuation, hardly any control characters."""
    return _odd_share(text) <= _BINARY_CONTROL_SHARE


def _odd_share(text: str) -> float:
    odd = sum(1 for c in text if (c < " " and c not in "\t\n\r\f") or "\x7f" <= c <= "\x9f")
    return odd / max(len(text), 1)


def _detected_encoding(raw: bytes) -> str | None:
    """charset-normalizer's name for the encoding of `raw`, if it finds a plausible one."""
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    return best.encoding if best is not None else None


def _control_share(text: str) -> float:
    return len(_CONTROL_FOR_BINARY_CHECK.findall(text)) / max(len(text), 1)


def source_lines(text: str) -> list[SourceLine]:
    """Numbered lines; a form feed splits a line, and the part after it starts a page."""
    lines: list[SourceLine] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if "\f" not in line:
            lines.append(SourceLine(number, line))
            continue
        first, *rest = line.split("\f")
        if first:
            lines.append(SourceLine(number, first))
        lines.extend(SourceLine(number, piece, page_start=True) for piece in rest)
    return lines

"""Text that XML 1.0 cannot carry, made safe before it reaches lxml.

`<`, `&` and `]]>` need nothing: lxml escapes them on output (`&lt;`, `&amp;`,
`]]&gt;`). What XML 1.0 forbids outright cannot be escaped at all: the C0 control
characters other than tab, newline and carriage return, U+FFFE/U+FFFF, and
unpaired surrogates (which Python strings can hold after a lossy decode). In
element content each such character becomes a recorded marker,
`<gap reason="forbidden-character" n="U+0007"/>`, and a warning; in attribute
values and header fields that allow no elements it becomes U+FFFD, again with a
warning. Nothing malformed is ever written and no character disappears silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

GAP_REASON = "forbidden-character"
REPLACEMENT = "\ufffd"

# Everything outside XML 1.0's Char production (lone surrogates included).
_FORBIDDEN = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def codepoint(char: str) -> str:
    """`U+0007`, the label a marker or warning uses for a character."""
    return f"U+{ord(char):04X}"


def has_forbidden(text: str) -> bool:
    return _FORBIDDEN.search(text) is not None


def split_forbidden(text: str) -> Iterator[tuple[str, str | None]]:
    """Pieces of `text` as (allowed text, forbidden character or None), in order."""
    position = 0
    for match in _FORBIDDEN.finditer(text):
        yield text[position : match.start()], match.group()
        position = match.end()
    yield text[position:], None


def plain(text: str, warnings: list[str] | None = None, where: str = "") -> str:
    """`text` with each forbidden character replaced by U+FFFD (for attributes and plain fields)."""
    if not has_forbidden(text):
        return text
    found = sorted({codepoint(c) for c in _FORBIDDEN.findall(text)})
    if warnings is not None:
        warnings.append(f"{where}: replaced character(s) XML cannot hold ({', '.join(found)}) with U+FFFD")
    return _FORBIDDEN.sub(REPLACEMENT, text)

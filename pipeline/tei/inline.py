"""Sentence text with inline elements: annotations, foreign passages, note markers.

Spans (`<orgName>`, `<term>`, `<foreign>`, ...) may nest or touch; two spans that
cross cannot both be elements, so the shorter one is dropped with a warning (the
text itself is never dropped). Points (a `<note>`, an `<anchor>`, a `<ptr>`) are
inserted at a character offset: a point at a span's edge goes outside the span.
Characters XML 1.0 forbids become `<gap reason="forbidden-character" n="U+…"/>`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from lxml import etree

from . import xmltext
from .names import tei

_POINTER_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    tag: str
    attrib: tuple[tuple[str, str], ...]
    rank: int = 1  # outer first when two spans cover the same text
    label: str = ""  # for warnings

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Point:
    offset: int
    build: Callable[[etree._Element], None] = field(compare=False)  # appends its element(s)


def append_text(parent: etree._Element, text: str, warnings: list[str], where: str) -> None:
    """Append `text` after the last child of `parent`, forbidden characters as `<gap>`."""
    for piece, forbidden in xmltext.split_forbidden(text):
        _append_plain(parent, piece)
        if forbidden is not None:
            label = xmltext.codepoint(forbidden)
            etree.SubElement(parent, tei("gap"), reason=xmltext.GAP_REASON, n=label)
            warnings.append(f'{where}: character {label} cannot appear in XML; kept as <gap n="{label}"/>')


def _append_plain(parent: etree._Element, text: str) -> None:
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def resolve_spans(spans: Iterable[Span], length: int, warnings: list[str], where: str) -> list[Span]:
    """The spans that can be elements: in range, non-empty, none crossing another."""
    valid: list[Span] = []
    for span in spans:
        if not 0 <= span.start < span.end <= length:
            warnings.append(f"{where}: dropped {span.label or span.tag} at {span.start}-{span.end}: outside the text")
            continue
        valid.append(span)
    kept: list[Span] = []
    for span in sorted(valid, key=lambda s: (-s.length, s.start, s.rank, s.tag)):
        crossing = next((k for k in kept if _crosses(k, span)), None)
        if crossing is not None:
            warnings.append(
                f"{where}: dropped {span.label or span.tag} at {span.start}-{span.end}: "
                f"it crosses {crossing.label or crossing.tag} at {crossing.start}-{crossing.end}"
            )
            continue
        if span in kept:
            continue
        kept.append(span)
    return sorted(kept, key=lambda s: (s.start, -s.end, s.rank, s.tag))


def _crosses(a: Span, b: Span) -> bool:
    return a.start < b.start < a.end < b.end or b.start < a.start < b.end < a.end


def fill(
    parent: etree._Element,
    text: str,
    spans: list[Span],
    points: list[Point],
    warnings: list[str],
    where: str,
) -> None:
    """Write `text` into `parent` with `spans` (already resolved) and `points` inserted."""
    if parent.text is None:
        parent.text = ""  # an (empty) text node keeps the pretty-printer out of mixed content
    queue = sorted(points, key=lambda p: p.offset)  # stable: same offset keeps given order
    state = _Fill(text, queue, warnings, where)
    state.render(parent, 0, len(text), spans, top=True)


@dataclass
class _Fill:
    text: str
    points: list[Point]
    warnings: list[str]
    where: str

    def render(self, el: etree._Element, lo: int, hi: int, spans: list[Span], top: bool = False) -> None:
        pos, i = lo, 0
        while i < len(spans):
            span = spans[i]
            j = i + 1
            while j < len(spans) and spans[j].end <= span.end:
                j += 1
            self.chunk(el, pos, span.start, inclusive=True)
            child = etree.SubElement(el, tei(span.tag), dict(span.attrib))
            child.text = ""
            self.render(child, span.start, span.end, spans[i + 1 : j])
            pos, i = span.end, j
        self.chunk(el, pos, hi, inclusive=top)
        if top:
            for point in self.points:  # offsets past the end: keep them, at the end
                point.build(el)
            self.points.clear()

    def chunk(self, el: etree._Element, start: int, end: int, inclusive: bool) -> None:
        pos = start
        while self.points and (self.points[0].offset < end or (inclusive and self.points[0].offset == end)):
            point = self.points.pop(0)
            offset = max(pos, point.offset)
            append_text(el, self.text[pos:offset], self.warnings, self.where)
            point.build(el)
            pos = offset
        append_text(el, self.text[pos:end], self.warnings, self.where)


def pointer_ok(value: str) -> bool:
    """Whether `value` can be an xml:id (and so the target of `#value`)."""
    return bool(_POINTER_ID.match(value))

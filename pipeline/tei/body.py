"""The two `<text>` elements (Dutch, English) and the alignment `<back>` of one document.

Both sides are built by one walker over the blocks, so their structure matches:
a HEADING opens a `<div>` with `<head>`; paragraphs are `<p>`; consecutive list
items one `<list>` of `<item n>`; a pull quote `<quote type="pullQuote">`;
consecutive box blocks one `<floatingText type="box">`; a closer `<closer>` at the
end of its division. Page furniture (`<fw type="header">`, `<fw type="pageNum">`,
`<pb>`) and footnotes whose marker appears nowhere are TEI "global" elements and
stay where they stood, in the Dutch side only for furniture.

A footnote is written once per side, inside the sentence that carries its first
marker, at the marker's position (English side: at the end of the sentence's last
piece). Any later marker of the same note becomes `<ptr type="noteref" n target>`;
a marker whose note the source does not print becomes `<anchor type="noteref" n>`,
as does a marker printed differently from its note's label (just before the note).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from ..align import Alignment, Pair
from ..model import TRANSLATABLE_KINDS, Annotation, Block, BlockKind, Document, NoteRef, Sentence, Translation
from . import xmltext
from .inline import Point, Span, append_text, fill, pointer_ok, resolve_spans
from .names import ANNOTATION_TAGS, RESOLVED_ATTRIB, XML_ID, XML_LANG, tei

NL, EN = "nl", "en"
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


@dataclass
class BodyContext:
    """What the walker needs about one document, computed once."""

    doc: Document
    alignment: Alignment
    nl_lang: str
    warnings: list[str] = field(default_factory=list)
    reviewers: set[str] = field(default_factory=set)
    notes: dict[str, Block] = field(default_factory=dict)
    placement: dict[str, tuple[str, int]] = field(default_factory=dict)  # note id -> (host id, ref index)
    pairs: dict[str, Pair] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Document, alignment: Alignment, nl_lang: str) -> BodyContext:
        ctx = cls(doc, alignment, nl_lang)
        ctx.notes = {b.id: b for b in doc.blocks if b.kind is BlockKind.NOTE}
        ctx.pairs = {p.source: p for p in alignment}
        ctx.placement = _place_notes(doc, ctx.notes)
        return ctx

    def qid(self, side: str, local: str) -> str:
        return f"{self.doc.id}.{side}.{local}"


_FW_TYPES = {BlockKind.FW_HEADER: "header", BlockKind.FW_FOOTER: "footer", BlockKind.PAGE_NUMBER: "pageNum"}


def reviewer_id(reviewer: str) -> str:
    """The xml:id of a reviewer's respStmt (`resp.jdoe`)."""
    cleaned = _ID_UNSAFE.sub("-", reviewer.lstrip("#")).strip("-") or "reviewer"
    return f"resp.{cleaned}"


def cert_value(score: float | None) -> str | None:
    """`@cert` from the model's mean log-probability per token: exp(score), 3 decimals."""
    if score is None or math.isnan(score):
        return None
    return f"{min(1.0, max(0.0, math.exp(min(score, 0.0)))):.3f}"


# -- note placement -------------------------------------------------------------------------


def _host_refs(block: Block) -> Iterator[tuple[str, int, NoteRef]]:
    if block.sentences:
        for sentence in block.sentences:
            for index, ref in enumerate(sentence.note_refs):
                yield sentence.id, index, ref
    else:
        for index, ref in enumerate(block.note_refs):
            yield block.id, index, ref


def _place_notes(doc: Document, notes: dict[str, Block]) -> dict[str, tuple[str, int]]:
    """Which marker hosts each note inline: the first one reachable from the main text.

    Notes referenced only from other notes are placed inside them when those are
    placed; a note no placed text points to stays where it stood (standalone), so no
    note is ever dropped or written twice, and cycles cannot form.
    """
    placement: dict[str, tuple[str, int]] = {}
    pending = [b for b in doc.blocks if b.kind in TRANSLATABLE_KINDS and b.kind is not BlockKind.NOTE]
    while pending:
        block = pending.pop(0)
        for host, index, ref in _host_refs(block):
            if ref.note in notes and ref.note not in placement and ref.note != block.id:
                placement[ref.note] = (host, index)
                pending.append(notes[ref.note])
    return placement


# -- the walker ---------------------------------------------------------------------------


def build_text(ctx: BodyContext, side: str) -> etree._Element:
    """`<text xml:lang xml:id><body>…</body></text>` for one side."""
    lang = ctx.nl_lang if side == NL else EN
    text = etree.Element(tei("text"), {XML_LANG: lang, XML_ID: f"{ctx.doc.id}.{side}"})
    if side == EN:
        text.set("corresp", f"#{ctx.doc.id}.{NL}")
    _Walker(ctx, side).walk(etree.SubElement(text, tei("body")))
    return text


class _Walker:
    def __init__(self, ctx: BodyContext, side: str):
        self.ctx, self.side = ctx, side
        self.body: etree._Element | None = None
        self.div: etree._Element | None = None
        self.div_common = False
        self.div_closed = False
        self.list: etree._Element | None = None
        self.box: etree._Element | None = None

    def walk(self, body: etree._Element) -> None:
        self.body = body
        for block in self.ctx.doc.blocks:
            self.block(block)
        if not len(body):  # a document without any text still needs a valid body
            etree.SubElement(etree.SubElement(body, tei("div")), tei("p"))

    def block(self, block: Block) -> None:
        kind = block.kind
        if kind is BlockKind.NOTE:
            if block.id not in self.ctx.placement:
                self.put_global(self.note(block))
        elif kind.is_furniture:
            if self.side == NL:
                self.put_global(self.furniture(block))
        elif kind is BlockKind.HEADING:
            self.close_groups()
            self.div = etree.SubElement(self.body, tei("div"))
            self.div_common = self.div_closed = False
            self.element(self.div, "head", block)
        elif kind is BlockKind.LIST_ITEM:
            self.box = None
            if self.list is None:
                self.list = etree.SubElement(self.common_parent(), tei("list"))
            self.element(self.list, "item", block)
        elif kind is BlockKind.BOX:
            self.list = None
            if self.box is None:
                floating = etree.SubElement(self.common_parent(), tei("floatingText"), type="box")
                self.box = etree.SubElement(floating, tei("body"))
            self.element(self.box, "p", block)
        elif kind is BlockKind.CLOSER:
            self.close_groups()
            if self.div is not None and self.div_common:
                self.element(self.div, "closer", block)
                self.div_closed = True
            else:  # a closer with no text before it in its division cannot be <closer>
                self.element(self.common_parent(), "p", block, type="closer")
        elif kind is BlockKind.PULL_QUOTE:
            self.close_groups()
            self.element(self.common_parent(), "quote", block, type="pullQuote")
        else:
            self.close_groups()
            self.element(self.common_parent(), "p", block)

    def close_groups(self) -> None:
        self.list = self.box = None

    def common_parent(self) -> etree._Element:
        if self.div is None or self.div_closed:
            self.div = etree.SubElement(self.body, tei("div"))
            self.div_closed = False
        self.div_common = True
        return self.div

    def put_global(self, element: etree._Element) -> None:
        if self.list is not None:
            parent = self.list
        else:
            self.box = None
            parent = self.div if self.div is not None else self.body
        parent.append(element)

    # -- elements ----------------------------------------------------------------------

    def element(self, parent: etree._Element, tag: str, block: Block, **attrib: str) -> etree._Element:
        el = etree.SubElement(parent, tei(tag), {XML_ID: self.ctx.qid(self.side, block.id)})
        if self.side == EN:
            el.set("corresp", f"#{self.ctx.qid(NL, block.id)}")
        elif block.lang != NL:
            el.set(XML_LANG, block.lang)
        for name, value in attrib.items():
            el.set(name, value)
        if block.label:
            el.set("n", xmltext.plain(block.label, self.ctx.warnings, block.id))
        self.content(el, block)
        return el

    def note(self, block: Block, inline: bool = False) -> etree._Element:
        el = etree.Element(tei("note"), {XML_ID: self.ctx.qid(self.side, block.id), "place": "foot"})
        if block.label:
            el.set("n", xmltext.plain(block.label, self.ctx.warnings, block.id))
        if self.side == EN:
            el.set("corresp", f"#{self.ctx.qid(NL, block.id)}")
        elif block.lang != NL:
            el.set(XML_LANG, block.lang)
        self.content(el, block, inline)
        return el

    def furniture(self, block: Block) -> etree._Element:
        warnings, where = self.ctx.warnings, f"{self.ctx.doc.id}:{block.id}"
        attrib = {XML_ID: self.ctx.qid(NL, block.id)}
        if block.kind is BlockKind.PAGE_BREAK:
            label = block.label or block.text.strip()
            if label:
                attrib["n"] = xmltext.plain(label, warnings, where)
            el = etree.Element(tei("pb"), attrib)
            if block.text.strip() and block.text.strip() != label:
                warnings.append(f"{where}: text of a page break kept in @n only: {block.text.strip()!r}")
            return el
        attrib["type"] = _FW_TYPES[block.kind]
        if block.label:
            attrib["n"] = xmltext.plain(block.label, warnings, where)
        el = etree.Element(tei("fw"), attrib)
        points = [Point(ref.offset, self.marker_builder(block.id, -1, ref)) for ref in block.note_refs]
        fill(el, block.text, [], points, warnings, where)
        return el

    def content(self, el: etree._Element, block: Block, inline: bool = False) -> None:
        """The block's sentences (or its text when unsegmented) into `el`.

        `inline`: `el` is inside a sentence, where the pretty-printer adds no
        whitespace, so sentences are kept apart by a space.
        """
        where = f"{self.ctx.doc.id}:{block.id}"
        if not block.sentences:
            if self.side == NL:
                points = [Point(r.offset, self.marker_builder(block.id, i, r)) for i, r in enumerate(block.note_refs)]
                fill(el, block.text, [], points, self.ctx.warnings, where)
            else:  # notes hosted by an unsegmented block still need their English home
                for index, ref in enumerate(block.note_refs):
                    self.marker_builder(block.id, index, ref)(el)
            return
        starts = [s.start for s in block.sentences] + [len(block.text)]
        ends = [0] + [s.end for s in block.sentences]
        gaps = [block.text[min(a, b) : b] for a, b in zip(ends, starts)]
        # where the pretty-printer cannot separate sentences (mixed content), keep the source's spacing
        keep = inline or any(gap.strip() for gap in gaps)
        for number, sentence in enumerate(block.sentences):
            self.between(el, gaps[number], where, keep and number > 0)
            if self.side == NL:
                self.dutch_sentence(el, sentence)
            else:
                self.english_sentence(el, sentence, inline)
        self.between(el, gaps[-1], where, False)

    def between(self, el: etree._Element, text: str, where: str, keep_space: bool) -> None:
        """Text between sentences: Dutch text is kept; whitespace is left to the
        pretty-printer, or kept (one space on the English side) where it adds none."""
        if self.side == NL and (text.strip() or (keep_space and text)):
            append_text(el, text, self.ctx.warnings, where)
        elif keep_space and self.side == EN:
            append_text(el, " ", self.ctx.warnings, where)

    def dutch_sentence(self, parent: etree._Element, sentence: Sentence) -> None:
        ctx, where = self.ctx, f"{self.ctx.doc.id}:{sentence.id}"
        el = etree.SubElement(parent, tei("s"), {XML_ID: ctx.qid(NL, sentence.id)})
        if sentence.lang != NL:
            el.set(XML_LANG, sentence.lang)
        spans = [
            Span(f.start, f.end, "foreign", ((XML_LANG, f.lang),), rank=0, label=f"foreign ({f.lang})")
            for f in sentence.foreign
        ]
        spans += filter(None, (self.annotation_span(a, where) for a in sentence.annotations))
        spans = resolve_spans(spans, len(sentence.text), ctx.warnings, where)
        points = [Point(r.offset, self.marker_builder(sentence.id, i, r)) for i, r in enumerate(sentence.note_refs)]
        fill(el, sentence.text, spans, points, ctx.warnings, where)

    def english_sentence(self, parent: etree._Element, sentence: Sentence, inline: bool = False) -> None:
        ctx = self.ctx
        pair = ctx.pairs[sentence.id]
        markers = [Point(0, self.marker_builder(sentence.id, i, r)) for i, r in enumerate(sentence.note_refs)]
        if pair.gap:
            etree.SubElement(
                parent,
                tei("gap"),
                {XML_ID: ctx.qid(EN, sentence.id), "reason": pair.gap, "corresp": f"#{ctx.qid(NL, sentence.id)}"},
            )
            for marker in markers:
                marker.build(parent)
            return
        translation = sentence.translation
        base = 0
        for number, (target, segment) in enumerate(zip(pair.targets, pair.segments), start=1):
            where = f"{ctx.doc.id}:{ctx.qid(EN, target)}"
            if inline and number > 1:
                append_text(parent, " ", ctx.warnings, where)
            el = etree.SubElement(parent, tei("s"), self.english_attrib(sentence, target, translation))
            spans = self.piece_spans(translation, base, segment, where)
            last = number == len(pair.targets)
            points = [Point(len(segment), m.build) for m in markers] if last else []
            fill(el, segment, spans, points, ctx.warnings, where)
            base += len(segment) + 1

    def english_attrib(self, sentence: Sentence, target: str, translation: Translation) -> dict[str, str]:
        ctx = self.ctx
        attrib = {XML_ID: ctx.qid(EN, target), "corresp": f"#{ctx.qid(NL, sentence.id)}"}
        if translation.origin == "passthrough":
            attrib["type"] = "passthrough"
        elif translation.origin == "reviewed":
            reviewer = translation.resp or "reviewer"
            ctx.reviewers.add(reviewer)
            attrib["resp"] = f"#{reviewer_id(reviewer)}"
            if translation.stale:
                attrib["type"] = "stale"
        else:
            cert = cert_value(translation.score)
            if cert is not None:
                attrib["cert"] = cert
        return attrib

    def piece_spans(self, translation: Translation, base: int, segment: str, where: str) -> list[Span]:
        spans = []
        for annotation in translation.annotations:
            if annotation.start >= base + len(segment) + 1 or annotation.end <= base:
                continue
            if annotation.start < base or annotation.end > base + len(segment):
                self.ctx.warnings.append(
                    f"{where}: dropped {annotation.category} {annotation.entity!r}: it spans two pieces of a split sentence"
                )
                continue
            span = self.annotation_span(annotation, where, shift=base)
            if span is not None:
                spans.append(span)
        return resolve_spans(spans, len(segment), self.ctx.warnings, where)

    def annotation_span(self, annotation: Annotation, where: str, shift: int = 0) -> Span | None:
        label = f"{annotation.category} {annotation.entity!r}"
        attrib: tuple[tuple[str, str], ...]
        if annotation.category in ANNOTATION_TAGS:
            tag, extra = ANNOTATION_TAGS[annotation.category]
            if not pointer_ok(annotation.entity):
                self.ctx.warnings.append(f"{where}: dropped {label}: not a valid authority id")
                return None
            attrib = extra + (("ref", f"#{annotation.entity}"),) + ((RESOLVED_ATTRIB,) if annotation.resolved else ())
        elif annotation.category == "ref":
            tag = "ref"
            target = _uri(annotation.entity)
            attrib = (("target", target),) if target else ()
        else:
            self.ctx.warnings.append(f"{where}: dropped {label}: unknown category")
            return None
        if annotation.resp:
            self.ctx.reviewers.add(annotation.resp)
            attrib += (("resp", f"#{reviewer_id(annotation.resp)}"),)
        return Span(annotation.start - shift, annotation.end - shift, tag, attrib, label=label)

    def marker_builder(self, host: str, index: int, ref: NoteRef):
        """How the marker `ref` (the `index`-th of `host`) is written on this side."""
        ctx, side = self.ctx, self.side
        label = xmltext.plain(ref.label, ctx.warnings, f"{ctx.doc.id}:{host}")

        def build(parent: etree._Element) -> None:
            if ref.note is None or ref.note not in ctx.notes:
                if ref.note is not None:
                    ctx.warnings.append(
                        f"{ctx.doc.id}:{host}: note marker {ref.label!r} points to missing note {ref.note}"
                    )
                etree.SubElement(parent, tei("anchor"), type="noteref", n=label)
            elif ctx.placement.get(ref.note) == (host, index):
                note = ctx.notes[ref.note]
                if (note.label or "") != ref.label:  # the note's @n cannot stand for this marker
                    etree.SubElement(parent, tei("anchor"), type="noteref", n=label)
                parent.append(self.note(note, inline=True))
            else:
                etree.SubElement(parent, tei("ptr"), type="noteref", n=label, target=f"#{ctx.qid(side, ref.note)}")

        return build


def build_back(ctx: BodyContext) -> etree._Element:
    """`<back><linkGrp type="alignment">`: one `<link>` per Dutch sentence (gaps included)."""
    back = etree.Element(tei("back"))
    group = etree.SubElement(back, tei("linkGrp"), type="alignment")
    for pair in ctx.alignment:
        targets = [ctx.qid(NL, pair.source)] + [ctx.qid(EN, t) for t in (pair.targets or (pair.source,))]
        etree.SubElement(group, tei("link"), type=pair.shape, target=" ".join(f"#{t}" for t in targets))
    return back


def _uri(value: str) -> str:
    from urllib.parse import quote

    return quote(value.strip(), safe=":/?#[]@!$&'()*+,;=%~") if value.strip() else ""

"""Reviewer edits a rerun cannot keep: what in a reviewed TEI file the document model does not hold.

A rerun keeps what `review.detect_decisions` finds (sentence text on both sides,
annotation elements with their `@ref`, the number of English sentences per pair).
Everything else the pipeline writes again from the input: the header (dates,
titles, lists), the block structure, page furniture, notes and markers. An edit
there, an element the pipeline does not write inside a sentence (`<hi>`,
`<emph>`), an attribute it does not write, or a comment would be dropped
without a word by the next run. `unkept_edits` lists them, each with the line of
the reviewed file, so the run can report them and save the reviewed file first.

How: both trees, the last-produced one and the reviewed one, are flattened into
a sequence of structure events (element, attributes, text), leaving out what
the review keeps (sentence text, annotation elements, the English sentences and
the review-managed `@resp`/`@cert`, reviewer `respStmt`s and ledger `<change>`s);
the two sequences are compared with `difflib`. Inside sentences, elements and
attributes outside the kept vocabulary are reported directly.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from lxml import etree

from ..model import DecisionKind
from .names import ANNOTATION_CATEGORIES, XML_ID, XML_LANG

# Inline elements the exporter writes inside a sentence besides annotations:
# note markers, notes, forbidden characters, foreign passages.
_STRUCTURAL_INLINE = {"note", "ptr", "anchor", "gap", "foreign"}
_ANNOTATION_TAGS = set(ANNOTATION_CATEGORIES) | {"ref"}
_ANNOTATION_ATTRIBUTES = {"ref", "type", "resp", "target", "n"}
_SENTENCE_ATTRIBUTES = {XML_ID, "corresp", "resp", "cert", "type", XML_LANG}
_REVIEW_KINDS = {kind.value for kind in DecisionKind}


@dataclass(frozen=True)
class UnkeptEdit:
    line: int  # in the reviewed file (0 when unknown)
    what: str


def unkept_edits(produced: etree._Element, reviewed: etree._Element) -> list[UnkeptEdit]:
    """What a rerun would drop of the edits in `reviewed` (roots of the two TEI trees)."""
    before, after = _Flat(), _Flat()
    before.walk(produced)
    after.walk(reviewed)
    found = list(after.problems)
    old = [e.signature for e in before.events]
    new = [e.signature for e in after.events]
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("replace", "insert"):
            verb = "changed" if op == "replace" else "added"
            found += [UnkeptEdit(e.line, f"{verb} {e.signature}") for e in after.events[j1:j2]]
        if op == "delete" or (op == "replace" and i2 - i1 > j2 - j1):
            line = after.events[j1].line if j1 < len(after.events) else 0
            found += [UnkeptEdit(line, f"removed {e.signature}") for e in before.events[i1 + (j2 - j1) : i2]]
    return sorted(found, key=lambda e: e.line)


@dataclass(frozen=True)
class _Event:
    signature: str
    line: int


class _Flat:
    def __init__(self) -> None:
        self.events: list[_Event] = []
        self.problems: list[UnkeptEdit] = []

    def walk(self, element: etree._Element) -> None:
        for child in element:
            if not isinstance(child.tag, str):
                self._other(child)
                continue
            if _review_managed(child):
                continue
            tag = _local(child)
            if tag == "s":
                self._sentence(child)
                continue
            self._event(child, tag, dict(child.attrib), _text(child.text))
            self.walk(child)

    def _event(self, element: etree._Element, tag: str, attrib: dict, text: str = "") -> None:
        self.events.append(_Event(_signature(tag, attrib, text), element.sourceline or 0))

    def _other(self, node) -> None:
        kind = "comment" if isinstance(node, etree._Comment) else "processing instruction"
        self.events.append(_Event(f"{kind} {_text(node.text)!r}", node.sourceline or 0))

    def _sentence(self, element: etree._Element) -> None:
        english = (element.get("corresp") or "") != ""
        attrib = {k: v for k, v in element.attrib.items() if k not in ("resp", "cert")}
        if attrib.get("type") == "stale":
            del attrib["type"]
        unknown = sorted(set(element.attrib) - _SENTENCE_ATTRIBUTES)
        if english:  # their number and text are the reviewer's to change
            for name in unknown:
                self.problems.append(UnkeptEdit(element.sourceline or 0, f"attribute @{_name(name)} on <s>"))
        else:  # its text is the review's (a source decision)
            self._event(element, "s", attrib)
        self._inline(element, english)

    def _inline(self, element: etree._Element, english: bool) -> None:
        for child in element:
            line = child.sourceline or 0
            if not isinstance(child.tag, str):
                self._other(child)
                continue
            tag = _local(child)
            if tag in _ANNOTATION_TAGS:
                if tag != "ref" and not child.get("ref"):
                    self.problems.append(
                        UnkeptEdit(line, f"<{tag}> without @ref (its text is kept, the element is not)")
                    )
                for name in sorted(set(child.attrib) - _ANNOTATION_ATTRIBUTES):
                    self.problems.append(UnkeptEdit(line, f"attribute @{_name(name)} on <{tag}>"))
                self._inline(child, english)
            elif tag == "s":
                self._sentence(child)
            elif tag in _STRUCTURAL_INLINE:
                if not english:  # the English markers and notes follow the Dutch ones
                    self._event(child, tag, dict(child.attrib))
                self._inline(child, english)
            else:
                self.problems.append(UnkeptEdit(line, f"element <{tag}> (its text is kept, the element is not)"))
                self._inline(child, english)


def _review_managed(element: etree._Element) -> bool:
    """The ledger's `<change>`s and the reviewers' `respStmt`s: the review writes them itself."""
    tag = _local(element)
    if tag == "change":
        return element.get("type") in _REVIEW_KINDS
    if tag == "respStmt":
        xml_id = element.get(XML_ID) or ""
        return xml_id.startswith("resp.") and xml_id != "resp.mt"
    return False


def _signature(tag: str, attrib: dict, text: str) -> str:
    attributes = "".join(f' {_name(k)}="{v}"' for k, v in sorted(attrib.items()))
    return f"<{tag}{attributes}>" + (f" {text!r}" if text else "")


def _name(clark: str) -> str:
    if clark.startswith("{http://www.w3.org/XML/1998/namespace}"):
        return "xml:" + clark.split("}", 1)[1]
    return clark.split("}", 1)[1] if clark.startswith("{") else clark


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _text(value: str | None) -> str:
    return " ".join((value or "").split())

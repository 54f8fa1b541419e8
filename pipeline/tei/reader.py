"""Read a bilingual TEI file written by the exporter back into the document model.

The inverse of `tei.export` for everything a reviewer can change and the review
stage compares: blocks (kind, label, language), Dutch sentences with their text,
annotations (`@resp` included), foreign passages and note markers, English
sentences with their origin (machine with `@cert`, passthrough, reviewed with
`@resp`, stale), segments of 1:n pairs and annotations, and the alignment given by
`@corresp`, and the reviewer decisions recorded in `<revisionDesc>` (`Document.review`,
`tei.revisions`). What the TEI does not carry is not invented: block line ranges, the
whitespace between sentences (sentence offsets are recomputed with one space),
the per-sentence engine signature, and the exact model score (`@cert` is
exp(score) to 3 decimals; `score` is read back as its logarithm).

The file is parsed with the safe parser (`safe_xml`): a hostile or broken
reviewed file is refused with a `ReviewError` naming the file and line.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..errors import ReviewError
from ..model import (
    Annotation,
    Block,
    BlockKind,
    Document,
    ForeignSpan,
    Metadata,
    NoteRef,
    Sentence,
    Source,
    Translation,
)
from ..safe_xml import ParseLimits, check_tei_shape, parse_bytes, read_bounded
from .names import ANNOTATION_CATEGORIES, XML_ID, XML_LANG, tei
from .revisions import read_ledger, reviewer_from_ref, reviewer_names

_NUMBER = re.compile(r"(\d+)")


_FW_KINDS = {"header": BlockKind.FW_HEADER, "footer": BlockKind.FW_FOOTER}


def read_tei_file(path: Path, limits: ParseLimits = ParseLimits()) -> Document:
    """The document in the TEI file at `path` (safe parsing; `ReviewError` when refused)."""
    return read_tei_bytes(read_bounded(path, limits), path)


def read_tei_bytes(data: bytes, name: str | Path = "<tei>") -> Document:
    tree = parse_bytes(data, name)
    check_tei_shape(tree, name)
    return tree_to_document(tree, name)


def tree_to_document(tree: etree._ElementTree, name: str | Path = "<tei>") -> Document:
    root = tree.getroot()
    doc_id = root.get(XML_ID)
    group = root.find(tei("text") + "/" + tei("group"))
    nl_text = next(t for t in group.iterfind(tei("text")) if (t.get(XML_LANG) or "").startswith("nl"))
    en_text = next((t for t in group.iterfind(tei("text")) if t.get(XML_LANG) == "en"), None)
    state = _State(doc_id, name, nl_text.get(XML_LANG), reviewer_names(root))
    state.read_dutch(nl_text)
    if en_text is not None:  # absent when the run did not translate
        state.read_english(en_text)
    return Document(
        id=doc_id,
        meta=_metadata(root, state.nl_lang),
        source=_source(root),
        blocks=state.blocks(),
        review=read_ledger(root, name),
    )


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _id_number(local_id: str) -> tuple:
    return tuple(int(n) if n.isdigit() else n for n in _NUMBER.split(local_id))


@dataclass
class _Inline:
    """Text of one sentence with what was inline in it, offsets into `text`."""

    text: str = ""
    annotations: list[Annotation] = field(default_factory=list)
    foreign: list[ForeignSpan] = field(default_factory=list)
    note_refs: list[NoteRef] = field(default_factory=list)


@dataclass
class _State:
    doc_id: str
    name: str | Path
    nl_lang: str
    names: dict[str, str]  # reviewer id (without `resp.`) -> name, from the respStmts
    block_info: dict[str, tuple[BlockKind, str | None, str]] = field(default_factory=dict)
    block_sentences: dict[str, list[Sentence]] = field(default_factory=dict)
    block_text: dict[str, str] = field(default_factory=dict)
    sentences: dict[str, Sentence] = field(default_factory=dict)
    english: dict[str, list[tuple[etree._Element, _Inline]]] = field(default_factory=dict)
    block_refs: dict[str, tuple[NoteRef, ...]] = field(default_factory=dict)

    def reviewer(self, value: str | None) -> str | None:
        """`#resp.anna-de-vries` -> the reviewer's name as its respStmt gives it."""
        local = reviewer_from_ref(value)
        return self.names.get(local, local) if local else None

    def local(self, element: etree._Element, side: str) -> str:
        qualified = element.get(XML_ID) or ""
        prefix = f"{self.doc_id}.{side}."
        if not qualified.startswith(prefix):
            raise ReviewError(
                f"{self.name}: line {element.sourceline}: xml:id {qualified!r} does not start with {prefix!r}"
            )
        return qualified[len(prefix) :]

    # -- Dutch ---------------------------------------------------------------------------

    def read_dutch(self, text: etree._Element) -> None:
        for element in text.iter(etree.Element):
            kind = self.block_kind(element)
            if kind is not None:
                self.read_block(element, kind)

    def block_kind(self, element: etree._Element) -> BlockKind | None:
        tag, parent = _local(element), element.getparent()
        if element.get(XML_ID) is None:
            return None
        if tag == "head":
            return BlockKind.HEADING
        if tag == "item":
            return BlockKind.LIST_ITEM
        if tag == "closer" or (tag == "p" and element.get("type") == "closer"):
            return BlockKind.CLOSER
        if tag == "quote" and element.get("type") == "pullQuote":
            return BlockKind.PULL_QUOTE
        if tag == "p":
            in_box = parent is not None and _local(parent) == "body" and _local(parent.getparent()) == "floatingText"
            return BlockKind.BOX if in_box else BlockKind.PARAGRAPH
        if tag == "note":
            return BlockKind.NOTE
        if tag == "fw":
            return _FW_KINDS.get(element.get("type"), BlockKind.PAGE_NUMBER)
        if tag == "pb":
            return BlockKind.PAGE_BREAK
        return None

    def read_block(self, element: etree._Element, kind: BlockKind) -> None:
        block_id = self.local(element, "nl")
        lang = element.get(XML_LANG) or "nl"
        self.block_info[block_id] = (kind, element.get("n"), lang)
        sentences = [child for child in element if _local(child) == "s"]
        if not sentences:
            inline = self.inline(element)
            self.block_text[block_id] = inline.text if kind is not BlockKind.PAGE_BREAK else ""
            self.block_sentences[block_id] = []
            self.block_refs[block_id] = tuple(inline.note_refs)
            return
        found = []
        for s in sentences:
            inline = self.inline(s)
            sentence = Sentence(
                id=self.local(s, "nl"),
                text=inline.text,
                start=0,
                end=len(inline.text),
                lang=s.get(XML_LANG) or "nl",
                note_refs=tuple(inline.note_refs),
                foreign=tuple(inline.foreign),
                annotations=tuple(inline.annotations),
            )
            self.sentences[sentence.id] = sentence
            found.append(sentence)
        self.block_sentences[block_id] = found

    def inline(self, element: etree._Element, side: str = "nl") -> _Inline:
        """Text and inline spans of a sentence (or unsegmented block), notes left out.

        English note markers are not kept: the model holds them on the Dutch sentence.
        """
        result = _Inline()
        self._walk(element, result, side)
        stripped = result.text.strip()
        if stripped != result.text:
            shift = len(result.text) - len(result.text.lstrip())
            result.text = stripped
            result.annotations = [_shift(a, shift) for a in result.annotations]
            result.foreign = [ForeignSpan(f.start - shift, f.end - shift, f.lang) for f in result.foreign]
            result.note_refs = [
                NoteRef(max(0, min(len(stripped), r.offset - shift)), r.label, r.note) for r in result.note_refs
            ]
        result.annotations.sort(key=lambda a: (a.start, -a.end))
        return result

    def _walk(self, element: etree._Element, result: _Inline, side: str) -> None:
        result.text += element.text or ""
        for child in element:
            if not isinstance(child.tag, str):  # comments and processing instructions a reviewer left
                result.text += child.tail or ""
                continue
            tag = _local(child)
            start = len(result.text)
            if side != "nl" and tag in ("note", "ptr", "anchor"):
                pass
            elif tag == "note":
                result.note_refs.append(NoteRef(start, child.get("n") or "", self.local(child, "nl")))
            elif tag == "ptr" and child.get("type") == "noteref":
                target = (child.get("target") or "").lstrip("#")
                prefix = f"{self.doc_id}.nl."
                result.note_refs.append(
                    NoteRef(start, child.get("n") or "", target[len(prefix) :] if target.startswith(prefix) else target)
                )
            elif tag == "anchor" and child.get("type") == "noteref":
                result.note_refs.append(NoteRef(start, child.get("n") or "", None))
            elif tag == "gap" and child.get("reason") == "forbidden-character":
                result.text += _codepoint(child.get("n"))
            else:
                self._walk(child, result, side)
                end = len(result.text)
                span_text = result.text[start:end]
                if tag in ANNOTATION_CATEGORIES and child.get("ref"):
                    entity = child.get("ref").strip().lstrip("#")
                    result.annotations.append(
                        Annotation(
                            start,
                            end,
                            ANNOTATION_CATEGORIES[tag],
                            entity,
                            span_text,
                            resp=self.reviewer(child.get("resp")),
                        )
                    )
                elif tag == "ref":
                    result.annotations.append(
                        Annotation(
                            start,
                            end,
                            "ref",
                            child.get("target") or "",
                            span_text,
                            resp=self.reviewer(child.get("resp")),
                        )
                    )
                elif tag == "foreign":
                    result.foreign.append(ForeignSpan(start, end, child.get(XML_LANG) or ""))
            result.text += child.tail or ""

    # -- English -------------------------------------------------------------------------

    def read_english(self, text: etree._Element) -> None:
        for element in text.iter(tei("s"), tei("gap")):
            corresp = (element.get("corresp") or "").split()
            if not corresp:
                continue
            source = corresp[0].lstrip("#")
            prefix = f"{self.doc_id}.nl."
            if not source.startswith(prefix):
                raise ReviewError(
                    f"{self.name}: line {element.sourceline}: @corresp {corresp[0]!r} points outside this document's Dutch text"
                )
            source = source[len(prefix) :]
            if _local(element) == "gap":  # an untranslated sentence: nothing to read
                continue
            self.english.setdefault(source, []).append((element, self.inline(element, "en")))
        for source, pieces in self.english.items():
            sentence = self.sentences.get(source)
            if sentence is None:
                element = pieces[0][0]
                raise ReviewError(
                    f"{self.name}: line {element.sourceline}: English sentence points to missing Dutch sentence {source!r}"
                )
            self.sentences[source] = _with_translation(sentence, pieces, self.reviewer(pieces[0][0].get("resp")))

    # -- the document --------------------------------------------------------------------

    def blocks(self) -> tuple[Block, ...]:
        blocks = []
        refs = self.block_refs
        for block_id in sorted(self.block_info, key=_id_number):
            kind, label, lang = self.block_info[block_id]
            sentences = tuple(self.sentences[s.id] for s in self.block_sentences[block_id])
            if sentences:
                sentences, text = _laid_out(sentences)
            else:
                text = self.block_text.get(block_id, "")
            blocks.append(
                Block(
                    block_id,
                    kind,
                    text,
                    (0, 0),
                    label=label,
                    sentences=sentences,
                    note_refs=refs.get(block_id, ()),
                    lang=lang,
                )
            )
        return tuple(blocks)


def _with_translation(sentence: Sentence, pieces: list[tuple[etree._Element, _Inline]], resp: str | None) -> Sentence:
    first = pieces[0][0]
    segments, annotations, base = [], [], 0
    for _element, inline in pieces:
        segments.append(inline.text)
        annotations += [_shift(a, -base) for a in inline.annotations]
        base += len(inline.text) + 1
    kind = first.get("type")
    if kind == "passthrough":
        origin = "passthrough"
    elif resp:
        origin = "reviewed"
    else:
        origin = "machine"
    cert = first.get("cert")
    score = math.log(float(cert)) if origin == "machine" and cert and _is_positive_number(cert) else None
    translation = Translation(
        segments=tuple(segments),
        origin=origin,
        score=score,
        annotations=tuple(annotations),
        resp=resp,
        stale=kind == "stale",
    )
    return Sentence(**{**sentence.__dict__, "translation": translation})


def _laid_out(sentences: tuple[Sentence, ...]) -> tuple[tuple[Sentence, ...], str]:
    """Sentences with offsets into a block text made of them joined by one space."""
    placed, position = [], 0
    for sentence in sentences:
        placed.append(Sentence(**{**sentence.__dict__, "start": position, "end": position + len(sentence.text)}))
        position += len(sentence.text) + 1
    return tuple(placed), " ".join(s.text for s in sentences)


def _shift(annotation: Annotation, shift: int) -> Annotation:
    return Annotation(
        annotation.start - shift,
        annotation.end - shift,
        annotation.category,
        annotation.entity,
        annotation.text,
        annotation.resp,
    )


def _codepoint(label: str | None) -> str:
    try:
        return chr(int((label or "").removeprefix("U+"), 16))
    except ValueError:
        return "\ufffd"


def _is_positive_number(value: str) -> bool:
    try:
        return float(value) > 0
    except ValueError:
        return False


def _metadata(root: etree._Element, nl_lang: str) -> Metadata:
    title_stmt = root.find(f"{tei('teiHeader')}/{tei('fileDesc')}/{tei('titleStmt')}")
    titles = (
        {}
        if title_stmt is None
        else {t.get(XML_LANG) or "": " ".join("".join(t.itertext()).split()) for t in title_stmt.iterfind(tei("title"))}
    )
    title = titles.get(nl_lang) or titles.get("nl") or titles.get("") or next(iter(titles.values()), root.get(XML_ID))
    return Metadata(
        title=title, title_en=titles.get("en", ""), variety=nl_lang if nl_lang in ("nl-NL", "nl-BE") else "nl-NL"
    )


def _source(root: etree._Element) -> Source:
    idno = root.find(f".//{tei('sourceDesc')}//{tei('idno')}[@type='sha256']")
    return Source(path="", sha256=(idno.text or "").strip() if idno is not None else "")

"""Hand-built tiny documents and XML helpers for the alignment/TEI/run tests (no tests here)."""

from __future__ import annotations

from lxml import etree

from pipeline.model import Block, BlockKind, Document, Metadata, Sentence, Source, Translation
from pipeline.tei.names import TEI_NS

NS = {"t": TEI_NS}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def sent(sid: str, text: str, start: int = 0, **kw) -> Sentence:
    return Sentence(id=sid, text=text, start=start, end=start + len(text), **kw)


def tr(*segments: str, origin: str = "machine", **kw) -> Translation:
    return Translation(segments=segments, origin=origin, **kw)


def para(bid: str, *sentences: Sentence, kind: BlockKind = BlockKind.PARAGRAPH, **kw) -> Block:
    """A block whose text is its sentences joined by one space (offsets set accordingly)."""
    placed, text = [], ""
    for s in sentences:
        if text:
            text += " "
        placed.append(Sentence(**{**s.__dict__, "start": len(text), "end": len(text) + len(s.text)}))
        text += s.text
    return Block(bid, kind, text, (1, 1), sentences=tuple(placed), **kw)


def document(*blocks: Block, doc_id: str = "d000", variety: str = "nl-NL", **kw) -> Document:
    meta = Metadata(
        title="Titel",
        title_en="Title",
        date="2018-01",
        author="Auteur",
        publisher="Uitgever",
        kind="letter",
        variety=variety,
        licence="CC0",
    )
    return Document(doc_id, meta, Source("corpus/x.txt", "0" * 64), tuple(blocks), **kw)


def fragment(data: bytes, xpath: str) -> str:
    """The first element matching `xpath` serialized alone, TEI namespace declaration stripped."""
    tree = etree.fromstring(data)
    found = tree.xpath(xpath, namespaces=NS)
    assert found, f"nothing matches {xpath}"
    return etree.tostring(found[0], encoding="unicode", with_tail=False).replace(f' xmlns="{TEI_NS}"', "")


def ids(data: bytes) -> list[str]:
    return etree.fromstring(data).xpath("//@xml:id")

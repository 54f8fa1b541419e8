"""The corpus file: one TEI that lists every exported document.

A plain `<TEI xml:id="corpus">` rather than a `<teiCorpus>` with XInclude: it
validates on its own against tei_all with any validator. Its header carries what
the documents share: one `<bibl>` per document in `sourceDesc/listBibl`, the
applications, the union of the authority lists and the obligations taxonomy; its
body is `<list type="documents">`, one `<item n="d000">` per document with a
`<ref target="d000.xml">` to its file and the number of its sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from ..align import Alignment, align
from ..model import AuthorityEntry, Document, Metadata, Source
from .header import Application, applications, bibl, declare_languages, encoding_desc, profile_desc, text_el
from .names import TEI_NS, XML_ID, XML_LANG, tei
from .options import ExportOptions

CORPUS_ID = "corpus"


@dataclass(frozen=True)
class CorpusMember:
    """What the corpus file needs of one exported document (kept instead of the document)."""

    id: str
    file_name: str
    meta: Metadata
    source: Source
    authority: tuple[AuthorityEntry, ...]
    applications: tuple[Application, ...]
    sentences: int
    translated: bool

    @classmethod
    def of(
        cls, doc: Document, file_name: str, options: ExportOptions, alignment: Alignment | None = None
    ) -> CorpusMember:
        """`alignment`: `align(doc)` when the caller already has it (one pair per translatable sentence)."""
        alignment = align(doc) if alignment is None else alignment
        return cls(
            doc.id,
            file_name,
            doc.meta,
            doc.source,
            doc.authority,
            tuple(applications(doc, options)),
            len(alignment.pairs),
            alignment.has_english,
        )


def corpus_to_tei(members: Sequence[CorpusMember], options: ExportOptions, title: str = "") -> tuple[bytes, list[str]]:
    """The corpus TEI (bytes) and the warnings raised while building it."""
    from .export import serialize

    warnings: list[str] = []
    root = etree.Element(tei("TEI"), {XML_ID: CORPUS_ID}, nsmap={None: TEI_NS})
    root.append(_header(members, options, title, warnings))
    text = etree.SubElement(root, tei("text"))
    body = etree.SubElement(text, tei("body"))
    listing = etree.SubElement(body, tei("list"), type="documents")
    if not members:
        text_el(listing, "item", "No documents were exported.", warnings)
    for member in members:
        item = etree.SubElement(listing, tei("item"), n=member.id, corresp=f"#{CORPUS_ID}.{member.id}")
        text_el(item, "ref", member.meta.title, warnings, target=f"{member.file_name}#{member.id}")
        english = "with English translation" if member.translated else "Dutch only"
        _tail(item, f" ({member.sentences} sentences, {english})")
    declare_languages(root)
    return serialize(root), warnings


def _tail(element: etree._Element, text: str) -> None:
    last = element[-1]
    last.tail = (last.tail or "") + text


def _header(members: Sequence[CorpusMember], options: ExportOptions, title: str, warnings: list[str]) -> etree._Element:
    header = etree.Element(tei("teiHeader"))
    file_desc = etree.SubElement(header, tei("fileDesc"))
    title_stmt = etree.SubElement(file_desc, tei("titleStmt"))
    title = title or f"Bilingual (Dutch-English) corpus of {len(members)} policy documents"
    text_el(title_stmt, "title", title, warnings, **{XML_LANG: "en", "type": "main"})
    extent = etree.SubElement(file_desc, tei("extent"))
    for unit, quantity in (("documents", len(members)), ("sentences", sum(m.sentences for m in members))):
        text_el(extent, "measure", f"{quantity} {unit}", warnings, unit=unit, quantity=str(quantity))
    publication = etree.SubElement(file_desc, tei("publicationStmt"))
    publishers = sorted({m.meta.publisher for m in members if m.meta.publisher})
    text_el(publication, "publisher", options.publisher or "; ".join(publishers) or "Unknown publisher", warnings)
    text_el(publication, "date", options.date, warnings, when=options.date)
    availability = etree.SubElement(publication, tei("availability"))
    text_el(availability, "p", "Each document keeps its own licence; see the documents' headers.", warnings)
    source_desc = etree.SubElement(file_desc, tei("sourceDesc"))
    list_bibl = etree.SubElement(source_desc, tei("listBibl"))
    if not members:
        text_el(list_bibl, "bibl", "No documents.", warnings)
    for member in members:
        doc = Document(member.id, member.meta, member.source, ())
        list_bibl.append(bibl(doc, warnings, xml_id=f"{CORPUS_ID}.{member.id}"))
    apps = list(dict.fromkeys(app for m in members for app in m.applications)) or [
        Application("pipeline", options.pipeline_version.split("+")[0], "tei-bilingual-pipeline", "Export only")
    ]
    header.append(encoding_desc([m.authority for m in members], apps, warnings))
    varieties = sorted({"nl-BE" if m.meta.variety == "nl-BE" else "nl" for m in members}) or ["nl"]
    profile = profile_desc([m.authority for m in members], varieties[0], any(m.translated for m in members), warnings)
    usage = profile.find(tei("langUsage"))
    for extra in varieties[1:]:
        usage.insert(1, _language(extra, warnings))
    header.append(profile)
    revision = etree.SubElement(header, tei("revisionDesc"))
    text_el(
        revision,
        "change",
        f"Exported by tei-bilingual-pipeline {options.pipeline_version}",
        warnings,
        when=options.date,
    )
    return header


def _language(ident: str, warnings: list[str]) -> etree._Element:
    el = etree.Element(tei("language"), ident=ident)
    el.text = "Flemish (Belgian Dutch)" if ident == "nl-BE" else "Dutch"
    return el

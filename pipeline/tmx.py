"""TMX 1.4 translation memory of the aligned sentence pairs of translated documents.

Needs documents whose sentences carry translations (after `translate`, or read
back from TEI). Writes one `<tu>` per Dutch sentence with its English
translation; passthrough sentences (already English) are left out, since they
are not a translation. Each unit carries its document and sentence ids so a
translator can find it in the TEI; a unit a reviewer corrected carries
`<prop type="x-reviewed">` naming the reviewer, a stale review
`<prop type="x-stale">`. No dates are written, so unchanged input gives a
byte-identical file.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from . import __version__
from .model import Document, Sentence
from .tei.names import XML_LANG


def documents_to_tmx(docs: Iterable[Document], source_lang: str = "nl", target_lang: str = "en") -> bytes:
    """The TMX 1.4 file (UTF-8 bytes) of every translated sentence pair of `docs`, in order."""
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(
        root,
        "header",
        creationtool="pipeline",
        creationtoolversion=__version__,
        segtype="sentence",
        datatype="plaintext",
        adminlang="en",
        srclang=source_lang,
        **{"o-tmf": "TEI"},
    )
    body = etree.SubElement(root, "body")
    for doc in docs:
        for _block, sentence in doc.sentences():
            if is_translation_pair(sentence):
                body.append(_unit(doc, sentence, source_lang, target_lang))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def is_translation_pair(sentence: Sentence) -> bool:
    """A sentence that was translated (machine, cache or reviewer), not passed through."""
    translation = sentence.translation
    return translation is not None and translation.origin != "passthrough" and bool(translation.text.strip())


def _unit(doc: Document, sentence: Sentence, source_lang: str, target_lang: str) -> etree._Element:
    translation = sentence.translation
    unit = etree.Element("tu", tuid=f"{doc.id}.{sentence.id}")
    _prop(unit, "x-document", doc.id)
    _prop(unit, "x-origin", translation.origin)
    if translation.origin == "reviewed":
        _prop(unit, "x-reviewed", translation.resp or "yes")
    if translation.stale:
        _prop(unit, "x-stale", "source changed since the review")
    for lang, text in ((source_lang, sentence.text), (target_lang, translation.text)):
        variant = etree.SubElement(unit, "tuv", {XML_LANG: lang})
        etree.SubElement(variant, "seg").text = text
    return unit


def _prop(unit: etree._Element, kind: str, value: str) -> None:
    etree.SubElement(unit, "prop", type=kind).text = value

"""TEI P5 export of one document: `document_to_tei(doc, options) -> bytes`.

Needs a segmented document (translations and annotations optional). Writes nothing
and adds nothing to the document; returns the UTF-8 bytes of a pretty-printed TEI
file with the `xml-model` processing instruction. The same document and options
always give the same bytes (the only date is `options.date`).

`write_validated` validates the bytes against tei_all and writes them
atomically, only if they changed; it never leaves an invalid file behind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..align import Alignment, align
from ..errors import ExportError
from ..files import write_if_changed
from ..model import Document
from .body import EN, NL, BodyContext, build_back, build_text
from .header import build_header, complete_header, nl_lang
from .names import TEI_NS, XML_ID, XML_MODEL_PI, tei
from .options import ExportOptions
from .schema import SchemaError, validate


@dataclass
class TeiResult:
    """The exported bytes, the alignment they encode, and the warnings raised while building them."""

    data: bytes
    alignment: Alignment
    warnings: list[str] = field(default_factory=list)


def document_to_tei(doc: Document, options: ExportOptions) -> bytes:
    """The TEI file of `doc` (bytes). See `build_tei` for the warnings as well."""
    return build_tei(doc, options).data


def build_tei(doc: Document, options: ExportOptions) -> TeiResult:
    """The TEI file of `doc`, with its alignment and the warnings raised while building it."""
    alignment = align(doc)
    translated = alignment.has_english
    ctx = BodyContext.build(doc, alignment, nl_lang(doc.meta))
    root = etree.Element(tei("TEI"), {XML_ID: doc.id}, nsmap={None: TEI_NS})
    outer = etree.Element(tei("text"))
    group = etree.SubElement(outer, tei("group"))
    group.append(build_text(ctx, NL))
    if translated:
        group.append(build_text(ctx, EN))
        outer.append(build_back(ctx))
    # the header last: it lists the reviewers the body met
    root.append(build_header(doc, options, translated, ctx.reviewers, ctx.warnings))
    root.append(outer)
    complete_header(root)
    return TeiResult(serialize(root), alignment, ctx.warnings)


def serialize(root: etree._Element) -> bytes:
    """Pretty-printed UTF-8 with the XML declaration and the xml-model processing instruction."""
    root.addprevious(etree.ProcessingInstruction("xml-model", XML_MODEL_PI))
    return etree.tostring(root.getroottree(), encoding="UTF-8", xml_declaration=True, pretty_print=True)


def check_valid(path: Path, data: bytes, schema: etree.RelaxNG, shown: int = 5) -> None:
    """Raise ExportError naming `path` and its first errors when `data` does not validate."""
    errors = validate(schema, data)
    if errors:
        first = "; ".join(e.format(path.name) for e in errors[:shown])
        more = f" (and {len(errors) - shown} more)" if len(errors) > shown else ""
        raise ExportError(f"{path}: the exported TEI does not validate against tei_all, nothing written: {first}{more}")


def write_validated(path: Path, data: bytes, schema: etree.RelaxNG | None) -> bool:
    """Validate (unless `schema` is None) and write `data` atomically if it changed; True if written."""
    if schema is not None:
        check_valid(path, data, schema)
    return write_if_changed(path, data)


__all__ = [
    "ExportOptions",
    "SchemaError",
    "TeiResult",
    "build_tei",
    "check_valid",
    "document_to_tei",
    "serialize",
    "write_validated",
]

"""Parse XML that came back from outside the pipeline (a reviewer's editor) safely.

A reviewed TEI file is untrusted input. It is parsed with entity substitution,
DTD loading and network access switched off, after a size check made on the file
system before a byte is read, and a DOCTYPE that declares entities (billion
laughs, external entities pointing at local files or URLs) is refused outright.
Every refusal is a `ReviewError` naming the file and, where there is one, the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .errors import ReviewError
from .tei.names import XML_ID, XML_LANG, tei

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)


@dataclass(frozen=True)
class ParseLimits:
    """How much untrusted XML the pipeline agrees to read."""

    max_bytes: int = DEFAULT_MAX_BYTES


def safe_parser() -> etree.XMLParser:
    """A parser that never expands entities, loads a DTD, or touches the network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        recover=False,
        remove_blank_text=False,
    )


def read_bounded(path: Path, limits: ParseLimits = ParseLimits()) -> bytes:
    """The bytes of `path`, refused by its size on disk before anything is read."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ReviewError(f"{path}: no such file") from None
    if size > limits.max_bytes:
        raise ReviewError(
            f"{path}: file is {_megabytes(size)}, larger than the {_megabytes(limits.max_bytes)} "
            "a reviewed TEI file may have; refused without reading it"
        )
    with path.open("rb") as handle:
        data = handle.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:  # grew between stat and read
        raise ReviewError(f"{path}: file is larger than {_megabytes(limits.max_bytes)}; refused")
    return data


def parse_bytes(data: bytes, name: str | Path) -> etree._ElementTree:
    """Parse `data` (named `name` in messages) with the safe parser."""
    if _DOCTYPE.search(data) and _ENTITY_DECL.search(data):
        line = data[: _ENTITY_DECL.search(data).start()].count(b"\n") + 1
        raise ReviewError(
            f"{name}: line {line}: the DOCTYPE declares entities; refused (entity declarations are never read)"
        )
    try:
        tree = etree.ElementTree(etree.fromstring(data, safe_parser()))
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or (exc.position[0] if exc.position else 0)
        message = str(exc.msg if hasattr(exc, "msg") and exc.msg else exc)
        raise ReviewError(f"{name}: line {line}: not well-formed XML ({message})") from None
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise ReviewError(f"{name}: line 1: the DOCTYPE declares entities; refused")
    return tree


def parse_file(path: Path, limits: ParseLimits = ParseLimits()) -> etree._ElementTree:
    """Parse the XML file at `path` safely (size bound, no entities, no DTD, no network)."""
    return parse_bytes(read_bounded(path, limits), path)


def parse_tei_file(path: Path, limits: ParseLimits = ParseLimits()) -> etree._ElementTree:
    """Parse `path` and check it is a TEI document of the shape the pipeline writes."""
    tree = parse_file(path, limits)
    check_tei_shape(tree, path)
    return tree


def check_tei_shape(tree: etree._ElementTree, name: str | Path) -> None:
    """Refuse a tree that is not a bilingual TEI file as exported by the pipeline."""
    root = tree.getroot()
    if root.tag != tei("TEI"):
        raise ReviewError(
            f"{name}: line {root.sourceline}: root element is <{etree.QName(root).localname}>"
            f"{_ns_hint(root)}, expected <TEI> in the TEI namespace"
        )
    if not root.get(XML_ID):
        raise ReviewError(f"{name}: line {root.sourceline}: <TEI> has no xml:id (not a file the pipeline wrote)")
    langs = [t.get(XML_LANG) for t in root.iterfind(f"{tei('text')}/{tei('group')}/{tei('text')}")]
    if not any(lang and lang.split("-")[0] == "nl" for lang in langs):  # English is absent when not translated
        raise ReviewError(f'{name}: line {root.sourceline}: expected <text><group> with a Dutch (xml:lang="nl") <text>')


def _ns_hint(element: etree._Element) -> str:
    namespace = etree.QName(element).namespace
    return f" in namespace {namespace}" if namespace else " without a namespace"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size} bytes"

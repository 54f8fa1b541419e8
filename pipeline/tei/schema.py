"""The TEI P5 RelaxNG schema (tei_all) and validation against it, offline.

`tei_all.rng` (TEI P5 4.3.0, see schema_data/LICENCE.md) ships with the package.
Compiling it takes libxml2 about six seconds, so `load_schema()` returns a
`TeiSchema` that checks a file first against a subset of tei_all for the elements
the exporter writes (`tei_pipeline.rng`, derived from tei_all by
pipeline.tei.schema_subset; compiled in ~0.4 s on first use). What the subset
accepts, tei_all accepts; a file the subset rejects is checked against tei_all
itself (compiled then, once per process), whose verdict and messages are reported.
So the answer is always tei_all's, and a run of valid files never waits for it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from lxml import etree

from ..errors import ValidationError

TEI_ALL_FILE = "tei_all.rng"
SUBSET_FILE = "tei_pipeline.rng"


@dataclass(frozen=True)
class SchemaError:
    """One validation problem: the line in the file (0 when unknown) and the message."""

    line: int
    message: str

    def format(self, name: str) -> str:
        return f"{name}:{self.line}: {self.message}"


def schema_path(name: str = TEI_ALL_FILE) -> Path:
    """Where a shipped schema file lies; a clear error when the installation lacks it."""
    path = Path(str(resources.files("pipeline.tei") / "schema_data" / name))
    if not path.is_file():
        raise ValidationError(f"{path}: the TEI P5 schema is missing from the installed package; reinstall it")
    return path


class TeiSchema:
    """tei_all, answered fast: the exporter's subset first, tei_all for what it rejects.
    Nothing is compiled until the first document is checked."""

    def __init__(self, subset: Path, full: Path):
        self.subset_path, self.full_path = subset, full

    @property
    def subset(self) -> etree.RelaxNG:
        return _load(self.subset_path)

    @property
    def full(self) -> etree.RelaxNG:
        return _load(self.full_path)

    def errors(self, tree: etree._ElementTree) -> list[SchemaError]:
        if self.subset.validate(tree):
            return []
        return _errors(self.full, tree)


def load_schema(path: Path | None = None) -> TeiSchema | etree.RelaxNG:
    """tei_all (a `TeiSchema`), or the RelaxNG schema at `path`; each compiled once per process."""
    if path is not None:
        return _load(Path(path))
    return TeiSchema(schema_path(SUBSET_FILE), schema_path(TEI_ALL_FILE))


def load_tei_all() -> etree.RelaxNG:
    """tei_all.rng itself, compiled (slow, ~6 s: once per process)."""
    return _load(schema_path(TEI_ALL_FILE))


@functools.lru_cache(maxsize=4)
def _load(path: Path) -> etree.RelaxNG:
    try:
        return etree.RelaxNG(etree.parse(str(path)))
    except (OSError, etree.XMLSyntaxError, etree.RelaxNGParseError) as exc:
        raise ValidationError(f"{path}: cannot load the RelaxNG schema ({exc})") from None


def validate(schema: TeiSchema | etree.RelaxNG, source: bytes | Path | etree._ElementTree) -> list[SchemaError]:
    """Every problem of `source` (XML bytes, a file, or a parsed tree) against `schema`.

    A file that is not well-formed XML gives one error with the parser's line and
    message (no schema is compiled for it); an empty list means the document is valid.
    """
    try:
        tree = _parse(source)
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else 0
        return [SchemaError(line, f"not well-formed XML: {exc.msg}")]
    if isinstance(schema, TeiSchema):
        return schema.errors(tree)
    return _errors(schema, tree)


def _errors(schema: etree.RelaxNG, tree: etree._ElementTree) -> list[SchemaError]:
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

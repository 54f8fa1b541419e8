"""The corpus manifest: which documents there are, where their files lie, what they are.

A corpus is a folder with a `manifest.yaml` (see `corpus/manifest.yaml`). A single
file given on the command line is looked up in the manifest of its folder; a file
that no manifest lists gets metadata derived from its name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from pathlib import Path

import yaml

from .errors import ManifestError
from .model import Metadata

MANIFEST_NAME = "manifest.yaml"
_ID_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
_FORMS = ("pdf-text", "markdown", "pdf")
_VARIETIES = ("nl-NL", "nl-BE")
_META_FIELDS = {f.name for f in fields(Metadata)}


@dataclass(frozen=True)
class CorpusEntry:
    id: str
    path: Path
    meta: Metadata


def load_manifest(manifest: Path) -> list[CorpusEntry]:
    """Read and check a manifest; every problem names the manifest and the entry."""
    try:
        data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ManifestError(f"{manifest}: no such manifest") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{manifest}: not a readable YAML manifest ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise ManifestError(f"{manifest}: expected a top-level 'documents:' list")
    entries: list[CorpusEntry] = []
    seen: set[str] = set()
    for position, raw in enumerate(data["documents"], start=1):
        entry = _entry(manifest, position, raw)
        if entry.id in seen:
            raise ManifestError(f"{manifest}: document {position}: id {entry.id!r} is used twice")
        seen.add(entry.id)
        entries.append(entry)
    return entries


def _entry(manifest: Path, position: int, raw: object) -> CorpusEntry:
    where = f"{manifest}: document {position}"
    if not isinstance(raw, dict):
        raise ManifestError(f"{where}: expected a mapping of fields")
    unknown = set(raw) - _META_FIELDS - {"id", "file"}
    if unknown:
        raise ManifestError(f"{where}: unknown field(s) {', '.join(sorted(map(str, unknown)))}")
    doc_id, file_name = raw.get("id"), raw.get("file")
    if not isinstance(doc_id, str) or not _ID_PATTERN.match(doc_id):
        raise ManifestError(f"{where}: 'id' must be letters, digits, '.', '-' or '_' (got {doc_id!r})")
    if not isinstance(file_name, str) or not file_name:
        raise ManifestError(f"{where} ({doc_id}): 'file' is missing")
    path = manifest.parent / file_name
    if not path.is_file():
        raise ManifestError(f"{where} ({doc_id}): file {path} does not exist")
    values = {key: ("" if raw[key] is None else str(raw[key])) for key in _META_FIELDS if key in raw}
    if not values.get("title"):
        raise ManifestError(f"{where} ({doc_id}): 'title' is missing")
    values.setdefault("form", form_from_suffix(path))
    if values["form"] not in _FORMS:
        raise ManifestError(f"{where} ({doc_id}): 'form' must be one of {', '.join(_FORMS)}")
    if values.get("variety", "nl-NL") not in _VARIETIES:
        raise ManifestError(f"{where} ({doc_id}): 'variety' must be one of {', '.join(_VARIETIES)}")
    return CorpusEntry(doc_id, path, Metadata(**values))


def manifest_lexicons(corpus: Path) -> Path | None:
    """The lexicons folder a corpus names (`lexicons: path` at the top of its manifest), or None."""
    manifest = corpus if corpus.is_file() and corpus.suffix in (".yaml", ".yml") else corpus / MANIFEST_NAME
    if not manifest.is_file():
        return None
    try:
        data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{manifest}: not a readable YAML manifest ({exc})") from None
    value = data.get("lexicons") if isinstance(data, dict) else None
    if value is None:
        return None
    folder = manifest.parent / str(value)
    if not isinstance(value, str) or not folder.is_dir():
        raise ManifestError(f"{manifest}: 'lexicons' must name a folder of lexicon files (got {value!r})")
    return folder


def form_from_suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    return "markdown" if suffix in (".md", ".markdown") else "pdf" if suffix == ".pdf" else "pdf-text"


def entry_for_file(path: Path) -> CorpusEntry:
    """The manifest entry for `path`, or metadata derived from its name."""
    manifest = path.parent / MANIFEST_NAME
    if manifest.is_file():
        for entry in load_manifest(manifest):
            if entry.path.resolve() == path.resolve():
                return entry
    return CorpusEntry(_id_from_name(path), path, Metadata(title=path.stem, form=form_from_suffix(path)))


def _id_from_name(path: Path) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9_.-]+", "-", path.stem).strip("-.") or "doc"
    return cleaned if _ID_PATTERN.match(cleaned) else f"d{cleaned}"


def discover(corpus: Path) -> list[CorpusEntry]:
    """Entries of a corpus given as a manifest file, a folder with a manifest, or a bare folder."""
    if corpus.is_file() and corpus.suffix in (".yaml", ".yml"):
        return load_manifest(corpus)
    if corpus.is_dir():
        manifest = corpus / MANIFEST_NAME
        if manifest.is_file():
            return load_manifest(manifest)
        files = sorted(p for p in corpus.iterdir() if p.suffix.lower() in (".txt", ".md", ".markdown", ".pdf"))
        if not files:
            raise ManifestError(f"{corpus}: no manifest.yaml and no .txt, .md or .pdf files")
        return [entry_for_file(p) for p in files]
    if corpus.is_file():
        return [entry_for_file(corpus)]
    raise ManifestError(f"{corpus}: no such file or folder")

"""Files in a corpus folder that a run does not process: each is named, never skipped silently.

A corpus folder with a manifest: every file under the folder (subfolders included)
that no `documents:` entry names is reported, unless it matches a pattern of the
manifest's top-level `exclude:` list. Patterns are shell globs matched against the
path relative to the manifest's folder, with `/` separators (`README.md`, `*.pdf`,
`notes/*`; `*` also matches across folders). A folder without a manifest: every
file beside the documents that is not one of them. Hidden files and folders (name
starting with "."), the manifest itself and the run's output folder are never reported.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from pathlib import Path

import yaml

from .corpus import MANIFEST_NAME, CorpusEntry
from .errors import ManifestError

EXCLUDE_KEY = "exclude"


def unprocessed_files(corpus: Path, entries: Iterable[CorpusEntry], output: Path | None = None) -> list[Path]:
    """The files of the corpus folder of `corpus` that are not among `entries`, sorted."""
    manifest = _manifest_of(corpus)
    if manifest is None and not corpus.is_dir():
        return []  # a single document given by name
    folder = manifest.parent if manifest else corpus
    processed = {entry.path.resolve() for entry in entries}
    skip = {output.resolve()} if output is not None else set()
    patterns: list[str] = []
    if manifest is not None:
        processed.add(manifest.resolve())
        patterns = exclude_patterns(manifest)
    candidates = _files(folder, skip) if manifest is not None else _top_level_files(folder)
    found = []
    for path in candidates:
        relative = path.relative_to(folder).as_posix()
        if path.resolve() in processed or any(fnmatch.fnmatchcase(relative, p) for p in patterns):
            continue
        found.append(path)
    return sorted(found)


def unprocessed_warnings(corpus: Path, entries: Iterable[CorpusEntry], output: Path | None = None) -> list[str]:
    """One run-summary warning per unprocessed file, saying how to include or silence it."""
    manifest = _manifest_of(corpus)
    if manifest is None:
        why = f"not a kind of file read from a folder without {MANIFEST_NAME} (list it in one to read it)"
    else:
        why = f"not listed in {manifest.name} (add it under 'documents:', or under 'exclude:' to silence this)"
    return [
        f"{path}: in the corpus folder but not processed: {why}" for path in unprocessed_files(corpus, entries, output)
    ]


def exclude_patterns(manifest: Path) -> list[str]:
    """The manifest's `exclude:` glob patterns (none when the key is absent)."""
    try:
        data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return []  # load_manifest has already reported an unreadable manifest
    patterns = data.get(EXCLUDE_KEY) if isinstance(data, dict) else None
    if patterns is None:
        return []
    if not isinstance(patterns, list) or not all(isinstance(p, str) and p for p in patterns):
        raise ManifestError(f"{manifest}: '{EXCLUDE_KEY}:' must be a list of glob patterns (e.g. - README.md)")
    return patterns


def _manifest_of(corpus: Path) -> Path | None:
    if corpus.is_file() and corpus.suffix in (".yaml", ".yml"):
        return corpus
    if corpus.is_dir() and (corpus / MANIFEST_NAME).is_file():
        return corpus / MANIFEST_NAME
    return None


def _files(folder: Path, skip: set[Path]) -> Iterable[Path]:
    """Files under `folder`; each folder is visited once (a symlink loop ends), `skip` not at all."""
    skip.add(folder.resolve())
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.is_dir():
            if path.resolve() not in skip:
                yield from _files(path, skip)
        elif path.is_file():
            yield path


def _top_level_files(folder: Path) -> Iterable[Path]:
    return (p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))

"""Reviewed TEI files in an output folder: find the corrections, keep them, remember what was written.

The last-produced state of `<folder>/d000.xml` is `<folder>/.pipeline/d000.xml`
(`produced_path`): exactly the bytes the pipeline last wrote there. A rerun does:

    loaded = load_review(tei_path, options)        # ledger in the TEI + new edits vs the copy
    doc = apply_review(doc, loaded.decisions + reused)   # pipeline.review, before translating
    ...translate, annotate, export (the writer records doc.review)...
    write_tei(tei_path, data, schema)              # validated TEI + the copy, atomically

An edit the rerun cannot keep (`tei.unkept`: a changed header, an element or
attribute the pipeline does not write, a comment) is listed in `loaded.unkept`,
and the reviewed file is first saved as `<folder>/.pipeline/kept/d000.reviewed-<digest>.xml`
(`kept_path`, named by the sha256 of its bytes) so that nothing a reviewer did is lost.

A file with no copy beside it (written by an older version, or copied in) has
only its ledger read: nothing in it can be told apart as a reviewer's edit.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .files import write_if_changed
from .model import Decision
from .review import detect_decisions, merge_decisions
from .safe_xml import ParseLimits, check_tei_shape, parse_bytes, read_bounded
from .tei.export import write_validated
from .tei.reader import tree_to_document
from .tei.revisions import mark_in_place, read_ledger
from .tei.unkept import UnkeptEdit, unkept_edits

PRODUCED_FOLDER = ".pipeline"
DEFAULT_REVIEWER = "reviewer"


@dataclass(frozen=True)
class ReviewOptions:
    """reviewer: who new corrections are attributed to (unless the reviewer set @resp);
    date: ISO date written on new `<change>` records."""

    date: str
    reviewer: str = DEFAULT_REVIEWER
    limits: ParseLimits = ParseLimits()


def produced_path(tei_path: Path) -> Path:
    """Where the bytes last written to `tei_path` are kept (a hidden folder beside it)."""
    return tei_path.parent / PRODUCED_FOLDER / tei_path.name


def kept_path(tei_path: Path, data: bytes) -> Path:
    """Where a reviewed file with edits a rerun cannot keep is saved before it is replaced."""
    stem = tei_path.name.removesuffix(".xml")
    return tei_path.parent / PRODUCED_FOLDER / "kept" / f"{stem}.reviewed-{hashlib.sha256(data).hexdigest()[:12]}.xml"


@dataclass(frozen=True)
class LoadedReview:
    """What a reviewed TEI file holds: the decisions to keep, and the edits that cannot be kept
    (`saved`: where the reviewed file was saved because of them)."""

    path: Path
    decisions: tuple[Decision, ...] = ()
    unkept: tuple[UnkeptEdit, ...] = ()
    saved: Path | None = None

    def warnings(self) -> list[str]:
        """One line per edit that cannot be kept: file, line, what, and where the file is saved."""
        lines = [
            f"{self.path}: line {e.line}: reviewer edit not kept: {e.what} (the reviewed file is saved as {self.saved})"
            for e in self.unkept[:_SHOWN]
        ]
        if len(self.unkept) > _SHOWN:
            lines.append(f"{self.path}: {len(self.unkept) - _SHOWN} more reviewer edit(s) not kept (see {self.saved})")
        return lines


_SHOWN = 5


def load_review(tei_path: Path, options: ReviewOptions, save: bool = True) -> LoadedReview:
    """The reviewer decisions for the TEI file at `tei_path` (empty when there is no file);
    with `save`, a file with edits that cannot be kept is saved (`kept_path`) before this returns."""
    if not tei_path.is_file():
        return LoadedReview(tei_path)
    data = read_bounded(tei_path, options.limits)
    loaded = _review_of(tei_path, data, options)
    if loaded.unkept and save:
        _save(loaded.saved, data)
    return loaded


def _review_of(tei_path: Path, data: bytes, options: ReviewOptions) -> LoadedReview:
    """The decisions in `data`, the bytes of `tei_path`: its ledger and its edits against the copy."""
    tree = parse_bytes(data, tei_path)
    check_tei_shape(tree, tei_path)
    root = tree.getroot()
    sidecar = produced_path(tei_path)
    produced_bytes = read_bounded(sidecar, options.limits) if sidecar.is_file() else data
    if produced_bytes == data:  # nothing edited (or nothing to tell edits by): the ledger alone
        return LoadedReview(tei_path, read_ledger(root, tei_path))
    produced_tree = parse_bytes(produced_bytes, sidecar)
    check_tei_shape(produced_tree, sidecar)
    produced = tree_to_document(produced_tree, sidecar)
    reviewed = tree_to_document(tree, tei_path)  # its ledger included, as `reviewed.review`
    found = detect_decisions(produced, reviewed, options.reviewer, options.date)
    unkept = tuple(unkept_edits(produced_tree.getroot(), root))
    return LoadedReview(
        tei_path,
        merge_decisions(reviewed.review, found),
        unkept,
        kept_path(tei_path, data) if unkept else None,
    )


def _save(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_if_changed(path, data)


def write_tei(tei_path: Path, data: bytes, schema: etree.RelaxNG | None = None) -> bool:
    """Validate, write `tei_path` if it changed, and remember the bytes as last produced."""
    written = write_validated(tei_path, data, schema)
    remember_produced(tei_path, data)
    return written


def remember_produced(tei_path: Path, data: bytes) -> None:
    _save(produced_path(tei_path), data)


def merge_review_file(tei_path: Path, options: ReviewOptions, load_schema=None) -> LoadedReview:
    """`pipeline merge-review`: record the corrections in `tei_path` itself.

    The file is read safely first; a refused file is left untouched (and the slow
    schema, `load_schema()`, is not even loaded). The result is validated before it
    replaces the file, and becomes the new last-produced copy. A file with edits a
    rerun cannot keep is left as it is (and saved, `kept_path`): the next run keeps
    its corrections and reports those edits again.
    """
    loaded = load_review(tei_path, options)
    if not loaded.unkept:
        marked = mark_in_place(read_bounded(tei_path, options.limits), loaded.decisions)
        write_tei(tei_path, marked, load_schema() if load_schema else None)
    return loaded


__all__ = [
    "PRODUCED_FOLDER",
    "LoadedReview",
    "ReviewOptions",
    "kept_path",
    "load_review",
    "merge_review_file",
    "produced_path",
    "remember_produced",
    "write_tei",
]

"""Reviewed TEI files in an output folder: find the corrections, keep them, remember what was written.

The last-produced state of `<folder>/d000.xml` is `<folder>/.pipeline/d000.xml`
(`produced_path`): exactly the bytes the pipeline last wrote there. A rerun does:

    review = load_review(tei_path, options)       # ledger in the TEI + new edits vs the copy
    feed_cache(review, translator.cache)           # before translating: reuse elsewhere
    doc = apply_source_review(doc, review)         # before translating: corrected Dutch is translated
    ...translate, annotate...
    doc, result = build_reviewed_tei(doc, review, options)  # replay the review, export, record the ledger
    write_tei(tei_path, result.data, schema)       # validated TEI + the copy, atomically

A file with no copy beside it (written by an older version, or copied in) has
only its ledger read: nothing in it can be told apart as a reviewer's edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .files import write_if_changed
from .review import Review, apply_review, detect_decisions, merge_decisions
from .safe_xml import ParseLimits, check_tei_shape, parse_bytes, read_bounded
from .tei.export import build_tei, write_validated
from .tei.names import XML_ID
from .tei.reader import read_tei_bytes, tree_to_document
from .tei.revisions import mark_in_place, read_ledger, record_ledger

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


def load_review(tei_path: Path, options: ReviewOptions) -> Review:
    """The reviewer decisions for the TEI file at `tei_path` (empty when there is no file)."""
    if not tei_path.is_file():
        return Review(doc_id="")
    return _review_of(tei_path, read_bounded(tei_path, options.limits), options)


def _review_of(tei_path: Path, data: bytes, options: ReviewOptions) -> Review:
    """The decisions in `data`, the bytes of `tei_path`: its ledger and its edits against the copy."""
    tree = parse_bytes(data, tei_path)
    check_tei_shape(tree, tei_path)
    root = tree.getroot()
    decisions = read_ledger(root)
    sidecar = produced_path(tei_path)
    if sidecar.is_file():
        produced_bytes = read_bounded(sidecar, options.limits)
        if produced_bytes != data:
            produced = read_tei_bytes(produced_bytes, sidecar)
            reviewed = tree_to_document(tree, tei_path)
            found = detect_decisions(produced, reviewed, options.reviewer, options.date)
            decisions = merge_decisions(decisions, found)
    return Review(doc_id=root.get(XML_ID), decisions=decisions)


def feed_cache(review: Review, cache) -> int:
    """Store every current reviewed translation as the preferred one for its Dutch sentence."""
    if cache is None:
        return 0
    count = 0
    for decision in review.reviewed_translations():
        cache.put_reviewed(decision.source, decision.segments, decision.who)
        count += 1
    return count


def write_tei(tei_path: Path, data: bytes, schema: etree.RelaxNG | None = None) -> bool:
    """Validate, write `tei_path` if it changed, and remember the bytes as last produced."""
    written = write_validated(tei_path, data, schema)
    remember_produced(tei_path, data)
    return written


def remember_produced(tei_path: Path, data: bytes) -> None:
    sidecar = produced_path(tei_path)
    sidecar.parent.mkdir(parents=True, exist_ok=True)
    write_if_changed(sidecar, data)


def build_reviewed_tei(doc, review: Review, export_options):
    """`tei.export.build_tei` for `doc` with the corrections of `review` (`load_review`) kept.

    Returns the corrected document (stale reviews in its warnings) and the
    exporter's `TeiResult` whose data carries the review ledger.
    """
    if review:
        doc, review = apply_review(doc, review)
    result = build_tei(doc, export_options)
    result.data = record_ledger(result.data, review.doc_id, review.decisions)  # unchanged without decisions
    return doc, result


def merge_review_file(tei_path: Path, options: ReviewOptions, load_schema=None) -> int:
    """`pipeline merge-review`: record the corrections in `tei_path` itself; returns how many.

    The file is read safely first; a refused file is left untouched (and the slow
    schema, `load_schema()`, is not even loaded). The result is validated before it
    replaces the file, and becomes the new last-produced copy.
    """
    data = read_bounded(tei_path, options.limits)
    review = _review_of(tei_path, data, options)
    marked = mark_in_place(data, review.decisions)
    write_tei(tei_path, marked, load_schema() if load_schema else None)
    return len(review.decisions)


__all__ = [
    "PRODUCED_FOLDER",
    "ReviewOptions",
    "feed_cache",
    "load_review",
    "merge_review_file",
    "build_reviewed_tei",
    "produced_path",
    "remember_produced",
    "write_tei",
]

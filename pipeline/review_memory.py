"""Reuse of a reviewed translation for the same Dutch sentence elsewhere, within clear bounds.

A reviewer's corrected translation is reused for every sentence with the same
Dutch text in the other documents of the same output folder, and in other
output folders only when the user names a shared review memory
(`pipeline run --review-memory PATH`: a folder of reviewed TEI files, such as
another run's output folder, or one TEI file). Each reuse becomes a decision of
the document it is reused in, recorded there by its own `<change>` whose
`<seg type="origin">` says where the correction came from
(`d000.xml#d000.en.s5` in the same folder, `PATH/d000.xml#d000.en.s5` from a
named memory). The machine-translation cache is never involved.

Only decisions made in a document (not reused ones) and not stale are offered.
Where several documents corrected the same Dutch sentence, this output folder's
win over the named memory's, then the newest decision, then the first file by
name. A document's own correction always wins over a reused one; a reused one is
replaced when its origin's correction changed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from pathlib import Path

from .model import Decision, DecisionKind, Document
from .review import basis, digest, reviewed_translations
from .review_merge import ReviewOptions, load_review
from .tei.corpus import CORPUS_ID


class ReviewMemory:
    """Reviewed translations by the Dutch text they were made against."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[tuple, Decision]] = {}  # Dutch text -> (rank, decision)

    def offer(self, decisions: Iterable[Decision], origin: str, doc_id: str, own_folder: bool = False) -> None:
        """Add the reviewed translations of document `doc_id`, found at `origin` (a file)."""
        for decision in reviewed_translations(decisions):
            candidate = dataclasses.replace(decision, origin=f"{origin}#{doc_id}.en.{decision.sentence}")
            rank = (not own_folder, _newest_first(decision.when), candidate.origin)
            current = self._entries.get(decision.source)
            if current is None or rank < current[0]:
                self._entries[decision.source] = (rank, candidate)

    def offer_folder(self, reviews: Mapping[str, Iterable[Decision]]) -> None:
        """Add the decisions of this output folder's documents, by id."""
        for doc_id, decisions in reviews.items():
            self.offer(decisions, f"{doc_id}.xml", doc_id, own_folder=True)

    def reuse(self, doc: Document, own: tuple[Decision, ...]) -> tuple[Decision, ...]:
        """`own` (the document's decisions) with the translations reused for its other sentences."""
        if not self._entries:
            return own
        fixed = {d.sentence: d for d in own if d.kind == DecisionKind.SOURCE}
        translated = {d.sentence: d for d in own if d.kind in (DecisionKind.TRANSLATION, DecisionKind.ALIGNMENT)}
        replaced, reused = set(), []
        for _block, sentence in doc.sentences():
            if sentence.lang == "en":  # passed through, not translated
                continue
            text = _corrected(sentence.text, fixed.get(sentence.id))
            if text not in self._entries:
                continue
            hit = self._entries[text][1]
            mine = translated.get(sentence.id)
            if mine is not None and (not mine.origin or mine.segments == hit.segments):
                continue
            if mine is not None:
                replaced.add(mine.key)
            reused.append(dataclasses.replace(hit, sentence=sentence.id, source=text))
        return tuple(d for d in own if d.key not in replaced) + tuple(reused)


def _newest_first(when: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in when)


def _corrected(text: str, source_decision: Decision | None) -> str:
    """The Dutch text after a (non-stale) source correction."""
    if source_decision is None or not source_decision.segments or digest(text) != basis(source_decision):
        return text
    return source_decision.segments[0]


def load_memory(path: Path, options: ReviewOptions) -> ReviewMemory:
    """A named review memory: every reviewed TEI file in folder `path`, or the file `path`.

    A file that cannot be read back safely stops the run (`ReviewError`, naming it).
    """
    memory = ReviewMemory()
    files = sorted(path.glob("*.xml")) if path.is_dir() else [path]
    for file in files:
        if file.name == f"{CORPUS_ID}.xml":  # the corpus file lists documents, it holds no review
            continue
        loaded = load_review(file, options, save=False)
        doc_id = file.name.removesuffix(".xml")
        label = str(path / file.name) if path.is_dir() else str(path)
        memory.offer(loaded.decisions, label, doc_id)
    return memory

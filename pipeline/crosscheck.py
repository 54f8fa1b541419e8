"""Cross-language check: do both sides of a sentence pair name the same actors and obligations?

Needs an annotated document with translations. For each sentence with a
translation, compares the sets of actor and obligation ids found in the source
sentence and in its English translation (refs are not compared). A difference
often means the translation dropped or invented a name; it is reported as a
`Mismatch` (machine-readable) and, by `annotate`, as a short warning.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

from .model import Document

WARNING_PREFIX = "annotate: "
COMPARED = frozenset({"org", "person", "place", "obligation"})


@dataclass(frozen=True)
class Mismatch:
    doc: str
    sentence: str
    only_nl: tuple[str, ...]  # ids found only in the source sentence
    only_en: tuple[str, ...]  # ids found only in the English translation

    def warning(self) -> str:
        parts = []
        if self.only_nl:
            parts.append(f"only in the source: {', '.join(self.only_nl)}")
        if self.only_en:
            parts.append(f"only in the English: {', '.join(self.only_en)}")
        return f"{WARNING_PREFIX}{self.doc} {self.sentence}: {'; '.join(parts)}"

    def as_record(self) -> dict[str, object]:
        record = asdict(self)
        record["only_nl"] = list(self.only_nl)
        record["only_en"] = list(self.only_en)
        return record


def crosscheck(doc: Document) -> list[Mismatch]:
    """One `Mismatch` per translated sentence whose two sides name different entities."""
    mismatches = []
    for _block, sentence in doc.sentences():
        if sentence.translation is None:
            continue
        source = {a.entity for a in sentence.annotations if a.category in COMPARED}
        english = {a.entity for a in sentence.translation.annotations if a.category in COMPARED}
        if source != english:
            mismatches.append(
                Mismatch(doc.id, sentence.id, tuple(sorted(source - english)), tuple(sorted(english - source)))
            )
    return mismatches


def mismatch_records(docs: Iterable[Document]) -> list[dict[str, object]]:
    """All mismatches of a corpus as plain dicts (for JSON): doc, sentence, only_nl, only_en."""
    return [m.as_record() for doc in docs for m in crosscheck(doc)]


__all__ = ["COMPARED", "Mismatch", "WARNING_PREFIX", "crosscheck", "mismatch_records"]

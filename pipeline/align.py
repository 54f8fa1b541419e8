"""Sentence alignment: each Dutch sentence with its English sentence(s), or an explained gap.

Needs a segmented document (translations optional). Adds nothing to the document:
returns an `Alignment` the exporter writes as `@corresp` on English sentences and
paragraphs and as `<linkGrp type="alignment">` in `<back>`.

Every sentence of a translatable block gets exactly one `Pair`:
- 1:1 when its `Translation` has one segment (English id = the Dutch local id, `s12`);
- 1:n when the model's input was split and `Translation.segments` has n pieces
  (English ids `s12.1` ... `s12.n`);
- a gap (no English ids, with the reason) when there is no translation, or only
  empty segments. Segments are kept as given (an empty middle piece stays), so
  `Translation.annotations` offsets into `Translation.text` still map onto them. Page furniture is not translated and takes no part.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .model import TRANSLATABLE_KINDS, Document, Sentence

GAP_NOT_TRANSLATED = "not-translated"
GAP_EMPTY = "empty-translation"


@dataclass(frozen=True)
class Pair:
    """One Dutch sentence (local id) and the local ids of its English sentences."""

    source: str
    targets: tuple[str, ...]
    segments: tuple[str, ...]  # the English text of each target, same order
    origin: str = ""  # Translation.origin; "" for a gap
    gap: str | None = None  # the reason when there is no English sentence

    @property
    def shape(self) -> str:
        return "gap" if self.gap else f"1:{len(self.targets)}"


@dataclass(frozen=True)
class Alignment:
    doc_id: str
    pairs: tuple[Pair, ...]

    def __iter__(self) -> Iterator[Pair]:
        return iter(self.pairs)

    def pair(self, sentence_id: str) -> Pair:
        for pair in self.pairs:
            if pair.source == sentence_id:
                return pair
        raise KeyError(sentence_id)

    @property
    def gaps(self) -> tuple[Pair, ...]:
        return tuple(p for p in self.pairs if p.gap)

    @property
    def has_english(self) -> bool:
        return any(p.targets for p in self.pairs)


def align(doc: Document) -> Alignment:
    """The alignment of every sentence of `doc`'s translatable blocks, in reading order."""
    return Alignment(doc.id, tuple(align_sentence(s) for b, s in doc.sentences() if b.kind in TRANSLATABLE_KINDS))


def align_sentence(sentence: Sentence) -> Pair:
    translation = sentence.translation
    if translation is None:
        return Pair(sentence.id, (), (), gap=GAP_NOT_TRANSLATED)
    segments = tuple(translation.segments)
    if not any(seg.strip() for seg in segments):
        return Pair(sentence.id, (), (), origin=translation.origin, gap=GAP_EMPTY)
    if len(segments) == 1:
        targets = (sentence.id,)
    else:
        targets = tuple(f"{sentence.id}.{n}" for n in range(1, len(segments) + 1))
    return Pair(sentence.id, targets, segments, origin=translation.origin)

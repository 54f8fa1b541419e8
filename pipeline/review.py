"""Reviewer corrections: find them in a reviewed TEI file and keep them on every rerun.

Where the last-produced state lives: beside every TEI file the pipeline writes,
`<folder>/.pipeline/<name>` holds exactly the bytes it wrote (`produced_path`).
A TEI file that differs from that copy was edited by someone. Both are read
back into the document model (`tei.reader`, safe parser) and compared sentence by
sentence (`detect_decisions`):

- an edited English sentence -> "translation" (or "alignment" when the number of
  English sentences of a pair, or which Dutch sentence they point to, changed);
- an edited Dutch sentence -> "source";
- an annotation removed or added, on either side -> "annotation-removed" /
  "annotation-added" (matched by category, entity and surface text, so an edit
  elsewhere in the sentence does not count as one).

Every decision is recorded in the TEI itself, as a `<change>` in
`<revisionDesc>` pointing to the sentence and naming the reviewer (a
`<respStmt xml:id="resp.…">` in the title statement), so the TEI is
where corrections live and the ledger survives any number of reruns
(`tei.revisions`). `apply_review` replays the ledger on the freshly processed
document: a reviewed translation becomes origin "reviewed" with `resp`, is never
replaced by machine output; when the Dutch sentence it was made against has
changed since (that Dutch text is kept with the decision), it is kept but marked
stale, with a warning, for the reviewer to look at again.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .model import Annotation, Document, Sentence, Translation

SOURCE = "source"
TRANSLATION = "translation"
ALIGNMENT = "alignment"
ANNOTATION_ADDED = "annotation-added"
ANNOTATION_REMOVED = "annotation-removed"
KINDS = (SOURCE, TRANSLATION, ALIGNMENT, ANNOTATION_ADDED, ANNOTATION_REMOVED)
STALE = "stale"


@dataclass(frozen=True)
class Decision:
    """One reviewer correction, as recorded by a `<change>` in `<revisionDesc>`.

    `sentence` is the local id of the Dutch sentence of the pair ("s3"), `lang`
    the side changed. `source` is the Dutch text the decision was made against
    (source and translation decisions; `basis` is its sha256). `annotation` is
    the span added or removed. `segments` holds the reviewed Dutch text (source)
    or the reviewed English sentences (translation/alignment).
    """

    kind: str
    sentence: str
    lang: str
    who: str
    when: str
    source: str = ""
    annotation: Annotation | None = None
    segments: tuple[str, ...] = ()
    status: str = ""  # "stale" once the Dutch it was made against has changed

    @property
    def basis(self) -> str:
        return digest(self.source)

    @property
    def key(self) -> tuple:
        """Decisions with the same key replace one another (the newest wins)."""
        if self.kind in (ANNOTATION_ADDED, ANNOTATION_REMOVED):
            a = self.annotation
            return ("annotation", self.sentence, self.lang, a.category, a.entity, a.text)
        if self.kind in (TRANSLATION, ALIGNMENT):
            return (TRANSLATION, self.sentence)
        return (self.kind, self.sentence)


@dataclass(frozen=True)
class Review:
    """Everything reviewers decided about one document."""

    doc_id: str
    decisions: tuple[Decision, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.decisions)

    def reviewed_translations(self) -> Iterator[Decision]:
        """The current (non-stale) reviewed translations, for the translation cache."""
        for decision in self.decisions:
            if decision.kind in (TRANSLATION, ALIGNMENT) and decision.status != STALE and decision.segments:
                yield decision


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- detecting what a reviewer changed --------------------------------------------------


def detect_decisions(produced: Document, reviewed: Document, who: str, when: str) -> tuple[Decision, ...]:
    """The corrections in `reviewed` compared with what the pipeline `produced`."""
    before = {s.id: s for _b, s in produced.sentences()}
    found: list[Decision] = []
    for _block, after in reviewed.sentences():
        old = before.get(after.id)
        if old is None:
            continue
        if after.text != old.text:
            found.append(Decision(SOURCE, after.id, "nl", who, when, source=old.text, segments=(after.text,)))
        old_en, new_en = _segments(old.translation), _segments(after.translation)
        if new_en != old_en:
            kind = ALIGNMENT if len(new_en) != len(old_en) else TRANSLATION
            resp = after.translation.resp if after.translation and after.translation.resp else who
            found.append(Decision(kind, after.id, "en", resp, when, source=after.text, segments=new_en))
        found += _annotation_decisions(after.id, "nl", old.annotations, after.annotations, who, when)
        found += _annotation_decisions(
            after.id, "en", _annotations(old.translation), _annotations(after.translation), who, when
        )
    return tuple(found)


def _segments(translation: Translation | None) -> tuple[str, ...]:
    return tuple(translation.segments) if translation else ()


def _annotations(translation: Translation | None) -> tuple[Annotation, ...]:
    return translation.annotations if translation else ()


def _span_key(annotation: Annotation) -> tuple[str, str, str]:
    return (annotation.category, annotation.entity, annotation.text)


def _annotation_decisions(sentence_id, lang, before, after, who, when) -> list[Decision]:
    old, after_counts = Counter(map(_span_key, before)), Counter(map(_span_key, after))
    new = after_counts.copy()
    decisions = []
    for item in after:
        if new[_span_key(item)] > old[_span_key(item)]:
            new[_span_key(item)] -= 1
            added = dataclasses.replace(item, resp=item.resp or who)
            decisions.append(Decision(ANNOTATION_ADDED, sentence_id, lang, who, when, annotation=added))
    for item in before:
        if old[_span_key(item)] > after_counts[_span_key(item)]:
            old[_span_key(item)] -= 1
            decisions.append(Decision(ANNOTATION_REMOVED, sentence_id, lang, who, when, annotation=item))
    return decisions


def merge_decisions(earlier: Iterable[Decision], newer: Iterable[Decision]) -> tuple[Decision, ...]:
    """The ledger with `newer` decisions replacing earlier ones on the same thing.

    Adding back an annotation that an earlier decision removed (or the reverse)
    cancels the earlier decision instead of recording both.
    """
    ledger: dict[tuple, Decision] = {d.key: d for d in earlier}
    for decision in newer:
        previous = ledger.get(decision.key)
        opposite = {ANNOTATION_ADDED: ANNOTATION_REMOVED, ANNOTATION_REMOVED: ANNOTATION_ADDED}.get(decision.kind)
        if previous is not None and previous.kind == opposite:
            del ledger[decision.key]
            continue
        ledger[decision.key] = decision
    return tuple(sorted(ledger.values(), key=_order))


def _order(decision: Decision) -> tuple:
    number = decision.sentence.lstrip("s")
    return (
        decision.when,
        int(number) if number.isdigit() else 0,
        decision.sentence,
        KINDS.index(decision.kind),
        decision.lang,
        repr(decision.key),
    )


# --- replaying the ledger on a freshly processed document --------------------------------


def apply_source_review(doc: Document, review: Review) -> Document:
    """`doc` with reviewed Dutch sentences put in (before translation, so they are translated)."""
    by_id = {d.sentence: d for d in review.decisions if d.kind == SOURCE}
    if not by_id:
        return doc
    return _map_sentences(doc, lambda s: _apply_source(s, by_id.get(s.id), []))


def apply_review(doc: Document, review: Review) -> tuple[Document, Review]:
    """Replay every decision of `review` on `doc` (after annotation, before export).

    Returns the corrected document (with a warning per stale or unplaceable
    decision) and the review with stale decisions marked, to be recorded.
    """
    warnings: list[str] = []
    decisions = {d.key: d for d in review.decisions}
    stale: set[tuple] = set()
    by_sentence: dict[str, list[Decision]] = {}
    for decision in review.decisions:
        by_sentence.setdefault(decision.sentence, []).append(decision)
    known = {s.id for _b, s in doc.sentences()}
    for sentence_id in sorted(set(by_sentence) - known):
        warnings.append(
            f"{doc.id}: reviewed sentence {sentence_id} no longer exists in the input; its review is kept in revisionDesc only"
        )

    def fix(sentence: Sentence) -> Sentence:
        for decision in by_sentence.get(sentence.id, ()):
            if decision.kind == SOURCE:
                sentence = _apply_source(sentence, decision, warnings, doc.id, stale)
        for decision in by_sentence.get(sentence.id, ()):
            if decision.kind in (TRANSLATION, ALIGNMENT):
                sentence = _apply_translation(sentence, decision, warnings, doc.id, stale)
        for decision in by_sentence.get(sentence.id, ()):
            if decision.kind in (ANNOTATION_ADDED, ANNOTATION_REMOVED):
                sentence = _apply_annotation(sentence, decision, warnings, doc.id)
        return sentence

    fixed = _map_sentences(doc, fix)
    marked = tuple(
        dataclasses.replace(d, status=STALE if d.key in stale else "")
        if d.kind in (SOURCE, TRANSLATION, ALIGNMENT)
        else d
        for d in decisions.values()
    )
    fixed = dataclasses.replace(fixed, warnings=fixed.warnings + tuple(w for w in warnings if w not in fixed.warnings))
    return fixed, dataclasses.replace(review, decisions=tuple(sorted(marked, key=_order)))


def _map_sentences(doc: Document, fix) -> Document:
    blocks = []
    for block in doc.blocks:
        sentences = tuple(fix(s) for s in block.sentences)
        blocks.append(block if sentences == block.sentences else dataclasses.replace(block, sentences=sentences))
    return dataclasses.replace(doc, blocks=tuple(blocks))


def _apply_source(sentence, decision, warnings, doc_id="", stale=None) -> Sentence:
    if decision is None:
        return sentence
    reviewed_text = decision.segments[0] if decision.segments else sentence.text
    if sentence.text == reviewed_text:
        return sentence
    if digest(sentence.text) != decision.basis:
        if stale is not None:
            stale.add(decision.key)
        warnings.append(
            f"{doc_id}: Dutch sentence {sentence.id} changed in the input since a reviewer corrected it; "
            "the input text is used and the review is marked stale"
        )
        return sentence
    kept = tuple(a for a in sentence.annotations if reviewed_text[a.start : a.end] == a.text)
    return dataclasses.replace(sentence, text=reviewed_text, annotations=kept)


def _apply_translation(sentence, decision, warnings, doc_id, stale) -> Sentence:
    current = sentence.translation
    is_stale = digest(sentence.text) != decision.basis
    if is_stale:
        stale.add(decision.key)
        warnings.append(
            f"{doc_id}: the Dutch of sentence {sentence.id} changed since its translation was reviewed; "
            "the reviewed translation is kept and marked stale"
        )
    same_text = current is not None and tuple(current.segments) == decision.segments
    annotations = current.annotations if same_text else ()
    translation = Translation(
        segments=decision.segments,
        origin="reviewed",
        engine=current.engine if same_text and current.origin == "reviewed" else "",
        score=None,
        annotations=annotations,
        resp=decision.who,
        source_digest=decision.basis,
        stale=is_stale,
    )
    return dataclasses.replace(sentence, translation=translation)


def _apply_annotation(sentence, decision, warnings, doc_id) -> Sentence:
    target = decision.annotation
    on_english = decision.lang == "en"
    if on_english and sentence.translation is None:
        return sentence
    existing = sentence.translation.annotations if on_english else sentence.annotations
    text = sentence.translation.text if on_english else sentence.text
    if decision.kind == ANNOTATION_REMOVED:
        updated = tuple(a for a in existing if _span_key(a) != _span_key(target))
    else:
        if any(_span_key(a) == _span_key(target) and a.resp for a in existing):
            return sentence
        placed = _place(target, text)
        if placed is None:
            warnings.append(
                f"{doc_id}: annotation {target.entity} '{target.text}' added by a reviewer to sentence "
                f"{sentence.id} ({decision.lang}) no longer matches its text; not applied"
            )
            return sentence
        placed = dataclasses.replace(placed, resp=decision.who)
        kept = tuple(a for a in existing if (a.start, a.end, a.category) != (placed.start, placed.end, placed.category))
        updated = tuple(sorted(kept + (placed,), key=lambda a: (a.start, -a.end, a.category, a.entity)))
    if updated == existing:
        return sentence
    if on_english:
        return dataclasses.replace(sentence, translation=dataclasses.replace(sentence.translation, annotations=updated))
    return dataclasses.replace(sentence, annotations=updated)


def _place(annotation: Annotation, text: str) -> Annotation | None:
    """The annotation at its offsets, or at the nearest occurrence of its surface text."""
    if text[annotation.start : annotation.end] == annotation.text:
        return annotation
    starts = []
    position = text.find(annotation.text)
    while position != -1 and annotation.text:
        starts.append(position)
        position = text.find(annotation.text, position + 1)
    if not starts:
        return None
    start = min(starts, key=lambda p: abs(p - annotation.start))
    return dataclasses.replace(annotation, start=start, end=start + len(annotation.text))

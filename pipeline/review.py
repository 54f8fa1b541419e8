"""The review stage: a reviewer's decisions, found in a reviewed TEI file and applied once.

Where the last-produced state lives: beside every TEI file the pipeline writes,
`<folder>/.pipeline/<name>` holds exactly the bytes it wrote (`review_merge`).
A TEI file that differs from that copy was edited by someone. Both are read back
into the document model (`tei.reader`, safe parser) and compared sentence by
sentence (`detect_decisions`):

- an edited English sentence -> TRANSLATION (or ALIGNMENT when the number of
  English sentences of the pair changed);
- an edited Dutch sentence -> SOURCE;
- an annotation element removed or added, on either side -> ANNOTATION_REMOVED /
  ANNOTATION_ADDED (matched by category, entity and surface text). A removal
  counts only where the sentence's text is otherwise unchanged: retyping a
  sentence in an editor drops its inline elements, which is not a decision
  about the entities still in the text; the sentence is annotated afresh.

Every decision is a `model.Decision` in `Document.review`, written by the TEI
writer as a `<change>` in `<revisionDesc>` (`tei.revisions`) and read back from it
on the next run, so the TEI is where corrections live.

`apply_review(doc, decisions)` needs a segmented document, before translation
and annotation. It adds the reviewed Dutch text (translated afterwards), the
reviewed English (origin "reviewed", `resp`; the translate stage leaves it as it
is), the annotations a reviewer added (`resp`), `Document.review` (with stale
decisions marked) and a warning per stale or unplaceable decision. A decision
made against a Dutch sentence that has changed since is marked stale: a stale
translation is kept (for the reviewer to look at again), a stale Dutch
correction yields to the input's text. The annotation stage replaces machine
annotations afterwards and calls `settle_annotations` so that reviewer-added
annotations stay and removed ones do not come back.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable

from .model import Annotation, Decision, DecisionKind, Document, Sentence, Translation

SOURCE = DecisionKind.SOURCE
TRANSLATION = DecisionKind.TRANSLATION
ALIGNMENT = DecisionKind.ALIGNMENT
ANNOTATION_ADDED = DecisionKind.ANNOTATION_ADDED
ANNOTATION_REMOVED = DecisionKind.ANNOTATION_REMOVED
TEXT_KINDS = (SOURCE, TRANSLATION, ALIGNMENT)
ANNOTATION_KINDS = (ANNOTATION_ADDED, ANNOTATION_REMOVED)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def basis(decision: Decision) -> str:
    """sha256 of the Dutch text the decision was made against."""
    return digest(decision.source)


# --- detecting what a reviewer changed --------------------------------------------------


def detect_decisions(produced: Document, reviewed: Document, who: str, when: str) -> tuple[Decision, ...]:
    """The corrections in `reviewed` compared with what the pipeline `produced`."""
    before = {s.id: s for _b, s in produced.sentences()}
    found: list[Decision] = []
    for _block, after in reviewed.sentences():
        old = before.get(after.id)
        if old is None:
            continue
        dutch_retyped = after.text != old.text
        if dutch_retyped:
            found.append(Decision(SOURCE, after.id, "nl", who, when, source=old.text, segments=(after.text,)))
        old_en, new_en = _segments(old.translation), _segments(after.translation)
        english_retyped = new_en != old_en
        if english_retyped:
            kind = ALIGNMENT if len(new_en) != len(old_en) else TRANSLATION
            resp = after.translation.resp if after.translation and after.translation.resp else who
            found.append(Decision(kind, after.id, "en", resp, when, source=after.text, segments=new_en))
        found += _annotation_decisions(after.id, "nl", old.annotations, after.annotations, who, when, dutch_retyped)
        found += _annotation_decisions(
            after.id,
            "en",
            _annotations(old.translation),
            _annotations(after.translation),
            who,
            when,
            english_retyped,
        )
    return tuple(found)


def _segments(translation: Translation | None) -> tuple[str, ...]:
    return tuple(translation.segments) if translation else ()


def _annotations(translation: Translation | None) -> tuple[Annotation, ...]:
    return translation.annotations if translation else ()


def _span_key(annotation: Annotation) -> tuple[str, str, str]:
    return (annotation.category, annotation.entity, annotation.text)


def _annotation_decisions(sentence_id, lang, before, after, who, when, retyped: bool) -> list[Decision]:
    """Added spans always count; removed ones only when the text is otherwise unchanged."""
    old, after_counts = Counter(map(_span_key, before)), Counter(map(_span_key, after))
    new = after_counts.copy()
    decisions = []
    for item in after:
        if new[_span_key(item)] > old[_span_key(item)]:
            new[_span_key(item)] -= 1
            added = dataclasses.replace(item, resp=item.resp or who)
            decisions.append(Decision(ANNOTATION_ADDED, sentence_id, lang, who, when, annotation=added))
    if retyped:
        return decisions
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
    return ordered(ledger.values())


def ordered(decisions: Iterable[Decision]) -> tuple[Decision, ...]:
    """The order of the `<change>` records: by date, then sentence, kind and side."""
    kinds = list(DecisionKind)

    def order(decision: Decision) -> tuple:
        number = decision.sentence.lstrip("s")
        return (
            decision.when,
            int(number) if number.isdigit() else 0,
            decision.sentence,
            kinds.index(decision.kind),
            decision.lang,
            repr(decision.key),
        )

    return tuple(sorted(decisions, key=order))


# --- the stage ------------------------------------------------------------------------------


def apply_review(doc: Document, decisions: Iterable[Decision]) -> Document:
    """`doc` with every decision applied and recorded in `Document.review` (see the module docstring)."""
    ledger = ordered(decisions)
    if not ledger:
        return doc
    warnings: list[str] = []
    stale: set[tuple] = set()
    by_sentence: dict[str, list[Decision]] = {}
    for decision in ledger:
        by_sentence.setdefault(decision.sentence, []).append(decision)
    known = {s.id for _b, s in doc.sentences()}
    for sentence_id in sorted(set(by_sentence) - known):
        warnings.append(
            f"{doc.id}: reviewed sentence {sentence_id} no longer exists in the input; its review is kept in revisionDesc only"
        )

    def fix(sentence: Sentence) -> Sentence:
        mine = by_sentence.get(sentence.id, ())
        for decision in mine:
            if decision.kind == SOURCE:
                sentence = _apply_source(sentence, decision, warnings, doc.id, stale)
        for decision in mine:
            if decision.kind in (TRANSLATION, ALIGNMENT):
                sentence = _apply_translation(sentence, decision, warnings, doc.id, stale)
        return _apply_annotations(sentence, mine, warnings.append, doc.id)

    fixed = _map_sentences(doc, fix)
    marked = tuple(dataclasses.replace(d, stale=d.key in stale) if d.kind in TEXT_KINDS else d for d in ledger)
    return dataclasses.replace(fixed, review=marked, warnings=_merged(fixed.warnings, warnings))


def settle_annotations(doc: Document) -> Document:
    """`doc` with the annotation decisions of `doc.review` in force: reviewer-added spans
    placed (once; a warning when its words are no longer there), deliberately removed
    ones left out. Called by the annotation stage after it replaced the machine
    annotations; idempotent."""
    by_sentence: dict[str, list[Decision]] = {}
    for decision in doc.review:
        if decision.kind in ANNOTATION_KINDS:
            by_sentence.setdefault(decision.sentence, []).append(decision)
    if not by_sentence:
        return doc
    warnings: list[str] = []
    settled = _map_sentences(doc, lambda s: _apply_annotations(s, by_sentence.get(s.id, ()), warnings.append, doc.id))
    return dataclasses.replace(settled, warnings=_merged(settled.warnings, warnings))


def reviewed_translations(decisions: Iterable[Decision]) -> Iterable[Decision]:
    """The current (non-stale) reviewed translations made in this document, not reused ones."""
    for decision in decisions:
        if decision.kind in (TRANSLATION, ALIGNMENT) and not decision.stale and not decision.origin:
            if decision.segments:
                yield decision


def _merged(existing: tuple[str, ...], new: list[str]) -> tuple[str, ...]:
    return existing + tuple(w for w in dict.fromkeys(new) if w not in existing)


def _map_sentences(doc: Document, fix: Callable[[Sentence], Sentence]) -> Document:
    blocks = []
    for block in doc.blocks:
        sentences = tuple(fix(s) for s in block.sentences)
        blocks.append(block if sentences == block.sentences else dataclasses.replace(block, sentences=sentences))
    return dataclasses.replace(doc, blocks=tuple(blocks))


def _apply_source(sentence, decision, warnings, doc_id, stale) -> Sentence:
    reviewed_text = decision.segments[0] if decision.segments else sentence.text
    if sentence.text == reviewed_text:
        return sentence
    if digest(sentence.text) != basis(decision):
        stale.add(decision.key)
        warnings.append(
            f"{doc_id}: Dutch sentence {sentence.id} changed in the input since a reviewer corrected it; "
            "the input text is used and the review is marked stale"
        )
        return sentence
    return dataclasses.replace(
        sentence, text=reviewed_text, annotations=_still_there(sentence.annotations, reviewed_text)
    )


def _apply_translation(sentence, decision, warnings, doc_id, stale) -> Sentence:
    is_stale = digest(sentence.text) != basis(decision)
    if is_stale:
        stale.add(decision.key)
        warnings.append(
            f"{doc_id}: the Dutch of sentence {sentence.id} changed since its translation was reviewed; "
            "the reviewed translation is kept and marked stale"
        )
    current = sentence.translation
    text = " ".join(decision.segments)
    translation = Translation(
        segments=decision.segments,
        origin="reviewed",
        engine=current.engine if current is not None and current.origin == "reviewed" else "",
        annotations=_still_there(current.annotations, text) if current is not None else (),
        resp=decision.who,
        source_digest=basis(decision),
        stale=is_stale,
    )
    return dataclasses.replace(sentence, translation=translation)


def _still_there(annotations: tuple[Annotation, ...], text: str) -> tuple[Annotation, ...]:
    """The annotations whose span still shows the same words in `text` (the annotation stage redoes the rest)."""
    return tuple(a for a in annotations if text[a.start : a.end] == a.text)


def _apply_annotations(sentence: Sentence, decisions, warn: Callable[[str], None], doc_id: str) -> Sentence:
    for decision in decisions:
        if decision.kind in ANNOTATION_KINDS:
            sentence = _apply_annotation(sentence, decision, warn, doc_id)
    return sentence


def _apply_annotation(sentence, decision, warn, doc_id) -> Sentence:
    target = decision.annotation
    on_english = decision.lang == "en"
    if on_english and sentence.translation is None:
        return sentence  # not translated yet: the annotation stage settles it
    existing = sentence.translation.annotations if on_english else sentence.annotations
    text = sentence.translation.text if on_english else sentence.text
    if decision.kind == ANNOTATION_REMOVED:
        updated = tuple(a for a in existing if a.resp or _span_key(a) != _span_key(target))
    else:
        if any(_span_key(a) == _span_key(target) and a.resp for a in existing):
            return sentence
        placed = _place(target, text)
        if placed is None:
            warn(
                f"{doc_id}: annotation {target.entity} '{target.text}' added by a reviewer to sentence "
                f"{sentence.id} ({decision.lang}) no longer matches its text; not applied"
            )
            return sentence
        placed = dataclasses.replace(placed, resp=decision.who)
        kept = tuple(a for a in existing if not (a.start < placed.end and placed.start < a.end and not a.resp))
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

"""The annotation stage: actors, obligations and references on both languages.

Needs a segmented `Document` (translations optional) and a `Lexicon`
(`Lexicon.load(Path("annotations"))`). Adds:

- `Sentence.annotations` for every sentence of every non-furniture block,
  matched with the forms of the sentence's language (Dutch, or English for a
  quotation), English forms inside a Dutch sentence's English passages;
- `Translation.annotations` (offsets into `Translation.text`) with the English forms;
- `ref` annotations for parliamentary papers and treaty articles (`references`);
- `Document.authority`: the lexicon records cited in the document, sorted by id;
- `Document.provenance` ("annotate", lexicon signature);
- `Document.warnings`: one per sentence whose two languages name different
  actors or obligations (`crosscheck`), each starting with "annotate: ".

Sentence text, ids and translations are never changed, so a researcher can add
an entry to the lexicon and annotate again without translating anything.
Annotations a reviewer added by hand (`resp` set) are kept as they are, and
those a reviewer removed (`Document.review`) are not added back
(`review.settle_annotations`); the machine's own are replaced on every run.
"""

from __future__ import annotations

from dataclasses import replace

from .crosscheck import WARNING_PREFIX, crosscheck
from .lexicon import Lexicon, LexiconEntry
from .model import Annotation, Block, Document, ForeignSpan, Sentence
from .references import find_references
from .review import settle_annotations

_ORDER = {"ref": 0, "org": 1, "person": 1, "place": 1, "obligation": 1}


def annotate(doc: Document, lexicon: Lexicon) -> Document:
    """The document with annotations, authority list, provenance and cross-language warnings."""
    blocks = tuple(_annotate_block(block, lexicon) for block in doc.blocks)
    annotated = settle_annotations(replace(doc, blocks=blocks))
    cited, unknown = _cited(annotated, lexicon)
    warnings = [w for w in annotated.warnings if not w.startswith(WARNING_PREFIX)]
    warnings.extend(f"{WARNING_PREFIX}{doc.id}: entity {entity!r} is not in the lexicons" for entity in unknown)
    warnings.extend(mismatch.warning() for mismatch in crosscheck(annotated))
    return replace(
        annotated,
        authority=tuple(entry.authority() for entry in cited),
        provenance=doc.with_provenance("annotate", lexicon.signature),
        warnings=tuple(warnings),
    )


def annotate_text(
    text: str, lang: str, lexicon: Lexicon, foreign: tuple[ForeignSpan, ...] = ()
) -> tuple[Annotation, ...]:
    """Actor, obligation and ref annotations of one text in `lang` ("nl" or "en")."""
    key = _lexicon_lang(lang)
    found = _mentions(text, key, lexicon, 0, len(text)) if key else []
    for span in foreign:
        foreign_key = _lexicon_lang(span.lang)
        if foreign_key and foreign_key != key:
            found = [a for a in found if a.end <= span.start or a.start >= span.end]
            found.extend(_mentions(text, foreign_key, lexicon, span.start, span.end))
    found.sort(key=lambda a: a.start)
    refs, extra = find_references(text, key or "nl", tuple(found), lexicon)
    return _ordered([*found, *extra, *refs])


def _annotate_block(block: Block, lexicon: Lexicon) -> Block:
    if block.kind.is_furniture or not block.sentences:
        return block
    return replace(block, sentences=tuple(_annotate_sentence(s, lexicon) for s in block.sentences))


def _annotate_sentence(sentence: Sentence, lexicon: Lexicon) -> Sentence:
    machine = annotate_text(sentence.text, sentence.lang, lexicon, sentence.foreign)
    annotations = _with_reviewed(machine, sentence.annotations)
    translation = sentence.translation
    if translation is not None:
        english = annotate_text(translation.text, "en", lexicon)
        translation = replace(translation, annotations=_with_reviewed(english, translation.annotations))
    return replace(sentence, annotations=annotations, translation=translation)


def _mentions(text: str, lang: str, lexicon: Lexicon, start: int, end: int) -> list[Annotation]:
    return [
        Annotation(m.start, m.end, m.entry.category, m.entry.id, text[m.start : m.end])
        for m in lexicon.matcher(lang).find(text, start, end)
    ]


def _with_reviewed(machine: tuple[Annotation, ...], previous: tuple[Annotation, ...]) -> tuple[Annotation, ...]:
    """The machine's annotations plus a reviewer's, which win where they overlap."""
    reviewed = [a for a in previous if a.resp]
    if not reviewed:
        return machine
    kept = [a for a in machine if not any(a.start < r.end and r.start < a.end for r in reviewed)]
    return _ordered([*kept, *reviewed])


def _ordered(annotations: list[Annotation]) -> tuple[Annotation, ...]:
    """Document order; an enclosing span before what it encloses, a ref before its term."""
    return tuple(sorted(annotations, key=lambda a: (a.start, -a.end, _ORDER.get(a.category, 2), a.entity)))


def _cited(doc: Document, lexicon: Lexicon) -> tuple[list[LexiconEntry], list[str]]:
    ids: set[str] = set()
    for _block, sentence in doc.sentences():
        ids.update(a.entity for a in sentence.annotations if a.category != "ref")
        if sentence.translation is not None:
            ids.update(a.entity for a in sentence.translation.annotations if a.category != "ref")
    known = sorted(i for i in ids if i in lexicon)
    return [lexicon.get(i) for i in known], sorted(ids - set(known))


def _lexicon_lang(lang: str) -> str:
    """ "nl", "nl-BE", "nl-NL" -> "nl"; "en", "en-GB" -> "en"; anything else -> ""."""
    base = lang.split("-")[0].lower()
    return base if base in ("nl", "en") else ""


__all__ = ["Lexicon", "annotate", "annotate_text"]

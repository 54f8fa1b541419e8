"""The annotation stage: actors, obligations and references on both languages.

Needs a segmented `Document` (translations optional) and a `Lexicon`
(`Lexicon.load(Path("annotations"))`). Adds:

- `Sentence.annotations` for every sentence of every non-furniture block,
  matched with the forms of the sentence's language (Dutch, or English for a
  quotation), English forms inside a Dutch sentence's English passages;
- `Translation.annotations` (offsets into `Translation.text`) with the English forms;
- instruments the lexicons lack, found by their citation form (`citation_grammar`),
  and `artikel N van het X` bound to X's article;
- case law (`case` annotations: the judgments of the lexicons);
- `het Hof`, `de Minister`, `dit Protocol` resolved to the entity of that kind named
  last before it (`coreference`);
- `ref` annotations for parliamentary papers, treaty articles and ECLIs (`references`);
- `Document.authority`: the lexicon records cited in the document, and an
  uncurated record for each instrument found by its citation form, sorted by id;
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

import re
from dataclasses import replace

from .citation_grammar import UNCURATED_NAMED, bind_articles, find_instruments
from .coreference import resolve_back_references
from .crosscheck import WARNING_PREFIX, crosscheck
from .lexicon import Lexicon
from .model import Annotation, AuthorityEntry, Block, Document, ForeignSpan, Sentence
from .references import find_references
from .review import settle_annotations

_ORDER = {"ref": 0, "org": 1, "person": 1, "place": 1, "obligation": 1, "case": 1}
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_URL = re.compile(r"(?:https?://|www\.)\S+")


def annotate(doc: Document, lexicon: Lexicon) -> Document:
    """The document with annotations, authority list, provenance and cross-language warnings."""
    uncurated: dict[str, AuthorityEntry] = {}
    blocks = tuple(_annotate_block(block, lexicon, uncurated) for block in doc.blocks)
    resolved = resolve_back_references(replace(doc, blocks=blocks), lexicon, uncurated)
    annotated = settle_annotations(resolved)  # the reviewer's added and removed annotations
    cited, unknown = _cited(annotated, lexicon, uncurated)
    warnings = [w for w in annotated.warnings if not w.startswith(WARNING_PREFIX)]
    warnings.extend(f"{WARNING_PREFIX}{doc.id}: entity {entity!r} is not in the lexicons" for entity in unknown)
    warnings.extend(mismatch.warning() for mismatch in crosscheck(annotated))
    return replace(
        annotated,
        authority=tuple(cited),
        provenance=doc.with_provenance("annotate", lexicon.signature),
        warnings=tuple(warnings),
    )


def annotate_text(
    text: str,
    lang: str,
    lexicon: Lexicon,
    foreign: tuple[ForeignSpan, ...] = (),
    uncurated: dict[str, AuthorityEntry] | None = None,
) -> tuple[Annotation, ...]:
    """Actor, obligation, case and ref annotations of one text in `lang` ("nl" or "en").

    `uncurated` receives the authority entries of the instruments found by their
    citation form (those the lexicons lack).
    """
    uncurated = {} if uncurated is None else uncurated
    key = _lexicon_lang(lang)
    found = _mentions(text, key, lexicon, 0, len(text), uncurated) if key else []
    for span in foreign:
        foreign_key = _lexicon_lang(span.lang)
        if foreign_key and foreign_key != key:
            found = [a for a in found if a.end <= span.start or a.start >= span.end]
            found.extend(_mentions(text, foreign_key, lexicon, span.start, span.end, uncurated))
    found.sort(key=lambda a: a.start)
    found, article_refs = bind_articles(text, key or "nl", found, lexicon, uncurated)
    refs, extra = find_references(text, key or "nl", tuple(found), lexicon)
    return _ordered([*found, *extra, *refs, *article_refs])


def _annotate_block(block: Block, lexicon: Lexicon, uncurated: dict[str, AuthorityEntry]) -> Block:
    if block.kind.is_furniture or not block.sentences:
        return block
    return replace(block, sentences=tuple(_annotate_sentence(s, lexicon, uncurated) for s in block.sentences))


def _annotate_sentence(sentence: Sentence, lexicon: Lexicon, uncurated: dict[str, AuthorityEntry]) -> Sentence:
    machine = annotate_text(sentence.text, sentence.lang, lexicon, sentence.foreign, uncurated)
    annotations = _with_reviewed(machine, sentence.annotations)
    translation = sentence.translation
    if translation is not None:
        english = annotate_text(translation.text, "en", lexicon, uncurated=uncurated)
        english = _same_uncurated_ids(machine, english, uncurated)
        translation = replace(translation, annotations=_with_reviewed(english, translation.annotations))
    return replace(sentence, annotations=annotations, translation=translation)


def _same_uncurated_ids(
    source: tuple[Annotation, ...], english: tuple[Annotation, ...], uncurated: dict[str, AuthorityEntry]
) -> tuple[Annotation, ...]:
    """Give the English side's named instruments the ids of the source's, when a sentence pair cites
    as many of them on both sides (`Verdrag inzake clustermunitie` = `Convention on Cluster
    Munitions`, one after the other); the English label goes into the source's entry."""
    ours = list(dict.fromkeys(a.entity for a in source if a.entity.startswith(UNCURATED_NAMED)))
    theirs = list(dict.fromkeys(a.entity for a in english if a.entity.startswith(UNCURATED_NAMED)))
    if not ours or len(ours) != len(theirs) or ours == theirs:
        return english
    mapping = dict(zip(theirs, ours))
    for their_id, our_id in mapping.items():
        entry = uncurated[our_id]
        if entry.label_en == entry.label_nl:
            uncurated[our_id] = replace(entry, label_en=uncurated[their_id].label_en)
    return tuple(replace(a, entity=mapping.get(a.entity, a.entity)) for a in english)


def _mentions(
    text: str, lang: str, lexicon: Lexicon, start: int, end: int, uncurated: dict[str, AuthorityEntry]
) -> list[Annotation]:
    """The lexicon's mentions, then the instruments it lacks (which replace what they enclose)."""
    urls = [(u.start(), u.end()) for u in _URL.finditer(text, start, end)]
    found = [
        Annotation(m.start, m.end, m.entry.category, m.entry.id, text[m.start : m.end])
        for m in lexicon.matcher(lang).find(text, start, end)
        if not any(u_start <= m.start < u_end for u_start, u_end in urls)  # "ec.europa.eu" names nothing
    ]
    for item, entry in find_instruments(text, lang, found, start, end):
        inside = [a for a in found if item.start <= a.start and a.end <= item.end]
        if any(
            a.category == "case" or a.category == "obligation" and lexicon.get(a.entity).type != "norm" for a in inside
        ):
            continue  # the lexicon knows this instrument; the grammar only read on too far
        found = [a for a in found if a.end <= item.start or a.start >= item.end]
        found.append(item)
        uncurated.setdefault(entry.id, entry)
    return _acronyms_in_names(sorted(found, key=lambda a: a.start), text)


def _acronyms_in_names(found: list[Annotation], text: str) -> list[Annotation]:
    """`VN-Verdrag tegen foltering`: the glued acronym is part of the instrument's name, not an actor."""
    result: list[Annotation] = []
    for item in found:
        previous = result[-1] if result else None
        if (
            previous is not None
            and item.category in ("obligation", "case")
            and previous.category == "org"
            and previous.end + 1 == item.start
            and text[previous.end] == "-"
            and _ACRONYM.fullmatch(previous.text)
        ):
            result[-1] = replace(item, start=previous.start, text=text[previous.start : item.end])
            continue
        result.append(item)
    return result


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


def _cited(
    doc: Document, lexicon: Lexicon, uncurated: dict[str, AuthorityEntry]
) -> tuple[list[AuthorityEntry], list[str]]:
    """The authority entries of the entities cited (sorted by id), and ids nothing describes."""
    ids: set[str] = set()
    for _block, sentence in doc.sentences():
        ids.update(a.entity for a in sentence.annotations if a.category != "ref")
        if sentence.translation is not None:
            ids.update(a.entity for a in sentence.translation.annotations if a.category != "ref")
    cited = [
        lexicon.get(i).authority() if i in lexicon else uncurated[i]
        for i in sorted(ids)
        if i in lexicon or i in uncurated
    ]
    return cited, sorted(i for i in ids if i not in lexicon and i not in uncurated)


def _lexicon_lang(lang: str) -> str:
    """ "nl", "nl-BE", "nl-NL" -> "nl"; "en", "en-GB" -> "en"; anything else -> ""."""
    base = lang.split("-")[0].lower()
    return base if base in ("nl", "en") else ""


__all__ = ["Lexicon", "annotate", "annotate_text"]

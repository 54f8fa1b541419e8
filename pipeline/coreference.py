"""`het Hof`, `de Minister`, `dit Protocol`: the entity of that kind named last before it.

Needs an annotated document, its lexicon and the document's uncurated entries.
Once a text has named a court, an office or an instrument (`het Europees Hof voor
de Rechten van de Mens`, `de Minister van Buitenlandse Zaken`, `het Protocol tegen
de smokkel van migranten`), it goes on calling it by its head noun, capitalised,
after a determiner: `het Hof`, `de Minister`, `dit Protocol` (`the Court`). Each such
mention that no annotation covers is annotated as the entity named last before it on
the same side of the document whose preferred label holds that head noun as a word,
and marked `resolved` (TEI: `@subtype='resolved'`). With no such entity named before
it, it stays unannotated. A head noun followed by `van`, `voor`, `te`, ... (`of`,
`for`, `in`) starts a name of its own (`het Hof van Beroep te Antwerpen`), not a
reference back, and is left alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .lexicon import Lexicon
from .model import Annotation, AuthorityEntry, Document

HEADS = {
    "nl": ("Hof", "Minister", "Staatssecretaris", "Raad", "Kamer", "Verdrag", "Protocol", "Handvest", "Statuut",
           "Conventie", "Richtlijn", "Verordening", "Akkoord"),
    "en": ("Court", "Minister", "State Secretary", "Council", "Chamber", "Convention", "Covenant", "Treaty",
           "Protocol", "Charter", "Statute", "Directive", "Regulation", "Agreement"),
}  # fmt: skip
_DETERMINERS = {"nl": "het|de|dit|deze|dat|die", "en": "the|this|that"}
_NAME_GOES_ON = {
    "nl": r"(?:van|voor|inzake|tegen|betreffende|tot|over|bij)\s|(?:te|in)\s+[A-Z]",
    "en": r"(?:of|for|on|against|relating)\s|(?:in|at)\s+[A-Z]",
}
_BACK_REFERENCE = {
    lang: re.compile(
        rf"(?<!\w)(?i:{_DETERMINERS[lang]})\s+(?P<word>{'|'.join(HEADS[lang])})(?![\w-])"
        rf"(?!\s+(?:{_NAME_GOES_ON[lang]}))"
    )
    for lang in HEADS
}
_RESOLVABLE = frozenset({"org", "obligation", "case"})


def resolve_back_references(doc: Document, lexicon: Lexicon, uncurated: dict[str, AuthorityEntry]) -> Document:
    """The document with every back-reference to an entity named before it annotated."""
    heads = _Heads(lexicon, uncurated)
    last: dict[tuple[str, str], Annotation] = {}  # (side, head) -> the mention named last
    blocks = []
    for block in doc.blocks:
        if block.kind.is_furniture:
            blocks.append(block)
            continue
        sentences = []
        for sentence in block.sentences:
            lang = sentence.lang.split("-")[0]
            if lang in HEADS:
                annotations = _resolved(sentence.text, sentence.annotations, lang, heads, last, "source")
                sentence = replace(sentence, annotations=annotations)
            translation = sentence.translation
            if translation is not None:
                annotations = _resolved(translation.text, translation.annotations, "en", heads, last, "en")
                sentence = replace(sentence, translation=replace(translation, annotations=annotations))
            sentences.append(sentence)
        blocks.append(replace(block, sentences=tuple(sentences)))
    return replace(doc, blocks=tuple(blocks))


class _Heads:
    """Which head nouns the preferred label of an entity holds, per language (cached)."""

    def __init__(self, lexicon: Lexicon, uncurated: dict[str, AuthorityEntry]):
        self._lexicon = lexicon
        self._uncurated = uncurated
        self._cache: dict[tuple[str, str], frozenset[str]] = {}

    def of(self, entity: str, lang: str) -> frozenset[str]:
        key = (entity, lang)
        if key not in self._cache:
            label = _label(entity, lang, self._lexicon, self._uncurated).lower()
            self._cache[key] = frozenset(
                h for h in HEADS[lang] if re.search(rf"(?<![^\W\d_]){h.lower()}(?![^\W\d_])", label)
            )
        return self._cache[key]


def _label(entity: str, lang: str, lexicon: Lexicon, uncurated: dict[str, AuthorityEntry]) -> str:
    if entity in lexicon:
        entry = lexicon.get(entity)
    elif entity in uncurated:
        entry = uncurated[entity]
    else:
        return ""
    return entry.label_nl if lang == "nl" else entry.label_en


def _resolved(
    text: str,
    annotations: tuple[Annotation, ...],
    lang: str,
    heads: _Heads,
    last: dict[tuple[str, str], Annotation],
    side: str,
) -> tuple[Annotation, ...]:
    """`annotations` plus the resolved back-references; `last` follows what was named last."""
    events: list[tuple[int, object]] = [(a.start, a) for a in annotations if a.category in _RESOLVABLE]
    events += [(m.start("word"), m) for m in _BACK_REFERENCE[lang].finditer(text)]
    added = []
    for _pos, item in sorted(events, key=lambda pair: pair[0]):
        if isinstance(item, Annotation):
            for head in heads.of(item.entity, lang):
                last[(side, head)] = item
            continue
        start, end = item.span("word")
        antecedent = last.get((side, item["word"]))
        if antecedent is None or any(a.start < end and start < a.end for a in annotations):
            continue
        added.append(Annotation(start, end, antecedent.category, antecedent.entity, text[start:end], resolved=True))
    if not added:
        return annotations
    return tuple(sorted([*annotations, *added], key=lambda a: (a.start, -a.end)))


__all__ = ["HEADS", "resolve_back_references"]

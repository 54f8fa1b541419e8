"""`het Hof` / `the Court`: the court named last before it in the same document.

Needs an annotated document and its lexicon. Once a text has named a court
(`het Europees Hof voor de Rechten van de Mens`), it goes on calling it `het Hof`.
Each such `Hof` (`Court` on the English side) that no annotation covers becomes
an org annotation of the court named last before it on the same side of the
document, whose lexicon type is `court` and whose name contains the word (`Hof`,
`Court`), marked `resolved` (TEI: `orgName[@type='resolved']`). With no court
named before it, it stays unannotated. `het Hof van Beroep te ...`, a court the
lexicons do not know, is not a reference back, so `Hof` followed by `van`,
`voor`, `te` (`of`, `for`, `in`) is left alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .lexicon import Lexicon
from .model import Annotation, Document

_BACK_REFERENCE = {
    "nl": re.compile(r"(?<!\w)(?:het|dit|dat|HET)\s+(?P<word>Hof|HOF)(?!\w)(?!\s+(?:van|voor|te)\s)", re.IGNORECASE),
    "en": re.compile(r"(?<!\w)(?:the|this|that)\s+(?P<word>Court)(?!\w)(?!\s+(?:of|for|in)\s)", re.IGNORECASE),
}
_WORD = {"nl": "hof", "en": "court"}


def resolve_courts(doc: Document, lexicon: Lexicon) -> Document:
    """The document with every back-reference to a court named before it annotated."""
    courts = {
        lang: {e.id for e in lexicon.entries if e.type == "court" and _WORD[lang] in _label(e, lang).lower()}
        for lang in _WORD
    }
    last: dict[str, str] = {}
    blocks = []
    for block in doc.blocks:
        sentences = []
        for sentence in block.sentences:
            lang = sentence.lang.split("-")[0]
            if lang in _WORD and not block.kind.is_furniture:
                sentence = replace(
                    sentence, annotations=_resolved(sentence.text, sentence.annotations, lang, courts[lang], last)
                )
            translation = sentence.translation
            if translation is not None and not block.kind.is_furniture:
                annotations = _resolved(translation.text, translation.annotations, "en", courts["en"], last, "en:")
                sentence = replace(sentence, translation=replace(translation, annotations=annotations))
            sentences.append(sentence)
        blocks.append(replace(block, sentences=tuple(sentences)))
    return replace(doc, blocks=tuple(blocks))


def _label(entry, lang: str) -> str:
    return entry.label_nl if lang == "nl" else entry.label_en


def _resolved(
    text: str, annotations: tuple[Annotation, ...], lang: str, courts: set[str], last: dict[str, str], side: str = ""
) -> tuple[Annotation, ...]:
    """`annotations` plus the resolved back-references; `last[side]` follows the court named last."""
    events = [(a.start, a) for a in annotations if a.entity in courts]
    events += [(m.start("word"), m) for m in _BACK_REFERENCE[lang].finditer(text)]
    added = []
    for _pos, item in sorted(events, key=lambda pair: pair[0]):
        if isinstance(item, Annotation):
            last[side] = item.entity
            continue
        start, end = item.span("word")
        if side not in last or any(a.start < end and start < a.end for a in annotations):
            continue
        added.append(Annotation(start, end, "org", last[side], text[start:end], resolved=True))
    if not added:
        return annotations
    return tuple(sorted([*annotations, *added], key=lambda a: (a.start, -a.end)))


__all__ = ["resolve_courts"]

"""Stage 2: split every text block into Dutch sentences.

Needs: a Document from a reader (blocks with cleaned text and NoteRefs into it).
Adds: `Block.sentences` for every block that is not page furniture. Sentences are
numbered "s1", "s2", ... in reading order across the document; each carries its
offsets into the block text (`block.text[start:end] == sentence.text`), its
language ("en" for an English quotation standing as a sentence of its own), the
block's NoteRefs that fall in it (offsets relative to the sentence), and the
English quotations inside a Dutch sentence as ForeignSpans. Every non-space
character of a block ends up in exactly one sentence.

A period ends a sentence unless it belongs to an abbreviation (`o.a.`, `nr.`,
`art.`), an initial (`M.G.J. Harbers`), or the numbering that opens a heading or
list item (`4.1. Verklaring van Parijs`); a number (`6.500`, `11.11.11`) holds a
period only inside it. `jl.`, `a.s.` and a few others end a sentence only when a
word that opens sentences follows ("van 30 juli a.s. Kan de Minister ...").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

from . import __version__
from .abbreviations import MAY_END, NEVER_FINAL, SENTENCE_STARTERS
from .langid import guess_language, quoted_spans
from .model import Block, Document, ForeignSpan, NoteRef, Sentence

RULES_VERSION = "nl-rules.1"


@dataclass(frozen=True)
class SegmentOptions:
    """Settings of the segmenter; built once by the caller, recorded in the provenance.

    extra_abbreviations: more abbreviations a sentence never ends at ("vgl.", "zgn.");
        with or without the final period, any case.
    detect_language: mark English sentences and English quotations (on by default).
    min_foreign_words: a quotation needs this many words to be marked as a ForeignSpan.
    """

    extra_abbreviations: frozenset[str] = frozenset()
    detect_language: bool = True
    min_foreign_words: int = 3

    @property
    def signature(self) -> str:
        extra = len(_normalised(self.extra_abbreviations))
        lang = "funcwords+wordfreq" if self.detect_language else "off"
        return (
            f"{RULES_VERSION}|pipeline:{__version__}|abbrev:{len(NEVER_FINAL) + len(MAY_END)}+{extra}"
            f"|lang:{lang}|foreign-min-words:{self.min_foreign_words}"
        )


def segment(doc: Document, options: SegmentOptions | None = None) -> Document:
    """The document with `Block.sentences` filled for every block that is not page furniture."""
    options = options or SegmentOptions()
    never_final = _never_final(_normalised(options.extra_abbreviations))
    blocks: list[Block] = []
    count = 0
    for block in doc.blocks:
        if block.kind.is_furniture:
            blocks.append(replace(block, sentences=()))
            continue
        spans = split_sentences(block.text, never_final)
        refs = _refs_by_sentence(block.note_refs, spans)
        sentences = []
        for (start, end), sentence_refs in zip(spans, refs):
            count += 1
            sentences.append(_sentence(block, f"s{count}", start, end, sentence_refs, options))
        blocks.append(replace(block, sentences=tuple(sentences)))
    return replace(doc, blocks=tuple(blocks), provenance=doc.with_provenance("segment", options.signature))


def split_sentences(text: str, never_final: frozenset[str] = NEVER_FINAL) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`; surrounding whitespace is left out.

    Consecutive spans cover every non-space character of `text` once.
    """
    spans: list[tuple[int, int]] = []
    start = _skip_space(text, 0)
    for match in _CANDIDATE.finditer(text):
        end = match.end(1)
        if end <= start:
            continue
        if _ends_sentence(text, start, match, never_final):
            spans.append((start, end))
            start = match.end()
    end = len(text.rstrip())
    if end > start:
        spans.append((start, end))
    return spans


# A terminator (. ! ? … or a run of them), closing quotes or brackets, then space and more text.
# It starts at the first mark of a run, so a long run of periods is scanned once.
_CANDIDATE = re.compile(r"(?<![.!?…])([.!?…]++[”\"’»)\]]*+)\s+(?=\S)")
_CLOSERS = '”"’»)]'
_OPENERS = '“„"‘«(['
_NUMBERING = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*|[IVXLivxl]{1,6}|[^\W\d_])$")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")
_DOTTED_LETTERS = re.compile(r"^(?:[^\W\d_]\.)+[^\W\d_]$")
_SINGLE_LETTER = re.compile(r"^[^\W\d_]$")
_TOKEN_LIMIT = 64  # longest word looked at before a period


def _ends_sentence(text: str, start: int, match: re.Match[str], never_final: frozenset[str]) -> bool:
    """Whether the terminator of `match` closes the sentence that began at `start`."""
    mark = match.group(1).rstrip(_CLOSERS)
    next_at = match.end()
    if mark[-1] in "?!":
        return _opens_sentence(text, next_at)
    if mark[-1] == "…" or mark.endswith("..."):
        # An omission mark in brackets, "(…)", is inside a sentence.
        before = text[match.start(1) - 1] if match.start(1) else ""
        return before not in "([" and _opens_sentence(text, next_at)
    word, word_start = _word_before(text, start, match.start(1))
    if not word or word[-1] in _CLOSERS:
        return _opens_sentence(text, next_at)
    if word_start == start and _NUMBERING.match(word):
        return False  # "1." / "4.1." / "a." opening a heading or list item
    if _NUMBER.match(word) and text[next_at].isdigit():
        return False
    lower = word.lower() + "."
    if lower in MAY_END:
        return _starts_with_starter(text, next_at)
    shouted = len(word) > 1 and word.isupper() and "." not in word  # VS., VN.: acronyms
    if not shouted and lower in never_final:
        return False
    if _DOTTED_LETTERS.match(word) or _SINGLE_LETTER.match(word):
        return False  # o.l.v., M.G.J., A.: abbreviations and initials
    return _opens_sentence(text, next_at)


def _word_before(text: str, start: int, position: int) -> tuple[str, int]:
    """The word that ends at `position` (without opening quotes or brackets), and where it starts."""
    begin = position
    limit = max(start, position - _TOKEN_LIMIT)
    while begin > limit and not text[begin - 1].isspace():
        begin -= 1
    return text[begin:position].lstrip(_OPENERS), begin


def _opens_sentence(text: str, position: int) -> bool:
    """A sentence can start here: a capital, a digit, or a quotation or bracket opening with one."""
    char = text[position]
    if char.isupper() or char.isdigit():
        return True
    if char in _OPENERS:
        following = text[position + 1 : position + 2]
        return bool(following) and (following.isupper() or following.isdigit() or following in _OPENERS)
    if char in "’'" and text[position + 1 : position + 2] in ("s", "t"):
        return text[position + 2 : position + 3] in (" ", "-")  # ’s-Gravenhage, ’t is
    return char in "•–-" and text[position + 1 : position + 2].isspace()  # a bullet or dash list


def _starts_with_starter(text: str, position: int) -> bool:
    end = position
    while end < len(text) and end - position < 20 and text[end].isalpha():
        end += 1
    return text[position:end] in SENTENCE_STARTERS


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _normalised(abbreviations: frozenset[str]) -> frozenset[str]:
    return frozenset(a.strip().lower().rstrip(".") + "." for a in abbreviations if a.strip(" ."))


@lru_cache(maxsize=32)
def _never_final(extra: frozenset[str]) -> frozenset[str]:
    return NEVER_FINAL | extra


def _sentence(
    block: Block, sentence_id: str, start: int, end: int, refs: tuple[NoteRef, ...], options: SegmentOptions
) -> Sentence:
    text = block.text[start:end]
    lang, foreign = block.lang, ()
    if options.detect_language:
        lang, foreign = _language(text, block.lang, options.min_foreign_words)
    return Sentence(id=sentence_id, text=text, start=start, end=end, lang=lang, note_refs=refs, foreign=foreign)


def _refs_by_sentence(refs: tuple[NoteRef, ...], spans: list[tuple[int, int]]) -> list[tuple[NoteRef, ...]]:
    """The block's NoteRefs shared out over its sentences, offsets made relative to each.

    A marker belongs to the sentence it stands in or closes: one in the space after a
    sentence (right after its final period) belongs to that sentence.
    """
    shared: list[list[NoteRef]] = [[] for _ in spans]
    starts = [start for start, _ in spans]
    for ref in refs if spans else ():
        index = max(bisect_right(starts, ref.offset) - 1, 0)
        start, end = spans[index]
        shared[index].append(replace(ref, offset=min(max(ref.offset - start, 0), end - start)))
    return [tuple(group) for group in shared]


def _language(text: str, default: str, min_foreign_words: int) -> tuple[str, tuple[ForeignSpan, ...]]:
    """The sentence's language and the quotations in another language inside it."""
    spans = quoted_spans(text)
    if not spans:
        return guess_language(text, default), ()
    residue = _without(text, spans)
    if not any(char.isalpha() for char in residue):
        return guess_language(text, default), ()  # the sentence is one quotation
    lang = guess_language(residue, default)
    foreign = []
    for start, end in spans:
        quoted = text[start:end]
        if len(quoted.split()) < min_foreign_words:
            continue
        quoted_lang = guess_language(quoted, lang)
        if quoted_lang != lang:
            foreign.append(ForeignSpan(start, end, quoted_lang))
    return lang, tuple(foreign)


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    parts, position = [], 0
    for start, end in spans:
        parts.append(text[position:start])
        position = end
    parts.append(text[position:])
    return " ".join(parts)


__all__ = ["RULES_VERSION", "SegmentOptions", "segment", "split_sentences"]

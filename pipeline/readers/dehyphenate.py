"""Line-end hyphens: join the word, keep the hyphen, or keep a suspended compound.

A hyphen at the end of a PDF line is usually typesetting (`Interna-` / `tional`),
but may be part of the word (`Noord-` / `Korea`, `VN-` / `onderhandelingen`) or a
suspended compound (`zee-` / `en landsgrenzen`). `decide` makes that decision in
this order (GUIDE §1):

1. a URL is never changed, only its lines are joined;
2. `en`/`of`/`tot` after the hyphen: a suspended compound, the hyphen and space stay;
3. what the document itself writes elsewhere (`UNSMIL` -> join `UNS-`/`MIL`;
   `re-integratie` -> keep);
4. fixed rules: an acronym cut in two (`UN-`/`HCR`) joins when the joined acronym is
   a known word; a capital or digit after the hyphen, or an acronym before it,
   keeps the hyphen (`Centraal-Mediterrane`, `VN-onderhandelingen`);
5. Dutch word frequency (wordfreq) for what rules cannot settle: a known joined
   word joins; a vowel clash (`zee-eend`) or a prefix like `ex-`, `non-` keeps
   the hyphen; anything else joins, as Dutch writes compounds closed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from enum import Enum
from functools import lru_cache

SUSPENDING_WORDS = frozenset({"en", "of", "tot", "noch"})
HYPHEN_PREFIXES = frozenset({"ex", "oud", "non", "niet", "vice", "pseudo"})
_VOWEL_CLASHES = frozenset({"aa", "ee", "oo", "uu", "ie", "ei", "eu", "ou", "au", "oe", "ui", "ij", "ae", "ea"})
_EDGE_PUNCT = "‘’“”\"'()[]{}«»,.;:!?*…/\uffff"
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


class Join(Enum):
    JOIN = "join"  # drop the hyphen: Interna- + tional -> International
    KEEP = "keep"  # keep the hyphen, no space: Noord- + Korea -> Noord-Korea
    SUSPENDED = "suspended"  # keep hyphen and space: zee- + en -> zee- en


Frequency = Callable[[str], float]


@lru_cache(maxsize=4096)
def dutch_zipf(word: str) -> float:
    """Zipf frequency of `word` in Dutch (0.0 when unknown); loads wordfreq on first use."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "nl")


class Vocabulary:
    """The words a document writes (lower case), as evidence for its own hyphenation."""

    def __init__(self, texts: Iterable[str]):
        self._words = set(_WORD.findall("\n".join(texts).lower()))

    def __contains__(self, word: str) -> bool:
        return word.lower() in self._words


def decide(left: str, right: str, vocabulary: Vocabulary | None = None, frequency: Frequency = dutch_zipf) -> Join:
    """How `left` (the text chunk before a line-end hyphen, hyphen excluded) joins `right`."""
    left_chunk = left.strip(_EDGE_PUNCT)
    right_chunk = right.strip(_EDGE_PUNCT).rstrip("0123456789")  # drop a glued note number
    if "/" in left_chunk or left_chunk.lower().startswith("www."):  # a URL or a path
        return Join.KEEP
    if not left_chunk or not right_chunk:
        return Join.KEEP
    if right_chunk in SUSPENDING_WORDS:
        return Join.SUSPENDED
    head = left_chunk.rsplit("-", 1)[-1]  # refoule in non-refoule-
    tail = right_chunk.split("-", 1)[0]  # ter in minis- + ter-president
    if not head or not tail:
        return Join.KEEP
    if vocabulary is not None:
        if head + tail in vocabulary:
            return Join.JOIN
        if f"{head}-{tail}" in vocabulary:
            return Join.KEEP
    if _is_acronym(head) and _is_acronym(tail) and frequency((head + tail).lower()) > 0:
        return Join.JOIN
    if tail[0].isupper() or tail[0].isdigit() or _is_acronym(head) or any(c.isdigit() for c in head):
        return Join.KEEP
    joined = (head + tail).lower()
    if not _clashes(head, tail) and head.lower() not in HYPHEN_PREFIXES:
        return Join.JOIN
    return Join.JOIN if frequency(joined) > 0 else Join.KEEP


def _is_acronym(word: str) -> bool:
    return sum(c.isupper() for c in word) >= 2


def _clashes(head: str, tail: str) -> bool:
    """Joining would run two vowels into one sound (zee|eend), which Dutch avoids with a hyphen."""
    return (head[-1] + tail[0]).lower() in _VOWEL_CLASHES


def join_lines(lines: Iterable[str], vocabulary: Vocabulary | None = None, frequency: Frequency = dutch_zipf) -> str:
    """Join stripped lines into one text with single spaces, resolving line-end hyphens."""
    text = ""
    for line in lines:
        line = " ".join(line.split())
        if not line:
            continue
        if not text:
            text = line
            continue
        text = _join_pair(text, line, vocabulary, frequency)
    return text


def _join_pair(text: str, line: str, vocabulary: Vocabulary | None, frequency: Frequency) -> str:
    if text.endswith("\u00ad"):  # soft hyphen: always typesetting
        return text[:-1] + line
    if text.endswith("-") and len(text) > 1 and (text[-2].isalnum() or text[-2] == "\uffff"):
        left = text[:-1].rsplit(" ", 1)[-1]
        right = line.split(" ", 1)[0]
        decision = decide(left, right, vocabulary, frequency)
        if decision is Join.JOIN:
            return text[:-1] + line
        if decision is Join.KEEP:
            return text + line
        return f"{text} {line}"
    if text.endswith("/") and not text.endswith(" /"):
        return text + line
    return f"{text} {line}"

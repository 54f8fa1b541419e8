"""Words and lines for the generated PDFs: Dutch hyphenation (pyphen nl_NL), greedy breaking.

A word is runs of (text, superscript); `[^n]` in the source text is a note marker.
`Breaker` fills lines greedily, hyphenating a word that does not fit at a pyphen
point (or after a hyphen it already has), and on request ends a line on the first
half of a word (used at the foot of a frame).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyphen
from reportlab.pdfbase.pdfmetrics import stringWidth

_HYPHENATOR = pyphen.Pyphen(lang="nl_NL")
MARKER = re.compile(r"\[\^(\w+)\]")
SUPERSCRIPT_SCALE = 0.6


@dataclass
class Word:
    """A word as typeset: runs of (text, superscript), plus whether a hyphen was added."""

    runs: list[tuple[str, bool]]

    @property
    def plain(self) -> str:
        return "".join(text for text, sup in self.runs if not sup)

    def width(self, font: str, size: float) -> float:
        return sum(stringWidth(t, font, size * SUPERSCRIPT_SCALE if sup else size) for t, sup in self.runs)


def _words(text: str) -> list[Word]:
    words = []
    for token in text.split():
        runs, position = [], 0
        for match in MARKER.finditer(token):
            if match.start() > position:
                runs.append((token[position : match.start()], False))
            runs.append((match.group(1), True))
            position = match.end()
        if position < len(token):
            runs.append((token[position:], False))
        words.append(Word(runs))
    return words


def _split_points(word: Word) -> list[tuple[Word, Word, str]]:
    """Ways to break `word` at the end of a line: (head with hyphen, tail, whole word), longest head last."""
    if len(word.runs) == 0 or word.runs[0][1]:
        return []
    first = word.runs[0][0]
    lead = len(first) - len(first.lstrip("‘“(\"'"))
    core_end = len(first.rstrip(".,;:!?’”)\"'"))
    core = first[lead:core_end]
    if any(c.isdigit() for c in core) or "/" in core or len(core) < 5:
        return []
    points: list[tuple[int, bool]] = []  # (position in `first`, add a hyphen)
    offset = lead
    for part in core.split("-"):
        for position in _HYPHENATOR.positions(part):
            if 2 <= position <= len(part) - 2:
                points.append((offset + position, True))
        offset += len(part) + 1
        if offset - lead < len(core):
            points.append((offset, False))  # after an explicit hyphen
    splits = []
    for position, add in sorted(points):
        head = first[:position] + ("-" if add else "")
        tail = [(first[position:], False)] + word.runs[1:]
        splits.append((Word([(head, False)]), Word(tail), core))
    return splits


@dataclass
class Line:
    words: list[Word]
    cut: str | None = None  # the whole word when the line ends on a hyphenated part of it

    def text(self) -> str:
        return " ".join(w.plain for w in self.words)


class Breaker:
    """Greedy line breaking with hyphenation over the words of one paragraph."""

    def __init__(self, words: list[Word], font: str, size: float, hyphenate: bool = True):
        self.words = list(words)
        self.font, self.size, self.hyphenate = font, size, hyphenate
        self.space = stringWidth(" ", font, size)

    def done(self) -> bool:
        return not self.words

    def next_line(self, width: float, force_cut: bool = False) -> Line:
        line: list[Word] = []
        used = 0.0
        cut = None
        while self.words:
            word = self.words[0]
            need = word.width(self.font, self.size) + (self.space if line else 0)
            if used + need <= width:
                line.append(self.words.pop(0))
                used += need
                continue
            for head, tail, whole in reversed(_split_points(word) if self.hyphenate else []):
                if used + head.width(self.font, self.size) + (self.space if line else 0) <= width:
                    line.append(head)
                    self.words[0] = tail
                    cut = whole
                    break
            if not line:  # a word wider than the line: set it anyway
                line.append(self.words.pop(0))
            break
        if force_cut and cut is None and self.words:
            self._cut_last(line)
            cut = self._cut
        return Line(line, cut)

    def _cut_last(self, line: list[Word]) -> None:
        """End the line on the first half of a word: move words back until one can be cut."""
        self._cut = None
        while len(line) > 2:
            splits = _split_points(line[-1])
            if splits:
                head, tail, self._cut = splits[len(splits) // 2]
                line[-1] = head
                self.words.insert(0, tail)
                return
            self.words.insert(0, line.pop())

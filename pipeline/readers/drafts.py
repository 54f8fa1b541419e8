"""Block drafts: what a reader collects per block before the text is final.

A reader gathers source lines into `Draft`s in reading order; `build_blocks`
joins each draft's lines (dehyphenating), turns footnote placeholders into
`NoteRef`s, numbers the blocks `b1`, `b2`, ... and points every NoteRef at the
NOTE block that prints its text.

A block's `label` (note number, list bullet, page number, heading number) is
never repeated in its `text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..model import Block, BlockKind, NoteRef
from .dehyphenate import Frequency, Vocabulary, dutch_zipf, join_lines
from .notemarks import take_markers

SENTENCE_END = ".!?:"
CLOSER_FIRST_LINE = re.compile(r"^De .{3,80},$")  # "De Staatssecretaris van Justitie en Veiligheid,"
NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*\.)\s+(\S.*)$")  # "4.1. Verklaring van Parijs": label, text
_CLOSING = "”’\"')]»*"


@dataclass
class Draft:
    kind: BlockKind
    texts: list[str] = field(default_factory=list)  # stripped line texts, markers as placeholders
    numbers: list[int] = field(default_factory=list)  # their source line numbers
    marker_labels: list[str] = field(default_factory=list)
    label: str | None = None

    def add(self, number: int, text: str, labels: list[str] = ()) -> None:
        self.texts.append(text)
        self.numbers.append(number)
        self.marker_labels.extend(labels)

    def add_all(self, numbers: list[int], texts: list[str]) -> None:
        """Lines without footnote markers, with their source line numbers."""
        for number, text in zip(numbers, texts):
            self.add(number, text)

    @property
    def last_text(self) -> str:
        return self.texts[-1] if self.texts else ""


def ends_sentence(text: str) -> bool:
    """Whether a line ends a sentence (a placeholder or closing quote after the stop is fine)."""
    stripped = text.rstrip().rstrip("\uffff").rstrip(_CLOSING).rstrip("\uffff")
    return bool(stripped) and stripped[-1] in SENTENCE_END


def build_blocks(
    drafts: list[Draft], vocabulary: Vocabulary | None, frequency: Frequency = dutch_zipf
) -> tuple[Block, ...]:
    blocks: list[Block] = []
    for draft in drafts:
        text = join_lines(draft.texts, vocabulary, frequency)
        text, markers = take_markers(text, draft.marker_labels)
        if not text and draft.kind not in (BlockKind.PAGE_BREAK, BlockKind.PAGE_NUMBER) and not draft.label:
            continue
        lines = (min(draft.numbers), max(draft.numbers)) if draft.numbers else (0, 0)
        refs = tuple(NoteRef(offset, label) for offset, label in markers)
        blocks.append(Block(f"b{len(blocks) + 1}", draft.kind, text, lines, draft.label, note_refs=refs))
    return _link_notes(blocks)


def _link_notes(blocks: list[Block]) -> tuple[Block, ...]:
    """Point each NoteRef at the NOTE block with its label: the first after it, else the last before."""
    notes = [(index, block) for index, block in enumerate(blocks) if block.kind is BlockKind.NOTE]
    if not notes:
        return tuple(blocks)
    linked = []
    for index, block in enumerate(blocks):
        if block.note_refs:
            refs = tuple(_with_note(ref, index, notes) for ref in block.note_refs)
            block = replace(block, note_refs=refs)
        linked.append(block)
    return tuple(linked)


def _with_note(ref: NoteRef, index: int, notes: list[tuple[int, Block]]) -> NoteRef:
    matching = [(position, note) for position, note in notes if note.label == ref.label]
    if not matching:
        return ref
    after = [note for position, note in matching if position > index]
    chosen = after[0] if after else matching[-1][1]
    return NoteRef(ref.offset, ref.label, chosen.id)

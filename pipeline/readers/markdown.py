"""Reader for Markdown converted from letters: paragraphs -> block drafts.

What it understands, from the corpus letter (d004):

- letterhead before the first body paragraph (return address `> Retouradres ...`,
  addressee, sender's department and address, `Ons kenmerk`, `Bij beantwoording
  ...`) and the running header blocks repeated on later pages -> FW_HEADER;
  `Datum ...` stays page furniture, `Onderwerp ...` becomes a HEADING;
- `#` headings (with `1.` numbering as label), list items, and a closing
  signature (`De Staatssecretaris ...,` + name) -> CLOSER;
- a paragraph cut by a page break (no final punctuation, next paragraph starts
  in lower case) is joined into one block; running headers in between follow it;
- bold/italic markup is dropped, link text and URL are both kept.

It needs the decoded text; it adds blocks with clean text and source line ranges.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..model import BlockKind
from .dehyphenate import Vocabulary
from .drafts import CLOSER_FIRST_LINE, NUMBERED, Draft, ends_sentence
from .textfile import SourceLine

_HEADING = re.compile(r"^#{1,6}\s+(.*)$")
_QUOTE = re.compile(r"^>\s?")
_LIST = re.compile(r"^([-*+•]|\d{1,2}\.)\s+(\S.*)$")
_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")
_EMPHASIS = re.compile(r"\*{1,3}|(?<!\w)_{1,3}(?=\S)|(?<=\S)_{1,3}(?!\w)|`")
_LETTER_FIELDS = re.compile(r"^(Datum|Onderwerp|Ons kenmerk|Uw kenmerk|Bijlage\(n\)|Bijlagen)\b")
BODY_MIN_WORDS = 12


@dataclass
class Paragraph:
    numbers: list[int]
    texts: list[str]  # inline markup removed, stripped
    raw_first: str  # first line as written (to see '#', '>', list markers)

    @property
    def key(self) -> str:
        return " ".join(" ".join(self.texts).split())


def strip_inline(text: str) -> str:
    """Markdown inline markup removed; a link keeps its text and its URL."""
    text = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})" if m.group(1) else m.group(2), text)
    text = _EMPHASIS.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    return " ".join(text.split())


def paragraphs(source: list[SourceLine]) -> list[Paragraph]:
    found: list[Paragraph] = []
    current: Paragraph | None = None
    for line in source:
        raw = line.text.strip()
        if not raw or line.page_start:
            current = None
            if not raw:
                continue
        text = strip_inline(_QUOTE.sub("", raw))
        if current is None:
            current = Paragraph([], [], raw)
            found.append(current)
        current.numbers.append(line.number)
        current.texts.append(text)
    return [p for p in found if any(p.texts)]


def _is_body(paragraph: Paragraph) -> bool:
    text = paragraph.key
    return _HEADING.match(paragraph.raw_first) is not None or (
        len(text.split()) >= BODY_MIN_WORDS and ends_sentence(text) and not _QUOTE.match(paragraph.raw_first)
    )


def _first_body(found: list[Paragraph]) -> int:
    """Index of the first body paragraph: after a letter's subject line, if there is one."""
    first = next((i for i, p in enumerate(found) if _is_body(p)), len(found))
    subject = next(
        (i for i, p in enumerate(found[: first + 3]) if any(t.startswith("Onderwerp") for t in p.texts)), None
    )
    return first if subject is None else subject + 1


def _letterhead(paragraph: Paragraph) -> list[Draft]:
    """Letterhead paragraph(s): furniture, except the subject line, which is a heading."""
    drafts: list[Draft] = []
    for number, text in zip(paragraph.numbers, paragraph.texts):
        field_name = _LETTER_FIELDS.match(text)
        if field_name or not drafts:
            kind = BlockKind.HEADING if field_name and field_name.group(1) == "Onderwerp" else BlockKind.FW_HEADER
            drafts.append(Draft(kind))
        drafts[-1].add(number, text)
    return drafts


def _body_draft(paragraph: Paragraph) -> list[Draft]:
    heading = _HEADING.match(paragraph.raw_first)
    if heading:
        draft = Draft(BlockKind.HEADING)
        texts = list(paragraph.texts)
        texts[0] = strip_inline(heading.group(1))
        numbered = NUMBERED.match(texts[0])
        if numbered:
            draft.label, texts[0] = numbered.group(1), numbered.group(2)
        draft.add_all(paragraph.numbers, texts)
        return [draft]
    if _LIST.match(paragraph.raw_first):
        items: list[Draft] = []
        for number, text in zip(paragraph.numbers, paragraph.texts):
            item = _LIST.match(text)
            if item:
                items.append(Draft(BlockKind.LIST_ITEM, label=item.group(1)))
                text = item.group(2)
            items[-1].add(number, text)
        return items
    return [_plain(BlockKind.PARAGRAPH, paragraph)]


def _plain(kind: BlockKind, paragraph: Paragraph) -> Draft:
    draft = Draft(kind)
    draft.add_all(paragraph.numbers, paragraph.texts)
    return draft


def _closer_start(found: list[Paragraph]) -> int:
    """Index of the first paragraph of the closing signature, or len(found) if none."""
    if len(found) >= 2 and CLOSER_FIRST_LINE.match(found[-2].key) and len(found[-1].key) <= 40:
        return len(found) - 2
    if found and len(found[-1].texts) in (2, 3) and CLOSER_FIRST_LINE.match(found[-1].texts[0]):
        return len(found) - 1
    return len(found)


def layout(source: list[SourceLine]) -> tuple[list[Draft], Vocabulary]:
    """Block drafts of a Markdown letter in reading order, and the document's vocabulary."""
    found = paragraphs(source)
    repeated = {key for key, count in Counter(p.key for p in found).items() if count > 1}
    first_body = _first_body(found)
    closer_at = _closer_start(found)

    drafts: list[Draft] = []
    deferred: list[Draft] = []
    open_draft: Draft | None = None
    for index, paragraph in enumerate(found):
        if index >= closer_at:
            break
        if index < first_body or paragraph.key in repeated:
            furniture = _letterhead(paragraph) if index < first_body else [_plain(BlockKind.FW_HEADER, paragraph)]
            (deferred if open_draft is not None else drafts).extend(furniture)
            continue
        pieces = _body_draft(paragraph)
        first = pieces[0]
        if (
            open_draft is not None
            and first.kind is BlockKind.PARAGRAPH
            and not ends_sentence(open_draft.last_text)
            and first.texts[0][:1].islower()
        ):
            open_draft.add_all(first.numbers, first.texts)
            continue
        drafts.extend(deferred)
        deferred = []
        drafts.extend(pieces)
        last = pieces[-1]
        open_draft = last if last.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) else None
    drafts.extend(deferred)
    if closer_at < len(found):
        closer = Draft(BlockKind.CLOSER)
        for paragraph in found[closer_at:]:
            closer.add_all(paragraph.numbers, paragraph.texts)
        drafts.append(closer)
    vocabulary = Vocabulary(text for p in found for text in p.texts)
    return drafts, vocabulary

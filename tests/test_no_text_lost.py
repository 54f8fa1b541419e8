"""No text lost (GUIDE §3): every word of each corpus file is in its document model exactly once.

Words are runs of letters or runs of digits (`Zaken2` is `Zaken` + `2`). The model's
words are those of every block's text and label and every NoteRef label, whatever
the block's kind (body, note, list item, page furniture, closer). A word the reader
formed by joining a line-end hyphen (`Interna-` / `tional`) counts as the word it
formed, and only where the input has such a hyphen.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

import pytest

from pipeline.model import Document
from pipeline.readers import read_document

WORD = re.compile(r"[^\W\d_]+|\d+")
# a hyphen ending a line, then possibly blank lines: the pieces the reader may join
LINE_END_HYPHEN = re.compile(r"([^\W\d_]+)-[ \t]*\n(?:[ \t]*\n)*[ \t]*([^\W\d_]+)")


def input_words(raw_text: str) -> Counter:
    return Counter(WORD.findall(raw_text))


def model_words(doc: Document) -> Counter:
    words: Counter = Counter()
    for block in doc.blocks:
        words.update(WORD.findall(block.text))
        words.update(WORD.findall(block.label or ""))
        for ref in block.note_refs:
            words.update(WORD.findall(ref.label))
    return words


def check_no_text_lost(raw_text: str, doc: Document) -> None:
    """Raise AssertionError naming the words lost or invented, if any."""
    model = model_words(doc)
    expected = input_words(raw_text)
    pending = LINE_END_HYPHEN.findall(raw_text)
    changed = True
    while changed:  # a join can free a fragment another join needs (terro-risme, terrorisme-bestrijding)
        changed = False
        for pair in list(pending):
            left, right = pair
            joined = left + right
            if model[joined] > expected[joined] and expected[left] and expected[right]:
                expected.subtract({left: 1, right: 1})
                expected[joined] += 1
                pending.remove(pair)
                changed = True
    expected = +expected  # drop zero counts
    lost = expected - model
    invented = model - expected
    assert not lost and not invented, f"{doc.id}: lost {dict(lost)}; invented or repeated {dict(invented)}"


def test_every_corpus_document_keeps_every_word_exactly_once(corpus_entries):
    assert len(corpus_entries) == 5
    for entry in corpus_entries:
        raw = entry.path.read_text(encoding="utf-8")
        check_no_text_lost(raw, read_document(entry))


@pytest.fixture(scope="module")
def d000(corpus_entries):
    entry = next(e for e in corpus_entries if e.id == "d000")
    return entry.path.read_text(encoding="utf-8"), read_document(entry)


@pytest.mark.parametrize("kind", ["note", "closer", "paragraph"])
def test_the_check_catches_a_dropped_block(d000, kind):
    # Without this the test above could pass by checking nothing.
    raw, doc = d000
    dropped = next(b for b in doc.blocks if b.kind.value == kind)
    broken = replace(doc, blocks=tuple(b for b in doc.blocks if b is not dropped))
    with pytest.raises(AssertionError, match="lost"):
        check_no_text_lost(raw, broken)


def test_the_check_catches_a_repeated_block(d000):
    # A note copied into the body as well as kept as a note must fail: "none twice".
    raw, doc = d000
    note = next(b for b in doc.blocks if b.kind.value == "note")
    broken = replace(doc, blocks=doc.blocks + (note,))
    with pytest.raises(AssertionError, match="invented or repeated"):
        check_no_text_lost(raw, broken)


def test_the_check_catches_a_dropped_note_marker(d000):
    # The marker of footnote 2 ("Zaken2.") must survive as a NoteRef label.
    raw, doc = d000
    blocks = tuple(replace(b, note_refs=()) if b.note_refs else b for b in doc.blocks)
    with pytest.raises(AssertionError, match="lost"):
        check_no_text_lost(raw, replace(doc, blocks=blocks))


def test_the_check_rejects_a_join_the_input_does_not_have(d000):
    # "herkomstland" may replace "herkomst-" + "land" once, not be invented freely.
    raw, doc = d000
    first = next(b for b in doc.blocks if b.text)
    broken = replace(doc, blocks=(replace(first, text=first.text + " herkomstland"),) + doc.blocks[1:])
    with pytest.raises(AssertionError, match="invented"):
        check_no_text_lost(raw, broken)

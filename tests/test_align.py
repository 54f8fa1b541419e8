"""Sentence alignment: 1:1, 1:n for split sentences, explicit gaps, furniture left out."""

from __future__ import annotations

from test_tei_builders import document, para, sent, tr

from pipeline.align import GAP_EMPTY, GAP_NOT_TRANSLATED, align
from pipeline.model import Block, BlockKind


def test_one_to_one_keeps_the_sentence_id():
    doc = document(para("b1", sent("s1", "Een zin.", translation=tr("A sentence."))))
    (pair,) = align(doc)
    assert (pair.source, pair.targets, pair.segments, pair.shape) == ("s1", ("s1",), ("A sentence.",), "1:1")


def test_split_sentence_is_one_to_n_with_numbered_pieces():
    doc = document(para("b1", sent("s7", "Lang.", translation=tr("One.", "Two.", "Three."))))
    (pair,) = align(doc)
    assert pair.targets == ("s7.1", "s7.2", "s7.3")
    assert pair.shape == "1:3"


def test_gaps_say_why():
    doc = document(para("b1", sent("s1", "Niet vertaald."), sent("s2", "Leeg.", translation=tr("  "))))
    pairs = align(doc)
    assert [(p.source, p.gap, p.targets) for p in pairs] == [
        ("s1", GAP_NOT_TRANSLATED, ()),
        ("s2", GAP_EMPTY, ()),
    ]
    assert [p.source for p in pairs.gaps] == ["s1", "s2"]
    assert not pairs.has_english


def test_page_furniture_takes_no_part_and_notes_do():
    fw = Block("b2", BlockKind.FW_HEADER, "Kop", (1, 1), sentences=(sent("s2", "Kop"),))
    note = para("b3", sent("s3", "Voetnoot.", translation=tr("Footnote.")), kind=BlockKind.NOTE, label="1")
    doc = document(para("b1", sent("s1", "Zin.", translation=tr("Sentence."))), fw, note)
    assert [p.source for p in align(doc)] == ["s1", "s3"]


def test_pair_lookup_by_dutch_id():
    doc = document(para("b1", sent("s1", "A."), sent("s2", "B.", translation=tr("B."))))
    assert align(doc).pair("s2").targets == ("s2",)

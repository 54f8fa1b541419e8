"""Annotation of unseen paragraphs (tests/unseen_paragraphs.py): recall and precision.

Each paragraph is its own document (so `het Hof` can only refer to a court named in
it), read from a text file, segmented and annotated with the shipped lexicons. A
found mention counts as right when category, text and entity agree; an expected
generic instrument ("*") is right when it is found with an uncurated entry.
"""

from __future__ import annotations

import pytest
from unseen_paragraphs import GENERIC, PARAGRAPHS

from pipeline.annotate import annotate
from pipeline.corpus import CorpusEntry
from pipeline.model import Metadata
from pipeline.readers import read_document
from pipeline.segment import segment

GROUPS = {"org": "actors", "person": "actors", "place": "actors", "obligation": "obligations", "case": "obligations"}


@pytest.fixture(scope="module")
def annotated(lexicon, tmp_path_factory):
    folder = tmp_path_factory.mktemp("unseen")
    docs = []
    for index, (variety, text, _expected, _near) in enumerate(PARAGRAPHS):
        path = folder / f"p{index:02d}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        meta = Metadata(title=f"unseen {index}", variety=variety, form="pdf-text")
        docs.append(annotate(segment(read_document(CorpusEntry(f"p{index:02d}", path, meta))), lexicon))
    return docs


def found_mentions(doc) -> list[tuple[str, str, str]]:
    uncurated = {e.id for e in doc.authority if not e.curated}
    return [
        (a.category, " ".join(a.text.split()), GENERIC if a.entity in uncurated else a.entity)
        for _b, s in doc.sentences()
        for a in s.annotations
        if a.category in GROUPS
    ]


def scores(annotated) -> dict[str, tuple[int, int, int]]:
    """Per group: (true positives, expected, found)."""
    totals = {"actors": [0, 0, 0], "obligations": [0, 0, 0]}
    for doc, (_variety, _text, expected, _near) in zip(annotated, PARAGRAPHS):
        found = found_mentions(doc)
        remaining = list(found)
        for item in expected:
            group = totals[GROUPS[item[0]]]
            group[1] += 1
            if item in remaining:
                remaining.remove(item)
                group[0] += 1
        for item in found:
            totals[GROUPS[item[0]]][2] += 1
    return {k: tuple(v) for k, v in totals.items()}


def test_the_set_is_big_enough_and_mixes_both_varieties():
    assert len(PARAGRAPHS) >= 15
    assert {variety for variety, *_ in PARAGRAPHS} == {"nl-NL", "nl-BE"}
    assert sum(len(expected) for _v, _t, expected, _n in PARAGRAPHS) >= 80


@pytest.mark.parametrize("group", ["actors", "obligations"])
def test_recall_and_precision_at_least_0_9(annotated, group):
    hits, expected, found = scores(annotated)[group]
    recall, precision = hits / expected, hits / found
    assert recall >= 0.9 and precision >= 0.9, (group, f"recall {recall:.2f}", f"precision {precision:.2f}")


@pytest.mark.parametrize("index", range(len(PARAGRAPHS)))
def test_each_paragraph_finds_what_a_reader_finds(annotated, index):
    """Listed one by one, so that a regression names the paragraph and the mention."""
    _variety, _text, expected, _near = PARAGRAPHS[index]
    assert found_mentions(annotated[index]) == expected


@pytest.mark.parametrize("index", [i for i, p in enumerate(PARAGRAPHS) if p[3]])
def test_near_misses_stay_unannotated(annotated, index):
    _variety, text, _expected, near_misses = PARAGRAPHS[index]
    doc = annotated[index]
    for word in near_misses:
        sentence = next(s for _b, s in doc.sentences() if word in s.text)
        start = sentence.text.index(word)
        covering = [a for a in sentence.annotations if a.start <= start < a.end and a.category in GROUPS]
        # a near miss is either not annotated at all, or only as part of a longer name
        assert all(a.text != word and not a.text.startswith(word + " ") for a in covering), (word, covering)

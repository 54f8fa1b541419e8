"""TMX 1.4 and annotation CSV exports: what translators' and analysts' tools will read."""

from __future__ import annotations

import csv
import dataclasses
import io

from lxml import etree
from test_review_samples import sample_document
from translate.storage import tmx as tk_tmx

from pipeline.annotation_csv import COLUMNS, annotations_to_csv
from pipeline.model import Translation
from pipeline.tmx import documents_to_tmx


def reviewed_sample():
    doc = sample_document()
    block = doc.blocks[1]
    first = block.sentences[0]
    fixed = dataclasses.replace(
        first, translation=Translation(("UNHCR respects the non-refoulement principle.",), "reviewed", resp="rev.anna")
    )
    passthrough = dataclasses.replace(
        block.sentences[1], lang="en", translation=Translation(("Libya does not cooperate.",), "passthrough")
    )
    block = dataclasses.replace(block, sentences=(fixed, passthrough))
    return dataclasses.replace(doc, blocks=(doc.blocks[0], block, *doc.blocks[2:]))


def test_tmx_is_well_formed_tmx_1_4_and_opens_in_translate_toolkit_with_every_pair():
    docs = [reviewed_sample(), sample_document("d901")]
    data = documents_to_tmx(docs)
    root = etree.fromstring(data)
    assert root.tag == "tmx" and root.get("version") == "1.4"
    assert root.find("header").get("srclang") == "nl"

    store = tk_tmx.tmxfile.parsestring(data)
    units = [(u.source, u.target) for u in store.units]
    # 4 pairs in the reviewed sample (the passthrough sentence is no translation) + 5 in d901
    assert len(units) == 9
    assert units[1] == (
        "Het UNHCR eert het beginsel van non-refoulement.",
        "UNHCR respects the non-refoulement principle.",
    )
    assert units[-1] == ("Libië is geen veilig land.", "Libya is not a safe country.")


def test_reviewed_pairs_are_marked_and_machine_pairs_are_not():
    root = etree.fromstring(documents_to_tmx([reviewed_sample()]))
    reviewed = root.xpath("//tu[prop[@type='x-reviewed']]")
    assert [tu.get("tuid") for tu in reviewed] == ["d900.s2"]
    assert reviewed[0].findtext("prop[@type='x-reviewed']") == "rev.anna"
    assert [tu.findtext("prop[@type='x-origin']") for tu in root.iter("tu")] == [
        "machine",
        "reviewed",
        "machine",
        "machine",
    ]


def test_tmx_is_byte_identical_for_the_same_documents():
    assert documents_to_tmx([sample_document()]) == documents_to_tmx([sample_document()])


def test_csv_has_one_row_per_annotation_with_qualified_ids():
    docs = [sample_document(), sample_document("d901")]
    rows = list(csv.reader(io.StringIO(annotations_to_csv(docs).decode("utf-8"))))
    assert tuple(rows[0]) == COLUMNS
    expected = sum(len(s.annotations) + len(s.translation.annotations) for d in docs for _b, s in d.sentences())
    assert len(rows) - 1 == expected == 20
    assert rows[1] == ["d900", "d900.nl.s1", "nl", "place", "pl.libya", "Libië", "12", "17", ""]
    assert rows[2] == ["d900", "d900.en.s1", "en", "place", "pl.libya", "Libya", "13", "18", ""]
    assert ["d900", "d900.en.s2", "en", "obligation", "obl.non-refoulement", "non-refoulement", "31", "46", ""] in rows

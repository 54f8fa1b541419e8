"""`pipeline run` over the real corpus with a fake translator: valid TEI, alignment,
no text lost, byte-identical reruns that translate nothing. The corpus is exported
twice per session (module fixture); every test reads those files."""

from __future__ import annotations

import csv
import dataclasses
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree
from test_no_text_lost import check_no_text_lost
from test_tei_builders import NS

from pipeline.model import Block, BlockKind, Document, Metadata, Source, Translation
from pipeline.run import RunOptions, run_pipeline
from pipeline.tei.options import ExportOptions, export_date
from pipeline.tei.schema import validate
from pipeline.translate import TranslateOptions, TranslatorStats

DATE = export_date({"SOURCE_DATE_EPOCH": "1700000000"})
SPLIT_AT = 180  # the fake "model" splits longer sentences in two, to exercise 1:n alignment


class FakeTranslator:
    """Deterministic stand-in for pipeline.translate.Translator, with an in-memory 'disk cache'."""

    signature = "argos:fake-nl_en|v:0.1|sha256:000000000000|beam:1"

    def __init__(self):
        self.options = TranslateOptions()
        self.stats = TranslatorStats()
        self.store: dict[str, Translation] = {}
        self.model_inputs = 0

    def translate_texts(self, texts):
        out = {}
        for text in dict.fromkeys(texts):
            if text in self.store:
                out[text] = dataclasses.replace(self.store[text], origin="cache")
                continue
            self.model_inputs += 1
            words = text.split()
            if len(text) > SPLIT_AT:
                half = len(words) // 2
                segments = ("EN " + " ".join(words[:half]), "EN " + " ".join(words[half:]))
            else:
                segments = ("EN " + text,)
            out[text] = self.store[text] = Translation(segments, "machine", self.signature, score=-0.25)
        return out


@pytest.fixture(scope="module")
def exported(tmp_path_factory, corpus_dir, tei_schema):
    """Two runs into one folder: (first summary, bytes after run 1, second summary, translator, folder)."""
    folder = tmp_path_factory.mktemp("output")
    translator = FakeTranslator()
    options = RunOptions(corpus_dir, folder, ExportOptions(date=DATE), lexicons=corpus_dir.parent / "annotations")
    first = run_pipeline(options, schema=tei_schema, translator=translator)
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.glob("*.xml")}
    calls_after_first = translator.model_inputs
    second = run_pipeline(options, schema=tei_schema, translator=translator)
    return first, before, second, translator.model_inputs - calls_after_first, folder


def trees(folder: Path) -> dict[str, etree._ElementTree]:
    return {p.stem: etree.parse(str(p)) for p in sorted(folder.glob("d*.xml"))}


def test_five_documents_and_the_corpus_file_are_written(exported, corpus_entries):
    first, before, _, _, folder = exported
    assert first.ok, first.failed
    assert sorted(before) == ["corpus.xml"] + [f"{e.id}.xml" for e in corpus_entries]
    assert [p.name for p in first.written if p.suffix == ".xml"][-1] == "corpus.xml"  # written last
    assert first.documents == 5 and first.sentences > 500
    assert first.translated + first.passthrough + first.from_cache >= first.sentences - first.untranslated


def test_citation_table_counts_each_mention_once(exported, corpus_entries):
    rows = list(csv.DictReader((exported[-1] / "citations.csv").open(encoding="utf-8")))
    unhcr = next(row for row in rows if row["entity"] == "org.unhcr")
    # d000 names UNHCR seven times (twice on one line); the column order follows the manifest
    assert unhcr["d000"] == "7" and unhcr["category"] == "org" and unhcr["label_en"]
    assert list(rows[0])[6:] == [e.id for e in corpus_entries] + ["total"]
    assert int(unhcr["total"]) == sum(int(unhcr[e.id]) for e in corpus_entries)


def test_every_file_validates(exported, tei_schema):
    folder = exported[-1]
    for path in sorted(folder.glob("*.xml")):
        assert validate(tei_schema, path) == [], path.name


def test_rerun_is_byte_identical_touches_nothing_and_translates_nothing(exported):
    first, before, second, new_model_inputs, folder = exported
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.glob("*.xml")}
    assert after == before
    assert second.written == [] and len(second.unchanged) == len(first.written)
    assert new_model_inputs == 0 and second.translated == 0 and second.from_cache > 0


def test_ids_unique_and_alignment_complete(exported):
    for doc_id, tree in trees(exported[-1]).items():
        ids = tree.xpath("//@xml:id")
        assert len(ids) == len(set(ids)), doc_id
        dutch = set(tree.xpath("//t:text[@xml:id=$d]//t:s/@xml:id", d=f"{doc_id}.nl", namespaces=NS))
        english = tree.xpath("//t:text[@xml:id=$d]//t:s", d=f"{doc_id}.en", namespaces=NS)
        assert all(s.get("corresp")[1:] in dutch for s in english), doc_id
        # every Dutch body and note sentence has an English sentence (the fake translates all)
        assert {s.get("corresp")[1:] for s in english} == dutch, doc_id
        links = tree.xpath("//t:linkGrp[@type='alignment']/t:link/@target", namespaces=NS)
        assert sorted(t.split()[0][1:] for t in links) == sorted(dutch), doc_id
        assert tree.xpath("//t:text[@xml:lang='en']//t:gap", namespaces=NS) == []


def test_split_sentences_are_one_to_n(exported):
    shapes = Counter()
    for tree in trees(exported[-1]).values():
        shapes.update(tree.xpath("//t:link/@type", namespaces=NS))
    assert shapes["1:1"] > 0 and shapes["1:2"] > 0 and set(shapes) <= {"1:1", "1:2"}


_INLINE = {"orgName", "persName", "placeName", "term", "ref", "foreign", "gap"}


def tei_dutch_words_document(tree: etree._ElementTree, doc_id: str) -> Document:
    """The Dutch text of a TEI file as a one-block Document, for test_no_text_lost's check.

    Text runs are joined inside inline elements (a name may cover part of a word);
    every other element (s, note, p, fw, ...) starts a new run. Labels written as @n
    (note, item, head, pb, fw, anchor, ptr) count as words, as block labels and
    NoteRef labels do in the model.
    """
    runs: list[str] = []

    def visit(el, current: list[str]) -> None:
        current.append(el.text or "")
        for child in el:
            if etree.QName(child).localname in _INLINE:
                visit(child, current)
            else:
                runs.append("".join(current))
                current.clear()
                visit(child, inner := [])
                runs.append("".join(inner))
            current.append(child.tail or "")

    text = tree.xpath("//t:text[@xml:id=$d]", d=f"{doc_id}.nl", namespaces=NS)[0]
    visit(text, rest := [])
    runs.append("".join(rest))
    labels = text.xpath(".//@n")
    # a note written where its marker stood stands for the marker too (its label printed twice in the source),
    # unless the marker was printed differently and kept as an anchor just before it
    labels += text.xpath(".//t:s//t:note[not(preceding-sibling::node()[1][self::t:anchor])]/@n", namespaces=NS)
    block = Block("b1", BlockKind.PARAGRAPH, " ".join(runs + labels), (1, 1))
    return Document(doc_id, Metadata(title="x"), Source("x", ""), (block,))


def test_no_text_lost_end_to_end(exported, corpus_entries):
    tei = trees(exported[-1])
    for entry in corpus_entries:
        check_no_text_lost(entry.path.read_text(encoding="utf-8"), tei_dutch_words_document(tei[entry.id], entry.id))


def test_annotations_reach_both_sides_with_one_authority(exported):
    tree = trees(exported[-1])["d000"]
    declared = set(tree.xpath("//t:teiHeader//@xml:id", namespaces=NS))
    refs = tree.xpath("//t:text//t:orgName/@ref | //t:text//t:term/@ref | //t:text//t:placeName/@ref", namespaces=NS)
    assert refs and {r[1:] for r in refs} <= declared
    assert tree.xpath("//t:text[@xml:lang='nl']//t:orgName", namespaces=NS)


def test_corpus_file_lists_every_document(exported, corpus_entries):
    tree = etree.parse(str(exported[-1] / "corpus.xml"))
    assert tree.xpath("//t:list[@type='documents']/t:item/t:ref/@target", namespaces=NS) == [
        f"{e.id}.xml#{e.id}" for e in corpus_entries
    ]
    assert tree.xpath("//t:sourceDesc/t:listBibl/t:bibl/@xml:id", namespaces=NS) == [
        f"corpus.{e.id}" for e in corpus_entries
    ]

"""Reviewer corrections survive reruns: detected against the last-produced copy, recorded, replayed."""

from __future__ import annotations

import dataclasses

import pytest
from lxml import etree
from test_review_samples import sample_document

from pipeline.errors import ReviewError
from pipeline.model import Annotation, Decision, DecisionKind
from pipeline.review import apply_review, settle_annotations
from pipeline.review_memory import ReviewMemory
from pipeline.review_merge import ReviewOptions, load_review, produced_path, write_tei
from pipeline.tei.export import build_tei, document_to_tei
from pipeline.tei.options import ExportOptions
from pipeline.tei.reader import read_tei_bytes, read_tei_file
from pipeline.tei.revisions import read_ledger

NS = {"tei": "http://www.tei-c.org/ns/1.0", "xml": "http://www.w3.org/XML/1998/namespace"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
OPTIONS = ExportOptions(date="2024-05-01")


def export_run(doc, folder, schema=None):
    """What `pipeline run` does with a document's review: applied, exported, validated, copy remembered."""
    path = folder / f"{doc.id}.xml"
    fixed = apply_review(doc, load_review(path, ReviewOptions(date=OPTIONS.date)).decisions)
    write_tei(path, build_tei(fixed, OPTIONS).data, schema)
    return path, fixed


def review_like_a_person(path):
    """Change one English sentence, delete one annotation, add one (as in an XML editor)."""
    tree = etree.parse(str(path))
    s2 = sentence(tree, "d900.en.s2")
    org = s2.find("tei:orgName", NS)
    s2.text, org.text = "", "UNHCR"
    org.tail = " respects the principle of "  # was "honours"
    s3 = sentence(tree, "d900.en.s3")
    place = s3.find("tei:placeName", NS)  # delete the annotation, keep its text
    s3.text = (s3.text or "") + place.text + (place.tail or "")
    s3.remove(place)
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


def test_reader_reads_back_what_the_exporter_wrote():
    doc = sample_document()
    back = read_tei_bytes(document_to_tei(doc, OPTIONS))
    assert [b.id for b in back.blocks] == [b.id for b in doc.blocks]
    assert [b.kind for b in back.blocks] == [b.kind for b in doc.blocks]
    for (_, want), (_, got) in zip(doc.sentences(), back.sentences()):
        assert got.text == want.text
        assert got.annotations == want.annotations
        assert got.note_refs == want.note_refs
        assert got.translation.segments == want.translation.segments
        assert got.translation.annotations == want.translation.annotations
        assert round(got.translation.score, 2) == round(want.translation.score, 2)
    # exporting what was read gives the same body, sentence for sentence
    again = etree.fromstring(document_to_tei(dataclasses.replace(doc, blocks=back.blocks), OPTIONS))
    first = etree.fromstring(document_to_tei(doc, OPTIONS))
    body = lambda root: etree.tostring(root.find("tei:text", NS))  # noqa: E731
    assert body(again) == body(first)


def test_a_file_nobody_edited_has_no_review(tmp_path):
    path, _ = export_run(sample_document(), tmp_path)
    assert produced_path(path).read_bytes() == path.read_bytes()
    assert not load_review(path, ReviewOptions(date="2024-05-02")).decisions


def test_corrections_are_detected_kept_marked_and_stable(tmp_path, tei_schema):
    path, _ = export_run(sample_document(), tmp_path, tei_schema)
    review_like_a_person(path)
    tree = etree.parse(str(path))
    s5 = sentence(tree, "d900.en.s5")
    s5.find("tei:placeName", NS).tail = " is not a "
    added = etree.SubElement(s5, "{http://www.tei-c.org/ns/1.0}term", type="obligation", ref="#obl.non-refoulement")
    added.text, added.tail = "safe", " country."  # the reviewer marks a (made-up) obligation
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")

    review = load_review(path, ReviewOptions(date="2024-05-02"))
    assert sorted((d.kind, d.sentence, d.lang) for d in review.decisions) == [
        ("annotation-added", "s5", "en"),
        ("annotation-removed", "s3", "en"),
        ("translation", "s2", "en"),
    ]

    # rerun: the pipeline produces the machine output again; the corrections win
    path, fixed = export_run(sample_document(), tmp_path, tei_schema)
    first = path.read_bytes()
    back = read_tei_file(path)
    sentences = {s.id: s for _, s in back.sentences()}
    assert sentences["s2"].translation.text == "UNHCR respects the principle of non-refoulement."
    assert sentences["s2"].translation.origin == "reviewed"
    assert [a.entity for a in sentences["s3"].translation.annotations] == []
    assert [(a.entity, a.text, a.resp) for a in sentences["s5"].translation.annotations] == [
        ("pl.libya", "Libya", None),
        ("obl.non-refoulement", "safe", "reviewer"),
    ]
    root = etree.fromstring(first)
    s2 = sentence(root, "d900.en.s2")
    assert s2.get("resp") == "#resp.reviewer" and s2.get("cert") is None
    assert root.find(".//tei:titleStmt/tei:respStmt[@xml:id='resp.reviewer']/tei:name", NS).text == "reviewer"
    changes = root.findall(".//tei:revisionDesc/tei:change[@type]", NS)
    assert [(c.get("type"), c.get("target"), c.get("who")) for c in changes] == [
        ("translation", "#d900.en.s2", "#resp.reviewer"),
        ("annotation-removed", "#d900.en.s3", "#resp.reviewer"),
        ("annotation-added", "#d900.en.s5", "#resp.reviewer"),
    ]
    assert tei_schema.validate(root), tei_schema.error_log

    # a second rerun changes nothing
    export_run(sample_document(), tmp_path, tei_schema)
    assert path.read_bytes() == first
    assert produced_path(path).read_bytes() == first


def test_a_review_goes_stale_when_the_dutch_changes(tmp_path):
    path, _ = export_run(sample_document(), tmp_path)
    review_like_a_person(path)
    export_run(sample_document(), tmp_path)
    changed = sample_document()
    block = changed.blocks[1]
    s2 = dataclasses.replace(block.sentences[0], text="Het UNHCR eert het beginsel van non-refoulement niet.")
    changed = dataclasses.replace(
        changed,
        blocks=(changed.blocks[0], dataclasses.replace(block, sentences=(s2, block.sentences[1])), *changed.blocks[2:]),
    )
    path, fixed = export_run(changed, tmp_path)
    s2_back = {s.id: s for _, s in read_tei_file(path).sentences()}["s2"]
    assert s2_back.translation.stale and s2_back.translation.origin == "reviewed"
    assert s2_back.translation.text == "UNHCR respects the principle of non-refoulement."
    assert any("changed since its translation was reviewed" in w for w in fixed.warnings)
    change = etree.fromstring(path.read_bytes()).find(".//tei:change[@type='translation']", NS)
    assert change.get("status") == "stale"


def test_a_reviewed_translation_is_reused_for_the_same_dutch_sentence_with_its_origin(tmp_path):
    path, _ = export_run(sample_document(), tmp_path)
    tree = etree.parse(str(path))
    s5 = sentence(tree, "d900.en.s5")
    s5.find("tei:placeName", NS).tail = " is not a safe country for migrants."
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    memory = ReviewMemory()
    memory.offer_folder({"d900": load_review(path, ReviewOptions(date="2024-05-02")).decisions})
    other = sample_document("d901")
    [reused] = memory.reuse(other, ())
    assert (reused.kind.value, reused.sentence, reused.segments, reused.origin) == (
        "translation",
        "s5",
        ("Libya is not a safe country for migrants.",),
        "d900.xml#d900.en.s5",
    )
    fixed = apply_review(other, (reused,))
    root = etree.fromstring(build_tei(fixed, OPTIONS).data)
    change = root.find(".//tei:revisionDesc/tei:change[@type='translation']", NS)
    assert change.get("target") == "#d901.en.s5"
    assert change.findtext("tei:seg[@type='origin']", namespaces=NS) == "d900.xml#d900.en.s5"
    # read back, the reused decision keeps where it came from
    assert [d.origin for d in read_ledger(root)] == ["d900.xml#d900.en.s5"]


def test_a_hostile_reviewed_file_is_refused_and_nothing_is_written(tmp_path):
    path, _ = export_run(sample_document(), tmp_path)
    produced = produced_path(path).read_bytes()
    path.write_bytes(b'<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<TEI>&x;</TEI>')
    hostile = path.read_bytes()
    with pytest.raises(ReviewError, match="declares entities"):
        export_run(sample_document(), tmp_path)
    assert path.read_bytes() == hostile
    assert produced_path(path).read_bytes() == produced


def sentence(tree, xml_id):
    return tree.xpath("//tei:s[@xml:id=$id]", namespaces=NS, id=xml_id)[0]


def test_a_ledger_change_without_its_annotation_is_refused_with_file_and_line(tmp_path):
    path, _ = export_run(sample_document(), tmp_path)
    tree = etree.parse(str(path))
    revision = tree.find(".//tei:revisionDesc", NS)
    etree.SubElement(revision, "{http://www.tei-c.org/ns/1.0}change", type="annotation-added", target="#d900.en.s2")
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    line = etree.parse(str(path)).find(".//tei:change[@type='annotation-added']", NS).sourceline
    with pytest.raises(ReviewError, match=f'{path}: line {line}: <change type="annotation-added"> names no annotation'):
        load_review(path, ReviewOptions(date="2024-05-02"))


def test_the_review_is_written_by_the_writer_and_read_back_by_the_reader():
    doc = sample_document()
    s2, s5 = doc.blocks[1].sentences[0], doc.blocks[3].sentences[0]
    decisions = (
        Decision(DecisionKind.TRANSLATION, "s2", "en", "Anna de Vries", "2024-05-02", source=s2.text, segments=("A.",)),
        Decision(
            DecisionKind.ALIGNMENT,
            "s5",
            "en",
            "Bo",
            "2024-05-03",
            source=s5.text,
            segments=("Libya is not.", "Safe."),
            origin="../A/d000.xml#d000.en.s9",
        ),
        Decision(
            DecisionKind.ANNOTATION_REMOVED,
            "s3",
            "nl",
            "Bo",
            "2024-05-03",
            annotation=doc.blocks[1].sentences[1].annotations[0],
        ),
    )
    fixed = apply_review(doc, decisions)
    data = document_to_tei(fixed, OPTIONS)
    back = read_tei_bytes(data)
    assert back.review == fixed.review and len(back.review) == 3
    # every <change> points to what is in the file: a split English sentence by its pieces
    targets = [c.get("target") for c in etree.fromstring(data).iterfind(".//tei:change[@type]", NS)]
    assert targets == ["#d900.en.s2", "#d900.nl.s3", "#d900.en.s5.1 #d900.en.s5.2"]
    translations = {s.id: s.translation for _, s in back.sentences()}
    assert (translations["s2"].text, translations["s2"].resp) == ("A.", "Anna de Vries")
    assert translations["s5"].segments == ("Libya is not.", "Safe.")


def test_an_added_annotation_whose_words_are_gone_is_reported_not_dropped():
    doc = sample_document()
    added = Annotation(0, 5, "org", "org.iom", "IOM's", resp="anna")  # the English no longer says it
    decision = Decision(DecisionKind.ANNOTATION_ADDED, "s3", "en", "anna", "2024-05-02", annotation=added)
    settled = settle_annotations(dataclasses.replace(doc, review=(decision,)))
    assert settled.blocks == doc.blocks
    assert settled.warnings == (
        "d900: annotation org.iom 'IOM's' added by a reviewer to sentence s3 (en) no longer matches its text; not applied",
    )

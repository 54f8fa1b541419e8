"""Acceptance: a reviewer's edit a rerun cannot keep is reported with file and line, the reviewed
file is saved beside the output before it is replaced, and the exit status is 3 (documented)."""

from __future__ import annotations

import hashlib

import pytest
from lxml import etree
from review_support import NS, Pipeline, changes, edit, make_corpus, retype, sentence, text_of
from test_review_samples import sample_document

from pipeline.cli.run import EXIT_EDITS_NOT_KEPT
from pipeline.review_merge import produced_path
from pipeline.tei.export import document_to_tei
from pipeline.tei.options import ExportOptions
from pipeline.tei.unkept import unkept_edits

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def edit_beyond_the_model(root):
    """A correction the review keeps, and three edits the pipeline does not write."""
    retype(root, "a01.en.s2", "Libya is not a safe country for migrants.")
    s1 = sentence(root, "a01.en.s1")
    bold = etree.SubElement(s1, f"{TEI}hi", rend="bold")  # an element the pipeline does not write
    bold.text, s1.text = s1.text, ""
    sentence(root, "a01.nl.s1").find("tei:orgName", NS).set("confidence", "high")  # an unknown attribute
    date = root.find(".//tei:publicationStmt/tei:date", NS)
    date.set("when", "2030-01-01")  # the header's date
    date.text = "2030-01-01"


def lines(path):
    root = etree.parse(str(path)).getroot()
    return {
        "hi": root.find(".//tei:hi", NS).sourceline,
        "orgName": sentence(root, "a01.nl.s1").find("tei:orgName", NS).sourceline,
        "date": root.find(".//tei:publicationStmt/tei:date", NS).sourceline,
    }


def test_an_edit_that_cannot_be_kept_is_reported_saved_and_exits_3(
    tmp_path, monkeypatch, tei_schema, lexicon, standin_argosmodel
):
    pipeline = Pipeline(monkeypatch, tei_schema, lexicon, standin_argosmodel, tmp_path / "cache")
    corpus, output = make_corpus(tmp_path / "corpus"), tmp_path / "out"
    assert pipeline.run(corpus, output).exit_code == 0
    path = output / "a01.xml"
    edit(path, edit_beyond_the_model)
    reviewed, at = path.read_bytes(), lines(path)
    saved = output / ".pipeline" / "kept" / f"a01.reviewed-{hashlib.sha256(reviewed).hexdigest()[:12]}.xml"

    result = pipeline.run(corpus, output)
    assert result.exit_code == EXIT_EDITS_NOT_KEPT == 3, result.output
    assert "warnings    3" in result.output
    where = f"(the reviewed file is saved as {saved})"
    for line, what in [
        (at["date"], "changed <date when=\"2030-01-01\"> '2030-01-01'"),
        (at["orgName"], "attribute @confidence on <orgName>"),
        (at["hi"], "element <hi> (its text is kept, the element is not)"),
    ]:
        assert f"  {path}: line {line}: reviewer edit not kept: {what} {where}" in result.output.splitlines()
    assert saved.read_bytes() == reviewed  # the reviewer's file, byte for byte
    # what can be kept is: the correction, recorded; the file valid
    root = etree.parse(str(path)).getroot()
    assert text_of(sentence(root, "a01.en.s2")) == "Libya is not a safe country for migrants."
    assert changes(root) == [("translation", "#a01.en.s2")]
    assert root.find(".//tei:hi", NS) is None
    assert tei_schema.validate(root), tei_schema.error_log

    # reported once: the rerun has nothing left to drop
    again = pipeline.run(corpus, output)
    assert again.exit_code == 0 and "warnings    0" in again.output


def test_merge_review_reports_what_a_rerun_cannot_keep(tmp_path, monkeypatch, tei_schema, lexicon, standin_argosmodel):
    pipeline = Pipeline(monkeypatch, tei_schema, lexicon, standin_argosmodel, tmp_path / "cache")
    corpus, output = make_corpus(tmp_path / "corpus"), tmp_path / "out"
    assert pipeline.run(corpus, output).exit_code == 0
    path = output / "a01.xml"
    produced = produced_path(path).read_bytes()
    edit(path, edit_beyond_the_model)
    reviewed = path.read_bytes()
    result = pipeline("merge-review", str(path))
    assert result.exit_code == 3, result.output
    assert result.output.startswith(f"{path}: 1 correction(s) found, file left as it is because of:\n")
    assert result.output.count("reviewer edit not kept") == 3
    [saved] = (output / ".pipeline" / "kept").glob("a01.reviewed-*.xml")
    assert saved.read_bytes() == reviewed
    # the file and its last-produced copy are left as they were: the next run keeps the
    # correction and reports the edits again
    assert path.read_bytes() == reviewed and produced_path(path).read_bytes() == produced
    rerun = pipeline.run(corpus, output)
    assert rerun.exit_code == 3 and rerun.output.count("reviewer edit not kept") == 3
    assert changes(etree.parse(str(path)).getroot()) == [("translation", "#a01.en.s2")]


def produced_and_reviewed(change):
    """The TEI of the sample document as produced, and as a reviewer left it (re-parsed: fresh line numbers)."""
    data = document_to_tei(sample_document(), ExportOptions(date="2024-05-01"))
    reviewed = etree.fromstring(data)
    change(reviewed)
    return etree.fromstring(data), etree.fromstring(etree.tostring(reviewed, pretty_print=True))


def split_english(root):
    """An alignment change: one English sentence becomes two."""
    second = etree.Element(f"{TEI}s", {XML_ID: "d900.en.s3.2", "corresp": "#d900.nl.s3"})
    second.text = "Really."
    sentence(root, "d900.en.s3").addnext(second)


def merge_marks(root):
    """What merge-review writes: @resp instead of @cert, a reviewer respStmt, a review <change>."""
    s2 = sentence(root, "d900.en.s2")
    s2.set("resp", "#resp.anna")
    del s2.attrib["cert"]
    etree.SubElement(root.find(".//tei:titleStmt", NS), f"{TEI}respStmt", {XML_ID: "resp.anna"})
    etree.SubElement(root.find(".//tei:revisionDesc", NS), f"{TEI}change", type="translation")


def comment(root):
    sentence(root, "d900.nl.s3").append(etree.Comment(" check "))


def remove_note(root):
    note = sentence(root, "d900.nl.s2").find("tei:note", NS)
    note.getparent().remove(note)


def name_without_ref(root):
    etree.SubElement(sentence(root, "d900.nl.s5"), f"{TEI}placeName").text = "x"


def retitle(root):
    root.find(".//tei:titleStmt/tei:title", NS).text = "Another title"


@pytest.mark.parametrize(
    "change",
    [
        lambda r: retype(r, "d900.en.s2", "UNHCR respects the principle."),  # its markers and note go too
        lambda r: retype(r, "d900.nl.s3", "Libië werkt helemaal niet mee."),
        split_english,
        merge_marks,
        lambda r: sentence(r, "d900.nl.s5").find("tei:placeName", NS).set("resp", "#resp.anna"),
    ],
    ids=["english-retyped", "dutch-retyped", "english-split", "merge-review-marks", "annotation-resp"],
)
def test_what_the_review_keeps_is_not_reported(change):
    assert unkept_edits(*produced_and_reviewed(change)) == []


@pytest.mark.parametrize(
    "change, whats",
    [
        (comment, ["added comment 'check'"]),
        # a removed note takes its sentence with it; the rerun puts both back
        (remove_note, ['removed <note n="1" place="foot" xml:id="d900.nl.b3">', 'removed <s xml:id="d900.nl.s4">']),
        (name_without_ref, ["<placeName> without @ref (its text is kept, the element is not)"]),
        (retitle, ['changed <title type="main" xml:lang="nl"> \'Another title\'']),
        (lambda r: sentence(r, "d900.en.s5").set("n", "5"), ["attribute @n on <s>"]),
    ],
    ids=["comment", "note-removed", "annotation-without-ref", "header-title", "english-attribute"],
)
def test_what_a_rerun_would_drop_is_reported_with_its_line(change, whats):
    produced, reviewed = produced_and_reviewed(change)
    found = unkept_edits(produced, reviewed)
    assert [e.what for e in found] == whats
    assert all(e.line > 1 for e in found)

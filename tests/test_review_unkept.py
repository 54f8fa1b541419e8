"""Acceptance: a reviewer's edit a rerun cannot keep is reported with file and line, the reviewed
file is saved beside the output before it is replaced, and the exit status is 3 (documented)."""

from __future__ import annotations

import hashlib

from lxml import etree
from review_support import NS, Pipeline, changes, edit, make_corpus, retype, sentence, text_of

from pipeline.cli.run import EXIT_EDITS_NOT_KEPT
from pipeline.review_merge import produced_path

TEI = "{http://www.tei-c.org/ns/1.0}"


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
    tmp_path, monkeypatch, tei_schema, standin_argosmodel
):
    pipeline = Pipeline(monkeypatch, tei_schema, standin_argosmodel, tmp_path / "cache")
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


def test_merge_review_reports_what_a_rerun_cannot_keep(tmp_path, monkeypatch, tei_schema, standin_argosmodel):
    pipeline = Pipeline(monkeypatch, tei_schema, standin_argosmodel, tmp_path / "cache")
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

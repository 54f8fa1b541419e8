"""Acceptance: a correction reaches the documents of the output folder it was made in, and
another output folder only through a review memory the user names (`--review-memory`)."""

from __future__ import annotations

from lxml import etree
from review_support import NS, Pipeline, changes, edit, files, make_corpus, retype, sentence, text_of

CORRECTED = "Libya is not a safe country for migrants."


def test_a_correction_stays_in_its_folder_unless_a_review_memory_is_named(
    tmp_path, monkeypatch, tei_schema, lexicon, standin_argosmodel
):
    pipeline = Pipeline(monkeypatch, tei_schema, lexicon, standin_argosmodel, tmp_path / "cache")
    corpus = make_corpus(tmp_path / "corpus")
    folder_a, folder_b = tmp_path / "A", tmp_path / "B"
    for folder in (folder_a, folder_b):
        assert pipeline.run(corpus, folder).exit_code == 0
    b_before = files(folder_b)

    # in A, a reviewer corrects the English of the shared sentence and merges it
    edit(folder_a / "a01.xml", lambda root: retype(root, "a01.en.s2", CORRECTED))
    merged = pipeline("merge-review", str(folder_a / "a01.xml"), "--reviewer", "Anna de Vries")
    assert merged.exit_code == 0, merged.output
    result = pipeline.run(corpus, folder_a)
    assert result.exit_code == 0, result.output
    # reused in the other document of the same folder, with its own <change> naming the origin
    b01_in_a = etree.parse(str(folder_a / "b01.xml")).getroot()
    reused = sentence(b01_in_a, "b01.en.s2")
    assert text_of(reused) == "Libya is not a safe country for migrants."
    assert reused.get("resp") == "#resp.Anna-de-Vries"
    assert changes(b01_in_a) == [("translation", "#b01.en.s2")]
    origin = b01_in_a.findtext(".//tei:change[@type='translation']/tei:seg[@type='origin']", namespaces=NS)
    assert origin == "a01.xml#a01.en.s2"

    # a plain run into B, over the same corpus and the same cache, changes nothing in B
    result = pipeline.run(corpus, folder_b)
    assert result.exit_code == 0, result.output
    assert "files       0 written" in result.output
    assert files(folder_b) == b_before

    # named as the review memory, A's correction reaches both of B's documents, saying where it came from
    result = pipeline.run(corpus, folder_b, "--review-memory", str(folder_a))
    assert result.exit_code == 0, result.output
    for doc_id in ("a01", "b01"):
        root = etree.parse(str(folder_b / f"{doc_id}.xml")).getroot()
        s2 = sentence(root, f"{doc_id}.en.s2")
        assert text_of(s2) == CORRECTED and s2.get("resp") == "#resp.Anna-de-Vries", doc_id
        assert changes(root) == [("translation", f"#{doc_id}.en.s2")], doc_id
        change = root.find(".//tei:change[@type='translation']", NS)
        assert change.findtext("tei:seg[@type='origin']", namespaces=NS) == f"{folder_a}/a01.xml#a01.en.s2"
        assert change.get("who") == "#resp.Anna-de-Vries"
        assert tei_schema.validate(root), tei_schema.error_log
    # the reuse is now B's own record: a plain rerun keeps it and changes no byte
    b_with_memory = files(folder_b)
    assert pipeline.run(corpus, folder_b).exit_code == 0
    assert files(folder_b) == b_with_memory

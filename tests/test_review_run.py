"""Acceptance: a reviewer edits an exported TEI file; `pipeline run` (the stand-in package) keeps
every correction, marks it, stays valid, is byte-identical on a second rerun, and reuses the
corrected translation for the same Dutch sentence in another document of the same folder."""

from __future__ import annotations

from lxml import etree
from review_support import (
    NS,
    SHARED,
    Pipeline,
    changes,
    edit,
    files,
    make_corpus,
    refs,
    retype,
    sentence,
    text_of,
)

from pipeline.translate import TranslateOptions, open_translator

TEI = "{http://www.tei-c.org/ns/1.0}"


def review(root):
    """One English sentence retyped, one Dutch annotation deleted (words kept), one added."""
    retype(root, "a01.en.s2", "Libya is no safe country for migrants.")
    s1 = sentence(root, "a01.nl.s1")
    org = s1.find("tei:orgName", NS)
    s1.text = (s1.text or "") + org.text + (org.tail or "")
    s1.remove(org)
    s2 = sentence(root, "a01.nl.s2")
    place = s2.find("tei:placeName", NS)
    place.tail = " is geen "
    term = etree.SubElement(s2, f"{TEI}term", type="obligation", ref="#obl.safe-country")
    term.text, term.tail = "veilig land", " voor migranten."  # a (made-up) norm


def test_reviewer_corrections_survive_reruns_and_are_reused(
    tmp_path, monkeypatch, tei_schema, lexicon, standin_argosmodel
):
    pipeline = Pipeline(monkeypatch, tei_schema, lexicon, standin_argosmodel, tmp_path / "cache")
    corpus, output = make_corpus(tmp_path / "corpus"), tmp_path / "out"
    assert pipeline.run(corpus, output).exit_code == 0
    edit(output / "a01.xml", review)

    result = pipeline.run(corpus, output)
    assert result.exit_code == 0, result.output
    root = etree.parse(str(output / "a01.xml")).getroot()
    assert tei_schema.validate(root), tei_schema.error_log
    en = sentence(root, "a01.en.s2")
    assert text_of(en) == "Libya is no safe country for migrants." and en.get("resp") == "#resp.reviewer"
    assert refs(en) == ["#pl.libya"]  # the retyped English is annotated afresh
    assert refs(sentence(root, "a01.nl.s1")) == ["#obl.non-refoulement"]
    s2 = sentence(root, "a01.nl.s2")
    assert [(t.text, t.get("resp")) for t in s2.iterfind("tei:term", NS)] == [("veilig land", "#resp.reviewer")]
    assert sorted(changes(root)) == [
        ("annotation-added", "#a01.nl.s2"),
        ("annotation-removed", "#a01.nl.s1"),
        ("translation", "#a01.en.s2"),
    ]
    # the other document of the folder got the corrected translation for the identical Dutch sentence
    other = etree.parse(str(output / "b01.xml")).getroot()
    reused = sentence(other, "b01.en.s2")
    assert text_of(reused) == "Libya is no safe country for migrants." and reused.get("resp") == "#resp.reviewer"

    # a second rerun changes nothing
    before = files(output)
    assert pipeline.run(corpus, output).exit_code == 0
    assert files(output) == before


def test_a_corrected_dutch_sentence_is_translated_again_and_marked(
    tmp_path, monkeypatch, tei_schema, lexicon, standin_argosmodel
):
    pipeline = Pipeline(monkeypatch, tei_schema, lexicon, standin_argosmodel, tmp_path / "cache")
    corpus, output = make_corpus(tmp_path / "corpus"), tmp_path / "out"
    assert pipeline.run(corpus, output).exit_code == 0
    corrected = "Het UNHCR respecteert het beginsel van non-refoulement."

    def fix_dutch(root):
        org = sentence(root, "a01.nl.s1").find("tei:orgName", NS)
        assert org.tail == " eert het "
        org.tail = " respecteert het "

    edit(output / "a01.xml", fix_dutch)
    result = pipeline.run(corpus, output)
    assert result.exit_code == 0, result.output
    root = etree.parse(str(output / "a01.xml")).getroot()
    assert tei_schema.validate(root), tei_schema.error_log
    assert text_of(sentence(root, "a01.nl.s1")) == corrected
    # translated from the corrected Dutch, not the input's
    with open_translator(TranslateOptions(model=standin_argosmodel, use_cache=False)) as translator:
        expected = translator.translate_texts([corrected])[corrected].text
    assert text_of(sentence(root, "a01.en.s1")) == expected
    assert sentence(root, "a01.en.s1").get("resp") is None
    assert changes(root) == [("source", "#a01.nl.s1")]
    assert SHARED in text_of(root.find(".//tei:text[@xml:lang='nl']", NS))
